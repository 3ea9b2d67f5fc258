"""Evaluate named-entity recognition against gold files, CoNLL style.

Gold corpora come in several shapes; every reader here normalises them to BIO tags over
the three types pantau extracts, PER, ORG and LOC:

- ``conll``: one ``token TAB tag`` (or ``token tag``) per line, a blank line between
  sentences; the tag is the last field. WikiANN's ``en:`` token prefix is stripped and
  NERGrit's PERSON / PLACE / ORGANISATION become PER / LOC / ORG.
- ``nerp``: NER-Prosa (conll layout) with PPL -> PER, PLC -> LOC, IND -> ORG; its EVT and
  FNB (events, food and beverage) become O.
- ``idner``: ``token UPOS NER`` per line with CRLF line ends and blank ``\\r`` lines.

Any other type (MISC, EVT, ...) becomes O, and stray ``I-`` tags (an ``I-X`` after O or
after another type) are repaired to ``B-X``, the way conlleval reads them.

Scores are entity-level: a predicted entity counts only when its span and type both match
a gold entity exactly. Precision, recall and F1 are given per type and micro-averaged
over all types, together with the tagger's speed in tokens per second.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pantau.errors import InputError
from pantau.extract.entities.ner import spans

TYPES = ("PER", "ORG", "LOC")

#: Type names of the gold formats, mapped to pantau's three types (anything else -> O).
CONLL_TYPES = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
}
NERP_TYPES = {"PPL": "PER", "PLC": "LOC", "IND": "ORG"}
IDNER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

FORMATS = ("conll", "nerp", "idner")


@dataclass
class NerSentence:
    """One gold sentence: tokens and their BIO tags over PER / ORG / LOC."""

    tokens: list[str]
    tags: list[str]


def tags_from_spans(length: int, entities: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO tags of ``length`` tokens with the given entity spans."""
    tags = ["O"] * length
    for start, end, kind in entities:
        tags[start] = f"B-{kind}"
        for i in range(start + 1, end):
            tags[i] = f"I-{kind}"
    return tags


def normalise_tags(tags: Sequence[str], types: dict[str, str]) -> list[str]:
    """Map raw gold tags to pantau's BIO tags: rename types, drop others, repair I-."""
    kept = [(s, e, types[k]) for s, e, k in spans(tags) if k in types]
    return tags_from_spans(len(tags), kept)


def _blocks(path: Path) -> Iterable[list[list[str]]]:
    """Sentences of a column file as lists of whitespace-split fields."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"gold file not found: {path}") from None
    except (UnicodeDecodeError, IsADirectoryError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc}") from None
    block: list[list[str]] = []
    for line in text.splitlines():  # handles \n, \r\n and lone \r
        fields = line.split("\t") if "\t" in line else line.split()
        fields = [f.strip() for f in fields]
        if not line.strip() or line.startswith("-DOCSTART-"):
            if block:
                yield block
                block = []
            continue
        block.append(fields)
    if block:
        yield block


def _read(
    path: Path, types: dict[str, str], token_column: int, min_fields: int
) -> list[NerSentence]:
    sentences = []
    for block in _blocks(path):
        tokens, raw = [], []
        for fields in block:
            if len(fields) < min_fields:
                got = " ".join(fields)
                raise InputError(
                    f"{path}: expected {min_fields} columns, got {len(fields)}: {got!r}"
                )
            token = fields[token_column]
            if token.startswith("en:") and len(token) > 3:  # WikiANN language prefix
                token = token[3:]
            tokens.append(token)
            raw.append(fields[-1])
        sentences.append(NerSentence(tokens, normalise_tags(raw, types)))
    return sentences


def read_conll(path: Path) -> list[NerSentence]:
    """``token TAB tag`` (or space-separated) sentences; WikiANN and NERGrit included."""
    return _read(path, CONLL_TYPES, 0, 2)


def read_nerp(path: Path) -> list[NerSentence]:
    """NER-Prosa: PPL -> PER, PLC -> LOC, IND -> ORG, EVT and FNB -> O."""
    return _read(path, NERP_TYPES, 0, 2)


def read_idner(path: Path) -> list[NerSentence]:
    """``token UPOS NER`` sentences (idner-news-2k), CRLF line ends."""
    return _read(path, IDNER_TYPES, 0, 3)


READERS: dict[str, Callable[[Path], list[NerSentence]]] = {
    "conll": read_conll,
    "nerp": read_nerp,
    "idner": read_idner,
}


def read(path: Path, format: str) -> list[NerSentence]:
    """Gold sentences of ``path`` in one of ``FORMATS``."""
    try:
        reader = READERS[format]
    except KeyError:
        raise InputError(
            f"unknown NER gold format {format!r}; choose one of {', '.join(FORMATS)}"
        ) from None
    return reader(Path(path))


class Tagger(Protocol):
    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]: ...


@dataclass(frozen=True)
class TypeScore:
    """Entity counts and precision / recall / F1 for one type (or all: micro)."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class NerScore:
    """Entity-level scores per type and micro overall, and the tagger's speed."""

    per_type: dict[str, TypeScore]
    overall: TypeScore
    sentences: int
    tokens: int
    seconds: float
    extra_types: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds > 0 else float("inf")

    def rows(self) -> list[tuple[str, str, str, str, str, str]]:
        """(type, precision, recall, F1, gold, predicted) rows, types then ``overall``."""
        out = []
        for name, s in [*self.per_type.items(), ("overall", self.overall)]:
            out.append(
                (
                    name,
                    f"{s.precision:.4f}",
                    f"{s.recall:.4f}",
                    f"{s.f1:.4f}",
                    str(s.gold),
                    str(s.predicted),
                )
            )
        return out


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> NerScore:
    """Entity-level scores of predicted against gold tag sequences (no timing)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    g_count: Counter[str] = Counter()
    p_count: Counter[str] = Counter()
    c_count: Counter[str] = Counter()
    tokens = 0
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        if len(g_tags) != len(p_tags):
            raise ValueError(f"sentence of {len(g_tags)} tokens tagged with {len(p_tags)} tags")
        tokens += len(g_tags)
        g = set(spans(g_tags))
        p = set(spans(p_tags))
        g_count.update(k for _, _, k in g)
        p_count.update(k for _, _, k in p)
        c_count.update(k for _, _, k in g & p)
    names = list(TYPES) + sorted((set(g_count) | set(p_count)) - set(TYPES))
    per_type = {k: TypeScore(g_count[k], p_count[k], c_count[k]) for k in names}
    overall = TypeScore(sum(g_count.values()), sum(p_count.values()), sum(c_count.values()))
    extra = [k for k in names if k not in TYPES]
    return NerScore(per_type, overall, len(gold), tokens, 0.0, extra)


def evaluate(
    sentences: Sequence[NerSentence], tagger: Tagger | Callable[[list[str]], list[str]]
) -> NerScore:
    """Tag every gold sentence's tokens and score the result; times the tagging only."""
    token_lists = [list(s.tokens) for s in sentences]
    start = time.perf_counter()
    if hasattr(tagger, "tag_many"):
        predicted = tagger.tag_many(token_lists)
    else:
        predicted = [tagger(tokens) for tokens in token_lists]  # type: ignore[operator]
    seconds = time.perf_counter() - start
    result = score([s.tags for s in sentences], predicted)
    return NerScore(
        result.per_type,
        result.overall,
        result.sentences,
        result.tokens,
        seconds,
        result.extra_types,
    )
