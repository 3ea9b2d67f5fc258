"""pantau: news articles in, structured and evidence-linked data out.

from pantau import analyze
analysis = analyze(text, published="2022-01-09")
analysis.to_dict()
"""

from typing import TYPE_CHECKING, Any

from pantau.errors import PantauError

__version__ = "0.1.0"

__all__ = ["SCHEMA_ID", "Analysis", "PantauError", "Pipeline", "__version__", "analyze"]

if TYPE_CHECKING:
    from pantau.model import SCHEMA_ID, Analysis
    from pantau.pipeline import Pipeline, analyze


def __getattr__(name: str) -> Any:
    """Load the pipeline on first use, so `pantau --version` and light imports stay fast."""
    if name in ("Pipeline", "analyze"):
        from pantau import pipeline

        return getattr(pipeline, name)
    if name in ("SCHEMA_ID", "Analysis"):
        from pantau import model

        return getattr(model, name)
    raise AttributeError(f"module 'pantau' has no attribute {name!r}")
