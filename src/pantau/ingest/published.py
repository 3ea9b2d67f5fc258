"""Publication dates from metadata, normalised to "YYYY-MM-DD" or an ISO datetime.

Feeds write dates in many shapes. ISO forms pass through; day/month/year with slashes,
dots or dashes are read in the given order ("DMY", the Indonesian and international
convention, or "MDY" for US exports) unless a field above 12 settles it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_NUMERIC = re.compile(
    r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$"
)


def infer_order(values: list[str]) -> str | None:
    """ "DMY" or "MDY" when some value settles it (a first or second field above 12)."""
    for value in values:
        match = _NUMERIC.match(value or "")
        if match:
            first, second = int(match[1]), int(match[2])
            if first > 12 >= second:
                return "DMY"
            if second > 12 >= first:
                return "MDY"
    return None


def normalize_published(value: str | None, order: str = "DMY") -> str | None:
    """The date in contract form; raises ValueError when it is not a date."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed.isoformat()
    except ValueError:
        pass
    match = _NUMERIC.match(value)
    if not match:
        raise ValueError(f"not a recognised date: {value!r}")
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if first > 12:
        order = "DMY"
    elif second > 12:
        order = "MDY"
    month, day = (first, second) if order == "MDY" else (second, first)
    if match[4] is None:
        return date(year, month, day).isoformat()
    return datetime(year, month, day, int(match[4]), int(match[5]), int(match[6] or 0)).isoformat()
