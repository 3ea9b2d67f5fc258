"""The linear CRF computed with numpy (ner_crf): crfsuite's marginals, batched."""

from __future__ import annotations

import itertools

import numpy as np

from pantau.extract.entities.ner import load_model
from pantau.extract.entities.ner_crf import CrfWeights, chain_marginals
from pantau.extract.entities.ner_neural import LABELS


def _enumerated_marginals(
    emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Tag probabilities of one sentence by summing over every tag sequence."""
    steps, labels = emissions.shape
    total = np.zeros((steps, labels))
    for path in itertools.product(range(labels), repeat=steps):
        score = start[path[0]] + end[path[-1]] + sum(emissions[t, y] for t, y in enumerate(path))
        score += sum(transitions[a, b] for a, b in itertools.pairwise(path))
        for t, y in enumerate(path):
            total[t, y] += np.exp(score)
    return total / total.sum(axis=1, keepdims=True)


def test_forward_backward_equals_summing_over_every_sequence() -> None:
    rng = np.random.default_rng(5)
    labels = 3
    transitions = rng.normal(size=(labels, labels)) * 2
    start, end = rng.normal(size=labels), rng.normal(size=labels)
    lengths = [4, 1, 3]
    emissions = rng.normal(size=(len(lengths), max(lengths), labels)) * 3
    got = chain_marginals(emissions, transitions, lengths, start, end)
    for b, n in enumerate(lengths):
        want = _enumerated_marginals(emissions[b, :n], transitions, start, end)
        np.testing.assert_allclose(got[b, :n], want, rtol=1e-9)


def test_a_label_the_model_never_saw_gets_no_probability() -> None:
    weights = CrfWeights(
        [(("cap", "B-PER"), 2.0), (("w=di", "O"), 1.0)], [(("B-PER", "O"), 0.5)], LABELS
    )
    assert weights.scores(["cap", "cap", "unknown"]).tolist() == [0, 4.0, 0, 0, 0, 0, 0]
    marginals = weights.marginals(np.zeros((1, 2, len(LABELS))), [2])[0]
    seen = [LABELS.index("O"), LABELS.index("B-PER")]
    assert np.allclose(marginals[:, seen].sum(axis=1), 1.0)
    assert np.all(marginals[:, [j for j in range(len(LABELS)) if j not in seen]] < 1e-12)


def test_numpy_marginals_are_crfsuites() -> None:
    """The shipped Indonesian CRF's marginals through numpy match crfsuite's own, for
    sentences of several lengths in one batch, in both genres, with gazetteer tags (the
    weights crfsuite reports are rounded to six decimals: hence the tolerance)."""
    model = load_model("id")
    sentences = [
        "Menteri Luar Negeri Sugiono bertemu Sergei Lavrov di Moskow , Rusia .".split(),
        "KPK memeriksa saksi .".split(),
        ["Jakarta"],
        "Wakil Ketua DPRD Jawa Timur Anwar Sadad menghadiri rapat di Surabaya .".split(),
    ]
    for genre in ("n", "w"):
        found = [model.featurize.gazetteer_matches(s) for s in sentences]
        steps = max(map(len, sentences))
        got = model._crf_marginals(sentences, genre, found, steps)  # noqa: SLF001
        for b, tokens in enumerate(sentences):
            model._tagger.set(model.featurize(tokens, genre, found[b]))  # noqa: SLF001
            want = [
                [model._tagger.marginal(label, t) for label in LABELS]  # noqa: SLF001
                for t in range(len(tokens))
            ]
            np.testing.assert_allclose(got[b, : len(tokens)], want, atol=1e-5)
