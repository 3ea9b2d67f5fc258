"""The places stage: toponyms from the entities layer, resolved to a knowledge-base place.

Input: `analysis.entities` (LOC entities with their mentions and the entities layer's own
knowledge-base link). Output: `analysis.places`, one `Place` per real-world place (ids
"p1", "p2", ... in order of first mention), each with every mention that names it as a
place, so that events can take the place of their clause from the mentions' offsets.

1. Mentions. A mention written as a demonym ("Russian", an alias of kind "demonym") or,
   in a language that writes adjectives as bare names, a country's name right after an
   actor noun ("pasukan Rusia", "Presiden Rusia": `lang/<code>/places.toml`) names an actor, not a
   place, and is left out. Metonyms ("Washington menolak") stay: they are places too.
2. Candidates. Every LOC entry one of the entity's mentions names (the language's aliases
   and language-neutral ones, then any language), and the entities layer's link. A name
   the knowledge base does not know as a whole is looked up without its generic head
   ("Kabupaten Lembata" -> "Lembata"; "Desa X" only within the language's home country).
3. Choice. Each candidate scores log10 of its knowledge-base score (population or
   importance times the kind of alias), plus
   - the share of the article's country context held by the candidate's country, times
     `CONTEXT_WEIGHT` (the context: every entity's country, weighted by its mentions, up
     to `MENTION_CAP` each, and the countries of the places resolved in a first pass);
   - `ADMIN_BONUS` when the candidate's province or state is named in the article (or,
     for a province, one of its cities), `LINK_BONUS` for the entities layer's own link.
   So "Washington" in foreign news is the US capital (the state ranks lower and is only a
   short name), and "Depok" in a Detik story the big Depok of West Java.
4. Unknown places. A LOC entity with no candidate stays a place with its name as written,
   `resolved`, `feature`, `lat`, `lon` and `geonames_id` null, and the entities layer's
   country if it had one: visible, countable, never a guessed coordinate.

Lookups are cached per (name, language); the knowledge base is SQLite with its own cache.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pantau.kb import KnowledgeBase
from pantau.kb.model import KbEntry, KbMatch, normalize
from pantau.lang import home_country
from pantau.model import Analysis, Entity, Mention, Place

CONTEXT_WEIGHT = 3.0
"""How much the article's country context counts, in orders of magnitude of population."""
MENTION_CAP = 3
"""An entity's mentions count up to this many in the country context."""
ADMIN_BONUS = 1.5
"""A city whose province or state the article names (orders of magnitude)."""
LINK_BONUS = 0.3
"""The entities layer's own link: a tie-breaker."""
ALT_PENALTY = 1.0
"""A GeoNames alternate name (any language, some historical: "White House" is Casablanca,
"Salisbury" Harare) counts an order of magnitude less than a real name."""
INNER_MIN_POPULATION = 100_000
"""A place found inside an unknown name ("Slovenia's Ambassador", "Mississippi State") must
be a country, province, region, landmark, capital or a city this big."""
CACHE_SIZE = 20_000
FEATURES = frozenset({"country", "admin", "city", "region", "landmark"})
AREA_FEATURES = frozenset({"admin", "city"})
"""What an unknown village may be placed in: a regency, a province, a town."""
MAX_AREA_DISTANCE = 1_500
"""Characters between an unknown place and the area that places it: about a paragraph
or two, so a village is not put in a town the article names far away."""


@dataclass(frozen=True)
class PlaceWords:
    """One language's data from its pack's `places.toml`."""

    home: str | None
    modifier_heads: frozenset[tuple[str, ...]]
    prefixes: tuple[tuple[str, ...], ...]
    local_prefixes: tuple[tuple[str, ...], ...]
    cut_at: frozenset[str] = frozenset()


@cache
def place_words(lang: str | None) -> PlaceWords:
    file = resources.files("pantau.lang") / (lang or "_") / "places.toml"
    section = tomllib.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        items = {tuple(normalize(p).split()) for p in section.get(key, []) if normalize(p)}
        return tuple(sorted(items, key=lambda p: (-len(p), p)))

    return PlaceWords(
        home=home_country(lang),
        modifier_heads=frozenset(phrases("modifier_heads")),
        prefixes=phrases("prefixes"),
        local_prefixes=phrases("local_prefixes"),
        cut_at=frozenset(w.lower() for w in section.get("cut_at", [])),
    )


_WORD = re.compile(r"\w+(?:[-.&]\w+)*")


def _names(entry: KbEntry | None) -> list[str]:
    """The ids a chosen place vouches for: itself and its province or state."""
    if entry is None:
        return []
    return [entry.id, entry.admin] if entry.admin else [entry.id]


def _trim(mention: Mention, words: PlaceWords) -> Mention | None:
    """The mention without lower-case words before the name ("sungai Cibening") and
    without what follows a cut word ("Kampung Cibojong RT 06/04"); None if nothing is left."""
    found = list(_WORD.finditer(mention.text))
    first = next((i for i, w in enumerate(found) if not w.group()[:1].islower()), None)
    if first is None:
        return None
    last = len(found)
    for i in range(first + 1, len(found)):
        if found[i].group().lower() in words.cut_at:
            last = i
            break
    start = found[first].start() if first > 0 else 0
    end = found[last - 1].end() if last < len(found) else len(mention.text)
    if (start, end) == (0, len(mention.text)):
        return mention
    text = mention.text[start:end]
    return Mention(start=mention.start + start, end=mention.start + end, text=text)


def _prominent(entry: KbEntry) -> bool:
    if entry.feature in ("country", "admin", "region", "landmark"):
        return True
    return entry.capital or (entry.population or 0) >= INNER_MIN_POPULATION


@dataclass
class _Toponym:
    """One LOC entity's place mentions and its candidates."""

    entity: Entity
    mentions: list[Mention]
    candidates: list[KbMatch]
    choice: KbEntry | None = None


class PlaceResolver:
    """A pipeline stage: fills `analysis.places` from the LOC entities."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or KnowledgeBase.load()
        self._cache: dict[tuple[str, str | None], tuple[KbMatch, ...]] = {}

    # -- lookups ----------------------------------------------------------------------

    def candidates(self, name: str, lang: str | None = None) -> list[KbMatch]:
        """LOC entries `name` can stand for (no demonyms), best knowledge-base score first."""
        key = (name, lang)
        hit = self._cache.get(key)
        if hit is None:
            hit = tuple(self._candidates(name, lang))
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = hit
        return list(hit)

    def _matches(self, name: str, lang: str | None) -> list[KbMatch]:
        found = [m for m in self.kb.matches(name, lang=lang, type="LOC") if m.kind != "demonym"]
        if not found and lang is not None:
            found = [m for m in self.kb.matches(name, type="LOC") if m.kind != "demonym"]
        return [m for m in found if m.entry.feature in FEATURES]

    def _candidates(self, name: str, lang: str | None) -> list[KbMatch]:
        found = self._matches(name, lang)
        if found:
            return found
        words = place_words(lang)
        tokens = normalize(name).split()
        raw = name.split()
        for local, prefixes in ((False, words.prefixes), (True, words.local_prefixes)):
            for prefix in prefixes:
                if len(tokens) > len(prefix) and tuple(tokens[: len(prefix)]) == prefix:
                    rest = " ".join(raw[len(prefix) :]) if len(raw) == len(tokens) else " ".join(
                        tokens[len(prefix) :]
                    )
                    found = self._matches(rest, lang)
                    if local:
                        found = [m for m in found if words.home and m.entry.country == words.home
                                 and m.entry.feature in ("city", "admin")]
                    if found:
                        return found
        return []

    def is_demonym(self, text: str, lang: str | None) -> bool:
        """Whether `text` is written as a demonym or adjective ("Russian", "Indonesian")."""
        matches = self.kb.matches(text, lang=lang)
        return bool(matches) and matches[0].kind == "demonym"

    # -- the stage --------------------------------------------------------------------

    def __call__(self, analysis: Analysis) -> None:
        analysis.places = self.resolve(analysis)

    def resolve(self, analysis: Analysis) -> list[Place]:
        lang = analysis.language
        words = place_words(lang)
        toponyms: list[_Toponym] = []
        for entity in analysis.entities:
            if entity.type != "LOC":
                continue
            trimmed = (_trim(m, words) for m in entity.mentions)
            mentions = [
                m for m in trimmed
                if m is not None and not self._adjective(analysis.text, m, lang, words)
            ]
            if not mentions:
                continue
            candidates: dict[str, KbMatch] = {}
            if not entity.kb_id and not any(self.candidates(m.text, lang) for m in mentions):
                inner = self._inner(analysis.text, mentions, lang)
                if inner:
                    mentions = inner
            for text in dict.fromkeys(m.text for m in mentions):
                for match in self.candidates(text, lang):
                    old = candidates.get(match.entry.id)
                    if old is None or match.score > old.score:
                        candidates[match.entry.id] = match
            if entity.kb_id and entity.kb_id not in candidates:
                linked = self.kb.get(entity.kb_id)
                if linked is not None and linked.type == "LOC" and linked.feature in FEATURES:
                    candidates[linked.id] = KbMatch(linked, linked.name, None, "alias", linked.rank)
            ranked = sorted(candidates.values(), key=lambda m: (-m.score, m.entry.id))
            toponyms.append(_Toponym(entity, mentions, ranked))
        if not toponyms:
            return []

        base = Counter[str]()
        for entity in analysis.entities:
            if entity.country:
                base[entity.country] += min(len(entity.mentions), MENTION_CAP)
        # first pass: the country context only; second: with the places it chose
        for toponym in toponyms:
            toponym.choice = self._choose(toponym, base, set())
        context = base.copy()
        named = Counter[str]()
        for toponym in toponyms:
            named.update(_names(toponym.choice))
            if toponym.choice is not None and toponym.choice.country:
                context[toponym.choice.country] += min(len(toponym.mentions), MENTION_CAP)
        for toponym in toponyms:
            # the places the other toponyms name: a toponym does not vouch for itself
            others = {k for k, v in (named - Counter(_names(toponym.choice))).items() if v > 0}
            toponym.choice = self._choose(toponym, context, others)
        return self._places(toponyms)

    def _choose(self, toponym: _Toponym, context: Counter[str], named: set[str]) -> KbEntry | None:
        if not toponym.candidates:
            return None
        total = sum(context.values())
        best: tuple[float, str] | None = None
        choice = None
        for match in toponym.candidates:
            entry = match.entry
            score = math.log10(max(match.score, 1.0))
            if match.kind == "alt":
                score -= ALT_PENALTY
            if total and entry.country:
                score += CONTEXT_WEIGHT * context[entry.country] / total
            if entry.admin and entry.admin in named:
                score += ADMIN_BONUS
            elif entry.feature == "admin" and entry.id in named:
                score += ADMIN_BONUS
            if entry.id == toponym.entity.kb_id:
                score += LINK_BONUS
            key = (score, entry.id)
            if best is None or key[0] > best[0]:
                best, choice = key, entry
        return choice

    def _adjective(self, text: str, mention: Mention, lang: str | None, words: PlaceWords) -> bool:
        """A mention that names an actor rather than a place: a demonym, or a country's
        name after an actor noun in a language that writes adjectives so."""
        if self.is_demonym(mention.text, lang):
            return True
        if not words.modifier_heads:
            return False
        before = text[max(0, mention.start - 40) : mention.start]
        if not before.endswith((" ", "\n")) or before.rstrip() != before[:-1]:
            return False  # only a single space between the head and the name
        tokens = normalize(before).split()
        if not any(tuple(tokens[-n:]) in words.modifier_heads for n in (2, 1) if len(tokens) >= n):
            return False
        return any(m.entry.feature == "country" for m in self.candidates(mention.text, lang)[:1])

    def _inner(self, text: str, mentions: list[Mention], lang: str | None) -> list[Mention]:
        """For an entity the knowledge base does not know: the longest well-known place
        inside each mention, as a mention of its own ("Slovenia's Ambassador" -> "Slovenia")."""
        out = []
        for mention in mentions:
            words = list(_WORD.finditer(mention.text))
            best = None
            for size in range(len(words) - 1, 0, -1):
                for i in range(len(words) - size + 1):
                    first, last = words[i], words[i + size - 1]
                    if not first.group()[:1].isupper():
                        continue
                    name = mention.text[first.start() : last.end()]
                    found = [m for m in self.candidates(name, lang) if _prominent(m.entry)]
                    if found:
                        best = (first.start(), last.end())
                        break
                if best:
                    break
            if best:
                start, end = mention.start + best[0], mention.start + best[1]
                out.append(Mention(start=start, end=end, text=text[start:end]))
        return out

    def _places(self, toponyms: Iterable[_Toponym]) -> list[Place]:
        groups: dict[str, tuple[KbEntry | None, _Toponym, list[Mention]]] = {}
        for toponym in toponyms:
            entry = toponym.choice
            key = entry.id if entry is not None else f"?{normalize(toponym.mentions[0].text)}"
            if key in groups:
                groups[key][2].extend(toponym.mentions)
            else:
                groups[key] = (entry, toponym, list(toponym.mentions))
        ordered = sorted(groups.values(), key=lambda g: min(m.start for m in g[2]))
        areas = self._areas(ordered)
        places = []
        for i, (entry, toponym, mentions) in enumerate(ordered, start=1):
            unique = sorted({(m.start, m.end): m for m in mentions}.values(), key=lambda m: m.start)
            name = unique[0].text
            if entry is None:
                area = _enclosing(areas, unique[0].start, toponym.entity.country)
                if area is None:
                    places.append(Place(id=f"p{i}", name=name, country=toponym.entity.country,
                                        mentions=unique))
                else:
                    area_id, area_entry = area
                    places.append(Place(id=f"p{i}", name=name, country=area_entry.country,
                                        lat=area_entry.lat, lon=area_entry.lon, within=area_id,
                                        mentions=unique))
                continue
            places.append(
                Place(
                    id=f"p{i}",
                    name=name,
                    resolved=entry.name,
                    feature=entry.feature,  # type: ignore[arg-type]
                    country=entry.country,
                    lat=entry.lat,
                    lon=entry.lon,
                    geonames_id=entry.geonames_id,
                    mentions=unique,
                )
            )
        return places

    @staticmethod
    def _areas(
        ordered: Sequence[tuple[KbEntry | None, _Toponym, list[Mention]]],
    ) -> list[tuple[int, str, KbEntry]]:
        """(offset, place id, entry) of every mention of a known town or administrative
        area with coordinates: what an unknown village of the article can lie in."""
        areas = []
        for i, (entry, _toponym, mentions) in enumerate(ordered, start=1):
            if entry is not None and entry.feature in AREA_FEATURES and entry.lat is not None:
                areas.extend((m.start, f"p{i}", entry) for m in mentions)
        return sorted(areas, key=lambda a: a[0])


def _enclosing(
    areas: Sequence[tuple[int, str, KbEntry]], at: int, country: str | None
) -> tuple[str, KbEntry] | None:
    """The known area a place the knowledge base lacks most likely lies in: the nearest
    one the article names (Indonesian news places a village by its district and regency:
    "Desa Kijang, Kecamatan Praya Timur, Lombok Tengah"), in the place's own country
    when it has one. Its coordinates stand in, and `within` says so."""
    nearby = [(abs(offset - at), place_id, entry) for offset, place_id, entry in areas
              if country is None or entry.country == country]
    if not nearby:
        return None
    distance, place_id, entry = min(nearby, key=lambda a: a[0])
    return (place_id, entry) if distance <= MAX_AREA_DISTANCE else None


__all__ = ["PlaceResolver", "PlaceWords", "place_words"]
