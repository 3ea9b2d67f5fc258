"""`pantau serve` and `pantau token ...`.

This module imports nothing of the `serve` extra at import time, so `pantau` starts
without FastAPI installed and `pantau serve` then says which `pip install` fixes it.
Token commands need no extra at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pantau.config import load_settings
from pantau.errors import MissingDependencyError, PantauError
from pantau.serve.tokens import TokenFile, tokens_path

console = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

token_app = typer.Typer(
    help="API tokens for the write endpoints of `pantau serve` (stored as hashes in "
    "<store>.tokens).",
    no_args_is_help=True,
)

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB store (default: pantau.duckdb)")]
TokensOption = Annotated[
    Path | None, typer.Option("--tokens", help="token file (default: the store's path + .tokens)")
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="settings file (default: ./pantau.toml)")
]


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", markup=True)
    return typer.Exit(1)


def _token_file(db: str | None, tokens: Path | None, config: Path | None = None) -> TokenFile:
    if tokens:
        return TokenFile(tokens)
    try:
        settings = load_settings(config, db=db)
    except PantauError as exc:
        raise _fail(str(exc)) from None
    return TokenFile(tokens_path(settings.db))


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    max_body: Annotated[
        int, typer.Option(help="largest request body in bytes (larger: 413)")
    ] = 2_000_000,
    allow_private_urls: Annotated[
        bool,
        typer.Option(
            "--allow-private-urls",
            help="let POST url fetch from private, loopback and link-local addresses",
        ),
    ] = False,
    allow_network: Annotated[
        list[str] | None,
        typer.Option(
            help="a network (CIDR) URLs may be fetched from although not public; repeat for several"
        ),
    ] = None,
    fetch_timeout: Annotated[float, typer.Option(help="seconds for fetching one URL")] = 10.0,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="open the store read-only (no writes)")
    ] = False,
    cache: Annotated[
        int, typer.Option(help="read responses kept until the next write (0: no cache)")
    ] = 512,
    tokens: TokensOption = None,
    config: ConfigOption = None,
) -> None:
    """Serve a store over HTTP: the JSON API under /api (OpenAPI at /api/docs) and the
    dashboard at /."""
    try:
        import uvicorn

        from pantau.extract.events.dictionaries import check_dictionaries
        from pantau.serve.app import ServeOptions, create_app
        from pantau.serve.fetch import FetchPolicy
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] in ("fastapi", "uvicorn", "starlette", "httpx"):
            raise _fail(str(MissingDependencyError("pantau serve", "serve"))) from None
        raise
    try:
        settings = load_settings(config, db=db)
        policy = FetchPolicy(
            allow_private=allow_private_urls,
            allowed_networks=tuple(allow_network or ()),
            timeout=fetch_timeout,
            max_bytes=settings.max_bytes,
        )
        policy.networks()
        # the server analyses what is posted to it: a broken dictionary is one error now
        warnings = [] if read_only else check_dictionaries(
            settings.verbs, settings.actors, settings.discards)
    except ValueError as exc:
        raise _fail(f"--allow-network: {exc}") from None
    except PantauError as exc:
        raise _fail(str(exc)) from None
    for warning in warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}", highlight=False, soft_wrap=True)
    options = ServeOptions(
        max_body=max_body,
        tokens=str(tokens) if tokens else None,
        read_only=read_only,
        cache_entries=cache,
        fetch=policy,
    )
    try:
        application = create_app(settings.db, settings, options)
    except PantauError as exc:
        raise _fail(str(exc)) from None
    err.print(f"pantau: serving {settings.db} on http://{host}:{port} (API docs at /api/docs)")
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)


@token_app.command("create")
def token_create(
    db: DbOption = None,
    name: Annotated[str | None, typer.Option(help="a name to recognise the token by")] = None,
    tokens: TokensOption = None,
    config: ConfigOption = None,
) -> None:
    """Create a token and print it, once: only its hash is kept."""
    token_file = _token_file(db, tokens, config)
    try:
        token, record = token_file.create(name)
    except (PantauError, OSError) as exc:
        raise _fail(str(exc)) from None
    err.print(
        f"created token {record.id} ({record.name}) in {token_file.path}; it is shown only now:"
    )
    print(token)


@token_app.command("list")
def token_list(
    db: DbOption = None, tokens: TokensOption = None, config: ConfigOption = None
) -> None:
    """List tokens by id, name and creation time (the tokens themselves are not kept)."""
    token_file = _token_file(db, tokens, config)
    try:
        records = token_file.records()
    except PantauError as exc:
        raise _fail(str(exc)) from None
    if not records:
        console.print(f"no tokens in {token_file.path}")
        return
    table = Table("id", "name", "created")
    for record in records:
        table.add_row(record.id, record.name, record.created)
    console.print(table)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[str, typer.Argument(help="the id or name of the token")],
    db: DbOption = None,
    tokens: TokensOption = None,
    config: ConfigOption = None,
) -> None:
    """Revoke a token; a running server refuses it from the next request on."""
    token_file = _token_file(db, tokens, config)
    try:
        gone = token_file.revoke(token_id)
    except (PantauError, OSError) as exc:
        raise _fail(str(exc)) from None
    if not gone:
        raise _fail(f"no token {token_id!r} in {token_file.path}")
    for record in gone:
        console.print(f"revoked {record.id} ({record.name})")
