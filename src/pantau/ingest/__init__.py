"""Ingest: turn files, folders, JSONL and stdin into `RawDocument`s."""

from pantau.ingest.document import RawDocument
from pantau.ingest.readers import ReadError, iter_documents, read_path

__all__ = ["RawDocument", "ReadError", "iter_documents", "read_path"]
