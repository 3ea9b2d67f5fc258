"""pantau: news articles in, structured and evidence-linked data out.

from pantau import analyze
analysis = analyze(text, published="2022-01-09")
analysis.to_dict()
"""

from pantau.errors import PantauError
from pantau.model import SCHEMA_ID, Analysis
from pantau.pipeline import Pipeline, analyze

__version__ = "0.1.0"

__all__ = ["SCHEMA_ID", "Analysis", "PantauError", "Pipeline", "__version__", "analyze"]
