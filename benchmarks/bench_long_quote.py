"""The quotes stage on an article that is one long quote, from 0.5 MB to 5 MB.

Issue 4 asks that such input neither crashes nor slows down more than linearly: the
figure to watch is microseconds per character, which should stay flat as the size grows.
Only the quotes stage is timed (on an analysis with one paragraph and one sentence span,
the worst case for pairing quotation marks): the other stages are measured elsewhere.

    .venv/bin/python benchmarks/bench_long_quote.py
"""

from __future__ import annotations

import time

from _common import machine, table

from pantau.extract.quotes import QuoteExtractor
from pantau.model import Analysis, Span

SENTENCE = "Kami akan terus bekerja keras untuk rakyat di seluruh negeri ini, kata dia. "


def main() -> int:
    extractor = QuoteExtractor()
    rows = []
    for megabytes in (0.5, 1, 2, 5):
        body = SENTENCE * int(megabytes * 1_000_000 / len(SENTENCE))
        text = "“" + body + "” kata Budi Santoso."
        analysis = Analysis(
            id="long", language="id", text=text, sentences=[Span(start=0, end=len(text))]
        )
        start = time.perf_counter()
        extractor(analysis)
        seconds = time.perf_counter() - start
        rows.append(
            [
                f"{megabytes} MB",
                f"{len(text):,}",
                f"{seconds:.2f}",
                f"{1e6 * seconds / len(text):.3f}",
                len(analysis.quotes),
            ]
        )
    print("pantau quotes on one long quote")
    print(f"machine: {machine()}")
    print(table(["input", "characters", "seconds", "µs/character", "quotes"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
