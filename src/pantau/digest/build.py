"""One day of the store as a typed `Digest`: the queries, the grouping and the ranking.

Which day a fact belongs to
    A document belongs to day D when its publication date (`documents.published`, as the
    publisher wrote it: the first ten characters of the ISO date or datetime, with no
    time-zone conversion, so an article stamped 2025-03-11T23:30+07:00 is a 11 March
    article, the day its readers saw it) is D. Documents without a publication date
    belong to no day. An event counts for D when its document was published on D, or when
    its own clause dates it to D (`date_source = "text"`): a follow-up published on the
    12th about "Tuesday the 11th" adds to the 11th. Entities, quotes and places follow
    their document's publication day.

Importance of an event
    The day's events are grouped by (source actor code, CAMEO code, target actor code);
    a group's importance is the number of distinct articles reporting it times
    (1 + |Goldstein| / 10), so a story many outlets carry beats one article, and a war
    beats a handshake reported as often. Ties go to material conflict (QuadClass 4),
    then material cooperation (2), verbal conflict (3) and verbal cooperation (1), then
    to more event mentions, then alphabetically, so the order is stable. Negated and
    hypothetical events ("tidak akan menyerang", "if Russia attacks") did not happen and
    are left out; future, reported and demanded ones stay, with their modality shown.

New actors
    People and organisations, and places that act (the source or target of an event:
    "Rusia menyerang", not "di Jakarta"), named in a document of day D, whose
    knowledge-base id and whose name (case-folded) appear in no document published
    before D. Documents published after D do not count, so a digest
    of a past day reads the same as it did on that day.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pantau.extract.events.codebook import known, lookup
from pantau.store import Store

DEFAULT_TOP = 10
EVIDENCE_PER_EVENT = 3
MAX_SENTENCE = 400
"""A longer trigger sentence is cut to a window around the trigger (list-like articles
put whole paragraphs in one sentence)."""
LEFT_OUT = ("negated", "hypothetical")
TIE_ORDER = {4: 0, 2: 1, 3: 2, 1: 3}
"""Material conflict, material cooperation, verbal conflict, verbal cooperation."""
KIND_ORDER = {"direct": 0, "partial": 1, "indirect": 2}
SAMPLE_QUOTE_MAX = 280
TYPE_ORDER = {"PERSON": 0, "ORG": 1, "LOC": 2}


@dataclass(frozen=True)
class ActorRef:
    name: str | None
    code: str | None


@dataclass(frozen=True)
class Evidence:
    """One article reporting an event, with the sentence that carries the trigger."""

    doc_id: str
    title: str | None
    url: str | None
    published: str | None
    sentence: str
    trigger: tuple[int, int]
    """The trigger's span inside `sentence`."""
    modality: str


@dataclass(frozen=True)
class EventItem:
    """Identical events of the day (same source code, CAMEO code and target code)."""

    source: ActorRef
    target: ActorRef | None
    cameo: str
    cameo_name: str
    root: str
    plover: str | None
    quad_class: int
    goldstein: float
    articles: int
    mentions: int
    importance: float
    modalities: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class NewActor:
    name: str
    type: str
    actor_code: str | None
    country: str | None
    roles: tuple[str, ...]
    articles: int
    title: str | None
    """The first article of the day naming the actor, with its url."""
    url: str | None


@dataclass(frozen=True)
class QuotedPerson:
    name: str
    type: str
    actor_code: str | None
    quotes: int
    articles: int
    sample: str
    sample_kind: str
    title: str | None
    """The article of the sample quote, with its url."""
    url: str | None


@dataclass(frozen=True)
class PlaceItem:
    name: str
    """The resolved (English) name, else the most frequent form as written."""
    written: tuple[str, ...]
    feature: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    articles: int
    mentions: int


@dataclass(frozen=True)
class Digest:
    day: date
    store: str
    generated: datetime
    articles: int
    events: int
    quotes: int
    languages: dict[str, int]
    top_events: tuple[EventItem, ...]
    new_actors: tuple[NewActor, ...]
    quoted: tuple[QuotedPerson, ...]
    places: tuple[PlaceItem, ...]

    @property
    def empty(self) -> bool:
        """Nothing published that day and no event dated to it."""
        return self.articles == 0 and self.events == 0


def build_digest(
    store: Store, day: date, top: int = DEFAULT_TOP, now: datetime | None = None
) -> Digest:
    """The digest of `day` from an open store (read-only is enough)."""
    q = _Queries(store, day.isoformat())
    articles, quotes, languages = q.counts()
    events = q.event_rows()
    return Digest(
        day=day,
        store=Path(store.path).name,
        generated=now or datetime.now(UTC),
        articles=articles,
        events=len(events),
        quotes=quotes,
        languages=languages,
        top_events=tuple(_rank_events(q, events, top)),
        new_actors=tuple(_new_actors(q.new_actor_rows())[:top]),
        quoted=tuple(_quoted(q.quote_rows())[:top]),
        places=tuple(_places(q.place_rows())[:top]),
    )


class _Queries:
    """The SQL, one method per section; rows come back as dicts."""

    def __init__(self, store: Store, day: str) -> None:
        self.db = store.db
        self.day = day

    def _rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, {"day": self.day, **params} if "$day" in sql else params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def counts(self) -> tuple[int, int, dict[str, int]]:
        rows = self._rows(
            "SELECT coalesce(language, '?') AS language, count(*) AS n FROM documents "
            "WHERE substr(published, 1, 10) = $day GROUP BY 1 ORDER BY 2 DESC, 1"
        )
        [quotes] = self._rows(
            "SELECT count(*) AS n FROM quotes q JOIN documents d ON d.id = q.doc_id "
            "WHERE substr(d.published, 1, 10) = $day"
        )
        languages = {r["language"]: r["n"] for r in rows}
        return sum(languages.values()), quotes["n"], languages

    def event_rows(self) -> list[dict[str, Any]]:
        return self._rows(
            """
            SELECT e.doc_id, e.id, e.sentence, e.source_name, e.source_code, e.target_name,
                   e.target_code, e.cameo, e.root, e.plover, e.quad_class, e.goldstein,
                   e.modality, e.confidence, e.trigger_start, e.trigger_end
            FROM events e JOIN documents d ON d.id = e.doc_id
            WHERE (substr(d.published, 1, 10) = $day
                   OR (e.date = $day AND e.date_source = 'text'))
              AND NOT list_contains($left_out, e.modality)
            ORDER BY d.published, e.doc_id, e.id
            """,
            left_out=list(LEFT_OUT),
        )

    def sentence(self, doc_id: str) -> dict[str, Any]:
        [row] = self._rows(
            "SELECT title, url, published, text, "
            "CAST(json_extract(analysis, '$.sentences') AS VARCHAR) AS sentences "
            "FROM documents WHERE id = $id",
            id=doc_id,
        )
        return row

    def new_actor_rows(self) -> list[dict[str, Any]]:
        return self._rows(
            """
            WITH dated AS (
                SELECT id, substr(published, 1, 10) AS day, published, title, url
                FROM documents WHERE published IS NOT NULL
            ), earlier AS (
                SELECT DISTINCT en.kb_id, lower(en.name) AS lname
                FROM entities en JOIN dated ON dated.id = en.doc_id
                WHERE dated.day < $day
            )
            SELECT coalesce(en.kb_id, lower(en.name)) AS key, en.name, en.type,
                   en.actor_code, en.country, en.roles, en.doc_id, dated.title, dated.url
            FROM entities en JOIN dated ON dated.id = en.doc_id
            WHERE dated.day = $day
              AND (en.type IN ('PERSON', 'ORG') OR EXISTS (
                    SELECT 1 FROM events ev WHERE ev.doc_id = en.doc_id
                    AND en.id IN (ev.source_entity, ev.target_entity)))
              AND lower(en.name) NOT IN (SELECT lname FROM earlier)
              AND (en.kb_id IS NULL
                   OR en.kb_id NOT IN (SELECT kb_id FROM earlier WHERE kb_id IS NOT NULL))
            ORDER BY dated.published, en.doc_id, en.id
            """
        )

    def quote_rows(self) -> list[dict[str, Any]]:
        return self._rows(
            """
            SELECT coalesce(en.kb_id, lower(en.name)) AS key, en.name, en.type, en.actor_code,
                   q.text, q.kind, q.doc_id, d.title, d.url
            FROM quotes q
            JOIN documents d ON d.id = q.doc_id
            JOIN entities en ON en.doc_id = q.doc_id AND en.id = q.speaker
            WHERE substr(d.published, 1, 10) = $day
            ORDER BY d.published, q.doc_id, q.idx
            """
        )

    def place_rows(self) -> list[dict[str, Any]]:
        return self._rows(
            """
            SELECT p.doc_id, p.name, p.resolved, p.feature, p.country, p.lat, p.lon,
                   p.geonames_id, count(m.place_id) AS mentions
            FROM places p
            JOIN documents d ON d.id = p.doc_id
            LEFT JOIN place_mentions m ON m.doc_id = p.doc_id AND m.place_id = p.id
            WHERE substr(d.published, 1, 10) = $day
            GROUP BY ALL
            ORDER BY min(d.published), p.doc_id, p.name
            """
        )


# -- events ------------------------------------------------------------------------------


def _actor_key(code: str | None, name: str | None) -> str | None:
    """Actors group by CAMEO code; an uncoded actor by its name."""
    if code:
        return code
    return f"name:{name.casefold()}" if name else None


def _rank_events(q: _Queries, rows: list[dict[str, Any]], top: int) -> list[EventItem]:
    groups: dict[tuple[str, str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        source = _actor_key(row["source_code"], row["source_name"])
        if source is None:
            continue
        target = _actor_key(row["target_code"], row["target_name"])
        groups[(source, row["cameo"], target)].append(row)
    scored = []
    for key, members in groups.items():
        articles = len({r["doc_id"] for r in members})
        goldstein = float(members[0]["goldstein"])
        importance = round(articles * (1 + abs(goldstein) / 10), 3)
        order = (
            -importance,
            TIE_ORDER.get(members[0]["quad_class"], 9),
            -len(members),
            tuple(k or "" for k in key),
        )
        scored.append((order, importance, articles, goldstein, members))
    scored.sort(key=lambda item: item[0])
    return [
        _event_item(q, members, importance, articles, goldstein)
        for _, importance, articles, goldstein, members in scored[:top]
    ]


def _most_common(values: Sequence[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _event_item(
    q: _Queries, members: list[dict[str, Any]], importance: float, articles: int, goldstein: float
) -> EventItem:
    first = members[0]
    book = lookup(first["cameo"]) if known(first["cameo"]) else None
    has_target = first["target_code"] or first["target_name"]
    return EventItem(
        source=ActorRef(_most_common([r["source_name"] for r in members]), first["source_code"]),
        target=ActorRef(_most_common([r["target_name"] for r in members]), first["target_code"])
        if has_target
        else None,
        cameo=first["cameo"],
        cameo_name=clean_cameo_name(book.name) if book else "",
        root=first["root"],
        plover=_most_common([r["plover"] for r in members]),
        quad_class=int(first["quad_class"]),
        goldstein=goldstein,
        articles=articles,
        mentions=len(members),
        importance=importance,
        modalities=tuple(sorted({r["modality"] for r in members})),
        evidence=tuple(_evidence(q, members)),
    )


def clean_cameo_name(name: str) -> str:
    """The codebook's label without its "- not specified below" filing note."""
    for note in ("- not specified below", ", not specified below", " not specified below"):
        if name.endswith(note):
            return name[: -len(note)].rstrip(" ,-")
    return name


def _evidence_rank(row: dict[str, Any]) -> tuple[bool, float]:
    """An asserted event first, then the most confident."""
    return (row["modality"] != "asserted", -(row["confidence"] or 0.0))


def _evidence(q: _Queries, members: list[dict[str, Any]]) -> list[Evidence]:
    """The best row of each article, the best articles first."""
    best: dict[str, dict[str, Any]] = {}
    for row in members:
        held = best.get(row["doc_id"])
        if held is None or _evidence_rank(row) < _evidence_rank(held):
            best[row["doc_id"]] = row
    chosen = sorted(best.values(), key=_evidence_rank)
    return [_one_evidence(q, row) for row in chosen[:EVIDENCE_PER_EVENT]]


def _one_evidence(q: _Queries, row: dict[str, Any]) -> Evidence:
    doc = q.sentence(row["doc_id"])
    text: str = doc["text"] or ""
    spans = json.loads(doc["sentences"] or "[]")
    t0, t1 = int(row["trigger_start"]), int(row["trigger_end"])
    index = row["sentence"]
    if index is not None and 0 <= index < len(spans):
        s0, s1 = int(spans[index]["start"]), int(spans[index]["end"])
    else:
        s0, s1 = t0, t1
    s0, s1 = min(s0, t0), max(s1, t1)
    w0, w1 = _window(text, s0, s1, t0, t1)
    while w0 < t0 and text[w0].isspace():
        w0 += 1
    while w1 > t1 and text[w1 - 1].isspace():
        w1 -= 1
    head = "… " if w0 > s0 else ""
    tail = " …" if w1 < s1 else ""
    start = len(head) + t0 - w0
    return Evidence(
        doc_id=row["doc_id"],
        title=doc["title"],
        url=doc["url"],
        published=doc["published"],
        sentence=head + text[w0:w1] + tail,
        trigger=(start, start + t1 - t0),
        modality=row["modality"],
    )


def _window(text: str, s0: int, s1: int, t0: int, t1: int) -> tuple[int, int]:
    """The sentence, or a window of about MAX_SENTENCE characters around the trigger,
    cut at spaces so no word is broken."""
    if s1 - s0 <= MAX_SENTENCE:
        return s0, s1
    half = max(0, (MAX_SENTENCE - (t1 - t0)) // 2)
    w0, w1 = max(s0, t0 - half), min(s1, t1 + half)
    if w0 > s0:
        space = text.find(" ", w0, t0)
        w0 = space + 1 if space >= 0 else w0
    if w1 < s1:
        space = text.rfind(" ", t1, w1)
        w1 = space if space >= 0 else w1
    return w0, w1


# -- actors, quotes, places ------------------------------------------------------------------


def _new_actors(rows: list[dict[str, Any]]) -> list[NewActor]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["key"]].append(row)
    actors = []
    for members in groups.values():
        roles: list[str] = []
        for row in members:
            roles.extend(r for r in row["roles"] or [] if r not in roles)
        first = members[0]
        actors.append(
            NewActor(
                name=_most_common([r["name"] for r in members]) or first["name"],
                type=first["type"],
                actor_code=_most_common([r["actor_code"] for r in members]),
                country=_most_common([r["country"] for r in members]),
                roles=tuple(roles[:2]),
                articles=len({r["doc_id"] for r in members}),
                title=first["title"],
                url=first["url"],
            )
        )
    actors.sort(key=lambda a: (-a.articles, TYPE_ORDER.get(a.type, 9), a.name.casefold()))
    return actors


def _sample(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A direct quote before a partial or an indirect one; of those, the longest that
    still reads as one line, else the shortest."""
    kind = min(KIND_ORDER.get(r["kind"], 9) for r in rows)
    same = [r for r in rows if KIND_ORDER.get(r["kind"], 9) == kind]
    fitting = [r for r in same if len(r["text"]) <= SAMPLE_QUOTE_MAX]
    if fitting:
        return max(fitting, key=lambda r: len(r["text"]))
    return min(same, key=lambda r: len(r["text"]))


def _quoted(rows: list[dict[str, Any]]) -> list[QuotedPerson]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["key"]].append(row)
    people = []
    for members in groups.values():
        sample = _sample(members)
        people.append(
            QuotedPerson(
                name=_most_common([r["name"] for r in members]) or members[0]["name"],
                type=members[0]["type"],
                actor_code=_most_common([r["actor_code"] for r in members]),
                quotes=len(members),
                articles=len({r["doc_id"] for r in members}),
                sample=sample["text"],
                sample_kind=sample["kind"],
                title=sample["title"],
                url=sample["url"],
            )
        )
    people.sort(key=lambda p: (-p.quotes, -p.articles, p.name.casefold()))
    return people


def _place_key(row: dict[str, Any]) -> str:
    if row["geonames_id"] is not None:
        return f"gn:{row['geonames_id']}"
    return f"{(row['resolved'] or row['name']).casefold()}|{row['country'] or ''}"


def _places(rows: list[dict[str, Any]]) -> list[PlaceItem]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[_place_key(row)].append(row)
    places = []
    for members in groups.values():
        written = list(dict.fromkeys(r["name"] for r in members))
        located = next((r for r in members if r["lat"] is not None), None)
        places.append(
            PlaceItem(
                name=_most_common([r["resolved"] for r in members])
                or _most_common([r["name"] for r in members])
                or written[0],
                written=tuple(written[:3]),
                feature=_most_common([r["feature"] for r in members]),
                country=_most_common([r["country"] for r in members]),
                lat=located["lat"] if located else None,
                lon=located["lon"] if located else None,
                geonames_id=members[0]["geonames_id"],
                articles=len({r["doc_id"] for r in members}),
                mentions=sum(int(r["mentions"]) for r in members),
            )
        )
    places.sort(key=lambda p: (-p.articles, -p.mentions, p.name.casefold()))
    return places
