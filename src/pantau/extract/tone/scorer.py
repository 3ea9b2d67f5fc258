"""Document tone, as GDELT's AvgTone: positive minus negative words per 100 words.

For each document, ``positive`` is the share of its words (in percent) that carry a
positive polarity in the language's tone lexicon, ``negative`` the share carrying a
negative one, and ``score = positive - negative``, so -100..100 with most news between
-10 and 10 (GDELT GKG V1.5 Tone: Tone, PositiveScore, NegativeScore). Words are the
tokens of pantau's tokenizer that hold a letter or a digit.

Lexicon words count their weight (1 for a full-strength word, less for the weaker
words learned from data); a negator flips the next lexicon word within its window
("tidak bagus" counts as negative), and intensifiers scale it. All the knowledge is in
`lang/<code>/tone.tsv` and `tone.toml`; this code knows no language. A language
without a tone lexicon gets no tone (None).
"""

from __future__ import annotations

from dataclasses import dataclass

from pantau.extract.tone.lexicon import ToneLexicon, load_tone_lexicon
from pantau.model import Analysis, Tone
from pantau.nlp.tokens import tokenize


@dataclass(frozen=True)
class ToneCounts:
    words: int
    positive: float
    """Sum of the weights of positive lexicon words (after negation and intensifiers)."""
    negative: float

    def tone(self) -> Tone:
        if not self.words:
            return Tone(score=0.0, positive=0.0, negative=0.0)
        positive = min(100.0, 100.0 * self.positive / self.words)
        negative = min(100.0, 100.0 * self.negative / self.words)
        return Tone(
            score=round(positive - negative, 4),
            positive=round(positive, 4),
            negative=round(negative, 4),
        )


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


def count_tone(words: list[str], lexicon: ToneLexicon) -> ToneCounts:
    """Weighted counts of positive and negative words in lower-cased tokens `words`."""
    n_words = positive = negative = 0.0
    negation = 0  # words left in the reach of the last negator
    boost = 1.0  # factor of an intensifier right before the current word
    i = 0
    while i < len(words):
        word = words[i]
        if not _is_word(word):
            negation, boost, i = 0, 1.0, i + 1
            continue
        n_words += 1
        if word in lexicon.negation_stops:
            negation, boost, i = 0, 1.0, i + 1
            continue
        if lexicon.is_negator(word):
            negation, boost, i = lexicon.negation_window, 1.0, i + 1
            continue
        if word in lexicon.intensifiers_before:
            boost, i = lexicon.intensifiers_before[word], i + 1
            negation = max(0, negation - 1) if negation else 0
            continue
        found = lexicon.lookup(words, i)
        if found is None:
            boost = 1.0
            negation = max(0, negation - 1)
            i += 1
            continue
        weight, end = found
        n_words += sum(1 for w in words[i + 1 : end] if _is_word(w))
        weight *= boost
        if end < len(words) and words[end] in lexicon.intensifiers_after:
            weight *= lexicon.intensifiers_after[words[end]]
        if negation:
            weight, negation = -weight, 0
        if weight > 0:
            positive += weight
        else:
            negative -= weight
        boost, i = 1.0, end
    return ToneCounts(int(n_words), positive, negative)


def score_text(text: str, lexicon: ToneLexicon) -> Tone:
    """The tone of `text` with `lexicon`."""
    return count_tone([t.text.lower() for t in tokenize(text)], lexicon).tone()


class ToneScorer:
    """The tone stage: fills `analysis.tone` from `analysis.text` (None when the
    document's language has no tone lexicon)."""

    def __init__(self, lexicons: dict[str, ToneLexicon] | None = None) -> None:
        self._lexicons = lexicons

    def lexicon(self, lang: str | None) -> ToneLexicon | None:
        if self._lexicons is not None:
            return self._lexicons.get(lang or "")
        return load_tone_lexicon(lang)

    def score(self, text: str, lang: str | None) -> Tone | None:
        lexicon = self.lexicon(lang)
        if lexicon is None or lexicon.empty:
            return None
        return score_text(text, lexicon)

    def __call__(self, analysis: Analysis) -> None:
        analysis.tone = self.score(analysis.text, analysis.language)
