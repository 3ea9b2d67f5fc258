"""Where and when an event happened (`extract/events/where.py`, the coder's `_date`), and
the scoring of both against the where-when golds (`tests/data/events/where-when/`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from pantau.eval import events as E
from pantau.model import Analysis
from pantau.pipeline import Pipeline

EVENTS = Path(__file__).parent / "data" / "events"
WHERE_WHEN = {EVENTS / "where-when" / f"{gold}-where-when.jsonl": EVENTS / f"{gold}.jsonl"
              for gold in ("detik-events", "detik-events-check")}
"""Each where-when gold -> the event gold it adds places and dates to."""


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def placed(analysis: Analysis) -> dict[str, str | None]:
    """CAMEO code -> the name of the event's place."""
    names = {p.id: p.name for p in analysis.places}
    return {e.cameo: names.get(e.place or "") for e in analysis.events}


def test_a_local_body_acting_places_its_act_in_its_area(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(
        "Kejaksaan Negeri (Kejari) Lembata menggeledah kantor Dinas PUPR Lembata. "
        "Penggeledahan dilakukan di Lembata, Nusa Tenggara Timur.", lang="id")
    assert placed(analysis)["091"] == "Lembata"
    analysis = pipeline.analyze("Warga Bogor mendatangi Polres Bogor. Polres Bogor menangkap "
                                "dua pelaku pencurian.", lang="id")
    assert placed(analysis)["173"] == "Bogor"


def test_a_body_an_act_goes_to_places_it_and_a_country_talked_about_does_not(
        pipeline: Pipeline) -> None:
    analysis = pipeline.analyze("Pencurian terjadi di Kota Mataram, Nusa Tenggara Barat. Atas "
                                "kejadian itu korban melapor ke Polresta Mataram.", lang="id")
    assert placed(analysis)["114"] == "Kota Mataram"
    analysis = pipeline.analyze("Israel kembali menyerang Palestina. Amerika Serikat menuduh "
                                "Rusia mengerahkan pasukan.", lang="id")
    assert placed(analysis) == {"190": "Palestina", "112": None}


def test_a_date_after_a_comma_or_in_parentheses_dates_the_clause_s_act(
        pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(
        "Polisi kemudian menangkap Berangus di sebuah kos di Cakranegara, Kota Mataram, pada "
        "Jumat (17/10/2025).", lang="id", published="2025-10-18")
    arrest = next(e for e in analysis.events if e.root == "17")
    assert (arrest.date, arrest.date_source) == ("2025-10-17", "text")


def test_a_year_after_a_parenthesis_is_a_period_not_the_act_s_date(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(
        "KPK menjadwalkan pemeriksaan terhadap saksi korupsi di Kementerian Pertanian "
        "(Kementan) Tahun Anggaran 2021-2023.", lang="id", published="2025-10-20")
    examination = next(e for e in analysis.events if e.root == "09")
    assert (examination.date, examination.date_source) == ("2025-10-20", "published")


def test_the_scorer_counts_places_and_dates_of_matched_events() -> None:
    score = E.WhereWhen()
    lembata = {"place": {"text": "Kabupaten Lembata", "where": "actor"},
               "date": {"text": "Senin (20/10/2025)", "value": "2025-10-20", "where": "clause"}}
    assert score.add({"place_names": ["Lembata"], "date": "2025-10-20", "date_source": "text"},
                     lembata) == []
    assert score.add({"place_names": [], "date": "2025-10-21", "date_source": "published"},
                     lembata) == ["place missed: gold Kabupaten Lembata (actor), pantau None",
                                  "date: gold 2025-10-20, pantau 2025-10-21 (published)"]
    score.add({"place_names": ["Jakarta"], "date": "2025-10-21", "date_source": "published"},
              {"place": None, "date": None})
    score.add({"place_names": [], "date": "2021", "date_source": "text"},
              {"place": None, "date": None})
    assert score.place == {"right": 1, "missed": 1, "extra": 1, "none": 1}
    assert score.place_found == {"actor": [1, 2]}
    assert (score.place_precision, score.place_recall) == (0.5, 0.5)
    assert score.date == {"right": 2, "wrong": 2}


@pytest.mark.parametrize("path", WHERE_WHEN, ids=lambda p: p.stem)
def test_where_when_golds_are_their_event_golds_with_a_place_and_a_date(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").strip().split("\n")
    originals = WHERE_WHEN[path].read_text(encoding="utf-8").strip().split("\n")
    assert len(lines) == len(originals)
    data = shared_path("news/id/detik-2025-dev.jsonl")
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in data.read_text(encoding="utf-8").split("\n") if line.strip()}
    for line, original in zip(lines, originals, strict=True):
        record, gold = json.loads(line), json.loads(original)
        assert (record["doc"], record["sentence"], record["text"]) == (
            gold["doc"], gold["sentence"], gold["text"])
        assert len(record["events"]) == len(gold["events"])
        for event, coded in zip(record["events"], gold["events"], strict=True):
            assert {k: v for k, v in event.items()
                    if k not in ("place", "date", "place_note", "date_note")} == coded
            for key in ("place", "date"):
                value = event[key]
                assert value is None or (value["text"] in texts[record["doc"]] and value[
                    "where"] in {"clause", "sentence", "actor", "article"}), (record, key)


def test_cli_reports_places_and_dates_for_a_where_when_gold() -> None:
    from typer.testing import CliRunner

    from pantau.cli import app

    data = shared_path("news/id/detik-2025-dev.jsonl")
    gold = next(iter(WHERE_WHEN))
    result = CliRunner().invoke(app, ["evaluate", "events", "--gold", str(gold),
                                      "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "place of the matched events: precision" in result.output
    assert "date of the matched events:" in result.output
