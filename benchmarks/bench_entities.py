"""Entity recognition and linking speed on one core, and the memory of its resources.

Runs the cleaning, language and sentence stages first (not timed), then times the
entities stage alone (NER model + knowledge-base gazetteer, roles, grouping, linking)
over the development articles. The issue's targets: at least 20,000 tokens/second on one
core, and the loaded models and knowledge base under 500 MB.

    .venv/bin/python benchmarks/bench_entities.py [--data PATH] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from pathlib import Path

from _common import DEFAULT_DATA, machine, mib, pairs, require_data

TARGET_TOKENS_PER_SECOND = 20_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = require_data(args.data)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    before_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from pantau.config import Settings
    from pantau.extract.entities.recognizer import EntityRecognizer
    from pantau.ingest import RawDocument, iter_documents
    from pantau.nlp.tokens import tokenize
    from pantau.pipeline import Pipeline

    pipeline = Pipeline(Settings())
    pipeline.stages = []  # the earlier stages only: the entities stage is timed below
    started = time.perf_counter()
    recognizer = EntityRecognizer()
    analyses = [
        pipeline.analyze_document(d)
        for d in iter_documents([data], Settings().max_bytes)
        if isinstance(d, RawDocument)
    ]
    for lang in {a.language for a in analyses}:
        recognizer._model(lang)  # noqa: SLF001 - load the model before timing
    loaded = time.perf_counter() - started
    tokens = sum(len(tokenize(a.text)) for a in analyses)

    rates = []
    for _ in range(max(args.repeat, 1)):
        copies = [a.model_copy(deep=True) for a in analyses]
        start = time.perf_counter()
        for analysis in copies:
            recognizer(analysis)
        rates.append(tokens / (time.perf_counter() - start))
    entities = sum(len(a.entities) for a in copies)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    median = statistics.median(rates)
    print("pantau entities benchmark: NER + knowledge-base linking, one core")
    print(
        pairs(
            [
                ("machine", machine()),
                ("data", f"{data} ({len(analyses)} documents, {tokens:,} tokens)"),
                ("load average", " ".join(f"{x:.2f}" for x in os.getloadavg())),
                ("passes", ", ".join(f"{r:,.0f}" for r in rates) + " tokens/s"),
                (
                    "median",
                    f"{median:,.0f} tokens/s ({len(analyses) * median / tokens:.0f} documents/s)",
                ),
                ("entities found", f"{entities:,} ({entities / len(analyses):.1f} per document)"),
                ("start-up", f"{loaded:.2f} s (earlier stages on all documents + model load)"),
                (
                    "peak RSS",
                    f"{mib(peak_kib)} (process; {mib(before_kib)} before importing pantau)",
                ),
            ]
        )
    )
    met = "met" if median >= TARGET_TOKENS_PER_SECOND else "NOT met"
    print(f"target {TARGET_TOKENS_PER_SECOND:,} tokens/s: {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
