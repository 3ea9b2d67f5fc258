"""The Python API: `analyze` for one text, `Pipeline` for many."""

from __future__ import annotations

import jsonschema
import pytest

import pantau
from pantau import Analysis, Pipeline, analyze
from pantau.errors import InputError
from pantau.model import json_schema

CONTRACT_KEYS = {
    "schema",
    "id",
    "language",
    "title",
    "published",
    "text",
    "removed",
    "sentences",
    "entities",
    "quotes",
    "places",
    "dates",
    "events",
    "tone",
}
ADDED_KEYS = {"url", "source", "section", "author", "languages", "warnings"}

TEXT = (
    "Menteri Keuangan meninjau pelabuhan\n\n"
    "Menteri Keuangan meninjau Pelabuhan Tanjung Priok di Jakarta pada Senin (20/10/2025). "
    "Ia mengatakan arus barang sudah kembali normal.\n\n"
    "ADVERTISEMENT\n\n"
    "Kunjungan itu dilakukan setelah antrean truk mengular selama tiga hari."
)


def test_analyze_returns_a_typed_analysis_in_the_contract() -> None:
    a = analyze(TEXT, published="2025-10-20", title=None)
    assert isinstance(a, Analysis)
    data = a.to_dict()
    assert set(data) == CONTRACT_KEYS | ADDED_KEYS
    jsonschema.Draft202012Validator(json_schema()).validate(data)
    assert data["schema"] == pantau.SCHEMA_ID == "pantau.analysis/1"
    assert (a.title, a.published, a.language) == (
        "Menteri Keuangan meninjau pelabuhan",
        "2025-10-20",
        "id",
    )
    assert [r.reason for r in a.removed] == ["title", "advertisement"]
    assert len(a.sentences) == 3
    assert Analysis.from_dict(data) == a


def test_same_text_same_id_and_given_id_wins() -> None:
    pipeline = Pipeline()
    assert pipeline.analyze(TEXT).id == pipeline.analyze(TEXT).id
    assert pipeline.analyze(TEXT, id="artikel-7").id == "artikel-7"


def test_analyze_many_streams_with_one_pipeline() -> None:
    pipeline = Pipeline()
    texts = [
        TEXT,
        "Storm hits the coast\n\nA storm hit the coast of Java on Monday, officials said.",
    ]
    results = list(pipeline.analyze_many(iter(texts)))
    assert [r.language for r in results] == ["id", "en"]
    assert pipeline.timings["clean"] > 0 and pipeline.timings["language"] > 0


@pytest.mark.parametrize("bad", ["", "   \n  "])
def test_empty_text_is_an_input_error(bad: str) -> None:
    with pytest.raises(InputError, match="empty"):
        analyze(bad)


def test_bad_published_and_lang_are_input_errors() -> None:
    with pytest.raises(InputError, match="published"):
        analyze(TEXT, published="31/02/2025")
    with pytest.raises(InputError, match="language code"):
        analyze(TEXT, lang="indonesian")
