"""End-to-end cost of `pantau run`: the real command, as a user runs it, per worker count.

Why a subprocess: what a user waits for includes interpreter start-up, imports, model
loading, counting the input, the process pool and the DuckDB writes; only the real
command measures all of it. Each worker count gets a fresh store in a temporary folder
(also the working directory, so no ./pantau.toml is picked up). Then the same command
runs again on the same store, where every document is already stored and skipped: the
cost of resuming or re-running.

Memory is measured two ways. The largest single process comes from `/usr/bin/time -v`
("Maximum resident set size") when it exists, else from `os.wait4`'s rusage for that one
run (`getrusage(RUSAGE_CHILDREN)` would carry the maximum over from earlier runs); in
both cases the kernel reports the maximum of the process and its reaped children, not
their sum. With --workers the parent and every spawned worker hold their own
interpreter and models, so a thread also sums VmRSS over the process tree from /proc
every 50 ms (this needs /proc/<pid>/task/<tid>/children, i.e. a kernel with
CONFIG_PROC_CHILDREN, as most distributions have; without it "n/a" is printed): the
sum counts shared library pages once per process (so it overstates a little) and can
miss a peak shorter than 50 ms.

507 documents take only a few seconds, so the input is the dev articles repeated
--copies times, with distinct ids (`<id>-copyK`) so that none is skipped as a duplicate.

Usage: .venv/bin/python benchmarks/bench_run.py [--data PATH] [--workers 1 2] [--copies N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from _common import DEFAULT_DATA, machine, mib, pairs, require_data, table

GNU_TIME = Path("/usr/bin/time")
SAMPLE_SECONDS = 0.05
SUMMARY = re.compile(
    r"(\d+) analysed and stored, (\d+) already stored, (\d+) failed, in ([\d.]+) s"
)
STAGE_ROW = re.compile(r"^\W*([a-z]+)\W+([\d.]+)\W+[\d.]+\W*$", re.MULTILINE)
"""A row of pantau's "time per stage" table: stage, seconds, ms/document."""
MAX_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def make_input(source: Path, copies: int, target: Path) -> int:
    """Write `source` repeated `copies` times with distinct ids; return the line count."""
    lines = [line for line in source.read_bytes().splitlines() if line.strip()]
    with target.open("w", encoding="utf-8") as out:
        for k in range(1, copies + 1):
            for number, line in enumerate(lines, start=1):
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    record = None
                if isinstance(record, dict):
                    record["id"] = f"{record.get('id') or f'line{number}'}-copy{k}"
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:  # keep a broken line broken: pantau's error path is part of the cost
                    out.write(line.decode("utf-8", "replace") + "\n")
    return copies * len(lines)


def pantau_command() -> list[str]:
    """The `pantau` next to this interpreter (the venv's), else on PATH, else `-m`."""
    beside = Path(sys.executable).parent / "pantau"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("pantau")
    return [found] if found else [sys.executable, "-m", "pantau.cli"]


def _children(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc/<pid>/task/*/children.

    Every thread's file is read: the process pool starts its workers from a thread.
    Reading a few files keeps each 50 ms sample cheap next to scanning all of /proc.
    """
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children += [int(child) for child in task.read_text().split()]
        except OSError:
            continue
    return children


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0  # gone, or a zombie (which has no VmRSS line)


class TreeSampler(threading.Thread):
    """Samples the summed and largest VmRSS of a process tree until stopped."""

    def __init__(self, root: int, include_root: bool) -> None:
        super().__init__(daemon=True)
        self.root, self.include_root = root, include_root
        self.peak_sum = self.peak_single = self.peak_processes = 0
        self._stop_event = threading.Event()

    def sample(self) -> None:
        tree, frontier = [], [self.root]
        while frontier:
            pid = frontier.pop()
            tree.append(pid)
            frontier.extend(_children(pid))
        rss = [_rss_kib(pid) for pid in tree if self.include_root or pid != self.root]
        rss = [kib for kib in rss if kib]
        self.peak_sum = max(self.peak_sum, sum(rss))
        self.peak_single = max(self.peak_single, max(rss, default=0))
        self.peak_processes = max(self.peak_processes, len(rss))

    def run(self) -> None:
        self.sample()
        while not self._stop_event.wait(SAMPLE_SECONDS):
            self.sample()

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass(frozen=True)
class RunResult:
    stored: int
    skipped: int
    failed: int
    wall: float
    """Seconds from launching the command to its exit."""
    inside: float
    """Seconds pantau reports itself (from reading the store to the last write)."""
    stages: float
    """Sum of pantau's per-stage seconds (over all workers, so CPU time, not wall)."""
    max_single_kib: int
    sampled_sum_kib: int
    processes: int


def run_pantau(data: Path, db: Path, workers: int, workdir: Path) -> RunResult:
    """Run `pantau run DATA --db DB --plain --workers N`, timing it and its memory."""
    command = [*pantau_command(), "run", str(data), "--db", str(db), "--plain"]
    command += ["--workers", str(workers)]
    time_file = workdir / "time.txt"
    use_time = GNU_TIME.is_file()
    if use_time:
        command = [str(GNU_TIME), "-v", "-o", str(time_file), *command]
    env = {**os.environ, "COLUMNS": "200"}  # rich wraps its summary at 80 columns otherwise
    with (workdir / "stdout.txt").open("w") as out, (workdir / "stderr.txt").open("w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=workdir, stdout=out, stderr=err, env=env)
        sampler = TreeSampler(process.pid, include_root=not use_time)
        sampler.start()
        if use_time:
            process.wait()
        else:
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        sampler.stop()
    stdout = (workdir / "stdout.txt").read_text()
    summary = SUMMARY.search(stdout)
    if process.returncode != 0 or summary is None:
        tail = (workdir / "stderr.txt").read_text()[-2000:]
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{stdout}{tail}")
    if use_time:
        found = MAX_RSS.search(time_file.read_text())
        max_single = int(found.group(1)) if found else 0
    else:
        max_single = usage.ru_maxrss
    stored, skipped, failed = (int(summary.group(i)) for i in (1, 2, 3))
    return RunResult(
        stored, skipped, failed, wall, float(summary.group(4)),
        sum(float(row.group(2)) for row in STAGE_ROW.finditer(stdout)), max_single,
        sampler.peak_sum, sampler.peak_processes,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a JSONL file")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts")
    parser.add_argument("--copies", type=int, default=4, help="times the data is repeated")
    args = parser.parse_args(argv)
    data = require_data(args.data.resolve())
    copies = max(args.copies, 1)
    memory_source = (
        f"{GNU_TIME} -v" if GNU_TIME.is_file() else "os.wait4 rusage (no /usr/bin/time)"
    )

    tree_known = any(Path("/proc/self/task").glob("*/children"))
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    rows = []
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        documents = make_input(data, copies, corpus)
        for workers in args.workers:
            db = workdir / f"workers-{workers}.duckdb"
            try:
                fresh = run_pantau(corpus, db, workers, workdir)
                again = run_pantau(corpus, db, workers, workdir)
            except RuntimeError as exc:
                print(exc, file=sys.stderr)
                return 1
            for label, result, count in (
                ("fresh store", fresh, fresh.stored + fresh.failed),
                ("re-run, all skipped", again, again.skipped),
            ):
                rows.append([
                    f"--workers {workers}, {label}",
                    count,
                    f"{result.wall:.2f}",
                    f"{count / result.wall:.1f}",
                    f"{count / result.inside:.1f}" if result.inside and label == "fresh store"
                    else "-",
                    f"{result.stages:.2f}",
                    mib(result.max_single_kib),
                    f"{mib(result.sampled_sum_kib)} ({result.processes})" if tree_known
                    else "n/a",
                ])

    after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print("pantau end-to-end benchmark: pantau run DATA --db TMP.duckdb --plain --workers N")
    print(pairs([
        ("machine", machine()),
        ("load average", f"{load} before, {after} after (other work on the machine skews)"),
        ("data", f"{data} x {copies} copies = {documents} documents"),
        ("largest process", f"from {memory_source}"),
        ("process tree sum", f"VmRSS summed over the tree from /proc every "
         f"{1000 * SAMPLE_SECONDS:.0f} ms (peak process count in brackets)"),
        ("docs/s (pantau)", "documents / the seconds pantau reports itself (no start-up)"),
        ("stages s", "pantau's per-stage seconds summed (over all workers: CPU, not wall)"),
    ]))
    print()
    print(table(
        [
            "run", "docs", "wall s", "docs/s", "docs/s (pantau)", "stages s",
            "largest process", "tree sum",
        ],
        rows,
    ))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
