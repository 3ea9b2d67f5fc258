"""The neural half of the Indonesian NER model: a BiLSTM-CRF over feature embeddings.

Each token is the sum of learned embeddings of its own CRF attributes (word, shape,
affixes, cluster bits, word statistics, gazetteer tags: `Featurizer.token_attributes`)
and of the sentence's genre; a bidirectional LSTM reads the sentence and a CRF layer
scores tag sequences. `NerModel` mixes its per-token tag marginals half and half with the
linear CRF's and decodes the mixture (`decode`). The two models err differently:
on held-out tenths of the training files the mixture gains 2-4 points of F1 on both
corpora over the CRF alone, more than either model alone (docs/ner.md, "Seventh
follow-up").

Training needs PyTorch (`ner_neural_train`); tagging needs only numpy and the weights
file ``ner-LANG.neural.npz`` written by it: the same arithmetic as torch's ``nn.LSTM``
(gates in the order input, forget, cell, output), batched over a document's sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from pantau.extract.entities.ner_crf import chain_marginals

#: Tag set of the neural model, in the order of its output layer.
LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
#: Genres in the order of the genre embedding (ner_genre.GENRES).
GENRE_INDEX = {"n": 0, "w": 1}
#: Arrays a weights file must hold.
WEIGHTS = (
    "attributes", "embedding", "genre", "fw_ih", "fw_hh", "fw_b", "bw_ih", "bw_hh", "bw_b",
    "out_w", "out_b", "transitions", "start", "end",
)
#: Distinct attribute lists whose input projection is kept (4 kB each): 80 MB at most,
#: more than the tokens of any batch NerModel makes (ner.NEURAL_BATCH_CELLS).
CACHE_SIZE = 20_000


class NeuralTagger:
    """Loaded weights of a BiLSTM-CRF; `marginals` gives per-token tag probabilities."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.vocab = {str(a): i for i, a in enumerate(weights["attributes"])}
        self.embedding = weights["embedding"].astype(np.float32)
        self.genre = weights["genre"].astype(np.float32)
        self.w = {k: weights[k].astype(np.float32) for k in WEIGHTS[3:]}
        self.hidden = self.w["fw_hh"].shape[1]
        dim = self.embedding.shape[1]
        n = self.hidden
        # torch orders the gates input, forget, cell, output; here the three sigmoid
        # gates come first, their weights halved: sigmoid(x) = (tanh(x / 2) + 1) / 2, so
        # that one tanh call computes all four (`_bilstm`)
        gates = np.r_[0 : 2 * n, 3 * n : 4 * n, 2 * n : 3 * n]
        scale = np.r_[np.full(3 * n, 0.5, np.float32), np.ones(n, np.float32)]
        w = {k: (v[gates].T * scale).T if k[3:] in ("ih", "hh", "b") else v
             for k, v in self.w.items()}
        # The LSTM's input is [attribute sum, genre]: its input projection splits into a
        # part per token (cached per attribute list) and a part per genre (with the bias).
        self._token_in = np.concatenate([w["fw_ih"][:, :dim], w["bw_ih"][:, :dim]]).T
        self._genre_in = {
            d: self.genre @ w[d + "_ih"][:, dim:].T + w[d + "_b"] for d in ("fw", "bw")
        }
        self._w_hh = np.ascontiguousarray(np.stack([w["fw_hh"].T, w["bw_hh"].T]))
        self._rows: dict[tuple[str, ...], int] = {}
        self._table = np.empty((CACHE_SIZE, 2 * 4 * n), np.float32)  # filled as used

    @classmethod
    def load(cls, path: Path) -> NeuralTagger:
        """Read a weights file; KeyError / ValueError / OSError if it is not one."""
        with np.load(path, allow_pickle=False) as data:
            weights = {k: data[k] for k in WEIGHTS}
        return cls(weights)

    def _token_rows(self, sentences: Sequence[Sequence[Sequence[str]]]) -> list[int]:
        """Rows of `_table` holding both directions' input projections of each token's
        summed attribute embeddings, computed once per attribute list (most are one
        token string's, always the same) and gathered by one indexing call."""
        needed = sum(map(len, sentences))
        if len(self._rows) + needed > len(self._table):
            self._rows.clear()
            if needed > len(self._table):  # (only a batch larger than any NerModel makes)
                self._table = np.empty((needed, self._table.shape[1]), np.float32)
        rows = []
        for sentence in sentences:
            for attributes in sentence:
                key = tuple(attributes)  # Featurizer.token_attributes gives tuples already
                row = self._rows.get(key)
                if row is None:
                    row = len(self._rows)
                    ids = [self.vocab[a] for a in attributes if a in self.vocab]
                    if ids:
                        self._table[row] = self.embedding[ids].sum(axis=0) @ self._token_in
                    else:
                        self._table[row] = 0.0
                    self._rows[key] = row
                rows.append(row)
        return rows

    def _bilstm(self, gates_in: np.ndarray, active: Sequence[int]) -> np.ndarray:
        """Hidden states of both LSTM directions, run side by side (one numpy call per
        step for both), from (2, batch, time, 4 * hidden) input projections: the forward
        direction's of sentences sorted longest first, the backward's of the same
        sentences reversed. ``active[t]``: how many sentences are still running at step
        t (the rest are padding, not computed)."""
        _, batch, steps, _ = gates_in.shape
        n = self.hidden
        h = np.zeros((2, batch, n), np.float32)
        c = np.zeros_like(h)
        out = np.zeros((2, batch, steps, n), np.float32)
        for t in range(steps):
            k = active[t]
            g = np.tanh(gates_in[:, :k, t] + h[:, :k] @ self._w_hh)
            gate = g[..., : 3 * n] * 0.5 + 0.5  # input, forget, output; then the cell
            c[:, :k] = gate[..., n : 2 * n] * c[:, :k] + gate[..., :n] * g[..., 3 * n :]
            h[:, :k] = gate[..., 2 * n :] * np.tanh(c[:, :k])
            out[:, :k, t] = h[:, :k]
        return out

    def emissions(
        self, sentences: Sequence[Sequence[Sequence[str]]], genre: str = "n"
    ) -> np.ndarray:
        """(sentences, longest, labels) scores of the output layer."""
        order = sorted(range(len(sentences)), key=lambda b: -len(sentences[b]))
        lengths = [len(sentences[b]) for b in order]
        steps, width = lengths[0], 4 * self.hidden
        # at step t, the sentences longer than t: the first active[t] (lengths descend)
        active = np.searchsorted(-np.array(lengths), -np.arange(steps)).tolist()
        # each token's cell, reading forwards, and reading its sentence backwards (the
        # backward direction's padding kept at the end, as the forward's)
        forwards = [i * steps + t for i, n in enumerate(lengths) for t in range(n)]
        backwards = [i * steps + n - 1 - t for i, n in enumerate(lengths) for t in range(n)]
        projected = self._table[self._token_rows([sentences[b] for b in order])]
        g = GENRE_INDEX.get(genre, 0)
        gates_in = np.zeros((2, len(order) * steps, width), np.float32)
        gates_in[0, forwards] = projected[:, :width] + self._genre_in["fw"][g]
        gates_in[1, backwards] = projected[:, width:] + self._genre_in["bw"][g]
        hidden = self._bilstm(gates_in.reshape(2, len(order), steps, width), active)
        flat = hidden.reshape(2, len(order) * steps, self.hidden)
        flat[1, forwards] = flat[1, backwards]  # the backward states in reading order
        both = np.concatenate([hidden[0], hidden[1]], axis=2)
        scores = both @ self.w["out_w"].T + self.w["out_b"]
        unsorted = np.empty_like(scores)
        unsorted[order] = scores
        return unsorted

    def marginals(
        self, sentences: Sequence[Sequence[Sequence[str]]], genre: str = "n"
    ) -> np.ndarray:
        """(sentences, longest, labels) tag probabilities of non-empty sentences'
        tokens by forward-backward, all the sentences at once; rows past a sentence's end
        are meaningless."""
        return chain_marginals(
            self.emissions(sentences, genre),
            self.w["transitions"],
            [len(s) for s in sentences],
            self.w["start"],
            self.w["end"],
        )


def _allowed(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """BIO constraints: (previous, next) transitions and first tags that are allowed."""
    follows = np.array(
        [[not nxt.startswith("I-") or prev[2:] == nxt[2:] for nxt in labels] for prev in labels]
    )
    first = np.array([not tag.startswith("I-") for tag in labels])
    return np.where(follows, 0.0, -np.inf), np.where(first, 0.0, -np.inf)


_FOLLOWS, _FIRST = _allowed(LABELS)


def decode(probabilities: np.ndarray, lengths: Sequence[int]) -> list[list[str]]:
    """The most probable BIO-valid tag sequence of each sentence, from (sentences,
    longest, labels) per-token tag probabilities (rows past a sentence's end ignored)."""
    logp = np.log(probabilities + 1e-12)
    batch, steps, _ = logp.shape
    on = np.asarray(lengths)[:, None] > np.arange(steps)[None, :]
    score = logp[:, 0] + _FIRST
    back = np.zeros((batch, steps, len(LABELS)), np.intp)
    for t in range(1, steps):
        s = score[:, :, None] + _FOLLOWS
        back[:, t] = s.argmax(axis=1)
        score = np.where(on[:, t, None], s.max(axis=1) + logp[:, t], score)
    out = []
    for b, n in enumerate(lengths):
        best = [int(score[b].argmax())]
        for t in range(n - 1, 0, -1):
            best.append(int(back[b, t, best[-1]]))
        out.append([LABELS[i] for i in reversed(best)])
    return out
