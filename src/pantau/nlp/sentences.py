"""Sentence segmentation with character offsets.

Written for pantau rather than taken from a library: the usual segmenters either have
no Indonesian abbreviations (pysbd, spaCy's sentencizer) or need a model download
(punkt). The rules are few and measured with `pantau evaluate sentences` on the UD
Indonesian treebanks and GUM (docs/accuracy.md):

- a paragraph break always ends a sentence;
- `.`, `!`, `?` or `…`, with any closing quotes or brackets after them, end a sentence
  when whitespace and a capital letter or digit (perhaps behind an opening quote) follow;
- not after an abbreviation from the language packs (Dr., H., Jl., No., Sen., U.S.), a
  single initial (Miranda S. Goeltom) or an initialism (D.W.);
- numbers such as "13.000", "5,12%" or dates such as "(20/10/2025)" need no rule: a
  boundary needs whitespace after the stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CANDIDATE = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s)")
_OPENERS = "\"“‘'«([¿¡"
_INITIALISM = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]?$")


class SentenceSplitter:
    def __init__(self, abbreviations: Iterable[str]) -> None:
        self.abbreviations = frozenset(a.lower().rstrip(".") for a in abbreviations)

    def split(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence; `end` excludes trailing whitespace."""
        spans: list[tuple[int, int]] = []
        for start, end in _paragraphs(text):
            spans.extend(self._split_paragraph(text, start, end))
        return spans

    def _split_paragraph(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans = []
        sentence_start = start
        for match in _CANDIDATE.finditer(text, start, end):
            next_start = _skip_space(text, match.end(), end)
            if next_start >= end or not self._is_boundary(text, match, next_start, end):
                continue
            spans.append((sentence_start, match.end()))
            sentence_start = next_start
        spans.append((sentence_start, end))
        return spans

    def _is_boundary(self, text: str, match: re.Match[str], next_start: int, end: int) -> bool:
        first = next_start
        while first < end and text[first] in _OPENERS:
            first += 1
        if first >= end or not (text[first].isupper() or text[first].isdigit()):
            return False
        if text[match.start()] != ".":
            return True
        word_start = match.start()
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : match.start()].lstrip(_OPENERS)
        if not word:
            return True
        if word.lower() in self.abbreviations:
            return False
        if len(word) == 1 and word.isupper():
            return False
        return not _INITIALISM.match(word)


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of `text` as (start, end), stripped of surrounding whitespace."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans
