"""Unicode normalisation of input text before anything reads it.

ftfy repairs mojibake (UTF-8 read as cp1252, common in scraped Indonesian pages) and
normalises to NFC. Curly quotes are kept: quotation styles matter to quote extraction
and the clean text is the evidence users read.
"""

from __future__ import annotations

import re

import ftfy

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=True, normalization="NFC")


def normalize_text(text: str) -> str:
    """Repaired, NFC, one kind of space and newline, no invisible characters."""
    text = ftfy.fix_text(text, _FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\f", "\n").replace("\v", "\n")
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text)
