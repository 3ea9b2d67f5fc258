"""`pantau digest`: write one day's digest (HTML + Atom feed) and optionally email it.

`make_digest` is the whole job without the CLI, for scripts and the HTTP server; the
typer command only checks options, calls it, and turns `PantauError` into one line and
exit status 1. Options are checked before the store is read, so a typo in `--smtp` does
not cost a run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from pantau.config import load_settings
from pantau.digest.atom import FILENAME as FEED_FILENAME
from pantau.digest.atom import KEEP
from pantau.digest.errors import DigestError
from pantau.errors import PantauError

if TYPE_CHECKING:  # not at run time: `pantau --help` should not import duckdb
    from pantau.digest.build import Digest

# No markup: paths, addresses and "[::1]:25" are printed as they are.
_err = Console(stderr=True, soft_wrap=True, highlight=False, markup=False)
_out = Console(soft_wrap=True, highlight=False, markup=False)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(value: str, today: date | None = None) -> date:
    """YYYY-MM-DD, or `today` / `yesterday` (local time) for a daily cron job."""
    today = today or date.today()
    word = value.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if _ISO_DAY.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise DigestError(f"--date: {value!r} is not a day (YYYY-MM-DD, today or yesterday)")


def html_name(day: date) -> str:
    return f"digest-{day.isoformat()}.html"


@dataclass(frozen=True)
class DigestFiles:
    digest: Digest
    html_path: Path
    feed_path: Path
    html: str
    text: str
    feed_entries: int


def make_digest(
    db: str | Path,
    day: date,
    out: Path,
    lang: str = "en",
    top: int = 10,
    base_url: str | None = None,
    keep: int = KEEP,
) -> DigestFiles:
    """Build the digest of `day` from the store at `db`, write `out/digest-DAY.html` and
    put the day into `out/digest.xml`."""
    from pantau.digest.atom import FeedEntry, update_feed, write_atomic
    from pantau.digest.build import build_digest
    from pantau.digest.render import render_fragment, render_html, render_text, summary_line
    from pantau.digest.strings import load_strings
    from pantau.store import Store

    strings = load_strings(lang)
    if out.exists() and not out.is_dir():
        raise DigestError(f"--out: {out} is a file, not a folder")
    with Store(db, read_only=True) as store:
        digest = build_digest(store, day, top=top)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DigestError(f"--out: cannot create {out}: {exc.strerror or exc}") from None
    html = render_html(digest, strings)
    text = render_text(digest, strings)
    html_path = out / html_name(day)
    write_atomic(html_path, html)
    base = (base_url.rstrip("/") + "/") if base_url else ""
    words = strings.day(day)
    entry = FeedEntry(
        day=day,
        title=strings.get("feed.entry_title", date=words),
        updated=digest.generated,
        link=base + html_name(day),
        summary=summary_line(digest, strings),
        content_html=render_fragment(digest, strings),
    )
    feed_path = out / FEED_FILENAME
    self_link = base + FEED_FILENAME if base else None
    entries = update_feed(feed_path, entry, strings.get("feed.title"), keep, self_link)
    return DigestFiles(digest, html_path, feed_path, html, text, entries)


def _mail_options(
    smtp: str | None, to: list[str], user: str | None, password_env: str | None
) -> str | None:
    """Check the mail options before any work; returns the password, if one is needed."""
    from pantau.digest.mail import parse_server

    if smtp and not to:
        raise DigestError("--smtp needs at least one --to ADDRESS")
    if to and not smtp:
        raise DigestError("--to needs --smtp HOST:PORT")
    if smtp:
        parse_server(smtp)
    if (user is None) != (password_env is None):
        raise DigestError("--user and --password-env go together")
    if password_env is None:
        return None
    password = os.environ.get(password_env)
    if password is None:
        raise DigestError(f"--password-env: the environment variable {password_env} is not set")
    return password


def digest(
    day: Annotated[
        str, typer.Option("--date", help="the day: YYYY-MM-DD, or today / yesterday")
    ],
    out: Annotated[
        Path,
        typer.Option("--out", help="folder for digest-DAY.html and the Atom feed digest.xml"),
    ],
    db: Annotated[
        str | None, typer.Option("--db", help="DuckDB store (default: pantau.duckdb)")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="language of the digest: en or id")] = "en",
    top: Annotated[
        int, typer.Option("--top", min=1, max=200, help="items per section")
    ] = 10,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="where the folder is published, for the feed's links"),
    ] = None,
    keep: Annotated[
        int, typer.Option("--keep", min=1, help="days the Atom feed keeps")
    ] = KEEP,
    smtp: Annotated[
        str | None, typer.Option("--smtp", help="send it through this server, HOST:PORT")
    ] = None,
    to: Annotated[
        list[str] | None, typer.Option("--to", help="recipient; repeat for several")
    ] = None,
    sender: Annotated[
        str | None, typer.Option("--from", help="sender address (default: pantau@localhost)")
    ] = None,
    starttls: Annotated[
        bool, typer.Option("--starttls", help="upgrade the SMTP connection with STARTTLS")
    ] = False,
    user: Annotated[str | None, typer.Option("--user", help="SMTP login")] = None,
    password_env: Annotated[
        str | None,
        typer.Option("--password-env", help="environment variable holding the SMTP password"),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="settings file (default: ./pantau.toml)")
    ] = None,
) -> None:
    """Write the daily digest of one day: the top events by importance, new actors, the
    most quoted people and the most mentioned places, as an HTML page and an Atom feed
    entry; with --smtp and --to, email it too."""
    recipients = list(to or [])
    try:
        when = parse_day(day)
        password = _mail_options(smtp, recipients, user, password_env)
        from pantau.digest.strings import load_strings

        strings = load_strings(lang)
        settings = load_settings(config, db=db)
        files = make_digest(settings.db, when, out, lang, top, base_url, keep)
    except PantauError as exc:
        raise _fail(str(exc)) from None
    d = files.digest
    _out.print(
        f"wrote {files.html_path} and {files.feed_path} ({_n(files.feed_entries, 'day')}): "
        f"{_n(d.articles, 'article')}, {_n(d.events, 'event')}, "
        f"{_n(len(d.new_actors), 'new actor')}"
    )
    if not smtp:
        return
    from pantau.digest.mail import build_message, parse_server, send

    message = build_message(
        strings.get("mail.subject", date=strings.day(when)),
        sender or "pantau@localhost",
        recipients,
        files.text,
        files.html,
    )
    server = parse_server(smtp)
    try:
        refused = send(
            message, server, recipients, starttls=starttls, user=user, password=password
        )
    except PantauError as exc:
        raise _fail(str(exc)) from None
    accepted = [r for r in recipients if r not in refused]
    _out.print(f"sent to {', '.join(accepted)} through {server}")
    if refused:
        refused_list = ", ".join(refused)
        _err.print(Text.assemble(("warning:", "yellow"), f" the server refused {refused_list}"))
        raise typer.Exit(1)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _fail(message: str) -> typer.Exit:
    _err.print(Text.assemble(("error:", "red"), " ", message))
    return typer.Exit(1)
