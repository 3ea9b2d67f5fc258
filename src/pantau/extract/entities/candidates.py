"""What the entities stage's readers of a sentence hand on to the grouping of a document:
a name found in a sentence (`Candidate`), and the mentions of one actor (`Group`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pantau.extract.entities.roles import Role
from pantau.kb.model import KbEntry

TYPE_NAMES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
"""The model's entity types and the output contract's."""


@dataclass
class Candidate:
    sentence: int
    first: int
    last: int
    """Token span [first, last) within the sentence."""
    start: int
    end: int
    text: str
    type: str
    entry: KbEntry | None = None
    role: Role | None = None
    opener: int = 0
    """How many words of the name are an opener ("I Made" of "I Made Parwita")."""
    placed: bool = False
    """Typed a person by where it stands (after a cue of speech, before an age), not by
    the model."""
    marked: bool = False
    """Named after a name marker ("berinisial HM") or before an age ("Berangus (28)"): the
    text's later "HM" is the same."""
    anonymous: bool = False
    """Initials that introduce someone ("tersangka berinisial BP"): no nickname the text
    gave a person before ("Budi Prasetyo (BP)", the spokesman)."""


@dataclass
class Group:
    type: str
    candidates: list[Candidate] = field(default_factory=list)
    entry: KbEntry | None = None

    @property
    def roles(self) -> list[Role]:
        return [c.role for c in self.candidates if c.role is not None]
