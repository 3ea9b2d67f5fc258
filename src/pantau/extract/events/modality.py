"""Whether an event happened: asserted, negated, future, hypothetical, reported or
demanded, from the language pack's `[modality]` words around the trigger.

The order of precedence is the point: a negated event is never reported as asserted
("Rusia tidak akan menyerang" is negated, not future), a condition outranks a plan
("jika Rusia menyerbu"), and a demand outranks both ("mendesak agar KPK memeriksa").
"""

from __future__ import annotations

from collections.abc import Sequence

from pantau.extract.events.lexicon import EventLexicon, Phrase

NEAR = 5
"""Negation and future words count within this many tokens before the trigger."""

PRECEDENCE = ("negated", "hypothetical", "demanded", "future", "reported")
_KEYS = {
    "negated": "negation",
    "hypothetical": "hypothetical",
    "demanded": "demanded",
    "future": "future",
    "reported": "reported",
}


def _has(words: Sequence[str], phrases: frozenset[Phrase]) -> bool:
    longest = max(map(len, phrases), default=0)
    for i in range(len(words)):
        for size in range(1, min(longest, len(words) - i) + 1):
            if tuple(words[i : i + size]) in phrases:
                return True
    return False


def modality(
    lexicon: EventLexicon,
    words: Sequence[str],
    clause_start: int,
    trigger_start: int,
    trigger_end: int,
    noun: bool,
) -> str:
    """`words` is the sentence; the clause runs from `clause_start` to the trigger."""
    near = words[max(clause_start, trigger_start - NEAR) : trigger_start]
    clause = words[clause_start:trigger_start]
    # A nominal event's plan follows it: "Pertemuan ... dijadwalkan pada hari Rabu".
    after = words[trigger_end : trigger_end + NEAR] if noun else []
    windows = {
        "negated": near,
        "hypothetical": clause,
        "demanded": clause,
        "future": list(near) + list(after),
        "reported": words[:trigger_start],
    }
    for name in PRECEDENCE:
        if _has(windows[name], lexicon.modality.get(_KEYS[name], frozenset())):
            return name
    return "asserted"
