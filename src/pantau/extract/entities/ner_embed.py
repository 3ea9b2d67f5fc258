"""Word classes at several granularities from SVD word vectors (training time only).

The bisecting clusters of ``ner_train.build_clusters`` split one binary hierarchy from
immediate neighbours. These classes come from a wider view: each word's left and right
neighbours at distances 1 and 2 (position-specific), weighted by positive PMI with
smoothed context counts, reduced to dense vectors by a randomised truncated SVD and
grouped by spherical k-means at several sizes (coarse classes generalise, fine ones
separate). They reach the CRF as word tags (``e64=17``) in ``ner-LANG.words.txt``, so
tagging needs nothing new: numpy is used here, at training time, and never at run time.

Deterministic for a seed: numpy's ``default_rng(seed)`` is the only randomness.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from pantau.extract.entities.ner import normalise

OFFSETS = (-2, -1, 1, 2)


def word_vectors(
    sentences: Iterable[Sequence[str]],
    min_count: int = 3,
    contexts: int = 1000,
    dims: int = 100,
    seed: int = 13,
):
    """(vocabulary, unit-length vectors) of lower-cased words seen ``min_count`` times."""
    import numpy as np

    sents = [[normalise(t).lower() for t in s] for s in sentences]
    counts: Counter[str] = Counter(w for s in sents for w in s)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(["<s>", "</s>"] + vocab[: contexts - 2])}
    n_ctx = len(ctx)
    mat = np.zeros((len(vocab), n_ctx * len(OFFSETS)), dtype=np.float32)
    for s in sents:
        padded = ["<s>", "<s>"] + s + ["</s>", "</s>"]
        for i, w in enumerate(s, start=2):
            row = index.get(w)
            if row is None:
                continue
            for k, off in enumerate(OFFSETS):
                col = ctx.get(padded[i + off])
                if col is not None:
                    mat[row, k * n_ctx + col] += 1.0
    # positive PMI with context counts raised to 0.75 (rare contexts count less)
    total = mat.sum()
    row_sum = mat.sum(axis=1, keepdims=True) + 1e-9
    col_p = mat.sum(axis=0) ** 0.75
    col_p /= col_p.sum()
    with np.errstate(divide="ignore"):
        pmi = np.log((mat / total) / ((row_sum / total) * col_p[None, :] + 1e-12))
    mat = np.maximum(pmi, 0.0, where=mat > 0, out=np.zeros_like(mat))
    del pmi
    # randomised truncated SVD (Halko et al.), two power iterations
    rng = np.random.default_rng(seed)
    q = mat @ rng.standard_normal((mat.shape[1], dims + 20), dtype=np.float32)
    for _ in range(2):
        q, _r = np.linalg.qr(q)
        q = mat @ (mat.T @ q)
    q, _r = np.linalg.qr(q)
    u_small, sing, _vt = np.linalg.svd(q.T @ mat, full_matrices=False)
    vectors = (q @ u_small[:, :dims]) * np.sqrt(sing[:dims])[None, :]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return vocab, vectors


def kmeans(vectors, k: int, seed: int = 13, iterations: int = 15):
    """Spherical k-means: the class index of each (unit-length) row."""
    import numpy as np

    rng = np.random.default_rng(seed)
    k = min(k, len(vectors))
    cents = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(vectors @ cents.T, axis=1)
        for c in range(k):
            members = vectors[labels == c]
            if len(members):
                centre = members.sum(axis=0)
                cents[c] = centre / (np.linalg.norm(centre) + 1e-9)
    return labels


def embedding_classes(
    sentences: Iterable[Sequence[str]], sizes: Sequence[int] = (64, 256, 1024), seed: int = 13
) -> dict[str, list[str]]:
    """Word tags ``e<K>=<class>`` for each size K, per lower-cased word."""
    vocab, vectors = word_vectors(sentences, seed=seed)
    tags: dict[str, list[str]] = {w: [] for w in vocab}
    for size in sizes:
        labels = kmeans(vectors, size, seed=seed)
        for w, c in zip(vocab, labels.tolist(), strict=True):
            tags[w].append(f"e{size}={c}")
    return tags
