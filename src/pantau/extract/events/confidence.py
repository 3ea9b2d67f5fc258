"""An event's confidence: the chance that a hand coder codes the same act with the same
actors, learned from gold events.

The coder knows, for each event, how it found it (`FEATURES`): whether it has a target,
whether an actor before the trigger is its subject, its CAMEO root. A logistic
regression over those facts, fitted by `pantau train events` (`confidence_train`),
turns them into a probability; the weights ship as
`models/events-confidence-<lang>.json`, and a language without a file gets `PRIOR`.
The fit is written here rather than taken from scikit-learn: two dozen weights by
Newton's method in a few lines of numpy, where scikit-learn would be a dependency for
one function. Before it, the confidence was a hand-set sum whose bands did not say how
often an event is right (docs/accuracy.md, "Confidence").
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pantau.extract.entities.ner import MODELS_DIR

PRIOR = 0.5
"""The confidence of every event where no model was trained for the language."""
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))
FEATURES = (
    "has_target",
    "no_subject_before",
    "source_sector",
    "quad_material",
    "first_sentence",
    *(f"root_{root}" for root in ROOTS),
)
"""The facts of how an event was found, each 0 or 1: whether it has a target, whether
no actor before the trigger is its subject (the coder resolved a pronoun or a first
person, took a quote's speaker, or found the agent after a noun: "serangan Rusia"),
whether the source has a sector, whether the act is
material, whether it is the article's first sentence, and its CAMEO root. Others the
coder knows (the trigger's voice, a context word, named actors, the distance to the
subject) did not improve the cross-validated figures (docs/accuracy.md)."""


def event_features(has_target: bool, no_subject_before: bool, source_sector: bool,
                   quad_class: int, first_sentence: bool, root: str) -> dict[str, float]:
    return {
        "has_target": float(has_target),
        "no_subject_before": float(no_subject_before),
        "source_sector": float(source_sector),
        "quad_material": float(quad_class in (2, 4)),
        "first_sentence": float(first_sentence),
        f"root_{root}": 1.0,
    }


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic regression weights over `FEATURES`."""

    bias: float
    weights: Mapping[str, float]

    def __call__(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "weights": dict(self.weights)}


def model_path(lang: str, models_dir: Path = MODELS_DIR) -> Path:
    return models_dir / f"events-confidence-{lang}.json"


def load_confidence_model(
    lang: str | None, models_dir: Path = MODELS_DIR
) -> ConfidenceModel | None:
    path = model_path(lang or "", models_dir)
    if not lang or not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return ConfidenceModel(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


def fit(rows: Sequence[Mapping[str, float]], labels: Sequence[bool],
        l2: float = 1.0, steps: int = 50) -> ConfidenceModel:
    """Maximum a posteriori logistic regression (a Gaussian prior of precision `l2` on the
    weights, none on the bias), by Newton's method."""
    x = np.array([[1.0] + [row.get(f, 0.0) for f in FEATURES] for row in rows])
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return ConfidenceModel(float(w[0]), {f: float(v) for f, v in zip(FEATURES, w[1:], strict=True)})
