"""Date expressions: finding, normalising against the publication date, evaluation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import shared_path
from pantau.eval.dates import evaluate, load_sentence_gold, pantau_predict
from pantau.extract.dates import DateFinder, find_dates, load_lexicon
from pantau.model import Analysis, Span

DATA = Path(__file__).parent / "data" / "dates"


def values(text: str, published: str | None, lang: str = "id") -> dict[str, str]:
    pub = date.fromisoformat(published) if published else None
    found = find_dates(text, lang, pub, [(0, len(text))])
    for d in found:
        assert text[d.start : d.end] == d.text
    return {d.text: d.value for d in found}


def analysis(text: str, published: str | None, language: str | None = "id") -> Analysis:
    return Analysis(
        id="t", language=language, published=published, text=text,
        sentences=[Span(start=0, end=len(text))],
    )


def test_reference_article(pipeline) -> None:
    text = shared_path("seed", "rusia-nato-id.txt").read_text(encoding="utf-8")
    a = pipeline.analyze(text, published="2022-01-09")
    DateFinder(today=date(2025, 1, 1))(a)
    got = {}
    for d in a.dates:
        assert a.text[d.start : d.end] == d.text
        got.setdefault(d.text.split()[-1], set()).add(d.value)
    assert got["Senin"] == {"2022-01-10"}
    assert got["Minggu"] == {"2022-01-09"}
    assert got["Jumat"] == {"2022-01-07"}
    assert got["Rabu"] == {"2022-01-12"}
    assert got["Kamis"] == {"2022-01-13"}
    assert got["Juni"] == {"2021-06"}
    assert got["2014"] == {"2014"}
    assert [d.start for d in a.dates] == sorted(d.start for d in a.dates)
    assert not any("setengah" in d.text for d in a.dates)  # a duration, not a date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ryabkov mengatakan pada hari Minggu bahwa ...", {"hari Minggu": "2022-01-09"}),
        ("Pembicaraan dijadwalkan pada Senin.", {"Senin": "2022-01-10"}),
        ("Ia tiba Jumat lalu.", {"Jumat lalu": "2022-01-07"}),
        ("Rapat digelar Senin depan.", {"Senin depan": "2022-01-10"}),
        ("Rapat akan digelar Minggu depan.", {"Minggu depan": "2022-01-16"}),
        ("Kata dia, kemarin.", {"kemarin": "2022-01-08"}),
        ("Sidang ditunda ke pekan depan.", {"pekan depan": "2022-01-10"}),
        ("Ia ditangkap pekan lalu.", {"pekan lalu": "2021-12-27"}),
        ("Gempa terjadi tiga hari lalu.", {"tiga hari lalu": "2022-01-06"}),
        ("Harga naik bulan lalu.", {"bulan lalu": "2021-12"}),
        ("Harga naik pada bulan Juni.", {"bulan Juni": "2021-06"}),
        ("Pemilu akan digelar pada Februari.", {"Februari": "2022-02"}),
        ("Inflasi Juli tahun lalu rendah.", {"Juli tahun lalu": "2021-07"}),
        ("Rusia menekan Ukraina sejak 2014.", {"2014": "2014"}),
        ("kata dia, Senin (20/10/2025).", {"Senin (20/10/2025)": "2025-10-20"}),
        ("kata dia, Jumat (7/1).", {"Jumat (7/1)": "2022-01-07"}),
        ("Rapat pada 22 Oktober 2025.", {"22 Oktober 2025": "2025-10-22"}),
        ("Oktober, November, dan Desember", {
            "Oktober": "2021-10", "November": "2021-11", "Desember": "2021-12"}),
    ],
)
def test_indonesian_relative(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2022-01-09") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks are set for Monday.", {"Monday": "2022-01-10"}),
        ("Ryabkov said on Sunday.", {"Sunday": "2022-01-09"}),
        ("The court will rule next Monday.", {"next Monday": "2022-01-10"}),
        ("Police arrested him last Friday.", {"last Friday": "2022-01-07"}),
        ("It happened three days ago.", {"three days ago": "2022-01-06"}),
        ("Officials will meet next week.", {"next week": "2022-01-10"}),
        ("Putin met Biden in June.", {"June": "2021-06"}),
        ("The vote is on February 14, 2024.", {"February 14, 2024": "2024-02-14"}),
        ("He resigned yesterday.", {"yesterday": "2022-01-08"}),
    ],
)
def test_english_relative(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2022-01-09", "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pertemuan pertama dalam dua setengah tahun.",
        "Ia ditahan selama tiga hari.",
        "Program berjalan selama sepekan.",
        "Sebanyak 2025 orang hadir.",
        "Harga Rp 2025 per kilo.",
        "Direktur BI Juli Budi Winantya hadir.",
        "Toko buka Senin-Jumat.",
    ],
)
def test_not_dates(text: str) -> None:
    assert values(text, "2022-01-09") == {}


def test_durations_in_english() -> None:
    assert values("The talks lasted three days over two years.", "2022-01-09", "en") == {}


def test_impossible_date_is_no_date() -> None:
    assert values("Sidang digelar 31/02/2025 di Jakarta.", "2025-03-01") == {}
    assert values("kata dia, Senin (31/02/2025).", "2025-03-01") == {}
    assert values("The deal was signed on February 30, 2024.", "2024-03-05", "en") == {}


def test_missing_publication_date_skips_relative() -> None:
    got = values("Kemarin, Senin (20/10/2025), ia hadir; sejak 2014 dan pada bulan Juni.", None)
    assert got == {"Senin (20/10/2025)": "2025-10-20", "2014": "2014"}


def test_future_publication_date_is_not_trusted() -> None:
    a = analysis("Ia datang kemarin, Senin (20/10/2025).", "2099-01-01")
    DateFinder(today=date(2025, 10, 22))(a)
    assert [(d.text, d.value, d.relative) for d in a.dates] == [
        ("Senin (20/10/2025)", "2025-10-20", False)
    ]
    assert any("future" in w for w in a.warnings)


def test_stage_fills_analysis_and_flags() -> None:
    a = analysis("Menurut dia, pekan lalu harga naik, kata dia, Selasa (21/10/2025).",
                 "2025-10-22T10:01:00")
    DateFinder(today=date(2025, 10, 22))(a)
    by_text = {d.text: d for d in a.dates}
    assert by_text["pekan lalu"].granularity == "week"
    assert by_text["pekan lalu"].value == "2025-10-13"
    assert by_text["pekan lalu"].relative is True
    assert by_text["Selasa (21/10/2025)"].relative is False
    for d in a.dates:
        assert a.text[d.start : d.end] == d.text


def test_unsupported_language_gives_no_dates() -> None:
    a = analysis("Pada hari Isnin 20/10/2025.", "2025-10-22", language="ms")
    DateFinder()(a)
    assert a.dates == []
    a = analysis("Senin (20/10/2025).", "2025-10-22", language=None)
    DateFinder()(a)
    assert a.dates == []


def test_lexicons_load() -> None:
    assert load_lexicon("id").weekdays["senin"] == 1
    assert load_lexicon("en").months["june"] == 6
    assert load_lexicon("ms") is None


def test_english_gold_accuracy() -> None:
    cases = load_sentence_gold(DATA / "english-dates.jsonl", "en")
    score = evaluate(cases, pantau_predict)
    assert score.gold >= 40
    assert score.accuracy >= 0.95, score.errors


def test_detik_gold_offsets_and_shape() -> None:
    import json

    lines = (DATA / "detik-dates.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert len(records) >= 150
    for r in records:
        assert r["end"] - r["start"] == len(r["text"])
        assert r["granularity"] in ("day", "week", "month", "year")
