"""Tests for the boilerplate-removal metric, and pantau's cleaner measured on Detik dev data.

The gold (tests/data/cleaning/detik-boilerplate.tsv) is the project's own annotation
of the Detik dev set; see tests/data/cleaning/README.md.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from pantau.eval.cleaning import (
    Analyzer,
    CleaningScore,
    Document,
    detik_documents,
    evaluate,
    load_gold,
    paragraph_key,
    split_input,
)

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "cleaning" / "detik-boilerplate.tsv"
DETIK = REPO.parent / "shared" / "data" / "news" / "id" / "detik-2025-dev.jsonl"
REQUIRED_KINDS = ("site", "related")
"""The requirement names these: "every SCROLL TO CONTINUE WITH CONTENT and similar site
line is removed" (site furniture and links to other content)."""


def detik_path() -> Path:
    """The Detik dev set under ../shared/data, or skip (as tests/conftest.py does)."""
    if not DETIK.exists():
        pytest.skip(f"development data not found at {DETIK} (a fresh clone has no ../shared)")
    return DETIK


def removing(*drop: str, reason: str = "related") -> Analyzer:
    """A hand-written cleaner: drops exactly the lines in ``drop``, keeps the rest."""

    def analyze(text: str, title: str | None) -> tuple[str, list[tuple[str, str]]]:
        kept = [p for p in split_input(text) if p not in drop]
        removed = [(p, reason) for p in split_input(text) if p in drop]
        return "\n\n".join(kept), removed

    return analyze


ARTICLE_A = "Presiden Prabowo Subianto menegaskan pentingnya pengendalian inflasi."
ARTICLE_B = '"Kita mampu menjaga inflasi di sekitar 2 persen," ujar Prabowo.'
SCROLL = "SCROLL TO CONTINUE WITH CONTENT"
VIDEO = "Simak juga Video 'Janji Mensos ke Prabowo':"


# --- evaluate() on hand-made documents ------------------------------------


def test_counts_hits_misses_and_wrong_removals() -> None:
    text = "\n".join([ARTICLE_A, SCROLL, ARTICLE_B, VIDEO])
    gold = {"d1": Counter({SCROLL: 1, VIDEO: 1})}
    score = evaluate([("d1", text, None)], gold, removing(SCROLL, ARTICLE_B))
    assert score == CleaningScore(
        documents=1,
        gold_boilerplate=2,
        removed_boilerplate=1,
        missed=[("d1", VIDEO)],
        wrongly_removed=[("d1", ARTICLE_B, "related")],
        precision=0.5,
        recall=0.5,
        content_paragraphs=2,
        content_kept=1,
    )


def test_perfect_cleaner_and_documents_without_gold() -> None:
    docs = [("d1", f"{ARTICLE_A}\n{SCROLL}\n\n{ARTICLE_B}", None), ("d2", ARTICLE_B, None)]
    score = evaluate(docs, {"d1": Counter({SCROLL: 1})}, removing(SCROLL))
    assert (score.documents, score.gold_boilerplate, score.removed_boilerplate) == (2, 1, 1)
    assert (score.precision, score.recall) == (1.0, 1.0)
    assert (score.content_paragraphs, score.content_kept) == (3, 3)
    assert score.missed == [] and score.wrongly_removed == []


def test_boilerplate_repeated_in_a_document_must_go_every_time() -> None:
    text = "\n".join([ARTICLE_A, SCROLL, ARTICLE_B, SCROLL])

    def first_copy_only(text: str, title: str | None) -> tuple[str, list[tuple[str, str]]]:
        return f"{ARTICLE_A}\n\n{ARTICLE_B}\n\n{SCROLL}", [(SCROLL, "advertisement")]

    score = evaluate([("d1", text, None)], {"d1": Counter({SCROLL: 2})}, first_copy_only)
    assert (score.gold_boilerplate, score.removed_boilerplate) == (2, 1)
    assert score.missed == [("d1", SCROLL)]
    assert score.recall == 0.5 and score.precision == 1.0


def test_a_repeated_copy_counts_once_as_article_and_once_as_boilerplate() -> None:
    # The gold marks the second copy of a quote; which copy the cleaner drops is moot.
    text = "\n".join([ARTICLE_B, ARTICLE_A, ARTICLE_B])

    def drop_first_copy(text: str, title: str | None) -> tuple[str, list[tuple[str, str]]]:
        return f"{ARTICLE_A}\n\n{ARTICLE_B}", [(ARTICLE_B, "duplicate")]

    score = evaluate([("d1", text, None)], {"d1": Counter({ARTICLE_B: 1})}, drop_first_copy)
    assert (score.removed_boilerplate, score.precision, score.recall) == (1, 1.0, 1.0)
    assert (score.content_paragraphs, score.content_kept) == (2, 2)


def test_removing_the_documents_own_title_is_not_a_wrong_removal() -> None:
    title = "Presiden Banggakan Inflasi 2%"
    text = "\n".join([title, ARTICLE_A])
    score = evaluate([("d1", text, title)], {}, removing(title, reason="title"))
    assert score.wrongly_removed == [] and score.precision == 1.0
    assert (score.content_paragraphs, score.content_kept) == (1, 1)
    # The same line dropped for another reason is a wrong removal.
    score = evaluate([("d1", text, title)], {}, removing(title, reason="related"))
    assert score.wrongly_removed == [("d1", title, "related")]
    assert score.precision == 0.0


def test_mojibake_repaired_by_the_cleaner_still_matches() -> None:
    # pantau runs ftfy before cleaning: its output has "José", the input "JosÃ©".
    credit, fixed_credit = "Editor: JosÃ© Rizal", "Editor: José Rizal"
    quote, fixed_quote = '"Saya percayað\x9f\x94¥," ujar Budi.', '"Saya percaya🔥," ujar Budi.'
    assert paragraph_key(credit) == paragraph_key(fixed_credit)

    def ftfy_cleaner(text: str, title: str | None) -> tuple[str, list[tuple[str, str]]]:
        return f"{ARTICLE_A}\n\n{fixed_quote}", [(fixed_credit, "credit")]

    text = "\n".join([ARTICLE_A, quote, credit])
    score = evaluate([("d1", text, None)], {"d1": Counter({credit: 1})}, ftfy_cleaner)
    assert (score.removed_boilerplate, score.wrongly_removed) == (1, [])
    assert (score.content_paragraphs, score.content_kept) == (2, 2)


def test_whitespace_is_normalised_and_joined_lines_are_credited_to_each_line() -> None:
    wrapped = "Menteri Keuangan Purbaya Yudhi Sadewa mengatakan bahwa anggaran"
    rest = "sudah disiapkan tahun ini."
    text = "\n".join([wrapped, rest, "Simak  juga\u00a0Video 'X':"])

    def joining(text: str, title: str | None) -> tuple[str, list[tuple[str, str]]]:
        return f"{wrapped} {rest}", [("Simak juga Video 'X':", "related")]

    gold = {"d1": Counter({"Simak juga Video 'X':": 1})}
    score = evaluate([("d1", text, None)], gold, joining)
    assert (score.removed_boilerplate, score.recall, score.precision) == (1, 1.0, 1.0)
    assert (score.content_paragraphs, score.content_kept) == (2, 2)


def test_gold_lines_missing_from_the_input_are_reported_as_missed() -> None:
    score = evaluate([("d1", ARTICLE_A, None)], {"d1": Counter({SCROLL: 1})}, removing())
    assert score.missed == [("d1", SCROLL)] and score.recall == 0.0


def test_no_documents() -> None:
    score = evaluate([], {}, removing())
    assert score == CleaningScore(documents=0, gold_boilerplate=0, removed_boilerplate=0)
    assert (score.precision, score.recall) == (1.0, 1.0)


# --- loading ----------------------------------------------------------------


def test_load_gold_keeps_every_occurrence_and_filters_kinds(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(
        "doc_id\tparagraph\tkind\n"
        f"d1\t{SCROLL}\tsite\n"
        f"d1\t{SCROLL}\tsite\n"
        f"d1\t{VIDEO}\trelated\n"
        'd2\t"Detik Sore, Nggak Cuma Hore-hore!"\tpromo\n',
        encoding="utf-8",
    )
    assert load_gold(path) == {
        "d1": Counter({SCROLL: 2, VIDEO: 1}),
        "d2": Counter({'"Detik Sore, Nggak Cuma Hore-hore!"': 1}),
    }
    assert load_gold(path, kinds={"related"}) == {"d1": Counter({VIDEO: 1})}


@pytest.mark.parametrize(
    "content",
    ["id\tparagraph\tkind\n", f"doc_id\tparagraph\tkind\nd1\t{SCROLL}\tfurniture\n", "doc_id\n"],
)
def test_load_gold_rejects_malformed_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError):
        load_gold(path)


def test_detik_documents_reads_id_text_and_title(tmp_path: Path) -> None:
    path = tmp_path / "detik.jsonl"
    records = [
        {"id": "detik-1", "url": "u", "title": "T", "published": "p", "topic": "t", "text": "a\nb"},
        {"id": "detik-2", "text": "c"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    assert list(detik_documents(path)) == [("detik-1", "a\nb", "T"), ("detik-2", "c", None)]


def test_gold_file_counts_match_its_readme() -> None:
    kinds: Counter[str] = Counter()
    with GOLD.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            kinds[line.rstrip("\n").split("\t")[2]] += 1
    assert kinds == Counter(site=520, related=197, bio=22, promo=15, other=14, credit=9)
    assert sum(sum(c.values()) for c in load_gold(GOLD).values()) == 777


# --- the Detik dev set --------------------------------------------------------


def test_gold_paragraphs_are_input_lines_of_their_documents() -> None:
    gold = load_gold(GOLD)
    lines = {
        doc_id: Counter(split_input(text)) for doc_id, text, _ in detik_documents(detik_path())
    }
    assert len(lines) == 507
    for doc_id, paragraphs in gold.items():
        assert paragraphs <= lines[doc_id], doc_id


@pytest.fixture(scope="module")
def detik() -> list[Document]:
    return list(detik_documents(detik_path()))


@pytest.fixture(scope="module")
def pantau_analyze(detik: list[Document]) -> Analyzer:
    """pantau's cleaner as an analyze function, run once per document for the module."""
    from pantau.pipeline import Pipeline

    pipeline = Pipeline()

    @cache
    def analyze(text: str, title: str | None) -> tuple[str, list[tuple[str, str]]]:
        a = pipeline.analyze(text, title=title, lang="id")
        return a.text, [(r.text, r.reason) for r in a.removed]

    return analyze


@pytest.mark.slow
def test_pantau_keeps_every_article_paragraph(
    detik: list[Document], pantau_analyze: Analyzer
) -> None:
    score = evaluate(detik, load_gold(GOLD), pantau_analyze)
    assert score.documents == 507
    assert score.wrongly_removed == []
    assert score.content_kept == score.content_paragraphs


@pytest.mark.slow
def test_pantau_removes_every_site_and_related_line(
    detik: list[Document], pantau_analyze: Analyzer
) -> None:
    score = evaluate(detik, load_gold(GOLD, kinds=REQUIRED_KINDS), pantau_analyze)
    assert score.missed == []
    assert score.recall == 1.0
