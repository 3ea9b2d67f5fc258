"""The HTTP API under /api: reads over the store, and token-protected analysis.

Routes are plain functions (FastAPI runs them in its thread pool): DuckDB does the work
and releases the GIL while it does. Each read takes a cursor in a transaction from the
pool (`ServeState.cursors`), so a page and its total come from one snapshot, and its
serialized answer is kept until the next write (`ResponseCache`). Paging is bounded
(`limit` at most 500, larger is a 422) and sorting is by whitelisted columns.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Annotated, Literal, Self

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, model_validator

from pantau.errors import PantauError, StoreError
from pantau.ingest import RawDocument
from pantau.ingest.html import looks_like_html
from pantau.ingest.published import normalize_published
from pantau.model import Analysis
from pantau.serve import queries
from pantau.serve.app import ServeState
from pantau.serve.fetch import (
    FetchError,
    FetchRefused,
    FetchTimeout,
    FetchUnavailable,
    fetch_url,
)
from pantau.serve.queries import DateRange, PageRequest, QueryError
from pantau.serve.tokens import TokenRecord

router = APIRouter(prefix="/api")
_bearer = HTTPBearer(auto_error=False, description="a token from `pantau token create`")


# -- dependencies ----------------------------------------------------------------------


def get_state(request: Request) -> ServeState:
    return request.app.state.pantau  # type: ignore[no-any-return]


State = Annotated[ServeState, Depends(get_state)]


class Reader:
    """Answers one read request: from the response cache, else from a snapshot of the
    store (a cursor in a read transaction), caching what it computed."""

    def __init__(self, state: ServeState, key: str) -> None:
        self.state = state
        self.key = key

    def __call__(self, compute: Callable[[duckdb.DuckDBPyConnection], BaseModel]) -> Response:
        cached = self.state.cache.get(self.key)
        if cached is not None:
            return Response(cached, media_type="application/json")
        generation = self.state.cache.generation
        with self.state.cursors.snapshot() as cursor:
            try:
                result = compute(cursor)
            except QueryError as exc:
                raise HTTPException(422, str(exc)) from None
        body = result.model_dump_json().encode()
        self.state.cache.put(self.key, generation, body)
        return Response(body, media_type="application/json")


def reader(request: Request, state: State) -> Reader:
    return Reader(state, f"{request.url.path}?{request.url.query}")


Read = Annotated[Reader, Depends(reader)]


def paging(
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
    sort: Annotated[
        str | None, Query(max_length=40, description="a sort column; -col for descending")
    ] = None,
) -> PageRequest:
    return PageRequest(limit=limit, offset=offset, sort=sort)


Paging = Annotated[PageRequest, Depends(paging)]


def date_range(
    start: Annotated[date | None, Query(alias="from", description="first day, inclusive")] = None,
    end: Annotated[date | None, Query(alias="to", description="last day, inclusive")] = None,
) -> DateRange:
    return DateRange(start, end)


Dates = Annotated[DateRange, Depends(date_range)]


def require_token(
    state: State,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> TokenRecord:
    """The caller's token record; 401 without a valid `Authorization: Bearer` token."""
    record = state.tokens.check(credentials.credentials if credentials else None)
    if record is None:
        raise HTTPException(
            401,
            "a valid API token is required (Authorization: Bearer <token>; create one with "
            "`pantau token create`)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return record


# -- reads -----------------------------------------------------------------------------


def _page_of(item: type[BaseModel]) -> type[BaseModel]:
    return queries.Page[item]  # type: ignore[valid-type]


@router.get("/health", tags=["read"], response_model=queries.Health)
def health(read: Read) -> Response:
    """Whether the server is up, and how much the store holds."""
    return read(lambda cursor: queries.health(cursor, read.state.version))


@router.get("/documents", tags=["read"], response_model=_page_of(queries.DocumentItem))
def list_documents(
    read: Read,
    page: Paging,
    dates: Dates,
    q: Annotated[
        str | None, Query(max_length=200, description="text in the title or the article")
    ] = None,
    lang: Annotated[str | None, Query(max_length=8, description="ISO 639-1 code")] = None,
) -> Response:
    """Documents, newest first, with the number of entities, events and quotes of each.
    Sort by published, title, id, language, tone, source, stored, entities, events or
    quotes; `from`/`to` are on the publication date."""
    return read(lambda cursor: queries.documents(cursor, page, q=q, lang=lang, dates=dates))


@router.get(
    "/documents/{doc_id}",
    tags=["read"],
    response_class=Response,
    responses={
        200: {"model": Analysis, "description": "the stored analysis (the output contract)"},
        404: {"description": "no document with this id"},
    },
)
def get_document(state: State, doc_id: str) -> Response:
    """The full analysis of one document, the contract's JSON exactly as stored."""
    with state.cursors.snapshot() as cursor:
        stored = queries.document_json(cursor, doc_id)
    if stored is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return Response(stored, media_type="application/json")


@router.get("/events", tags=["read"], response_model=_page_of(queries.EventItem))
def list_events(
    read: Read,
    page: Paging,
    dates: Dates,
    actor: Annotated[
        str | None,
        Query(max_length=40, description="CAMEO actor code prefix of the source or target"),
    ] = None,
    country: Annotated[
        str | None, Query(max_length=3, description="ISO alpha-3 of the source or target")
    ] = None,
    cameo: Annotated[str | None, Query(max_length=4, description="CAMEO code prefix")] = None,
    root: Annotated[str | None, Query(max_length=2, description="CAMEO root, 01-20")] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    place: Annotated[
        str | None,
        Query(max_length=200, description="place name (resolved or as written) or GeoNames id"),
    ] = None,
    modality: Annotated[
        Literal["asserted", "negated", "future", "hypothetical", "reported", "demanded"] | None,
        Query(),
    ] = None,
    min_confidence: Annotated[
        float | None,
        Query(ge=0, le=1, description="only events at least this confident (docs/accuracy.md "
              "gives the share right by confidence)"),
    ] = None,
    doc: Annotated[str | None, Query(max_length=200, description="document id")] = None,
) -> Response:
    """Events, latest event date first. `from`/`to` are on the event's date (a month or
    year date counts when its period overlaps the range). Sort by date, published,
    goldstein, confidence, quad_class, cameo, root, plover, modality, source_code,
    target_code or doc_id."""
    event_filter = queries.EventFilter(
        actor=actor,
        country=country,
        cameo=cameo,
        root=root,
        plover=plover,
        quad_class=quad_class,
        place=place,
        modality=modality,
        min_confidence=min_confidence,
        doc=doc,
        dates=dates,
    )
    return read(lambda cursor: queries.events(cursor, event_filter, page))


@router.get("/entities", tags=["read"], response_model=_page_of(queries.EntityItem))
def list_entities(
    read: Read,
    page: Paging,
    q: Annotated[str | None, Query(max_length=200, description="part of the name")] = None,
    type_: Annotated[Literal["PERSON", "ORG", "LOC"] | None, Query(alias="type")] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO alpha-3")] = None,
) -> Response:
    """Entities across documents, grouped by knowledge-base id (by name when unlinked,
    key `name:<name>`). Sort by documents (default, descending), mentions, name, type,
    country or key."""
    return read(lambda cursor: queries.entities(cursor, page, q=q, type_=type_, country=country))


@router.get(
    "/entities/{key:path}/mentions",
    tags=["read"],
    response_model=_page_of(queries.MentionItem),
    responses={404: {"description": "no entity with this key"}},
)
def list_mentions(read: Read, page: Paging, key: str) -> Response:
    """Every mention of one entity (a key from /api/entities), newest document first.
    Sort by published, doc_id or start."""

    def mentions(cursor: duckdb.DuckDBPyConnection) -> BaseModel:
        if not queries.entity_exists(cursor, key):
            raise HTTPException(404, f"no entity {key!r}")
        return queries.entity_mentions(cursor, key, page)

    return read(mentions)


@router.get("/quotes", tags=["read"], response_model=_page_of(queries.QuoteItem))
def list_quotes(
    read: Read,
    page: Paging,
    dates: Dates,
    speaker: Annotated[
        str | None,
        Query(max_length=200, description="an entity key, or part of the speaker's name"),
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the quote")] = None,
) -> Response:
    """Quotes, newest document first; `from`/`to` are on the publication date. Sort by
    published, doc_id, speaker, kind or idx. Each quote also gives `speaker_key`, the
    speaker's entity key when the speaker is an entity."""
    return read(lambda cursor: queries.quotes(cursor, page, speaker=speaker, q=q, dates=dates))


@router.get("/places", tags=["read"], response_model=_page_of(queries.PlaceItem))
def list_places(
    read: Read,
    page: Paging,
    dates: Dates,
    country: Annotated[str | None, Query(max_length=3, description="ISO alpha-3")] = None,
) -> Response:
    """Places grouped by resolved name and coordinates, most documents first; `from`/`to`
    are on the publication date. Sort by documents, events, name, resolved or country."""
    return read(lambda cursor: queries.places(cursor, page, country=country, dates=dates))


@router.get("/counts", tags=["read"], response_model=queries.Counts)
def get_counts(
    read: Read,
    dates: Dates,
    of: queries.Of = "events",
    by: queries.By = "none",
    interval: queries.Interval = "day",
    actor: Annotated[str | None, Query(max_length=40)] = None,
    country: Annotated[str | None, Query(max_length=3)] = None,
) -> Response:
    """Events (by event date) or documents (by publication date) per day, week (starting
    Monday) or month, one series per value of `by`; buckets without any are left out."""
    return read(
        lambda cursor: queries.counts(cursor, of, by, interval, dates, actor=actor, country=country)
    )


@router.get("/network", tags=["read"], response_model=queries.Network)
def get_network(
    read: Read,
    dates: Dates,
    country: Annotated[str | None, Query(max_length=3)] = None,
    min_count: Annotated[int, Query(ge=1, description="least events per edge")] = 1,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="most edges")] = 100,
) -> Response:
    """Who acts on whom: actors by CAMEO code, and the most frequent source -> target
    pairs among events with both, with their mean Goldstein score."""
    return read(
        lambda cursor: queries.network(
            cursor, dates, country=country, min_count=min_count, limit=limit
        )
    )


# -- writes ----------------------------------------------------------------------------


class AnalyzeRequest(BaseModel):
    """One document: exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="plain text (HTML is detected too)")
    html: str | None = Field(None, description="an HTML page")
    url: str | None = Field(None, max_length=2000, description="a page to fetch")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD or ISO time")
    language: str | None = Field(None, max_length=8, description="ISO 639-1; else detected")

    @model_validator(mode="after")
    def _one_input(self) -> Self:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


class StoreRequest(AnalyzeRequest):
    id: str | None = Field(
        None, min_length=1, max_length=200, description="the document's id (else a hash)"
    )


class StoredResponse(BaseModel):
    id: str
    stored: bool
    analysis: Analysis


def _raw(state: ServeState, body: AnalyzeRequest, doc_id: str | None) -> RawDocument:
    """The request as a raw document, fetching its URL if it names one."""
    try:
        published = normalize_published(body.published)
    except ValueError as exc:
        raise HTTPException(422, f"published: {exc}") from None
    if body.url is not None:
        try:
            page = fetch_url(body.url, state.options.fetch)
        except FetchRefused as exc:
            raise HTTPException(400, str(exc)) from None
        except FetchTimeout as exc:
            raise HTTPException(504, str(exc)) from None
        except FetchError as exc:
            raise HTTPException(502, str(exc)) from None
        except FetchUnavailable as exc:
            raise HTTPException(501, str(exc)) from None
        return RawDocument(
            text=page.text,
            format="html" if page.html else "text",
            id=doc_id,
            title=body.title,
            url=page.url,
            published=published,
            path=page.url,
            warnings=page.warnings,
        )
    is_html = body.html is not None
    return RawDocument(
        text=body.html if is_html else body.text or "",
        format="html" if is_html or looks_like_html(body.text or "") else "text",
        id=doc_id,
        title=body.title,
        published=published,
    )


def _analyze(state: ServeState, raw: RawDocument, language: str | None) -> Analysis:
    if not raw.text.strip():
        raise HTTPException(422, "empty input")
    try:
        with state.pipeline() as pipeline:
            return pipeline.analyze_document(raw, lang=language)
    except PantauError as exc:
        raise HTTPException(422, str(exc)) from None


def _writable(state: ServeState) -> None:
    if state.options.read_only:
        raise HTTPException(403, "this server opened its store read-only")


@router.post(
    "/analyze",
    tags=["write"],
    response_model=Analysis,
    response_model_by_alias=True,
    responses={401: {"description": "no valid token"}, 413: {"description": "body too large"}},
)
def analyze(
    state: State, token: Annotated[TokenRecord, Depends(require_token)], body: AnalyzeRequest
) -> Response:
    """Analyse one document and return the contract, without storing it."""
    analysis = _analyze(state, _raw(state, body, None), body.language)
    return Response(analysis.to_json(), media_type="application/json")


@router.post(
    "/documents",
    tags=["write"],
    response_model=StoredResponse,
    responses={401: {"description": "no valid token"}, 413: {"description": "body too large"}},
)
def store_document(
    state: State, token: Annotated[TokenRecord, Depends(require_token)], body: StoreRequest
) -> Response:
    """Analyse one document and store it (replacing a stored one with the same id)."""
    from pantau.pipeline import settings_version
    from pantau.store.duckdb_store import StoredDocument

    _writable(state)
    raw = _raw(state, body, body.id)
    analysis = _analyze(state, raw, body.language)
    stored = StoredDocument(analysis, raw.input_hash, settings_version(state.settings))
    try:
        state.write([stored])
    except (StoreError, duckdb.Error) as exc:
        raise HTTPException(503, f"the store could not be written: {exc}") from None
    data = f'{{"id": {json.dumps(analysis.id)}, "stored": true, "analysis": {analysis.to_json()}}}'
    return Response(data, media_type="application/json")
