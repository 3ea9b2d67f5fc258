"""Score the events coder on every Indonesian event gold: each tuning and blind set
(`pantau.eval.event_golds`), then each kind pooled.

    .venv/bin/python scripts/event_scores.py [--data DETIK_JSONL] [--golds DIR]

Root level and root with actors, precision / recall (matched, predicted, gold), as
`pantau evaluate events` scores one file. The blind sets stand for the held-out set:
score them, never read their errors (`--show` of `pantau evaluate events`).
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from rich.console import Console
from rich.table import Table

from pantau.eval import events as E
from pantau.eval.event_golds import BLIND, TUNING, select_half
from pantau.eval.quotes import detik_documents
from pantau.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path,
                        default=ROOT.parent / "shared/data/news/id/detik-2025-dev.jsonl")
    parser.add_argument("--golds", type=Path, default=ROOT / "tests/data/events")
    parser.add_argument("--only", choices=("tuning", "blind"),
                        help="score one kind (while changing the coder: tuning)")
    options = parser.parse_args()
    kinds = [(kind, sets) for kind, sets in (("tuning", TUNING), ("blind", BLIND))
             if options.only in (None, kind)]
    golds = {gold: select_half(E.load_gold(options.golds / gold.file), gold.half)
             for _, sets in kinds for gold in sets}
    wanted = {s.doc for sentences in golds.values() for s in sentences}
    documents = {i: {"text": t, "title": ti, "published": p}
                 for i, t, ti, p in detik_documents(options.data, wanted)}
    # articles shared by two golds (a tuning round's sentences 10-19) are analysed once
    analyze = functools.cache(E.lenient(Pipeline()))
    table = Table("gold", "kind", "events", "root: P / R (matched, predicted)",
                  "root with actors: P / R (matched, predicted)")
    for kind, sets in kinds:
        pooled: dict[str, E.LevelScore] = {}
        for gold in sets:
            score = E.evaluate_pantau(golds[gold], documents, analyze)
            table.add_row(gold.name, kind, str(score.levels["root"].gold),
                          *(_cell(score.levels[level]) for level in ("root", "root+actors")))
            for level in ("root", "root+actors"):
                total = pooled.setdefault(level, E.LevelScore())
                total.true_positives += score.levels[level].true_positives
                total.predicted += score.levels[level].predicted
                total.gold += score.levels[level].gold
        table.add_row("[b]pooled[/b]", kind, str(pooled["root"].gold),
                      *(_cell(pooled[level]) for level in ("root", "root+actors")),
                      end_section=True)
    Console(width=120).print(table)


def _cell(score: E.LevelScore) -> str:
    return (f"{score.precision:.3f} / {score.recall:.3f} "
            f"({score.true_positives}, {score.predicted})")


if __name__ == "__main__":
    main()
