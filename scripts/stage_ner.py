"""Score the whole entities stage as NER: exact span and type against a gold file.

`pantau evaluate ner` scores the statistical model alone; this puts each gold sentence
through the entity recogniser (model, knowledge-base names, titles, kinds of
organisation), as a document of its own in Indonesian, and scores its mentions whose
edges fall on gold token edges (PERSON -> PER). The stage adds what the gold may leave
untagged on purpose (idner-news-2k leaves countries used as actors untagged), so its
figures sit below the model's.

    .venv/bin/python scripts/stage_ner.py [DATA_ROOT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from pantau.eval import ner as E
from pantau.extract.entities.ner import spans
from pantau.extract.entities.recognizer import EntityRecognizer
from pantau.model import Analysis, Span

GOLD = (("ner/id/idner-news-2k/dev.txt", "idner"), ("ner/id/nergrit/valid.tsv", "conll"))
TAGS = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}


def predicted(recognizer: EntityRecognizer, tokens: list[str]) -> set[tuple[int, int, str]]:
    """(first, last, type) token spans of the stage's mentions in one sentence."""
    text = " ".join(tokens)
    starts, position = {}, 0
    for i, token in enumerate(tokens):
        starts[position] = i
        position += len(token) + 1
    ends = {start + len(tokens[i]): i + 1 for start, i in starts.items()}
    analysis = Analysis(id="s", language="id", text=text, sentences=[Span(start=0, end=len(text))])
    recognizer(analysis)
    return {
        (starts[m.start], ends[m.end], TAGS[e.type])
        for e in analysis.entities
        for m in e.mentions
        if m.start in starts and m.end in ends
    }


def main(root: Path) -> None:
    recognizer = EntityRecognizer()
    for name, fmt in GOLD:
        found = missed = extra = 0
        for sentence in E.read(root / name, fmt):
            gold = set(spans(sentence.tags))
            guess = predicted(recognizer, sentence.tokens)
            found += len(gold & guess)
            missed += len(gold - guess)
            extra += len(guess - gold)
        precision, recall = found / (found + extra), found / (found + missed)
        f1 = 2 * precision * recall / (precision + recall)
        print(f"{name}: P {precision:.4f} R {recall:.4f} F1 {f1:.4f}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
