"""What the date finder knows about one language, read from `lang/<code>/dates.toml`.

The code in this package is language-neutral: weekday and month names, relative words,
tense cues, duration markers and number words all come from the language pack. A
language without a `dates.toml` has no date finder (its documents get no dates).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pantau.errors import ConfigError

UNITS = ("day", "week", "month", "year")


def _alternation(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of `words`, longest first, with spaces matching any blank."""
    items = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) or "(?!)"


@dataclass(frozen=True)
class DateLexicon:
    code: str
    dateparser_languages: tuple[str, ...]
    numeric_order: str
    modifier_position: str
    capitalized_names: bool
    name_prefixes: frozenset[str]
    year_prefixes: frozenset[str]
    weekdays: dict[str, int]
    months: dict[str, int]
    units: dict[str, str]
    number_words: dict[str, int]
    count_prefixes: dict[str, int]
    deictic: dict[str, int]
    modifiers: dict[str, int]
    counted_past: frozenset[str]
    counted_future: frozenset[str]
    cue_window: int
    future_cues: tuple[tuple[str, ...], ...]
    past_cues: tuple[tuple[str, ...], ...]
    past_suffixes: tuple[str, ...]
    durations: tuple[tuple[str, ...], ...]
    not_year_after: frozenset[str]
    not_year_before: frozenset[str]
    list_connectors: frozenset[str]
    list_fillers: frozenset[str]

    @classmethod
    def from_dict(cls, code: str, data: dict[str, Any]) -> DateLexicon:
        def low(table: str) -> dict[str, Any]:
            return {str(k).lower(): v for k, v in data.get(table, {}).items()}

        def phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
            return tuple(tuple(w.lower().split()) for w in words if w.strip())

        cues = data.get("cues", {})
        filters = data.get("filters", {})
        units = low("units")
        bad = sorted(u for u in units.values() if u not in UNITS)
        if bad:
            raise ConfigError(f"lang/{code}/dates.toml: unknown unit(s) {bad} (use {UNITS})")
        order = str(data.get("numeric_order", "DMY")).upper()
        if order not in ("DMY", "MDY", "YMD"):
            raise ConfigError(f"lang/{code}/dates.toml: numeric_order {order!r}")
        return cls(
            code=code,
            dateparser_languages=tuple(data.get("dateparser_languages", [code])),
            numeric_order=order,
            modifier_position=str(data.get("modifier_position", "after")),
            capitalized_names=bool(data.get("capitalized_names", True)),
            name_prefixes=frozenset(w.lower() for w in data.get("name_prefixes", [])),
            year_prefixes=frozenset(w.lower() for w in data.get("year_prefixes", [])),
            weekdays=low("weekdays"),
            months=low("months"),
            units=units,
            number_words=low("number_words"),
            count_prefixes=low("count_prefixes"),
            deictic=low("deictic"),
            modifiers=low("modifiers"),
            counted_past=frozenset(w.lower() for w in data.get("counted", {}).get("past", [])),
            counted_future=frozenset(
                w.lower() for w in data.get("counted", {}).get("future", [])
            ),
            cue_window=int(cues.get("window", 10)),
            future_cues=phrases(cues.get("future", [])),
            past_cues=phrases(cues.get("past", [])),
            past_suffixes=tuple(cues.get("past_suffixes", [])),
            durations=phrases(filters.get("durations", [])),
            not_year_after=frozenset(w.lower() for w in filters.get("not_year_after", [])),
            not_year_before=frozenset(w.lower() for w in filters.get("not_year_before", [])),
            list_connectors=frozenset(w.lower() for w in filters.get("list_connectors", [])),
            list_fillers=frozenset(w.lower() for w in filters.get("list_fillers", [])),
        )

    def bare_names(self, table: dict[str, int]) -> frozenset[str]:
        """Names that may stand alone: full names, not abbreviations ("Jan", "Sun").

        A name stands alone when it has at least four letters or is the only name of its
        day or month ("Mei")."""
        count: dict[int, int] = {}
        for number in table.values():
            count[number] = count.get(number, 0) + 1
        return frozenset(n for n, v in table.items() if len(n) >= 4 or count[v] == 1)


@cache
def load_lexicon(code: str) -> DateLexicon | None:
    """The date words of language `code`, or None when its pack has no dates.toml."""
    folder = resources.files("pantau.lang") / code
    file = folder / "dates.toml"
    if not file.is_file():
        return None
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"lang/{code}/dates.toml: {exc}") from exc
    return DateLexicon.from_dict(code, data)
