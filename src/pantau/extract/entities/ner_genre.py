"""Which labelled corpus a sentence reads like: the genre switch of the NER features.

The Indonesian model learns from two corpora with different conventions. idner-news-2k
(news) leaves a country named as an actor or modifier untagged ("tentara Jepang",
"Rusia dan Jepang telah melarang"); NERGrit (encyclopaedic text) tags it LOC. One model
trained on both has to average the two rules. With a genre tag per sentence, every
feature also gets a copy conjoined with the genre (Daumé's "frustratingly easy" domain
adaptation), so the model learns shared weights plus a per-genre correction.

At training time the genre is the corpus a sentence comes from; at tagging time it is
guessed from the sentence's own words by a naive Bayes classifier (the log-ratio of each
lower-cased word's frequency in the two corpora) stored in ``ner-LANG.genre.txt``; on
held-out tenths of the training files it guesses 92 % of news and 96 % of NERGrit
sentences right (words only: the corpora tokenise punctuation differently). The entities
stage guesses once per document, which is surer still, so news articles, what pantau
reads, get idner-news-2k's convention.

The ``genre-lite`` feature group copies fewer attributes (not affixes, the words two away
or the neighbours' clusters): as accurate on held-out training data, and faster.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from pantau.extract.entities.ner import normalise

#: Genre labels: the first is the one a positive score means.
GENRES = ("n", "w")


def words(tokens: Iterable[str]) -> Iterator[str]:
    """The lower-cased words among the tokens: letters only, inner hyphens allowed.

    Punctuation and numbers are left out because the two corpora tokenise them
    differently (idner-news-2k keeps "(KMP)" whole, NERGrit splits off the bracket, as
    pantau does): a bracket would otherwise be strong evidence of the genre."""
    for t in tokens:
        if t.replace("-", "").isalpha():
            yield normalise(t).lower()


class GenreGuesser:
    """A two-class naive Bayes over lower-cased words: ``n`` (news) or ``w`` (other)."""

    def __init__(self, weights: dict[str, float], bias: float = 0.0) -> None:
        self.weights = weights
        self.bias = bias

    def score(self, tokens: Sequence[str]) -> float:
        """Log-odds of the first genre (``n``) for these tokens."""
        get = self.weights.get
        return self.bias + sum(get(w, 0.0) for w in words(tokens))

    def __call__(self, tokens: Sequence[str]) -> str:
        return GENRES[0] if self.score(tokens) >= 0 else GENRES[1]

    @classmethod
    def train(
        cls,
        first: Iterable[Sequence[str]],
        second: Iterable[Sequence[str]],
        alpha: float = 0.5,
        min_count: int = 2,
        min_weight: float = 0.2,
    ) -> GenreGuesser:
        """Word log-ratios of the two sentence collections (add-``alpha`` smoothing).

        Words seen fewer than ``min_count`` times in all, or whose weight is under
        ``min_weight``, are left out: they barely move a decision and keep the file small.
        The bias is 0: each corpus is as likely a priori, so the words alone decide.
        """
        ca: Counter[str] = Counter()
        cb: Counter[str] = Counter()
        for sent in first:
            ca.update(words(sent))
        for sent in second:
            cb.update(words(sent))
        vocab = set(ca) | set(cb)
        na = sum(ca.values()) + alpha * len(vocab)
        nb = sum(cb.values()) + alpha * len(vocab)
        weights = {}
        for w in sorted(vocab):
            if ca[w] + cb[w] < min_count:
                continue
            lr = math.log((ca[w] + alpha) / na) - math.log((cb[w] + alpha) / nb)
            if abs(lr) >= min_weight:
                weights[w] = round(lr, 3)
        return cls(weights)

    def write(self, path: Path) -> None:
        lines = [f"#bias\t{self.bias}\n"]
        lines += [f"{w}\t{v}\n" for w, v in sorted(self.weights.items())]
        path.write_text("".join(lines), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> GenreGuesser:
        weights: dict[str, float] = {}
        bias = 0.0
        for line in path.read_text(encoding="utf-8").splitlines():
            word, _, value = line.rpartition("\t")
            if word == "#bias":
                bias = float(value)
            elif word:
                weights[word] = float(value)
        return cls(weights, bias)
