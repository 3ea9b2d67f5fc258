"""Scale: run the same per-document function over many documents, locally or on Ray."""
