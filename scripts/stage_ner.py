"""Score the whole entities stage as NER: exact span and type against a gold file.

`pantau evaluate ner` scores the statistical model alone; this puts each gold sentence
through the entity recogniser (model, knowledge-base names, titles, kinds of
organisation), as a document of its own in Indonesian, and scores its mentions whose
edges fall on gold token edges (PERSON -> PER). The stage adds what the gold may leave
untagged on purpose (idner-news-2k leaves countries used as actors untagged), so its
figures sit below the model's.

The Detik sets annotated for pantau (`tests/data/ner/detik-ner.tsv`, `detik-ner-2.tsv`)
are scored in their articles instead: each article goes through the whole pipeline
(cleaning, sentences, entities), as users run it, and the mentions in the gold sentences
are scored.

    .venv/bin/python scripts/stage_ner.py [DATA_ROOT]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pantau.eval import ner as E
from pantau.extract.entities.ner import spans
from pantau.extract.entities.recognizer import EntityRecognizer
from pantau.model import Analysis, Span
from pantau.nlp.tokens import tokenize
from pantau.pipeline import Pipeline

GOLD = (("ner/id/idner-news-2k/dev.txt", "idner"), ("ner/id/nergrit/valid.tsv", "conll"))
TAGS = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}
DETIK_GOLDS = tuple(Path(__file__).resolve().parents[1] / "tests" / "data" / "ner" / name
                    for name in ("detik-ner.tsv", "detik-ner-2.tsv"))


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


def read_articles(root: Path) -> dict[str, dict]:
    """The Detik dev articles by id."""
    with open(root / "news" / "id" / "detik-2025-dev.jsonl", encoding="utf-8") as fh:
        return {doc["id"]: doc for doc in map(json.loads, fh)}


def in_articles(articles: dict[str, dict], gold: Path, pipeline: Pipeline) -> list[tuple[set, set]]:
    """(gold, predicted) spans of each sentence of a Detik gold file, its article analysed
    whole (the article and sentence of each are in the file's `.index.tsv`)."""
    index = gold.with_suffix(".index.tsv").read_text(encoding="utf-8")
    places = [line.split("\t") for line in index.splitlines()[1:]]
    analysed, pairs = {}, []
    for (doc_id, number), sentence in zip(places, E.read(gold, "conll"), strict=True):
        if doc_id not in analysed:
            doc = articles[doc_id]
            analysed[doc_id] = pipeline.analyze(doc["text"], title=doc.get("title"),
                                                id=doc_id, published=doc.get("published"))
        analysis = analysed[doc_id]
        span = analysis.sentences[int(number)]
        tokens = tokenize(analysis.text, span.start, span.end)
        assert [t.text for t in tokens] == sentence.tokens, (doc_id, number)
        first = {t.start: i for i, t in enumerate(tokens)}
        last = {t.end: i + 1 for i, t in enumerate(tokens)}
        guess = {(first[m.start], last[m.end], TAGS[e.type])
                 for e in analysis.entities if e.type in TAGS for m in e.mentions
                 if m.start in first and m.end in last}
        pairs.append((set(spans(sentence.tags)), guess))
    return pairs


def report(name: str, pairs: list[tuple[set, set]]) -> None:
    found = sum(len(gold & guess) for gold, guess in pairs)
    precision = found / max(1, sum(len(guess) for _, guess in pairs))
    recall = found / max(1, sum(len(gold) for gold, _ in pairs))
    f1 = 2 * precision * recall / (precision + recall) if found else 0.0
    print(f"{name}: P {precision:.4f} R {recall:.4f} F1 {f1:.4f}")


def main(root: Path) -> None:
    recognizer = EntityRecognizer()
    for name, fmt in GOLD:
        pairs = [(set(spans(s.tags)), predicted(recognizer, s.tokens))
                 for s in E.read(root / name, fmt)]
        report(name, pairs)
    articles, pipeline, both = read_articles(root), Pipeline(), []
    for gold in DETIK_GOLDS:
        pairs = in_articles(articles, gold, pipeline)
        report(f"tests/data/ner/{gold.name} (in its articles)", pairs)
        both += pairs
    report("both Detik sets", both)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
