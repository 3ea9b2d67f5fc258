"""What GDELT's columns say in codes pantau does not use itself: FIPS 10-4 countries,
GDELT's geographic match types, and a CAMEO actor code split into its columns."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pantau.kb import KnowledgeBase

GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5


def _data(name: str) -> str:
    return (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")


@cache
def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 (GDELT's geography columns use FIPS)."""
    rows = (line.split("\t") for line in _data("fips-countries.tsv").splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


@cache
def _segments() -> dict[str, frozenset[str]]:
    table = tomllib.loads(_data("cameo-actor-segments.toml"))
    return {kind: frozenset(codes) for kind, codes in table.items()}


@dataclass(frozen=True)
class ActorColumns:
    """GDELT's ten columns of one actor, less the name."""

    code: str = ""
    country: str = ""
    known_group: str = ""
    ethnic: str = ""
    religion1: str = ""
    religion2: str = ""
    type1: str = ""
    type2: str = ""
    type3: str = ""

    def row(self, name: str | None) -> list[Any]:
        return [
            self.code, name or "", self.country, self.known_group, self.ethnic,
            self.religion1, self.religion2, self.type1, self.type2, self.type3,
        ]


def actor_columns(code: str | None) -> ActorColumns:
    """Split a CAMEO actor code into 3-letter segments as GDELT does: a leading country
    or region, then types, religions and a known group ("IGOWSTNAT": type IGO, region
    WST, group NAT). pantau codes no ethnicity, so the ethnic column stays empty."""
    if not code:
        return ActorColumns()
    segments = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    kinds = _segments()
    country = ""
    types: list[str] = []
    religions: list[str] = []
    groups: list[str] = []
    for i, segment in enumerate(segments):
        if segment in kinds["types"]:
            types.append(segment)
        elif segment in kinds["religions"]:
            religions.append(segment)
        elif not country and (segment in fips_codes() or segment in kinds["regions"]):
            # A region after a type ("IGOWSTNAT") is where the group works, not whose it is.
            if i == 0:
                country = segment
        else:
            groups.append(segment)
    types += [""] * 3
    religions += [""] * 2
    return ActorColumns(
        code=code,
        country=country,
        known_group=groups[0] if groups else "",
        religion1=religions[0],
        religion2=religions[1],
        type1=types[0],
        type2=types[1],
        type3=types[2],
    )


@dataclass(frozen=True)
class GeoColumns:
    """GDELT's eight columns of one location (Actor1Geo_*, Actor2Geo_*, ActionGeo_*)."""

    type: int | None = None
    full_name: str = ""
    country: str = ""
    adm1: str = ""
    adm2: str = ""
    lat: float | None = None
    lon: float | None = None
    feature_id: str = ""

    def row(self) -> list[Any]:
        return [
            self.type, self.full_name, self.country, self.adm1, self.adm2, self.lat,
            self.lon, self.feature_id,
        ]


class Geography:
    """Locations in GDELT's terms. Country names and centroids come from the shipped KB.

    GDELT's ADM1/ADM2 codes (FIPS admin codes, GAUL) and GNS feature ids are not in the
    KB: for a country the ADM1 code and feature id are the FIPS code, as GDELT writes
    them; below country level they stay empty, as GDELT leaves what it does not know.
    """

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb if kb is not None else KnowledgeBase.load()
        self._countries: dict[str, GeoColumns] = {}

    def country(self, iso3: str | None) -> GeoColumns:
        if not iso3:
            return GeoColumns()
        if iso3 not in self._countries:
            entry = self.kb.get(f"country:{iso3}")
            fips = fips_codes().get(iso3, "")
            self._countries[iso3] = (
                GeoColumns(GEO_COUNTRY, entry.name, fips, fips, "", entry.lat, entry.lon, fips)
                if entry is not None and fips
                else GeoColumns()
            )
        return self._countries[iso3]

    def place(self, place: dict[str, Any] | None) -> GeoColumns:
        """A place of the analysis contract. Regions ("Middle East") have no GDELT type."""
        if not place or place.get("lat") is None or place.get("lon") is None:
            return GeoColumns()
        feature = place.get("feature")
        iso3 = place.get("country")
        if feature == "country":
            return self.country(iso3)
        if feature not in ("city", "admin", "landmark"):
            return GeoColumns()
        us = iso3 == "USA"
        if feature == "admin":
            kind = GEO_US_STATE if us else GEO_WORLD_STATE
        else:
            kind = GEO_US_CITY if us else GEO_WORLD_CITY
        name = place.get("resolved") or place["name"]
        country = self.country(iso3)
        full_name = f"{name}, {country.full_name}" if country.full_name else name
        return GeoColumns(kind, full_name, country.country, "", "", place["lat"], place["lon"])
