"""How far a learned trigger tagger gets on the blind event rounds: an experiment, not
part of the coder.

Trains a CRF (python-crfsuite, as the NER model) to mark event triggers with their CAMEO
root (BIO tags such as `B-17`) on the hand-coded event golds of `tests/data/events/`
named as training files, and scores it on the others at root level (per sentence, one
to one: the `root` level of `pantau evaluate events`, without actors), beside the rule
coder's roots on the same sentences and the union of both.

    .venv/bin/python scripts/event_trigger_experiment.py [--data DETIK_JSONL]

Features: the word, its crude stem (Indonesian affixes off), affixes, shape, the roots
the pack's lexicon gives a trigger starting there, the neighbours' words and stems. The
golds give triggers as text; a trigger is placed at its first occurrence in the sentence.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter
from pathlib import Path

import pycrfsuite

from pantau.eval import events as E
from pantau.eval.quotes import detik_documents
from pantau.extract.events.lexicon import load_event_lexicon
from pantau.nlp.tokens import tokenize
from pantau.pipeline import Pipeline

EVENTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "events"
TRAIN = ["detik-events.jsonl", "detik-events-check.jsonl", "detik-events-check-r4.jsonl",
         "detik-events-check-r5.jsonl", "detik-events-check-r6.jsonl"]
TEST = ["detik-events-check-r7.jsonl", "detik-events-check-r8.jsonl"]
DEFAULT_DATA = (Path(__file__).resolve().parent.parent.parent
                / "shared" / "data" / "news" / "id" / "detik-2025-dev.jsonl")
PREFIXES = ("memper", "mem", "men", "meng", "meny", "me", "diper", "di", "ber", "ter", "pem",
            "pen", "peng", "peny", "pe", "per", "ke")
SUFFIXES = ("kannya", "nya", "kan", "an", "i")


def stem(word: str) -> str:
    for p in sorted(PREFIXES, key=len, reverse=True):
        if word.startswith(p) and len(word) - len(p) >= 4:
            word = word[len(p):]
            break
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 4:
            return word[: -len(s)]
    return word


def lexicon_roots(words: list[str], lexicon) -> list[str]:  # noqa: ANN001
    """For each token, the roots the lexicon's triggers starting there can give."""
    out = []
    for i in range(len(words)):
        roots = set()
        for size in range(min(lexicon.max_trigger, len(words) - i), 0, -1):
            key = tuple(words[i:i + size])
            for pattern in lexicon.triggers.get(key, ()):
                if pattern.code and pattern.code != "010":
                    roots.add(pattern.code[:2])
        out.append("|".join(sorted(roots)))
    return out


def features(words: list[str], lexicon) -> list[list[str]]:  # noqa: ANN001
    roots = lexicon_roots(words, lexicon)
    stems = [stem(w) for w in words]
    feats = []
    for i, w in enumerate(words):
        f = [f"w={w}", f"s={stems[i]}", f"p3={w[:3]}", f"x3={w[-3:]}",
             f"shape={re.sub(r'[a-z]+', 'a', re.sub(r'[A-Z]+', 'A', w))[:4]}",
             f"lex={roots[i] or '-'}"]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(words):
                f += [f"{d}w={words[j]}", f"{d}s={stems[j]}", f"{d}lex={roots[j] or '-'}"]
            else:
                f.append(f"{d}w=<edge>")
        feats.append(f)
    return feats


def labels(text: str, tokens: list, events: list[dict]) -> list[str]:  # noqa: ANN001
    tags = ["O"] * len(tokens)
    for event in events:
        at = text.find(event["trigger"])
        if at < 0:
            continue
        span = [k for k, t in enumerate(tokens) if at <= t.start < at + len(event["trigger"])]
        if not span or tags[span[0]] != "O":
            continue
        for n, k in enumerate(span):
            tags[k] = ("B-" if n == 0 else "I-") + event["root"]
    return tags


def predicted_roots(tags: list[str]) -> list[str]:
    return [t[2:] for t in tags if t.startswith("B-")]


def score(pairs: list[tuple[list[str], list[str]]]) -> tuple[float, float, int, int, int]:
    found = predicted = gold = 0
    for guess, truth in pairs:
        matched = sum((Counter(guess) & Counter(truth)).values())
        found, predicted, gold = found + matched, predicted + len(guess), gold + len(truth)
    return (found / predicted if predicted else 0.0, found / gold if gold else 0.0,
            found, predicted, gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    lexicon = load_event_lexicon("id")
    golds = {name: E.load_gold(EVENTS / name) for name in TRAIN + TEST}
    trainer = pycrfsuite.Trainer(verbose=False)
    for name in TRAIN:
        for s in golds[name]:
            tokens = tokenize(s.text)
            words = [t.text.lower() for t in tokens]
            trainer.append(features(words, lexicon), labels(s.text, tokens, s.events))
    trainer.set_params({"c1": 0.1, "c2": 0.1, "max_iterations": 200})
    with tempfile.TemporaryDirectory() as folder:
        model = str(Path(folder) / "triggers.crfsuite")
        trainer.train(model)
        tagger = pycrfsuite.Tagger()
        tagger.open(model)
        pipeline = Pipeline()
        for name in TEST:
            sentences = golds[name]
            docs = list(dict.fromkeys(s.doc for s in sentences))
            rule_roots: dict[tuple[str, int], list[str]] = {}
            for doc, text, title, published in detik_documents(args.data, docs):
                analysis = pipeline.analyze(text, title=title, published=published)
                for event in analysis.events:
                    rule_roots.setdefault((doc, event.sentence), []).append(event.root)
            learned, rules, union = [], [], []
            for s in sentences:
                tokens = tokenize(s.text)
                words = [t.text.lower() for t in tokens]
                guess = predicted_roots(tagger.tag(features(words, lexicon)))
                truth = [e["root"] for e in s.events]
                by_rules = rule_roots.get((s.doc, s.sentence), [])
                both = list((Counter(by_rules) | Counter(guess)).elements())
                learned.append((guess, truth))
                rules.append((by_rules, truth))
                union.append((both, truth))
            for label, pairs in (("learned", learned), ("rules", rules), ("union", union)):
                p, r, found, predicted, gold = score(pairs)
                print(f"{name:32} {label:8} root P {p:.4f} R {r:.4f} ({found} of {predicted} "
                      f"predicted, {gold} gold)")


if __name__ == "__main__":
    main()
