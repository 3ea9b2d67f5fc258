"""Store: analyses in an embedded DuckDB file."""

from pantau.store.duckdb_store import Store, StoreSummary

__all__ = ["Store", "StoreSummary"]
