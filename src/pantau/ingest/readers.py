"""Readers: paths (files, folders, JSONL) and stdin to raw documents.

A reader never raises for one bad document: it yields a `ReadError` in its place, so a
batch run can record it and go on with the rest.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pantau.errors import InputError
from pantau.ingest.decode import decode_bytes
from pantau.ingest.document import RawDocument
from pantau.ingest.html import looks_like_html
from pantau.ingest.published import infer_order, normalize_published

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class ReadError:
    """A document that could not be read, in place of the document."""

    path: str
    line: int | None
    reason: str


def iter_documents(
    paths: Iterable[str | Path], max_bytes: int, date_order: str | None = None
) -> Iterator[RawDocument | ReadError]:
    """Every document under `paths`, in a stable order; "-" reads stdin."""
    for path in paths:
        if str(path) == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", max_bytes, date_order)
            continue
        path = Path(path)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                hidden = any(part.startswith(".") for part in file.relative_to(path).parts)
                if not hidden and file.suffix.lower() in DOCUMENT_SUFFIXES:
                    yield from read_path(file, max_bytes, date_order)
        elif path.exists():
            yield from read_path(path, max_bytes, date_order)
        else:
            yield ReadError(str(path), None, "no such file or folder")


def read_path(
    path: Path, max_bytes: int, date_order: str | None = None
) -> Iterator[RawDocument | ReadError]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes, date_order)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size:,} bytes is over the limit of {max_bytes:,}")
        text, warnings = decode_bytes(path.read_bytes(), str(path))
    except InputError as exc:
        yield ReadError(str(path), None, str(exc))
        return
    except OSError as exc:
        yield ReadError(str(path), None, f"cannot read: {exc.strerror or exc}")
        return
    is_html = suffix in HTML_SUFFIXES or looks_like_html(text)
    yield RawDocument(
        text=text, format="html" if is_html else "text", path=str(path), warnings=warnings
    )


def _read_stream(
    stream: BinaryIO, name: str, max_bytes: int, date_order: str | None
) -> Iterator[RawDocument | ReadError]:
    data = stream.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise InputError(f"{name}: input is over the limit of {max_bytes:,} bytes")
        text, warnings = decode_bytes(data, name)
    except InputError as exc:
        yield ReadError(name, None, str(exc))
        return
    fmt = "html" if looks_like_html(text) else "text"
    yield RawDocument(text=text, format=fmt, path=name, warnings=warnings)


def read_jsonl(
    path: Path, max_bytes: int, date_order: str | None = None
) -> Iterator[RawDocument | ReadError]:
    """One document per line: `text` (or `html`), optional id, title, url, published."""
    if date_order is None:
        date_order = _infer_jsonl_date_order(path) or "DMY"
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                document = _parse_jsonl_line(raw, max_bytes, date_order)
                document.path, document.line = str(path), number
                yield document
            except InputError as exc:
                yield ReadError(str(path), number, str(exc))


def _parse_jsonl_line(raw: bytes, max_bytes: int, date_order: str) -> RawDocument:
    if len(raw) > max_bytes:
        raise InputError(f"line of {len(raw):,} bytes is over the limit of {max_bytes:,}")
    warnings: list[str] = []
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        line = raw.decode("utf-8", errors="replace")
        warnings.append("invalid UTF-8 bytes replaced")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError("a JSONL line must be an object with a 'text' field")
    html = record.get("html")
    text = record.get("text") if html is None else html
    if not isinstance(text, str) or not text.strip():
        raise InputError("no 'text' (or 'html') field with content")
    published = record.get("published", record.get("date"))
    try:
        published = normalize_published(published, date_order)
    except ValueError as exc:
        warnings.append(f"published ignored: {exc}")
        published = None
    doc_id = record.get("id")
    return RawDocument(
        text=text,
        format="html" if html is not None else "text",
        id=str(doc_id) if doc_id not in (None, "") else None,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        published=published,
        warnings=warnings,
    )


def _optional_str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _infer_jsonl_date_order(path: Path, sample: int = 2000) -> str | None:
    """Settle an ambiguous day/month order from the file's own unambiguous dates."""
    values = []
    with path.open("rb") as handle:
        for _, raw in zip(range(sample), handle, strict=False):
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(record, dict):
                value = record.get("published", record.get("date"))
                if isinstance(value, str):
                    values.append(value)
    return infer_order(values)
