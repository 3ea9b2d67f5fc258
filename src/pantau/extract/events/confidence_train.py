"""`pantau train events`: fit the events' confidence (`confidence.py`) on gold events.

Each event the coder predicts in a gold sentence is one example: how it was found (the
coder's `confidence.FEATURES`) and whether the gold has it, as `pantau evaluate events`
judges it (root with actors; PLOVER: the record's event). Indonesian learns from the
tuning golds of `tests/data/events` (the ones the coder's rules were written against;
the blind rounds stay out, so they can measure the result), English from the PLOVER
gold records. The figures are cross-validated by document.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from pantau.errors import PantauError
from pantau.eval import events as E
from pantau.eval.event_golds import TUNING, select_half
from pantau.extract.events.confidence import FEATURES, ConfidenceModel, fit, model_path
from pantau.model import Analysis

DETIK = "news/id/detik-2025-dev.jsonl"
PLOVER = "events/plover/PLOVER_GSR_CAMEO.txt"
L2 = 3.0
"""The prior's precision on the weights, chosen among 1, 3 and 10 by cross-validated Brier
score on the Indonesian golds (1 and 3 tie; docs/accuracy.md, "Confidence")."""
FOLDS = 5

Example = tuple[dict[str, float], bool, str]
"""(features, right, document)"""


def _recorded(analyze: E.Analyze, code: Callable[[Analysis], list[dict[str, float]]],
              features: dict[tuple[str, str], dict[str, float]]) -> E.Analyze:
    """`analyze`, keeping how each event was found: `code` codes the analysis again (the
    same events) and returns their features."""

    def recording(*args: object, **kwargs: object) -> Analysis:
        analysis = analyze(*args, **kwargs)
        for event, found in zip(analysis.events, code(analysis), strict=True):
            features[analysis.id, event.id] = found
        return analysis

    return recording


def examples(lang: str, data: Path, golds: Path) -> list[Example]:
    """Every predicted event of the language's gold sentences, judged."""
    from pantau.pipeline import Pipeline

    pipeline = Pipeline()
    coder = dict(pipeline.stages)["events"]
    features: dict[tuple[str, str], dict[str, float]] = {}
    if lang == "id":
        sentences = [s for gold in TUNING
                     for s in select_half(E.load_gold(_exists(golds / gold.file)), gold.half)]
        from pantau.eval.quotes import detik_documents

        documents = {i: {"text": t, "title": ti, "published": p} for i, t, ti, p in
                     detik_documents(_exists(data / DETIK), {s.doc for s in sentences})}
        score = E.evaluate_pantau(
            sentences, documents, _recorded(E.lenient(pipeline), coder.code, features))
        judged = score.calibration.judged
    elif lang == "en":
        records = E.load_plover(_exists(data / PLOVER))
        judged = E.evaluate_plover(
            records, _recorded(pipeline.analyze, coder.code, features)).calibration.judged
    else:
        raise PantauError(f"no gold events to train the confidence of language {lang!r}")
    return [(features[j.document, j.event], j.right, j.document) for j in judged]


def _exists(path: Path) -> Path:
    if not path.is_file():
        raise PantauError(f"no such file: {path}")
    return path


def _auc(scores: np.ndarray, right: np.ndarray) -> float:
    """The chance that a right event has a higher confidence than a wrong one."""
    pos, neg = scores[right], scores[~right]
    if not len(pos) or not len(neg):
        return float("nan")
    above = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(above / (len(pos) * len(neg)))


def cross_validated(rows: Sequence[Example], l2: float = L2, folds: int = FOLDS,
                    seed: int = 13) -> np.ndarray:
    """Each example's confidence from a model fitted without its document."""
    documents = sorted({d for _, _, d in rows})
    random.Random(seed).shuffle(documents)
    fold = {d: i % folds for i, d in enumerate(documents)}
    out = np.zeros(len(rows))
    for k in range(folds):
        model = fit([f for f, _, d in rows if fold[d] != k],
                    [r for _, r, d in rows if fold[d] != k], l2=l2)
        for i, (f, _, d) in enumerate(rows):
            if fold[d] == k:
                out[i] = model(f)
    return out


def figures(rows: Sequence[Example], l2: float = L2) -> dict[str, float]:
    """Cross-validated Brier score and AUC of the model, and the Brier score of a constant
    confidence equal to the share of right events (what the model must beat)."""
    right = np.array([r for _, r, _ in rows], dtype=bool)
    scores = cross_validated(rows, l2)
    share = float(right.mean())
    return {
        "examples": len(rows),
        "right": int(right.sum()),
        "brier_cross_validated": round(float(np.mean((scores - right) ** 2)), 4),
        "brier_constant": round(share * (1 - share), 4),
        "auc_cross_validated": round(_auc(scores, right), 4),
    }


def train(lang: str, data: Path, golds: Path, out: Path) -> dict[str, object]:
    """Fit and write `events-confidence-<lang>.json`; returns the figures written."""
    rows = examples(lang, data, golds)
    if not rows:
        raise PantauError("no predicted events to learn from")
    model: ConfidenceModel = fit([f for f, _, _ in rows], [r for _, r, _ in rows], l2=L2)
    training = {"lang": lang, "l2": L2, "features": list(FEATURES), **figures(rows)}
    out.mkdir(parents=True, exist_ok=True)
    path = model_path(lang, out)
    path.write_text(json.dumps({**model.to_json(), "training": training}, indent=1) + "\n",
                    encoding="utf-8")
    return {"model": str(path), **training}
