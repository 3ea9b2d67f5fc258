"""Evaluate boilerplate removal against a hand-annotated gold, paragraph by paragraph.

The cleaner's promise has two sides: every line of site furniture goes (recall on
the gold boilerplate) and no paragraph of article text goes with it (precision, and
``content_kept == content_paragraphs``). Both are measured here on the paragraphs of
the *input*, so the numbers stay meaningful whatever the cleaner does to the rest.

Comparison is by multiset per document: a document with the same boilerplate line
twice needs it removed twice, and a quote that is legitimately repeated once counts
once as article text and once as boilerplate, whichever copy the cleaner drops.

Paragraphs are compared by :func:`paragraph_key`. The cleaner repairs mojibake and
normalises unicode before it splits paragraphs (ftfy, NFC, no invisible characters),
so its output is not byte-identical to its input; the key applies the same repair to
both sides, and also collapses whitespace. The cleaner may also join a hard-wrapped
line to the next one; an output paragraph that is such a join is credited to each of
the input lines it is made of.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

Document = tuple[str, str, str | None]
"""``(doc_id, text, title)``; paragraphs of ``text`` are its non-empty lines."""
Analyzer = Callable[[str, str | None], tuple[str, list[tuple[str, str]]]]
"""``analyze(text, title) -> (clean_text, [(removed_text, reason), ...])``."""

KINDS = frozenset({"site", "related", "promo", "credit", "bio", "other"})
TITLE_REASONS = frozenset({"title", "section"})
"""Removing the headline (or a section label identical to it) from the top of the
text is not removing article text, so these reasons are excused when the removed
paragraph is the document's own title."""

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_FTFY = ftfy.TextFixerConfig(normalization="NFC")


def paragraph_key(text: str) -> str:
    """The form two paragraphs are compared in: ftfy-repaired, NFC, no invisible
    characters, whitespace collapsed. Applied to gold, input and output alike, so a
    paragraph whose mojibake the cleaner fixed still matches its gold line."""
    return " ".join(_INVISIBLE.sub("", ftfy.fix_text(text, _FTFY)).split())


def split_input(text: str) -> list[str]:
    """The input's paragraphs: its non-empty lines, stripped (the gold's unit)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def load_gold(path: str | Path, kinds: Collection[str] | None = None) -> dict[str, Counter[str]]:
    """Doc id -> multiset of its boilerplate paragraphs, from the gold TSV.

    The file has a ``doc_id<TAB>paragraph<TAB>kind`` header and one row per
    occurrence, without quoting (paragraphs contain no tabs). ``kinds`` keeps only
    those kinds, to measure recall on one family of boilerplate.
    """
    gold: dict[str, Counter[str]] = {}
    with Path(path).open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if header != ["doc_id", "paragraph", "kind"]:
            raise ValueError(f"{path}: unexpected header {header!r}")
        for number, line in enumerate(handle, start=2):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[2] not in KINDS:
                raise ValueError(f"{path}:{number}: expected doc_id, paragraph and a known kind")
            doc_id, paragraph, kind = parts
            if kinds is None or kind in kinds:
                gold.setdefault(doc_id, Counter())[paragraph] += 1
    return gold


def detik_documents(path: str | Path) -> Iterator[Document]:
    """``(id, text, title)`` for each line of a Detik JSONL file."""
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                yield record["id"], record["text"], record.get("title")


@dataclass(frozen=True)
class CleaningScore:
    """Paragraph-level scores of a cleaner against the gold, over all documents.

    ``precision`` is the share of removed paragraphs that are gold boilerplate and
    ``recall`` the share of gold boilerplate removed (both 1.0 when there is nothing
    to divide). ``content_paragraphs`` counts the input's article paragraphs (neither
    gold boilerplate nor the title) and ``content_kept`` those found verbatim in the
    clean text, so "no article paragraph is cut" reads ``content_kept ==
    content_paragraphs``. ``missed`` lists the gold paragraphs the cleaner did not
    remove (so still in its clean text) and ``wrongly_removed`` the removals that are
    not gold boilerplate, with the cleaner's reason, for whoever fixes the rules.
    """

    documents: int
    gold_boilerplate: int
    removed_boilerplate: int
    missed: list[tuple[str, str]] = field(default_factory=list)
    wrongly_removed: list[tuple[str, str, str]] = field(default_factory=list)
    precision: float = 1.0
    recall: float = 1.0
    content_paragraphs: int = 0
    content_kept: int = 0


def _components(key: str, order: list[str], pool: Counter[str]) -> list[str]:
    """The input paragraphs an output paragraph stands for: itself, or the run of
    consecutive input lines the cleaner joined into it (a hard-wrapped line)."""
    if pool[key] > 0:
        return [key]
    for start, first in enumerate(order):
        if not key.startswith(first):
            continue
        run, joined = [first], first
        for nxt in order[start + 1 :]:
            if len(joined) >= len(key):
                break
            run.append(nxt)
            joined = f"{joined} {nxt}"
        if joined == key:
            return run
    return [key]


def evaluate(
    documents: Iterable[Document],
    gold: dict[str, Counter[str]],
    analyze: Analyzer,
) -> CleaningScore:
    """Run ``analyze`` on each document and score its removals against ``gold``.

    Documents absent from ``gold`` have no boilerplate; gold paragraphs that are not
    in the input are still counted (and reported as missed), so a stale gold shows.
    """
    documents_seen = gold_total = true_positives = content_total = kept_total = 0
    missed: list[tuple[str, str]] = []
    wrong: list[tuple[str, str, str]] = []
    for doc_id, text, title in documents:
        documents_seen += 1
        order = [paragraph_key(p) for p in split_input(text)]
        inputs = Counter(order)
        gold_keys: Counter[str] = Counter()
        originals: dict[str, str] = {}
        for paragraph, count in gold.get(doc_id, Counter()).items():
            gold_keys[paragraph_key(paragraph)] += count
            originals.setdefault(paragraph_key(paragraph), paragraph)
        title_key = paragraph_key(title) if title else None

        clean_text, removed = analyze(text, title)
        kept: Counter[str] = Counter()
        for paragraph in split_input(clean_text):
            kept.update(_components(paragraph_key(paragraph), order, inputs))

        removed_gold: Counter[str] = Counter()
        for removed_text, reason in removed:
            parts = _components(paragraph_key(removed_text), order, inputs)
            for key in parts:
                if removed_gold[key] < gold_keys[key]:
                    removed_gold[key] += 1
                elif not (reason in TITLE_REASONS and key == title_key):
                    wrong.append((doc_id, removed_text if len(parts) == 1 else key, reason))

        gold_total += sum(gold_keys.values())
        true_positives += sum(removed_gold.values())
        for key, count in (gold_keys - removed_gold).items():
            missed.extend([(doc_id, originals[key])] * count)
        content = inputs - gold_keys
        if title_key is not None:
            del content[title_key]
        content_total += sum(content.values())
        kept_total += sum((content & kept).values())

    removed_total = true_positives + len(wrong)
    return CleaningScore(
        documents=documents_seen,
        gold_boilerplate=gold_total,
        removed_boilerplate=true_positives,
        missed=missed,
        wrongly_removed=wrong,
        precision=true_positives / removed_total if removed_total else 1.0,
        recall=true_positives / gold_total if gold_total else 1.0,
        content_paragraphs=content_total,
        content_kept=kept_total,
    )
