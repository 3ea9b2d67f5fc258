"""One family of errors for everything a user's input can cause.

The CLI prints `PantauError` as one line and exits non-zero; batch runs record it
against the document and go on. Any other exception is a bug in pantau.
"""


class PantauError(Exception):
    """Base class: a problem with the user's input or setup, with a clear message."""


class InputError(PantauError):
    """The input cannot be read as a document (empty, binary, too large, bad JSON...)."""


class NoContentError(InputError):
    """The input was read but holds no article text (e.g. an HTML page with no article)."""


class StoreError(PantauError):
    """The DuckDB store cannot be opened or written (locked, corrupt, wrong schema)."""


class ConfigError(PantauError):
    """A configuration file or option is invalid."""


class MissingDependencyError(PantauError):
    """An optional feature needs an extra that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs an optional dependency: pip install 'pantau[{extra}]'")
