"""Documents of a store as the exporters read them: the contract JSON plus what only the
store knows (when the document was stored)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pantau.store import Store

FETCH_ROWS = 500


@dataclass(frozen=True)
class StoredAnalysis:
    analysis: dict[str, Any]
    """The analysis contract, as `pantau analyze` prints it."""
    stored_at: datetime


@dataclass(frozen=True)
class DateRange:
    """Inclusive bounds on a day; either may be open."""

    start: date | None = None
    end: date | None = None

    def __contains__(self, day: date | None) -> bool:
        """An open range holds everything, undated things included; a bounded one holds
        only days within its bounds."""
        if self.start is None and self.end is None:
            return True
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def day_of(value: str | None) -> date | None:
    """The day of an ISO date or date-time ("2022-01-10", "2022-01-10T08:00:00+07:00");
    None for a month, a year, or anything else."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def stored_documents(store: Store, published: DateRange | None = None) -> Iterator[StoredAnalysis]:
    """Every document, in the order the store holds them (the order they were stored).

    `published` filters on the publication day; the date filter of event exports is on
    the event's own date and is applied by the writer, so it is not passed here.
    The rows are streamed unordered on purpose: ordering the analyses made DuckDB hold
    the whole store in memory (measured: 870 MB for a 200 MB store), and reading them in
    ordered chunks by id made the export five times slower.
    """
    cursor = store.db.cursor()
    try:
        cursor.execute("SELECT analysis, stored_at, published FROM documents")
        while rows := cursor.fetchmany(FETCH_ROWS):
            for analysis, stored_at, day in rows:
                if published is None or day_of(day) in published:
                    yield StoredAnalysis(json.loads(analysis), stored_at)
    finally:
        cursor.close()
