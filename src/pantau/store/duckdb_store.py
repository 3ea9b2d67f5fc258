"""The DuckDB store.

Writes go in batches, one transaction each: a document's old rows (matched by id, or by
source when the same file now hashes differently) are deleted and its new rows inserted
together, so a store never holds half a document or a duplicate, and a run killed at
any moment keeps every batch it had committed. One process writes at a time (DuckDB
locks the file); readers open it read-only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from pantau.errors import StoreError
from pantau.ingest.readers import ReadError
from pantau.model import Analysis
from pantau.store.rows import COLUMNS, LAYER_TABLES, layer_rows

STORE_SCHEMA = "2"
"""2: events carry compound-actor codes, PLOVER mode and context, and date_source."""
INSERT_CHUNK_ROWS = 500


@dataclass(frozen=True)
class StoredDocument:
    """What the caller knew about a document when it analysed it."""

    analysis: Analysis
    input_hash: str
    pipeline: str


@dataclass
class StoreSummary:
    path: str
    documents: int
    languages: dict[str, int]
    removed: dict[str, int]
    errors: int
    layers: dict[str, int] = field(default_factory=dict)
    first_published: str | None = None
    last_published: str | None = None


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path} (create one with `pantau run`)")
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(f"{self.path} is in use by another pantau process") from None
            raise StoreError(f"cannot open store {self.path}: {exc}") from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path} is not a pantau store: {exc}") from None
        if not read_only:
            self._create()
        self._check_schema()

    def _create(self) -> None:
        tables = {
            r[0] for r in self.db.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if tables and "store_info" not in tables:
            self.db.close()
            raise StoreError(f"{self.path} is a DuckDB file but not a pantau store")
        ddl = resources.files("pantau.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self.db.execute(ddl)
        if not self.db.execute("SELECT 1 FROM store_info WHERE key = 'schema'").fetchone():
            self.db.execute("INSERT INTO store_info VALUES ('schema', ?)", [STORE_SCHEMA])

    def _check_schema(self) -> None:
        try:
            row = self.db.execute("SELECT value FROM store_info WHERE key = 'schema'").fetchone()
        except duckdb.CatalogException:
            raise StoreError(f"{self.path} is a DuckDB file but not a pantau store") from None
        if row is None or row[0] != STORE_SCHEMA:
            found = row[0] if row else "none"
            raise StoreError(f"{self.path}: store schema {found}, this pantau reads {STORE_SCHEMA}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def write(self, documents: Sequence[StoredDocument], errors: Sequence[ReadError] = ()) -> None:
        """Replace these documents' rows and record these errors, in one transaction."""
        if not documents and not errors:
            return
        ids = [d.analysis.id for d in documents]
        sources = [d.analysis.source for d in documents if d.analysis.source]
        now = datetime.now(UTC).replace(tzinfo=None)
        try:
            self.db.execute("BEGIN TRANSACTION")
            stale = self._stale_ids(ids, sources)
            if stale:
                for table in LAYER_TABLES:
                    self._delete_in(table, "doc_id", stale)
                self._delete_in("documents", "id", stale)
            self._delete_in("errors", "source", sources + [_error_key(e) for e in errors])
            if documents:
                self._insert("documents", None, [_document_row(d, now) for d in documents])
                rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in LAYER_TABLES}
                for d in documents:
                    for table, table_rows in layer_rows(d.analysis).items():
                        rows[table].extend(table_rows)
                for table, table_rows in rows.items():
                    self._insert(table, COLUMNS[table], table_rows)
            if errors:
                rows = [(_error_key(e), e.path, e.line, e.reason, now) for e in errors]
                self._insert("errors", None, rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _insert(
        self, table: str, columns: tuple[str, ...] | None, rows: list[tuple[Any, ...]]
    ) -> None:
        """Many rows per statement: DuckDB runs `executemany` one row at a time, which
        made the store writes cost more than the analysis (measured: 14 ms a document)."""
        if not rows:
            return
        width = len(rows[0])
        names = f" ({', '.join(columns)})" if columns else ""
        for first in range(0, len(rows), INSERT_CHUNK_ROWS):
            chunk = rows[first : first + INSERT_CHUNK_ROWS]
            marks = ", ".join(["(" + ", ".join(["?"] * width) + ")"] * len(chunk))
            params = [value for row in chunk for value in row]
            self.db.execute(f"INSERT INTO {table}{names} VALUES {marks}", params)

    def _stale_ids(self, ids: list[str], sources: list[str]) -> list[str]:
        found = set(ids)
        if sources:
            rows = self.db.execute(
                "SELECT DISTINCT id FROM documents WHERE list_contains(?, source)", [sources]
            ).fetchall()
            found.update(r[0] for r in rows)
        return sorted(found)

    def _delete_in(self, table: str, column: str, values: list[str]) -> None:
        if values:
            self.db.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [values])

    # -- reading -----------------------------------------------------------------------

    def current_inputs(self) -> dict[str, tuple[str, str]]:
        """id -> (input_hash, pipeline) of every stored document (to skip what is done)."""
        rows = self.db.execute("SELECT id, input_hash, pipeline FROM documents").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def analysis(self, doc_id: str) -> Analysis | None:
        row = self.db.execute("SELECT analysis FROM documents WHERE id = ?", [doc_id]).fetchone()
        return Analysis.from_dict(json.loads(row[0])) if row else None

    def analyses(self) -> Iterable[Analysis]:
        for (data,) in self.db.execute("SELECT analysis FROM documents ORDER BY id").fetchall():
            yield Analysis.from_dict(json.loads(data))

    def count(self, table: str) -> int:
        if table not in LAYER_TABLES + ("documents", "errors"):
            raise ValueError(f"no table {table!r}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def errors(self) -> list[tuple[str, int | None, str]]:
        return self.db.execute(
            "SELECT path, line, reason FROM errors ORDER BY path, line"
        ).fetchall()

    def summary(self) -> StoreSummary:
        q = self.db.execute
        languages = dict(
            q(
                "SELECT coalesce(language, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        )
        removed = dict(
            q("SELECT reason, count(*) FROM removed GROUP BY 1 ORDER BY 2 DESC").fetchall()
        )
        first, last = q("SELECT min(published), max(published) FROM documents").fetchone()
        return StoreSummary(
            path=self.path,
            documents=self.count("documents"),
            languages=languages,
            removed=removed,
            errors=self.count("errors"),
            layers={t: self.count(t) for t in ("entities", "quotes", "places", "dates", "events")},
            first_published=first,
            last_published=last,
        )


def _error_key(error: ReadError) -> str:
    return f"{error.path}:{error.line}" if error.line is not None else error.path


def _document_row(d: StoredDocument, now: datetime) -> tuple[Any, ...]:
    a = d.analysis
    return (
        a.id,
        a.source,
        d.input_hash,
        d.pipeline,
        a.language,
        a.title,
        a.published,
        a.url,
        a.section,
        a.author,
        a.text,
        len(a.sentences),
        len(a.removed),
        a.tone.score if a.tone else None,
        a.warnings,
        a.to_json(),
        now,
    )
