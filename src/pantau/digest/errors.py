"""Errors of the daily digest: part of the `PantauError` family, so the CLI prints them
as one line and exits 1."""

from pantau.errors import PantauError


class DigestError(PantauError):
    """A digest cannot be made: a bad date, missing strings, an unwritable folder."""


class MailError(DigestError):
    """The digest was written but could not be sent (server unreachable, refused, bad
    credentials)."""
