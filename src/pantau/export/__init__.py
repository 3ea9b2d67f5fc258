"""Getting data out of a store: GDELT 2.0 Events, Mentions and GKG 2.1, PLOVER JSONL,
JSONL of the analysis contract, and Parquet tables (`pantau export`).

Every writer reads the store through `source.stored_documents` (the contract JSON of each
document, in store order, filtered by date) and streams its output, so an export
of any size needs the memory of one chunk of documents, not of the whole store.
"""

from pantau.export.writers import FORMATS, ExportReport, export

__all__ = ["FORMATS", "ExportReport", "export"]
