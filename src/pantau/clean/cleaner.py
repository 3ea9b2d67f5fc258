"""The cleaner: article text out of a scraped page, and a record of what was dropped.

Works on paragraphs. Each is checked against the language packs' rules (site furniture,
related-article links, credits, spam); then the page's head is read for a headline, a
section label ("WORLD") and the headline repeated; then its end for a newsletter
sign-up block. Every dropped paragraph goes to `removed` with its reason, so nothing
is lost silently and the choices can be audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pantau.clean.rules import TAIL_MAX_CHARS, TAIL_MAX_LINES, CleaningRules, is_sentence
from pantau.model import Removed

HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 30
SECTION_MAX_WORDS = 3
DUPLICATE_MIN_CHARS = 150
"""Short repeats are list items, recipe lines and interview questions: real content."""

_NOT_HEADLINE_END = re.compile(r"[.,;:][\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_LINE_END = re.compile(r"[.!?…:][\"'”’)\]]*$")
"""How a line that is not hard-wrapped ends (a comma or semicolon means it goes on)."""
_STARTS_LOWER = re.compile(r"^[a-z]")
_KEY = re.compile(r"\W+")


@dataclass
class CleanResult:
    text: str
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    section: str | None = None


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of `text`: blank lines and single newlines both separate paragraphs,
    except that a hard-wrapped line (long, no sentence end, next line lower-case) joins
    the next one."""
    paragraphs: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            joinable = False
            continue
        if joinable and paragraphs and _STARTS_LOWER.match(line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        joinable = len(line) >= 40 and not _LINE_END.search(line)
    return paragraphs


def _key(text: str) -> str:
    return _KEY.sub(" ", text.casefold()).strip()


class Cleaner:
    def __init__(self, rules: CleaningRules, section_labels: frozenset[str]) -> None:
        self.rules = rules
        self.section_labels = section_labels

    def clean(self, text: str, title: str | None = None, guess_title: bool = True) -> CleanResult:
        paragraphs = split_paragraphs(text)
        reasons: list[str | None] = [self.rules.line_reason(p) for p in paragraphs]
        result = CleanResult(text="", title=title)
        self._read_head(paragraphs, reasons, result, guess_title)
        self._read_tail(paragraphs, reasons)
        self._mark_duplicates(paragraphs, reasons)
        result.text = "\n\n".join(p for p, r in zip(paragraphs, reasons, strict=True) if r is None)
        result.removed = [
            Removed(text=p, reason=r) for p, r in zip(paragraphs, reasons, strict=True) if r
        ]
        return result

    def _kept(self, reasons: list[str | None], limit: int) -> list[int]:
        return [i for i, r in enumerate(reasons) if r is None][:limit]

    def _read_head(
        self, paragraphs: list[str], reasons: list[str | None], result: CleanResult, guess: bool
    ) -> None:
        """Headline, section label and repeated headline, in whichever order they come."""
        head = self._kept(reasons, 5)
        for position, i in enumerate(head):
            paragraph = paragraphs[i]
            if result.title and _key(paragraph) == _key(result.title):
                reasons[i] = "title"
            elif result.section is None and self._is_section_label(paragraph):
                result.section = paragraph
                reasons[i] = "section"
            elif result.title is None and guess and self._is_headline(paragraph):
                if position == len(head) - 1:
                    break  # a headline with nothing after it is the whole text
                result.title = paragraph
                reasons[i] = "title"
            else:
                break

    def _is_headline(self, paragraph: str) -> bool:
        return (
            len(paragraph) <= HEADLINE_MAX_CHARS
            and len(paragraph.split()) <= HEADLINE_MAX_WORDS
            and not _NOT_HEADLINE_END.search(paragraph)
        )

    def _is_section_label(self, paragraph: str) -> bool:
        words = paragraph.split()
        if not words or len(words) > SECTION_MAX_WORDS or _SENTENCE_END.search(paragraph):
            return False
        letters = [ch for ch in paragraph if ch.isalpha()]
        shouting = len(letters) >= 3 and all(ch.isupper() for ch in letters)
        return shouting or paragraph.casefold() in self.section_labels

    def _read_tail(self, paragraphs: list[str], reasons: list[str | None]) -> None:
        kept = [i for i, r in enumerate(reasons) if r is None]
        candidates = kept[-TAIL_MAX_LINES:]
        for i in candidates:
            reason = self.rules.tail_reason(paragraphs[i])
            if reason is None:
                continue
            block = [j for j in kept if j >= i]
            if sum(len(paragraphs[j]) for j in block) > TAIL_MAX_CHARS or block == kept:
                return
            # A sign-up block opens with a heading ("Newsletter Harian Sabah"), or is
            # sign-up talk throughout; a news sentence that mentions a newsletter is not.
            matching = sum(1 for j in block if self.rules.tail_reason(paragraphs[j]))
            if not is_sentence(paragraphs[i]) or matching >= min(2, len(block)):
                for j in block:
                    reasons[j] = reason
                return

    def _mark_duplicates(self, paragraphs: list[str], reasons: list[str | None]) -> None:
        seen: set[str] = set()
        for i, paragraph in enumerate(paragraphs):
            if reasons[i] is not None or len(paragraph) < DUPLICATE_MIN_CHARS:
                continue
            key = _key(paragraph)
            if key in seen:
                reasons[i] = "duplicate"
            seen.add(key)
