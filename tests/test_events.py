"""The events stage: CAMEO/PLOVER codebook, dictionaries, and who did what to whom."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from pantau.cli import app
from pantau.config import Settings
from pantau.errors import ConfigError
from pantau.extract.events.codebook import codebook, lookup, plover_type
from pantau.extract.events.dictionaries import check_dictionaries
from pantau.extract.events.lexicon import load_event_lexicon, read_toml
from pantau.extract.events.petrarch import (
    Discards,
    read_actors,
    read_discards,
    read_verbs,
    verb_forms,
)
from pantau.model import Event
from pantau.pipeline import Pipeline

runner = CliRunner()


def events_of(pipeline: Pipeline, text: str, lang: str) -> list[Event]:
    return pipeline.analyze(text, lang=lang).events


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.root) for e in events}


# --- codebook -------------------------------------------------------------------------------


def test_codebook_has_every_code_with_root_quad_class_goldstein_and_plover() -> None:
    book = codebook()
    assert len(book) > 300
    accuse = lookup("112")
    assert (accuse.root, accuse.quad_class, accuse.goldstein, accuse.plover) == (
        "11",
        3,
        -2.0,
        "ACCUSE",
    )
    assert lookup("190").quad_class == 4 and lookup("042").quad_class == 1
    assert lookup("0233").plover == "REQUEST"  # CAMEO 02 appeals are PLOVER requests
    assert lookup("010").plover is None  # PLOVER has no statements
    with pytest.raises(ConfigError, match="unknown CAMEO"):
        lookup("999")


def test_plover_codes_future_cooperation_as_agree_and_hypothetical_assault_as_threaten() -> None:
    assert plover_type(lookup("042"), "future") == "AGREE"
    assert plover_type(lookup("042"), "asserted") == "CONSULT"
    assert plover_type(lookup("190"), "hypothetical") == "THREATEN"
    # an announced retreat is an intent to yield, CAMEO 035, which the table codes AGREE
    assert plover_type(lookup("0874"), "future") == "AGREE"
    assert plover_type(lookup("1661"), "future") == "THREATEN"
    assert plover_type(lookup("032"), "negated") == "REJECT"
    assert plover_type(lookup("083"), "negated") == "REJECT"  # "would not meet demands"
    assert plover_type(lookup("075"), "negated") == "REJECT"  # "will not accept refugees"
    assert plover_type(lookup("190"), "negated") == "ASSAULT"


# --- dictionaries ---------------------------------------------------------------------------

PETRARCH_VERBS = """\
&WEAPON
+RIFLE
+HEAVY_ARTILLERY

--- ZORBLE   [190]  ---
ZORBLE {ZORBLED ZORBLING}
+GLORP_AT [111]
- * &WEAPON    [195]   # ZORBLE
- * FLOWERS    [---]   # ZORBLE
"""


def test_petrarch_verbs_forms_synsets_patterns_and_discards() -> None:
    lexicon = read_verbs(PETRARCH_VERBS, "en", "test")
    assert {("zorble",), ("zorbles",), ("zorbled",), ("zorbling",)} <= set(lexicon.triggers)
    assert ("glorped", "at") in lexicon.triggers
    codes = {p.code for p in lexicon.triggers[("zorbled",)]}
    assert codes == {"190", "195", None}
    assert verb_forms("carry") >= {"carries", "carried", "carrying"}
    assert verb_forms("stop") >= {"stopped", "stopping"}


def test_petrarch_actors_keep_synonyms_dated_codes_and_agents() -> None:
    entries = read_actors(
        "!PERSON! = MAN, MEN\nARNOR_ [ARN]\n+NORTH_KINGDOM\nKING_ELESSAR [ARNGOV 301201-999999]\n"
        "[ARNELI]\nCONGRESS!PERSON! [~LEG]\nGOLLUM\n+SMEAGOL\n  [HOB < 950601]\n"
        "  [HOBGOV 19950601 - 19990815]\n  [HOBREB > 990816]\n",
        "test",
    )
    names = {e.name: (e.code, e.agent) for e in entries}
    assert names[("arnor",)] == ("ARN", False)
    assert names[("north", "kingdom")] == ("ARN", False)
    assert names[("king", "elessar")] == ("ARNELI", False)  # the undated code
    assert names[("congressman",)] == ("LEG", True)
    assert names[("congressmen",)] == ("LEG", True)
    # a plural in braces replaces the regular one, none after "{}"; "[NGO~]" goes first
    more = read_actors("GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nMEDIA {} [~MED]\n"
                       "MSF {} [NGO~]\n", "test")
    assert {e.name: e.code for e in more} == {
        ("golden", "goose"): "GGS", ("golden", "geese"): "GGS", ("media",): "MED",
        ("msf",): "NGO~"}
    assert all(e.agent for e in more)
    # a dated code holds on its days (YYMMDD 00-30 is 20YY; "999999" no day: open)
    entry = {e.name: e for e in entries}
    assert entry[("king", "elessar")].code_on("2031-01-01") == "ARNGOV"
    assert entry[("king", "elessar")].code_on("2025-01-01") == "ARNELI"
    smeagol = entry[("smeagol",)]
    assert [smeagol.code_on(day) for day in ("1995-05-31", "1995-06-01", "1999-08-15",
                                             "1999-08-17", None)] == [
        "HOB", "HOBGOV", "HOBGOV", "HOBREB", "HOBREB"]  # no day: the last listed


def test_a_paired_petrarch_code_is_the_other_side_s_event_in_a_user_s_dictionary(
    tmp_path, pipeline: Pipeline  # noqa: ANN001
) -> None:
    """`[042:043]`: "X visited Y" is also Y hosting X, as PETRARCH codes a user's
    dictionary; the pack's own English dictionary keeps one event for one act."""

    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- VISIT  [042:043] ---\nVISIT\n", encoding="utf-8")
    mine = Pipeline(Settings(verbs=(str(verbs),)))
    events = mine.analyze("Russia visited China.", lang="en").events
    assert sorted((e.cameo, e.source.code, e.target.code) for e in events) == [
        ("042", "RUS", "CHN"), ("043", "CHN", "RUS")]
    events = events_of(pipeline, "Putin concluded a visit to China.", "en")  # [042:043] too
    assert [e.cameo for e in events] == ["042"]


def test_a_user_s_group_nouns_win_over_entity_spans_and_share_their_origin(
    tmp_path: Path,
) -> None:
    """A user's agents say what a group noun is, over an entity model that drew it as a
    name ("Lawmakers" as a person, "Human" as a place), as PETRARCH reads them; a group
    noun "in" or "from" joined countries is each one's."""

    actors = tmp_path / "actors.txt"
    actors.write_text("FORNOST [FOR]\nGONDOR [GON]\nERIADOR [ERI]\nARNOR [ARN]\n",
                      encoding="utf-8")
    agents = tmp_path / "agents.txt"
    agents.write_text("LAWMAKER [~LEG]\nHUMAN_RIGHTS_ACTIVIST [~OPP]\nRIGHTS_ACTIVIST [~HRI]\n",
                      encoding="utf-8")
    mine = Pipeline(Settings(actors=(str(actors), str(agents))))
    [event] = mine.analyze("Lawmakers in Fornost and Gondor welcomed a resumption of formal "
                           "diplomatic ties with Eriador.", lang="en").events
    assert (event.cameo, [s.code for s in event.sources], event.target.code) == (
        "051", ["FORLEG", "GONLEG"], "ERI")
    [event] = mine.analyze("Human rights activists in Arnor welcomed Gondor.", lang="en").events
    assert (event.source.code, event.target.code) == ("ARNOPP", "GON")
    agents.write_text("MSF {} [NGO~]\n", encoding="utf-8")
    mine = Pipeline(Settings(actors=(str(actors), str(agents))))
    [event] = mine.analyze("MSF Arnor welcomed Gondor.", lang="en").events
    assert event.source.code == "NGOARN"  # a prefix agent goes before its owner's code
    [event] = mine.analyze("MSF welcomed Gondor.", lang="en").events
    assert (event.source.code, event.source.country) == ("NGO", None)


def test_a_finer_code_of_a_user_s_dictionary_is_kept_and_one_outside_cameo_is_none(
    tmp_path: Path,
) -> None:
    """PETRARCH projects add finer codes ("1717"): the event keeps the user's code with its
    parent's root, QuadClass, Goldstein score and PLOVER type. A code under no CAMEO code
    ("345") is no event, as `[---]` is. Both are told to the user."""

    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- SNUBBLE [1717] ---\nSNUBBLE\n--- GLIMPER [345] ---\nGLIMPER\n",
                     encoding="utf-8")
    mine = Pipeline(Settings(verbs=(str(verbs),)))
    [event] = mine.analyze("Russia snubbled China. Russia glimpered China.", lang="en").events
    parent = lookup("171")
    assert (event.cameo, event.root, event.quad_class, event.goldstein, event.plover) == (
        "1717", "17", 4, parent.goldstein, parent.plover)
    [finer, outside] = check_dictionaries([verbs], [])
    assert "1717 (under 171)" in finer and "345" in outside
    result = runner.invoke(app, ["analyze", "-", "--lang", "en", "--verbs", str(verbs)],
                           input="Russia snubbled China on Monday.")
    assert result.exit_code == 0 and "warning:" in result.output and "345" in result.output
    assert lookup("174K").quad_class == 4 and lookup("174K").name.startswith(lookup("174").name)


def test_a_broken_dictionary_stops_a_run_before_any_document(tmp_path: Path) -> None:
    """One error, not one failed document per document of the run."""
    (tmp_path / "docs").mkdir()
    for n in range(3):
        (tmp_path / "docs" / f"{n}.txt").write_text(f"Rusia menyerang Ukraina ({n}).",
                                                     encoding="utf-8")
    (tmp_path / "bad.txt").write_text("not a dictionary\n", encoding="utf-8")
    db = tmp_path / "run.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path / "docs"), "--db", str(db), "--plain",
                                 "--verbs", str(tmp_path / "bad.txt")])
    assert result.exit_code == 1
    assert result.output.count("no verbs found") == 1, result.output
    assert not db.exists()
    config = tmp_path / "pantau.toml"
    config.write_text(f'verbs = ["{tmp_path / "bad.txt"}"]\n', encoding="utf-8")
    pantau = str(Path(sys.executable).parent / "pantau")
    try:  # a server would analyse what is posted to it: it does not start
        served = subprocess.run([pantau, "serve", "--db", str(db), "--port", "1", "--config",
                                 str(config)], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("pantau serve started with a broken dictionary")
    assert served.returncode == 1 and "no verbs found" in served.stderr, served.stderr


def test_a_person_whose_surname_is_an_organisations_name_is_no_organisation(
    pipeline: Pipeline,
) -> None:
    """"Brin" is BRIN, Indonesia's research agency, in the knowledge base; Sergey Brin is
    not (only a country may be read off the end of a person's name: "Senior Hungarian")."""
    events = events_of(pipeline, "Sergey Brin met Barack Obama in Washington on Monday.", "en")
    assert [(e.source.name, e.source.code) for e in events if e.root == "04"] == [
        ("Sergey Brin", "USA")]


def test_an_english_verb_of_context_only_is_coded_by_its_patterns_alone(
    pipeline: Pipeline,
) -> None:
    """"take", "think", "give", "call": PETRARCH's block defaults (seize, consult,
    cooperate, phone) only through a parse; without one, only their patterns code them."""
    def roots(text: str) -> set[str]:
        return {e.root for e in events_of(pipeline, text, "en")}

    assert "17" not in roots("The talks between Russia and Ukraine will take place in Turkey.")
    assert "04" not in roots("I think Russia's plan is wrong, the French minister said.")
    assert "19" not in roots("Sweden defeated South Korea 1-0 at the World Cup on Monday.")
    assert "19" in roots("Rebels took control of the Syrian town of Aleppo on Monday.")
    assert "07" in roots("Japan gave aid to Indonesia after the earthquake.")
    assert "02" in roots("The United States called for Russia to withdraw its troops.")
    assert not roots("Sweden faced South Korea at the Nizhny Novgorod Stadium.")
    assert not roots("The Russian ambassador claims that Germany was kept informed.")
    assert not roots("The French minister joined the European Commission in 2019.")
    assert not roots('US Trade Representative Robert Lighthizer said the tariffs were an '
                     '"appropriate response" to China.'), "a verb form after 'an' is no verb"


def test_an_english_act_received_is_the_giver_s(pipeline: Pipeline) -> None:
    """"received support from the United States" is the US's support, not Iraq's."""
    assert triples(events_of(pipeline, "Iraq received support from the United States on "
                                       "Monday.", "en")) == {("USA", "IRQ", "05")}
    assert triples(events_of(pipeline, "Israel drew criticism from France over the strikes.",
                             "en")) == {("FRA", "ISR", "11")}


def test_a_trip_to_a_place_of_one_s_own_country_is_no_visit(pipeline: Pipeline) -> None:
    def coded(text: str) -> list[tuple[str, str | None]]:
        return [(e.cameo, e.target.code if e.target else None)
                for e in events_of(pipeline, text, "en")]

    assert coded("The French president visited Marseille on Monday.") == []
    assert coded("The French president visited Germany on Monday.") == [("042", "DEU")]
    assert coded("The French president traveled back to Germany after the summit.") == []
    # a group of such a place is a party: "leaders of Romania" (the pack's `agent_origins`)
    assert coded("The Romanian president held talks with leaders of Romania's opposition.") == [
        ("046", "ROUGOV")]
    assert [[a.code for a in e.sources] for e in events_of(
        pipeline, "The ambassadors of Russia, China and Iran met the Ukrainian foreign minister.",
        "en")] == [["RUSGOV", "CHNGOV", "IRNGOV"]]


def test_an_english_event_needs_a_state_or_political_actor(tmp_path: Path,
                                                           pipeline: Pipeline) -> None:
    """PETRARCH's dictionary codes any two names: "Microsoft criticized Apple" is no
    political event. With a user's dictionaries, their actors are the user's to code."""
    def codes(p: Pipeline, text: str) -> list[tuple[str | None, str | None, str]]:
        return [(e.source.code, e.target.code if e.target else None, e.root)
                for e in events_of(p, text, "en")]

    assert codes(pipeline, "Microsoft criticized Apple over its new policy.") == []
    assert ("USAGOV", "MNCUSA", "11") in codes(
        pipeline, "The US government criticized Apple over its new policy.")
    verbs = tmp_path / "verbs.txt"
    verbs.write_text("--- SNUBBLE [1717] ---\nSNUBBLE\n", encoding="utf-8")
    mine = Pipeline(Settings(verbs=(str(verbs),)))
    assert codes(mine, "Microsoft criticized Apple over its new policy.") == [
        ("MNCUSA", "MNCUSA", "11")]


def test_a_dated_actor_code_follows_the_document_s_date(tmp_path) -> None:  # noqa: ANN001

    actors = tmp_path / "actors.txt"
    actors.write_text("GOLLUM\n  [HOB < 950601]\n  [HOBGOV 19950601 - 19990815]\n"
                      "  [HOBREB > 990816]\nGONDOR [GON]\n", encoding="utf-8")
    pipeline = Pipeline(Settings(actors=(str(actors),)))
    codes = {}
    for day in ("1994-01-01", "1997-01-01", "2005-01-01", None):
        analysis = pipeline.analyze("Gollum attacked Gondor.", lang="en", published=day)
        codes[day] = [e.source.code for e in analysis.events]
    assert codes == {"1994-01-01": ["HOB"], "1997-01-01": ["HOBGOV"],
                     "2005-01-01": ["HOBREB"], None: ["HOBREB"]}


def test_a_pack_file_with_an_unknown_code_is_refused_with_its_place() -> None:
    with pytest.raises(ConfigError, match=r"event #1.*'777'"):
        read_toml('[[event]]\ncode = "777"\nverbs = ["x"]\n', "id", "mine.toml")


def test_every_language_pack_loads_and_covers_all_twenty_roots() -> None:
    for lang in ("id", "en"):
        lexicon = load_event_lexicon(lang)
        assert lexicon is not None
        roots = {p.code[:2] for ps in lexicon.triggers.values() for p in ps if p.code}
        assert roots >= {f"{r:02d}" for r in range(1, 21)}, lang
    assert load_event_lexicon("ms") is None  # no pack: no events, no crash


# --- Indonesian -----------------------------------------------------------------------------


def test_active_voice_source_then_target(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Amerika Serikat menuduh Rusia menimbun senjata.", "id")
    assert ("USA", "RUS", "11") in triples(events)


def test_passive_voice_swaps_source_and_target(pipeline: Pipeline) -> None:
    for text in ("Ukraina diserang oleh Rusia pada Kamis.", "Ukraina diserang Rusia pada Kamis."):
        [event] = events_of(pipeline, text, "id")
        assert (event.source.code, event.target.code, event.root) == ("RUS", "UKR", "19"), text


def test_negated_future_and_hypothetical_events_are_marked(pipeline: Pipeline) -> None:
    cases = {
        "Rusia tidak akan menyerang Ukraina.": "negated",
        "Rusia akan menyerang Ukraina.": "future",
        "Jika Rusia menyerang Ukraina, NATO akan bertindak.": "hypothetical",
        # a potential act is no act: "potensi invasi Ukraina oleh Rusia"
        "Eropa cemas atas potensi serangan terhadap Ukraina oleh Rusia.": "hypothetical",
    }
    for text, mood in cases.items():
        attacks = [e for e in events_of(pipeline, text, "id") if e.root == "19"]
        assert [e.modality for e in attacks] == [mood], text


def test_compound_actors_make_one_event_with_every_member(pipeline: Pipeline) -> None:
    events = [
        e
        for e in events_of(pipeline, "Rusia dan Belarus menyerang Ukraina.", "id")
        if e.root == "19"
    ]
    assert len(events) == 1
    assert [a.code for a in events[0].sources] == ["RUS", "BLR"]
    # an English compound may hold a word of the pack's `compound_modifiers`
    [attack] = events_of(pipeline, "Russia and neighbouring Belarus attacked Ukraine.", "en")
    assert [a.code for a in attack.sources] == ["RUS", "BLR"]
    assert events[0].target.code == "UKR"


def test_an_enumeration_opening_the_sentence_is_one_compound(pipeline: Pipeline) -> None:
    """Its commas are no clause marks; a title's apposition is no enumeration."""
    [attack] = events_of(pipeline, "Russia, Belarus, Iran and Syria attacked Ukraine.", "en")
    assert [a.code for a in attack.sources] == ["RUS", "BLR", "IRN", "SYR"]
    [attack] = [e for e in events_of(pipeline, "Rusia, Belarus, dan Iran menyerang Ukraina.",
                                     "id") if e.root == "19"]
    assert [a.code for a in attack.sources] == ["RUS", "BLR", "IRN"]
    [arrest] = [e for e in events_of(pipeline, "Kapolres Tasikmalaya Kota, AKBP Moch Faruk "
                                     "Rozi menangkap pengemudi itu.", "id") if e.root == "17"]
    assert arrest.source.name == "Moch Faruk Rozi"


def test_reciprocal_verbs_pair_a_compound_subject(pipeline: Pipeline) -> None:
    [meet] = [
        e
        for e in events_of(pipeline, "Rusia dan Amerika Serikat bertemu di Jenewa.", "id")
        if e.root == "04"
    ]
    assert (meet.source.code, meet.target.code) == ("RUS", "USA")


def test_cooperation_within_a_compound_subject_is_mutual(pipeline: Pipeline) -> None:
    # no other party named: the members cooperate with each other (PLOVER's SRC/TAR)
    [deal] = events_of(pipeline, "Kenya and Tanzania signed an agreement on Friday.", "en")
    assert (deal.source.code, deal.target.code) == ("KEN", "TZA")
    # a member's own troops are no other party
    text = "Kenya and Tanzania resumed negotiations on a Kenyan troop pullback."
    assert ("KEN", "TZA", "04") in triples(events_of(pipeline, text, "en"))
    # "<demonym> <title>" drawn as a person of its own is the next person's affiliation
    text = "Kenyan leader Uhuru Kenyatta and Tanzanian President John Magufuli signed a treaty."
    [treaty] = events_of(pipeline, text, "en")
    assert (treaty.target.name, treaty.target.country) == ("John Magufuli", "TZA")
    # not for conflict: a compound that protests has no target of its own
    assert events_of(pipeline, "Kenya and Tanzania protested on Friday.", "en") == []


def test_a_place_after_a_locative_word_is_not_an_actor(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Polisi menangkap dua orang di Jakarta.", "id")
    assert all(e.target is None or e.target.code != "IDN" for e in events)


def test_unnamed_group_nouns_take_the_country_after_them(pipeline: Pipeline) -> None:
    [attack] = [
        e for e in events_of(pipeline, "Pasukan Rusia menyerang Kharkiv.", "id") if e.root == "19"
    ]
    assert attack.source.code == "RUSMIL" and attack.source.sector == "MIL"
    # ... or after a word of origin
    for text, lang, code in (
        ("Soldiers from Russia seized the border post near Kharkiv.", "en", "RUSMIL"),
        ("Penyidik dari Kejaksaan Agung memeriksa Budi Santoso.", "id", "IDNJUD"),
    ):
        assert [e.source.code for e in events_of(pipeline, text, lang)] == [code], text


def test_names_marked_by_initials_alias_or_title_are_actors_for_the_whole_document(
    pipeline: Pipeline,
) -> None:
    text = (
        "Polisi menahan seorang wartawan berinisial QZ di kantornya. "
        "Pengadilan kemudian membatalkan status tersangka QZ."
    )
    events = events_of(pipeline, text, "id")
    arrest = next(e for e in events if e.root == "17")
    assert arrest.target is not None and (arrest.target.name, arrest.target.code) == (
        "QZ", "IDNMED"
    )
    annul = next(e for e in events if e.root == "08")
    assert annul.target is not None and annul.target.name == "QZ"  # remembered
    [meeting] = [
        e for e in events_of(pipeline, "Presiden Xolani akan bertemu Presiden Prabowo.", "id")
        if e.root == "04"
    ]
    assert meeting.source.name == "Xolani" and meeting.source.sector == "GOV"


def test_a_description_in_apposition_is_not_the_subject(pipeline: Pipeline) -> None:
    text = "Budi Hartono selaku komisaris perusahaan itu meminta polisi mengusut kasus tersebut."
    appeal = next(e for e in events_of(pipeline, text, "id") if e.root == "02")
    assert appeal.source.name == "Budi Hartono"


def test_an_organisation_named_after_its_kind_and_its_members(pipeline: Pipeline) -> None:
    text = "Penyidik Kejaksaan Negeri Wakanda menggeledah kantor Dinas Pertanian Wakanda."
    search = next(e for e in events_of(pipeline, text, "id") if e.root == "09")
    assert search.source.code == "IDNJUD"  # a prosecutor's investigator, not the police


def test_an_actor_in_an_object_pattern(pipeline: Pipeline) -> None:
    urged = events_of(pipeline, "Budi Hartono mendorong polisi untuk mengusut kasus itu.", "id")
    assert ("IDNCVL", "IDNCOP", "02") in triples(urged)
    assert events_of(pipeline, "Pemerintah mendorong pertumbuhan ekonomi untuk rakyat.", "id") == []
    welcome = events_of(pipeline, "Presiden Prabowo menyambut Presiden Xolani di Istana.", "id")
    assert any(e.cameo == "043" and e.target and e.target.name == "Xolani" for e in welcome)


def test_a_personal_pronoun_is_the_last_sentence_s_first_person(pipeline: Pipeline) -> None:
    text = (
        "Joko Widodo merupakan sahabat lama Prabowo Subianto. "
        "Dia kemudian mengkritik Prabowo Subianto di depan wartawan."
    )
    [criticism] = [e for e in events_of(pipeline, text, "id") if e.root == "11"]
    assert criticism.source.name == "Joko Widodo"  # the subject, not the last name
    text = "Budi Hartono hadir di gedung DPR. Ia juga mengingatkan KPU untuk berhati-hati."
    appeal = next(e for e in events_of(pipeline, text, "id") if e.root == "02")
    assert appeal.source.name == "Budi Hartono"  # through the clause a saying verb opens


def test_an_object_of_a_preposition_past_a_number_is_no_subject(pipeline: Pipeline) -> None:
    text = "Pengunjuk rasa yang berasal dari empat perusahaan menyerang polisi."
    attack = next(e for e in events_of(pipeline, text, "id") if e.root in {"18", "19"})
    assert attack.source.code == "IDNCVL"  # the protesters, not the companies


def test_a_name_does_not_start_with_a_lower_case_word() -> None:
    from pantau.extract.events.coder import _token_mentions
    from pantau.model import Entity
    from pantau.nlp.tokens import tokenize

    text = "Buruh menggeruduk Pengadilan Negeri Jogja."
    tokens = tokenize(text, 0, len(text))
    court = Entity(id="e1", name="menggeruduk Pengadilan Negeri Jogja", type="ORG")
    [(start, end, _)] = _token_mentions(tokens, [(6, 41, court)], 0, len(text))
    assert [t.text for t in tokens[start:end]] == ["Pengadilan", "Negeri", "Jogja"]


def test_a_quote_opening_with_a_support_verb_is_the_speaker_s_act(pipeline: Pipeline) -> None:
    text = (
        "“Menjatuhkan sanksi peringatan keras kepada Teradu Budi Hartono terhitung sejak "
        "putusan ini dibacakan,” kata Ketua Majelis Heddy Lugito."
    )
    [sanction] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert sanction.cameo == "172" and sanction.source.name == "Heddy Lugito"


def test_an_institution_after_di_is_the_agent_of_a_passive_verb(pipeline: Pipeline) -> None:
    text = "Budi Hartono sudah ditetapkan tersangka di Polda Wakanda pada Senin."
    [charge] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert charge.source.code == "IDNCOP" and charge.target and charge.target.name == "Budi Hartono"


def test_a_bare_noun_opening_a_quote_is_not_the_speaker_s_act(pipeline: Pipeline) -> None:
    text = "“Penahanan saksi itu tidak sah,” kata hakim Budi Hartono di Jakarta."
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    text = "“Kunjungan kerja ini kami lakukan ke Polda Bali,” kata Budi Hartono."
    assert [e.source.name for e in events_of(pipeline, text, "id") if e.root == "04"] == [
        "Budi Hartono"
    ]


def test_a_group_noun_with_a_clitic_and_a_named_agent_after_a_comma(pipeline: Pipeline) -> None:
    text = "Budi Hartono mengatakan partainya akan mendukung kebijakan pemerintah."
    support = next(e for e in events_of(pipeline, text, "id") if e.root == "05")
    assert support.source.name == "partainya" and support.source.sector == "PTY"
    text = "Budi Hartono dinonaktifkan dari jabatannya oleh partainya, Golkar."
    [sanction] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert "golkar" in (sanction.source.name or "").lower()


def test_a_passive_support_verb_takes_the_agent_of_a_nominal_trigger(pipeline: Pipeline) -> None:
    text = "Penangkapan terhadap Budi Hartono dilakukan polisi pada Selasa malam."
    [arrest] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert arrest.source.code == "IDNCOP"
    assert arrest.target and arrest.target.name == "Budi Hartono"


def test_support_is_an_event_only_with_someone_supported(pipeline: Pipeline) -> None:
    text = (
        "Partai Golkar mendukung pemerintah dalam sidang itu. "
        "Kementerian Keuangan mendukung pertumbuhan ekonomi daerah."
    )
    assert {(e.sentence, e.root) for e in events_of(pipeline, text, "id")} == {(0, "05")}


def test_urgent_is_no_appeal(pipeline: Pipeline) -> None:
    text = "BPBD Wakanda mencatat kebutuhan mendesak bagi warga terdampak banjir."
    assert events_of(pipeline, text, "id") == []
    text = "Ketua DPR Budi Hartono mendesak pemerintah segera menurunkan harga beras."
    assert [e.root for e in events_of(pipeline, text, "id")] == ["02"]


def test_object_bound_readings_of_common_verbs(pipeline: Pipeline) -> None:
    # an investigation needs evidence or a person examined; a hope needs an addressee
    text = "Penyidik Polda Wakanda mengumpulkan sejumlah alat bukti di rumah itu."
    assert [e.cameo for e in events_of(pipeline, text, "id")] == ["091"]
    assert events_of(pipeline, "Dokter memeriksa kondisi kesehatannya.", "id") == []
    text = "Ketua DPR Budi Hartono berharap pemerintah segera menurunkan harga beras."
    [appeal] = events_of(pipeline, text, "id")
    assert appeal.cameo == "020" and appeal.target and appeal.target.code == "IDNGOV"
    assert events_of(pipeline, "Budi Hartono berharap cuaca cerah besok.", "id") == []
    text = "Budi Hartono mangkir dari panggilan KPK pada Senin."
    assert [e.root for e in events_of(pipeline, text, "id")] == ["12"]


def test_a_pronoun_opening_a_clause_is_its_subject_not_the_actor_before_it(
    pipeline: Pipeline,
) -> None:
    text = (
        "Menteri Budi Hartono menegaskan kebijakan itu membantu para petani, ia juga "
        "meminta Bank Indonesia menurunkan suku bunga."
    )
    appeal = next(e for e in events_of(pipeline, text, "id") if e.root == "02")
    assert appeal.source.name == "Budi Hartono"


def test_the_first_speaker_without_a_role_is_a_member_of_the_headline_s_institution(
    pipeline: Pipeline,
) -> None:
    text = (
        '"Kami minta pemerintah daerah segera memperbaiki jalan itu," kata Sutrisno kepada '
        "wartawan, Senin (20/10/2025).\nSutrisno juga meminta Kementerian Perhubungan "
        "mengevaluasi anggaran perbaikan jalan."
    )

    def appeal(title: str | None, body: str = text) -> str | None:
        events = pipeline.analyze(body, lang="id", title=title).events
        return next(e for e in events if e.root == "02").source.code

    assert appeal("Komisi V DPR Minta Pemda Perbaiki Jalan Rusak") == "IDNLEG"
    # no body in the headline: a private person
    assert appeal("Jalan Rusak di Garut, Warga Minta Pemda Bertindak") == "IDNCVL"
    assert appeal(None) == "IDNCVL"
    # a role in the article wins over the headline's body
    titled = text.replace("kata Sutrisno", "kata Ketua RT Sutrisno")
    assert appeal("Komisi V DPR Minta Pemda Perbaiki Jalan Rusak", titled) == "IDNGOV"


def test_a_clause_going_on_with_lalu_or_kemudian_keeps_the_last_clause_s_subject(
    pipeline: Pipeline,
) -> None:
    text = "Jaksa Agung bertemu Presiden Prabowo di Istana dan kemudian mengkritik KPK."
    criticism = next(e for e in events_of(pipeline, text, "id") if e.root == "11")
    assert criticism.source.code == "IDNJUD"  # not the palace right before it
    text = "Presiden Prabowo mengunjungi Jepang lalu menandatangani kerja sama dengan Jepang."
    deal = next(e for e in events_of(pipeline, text, "id") if e.root == "05")
    assert (deal.source.name, deal.target.name if deal.target else None) == (
        "Prabowo Subianto", "Jepang")


def test_text_without_events_and_unsupported_languages_give_none(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Cuaca di Bandung cerah sepanjang hari ini.", "id") == []
    analysis = pipeline.analyze("Il pleut à Paris depuis trois jours.", lang="fr")
    assert analysis.events == []


# --- English -------------------------------------------------------------------------------


def test_english_active_passive_and_nominal_noise(pipeline: Pipeline) -> None:
    assert ("PSEREBHMS", "ISR", "19") in triples(
        events_of(pipeline, "Israel was attacked by Hamas on Monday.", "en")
    )
    accused = events_of(pipeline, "The United States accused Russia of a troop build-up.", "en")
    assert ("USA", "RUS", "11") in triples(accused)
    # "forces" and "talks" are nouns here, not events.
    assert events_of(pipeline, "Russian forces and peace talks were in the news.", "en") == []


# --- user dictionaries through the CLI -------------------------------------------------------


def test_english_events_need_a_target_and_reduced_relatives_are_no_events(
    pipeline: Pipeline,
) -> None:
    # `dyadic = true` in lang/en/events.toml: no actor after the verb, no event
    assert events_of(pipeline, "France protested on Monday.", "en") == []
    assert ("FRA", "DEU", "11") in triples(
        events_of(pipeline, "France accused Germany of spying.", "en")
    )
    # "-ed" + "by" without an auxiliary is a participle of a reduced relative clause
    events = events_of(pipeline, "Egypt praised Jordan, attacked by Syria on Monday.", "en")
    assert triples(events) == {("EGY", "JOR", "05")}  # not Jordan attacking Syria


def test_a_reported_obligation_is_a_demand_of_the_speaker(pipeline: Pipeline) -> None:
    text = "Germany said on Monday that Hungary must reopen the border crossing."
    [demand] = events_of(pipeline, text, "en")
    assert (demand.source.code, demand.target.code, demand.cameo) == ("DEU", "HUN", "100")
    assert demand.trigger.text == "must"
    # an order to an actor is a demand of it, not an intent to cooperate
    text = "A Kenyan judge ordered Tanzania to return the cattle."
    assert ("KENJUD", "TZA", "10") in triples(events_of(pipeline, text, "en"))
    # no saying verb before it: an obligation of the sentence's own subject, no demand
    text = "Hungary must reopen the border crossing with Germany."
    assert all(e.cameo != "100" for e in events_of(pipeline, text, "en"))


def test_an_owner_drawn_with_its_possessive_and_a_passive_after_been(
    pipeline: Pipeline,
) -> None:
    # the entity model draws "Kenya's": the owner of the group noun is still Kenya
    text = "Kenya's government accused Uganda of spying on Monday."
    assert ("KENGOV", "UGA", "11") in triples(events_of(pipeline, text, "en"))
    # "been" is an auxiliary even though it may stand between one and its verb
    text = "The Kenyan foreign minister has been criticised by Uganda."
    assert ("UGA", "KENGOV", "11") in triples(events_of(pipeline, text, "en"))


def test_english_place_of_the_act_as_target_and_no_actor_without_a_name(
    pipeline: Pipeline,
) -> None:
    [visit] = events_of(pipeline, "Iraqi President Saddam Hussein arrived in Amman today.", "en")
    assert visit.target is not None and visit.target.country == "JOR"
    # the entity model may tag "25,000" or a sentence-initial "The": no actor
    text = "The United Nations will provide nearly 25,000 tons of food aid."
    assert all(e.target is None or e.target.code for e in events_of(pipeline, text, "en"))


def test_english_actor_rules_of_the_fifth_round(pipeline: Pipeline) -> None:
    # a group of a country is not the country itself
    text = "Kenyan police imposed a curfew in the town of Eldoret in western Kenya."
    assert ("KENCOP", "KEN", "17") in triples(events_of(pipeline, text, "en"))
    # an adjective that is also a group noun is no actor before a noun
    text = "NATO said it would tighten the naval blockade of Libya."
    assert all(e.source.name != "naval" for e in events_of(pipeline, text, "en"))
    # an actor inside an apposition is no subject
    text = "Chile, a key U.S. ally in the region, has refused to recognise Bolivia."
    assert {e.source.code for e in events_of(pipeline, text, "en")} == {"CHL"}
    # a participle of stance after "be" is active, unless an agent follows
    text = "Ghana is opposed to Nigerian mediation in the dispute."
    pairs = {(source, target) for source, target, _ in triples(events_of(pipeline, text, "en"))}
    assert pairs == {("GHA", "NGA")}
    # a complaint addressed to someone targets the one it is about
    text = "Peru complained to the United Nations on Monday over two Chilean air raids."
    assert ("PER", "CHL", "11") in triples(events_of(pipeline, text, "en"))


def test_english_violence_by_no_one_named_and_announced_yielding(pipeline: Pipeline) -> None:
    # the place where an unattributed attack happens is its source
    text = "A roadside bomb near the Afghan city of Kandahar killed two Canadian soldiers."
    [attack] = events_of(pipeline, text, "en")
    assert (attack.source.code, attack.root) == ("AFG", "19")
    # not an accident
    text = "Two Canadian tourists were killed in a stampede near the Afghan city of Kandahar."
    assert events_of(pipeline, text, "en") == []
    # an announced release is an intent to yield (AGREE); a failed agreement a REJECT
    text = "The rebels said they will release the Colombian hostages."
    assert {e.plover for e in events_of(pipeline, text, "en")} == {"AGREE"}
    text = "Sudan and Chad failed to reach agreement on the border on Sunday."
    assert "REJECT" in {e.plover for e in events_of(pipeline, text, "en")}


def test_cli_loads_petrarch_actor_and_verb_dictionaries(tmp_path: Path) -> None:
    (tmp_path / "verbs.txt").write_text(PETRARCH_VERBS, encoding="utf-8")
    (tmp_path / "actors.txt").write_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text(
        "Border clash.\n\nArnor zorbled Gondor with heavy artillery on Monday, officials said.\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "analyze",
            str(tmp_path / "doc.txt"),
            "--lang",
            "en",
            "--actors",
            str(tmp_path / "actors.txt"),
            "--verbs",
            str(tmp_path / "verbs.txt"),
        ],
    )
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in events] == [
        ("ARN", "GON", "195")
    ]


def test_a_discard_list_leaves_its_sentences_and_stories_without_events(tmp_path: Path) -> None:
    """PETRARCH's discards: "BASEBALL" clears its sentence, "+CHAMPIONS LEAGUE" the whole
    story; a changed list makes `pantau run` code the stored documents again."""
    from pantau.pipeline import settings_version

    discards = tmp_path / "discards.txt"
    discards.write_text("# sports\nBASEBALL\n+CHAMPIONS_LEAGUE  # the whole story\n",
                        encoding="utf-8")
    assert read_discards(discards.read_text(encoding="utf-8"), "test") == Discards(
        frozenset({("baseball",)}), frozenset({("champions", "league")}))
    text = ("Russia attacked Ukraine on Monday. Russia attacked the Ukrainian baseball team. "
            "China criticized Japan.")

    def roots(*extra: str) -> list[str]:
        result = runner.invoke(app, ["analyze", "-", "--lang", "en", *extra], input=text)
        assert result.exit_code == 0, result.output
        return [e["root"] for e in json.loads(result.stdout)["events"]]

    assert roots() == ["19", "19", "11"]
    assert roots("--discards", str(discards)) == ["19", "11"]
    text += " He scored in the Champions League."
    assert roots("--discards", str(discards)) == []
    settings = Settings(discards=(str(discards),))
    first = settings_version(settings)
    discards.write_text("BASEBALL\n", encoding="utf-8")
    assert settings_version(settings) != first
    discards.write_text("# nothing\n", encoding="utf-8")
    empty = runner.invoke(app, ["analyze", "-", "--discards", str(discards)], input=text)
    assert empty.exit_code == 1 and "no discard phrases" in empty.output


def test_cli_reports_a_missing_or_empty_dictionary(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Rusia menyerang Ukraina.", encoding="utf-8")
    missing = runner.invoke(
        app, ["analyze", str(tmp_path / "doc.txt"), "--verbs", str(tmp_path / "nope.txt")]
    )
    assert missing.exit_code == 1 and "cannot read verb dictionary" in missing.output
    (tmp_path / "empty.txt").write_text("# nothing here\n", encoding="utf-8")
    empty = runner.invoke(
        app, ["analyze", str(tmp_path / "doc.txt"), "--actors", str(tmp_path / "empty.txt")]
    )
    assert empty.exit_code == 1 and "no actors found" in empty.output


def test_user_dictionaries_change_the_stored_pipeline_version(tmp_path: Path) -> None:
    from pantau.pipeline import pipeline_version, settings_version

    verbs = tmp_path / "verbs.txt"
    verbs.write_text(PETRARCH_VERBS, encoding="utf-8")
    assert settings_version(Settings()) == pipeline_version()
    first = settings_version(Settings(verbs=(str(verbs),)))
    verbs.write_text(PETRARCH_VERBS + "\n--- BLIP [042] ---\nBLIP\n", encoding="utf-8")
    assert first != settings_version(Settings(verbs=(str(verbs),))) != pipeline_version()


# --- the reference article and the development data ------------------------------------------


def test_reference_article_events(pipeline: Pipeline, seed_text: str) -> None:
    analysis = pipeline.analyze(seed_text, published="2022-01-09")
    events = analysis.events

    def found(source: str, target: str | None, roots: set[str], who: str | None = None) -> bool:
        """An event from `source` to `target` (country or actor code) with one of `roots`,
        by the person `who` when given."""
        return any(
            source in (e.source.country, e.source.code)
            and (target is None or (e.target and target in (e.target.country, e.target.code)))
            and e.root in roots
            and (who is None or e.source.name == who)
            for e in events
        )

    assert found("RUS", "IGOWSTNAT", {"02", "10"}), "Russia demands guarantees from NATO"
    assert found("USA", "RUS", {"12"}, "Antony Blinken"), "Blinken rejects Moscow's demands"
    assert found("USA", "RUS", {"12"}, "Washington"), "Washington rejects Moscow's proposals"
    assert found("RUS", "USA", {"04"}, "Vladimir Putin"), "Putin meets Biden"
    assert found("USA", "RUS", {"11"}), "the US accuses Russia of a troop build-up"
    assert found("USA", "RUS", {"13"}, "Joe Biden"), "Biden warns of consequences"
    assert found("RUS", "UKR", {"19"}), "Russia seizes Crimea"
    assert found("IGOEUREEC", "UKR", {"04"}, "Josep Borrell"), "Borrell visits Ukraine"
    assert not found("UKR", "RUS", {"18", "19", "20"}), "Ukraine attacks no one here"
    meeting = next(e for e in events if e.root == "04" and e.source.name == "Vladimir Putin")
    assert meeting.modality == "asserted"
    assert (meeting.date, meeting.date_source) == ("2021-06", "text"), "'pada bulan Juni'"
    places = {p.id: p for p in analysis.places}
    assert meeting.place and places[meeting.place].resolved == "Geneva", "'di Jenewa'"
    accusation = next(
        e for e in events if e.root == "11" and e.target and e.target.country == "RUS"
    )
    assert (accusation.date, accusation.date_source) == ("2022-01-09", "published")
    invasion_if = [e for e in events if e.root == "19" and e.modality == "hypothetical"]
    assert invasion_if, "'jika Rusia menginvasi/menyerbu' is hypothetical, not an invasion"


def test_events_evaluation_on_the_development_gold() -> None:
    data = shared_path("news/id/detik-2025-dev.jsonl")
    from pantau.eval import events as E
    from pantau.eval.quotes import detik_documents

    gold = E.load_gold(Path(__file__).parent / "data/events/detik-events.jsonl")
    documents = {
        i: {"text": t, "title": ti, "published": p}
        for i, t, ti, p in detik_documents(data, {s.doc for s in gold})
    }
    pipeline = Pipeline()
    score = E.evaluate_pantau(gold, documents, pipeline.analyze)
    assert score.misaligned == 0
    assert score.sentences == len(gold) >= 120
    # Regression floors well below the figures in docs/accuracy.md.
    assert score.levels["root+actors"].precision >= 0.5
    assert score.levels["root+actors"].recall >= 0.3


def test_plover_gold_records_evaluation_runs() -> None:
    records = shared_path("events/plover/PLOVER_GSR_CAMEO.txt")
    from pantau.eval import events as E

    score = E.evaluate_plover(E.load_plover(records), Pipeline().analyze)
    assert score.records == 322
    assert score.found_share >= 0.3 and score.extra_per_sentence <= 1.0


def test_cli_evaluates_plover_and_petrarch_records(tmp_path: Path) -> None:
    plover = tmp_path / "gold.json"
    plover.write_text(json.dumps([
        {"id": "T-1", "event": "ACCUSE", "language": "en",
         "text": "The United States accused Russia of a troop build-up.",
         "source": [{"actorText": "United States", "code": "USA"}],
         "target": [{"actorText": "Russia", "code": "RUS"}]},
        {"id": "T-2", "event": "ASSAULT", "language": "en",
         "text": "The weather was mild in Paris on Monday.",
         "source": [{"actorText": "France", "code": "FRA"}]},
    ]), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "events", "--format", "plover", "--gold", str(plover)])
    assert result.exit_code == 0, result.output
    assert "0.5000" in result.output  # one of the two records found
    assert "Brier score" in result.output and "share right" in result.output  # calibration
    records = tmp_path / "records.xml"
    records.write_text(
        '<Validation><Sentences><Sentence date="20000101" id="T-1">'
        '<EventCoding sourcecode="ARN" targetcode="GON" eventcode="195"></EventCoding>'
        "<Text>Arnor zorbled Gondor with heavy artillery.</Text></Sentence>"
        # PETRARCH's "---LEG" (legislators of no known country) is pantau's "LEG"
        '<Sentence date="20000101" id="T-2">'
        '<EventCoding sourcecode="---LEG" targetcode="GON" eventcode="195"></EventCoding>'
        "<Text>Lawmakers zorbled Gondor with heavy artillery.</Text></Sentence>"
        "</Sentences></Validation>", encoding="utf-8")
    (tmp_path / "verbs.txt").write_text(PETRARCH_VERBS, encoding="utf-8")
    (tmp_path / "actors.txt").write_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n", encoding="utf-8")
    (tmp_path / "agents.txt").write_text("LAWMAKER [~LEG]\n", encoding="utf-8")
    result = runner.invoke(app, [
        "evaluate", "events", "--format", "petrarch", "--gold", str(records),
        "--actors", str(tmp_path / "actors.txt"), "--actors", str(tmp_path / "agents.txt"),
        "--verbs", str(tmp_path / "verbs.txt")])
    assert result.exit_code == 0, result.output
    assert "1.0000" in result.output and "2/2" in result.output


def test_a_foreign_institution_named_by_its_kind_is_that_countrys(pipeline: Pipeline) -> None:
    text = "Kementerian Luar Negeri China mengecam Jepang."
    [criticism] = [e for e in events_of(pipeline, text, "id") if e.root == "11"]
    assert criticism.source.code == "CHNGOV"  # not the bare country


def test_an_unknown_organisation_named_by_its_kind_has_its_sector(pipeline: Pipeline) -> None:
    text = "Kejaksaan Agung menyita aset PT Sritex."
    [seizure] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert seizure.target is not None and seizure.target.code == "IDNBUS"


def test_titles_of_no_sector_take_the_body_ending_their_enumeration(pipeline: Pipeline) -> None:
    text = "DKPP menjatuhkan sanksi peringatan keras terhadap ketua, 4 anggota, serta sekjen KPU."
    [sanction] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert sanction.target is not None and sanction.target.code == "IDNGOV"


def test_unnamed_police_courts_and_civilians_abroad_are_that_countrys(pipeline: Pipeline) -> None:
    text = ("Menurut Menteri Hukum, warga itu sedang diadili oleh pengadilan militer di "
            "Amerika Serikat. Israel terus melakukan pembunuhan terhadap warga sipil di Tepi "
            "Barat. Polisi menangkap dua pelaku di Jakarta.")
    codes = {(e.root, e.source.name): (e.source.code, e.target and e.target.code)
             for e in events_of(pipeline, text, "id")}
    assert codes[("17", "pengadilan")][0] == "USAJUD"
    assert codes[("18", "Israel")] == ("ISR", "PSECVL")
    assert codes[("17", "polisi")][0] == "IDNCOP"  # at home


def test_a_person_after_a_word_of_kinship_is_the_relatives_possessor(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Istri Budi Santoso melapor ke polisi. Polisi kemudian "
                       "menangkap anak Budi Santoso.", "id")
    [report] = [e for e in events if e.root == "11"]
    assert (report.source.name, report.source.code) == ("Istri Budi Santoso", "IDNCVL")
    [arrest] = [e for e in events if e.root == "17"]
    assert arrest.target is not None and arrest.target.name == "anak Budi Santoso"
    # past a title with an ordinal ("Presiden ke-7")
    [visit] = events_of(pipeline, "Putra sulung Presiden ke-7 Joko Widodo itu telah meninjau "
                        "IKN.", "id")
    assert visit.source.name.startswith("Putra sulung") and visit.source.code == "IDNCVL"


def test_a_case_review_is_no_event(pipeline: Pipeline) -> None:
    """A "gelar perkara" is the investigators' internal review, which the golds do not code;
    what it decides is."""
    events = events_of(pipeline, "Penyidik melakukan gelar perkara dan menetapkan Lisa "
                       "Mariana sebagai tersangka.", "id")
    assert sorted(e.root for e in events) == ["17"]


def test_god_in_a_quoted_verse_is_no_actor(pipeline: Pipeline) -> None:
    text = ("Ustaz Budi Santoso menjelaskan ayat itu. Di dalamnya, Allah SWT memerintahkan "
            "umat untuk mencatat utang.")
    assert events_of(pipeline, text, "id") == []


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("Setelah menangkap pelaku, polisi memeriksa dua saksi.", "17", "IDNCOP", "IDNCRM"),
        ("Usai bertemu Presiden Prabowo, Menteri Luar Negeri Sugiono mengunjungi Jepang.",
         "04", "Sugiono", "Prabowo Subianto"),
        ("Selain diperiksa Propam, Iriansyah juga langsung dipanggil menghadap ke Kapolres "
         "Barru.", "09", "Propam", "Iriansyah"),
        ("Setelah ditangkap polisi, Budi Santoso dibawa ke Polres Bogor.", "17", "IDNCOP",
         "Budi Santoso"),
    ],
    ids=["active", "meeting", "passive-besides", "passive-after"],
)
def test_a_fronted_clause_with_no_subject_is_the_main_subjects(
    pipeline: Pipeline, text: str, root: str, source: str, target: str
) -> None:
    """The first verb's subject is the main clause's, named after the comma."""
    first = next(e for e in events_of(pipeline, text, "id") if e.root == root)
    assert first.target is not None
    assert source in (first.source.name, first.source.code)
    assert target in (first.target.name, first.target.code)


def test_a_commodity_or_a_market_index_is_no_actor(pipeline: Pipeline) -> None:
    [export] = events_of(pipeline, "Saat ini, Indonesia masih mengekspor CPO sebesar 26 juta "
                         "ton.", "id")
    assert (export.source.code, export.target) == ("IDN", None)
    assert events_of(pipeline, "Penguatan IHSG didukung MACD yang positif.", "id") == []


def test_a_verb_joined_after_what_is_said_is_the_speakers(pipeline: Pipeline) -> None:
    text = ("Elon Musk mengatakan hal itu akan meledakkan utang AS dan berjanji untuk "
            "menggagalkan rencana itu. Kapolres mengatakan polisi menangkap pelaku dan "
            "memeriksa saksi.")
    sources = {e.root: e.source.name for e in events_of(pipeline, text, "id")}
    assert sources["13"] == "Elon Musk"  # not the US (a hostile promise, 130)
    assert sources["09"] == "polisi"  # the reported clause's own subject goes on


def test_an_institution_before_another_country_is_that_countrys(pipeline: Pipeline) -> None:
    for text in ("Kementerian Luar Negeri (Kemlu) China mengecam Jepang.",
                 "Juru bicara Kementerian Luar Negeri China Lin Jian mengecam Jepang."):
        [criticism] = [e for e in events_of(pipeline, text, "id") if e.root == "11"]
        assert criticism.source.code == "CHNGOV"


def test_a_quantifier_between_a_verb_and_its_noun_is_stepped_over(pipeline: Pipeline) -> None:
    text = "Ketua Yayasan Peduli, Budi Santoso, aktif menyalurkan berbagai bantuan di Bali."
    [aid] = [e for e in events_of(pipeline, text, "id") if e.root == "07"]
    assert aid.source.name == "Budi Santoso"
    assert aid.trigger.text == "menyalurkan berbagai bantuan"


def test_an_acronym_in_parentheses_keeps_a_nouns_subject_in_its_clause(pipeline: Pipeline) -> None:
    text = "Pada Maret lalu, Uni Eropa (UE) menjatuhkan sanksi kepada Rusia."
    [sanction] = [e for e in events_of(pipeline, text, "id") if e.root == "16"]
    assert sanction.source.name == "Uni Eropa"
    assert sanction.target is not None and sanction.target.code == "RUS"


def test_the_word_after_an_abuse_noun_is_its_victim(pipeline: Pipeline) -> None:
    text = "Darto menjalani sidang kasus pelecehan siswi di Pengadilan Negeri Kendari."
    [abuse] = [e for e in events_of(pipeline, text, "id") if e.root == "18"]
    assert abuse.source.name == "Darto"
    assert abuse.target is not None and abuse.target.name == "siswi"


def test_a_group_noun_written_twice_is_its_plural(pipeline: Pipeline) -> None:
    text = "Menurut dia, partai-partai selalu menolak sistem ini."
    [rejection] = [e for e in events_of(pipeline, text, "id") if e.root == "12"]
    assert rejection.source.code == "IDNPTY" and rejection.source.name == "partai-partai"
    text = "Kemendagri memberi teguran kepada kepala-kepala daerah yang inflasinya tinggi."
    [rebuke] = [e for e in events_of(pipeline, text, "id") if e.root == "11"]
    assert rebuke.target is not None and rebuke.target.code == "IDNGOV"


def test_a_person_takes_the_sector_of_the_body_the_role_names(pipeline: Pipeline) -> None:
    text = ("Wakil Ketua DPRD Jawa Timur, Deni Wicaksono menyoroti insiden tambang di Magetan "
            "yang menewaskan seorang pekerja.")
    [criticism] = [e for e in events_of(pipeline, text, "id") if e.root == "11"]
    assert criticism.source.name == "Deni Wicaksono" and criticism.source.code == "IDNLEG"


def test_a_person_takes_the_sector_of_the_title_written_before_the_name(
        pipeline: Pipeline) -> None:
    text = "Wakil Wali Kota Bandung Erwin menginstruksikan jajarannya untuk mengantisipasi banjir."
    [order] = [e for e in events_of(pipeline, text, "id") if e.root == "10"]
    assert order.source.name == "Erwin" and order.source.code == "IDNGOV"
    # the first body the title names: the parliament's faction, not the party
    text = "Anggota Komisi II DPR RI Fraksi Golkar Riswan Tony menyoroti gaya hidup anggota KPU."
    [criticism] = [e for e in events_of(pipeline, text, "id") if e.root == "11"]
    assert criticism.source.name == "Riswan Tony" and criticism.source.code == "IDNLEG"
    # a place after a locative word is no title
    text = "Saat bersaksi di Pengadilan Tipikor Jakarta, Sandra menolak tuduhan itu."
    assert all(e.source.code != "IDNJUD" for e in events_of(pipeline, text, "id"))


def test_a_person_takes_the_sector_of_the_title_after_selaku(pipeline: Pipeline) -> None:
    text = ("DKPP menjatuhkan sanksi peringatan keras kepada Adi Susanto selaku Ketua merangkap "
            "anggota KPU Kabupaten Labuhanbatu Utara.")
    [sanction] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert sanction.target is not None and sanction.target.name == "Adi Susanto"
    assert sanction.target.code == "IDNGOV"


def test_a_title_naming_a_body_the_knowledge_base_knows_gives_its_sector(
        pipeline: Pipeline) -> None:
    text = ("DKPP merehabilitasi nama baik Betty Epsilon Idroos selaku anggota Komisi Pemilihan "
            "Umum. DKPP menilai Betty tidak terbukti melanggar kode etik.")
    targets = [e.target for e in events_of(pipeline, text, "id") if e.target is not None
               and e.target.name == "Betty Epsilon Idroos"]
    assert len(targets) == 2 and all(t.code == "IDNGOV" for t in targets)


def test_a_nominal_trigger_has_no_agent_through_another_verb_of_the_subject(
    pipeline: Pipeline,
) -> None:
    text = "Masyarakat dapat mengecek status penerimaan bantuan sosial melalui aplikasi."
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "07"]
    text = "Mahkamah Konstitusi mengabulkan gugatan para pemohon."
    assert not [e for e in events_of(pipeline, text, "id")
                if e.cameo == "115" and e.source.name == "Mahkamah Konstitusi"]
    # through a support verb or a link the subject is still the agent
    text = "Kemensos juga berencana menyalurkan bantuan kepada warga terdampak banjir."
    [aid] = [e for e in events_of(pipeline, text, "id") if e.root == "07"]
    assert aid.source.code == "IDNGOV"


@pytest.mark.parametrize(
    ("text", "root", "source"),
    [
        # a noun after a moment word has the agent of the clause before
        ("Penyidik Kejari Lembata saat penggeledahan menemukan dua kontainer berisi berkas.",
         "09", "IDNJUD"),
        # the agent right after a passive verb wins over an institution named later
        ("Pelaku ditangkap polisi dan langsung ditahan di Polres Bogor.", "17", "polisi"),
    ],
    ids=["moment-word", "agent-after-passive"],
)
def test_the_source_of_an_act_named_away_from_its_subject(
    pipeline: Pipeline, text: str, root: str, source: str
) -> None:
    [event] = [e for e in events_of(pipeline, text, "id") if e.root == root]
    assert source in (event.source.code, event.source.name)


def test_praise_is_never_mutual_between_the_members_of_a_compound(pipeline: Pipeline) -> None:
    text = "Menteri Keuangan Sri Mulyani dan Gubernur BI Perry Warjiyo mendukung konsensus itu."
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "05"]
    text = "Indonesia dan Malaysia menandatangani perjanjian perbatasan."
    [signing] = [e for e in events_of(pipeline, text, "id") if e.root == "05"]
    assert signing.target is not None and signing.target.name == "Malaysia"


def test_a_noun_in_a_fronted_phrase_has_the_subject_after_the_comma_as_agent(
    pipeline: Pipeline,
) -> None:
    for text in ("Dari hasil penggeledahan yang dilakukan, KPK menemukan dokumen penting.",
                 # in a quotation too
                 '"Dari hasil penggeledahan, KPK menemukan dokumen penting," katanya.'):
        [search] = [e for e in events_of(pipeline, text, "id") if e.root == "09"]
        assert search.source.name in {"KPK", "Komisi Pemberantasan Korupsi"}, text
    # not one who suffers the main verb, nor an act told before ("itu")
    text = ("Setelah melalui proses penyelidikan, Ketua Yayasan Maju Dede Ardiansyah resmi "
            "ditetapkan sebagai tersangka.")
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "09"]
    text = "Dalam kunjungan itu, Presiden Ramaphosa membahas hubungan bilateral."
    assert not [e for e in events_of(pipeline, text, "id") if e.cameo == "042"]


def test_the_partner_of_a_fronted_meeting_leaves_the_agent_to_the_clause(
    pipeline: Pipeline,
) -> None:
    # past the partner's apposition too
    text = ("Dalam pertemuan dengan Perdana Menteri Jepang Shigeru Ishiba, Menteri Pertahanan "
            "Jepang, Presiden Prabowo Subianto menyatakan dukungan bagi Palestina.")
    [meeting] = [e for e in events_of(pipeline, text, "id") if e.root == "04"]
    assert (meeting.source.name, meeting.target.name) == ("Prabowo Subianto", "Shigeru Ishiba")


def test_a_pronoun_subject_reaches_past_an_acronym_in_parentheses(pipeline: Pipeline) -> None:
    """The second verb of "Mereka ... ke Komisi Informasi Publik (KIP) dan menuntut" is
    theirs: the bracket closes no clause of its own."""
    text = ("Para mantan pegawai KPK membentuk Indonesia Memanggil 57+ Institute. Mereka juga "
            "telah melayangkan gugatan ke Komisi Informasi Publik (KIP) dan menuntut hasil "
            "tes itu dibuka.")
    demands = [e for e in events_of(pipeline, text, "id") if e.root == "10"]
    assert [(e.sentence, e.source.name) for e in demands] == [(1, "pegawai KPK")]


def test_tourists_visiting_are_tourism_not_visits(pipeline: Pipeline) -> None:
    text = "Tercatat kunjungan wisatawan mancanegara ke Indonesia meningkat tahun ini."
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "04"]
    text = "Presiden Prabowo Subianto melakukan kunjungan kenegaraan ke Jepang."
    assert [e.cameo for e in events_of(pipeline, text, "id")] == ["042"]


def test_friends_and_colleagues_are_actors_but_not_an_audience_addressed(
    pipeline: Pipeline,
) -> None:
    text = "Harun tetap mendukung teman-teman yang berjuang kembali ke KPK."
    assert [(e.cameo, e.source.name, e.target.name if e.target else None)
            for e in events_of(pipeline, text, "id")] == [("051", "Harun", "teman-teman")]
    text = "Pada akhirnya KPU, Teman-teman sekalian, mengapresiasi masukan dari berbagai pihak."
    assert [e.source.name for e in events_of(pipeline, text, "id")] == ["KPU"]


def test_a_pronoun_never_stands_for_the_other_party_of_its_clause(pipeline: Pipeline) -> None:
    text = "Trump menyebut partai ketiga itu konyol. Dia kemudian berselisih dengan Trump."
    assert not [e for e in events_of(pipeline, text, "id")
                if e.root == "11" and e.source.name == "Donald Trump"]


def test_the_evaluation_matches_an_actor_by_any_way_the_article_writes_it(
    pipeline: Pipeline,
) -> None:
    from pantau.eval import events as E

    text = "Amerika Serikat (AS) menuduh Iran memperkaya uranium. AS juga mengecam Iran."
    analysis = pipeline.analyze(text, lang="id")
    sentence = analysis.sentences[1]
    gold = E.GoldSentence(doc="t", sentence=1, text=text[sentence.start:sentence.end], events=[
        {"source": {"text": "AS", "code": "USAGOV"}, "target": {"text": "Iran", "code": "IRN"},
         "code": "111", "root": "11", "trigger": "mengecam", "modality": "asserted"}])
    documents = {"t": {"text": text, "title": None, "published": None}}
    score = E.evaluate_pantau([gold], documents, lambda t, **_: pipeline.analyze(t, lang="id"))
    [event] = [e for e in analysis.events if e.sentence == 1]
    assert event.source.name != "AS"  # the entity's name, not the gold's text
    assert score.levels["root+actors"].true_positives == 1


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        ("Kemensos memberikan peringatan kepada 500 pendamping PKH.", "172", "pendamping pkh"),
        ("Kemensos menyalurkan bantuan kepada keluarga penerima manfaat.", "070",
         "keluarga penerima manfaat"),
        ("Dua pria itu berkelahi dengan seorang pemuda di depan warung.", "182", "pemuda"),
        ("KPK berkoordinasi dengan pihak terkait.", "040", "pihak terkait"),
        ("Jadi masyarakat tidak perlu khawatir soal data itu.", None, None),
        ("Kementerian Sosial menindak lanjuti temuan itu dengan tiga program.", None, None),
        ("Drone KLH menangkap citra emisi dari cerobong pabrik.", None, None),
        ("Para pengendara ojol memilih menepikan motornya yang mogok.", None, None),
        ("Langkah ini juga didukung oleh Polda Kalimantan Timur.", None, None),
        ("Ia berharap kedatangan Presiden Prabowo menghasilkan kerja sama.", None, None),
        ("Bank Indonesia menurunkan suku bunga setelah mempertimbangkan tiga faktor.", None,
         None),
        ("Eddy Soeparno mengingatkan bahwa Indonesia sudah masuk krisis iklim.", None, None),
    ],
    ids=["formal-warning", "aid-recipients", "a-fight", "authorities-concerned", "reassurance",
         "follow-up-written-apart", "capturing-images", "stalled-motorbike",
         "support-for-a-step", "hope-about-a-visit", "taking-into-account",
         "reminding-that"],
)
def test_indonesian_lexicon_entries(
    pipeline: Pipeline, text: str, code: str | None, target: str | None
) -> None:
    events = events_of(pipeline, text, "id")
    if code is None:
        assert not events
        return
    [event] = [e for e in events if e.cameo == code]
    assert event.target is not None and event.target.name == target


def test_a_speaker_is_not_the_subject_of_what_he_reports(pipeline: Pipeline) -> None:
    text = ("Menteri Keuangan Purbaya Yudhi Sadewa menjelaskan modus para oknum ini adalah "
            "bernegosiasi dengan wajib pajak.")
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "04"]
    text = "Kapolres mengatakan pihaknya telah menangkap dua pelaku pencurian."
    [arrest] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert arrest.source.code == "IDNCOP"


def test_what_a_revealing_verb_reports_has_its_own_subject(pipeline: Pipeline) -> None:
    """ "mengungkap" is saying here, and uncovering a case still."""
    text = "Pengacara Budi Santoso mengungkap Khariq Anhar ditahan Polda Metro Jaya."
    [arrest] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert arrest.target is not None and arrest.target.name == "Khariq Anhar"
    text = "Polisi mengungkap kasus pembunuhan di Kuta."
    [uncover] = events_of(pipeline, text, "id")
    assert (uncover.cameo, uncover.source.code) == ("091", "IDNCOP")


def test_an_act_pointed_back_to_after_a_saying_verb_is_what_is_said(pipeline: Pipeline) -> None:
    text = "Trump mengaku kesepakatan ini merupakan hasil negosiasi selama beberapa bulan."
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "03"]


@pytest.mark.parametrize(
    "text",
    [
        "Keluarga korban mengetahui aksi tak patut itu dan melaporkan pria tersebut ke polisi.",
        "Tugas kepolisian bukan hanya menangkap pelaku tetapi juga mencegah kejahatan.",
    ],
    ids=["negator-of-another-verb", "not-only"],
)
def test_a_negator_that_negates_another_word_leaves_the_event_asserted(
    pipeline: Pipeline, text: str
) -> None:
    events = [e for e in events_of(pipeline, text, "id") if e.root in {"11", "17"}]
    assert events and all(e.modality != "negated" for e in events)


def test_a_country_named_for_its_currency_is_no_actor(pipeline: Pipeline) -> None:
    text = "Perry mendorong agar rupiah bisa kembali ke level Rp 16.300/US$ bahkan lebih kuat."
    [appeal] = [e for e in events_of(pipeline, text, "id") if e.root == "02"]
    assert appeal.target is None


def test_the_people_are_an_actor_only_opening_their_phrase(pipeline: Pipeline) -> None:
    text = "Di saat rakyat mempertanyakan kinerja DPR, anggota dewan justru menerima tunjangan."
    [question] = [e for e in events_of(pipeline, text, "id") if e.root == "11"]
    assert (question.source.name, question.source.code) == ("rakyat", "IDNCVL")
    assert question.target is not None and question.target.code == "IDNLEG"
    # "Sekolah Rakyat" is a name, "pajak rakyat" a tax: neither is the people
    text = "Presiden Prabowo meresmikan Sekolah Rakyat dan memuji pajak rakyat."
    assert all(e.source.name != "rakyat" and (e.target is None or e.target.name != "rakyat")
               for e in events_of(pipeline, text, "id"))


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("KPK tengah mendalami hal tersebut.", True),
        ("Rencananya, Lisa Mariana akan diperiksa hari ini oleh penyidik Bareskrim Polri.", True),
        ("Mahasiswa itu tengah mendalami hal tersebut.", False),
        ("Guru-guru tidak memeriksa isi makanan satu per satu.", False),
        ("Kementerian Keuangan tengah mendalami hal tersebut.", False),
    ],
    ids=["kpk-studies-a-matter", "examined-by-investigators", "student-studies", "teachers-check",
         "ministry-studies"],
)
def test_an_examination_by_investigators_is_an_investigation_whatever_its_object(
    pipeline: Pipeline, text: str, coded: bool
) -> None:
    found = [e for e in events_of(pipeline, text, "id") if e.cameo == "091"]
    assert bool(found) == coded
    if coded:  # the KPK is a government commission (IDNGOV) whose examinations investigate
        assert found[0].source.code in {"IDNGOV", "IDNCOP"}


@pytest.mark.parametrize(
    "text",
    [
        "Polisi menangkap pelaku, memeriksa saksi, dan menyita barang bukti.",
        "KPK menahan tersangka, lalu memeriksa saksi.",
    ],
    ids=["comma-joined", "then"],
)
def test_serial_verb_phrases_share_the_first_ones_subject(pipeline: Pipeline, text: str) -> None:
    events = events_of(pipeline, text, "id")
    assert {e.root for e in events} >= {"17", "09"}
    # the one arrested or detained examines no one
    assert all(e.source.code in {"IDNCOP", "IDNGOV"} for e in events)


def test_a_passive_verb_opening_a_relative_clause_reads_its_head_as_object(
    pipeline: Pipeline,
) -> None:
    text = "Diketahui, dalam kasus ini sudah ada tersangka yang ditetapkan KPK."
    [charge] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert charge.source.name in {"KPK", "Komisi Pemberantasan Korupsi"}
    assert charge.target is not None and charge.target.name == "tersangka"


def test_a_place_in_a_fronted_visit_leaves_the_agent_to_the_clause_after_it(
    pipeline: Pipeline,
) -> None:
    text = ("Saat kunjungannya ke Jakarta, Presiden Prancis Emmanuel Macron menandatangani "
            "kerja sama pertahanan.")
    [visit] = [e for e in events_of(pipeline, text, "id") if e.root == "04"]
    assert visit.source.name == "Emmanuel Macron" and visit.target is not None
    # people after "ke" are no place: "nelayan" opening a list does no patrolling
    text = "Dalam patroli gabungan dilanjutkan dengan dialogis ke buruh pelabuhan, nelayan."
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "15"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Pemerintah Provinsi Jawa Timur menggelar program itu untuk meringankan beban "
         "masyarakat.", "IDNGOV"),
        ("Wisatawan asing juga memberi manfaat ekonomi bagi masyarakat lokal.", None),
        ("Aplikasi itu dirancang untuk membantu masyarakat melaporkan penipuan.", None),
    ],
    ids=["government-relief", "tourists", "an-app"],
)
def test_help_for_the_public_is_aid_when_an_institution_gives_it(
    pipeline: Pipeline, text: str, source: str | None
) -> None:
    aid = [e for e in events_of(pipeline, text, "id") if e.root == "07"]
    assert [e.source.code for e in aid] == ([source] if source else [])


def test_the_medium_a_report_is_attributed_to_is_no_subject(pipeline: Pipeline) -> None:
    text = "Dilansir Kominfo Jatim, kebijakan itu dibuat untuk meringankan beban masyarakat."
    assert not [e for e in events_of(pipeline, text, "id") if e.source.name == "Kominfo"]


def test_a_third_person_pronoun_in_a_quote_is_not_its_speaker(pipeline: Pipeline) -> None:
    text = ('Kapolres Faruk Rozi memimpin penyelidikan kasus itu. "Dia juga sudah membuat '
            'video permintaan maaf kepada masyarakat," kata Faruk.')
    assert not [e for e in events_of(pipeline, text, "id")
                if e.root == "05" and e.source.name == "Faruk Rozi"]


def test_an_organisation_closing_a_persons_long_title_is_not_the_subject(
    pipeline: Pipeline,
) -> None:
    text = ("Satu saksi atas nama Dedy Rahman selaku Kepala Subdivisi Pelayanan Publik Divisi "
            "Perencanaan Operasional dan Pelayanan Publik Perum Bulog, meminta penjadwalan "
            "ulang.")
    [request] = [e for e in events_of(pipeline, text, "id") if e.root == "02"]
    assert request.source.name == "Dedy Rahman"


def test_an_actor_object_told_about_by_a_relative_clause_is_the_target(
    pipeline: Pipeline,
) -> None:
    text = "Polisi telah mengamankan pengemudi yang membuat geram warganet tersebut."
    [arrest] = [e for e in events_of(pipeline, text, "id") if e.root == "17"]
    assert arrest.target.name == "pengemudi"
    # a thing told about so still leads to the actor in the clause
    text = "Rusia menolak proposal yang dibuat oleh NATO."
    [rejection] = [e for e in events_of(pipeline, text, "id") if e.root == "12"]
    assert rejection.target.name == "NATO"


def test_a_site_no_actor_code_reaches_is_no_target(pipeline: Pipeline) -> None:
    text = "Warga hendak berkunjung ke Benteng Kuto Besak dan Jembatan Ampera."
    [visit] = [e for e in events_of(pipeline, text, "id") if e.root == "04"]
    assert visit.target is None


def test_a_sentence_a_pronoun_opens_keeps_its_person_for_the_next_pronoun(pipeline) -> None:  # noqa: ANN001
    """ "Dia menuding Joko Susilo ...": the sentence still speaks of Budi, so the next
    "Dia" is Budi too, not Joko Susilo, the first name it writes."""
    events = events_of(pipeline, "Budi Santoso bertemu Joko Susilo di Jakarta. Dia kemudian "
                       "menuding Joko Susilo berbohong. Dia juga mengkritik Kementerian "
                       "Keuangan.", "id")
    criticism = [e for e in events if e.root == "11" and e.target.name == "Kementerian Keuangan"]
    assert [e.source.name for e in criticism] == ["Budi Santoso"]


def test_a_name_with_an_apostrophe_is_an_actor(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Menteri Abdul Mu'ti mengusulkan skema baru. \"Ini belum "
                       "keputusan. Itu dimungkinkan,\" kata Mu'ti saat berkunjung ke Bank NTB "
                       "Syariah di Mataram.", "id")
    visit = [e for e in events if e.root == "04"]
    assert [(e.source.name, e.target.name) for e in visit] == [("Abdul Mu'ti", "Bank NTB")]


def test_a_nominal_event_whose_support_verb_is_negated_is_negated(pipeline) -> None:  # noqa: ANN001
    """ "Penahanan ... tidak dilakukan oleh penyidik": the detention did not happen."""
    events = events_of(pipeline, "Penahanan terhadap tersangka tidak dilakukan oleh penyidik "
                       "KPK. Pemeriksaan saksi dilakukan oleh penyidik KPK.", "id")
    assert [(e.root, e.modality) for e in events] == [("17", "negated"), ("09", "asserted")]


def test_a_noun_after_a_moment_word_and_a_support_verb_has_the_agent_before(pipeline) -> None:  # noqa: ANN001
    """ "diungkap Prabowo saat memberikan arahan": the President gives the directive."""
    events = events_of(pipeline, "Hal tersebut diungkap Presiden Prabowo saat memberikan "
                       "arahan kepada para menteri.", "id")
    assert [(e.root, e.source.name) for e in events] == [("02", "Prabowo Subianto")]


def test_a_body_named_as_a_place_after_a_locative_word_is_where_it_happens(pipeline) -> None:  # noqa: ANN001
    """ "di Istana Negara": the palace is where the President condemns, not whom."""
    events = events_of(pipeline, "Presiden Prabowo mengecam serangan itu di Istana Negara.",
                       "id")
    assert [(e.root, e.target) for e in events] == [("11", None)]


def test_an_act_someone_has_the_right_to_is_hypothetical(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Para gubernur memiliki hak untuk mempertanyakan kebijakan "
                       "Kementerian Keuangan.", "id")
    assert [(e.root, e.modality) for e in events] == [("11", "hypothetical")]


def test_an_actor_after_its_clauses_verb_is_no_agent_of_a_noun(pipeline) -> None:  # noqa: ANN001
    """ "memasukkan partisipasi masyarakat ... serta tingkat koordinasi": the public is
    the object of "memasukkan", not who coordinates; after a saying verb or a comma the
    reported clause's subject still is ("KPK terus meningkatkan koordinasi")."""
    assert events_of(pipeline, "Daftar pemilih memasukkan partisipasi masyarakat dalam "
                     "aplikasi serta tingkat koordinasi dengan lembaga terkait.", "id") == []
    events = events_of(pipeline, "Menurut Budi, KPK terus meningkatkan koordinasi dengan "
                       "Kejaksaan Agung.", "id")
    assert [(e.root, e.source.name) for e in events] == [("04", "KPK")]


def test_base_forms_of_asking_and_orders_are_appeals_and_demands(pipeline) -> None:  # noqa: ANN001
    """Quotes and headlines write "minta" for "meminta"; "perintah dari X" is X's order."""
    events = events_of(pipeline, "\"Saya minta Pemprov Jakarta segera menindaklanjuti "
                       "informasi ini,\" kata Ali Lubis.", "id")
    assert [(e.root, e.source.name, e.target.name) for e in events][:1] == [
        ("02", "Ali Lubis", "Pemprov Jakarta")]
    order = events_of(pipeline, "Menteri Suharso mendapat perintah dari Presiden Prabowo.",
                      "id")
    assert [(e.root, e.source.name, e.target.name) for e in order] == [
        ("10", "Prabowo Subianto", "Suharso")]


def test_colloquial_negators_negate(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "\"Kita nggak minta Pemprov Bali menaikkan pajak,\" kata "
                       "Gubernur Bali Wayan Koster.", "id")
    assert [(e.root, e.modality) for e in events][:1] == [("02", "negated")]


def test_an_object_first_verb_in_a_relative_clause_acts_on_its_head(pipeline) -> None:  # noqa: ANN001
    """ "Pelaku yang sudah kita tangkap": the suspect is arrested; "peluang ... yang harus
    kita tangkap" seizes an opportunity, no actor."""
    arrest = events_of(pipeline, "\"Pelaku yang sudah kita tangkap ada tiga orang,\" kata "
                       "Kapolres Garut AKBP Yugi Bayu.", "id")
    assert [(e.root, e.target.name) for e in arrest] == [("17", "pelaku")]
    assert events_of(pipeline, "\"Ini peluang besar yang harus kita tangkap,\" ujar Bupati "
                     "Garut Abdusy Syakur Amin.", "id") == []


def test_a_request_from_someone_and_an_inspection_are_coded(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Langkah ini merupakan permintaan langsung dari pemerintah "
                       "Arab Saudi. Presiden Prabowo meninjau lokasi banjir di Bekasi.", "id")
    assert [(e.root, e.source.name) for e in events] == [
        ("02", "pemerintah Arab Saudi"), ("09", "Prabowo Subianto")]
    assert events_of(pipeline, "Permintaan pasar terhadap batu bara meningkat.", "id") == []


def test_an_arrest_needs_someone_arrested(pipeline) -> None:  # noqa: ANN001
    """ "Untuk plat nomor kami amankan": the police secure a thing, no one is arrested."""
    text = ("\"Untuk plat nomor kami amankan supaya tidak dipergunakan lagi,\" kata Kapolres "
            "Garut AKBP Yugi Bayu.")
    assert events_of(pipeline, text, "id") == []


def test_a_plan_carries_to_the_act_joined_to_it(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Polda Metro Jaya menyatakan akan menindak tegas serta "
                       "memberikan sanksi kepada seluruh anggota yang terlibat.", "id")
    assert [(e.root, e.modality) for e in events] == [("17", "future"), ("17", "future")]


def test_a_place_or_partner_inside_a_relative_clause_is_no_target(pipeline) -> None:  # noqa: ANN001
    """ "mendukung teman-teman yang ingin kembali ke KPK" supports no KPK; the agent of a
    relative clause still tells whose the object is ("usulan yang dibuat oleh AS")."""
    support = events_of(pipeline, "Polisi menelusuri legalitas pihak yang memberangkatkan "
                        "Dini ke Arab Saudi.", "id")
    assert [(e.root, e.target) for e in support] == [("09", None)]
    proposal = events_of(pipeline, "Rusia menolak usulan yang dibuat oleh Amerika Serikat.",
                         "id")
    assert [(e.root, e.target.name) for e in proposal] == [("12", "Amerika Serikat")]


def test_a_court_granting_a_lawsuit_finds_for_its_petitioner(pipeline) -> None:  # noqa: ANN001
    """A court's "mengabulkan gugatan X" is a finding (116) with no target (the respondent
    is not named), and X's lawsuit; anyone else granting a request yields (080)."""
    court = events_of(pipeline, "Mahkamah Konstitusi mengabulkan sebagian gugatan Daniel "
                      "Frits terkait Pasal 27A.", "id")
    assert [(e.cameo, e.source.name, e.target) for e in court] == [
        ("116", "Mahkamah Konstitusi", None), ("115", "Daniel Frits", None)]
    minister = events_of(pipeline, "Menteri Budi Santoso mengabulkan permohonan warga.", "id")
    assert [(e.cameo, e.target and e.target.sector) for e in minister] == [("080", "CVL")]
    pretrial = events_of(pipeline, "Pengadilan Negeri Palu menerima permohonan praperadilan "
                         "yang diajukan jurnalis berinisial HM.", "id")
    assert [e.cameo for e in pretrial] == ["081", "115"]


def test_holding_someone_to_account_is_blame(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "KPK akan meminta pertanggungjawaban para tersangka.", "id")
    assert [e.cameo for e in events] == ["112"]


def test_a_described_person_closed_by_a_demonstrative_is_the_last_person(pipeline) -> None:  # noqa: ANN001
    """ "Politikus PKB ini mengapresiasi ...": the person the article spoke of, not his party."""
    events = events_of(pipeline, "Anggota Komisi III DPR Rano Alfath menyoroti kasus itu. "
                       "Politikus PKB ini mengapresiasi Kejaksaan Agung. Partai ini mendukung "
                       "Polri.", "id")
    assert [(e.root, e.source.name) for e in events][1:2] == [("05", "Rano Alfath")]
    assert events[2].source.name != "Rano Alfath"  # "Partai ini" is no person


def test_a_group_noun_after_an_adverb_opens_its_phrase_and_owns_a_serial_object(pipeline) -> None:  # noqa: ANN001, E501
    events = events_of(pipeline, "Jika anggota DPR bekerja dengan baik, mungkin saja rakyat "
                       "tidak akan mempertanyakan eksistensi DPR.", "id")
    assert [(e.source.name, e.modality) for e in events] == [("rakyat", "negated")]
    events = events_of(pipeline, "Di saat rakyat mempertanyakan kinerja DPR, mempertanyakan "
                       "fungsinya, DPR diam.", "id")
    assert [e.source.name for e in events] == ["rakyat", "rakyat"]


def test_the_speaker_of_a_speech_tag_between_commas_takes_no_part(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Polres Sekadau, kata Kapolres AKBP Zainal Abidin, "
                       "mengingatkan masyarakat agar waspada.", "id")
    assert [(e.root, e.source.name) for e in events] == [("02", "Polres Sekadau")]
    events = events_of(pipeline, "Barang-barang yang ditemukan, jelas Kajari Mohamad Risal, "
                       "telah disita oleh penyidik Kejari Lembata.", "id")
    assert [(e.root, e.target) for e in events] == [("17", None)]


def test_a_pronoun_after_a_verb_is_the_group_or_person_named_before(pipeline) -> None:  # noqa: ANN001
    """ "DKPP menilai mereka telah melanggar": the members named before, not no one; the
    pronoun is only ever a target ("Saya harus membela mereka, membela yang lemah")."""
    events = events_of(pipeline, "Polisi menangkap dua pelaku pencurian. Polisi kemudian "
                       "memeriksa mereka di Polsek Cempaka. Ketua KPU dan empat anggota KPU "
                       "menyewa jet pribadi. DKPP menilai mereka telah melanggar kode etik.",
                       "id")
    assert [(e.root, e.target and e.target.name) for e in events] == [
        ("17", "pelaku pencurian"), ("09", "pelaku pencurian"), ("11", "anggota KPU")]


def test_unnamed_people_in_the_plural_are_actors(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "KPK juga akan meminta pertanggungjawaban atas perbuatan "
                       "para pihak tersebut.", "id")
    assert [(e.cameo, e.target and e.target.code) for e in events] == [("112", "IDNCVL")]


def test_a_request_or_objection_with_its_agent_after(pipeline) -> None:  # noqa: ANN001
    """ "sesuai permintaan dari Pak Presiden Prabowo" (an honorific before the asker),
    "keberatan yang diajukan oleh para Gubernur" (a formal objection, 114)."""
    events = events_of(pipeline, "Program ini sesuai permintaan dari Pak Presiden Prabowo. "
                       "Menurutnya, keberatan yang diajukan oleh para gubernur tersebut "
                       "sangat beralasan.", "id")
    assert [(e.cameo, e.source.name) for e in events] == [
        ("020", "Prabowo Subianto"), ("114", "gubernur")]


def test_someone_unnamed_acts_and_no_one_does_not(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Tiba-tiba dari arah belakang ada yang membacok korban.", "id")
    assert [(e.root, e.source.name) for e in events] == [("18", "ada yang")]
    assert events_of(pipeline, "Tak ada yang pernah meminta bantuan kepada pemerintah.", "id") == []


def test_swearing_at_officers_on_duty(pipeline) -> None:  # noqa: ANN001
    """Insults are 111 like criticism, and unnamed officers ("petugas") are the state's."""
    events = events_of(pipeline, "Seorang pengemudi mengumpat kepada petugas. Pria itu "
                       "juga melontarkan kata-kata kasar kepada petugas parkir.", "id")
    assert [(e.cameo, e.source.name, e.target and e.target.code) for e in events] == [
        ("111", "pengemudi", "IDNGOV"), ("111", "pria", "IDNGOV")]


def test_a_personal_pronoun_is_the_unnamed_person_not_the_body_named_after(pipeline) -> None:  # noqa: ANN001
    """ "Polisi menerima laporan tentang seorang pria ... Dia mengumpat": the man swore,
    not the police."""
    events = events_of(pipeline, "Polisi menerima laporan tentang seorang pria yang mabuk "
                       "di bandara. Dia mengumpat kepada petugas bandara.", "id")
    assert [(e.cameo, e.source.name) for e in events] == [("111", "pria")]


def test_taking_a_matter_to_court_with_the_matter_between(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Dewi Anggraini membawa kasus tersebut ke ranah hukum.", "id")
    assert [(e.cameo, e.source.name, e.target) for e in events] == [
        ("115", "Dewi Anggraini", None)]


def test_a_trigger_s_abbreviation_in_brackets_is_no_second_event(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Dua oknum personel Satlantas Polrestabes Medan terkena "
                       "operasi tangkap tangan (OTT) oleh Paminal Propam Polda Sumut.", "id")
    assert [e.root for e in events] == ["17"]


def test_the_press_unnamed_is_an_actor(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Kejaksaan Negeri Wakanda menjalin kerja sama dengan "
                       "sejumlah media untuk menyalurkan informasi publik.", "id")
    assert [(e.root, e.target and e.target.code) for e in events] == [("06", "IDNMED")]


def test_a_negator_in_an_actor_s_description_negates_nothing(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Orang tak dikenal melakukan penangkapan terhadap Budi "
                       "Santoso.", "id")
    assert [(e.root, e.modality) for e in events] == [("17", "asserted")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Menteri Keuangan Sri Mulyani Indrawati memilih diam seribu bahasa.", ("011", None)),
    ("Presiden Prabowo Subianto menekankan pentingnya pengendalian inflasi.", ("020", None)),
    ("Pemerintah Arab Saudi bersedia mengubah undang-undang.", ("030", None)),
    ("Kang Dedi Mulyadi menantang Purbaya Yudhi Sadewa membuka data.", ("110", "IDNGOV")),
    ("Lisa Mariana tidak memenuhi panggilan Bareskrim Polri.", ("128", "IDNCOP")),
    ("Arab Saudi mengizinkan Indonesia membangun kampung haji.", ("080", "IDN")),
    ("Gubernur melakukan pengawasan terhadap bupati.", ("090", "IDNGOV")),
    ("Senator Chuck Schumer juga bergabung dalam protes tersebut.", ("141", None)),
    ("Pemerintah telah mencabut empat IUP di Raja Ampat.", ("172", None)),
    ("Sekelompok pencuri berhasil membobol dua etalase museum.", ("171", None)),
    ("Albani dan rekan-rekannya menyambut keputusan itu sebagai langkah awal.", ("051", None)),
    ("Izin penambangannya dicabut oleh pemerintah.", ("172", None)),
])
def test_the_widened_vocabulary(pipeline, text: str, expected: tuple[str, str | None]) -> None:  # noqa: ANN001
    """Phrases of each batch of session 14's entries (roots 01-05, 10-14, 06-09, 15-20)."""
    assert [(e.cameo, e.target and e.target.code) for e in events_of(pipeline, text, "id")] == [
        expected]


def test_an_adjective_may_stand_between_a_nominal_trigger_and_its_agent(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Serangan brutal Israel ke Gaza menewaskan 20 orang.", "id")
    assert [(e.root, e.source.code, e.target and e.target.code) for e in events] == [
        ("19", "ISR", "PSEGZA")]


def test_a_speech_tag_word_used_as_an_adjective_opens_no_clause(pipeline) -> None:  # noqa: ANN001
    """ "langkah tegas untuk menghentikan": "tegas" is firm here, not "tegas Sultan" (a
    speech tag), so the plan ("akan") still reaches the act."""
    events = events_of(pipeline, "Otorita IKN akan mengambil langkah tegas untuk "
                       "menghentikan aktivitas ilegal.", "id")
    assert [(e.root, e.modality) for e in events] == [("17", "future")]


def test_a_nominal_act_takes_its_source_after_dari(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Dede Yusuf menilai instruksi dari Presiden Prabowo Subianto "
                       "mampu mempercepat industri otomotif.", "id")
    assert [(e.cameo, e.source.name) for e in events] == [("100", "Prabowo Subianto")]


def test_a_compound_genitive_is_no_target_of_its_own_act(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Serangan Rusia dan Belarus ke Ukraina menewaskan 5 orang.", "id")
    assert [(e.root, e.source.code, e.target and e.target.code) for e in events] == [
        ("19", "RUS", "UKR")]


def test_a_quoted_agentless_passive_is_the_official_speaker_s_act(pipeline) -> None:  # noqa: ANN001
    """The gold's performative rule: an official announcing in a quote what the office did
    is its agent; a victim quoted is none, nor is a passive in the quote's later clause."""
    text = ("“Besok Budi Hartono dipanggil sebagai tersangka,” ujar Kasubdit I Dittipidsiber "
            "Bareskrim Polri Kombes Rizki Agung.")
    assert [(e.cameo, e.source.code, e.target and e.target.name)
            for e in events_of(pipeline, text, "id")] == [("091", "IDNCOP", "Budi Hartono")]
    for text in ("“Rumah saya digeledah tanpa surat,” kata Budi Hartono, warga Bogor.",
                 "“Kami tahu bahwa pria itu ditangkap di Bali,” kata Kapolres Bogor AKBP "
                 "Wikha Ardilestanto."):
        assert not [e for e in events_of(pipeline, text, "id") if e.root in ("17", "09")]


def test_sama_after_a_passive_verb_marks_its_agent(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Budi Hartono dilarang sama Kapolsek mengambil gambar.", "id")
    assert [(e.root, e.source.code, e.target and e.target.name) for e in events] == [
        ("17", "IDNCOP", "Budi Hartono")]


def test_the_mayor_by_title_alone_is_an_actor(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "Pak Wali memerintahkan Kepala BPM untuk menindaklanjuti.", "id")
    assert [(e.cameo, e.source.code) for e in events] == [("100", "IDNGOV")]


def test_a_target_search_stops_at_a_verb_joined_after_the_object(pipeline) -> None:  # noqa: ANN001
    """ "membuka kembali kasus ini dan menghukum pelaku": the offender is punished, not the
    case opened against him; verbs joined with no object between share theirs."""
    events = events_of(pipeline, "Mabes Polri membuka kembali kasus ini dan menghukum pelaku "
                       "kejahatan ini.", "id")
    assert [e.target for e in events if e.cameo == "091"] == [None]
    events = events_of(pipeline, "Seorang turis Kanada mengumpat dan melukai petugas di "
                       "Bandara Changi.", "id")
    assert [e.target and e.target.name for e in events if e.root == "11"] == ["petugas"]


def test_respecting_a_ruling_is_praise_not_compliance(pipeline) -> None:  # noqa: ANN001
    events = events_of(pipeline, "TNI menyatakan menghormati putusan Mahkamah Konstitusi.", "id")
    assert [(e.cameo, e.target and e.target.code) for e in events] == [("051", "IDNJUD")]


def test_a_reported_passive_s_subject_is_not_the_one_who_reports_it(pipeline) -> None:  # noqa: ANN001
    """ "Kasat Lantas ... membenarkan dua anggotanya terjaring OTT": the two officers are
    caught, not the one confirming it; an actor after the saying verb is the subject."""
    text = ("Kasat Lantas Polrestabes Medan AKBP I Made Parwita membenarkan dua anggotanya "
            "terjaring OTT Bidpropam Polda Sumut.")
    [arrest] = events_of(pipeline, text, "id")
    assert arrest.target is not None and arrest.target.name != "kasat lantas"
    text = "Kapolres Bogor AKBP Wikha Ardilestanto membenarkan Budi Hartono ditangkap polisi."
    [arrest] = events_of(pipeline, text, "id")
    assert arrest.target is not None and arrest.target.name == "Budi Hartono"


def test_an_obligation_in_a_quote_is_the_speaker_s_appeal(pipeline) -> None:  # noqa: ANN001
    text = "“Pemerintah harus membuktikan janjinya,” kata Budi Hartono."
    assert [(e.cameo, e.source.name, e.target and e.target.code)
            for e in events_of(pipeline, text, "id")] == [("020", "Budi Hartono", "IDNGOV")]
    text = "“Saya harus membuktikan janji saya,” kata Budi Hartono."
    assert not events_of(pipeline, text, "id")


def test_an_obligation_reported_by_a_pronoun_is_its_antecedent_s(pipeline) -> None:  # noqa: ANN001
    text = ("Budi Hartono hadir di Jakarta. Ia menekankan bahwa institusi pendidikan harus "
            "memiliki mekanisme pengawasan yang kuat.")
    assert [(e.cameo, e.source.name, e.target and e.target.code)
            for e in events_of(pipeline, text, "id")] == [("020", "Budi Hartono", "IDNEDU")]


def test_a_complaint_lodged_is_114_and_menurut_names_no_subject(pipeline) -> None:  # noqa: ANN001
    """ "Menurut KPK, mereka ...": KPK tells it, "mereka" are the residents named before."""
    text = ("Warga Desa Kijang mendatangi kantor KPK. Menurut KPK, mereka sering menyampaikan "
            "keluhan soal dampak lingkungan.")
    assert [(e.cameo, e.source.code) for e in events_of(pipeline, text, "id")
            if e.sentence == 1] == [("114", "IDNCVL")]


def test_agreement_scores_a_second_hand_coding_as_a_prediction() -> None:
    from pantau.eval import events as E

    def event(code: str, source: str, target: str | None) -> dict[str, object]:
        return {"code": code, "root": code[:2], "trigger": "x", "modality": "asserted",
                "source": {"text": source, "code": "IDNGOV"},
                "target": target and {"text": target, "code": "IDNCOP"}}

    text = "KPK meminta polisi mengusut kasus itu dan memuji Polri."
    first = [E.GoldSentence("d", 0, text, [event("020", "KPK", "polisi"),
                                           event("051", "KPK", "Polri")])]
    second = [E.GoldSentence("d", 0, text, [event("020", "KPK", "polisi")])]
    score = E.agreement(first, second)
    root = score.levels["root+actors"]
    assert (root.true_positives, root.predicted, root.gold) == (1, 1, 2)
    swapped = E.agreement(second, first).levels["root+actors"]
    assert (swapped.precision, swapped.recall) == (root.recall, root.precision)
    other_text = [E.GoldSentence("d", 0, "Another sentence.", [])]
    assert E.agreement(first, other_text).misaligned == 1


def test_a_nominal_act_s_addressee_is_the_subject_around_it(pipeline) -> None:  # noqa: ANN001
    """ "Parlemen diminta membuktikan seluruh tuntutan masyarakat sipil": the public's
    demands of parliament; not a speaker telling of an act ("menilai instruksi dari")."""
    text = "Parlemen diminta membuktikan seluruh tuntutan masyarakat sipil secara konkret."
    assert [(e.root, e.source.code, e.target and e.target.code)
            for e in events_of(pipeline, text, "id") if e.root == "10"] == [
        ("10", "IDNCVL", "IDNLEG")]
    text = "Dede Yusuf menilai instruksi dari Presiden Prabowo Subianto mampu mempercepat industri."
    assert [e.target for e in events_of(pipeline, text, "id")] == [None]


def test_slander_is_111_and_its_agent_follows_a_passive_support_verb(pipeline) -> None:  # noqa: ANN001
    text = "Fitnah itu digulirkan oleh Budi Hartono."
    assert [(e.cameo, e.source.name) for e in events_of(pipeline, text, "id")] == [
        ("111", "Budi Hartono")]


def test_an_imperative_to_obey_in_a_quote_is_the_speaker_s_appeal(pipeline) -> None:  # noqa: ANN001
    text = "“Patuhi arahan petugas di lapangan demi ketertiban bersama,” tulis Polda Metro Jaya."
    assert [(e.cameo, e.source.code) for e in events_of(pipeline, text, "id")] == [
        ("020", "IDNCOP")]


@pytest.mark.xfail(strict=True, reason="the NER model of session 19 (CRF and neural model "
                   "mixed) takes the imperative 'Patuhi' opening the sentence for a person, "
                   "whom the appeal then targets (docs/ner.md)")
def test_an_imperative_outside_a_quote_is_no_appeal(pipeline) -> None:  # noqa: ANN001
    assert not events_of(pipeline, "Patuhi arahan petugas di lapangan.", "id")


def test_a_relative_clause_s_first_verb_has_its_head_as_subject(pipeline) -> None:  # noqa: ANN001
    """ "apresiasi kepada Kejagung yang mampu memulihkan kerugian negara": the Kejagung
    recovers, though it is the object of "kepada"; not a later verb of the clause."""
    text = ("Budi Hartono memberikan apresiasi kepada Kejagung yang mampu memulihkan kerugian "
            "negara dalam jumlah besar.")
    assert [(e.cameo, e.source.code) for e in events_of(pipeline, text, "id")
            if e.root == "17"] == [("1711", "IDNJUD")]
    text = ("Di Jakarta, seorang petugas polisi yang berjaga memperkirakan lebih dari 20.000 "
            "orang berdemonstrasi.")
    assert not [e for e in events_of(pipeline, text, "id") if e.source.code == "IDNCOP"]


def test_the_public_and_an_object_first_emphasis_are_read(pipeline) -> None:  # noqa: ANN001
    text = "Budi Hartono mengingatkan publik agar tidak menyebarkan hoaks."
    assert [(e.cameo, e.target and e.target.code) for e in events_of(pipeline, text, "id")
            if e.cameo == "020"] == [("020", "IDNCVL")]
    text = "“Saya tekankan Kapolri untuk segera menuntaskan kasus ini,” kata Budi Hartono."
    assert [(e.cameo, e.source.name, e.target and e.target.code)
            for e in events_of(pipeline, text, "id") if e.cameo == "020"] == [
        ("020", "Budi Hartono", "IDNCOP")]


def test_a_nominal_invitation_to_act_is_an_appeal(pipeline) -> None:  # noqa: ANN001
    text = "Budi Hartono menyampaikan ajakan kepada seluruh peserta untuk menjaga ketertiban."
    assert [(e.cameo, e.target and e.target.code) for e in events_of(pipeline, text, "id")] == [
        ("020", "IDNCVL")]


def test_the_one_who_receives_a_nominal_act_is_not_its_agent(pipeline) -> None:  # noqa: ANN001
    text = "Penyerahan tuntutan itu diterima oleh Wakil Ketua Komisi VI DPR Andre Rosiade."
    assert not [e for e in events_of(pipeline, text, "id") if e.root == "10"]
    text = ("Forum warga telah menggelar audiensi dengan DPRD Provinsi Banten dan diterima "
            "langsung oleh Ketua DPRD Banten Fahmi Hakim.")
    assert [(e.root, e.source.code) for e in events_of(pipeline, text, "id")
            if e.root == "04"] == [("04", "IDNCVL")]


def test_a_hostile_promise_is_130(pipeline) -> None:  # noqa: ANN001
    text = "Elon Musk berjanji untuk melakukan segala daya untuk menggagalkan rencana itu."
    assert [e.cameo for e in events_of(pipeline, text, "id")] == ["130"]


def test_a_prohibition_in_a_quote_is_the_speaker_s_appeal(pipeline) -> None:  # noqa: ANN001
    """ "saya ingatkan terus kejaksaan, kepolisian jangan kriminalisasi": the speaker
    appeals; the police addressed are no source. Without a named speaker, nothing."""
    text = "“Jangan memprovokasi masyarakat,” kata Kapuspen TNI Brigjen Freddy Ardianzah."
    assert [(e.cameo, e.source.code) for e in events_of(pipeline, text, "id")] == [
        ("020", "IDNMIL")]
    text = "“Menurut saya, kepolisian jangan mencari-cari perkara,” kata Budi Hartono."
    assert [(e.cameo, e.source.name, e.target and e.target.code)
            for e in events_of(pipeline, text, "id")] == [("020", "Budi Hartono", "IDNCOP")]
    assert not events_of(pipeline, "Jangan sampai hal itu terulang.", "id")


def test_a_nominal_act_as_the_manner_of_a_verb_is_its_subjects(pipeline) -> None:  # noqa: ANN001
    text = "Budi Hartono menutup rapat itu dengan ajakan kepada seluruh warga untuk bersatu."
    assert [(e.cameo, e.source.name, e.target and e.target.code)
            for e in events_of(pipeline, text, "id")] == [("020", "Budi Hartono", "IDNCVL")]
    text = "Para pengunjuk rasa menanggapi klaim tersebut dengan ejekan."
    assert [(e.cameo, e.source.code) for e in events_of(pipeline, text, "id")] == [
        ("111", "IDNCVL")]
    # a preposition a word governs is no manner: the appeal is someone else's
    text = "Budi Hartono menutup rapat itu sesuai dengan ajakan kepada seluruh warga."
    assert not events_of(pipeline, text, "id")


def test_a_person_without_office_is_a_civilian(pipeline) -> None:  # noqa: ANN001
    text = "Rina Wulandari melaporkan Budi Santoso ke Polda Metro Jaya atas dugaan penipuan."
    assert [(e.source.code, e.target and e.target.code)
            for e in events_of(pipeline, text, "id")] == [("IDNCVL", "IDNCVL")]
    # a role the coder cannot place is an office all the same: the country alone
    text = "Direktur Riset Ali Noer Zaman mengkritik Rina Wulandari."
    assert [(e.source.code, e.target and e.target.code)
            for e in events_of(pipeline, text, "id")] == [("IDN", "IDNCVL")]


def test_a_fronted_clause_opened_by_a_saying_verb_has_the_main_clause_s_subject(
        pipeline) -> None:  # noqa: ANN001
    text = ('"Sebelum mengimbau bawahan, Presiden sudah memberikan contoh," kata Budi '
            "Hartono kepada wartawan.")
    assert [(e.cameo, e.source.code) for e in events_of(pipeline, text, "id")] == [
        ("020", "IDNGOV")]


def test_the_giver_of_a_received_act_follows_dari_past_a_modifier(pipeline) -> None:  # noqa: ANN001
    text = "Presiden Prabowo belum mendapatkan dukungan penuh dari PDIP."
    assert [(e.cameo, e.source.name, e.target and e.target.name, e.modality)
            for e in events_of(pipeline, text, "id")] == [
        ("051", "PDIP", "Prabowo Subianto", "negated")]


def test_a_tax_borne_by_the_state_for_no_one_named_is_no_aid(pipeline) -> None:  # noqa: ANN001
    text = "Diskon PPN jasa angkutan udara kelas ekonomi yang ditanggung pemerintah sebesar 6%."
    assert not events_of(pipeline, text, "id")


def test_a_description_of_another_body_is_not_the_last_person(pipeline) -> None:  # noqa: ANN001
    text = ('"Kami mendukung penuh KPK," kata Presiden Prabowo Subianto. Waka Komisi Hukum '
            "DPR ini kemudian mengapresiasi KPK.")
    praise = [e for e in events_of(pipeline, text, "id") if e.trigger.text == "mengapresiasi"]
    assert [e.source.code for e in praise] == ["IDNLEG"]


def test_a_bare_support_verb_with_its_noun_after_the_speaker_needs_no_target(
        pipeline) -> None:  # noqa: ANN001
    text = ('"Usulan itu sudah masuk dan kami sudah berikan masukan," kata Kepala Biro '
            "Komunikasi Kemenkes Aji Muhawarman.")
    assert [(e.cameo, e.source.name, e.target) for e in events_of(pipeline, text, "id")] == [
        ("020", "Aji Muhawarman", None)]
    # an arrest still needs the one arrested
    text = '"Sudah kami tangkap," kata Kapolres Bogor AKBP Budi Hartono.'
    assert not events_of(pipeline, text, "id")


def test_inviting_or_respecting_someone(pipeline) -> None:  # noqa: ANN001
    text = "Divpropam Polri mengundang Kompolnas mengikuti kegiatan ini."
    assert [(e.cameo, e.source.code, e.target and e.target.code)
            for e in events_of(pipeline, text, "id")] == [("040", "IDNCOP", "IDNGOV")]
    text = "Kebijakan itu mengundang kontroversi."
    assert not events_of(pipeline, text, "id")
    text = "Partai Golkar menghormati Presiden Prabowo Subianto."
    assert [e.cameo for e in events_of(pipeline, text, "id")] == ["051"]


def test_a_passive_in_a_clause_of_time_shares_the_agent_of_the_passive_before(
        pipeline) -> None:  # noqa: ANN001
    text = "Seorang pria berinisial SF (28), warga Desa Kijang, ditembak polisi saat ditangkap."
    assert [(e.cameo, e.source.code, e.target and e.target.name)
            for e in events_of(pipeline, text, "id")] == [
        ("193", "IDNCOP", "SF"), ("173", "IDNCOP", "SF")]
    # an agent of its own, or an actor in the clause, keeps its own reading
    text = "Seorang pria berinisial SF (28) ditembak polisi saat warga ditangkap."
    assert [e.cameo for e in events_of(pipeline, text, "id")] == ["193"]


def test_nominal_support_needs_someone_supported(pipeline) -> None:  # noqa: ANN001
    text = "DPRD Kota Bogor akan memberikan dukungan penuh terhadap program tersebut."
    assert not events_of(pipeline, text, "id")
    text = "Presiden Prabowo belum mendapatkan dukungan dari PDIP."
    assert [e.cameo for e in events_of(pipeline, text, "id")] == ["051"]


def test_every_party_addressed_at_once_is_an_actor(pipeline) -> None:  # noqa: ANN001
    text = "Ketua DPP PDIP Said Abdullah meminta seluruh pihak untuk tidak membaca hal itu."
    assert [(e.cameo, e.target and e.target.name) for e in events_of(pipeline, text, "id")
            if e.trigger.text == "meminta"] == [("020", "seluruh pihak")]
    text = "Rektor sudah melaksanakan rapat bersama semua pihak terkait."
    assert [e.target and e.target.code for e in events_of(pipeline, text, "id")] == ["IDNGOV"]


def test_religious_institutions_unnamed_are_actors(pipeline) -> None:  # noqa: ANN001
    text = "Polres Wonogiri berkomitmen memperkuat kemitraan dengan lembaga keagamaan."
    assert [e.target and e.target.code for e in events_of(pipeline, text, "id")] == ["IDNREL"]
