"""The event coder's sentence record and its clause boundaries.

`_Sentence` is what every rule of the coder reads (tokens, lower-cased words, actor
spans, clause starts); `_ClauseRules` cuts a sentence into clauses at punctuation and
at the pack's boundary words, the unit within which a trigger's subject and object are
looked for; `_same` says whether two actors are one. Kept apart because every other
module of the coder imports them, and they import none of those.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pantau.extract.events.actors import ActorSpan
from pantau.model import Actor
from pantau.nlp.tokens import Token

HARD_STOPS = frozenset({".", ";", ":", "!", "?"})
CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "—", "“", "”", '"'})
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
"""Quotation marks, stepped over when the word before a trigger is read."""


@dataclass
class _Sentence:
    index: int
    tokens: list[Token]
    words: list[str]
    actors: list[ActorSpan]
    clause_starts: list[int]
    names: set[int]
    """Token indices inside entity names: never triggers."""
    places: list[ActorSpan]
    """Places named as locations ("di Jenewa"): not actors, but a visit's target."""


class _ClauseRules:
    """Clause boundaries of a sentence."""

    def _clauses(self, words: Sequence[str],
                 actors: Sequence[ActorSpan]) -> list[int]:
        inside: set[int] = set()
        if self.lexicon.word_set("short_parentheses"):
            # "Amerika Serikat (AS) menjatuhkan sanksi": an actor's acronym in parentheses
            # right after it opens no clause before a support verb (a nominal trigger's
            # subject is in its clause)
            support = self.lexicon.word_set("support_verbs")
            for a in actors:
                b = next((b for b in actors if a.end == b.start - 1 and b.end + 1 < len(words)
                          and words[a.end] == "(" and words[b.end] == ")"), None)
                if b is not None and _same(a.actor, b.actor) and any(
                        (w,) in support for w in words[b.end + 1:b.end + 3]):
                    inside.update((a.end, b.end))
        starts = [0]
        for i, word in enumerate(words):
            if i in inside:
                continue
            if word in CLAUSE_MARKS and i + 1 < len(words):
                starts.append(i + 1)
            elif (word,) in self.setup.boundaries and i > 0 and (
                    (word,) not in self.setup.speech_tags or words[i - 1] in CLAUSE_MARKS):
                starts.append(i)
        return starts

    def _clause_start(self, sentence: _Sentence, i: int) -> int:
        return max(s for s in sentence.clause_starts if s <= i)

    def _clause_end(self, sentence: _Sentence, i: int) -> int:
        return min((s for s in sentence.clause_starts if s > i), default=len(sentence.words))


def _same(a: Actor, b: Actor, owned: bool = False) -> bool:
    """Whether two actors are one; `owned`: or one is a group of the other ("Kenyan
    troops" of Kenya)."""
    if a.entity and a.entity == b.entity:
        # a group of a country is not the country: "Turkish authorities imposed a curfew
        # in ... Turkey", "Croatia is investigating ... Croatian extremists"
        return owned or a.code is None or b.code is None or a.code == b.code
    return a.code is not None and a.code == b.code and a.name == b.name
