"""The daily digest (`pantau digest`): one day of the store as an HTML page, an Atom
feed entry and, on request, an email.

`build` queries the store into a typed `Digest`, `render` turns it into HTML and plain
text in the language of `--lang`, `atom` keeps the feed, `mail` sends it, `commands`
is the CLI glue. Nothing heavy is imported here, so `pantau --help` stays quick.
"""

from pantau.digest.errors import DigestError, MailError

__all__ = ["DigestError", "MailError"]
