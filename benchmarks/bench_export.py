"""Exporting a large store: time and peak memory of `pantau export` per format.

The store holds at least `--events` events (default 100,000): the development articles
analysed once and stored as date-shifted copies, built exactly as bench_api.py builds
its store (and reused from `--db` when it already holds enough events). Each export runs
as its own `pantau export` process, so its peak resident memory (getrusage of the
child) is the export's own, loaded knowledge base included.

Usage:
  .venv/bin/python benchmarks/bench_export.py [--data PATH] [--db FILE] [--events N]
      [--formats gdelt-events,gdelt-mentions,gdelt-gkg,plover]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import DEFAULT_DATA, machine, mib, require_data, table
from _events_store import build_store, store_counts


def run_export(db: Path, fmt: str, out: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS in KiB, output bytes) of one `pantau export` process."""
    pantau = Path(sys.executable).parent / "pantau"
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(pantau), "export", "--db", str(db), "--format", fmt, "--out", str(out)],
        stdout=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"pantau export --format {fmt} failed")
    size = sum(f.stat().st_size for f in out.rglob("*")) if out.is_dir() else out.stat().st_size
    return seconds, usage.ru_maxrss, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--db", type=Path, help="store to build or reuse (default: temporary)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--formats", default="gdelt-events,gdelt-mentions,gdelt-gkg,plover")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="pantau-bench-export-"))
    try:
        db = args.db or workdir / "store.duckdb"
        if not (db.exists() and store_counts(db)[1] >= args.events):
            build_store(require_data(args.data), db, args.events)
        documents, events = store_counts(db)
        rows = []
        for fmt in args.formats.split(","):
            out = workdir / f"export.{fmt}"
            seconds, peak_kib, size = run_export(db, fmt, out)
            if out.is_file():
                lines = len(out.read_bytes().splitlines())
                count, rate = f"{lines:,}", f"{lines / seconds:,.0f}"
            else:  # parquet: a directory of tables
                count, rate = "tables", "-"
            rows.append((fmt, count, f"{seconds:.1f}", rate, mib(peak_kib), mib(size / 1024)))
        print(machine())
        print(f"store: {documents:,} documents, {events:,} events")
        print(table(("format", "rows", "seconds", "rows/s", "peak RSS", "output"), rows))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
