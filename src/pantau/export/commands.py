"""`pantau export`: a store in the formats other tools read."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pantau.config import load_settings
from pantau.errors import PantauError

console = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)


class ExportFormat(StrEnum):
    gdelt_events = "gdelt-events"
    gdelt_mentions = "gdelt-mentions"
    gdelt_gkg = "gdelt-gkg"
    plover = "plover"
    jsonl = "jsonl"
    parquet = "parquet"


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        err.print(f"[red]error:[/red] {option} {value!r} is not a date (YYYY-MM-DD)")
        raise typer.Exit(1) from None


def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", help="output format")],
    out: Annotated[
        Path, typer.Option("--out", help="output file (a directory for parquet)")
    ],
    db: Annotated[
        str | None, typer.Option("--db", help="DuckDB store (default: pantau.duckdb)")
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--from", help="first day, YYYY-MM-DD (event day for event formats, "
                     "publication day otherwise)"),
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="last day, YYYY-MM-DD")] = None,
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", help="event formats: leave out events below this "
                     "confidence (0-1; docs/accuracy.md gives the share right by confidence)"),
    ] = 0.0,
    config: Annotated[
        Path | None, typer.Option("--config", help="settings file (default: ./pantau.toml)")
    ] = None,
) -> None:
    """Export a store: GDELT 2.0 Events/Mentions/GKG 2.1 (tab-separated, no header),
    PLOVER JSONL, JSONL of the analysis contract, or Parquet tables."""
    from pantau.export import export

    first, last = _day(start, "--from"), _day(end, "--to")
    began = datetime.now()
    try:
        settings = load_settings(config, db=db)
        report = export(settings.db, format.value, out, first, last, min_confidence)
    except PantauError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    seconds = (datetime.now() - began).total_seconds()
    skipped = f", {report.skipped} events without a PLOVER type left out" if report.skipped else ""
    console.print(
        f"{report.rows} rows from {report.documents} documents -> {report.path} "
        f"({seconds:.1f} s{skipped})"
    )
