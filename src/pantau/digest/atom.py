"""The Atom 1.0 feed of daily digests (`DIR/digest.xml`, RFC 4287).

One entry per day, with an id that depends only on the day
(`urn:pantau:digest:YYYY-MM-DD`), so feed readers see a regenerated day as an update of
the same entry, never as a new one. The feed keeps the most recent `KEEP` days (by the
day, not by when they were written, so backfilling an old day cannot push out a recent
one). The file is written to a temporary name and renamed, so a reader never sees half
a feed.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from pantau import __version__
from pantau.digest.errors import DigestError

NS = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:pantau:digest"
ENTRY_PREFIX = FEED_ID + ":"
KEEP = 30
FILENAME = "digest.xml"


def _unqualify(element: ET.Element) -> ET.Element:
    """Tags are written unqualified under a default `xmlns` on the root (ElementTree's
    `default_namespace` refuses unqualified attributes, and `register_namespace` would
    change a process-wide table), so entries read back lose their namespace here."""
    for node in element.iter():
        if node.tag.startswith(f"{{{NS}}}"):
            node.tag = node.tag[len(NS) + 2 :]
    return element


def entry_id(day: date) -> str:
    return ENTRY_PREFIX + day.isoformat()


def atom_time(moment: datetime) -> str:
    """RFC 3339 in UTC, as Atom wants it: "2025-03-11T06:00:00Z" (a naive time is UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class FeedEntry:
    day: date
    title: str
    updated: datetime
    link: str
    summary: str
    content_html: str


def update_feed(
    path: Path, entry: FeedEntry, feed_title: str, keep: int = KEEP, self_link: str | None = None
) -> int:
    """Put `entry` into the feed at `path` (created when missing), replacing the entry of
    the same day; returns how many entries the feed now holds."""
    entries = {entry_id(entry.day): _entry_element(entry)}
    for old in _existing_entries(path):
        ident = old.findtext("id", "")
        if ident.startswith(ENTRY_PREFIX) and ident not in entries:
            entries[ident] = old
    kept = [entries[k] for k in sorted(entries, reverse=True)[:keep]]
    feed = ET.Element("feed", {"xmlns": NS})
    ET.SubElement(feed, "id").text = FEED_ID
    ET.SubElement(feed, "title").text = feed_title
    updated = max(e.findtext("updated", "") for e in kept)
    ET.SubElement(feed, "updated").text = updated
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = "pantau"
    ET.SubElement(feed, "generator", {"version": __version__}).text = "pantau"
    if self_link:
        ET.SubElement(feed, "link", {"rel": "self", "href": self_link})
    feed.extend(kept)
    ET.indent(feed)
    data = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    try:
        _write_atomic(path, data)
    except OSError as exc:
        raise DigestError(f"cannot write {path}: {exc.strerror or exc}") from None
    return len(kept)


def _entry_element(entry: FeedEntry) -> ET.Element:
    element = ET.Element("entry")
    ET.SubElement(element, "id").text = entry_id(entry.day)
    ET.SubElement(element, "title").text = entry.title
    ET.SubElement(element, "updated").text = atom_time(entry.updated)
    link = {"rel": "alternate", "type": "text/html", "href": entry.link}
    ET.SubElement(element, "link", link)
    ET.SubElement(element, "summary", {"type": "text"}).text = entry.summary
    ET.SubElement(element, "content", {"type": "html"}).text = entry.content_html
    return element


def _existing_entries(path: Path) -> list[ET.Element]:
    if not path.exists():
        return []
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise DigestError(
            f"{path} is not a feed pantau can update ({exc}); move it away to start a new one"
        ) from None
    if root.tag != f"{{{NS}}}feed":
        raise DigestError(f"{path} is not an Atom feed; move it away to start a new one")
    return [_unqualify(e) for e in root.findall(f"{{{NS}}}entry")]


def _write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target and rename over it: readers see the old or the new file.
    (`open` rather than `mkstemp`, so the file gets the usual umask permissions and a
    web server can publish it.)"""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """`text` as UTF-8 at `path`, atomically (the HTML digest uses it too)."""
    try:
        _write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise DigestError(f"cannot write {path}: {exc.strerror or exc}") from None
