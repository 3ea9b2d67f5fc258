"""The dashboard: HTML pages and their static files, mounted next to the JSON API.

Every page is a static shell (templates/base.html around templates/<page>.html) plus an
ES module under static/js/ that calls the JSON API and builds the page with
`textContent` and `createElement`, never `innerHTML` with data: escaping is structural,
and the strict Content-Security-Policy on the pages (no inline script, nothing from
another origin) is a second line of defence. Nothing is fetched from the internet: the
scripts, the stylesheet and the world basemap (static/map/) ship in the package.

Besides the pages, two small JSON routes the API does not have: `/dashboard-data/codebook`,
the CAMEO root names and PLOVER types the event filters offer, read from the codebook the
event coder uses so the two never disagree; and `/dashboard-data/event-places`, the names
of the places events point at (an event row carries only its document's place id).
"""

from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

router = APIRouter(include_in_schema=False)

PAGES = {
    "index": "Search",
    "document": "Article",
    "events": "Events",
    "map": "Map",
    "network": "Actor network",
    "quotes": "Quotes",
}
"""page (template and script name) -> title."""

CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}

SECURITY_HEADERS = {
    # The pages run only their own scripts and styles and talk only to this server.
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

PLOVER_ORDER = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()
"""PLOVER event types in the order of the PLOVER manual (cooperation to conflict)."""


def _package_text(folder: str, name: str) -> str:
    return resources.files("pantau.serve").joinpath(folder, name).read_text(encoding="utf-8")


@cache
def render_page(page: str) -> str:
    """The page's HTML. Only constants go into the shell: the page reads its data (and,
    on the article page, the document id from the URL) in the browser."""
    base = _package_text("templates", "base.html")
    return (
        base.replace("{{title}}", PAGES[page])
        .replace("{{page}}", page)
        .replace("{{main}}", _package_text("templates", f"{page}.html"))
    )


def _page(page: str) -> HTMLResponse:
    return HTMLResponse(render_page(page), headers=SECURITY_HEADERS)


@router.get("/", response_class=HTMLResponse)
def index_page() -> HTMLResponse:
    """Search across documents, with an overview of the store."""
    return _page("index")


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(doc_id: str) -> HTMLResponse:
    """One article with its evidence highlighted (the id is read by the script)."""
    return _page("document")


@router.get("/events", response_class=HTMLResponse)
def events_page() -> HTMLResponse:
    return _page("events")


@router.get("/map", response_class=HTMLResponse)
def map_page() -> HTMLResponse:
    return _page("map")


@router.get("/network", response_class=HTMLResponse)
def network_page() -> HTMLResponse:
    return _page("network")


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page() -> HTMLResponse:
    return _page("quotes")


@lru_cache(maxsize=256)
def _static_file(path: str) -> tuple[bytes, str] | None:
    """(content, etag) of a file under static/, or None. At most one sub-folder, plain
    names only, so no request reaches outside the folder."""
    parts = path.split("/")
    if not 1 <= len(parts) <= 2 or any(
        not p or p.startswith(".") or "\\" in p or ":" in p for p in parts
    ):
        return None
    node = resources.files("pantau.serve").joinpath("static", *parts)
    if not node.is_file():
        return None
    content = node.read_bytes()
    return content, '"' + hashlib.sha256(content).hexdigest()[:16] + '"'


@router.get("/static/{path:path}")
def static_file(path: str, request: Request) -> Response:
    """Static files, revalidated by ETag so an upgraded package is picked up at once."""
    suffix = path[path.rfind(".") :] if "." in path else ""
    found = _static_file(path) if suffix in CONTENT_TYPES else None
    if found is None:
        raise HTTPException(status_code=404, detail=f"no static file {path!r}")
    content, etag = found
    headers = {"ETag": etag, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(content, media_type=CONTENT_TYPES[suffix], headers=headers)


@cache
def codebook_summary() -> dict[str, Any]:
    from pantau.extract.events.codebook import codebook

    book = codebook()
    roots = [{"code": c, "name": e.name.capitalize()} for c, e in book.items() if len(c) == 2]
    found = {e.plover for e in book.values() if e.plover}
    plover = [p for p in PLOVER_ORDER if p in found] + sorted(found - set(PLOVER_ORDER))
    return {
        "roots": sorted(roots, key=lambda r: r["code"]),
        "cameo": {c: e.name for c, e in book.items()},
        "plover": plover,
        "quad_classes": {
            "1": "Verbal cooperation",
            "2": "Material cooperation",
            "3": "Verbal conflict",
            "4": "Material conflict",
        },
        "modalities": ["asserted", "negated", "future", "hypothetical", "reported", "demanded"],
    }


@router.get("/dashboard-data/codebook")
def codebook_data() -> JSONResponse:
    """CAMEO names and roots, PLOVER types, QuadClass names and modalities for the
    dashboard's filters and labels."""
    return JSONResponse(codebook_summary(), headers={"Cache-Control": "max-age=3600"})


@router.get("/dashboard-data/event-places")
def event_places(
    request: Request,
    doc: Annotated[list[str], Query(max_length=200)],
) -> dict[str, dict[str, str]]:
    """{doc id: {place id: resolved name, else the name as written}} for up to 500
    documents: the event table's place column."""
    if len(doc) > 500:
        raise HTTPException(status_code=422, detail="at most 500 documents")
    state = getattr(request.app.state, "pantau", None)
    if state is None:
        raise HTTPException(status_code=404, detail="no store")
    names: dict[str, dict[str, str]] = {}
    with state.cursors.snapshot() as cursor:
        rows = cursor.execute(
            "SELECT doc_id, id, coalesce(resolved, name) FROM places "
            "WHERE list_contains(?, doc_id)",
            [sorted(set(doc))],
        ).fetchall()
    for doc_id, place_id, name in rows:
        names.setdefault(doc_id, {})[place_id] = name
    return names
