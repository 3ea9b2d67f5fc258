"""`pantau export`: GDELT 2.0 Events/Mentions/GKG 2.1, PLOVER, JSONL and Parquet, each read
back with DuckDB (the official GDELT column lists and types) and checked row by row
against the store the examples were analysed into."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, REPO, shared_path
from pantau.cli import app
from pantau.export import export
from pantau.export.amounts import find_amounts
from pantau.export.codes import actor_columns, fips_codes
from pantau.export.gdelt import global_event_id
from pantau.export.writers import ExportError
from pantau.extract.events.codebook import codebook
from pantau.model import json_schema

runner = CliRunner()
DUCK_TYPES = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}


def gdelt_columns(table: str) -> list[tuple[str, str]]:
    rows = (REPO / "tests/data/gdelt/columns.tsv").read_text(encoding="utf-8").splitlines()
    return [
        (name, kind)
        for t, name, kind in (r.split("\t") for r in rows if not r.startswith("#"))
        if t == table
    ]


def read_gdelt(path: Path, table: str) -> list[dict]:
    """Load an export as GDELT tooling would: tab-separated, no header, no quoting, the
    official column names and types (a value that does not parse fails the read)."""
    columns = {name: DUCK_TYPES[kind] for name, kind in gdelt_columns(table)}
    with duckdb.connect() as con:
        rel = con.read_csv(
            str(path), delimiter="\t", header=False, columns=columns, quotechar="", escapechar=""
        )
        names = rel.columns
        return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]


@pytest.fixture(scope="module")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "p.duckdb"
    result = runner.invoke(app, ["run", "--plain", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def store_rows(db: Path, sql: str) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def analyses(db: Path) -> dict[str, dict]:
    rows = store_rows(db, "SELECT id, analysis FROM documents")
    return {r["id"]: json.loads(r["analysis"]) for r in rows}


def test_column_list_copy_matches_the_official_files() -> None:
    folder = shared_path("events", "gdelt")
    with (folder / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv").open() as f:
        official = [(r["tableId"], r["dataType"]) for r in csv.DictReader(f)]
    assert gdelt_columns("events") == official
    for table, name in (
        ("mentions", "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"),
        ("gkg", "GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv"),
    ):
        lines = (folder / name).read_text(encoding="utf-8").splitlines()[1:]
        cells = [line.split("\t") for line in lines]
        assert gdelt_columns(table) == [(c[1], c[2]) for c in cells if len(c) > 2 and c[2]]


def test_gdelt_events_row_by_row(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    report = export(store_db, "gdelt-events", out)
    rows = read_gdelt(out, "events")
    assert len(gdelt_columns("events")) == 61
    assert report.rows == len(rows) > 10
    by_id = {r["GLOBALEVENTID"]: r for r in rows}
    docs = analyses(store_db)
    expected = 0
    for doc_id, a in docs.items():
        places = {p["id"]: p for p in a["places"]}
        for e in a["events"]:
            sources = e["sources"] or [e["source"]]
            targets = e["targets"] or [e["target"]]
            for pair, (s, t) in enumerate((s, t) for s in sources for t in targets):
                expected += 1
                row = by_id[global_event_id(doc_id, e["id"], pair)]
                assert row["EventCode"] == e["cameo"]
                assert row["EventRootCode"] == e["root"] == e["cameo"][:2]
                assert row["EventBaseCode"] == e["cameo"][:3]
                assert row["QuadClass"] == e["quad_class"]
                assert row["GoldsteinScale"] == pytest.approx(e["goldstein"])
                assert row["Actor1Code"] == s["code"]
                assert row["Actor1Name"] == s["name"]
                assert row["Actor2Code"] == (t or {}).get("code")
                assert row["Actor1Geo_CountryCode"] == fips_codes().get(s["country"] or "")
                when = e["date"] if len(e["date"] or "") == 10 else a["published"]
                if when is None:  # no date in the clause and no publication date
                    assert row["SQLDATE"] is None and row["Year"] is None
                else:
                    day = date.fromisoformat(when[:10])
                    assert row["SQLDATE"] == int(day.strftime("%Y%m%d"))
                    assert (row["Year"], row["MonthYear"]) == (day.year, day.year * 100 + day.month)
                assert row["AvgTone"] == pytest.approx(a["tone"]["score"])
                assert row["SOURCEURL"] == (a["url"] or a["source"])
                assert row["NumArticles"] == 1
                place = places.get(e["place"] or "")
                if place and place["feature"] in ("city", "country", "admin", "landmark"):
                    assert row["ActionGeo_Lat"] == pytest.approx(place["lat"], abs=1e-4)
                    assert row["ActionGeo_Long"] == pytest.approx(place["lon"], abs=1e-4)
                    assert row["ActionGeo_Type"] in (1, 2, 3, 4, 5)
                elif not place:
                    assert row["ActionGeo_Type"] is None
    assert expected == len(rows)
    # Something in the sample exercises each group of columns.
    assert any(r["ActionGeo_Lat"] is not None for r in rows)
    assert any(r["Actor2Code"] for r in rows)
    assert any(r["Actor1Type1Code"] for r in rows)
    assert {r["IsRootEvent"] for r in rows} == {0, 1}


def test_gdelt_mentions_point_at_their_events(store_db: Path, tmp_path: Path) -> None:
    export(store_db, "gdelt-events", tmp_path / "events.tsv")
    export(store_db, "gdelt-mentions", tmp_path / "mentions.tsv")
    events = {r["GLOBALEVENTID"]: r for r in read_gdelt(tmp_path / "events.tsv", "events")}
    mentions = read_gdelt(tmp_path / "mentions.tsv", "mentions")
    assert len(mentions) == len(events)
    docs = {(a["url"] or a["source"]): a for a in analyses(store_db).values()}
    for m in mentions:
        event = events[m["GLOBALEVENTID"]]
        assert m["EventTimeDate"] == event["DATEADDED"]
        a = docs[m["MentionIdentifier"]]
        assert m["MentionDocLen"] == len(a["text"])
        assert m["MentionType"] == (1 if a["url"] else 2)
        trigger = [e for e in a["events"] if e["trigger"]["start"] == m["ActionCharOffset"]]
        assert trigger, "ActionCharOffset is not the start of a trigger of this document"
        assert m["SentenceID"] - 1 in {e["sentence"] for e in trigger}
        assert a["text"][m["ActionCharOffset"]:].startswith(trigger[0]["trigger"]["text"])
        if m["Actor1CharOffset"] is not None:
            assert 0 <= m["Actor1CharOffset"] < len(a["text"])
        assert 0 <= m["Confidence"] <= 100


def test_gdelt_gkg_row_by_row(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gkg.tsv"
    export(store_db, "gdelt-gkg", out)
    rows = read_gdelt(out, "gkg")
    docs = {(a["url"] or a["source"]): a for a in analyses(store_db).values()}
    assert len(rows) == len(docs)
    assert len({r["GKGRECORDID"] for r in rows}) == len(rows)
    for r in rows:
        a = docs[r["DocumentIdentifier"]]
        persons = [e for e in a["entities"] if e["type"] == "PERSON"]
        assert (r["Persons"] or "").split(";") == ([p["name"] for p in persons] or [""])
        v2 = [x.rsplit(",", 1) for x in (r["V2Persons"] or "").split(";") if x]
        assert len(v2) == sum(len(p["mentions"]) for p in persons)
        for name, offset in v2:
            assert name in {p["name"] for p in persons}
            assert int(offset) in {m["start"] for p in persons for m in p["mentions"]}
        if a["tone"]:
            tone = r["V2Tone"].split(",")
            assert len(tone) == 7
            assert float(tone[0]) == pytest.approx(a["tone"]["score"])
        quotes = [q for q in (r["Quotations"] or "").split("#") if q]
        assert len(quotes) == len(a["quotes"])
        for quote, q in zip(quotes, a["quotes"], strict=True):
            offset, length, _verb, _text = quote.split("|")
            assert (int(offset), int(length)) == (q["start"], q["end"] - q["start"])
        for located in (r["V2Locations"] or "").split(";"):
            if located:
                fields = located.split("#")
                assert len(fields) == 9
                lat, lon, offset = float(fields[5]), float(fields[6]), int(fields[8])
                assert -90 <= lat <= 90 and -180 <= lon <= 180
                place = [p for p in a["places"] if offset in {m["start"] for m in p["mentions"]}]
                assert place and place[0]["lat"] == pytest.approx(lat, abs=1e-4)
        dates = [d for d in (r["Dates"] or "").split(";") if d]
        for d in dates:
            resolution, month, day, year, offset = map(int, d.split("#"))
            source = [x for x in a["dates"] if x["start"] == offset][0]
            assert source["value"].startswith(f"{year:04d}")
        if a["title"]:
            assert r["Extras"].startswith("<PAGE_TITLE>")
    assert any(r["V2Locations"] for r in rows)
    assert any(r["Amounts"] for r in rows)
    assert any(r["Dates"] for r in rows)


def test_plover_records(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    report = export(store_db, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = [e for a in analyses(store_db).values() for e in a["events"]]
    assert len(records) == report.rows == sum(1 for e in events if e["plover"])
    assert report.skipped == sum(1 for e in events if not e["plover"])
    plover_types = {c.plover for c in codebook().values() if c.plover}
    for r in records:
        assert {"id", "actor", "event"} <= r.keys()
        assert r["event"][0] in plover_types
        assert r["actor"] and all("code" in x for x in r["actor"])
        assert r["quad_code"] in (1, 2, 3, 4)
        if "text_info" in r:
            assert r["text"] == r["text"].strip() and len(r["text"]) == (
                r["text_info"]["end"] - r["text_info"]["start"]
            )
    assert len({r["id"] for r in records}) == len(records)
    assert any("event_loc" in r and "lat" in r["event_loc"] for r in records)


def test_jsonl_is_the_contract(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs.jsonl"
    export(store_db, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    stored = analyses(store_db)
    assert len(lines) == len(stored)
    schema = json_schema()
    for line in lines:
        a = json.loads(line)
        jsonschema.validate(a, schema)
        assert a == stored[a["id"]]


def test_parquet_tables_equal_the_store(store_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    export(store_db, "parquet", out)
    with duckdb.connect(str(store_db), read_only=True) as con:
        for table in ("documents", "entities", "quotes", "places", "events", "dates"):
            path = out / f"{table}.parquet"
            differ = con.execute(
                f"SELECT count(*) FROM ((SELECT * FROM {table}) "
                f"EXCEPT ALL (SELECT * FROM read_parquet('{path}')))"
            ).fetchone()[0]
            assert differ == 0, table
            assert con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0] == (
                con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            )


def test_date_range_filters(store_db: Path, tmp_path: Path) -> None:
    everything = read_gdelt(_export(store_db, tmp_path, "gdelt-events"), "events")
    days = sorted({r["SQLDATE"] for r in everything} - {None})
    assert len(days) > 2, "the examples should span several days"
    first, last = days[1], days[-2]
    iso = [f"{d // 10000:04d}-{d // 100 % 100:02d}-{d % 100:02d}" for d in (first, last)]
    some = read_gdelt(
        _export(store_db, tmp_path, "gdelt-events", "--from", iso[0], "--to", iso[1]), "events"
    )
    assert some and all(first <= r["SQLDATE"] <= last for r in some)
    assert len(some) == sum(1 for r in everything if first <= (r["SQLDATE"] or 0) <= last)
    docs = _export(store_db, tmp_path, "jsonl", "--from", iso[0], "--to", iso[1])
    for line in docs.read_text(encoding="utf-8").splitlines():
        assert iso[0] <= json.loads(line)["published"][:10] <= iso[1]


def test_event_exports_keep_the_events_of_enough_confidence(store_db: Path,
                                                            tmp_path: Path) -> None:
    events = [e for a in analyses(store_db).values() for e in a["events"] if e["plover"]]
    least = sorted(e["confidence"] for e in events)[len(events) // 2]
    sure = sum(1 for e in events if e["confidence"] >= least)
    assert 0 < sure < len(events)
    out = _export(store_db, tmp_path, "plover", "--min-confidence", str(least))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == sure and all(r["confidence"] >= least for r in records)
    mentions = read_gdelt(
        _export(store_db, tmp_path, "gdelt-mentions", "--min-confidence", str(least)), "mentions")
    assert mentions and all(r["Confidence"] >= round(least * 100) for r in mentions)
    for fmt, value in (("jsonl", "0.5"), ("plover", "1.5")):
        result = runner.invoke(app, ["export", "--db", str(store_db), "--format", fmt, "--out",
                                     str(tmp_path / "x"), "--min-confidence", value])
        assert result.exit_code == 1 and "--min-confidence" in result.output


def _export(db: Path, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"{fmt}-{len(extra)}.out"
    result = runner.invoke(
        app, ["export", "--db", str(db), "--format", fmt, "--out", str(out), *extra]
    )
    assert result.exit_code == 0, result.output
    assert "rows from" in result.stdout
    return out


def test_bad_requests_are_clear_and_write_nothing(store_db: Path, tmp_path: Path) -> None:
    cases = [
        (["--db", str(tmp_path / "missing.duckdb"), "--format", "jsonl"], "no store"),
        (["--db", str(store_db), "--format", "jsonl", "--from", "2025-13-01"], "not a date"),
        (["--db", str(store_db), "--format", "jsonl", "--from", "2025-10-02", "--to",
          "2025-10-01"], "after"),
    ]
    for args, message in cases:
        out = tmp_path / "x.jsonl"
        result = runner.invoke(app, ["export", *args, "--out", str(out)])
        assert result.exit_code == 1
        assert message in result.output
        assert not out.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        export(store_db, "jsonl", blocker / "inside.jsonl")
    with pytest.raises(ExportError, match="directory"):
        export(store_db, "gdelt-events", tmp_path)
    assert not list(tmp_path.glob(".*partial"))


def test_actor_code_columns() -> None:
    rus = actor_columns("RUSGOV")
    assert (rus.country, rus.type1, rus.known_group) == ("RUS", "GOV", "")
    nato = actor_columns("IGOWSTNAT")
    assert (nato.country, nato.type1, nato.known_group) == ("", "IGO", "NAT")
    rebels = actor_columns("IDNREBMOS")
    assert (rebels.country, rebels.type1, rebels.religion1) == ("IDN", "REB", "MOS")
    assert actor_columns(None).code == ""


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("id", "Sebanyak 1.500 tentara dan Rp 5,2 triliun dana, pukul 10.30 WIB.",
         [(1500, "tentara"), (5.2e12, "Rp")]),
        ("id", "Pada tahun 2022 ada 12 kapal, 30 persen di antaranya dari Nord Stream 2 Rusia.",
         [(12, "kapal"), (30, "persen")]),
        ("en", "About 1,500 soldiers and $2.5 billion; at 10 am, 3 of them.",
         [(1500, "soldiers"), (2.5e9, "$")]),
        ("xx", "1,500 soldiers", []),
    ],
)
def test_amounts(lang: str, text: str, expected: list[tuple[float, str]]) -> None:
    found = find_amounts(text, lang)
    assert [(a.value, a.object) for a in found] == expected
    for a in found:
        assert text[a.offset].isdigit() or text[a.offset - 1] in "$ "
