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
SUPPORT_REACH = 10
"""Tokens after a nominal event within which its passive support verb may stand."""

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
        # (a negator before a conjunction belongs to another verb: "berharap insiden
        # serupa tak terulang dan meminta ...", while "akan mencari dan menelusuri" is
        # one plan)
        "negated": _after_last_join(lexicon, near),
        "hypothetical": clause,
        "demanded": clause,
        "future": list(near) + list(after),
        "reported": words[:trigger_start],
    }
    for name in PRECEDENCE:
        window = windows[name]
        if name == "negated":
            window = _without(window, lexicon.word_set("not_negation"))
            if noun and _support_negated(lexicon, words[trigger_end : trigger_end + SUPPORT_REACH]):
                return name
        if _has(window, lexicon.modality.get(_KEYS[name], frozenset())):
            return name
    return "asserted"


def _support_negated(lexicon: EventLexicon, after: Sequence[str]) -> bool:
    """Whether the passive support verb after a nominal event, in its clause, is negated:
    "Pencairan dana kampung tahap pertama belum dilakukan oleh pemerintah daerah"."""
    support = lexicon.word_set("passive_support")
    negation = lexicon.word_set("support_negation")
    for k, word in enumerate(after):
        if word in {",", ".", ";"}:
            return False
        if (word,) in support:
            return any((w,) in negation for w in after[max(0, k - 2) : k])
    return False


def _after_last_join(lexicon: EventLexicon, words: Sequence[str]) -> Sequence[str]:
    """The words after the last conjunction: a negator before it belongs to another verb
    ("berharap insiden serupa tak terulang dan meminta ...")."""
    joins = lexicon.word_set("conjunctions")
    cut = max((k + 1 for k, w in enumerate(words) if (w,) in joins), default=0)
    return words[cut:]


def _without(words: Sequence[str], phrases: frozenset[Phrase]) -> list[str]:
    """The words with every occurrence of `phrases` blanked ("bukan hanya": not only)."""
    out = list(words)
    longest = max(map(len, phrases), default=0)
    for i in range(len(out)):
        for size in range(min(longest, len(out) - i), 0, -1):
            if tuple(out[i : i + size]) in phrases:
                out[i : i + size] = [""] * size
                break
    return out
