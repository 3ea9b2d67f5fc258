"""An event's confidence: the logistic regression, the shipped models, its evaluation."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from conftest import REPO, shared_path
from pantau.cli import app
from pantau.eval.events import Calibration, Judged
from pantau.extract.events.confidence import (
    FEATURES,
    PRIOR,
    event_features,
    fit,
    load_confidence_model,
)
from pantau.pipeline import Pipeline

runner = CliRunner()


def test_the_fit_recovers_the_weights_that_made_the_data() -> None:
    rng = np.random.default_rng(7)
    truth = {"has_target": 1.5, "no_subject_before": -1.0}
    rows = [{"has_target": float(rng.random() < 0.5),
             "no_subject_before": float(rng.random() < 0.3)} for _ in range(6000)]
    labels = [bool(rng.random() < 1 / (1 + np.exp(-(0.2 + sum(truth[k] * r[k] for k in truth)))))
              for r in rows]
    model = fit(rows, labels, l2=0.01)
    assert model.bias == pytest.approx(0.2, abs=0.15)
    for name, weight in truth.items():
        assert model.weights[name] == pytest.approx(weight, abs=0.15)
    assert model.weights["first_sentence"] == 0.0  # never seen: held at the prior's zero


def test_every_shipped_model_has_every_feature() -> None:
    for lang in ("id", "en"):
        model = load_confidence_model(lang)
        assert model is not None, lang
        assert set(model.weights) == set(FEATURES)
        assert 0 < model(event_features(True, False, True, 4, False, "19")) < 1
    assert load_confidence_model("xx") is None


def test_an_events_confidence_is_the_models_for_how_it_was_found(
    pipeline: Pipeline, seed_text: str
) -> None:
    analysis = pipeline.analyze(seed_text, published="2022-01-09")
    coder = dict(pipeline.stages)["events"]
    found = coder.code(analysis)
    model = load_confidence_model("id")
    assert model is not None and len(found) == len(analysis.events) > 5
    for event, features in zip(analysis.events, found, strict=True):
        assert event.confidence == round(model(features), 2)
        assert features[f"root_{event.root}"] == 1.0
    assert len({e.confidence for e in analysis.events}) > 3
    assert PRIOR not in {e.confidence for e in analysis.events}


def test_calibration_reports_the_share_right_by_band() -> None:
    calibration = Calibration([
        Judged("d", "v1", 0.95, True), Judged("d", "v2", 0.9, False),
        Judged("d", "v3", 0.55, True), Judged("d", "v4", 0.2, False),
    ])
    assert calibration.bands() == [
        ("0.0-0.5", 1, 0, 0.2), ("0.5-0.6", 1, 1, 0.55), ("0.9-1.0", 2, 1, 0.925)]
    assert calibration.brier == pytest.approx((0.05**2 + 0.9**2 + 0.45**2 + 0.2**2) / 4)


def test_training_reproduces_the_shipped_indonesian_model(tmp_path: Path) -> None:
    """`pantau train events --lang id` from the tuning golds gives the shipped weights,
    and the model beats a constant confidence out of sample. When the coder changes,
    retrain (docs/accuracy.md) and ship the new file."""
    data = shared_path("news", "id", "detik-2025-dev.jsonl").parents[2]
    result = runner.invoke(app, ["train", "events", "--lang", "id", "--data", str(data),
                                 "--golds", str(REPO / "tests/data/events"),
                                 "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    trained = json.loads((tmp_path / "events-confidence-id.json").read_text(encoding="utf-8"))
    figures = trained["training"]
    assert figures["brier_cross_validated"] < figures["brier_constant"]
    assert figures["auc_cross_validated"] > 0.6
    shipped = load_confidence_model("id")
    assert shipped is not None
    assert trained["bias"] == pytest.approx(shipped.bias, abs=1e-6)
    for name, weight in shipped.weights.items():
        assert trained["weights"][name] == pytest.approx(weight, abs=1e-6), name
