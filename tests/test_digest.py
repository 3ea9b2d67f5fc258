"""`pantau digest`: a store built by the real pipeline over three days of articles, its
daily digest (ranking, new actors, quotes, places), the HTML (escaping, languages), the
Atom feed, and sending through a real local SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
import re
import socket
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email import policy
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from typer.testing import CliRunner

from pantau.cli import app
from pantau.digest.atom import NS, FeedEntry, update_feed
from pantau.digest.build import Digest, build_digest
from pantau.digest.commands import make_digest, parse_day
from pantau.digest.errors import DigestError, MailError
from pantau.digest.mail import Server, parse_server
from pantau.pipeline import Pipeline
from pantau.store import Store
from pantau.store.duckdb_store import StoredDocument

runner = CliRunner()
DAY = date(2025, 3, 11)
SCRIPT = "<script>alert(1)</script>"

# (id, language, title, published, url, text): one article the day before, three on the
# day (one stamped with a time and a time zone), one the day after that dates its event
# to the day by its text.
ARTICLES = [
    (
        "d1",
        "id",
        "Rusia serang Ukraina",
        "2025-03-10",
        "https://news.example/1",
        'Pasukan Rusia menyerang Ukraina pada Senin. "Kami akan terus bertahan," kata '
        "Presiden Ukraina Volodymyr Zelenskyy di Kyiv.",
    ),
    (
        "d2",
        "id",
        f"Amerika tuduh Rusia {SCRIPT}",
        "2025-03-11T08:30:00+07:00",
        "javascript:alert(1)",
        "Amerika Serikat menuduh Rusia menimbun senjata di dekat Kharkiv. Rusia tidak akan "
        f'menyerang Polandia. "Ini {SCRIPT} berbahaya," kata Menteri Luar Negeri AS Antony '
        "Blinken di Washington.",
    ),
    (
        "d3",
        "id",
        "Rusia menyerang Ukraina lagi",
        "2025-03-11",
        "https://news.example/3?a=1&b=2",
        'Rusia menyerang Ukraina pada Selasa. "Serangan ini brutal," kata Volodymyr Zelenskyy '
        "di Kyiv. Presiden Prabowo Subianto bertemu Perdana Menteri Anthony Albanese di "
        "Jakarta.",
    ),
    (
        "d4",
        "en",
        "Russia attacks",
        "2025-03-11",
        None,
        'Russia attacked Ukraine on Tuesday. "We will defend every city," Ukrainian President '
        "Volodymyr Zelenskyy said in Kyiv.",
    ),
    (
        "d5",
        "id",
        "Tuduhan berlanjut",
        "2025-03-12",
        "https://news.example/5",
        "Amerika Serikat pada Selasa menuduh Rusia menimbun senjata. Kementerian Luar Negeri "
        "Rusia membantah tuduhan itu di Moskow.",
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    path = tmp_path_factory.mktemp("digest") / "news.duckdb"
    documents = []
    for doc_id, lang, title, published, url, text in ARTICLES:
        analysis = pipeline.analyze(
            text, lang=lang, title=title, published=published, url=url, id=doc_id
        )
        documents.append(StoredDocument(analysis, f"hash-{doc_id}", "test"))
    with Store(path) as store:
        store.write(documents)
    return path


@pytest.fixture(scope="module")
def day(db: Path) -> Digest:
    with Store(db, read_only=True) as store:
        return build_digest(store, DAY, now=datetime(2025, 3, 12, 6, 0, tzinfo=UTC))


def digest_cli(*args: str) -> Any:
    return runner.invoke(app, ["digest", *args])


# --- what the digest holds ---------------------------------------------------------------


def test_top_event_groups_articles_and_ranks_by_importance(day: Digest) -> None:
    assert (day.articles, day.languages) == (3, {"id": 2, "en": 1})
    top = day.top_events[0]
    assert (top.source.code, top.cameo, top.target.code) == ("RUS", "190", "UKR")
    assert (top.articles, top.importance, top.quad_class, top.plover) == (2, 4.0, 4, "ASSAULT")
    assert top.cameo_name == "Use conventional military force"  # no "- not specified below"
    assert {e.doc_id for e in top.evidence} == {"d3", "d4"}
    evidence = next(e for e in top.evidence if e.doc_id == "d3")
    assert evidence.sentence[slice(*evidence.trigger)] == "menyerang"
    assert evidence.url == "https://news.example/3?a=1&b=2"
    importances = [e.importance for e in day.top_events]
    assert importances == sorted(importances, reverse=True)


def test_an_event_dated_by_its_text_counts_on_that_day(day: Digest) -> None:
    accuse = next(e for e in day.top_events if e.cameo == "112")
    assert (accuse.source.code, accuse.target.code) == ("USA", "RUS")
    # d2 published that day, d5 published the next day about "Selasa" (the 11th).
    assert {e.doc_id for e in accuse.evidence} == {"d2", "d5"}
    assert accuse.articles == 2 and accuse.importance == pytest.approx(2.4)


def test_negated_events_are_left_out(day: Digest) -> None:
    assert not [e for e in day.top_events if e.target and e.target.code == "POL"]


def test_new_actors_are_those_never_seen_before_that_day(db: Path, day: Digest) -> None:
    names = {a.name for a in day.new_actors}
    assert {"Antony Blinken", "Prabowo Subianto", "Anthony Albanese"} <= names
    assert "Volodymyr Zelenskyy" not in names  # seen on the 10th
    assert not names & {"Kyiv", "Jakarta", "Kharkiv"}  # places that do not act
    blinken = next(a for a in day.new_actors if a.name == "Antony Blinken")
    assert (blinken.actor_code, blinken.type, blinken.articles) == ("USAELI", "PERSON", 1)
    with Store(db, read_only=True) as store:
        first_day = build_digest(store, date(2025, 3, 10))
    assert "Volodymyr Zelenskyy" in {a.name for a in first_day.new_actors}


def test_most_quoted_speaker_with_a_sample_quote(day: Digest) -> None:
    first = day.quoted[0]
    assert (first.name, first.quotes, first.articles) == ("Volodymyr Zelenskyy", 2, 2)
    assert first.sample in {"Serangan ini brutal", "We will defend every city"}
    blinken = next(p for p in day.quoted if p.name == "Antony Blinken")
    assert SCRIPT in blinken.sample and blinken.quotes == 1


def test_most_mentioned_places_with_coordinates(day: Digest) -> None:
    russia = day.places[0]
    assert (russia.name, russia.articles, russia.feature) == ("Russia", 3, "country")
    assert set(russia.written) == {"Rusia", "Russia"}
    assert russia.lat is not None and russia.lon is not None
    kyiv = next(p for p in day.places if p.name == "Kyiv")
    assert kyiv.articles == 2
    assert kyiv.lat == pytest.approx(50.45, abs=0.1) and kyiv.lon == pytest.approx(30.52, abs=0.1)


# --- HTML and text --------------------------------------------------------------------------


def test_html_is_self_contained_and_escapes_every_string(db: Path, tmp_path: Path) -> None:
    files = make_digest(db, DAY, tmp_path)
    assert files.html_path == tmp_path / "digest-2025-03-11.html"
    page = files.html_path.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in page  # the hostile URL is no link
    assert 'href="https://news.example/3?a=1&amp;b=2"' in page
    assert re.findall(r'href="([^"]*)"', page) and all(
        h.startswith("https://news.example/") for h in re.findall(r'href="([^"]*)"', page)
    )
    assert not re.search(r"<(link|img|iframe|object)\b|\bsrc=|@import|url\(", page)
    assert "<style>" in page and page.startswith("<!DOCTYPE html>")
    assert SCRIPT in files.text  # plain text needs no escaping


def _flat(table: dict[str, Any], prefix: str = "") -> set[str]:
    keys = set()
    for key, value in table.items():
        keys |= _flat(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


def test_interface_strings_follow_lang(db: Path, tmp_path: Path) -> None:
    english = make_digest(db, DAY, tmp_path / "en", lang="en").html
    indonesian = make_digest(db, DAY, tmp_path / "id", lang="id").html
    assert '<html lang="en">' in english and '<html lang="id">' in indonesian
    for words in ("Top events", "New actors", "Most quoted people", "Tuesday 11 March 2025"):
        assert words in english and words not in indonesian
    for words in ("Peristiwa utama", "Aktor baru", "Selasa, 11 Maret 2025", "bertempur"):
        assert words in indonesian and words not in english
    packs = resources.files("pantau.lang")
    en = tomllib.loads((packs / "en" / "digest.toml").read_text(encoding="utf-8"))
    id_ = tomllib.loads((packs / "id" / "digest.toml").read_text(encoding="utf-8"))
    assert _flat(en) == _flat(id_)  # the Indonesian pack translates every string
    # An event reads with its base code's own verb, not its root's: 112 "accuses".
    for html, pack in ((english, en), (indonesian, id_)):
        assert f'<em class="action">{pack["cameo_codes"]["112"]}</em>' in html
        assert pack["cameo_codes"]["112"] != pack["cameo_roots"]["11"]


def test_an_empty_day_says_nothing_was_found(db: Path, tmp_path: Path) -> None:
    result = digest_cli("--db", str(db), "--date", "2025-04-01", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "digest-2025-04-01.html").read_text(encoding="utf-8")
    assert "Nothing was found for this day" in page
    assert "Top events" not in page


# --- Atom feed --------------------------------------------------------------------------------


def _entries(feed: Path) -> list[ET.Element]:
    root = ET.parse(feed).getroot()
    assert root.tag == f"{{{NS}}}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{{{NS}}}{tag}") is not None, tag
    entries = root.findall(f"{{{NS}}}entry")
    for entry in entries:
        for tag in ("id", "title", "updated", "link", "content"):
            assert entry.find(f"{{{NS}}}{tag}") is not None, tag
    return entries


def test_atom_feed_has_one_entry_per_day_even_when_regenerated(db: Path, tmp_path: Path) -> None:
    for when in ("2025-03-11", "2025-03-10", "2025-03-11"):
        result = digest_cli("--db", str(db), "--date", when, "--out", str(tmp_path))
        assert result.exit_code == 0, result.output
    entries = _entries(tmp_path / "digest.xml")
    ids = [e.findtext(f"{{{NS}}}id") for e in entries]
    assert ids == ["urn:pantau:digest:2025-03-11", "urn:pantau:digest:2025-03-10"]
    link = entries[0].find(f"{{{NS}}}link")
    assert link is not None and link.get("href") == "digest-2025-03-11.html"
    content = entries[0].findtext(f"{{{NS}}}content") or ""
    assert "Rusia" in content and "<script" not in content.lower()


def test_atom_feed_keeps_the_most_recent_days(tmp_path: Path) -> None:
    feed = tmp_path / "digest.xml"
    moment = datetime(2025, 3, 20, tzinfo=UTC)
    for n in (3, 1, 5, 2, 4):
        entry = FeedEntry(date(2025, 3, n), f"day {n}", moment, f"d{n}.html", "s", "<p>x</p>")
        update_feed(feed, entry, "feed", keep=3)
    ids = [e.findtext(f"{{{NS}}}id") for e in _entries(feed)]
    assert ids == [f"urn:pantau:digest:2025-03-0{n}" for n in (5, 4, 3)]
    feed.write_text("not xml", encoding="utf-8")
    with pytest.raises(DigestError, match="not a feed"):
        update_feed(feed, entry, "feed")


# --- email --------------------------------------------------------------------------------------


class Recorder:
    """An aiosmtpd handler that keeps every envelope it receives."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.envelopes.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def smtp_server() -> Iterator[tuple[Recorder, int]]:
    recorder = Recorder()
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield recorder, port
    finally:
        controller.stop()


def test_email_through_a_local_smtp_server(
    db: Path, tmp_path: Path, smtp_server: tuple[Recorder, int]
) -> None:
    recorder, port = smtp_server
    result = digest_cli(
        "--db", str(db), "--date", "2025-03-11", "--out", str(tmp_path), "--lang", "id",
        "--smtp", f"127.0.0.1:{port}", "--to", "redaksi@example.org",
        "--to", "analis@example.org", "--from", "Pantau <pantau@example.org>",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "sent to redaksi@example.org, analis@example.org" in result.output
    [envelope] = recorder.envelopes
    assert envelope.mail_from == "pantau@example.org"
    assert envelope.rcpt_tos == ["redaksi@example.org", "analis@example.org"]
    message = email.message_from_bytes(envelope.original_content, policy=policy.default)
    assert message["Subject"] == "Ringkasan harian pantau: Selasa, 11 Maret 2025"
    assert message["To"] == "redaksi@example.org, analis@example.org"
    assert message.get_content_type() == "multipart/alternative"
    parts = {p.get_content_type(): p.get_content() for p in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert "Peristiwa utama" in parts["text/plain"] and SCRIPT in parts["text/plain"]
    assert "&lt;script&gt;" in parts["text/html"] and "<script" not in parts["text/html"]


def test_email_login_takes_the_password_from_the_environment(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        assert isinstance(data, LoginPassword)
        logins.append((data.login, data.password))
        # handled=False: aiosmtpd then answers a refusal itself (535)
        return AuthResult(success=data.password == b"s3cret", handled=False)

    recorder, port = Recorder(), free_port()
    # One mechanism (PLAIN), so smtplib makes one attempt per login.
    controller = Controller(
        recorder, hostname="127.0.0.1", port=port, authenticator=authenticator,
        auth_require_tls=False, auth_exclude_mechanism=["LOGIN"],
    )  # fmt: skip
    controller.start()
    try:
        base = ["--db", str(db), "--date", "2025-03-11", "--out", str(tmp_path)]
        mail = ["--smtp", f"127.0.0.1:{port}", "--to", "a@example.org", "--user", "desk"]
        monkeypatch.setenv("PANTAU_SMTP_PASSWORD", "s3cret")
        result = digest_cli(*base, *mail, "--password-env", "PANTAU_SMTP_PASSWORD")
        assert result.exit_code == 0, result.output
        monkeypatch.setenv("PANTAU_SMTP_PASSWORD", "wrong")
        refused = digest_cli(*base, *mail, "--password-env", "PANTAU_SMTP_PASSWORD")
        unset = digest_cli(*base, *mail, "--password-env", "PANTAU_NO_SUCH_VARIABLE")
    finally:
        controller.stop()
    assert logins == [(b"desk", b"s3cret"), (b"desk", b"wrong")]
    assert len(recorder.envelopes) == 1
    assert refused.exit_code == 1 and "login refused (535" in refused.output
    assert unset.exit_code == 1 and "PANTAU_NO_SUCH_VARIABLE is not set" in unset.output


def test_an_unreachable_smtp_server_is_one_clear_error(db: Path, tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    result = digest_cli(
        "--db", str(db), "--date", "2025-03-11", "--out", str(tmp_path),
        "--smtp", f"127.0.0.1:{port}", "--to", "a@example.org",
    )  # fmt: skip
    assert result.exit_code == 1
    [error] = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert f"cannot send the digest through 127.0.0.1:{port}: connection refused" in error
    assert (tmp_path / "digest-2025-03-11.html").exists()  # the files were written first


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2025-13-01"], "--date: '2025-13-01' is not a day"),
        (["--date", "11/03/2025"], "is not a day (YYYY-MM-DD"),
        (["--date", "2025-03-11", "--lang", "fr"], "no digest strings for 'fr'"),
        (["--date", "2025-03-11", "--smtp", "localhost:25"], "--smtp needs at least one --to"),
        (["--date", "2025-03-11", "--smtp", "host:99999", "--to", "a@b"], "not a port"),
        (["--date", "2025-03-11", "--user", "u"], "--user and --password-env go together"),
    ],
)
def test_bad_options_are_one_line_errors(
    db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = digest_cli("--db", str(db), "--out", str(tmp_path), *args)
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_missing_store_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    result = digest_cli("--db", str(missing), "--date", "2025-03-11", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.strip() == f"error: no store at {missing} (create one with `pantau run`)"
    assert not missing.exists()


def test_day_and_server_parsing() -> None:
    today = date(2025, 3, 12)
    assert parse_day("yesterday", today) == DAY and parse_day("2025-03-11") == DAY
    assert parse_server("mail.example.org:587") == Server("mail.example.org", 587)
    assert parse_server("[::1]:2525") == Server("::1", 2525)
    assert parse_server("localhost") == Server("localhost", 25)
    with pytest.raises(MailError):
        parse_server(":25")
