"""Evaluate document tone against sentence-level sentiment labels.

Gold sets (both held out from the lexicon's training, which reads only NusaX train):

- CNBC Indonesia headlines (``tone/id/cnbc-headlines-dev.csv``: judul, tanggal,
  sentimen positif/netral/negatif), news headlines;
- NusaX-senti Indonesian valid (``tone/id/nusax-valid.csv``: id, text, label
  positive/neutral/negative), reviews and social-media posts.

Figures (:class:`ToneEval`):

- ``polar_accuracy``: over the gold positive and negative items only, the share whose
  score has the gold sign (a score of exactly 0 is wrong);
- ``polar_precision``: the same over the gold positive/negative items with a non-zero
  score (how often the sign is right when the lexicon says anything);
- ``coverage``: the share of all items with a non-zero score;
- ``accuracy3`` and ``macro_f1``: three classes, the score mapped to neutral when
  ``|score| <= band`` (band 0: neutral only when no lexicon word counts, or they cancel).

:func:`inset_lexicon` builds the comparison: InSet (Koto and Rahmaningtyas 2017; dev
only, never shipped) scored by the same counting, negation and intensifier rules, each
InSet word counting its InSet weight / 5.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pantau.extract.tone.build import read_labelled
from pantau.extract.tone.lexicon import ToneLexicon, build_lexicon, load_tone_lexicon
from pantau.extract.tone.scorer import score_text
from pantau.model import Tone


@dataclass(frozen=True)
class ToneEval:
    items: int
    polar_items: int
    polar_correct: int
    polar_nonzero: int
    """Gold positive/negative items with a non-zero score."""
    nonzero: int
    correct3: int
    macro_f1: float
    band: float

    @property
    def polar_accuracy(self) -> float:
        return self.polar_correct / self.polar_items if self.polar_items else 0.0

    @property
    def polar_precision(self) -> float:
        """Sign accuracy over the gold positive/negative items that got a non-zero score."""
        return self.polar_correct / self.polar_nonzero if self.polar_nonzero else 0.0

    @property
    def coverage(self) -> float:
        return self.nonzero / self.items if self.items else 0.0

    @property
    def accuracy3(self) -> float:
        return self.correct3 / self.items if self.items else 0.0


def load_cnbc(path: Path) -> list[tuple[str, int]]:
    """CNBC headlines as (text, 1/0/-1)."""
    return read_labelled(path, text="judul", label="sentimen")


def load_nusax(path: Path) -> list[tuple[str, int]]:
    """NusaX-senti rows as (text, 1/0/-1)."""
    return read_labelled(path)


def sign(score: float, band: float = 0.0) -> int:
    return 1 if score > band else -1 if score < -band else 0


def evaluate(
    items: Iterable[tuple[str, int]],
    score: Callable[[str], Tone | None],
    band: float = 0.0,
) -> ToneEval:
    """Score every (text, gold polarity) item and count agreements."""
    n = polar = polar_ok = polar_nonzero = nonzero = ok3 = 0
    confusion: dict[tuple[int, int], int] = {}
    for text, gold in items:
        tone = score(text)
        value = tone.score if tone is not None else 0.0
        predicted = sign(value, band)
        n += 1
        nonzero += value != 0
        ok3 += predicted == gold
        confusion[gold, predicted] = confusion.get((gold, predicted), 0) + 1
        if gold:
            polar += 1
            polar_nonzero += value != 0
            polar_ok += sign(value) == gold
    f1s = []
    for label in (-1, 0, 1):
        tp = confusion.get((label, label), 0)
        predicted = sum(v for (_, p), v in confusion.items() if p == label)
        actual = sum(v for (g, _), v in confusion.items() if g == label)
        f1s.append(2 * tp / (predicted + actual) if predicted + actual else 0.0)
    return ToneEval(n, polar, polar_ok, polar_nonzero, nonzero, ok3, sum(f1s) / 3, band)


def lexicon_scorer(lexicon: ToneLexicon) -> Callable[[str], Tone]:
    return lambda text: score_text(text, lexicon)


def inset_lexicon(folder: Path, rules_from: str = "id") -> ToneLexicon:
    """InSet (``inset-positive.tsv`` and ``inset-negative.tsv``, word<TAB>weight -5..5)
    with the negation and intensifier rules of the shipped `rules_from` lexicon. A word
    in both lists gets the sum of its weights. Development comparison only."""
    words: dict[tuple[str, ...], float] = {}
    for name in ("inset-positive.tsv", "inset-negative.tsv"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines()[1:]:
            word, _, weight = line.rpartition("\t")
            key = tuple(word.lower().split())
            if key and len(key) <= 3 and weight.strip().lstrip("+-").isdigit():
                words[key] = words.get(key, 0.0) + int(weight) / 5
    words = {k: max(-1.0, min(1.0, v)) for k, v in words.items() if v}
    shipped = load_tone_lexicon(rules_from)
    if shipped is None:
        return build_lexicon(words, {})
    return ToneLexicon(
        words=words,
        negators=shipped.negators,
        negator_suffixes=shipped.negator_suffixes,
        negation_window=shipped.negation_window,
        negation_stops=shipped.negation_stops,
        intensifiers_before=shipped.intensifiers_before,
        intensifiers_after=shipped.intensifiers_after,
        strip_suffixes=shipped.strip_suffixes,
    )


def compare(data: Path, bands: tuple[float, ...] = (0.0,)) -> list[tuple[str, str, ToneEval]]:
    """(dataset, lexicon, figures) for pantau's shipped Indonesian lexicon and InSet on
    the CNBC headlines and NusaX valid, under ``data`` (../shared/data)."""
    sets = {
        "CNBC headlines": load_cnbc(data / "tone" / "id" / "cnbc-headlines-dev.csv"),
        "NusaX valid": load_nusax(data / "tone" / "id" / "nusax-valid.csv"),
    }
    lexicons: dict[str, ToneLexicon] = {}
    shipped = load_tone_lexicon("id")
    if shipped is not None:
        lexicons["pantau"] = shipped
    inset = data / "lexicons" / "id"
    if (inset / "inset-positive.tsv").is_file():
        lexicons["InSet (dev only)"] = inset_lexicon(inset)
    rows = []
    for set_name, items in sets.items():
        for lex_name, lexicon in lexicons.items():
            for band in bands:
                rows.append((set_name, lex_name, evaluate(items, lexicon_scorer(lexicon), band)))
    return rows
