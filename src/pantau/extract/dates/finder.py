"""Find date expressions and normalise them against the publication date.

`DateFinder` is a pipeline stage: ``finder(analysis)`` fills ``analysis.dates`` from
``analysis.text``, its sentences and ``analysis.published``. It wraps dateparser rather
than replacing it: pantau's own rules (language data in ``lang/<code>/dates.toml``) find
the expressions, including the ones dateparser misses ("pada hari Minggu", "Senin
depan", "pekan lalu"), decide from the sentence's tense cues which way a bare weekday or
month points, and resolve relative expressions by calendar arithmetic; dateparser parses
the absolute ones ("20/10/2025", "22 Oktober 2025", "February 14, 2024") and rejects
impossible dates ("31/02/2025").

Values and granularities (DESIGN.md section 3, ``dates``):

- ``day``: ``"2022-01-10"``; ``month``: ``"2021-06"``; ``year``: ``"2014"``;
- ``week``: the Monday (ISO week start) of the week meant, ``"2025-10-13"`` for "pekan
  lalu" / "last week" published on 2025-10-20.

Times of day ("pukul 14.00 WIB") are not dates and are not reported. ``relative`` is true
when the value needed the publication date (weekdays, "kemarin", "Juni", "30 September"
without a year, "(20/10)"), false when the text gives it whole ("20/10/2025", "2014").

Without a publication date, or with one more than a day after today (an unreliable
date), relative expressions cannot be resolved and are left out; absolute ones are still
reported, and a future date adds a warning to ``analysis.warnings``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from pantau.errors import PantauError
from pantau.extract.dates.lexicon import DateLexicon, _alternation, load_lexicon
from pantau.model import Analysis, DateExpression

__all__ = ["DateFinder", "find_dates", "parse_published"]

_WORD = re.compile(r"\w+(?:['’]\w+)?|[%$]")


def parse_published(value: str | None) -> date | None:
    """The date part of a contract `published` value, or None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@dataclass
class _Candidate:
    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    value: str | None = None
    granularity: str = "day"
    relative: bool = False
    day: date | None = None  # the resolved day, for day-granularity values
    month: tuple[int, int] | None = None  # (year, month) of a resolved month
    explicit_year: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def _dateparser() -> Callable[..., datetime | None]:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        raise PantauError(
            "date normalisation needs dateparser: pip install 'dateparser>=1.2,<2'"
        ) from None
    return dateparser.parse


class _Patterns:
    """The regular expressions of one language, built from its lexicon."""

    def __init__(self, lex: DateLexicon) -> None:
        self.lex = lex
        wd = _alternation(lex.weekdays)
        mon = _alternation(lex.months)
        unit = _alternation(lex.units)
        mod = _alternation(lex.modifiers)
        num = _alternation(lex.number_words)
        counted = _alternation(lex.counted_past | lex.counted_future)
        deictic = _alternation(lex.deictic)
        prefix = _alternation(lex.name_prefixes)
        yprefix = _alternation(lex.year_prefixes)
        year_units = [w for w, u in lex.units.items() if u == "year"]
        yunit = _alternation(year_units)
        fused = _alternation(lex.count_prefixes)
        b, e = r"(?<![\w])", r"(?![\w])"
        pre = rf"(?:(?P<prefix>{prefix})\s+)?"
        year = r"(?P<year>(?:1[89]|20)\d\d)(?![\d])"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"
        months = rf"(?P<mon>{mon})"
        dotted = rf"(?P<mon>{mon})\.?"  # "Okt. 2025", "Oct. 15"
        after = lex.modifier_position == "after"
        specs: list[tuple[str, str]] = [
            # "(20/10/2025)", "(20/10)": numeric day/month in brackets, year optional
            ("numeric", r"\(\s*(?P<num>\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)\s*\)"),
            ("numeric", rf"{b}(?P<num>\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}-\d{{1,2}}-\d{{4}}){e}"),
            # "22 Oktober 2025", "30 September lalu", "1 July"
            ("daymonth", rf"{b}{pre}{day}\s+{dotted}{e}(?:,?\s+{year}"
             + (rf"|\s+(?P<mod>{mod}){e})?" if after else ")?")),
            # "October 15", "February 14, 2024"
            ("monthday", rf"{b}{dotted}\s+{day}(?![\d.,]\d)(?:,?\s+{year})?"),
            # "Oktober 2025", "Juli tahun 2024"
            ("monthyear", rf"{b}{pre}{dotted}{e},?\s+(?:(?:{yprefix})\s+)?{year}"),
            # "Juli tahun lalu" / "July last year"
            ("monthrelyear", rf"{b}{pre}{months}{e}\s+(?:{yunit})\s+(?P<mod>{mod}){e}"
             if after else rf"{b}{months}{e}\s+(?P<mod>{mod})\s+(?:{yunit}){e}"),
            ("monthmod", rf"{b}{pre}{months}{e}\s+(?P<mod>{mod}){e}"
             if after else rf"{b}(?P<mod>{mod})\s+{months}{e}"),
            ("weekdaymod", rf"{b}{pre}(?P<wd>{wd}){e}\s+(?P<mod>{mod}){e}"
             if after else rf"{b}(?P<mod>{mod})\s+(?P<wd>{wd}){e}"),
            ("deictic", rf"{b}(?P<deictic>{deictic}){e}"),
            ("unitmod", rf"{b}(?P<unit>{unit})\s+(?P<mod>{mod}){e}"
             if after else rf"{b}(?P<mod>{mod})\s+(?P<unit>{unit}){e}"),
            ("counted", rf"{b}(?:(?P<count>\d{{1,3}}|{num})\s+|(?P<fused>{fused}))"
             rf"(?P<unit>{unit})\s+(?P<dir>{counted}){e}"),
            ("weekday", rf"{b}{pre}(?P<wd>{wd}){e}"),
            ("month", rf"{b}{pre}{months}{e}"),
            ("year", rf"{b}(?:(?P<yprefix>{yprefix})\s+)?{year}"),
        ]
        self.specs = [(kind, re.compile(rx, re.IGNORECASE)) for kind, rx in specs]
        self.bare_weekdays = lex.bare_names(lex.weekdays)
        self.bare_months = lex.bare_names(lex.months)
        self.order = list(dict.fromkeys(kind for kind, _ in specs))


@cache
def _patterns(code: str) -> _Patterns | None:
    lex = load_lexicon(code)
    return _Patterns(lex) if lex else None


class DateFinder:
    """Pipeline stage: fills `analysis.dates` (sorted by start)."""

    def __init__(self, today: date | None = None) -> None:
        self.today = today

    def __call__(self, analysis: Analysis) -> None:
        published = parse_published(analysis.published)
        today = self.today or date.today()
        if published is not None and published > today + timedelta(days=1):
            analysis.warnings.append(
                f"publication date {analysis.published} is in the future: "
                "relative dates were not resolved"
            )
            published = None
        sentences = [(s.start, s.end) for s in analysis.sentences]
        analysis.dates = find_dates(
            analysis.text, analysis.language, published, sentences
        )


def find_dates(
    text: str,
    language: str | None,
    published: date | None,
    sentences: Iterable[tuple[int, int]] = (),
) -> list[DateExpression]:
    """The date expressions of `text` in language `language`, resolved against
    `published` (relative ones are skipped when it is None)."""
    if not language or not text:
        return []
    patterns = _patterns(language)
    if patterns is None:
        return []
    return _Finder(text, patterns, published, list(sentences)).run()


class _Finder:
    def __init__(
        self,
        text: str,
        patterns: _Patterns,
        published: date | None,
        sentences: list[tuple[int, int]],
    ) -> None:
        self.text = text
        self.p = patterns
        self.lex = patterns.lex
        self.published = published
        self.sentences = sentences or [(0, len(text))]
        self.weekday_memory: dict[int, date] = {}

    # ------------------------------------------------------------------ finding
    def candidates(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        for kind, rx in self.p.specs:
            for m in rx.finditer(self.text):
                cand = _Candidate(m.start(), m.end(), kind, m.groupdict())
                if self.acceptable(cand):
                    found.append(cand)
        rank = {kind: i for i, kind in enumerate(self.p.order)}
        found.sort(key=lambda c: (-(c.end - c.start), rank[c.kind], c.start))
        chosen: list[_Candidate] = []
        taken: list[tuple[int, int]] = []
        for cand in found:
            if all(cand.end <= s or cand.start >= e for s, e in taken):
                chosen.append(cand)
                taken.append((cand.start, cand.end))
        chosen.sort(key=lambda c: c.start)
        return self.merge_weekday_dates(chosen)

    def _name_ok(self, cand: _Candidate, group: str, bare: frozenset[str]) -> bool:
        name = cand.groups.get(group)
        if not name:
            return True
        if cand.kind in ("weekday", "month", "weekdaymod", "monthmod") and (
            name.lower() not in bare
        ):
            return False
        if not self.lex.capitalized_names or cand.groups.get("prefix"):
            return True
        return name[0].isupper()

    def acceptable(self, cand: _Candidate) -> bool:
        if not self._name_ok(cand, "wd", self.p.bare_weekdays):
            return False
        if not self._name_ok(cand, "mon", self.p.bare_months):
            return False
        before = self.words_before(cand.start, 3)
        after = self.words_after(cand.end, 1)
        if cand.kind in ("weekday", "month"):
            # a name followed by a capitalised word that is no date word: a person ("Juli
            # Budi Winantya") or a name ("Jumat Agung")
            following = re.match(r"\s+([A-Z]\w*)", self.text[cand.end:])
            if following and not self.is_date_word(following.group(1)):
                return False
            if cand.kind == "weekday" and re.match(r"\s*[-–]\s*\w", self.text[cand.end:]):
                nxt = re.match(r"\s*[-–]\s*(\w+)", self.text[cand.end:])
                if nxt and nxt.group(1).lower() in self.lex.weekdays:
                    return False  # "Senin-Jumat": every weekday, no date
            if cand.kind == "weekday" and re.search(r"\w\s*[-–]\s*$", self.text[:cand.start]):
                prev = re.search(r"(\w+)\s*[-–]\s*$", self.text[: cand.start])
                if prev and prev.group(1).lower() in self.lex.weekdays:
                    return False
        if cand.kind == "year":
            if before and before[-1] in self.lex.not_year_before:
                return False
            if after and after[0] in self.lex.not_year_after:
                return False
            if re.search(r"[\d][.,]$|[$€£]$", self.text[: cand.start]):
                return False
            if re.match(r"[.,]\d|\s*%", self.text[cand.end:]):
                return False
        if cand.kind == "counted":
            for phrase in self.lex.durations:
                if tuple(before[-len(phrase):]) == phrase:
                    return False
        return True

    def is_date_word(self, word: str) -> bool:
        w = word.lower()
        return (
            w in self.lex.weekdays
            or w in self.lex.months
            or w in self.lex.units
            or w in self.lex.modifiers
            or w in self.lex.year_prefixes
        )

    def words_before(self, pos: int, n: int) -> list[str]:
        window = self.text[max(0, pos - 60): pos]
        return [w.lower() for w in _WORD.findall(window)][-n:] if n else []

    def words_after(self, pos: int, n: int) -> list[str]:
        return [w.lower() for w in _WORD.findall(self.text[pos: pos + 60])][:n]

    def merge_weekday_dates(self, chosen: list[_Candidate]) -> list[_Candidate]:
        """ "Senin (20/10/2025)", "Rabu, 22 Oktober 2025": one expression, valued by its
        date."""
        merged: list[_Candidate] = []
        for cand in chosen:
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.kind == "weekday"
                and cand.kind in ("numeric", "daymonth", "monthday")
                and re.fullmatch(r"[\s,]*", self.text[prev.end: cand.start])
            ):
                cand.extra["weekday"] = prev.groups.get("wd")
                cand.start = prev.start
                merged[-1] = cand
                continue
            merged.append(cand)
        return merged

    # ---------------------------------------------------------------- resolving
    def run(self) -> list[DateExpression]:
        cands = self.candidates()
        self.resolve_absolute(cands)
        self.resolve_month_chains(cands)
        for cand in cands:
            if cand.value is None and not cand.extra.get("failed"):
                self.resolve_relative(cand, cands)
        out = []
        for cand in cands:
            if cand.value is None:
                continue
            out.append(
                DateExpression(
                    start=cand.start,
                    end=cand.end,
                    text=self.text[cand.start: cand.end],
                    value=cand.value,
                    granularity=cand.granularity,
                    relative=cand.relative,
                )
            )
        return out

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return max(0, self.text.rfind("\n", 0, pos) + 1), len(self.text)

    def direction(self, cand: _Candidate) -> int:
        """+1 when the sentence's nearest tense cue looks ahead, else -1 (the default)."""
        s_start, s_end = self.sentence_of(cand.start)
        tokens = [
            (m.start() + s_start, m.group().lower())
            for m in _WORD.finditer(self.text[s_start:s_end])
        ]
        inside = [i for i, (pos, _) in enumerate(tokens) if cand.start <= pos < cand.end]
        if not inside:
            return -1
        first, last = inside[0], inside[-1]
        quoted = self.quoted_regions(s_start, s_end)
        own = next((q for q in quoted if q[0] <= cand.start < q[1]), None)
        words = [
            # words of a quotation the expression is not in are someone else's tense
            "" if any(a <= pos < b for a, b in quoted if (a, b) != own) else w
            for pos, w in tokens
        ]
        best: tuple[int, int] | None = None  # (distance, direction)
        window = self.lex.cue_window
        future_words = {p[0] for p in self.lex.future_cues if len(p) == 1}
        for i in range(len(words)):
            if first <= i <= last:
                continue
            distance = first - i if i < first else i - last
            if distance > window:
                continue
            hit = 0
            for phrase, sign in ((self.lex.future_cues, 1), (self.lex.past_cues, -1)):
                for cue in phrase:
                    if tuple(words[i: i + len(cue)]) == cue and not (
                        i < first < i + len(cue)
                    ):
                        hit = sign
                        break
                if hit:
                    break
            if not hit and self.lex.past_suffixes and words[i] not in future_words:
                if len(words[i]) > 4 and words[i].endswith(self.lex.past_suffixes):
                    hit = -1
            if hit and (best is None or distance < best[0] or (
                distance == best[0] and hit > best[1]
            )):
                best = (distance, hit)
        return best[1] if best else -1

    def quoted_regions(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of quotation marks in the sentence ("...", “...”)."""
        regions = []
        for m in re.finditer(r'"[^"]*"|“[^”]*”|”[^”]*”', self.text[start:end]):
            regions.append((start + m.start(), start + m.end()))
        return regions

    def parse(self, text: str, prefer: str) -> datetime | None:
        base = datetime.combine(self.published or date.today(), datetime.min.time())
        settings = {
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": prefer,
            "DATE_ORDER": self.lex.numeric_order,
            "PREFER_DAY_OF_MONTH": "first",
        }
        try:
            return _dateparser()(text, languages=list(self.lex.dateparser_languages),
                                 settings=settings)
        except (ValueError, OverflowError):
            return None

    def resolve_absolute(self, cands: list[_Candidate]) -> None:
        for cand in cands:
            g = cand.groups
            if cand.kind == "numeric":
                raw = g["num"] or ""
                has_year = raw.count("/") + raw.count("-") + raw.count(".") >= 2
                if not has_year and self.published is None:
                    cand.extra["failed"] = True
                    continue
                parsed = self.parse(raw.replace(".", "/"), "past")
                if parsed is None or (has_year and not self.plausible_numeric(raw, parsed)):
                    cand.extra["failed"] = True
                    continue
                self.set_day(cand, parsed.date(), relative=not has_year)
            elif cand.kind in ("daymonth", "monthday"):
                has_year = bool(g.get("year"))
                if not has_year and self.published is None:
                    cand.extra["failed"] = True
                    continue
                month = self.lex.months[g["mon"].lower()]
                day = int(g["day"])
                try:
                    exact = date(int(g["year"]), month, day) if has_year else None
                except ValueError:
                    cand.extra["failed"] = True
                    continue
                if exact is None:
                    mod = self.lex.modifiers.get((g.get("mod") or "").lower())
                    sign = mod if mod else self.direction(cand)
                    exact = self.day_month(day, month, sign)
                    if exact is None:
                        cand.extra["failed"] = True
                        continue
                    # dateparser checks what the rules read
                    check = self.parse(f"{day} {g['mon']} {exact.year}", "past")
                    if check is None or check.date() != exact:
                        cand.extra["failed"] = True
                        continue
                else:
                    check = self.parse(f"{day} {g['mon']} {exact.year}", "past")
                    if check is None or check.date() != exact:
                        cand.extra["failed"] = True
                        continue
                self.set_day(cand, exact, relative=not has_year)
            elif cand.kind == "monthyear":
                month = self.lex.months[g["mon"].lower()]
                cand.month = (int(g["year"]), month)
                cand.explicit_year = True
                cand.value, cand.granularity = f"{g['year']}-{month:02d}", "month"
            elif cand.kind == "year":
                cand.value, cand.granularity = g["year"], "year"
                cand.explicit_year = True
            if cand.granularity == "day" and cand.day and cand.extra.get("weekday"):
                self.weekday_memory.setdefault(cand.day.isoweekday(), cand.day)

    def plausible_numeric(self, raw: str, parsed: datetime) -> bool:
        """dateparser may repair an impossible date ("31/02/2025"); keep only exact reads."""
        parts = [int(x) for x in re.split(r"[/.-]", raw)]
        if len(parts) != 3:
            return True
        d, m = (parts[0], parts[1]) if self.lex.numeric_order == "DMY" else (parts[1], parts[0])
        y = parts[2] + (2000 if parts[2] < 100 else 0)
        if parsed.year != y:
            return False
        return (parsed.month, parsed.day) in ((m, d), (d, m))

    def day_month(self, day: int, month: int, sign: int) -> date | None:
        assert self.published is not None
        pub = self.published
        years = [pub.year - 1, pub.year, pub.year + 1]
        options = []
        for y in years:
            if day <= calendar.monthrange(y, month)[1]:
                options.append(date(y, month, day))
        if sign >= 0 and sign != 0:
            later = [d for d in options if d >= pub]
            return min(later) if later else None
        earlier = [d for d in options if d <= pub]
        return max(earlier) if earlier else None

    def set_day(self, cand: _Candidate, day: date, relative: bool) -> None:
        cand.day = day
        cand.value, cand.granularity, cand.relative = day.isoformat(), "day", relative

    def resolve_month_chains(self, cands: list[_Candidate]) -> None:
        """Months in a list follow each other: "Oktober, November, dan Desember",
        "September, Oktober, November di 2020", "Januari-Maret"."""
        chain: list[_Candidate] = []
        chains: list[list[_Candidate]] = []
        for cand in cands:
            if cand.kind in ("month", "monthyear", "year") and chain and self.joined(
                chain[-1], cand, year=cand.kind == "year"
            ):
                if chain[-1].kind == "year":
                    chains.append(chain)
                    chain = [cand] if cand.kind != "year" else []
                    continue
                chain.append(cand)
                continue
            if chain:
                chains.append(chain)
            chain = [cand] if cand.kind in ("month", "monthyear") else []
        if chain:
            chains.append(chain)
        for chain in chains:
            months = [c for c in chain if c.kind != "year"]
            if len(chain) < 2:
                continue
            trailing = chain[-1] if chain[-1].kind == "year" else None
            if trailing is not None and months[-1].month is None:
                month = self.lex.months[months[-1].groups["mon"].lower()]
                months[-1].month = (int(trailing.groups["year"]), month)
                months[-1].explicit_year = True
            anchors = [i for i, c in enumerate(months) if c.month is not None]
            if not anchors:
                if self.published is None:
                    continue
                first = months[0]
                self.resolve_bare_month(first)
                if first.month is None:
                    continue
                anchors = [0]
            # backwards from the first anchor, forwards from each resolved month
            for i in range(anchors[0] - 1, -1, -1):
                nxt = months[i + 1].month
                assert nxt is not None
                m = self.lex.months[months[i].groups["mon"].lower()]
                months[i].month = (nxt[0] - (1 if m > nxt[1] else 0), m)
                months[i].relative = months[i + 1].relative
            for i in range(anchors[0] + 1, len(months)):
                if months[i].month is not None:
                    continue
                prev = months[i - 1].month
                assert prev is not None
                m = self.lex.months[months[i].groups["mon"].lower()]
                months[i].month = (prev[0] + (1 if m < prev[1] else 0), m)
                months[i].relative = months[i - 1].relative
            for c in months:
                if c.month and c.value is None:
                    c.value, c.granularity = f"{c.month[0]}-{c.month[1]:02d}", "month"

    def joined(self, a: _Candidate, b: _Candidate, year: bool) -> bool:
        gap = self.text[a.end: b.start]
        if len(gap) > 40 or "\n" in gap:
            return False
        tokens = re.findall(r"[^\w\s]+|\w+", gap.lower())
        if year:
            # "September, Oktober, November di 2020": only fillers before a year
            return bool(tokens) and all(
                t in self.lex.list_fillers or t in self.lex.year_prefixes for t in tokens
            ) or gap.strip() == ""
        connectors = [t for t in tokens if t in self.lex.list_connectors]
        return bool(connectors) and all(
            t in self.lex.list_connectors or t in self.lex.list_fillers for t in tokens
        )

    def resolve_bare_month(self, cand: _Candidate) -> None:
        assert self.published is not None
        pub = self.published
        month = self.lex.months[cand.groups["mon"].lower()]
        if self.direction(cand) > 0:
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        cand.month, cand.relative = (year, month), True
        cand.value, cand.granularity = f"{year}-{month:02d}", "month"

    def anchor(self, cand: _Candidate, cands: list[_Candidate]) -> date:
        """The day "hari ini" / "kemarin" counts from: the publication date, or the dated
        attribution in the same sentence ("..., kata Bobby, Selasa (21/10/2025).")."""
        assert self.published is not None
        s_start, s_end = self.sentence_of(cand.start)
        for other in cands:
            if (
                other is not cand
                and s_start <= other.start < s_end
                and other.day is not None
                and other.extra.get("weekday")
                and self.is_dateline(other, s_end)
                and timedelta(0) <= self.published - other.day <= timedelta(days=7)
            ):
                return other.day
        return self.published

    def is_dateline(self, cand: _Candidate, sentence_end: int) -> bool:
        """A dated attribution closing the sentence: '..., kata Bobby, Selasa (21/10).'"""
        return bool(
            re.search(r",\s*$", self.text[max(0, cand.start - 3): cand.start])
            and re.fullmatch(r"[\s.)”\"']*", self.text[cand.end: sentence_end])
        )

    def resolve_relative(self, cand: _Candidate, cands: list[_Candidate]) -> None:
        if self.published is None:
            return
        pub = self.published
        g = cand.groups
        cand.relative = True
        if cand.kind == "deictic":
            offset = self.lex.deictic[re.sub(r"\s+", " ", g["deictic"].lower())]
            self.set_day(cand, self.anchor(cand, cands) + timedelta(days=offset), True)
        elif cand.kind == "counted":
            raw = (g.get("count") or "").lower()
            count = int(raw) if raw.isdigit() else self.lex.number_words.get(raw)
            if g.get("fused"):
                count = self.lex.count_prefixes.get(g["fused"].lower())
            if not count:
                return
            sign = -1 if re.sub(r"\s+", " ", g["dir"].lower()) in self.lex.counted_past else 1
            self.shift(cand, self.lex.units[g["unit"].lower()], sign * count)
        elif cand.kind == "unitmod":
            mod = self.lex.modifiers[re.sub(r"\s+", " ", g["mod"].lower())]
            self.shift(cand, self.lex.units[g["unit"].lower()], mod)
        elif cand.kind in ("weekday", "weekdaymod"):
            target = self.lex.weekdays[g["wd"].lower()]
            mod = g.get("mod")
            if mod is not None:
                sign = self.lex.modifiers[re.sub(r"\s+", " ", mod.lower())]
                if sign == 0:
                    day = _monday(pub) + timedelta(days=target - 1)
                else:
                    day = self.weekday(target, sign, strict=True)
            else:
                sign = self.direction(cand)
                remembered = self.weekday_memory.get(target)
                if remembered is not None and (sign < 0 or remembered > pub):
                    day = remembered
                else:
                    day = self.weekday(target, sign, strict=False)
            self.weekday_memory.setdefault(target, day)
            self.set_day(cand, day, True)
        elif cand.kind == "month":
            self.resolve_bare_month(cand)
        elif cand.kind == "monthmod":
            month = self.lex.months[g["mon"].lower()]
            sign = self.lex.modifiers[re.sub(r"\s+", " ", g["mod"].lower())]
            if sign == 0:
                year = pub.year
            elif sign < 0:
                year = pub.year if month < pub.month else pub.year - 1
            else:
                year = pub.year if month > pub.month else pub.year + 1
            cand.value, cand.granularity = f"{year}-{month:02d}", "month"
        elif cand.kind == "monthrelyear":
            month = self.lex.months[g["mon"].lower()]
            sign = self.lex.modifiers[re.sub(r"\s+", " ", g["mod"].lower())]
            cand.value, cand.granularity = f"{pub.year + sign}-{month:02d}", "month"

    def weekday(self, target: int, sign: int, strict: bool) -> date:
        assert self.published is not None
        pub = self.published
        if sign < 0:
            back = (pub.isoweekday() - target) % 7
            if strict and back == 0:
                back = 7
            return pub - timedelta(days=back)
        ahead = (target - pub.isoweekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return pub + timedelta(days=ahead)

    def shift(self, cand: _Candidate, unit: str, amount: int) -> None:
        assert self.published is not None
        pub = self.published
        if unit == "day":
            self.set_day(cand, pub + timedelta(days=amount), True)
        elif unit == "week":
            week = _monday(pub) + timedelta(weeks=amount)
            cand.value, cand.granularity = week.isoformat(), "week"
        elif unit == "month":
            y, m = _add_months(pub.year, pub.month, amount)
            cand.value, cand.granularity = f"{y}-{m:02d}", "month"
        else:
            cand.value, cand.granularity = str(pub.year + amount), "year"
