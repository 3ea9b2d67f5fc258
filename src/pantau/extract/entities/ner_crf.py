"""The linear CRF's weights as numpy arrays, and forward-backward over a batch of sentences.

crfsuite computes tag marginals one sentence at a time, looking up each of some 35
attribute strings per token in its own dictionary. The mixture with the neural model
(ner_neural) needs the marginals of every sentence, so `NerModel` computes them here
instead: per distinct token string the summed weights of its attributes are cached
(`Featurizer.emissions`), and the forward-backward runs over a whole batch of sentences
at once. The marginals are crfsuite's to about 1e-6 (crfsuite reports its weights to six
decimals; a test compares them); tagging a document is about a quarter faster, the
entities stage a fifth (docs/ner.md, "Session 20").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

#: Added to the score of a label the CRF never saw: its probability is then 0.
_NEVER = -1e4


class CrfWeights:
    """A trained linear-chain CRF (crfsuite's CRF1d): state weights per attribute and
    label, transition weights per label pair, with labels in the order ``labels`` (the
    weights of any other label are left out)."""

    def __init__(
        self,
        state_features: Iterable[tuple[tuple[str, str], float]],
        transitions: Iterable[tuple[tuple[str, str], float]],
        labels: Sequence[str],
    ) -> None:
        column = {label: j for j, label in enumerate(labels)}
        transitions = list(transitions)
        features = [
            (attr, column[label], w) for (attr, label), w in state_features if label in column
        ]
        #: attribute -> its row of `state`
        self.index: dict[str, int] = {}
        for attr, _j, _w in features:
            self.index.setdefault(attr, len(self.index))
        self.state = np.zeros((len(self.index), len(labels)))
        for attr, j, w in features:
            self.state[self.index[attr], j] = w
        self.transitions = np.zeros((len(labels), len(labels)))
        seen = {label for attr_label, _w in transitions for label in attr_label}
        for (previous, following), w in transitions:
            if previous in column and following in column:
                self.transitions[column[previous], column[following]] = w
        seen |= {labels[j] for _a, j, _w in features}
        #: per label, 0 or `_NEVER` for a label the model never saw (added to emissions)
        self.unseen = np.array([0.0 if label in seen else _NEVER for label in labels])

    def scores(self, attributes: Iterable[str]) -> np.ndarray:
        """Summed state weights of attributes (one row per occurrence, as crfsuite
        counts them; attributes without weights add nothing)."""
        rows = [self.index[a] for a in attributes if a in self.index]
        return self.state[rows].sum(axis=0)

    def marginals(self, emissions: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """(sentences, longest, labels) tag probabilities from the state scores of
        `Featurizer.emissions`, padded to the longest sentence."""
        return chain_marginals(emissions + self.unseen, self.transitions, lengths)


def chain_marginals(
    emissions: np.ndarray,
    transitions: np.ndarray,
    lengths: Sequence[int],
    start: np.ndarray | None = None,
    end: np.ndarray | None = None,
) -> np.ndarray:
    """Per-token tag probabilities of a linear-chain CRF by forward-backward, for a batch
    of non-empty sentences: (sentences, longest, labels) ``emissions`` (rows past a
    sentence's end are ignored, and meaningless in the result), (labels, labels)
    ``transitions`` from row to column, and optional start and end scores. Computed
    with probabilities scaled at each step rather than logarithms: a third of the numpy
    calls."""
    em = emissions.astype(np.float64)
    lengths = np.asarray(lengths)
    batch, steps, labels = em.shape
    scores = np.exp(em - em.max(axis=2, keepdims=True))
    moves = np.exp(transitions.astype(np.float64))
    last = np.ones(labels) if end is None else np.exp(end.astype(np.float64))
    last = np.broadcast_to(last, (batch, labels))
    alpha = np.empty_like(scores)
    beta = np.empty_like(scores)
    a = scores[:, 0] if start is None else np.exp(start.astype(np.float64)) * scores[:, 0]
    alpha[:, 0] = a / a.sum(axis=1, keepdims=True)
    for t in range(1, steps):
        a = (alpha[:, t - 1] @ moves) * scores[:, t]
        alpha[:, t] = a / a.sum(axis=1, keepdims=True)
    beta[:, steps - 1] = last
    for t in range(steps - 2, -1, -1):
        inside = (scores[:, t + 1] * beta[:, t + 1]) @ moves.T
        inside /= inside.sum(axis=1, keepdims=True)
        beta[:, t] = np.where((t < lengths - 1)[:, None], inside, last)
    probs = alpha * beta
    return probs / probs.sum(axis=2, keepdims=True)
