"""Build the shipped tone lexicons (`lang/<code>/tone.tsv`) from open data.

Indonesian (`build_id`): word polarities learned from the NusaX-senti Indonesian
*train* split (CC BY-SA 4.0) as the log-odds ratio of a word between positive and
negative sentences, with an informative Dirichlet prior (Monroe, Colaresi and Quinn
2008, "Fightin' Words"), over document frequencies; a word in a negator's reach counts
for the opposite class. A word is kept when it appears in at least `min_df` polar
sentences and its z-score is at least `min_z`; its weight is its log-odds, scaled to
[-1, 1] by `scale` and capped. Then pantau's own hand-written list of news words
(`lang/id/tone-curated.tsv`, Apache-2.0) is laid over it: a curated word keeps its
curated weight. NusaX *valid* and the CNBC headlines are never read here: they are the
evaluation sets.

English (`build_en`): VADER's lexicon (vaderSentiment, MIT, C.J. Hutto): every entry
that is a word (emoticons dropped), mean valence / 4, rounded.

Run: ``python scripts/build_tone_lexicons.py`` (see its --help).
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pantau.extract.tone.lexicon import ToneLexicon, read_tone_words
from pantau.nlp.tokens import tokenize

LABELS = {
    "positive": 1, "positif": 1, "pos": 1,
    "negative": -1, "negatif": -1, "neg": -1,
    "neutral": 0, "netral": 0, "neu": 0,
}


def read_labelled(path: Path, text: str = "text", label: str = "label") -> list[tuple[str, int]]:
    """(text, polarity 1/0/-1) rows of a CSV file such as NusaX or the CNBC headlines."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row[text], LABELS[row[label].strip().lower()]) for row in csv.DictReader(handle)]


def _polar_words(text: str, rules: ToneLexicon) -> Iterable[tuple[str, bool]]:
    """(word, negated) for the content words of `text`, by the rules' negators."""
    negation = 0
    for token in tokenize(text):
        word = token.text.lower()
        if not any(c.isalnum() for c in word) or word in rules.negation_stops:
            negation = 0
            continue
        if rules.is_negator(word):
            negation = rules.negation_window
            continue
        if (
            word in rules.intensifiers_before
            or word in rules.intensifiers_after
            or not any(c.isalpha() for c in word)
            or len(word) < 2
        ):
            continue
        yield word, negation > 0
        negation = max(0, negation - 1)


def learn_polarity(
    docs: list[tuple[str, int]],
    rules: ToneLexicon,
    *,
    min_df: int = 3,
    min_z: float = 1.5,
    prior: float = 0.5,
    scale: float = 2.0,
) -> dict[str, float]:
    """Word -> weight in [-1, 1] from (text, polarity) examples; neutral ones feed only
    the prior (the background frequency of each word)."""
    counts = {1: Counter[str](), -1: Counter[str]()}
    background: Counter[str] = Counter()
    for text, label in docs:
        seen: dict[str, bool] = {}
        for word, negated in _polar_words(text, rules):
            seen.setdefault(word, negated)
        background.update(seen.keys())
        if label:
            for word, negated in seen.items():
                counts[-label if negated else label][word] += 1
    totals = {label: sum(c.values()) for label, c in counts.items()}
    n_background = sum(background.values())
    alpha0 = prior * len(background)
    weights: dict[str, float] = {}
    for word, freq in background.items():
        pos, neg = counts[1][word], counts[-1][word]
        if pos + neg < min_df:
            continue
        alpha = alpha0 * freq / n_background
        odds_pos = (pos + alpha) / (totals[1] + alpha0 - pos - alpha)
        odds_neg = (neg + alpha) / (totals[-1] + alpha0 - neg - alpha)
        delta = math.log(odds_pos) - math.log(odds_neg)
        z = delta / math.sqrt(1 / (pos + alpha) + 1 / (neg + alpha))
        if abs(z) >= min_z:
            weights[word] = max(-1.0, min(1.0, delta / scale))
    return weights


def read_vader(path: Path) -> dict[str, float]:
    """VADER's lexicon (token, mean valence -4..4, ...) as word -> valence / 4."""
    words: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0][:1].isalpha():
            continue
        token = parts[0].lower()
        if all(c.isalpha() or c in "-'" for c in token):
            words[token] = round(float(parts[1]) / 4, 3)
    return words


def write_tone_tsv(path: Path, words: dict[str, float], header: list[str]) -> None:
    lines = [f"# {line}" if line else "#" for line in header]
    for word, weight in sorted(words.items()):
        lines.append(f"{word}\t{weight:+.3f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_id(
    nusax_train: Path, curated: Path, rules: ToneLexicon, out: Path, **params: float
) -> dict[str, float]:
    params = {"min_df": 3, "min_z": 1.5, "prior": 0.5, "scale": 2.0, **params}
    learned = learn_polarity(read_labelled(nusax_train), rules, **params)  # type: ignore[arg-type]
    curated_words = {
        " ".join(k): v for k, v in read_tone_words(curated.read_text(encoding="utf-8")).items()
    }
    words = {**{w: round(v, 3) for w, v in learned.items()}, **curated_words}
    settings = ", ".join(f"{k}={v}" for k, v in sorted(params.items()))
    write_tone_tsv(out, words, [
        "Indonesian tone lexicon: word<TAB>polarity weight in [-1, 1]. Generated: do not edit;",
        "edit tone-curated.tsv and run `python scripts/build_tone_lexicons.py`.",
        f"{len(learned)} words learned from NusaX-senti Indonesian train ({settings}),",
        "CC BY-SA 4.0 (https://github.com/IndoNLP/nusax), so this file is shared under",
        f"CC BY-SA 4.0; {len(curated_words)} curated words from tone-curated.tsv (Apache-2.0)",
        "override them.",
    ])
    return words


def build_en(vader_lexicon: Path, out: Path) -> dict[str, float]:
    words = read_vader(vader_lexicon)
    write_tone_tsv(out, words, [
        "English tone lexicon: word<TAB>polarity weight in [-1, 1]. Generated: do not edit.",
        "Derived from VADER's vader_lexicon.txt (vaderSentiment 3.3.2,",
        "https://github.com/cjhutto/vaderSentiment): the word entries, mean valence / 4.",
        "The MIT License (MIT), Copyright (c) 2016 C.J. Hutto. Permission is hereby granted,",
        "free of charge, to any person obtaining a copy of this software and associated",
        "documentation files (the \"Software\"), to deal in the Software without restriction,",
        "including without limitation the rights to use, copy, modify, merge, publish,",
        "distribute, sublicense, and/or sell copies of the Software, and to permit persons to",
        "whom the Software is furnished to do so, subject to the following conditions: The",
        "above copyright notice and this permission notice shall be included in all copies",
        "or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT",
        "WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE",
        "WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.",
        "IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES",
        "OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING",
        "FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE",
        "SOFTWARE.",
    ])
    return words
