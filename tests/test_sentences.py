"""Sentence segmentation with exact character offsets (the splitter the pipeline builds)."""

from __future__ import annotations

import pytest

from pantau.nlp.sentences import SentenceSplitter
from pantau.pipeline import Pipeline


@pytest.fixture(scope="module")
def splitter(pipeline: Pipeline) -> SentenceSplitter:
    return pipeline.splitter


def _check_offsets(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        assert not text[previous_end:start].strip()  # nothing but space is left out
        previous_end = end
    assert not text[previous_end:].strip()


def _sentences(splitter: SentenceSplitter, text: str) -> list[str]:
    spans = splitter.split(text)
    _check_offsets(text, spans)
    return [text[s:e] for s, e in spans]


CASES = [
    pytest.param(
        "Dr. Budi Santoso datang ke Jl. Sudirman No. 5 kemarin. Dia disambut Prof. Hadi.",
        ["Dr. Budi Santoso datang ke Jl. Sudirman No. 5 kemarin.", "Dia disambut Prof. Hadi."],
        id="id-titles-street-number",
    ),
    pytest.param(
        "H. Agus Salim dikenal sebagai diplomat. Ia lahir di Koto Gadang.",
        ["H. Agus Salim dikenal sebagai diplomat.", "Ia lahir di Koto Gadang."],
        id="haji",
    ),
    pytest.param(
        "Sen. Elizabeth Warren criticised the plan. Mr. Smith agreed with her.",
        ["Sen. Elizabeth Warren criticised the plan.", "Mr. Smith agreed with her."],
        id="en-titles",
    ),
    pytest.param(
        "The U.S. Senate voted on Tuesday. The bill passed.",
        ["The U.S. Senate voted on Tuesday.", "The bill passed."],
        id="u.s.",
    ),
    pytest.param(
        "Deputi Gubernur Senior BI Miranda S. Goeltom hadir dalam rapat. Rapat berlangsung lama.",
        [
            "Deputi Gubernur Senior BI Miranda S. Goeltom hadir dalam rapat.",
            "Rapat berlangsung lama.",
        ],
        id="initial",
    ),
    pytest.param(
        "Lebih dari 13.000 orang tewas. Inflasi mencapai 5,12% pada Oktober. "
        "Rapat dimulai pukul 10.00 WIB. Semua hadir.",
        [
            "Lebih dari 13.000 orang tewas.",
            "Inflasi mencapai 5,12% pada Oktober.",
            "Rapat dimulai pukul 10.00 WIB.",
            "Semua hadir.",
        ],
        id="numbers",
    ),
    pytest.param(
        "Polisi menangkap tersangka pada Senin (20/10/2025). Dia ditahan di Polda.",
        ["Polisi menangkap tersangka pada Senin (20/10/2025).", "Dia ditahan di Polda."],
        id="date-in-brackets",
    ),
    pytest.param(
        "Mereka membawa beras, gula, minyak, dll. Semua barang dibagikan ke warga.",
        ["Mereka membawa beras, gula, minyak, dll.", "Semua barang dibagikan ke warga."],
        id="dll-then-capital",
    ),
    pytest.param(
        "Mereka membawa beras, gula, minyak, dll. untuk dibagikan ke warga.",
        ["Mereka membawa beras, gula, minyak, dll. untuk dibagikan ke warga."],
        id="dll-then-lower",
    ),
    pytest.param(
        "“Kami tidak akan menyetujui konsesi apa pun. Itu sepenuhnya dikecualikan,” kata Ryabkov.",
        [
            "“Kami tidak akan menyetujui konsesi apa pun.",
            "Itu sepenuhnya dikecualikan,” kata Ryabkov.",
        ],
        id="quote-two-sentences",
    ),
    pytest.param("“Apa kabar?” tanya dia.", ["“Apa kabar?” tanya dia."], id="quote-question"),
    pytest.param(
        "Dia bertanya: “Kapan?” Lalu dia pergi.",
        ["Dia bertanya: “Kapan?”", "Lalu dia pergi."],
        id="closing-quote-stays",
    ),
    pytest.param(
        "Harga naik. “Kami kecewa,” kata pedagang. (Foto ada di bawah.) Pembeli sepi!",
        ["Harga naik.", "“Kami kecewa,” kata pedagang.", "(Foto ada di bawah.)", "Pembeli sepi!"],
        id="openers-and-brackets",
    ),
    pytest.param(
        "Harga naik 2,5 persen... Pedagang mengeluh. Wow! Itu hebat? Ya.",
        ["Harga naik 2,5 persen...", "Pedagang mengeluh.", "Wow!", "Itu hebat?", "Ya."],
        id="ellipsis-and-marks",
    ),
    pytest.param(
        "Satu kalimat tanpa titik\nKalimat kedua.\n\n  Paragraf baru.  ",
        ["Satu kalimat tanpa titik", "Kalimat kedua.", "Paragraf baru."],
        id="paragraph-breaks",
    ),
    pytest.param(
        "Acara dipandu oleh Ir. Soekarno. Ia tinggal di Kab. Bogor. He met Gen. Mark Milley.",
        [
            "Acara dipandu oleh Ir. Soekarno.",
            "Ia tinggal di Kab. Bogor.",
            "He met Gen. Mark Milley.",
        ],
        id="more-abbreviations",
    ),
    pytest.param(
        "Skor akhir 2-1. 3 pemain cedera.",
        ["Skor akhir 2-1.", "3 pemain cedera."],
        id="digit-starts-sentence",
    ),
    pytest.param("", [], id="empty"),
    pytest.param(" \n\n \t", [], id="whitespace"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(splitter: SentenceSplitter, text: str, expected: list[str]) -> None:
    assert _sentences(splitter, text) == expected


def test_paragraph_break_always_splits(splitter: SentenceSplitter) -> None:
    # even after an abbreviation, and with no final stop
    assert _sentences(splitter, "Dia bertemu Dr.\n\nBudi di sana") == [
        "Dia bertemu Dr.",
        "Budi di sana",
    ]


def test_offsets_are_exact(splitter: SentenceSplitter) -> None:
    text = "  Satu.   Dua!\t“Tiga?”  \n\n\n  Empat, kata Dr. Lima.\n"
    spans = splitter.split(text)
    _check_offsets(text, spans)
    assert spans == [(2, 7), (10, 14), (15, 22), (29, 50)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Harga gula Rp. 15.000 per kg di pasar itu.",
        "Direktur PT. Pertamina hadir dalam rapat.",
        "Data itu ada di laporan hlm. 5 bagian kedua.",
        "Dia menjabat sejak thn. 2010 di kantor itu.",
    ],
)
def test_common_indonesian_abbreviations(splitter: SentenceSplitter, sentence: str) -> None:
    assert _sentences(splitter, f"{sentence} Pedagang mengeluh.") == [
        sentence,
        "Pedagang mengeluh.",
    ]


def test_splitter_without_abbreviations_splits_after_them() -> None:
    bare = SentenceSplitter([])
    assert _sentences(bare, "Ia bertemu Prof. Hadi kemarin.") == [
        "Ia bertemu Prof.",
        "Hadi kemarin.",
    ]
    assert _sentences(SentenceSplitter(["Prof."]), "Ia bertemu Prof. Hadi kemarin.") == [
        "Ia bertemu Prof. Hadi kemarin."
    ]


def test_pipeline_sentences_index_the_clean_text(pipeline: Pipeline) -> None:
    text = (
        "Harga Minyak Naik\n\nHarga minyak naik 5,12% pada Senin (20/10/2025). “Kami siap,” kata "
        "Dr. Budi.\n\nADVERTISEMENT\n\nSebanyak 13.000 orang hadir pukul 10.00 WIB. Semua senang."
    )
    a = pipeline.analyze(text)
    assert [a.text[s.start : s.end] for s in a.sentences] == [
        "Harga minyak naik 5,12% pada Senin (20/10/2025).",
        "“Kami siap,” kata Dr. Budi.",
        "Sebanyak 13.000 orang hadir pukul 10.00 WIB.",
        "Semua senang.",
    ]


def test_sentence_tokens_are_shared_but_each_caller_gets_its_own_list() -> None:
    from pantau.nlp.tokens import sentence_tokens, tokenize

    text = "KPK menahan tersangka. Polisi memeriksa saksi."
    first = sentence_tokens(text, 0, 22)
    assert first == tokenize(text, 0, 22)
    first.append(first[0])  # a caller may change its list without changing the next one's
    assert sentence_tokens(text, 0, 22) == tokenize(text, 0, 22)
