"""GDELT Global Knowledge Graph 2.1: one 27-column row per document.

Filled from the analysis: V1/V2 Locations (with coordinates and character offsets),
Persons, Organizations, V2Tone (tone, positive, negative, polarity and word count),
V2.1EnhancedDates, V2.1Quotations, V2.1AllNames, V2.1Amounts, a GCAM word count and the
page title in Extras. Themes and counts (GDELT's own taxonomies), images and the
translation field (pantau reads each language natively) stay empty.
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from pantau.export.amounts import find_amounts
from pantau.export.codes import Geography
from pantau.export.gdelt import source_name, timestamp
from pantau.export.source import StoredAnalysis

_WORD = re.compile(r"\w+")
_DATE_RESOLUTION = {4: 1, 7: 2, 10: 4}
"""Length of an ISO value -> GDELT's resolution: 1 year, 2 month, 4 full date (3, a day
of a month with no year, does not occur: pantau resolves every date to a year)."""


def _field(text: str, forbidden: str) -> str:
    """A value safe inside a delimited GKG sub-field: no tabs or newlines, none of the
    sub-field's own delimiters."""
    cleaned = re.sub(r"[\t\r\n]+", " ", text)
    for char in forbidden:
        cleaned = cleaned.replace(char, " ")
    return cleaned.strip()


def _locations(a: dict[str, Any], geography: Geography) -> tuple[str, str]:
    v1: list[str] = []
    v2: list[tuple[int, str]] = []
    for place in a.get("places", []):
        g = geography.place(place)
        if g.type is None:
            continue
        name = _field(g.full_name, "#;")
        lat, lon = f"{g.lat:.4f}", f"{g.lon:.4f}"
        v1.append(f"{g.type}#{name}#{g.country}#{g.adm1}#{lat}#{lon}#{g.feature_id}")
        for m in place.get("mentions", []):
            fields = (g.type, name, g.country, g.adm1, g.adm2, lat, lon, g.feature_id, m["start"])
            v2.append((m["start"], "#".join(str(f) for f in fields)))
    return ";".join(v1), ";".join(v for _, v in sorted(v2))


def _names(a: dict[str, Any], entity_type: str | None) -> tuple[str, str]:
    """(V1 list of names, V2 list of name,offset) of one entity type (all when None)."""
    names: list[str] = []
    offsets: list[tuple[int, str]] = []
    for entity in a.get("entities", []):
        if entity_type and entity["type"] != entity_type:
            continue
        name = _field(entity["name"], ",;")
        names.append(name)
        offsets.extend((m["start"], f"{name},{m['start']}") for m in entity.get("mentions", []))
    return ";".join(names), ";".join(v for _, v in sorted(offsets))


def _tone(a: dict[str, Any], words: int) -> str:
    tone = a.get("tone")
    if not tone:
        return ""
    polarity = tone["positive"] + tone["negative"]
    # Activity and self/group reference densities need GDELT's word lists: left empty.
    return f"{tone['score']},{tone['positive']},{tone['negative']},{polarity:.4f},,,{words}"


def _dates(a: dict[str, Any]) -> str:
    out = []
    for d in a.get("dates", []):
        value = d["value"]
        resolution = _DATE_RESOLUTION.get(len(value))
        if resolution is None:
            continue
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 else 0
        day = int(value[8:10]) if len(value) >= 10 else 0
        out.append(f"{resolution}#{month}#{day}#{year}#{d['start']}")
    return ";".join(out)


def _quotations(a: dict[str, Any]) -> str:
    return "#".join(
        f"{q['start']}|{q['end'] - q['start']}|{_field(q.get('cue') or '', '|#')}|"
        f"{_field(q['text'], '|#')}"
        for q in a.get("quotes", [])
    )


def _amounts(a: dict[str, Any]) -> str:
    dates = [(d["start"], d["end"]) for d in a.get("dates", [])]
    found = find_amounts(a.get("text", ""), a.get("language"), dates)
    return ";".join(_field(amount.gkg(), ";") for amount in found)


def gkg_row(doc: StoredAnalysis, record_id: str, geography: Geography) -> list[Any]:
    a = doc.analysis
    collection, common_name, identifier = source_name(a)
    words = len(_WORD.findall(a.get("text", "")))
    locations, v2_locations = _locations(a, geography)
    persons, v2_persons = _names(a, "PERSON")
    orgs, v2_orgs = _names(a, "ORG")
    _, all_names = _names(a, None)
    title = a.get("title")
    extras = f"<PAGE_TITLE>{escape(_field(title, ''))}</PAGE_TITLE>" if title else ""
    return [
        record_id,
        timestamp(a.get("published")) or timestamp(doc.stored_at),
        collection,
        common_name,
        identifier,
        "",  # Counts
        "",  # V2Counts
        "",  # Themes
        "",  # V2Themes
        locations,
        v2_locations,
        persons,
        v2_persons,
        orgs,
        v2_orgs,
        _tone(a, words),
        _dates(a),
        f"wc:{words}",
        "",  # SharingImage
        "",  # RelatedImages
        "",  # SocialImageEmbeds
        "",  # SocialVideoEmbeds
        _quotations(a),
        all_names,
        _amounts(a),
        "",  # TranslationInfo
        extras,
    ]
