"""The raw document: decoded input text plus the metadata its source gave."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal


@dataclass
class RawDocument:
    text: str
    format: Literal["text", "html"] = "text"
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    path: str | None = None
    """The file it came from, or `<stdin>`."""
    line: int | None = None
    """Its line in a JSONL file."""
    warnings: list[str] = field(default_factory=list)

    @property
    def source(self) -> str | None:
        """Where it came from: a path, `path:line` for JSONL, or `<stdin>`."""
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    @property
    def input_hash(self) -> str:
        """Hash of the input as given: decides whether a stored analysis is still current."""
        digest = hashlib.sha1(self.format.encode())
        for part in (self.text, self.title or "", self.published or "", self.url or ""):
            digest.update(b"\x00" + part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    @property
    def document_id(self) -> str:
        """The id the input gives, else a stable hash of its content."""
        return self.id if self.id else "doc-" + self.input_hash[:16]
