"""The independent event check sets (tests/data/events/detik-events-check.jsonl, rounds 1-3,
and detik-events-check-r4.jsonl to -r10, rounds 4-10) are well formed and aligned with pantau's
sentences; they share no article with the development gold nor with each other.

Only the cleaner and the sentence splitter run here (no stage after them), so the test says
nothing about the event coder: score it with the same command as the development gold.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import shared_path
from pantau.pipeline import Pipeline

EVENTS = Path(__file__).parent / "data" / "events"
CHECK = EVENTS / "detik-events-check.jsonl"
ROUND_4 = EVENTS / "detik-events-check-r4.jsonl"
ROUND_5 = EVENTS / "detik-events-check-r5.jsonl"
ROUND_6 = EVENTS / "detik-events-check-r6.jsonl"
ROUND_7 = EVENTS / "detik-events-check-r7.jsonl"
ROUND_8 = EVENTS / "detik-events-check-r8.jsonl"
ROUND_9 = EVENTS / "detik-events-check-r9.jsonl"
ROUND_10 = EVENTS / "detik-events-check-r10.jsonl"
SIZES = {CHECK: 420, ROUND_4: 120, ROUND_5: 190, ROUND_6: 190, ROUND_7: 190, ROUND_8: 200,
         ROUND_9: 200, ROUND_10: 148}
MODALITIES = {"asserted", "negated", "future", "hypothetical", "reported", "demanded"}


def _number(doc: str) -> int:
    return int(doc.rsplit("-", 1)[1])


SECOND_CODINGS = {EVENTS / "agreement" / "detik-events-check-r8-second.jsonl": 200,
                  EVENTS / "tuning" / "detik-events-r8-s10.jsonl": 170,
                  EVENTS / "tuning" / "detik-events-r5-r7-s10.jsonl": 274}
"""Files over articles of check sets: a second coding of round 8, and sentences 10-19 of
the articles of rounds 8, 5 and 7 (tuning rounds)."""


@pytest.mark.parametrize("path", SIZES, ids=lambda p: p.stem)
def test_event_check_set_is_well_formed_and_aligned_with_pantau_sentences(path: Path) -> None:
    from pantau.eval import events as E

    gold = E.load_gold(path)
    assert len(gold) >= SIZES[path]
    others = {s.doc for other in (EVENTS / "detik-events.jsonl", *SIZES) if other != path
              for s in E.load_gold(other)}
    assert not {s.doc for s in gold} & others, (
        "a check set must not reuse another gold file's articles")
    _assert_aligned(gold, from_zero=True)


@pytest.mark.parametrize("path", SECOND_CODINGS, ids=lambda p: p.stem)
def test_second_codings_are_well_formed_and_aligned_with_pantau_sentences(path: Path) -> None:
    from pantau.eval import events as E

    gold = E.load_gold(path)
    assert len(gold) >= SECOND_CODINGS[path]
    _assert_aligned(gold, from_zero=False)


def _assert_aligned(gold: list, from_zero: bool) -> None:
    """Articles in id order, each a gap-free run of sentences (from 0 for a check set),
    aligned with pantau's sentences, with valid codes, modalities and actor spans."""
    data = shared_path("news/id/detik-2025-dev.jsonl")
    with shared_path("events/cameo/cameo-codes.csv").open(encoding="utf-8") as handle:
        codes = {row[0].strip() for row in csv.reader(handle) if row}
    from pantau.eval.quotes import detik_documents

    docs = list(dict.fromkeys(s.doc for s in gold))
    assert docs == sorted(docs, key=_number), "articles in id order"

    pipeline = Pipeline()
    pipeline.stages = []  # clean text and sentences only: nothing after the splitter runs
    documents = {i: (t, ti, p) for i, t, ti, p in detik_documents(data, docs)}
    assert set(documents) == set(docs)
    for doc in docs:
        sentences = [s for s in gold if s.doc == doc]
        numbers = [s.sentence for s in sentences]
        first = 0 if from_zero else numbers[0]
        assert numbers == list(range(first, first + len(sentences))), f"{doc}: a gap-free run"
        text, title, published = documents[doc]
        analysis = pipeline.analyze(text, title=title, published=published)
        for sentence in sentences:
            span = analysis.sentences[sentence.sentence]
            where = f"{doc} sentence {sentence.sentence}"
            assert analysis.text[span.start : span.end] == sentence.text, f"{where}: misaligned"
            for event in sentence.events:
                assert event["code"] in codes and event["root"] == event["code"][:2], where
                assert event["root"] in codes, where
                assert event["modality"] in MODALITIES, where
                assert event["trigger"] in sentence.text, f"{where}: trigger {event['trigger']!r}"
                actors = [event["source"], event["target"]]
                actors += event.get("source_all", []) + event.get("target_all", [])
                for actor in filter(None, actors):
                    assert actor["text"] in sentence.text, f"{where}: actor {actor['text']!r}"
                    assert actor["code"] and actor["code"].isupper(), where
                for key in ("source_all", "target_all"):
                    if key in event:
                        assert event[key][0] == event[key.split("_")[0]], f"{where}: {key}"


@pytest.mark.parametrize("path", [*SIZES, *SECOND_CODINGS], ids=lambda p: p.stem)
def test_event_check_set_lines_are_json_with_the_gold_fields(path: Path) -> None:
    keys = {"doc", "sentence", "text", "events"}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        assert set(record) == keys, f"line {number}"
