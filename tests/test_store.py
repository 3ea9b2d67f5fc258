"""`pantau run` into a real DuckDB file: idempotent, resumable, errors recorded."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from pantau.cli import app
from pantau.config import load_settings
from pantau.errors import StoreError
from pantau.store import Store

runner = CliRunner()
PANTAU = str(Path(sys.executable).parent / "pantau")


def run_cli(*args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, ["run", "--plain", *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = ("documents", "removed", "errors")
        result = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        result["distinct_ids"] = con.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[
            0
        ]
    return result


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in children.read_text().split()] if children.exists() else []


def wait_until_gone(pids: list[int], attempts: int = 100) -> bool:
    """Poll (bounded) until none of `pids` is alive; zombies of init count as gone."""
    for _ in range(attempts):
        alive = []
        for pid in pids:
            status = Path(f"/proc/{pid}/status")
            if status.exists() and "State:\tZ" not in status.read_text():
                alive.append(pid)
        if not alive:
            return True
        time.sleep(0.1)
    return False


def write_corpus(path: Path, n: int) -> Path:
    """n distinct documents built from the sample JSONL, each with its own id and text."""
    samples = [
        json.loads(line)
        for line in (EXAMPLES / "jsonl" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            doc = dict(samples[i % len(samples)])
            doc["id"] = f"{doc['id']}-{i}"
            doc["text"] = f"{doc['text']}\n\nCatatan redaksi nomor {i}: artikel ini diperbarui."
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def test_run_examples_then_rerun_skips_everything(tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    first = run_cli(str(EXAMPLES), "--db", str(db))
    before = counts(db)
    assert before["documents"] == before["distinct_ids"] >= 20
    assert before["removed"] > 0 and before["errors"] == 0
    assert "analysed and stored" in first and "time per stage" in first

    second = run_cli(str(EXAMPLES), "--db", str(db))
    assert f"0 analysed and stored, {before['documents']} already stored" in second
    assert counts(db) == before

    forced = run_cli(str(EXAMPLES), "--db", str(db), "--force")
    assert f"{before['documents']} analysed and stored" in forced
    assert counts(db) == before


def test_stored_analysis_round_trips_the_contract(tmp_path: Path, pipeline) -> None:  # noqa: ANN001
    db = tmp_path / "p.duckdb"
    article = EXAMPLES / "articles" / "pengumuman-pajak-id.txt"
    run_cli(str(article), "--db", str(db))
    with Store(db, read_only=True) as store:
        [stored] = list(store.analyses())
        removed = store.db.execute("SELECT reason, text FROM removed ORDER BY idx").fetchall()
    fresh = pipeline.analyze_many([article.read_text(encoding="utf-8")])
    expected = next(fresh)
    assert stored.text == expected.text
    assert stored.removed == expected.removed
    assert [(r.reason, r.text) for r in expected.removed] == removed


def test_changed_file_replaces_its_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    article = corpus / "a.txt"
    article.write_text("Judul pertama\n\nPresiden membuka pameran dagang di Jakarta.", "utf-8")
    db = tmp_path / "p.duckdb"
    run_cli(str(corpus), "--db", str(db))
    article.write_text("Judul kedua\n\nMenteri meninjau pelabuhan di Surabaya pada Senin.", "utf-8")
    run_cli(str(corpus), "--db", str(db))
    with Store(db, read_only=True) as store:
        [analysis] = list(store.analyses())
    assert analysis.title == "Judul kedua"


def test_bad_documents_are_recorded_and_the_rest_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "Judul\n\nWarga Bandung memprotes kenaikan tarif air.", "utf-8"
    )
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 500)
    (corpus / "nav.html").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    (corpus / "feed.jsonl").write_text(
        '{"id": "ok", "text": "Banjir merendam ratusan rumah di Semarang."}\n'
        "not json\n"
        '{"id": "no-text"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "p.duckdb"
    output = run_cli(str(corpus), "--db", str(db))
    assert "2 analysed and stored" in output and "5 failed" in output
    with Store(db, read_only=True) as store:
        errors = {(Path(p).name, line): reason for p, line, reason in store.errors()}
    assert set(errors) == {
        ("binary.txt", None),
        ("empty.txt", None),
        ("nav.html", None),
        ("feed.jsonl", 2),
        ("feed.jsonl", 3),
    }
    assert "binary" in errors[("binary.txt", None)]
    assert "no article" in errors[("nav.html", None)]

    # Fixing a broken document clears its error on the next run.
    (corpus / "empty.txt").write_text("Judul\n\nGubernur meresmikan jembatan baru.", "utf-8")
    run_cli(str(corpus), "--db", str(db))
    with Store(db, read_only=True) as store:
        assert ("empty.txt", None) not in {(Path(p).name, line) for p, line, _ in store.errors()}
        assert store.count("documents") == 3

    shown = runner.invoke(app, ["show", "--db", str(db), "--errors"])
    assert shown.exit_code == 0 and "feed.jsonl:2" in shown.stdout


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 60)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run_cli(str(corpus), "--db", str(one), "--workers", "1")
    run_cli(str(corpus), "--db", str(two), "--workers", "2")
    query = "SELECT id, text, removed, language FROM documents ORDER BY id"
    with (
        duckdb.connect(str(one), read_only=True) as a,
        duckdb.connect(str(two), read_only=True) as b,
    ):
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_run_killed_half_way_resumes_without_duplicates(tmp_path: Path, workers: str) -> None:
    total = 400
    corpus = write_corpus(tmp_path / "corpus.jsonl", total)
    db = tmp_path / "p.duckdb"
    env = {**os.environ, "PANTAU_BATCH_SIZE": "10"}
    process = subprocess.Popen(
        [PANTAU, "run", str(corpus), "--db", str(db), "--plain", "--workers", workers],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stderr is not None
    children: list[int] = []
    for line in process.stderr:
        done = int(line.split()[1].split("/")[0]) if line.startswith("pantau:") else 0
        if done >= 50:
            children = child_pids(process.pid)
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL, "run finished before it could be killed"
    if workers == "2":
        assert len(children) >= 2
        assert wait_until_gone(children), "worker processes outlived the killed run"

    partial = counts(db)
    assert 0 < partial["documents"] < total
    assert partial["documents"] == partial["distinct_ids"]

    resumed = run_cli(str(corpus), "--db", str(db), "--workers", workers)
    assert f"{partial['documents']} already stored" in resumed
    final = counts(db)
    assert final["documents"] == final["distinct_ids"] == total

    reference = tmp_path / "reference.duckdb"
    run_cli(str(corpus), "--db", str(reference))
    assert counts(reference) == final


def test_store_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(StoreError, match="not a pantau store"):
        Store(other)
    not_db = tmp_path / "text.duckdb"
    not_db.write_text("hello", "utf-8")
    with pytest.raises(StoreError):
        Store(not_db)
    result = runner.invoke(app, ["show", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1 and "no store" in result.stderr


def test_settings_layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "pantau.toml"
    config.write_text('db = "from-file.duckdb"\nworkers = 2\nmax_bytes = 5000\n', "utf-8")
    monkeypatch.setenv("PANTAU_WORKERS", "3")
    settings = load_settings(config, db="from-flag.duckdb")
    assert (settings.db, settings.workers, settings.max_bytes) == ("from-flag.duckdb", 3, 5000)
