"""API tokens for the write endpoints, kept in a side file next to the store.

Why a side file and not a table of the store: DuckDB lets one process open a file for
writing, and that process is `pantau serve` while it runs. Tokens in the store could
then only be created or revoked with the server stopped; in `<store>.tokens` they can
be managed at any time, and the server sees a change on the next request (it re-reads
the file when it was replaced or changed).

Only a SHA-256 digest of each token is stored. A token is 32 random bytes, so a fast
hash is enough (a slow password hash protects guessable secrets, which these are not);
the token itself is printed once by `pantau token create` and never again.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from pantau.errors import ConfigError

TOKEN_PREFIX = "pantau_"


@dataclass(frozen=True)
class TokenRecord:
    """What is kept about a token: never the token, only its digest."""

    id: str
    name: str
    digest: str
    created: str


def tokens_path(db_path: str | Path) -> Path:
    """The default token file of a store: `news.duckdb` -> `news.duckdb.tokens`."""
    return Path(f"{db_path}.tokens")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class TokenFile:
    """Create, list, revoke and check tokens in one JSON file (written atomically)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._seen: tuple[int, int, int] | None = None
        self._digests: dict[str, TokenRecord] = {}

    def records(self) -> list[TokenRecord]:
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [TokenRecord(**item) for item in data["tokens"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{self.path}: not a pantau token file ({exc})") from None

    def _save(self, records: list[TokenRecord]) -> None:
        """Write to a temporary file and rename it over the old one, so a reader never
        sees half a file; the file is readable by its owner only."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"tokens": [asdict(r) for r in records]}, indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data + "\n")
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def create(self, name: str | None = None) -> tuple[str, TokenRecord]:
        """A new token and its record; the token is returned here and nowhere else."""
        with self._lock:
            records = self.records()
            token_id = secrets.token_hex(4)
            while any(r.id == token_id for r in records):
                token_id = secrets.token_hex(4)
            token = f"{TOKEN_PREFIX}{token_id}_{secrets.token_urlsafe(32)}"
            record = TokenRecord(
                id=token_id,
                name=name or f"token-{token_id}",
                digest=_digest(token),
                created=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            self._save([*records, record])
            return token, record

    def revoke(self, id_or_name: str) -> list[TokenRecord]:
        """Remove the tokens with this id or name; returns what was removed."""
        with self._lock:
            records = self.records()
            gone = [r for r in records if id_or_name in (r.id, r.name)]
            if gone:
                self._save([r for r in records if r not in gone])
            return gone

    def check(self, token: str | None) -> TokenRecord | None:
        """The record of a valid token, else None. Re-reads the file only when it
        changed, so revoking takes effect on the next request without a restart."""
        if not token:
            return None
        with self._lock:
            try:
                stat = self.path.stat()
                seen: tuple[int, int, int] | None = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            except FileNotFoundError:
                seen = None
            if seen != self._seen:
                records = self.records() if seen else []
                self._digests = {r.digest: r for r in records}
                self._seen = seen
            digests = self._digests
        wanted = _digest(token)
        for digest, record in digests.items():
            if hmac.compare_digest(digest, wanted):
                return record
        return None
