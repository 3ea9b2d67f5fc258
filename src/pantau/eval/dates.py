"""Evaluate date normalisation: pantau's date finder against dateparser alone.

Two gold formats are read (both documented in ``tests/data/dates/README.md``):

- expressions in articles (``detik-dates.jsonl``): one JSON object per expression,
  ``{"doc", "published", "text", "start", "end", "value", "granularity"}``, offsets into
  the clean text that pantau's pipeline makes of the article (the article itself comes
  from a JSONL of documents with ``id``, ``title`` and ``text``);
- self-contained sentences (``english-dates.jsonl``): one object per sentence,
  ``{"text", "published", "expressions": [{"text", "start", "end", "value",
  "granularity"}]}``, offsets into ``text``; the language is given by the caller.

Scoring
-------
A gold expression is *found* when a predicted expression overlaps its span; the
prediction that overlaps it most is its match, and the expression is *correct* when that
prediction's value equals the gold value exactly. ``accuracy`` is correct / gold.

dateparser alone (``dateparser.search.search_dates`` on the same text with
``RELATIVE_BASE`` = the publication date and the document's language) is scored the same
way. It returns datetimes without a granularity, so its value is written at the *gold*
expression's granularity (day ``2025-10-20``, month ``2025-10``, year ``2025``, week the
Monday of its week): a generous reading of the baseline.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

__all__ = [
    "DateScore",
    "GoldCase",
    "GoldDate",
    "dateparser_predict",
    "evaluate",
    "format_report",
    "load_article_gold",
    "load_sentence_gold",
    "main",
    "pantau_predict",
]

Prediction = tuple[int, int, str]
"""``(start, end, value)``."""


@dataclass(frozen=True)
class GoldDate:
    text: str
    start: int
    end: int
    value: str
    granularity: str


@dataclass
class GoldCase:
    """One text with its publication date, language and gold expressions."""

    id: str
    text: str
    published: str | None
    language: str
    gold: list[GoldDate] = field(default_factory=list)


@dataclass
class DateScore:
    gold: int = 0
    found: int = 0
    correct: int = 0
    by_granularity: Counter[str] = field(default_factory=Counter)
    correct_by_granularity: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def found_rate(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def _gold_date(item: dict, where: str) -> GoldDate:
    try:
        return GoldDate(
            text=str(item["text"]),
            start=int(item["start"]),
            end=int(item["end"]),
            value=str(item["value"]),
            granularity=str(item["granularity"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: bad gold expression ({exc})") from None


def load_sentence_gold(path: str | Path, language: str) -> list[GoldCase]:
    """Cases from a file of self-contained sentences (``english-dates.jsonl``)."""
    cases = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        record = json.loads(line)
        case = GoldCase(f"{Path(path).stem}-{number}", record["text"], record.get("published"),
                        language)
        case.gold = [_gold_date(item, where) for item in record.get("expressions", [])]
        for g in case.gold:
            if case.text[g.start: g.end] != g.text:
                raise ValueError(f"{where}: offsets do not point at {g.text!r}")
        cases.append(case)
    return cases


def load_article_gold(
    path: str | Path,
    documents: str | Path,
    language: str,
    clean: Callable[[str, str | None, str | None], str] | None = None,
) -> list[GoldCase]:
    """Cases from per-expression gold over articles (``detik-dates.jsonl``): each article
    is read from `documents` (JSONL with ``id``, ``title``, ``text``) and cleaned by
    `clean(text, title, published)` (pantau's pipeline by default); offsets are checked."""
    if clean is None:
        clean = _pipeline_clean()
    by_doc: dict[str, list[tuple[GoldDate, str | None]]] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            by_doc.setdefault(record["doc"], []).append(
                (_gold_date(record, f"{path}:{number}"), record.get("published"))
            )
    raw = {}
    with Path(documents).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if record.get("id") in by_doc:
                    raw[record["id"]] = record
    cases = []
    for doc, items in by_doc.items():
        if doc not in raw:
            raise ValueError(f"{path}: document {doc!r} is not in {documents}")
        published = items[0][1]
        text = clean(raw[doc]["text"], raw[doc].get("title"), published)
        case = GoldCase(doc, text, published, language, [g for g, _ in items])
        for g in case.gold:
            if text[g.start: g.end] != g.text:
                raise ValueError(
                    f"{path}: {doc} offsets {g.start}-{g.end} do not point at {g.text!r} "
                    "(was the gold made with another version of the cleaner?)"
                )
        cases.append(case)
    return cases


def _pipeline_clean() -> Callable[[str, str | None, str | None], str]:
    from pantau.pipeline import Pipeline

    pipeline = Pipeline()

    def clean(text: str, title: str | None, published: str | None) -> str:
        return pipeline.analyze(text, title=title, published=published).text

    return clean


def pantau_predict(case: GoldCase) -> list[Prediction]:
    """pantau's date finder on the case text (sentences from pantau's splitter)."""
    from pantau.extract.dates import find_dates, parse_published
    from pantau.lang import load_pack
    from pantau.nlp.sentences import SentenceSplitter

    splitter = SentenceSplitter(load_pack(case.language).abbreviations)
    sentences = splitter.split(case.text)
    found = find_dates(case.text, case.language, parse_published(case.published), sentences)
    return [(d.start, d.end, d.value) for d in found]


def _write(value: datetime, granularity: str) -> str:
    day = value.date()
    if granularity == "year":
        return f"{day.year}"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}"
    if granularity == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    return day.isoformat()


def dateparser_predict(case: GoldCase) -> list[tuple[int, int, datetime]]:
    """dateparser alone: ``search_dates`` with the publication date as relative base."""
    from dateparser.search import search_dates

    base = date.fromisoformat(case.published[:10]) if case.published else date.today()
    settings = {"RELATIVE_BASE": datetime.combine(base, datetime.min.time())}
    try:
        results = search_dates(case.text, languages=[case.language], settings=settings) or []
    except Exception:  # noqa: BLE001 - a baseline failing on a text finds nothing there
        results = []
    out, cursor = [], 0
    for found, value in results:
        at = case.text.find(found, cursor)
        if at < 0:
            at = case.text.find(found)
        if at < 0:
            continue
        out.append((at, at + len(found), value))
        cursor = at + len(found)
    return out


def _best(gold: GoldDate, spans: Sequence[tuple[int, int, object]]) -> object | None:
    best, overlap = None, 0
    for start, end, value in spans:
        shared = min(end, gold.end) - max(start, gold.start)
        if shared > overlap:
            best, overlap = value, shared
    return best


def evaluate(
    cases: Iterable[GoldCase],
    predict: Callable[[GoldCase], Sequence[tuple[int, int, object]]],
) -> DateScore:
    """Score one predictor; predictions whose value is a datetime (dateparser) are written
    at the gold granularity."""
    score = DateScore()
    for case in cases:
        spans = predict(case)
        for g in case.gold:
            score.gold += 1
            score.by_granularity[g.granularity] += 1
            match = _best(g, spans)
            if match is None:
                score.errors.append(f"{case.id}: {g.text!r} not found (gold {g.value})")
                continue
            score.found += 1
            value = _write(match, g.granularity) if isinstance(match, datetime) else match
            if value == g.value:
                score.correct += 1
                score.correct_by_granularity[g.granularity] += 1
            else:
                score.errors.append(f"{case.id}: {g.text!r} -> {value} (gold {g.value})")
    return score


def format_report(name: str, pantau: DateScore, baseline: DateScore | None = None) -> str:
    lines = [f"{name}: {pantau.gold} gold expressions"]
    rows = [("pantau", pantau)] + ([("dateparser alone", baseline)] if baseline else [])
    for label, s in rows:
        parts = ", ".join(
            f"{g} {s.correct_by_granularity[g]}/{n}" for g, n in sorted(s.by_granularity.items())
        )
        lines.append(
            f"  {label:<17} accuracy {s.accuracy:6.1%}  found {s.found_rate:6.1%}  ({parts})"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pantau.eval.dates [--errors]``: the repository's gold, both predictors."""
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path(__file__).resolve().parents[3]
    data = root / "tests" / "data" / "dates"
    documents = root.parent / "shared" / "data" / "news" / "id" / "detik-2025-dev.jsonl"
    suites = [("english", load_sentence_gold(data / "english-dates.jsonl", "en"))]
    if documents.exists():
        suites.insert(0, ("detik", load_article_gold(data / "detik-dates.jsonl", documents, "id")))
    else:
        print(f"skipping the Detik gold: {documents} not found")
    for name, cases in suites:
        ours = evaluate(cases, pantau_predict)
        theirs = evaluate(cases, dateparser_predict)
        print(format_report(name, ours, theirs))
        if "--errors" in args:
            for err in ours.errors:
                print("   ", re.sub(r"\s+", " ", err))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
