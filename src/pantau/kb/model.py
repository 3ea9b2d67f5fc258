"""Knowledge-base records and the name normalisation every lookup goes through.

Nothing here imports a heavy dependency: the shipped KB is read with the standard library.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

TYPES = ("PERSON", "ORG", "LOC")
FEATURES = ("country", "admin", "city", "region", "landmark")

ALIAS_KINDS = ("name", "alias", "abbr", "short", "historical", "alt", "demonym")
"""How an alias relates to its entry.

name        the canonical name or an official name
alias       another full name (translation, variant spelling, former name)
abbr        an abbreviation or acronym ("PBB", "AS", "KPK"): match these case-sensitively
short       a partial name (a surname, "Jokowi"-style nickname, "Washington" for the state)
historical  a former name still met in text ("Burma", "Uni Soviet")
alt         a GeoNames alternate name (many languages, some noisy)
demonym     a demonym or adjective ("Russian", "Indonesian"): an actor, not a place
"""

KIND_WEIGHT = {
    "name": 1.0,
    "alias": 1.0,
    "abbr": 0.9,
    "historical": 0.8,
    "short": 0.6,
    "alt": 0.5,
    "demonym": 0.4,
}

_DROP = re.compile(r"['`´‘’ʼ.]")
_SPLIT = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """The key aliases are matched on: no diacritics, case-folded, punctuation-free.

    >>> normalize("Côte d’Ivoire"), normalize("U.S."), normalize("Al-Qaeda")
    ('cote divoire', 'us', 'al qaeda')
    """
    if text.isascii():
        stripped = text  # most names: nothing to decompose (a third of the time saved)
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _DROP.sub("", stripped.casefold())
    return " ".join(_SPLIT.sub(" ", folded).split())


def parse_date(value: str | None, end: bool = False) -> date | None:
    """An ISO date, or a month ("2008-08") or year ("2011") taken as its first day (its
    last day when `end`); None when empty or malformed."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            if not end:
                return date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role: a CAMEO actor code held from `start` to `end` (ISO dates, open if None).

    A role with neither date is the entry's default code outside its dated roles, as in
    the Phoenix/TABARI dictionaries ("[RUSELI]" after Putin's dated RUSGOV roles).
    """

    code: str
    start: str | None = None
    end: str | None = None
    title: str | None = None
    """The office in English ("Minister of Foreign Affairs"), where the source gives it."""

    def covers(self, day: date) -> bool:
        start, end = parse_date(self.start), parse_date(self.end, end=True)
        if start is None and end is None:
            return False
        return (start is None or start <= day) and (end is None or day <= end)

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "start": self.start, "end": self.end, "title": self.title}


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    lang: str | None
    """ISO 639-1 code, or None for a name used in every language (most names of people)."""
    kind: str


@dataclass(frozen=True, slots=True)
class KbEntry:
    """One real-world actor or place."""

    id: str
    name: str
    """Canonical English name."""
    type: str
    """PERSON, ORG or LOC."""
    country: str | None = None
    """ISO 3166-1 alpha-3 (or a historical code such as SUN), None for international."""
    cameo: str | None = None
    """CAMEO actor code now (for people: the current or last role)."""
    feature: str | None = None
    """For places: country, admin, city, region or landmark."""
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int | None = None
    roles: tuple[Role, ...] = ()
    aliases: tuple[Alias, ...] = ()
    """Names and aliases; GeoNames' alternate names (kind "alt") are matched by lookups but
    not listed here, to keep the file small (`KnowledgeBase.alias_records` has them)."""
    sources: tuple[str, ...] = ()
    """Where the entry comes from: phoenix, geonames, pycountry, babel, cldr, pantau-hand."""
    rank: float = 0.0
    """Importance used to order candidates (population for places, a prior otherwise)."""
    admin: str | None = None
    """For cities: the KB id of the province or state, where known."""
    capital: bool = False
    """For cities: the national capital."""
    category: str | None = None
    """For organisations: igo, government, legislature, judiciary, military, police,
    intelligence, party, media, armed-group, ngo, religious, company."""
    note: str | None = None

    def alias_texts(self, lang: str | None = None) -> list[str]:
        return [a.text for a in self.aliases if lang is None or a.lang in (None, lang)]

    def actor_code(self, on: date | str | None = None) -> str | None:
        """The CAMEO code on a given day: the narrowest dated role covering it, else the
        undated default role, else `cameo`."""
        if on is None or not self.roles:
            return self.cameo
        day = parse_date(on) if isinstance(on, str) else on
        if day is None:
            return self.cameo
        covering = [r for r in self.roles if r.covers(day)]
        if covering:

            def span(r: Role) -> int:
                start = parse_date(r.start) or date.min
                end = parse_date(r.end, end=True) or date.max
                return (end - start).days

            return min(covering, key=span).code
        default = [r for r in self.roles if r.start is None and r.end is None]
        if default:
            return default[0].code
        return self.cameo

    def summary(self) -> str:
        """One line for listings: 'Sergei Ryabkov  PERSON RUS RUSGOV  per:sergei-ryabkov'."""
        parts = [self.type]
        if self.feature and self.feature != "country":
            parts.append(self.feature)
        if self.category:
            parts.append(self.category)
        parts.extend(p for p in (self.country, self.cameo) if p)
        if self.lat is not None and self.lon is not None:
            parts.append(f"{self.lat:.4f},{self.lon:.4f}")
        if self.geonames_id:
            parts.append(f"geonames:{self.geonames_id}")
        return f"{self.name}  {' '.join(parts)}  {self.id}"

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "cameo": self.cameo,
            "feature": self.feature,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "population": self.population,
            "roles": [r.to_dict() for r in self.roles],
            "aliases": [{"text": a.text, "lang": a.lang, "kind": a.kind} for a in self.aliases],
            "sources": list(self.sources),
            "admin": self.admin,
            "capital": self.capital,
            "category": self.category,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class KbMatch:
    """An entry found through one of its aliases, with how the alias relates to it."""

    entry: KbEntry
    alias: str
    lang: str | None
    kind: str
    score: float
