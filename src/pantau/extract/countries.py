"""The country a document is about: the default for the actors it does not place.

Shared by the entities stage (a person named by a bare title, "Presiden Jose Jeri" in a
story about Peru) and the events coder (an unnamed "polisi" in a story about Jakarta).
"""

from __future__ import annotations

from collections import Counter

MIN_MAIN_COUNTRY_SHARE = 0.5
"""Share of all country mentions the main country must have."""
MIN_MAIN_COUNTRY_MENTIONS = 3
"""Fewer mentions than this say little: two stray "Surat" (a city in India, and the
Indonesian word for letter) do not make a story Indian."""


def dominant_country(mentions: Counter[str], entities: Counter[str], home: str | None = None,
                     by_entities: bool = False) -> str | None:
    """The country most of a document's named things belong to when it dominates
    (`mentions`: mentions per country; `entities`: different entities per country), else
    the language's home country (`home`, "IDN" for Indonesian) unless a foreign country
    is named often enough to make the story foreign. `by_entities`: the home country also
    wins when at least twice as many different entities belong to it as to any other
    country, however often one foreign name recurs ("RT", a neighbourhood unit the
    knowledge base takes for Russia Today; "CCTV")."""
    foreign = max((n for c, n in entities.items() if c != home), default=0)
    if by_entities and home and entities[home] and entities[home] >= 2 * foreign:
        return home
    # With a home country as the prior, it takes a few mentions to overrule it.
    enough = MIN_MAIN_COUNTRY_MENTIONS if home else 1
    if mentions:
        country, count = mentions.most_common(1)[0]
        if count >= enough and count >= MIN_MAIN_COUNTRY_SHARE * sum(mentions.values()):
            return country
    if home and all(n < enough for c, n in mentions.items() if c != home):
        return home
    return None
