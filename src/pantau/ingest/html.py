"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pantau.errors import NoContentError

MIN_ARTICLE_WORDS = 10
"""Fewer words than this from a page is navigation or a stub, not an article."""

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body)", re.I | re.S)
_HTML_TAGS = re.compile(r"<(p|div|article|br|span|a|h[1-6])[\s>/]", re.I)


def looks_like_html(text: str) -> bool:
    """True for a document that is an HTML page rather than text mentioning a tag."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 5


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    published: str | None
    author: str | None
    url: str | None
    sitename: str | None


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    """The article body (paragraphs separated by newlines) and the page's metadata."""
    import trafilatura  # imported here: it takes a third of a second, and most runs are text

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    words = len((doc.text or "").split()) if doc is not None else 0
    if words < MIN_ARTICLE_WORDS:
        raise NoContentError(f"HTML page has no article text ({words} words found)")
    return HtmlExtract(
        text=doc.text,
        title=doc.title or None,
        published=doc.date or None,
        author=doc.author or None,
        url=doc.url or url,
        sitename=doc.sitename or None,
    )
