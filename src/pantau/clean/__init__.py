"""Clean: main text out of a page, boilerplate and spam removed, language identified."""

from pantau.clean.cleaner import Cleaner, CleanResult, split_paragraphs
from pantau.clean.language import LanguageIdentifier
from pantau.clean.normalize import normalize_text
from pantau.clean.rules import CleaningRules

__all__ = [
    "CleanResult",
    "Cleaner",
    "CleaningRules",
    "LanguageIdentifier",
    "normalize_text",
    "split_paragraphs",
]
