"""Date expressions normalised against the publication date (DESIGN.md section 3)."""

from pantau.extract.dates.finder import DateFinder, find_dates, parse_published
from pantau.extract.dates.lexicon import DateLexicon, load_lexicon

__all__ = ["DateFinder", "DateLexicon", "find_dates", "load_lexicon", "parse_published"]
