"""Cleaning rules compiled from the language packs' `clean.toml` files."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pantau.lang import LanguagePack

SPAM_MAX_WORDS = 20
"""A line with one spam hit is removed only if it is this short and not a sentence:
news about gambling crackdowns names the same sites in full sentences."""
SPAM_STUFFING_HITS = 2
"""A line with this many distinct spam hits is keyword stuffing, whatever its length."""
TAIL_MAX_LINES = 8
TAIL_MAX_CHARS = 1200
TAIL_HEADING_MAX_WORDS = 25
"""A trailing newsletter block is at most this big; a bigger one is article text."""

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def is_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line) is not None


@dataclass(frozen=True)
class LineRule:
    reason: str
    pattern: re.Pattern[str]
    max_words: int | None

    def matches(self, line: str, words: int) -> bool:
        if self.max_words is not None and words > self.max_words:
            return False
        return self.pattern.fullmatch(line) is not None


@dataclass(frozen=True)
class CleaningRules:
    lines: tuple[LineRule, ...]
    spam: tuple[re.Pattern[str], ...]
    tail: tuple[LineRule, ...]

    @classmethod
    def from_packs(cls, packs: list[LanguagePack]) -> CleaningRules:
        lines, spam, tail = [], [], []
        for pack in packs:
            for kind, target in (("line", lines), ("tail", tail)):
                for rule in pack.clean.get(kind, []):
                    for pattern in rule["patterns"]:
                        compiled = re.compile(pattern, re.IGNORECASE)
                        default_words = TAIL_HEADING_MAX_WORDS if kind == "tail" else None
                        max_words = rule.get("max_words", default_words)
                        target.append(LineRule(rule["reason"], compiled, max_words))
            for rule in pack.clean.get("spam", []):
                spam.extend(re.compile(p, re.IGNORECASE) for p in rule["patterns"])
        return cls(tuple(lines), tuple(spam), tuple(tail))

    def line_reason(self, line: str) -> str | None:
        """Why this line is page furniture, or None when it may be article text."""
        words = len(line.split())
        hits = self._spam_hits(line)
        if hits >= SPAM_STUFFING_HITS:
            return "spam"
        if hits and words <= SPAM_MAX_WORDS and not is_sentence(line):
            return "spam"
        for rule in self.lines:
            if rule.matches(line, words):
                return rule.reason
        return None

    def _spam_hits(self, line: str) -> int:
        """Distinct places in the line that spam patterns hit: two patterns matching the
        same phrase ("bandar togel online") are one hit, not keyword stuffing."""
        spans = sorted(m.span() for pattern in self.spam for m in pattern.finditer(line))
        hits, reach = 0, -1
        for start, end in spans:
            if start >= reach:
                hits += 1
            reach = max(reach, end)
        return hits

    def tail_reason(self, line: str) -> str | None:
        words = len(line.split())
        for rule in self.tail:
            if rule.matches(line, words):
                return rule.reason
        return None
