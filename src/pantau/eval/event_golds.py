"""The Indonesian event golds of `tests/data/events` and what each is for.

Tuning golds are the ones the coder's rules were written against (their errors were
read); blind golds stand for the held-out set: they are scored, never read. Two files are
split by article into halves, one of each kind (`half`). `pantau train events` learns the
events' confidence from the tuning golds only; `scripts/event_scores.py` scores all of
them. How each was made: `tests/data/events/README.md`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pantau.eval.events import GoldSentence

Half = Literal["A", "B"] | None


@dataclass(frozen=True)
class GoldSet:
    file: str
    """Relative to the golds folder (`tests/data/events`)."""
    half: Half = None
    """"A": the file's first, third, fifth ... article; "B": the others; None: all."""

    @property
    def name(self) -> str:
        stem = self.file.rsplit("/", 1)[-1].removesuffix(".jsonl")
        return f"{stem} half {self.half}" if self.half else stem


TUNING = (
    GoldSet("detik-events.jsonl"),
    GoldSet("detik-events-check.jsonl", "A"),
    GoldSet("detik-events-check-r5.jsonl"),
    GoldSet("detik-events-check-r6.jsonl", "A"),
    GoldSet("detik-events-check-r7.jsonl"),
    GoldSet("detik-events-check-r8.jsonl"),
    GoldSet("tuning/detik-events-r5-r7-s10.jsonl"),
    GoldSet("tuning/detik-events-r8-s10.jsonl"),
)
BLIND = (
    GoldSet("detik-events-check.jsonl", "B"),
    GoldSet("detik-events-check-r4.jsonl"),
    GoldSet("detik-events-check-r6.jsonl", "B"),
    GoldSet("detik-events-check-r9.jsonl"),
    GoldSet("detik-events-check-r10.jsonl"),
)


def select_half(sentences: Sequence[GoldSentence], half: Half) -> list[GoldSentence]:
    """The sentences of the file's half (`GoldSet.half`), in order."""
    if half is None:
        return list(sentences)
    order = list(dict.fromkeys(s.doc for s in sentences))
    kept = set(order[::2] if half == "A" else order[1::2])
    return [s for s in sentences if s.doc in kept]
