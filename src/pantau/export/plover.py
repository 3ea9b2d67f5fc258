"""PLOVER event records (newline-delimited JSON, as the PLOVER manual suggests).

Field names follow the manual's "PLOVER JSON" table and its entity, text, citation and
location objects. pantau adds named fields the manual invites providers to add:
`cameo` (the CAMEO code the PLOVER type was derived from), `modality`, `confidence`,
`doc_id`. Events whose CAMEO code has no PLOVER type are left out (and counted).
"""

from __future__ import annotations

from typing import Any

from pantau import __version__
from pantau.export.gdelt import source_name
from pantau.export.source import DateRange, StoredAnalysis, day_of

CODER = f"pantau {__version__}"
CODEBOOK = "PLOVER 2021 via CAMEO2PLOVER from CAMEO 1.1b3"
_RESOLUTION = {"country": 1, "admin": 2, "city": 4, "landmark": 5}


def _entity(actor: dict[str, Any], entities: dict[str, dict[str, Any]], near: int) -> dict:
    entity = entities.get(actor.get("entity") or "")
    code = actor.get("code") or ""
    record: dict[str, Any] = {"code": actor.get("country") or code[:3] or None}
    if actor.get("sector"):
        record["sector"] = actor["sector"]
    if code:
        record["cameo"] = code
    text = actor.get("name")
    if entity and entity.get("mentions"):
        text = min(entity["mentions"], key=lambda m: abs(m["start"] - near))["text"]
    if text:
        record["entity_text"] = text
    if entity:
        if entity.get("kb_id"):
            record["identifier_id"] = entity["kb_id"]
        record["identifier_text"] = entity["name"]
        if entity.get("roles"):
            record["office"] = entity["roles"][0]
    # `code` stays, null when unknown: the manual's one required entity field.
    return {k: v for k, v in record.items() if v is not None or k == "code"}


def _location(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    location = {
        "extracted_place": place["name"],
        "resolved_place": place.get("resolved"),
        "geonameid": place.get("geonames_id"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": place.get("country"),
        "resolution": _RESOLUTION.get(place.get("feature") or ""),
    }
    return {k: v for k, v in location.items() if v is not None}


def _list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").replace(";", ",").split(",") if v.strip()]


def plover_records(doc: StoredAnalysis, days: DateRange) -> tuple[list[dict[str, Any]], int]:
    """The document's PLOVER records whose day is in `days`, and how many events had no
    PLOVER type."""
    a = doc.analysis
    entities = {e["id"]: e for e in a.get("entities", [])}
    places = {p["id"]: p for p in a.get("places", [])}
    sentences = a.get("sentences", [])
    _, publication, citation = source_name(a)
    records: list[dict[str, Any]] = []
    untyped = 0
    for event in a.get("events", []):
        day = day_of(event.get("date")) or day_of(a.get("published"))
        if day not in days:
            continue
        if not event.get("plover"):
            untyped += 1
            continue
        near = event["trigger"]["start"]
        sources = event.get("sources") or [event["source"]]
        targets = event.get("targets") or ([event["target"]] if event.get("target") else [])
        record: dict[str, Any] = {
            "id": f"{a['id']}-{event['id']}",
            "has_event": True,
            "date": day.isoformat() if day else None,
            "actor": [_entity(s, entities, near) for s in sources],
            "recipient": [_entity(t, entities, near) for t in targets],
            "event": [event["plover"]],
            "mode": _list(event.get("plover_mode")),
            "context": _list(event.get("plover_context")),
            "event_loc": _location(places.get(event.get("place") or "")),
            "event_text": [event["trigger"]["text"]],
            "quad_code": event["quad_class"],
            "event_scale": event["goldstein"],
            "coder": CODER,
            "coded_date": doc.stored_at.date().isoformat(),
            "cite_info": {
                k: v
                for k, v in {
                    "citation": citation,
                    "url": a.get("url"),
                    "title": a.get("title"),
                    "language": a.get("language"),
                    "publication": publication,
                    "coder": CODER,
                    "codebook": CODEBOOK,
                }.items()
                if v
            },
            "cameo": event["cameo"],
            "modality": event["modality"],
            "confidence": event["confidence"],
            "doc_id": a["id"],
        }
        sentence = event.get("sentence")
        if sentence is not None and 0 <= sentence < len(sentences):
            span = sentences[sentence]
            record["text"] = a["text"][span["start"] : span["end"]]
            record["text_info"] = {
                "sequence": sentence + 1,
                "start": span["start"],
                "end": span["end"],
            }
        records.append({k: v for k, v in record.items() if v not in (None, [], {})})
    return records, untyped
