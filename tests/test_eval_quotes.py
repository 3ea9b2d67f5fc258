"""Tests for the quote evaluation (pantau.eval.quotes) and the Detik quote gold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import shared_path
from pantau.eval.quotes import (
    GoldQuote,
    detik_documents,
    evaluate,
    evaluate_spans,
    gum_documents,
    load_gold,
    locate,
    match_spans,
    pipeline_analyzer,
    read_gum_quotes,
    same_speaker,
)

GOLD = Path(__file__).parent / "data" / "quotes" / "detik-quotes.jsonl"


def finder(text: str):
    """A helper for hand-written analyzers: the span of ``needle`` in ``text``."""

    def span(needle: str, after: int = 0) -> tuple[int, int]:
        start = text.index(needle, after)
        return start, start + len(needle)

    return span


# --- locating gold text -----------------------------------------------------------------


def test_locate_finds_repeated_quotes_in_order() -> None:
    text = 'Ia berkata "ya". Lalu ia berkata "ya" lagi.'
    assert locate(text, ["ya", "ya"]) == [(12, 14), (34, 36)]


def test_locate_falls_back_to_the_start_when_order_differs() -> None:
    text = "alpha beta gamma"
    assert locate(text, ["gamma", "alpha"]) == [(11, 16), (0, 5)]


def test_locate_tolerates_whitespace_quote_marks_and_mojibake() -> None:
    clean = "Dia berkata \u201cini  sudah\nselesai\u201d dan Jos\u00e9 setuju."
    spans = locate(clean, ['"ini sudah selesai"', "JosÃ© setuju", "tidak ada"])
    assert spans[0] == (12, 32)
    assert clean[spans[0][0] : spans[0][1]] == "\u201cini  sudah\nselesai\u201d"
    assert spans[1] is not None and clean[spans[1][0] : spans[1][1]] == "Jos\u00e9 setuju"
    assert spans[2] is None


def test_locate_ignores_combining_marks() -> None:
    clean = "kata Jose\u0301 kemarin"
    span = locate(clean, ["Jos\u00e9 kemarin"])[0]
    assert span == (5, 18)


# --- matching ---------------------------------------------------------------------------


def test_match_needs_eighty_percent_of_the_gold_span() -> None:
    gold = [(0, 10)]
    assert match_spans(gold, [(2, 10)]) == [(0, 0)]  # 8 of 10
    assert match_spans(gold, [(3, 10)]) == []  # 7 of 10
    assert match_spans(gold, [(0, 50)]) == [(0, 0)]  # longer predictions may match
    assert match_spans(gold, [(10, 20)]) == []


def test_match_is_one_to_one() -> None:
    # two predictions on one gold quote: one match, the other is spurious
    assert match_spans([(0, 10)], [(0, 10), (1, 10)]) == [(0, 0)]
    # one prediction over two gold quotes: it takes one only
    assert len(match_spans([(0, 10), (10, 20)], [(0, 20)])) == 1


def test_match_prefers_the_best_fit_and_maximises_pairs() -> None:
    # an indirect clause (0, 40) with a partial quote (20, 30) nested in it, and the
    # two predictions in the "wrong" order: each gold gets its own prediction
    gold = [(20, 30), (0, 40)]
    predicted = [(0, 40), (20, 30)]
    assert match_spans(gold, predicted) == [(0, 1), (1, 0)]
    # greedy by fit would give (0, 100) to the first gold and leave the second without
    # a partner; the maximal matching gives the first gold the looser (0, 85)
    assert match_spans([(0, 100), (50, 100)], [(0, 100), (0, 85)]) == [(0, 1), (1, 0)]


def test_same_speaker_rules() -> None:
    assert same_speaker("Prabowo Subianto", "Prabowo Subianto")
    assert same_speaker("prabowo subianto", "Prabowo Subianto")
    assert same_speaker("Prabowo", "Prabowo Subianto")
    assert same_speaker("Prabowo Subianto", "Prabowo")
    assert same_speaker("AKBP I Made Parwita", "I Made Parwita")
    assert same_speaker("Muslim Jaya Butar-butar", "Muslim Jaya Butar Butar")
    assert same_speaker("Jose Jeri", "José Jerí")
    assert not same_speaker("Guntur Harahap", "Asep Guntur Rahayu")
    assert not same_speaker("Prabowo Subi", "Prabowo Subianto")  # whole words only
    assert not same_speaker(None, "Prabowo")
    assert not same_speaker("", "Prabowo")


# --- evaluate on a hand-made document ---------------------------------------------------

TEXT = (
    '"Kami siap," kata Menteri Luar Negeri Sugiono.\n'
    "SCROLL TO CONTINUE WITH CONTENT\n"
    'Presiden Prabowo Subianto menolak tuduhan itu sebagai "fitnah belaka".\n'
    "Menurut Sugiono, perundingan akan dilanjutkan pekan depan.\n"
    '"Tidak ada kompromi," ujar Prabowo.'
)
GOLD_DOC = [
    GoldQuote("Kami siap,", "direct", "Sugiono", "person", "kata"),
    GoldQuote("fitnah belaka", "partial", "Prabowo Subianto", "person", "menolak"),
    GoldQuote(
        "perundingan akan dilanjutkan pekan depan", "indirect", "Sugiono", "person", "Menurut"
    ),
    GoldQuote("Tidak ada kompromi,", "direct", "Prabowo Subianto", "person", "ujar"),
]


def hand_analyzer(text: str, title: str | None, published: str | None):
    """Drops the boilerplate line (so offsets shift) and predicts four quotes: the first
    direct quote with its marks and the right speaker, the partial quote with a short
    name, the indirect clause a little short and with the wrong speaker, and a spurious
    quote on the title; the last direct quote is missed."""
    assert title == "Judul" and published == "2025-10-20"
    clean = text.replace("SCROLL TO CONTINUE WITH CONTENT\n", "")
    span = finder(clean)
    indirect = span("perundingan akan dilanjutkan pekan depan")
    return clean, [
        {"start": span('"Kami siap,"')[0], "end": span('"Kami siap,"')[1], "kind": "direct",
         "speaker_name": "Sugiono"},
        {"start": span("fitnah belaka")[0], "end": span("fitnah belaka")[1], "kind": "partial",
         "speaker_name": "Prabowo"},
        {"start": indirect[0], "end": indirect[1] - 6, "kind": "direct",
         "speaker_name": "Menteri Luar Negeri"},
        {"start": span("menolak tuduhan")[0], "end": span("menolak tuduhan")[1],
         "kind": "indirect", "speaker_name": None},
    ]  # fmt: skip


def test_evaluate_counts_matches_speakers_and_kinds() -> None:
    score = evaluate([("d1", TEXT, "Judul", "2025-10-20")], {"d1": GOLD_DOC}, hand_analyzer)
    assert (score.documents, score.gold, score.predicted, score.matched) == (1, 4, 4, 3)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.75)
    assert score.f1 == pytest.approx(0.75)
    # "Prabowo" names Prabowo Subianto; "Menteri Luar Negeri" does not name Sugiono
    assert score.speaker_correct == 2
    assert score.speaker_accuracy == pytest.approx(2 / 3)
    assert score.gold_by_kind == {"direct": 2, "partial": 1, "indirect": 1}
    assert score.recall_by_kind == {"direct": 0.5, "partial": 1.0, "indirect": 1.0}
    assert score.kind_confusion == {
        ("direct", "direct"): 1,
        ("partial", "partial"): 1,
        ("indirect", "direct"): 1,
    }
    assert score.missed == [("d1", "Tidak ada kompromi,", "direct")]
    assert score.spurious == [("d1", "menolak tuduhan", "indirect", "")]
    assert score.wrong_speaker == [
        ("d1", "perundingan akan dilanjutkan pekan depan", "Sugiono", "Menteri Luar Negeri")
    ]
    assert score.unlocated == [] and score.missing_documents == []


def test_evaluate_reports_unlocated_gold_and_documents_without_gold() -> None:
    gold = {
        "d1": [GoldQuote("kalimat yang tidak ada", "direct", "X", "person")],
        "d3": [GoldQuote("apa saja", "direct", "Y", "person")],
    }

    def analyzer(text: str, title: str | None, published: str | None):
        return text, [{"start": 0, "end": 4, "kind": "direct", "speaker_name": "Z"}]

    docs = [("d1", "Teks pertama.", None, None), ("d2", "Teks kedua.", None, None)]
    score = evaluate(docs, gold, analyzer)
    assert (score.gold, score.predicted, score.matched) == (1, 2, 0)
    assert score.unlocated == [("d1", "kalimat yang tidak ada")]
    assert score.missed == [("d1", "kalimat yang tidak ada", "direct")]
    assert [s[0] for s in score.spurious] == ["d1", "d2"]  # d2 has no gold: no quotes
    assert score.missing_documents == ["d3"]
    assert (score.precision, score.recall, score.f1, score.speaker_accuracy) == (0, 0, 0, 1.0)


def test_evaluate_with_nothing_to_find_is_perfect() -> None:
    score = evaluate([("d", "Tanpa kutipan.", None, None)], {}, lambda t, ti, p: (t, []))
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


# --- the gold file ------------------------------------------------------------------------


def test_load_gold_rejects_malformed_records(tmp_path: Path) -> None:
    bad_kind = {"doc_id": "d", "quotes": [{"quote": "q", "kind": "scare", "speaker": "S",
                                          "speaker_type": "person", "cue": None}]}  # fmt: skip
    no_speaker = {"doc_id": "d", "quotes": [{"quote": "q", "kind": "direct"}]}
    for record in (bad_kind, no_speaker, {"quotes": []}):
        path = tmp_path / "gold.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match="gold.jsonl:1"):
            load_gold(path)
    path.write_text('{"doc_id": "d", "quotes": []}\n' * 2, encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        load_gold(path)


def test_detik_gold_parses_with_the_documented_counts() -> None:
    gold = load_gold(GOLD)
    quotes = [q for qs in gold.values() for q in qs]
    kinds = Counter(q.kind for q in quotes)
    assert len(gold) == 75
    assert len(quotes) == 601
    assert kinds == {"direct": 311, "indirect": 274, "partial": 16}
    assert Counter(q.speaker_type for q in quotes) == {
        "person": 554, "organisation": 25, "anonymous": 17, "group": 5,
    }  # fmt: skip
    assert all(q.quote == q.quote.strip() and "\n" not in q.quote for q in quotes)
    # detikcom, Antara, AFP ... relay quotes; they are never the speaker
    relays = {"detikcom", "antara", "afp", "cna", "detiknews"}
    assert not {q.speaker.casefold() for q in quotes} & relays


def test_every_gold_quote_occurs_in_its_article() -> None:
    path = shared_path("news", "id", "detik-2025-dev.jsonl")
    gold = load_gold(GOLD)
    documents = list(detik_documents(path, gold))
    assert {doc_id for doc_id, *_ in documents} == set(gold)
    for doc_id, text, _, _ in documents:
        spans = locate(text, [q.quote for q in gold[doc_id]])
        for quote, span in zip(gold[doc_id], spans, strict=True):
            assert span is not None, (doc_id, quote.quote)
            assert text[span[0] : span[1]] == quote.quote
            if quote.kind in ("direct", "partial"):
                assert text[span[0] - 1] in "\"'" and text[span[1]] in "\"'", (doc_id, quote)
        # gold is in article order, each quote found after the previous one
        assert [s[0] for s in spans] == sorted(s[0] for s in spans), doc_id


def test_a_perfect_analyzer_scores_one_on_the_gold() -> None:
    path = shared_path("news", "id", "detik-2025-dev.jsonl")
    gold = load_gold(GOLD)

    def oracle(text: str, title: str | None, published: str | None):
        doc_id = next(d for d, t, *_ in documents if t == text)
        spans = locate(text, [q.quote for q in gold[doc_id]])
        return text, [
            {"start": s, "end": e, "kind": q.kind, "speaker_name": q.speaker}
            for q, (s, e) in zip(gold[doc_id], spans, strict=True)
        ]

    documents = list(detik_documents(path, gold))
    score = evaluate(documents, gold, oracle)
    assert (score.precision, score.recall, score.speaker_accuracy) == (1.0, 1.0, 1.0)
    assert score.recall_by_kind == {"direct": 1.0, "partial": 1.0, "indirect": 1.0}


# --- GUM ------------------------------------------------------------------------------------

CONLLU = """\
# newdoc id = toy
# newpar
# text = He said "We won't go.
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\t"\t"\tPUNCT\t``\t_\t7\tpunct\t_\tSpaceAfter=No|XML=<quote>
4\tWe\twe\tPRON\tPRP\t_\t7\tnsubj\t_\t_
5-6\twon't\t_\t_\t_\t_\t_\t_\t_\t_
5\two\twill\tAUX\tMD\t_\t7\taux\t_\t_
6\tn't\tnot\tPART\tRB\t_\t7\tadvmod\t_\t_
7\tgo\tgo\tVERB\tVB\t_\t2\tccomp\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tXML=</quote>

# text = Never."
1\tNever\tnever\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No|XML=<quote>
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\tSpaceAfter=No
3\t"\t"\tPUNCT\t''\t_\t1\tpunct\t_\tXML=</quote>

# newpar
# text = A "scare" quote and "dangerous" ((it)).
1\tA\ta\tDET\tDT\t_\t3\tdet\t_\t_
2\t"\t"\tPUNCT\t``\t_\t3\tpunct\t_\tSpaceAfter=No|XML=<q>
3\tscare\tscare\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No
4\t"\t"\tPUNCT\t''\t_\t3\tpunct\t_\tXML=</q>
5\tquote\tquote\tNOUN\tNN\t_\t3\tconj\t_\t_
6\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_
7\t"\t"\tPUNCT\t``\t_\t8\tpunct\t_\tSpaceAfter=No|XML=<quote>
8\tdangerous\tdangerous\tADJ\tJJ\t_\t3\tconj\t_\tSpaceAfter=No
9\t"\t"\tPUNCT\t''\t_\t8\tpunct\t_\t_
10\t((it))\t((it))\tX\tFW\t_\t8\tdep\t_\tSpaceAfter=No|XML=</quote>
11\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
"""


def test_read_gum_quotes_rebuilds_text_and_quote_spans(tmp_path: Path) -> None:
    path = tmp_path / "toy.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    text, spans = read_gum_quotes(path)
    assert text == 'He said "We won\'t go. Never."\nA "scare" quote and "dangerous" ((it)).'
    assert text[:8] == "He said "  # the multiword token is its surface form
    # the quote of two sentences is one span without its marks; <q> is not a quote;
    # the source marker after the closing mark is not part of the quote
    assert [text[s:e] for s, e in spans] == ["We won't go. Never.", "dangerous"]


def test_read_gum_quotes_checks_the_sentence_text(tmp_path: Path) -> None:
    path = tmp_path / "toy.conllu"
    path.write_text(CONLLU.replace('# text = Never."', "# text = Nope"), encoding="utf-8")
    with pytest.raises(ValueError, match="rebuilt sentence"):
        read_gum_quotes(path)


def test_gum_news_quotation_spans() -> None:
    directory = shared_path("news", "en", "gum")
    documents = list(gum_documents(directory))
    assert len(documents) == 24
    spans = [(text[s:e], doc_id) for doc_id, text, doc_spans in documents for s, e in doc_spans]
    assert len(spans) == 62
    assert sum(1 for _, _, doc_spans in documents if doc_spans) == 13
    texts = [quote for quote, _ in spans]
    for quote in texts:
        assert quote == quote.strip() and quote[0] not in "\"'" and quote[-1] not in "\"'"
    assert "Had it happened an hour later it would have been much worse," in texts
    assert "dangerous" in texts and "parole" not in texts  # <q>: not a quotation


def test_evaluate_spans_scores_direct_and_partial_predictions_only() -> None:
    text = 'Ia berkata "kami siap" dan "kami menang".'
    gold = [(12, 21), (28, 39)]

    def analyzer(text: str, title: str | None, published: str | None):
        assert title is None and published is None
        return text, [
            {"start": 12, "end": 21, "kind": "direct", "speaker_name": "Ia"},
            {"start": 0, "end": 40, "kind": "indirect", "speaker_name": "Ia"},
            {"start": 3, "end": 10, "kind": "partial", "speaker_name": None},
        ]

    score = evaluate_spans([("t", text, gold)], analyzer)
    assert (score.gold, score.predicted, score.matched) == (2, 2, 1)
    assert (score.precision, score.recall, score.f1) == (0.5, 0.5, 0.5)
    assert score.missed == [("t", "kami menang")]
    assert score.spurious == [("t", "berkata")]
    everything = evaluate_spans([("t", text, gold)], analyzer, kinds=None)
    assert (everything.predicted, everything.matched) == (3, 2)


def test_pipeline_analyzer_returns_clean_text_and_quote_dicts(pipeline) -> None:
    analyze = pipeline_analyzer(pipeline)
    text = 'Menteri itu menolak. "Kami tidak akan mundur," kata Menteri Sugiono.'
    clean, quotes = analyze(text, "Judul", "not a date")
    assert isinstance(clean, str) and clean.strip()
    for quote in quotes:
        assert {"start", "end", "kind", "speaker_name"} <= set(quote)
        assert 0 <= quote["start"] < quote["end"] <= len(clean)


def test_articles_are_dated_in_the_order_their_file_settles(tmp_path: Path) -> None:
    """"8/11/2025" is 11 August in a file that also holds "10/20/2025" (month first), as
    `pantau run` reads it; the dated codes of the evaluations depend on it."""
    path = tmp_path / "articles.jsonl"
    rows = [{"id": "a", "text": "Satu.", "published": "8/11/2025 0:59"},
            {"id": "b", "text": "Dua.", "published": "10/20/2025 7:31"},
            {"id": "c", "text": "Tiga.", "published": "not a date"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [(i, p) for i, _, _, p in detik_documents(path)] == [
        ("a", "2025-08-11T00:59:00"), ("b", "2025-10-20T07:31:00"), ("c", None)]
