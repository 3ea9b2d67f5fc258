"""`export`: one store, one format, one output path.

Every output is written to a temporary name beside its destination and moved into place
when complete, so an export that fails half-way leaves no half-written file behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO, Any

from pantau.errors import PantauError
from pantau.export.codes import Geography
from pantau.export.gdelt import event_rows, timestamp
from pantau.export.gkg import gkg_row
from pantau.export.plover import plover_records
from pantau.export.source import DateRange, StoredAnalysis, stored_documents
from pantau.store import Store

PARQUET_TABLES = (
    "documents", "removed", "entities", "mentions", "quotes", "places", "place_mentions",
    "dates", "events", "errors",
)
_BREAKS = re.compile(r"[\t\r\n]+")


class ExportError(PantauError):
    pass


@dataclass(frozen=True)
class Selection:
    """What of the store an export holds: a date range (the event's day for event
    formats, the publication day otherwise) and, for event formats, the least
    confidence of an event."""

    days: DateRange = DateRange()
    min_confidence: float = 0.0


@dataclass
class ExportReport:
    format: str
    path: str
    documents: int = 0
    """Documents with at least one row in the output."""
    rows: int = 0
    skipped: int = 0
    """Events left out because the format cannot hold them (PLOVER: no PLOVER type)."""


def tsv_value(value: Any) -> str:
    """GDELT's files are tab-separated with no quoting: a value never holds a tab or a
    line break; a missing value is empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _BREAKS.sub(" ", value)
    return str(value)


def _tsv(out: IO[str], row: list[Any]) -> None:
    out.write("\t".join(tsv_value(v) for v in row))
    out.write("\n")


@contextmanager
def _atomic_file(path: Path) -> Iterator[IO[str]]:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with tmp.open("w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _documents(store: Store, days: DateRange, on_published: bool) -> Iterator[StoredAnalysis]:
    return stored_documents(store, days if on_published else None)


def _confident(documents: Iterator[StoredAnalysis], least: float) -> Iterator[StoredAnalysis]:
    """The documents with only their events of at least `least` confidence."""
    for doc in documents:
        if least > 0:
            events = [e for e in doc.analysis.get("events", []) if e["confidence"] >= least]
            doc = replace(doc, analysis={**doc.analysis, "events": events})
        yield doc


def _event_documents(store: Store, selection: Selection) -> Iterator[StoredAnalysis]:
    """Every document for an event format (the date range is the writer's, on each
    event's day), with its events of enough confidence."""
    return _confident(_documents(store, selection.days, on_published=False),
                      selection.min_confidence)


def _gdelt(store: Store, out: Path, selection: Selection, table: int,
           report: ExportReport) -> None:
    geography = Geography()
    days = selection.days
    with _atomic_file(out) as f:
        for doc in _event_documents(store, selection):
            before = report.rows
            for rows in event_rows(doc, geography, days):
                _tsv(f, rows[table])
                report.rows += 1
            report.documents += report.rows > before


def _gdelt_events(store: Store, out: Path, selection: Selection, report: ExportReport) -> None:
    _gdelt(store, out, selection, 0, report)


def _gdelt_mentions(store: Store, out: Path, selection: Selection,
                    report: ExportReport) -> None:
    _gdelt(store, out, selection, 1, report)


def _gdelt_gkg(store: Store, out: Path, selection: Selection, report: ExportReport) -> None:
    """GKGRECORDID is "<time the document was stored>-<sequence within that time>", as
    GDELT numbers records within each 15-minute batch."""
    geography = Geography()
    sequence: dict[int | None, int] = {}
    with _atomic_file(out) as f:
        for doc in _documents(store, selection.days, on_published=True):
            batch = timestamp(doc.stored_at)
            sequence[batch] = sequence.get(batch, -1) + 1
            _tsv(f, gkg_row(doc, f"{batch}-{sequence[batch]}", geography))
            report.documents += 1
            report.rows += 1


def _plover(store: Store, out: Path, selection: Selection, report: ExportReport) -> None:
    with _atomic_file(out) as f:
        for doc in _event_documents(store, selection):
            records, untyped = plover_records(doc, selection.days)
            report.documents += bool(records)
            report.skipped += untyped
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                report.rows += 1


def _jsonl(store: Store, out: Path, selection: Selection, report: ExportReport) -> None:
    with _atomic_file(out) as f:
        for doc in _documents(store, selection.days, on_published=True):
            f.write(json.dumps(doc.analysis, ensure_ascii=False) + "\n")
            report.documents += 1
            report.rows += 1


def _parquet(store: Store, out: Path, selection: Selection, report: ExportReport) -> None:
    """One Parquet file per store table in the directory `out`, written by DuckDB.

    One thread and row groups of 10,000 rows: with DuckDB's defaults (a thread a core,
    122,880 rows a group) the documents table, whole analyses included, took 1.5 GB to
    write for a 41,000-document store; like this, about 0.6 GB, one second slower
    (benchmarks/bench_export.py)."""
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".parquet.", dir=out))
    days = selection.days
    day = "try_cast(substr(published, 1, 10) AS DATE)"
    where = " AND ".join(
        clause
        for clause in (
            f"{day} >= DATE '{days.start}'" if days.start else "",
            f"{day} <= DATE '{days.end}'" if days.end else "",
        )
        if clause
    )
    chosen = f"SELECT id FROM documents WHERE {where}" if where else None
    store.db.execute("SET threads = 1")
    try:
        for table in PARQUET_TABLES:
            key = "id" if table == "documents" else "doc_id"
            if table == "errors":
                select = "SELECT * FROM errors"
            elif chosen:
                select = f"SELECT * FROM {table} WHERE {key} IN ({chosen})"
            else:
                select = f"SELECT * FROM {table}"
            target = staging / f"{table}.parquet"
            options = "FORMAT parquet, ROW_GROUP_SIZE 10000"
            store.db.execute(f"COPY ({select}) TO '{target}' ({options})")
            rows = store.db.execute(f"SELECT count(*) FROM ({select})").fetchone()[0]
            if table == "documents":
                report.documents = rows
            report.rows += rows
        for file in staging.iterdir():
            os.replace(file, out / file.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


Writer = Callable[[Store, Path, Selection, ExportReport], None]
EVENT_FORMATS = frozenset({"gdelt-events", "gdelt-mentions", "plover"})
FORMATS: dict[str, Writer] = {
    "gdelt-events": _gdelt_events,
    "gdelt-mentions": _gdelt_mentions,
    "gdelt-gkg": _gdelt_gkg,
    "plover": _plover,
    "jsonl": _jsonl,
    "parquet": _parquet,
}


def export(
    db: str | Path,
    format: str,
    out: str | Path,
    start: date | None = None,
    end: date | None = None,
    min_confidence: float = 0.0,
) -> ExportReport:
    """Write the store `db` in `format` to `out` (a file; a directory for parquet).

    The date range is inclusive and applies to each event's day for event formats
    (gdelt-events, gdelt-mentions, plover) and to the publication day otherwise.
    `min_confidence` leaves out the events of event formats below it.
    """
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r} (have: {', '.join(FORMATS)})")
    if not 0 <= min_confidence <= 1:
        raise ExportError(f"--min-confidence {min_confidence} is not between 0 and 1")
    if min_confidence and format not in EVENT_FORMATS:
        raise ExportError(f"--min-confidence applies to the event formats "
                          f"({', '.join(sorted(EVENT_FORMATS))}), not {format}")
    if start and end and start > end:
        raise ExportError(f"--from {start} is after --to {end}")
    out = Path(out)
    if format != "parquet" and out.is_dir():
        raise ExportError(f"{out} is a directory; {format} writes one file")
    if format == "parquet" and out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; parquet writes a directory of tables")
    report = ExportReport(format, str(out))
    with Store(db, read_only=True) as store:
        try:
            FORMATS[format](store, out, Selection(DateRange(start, end), min_confidence),
                            report)
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
    return report
