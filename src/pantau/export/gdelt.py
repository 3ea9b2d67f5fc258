"""GDELT 2.0 Events (61 columns) and Mentions (16 columns), one row per dyad of each event.

How pantau's analysis fills GDELT's columns, where GDELT's codebook leaves room:
- One pantau event with compound actors ("Rusia dan China mengecam AS") becomes one row
  per (source, target) pair, as GDELT codes dyads; each row has its own GLOBALEVENTID.
- GLOBALEVENTID is a stable 56-bit number made from the document and event ids, so a
  re-export gives the same ids and a Mentions row always finds its event.
- SQLDATE is the event's own day when its clause names one, else the publication day.
- IsRootEvent is 1 for events in the first paragraph (GDELT's "lead paragraph" proxy).
- Every row counts one mention in one article (NumMentions = NumSources = NumArticles = 1):
  pantau does not merge the same event across articles. AvgTone is the article's tone.
- ActionGeo is the event's place (`pantau.extract.events.where`: the place its clause
  names, the area of a local body acting or reached, the land a violent act is done to);
  Actor1Geo/Actor2Geo are the actor's country, at country level.
- DATEADDED is when the document was stored; MentionTimeDate is its publication time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from pantau.export.codes import GeoColumns, Geography, actor_columns
from pantau.export.source import DateRange, StoredAnalysis, day_of

MENTION_WEB, MENTION_CITATION = 1, 2


def global_event_id(doc_id: str, event_id: str, pair: int = 0) -> int:
    digest = hashlib.sha256(f"{doc_id}\t{event_id}\t{pair}".encode()).digest()
    return int.from_bytes(digest[:7], "big")


def timestamp(value: datetime | str | None) -> int | None:
    """YYYYMMDDHHMMSS, GDELT's DATEADDED and mention-time format."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            day = day_of(value)
            if day is None:
                return None
            value = datetime(day.year, day.month, day.day)
    return int(value.strftime("%Y%m%d%H%M%S"))


def fraction_date(day: date) -> float:
    """GDELT's approximation: YYYY + (MONTH * 30 + DAY) / 365, to four decimals."""
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


def source_name(analysis: dict[str, Any]) -> tuple[int, str, str]:
    """(MentionType, MentionSourceName, MentionIdentifier): the web domain and URL when
    the article has a URL, else a citation (where the input came from)."""
    url = analysis.get("url")
    if url:
        host = urlsplit(url).hostname or ""
        return MENTION_WEB, host.removeprefix("www."), url
    citation = analysis.get("source") or analysis["id"]
    return MENTION_CITATION, citation, citation


class _Document:
    """Per-document lookups the rows of its events share."""

    def __init__(self, doc: StoredAnalysis) -> None:
        a = doc.analysis
        self.analysis = a
        self.places = {p["id"]: p for p in a.get("places", [])}
        self.mentions = {e["id"]: e.get("mentions", []) for e in a.get("entities", [])}
        self.sentences = a.get("sentences", [])
        text = a.get("text", "")
        lead = text.find("\n\n")
        self.lead_end = lead if lead >= 0 else len(text)
        self.published_day = day_of(a.get("published"))
        self.added = timestamp(doc.stored_at)
        self.tone = (a.get("tone") or {}).get("score")

    def event_day(self, event: dict[str, Any]) -> date | None:
        return day_of(event.get("date")) or self.published_day

    def actor_offset(self, actor: dict[str, Any] | None, event: dict[str, Any]) -> int | None:
        """Start of the actor's mention nearest the trigger; for an actor with no entity
        (a group noun such as "pasukan Rusia"), where its name stands in the sentence."""
        if not actor:
            return None
        trigger = event["trigger"]["start"]
        mentions = self.mentions.get(actor.get("entity") or "", [])
        if mentions:
            return min(mentions, key=lambda m: abs(m["start"] - trigger))["start"]
        name = actor.get("name")
        sentence = event.get("sentence")
        if name and sentence is not None and 0 <= sentence < len(self.sentences):
            span = self.sentences[sentence]
            found = self.analysis["text"].find(name, span["start"], span["end"])
            return found if found >= 0 else None
        return None


def _dyads(event: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    sources = event.get("sources") or [event["source"]]
    targets = event.get("targets") or [event.get("target")]
    return [(s, t) for s in sources for t in targets]


def event_rows(
    doc: StoredAnalysis, geography: Geography, days: DateRange
) -> Iterator[tuple[list[Any], list[Any]]]:
    """(Events row, Mentions row) for every dyad of every event of a document whose day
    falls in `days`."""
    d = _Document(doc)
    a = d.analysis
    mention_type, mention_source, identifier = source_name(a)
    for event in a.get("events", []):
        day = d.event_day(event)
        if day not in days:
            continue
        place = geography.place(d.places.get(event.get("place") or ""))
        for pair, (source, target) in enumerate(_dyads(event)):
            event_id = global_event_id(a["id"], event["id"], pair)
            yield (
                _event_row(event_id, event, day, source, target, place, d, geography, identifier),
                _mention_row(
                    event_id, event, source, target, d, mention_type, mention_source, identifier
                ),
            )


def _event_row(
    event_id: int,
    event: dict[str, Any],
    day: date | None,
    source: dict[str, Any],
    target: dict[str, Any] | None,
    place: GeoColumns,
    d: _Document,
    geography: Geography,
    identifier: str,
) -> list[Any]:
    cameo = event["cameo"]
    target = target or {}
    dates: list[Any] = (
        [int(day.strftime("%Y%m%d")), day.year * 100 + day.month, day.year, fraction_date(day)]
        if day
        else [None] * 4
    )
    return [
        event_id,
        *dates,
        *actor_columns(source.get("code")).row(source.get("name")),
        *actor_columns(target.get("code")).row(target.get("name")),
        1 if event["trigger"]["start"] < d.lead_end else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        event["quad_class"],
        event["goldstein"],
        1,
        1,
        1,
        d.tone,
        *geography.country(source.get("country")).row(),
        *geography.country(target.get("country")).row(),
        *place.row(),
        d.added,
        identifier,
    ]


def _mention_row(
    event_id: int,
    event: dict[str, Any],
    source: dict[str, Any],
    target: dict[str, Any] | None,
    d: _Document,
    mention_type: int,
    mention_source: str,
    identifier: str,
) -> list[Any]:
    a = d.analysis
    return [
        event_id,
        d.added,
        timestamp(a.get("published")) or d.added,
        mention_type,
        mention_source,
        identifier,
        event["sentence"] + 1,
        d.actor_offset(source, event),
        d.actor_offset(target, event),
        event["trigger"]["start"],
        1,
        round(event["confidence"] * 100),
        len(a.get("text", "")),
        d.tone,
        "",
        "",
    ]
