"""The registry of Indonesian event golds (`pantau.eval.event_golds`): every gold file is
either tuning or blind, and no article is both."""

from __future__ import annotations

from pathlib import Path

from pantau.eval import events as E
from pantau.eval.event_golds import BLIND, TUNING, select_half

EVENTS = Path(__file__).parent / "data" / "events"
NOT_SCORED = {"agreement", "where-when"}
"""Folders of files over articles of other golds: a second coding, places and dates."""


def _articles(sets: tuple) -> set[str]:
    return {s.doc for gold in sets
            for s in select_half(E.load_gold(EVENTS / gold.file), gold.half)}


def test_every_event_gold_file_is_registered_as_tuning_or_blind() -> None:
    files = {str(p.relative_to(EVENTS)) for p in EVENTS.rglob("*.jsonl")
             if p.parent.name not in NOT_SCORED}
    assert files == {gold.file for gold in (*TUNING, *BLIND)}


def test_no_article_is_both_tuning_and_blind() -> None:
    assert _articles(TUNING)
    assert not _articles(TUNING) & _articles(BLIND)


def test_the_halves_of_a_file_split_its_articles_alternately() -> None:
    sentences = E.load_gold(EVENTS / "detik-events-check.jsonl")
    order = list(dict.fromkeys(s.doc for s in sentences))
    a = select_half(sentences, "A")
    b = select_half(sentences, "B")
    assert len(a) + len(b) == len(sentences)
    assert {s.doc for s in a} == set(order[::2])
    assert {s.doc for s in b} == set(order[1::2])
    assert select_half(sentences, None) == sentences
