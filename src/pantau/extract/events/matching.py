"""Matching pattern phrases against a sentence's lower-cased words.

A phrase is a tuple of words; a word ending in "*" matches any word it begins (a stem,
as in PETRARCH's dictionaries)."""

from __future__ import annotations

from collections.abc import Sequence

from pantau.extract.events.lexicon import Phrase


def matches(words: Sequence[str], start: int, phrase_: Phrase) -> bool:
    if start + len(phrase_) > len(words):
        return False
    for word, want in zip(words[start : start + len(phrase_)], phrase_, strict=False):
        if want.endswith("*"):
            if not word.startswith(want[:-1]):
                return False
        elif word != want:
            return False
    return True


def find_in_order(
    words: Sequence[str], lo: int, hi: int, phrases: Sequence[Phrase]
) -> int | None:
    """Where the last of `phrases` ends when all occur in order in [lo, hi), else None."""
    i = lo
    for p in phrases:
        while i < hi and not matches(words, i, p):
            i += 1
        if i >= hi:
            return None
        i += len(p)
    return i


def find_longest(
    words: Sequence[str], lo: int, hi: int, phrases: Sequence[Phrase]
) -> tuple[int, int] | None:
    """(length, end) of the longest of `phrases` found in [lo, hi), else None."""
    best = None
    window = words[lo:hi]
    for p in phrases:
        if best is not None and len(p) <= best[0]:
            continue
        first = p[0]
        stem = first[:-1] if first.endswith("*") else None
        for offset, word in enumerate(window):
            if (word == first or (stem is not None and word.startswith(stem))) and matches(
                words, lo + offset, p
            ):
                best = (len(p), lo + offset + len(p))
                break
    return best
