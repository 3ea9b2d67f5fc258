"""The quotes layer: direct, partial and indirect quotes with their speakers."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.model import Analysis, Span


def quotes_of(pipeline, text: str, lang: str | None = None):  # noqa: ANN001, ANN201
    return pipeline.analyze(text, lang=lang).quotes


def test_reference_article_quotes_and_speakers(pipeline, seed_text) -> None:  # noqa: ANN001
    analysis = pipeline.analyze(seed_text, published="2022-01-09")
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    speakers = {q.speaker_name for q in direct}
    assert speakers == {"Sergei Ryabkov", "Antony Blinken", "Ursula von der Leyen"}

    def speaker_of(start: str) -> str | None:
        [quote] = [q for q in direct if q.text.startswith(start)]
        return quote.speaker_name

    assert speaker_of("Kami tidak akan menyetujui") == "Sergei Ryabkov"
    assert speaker_of("Kami kecewa dengan sinyal") == "Sergei Ryabkov"
    assert speaker_of("Berdasarkan sinyal yang") == "Sergei Ryabkov"
    assert speaker_of("Kami siap untuk menanggapi") == "Antony Blinken"
    assert speaker_of("Apa pun solusinya") == "Ursula von der Leyen"
    entity_ids = {e.name: e.id for e in analysis.entities}
    for q in analysis.quotes:
        assert analysis.text[q.start : q.end] == q.text
        assert q.speaker_name not in {"Interfax", "Washington", "Brussel"}
        if q.speaker is not None:
            assert entity_ids[q.speaker_name] == q.speaker
    partial = {q.text: q.speaker_name for q in analysis.quotes if q.kind == "partial"}
    assert partial["gaslighting"] == "Antony Blinken"
    assert partial["kesalahan besar"] == "Yuri Ushakov"
    assert "stabilitas" not in partial  # a scare quote is nobody's quote
    anonymous = [q for q in analysis.quotes if q.speaker_name == "Seorang pejabat AS"]
    assert anonymous and anonymous[0].kind == "indirect" and anonymous[0].speaker is None


def test_cue_forms_indirect_speech_and_anaphora(pipeline) -> None:  # noqa: ANN001
    text = (
        "Menteri Dalam Negeri Tito Karnavian mengatakan pihaknya akan berkoordinasi dengan "
        "BPS setiap pekan.\n\n"
        '"Hasilnya lebih cepat, dan kalau ada daerah dengan inflasi tinggi, kita bisa '
        'langsung melakukan intervensi," jelasnya.\n\n'
        "Menurut Tito, data inflasi kini keluar setiap minggu. "
        '"Dulu data inflasi hanya keluar sebulan sekali," kata Tito kepada wartawan.'
    )
    quotes = quotes_of(pipeline, text)
    assert [(q.kind, q.speaker_name, q.cue) for q in quotes] == [
        ("indirect", "Tito Karnavian", "mengatakan"),
        ("direct", "Tito Karnavian", "jelasnya"),
        ("indirect", "Tito Karnavian", "Menurut"),
        ("direct", "Tito Karnavian", "kata"),
    ]
    assert quotes[0].text == "pihaknya akan berkoordinasi dengan BPS setiap pekan"


def test_an_anaphoric_cue_before_anyone_is_quoted_is_the_titled_person_named_before(pipeline) -> None:  # noqa: ANN001, E501
    """ "ujarnya" with nobody quoted yet: the person named just before, known by a title,
    not a name the recogniser got wrong and not anyone named after the quote opens."""
    text = (
        "Kepala BMKG Wilayah Makassar Irwan Slamet meninjau lokasi banjir pada Senin.\n\n"
        '"Kami mengimbau masyarakat di daerah rawan agar tetap waspada, seperti kata '
        'Budi Santoso," ujarnya.'
    )
    [quote] = quotes_of(pipeline, text)
    assert (quote.kind, quote.speaker_name, quote.cue) == ("direct", "Irwan Slamet", "ujarnya")


def test_a_name_owning_a_noun_is_no_speaker(pipeline) -> None:  # noqa: ANN001
    """ "pengumuman Elon Musk" is Musk's announcement; Trump says what follows."""
    quotes = quotes_of(pipeline, "Presiden Donald Trump merespons pengumuman Elon Musk, "
                       "menyebut pembentukan partai itu adalah hal konyol.", "id")
    assert [q.speaker_name for q in quotes] == ["Donald Trump"]


def test_a_described_person_closed_by_a_demonstrative_is_the_last_speaker(pipeline) -> None:  # noqa: ANN001, E501
    text = ("\"Kami siap mengawal PT Pindad,\" kata Kawendra kepada wartawan. Wasekjen Gerindra "
            "ini menilai produksi mobil itu dapat memperkuat industri nasional. Kebijakan ini "
            "menegaskan bahwa pemerintah serius membangun industri.")
    quotes = pipeline.analyze(text, lang="id").quotes
    assert [(q.kind, q.speaker_name) for q in quotes] == [
        ("direct", "Kawendra"), ("indirect", "Kawendra")]
    # ... and after a cue: "kata anggota Komisi XII DPR tersebut"
    text = ("\"Kami siap mengawal PT Pindad,\" kata Kawendra kepada wartawan.\n\"Saya mengajak "
            "masyarakat mendukung industri nasional,\" kata anggota Komisi XII DPR tersebut.")
    quotes = pipeline.analyze(text, lang="id").quotes
    assert [q.speaker_name for q in quotes] == ["Kawendra", "Kawendra"]
    text = text.replace("kata anggota Komisi XII DPR tersebut",
                        "ujar perempuan yang menjabat Menko PMK itu")
    assert [q.speaker_name for q in pipeline.analyze(text, lang="id").quotes] == [
        "Kawendra", "Kawendra"]


def test_closing_and_appealing_cues(pipeline) -> None:  # noqa: ANN001
    text = ("Menteri Sosial Saifullah Yusuf meninjau lokasi banjir. \"Bantuan harus segera "
            "disalurkan,\" imbau Saifullah.\n\"Kami akan terus memantau,\" tutupnya.")
    quotes = pipeline.analyze(text, lang="id").quotes
    assert [(q.cue, q.speaker_name) for q in quotes] == [
        ("imbau", "Saifullah Yusuf"), ("tutupnya", "Saifullah Yusuf")]


def test_english_cues(pipeline) -> None:  # noqa: ANN001
    text = (
        '"We are ready to respond forcefully to further Russian aggression," Blinken said on '
        "Friday, according to reporters. According to Secretary of State Antony Blinken, the "
        "sanctions are ready to go at short notice."
    )
    quotes = quotes_of(pipeline, text, lang="en")
    kinds = [(q.kind, q.speaker_name) for q in quotes]
    assert ("direct", "Antony Blinken") in kinds and ("indirect", "Antony Blinken") in kinds


def test_unbalanced_and_inch_marks_do_not_run_past_the_paragraph(pipeline) -> None:  # noqa: ANN001
    text = (
        'Layar itu berukuran 65" dan dijual murah. “Kami akan terus berjuang sampai akhir, kata '
        "Budi Santoso tanpa menutup kutipan.\n\nParagraf berikutnya berdiri sendiri tanpa kutipan."
    )
    analysis = pipeline.analyze(text)
    first_paragraph_end = analysis.text.index("\n\n")
    for q in analysis.quotes:
        assert q.end <= first_paragraph_end
        assert "65" not in q.text


def _analysis_with_text(text: str) -> Analysis:
    return Analysis(id="t", language="id", text=text, sentences=[Span(start=0, end=len(text))])


PIECES = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "«",
    "»",
    ",",
    ".",
    "\n\n",
    "kata",
    "ujarnya",
    "kata dia",
    "Menurut",
    "mengatakan",
    "bahwa",
    "Budi Santoso",
    "Budi",
    "warga",
    '65"',
    "Kami",
    "akan",
    "datang",
    "said",
    "according to",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join))
def test_random_quote_marks_and_cues_never_crash(text: str) -> None:
    from pantau.extract.quotes import QuoteExtractor

    analysis = _analysis_with_text(text)
    QuoteExtractor()(analysis)
    for q in analysis.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert "\n\n" not in q.text


def test_a_quote_of_nothing_but_a_comma_is_no_quote() -> None:
    from pantau.extract.quotes import QuoteExtractor

    analysis = _analysis_with_text("Menurut kata , “ ,")
    QuoteExtractor()(analysis)
    assert analysis.quotes == []


def test_one_long_quote_stays_linear(pipeline) -> None:  # noqa: ANN001
    """A 5 MB-class article that is one long quote: the work grows linearly with length
    (measured by comparing two sizes, not by wall-clock limits)."""
    from pantau.extract.quotes import QuoteExtractor

    sentence = "Kami akan terus bekerja keras untuk rakyat di seluruh negeri ini. "
    times = []
    for repeats in (200, 800):
        text = "“" + sentence * repeats + "” kata Budi."
        analysis = _analysis_with_text(text)
        start = time.perf_counter()
        QuoteExtractor()(analysis)
        times.append(time.perf_counter() - start)
        assert len(analysis.quotes) <= 1
    assert times[1] < times[0] * 16  # 4x the text: far from quadratic (16x)


def test_quote_left_open_and_resumed_in_the_next_paragraph(pipeline) -> None:  # noqa: ANN001
    text = (
        "Banjir di Semarang\n\n"
        "Wali Kota Semarang Hendra Wijaya mengatakan pompa air sudah bekerja sejak malam.\n\n"
        "“Kami mengerahkan semua pompa yang ada di kota ini sejak pukul dua pagi,” kata "
        "Hendra. “Warga di daerah rendah kami minta mengungsi lebih dulu.\n\n"
        "“Bantuan makanan akan datang siang ini dari provinsi.”\n\n"
        "Hujan diperkirakan masih turun hingga Kamis."
    )
    analysis = pipeline.analyze(text)
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert [q.text[:20] for q in direct] == [
        "Kami mengerahkan sem",
        "Warga di daerah rend",
        "Bantuan makanan akan",
    ]
    assert {q.speaker_name for q in direct} == {"Hendra Wijaya"}
    paragraph_ends = [i for i in range(len(analysis.text)) if analysis.text.startswith("\n\n", i)]
    for q in direct:
        assert not any(q.start < end < q.end for end in paragraph_ends)


def test_two_entities_with_one_mention_span_do_not_stop_the_quotes(pipeline) -> None:  # noqa: ANN001
    """The quotes stage sorts mentions by span; two entities sharing one (a stage bug,
    seen once) must not make it compare the entities themselves and fail."""
    from pantau.extract.quotes.extractor import QuoteExtractor

    analysis = pipeline.analyze("“Kami menolak,” kata Budi Santoso di Jakarta.", lang="id")
    person = next(e for e in analysis.entities if e.type == "PERSON")
    analysis.entities.append(person.model_copy(update={"id": "e99", "name": "Budi"}))
    analysis.quotes = []
    QuoteExtractor()(analysis)
    assert [q.speaker_name for q in analysis.quotes] == ["Budi Santoso"]
