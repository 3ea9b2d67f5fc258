"""The `pantau` command."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pantau import __version__
from pantau.config import Settings, load_settings
from pantau.digest.commands import digest
from pantau.errors import PantauError
from pantau.eval.commands import evaluate_app
from pantau.export.commands import export_command
from pantau.ingest import ReadError, iter_documents
from pantau.kb.commands import kb_app
from pantau.model import Analysis, json_schema
from pantau.serve.commands import serve, token_app
from pantau.train import train_app

if TYPE_CHECKING:
    from pantau.batch import RunReport
    from pantau.store import StoreSummary

app = typer.Typer(
    name="pantau",
    help="News articles in, structured and evidence-linked data out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(evaluate_app, name="evaluate")
app.add_typer(kb_app, name="kb")
app.add_typer(train_app, name="train")
app.command("digest")(digest)
app.add_typer(token_app, name="token")
app.command("serve")(serve)
app.command("export")(export_command)
console = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True, highlight=False)


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


class DateOrder(StrEnum):
    DMY = "DMY"
    MDY = "MDY"


ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="settings file (default: ./pantau.toml)")
]
DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB store (default: pantau.duckdb)")]


ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="actor dictionary for event coding (PETRARCH or pantau "
                 "TOML); repeat for several"),
]
VerbsOption = Annotated[
    list[Path] | None,
    typer.Option("--verbs", help="verb dictionary for event coding (PETRARCH or pantau "
                 "TOML); repeat for several"),
]
DiscardsOption = Annotated[
    list[Path] | None,
    typer.Option("--discards", help="discard list for event coding (PETRARCH format: a "
                 "phrase per line, '+' for the whole story); repeat for several"),
]


def _paths(paths: list[Path] | None) -> tuple[str, ...] | None:
    return tuple(str(p) for p in paths) if paths else None


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _settings(config: Path | None, **overrides: object) -> Settings:
    try:
        return load_settings(config, **overrides)
    except PantauError as exc:
        raise _fail(str(exc)) from None


def _analysis_settings(config: Path | None, **overrides: object) -> Settings:
    """The settings of a command that analyses, with the user's event dictionaries read
    once: a broken one is one error here, not one failed document each, and what
    reading them noticed is printed as warnings."""
    from pantau.extract.events.dictionaries import check_dictionaries

    settings = _settings(config, **overrides)
    try:
        warnings = check_dictionaries(settings.verbs, settings.actors, settings.discards)
    except PantauError as exc:
        raise _fail(str(exc)) from None
    for warning in warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    return settings


@app.callback(invoke_without_command=True)
def main(
    version: Annotated[bool, typer.Option("--version", help="print the version")] = False,
) -> None:
    if version:
        console.print(f"pantau {__version__}")
        raise typer.Exit()


@app.command()
def analyze(
    path: Annotated[str, typer.Argument(help="a text, HTML or JSONL file, or - for stdin")],
    published: Annotated[
        str | None, typer.Option(help="publication date, YYYY-MM-DD (overrides metadata)")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="language code; detected when omitted")] = None,
    title: Annotated[str | None, typer.Option(help="the headline, if the input lacks one")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="json or table")] = (
        OutputFormat.json
    ),
    actors: ActorsOption = None,
    verbs: VerbsOption = None,
    discards: DiscardsOption = None,
    config: ConfigOption = None,
) -> None:
    """Analyse one document and print it in the output contract (one JSON object per
    document; a JSONL file gives one line per document)."""
    from pantau.ingest.published import normalize_published
    from pantau.pipeline import Pipeline

    settings = _analysis_settings(config, actors=_paths(actors), verbs=_paths(verbs),
                                  discards=_paths(discards))
    try:
        published = normalize_published(published)
    except ValueError as exc:
        raise _fail(f"--published: {exc}") from None
    try:
        pipeline = Pipeline(settings)
        failed = False
        for item in iter_documents([path], settings.max_bytes):
            if isinstance(item, ReadError):
                where = f"{item.path}:{item.line}" if item.line else item.path
                err.print(f"[red]error:[/red] {where}: {_strip_prefix(item.reason, item.path)}")
                failed = True
                continue
            item.published = published or item.published
            item.title = title or item.title
            try:
                analysis = pipeline.analyze_document(item, lang=lang)
            except PantauError as exc:
                err.print(f"[red]error:[/red] {item.source}: {exc}", highlight=False)
                failed = True
                continue
            if output is OutputFormat.json:
                sys.stdout.write(analysis.to_json() + "\n")
            else:
                _print_analysis(analysis)
    except PantauError as exc:
        raise _fail(str(exc)) from None
    if failed:
        raise typer.Exit(1)


def _strip_prefix(reason: str, path: str) -> str:
    return reason[len(path) + 2 :] if reason.startswith(f"{path}: ") else reason


def _print_analysis(a: Analysis) -> None:
    head = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", a.id),
        ("title", a.title),
        ("language", a.language),
        ("published", a.published),
        ("section", a.section),
        ("url", a.url),
        ("sentences", len(a.sentences)),
        ("entities", len(a.entities)),
        ("quotes", len(a.quotes)),
        ("places", len(a.places)),
        ("dates", len(a.dates)),
        ("events", len(a.events)),
    ):
        head.add_row(f"[bold]{label}[/bold]", "" if value is None else str(value))
    console.print(head)
    for warning in a.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    if a.entities:
        entities = Table(title="entities", title_justify="left")
        for column in ("name", "type", "country", "actor", "roles", "mentions"):
            entities.add_column(column, overflow="fold")
        for e in a.entities:
            entities.add_row(
                e.name,
                e.type,
                e.country or "",
                e.actor_code or "",
                "; ".join(e.roles),
                str(len(e.mentions)),
            )
        console.print(entities)
    if a.quotes:
        quotes = Table(title="quotes", title_justify="left")
        for column in ("speaker", "kind", "quote"):
            quotes.add_column(column, overflow="fold")
        for q in a.quotes:
            quotes.add_row(q.speaker_name or "?", q.kind, q.text[:160])
        console.print(quotes)
    if a.events:
        events = Table(title="events", title_justify="left")
        for column in ("source", "event", "target", "modality", "trigger", "where", "when",
                       "conf."):
            events.add_column(column, overflow="fold")
        places = {p.id: p.name for p in a.places}
        for e in a.events:
            stand_in = "" if e.date_source == "text" else "*"  # the publication day
            events.add_row(
                f"{e.source.name or '?'} ({e.source.code or '-'})",
                f"{e.cameo} {e.plover or ''}",
                f"{e.target.name} ({e.target.code or '-'})" if e.target else "",
                e.modality,
                e.trigger.text,
                places.get(e.place or "", ""),
                f"{e.date}{stand_in}" if e.date else "",
                f"{e.confidence:.2f}",
            )
        console.print(events)
        if any(e.date and e.date_source != "text" for e in a.events):
            console.print("* the publication day: the event's text gives no date", markup=False)
    if a.removed:
        removed = Table(title="removed by cleaning", show_lines=False)
        removed.add_column("reason")
        removed.add_column("text", overflow="fold")
        for r in a.removed:
            removed.add_row(r.reason, r.text[:160])
        console.print(removed)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="files, folders (recursive), JSONL, or -")],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(help="worker processes (default 1)")] = None,
    force: Annotated[bool, typer.Option(help="re-analyse documents already stored")] = False,
    date_order: Annotated[
        DateOrder | None,
        typer.Option(help="read ambiguous 01/02/2025 dates as DMY or MDY (default: inferred)"),
    ] = None,
    plain: Annotated[
        bool, typer.Option(help="plain progress lines instead of a progress bar")
    ] = False,
    actors: ActorsOption = None,
    verbs: VerbsOption = None,
    discards: DiscardsOption = None,
    config: ConfigOption = None,
) -> None:
    """Analyse many documents and store every layer in DuckDB (resumable, idempotent)."""
    from pantau.batch import count_documents
    from pantau.batch import run as run_batch
    from pantau.store import Store

    settings = _analysis_settings(
        config, db=db, workers=workers, actors=_paths(actors), verbs=_paths(verbs),
        discards=_paths(discards),
    )
    total = count_documents(paths)
    order = date_order.value if date_order else None
    try:
        with Store(settings.db) as store, _progress(total, plain) as progress:
            report = run_batch(paths, store, settings, settings.workers, force, progress, order)
            summary = store.summary()
    except PantauError as exc:
        raise _fail(str(exc)) from None
    _print_run_report(report, summary)


def _status(report: RunReport) -> str:
    return f"{report.stored} stored, {report.skipped} skipped, {report.failed} failed"


@contextmanager
def _progress(total: int | None, plain: bool) -> Iterator[Callable[[RunReport], None]]:
    """A progress callback: a rich bar on a terminal, else one plain line per batch."""
    if plain or not err.is_terminal:
        yield lambda r: err.print(f"pantau: {r.processed}/{total or '?'} documents ({_status(r)})")
        return
    columns = (TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn())
    extra = (TextColumn("{task.fields[detail]}"), TimeElapsedColumn())
    with Progress(*columns, *extra, console=err) as bar:
        task = bar.add_task("run", total=total, detail="")
        yield lambda r: bar.update(task, completed=r.processed, detail=_status(r))


def _print_run_report(report: RunReport, summary: StoreSummary) -> None:
    rate = report.stored / report.seconds if report.seconds else 0.0
    console.print(
        f"[bold]{report.stored}[/bold] analysed and stored, {report.skipped} already stored, "
        f"{report.failed} failed, in {report.seconds:.1f} s ({rate:.1f} documents/s)"
    )
    if report.languages:
        langs = ", ".join(f"{k} {v}" for k, v in report.languages.most_common())
        console.print(f"languages: {langs}")
    if report.removed:
        removed = ", ".join(f"{k} {v}" for k, v in report.removed.most_common())
        console.print(f"removed by cleaning: {removed}")
    if report.timings:
        stages = Table(title="time per stage", title_justify="left")
        stages.add_column("stage")
        stages.add_column("seconds", justify="right")
        stages.add_column("ms/document", justify="right")
        for stage, seconds in report.timings.most_common():
            per_doc = 1000 * seconds / max(report.stored + report.failed, 1)
            stages.add_row(stage, f"{seconds:.2f}", f"{per_doc:.2f}")
        console.print(stages)
    for error in report.errors[:10]:
        where = f"{error.path}:{error.line}" if error.line else error.path
        console.print(
            f"[red]skipped[/red] {where}: {_strip_prefix(error.reason, error.path)}",
            highlight=False,
            soft_wrap=True,
        )
    if len(report.errors) > 10:
        console.print(f"... and {len(report.errors) - 10} more (pantau show --errors)")
    console.print(f"store: [bold]{summary.path}[/bold] now holds {summary.documents} documents")


@app.command()
def show(
    db: DbOption = None,
    errors: Annotated[bool, typer.Option("--errors", help="list every recorded error")] = False,
    config: ConfigOption = None,
) -> None:
    """Summarise a store: documents, languages, layers, cleaning and errors."""
    from pantau.store import Store

    settings = _settings(config, db=db)
    try:
        with Store(settings.db, read_only=True) as store:
            summary = store.summary()
            error_rows = store.errors() if errors else []
    except PantauError as exc:
        raise _fail(str(exc)) from None
    table = Table.grid(padding=(0, 2))
    table.add_row("[bold]store[/bold]", summary.path)
    table.add_row("[bold]documents[/bold]", str(summary.documents))
    table.add_row(
        "[bold]languages[/bold]", ", ".join(f"{k} {v}" for k, v in summary.languages.items())
    )
    table.add_row(
        "[bold]published[/bold]",
        f"{summary.first_published or '?'} .. {summary.last_published or '?'}",
    )
    for layer, n in summary.layers.items():
        table.add_row(f"[bold]{layer}[/bold]", str(n))
    table.add_row("[bold]removed[/bold]", ", ".join(f"{k} {v}" for k, v in summary.removed.items()))
    table.add_row("[bold]errors[/bold]", str(summary.errors))
    console.print(table)
    for path, line, reason in error_rows:
        where = f"{path}:{line}" if line else path
        console.print(
            f"[red]error[/red] {where}: {_strip_prefix(reason, path)}",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def schema() -> None:
    """Print the JSON Schema of one analysis (the output contract)."""
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    app()
