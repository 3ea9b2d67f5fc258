"""Numeric amounts for GKG's V2.1Amounts: a number, what it counts, and where it is.

GDELT's Amounts field is "precise numeric amounts and the object they count"
("5000,soldiers,123"). pantau's contract has no amounts layer, so the exporter finds them
here with each language's number conventions and multiplier words (`lang/<code>/amounts.toml`).
Numbers inside date expressions (`dates` layer) and times of day are left out.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pantau.errors import ConfigError

_NUMBER = re.compile(r"(?<![\w.,:])\d[\d.,]*(?<=\d)(?![\w:])|(?<![\w.,:])\d(?![\w:.,])")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w-]*)")
_WORD_BEFORE = re.compile(r"(\S+)[ \t\u00a0]*$")


@dataclass(frozen=True)
class Amount:
    value: float
    object: str
    offset: int

    def gkg(self) -> str:
        number = int(self.value) if self.value.is_integer() else round(self.value, 6)
        return f"{number},{self.object},{self.offset}"


@dataclass(frozen=True)
class _Conventions:
    decimal: str
    thousands: str
    multipliers: dict[str, float]
    units_before: frozenset[str]
    skip_after: frozenset[str]
    skip_before: frozenset[str]


@cache
def _conventions(lang: str | None) -> _Conventions | None:
    file = resources.files("pantau.lang") / (lang or "_") / "amounts.toml"
    if not lang or not file.is_file():
        return None
    try:
        data: dict[str, Any] = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"lang/{lang}/amounts.toml: {exc}") from exc
    skip = data.get("skip", {})
    return _Conventions(
        decimal=data["decimal"],
        thousands=data["thousands"],
        multipliers={k.casefold(): float(v) for k, v in data.get("multipliers", {}).items()},
        units_before=frozenset(data.get("units_before", {}).get("words", [])),
        skip_after=frozenset(w.casefold() for w in skip.get("after", [])),
        skip_before=frozenset(w.casefold() for w in skip.get("before", [])),
    )


def _parse(number: str, c: _Conventions) -> float | None:
    """'1.500' and '2,5' in Indonesian, '1,500' and '2.5' in English; None when the
    separators do not fit the language (a time such as '10.30', a malformed number)."""
    whole, sep, fraction = number.rpartition(c.decimal)
    if not sep:
        whole, fraction = number, ""
    groups = whole.split(c.thousands)
    if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
        return None
    digits = "".join(groups)
    if not digits.isdigit() or (fraction and not fraction.isdigit()):
        return None
    return float(f"{digits}.{fraction}" if fraction else digits)


def _next_word(text: str, position: int) -> tuple[str, int] | None:
    """The word right after `position` (spaces between), and where it ends."""
    match = _NEXT_WORD.match(text, position)
    return (match.group(1), match.end()) if match else None


def find_amounts(
    text: str, lang: str | None, excluded: Sequence[tuple[int, int]] = ()
) -> list[Amount]:
    """Amounts in `text`, skipping numbers inside the `excluded` spans (date expressions)."""
    c = _conventions(lang)
    if c is None:
        return []
    found: list[Amount] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in excluded):
            continue
        value = _parse(match.group(), c)
        if value is None:
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        word_before = before.group(1) if before else ""
        if word_before.casefold() in c.skip_before:
            continue
        after = _next_word(text, end)
        if after and after[0].casefold() in c.multipliers:
            value *= c.multipliers[after[0].casefold()]
            after = _next_word(text, after[1])
        if word_before in c.units_before:
            counted = word_before
        elif after and after[0].casefold() not in c.skip_after and not after[0][0].isupper():
            # A capitalised word after a number starts a name or a sentence ("Nord
            # Stream 2 Rusia"), it is not what the number counts.
            counted = after[0]
        else:
            continue
        found.append(Amount(value, counted, start))
    return found
