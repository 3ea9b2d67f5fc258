"""The `pantau` command as a user runs it: output contract, formats, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, shared_path
from pantau.cli import app
from pantau.model import SCHEMA_ID, json_schema

runner = CliRunner()
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
LAYERS = ("entities", "quotes", "places", "dates", "events")


def analyze_json(*args: str, input: str | None = None) -> list[dict]:
    result = runner.invoke(app, ["analyze", *args], input=input)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_schema_command_prints_the_contract_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    required = set(schema["required"])
    assert {"id", "language", "text"} <= required
    assert {"schema", "removed", "sentences", *LAYERS, "tone"} <= set(schema["properties"])


@pytest.mark.parametrize("example", sorted((EXAMPLES / "articles").glob("*.txt"))[:4])
def test_analyze_examples_validate_against_schema(example: Path) -> None:
    [analysis] = analyze_json(str(example))
    VALIDATOR.validate(analysis)
    assert analysis["schema"] == SCHEMA_ID
    assert analysis["language"] in {"id", "en"}
    assert analysis["title"] and analysis["title"] not in analysis["text"][:200]
    assert analysis["tone"] is not None
    for span in analysis["sentences"]:
        sentence = analysis["text"][span["start"] : span["end"]]
        assert sentence == sentence.strip() and sentence


def test_analyze_html_keeps_metadata_and_drops_page_furniture() -> None:
    [analysis] = analyze_json(str(EXAMPLES / "html" / "mogok-buruh-cikarang.html"))
    VALIDATOR.validate(analysis)
    assert analysis["published"] == "2025-10-20"
    assert analysis["url"].startswith("https://example.org/")
    assert analysis["title"].startswith("Ribuan Buruh Mogok")
    assert "SCROLL TO CONTINUE" not in analysis["text"]
    assert "Baca juga" not in analysis["text"]


def test_analyze_jsonl_prints_one_line_per_document() -> None:
    analyses = analyze_json(str(EXAMPLES / "jsonl" / "sample.jsonl"))
    lines = (EXAMPLES / "jsonl" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(analyses) == len([line for line in lines if line.strip()])
    first = json.loads(lines[0])
    assert analyses[0]["id"] == first["id"]
    assert analyses[0]["published"] == first["published"]


def test_analyze_reads_stdin_and_published_flag() -> None:
    text = (
        "Banjir melanda Jakarta\n\nHujan deras sejak Minggu membuat ratusan rumah terendam "
        "banjir di Jakarta Timur. Warga mengungsi ke masjid terdekat."
    )
    [analysis] = analyze_json("-", "--published", "2025-10-20", input=text)
    assert analysis["published"] == "2025-10-20"
    assert analysis["title"] == "Banjir melanda Jakarta"
    assert analysis["language"] == "id"


def test_analyze_table_format() -> None:
    result = runner.invoke(
        app,
        ["analyze", str(EXAMPLES / "articles" / "pengumuman-pajak-id.txt"), "--format", "table"],
    )
    assert result.exit_code == 0
    assert "removed by cleaning" in result.stdout
    assert "newsletter" in result.stdout


def test_analyze_table_shows_where_and_when_each_event_happened() -> None:
    result = runner.invoke(
        app, ["analyze", str(EXAMPLES / "articles" / "kunjungan-menlu-jenewa-id.txt"),
              "--published", "2025-10-20", "--format", "table"], env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "trigger" in line)
    assert "where" in header and "when" in header and "conf." in header
    assert "Banda Aceh" in result.stdout
    assert "2025-10-20*" in result.stdout, "a publication day standing in is marked"


def test_reference_article_in_the_contract(seed_text: str) -> None:
    path = shared_path("seed", "rusia-nato-id.txt")
    [analysis] = analyze_json(str(path), "--published", "2022-01-09")
    VALIDATOR.validate(analysis)
    assert analysis["language"] == "id"
    assert analysis["title"] == seed_text.splitlines()[0].strip()
    assert analysis["section"] == "WORLD"
    reasons = {r["text"]: r["reason"] for r in analysis["removed"]}
    assert reasons["Posted By : keluaran hk hari ini"] == "spam"
    assert reasons["Newsletter Harian Sabah"] == "newsletter"
    body = seed_text.split("Newsletter Harian Sabah")[0].split("\n\n", 2)[2]
    for paragraph in (p.strip() for p in body.split("\n\n")):
        if paragraph and paragraph != analysis["title"]:
            assert paragraph in analysis["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"<html><head><title>x</title></head><body><nav>a</nav></body></html>", "no article"),
    ],
)
def test_analyze_bad_input_prints_one_line_and_fails(
    tmp_path: Path, content: bytes, message: str
) -> None:
    suffix = ".html" if content.startswith(b"<html") else ".txt"
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    error_lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(error_lines) == 1 and message in error_lines[0]


def test_analyze_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Kalimat berita yang panjang sekali. " * 100, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)], env={"PANTAU_MAX_BYTES": "1000"})
    assert result.exit_code == 1
    assert "over the limit" in result.stderr


def test_analyze_invalid_published_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Judul\n\nIsi berita yang cukup panjang untuk dianalisis.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--published", "31/02/2025"])
    assert result.exit_code == 1
    assert "--published" in result.stderr


def test_bad_jsonl_line_fails_but_prints_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "a", "text": "Presiden meresmikan bendungan baru di Jawa Tengah pada Senin."}\n'
        "{not json\n"
        '{"id": "c", "title": "no text"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["a"]
    assert f"{path}:2" in result.stderr and "not valid JSON" in result.stderr
    assert f"{path}:3" in result.stderr and "no 'text'" in result.stderr


def test_console_script_is_installed() -> None:
    pantau = Path(sys.executable).parent / "pantau"
    result = subprocess.run([str(pantau), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("pantau ")
