"""Tests for the article-extraction benchmark metric and harness."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.eval.extraction import (
    BenchmarkPage,
    ExtractionScore,
    evaluate,
    load_benchmark,
    match_counts,
    score_document,
    shingles,
    trafilatura_baseline,
)


def shared_data_dir() -> Path:
    """``../shared/data`` relative to the repository root (absent on most machines)."""
    return Path(__file__).resolve().parents[1].parent / "shared" / "data"


def benchmark_dir() -> Path:
    """The article-extraction-benchmark directory, or skip the calling test."""
    root = shared_data_dir() / "html" / "article-extraction-benchmark"
    if not (root / "ground-truth.json").is_file():
        pytest.skip(f"article-extraction-benchmark data not found at {root}")
    return root


# --- shingles -------------------------------------------------------------


def test_shingles_are_four_token_windows() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"), ("b", "c", "d", "e")}


def test_shingles_ignore_punctuation_and_keep_case() -> None:
    assert shingles("The, cat -- sat. Down!") == {("The", "cat", "sat", "Down")}


def test_short_text_is_one_shingle_of_all_tokens() -> None:
    assert shingles("a b") == {("a", "b")}
    assert shingles("word") == {("word",)}


def test_empty_text_has_no_shingles() -> None:
    assert shingles("") == set()
    assert shingles(" ... !! ") == set()


def test_shingle_size_is_configurable() -> None:
    assert shingles("a b c", n=2) == {("a", "b"), ("b", "c")}
    with pytest.raises(ValueError):
        shingles("a b c", n=0)


# --- score_document -------------------------------------------------------


def test_identical_texts_score_one() -> None:
    text = "Jakarta floods displaced thousands of residents on Monday."
    assert score_document(text, text) == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero() -> None:
    assert score_document("a b c d e f", "u v w x y z") == (0.0, 0.0, 0.0)


def test_prediction_covering_half_of_truth() -> None:
    # truth shingles: abcd bcde cdef defg; prediction: abcd bcde -> tp=2, fp=0, fn=2
    p, r, f1 = score_document("a b c d e", "a b c d e f g")
    assert (p, r) == (1.0, 0.5)
    assert f1 == pytest.approx(2 / 3)


def test_half_overlap_both_ways() -> None:
    # prediction: abcd bcde cdex dexy; truth: abcd bcde cdef defg -> tp=2, fp=2, fn=2
    assert score_document("a b c d e x y", "a b c d e f g") == (0.5, 0.5, 0.5)


def test_repeated_shingles_count_as_a_multiset() -> None:
    # prediction: abcd bcda cdab dabc abcd; truth: abcd -> tp=1, fp=4, fn=0
    p, r, _ = score_document("a b c d a b c d", "a b c d")
    assert p == pytest.approx(0.2)
    assert r == 1.0


def test_matching_is_case_sensitive_like_upstream() -> None:
    assert score_document("The cat sat down", "the cat sat down") == (0.0, 0.0, 0.0)


def test_short_texts_compare_as_whole_token_tuples() -> None:
    assert score_document("a b", "a b") == (1.0, 1.0, 1.0)
    assert score_document("a b", "a b c") == (0.0, 0.0, 0.0)


def test_empty_cases() -> None:
    assert score_document("", "") == (1.0, 1.0, 1.0)
    assert score_document("", "a b c d") == (0.0, 0.0, 0.0)
    assert score_document("a b c d", "") == (0.0, 0.0, 0.0)


def test_match_counts_are_length_normalised() -> None:
    assert match_counts("a b c d e x y", "a b c d e f g") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert match_counts("", "") == (0.0, 0.0, 0.0)


@given(st.text(), st.text())
def test_scores_are_bounded_and_precision_recall_mirror(a: str, b: str) -> None:
    p, r, f1 = score_document(a, b)
    assert all(0.0 <= x <= 1.0 for x in (p, r, f1))
    p_swapped, r_swapped, _ = score_document(b, a)
    assert (p, r) == pytest.approx((r_swapped, p_swapped))


@given(st.text())
def test_text_always_matches_itself(text: str) -> None:
    assert score_document(text, text) == (1.0, 1.0, 1.0)


# --- evaluate -------------------------------------------------------------


def _page(page_id: str, truth: str) -> BenchmarkPage:
    return BenchmarkPage(id=page_id, url=None, html=f"<p>{truth}</p>", truth=truth)


def test_evaluate_counts_failures_as_empty_and_excludes_them_from_precision() -> None:
    pages = [_page("ok", "a b c d e"), _page("boom", "f g h i j")]

    def extract(html: str, url: str | None) -> str:
        if "f g" in html:
            raise RuntimeError("extractor crashed")
        return "a b c d e"

    score = evaluate(pages, extract)
    assert isinstance(score, ExtractionScore)
    assert score.documents == 2
    assert score.failures == 1
    assert score.empty_predictions == 1
    assert score.precision == 1.0  # the empty prediction is not in the precision mean
    assert score.recall == 0.5
    assert score.f1 == pytest.approx(2 / 3)  # harmonic mean of averaged P and R
    assert score.accuracy == 0.5
    assert score.per_document == {"ok": (1.0, 1.0, 1.0), "boom": (0.0, 0.0, 0.0)}


def test_evaluate_f1_is_from_averaged_precision_and_recall() -> None:
    # doc 1: P=1, R=0.5; doc 2: P=0.5, R=0.5 -> P=0.75, R=0.5, F1=2*0.75*0.5/1.25=0.6
    # (the mean of per-document F1s would be (2/3 + 1/2) / 2 = 0.583...)
    truth = "a b c d e f g"
    pages = [
        BenchmarkPage(id="1", url=None, html="page one", truth=truth),
        BenchmarkPage(id="2", url=None, html="page two", truth=truth),
    ]
    predictions = {"page one": "a b c d e", "page two": "a b c d e x y"}
    score = evaluate(pages, lambda html, url: predictions[html])
    assert score.documents == 2
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(0.6)


def test_evaluate_on_no_pages() -> None:
    score = evaluate([], trafilatura_baseline)
    assert (score.precision, score.recall, score.f1, score.documents) == (0.0, 0.0, 0.0, 0)


# --- real benchmark -------------------------------------------------------


def test_load_benchmark_reads_all_pages() -> None:
    pages = list(load_benchmark(benchmark_dir()))
    assert len(pages) == 181
    assert len({page.id for page in pages}) == 181
    assert all(page.truth and page.html and page.url for page in pages)
    assert [page.id for page in pages] == sorted(page.id for page in pages)


def test_trafilatura_baseline_on_first_ten_pages() -> None:
    pages = list(itertools.islice(load_benchmark(benchmark_dir()), 10))
    score = evaluate(pages, trafilatura_baseline)
    assert score.documents == 10
    assert score.failures == 0
    assert score.f1 > 0.5
