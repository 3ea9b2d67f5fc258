"""An analysis as rows of the store's tables (see schema.sql)."""

from __future__ import annotations

from typing import Any

from pantau.model import Actor, Analysis

COLUMNS: dict[str, tuple[str, ...]] = {
    "removed": ("doc_id", "idx", "text", "reason"),
    "entities": ("doc_id", "id", "name", "type", "kb_id", "country", "roles", "actor_code"),
    "mentions": ("doc_id", "entity_id", "start", '"end"', "text"),
    "quotes": (
        "doc_id",
        "idx",
        "text",
        "start",
        '"end"',
        "kind",
        "speaker",
        "speaker_name",
        "cue",
    ),
    "places": (
        "doc_id",
        "id",
        "name",
        "resolved",
        "feature",
        "country",
        "lat",
        "lon",
        "geonames_id",
    ),
    "place_mentions": ("doc_id", "place_id", "start", '"end"', "text"),
    "dates": ("doc_id", "idx", "text", "start", '"end"', "value", "granularity", "relative"),
    "events": (
        "doc_id",
        "id",
        "sentence",
        "source_entity",
        "source_name",
        "source_code",
        "source_country",
        "source_sector",
        "target_entity",
        "target_name",
        "target_code",
        "target_country",
        "target_sector",
        "source_codes",
        "target_codes",
        "cameo",
        "root",
        "plover",
        "plover_mode",
        "plover_context",
        "quad_class",
        "goldstein",
        "trigger_start",
        "trigger_end",
        "trigger_text",
        "place",
        "date",
        "date_source",
        "modality",
        "confidence",
    ),
}
LAYER_TABLES = tuple(COLUMNS)


def _actor(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * 5
    return (actor.entity, actor.name, actor.code, actor.country, actor.sector)


def layer_rows(a: Analysis) -> dict[str, list[tuple[Any, ...]]]:
    """Rows for every layer table; the documents row is built by the store."""
    d = a.id
    return {
        "removed": [(d, i, r.text, r.reason) for i, r in enumerate(a.removed)],
        "entities": [
            (d, e.id, e.name, e.type, e.kb_id, e.country, e.roles, e.actor_code) for e in a.entities
        ],
        "mentions": [(d, e.id, m.start, m.end, m.text) for e in a.entities for m in e.mentions],
        "quotes": [
            (d, i, q.text, q.start, q.end, q.kind, q.speaker, q.speaker_name, q.cue)
            for i, q in enumerate(a.quotes)
        ],
        "places": [
            (d, p.id, p.name, p.resolved, p.feature, p.country, p.lat, p.lon, p.geonames_id)
            for p in a.places
        ],
        "place_mentions": [(d, p.id, m.start, m.end, m.text) for p in a.places for m in p.mentions],
        "dates": [
            (d, i, x.text, x.start, x.end, x.value, x.granularity, x.relative)
            for i, x in enumerate(a.dates)
        ],
        "events": [
            (
                d,
                e.id,
                e.sentence,
                *_actor(e.source),
                *_actor(e.target),
                [a.code for a in e.sources] or None,
                [a.code for a in e.targets] or None,
                e.cameo,
                e.root,
                e.plover,
                e.plover_mode,
                e.plover_context,
                e.quad_class,
                e.goldstein,
                e.trigger.start,
                e.trigger.end,
                e.trigger.text,
                e.place,
                e.date,
                e.date_source,
                e.modality,
                e.confidence,
            )
            for e in a.events
        ],
    }
