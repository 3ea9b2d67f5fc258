"""Where an event happened, from the places layer and what the event's clause says.

In order of preference (places named as locations within the trigger's clause, actors
anywhere in its sentence, where the coder found them):
1. a place the clause names as a location after the trigger ("bertemu ... di Jenewa");
2. the area of a local body a material act reaches or a move goes to ("menggeruduk
   Pengadilan Hubungan Industrial Jogja", "melapor ke Polresta Mataram"), or the land
   a violent act is done to ("Israel menyerang Palestina");
3. a place named as a location before the trigger ("Di Cibinong, polisi menangkap");
4. the land a material act goes to ("mengirim pasukan ke Gaza");
5. the area of the local body that acts ("Kejari Lembata menggeledah", "Pengadilan
   Negeri (PN) Palu, Sulawesi Tengah, menerima").

A body's area is a place of the article that ends or begins the body's name ("Polres
Polman", "Geneva Court") or follows it at once ("Kejaksaan Negeri (Kejari) Lembata");
countries are no body's area (the Russian foreign ministry speaks from anywhere). An act
the clause places nowhere has no place: the article's first place, tried as a fallback,
was right for one event in four against the where-when gold
(`tests/data/events/README.md`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence

from pantau.model import Actor, Analysis, Entity, Mention

VIOLENT_ROOTS = frozenset({"18", "19", "20"})
"""CAMEO roots whose target's land is where the act happens: assault, fight, mass
violence."""
MATERIAL_QUADS = frozenset({2, 4})
"""QuadClasses of acts done where their target is (material cooperation and conflict)."""
BODY_GAP = re.compile(r"\)?\s*(?:\([^()]{1,12}\)\s*)?")
"""What may stand between a body's name and its area: "(Kejari) Lembata" after
"Kejaksaan Negeri", "Pengadilan Negeri (PN) Palu"."""


class EventPlaces:
    """The places of one analysed document, for placing its events."""

    def __init__(self, analysis: Analysis, reached: Collection[str]) -> None:
        """`reached`: the pack's `place_reached` words ("ke", "di")."""
        self.text = analysis.text
        self.reached = reached
        self.entities: dict[str, Entity] = {e.id: e for e in analysis.entities}
        self.mentions: list[tuple[int, int, str]] = sorted(
            (m.start, m.end, p.id) for p in analysis.places for m in p.mentions
        )
        self.areas: dict[str, str] = {}
        """Lower-case name of a place below country level -> its id."""
        self.area_ids: set[str] = set()
        """The ids of those places."""
        self.lands: dict[str, str] = {}
        """Lower-case name of any place -> its id."""
        for place in analysis.places:
            for name in {place.name, place.resolved, *(m.text for m in place.mentions)} - {None}:
                self.lands.setdefault(name.lower(), place.id)
                if place.feature != "country":
                    self.areas.setdefault(name.lower(), place.id)
                    self.area_ids.add(place.id)

    def place(self, sentence: tuple[int, int], clause: tuple[int, int], trigger_at: int,
              located: Collection[int], source: Actor, target: Actor | None, root: str,
              quad_class: int) -> str | None:
        """The place of an event: `sentence`, `clause` and `trigger_at` are character
        offsets, `located` the offsets where the sentence names a place as a location.
        The actors are looked for in the whole sentence: the coder found them there."""
        inside = [(start, place) for start, end, place in self.mentions
                  if start in located and clause[0] <= start and end <= clause[1]]
        after = [place for start, place in inside if start >= trigger_at]
        if after:
            return after[0]
        violent, material = root in VIOLENT_ROOTS, quad_class in MATERIAL_QUADS
        if target is not None:
            area = self._area(target, sentence, anywhere=material) or (
                self._land(target, sentence, anywhere=True) if violent else None)
            if area is not None:
                return area
        if inside:
            return inside[-1][1]
        if target is not None and material:
            land = self._land(target, sentence, anywhere=False)
            if land is not None:
                return land
        return self._area(source, sentence, anywhere=True)

    def _named(self, actor: Actor, span: tuple[int, int]) -> Sequence[Mention]:
        """The mentions of the actor's entity inside `span`."""
        entity = self.entities.get(actor.entity or "")
        if entity is None:
            return []
        return [m for m in entity.mentions if span[0] <= m.start and m.end <= span[1]]

    def _area(self, actor: Actor, sentence: tuple[int, int], anywhere: bool) -> str | None:
        """The area of a local body the sentence names; `anywhere`: wherever the body
        stands, else only after a word of `place_reached` ("ke Polresta Mataram")."""
        for mention in self._named(actor, sentence):
            if not (anywhere or self._reached(mention.start, sentence[0])):
                continue
            words = mention.text.lower().split()
            for k in range(1, len(words)):
                area = self.areas.get(" ".join(words[k:])) or self.areas.get(" ".join(words[:k]))
                if area is not None:
                    return area
            at = bisect_left(self.mentions, (mention.end,))
            if at < len(self.mentions):
                start, _end, place = self.mentions[at]
                if place in self.area_ids and BODY_GAP.fullmatch(self.text[mention.end:start]):
                    return place
        return None

    def _land(self, actor: Actor, sentence: tuple[int, int], anywhere: bool) -> str | None:
        """The place a target named as a land is ("menyerang Palestina"); `anywhere`:
        wherever the name stands, else only after a word of `place_reached` ("mengirim
        pasukan ke Gaza")."""
        entity = self.entities.get(actor.entity or "")
        if entity is None or entity.type != "LOC":
            return None
        if not any(anywhere or self._reached(m.start, sentence[0])
                   for m in self._named(actor, sentence)):
            return None
        return self.lands.get(entity.name.lower())

    def _reached(self, start: int, floor: int) -> bool:
        before = re.findall(r"\w+", self.text[floor:start])
        return bool(before) and before[-1].lower() in self.reached
