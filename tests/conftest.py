"""Shared fixtures. Tests that read ../shared/data skip with a clear reason without it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pantau.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
EXAMPLES = REPO / "examples"


def copy_model(folder: Path, lang: str = "id") -> Path:
    """The shipped NER model's files copied into `folder` (to break one); its CRF file."""
    from pantau.extract.entities.ner import MODELS_DIR

    for path in MODELS_DIR.glob(f"ner-{lang}.*"):
        shutil.copy(path, folder / path.name)
    return folder / f"ner-{lang}.crfsuite"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when the data is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"development data not found at {path} (a fresh clone has no ../shared)")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path("seed", "rusia-nato-id.txt").read_text(encoding="utf-8")
