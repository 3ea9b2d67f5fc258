"""The HTTP API end to end: a store filled by the real pipeline, the real application
served by uvicorn on loopback, real HTTP requests.

What each read endpoint answers is checked against the analyses themselves (counted in
Python here), so a wrong join, filter or grouping fails. Writes need a token made by the
token file; URL fetching is checked against a small local web server (redirect chains,
a slow page, a page that is not text) and refuses private addresses unless allowed.
One test writes batches while another thread reads through the API, and checks that no
document is ever seen half-stored. `pantau serve` and `pantau token` run as commands too.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from typer.testing import CliRunner

from conftest import EXAMPLES
from pantau.cli import app as cli_app
from pantau.model import Analysis
from pantau.pipeline import Pipeline
from pantau.serve.app import ServeOptions, ServeState, create_app
from pantau.serve.fetch import FetchPolicy, FetchRefused, address_refusal, check_url
from pantau.serve.tokens import TokenFile, tokens_path
from pantau.store import Store
from pantau.store.duckdb_store import StoredDocument
from pantau.store.rows import COLUMNS

PANTAU = str(Path(sys.executable).parent / "pantau")
MAX_BODY = 300_000

# Two texts written for this test, next to the repository's sample articles: a protest
# with a quote, and an English accusation with a place named as the event's location.
OWN_TEXTS = {
    "own-demo": (
        "2025-10-28",
        "Ribuan buruh berunjuk rasa di Bekasi",
        "Ribuan buruh berunjuk rasa di depan kantor Bupati Bekasi, Jawa Barat, pada Senin "
        '(27/10/2025) menuntut kenaikan upah. "Kami hanya meminta upah yang layak," kata '
        "Ketua Serikat Pekerja Nasional Joko Santoso kepada wartawan. Polisi menangkap tiga "
        "orang demonstran. Bupati Bekasi menolak tuntutan tersebut.",
    ),
    "own-accuse": (
        "2025-11-03",
        "Philippines accuses China of ramming a supply boat",
        "MANILA - The Philippines accused China on Sunday of ramming a supply boat near "
        'Second Thomas Shoal. "This was a dangerous and illegal act," Philippine Foreign '
        "Secretary Enrique Manalo said. China rejected the accusation and said the boat had "
        "entered its waters. Russia condemned the incident in Moscow on Monday.",
    ),
}


# -- fixtures --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def analyses(pipeline: Pipeline) -> list[Analysis]:
    """The repository's sample articles and JSONL documents, and this test's own two
    texts, through the real pipeline. The plain-text articles have no date of their own,
    so each gets one, to spread the store over weeks."""
    result = []
    for number, path in enumerate(sorted((EXAMPLES / "articles").glob("*.txt"))):
        published = date(2025, 10, 6 + 2 * number).isoformat()
        result.append(pipeline.analyze(path.read_text(encoding="utf-8"), published=published))
    for line in (EXAMPLES / "jsonl" / "sample.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        result.append(
            pipeline.analyze(
                record["text"],
                published=record.get("published"),
                title=record.get("title"),
                url=record.get("url"),
                id=record["id"],
            )
        )
    for doc_id, (published, title, text) in OWN_TEXTS.items():
        result.append(pipeline.analyze(text, published=published, title=title, id=doc_id))
    return result


def fill_store(path: Path, analyses: list[Analysis]) -> None:
    with Store(path) as store:
        store.write([StoredDocument(a, f"hash-{a.id}", "test") for a in analyses])


@dataclass
class Server:
    base: str
    state: ServeState
    token: str
    client: httpx.Client

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.client.get(self.base + path, params=params)

    def ok(self, path: str, **params: Any) -> Any:
        response = self.get(path, **params)
        assert response.status_code == 200, response.text
        return response.json()

    def post(self, path: str, body: Any = None, token: str | None = None, **kw: Any) -> Any:
        """POST with this server's token, another one, or none (token="")."""
        token = self.token if token is None else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.post(self.base + path, json=body, headers=headers, timeout=30, **kw)


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """The application under uvicorn in a thread, on a free loopback port."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(1000):
        if server.started or not thread.is_alive():
            break
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def start_server(
    folder: Path, pipeline: Pipeline, analyses: list[Analysis], options: ServeOptions
) -> Iterator[Server]:
    """A store of `analyses` with a token, served by the application on loopback."""
    db = folder / "news.duckdb"
    fill_store(db, analyses)
    token, _ = TokenFile(tokens_path(db)).create("tests")
    app = create_app(str(db), options=options, pipeline=pipeline)
    with serving(app) as base, httpx.Client(timeout=30) as client:
        yield Server(base, app.state.pantau, token, client)


@pytest.fixture(scope="module")
def api(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, analyses: list[Analysis]
) -> Iterator[Server]:
    """The store of all test documents, served with the default fetch policy (nothing
    private) and a small body limit. Tests on it only read, so the expected answers
    can be counted from `analyses`."""
    options = ServeOptions(max_body=MAX_BODY)
    with start_server(tmp_path_factory.mktemp("api"), pipeline, analyses, options) as server:
        yield server


@pytest.fixture(scope="module")
def open_api(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline, analyses: list[Analysis]
) -> Iterator[Server]:
    """A server that may fetch from 127.0.0.1 (and nothing else private), with a short
    fetch deadline and size cap, on a store of two documents that tests write to."""
    policy = FetchPolicy(allowed_networks=("127.0.0.1/32",), timeout=1.0, max_bytes=100_000)
    options = ServeOptions(max_body=MAX_BODY, fetch=policy)
    folder = tmp_path_factory.mktemp("open")
    with start_server(folder, pipeline, analyses[:2], options) as server:
        yield server


# -- a small web site to fetch from ----------------------------------------------------

ARTICLE_HTML = f"""<!doctype html><html><head><title>{OWN_TEXTS["own-accuse"][1]}</title>
<meta property="article:published_time" content="2025-11-03"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{OWN_TEXTS["own-accuse"][1]}</h1><p>{OWN_TEXTS["own-accuse"][2]}</p></article>
<footer>Copyright 2025</footer></body></html>"""


class Site(BaseHTTPRequestHandler):
    """/article.html, /redirect/N (N hops to the article), /to-private (a redirect to
    10.0.0.1), /slow (answers after 2.5 s), /image (not text), /big (200 kB)."""

    hits: Counter[str] = Counter()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        Site.hits[self.path] += 1
        if self.path == "/article.html":
            self._send(200, "text/html; charset=utf-8", ARTICLE_HTML.encode())
        elif self.path.startswith("/redirect/"):
            left = int(self.path.rsplit("/", 1)[1])
            self._redirect("/article.html" if left <= 1 else f"/redirect/{left - 1}")
        elif self.path == "/to-private":
            self._redirect("http://10.0.0.1/article.html")
        elif self.path == "/slow":
            time.sleep(2.5)
            self._send(200, "text/html", ARTICLE_HTML.encode())
        elif self.path == "/image":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100))
        elif self.path == "/big":
            self._send(200, "text/plain", b"kata " * 40_000)
        else:
            self._send(404, "text/plain", b"not found")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the slow page): expected

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- what the store should answer, counted from the analyses ---------------------------


def all_events(analyses: list[Analysis]) -> list[tuple[Analysis, Any]]:
    return [(a, e) for a in analyses for e in a.events]


def actor_codes(event: Any) -> list[str]:
    actors = [event.source, event.target, *event.sources, *event.targets]
    return [a.code for a in actors if a is not None and a.code]


def period(value: str | None) -> tuple[date, date] | None:
    """The first and last day of a day, month or year date."""
    if not value:
        return None
    if len(value) == 4:
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if len(value) == 7:
        first = date(int(value[:4]), int(value[5:7]), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, date.fromordinal(following.toordinal() - 1)
    day = date.fromisoformat(value[:10])
    return day, day


def overlaps(value: str | None, start: date, end: date) -> bool:
    span = period(value)
    return span is not None and span[0] <= end and span[1] >= start


def entity_key(entity: Any) -> str:
    return entity.kb_id or f"name:{entity.name}"


def items(server: Server, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list endpoint, one page of 500."""
    page = server.ok(path, limit=500, **params)
    assert page["total"] == len(page["items"]), "more than one page"
    return page["items"]


# -- health, documentation -------------------------------------------------------------


def test_health_counts_the_store_and_openapi_documents_every_endpoint(
    api: Server, analyses: list[Analysis]
) -> None:
    health = api.ok("/api/health")
    assert health["status"] == "ok"
    assert health["documents"] == len(analyses)
    assert health["events"] == len(all_events(analyses)) > 0
    assert health["version"]

    spec = api.ok("/api/openapi.json")
    paths = set(spec["paths"])
    for path in (
        "/api/health",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/events",
        "/api/entities",
        "/api/entities/{key}/mentions",
        "/api/quotes",
        "/api/places",
        "/api/counts",
        "/api/network",
        "/api/analyze",
    ):
        assert path in paths, path
    assert "post" in spec["paths"]["/api/documents"]
    event_params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "cameo", "plover", "place", "modality", "from", "to"} <= (
        event_params
    )
    assert spec["components"]["securitySchemes"]
    docs = api.get("/api/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    # Offline: the page's script and style come from the package, nothing from a CDN.
    assets = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert api.get(asset).status_code == 200, asset


# -- documents -------------------------------------------------------------------------


def test_documents_list_counts_layers_and_sorts_newest_first(
    api: Server, analyses: list[Analysis]
) -> None:
    listed = items(api, "/api/documents")
    by_id = {a.id: a for a in analyses}
    assert [d["id"] for d in listed] and {d["id"] for d in listed} == set(by_id)
    for item in listed:
        a = by_id[item["id"]]
        assert (item["entities"], item["events"], item["quotes"]) == (
            len(a.entities),
            len(a.events),
            len(a.quotes),
        )
        assert item["title"] == a.title and item["published"] == a.published
        assert item["language"] == a.language and item["url"] == a.url
        assert item["tone"] == pytest.approx(a.tone.score if a.tone else None)
    published = [d["published"] for d in listed]
    assert published == sorted(published, reverse=True)

    most = api.ok("/api/documents", sort="-events", limit=1)["items"][0]
    assert most["events"] == max(len(a.events) for a in analyses)
    titles = [d["title"] or "" for d in items(api, "/api/documents", sort="title")]
    assert titles == sorted(titles)


@pytest.mark.parametrize("needle", ["bakamla", "JAKARTA", "%", "_", "'; DROP TABLE documents; --"])
def test_documents_search_is_a_literal_case_insensitive_substring(
    api: Server, analyses: list[Analysis], needle: str
) -> None:
    expected = {a.id for a in analyses if needle.lower() in f"{a.title or ''}\n{a.text}".lower()}
    found = {d["id"] for d in items(api, "/api/documents", q=needle)}
    assert found == expected
    assert api.ok("/api/health")["documents"] == len(analyses)


def test_documents_filter_by_language_and_publication_date(
    api: Server, analyses: list[Analysis]
) -> None:
    english = {a.id for a in analyses if a.language == "en"}
    assert english and {d["id"] for d in items(api, "/api/documents", lang="en")} == english
    start, end = date(2025, 10, 13), date(2025, 10, 27)
    expected = {
        a.id for a in analyses if a.published and start <= date.fromisoformat(a.published) <= end
    }
    found = {d["id"] for d in items(api, "/api/documents", **{"from": start, "to": end})}
    assert expected and found == expected and len(found) < len(analyses)
    assert (
        api.get("/api/documents", **{"from": "2025-11-01", "to": "2025-10-01"}).status_code == 422
    )
    assert api.get("/api/documents", **{"from": "yesterday"}).status_code == 422


def test_one_document_is_the_contract_exactly_as_stored(
    api: Server, analyses: list[Analysis]
) -> None:
    for a in analyses[::5]:
        response = api.get(f"/api/documents/{a.id}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        assert response.json() == a.to_dict()
    missing = api.get("/api/documents/no-such-document")
    assert missing.status_code == 404 and "no-such-document" in missing.json()["detail"]


def test_paging_is_bounded_and_pages_add_up(api: Server, analyses: list[Analysis]) -> None:
    for bad in ({"limit": 501}, {"limit": 0}, {"offset": -1}, {"sort": "text"}):
        response = api.get("/api/events", **bad)
        assert response.status_code == 422, bad
        assert response.json()["detail"]
    assert "goldstein" in api.get("/api/events", sort="date; DROP TABLE events").json()["detail"]
    whole = [(e["doc_id"], e["id"]) for e in items(api, "/api/events", sort="goldstein")]
    pages = []
    for offset in range(0, len(whole) + 7, 7):
        page = api.ok("/api/events", sort="goldstein", limit=7, offset=offset)
        assert page["total"] == len(whole) and page["limit"] == 7 and page["offset"] == offset
        pages += [(e["doc_id"], e["id"]) for e in page["items"]]
    assert pages == whole and len(set(pages)) == len(whole)
    past = api.ok("/api/events", offset=10_000)
    assert past["items"] == [] and past["total"] == len(whole)


ODD = ["%", "'", "\\", "", "1" * 30, "\U0001f600", "\x00", "-"]


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("/api/documents", ["q", "lang", "sort"]),
        ("/api/events", ["actor", "country", "cameo", "root", "plover", "place", "doc", "sort"]),
        ("/api/entities", ["q", "country", "sort"]),
        ("/api/quotes", ["speaker", "q", "sort"]),
        ("/api/places", ["country", "sort"]),
        ("/api/counts", ["actor", "country", "by"]),
        ("/api/network", ["country", "min_count"]),
    ],
)
def test_odd_parameters_never_cause_a_server_error(
    api: Server, path: str, names: list[str]
) -> None:
    for name in names:
        for value in ODD:
            response = api.get(path, **{name: value})
            assert response.status_code in (200, 422), (name, value, response.text)
    for value in ("%00", "%FF", "a%2Fb", "..%2F..%2Fetc"):
        assert api.get(f"/api/documents/{value}").status_code == 404
        assert api.get(f"/api/entities/{value}/mentions").status_code == 404


# -- events ----------------------------------------------------------------------------


def test_events_carry_every_column_and_their_document_and_place(
    api: Server, analyses: list[Analysis]
) -> None:
    listed = items(api, "/api/events")
    assert len(listed) == len(all_events(analyses))
    # Every column of the store's events table, plus what the API joins to it.
    columns = {c.strip('"') for c in COLUMNS["events"]} | {
        "doc_title",
        "published",
        "place_lat",
        "place_lon",
    }
    assert set(listed[0]) == columns
    by_key = {(a.id, e.id): (a, e) for a, e in all_events(analyses)}
    placed = 0
    for item in listed:
        a, e = by_key[(item["doc_id"], item["id"])]
        assert item["doc_title"] == a.title and item["published"] == a.published
        assert (item["cameo"], item["trigger_text"], item["date"]) == (
            e.cameo,
            e.trigger.text,
            e.date,
        )
        place = next((p for p in a.places if p.id == e.place), None)
        assert item["place_lat"] == (place.lat if place else None)
        assert item["place_lon"] == (place.lon if place else None)
        placed += place is not None and place.lat is not None
    assert placed > 0
    dates = [e["date"] or "" for e in listed]
    assert dates == sorted(dates, reverse=True)


def test_events_filters_match_what_the_analyses_hold(api: Server, analyses: list[Analysis]) -> None:
    events = all_events(analyses)

    def check(params: dict[str, Any], wanted: Any) -> None:
        expected = {(a.id, e.id) for a, e in events if wanted(a, e)}
        found = {(i["doc_id"], i["id"]) for i in items(api, "/api/events", **params)}
        assert expected, f"no event to test {params} with"
        assert found == expected, params

    check({"actor": "IDN"}, lambda a, e: any(c.startswith("IDN") for c in actor_codes(e)))
    check({"actor": "rus"}, lambda a, e: any(c.startswith("RUS") for c in actor_codes(e)))
    check(
        {"country": "RUS"},
        lambda a, e: "RUS" in (e.source.country, e.target.country if e.target else None),
    )
    cameo = Counter(e.cameo[:2] for _, e in events).most_common(1)[0][0]
    check({"cameo": cameo}, lambda a, e: e.cameo.startswith(cameo))
    root = Counter(e.root for _, e in events).most_common(1)[0][0]
    check({"root": root}, lambda a, e: e.root == root)
    plover = Counter(e.plover for _, e in events if e.plover).most_common(1)[0][0]
    check({"plover": plover}, lambda a, e: e.plover == plover)
    check({"quad_class": 4}, lambda a, e: e.quad_class == 4)
    check({"modality": "future"}, lambda a, e: e.modality == "future")
    middle = sorted(e.confidence for _, e in events)[len(events) // 2]
    check({"min_confidence": middle}, lambda a, e: e.confidence >= middle)
    busiest = max(analyses, key=lambda a: len(a.events))
    check({"doc": busiest.id}, lambda a, e: a.id == busiest.id)
    located = next((a, p) for a, e in events for p in a.places if p.id == e.place and p.resolved)
    name = located[1].resolved

    def at_place(a: Analysis, e: Any) -> bool:
        place = next((p for p in a.places if p.id == e.place), None)
        return place is not None and name.lower() in (
            (place.resolved or "").lower(),
            place.name.lower(),
        )

    check({"place": name.upper()}, at_place)
    start, end = date(2025, 10, 15), date(2025, 10, 31)
    check({"from": start, "to": end}, lambda a, e: overlaps(e.date, start, end))
    check(
        {"actor": "IDN", "quad_class": 1, "to": end},
        lambda a, e: (
            any(c.startswith("IDN") for c in actor_codes(e))
            and e.quad_class == 1
            and overlaps(e.date, date(1, 1, 1), end)
        ),
    )
    assert api.ok("/api/events", actor="ZZZ")["total"] == 0
    assert api.get("/api/events", modality="rumoured").status_code == 422
    assert api.get("/api/events", quad_class=5).status_code == 422
    assert api.get("/api/events", min_confidence=1.5).status_code == 422


def test_event_date_filters_treat_months_and_years_as_periods() -> None:
    assert overlaps("2025-10", date(2025, 10, 20), date(2025, 12, 1))
    assert not overlaps("2025-09", date(2025, 10, 1), date(2025, 12, 1))
    assert overlaps("2025", date(2025, 6, 1), date(2025, 6, 1))
    assert period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))


def test_events_sort_by_whitelisted_columns(api: Server) -> None:
    goldstein = [e["goldstein"] for e in items(api, "/api/events", sort="goldstein")]
    assert goldstein == sorted(goldstein)
    confidence = [e["confidence"] for e in items(api, "/api/events", sort="-confidence")]
    assert confidence == sorted(confidence, reverse=True)
    published = [e["published"] for e in items(api, "/api/events", sort="published")]
    assert published == sorted(published)


# -- entities, quotes, places ----------------------------------------------------------


def test_entities_are_grouped_across_documents_by_kb_id_or_name(
    api: Server, analyses: list[Analysis]
) -> None:
    documents: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for a in analyses:
        for e in a.entities:
            documents[entity_key(e)].add(a.id)
            mentions[entity_key(e)] += len(e.mentions)
    listed = items(api, "/api/entities")
    assert {i["key"] for i in listed} == set(documents)
    for item in listed:
        assert item["documents"] == len(documents[item["key"]]), item
        assert item["mentions"] == mentions[item["key"]], item
    counts = [i["documents"] for i in listed]
    assert counts == sorted(counts, reverse=True)
    by_mentions = items(api, "/api/entities", sort="-mentions")
    assert [i["mentions"] for i in by_mentions] == sorted(mentions.values(), reverse=True)
    assert {i["key"]: (i["documents"], i["mentions"]) for i in by_mentions} == {
        i["key"]: (i["documents"], i["mentions"]) for i in listed
    }
    second = api.ok("/api/entities", limit=5, offset=5)
    assert [i["key"] for i in second["items"]] == [i["key"] for i in listed[5:10]]
    assert second["total"] == len(listed)
    shared = [k for k, docs in documents.items() if len(docs) > 1 and not k.startswith("name:")]
    assert shared, "no entity linked in two documents"

    people = {entity_key(e) for a in analyses for e in a.entities if e.type == "PERSON"}
    found = items(api, "/api/entities", type="PERSON")
    assert {i["key"] for i in found} == people and {i["type"] for i in found} == {"PERSON"}
    named = {entity_key(e) for a in analyses for e in a.entities if "jakarta" in e.name.lower()}
    assert named and {i["key"] for i in items(api, "/api/entities", q="Jakarta")} == named
    indonesian = {entity_key(e) for a in analyses for e in a.entities if e.country == "IDN"}
    assert {i["key"] for i in items(api, "/api/entities", country="idn")} == indonesian


def test_entity_mentions_list_every_mention_with_its_document(
    api: Server, analyses: list[Analysis]
) -> None:
    keys = Counter(entity_key(e) for a in analyses for e in a.entities)
    linked = next(k for k, _ in keys.most_common() if not k.startswith("name:"))
    unlinked = next(k for k, _ in keys.most_common() if k.startswith("name:") and " " in k)
    for key in (linked, unlinked):
        expected = sorted(
            (a.id, m.start, m.end, m.text)
            for a in analyses
            for e in a.entities
            if entity_key(e) == key
            for m in e.mentions
        )
        listed = items(api, f"/api/entities/{key}/mentions")
        assert sorted((m["doc_id"], m["start"], m["end"], m["text"]) for m in listed) == expected
        titles = {a.id: a.title for a in analyses}
        assert all(m["doc_title"] == titles[m["doc_id"]] for m in listed)
    missing = api.get("/api/entities/gn:0000000/mentions")
    assert missing.status_code == 404 and missing.json()["detail"]


def test_quotes_by_speaker_name_or_entity_key_and_by_text(
    api: Server, analyses: list[Analysis]
) -> None:
    quotes = [(a, q) for a in analyses for q in a.quotes]
    assert len(items(api, "/api/quotes")) == len(quotes)

    def speaker_key(a: Analysis, q: Any) -> str | None:
        entity = next((e for e in a.entities if e.id == q.speaker), None)
        return entity_key(entity) if entity else None

    named = next(q.speaker_name for _, q in quotes if q.speaker_name and " " in q.speaker_name)
    part = named.split()[-1].lower()
    expected = {
        (a.id, i)
        for a in analyses
        for i, q in enumerate(a.quotes)
        if part in (q.speaker_name or "").lower()
    }
    found = {(i["doc_id"], i["idx"]) for i in items(api, "/api/quotes", speaker=part.upper())}
    assert found == expected

    key = next(speaker_key(a, q) for a, q in quotes if speaker_key(a, q))
    expected = {
        (a.id, i)
        for a in analyses
        for i, q in enumerate(a.quotes)
        if speaker_key(a, q) == key or key.lower() in (q.speaker_name or "").lower()
    }
    listed = items(api, "/api/quotes", speaker=key)
    assert {(i["doc_id"], i["idx"]) for i in listed} == expected
    assert all(i["speaker_key"] == key for i in listed if i["speaker_key"])

    word = "upah"
    expected = {
        (a.id, i) for a in analyses for i, q in enumerate(a.quotes) if word in q.text.lower()
    }
    assert expected
    assert {(i["doc_id"], i["idx"]) for i in items(api, "/api/quotes", q=word)} == expected
    start = date(2025, 11, 1)
    expected = {
        (a.id, i)
        for a in analyses
        for i, _ in enumerate(a.quotes)
        if a.published and a.published >= start.isoformat()
    }
    assert expected
    assert {(i["doc_id"], i["idx"]) for i in items(api, "/api/quotes", **{"from": start})} == (
        expected
    )


def test_places_are_grouped_by_resolved_name_and_coordinates(
    api: Server, analyses: list[Analysis]
) -> None:
    documents: dict[tuple[Any, ...], set[str]] = defaultdict(set)
    events: Counter[tuple[Any, ...]] = Counter()
    for a in analyses:
        for p in a.places:
            group = (p.resolved or p.name, p.resolved, p.lat, p.lon)
            documents[group].add(a.id)
            events[group] += sum(1 for e in a.events if e.place == p.id)
    listed = items(api, "/api/places")
    assert len(listed) == len(documents)
    for item in listed:
        group = (item["resolved"] or item["name"], item["resolved"], item["lat"], item["lon"])
        assert item["documents"] == len(documents[group]), item
        assert item["events"] == events[group], item
    assert listed[0]["documents"] == max(len(d) for d in documents.values())
    assert sum(events.values()) > 0
    indonesian = items(api, "/api/places", country="IDN")
    assert indonesian and all(i["country"] == "IDN" for i in indonesian)


# -- counts over time and the actor network --------------------------------------------


def test_counts_of_events_and_documents_over_time(api: Server, analyses: list[Analysis]) -> None:
    def answered(**params: Any) -> dict[tuple[str, str], int]:
        result = api.ok("/api/counts", **params)
        assert result["interval"] == params.get("interval", "day")
        return {(s["key"], p["date"]): p["count"] for s in result["series"] for p in s["points"]}

    events = all_events(analyses)
    monthly: Counter[tuple[str, str]] = Counter(
        (e.root, e.date[:7] + "-01") for _, e in events if e.date and len(e.date) >= 7
    )
    assert answered(of="events", by="root", interval="month") == monthly

    weekly = answered(of="events", interval="week")
    assert all(date.fromisoformat(day).weekday() == 0 for _, day in weekly)
    assert sum(weekly.values()) == sum(1 for _, e in events if e.date and len(e.date) >= 10)

    daily: Counter[tuple[str, str]] = Counter(
        (a.language or "?", a.published[:10]) for a in analyses if a.published
    )
    assert answered(of="documents", by="language") == daily

    with_plover: Counter[tuple[str, str]] = Counter(
        (plover, a.published[:10])
        for a in analyses
        if a.published
        for plover in {e.plover or "?" for e in a.events}
    )
    assert answered(of="documents", by="plover") == with_plover

    start, end = date(2025, 10, 15), date(2025, 10, 31)
    in_range = answered(of="events", by="quad_class", **{"from": start, "to": end})
    assert sum(in_range.values()) == sum(
        1 for _, e in events if e.date and len(e.date) >= 10 and overlaps(e.date, start, end)
    )
    russian = answered(of="events", actor="RUS", interval="month")
    assert sum(russian.values()) == sum(
        1 for _, e in events if e.date and any(c.startswith("RUS") for c in actor_codes(e))
    )
    for bad in ({"of": "quotes"}, {"by": "cameo"}, {"interval": "year"}):
        assert api.get("/api/counts", **bad).status_code == 422


def test_network_links_actors_by_code_with_counts_and_mean_goldstein(
    api: Server, analyses: list[Analysis]
) -> None:
    pairs: dict[tuple[str, str], list[float]] = defaultdict(list)
    involved: Counter[str] = Counter()
    for _, e in all_events(analyses):
        if e.source.code and e.target and e.target.code:
            pairs[(e.source.code, e.target.code)].append(e.goldstein)
            involved.update({e.source.code, e.target.code})
    network = api.ok("/api/network", limit=500)
    edges = {(x["source"], x["target"]): (x["count"], x["goldstein"]) for x in network["edges"]}
    assert edges == {
        k: (len(v), pytest.approx(round(sum(v) / len(v), 3))) for k, v in pairs.items()
    }
    nodes = {n["id"]: n["events"] for n in network["nodes"]}
    assert set(nodes) == {code for pair in pairs for code in pair}
    assert all(nodes[code] == involved[code] for code in nodes)
    assert all(n["label"] for n in network["nodes"])

    top = api.ok("/api/network", limit=1)["edges"]
    assert len(top) == 1 and top[0]["count"] == max(len(v) for v in pairs.values())
    frequent = api.ok("/api/network", min_count=2)["edges"]
    assert {(x["source"], x["target"]) for x in frequent} == {
        k for k, v in pairs.items() if len(v) >= 2
    }
    assert api.get("/api/network", limit=501).status_code == 422


# -- writing: tokens, limits, bad input ------------------------------------------------

TEXT = OWN_TEXTS["own-demo"]


def test_analyze_needs_a_valid_token_and_stores_nothing(
    api: Server, analyses: list[Analysis], pipeline: Pipeline
) -> None:
    body = {"text": TEXT[2], "title": TEXT[1], "published": TEXT[0]}
    for token in ("", "pantau_00000000_not-a-token", api.token[:-1]):
        refused = api.post("/api/analyze", body, token=token)
        assert refused.status_code == 401, token
        assert refused.headers["www-authenticate"] == "Bearer"
        assert "token" in refused.json()["detail"]
    response = api.post("/api/analyze", body)
    assert response.status_code == 200, response.text
    expected = pipeline.analyze(TEXT[2], published=TEXT[0], title=TEXT[1])
    assert response.json() == expected.to_dict()
    assert response.json()["events"]
    assert api.ok("/api/health")["documents"] == len(analyses)
    assert api.get(f"/api/documents/{expected.id}").status_code == 404


def test_html_input_is_extracted(api: Server) -> None:
    response = api.post("/api/analyze", {"html": ARTICLE_HTML, "language": "en"})
    assert response.status_code == 200, response.text
    analysis = response.json()
    assert analysis["title"] == OWN_TEXTS["own-accuse"][1]
    assert "Second Thomas Shoal" in analysis["text"] and "Copyright" not in analysis["text"]


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({}, 422, "exactly one"),
        ({"text": "a", "url": "http://example.org/"}, 422, "exactly one"),
        ({"text": ""}, 422, "empty"),
        ({"text": "   \n "}, 422, "empty"),
        ({"text": "Polisi menangkap dua orang.", "published": "soon"}, 422, "published"),
        ({"text": "Polisi menangkap dua orang.", "colour": "red"}, 422, "colour"),
        ({"text": 42}, 422, "text"),
        ({"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, 422, "no "),
        ({"text": "\x00\x01\x02\x03 binary \x04\x05\x06\x07"}, 422, "binary"),
        ({"url": "file:///etc/passwd"}, 400, "http"),
    ],
)
def test_bad_input_is_a_client_error_with_a_clear_detail(
    api: Server, body: dict[str, Any], status: int, says: str
) -> None:
    response = api.post("/api/analyze", body)
    assert response.status_code == status, response.text
    assert says in json.dumps(response.json()["detail"])


def test_malformed_json_is_a_422_and_large_bodies_a_413_before_parsing(api: Server) -> None:
    headers = {"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"}
    broken = httpx.post(f"{api.base}/api/analyze", content=b'{"text": ', headers=headers)
    assert broken.status_code == 422

    large = {"text": "kata " * (MAX_BODY // 5 + 10)}
    refused = api.post("/api/analyze", large)
    assert refused.status_code == 413 and "limit" in refused.json()["detail"]

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(MAX_BODY // 10_000 + 2):
            yield b"a" * 10_000
        yield b'"}'

    streamed = httpx.post(f"{api.base}/api/analyze", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert api.ok("/api/health")["status"] == "ok"


def test_store_a_document_then_read_it_back_and_replace_it(
    open_api: Server, pipeline: Pipeline
) -> None:
    before = open_api.ok("/api/health")
    assert open_api.post("/api/documents", {"text": TEXT[2]}, token="").status_code == 401
    body = {"text": TEXT[2], "title": TEXT[1], "published": TEXT[0], "id": "posted-1"}
    response = open_api.post("/api/documents", body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["id"] == "posted-1" and result["stored"] is True
    expected = pipeline.analyze(TEXT[2], published=TEXT[0], title=TEXT[1], id="posted-1")
    assert result["analysis"] == expected.to_dict()

    after = open_api.ok("/api/health")  # the cached answer from before is gone
    assert after["documents"] == before["documents"] + 1
    assert after["events"] == before["events"] + len(expected.events)
    assert open_api.ok("/api/documents/posted-1") == expected.to_dict()
    assert open_api.ok("/api/events", doc="posted-1")["total"] == len(expected.events)

    body["title"] = "Buruh Bekasi menuntut kenaikan upah"
    assert open_api.post("/api/documents", body).status_code == 200
    again = open_api.ok("/api/health")
    assert again["documents"] == after["documents"]
    assert open_api.ok("/api/documents/posted-1")["title"] == body["title"]


def test_a_revoked_token_is_refused_without_a_restart(open_api: Server) -> None:
    tokens = TokenFile(open_api.state.tokens.path)
    token, record = tokens.create("short-lived")
    body = {"text": "Polisi menangkap dua orang pencuri di Jakarta."}
    assert open_api.post("/api/analyze", body, token=token).status_code == 200
    assert [r.id for r in tokens.revoke(record.id)] == [record.id]
    assert open_api.post("/api/analyze", body, token=token).status_code == 401
    assert open_api.post("/api/analyze", body).status_code == 200


# -- fetching URLs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_non_public_addresses_are_refused_unless_allowed(address: str) -> None:
    import ipaddress

    ip = ipaddress.ip_address(address)
    assert address_refusal(ip, FetchPolicy()) is not None
    assert address_refusal(ip, FetchPolicy(allow_private=True)) is None
    network = "::/0" if ip.version == 6 and not ip.ipv4_mapped else "0.0.0.0/0"
    assert address_refusal(ip, FetchPolicy(allowed_networks=(network,))) is None


def test_public_addresses_are_fetched_from() -> None:
    import ipaddress

    for address in ("93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"):
        assert address_refusal(ipaddress.ip_address(address), FetchPolicy()) is None


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/a.txt",
        "http://user:secret@example.org/",
        "http://localhost:8000/",
        "http://[::1]/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://127.1/",
        "http:///nohost",
    ],
)
def test_urls_that_reach_the_server_itself_or_are_not_web_pages_are_refused(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url, FetchPolicy(), timeout=2)


@pytest.mark.parametrize(
    "target",
    ["http://127.0.0.1:{port}/article.html", "http://10.0.0.1/", "http://169.254.169.254/"],
)
def test_the_default_server_refuses_private_urls_without_connecting(
    api: Server, site: str, target: str
) -> None:
    url = target.format(port=site.rsplit(":", 1)[1])
    before = sum(Site.hits.values())
    response = api.post("/api/analyze", {"url": url})
    assert response.status_code == 400, response.text
    assert "refused" in response.json()["detail"]
    assert sum(Site.hits.values()) == before


def test_an_allowed_network_is_fetched_and_redirects_are_rechecked(
    open_api: Server, site: str
) -> None:
    page = open_api.post("/api/analyze", {"url": f"{site}/article.html"})
    assert page.status_code == 200, page.text
    assert page.json()["url"] == f"{site}/article.html"
    assert "Second Thomas Shoal" in page.json()["text"]

    three = open_api.post("/api/analyze", {"url": f"{site}/redirect/3"})
    assert three.status_code == 200 and three.json()["url"] == f"{site}/article.html"
    hits = Site.hits["/article.html"]
    four = open_api.post("/api/analyze", {"url": f"{site}/redirect/4"})
    assert four.status_code == 502 and "redirects" in four.json()["detail"]
    assert Site.hits["/article.html"] == hits

    private = open_api.post("/api/analyze", {"url": f"{site}/to-private"})
    assert private.status_code == 400 and "10.0.0.1" in private.json()["detail"]
    other_loopback = open_api.post("/api/analyze", {"url": "http://127.0.0.2:9/"})
    assert other_loopback.status_code == 400


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/slow", 504, "longer than"),
        ("/image", 502, "image/png"),
        ("/big", 502, "limit"),
        ("/missing", 502, "404"),
    ],
)
def test_fetch_failures_are_gateway_errors(
    open_api: Server, site: str, path: str, status: int, says: str
) -> None:
    response = open_api.post("/api/analyze", {"url": f"{site}{path}"})
    assert response.status_code == status, response.text
    assert says in response.json()["detail"]


def test_a_fetched_page_is_stored_with_its_url(open_api: Server, site: str) -> None:
    response = open_api.post("/api/documents", {"url": f"{site}/article.html", "id": "fetched"})
    assert response.status_code == 200, response.text
    stored = open_api.ok("/api/documents/fetched")
    assert stored["url"] == f"{site}/article.html" and stored["source"] == stored["url"]
    assert stored["published"] == "2025-11-03"


# -- reads while writing ---------------------------------------------------------------


def test_reads_during_batch_writes_never_see_half_a_document(
    tmp_path: Path, pipeline: Pipeline, analyses: list[Analysis]
) -> None:
    """One thread stores batches (each document replaced by a longer or shorter version
    of itself, and new documents added) while this thread reads through the API. Every
    document a read sees must be one whole version: its entity, event and quote counts
    one version's, the same in the list, in its events and in its full analysis."""
    rich = [a for a in analyses if len(a.events) >= 2 and len(a.entities) >= 3][:6]
    assert len(rich) >= 3
    versions: dict[str, set[tuple[int, int, int]]] = {}
    full, short = [], []
    for number, a in enumerate(rich):
        doc_id = f"batch-{number}"
        whole = a.model_copy(update={"id": doc_id, "source": None})
        cut = whole.model_copy(
            update={"events": a.events[:1], "entities": a.entities[:2], "quotes": []}
        )
        full.append(StoredDocument(whole, "full", "test"))
        short.append(StoredDocument(cut, "short", "test"))
        versions[doc_id] = {(len(v.entities), len(v.events), len(v.quotes)) for v in (whole, cut)}
    rounds, done, failures = 40, threading.Event(), []

    def write() -> None:
        try:
            for number in range(rounds):
                batch = list(full if number % 2 else short)
                extra = rich[number % len(rich)].model_copy(
                    update={"id": f"new-{number}", "source": None}
                )
                versions[extra.id] = {(len(extra.entities), len(extra.events), len(extra.quotes))}
                server.state.write([*batch, StoredDocument(extra, "new", "test")])
        except Exception as exc:  # noqa: BLE001 - reported by the reading thread
            failures.append(f"writer: {exc!r}")
        finally:
            done.set()

    with start_server(tmp_path, pipeline, [], ServeOptions()) as server:
        writer = threading.Thread(target=write)
        writer.start()
        reads = read_while_writing(server, versions, done, failures)
        writer.join()
    assert not failures, failures[:5]
    assert reads >= 5


def read_while_writing(
    server: Server,
    versions: dict[str, set[tuple[int, int, int]]],
    done: threading.Event,
    failures: list[str],
) -> int:
    """Read until the writer is done; record every inconsistency; return the reads."""
    reads = 0
    while not done.is_set() or reads < 5:
        listed = server.ok("/api/documents", limit=500)["items"]
        for item in listed:
            counts = (item["entities"], item["events"], item["quotes"])
            if counts not in versions.get(item["id"], {counts}):
                failures.append(f"list: {item['id']} {counts}")
        if listed:
            doc_id = listed[reads % len(listed)]["id"]
            events = server.ok("/api/events", doc=doc_id, limit=500)
            if events["total"] != len(events["items"]) or events["total"] not in {
                v[1] for v in versions[doc_id]
            }:
                failures.append(f"events: {doc_id} {events['total']}")
            analysis = server.ok(f"/api/documents/{doc_id}")
            shape = (len(analysis["entities"]), len(analysis["events"]), len(analysis["quotes"]))
            if shape not in versions[doc_id]:
                failures.append(f"analysis: {doc_id} {shape}")
        reads += 1
    return reads


# -- the commands ----------------------------------------------------------------------


def test_token_commands_print_a_token_once_and_keep_only_its_hash(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "news.duckdb")
    created = runner.invoke(cli_app, ["token", "create", "--db", db, "--name", "newsroom"])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip().splitlines()[-1]
    assert token.startswith("pantau_") and len(token) > 40
    kept = tokens_path(db).read_text()
    assert token not in kept and "newsroom" in kept
    assert oct(tokens_path(db).stat().st_mode & 0o777) == "0o600"
    assert TokenFile(tokens_path(db)).check(token) is not None

    listed = runner.invoke(cli_app, ["token", "list", "--db", db])
    assert listed.exit_code == 0 and "newsroom" in listed.stdout and token not in listed.stdout
    revoked = runner.invoke(cli_app, ["token", "revoke", "newsroom", "--db", db])
    assert revoked.exit_code == 0, revoked.output
    assert TokenFile(tokens_path(db)).check(token) is None
    again = runner.invoke(cli_app, ["token", "revoke", "newsroom", "--db", db])
    assert again.exit_code == 1 and "no token" in again.output


def test_pantau_serve_command_serves_a_store_read_only(
    tmp_path: Path, analyses: list[Analysis]
) -> None:
    db = tmp_path / "news.duckdb"
    fill_store(db, analyses[:3])
    token, _ = TokenFile(tokens_path(db)).create("cli")
    port = free_port()
    log = tmp_path / "serve.log"
    command = [PANTAU, "serve", "--db", str(db), "--port", str(port), "--read-only"]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            assert process.poll() is None, log.read_text()
            try:
                health = httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("pantau serve did not answer")
        assert health.json()["documents"] == 3
        assert httpx.get(f"{base}/api/openapi.json").json()["info"]["title"] == "pantau"
        headers = {"Authorization": f"Bearer {token}"}
        refused = httpx.post(f"{base}/api/documents", json={"text": "x y z"}, headers=headers)
        assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_cli_starts_without_loading_the_serve_extra() -> None:
    """`pantau` must work without FastAPI installed: `serve` imports it when it runs."""
    code = (
        "import sys, pantau.cli; print(sorted({'fastapi', 'uvicorn', 'httpx'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
