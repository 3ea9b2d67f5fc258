"""A store of many events for the API and export benchmarks.

Analysing 100,000 events' worth of news (some 40,000 articles, over 20 minutes) would
measure the pipeline, not what the benchmark is about, so the development
articles are analysed once with the real pipeline and then stored again and again as
copies: copy k has ids `<id>-k<k>`, its own source, and every full date (publication,
event and date-expression values) shifted k weeks back, so the copies spread over years
like a real archive instead of piling onto one week.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path


def shift_date(value: str | None, days: int) -> str | None:
    """`value` moved by `days` when it is a full date (the rest of the string kept);
    months, years and nothing stay as they are."""
    if not value or len(value) < 10:
        return value
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return (day + timedelta(days=days)).isoformat() + value[10:]


def build_store(data: Path, db: Path, events: int) -> tuple[int, int, float]:
    """Analyse `data` once and store shifted copies until the store holds `events`
    events; returns (documents, events, seconds)."""
    from pantau.config import load_settings
    from pantau.ingest import ReadError, iter_documents
    from pantau.pipeline import Pipeline, settings_version
    from pantau.store import Store
    from pantau.store.duckdb_store import StoredDocument

    started = time.perf_counter()
    settings = load_settings()
    pipeline = Pipeline(settings)
    version = settings_version(settings)
    originals = []
    for raw in iter_documents([data], settings.max_bytes):
        if isinstance(raw, ReadError):
            continue
        try:
            originals.append((pipeline.analyze_document(raw), raw.input_hash))
        except Exception as exc:  # noqa: BLE001 - a benchmark skips what pantau refuses
            print(f"skipped {raw.source}: {exc}", file=sys.stderr)
    per_copy = sum(len(a.events) for a, _ in originals)
    if per_copy == 0:
        raise SystemExit("the data gives no events; cannot build an events store")
    copies = -(-events // per_copy)
    print(
        f"analysed {len(originals)} documents ({per_copy} events) in "
        f"{time.perf_counter() - started:.0f} s; storing {copies} copies",
        file=sys.stderr,
    )
    with Store(db) as store:
        for k in range(copies):
            shift = -7 * k
            batch = []
            for analysis, input_hash in originals:
                copy = analysis.model_copy(
                    update={
                        "id": f"{analysis.id}-k{k}",
                        "source": f"{analysis.source}#k{k}",
                        "published": shift_date(analysis.published, shift),
                        "events": [
                            e.model_copy(update={"date": shift_date(e.date, shift)})
                            for e in analysis.events
                        ],
                        "dates": [
                            d.model_copy(update={"value": shift_date(d.value, shift)})
                            for d in analysis.dates
                        ],
                    }
                )
                batch.append(StoredDocument(copy, input_hash, version))
            store.write(batch)
        documents, stored_events = store.count("documents"), store.count("events")
    return documents, stored_events, time.perf_counter() - started


def store_counts(db: Path) -> tuple[int, int]:
    from pantau.store import Store

    with Store(db, read_only=True) as store:
        return store.count("documents"), store.count("events")
