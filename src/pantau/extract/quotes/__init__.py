"""Quotes: who said what, with the speaker linked to the entities layer."""

from pantau.extract.quotes.extractor import QuoteExtractor

__all__ = ["QuoteExtractor"]
