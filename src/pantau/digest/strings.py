"""The digest's interface strings, read from `lang/<code>/digest.toml`.

The words live in the language packs, not in code, so a newsroom can translate or reword
the digest without touching Python. English is the reference: a key another language
leaves out falls back to it, so a half-translated pack still renders every line.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from pantau.digest.errors import DigestError

REFERENCE = "en"
FILE = "digest.toml"


def available() -> list[str]:
    """Languages with digest strings."""
    root = resources.files("pantau.lang")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / FILE).is_file())


def _read(code: str) -> dict[str, Any]:
    file = resources.files("pantau.lang") / code / FILE
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DigestError(f"lang/{code}/{FILE}: {exc}") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True)
class Strings:
    """One language's digest strings, with small helpers for plurals and dates."""

    lang: str
    data: dict[str, Any]

    def get(self, path: str, **values: object) -> str:
        """The string at a dotted path ("sections.events"), filled with `values`."""
        return _fill(self._lookup(path), values)

    def plural(self, path: str, n: int, **values: object) -> str:
        """A counted phrase: a ["one", "other"] pair picks by `n`, a plain string is used
        for every count (Indonesian has no grammatical plural)."""
        value = self._lookup(path)
        if isinstance(value, list):
            value = value[0] if n == 1 else value[-1]
        return _fill(value, {"n": n, **values})

    def table(self, name: str) -> dict[str, str]:
        value = self._lookup(name)
        return value if isinstance(value, dict) else {}

    def day(self, day: date) -> str:
        """The day in words: "Tuesday 11 March 2025", "Selasa, 11 Maret 2025"."""
        return self.get(
            "date_format",
            weekday=self.data["weekdays"][day.weekday()],
            day=day.day,
            month=self.data["months"][day.month - 1],
            year=day.year,
        )

    def _lookup(self, path: str) -> Any:
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                where = f"lang/{self.lang}/{FILE} and lang/{REFERENCE}/{FILE}"
                raise DigestError(f"{where} lack {path!r}")
            node = node[part]
        return node


def _fill(template: object, values: dict[str, object]) -> str:
    text = str(template)
    try:
        return text.format_map(values) if values else text
    except (KeyError, IndexError, ValueError) as exc:
        raise DigestError(f"digest string {text!r}: bad placeholder ({exc})") from None


@cache
def load_strings(lang: str) -> Strings:
    """The strings of `lang`, over the English reference; a clear error for a language
    without a digest.toml."""
    have = available()
    if lang not in have:
        raise DigestError(f"--lang: no digest strings for {lang!r} (have: {', '.join(have)})")
    data = _read(REFERENCE)
    if lang != REFERENCE:
        data = _merge(data, _read(lang))
    return Strings(lang, data)
