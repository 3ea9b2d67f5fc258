"""`pantau run`: read inputs, skip what the store already has, analyse the rest, store.

Documents whose id, input hash and pipeline version are already stored are skipped, so
re-running after a crash finishes the rest; changed documents are replaced. Unreadable
or unusable documents are recorded in the store's errors table and skipped.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pantau.config import Settings
from pantau.ingest import RawDocument, ReadError, iter_documents
from pantau.ingest.readers import DOCUMENT_SUFFIXES, JSONL_SUFFIXES
from pantau.pipeline import settings_version
from pantau.scale.pool import analyze_documents
from pantau.store import Store
from pantau.store.duckdb_store import StoredDocument


@dataclass
class RunReport:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    timings: Counter[str] = field(default_factory=Counter)
    errors: list[ReadError] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)

    @property
    def processed(self) -> int:
        return self.stored + self.skipped + self.failed


Progress = Callable[[RunReport], None]


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents `paths` hold (for a progress bar); None when unknown (stdin)."""
    total = 0
    for path in map(Path, paths):
        if str(path) == "-":
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if path.is_dir() and suffix not in DOCUMENT_SUFFIXES:
                continue
            if suffix in JSONL_SUFFIXES and file.exists():
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


class _BatchWriter:
    """Collects results and writes them to the store every `size` documents or errors,
    one transaction per batch."""

    def __init__(
        self, store: Store, size: int, report: RunReport, progress: Progress | None
    ) -> None:
        self.store, self.size, self.report, self.progress = store, size, report, progress
        self.documents: dict[str, StoredDocument] = {}
        self.errors: list[ReadError] = []

    def add(self, document: StoredDocument) -> None:
        self.documents[document.analysis.id] = document  # the same id twice: the last wins
        self._maybe_flush()

    def add_error(self, error: ReadError) -> None:
        self.errors.append(error)
        self.report.errors.append(error)
        self.report.failed += 1
        self._maybe_flush()

    def _maybe_flush(self) -> None:
        if len(self.documents) + len(self.errors) >= self.size:
            self.flush()

    def flush(self) -> None:
        self.store.write(list(self.documents.values()), self.errors)
        self.documents, self.errors = {}, []
        if self.progress:
            self.progress(self.report)


def run(
    paths: list[str],
    store: Store,
    settings: Settings,
    workers: int = 1,
    force: bool = False,
    progress: Progress | None = None,
    date_order: str | None = None,
) -> RunReport:
    report = RunReport()
    started = time.perf_counter()
    done = {} if force else store.current_inputs()

    version = settings_version(settings)

    def pending() -> Iterator[RawDocument]:
        for item in iter_documents(paths, settings.max_bytes, date_order):
            if isinstance(item, ReadError):
                writer.add_error(item)
                continue
            if done.get(item.document_id) == (item.input_hash, version):
                report.skipped += 1
                continue
            yield item

    writer = _BatchWriter(store, settings.batch_size, report, progress)
    for outcome in analyze_documents(pending(), settings, workers):
        report.timings.update(outcome.timings)
        document = outcome.document
        if outcome.analysis is None:
            writer.add_error(ReadError(document.path or "?", document.line, outcome.error or "?"))
        else:
            analysis = outcome.analysis
            writer.add(StoredDocument(analysis, document.input_hash, version))
            report.stored += 1
            report.languages[analysis.language or "?"] += 1
            report.removed.update(r.reason for r in analysis.removed)
    writer.flush()
    report.seconds = time.perf_counter() - started
    return report
