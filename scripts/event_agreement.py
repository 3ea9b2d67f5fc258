"""Agreement between two hand codings of the same sentences (pantau's event gold format),
scored as `pantau evaluate events` scores the coder: the second file as the prediction.

    .venv/bin/python scripts/event_agreement.py REFERENCE.jsonl OTHER.jsonl

Prints precision, recall and F1 at the three levels, each way round.
"""

from __future__ import annotations

import sys

from pantau.eval import events as E


def main(reference: str, other: str) -> None:
    first, second = E.load_gold(reference), E.load_gold(other)
    for name, score in ((f"{other} against {reference}", E.agreement(first, second)),
                        (f"{reference} against {other}", E.agreement(second, first))):
        print(name, f"({score.sentences} sentences, {score.misaligned} not aligned)")
        print("  level          P       R       F1     agree  predicted  gold")
        for level, p, r, f1, tp, predicted, gold in score.rows():
            print(f"  {level:<12} {p}  {r}  {f1}  {tp:>5}  {predicted:>9}  {gold:>4}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
