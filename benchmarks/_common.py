"""Helpers shared by the benchmark scripts: where the data lives, and plain-text tables.

The scripts print plain text (no rich) so their output can be pasted into
docs/benchmarks.md as-is and diffed between runs.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "news" / "id" / "detik-2025-dev.jsonl"
"""The 507 detik development articles; outside the repo, next to the checkout."""

EXIT_NO_DATA = 2


def require_data(path: Path) -> Path:
    """The data file, or exit 2 with a message: a fresh checkout may lack ../shared/data."""
    if not path.is_file():
        print(
            f"benchmark data not found: {path}\n"
            "These benchmarks need the development corpus in ../shared/data next to the "
            "checkout (or pass --data PATH to a JSONL file).",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_NO_DATA)
    return path


def machine() -> str:
    """One line naming the CPU and Python, so figures are never read without context."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cores} cores usable, Python {platform.python_version()}"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: first column left-aligned, the figures right-aligned."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def pairs(items: Sequence[tuple[str, str]]) -> str:
    """Label/value lines with the values aligned: for figures that are not a grid."""
    width = max(len(label) for label, _ in items)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in items)


def mib(kib: float) -> str:
    """KiB (what ru_maxrss, /usr/bin/time and /proc report on Linux) as MiB."""
    return f"{kib / 1024:.1f} MiB"
