"""Tone: GDELT-style document tone (positive minus negative words per 100 words)."""

from pantau.extract.tone.lexicon import ToneLexicon, load_tone_lexicon
from pantau.extract.tone.scorer import ToneScorer, count_tone, score_text

__all__ = ["ToneLexicon", "ToneScorer", "count_tone", "load_tone_lexicon", "score_text"]
