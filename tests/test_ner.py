"""Named-entity recognition: gold readers, scoring, the shipped models, training."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import copy_model, shared_path
from pantau.cli import app
from pantau.errors import InputError, PantauError
from pantau.eval import ner as ev
from pantau.extract.entities.ner import ModelError, NerModel, load_model, spans
from pantau.nlp.tokens import tokenize

# ---------------------------------------------------------------- spans and readers


def test_spans_reads_bio_and_repairs_stray_inside_tags() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert spans(["O", "I-ORG", "I-ORG", "O"]) == [(1, 3, "ORG")]  # stray I- starts one
    assert spans(["B-PER", "I-LOC", "I-LOC"]) == [(0, 1, "PER"), (1, 3, "LOC")]
    assert spans(["B-PER", "B-PER"]) == [(0, 1, "PER"), (1, 2, "PER")]
    assert spans(["I-PER"]) == [(0, 1, "PER")]
    assert spans([]) == []


def test_conll_reader_tabs_spaces_wikiann_prefix_and_nergrit_labels(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(
        "en:Joko\tB-PER\nen:Widodo\tI-PER\nvisited\tO\nParis\tB-LOC\n\n"
        "Kantor B-ORGANISATION\nBerita I-ORGANISATION\nAntara I-ORGANISATION\n"
        "di O\nBogor B-PLACE\noleh O\nSiti B-PERSON\nEuro B-MISC\n\n",
        encoding="utf-8",
    )
    first, second = ev.read(path, "conll")
    assert first.tokens == ["Joko", "Widodo", "visited", "Paris"]
    assert first.tags == ["B-PER", "I-PER", "O", "B-LOC"]
    assert second.tags == ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O", "B-PER", "O"]


def test_nerp_reader_maps_labels_drops_others_and_repairs(tmp_path: Path) -> None:
    path = tmp_path / "nerp.tsv"
    path.write_text(
        "amos\tB-PPL\nkenda\tI-PPL\ndi\tO\nmanado\tB-PLC\npt\tB-IND\npertamina\tI-IND\n"
        "festival\tB-EVT\nbunaken\tI-EVT\nsate\tB-FNB\nlalu\tO\njakarta\tI-PLC\n",
        encoding="utf-8",
    )
    (sent,) = ev.read(path, "nerp")
    assert sent.tags == [
        "B-PER",
        "I-PER",
        "O",
        "B-LOC",
        "B-ORG",
        "I-ORG",
        "O",
        "O",
        "O",
        "O",
        "B-LOC",
    ]


def test_idner_reader_crlf_and_carriage_return_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "idner.txt"
    path.write_bytes(
        b"Kata NOUN O\r\nAnis PROPN B-PER\r\ndi ADP O\r\nKalimantan PROPN B-LOC\r\n"
        b"Timur PROPN I-LOC\r\n\r\nPPP PROPN B-ORG\r\nmenang VERB O\r\n"
    )
    first, second = ev.read(path, "idner")
    assert first.tokens == ["Kata", "Anis", "di", "Kalimantan", "Timur"]
    assert first.tags == ["O", "B-PER", "O", "B-LOC", "I-LOC"]
    assert second.tokens == ["PPP", "menang"] and second.tags == ["B-ORG", "O"]


def test_reader_errors_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        ev.read(tmp_path / "missing.txt", "conll")
    bad = tmp_path / "bad.txt"
    bad.write_text("Anis B-PER\n", encoding="utf-8")
    with pytest.raises(InputError, match="columns"):
        ev.read(bad, "idner")
    with pytest.raises(InputError, match="unknown NER gold format"):
        ev.read(bad, "brat")


# ---------------------------------------------------------------- scoring


def test_scores_are_entity_level_exact_span_and_type() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]]
    # PER exact (right), LOC predicted as ORG (wrong type), ORG cut short... and one extra
    pred = [["B-PER", "I-PER", "O", "B-ORG", "O", "O"]]
    s = ev.score(gold, pred)
    assert (s.overall.gold, s.overall.predicted, s.overall.correct) == (3, 2, 1)
    assert s.precision == pytest.approx(1 / 2)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert s.per_type["PER"].f1 == 1.0
    assert s.per_type["LOC"].recall == 0.0 and s.per_type["LOC"].precision == 0.0
    assert s.per_type["ORG"].predicted == 1 and s.per_type["ORG"].correct == 0
    # a boundary error is both a miss and a false alarm
    s2 = ev.score([["B-LOC", "I-LOC"]], [["B-LOC", "O"]])
    assert (s2.overall.gold, s2.overall.predicted, s2.overall.correct) == (1, 1, 0)


def test_evaluate_times_a_tagger_and_scores_its_output() -> None:
    sents = [
        ev.NerSentence(["Joko", "di", "Bogor"], ["B-PER", "O", "B-LOC"]),
        ev.NerSentence(["Bogor"], ["B-LOC"]),
    ]

    class Fixed:
        def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
            return [["B-LOC" if t == "Bogor" else "O" for t in s] for s in sentences]

    result = ev.evaluate(sents, Fixed())
    assert result.tokens == 4 and result.sentences == 2
    assert result.precision == 1.0 and result.recall == pytest.approx(2 / 3)
    assert result.tokens_per_second > 0
    assert result.rows()[-1][0] == "overall"
    by_callable = ev.evaluate(sents, lambda toks: ["O"] * len(toks))
    assert by_callable.f1 == 0.0


# ---------------------------------------------------------------- shipped models


def _entities(lang: str, text: str) -> set[tuple[str, str]]:
    tokens = [t.text for t in tokenize(text)]
    model = load_model(lang)
    return {(" ".join(tokens[a:b]), kind) for a, b, kind in spans(model.tag(tokens))}


def test_indonesian_model_tags_a_news_sentence() -> None:
    found = _entities("id", "Presiden Joko Widodo bertemu Perdana Menteri Australia di Jakarta.")
    assert ("Joko Widodo", "PER") in found and ("Jakarta", "LOC") in found
    # "Perdana Menteri Australia": a country naming the office's holder is not tagged in
    # news (idner-news-2k's convention); the entities stage adds it from the knowledge base
    assert ("Australia", "ORG") not in found and ("Australia", "PER") not in found
    assert not any(kind == "PER" and "Presiden" in name for name, kind in found)


def test_english_model_tags_a_news_sentence() -> None:
    found = _entities("en", "Barack Obama met Angela Merkel in Berlin on Monday.")
    assert ("Barack Obama", "PER") in found and ("Angela Merkel", "PER") in found
    assert ("Berlin", "LOC") in found


def test_tag_many_and_empty_input() -> None:
    model = load_model("id")
    assert model.tag([]) == []
    tokens = ["Prabowo", "tiba", "di", "Surabaya", "."]
    assert model.tag_many([tokens, []]) == [model.tag(tokens), []]
    assert load_model("id") is model  # cached


def test_missing_model_file_names_it_and_how_to_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "ner-id.crfsuite"
    with pytest.raises(ModelError) as err:
        NerModel.load(path)
    assert str(path) in str(err.value) and "pantau train ner --lang id" in str(err.value)
    assert isinstance(err.value, PantauError)


def test_corrupt_or_truncated_model_file_is_a_model_error(tmp_path: Path) -> None:
    path = copy_model(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="corrupt") as err:
        NerModel.load(path)
    assert str(path) in str(err.value) and "pantau train ner --lang id" in str(err.value)
    path.write_bytes(b"not a model at all")
    with pytest.raises(ModelError, match="corrupt"):
        NerModel.load(path)


def test_missing_lexicon_or_settings_is_a_model_error(tmp_path: Path) -> None:
    path = copy_model(tmp_path)
    (tmp_path / "ner-id.gazetteer.txt").unlink()
    with pytest.raises(ModelError, match="ner-id.gazetteer.txt"):
        NerModel.load(path)
    (tmp_path / "ner-id.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(ModelError, match="ner-id.json"):
        NerModel.load(path)


def test_unknown_language_lists_available_models() -> None:
    with pytest.raises(ModelError) as err:
        load_model("xx")
    assert "available: en, id" in str(err.value)


def test_typographic_quotes_read_like_ascii_quotes() -> None:
    model = load_model("id")
    curly = [t.text for t in tokenize("“Kami siap,” kata Prabowo Subianto di Jakarta.")]
    plain = [t.text for t in tokenize('"Kami siap," kata Prabowo Subianto di Jakarta.')]
    assert model.tag(curly) == model.tag(plain)


# ---------------------------------------------------------------- pantau's annotations

REPO = Path(__file__).resolve().parents[1]
DETIK_NER = REPO / "tests" / "data" / "ner" / "detik-ner.tsv"


def test_annotated_files_are_well_formed_bio() -> None:
    from pantau.extract.entities.ner_train import ANNOTATED

    paths = sorted((REPO / "data" / "ner").glob("*/*.tsv"))
    assert {p.name for p in paths} >= {name for files in ANNOTATED.values() for name in files}
    labels = {"O"} | {f"{p}-{k}" for p in "BI" for k in ("PER", "ORG", "LOC")}
    for path in paths:
        sentences = ev.read_conll(path)
        assert len(sentences) > 300, path.name
        assert {t for s in sentences for t in s.tags} <= labels
        for s in sentences:  # an inside tag continues a name of its own type
            for before, tag in zip(["O", *s.tags], s.tags, strict=False):
                if tag.startswith("I-"):
                    assert before[2:] == tag[2:], (path.name, s.tokens)


# The shipped model on 2025 Detik news annotated by hand (tests/data/ner/README.md);
# docs/ner.md: 0.683 before pantau's annotated sentences were trained on, 0.750 with them,
# 0.790 with the neural half (session 19).
DETIK_NER_FLOOR = 0.77


def test_indonesian_model_scores_on_hand_annotated_detik_news() -> None:
    sentences = ev.read(DETIK_NER, "conll")
    assert len(sentences) == 400
    index = (DETIK_NER.parent / "detik-ner.index.tsv").read_text(encoding="utf-8").splitlines()
    assert len(index) == 1 + len(sentences)
    assert ev.evaluate(sentences, load_model("id")).f1 >= DETIK_NER_FLOOR


# ---------------------------------------------------------------- development data


# Measured in docs/ner.md. The targets are 0.85 (idner-news-2k dev) and 0.76
# (NERGrit valid); the shipped model reaches 0.865 and 0.785, and these floors hold it to
# the targets.
IDNER_DEV_FLOOR = 0.85
NERGRIT_VALID_FLOOR = 0.76


def test_indonesian_model_scores_on_the_dev_sets() -> None:
    idner = ev.read(shared_path("ner", "id", "idner-news-2k", "dev.txt"), "idner")
    nergrit = ev.read(shared_path("ner", "id", "nergrit", "valid.tsv"), "conll")
    model = load_model("id")
    assert ev.evaluate(idner, model).f1 >= IDNER_DEV_FLOOR
    assert ev.evaluate(nergrit, model).f1 >= NERGRIT_VALID_FLOOR


def test_training_on_a_slice_is_reproducible(tmp_path: Path) -> None:
    from pantau.extract.entities.ner_train import train

    root = shared_path()
    # the CRF alone: the neural half has its own test (it needs PyTorch)
    kwargs = dict(limit=60, params={"max_iterations": 15}, neural=False)
    first = train("id", root, tmp_path / "a", seed=5, **kwargs)
    second = train("id", root, tmp_path / "b", seed=5, **kwargs)
    # the CRF trained on the lexicon files the first run wrote: the same model, as the
    # tagger reads those files (the shipped model is built so, docs/ner.md)
    third = train("id", root, tmp_path / "c", seed=5, lexicons=tmp_path / "a", **kwargs)
    assert first["sentences"] == second["sentences"] == third["sentences"] > 0
    for name in (
        "ner-id.crfsuite",
        "ner-id.words.txt",
        "ner-id.gazetteer.txt",
        "ner-id.genre.txt",
        "ner-id.json",
    ):
        built = (tmp_path / "a" / name).read_bytes()
        assert built == (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes()
    with pytest.raises(PantauError, match="no lexicon file"):
        train("id", root, tmp_path / "d", lexicons=tmp_path / "missing", **kwargs)
    with pytest.raises(PantauError, match="no annotated NER file"):
        train("id", root, tmp_path / "d", annotated=tmp_path / "missing", **kwargs)
    model = NerModel.load(tmp_path / "a" / "ner-id.crfsuite")
    assert len(model.tag(["Joko", "Widodo", "di", "Jakarta"])) == 4


def test_annotated_sentences_are_trained_on_beside_the_corpora(
    tmp_path: Path,
) -> None:
    from pantau.extract.entities.ner_train import ANNOTATED, train

    root = shared_path()
    folder = tmp_path / "annotated" / "id"
    folder.mkdir(parents=True)
    for name in ANNOTATED["id"]:
        (folder / name).write_text(
            "Kata\tO\nSiti\tB-PER\nNurbaya\tI-PER\ndi\tO\nBogor\tB-LOC\n.\tO\n\n",
            encoding="utf-8",
        )
    kwargs = dict(limit=40, params={"max_iterations": 5}, neural=False)
    plain = train("id", root, tmp_path / "a", **kwargs)
    more = train("id", root, tmp_path / "b", annotated=tmp_path / "annotated", **kwargs)
    assert more["sentences"] == plain["sentences"] + len(ANNOTATED["id"])
    assert more["corpora"][-4:] == ["annotated/kumparan", "annotated/ud-csui", "annotated/ud-gsd",
                                    "annotated/kumparan-uncertain"]
    runner = CliRunner()
    missing = runner.invoke(
        app, ["train", "ner", "--lang", "id", "--data", str(root), "--annotated",
              str(tmp_path / "nowhere"), "--out", str(tmp_path / "c")]
    )
    assert missing.exit_code == 2
    assert "no annotated sentences" in missing.output
    unknown = runner.invoke(app, ["train", "ner", "--lang", "xx", "--data", str(root),
                                  "--out", str(tmp_path / "c")])
    assert unknown.exit_code == 1
    assert "no NER training recipe for 'xx'" in unknown.output


def test_nerp_names_are_split_into_words_as_the_tagger_reads_them() -> None:
    from pantau.eval.ner import NerSentence
    from pantau.extract.entities.ner_train import nerp_names

    sentence = NerSentence(["warga", "jawa tengah", "joko"], ["O", "B-LOC", "B-PER"])
    assert nerp_names([sentence]) == {("LOC", ("jawa", "tengah")), ("PER", ("joko",))}


# ---------------------------------------------------------------- genre features


def test_genre_guesser_learns_word_log_ratios_and_round_trips(tmp_path: Path) -> None:
    from pantau.extract.entities.ner_genre import GenreGuesser

    news = [["kata", "menteri", "di", "Jakarta", ",", "Selasa"]] * 3
    wiki = [["adalah", "sebuah", "band", "asal", "Jakarta"]] * 3
    guesser = GenreGuesser.train(news, wiki)
    assert guesser(["kata", "dia", "Selasa"]) == "n"
    assert guesser(["sebuah", "band"]) == "w"
    assert "jakarta" not in guesser.weights  # as frequent in both: no evidence
    path = tmp_path / "genre.txt"
    guesser.write(path)
    again = GenreGuesser.read(path)
    assert again.weights == guesser.weights and again.bias == guesser.bias


def test_genre_features_copy_attributes_conjoined_with_the_genre() -> None:
    from pantau.extract.entities.ner import GENRE_LITE_SKIP, Featurizer, Lexicon

    tokens = ["Warga", "Jepang", "tiba"]
    plain = Featurizer(Lexicon())(tokens)
    full = Featurizer(Lexicon(features=["genre"]))(tokens, "w")
    for base, both in zip(plain, full, strict=True):
        assert sorted(both) == sorted(base + ["w:" + f for f in base])
    guessed = Featurizer(Lexicon(features=["genre-lite"], genre=lambda toks: "n"))(tokens)
    for base, both in zip(plain, guessed, strict=True):
        copies = [f[2:] for f in both if f.startswith("n:")]
        assert copies and not any(f.startswith(GENRE_LITE_SKIP) for f in copies)
        assert set(copies) < set(base) and set(base) <= set(both)


def test_role_words_are_tagged_from_the_language_pack() -> None:
    from pantau.extract.entities.ner_train import role_word_tags

    tags = role_word_tags("id")
    assert "rh" in tags["jubir"] and "rh" in tags["kasatreskrim"]  # one-word heads
    assert "rw" in tags["kabid"]  # "kabid humas"
    assert "aceh" not in tags  # later words of a head ("gubernur aceh") are not tagged
    model = load_model("id")
    assert "rh" in model.featurize.lexicon.word_tags["jubir"]


def test_evaluate_ner_scores_the_model_files_of_a_folder(tmp_path: Path) -> None:
    """`--model DIR` scores the files `pantau train ner --out DIR` wrote; a folder without
    them is a clear error naming the file."""
    gold = tmp_path / "gold.conll"
    gold.write_text("Presiden O\nJoko B-PER\nWidodo I-PER\ntiba O\ndi O\nJakarta B-LOC\n"
                    ". O\n", encoding="utf-8")
    folder = tmp_path / "models"
    folder.mkdir()
    copy_model(folder)
    runner = CliRunner()
    copied = runner.invoke(app, ["evaluate", "ner", "--gold", str(gold), "--model", str(folder)])
    shipped = runner.invoke(app, ["evaluate", "ner", "--gold", str(gold)])
    assert copied.exit_code == 0 and "overall" in copied.output
    assert copied.output.split("tokens/s")[1] == shipped.output.split("tokens/s")[1]
    missing = runner.invoke(app, ["evaluate", "ner", "--gold", str(gold),
                                  "--model", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "ner-id.crfsuite" in missing.output
