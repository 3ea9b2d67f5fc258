"""Word tokens with character offsets.

One tokenizer for every stage and for training, so that a model sees at run time the
tokens it was trained on. Words keep internal hyphens, apostrophes and dots of
abbreviations ("Rusia-Ukraina", "Jum'at", "U.S.", "S.H."), except the English possessive,
a token of its own ("Turkey", "'s") as in the treebanks; numbers keep their separators
("13.000", "5,12", "20/10/2025"); every other symbol is a token of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(
    r"""
    \d+(?:[.,/:\-]\d+)*%?               # numbers, dates, times: 13.000  5,12%  20/10/2025
    | (?:[^\W\d_]\.){2,}                # initialisms: U.S.  S.H.
    | [^\W_]+(?:-[^\W_]+|['’](?![sS]\b)[^\W_]+)*   # words, inner hyphens and apostrophes
    | ['’][sS]\b                         # the English possessive: Turkey 's
    | \S                                # any other symbol
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text`."""
    return [
        Token(m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def sentence_tokens(text: str, start: int, end: int) -> list[Token]:
    """`tokenize(text, start, end)` for a sentence several stages read (entities, their
    grouping, events): tokenized once and shared, as a new list each time."""
    return list(_sentence_tokens(text, start, end))


@lru_cache(maxsize=1024)  # a few documents' sentences: bounded memory in a server
def _sentence_tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(tokenize(text, start, end))
