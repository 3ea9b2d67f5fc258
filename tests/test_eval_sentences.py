"""Tests for the offset-based sentence segmentation evaluation."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pantau.eval.sentences import (
    GoldDocument,
    SegmentationScore,
    errors,
    evaluate,
    read_conllu_documents,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
UD_GSD_DEV = DATA / "ud" / "id" / "id_gsd-ud-dev.conllu"


def _tokens(text: str) -> str:
    """Minimal but well-formed token lines; the reader only needs ``# text``."""
    words = text.split()
    return "\n".join(
        f"{i}\t{w}\t{w}\tX\t_\t_\t{0 if i == 1 else 1}\t{'root' if i == 1 else 'dep'}\t_\t_"
        for i, w in enumerate(words, start=1)
    )


def _sentence(text: str, *comments: str) -> str:
    header = "\n".join([*comments, f"# text = {text}"])
    return f"{header}\n{_tokens(text)}\n"


TINY = "\n".join(
    [
        _sentence("Pak Budi datang.", "# newdoc id = d1", "# newpar", "# sent_id = d1-1"),
        _sentence("Ia tersenyum.", "# sent_id = d1-2"),
        # GUM writes ``# newpar_block`` next to ``# newpar``; only the latter counts.
        _sentence("Hari hujan.", "# newpar", "# newpar_block = p (1 s)", "# sent_id = d1-3"),
        _sentence("Halo!", "# newdoc id = d2", "# newpar", "# sent_id = d2-1", "# text_en = Hi!"),
    ]
)


def test_rebuilds_documents_paragraphs_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(TINY, encoding="utf-8")

    docs = list(read_conllu_documents(path))

    assert [d.id for d in docs] == ["d1", "d2"]
    assert docs[0].text == "Pak Budi datang. Ia tersenyum.\n\nHari hujan."
    assert docs[0].boundaries == [(0, 16), (17, 30), (32, 43)]
    assert docs[1].text == "Halo!"
    assert docs[1].boundaries == [(0, 5)]


def test_bag_of_sentences_becomes_pseudo_documents(tmp_path: Path) -> None:
    path = tmp_path / "bag.conllu"
    path.write_text("\n".join(_sentence(f"Kalimat {n}.") for n in range(5)), encoding="utf-8")

    docs = list(read_conllu_documents(path, sentences_per_document=2))

    assert [d.id for d in docs] == ["bag#1", "bag#2", "bag#3"]
    assert docs[0].text == "Kalimat 0. Kalimat 1."
    assert docs[0].boundaries == [(0, 10), (11, 21)]
    assert docs[2].text == "Kalimat 4."


def test_text_is_rebuilt_from_tokens_when_text_comment_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "notext.conllu"
    rows = [
        ("1", "Ia", "_"),
        ("2-3", "menyetujuinya", "SpaceAfter=No"),  # multiword token: surface form wins
        ("2", "menyetujui", "_"),
        ("3", "nya", "_"),
        ("3.1", "ELIDED", "_"),  # empty node: no surface form
        ("4", ".", "_"),
    ]
    path.write_text(
        "".join(f"{i}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\n" for i, form, misc in rows),
        encoding="utf-8",
    )
    (doc,) = read_conllu_documents(path)
    assert doc.text == "Ia menyetujuinya."
    assert doc.boundaries == [(0, 17)]


# Four sentences, three internal boundaries (at 16, 30 and 43).
GOLD = GoldDocument(
    id="g",
    text="Pak Budi datang. Ia tersenyum. Hari hujan pagi. Semua basah.",
    boundaries=[(0, 16), (17, 30), (31, 47), (48, 60)],
)


def _fixed(spans: list[tuple[int, int]]) -> Callable[[str], list[tuple[int, int]]]:
    """A segmenter that ignores its input, so each test states its spans outright."""
    return lambda text: spans


def test_perfect_segmenter_scores_one() -> None:
    score = evaluate([GOLD], _fixed(GOLD.boundaries))
    assert score == SegmentationScore(1.0, 1.0, 1.0, 3, 3, 1.0)


def test_whitespace_around_spans_is_ignored() -> None:
    # Each span swallows the following space, as many segmenters do.
    spans = [(0, 17), (17, 31), (31, 48), (48, 60)]
    assert evaluate([GOLD], _fixed(spans)).f1 == 1.0
    assert evaluate([GOLD], _fixed(spans)).exact_sentences == 1.0


def test_merged_boundary_lowers_recall() -> None:
    merged = [(0, 30), (31, 47), (48, 60)]
    score = evaluate([GOLD], _fixed(merged))
    assert score.gold_boundaries == 3 and score.predicted_boundaries == 2
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * 1.0 * (2 / 3) / (1.0 + 2 / 3))  # 0.8
    assert score.exact_sentences == pytest.approx(2 / 4)


def test_spurious_boundary_lowers_precision() -> None:
    split_after_pak = [(0, 4), (4, 16), (17, 30), (31, 47), (48, 60)]
    score = evaluate([GOLD], _fixed(split_after_pak))
    assert score.predicted_boundaries == 4
    assert score.precision == pytest.approx(3 / 4)
    assert score.recall == 1.0
    assert score.f1 == pytest.approx(6 / 7)
    assert score.exact_sentences == pytest.approx(3 / 4)


def test_micro_average_over_documents_and_never_splitting() -> None:
    score = evaluate([GOLD, GOLD], lambda text: [(0, len(text))])
    assert (score.gold_boundaries, score.predicted_boundaries) == (6, 0)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_out_of_range_span_is_an_error() -> None:
    with pytest.raises(ValueError):
        evaluate([GOLD], _fixed([(0, 99)]))


def test_errors_show_missed_and_spurious_boundaries_in_context() -> None:
    spans = [(0, 4), (4, 30), (31, 47), (48, 60)]  # spurious after "Pak", missed at 16
    assert errors([GOLD], _fixed(spans), width=12) == [
        "spurious g@3: …Pak‖ Budi datang…",
        "missed g@16: …Budi datang.‖ Ia tersenyu…",
    ]
    assert len(errors([GOLD, GOLD, GOLD], _fixed(spans), limit=3)) == 3


_NAIVE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def naive_segmenter(text: str) -> list[tuple[int, int]]:
    """Split after . ! ? followed by whitespace and an uppercase ASCII letter."""
    spans, start = [], 0
    for match in _NAIVE_SPLIT.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


@pytest.mark.skipif(
    not UD_GSD_DEV.exists(), reason=f"shared gold data absent: {UD_GSD_DEV} not found"
)
def test_ud_gsd_dev_offsets_and_naive_baseline() -> None:
    expected = [
        line.removeprefix("# text = ").strip()
        for line in UD_GSD_DEV.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text = ")
    ]
    docs = list(read_conllu_documents(UD_GSD_DEV))

    rebuilt = [doc.text[start:end] for doc in docs for start, end in doc.boundaries]
    assert rebuilt == expected
    assert all(len(doc.boundaries) <= 20 for doc in docs)

    score = evaluate(docs, naive_segmenter)
    assert score.gold_boundaries == len(expected) - len(docs)
    assert 0.5 <= score.f1 <= 1.0
