"""The HTTP API under load: requests per second and latency of the events query.

What is measured is what a user of `pantau serve` gets: the real command runs as a
subprocess on loopback against a store of at least `--events` events (default 100,000),
and wrk (https://github.com/wg/wrk) drives it for `--duration` seconds per query with
`--connections` open connections. wrk reports requests per second and the latency
distribution (p50, p99) and counts every non-2xx answer, socket error and timeout; a run
with any of them ends with a non-zero exit that says its figures are not valid.

The store: the development articles analysed once and stored as date-shifted copies
(`_events_store.py` says how), kept at `--db` when given (and reused when it already
holds enough events), else built in a temporary folder.

Each query runs against `pantau serve --cache 0` (every request runs its SQL) and
against the default server, whose response cache answers a repeated query from memory
until the next write (`--cache off|on|both`).

Usage:
  .venv/bin/python benchmarks/bench_api.py [--data PATH] [--db FILE] [--events N]
      [--duration S] [--connections C] [--threads T] [--cache off|on|both]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _common import DEFAULT_DATA, machine, pairs, require_data, table
from _events_store import build_store, store_counts

WRK = shutil.which("wrk") or "/usr/bin/wrk"
QUERIES = {
    "latest events": "/api/events?limit=50",
    "actor IDN, 2025": "/api/events?actor=IDN&from=2025-01-01&to=2025-12-31&limit=50",
    "root 14 (protest), page 5": "/api/events?root=14&offset=200&limit=50",
    "country RUS by goldstein": "/api/events?country=RUS&sort=goldstein&limit=50",
    "PLOVER ACCUSE, asserted": "/api/events?plover=ACCUSE&modality=asserted&limit=50",
}
"""The events query with the filters the dashboard uses; each is measured on its own."""
LATENCY_LINE = re.compile(r"^\s*(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(base: str, process: subprocess.Popen[bytes], attempts: int = 300) -> None:
    for _ in range(attempts):
        if process.poll() is not None:
            raise SystemExit(f"pantau serve exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/api/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("pantau serve did not answer /api/health")


def run_wrk(url: str, duration: int, connections: int, threads: int) -> dict[str, float]:
    command = [WRK, "--latency", f"-t{threads}", f"-c{connections}", f"-d{duration}s", url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures: dict[str, float] = {}
    for percentile, value, unit in LATENCY_LINE.findall(out):
        figures[f"p{percentile}"] = float(value) * UNIT_MS[unit]
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    figures["rps"] = float(rate.group(1)) if rate else 0.0
    figures["requests"] = float(total.group(1)) if total else 0.0
    figures["errors"] = float(non_2xx.group(1)) if non_2xx else 0.0
    if socket_errors:
        figures["errors"] += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return figures


def measure(db: Path, workdir: Path, cache: int, args: argparse.Namespace) -> list[tuple[str, ...]]:
    """Start `pantau serve --cache N` on the store and run wrk on every query."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    pantau = Path(sys.executable).parent / "pantau"
    command = [str(pantau), "serve", "--db", str(db), "--port", str(port), "--cache", str(cache)]
    server = subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL)
    rows = []
    try:
        wait_ready(base, server)
        for label, path in QUERIES.items():
            with urllib.request.urlopen(base + path, timeout=30) as response:
                body = response.read()
            matched = re.search(rb'"total":\s*(\d+)', body)
            run_wrk(base + path, 2, args.connections, args.threads)  # warm-up
            figures = run_wrk(base + path, args.duration, args.connections, args.threads)
            rows.append(
                (
                    label,
                    "on" if cache else "off",
                    matched.group(1).decode() if matched else "?",
                    f"{figures['rps']:.0f}",
                    f"{figures.get('p50', 0):.1f}",
                    f"{figures.get('p99', 0):.1f}",
                    f"{figures['requests']:.0f}",
                    f"{figures['errors']:.0f}",
                )
            )
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--db", type=Path, help="store to build or reuse (default: temporary)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds per query")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument(
        "--cache", choices=("off", "on", "both"), default="both", help="the response cache"
    )
    args = parser.parse_args()
    if not Path(WRK).exists():
        raise SystemExit("wrk not found (install it, e.g. apt-get install wrk)")

    workdir = Path(tempfile.mkdtemp(prefix="pantau-bench-api-"))
    db = args.db or workdir / "bench.duckdb"
    try:
        if db.exists() and store_counts(db)[1] >= args.events:
            documents, events = store_counts(db)
            print(f"reusing {db}: {documents} documents, {events} events", file=sys.stderr)
            built = "reused"
        else:
            require_data(args.data)
            db.unlink(missing_ok=True)
            documents, events, seconds = build_store(args.data, db, args.events)
            built = f"built in {seconds:.0f} s"
        rows = []
        if args.cache in ("off", "both"):
            rows += measure(db, workdir, 0, args)
        if args.cache in ("on", "both"):
            rows += measure(db, workdir, 512, args)
    finally:
        if not args.db:
            shutil.rmtree(workdir, ignore_errors=True)

    print(
        pairs(
            [
                ("machine", machine()),
                ("load average", " ".join(f"{x:.2f}" for x in os.getloadavg())),
                ("store", f"{documents:,} documents, {events:,} events ({built})"),
                (
                    "load",
                    f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency, "
                    "loopback, one `pantau serve` process",
                ),
            ]
        )
    )
    print()
    headers = (
        "query",
        "cache",
        "matching",
        "requests/s",
        "p50 ms",
        "p99 ms",
        "requests",
        "errors",
    )
    print(table(headers, rows))
    print()
    for label, path in QUERIES.items():
        print(f"{label}: GET {path}")
    if any(row[-1] != "0" for row in rows):
        raise SystemExit("some requests failed: the figures above are not valid")


if __name__ == "__main__":
    main()
