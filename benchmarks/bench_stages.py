"""Throughput of the analysis stages on one core, the whole pipeline and each stage.

The issue-2 target (at least 200 documents/second) is for the text stages alone
(ingest, cleaning, language, sentences): their rate is computed from their own timers.
Quotes must add at most 10 % to the time of an analysis (issue 4), event coding at most
25 % (issue 5): their shares are printed too.

Why this shape: the issue's target (at least 200 documents/second per core) is about
the analysis itself, so this calls `Pipeline.analyze_document` directly: no store, no
process pool, no CLI. The process is pinned to one CPU so the figure is per core even
if a library underneath (lingua is Rust) would use threads. The first pass over the
data is a warm-up and is reported as start-up: lingua loads its language models lazily
on first use, which is a one-off cost, not throughput. Settings are the defaults
(`Settings()`), so a stray ./pantau.toml cannot change what is measured.

Usage: .venv/bin/python benchmarks/bench_stages.py [--data PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from _common import DEFAULT_DATA, machine, mib, pairs, require_data, table

if TYPE_CHECKING:
    from pantau.ingest import RawDocument
    from pantau.pipeline import Pipeline

TARGET_DOCS_PER_SECOND = 200.0
TEXT_STAGES = ("ingest", "clean", "language", "sentences")


@dataclass(frozen=True)
class Pass:
    """One timed pass over every document."""

    seconds: float
    stages: dict[str, float]
    """Seconds per stage, from `Pipeline.timings`."""
    failed: int
    first: float
    """Seconds for the first document: in the warm-up pass, lingua loads its models."""

    def rate(self, documents: int) -> float:
        return documents / self.seconds if self.seconds else 0.0


def pin_to_one_core() -> int | None:
    """Pin this process to its first allowed CPU (before any library starts threads)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def one_pass(pipeline: Pipeline, documents: Sequence[RawDocument]) -> Pass:
    """Analyse every document once; a document pantau refuses counts as failed, not fatal."""
    from pantau.errors import PantauError

    pipeline.timings.clear()
    failed = 0
    started = time.perf_counter()
    first = 0.0
    for document in documents:
        try:
            pipeline.analyze_document(document)
        except PantauError:
            failed += 1
        first = first or time.perf_counter() - started
    return Pass(time.perf_counter() - started, dict(pipeline.timings), failed, first)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a JSONL file")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (median reported)")
    args = parser.parse_args(argv)
    data = require_data(args.data.resolve())
    repeat = max(args.repeat, 1)

    where = machine()
    cpu = pin_to_one_core()
    started = time.perf_counter()
    from pantau.config import Settings
    from pantau.ingest import RawDocument, iter_documents
    from pantau.pipeline import Pipeline

    imported = time.perf_counter()
    settings = Settings()
    pipeline = Pipeline(settings)
    built = time.perf_counter()

    items = list(iter_documents([data], settings.max_bytes))
    documents = [d for d in items if isinstance(d, RawDocument)]
    unreadable = len(items) - len(documents)
    if not documents:
        print(f"no readable documents in {data}")
        return 1
    n = len(documents)
    chars = sum(len(d.text) for d in documents)

    warm = one_pass(pipeline, documents)
    passes = [one_pass(pipeline, documents) for _ in range(repeat)]
    rates = [p.rate(n) for p in passes]
    median_rate = statistics.median(rates)
    stages = sorted({stage for p in passes for stage in p.stages})
    per_stage = {s: statistics.median(p.stages.get(s, 0.0) for p in passes) for s in stages}
    total = statistics.median(p.seconds for p in passes)
    other = max(total - sum(per_stage.values()), 0.0)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    pinned = f"pinned to CPU {cpu}" if cpu is not None else "not pinned"
    print(f"pantau stage benchmark: the whole analysis and each stage, one core ({pinned})")
    print(f"machine: {where}")
    print(f"data: {data}")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average: {load} (other work on the machine skews the figures)")
    print()
    print(pairs([
        ("documents", f"{n} ({unreadable} unreadable, {passes[0].failed} refused by pantau)"),
        ("input characters", f"{chars:,}"),
        ("start-up", f"import pantau {imported - started:.2f} s, "
         f"Pipeline() {built - imported:.2f} s"),
        ("warm-up pass", f"{warm.seconds:.2f} s ({warm.rate(n):.0f} docs/s); first document "
         f"{1000 * warm.first:.0f} ms (lingua loads its models on first use)"),
        ("timed passes", ", ".join(f"{r:.1f}" for r in rates) + " docs/s"),
        ("median", f"{median_rate:.1f} docs/s ({chars / total / 1e6:.2f} M characters/s)"),
        ("peak RSS", f"{mib(peak_kib)} (ru_maxrss of this process)"),
    ]))
    print()
    rows = [
        [stage, f"{1000 * seconds / n:.2f}", f"{100 * seconds / total:.0f}%"]
        for stage, seconds in [*sorted(per_stage.items(), key=lambda kv: -kv[1]), ("other", other)]
    ]
    rows.append(["total", f"{1000 * total / n:.2f}", "100%"])
    print(table(["stage", "ms/document", "share"], rows))
    print()
    text_stages = sum(per_stage.get(s, 0.0) for s in TEXT_STAGES)
    text_rate = n / text_stages if text_stages else 0.0
    verdict = "met" if text_rate >= TARGET_DOCS_PER_SECOND else "NOT met"
    target = f"target {TARGET_DOCS_PER_SECOND:.0f} docs/s for {' + '.join(TEXT_STAGES)}"
    print(f"{target}: {verdict} ({text_rate:.1f} docs/s on one core)")
    for stage, target_share, issue in (("quotes", 10, 4), ("events", 25, 5)):
        seconds = per_stage.get(stage, 0.0)
        if seconds:
            share = 100 * seconds / (total - seconds)
            print(f"{stage} add {share:.1f} % to the rest of an analysis "
                  f"(issue {issue} target: at most {target_share} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
