"""Fuzzing: whatever bytes or text come in, pantau answers with a result or a PantauError."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from pantau.errors import InputError, PantauError
from pantau.ingest import RawDocument, ReadError, iter_documents
from pantau.ingest.decode import decode_bytes
from pantau.model import Analysis, json_schema
from pantau.pipeline import Pipeline

FUZZ = settings(max_examples=150, deadline=None)
# the session-scoped `pipeline` fixture is reused on purpose across generated examples
FUZZ_WITH_FIXTURE = settings(FUZZ, suppress_health_check=[HealthCheck.function_scoped_fixture])

BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b""]
PIECES = [
    *"\n\t .!?…()\"'“”‘’«»Ã©",
    *["\n\n", "\r\n", "\x00", "\x01", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"],
    *["\u200b", "\ufeff", "\u00ad", "<p>", "</p>", "<html>", "WORLD\n", "Newsletter\n"],
    *["Dr. ", "U.S. ", "13.000 ", "5,12% ", "(20/10/2025) ", "Baca juga: ", "ADVERTISEMENT\n"],
    "slot gacor ",
    "Rusia menuntut jaminan keamanan dari NATO. ",
    "“Kami siap,” kata Ryabkov. ",
    "The minister said on Monday. ",
]

bytes_input = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda bom, data: bom + data, st.sampled_from(BOMS), st.binary(max_size=500)),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=300).map(lambda s: s.encode("utf-16", "surrogatepass")),
)
text_input = st.lists(
    st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(PIECES),
    ),
    max_size=120,
).map("".join)

_SCHEMA = Draft202012Validator(json_schema())


def _check_analysis(a: Analysis) -> None:
    data = a.to_dict()
    errors = sorted(_SCHEMA.iter_errors(data), key=str)
    assert not errors, errors[0].message
    assert a.text.strip()
    previous_end = 0
    for span in a.sentences:
        assert previous_end <= span.start < span.end <= len(a.text)
        piece = a.text[span.start : span.end]
        assert piece == piece.strip()
        previous_end = span.end
    for share in a.languages:
        assert 0 <= share.share <= 1
    assert Analysis.from_dict(data) == a  # the JSON form round-trips


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(json_schema())
    bad = {"schema": "pantau.analysis/1", "id": "x", "language": "id", "text": "t", "extra": 1}
    assert not _SCHEMA.is_valid(bad)


@FUZZ
@given(bytes_input)
def test_decode_bytes_gives_text_or_input_error(data: bytes) -> None:
    try:
        text, warnings = decode_bytes(data, "fuzz")
    except InputError as exc:
        assert str(exc).startswith("fuzz: ")
        return
    assert isinstance(text, str)
    assert all(isinstance(w, str) for w in warnings)


@FUZZ_WITH_FIXTURE
@given(text_input, st.sampled_from([None, "id", "en"]), st.sampled_from([None, False]))
def test_analyze_gives_valid_analysis_or_pantau_error(
    pipeline: Pipeline, text: str, lang: str | None, html: bool | None
) -> None:
    try:
        a = pipeline.analyze(text, lang=lang, html=html)
    except PantauError:
        return
    _check_analysis(a)
    if lang is not None:
        assert a.language == lang


@FUZZ_WITH_FIXTURE
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join))
def test_analyze_news_like_text(pipeline: Pipeline, text: str) -> None:
    try:
        a = pipeline.analyze(text)
    except PantauError:
        return
    _check_analysis(a)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ_WITH_FIXTURE
@given(bytes_input, st.sampled_from([".txt", ".html", ".jsonl", ".md"]))
def test_iter_documents_gives_document_or_read_error(
    fuzz_dir: Path, pipeline: Pipeline, data: bytes, suffix: str
) -> None:
    path = fuzz_dir / f"input{suffix}"
    path.write_bytes(data)
    items = list(iter_documents([path], max_bytes=1500))
    if suffix != ".jsonl":
        assert len(items) == 1
    for item in items:
        assert isinstance(item, RawDocument | ReadError)
        if isinstance(item, ReadError):
            assert item.path == str(path) and item.reason
            continue
        assert item.path == str(path)
        try:
            a = pipeline.analyze_document(item)
        except PantauError:
            continue
        _check_analysis(a)
