"""Read-only queries over the store, one function per question the API answers.

Every function takes a DuckDB cursor that the caller has opened in a transaction, so
a page and its `total` come from one snapshot, and a document written meanwhile is seen
entirely or not at all. Values always travel as parameters; the only SQL built from
request input is an ORDER BY chosen from a whitelist (`order_by`).

Dates: `DateRange` is inclusive ISO days. An event's date may be a day ("2025-10-20"), a
month ("2025-10") or a year ("2025"); a range keeps the events whose period overlaps it
(a month event is in a range that touches that month). Dates are compared as strings,
which ISO dates allow and which keeps the filters as cheap as a scan can be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, Literal, TypeVar

import duckdb
from pydantic import BaseModel

Cursor = duckdb.DuckDBPyConnection
T = TypeVar("T", bound=BaseModel)

MAX_LIMIT = 500
NAME_KEY = "name:"
"""Entities without a knowledge-base id are grouped by name, under the key `name:<name>`
(kb ids look like `country:RUS` or `gn:1642911`, never `name:`)."""


class QueryError(ValueError):
    """A request the store cannot answer as asked (unknown sort column, from > to)."""


# -- results ---------------------------------------------------------------------------


class Page(BaseModel, Generic[T]):
    total: int
    limit: int
    offset: int
    items: list[T]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    documents: int
    events: int
    version: str


class DocumentItem(BaseModel):
    id: str
    title: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str | None
    tone: float | None
    entities: int
    events: int
    quotes: int


class EventItem(BaseModel):
    doc_id: str
    id: str
    sentence: int | None
    source_entity: str | None
    source_name: str | None
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    target_entity: str | None
    target_name: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    source_codes: list[str | None] | None
    target_codes: list[str | None] | None
    cameo: str
    root: str
    plover: str | None
    plover_mode: str | None
    plover_context: str | None
    quad_class: int
    goldstein: float
    trigger_start: int
    trigger_end: int
    trigger_text: str
    place: str | None
    date: str | None
    date_source: str | None
    modality: str
    confidence: float
    doc_title: str | None
    published: str | None
    place_lat: float | None
    place_lon: float | None


class EntityItem(BaseModel):
    key: str
    name: str
    type: str
    kb_id: str | None
    country: str | None
    actor_code: str | None
    documents: int
    mentions: int


class MentionItem(BaseModel):
    doc_id: str
    doc_title: str | None
    published: str | None
    start: int
    end: int
    text: str


class QuoteItem(BaseModel):
    doc_id: str
    doc_title: str | None
    published: str | None
    idx: int
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    speaker_key: str | None
    """The speaker's entity key (as in /api/entities), when the speaker is an entity."""
    cue: str | None
    start: int
    end: int


class PlaceItem(BaseModel):
    name: str
    resolved: str | None
    country: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    documents: int
    events: int


class CountPoint(BaseModel):
    date: str
    count: int


class CountSeries(BaseModel):
    key: str
    points: list[CountPoint]


class Counts(BaseModel):
    interval: str
    series: list[CountSeries]


class NetworkNode(BaseModel):
    id: str
    label: str | None
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    count: int
    goldstein: float


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


# -- requests --------------------------------------------------------------------------


@dataclass(frozen=True)
class PageRequest:
    limit: int = 50
    offset: int = 0
    sort: str | None = None


@dataclass(frozen=True)
class DateRange:
    start: date | None = None
    end: date | None = None

    def check(self) -> DateRange:
        if self.start and self.end and self.start > self.end:
            raise QueryError(f"from ({self.start}) is after to ({self.end})")
        return self


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    country: str | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    place: str | None = None
    modality: str | None = None
    min_confidence: float | None = None
    doc: str | None = None
    dates: DateRange = DateRange()


# -- SQL helpers -----------------------------------------------------------------------


class _Where:
    """Conditions joined by AND, with their parameters in order."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def order_by(sort: str | None, allowed: dict[str, str], default: str, tiebreak: str) -> str:
    """An ORDER BY clause for `sort` ("col" or "-col" for descending), which must be one
    of `allowed` (public name -> SQL expression); anything else is a `QueryError`."""
    sort = (sort or default).strip()
    descending = sort.startswith("-")
    name = sort.lstrip("-+ ")
    if name not in allowed:
        choices = ", ".join(sorted(allowed))
        raise QueryError(f"cannot sort by {name!r}; sort by one of: {choices} (-col: descending)")
    direction = "DESC" if descending else "ASC"
    return f"ORDER BY {allowed[name]} {direction} NULLS LAST, {tiebreak}"


def _rows(cur: Cursor, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    result = cur.execute(sql, params)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _scalar(cur: Cursor, sql: str, params: list[Any]) -> int:
    row = cur.execute(sql, params).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _page(model: type[T], rows: list[dict[str, Any]], total: int, page: PageRequest) -> Page[T]:
    return Page[model](  # type: ignore[valid-type]
        total=total,
        limit=page.limit,
        offset=page.offset,
        items=[model.model_validate(r) for r in rows],
    )


def _windowed(
    model: type[T], cur: Cursor, sql: str, params: list[Any], page: PageRequest, count_sql: str
) -> Page[T]:
    """A page of a grouped query that carries `count(*) OVER () AS total`; an empty page
    (offset past the end) asks `count_sql` for the total instead."""
    rows = _rows(cur, sql, [*params, page.limit, page.offset])
    if rows:
        total = int(rows[0]["total"])
    else:
        total = _scalar(cur, count_sql, params)
    for row in rows:
        row.pop("total", None)
    return _page(model, rows, total, page)


def _published_range(where: _Where, column: str, dates: DateRange) -> None:
    """Publication dates ("2025-10-20" or "2025-10-20T08:00:00") in the range; plain
    string comparisons, as ISO dates sort as strings ("~" sorts after any time)."""
    if dates.start:
        where.add(f"{column} >= ?", dates.start.isoformat())
    if dates.end:
        where.add(f"{column} <= ?", dates.end.isoformat() + "~")


def _event_range(where: _Where, column: str, dates: DateRange) -> None:
    """Events whose date (a day, a month "2025-10" or a year "2025") overlaps the range.
    As strings, "2025-10" sorts before every day of October, so a month or year
    reaches the start of the range when it is that start's month or year."""
    if dates.start:
        start = dates.start.isoformat()
        where.add(f"({column} >= ? OR {column} = ? OR {column} = ?)", start, start[:7], start[:4])
    if dates.end:
        where.add(f"{column} <= ?", dates.end.isoformat() + "~")


def _actor(where: _Where, alias: str, actor: str) -> None:
    """Source or target code starts with `actor`, also any member of a compound actor."""
    code = actor.strip().upper()
    where.add(
        f"(starts_with({alias}.source_code, ?) OR starts_with({alias}.target_code, ?) "
        f"OR len(list_filter({alias}.source_codes, lambda c: starts_with(c, ?))) > 0 "
        f"OR len(list_filter({alias}.target_codes, lambda c: starts_with(c, ?))) > 0)",
        code,
        code,
        code,
        code,
    )


def _country(where: _Where, alias: str, country: str) -> None:
    code = country.strip().upper()
    where.add(f"({alias}.source_country = ? OR {alias}.target_country = ?)", code, code)


def _entity_key_match(where: _Where, alias: str, key: str) -> None:
    if key.startswith(NAME_KEY):
        where.add(f"({alias}.kb_id IS NULL AND {alias}.name = ?)", key[len(NAME_KEY) :])
    else:
        where.add(f"{alias}.kb_id = ?", key)


def _entity_key(alias: str) -> str:
    return f"coalesce({alias}.kb_id, '{NAME_KEY}' || {alias}.name)"


# -- queries ---------------------------------------------------------------------------


def health(cur: Cursor, version: str) -> Health:
    documents = _scalar(cur, "SELECT count(*) FROM documents", [])
    events = _scalar(cur, "SELECT count(*) FROM events", [])
    return Health(documents=documents, events=events, version=version)


DOCUMENT_SORTS = {
    "published": "published",
    "title": "title",
    "id": "id",
    "language": "language",
    "tone": "tone",
    "source": "source",
    "stored": "stored_at",
    "entities": "entities",
    "events": "events",
    "quotes": "quotes",
}
_COUNTED = ("entities", "events", "quotes")


def documents(
    cur: Cursor,
    page: PageRequest,
    q: str | None = None,
    lang: str | None = None,
    dates: DateRange = DateRange(),
) -> Page[DocumentItem]:
    """Documents with the number of entities, events and quotes of each. The counts are
    computed for the page only, unless the page is sorted by one of them."""
    where = _Where()
    if q:
        needle = q.lower()
        where.add("(contains(lower(d.title), ?) OR contains(lower(d.text), ?))", needle, needle)
    if lang:
        where.add("d.language = ?", lang.strip().lower())
    _published_range(where, "d.published", dates.check())
    order = order_by(page.sort, DOCUMENT_SORTS, "-published", "id")
    columns = (
        "d.id, d.title, d.published, d.language, d.url, d.source, d.tone_score AS tone, d.stored_at"
    )
    counts = ", ".join(
        f"(SELECT count(*) FROM {t} x WHERE x.doc_id = p.id) AS {t}" for t in _COUNTED
    )
    sort_name = (page.sort or "").lstrip("-+ ")
    if sort_name in _COUNTED:
        sql = (
            f"SELECT * FROM (SELECT p.*, {counts} FROM "
            f"(SELECT {columns} FROM documents d {where.sql()}) p) {order} LIMIT ? OFFSET ?"
        )
    else:
        sql = (
            f"SELECT p.*, {counts} FROM "
            f"(SELECT {columns} FROM documents d {where.sql()} {order} LIMIT ? OFFSET ?) p "
            f"{order}"
        )
    rows = _rows(cur, sql, [*where.params, page.limit, page.offset])
    total = _scalar(cur, f"SELECT count(*) FROM documents d {where.sql()}", where.params)
    return _page(DocumentItem, rows, total, page)


def document_json(cur: Cursor, doc_id: str) -> str | None:
    """The stored analysis of a document, the contract's JSON exactly as stored."""
    row = cur.execute("SELECT analysis FROM documents WHERE id = ?", [doc_id]).fetchone()
    return None if row is None else str(row[0])


EVENT_SORTS = {
    "date": "e.date",
    "published": "d.published",
    "goldstein": "e.goldstein",
    "confidence": "e.confidence",
    "quad_class": "e.quad_class",
    "cameo": "e.cameo",
    "root": "e.root",
    "plover": "e.plover",
    "modality": "e.modality",
    "source_code": "e.source_code",
    "target_code": "e.target_code",
    "doc_id": "e.doc_id",
}


def events(cur: Cursor, f: EventFilter, page: PageRequest) -> Page[EventItem]:
    """Events with their document's title and publication date, and the coordinates of
    their place (a place of the same document)."""
    where = _Where()
    if f.actor:
        _actor(where, "e", f.actor)
    if f.country:
        _country(where, "e", f.country)
    if f.cameo:
        where.add("starts_with(e.cameo, ?)", f.cameo.strip())
    if f.root:
        where.add("e.root = ?", f.root.strip().zfill(2))
    if f.plover:
        where.add("e.plover = ?", f.plover.strip().upper())
    if f.quad_class is not None:
        where.add("e.quad_class = ?", f.quad_class)
    if f.modality:
        where.add("e.modality = ?", f.modality.strip().lower())
    if f.min_confidence is not None:
        where.add("e.confidence >= ?", f.min_confidence)
    if f.doc:
        where.add("e.doc_id = ?", f.doc)
    if f.place:
        name = f.place.strip().lower()
        if name.isdigit():
            where.add("p.geonames_id = ?", int(name))
        else:
            where.add("(lower(p.resolved) = ? OR lower(p.name) = ?)", name, name)
    _event_range(where, "e.date", f.dates.check())
    order = order_by(page.sort, EVENT_SORTS, "-date", "e.doc_id, e.id")
    place_join = "LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place"
    # The page is chosen from the events alone (joined only where a filter or the sort
    # needs it), then joined with its documents and places: 50 rows to join, not all.
    inner = "events e"
    if (page.sort or "").lstrip("-+ ") == "published":
        inner += " JOIN documents d ON d.id = e.doc_id"
    if f.place:
        inner += f" {place_join}"
    sql = (
        "SELECT e.*, d.title AS doc_title, d.published, p.lat AS place_lat, "
        f"p.lon AS place_lon FROM (SELECT e.* FROM {inner} {where.sql()} {order} "
        f"LIMIT ? OFFSET ?) e JOIN documents d ON d.id = e.doc_id {place_join} {order}"
    )
    rows = _rows(cur, sql, [*where.params, page.limit, page.offset])
    count_from = f"events e {place_join}" if f.place else "events e"
    total = _scalar(cur, f"SELECT count(*) FROM {count_from} {where.sql()}", where.params)
    return _page(EventItem, rows, total, page)


ENTITY_SORTS = {
    "documents": "documents",
    "mentions": "mentions",
    "name": "name",
    "type": "type",
    "country": "country",
    "key": "key",
}


def entities(
    cur: Cursor,
    page: PageRequest,
    q: str | None = None,
    type_: str | None = None,
    country: str | None = None,
) -> Page[EntityItem]:
    """Entities grouped across documents by knowledge-base id (by name when unlinked),
    with the most frequent name, type, country and actor code of the group."""
    where = _Where()
    if q:
        where.add("contains(lower(en.name), ?)", q.strip().lower())
    if type_:
        where.add("en.type = ?", type_.strip().upper())
    if country:
        where.add("en.country = ?", country.strip().upper())
    order = order_by(page.sort, ENTITY_SORTS, "-documents", "key")
    key = _entity_key("en")
    details = (
        "mode(en.name) AS name, mode(en.type) AS type, any_value(en.kb_id) AS kb_id, "
        "mode(en.country) AS country, mode(en.actor_code) AS actor_code"
    )
    count_sql = f"SELECT count(DISTINCT {key}) FROM entities en {where.sql()}"
    if (page.sort or "-documents").lstrip("-+ ") in ("documents", "key"):
        return _entities_by_documents(cur, page, where, order, details, count_sql)
    grouped = (
        "WITH m AS (SELECT doc_id, entity_id, count(*) AS n FROM mentions GROUP BY ALL) "
        f"SELECT {key} AS key, {details}, count(DISTINCT en.doc_id) AS documents, "
        "coalesce(sum(m.n), 0)::BIGINT AS mentions "
        "FROM entities en LEFT JOIN m ON m.doc_id = en.doc_id AND m.entity_id = en.id "
        f"{where.sql()} GROUP BY 1"
    )
    sql = f"SELECT *, count(*) OVER () AS total FROM ({grouped}) {order} LIMIT ? OFFSET ?"
    return _windowed(EntityItem, cur, sql, where.params, page, count_sql)


def _entities_by_documents(
    cur: Cursor, page: PageRequest, where: _Where, order: str, details: str, count_sql: str
) -> Page[EntityItem]:
    """The page of keys by number of documents first, then names, types and mentions for
    those keys only: the most frequent name of every entity of the store, and a count of
    every mention, are what made this list slow (measured: 266 ms on 490,000 entities)."""
    key = _entity_key("en")
    keys_sql = (
        f"SELECT {key} AS key, count(DISTINCT en.doc_id) AS documents, "
        f"count(*) OVER () AS total FROM entities en {where.sql()} GROUP BY 1 "
        f"{order} LIMIT ? OFFSET ?"
    )
    ranked = cur.execute(keys_sql, [*where.params, page.limit, page.offset]).fetchall()
    if not ranked:
        return _page(EntityItem, [], _scalar(cur, count_sql, where.params), page)
    keys = [row[0] for row in ranked]
    chosen = " AND ".join([*where.clauses, f"{key} IN (SELECT unnest(?::VARCHAR[]))"])
    detail_sql = (
        f"WITH en AS (SELECT {key} AS key, en.* FROM entities en WHERE {chosen}), "
        "m AS (SELECT en.key, count(*) AS n FROM en JOIN mentions m "
        "ON m.doc_id = en.doc_id AND m.entity_id = en.id GROUP BY 1) "
        f"SELECT en.key, {details}, coalesce(any_value(m.n), 0) AS mentions "
        "FROM en LEFT JOIN m ON m.key = en.key GROUP BY en.key"
    )
    found = {r["key"]: r for r in _rows(cur, detail_sql, [*where.params, keys])}
    rows = [
        {**found[k], "key": k, "documents": documents} for k, documents, _ in ranked if k in found
    ]
    return _page(EntityItem, rows, int(ranked[0][2]), page)


def entity_exists(cur: Cursor, key: str) -> bool:
    where = _Where()
    _entity_key_match(where, "en", key)
    return _scalar(cur, f"SELECT count(*) FROM entities en {where.sql()}", where.params) > 0


MENTION_SORTS = {"published": "d.published", "doc_id": "m.doc_id", "start": "m.start"}


def entity_mentions(cur: Cursor, key: str, page: PageRequest) -> Page[MentionItem]:
    """Every mention of one grouped entity, with its document."""
    where = _Where()
    _entity_key_match(where, "en", key)
    order = order_by(page.sort, MENTION_SORTS, "-published", "m.doc_id, m.start")
    joined = (
        "FROM entities en JOIN mentions m ON m.doc_id = en.doc_id AND m.entity_id = en.id "
        "JOIN documents d ON d.id = en.doc_id"
    )
    sql = (
        'SELECT m.doc_id, d.title AS doc_title, d.published, m.start, m."end", m.text '
        f"{joined} {where.sql()} {order} LIMIT ? OFFSET ?"
    )
    rows = _rows(cur, sql, [*where.params, page.limit, page.offset])
    total = _scalar(cur, f"SELECT count(*) {joined} {where.sql()}", where.params)
    return _page(MentionItem, rows, total, page)


QUOTE_SORTS = {
    "published": "d.published",
    "doc_id": "q.doc_id",
    "speaker": "q.speaker_name",
    "kind": "q.kind",
    "idx": "q.idx",
}


def quotes(
    cur: Cursor,
    page: PageRequest,
    speaker: str | None = None,
    q: str | None = None,
    dates: DateRange = DateRange(),
) -> Page[QuoteItem]:
    """Quotes with their document. `speaker` is an entity key (as /api/entities gives)
    or any part of the speaker's name, case-insensitive."""
    where = _Where()
    if speaker:
        key = _Where()
        _entity_key_match(key, "s", speaker.strip())
        where.add(
            "(contains(lower(q.speaker_name), ?) OR EXISTS (SELECT 1 FROM entities s "
            f"WHERE s.doc_id = q.doc_id AND s.id = q.speaker AND {key.clauses[0]}))",
            speaker.strip().lower(),
            *key.params,
        )
    if q:
        where.add("contains(lower(q.text), ?)", q.strip().lower())
    _published_range(where, "d.published", dates.check())
    order = order_by(page.sort, QUOTE_SORTS, "-published", "q.doc_id, q.idx")
    filtered = f"FROM quotes q JOIN documents d ON d.id = q.doc_id {where.sql()}"
    # The page first, then its speakers' entities: 50 rows to join, not every quote.
    sql = (
        "SELECT q.doc_id, d.title AS doc_title, d.published, q.idx, q.text, q.kind, "
        f"q.speaker, q.speaker_name, {_entity_key('s')} AS speaker_key, q.cue, q.start, "
        f'q."end" FROM (SELECT q.* {filtered} {order} LIMIT ? OFFSET ?) q '
        "JOIN documents d ON d.id = q.doc_id "
        f"LEFT JOIN entities s ON s.doc_id = q.doc_id AND s.id = q.speaker {order}"
    )
    rows = _rows(cur, sql, [*where.params, page.limit, page.offset])
    total = _scalar(cur, f"SELECT count(*) {filtered}", where.params)
    return _page(QuoteItem, rows, total, page)


PLACE_SORTS = {
    "documents": "documents",
    "events": "events",
    "name": "name",
    "resolved": "resolved",
    "country": "country",
}


def places(
    cur: Cursor,
    page: PageRequest,
    country: str | None = None,
    dates: DateRange = DateRange(),
) -> Page[PlaceItem]:
    """Places grouped by resolved name and coordinates (an unresolved place by the name
    as written), with how many documents name them and how many events happen there."""
    where = _Where()
    if country:
        where.add("p.country = ?", country.strip().upper())
    _published_range(where, "d.published", dates.check())
    order = order_by(page.sort, PLACE_SORTS, "-documents", "name, lat, lon")
    grouped = (
        "WITH pe AS (SELECT doc_id, place, count(*) AS n FROM events "
        "WHERE place IS NOT NULL GROUP BY ALL) "
        "SELECT mode(p.name) AS name, p.resolved, mode(p.country) AS country, "
        "mode(p.feature) AS feature, p.lat, p.lon, count(DISTINCT p.doc_id) AS documents, "
        "coalesce(sum(pe.n), 0)::BIGINT AS events "
        "FROM places p JOIN documents d ON d.id = p.doc_id "
        "LEFT JOIN pe ON pe.doc_id = p.doc_id AND pe.place = p.id "
        f"{where.sql()} GROUP BY coalesce(p.resolved, p.name), p.resolved, p.lat, p.lon"
    )
    sql = f"SELECT *, count(*) OVER () AS total FROM ({grouped}) {order} LIMIT ? OFFSET ?"
    count_sql = (
        "SELECT count(*) FROM (SELECT 1 FROM places p JOIN documents d ON d.id = p.doc_id "
        f"{where.sql()} GROUP BY coalesce(p.resolved, p.name), p.resolved, p.lat, p.lon)"
    )
    return _windowed(PlaceItem, cur, sql, where.params, page, count_sql)


Of = Literal["events", "documents"]
By = Literal["quad_class", "root", "plover", "language", "none"]
Interval = Literal["day", "week", "month"]


def counts(
    cur: Cursor,
    of: Of,
    by: By,
    interval: Interval,
    dates: DateRange = DateRange(),
    actor: str | None = None,
    country: str | None = None,
) -> Counts:
    """Events (by their date) or documents (by publication date) per day, week or month,
    one series per value of `by` ("?" for events without one, such as an event with no
    PLOVER type). Only buckets with a count appear. An event dated by
    month only is counted in monthly series, one dated by year only in none.

    Documents by an event field count the documents with at least one such event;
    `actor` and `country` restrict documents to those with a matching event."""
    where = _Where()
    if of == "events":
        when, minimum = "e.date", (7 if interval == "month" else 10)
        bucket_day = (
            f"try_cast(CASE WHEN length({when}) = 7 THEN {when} || '-01' "
            f"ELSE left({when}, 10) END AS DATE)"
        )
        where.add(f"length({when}) >= ?", minimum)
        _event_range(where, when, dates.check())
    else:
        when = "d.published"
        bucket_day = f"try_cast(left({when}, 10) AS DATE)"
        _published_range(where, when, dates.check())
    if actor:
        _actor(where, "e", actor)
    if country:
        _country(where, "e", country)
    keys = {
        "quad_class": "e.quad_class::VARCHAR",
        "root": "e.root",
        "plover": "e.plover",
        "language": "d.language",
        "none": "'all'",
    }
    key = keys[by]
    needs_events = of == "events" or by in ("quad_class", "root", "plover") or actor or country
    source = "events e JOIN documents d ON d.id = e.doc_id" if needs_events else "documents d"
    counted = "count(*)" if of == "events" else "count(DISTINCT d.id)"
    sql = (
        f"SELECT coalesce({key}, '?') AS key, "
        f"strftime(date_trunc('{interval}', {bucket_day}), '%Y-%m-%d') AS bucket, "
        f"{counted} AS n FROM {source} {where.sql()} "
        "GROUP BY 1, 2 HAVING bucket IS NOT NULL ORDER BY 1, 2"
    )
    series: dict[str, list[CountPoint]] = {}
    for key_value, bucket, n in cur.execute(sql, where.params).fetchall():
        series.setdefault(str(key_value), []).append(CountPoint(date=bucket, count=n))
    return Counts(
        interval=interval,
        series=[CountSeries(key=k, points=v) for k, v in series.items()],
    )


def network(
    cur: Cursor,
    dates: DateRange = DateRange(),
    country: str | None = None,
    min_count: int = 1,
    limit: int = 100,
) -> Network:
    """Actors (by CAMEO code) and who acted on whom: the `limit` most frequent
    source -> target pairs among events that have both, with their mean Goldstein."""
    where = _Where()
    where.add("e.source_code IS NOT NULL AND e.target_code IS NOT NULL")
    _event_range(where, "e.date", dates.check())
    if country:
        _country(where, "e", country)
    base = (
        "WITH ev AS (SELECT e.source_code AS s, e.target_code AS t, e.source_name, "
        f"e.target_name, e.goldstein FROM events e {where.sql()}), "
        "edges AS (SELECT s, t, count(*) AS n, avg(goldstein) AS g FROM ev GROUP BY s, t "
        "HAVING count(*) >= ? ORDER BY n DESC, s, t LIMIT ?) "
    )
    params = [*where.params, min_count, limit]
    edges = [
        NetworkEdge(source=s, target=t, count=n, goldstein=round(g, 3))
        for s, t, n, g in cur.execute(base + "SELECT s, t, n, g FROM edges", params).fetchall()
    ]
    node_sql = base + (
        "SELECT code, mode(name), count(*) FROM ("
        "SELECT s AS code, source_name AS name FROM ev UNION ALL "
        "SELECT t AS code, target_name AS name FROM ev WHERE t <> s) "
        "WHERE code IN (SELECT s FROM edges UNION SELECT t FROM edges) "
        "GROUP BY code ORDER BY 3 DESC, 1"
    )
    nodes = [
        NetworkNode(id=code, label=label, events=n)
        for code, label, n in cur.execute(node_sql, params).fetchall()
    ]
    return Network(nodes=nodes, edges=edges)
