"""Cleaning: boilerplate and spam removed with a reason, real news text never cut."""

from __future__ import annotations

import pytest

from pantau.clean import Cleaner, split_paragraphs
from pantau.clean.cleaner import DUPLICATE_MIN_CHARS
from pantau.clean.normalize import normalize_text
from pantau.model import Removed
from pantau.pipeline import Pipeline

HEADLINE = "Harga Minyak Naik Usai OPEC Pangkas Produksi"
NEWS = [
    "Harga minyak naik pada Senin setelah OPEC sepakat memangkas produksi dua juta barel "
    "per hari, kata para pedagang di Jakarta.",
    "Keputusan itu mengejutkan para analis yang sebelumnya memperkirakan pemangkasan yang "
    "jauh lebih kecil.",
    "Menteri Energi Arab Saudi mengatakan pemangkasan diperlukan untuk menstabilkan pasar.",
    "Pemerintah Amerika Serikat mengkritik keputusan itu karena akan merugikan konsumen.",
]
EN_NEWS = [
    "Oil prices rose on Monday after OPEC agreed to cut output by two million barrels a day, "
    "traders said.",
    "The decision surprised analysts who had expected a much smaller cut.",
    "Brent crude rose 3 percent to $95 a barrel in early trading in London.",
    "Saudi Arabia's energy minister said the cut was needed to stabilise the market.",
    "The United States criticised the decision, saying it would hurt consumers.",
    "Analysts expect prices to stay high through the winter months.",
]


@pytest.fixture(scope="module")
def cleaner(pipeline: Pipeline) -> Cleaner:
    return pipeline.cleaner


def _page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def _reasons(result_removed: list[Removed]) -> dict[str, str]:
    return {r.text: r.reason for r in result_removed}


# --- boilerplate kinds --------------------------------------------------------------


BOILERPLATE = [
    ("SCROLL TO CONTINUE WITH CONTENT", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Advertisement", "advertisement"),
    ("Baca juga: Harga BBM Naik Lagi Mulai Besok", "related"),
    ("BACA JUGA: Harga BBM Naik Lagi", "related"),
    ("Simak juga Video 'Detik-detik Banjir Rendam Jakarta':", "related"),
    ('Tonton juga video "Presiden Resmikan Jalan Tol Baru" di sini:', "related"),
    ("[Gambas:Video CNN]", "related"),
    ("(nvc/nvc)", "related"),
    ("Read more: Oil hits two-year high", "related"),
    ("(Foto: dok. Humas Polri)", "credit"),
    ("Foto: Antara/Hafidz Mubarak", "credit"),
    ("Editor: Budi Santoso", "credit"),
    ("Penulis: Andi | Editor: Budi", "credit"),
    ("(Reporting by John Smith; Editing by Jane Doe)", "credit"),
    ("Copyright 2025 Reuters. All rights reserved.", "credit"),
    ("Facebook Twitter WhatsApp", "share"),
    ("Share this article", "share"),
    ("12 Komentar", "share"),
    ("Halaman 1 dari 3", "navigation"),
    ("Tags: minyak, OPEC", "navigation"),
    ("Posted By : keluaran hk hari ini", "spam"),
    ("slot gacor maxwin hari ini", "spam"),
    ("Link alternatif sbobet terpercaya", "spam"),
    ("Tonton detikSore setiap Senin-Jumat pukul 15.30 WIB!", "promo"),
    ("Oleh: Budi Santoso", "credit"),
    ("***", "separator"),
]


@pytest.mark.parametrize(("line", "reason"), BOILERPLATE)
def test_boilerplate_line_is_removed_with_its_reason(
    cleaner: Cleaner, line: str, reason: str
) -> None:
    result = cleaner.clean(_page(NEWS[0], NEWS[1], line, NEWS[2], NEWS[3]), guess_title=False)
    assert result.removed == [Removed(text=line, reason=reason)]
    assert result.text == _page(*NEWS)


def test_keyword_stuffing_is_spam_whatever_its_length(cleaner: Cleaner) -> None:
    stuffed = (
        "Dapatkan bonus new member hari ini di situs slot gacor terpercaya dengan rtp slot "
        "tertinggi dan prediksi hk paling jitu untuk semua pemain setia kami di seluruh "
        "Indonesia sepanjang tahun ini."
    )
    result = cleaner.clean(_page(NEWS[0], stuffed, NEWS[1]), guess_title=False)
    assert _reasons(result.removed) == {stuffed: "spam"}


@pytest.mark.parametrize(
    "block",
    [
        [
            "Newsletter Harian",
            "Dapatkan ringkasan berita setiap pagi.",
            "Anda dapat berhenti berlangganan kapan saja.",
        ],
        ["Sign up for our newsletter", "Get the best stories delivered to your inbox."],
        ["Daftarkan email Anda untuk mendapatkan berita terbaru setiap hari."],
    ],
    ids=["id-newsletter", "en-newsletter", "id-daftar-email"],
)
def test_newsletter_block_at_the_end_is_removed(cleaner: Cleaner, block: list[str]) -> None:
    result = cleaner.clean(_page(*NEWS, *block), guess_title=False)
    assert result.text == _page(*NEWS)
    assert result.removed == [Removed(text=line, reason="newsletter") for line in block]


def test_newsletter_block_is_not_removed_when_it_is_the_whole_text(cleaner: Cleaner) -> None:
    text = "Sign up for our newsletter"
    result = cleaner.clean(_page(text, "Get the best stories delivered to your inbox."))
    assert "Get the best stories" in result.text


# --- head of the page: title, section, repeated title ------------------------------------


@pytest.mark.parametrize("section", ["WORLD", "Nasional", "Ekonomi & Keuangan", "NEWS"])
def test_headline_becomes_title_and_label_becomes_section(cleaner: Cleaner, section: str) -> None:
    result = cleaner.clean(f"{HEADLINE}\n{section}\n\n{HEADLINE}\n\n" + _page(*NEWS))
    assert result.title == HEADLINE
    assert result.section == section
    assert result.text == _page(*NEWS)
    assert result.removed == [
        Removed(text=HEADLINE, reason="title"),
        Removed(text=section, reason="section"),
        Removed(text=HEADLINE, reason="title"),
    ]


def test_given_title_is_kept_and_its_repeat_removed(cleaner: Cleaner) -> None:
    result = cleaner.clean(_page(HEADLINE.upper(), *NEWS), title=HEADLINE)
    assert result.title == HEADLINE
    assert result.removed == [Removed(text=HEADLINE.upper(), reason="title")]
    assert result.text == _page(*NEWS)


def test_no_title_guessed_when_asked_not_to_or_from_a_sentence(cleaner: Cleaner) -> None:
    assert cleaner.clean(_page(HEADLINE, *NEWS), guess_title=False).title is None
    result = cleaner.clean(_page(*NEWS))  # first paragraph is a sentence
    assert result.title is None and result.text == _page(*NEWS)
    assert cleaner.clean(HEADLINE).text == HEADLINE  # a lone line is the text, not a title


def test_quoted_first_sentence_is_not_a_headline(cleaner: Cleaner) -> None:
    first = "Ryabkov mengatakan kepada wartawan di Moskow: “Kami tidak akan menyetujui konsesi.”"
    result = cleaner.clean(_page(first, *NEWS))
    assert result.title is None
    assert result.text.startswith(first)


def test_section_label_above_the_headline(cleaner: Cleaner) -> None:
    result = cleaner.clean(f"Nasional\n{HEADLINE}\n\n" + _page(*NEWS))
    assert (result.title, result.section) == (HEADLINE, "Nasional")
    assert result.text == _page(*NEWS)


# --- real content is never cut ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kominfo memblokir 1.200 situs judi online sepanjang pekan lalu.",
        "Video potongan memperlihatkan polisi menangkap tersangka di depan rumahnya.",
        "Foto satelit menunjukkan kerusakan parah di sekitar pelabuhan.",
        "Editor senior harian itu mengatakan redaksi tidak menerima tekanan dari pemerintah.",
        "Baca tulis masih menjadi masalah di sejumlah desa terpencil, kata kepala dinas.",
        "Oleh karena itu, pemerintah menaikkan harga BBM bersubsidi mulai pekan depan.",
        "Dalam hitungan detik, air sudah setinggi dada orang dewasa, kata warga.",
    ],
)
def test_news_sentences_mentioning_boilerplate_words_stay(cleaner: Cleaner, sentence: str) -> None:
    page = _page(NEWS[0], sentence, NEWS[1], NEWS[2], NEWS[3])
    result = cleaner.clean(page, guess_title=False)
    assert result.removed == []
    assert sentence in result.text.split("\n\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "Polisi menangkap bandar togel online di Medan pada Senin (20/10/2025).",
        "Polisi menyita 20 telepon genggam yang dipakai untuk judi slot online di Bekasi.",
    ],
)
def test_gambling_crackdown_news_sentence_stays(cleaner: Cleaner, sentence: str) -> None:
    result = cleaner.clean(_page(NEWS[0], sentence, NEWS[1]), guess_title=False)
    assert result.removed == []
    assert sentence in result.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Melihat kembali peristiwa itu, warga mengatakan dalam hitungan detik air sudah "
        "setinggi dada.",
        "Melihat kembali rekaman CCTV, polisi menemukan bahwa pelaku kabur dalam 40 detik.",
    ],
)
def test_news_sentence_with_detik_as_time_stays(cleaner: Cleaner, sentence: str) -> None:
    result = cleaner.clean(_page(NEWS[0], sentence, NEWS[1]), guess_title=False)
    assert result.removed == []


def test_english_sentence_starting_with_share_stays(cleaner: Cleaner) -> None:
    sentence = "Share prices fell 3 percent on Monday, traders said."
    result = cleaner.clean(_page(EN_NEWS[0], sentence, EN_NEWS[1]), guess_title=False)
    assert result.removed == []


def test_long_final_paragraph_mentioning_berlangganan_stays(cleaner: Cleaner) -> None:
    final = (
        "Menurut data Kementerian Komunikasi, jumlah rumah tangga yang berlangganan internet "
        "tetap di Indonesia naik menjadi 12 juta pada akhir tahun lalu, sebagian besar di "
        "Pulau Jawa, sementara di wilayah timur jaringan serat optik masih terbatas dan "
        "harganya jauh lebih mahal bagi warga."
    )
    result = cleaner.clean(_page(*NEWS, final), guess_title=False)
    assert result.removed == []
    assert result.text.endswith(final)


@pytest.mark.parametrize(
    ("paragraphs", "sentence"),
    [
        (
            [*EN_NEWS[:3], "The newsletter industry is growing, analysts said.", *EN_NEWS[3:]],
            "The newsletter industry is growing, analysts said.",
        ),
        (
            [*NEWS, "Pelanggan yang berlangganan listrik PLN akan mendapat diskon."],
            "Pelanggan yang berlangganan listrik PLN akan mendapat diskon.",
        ),
    ],
    ids=["en-newsletter-mid-article", "id-berlangganan-final"],
)
def test_news_sentence_with_newsletter_word_does_not_cut_the_article(
    cleaner: Cleaner, paragraphs: list[str], sentence: str
) -> None:
    result = cleaner.clean(_page(*paragraphs), guess_title=False)
    assert result.removed == []
    assert result.text == _page(*paragraphs)


# --- paragraphs, duplicates, normalisation -------------------------------------------


def test_hard_wrapped_lines_join_into_paragraphs() -> None:
    text = (
        "Pemerintah Indonesia mengumumkan kenaikan harga bahan bakar\n"
        "minyak bersubsidi pada Sabtu dengan alasan beban anggaran negara\n"
        "yang terus membengkak akibat lonjakan harga minyak dunia.\n"
        "\n"
        "Menteri Keuangan mengatakan subsidi energi tahun ini telah mencapai\n"
        "lebih dari 500 triliun rupiah.\n"
        "Presiden meminta masyarakat tetap tenang.\n"
    )
    assert split_paragraphs(text) == [
        "Pemerintah Indonesia mengumumkan kenaikan harga bahan bakar minyak bersubsidi pada "
        "Sabtu dengan alasan beban anggaran negara yang terus membengkak akibat lonjakan "
        "harga minyak dunia.",
        "Menteri Keuangan mengatakan subsidi energi tahun ini telah mencapai lebih dari 500 "
        "triliun rupiah.",
        "Presiden meminta masyarakat tetap tenang.",
    ]


def test_short_lines_and_sentence_ends_are_not_joined() -> None:
    text = "WORLD\nharga naik\n\n  \nSatu kalimat panjang yang sudah selesai di sini.\nlagi"
    assert split_paragraphs(text) == [
        "WORLD",
        "harga naik",
        "Satu kalimat panjang yang sudah selesai di sini.",
        "lagi",
    ]


def test_hard_wrapped_line_after_a_comma_joins() -> None:
    text = (
        "Pemerintah Indonesia mengumumkan kenaikan harga BBM pada Sabtu,\n"
        "dengan alasan beban anggaran negara terus membengkak."
    )
    assert split_paragraphs(text) == [text.replace("\n", " ")]


def test_duplicate_paragraphs_are_removed(cleaner: Cleaner) -> None:
    long = f"{NEWS[0]} {NEWS[1]}"
    assert len(long) >= DUPLICATE_MIN_CHARS
    short = "Apa yang Anda lakukan setelah itu?"  # interview question: may repeat
    page = _page(long, short, NEWS[2], long.upper(), short, NEWS[3])
    result = cleaner.clean(page, guess_title=False)
    assert result.removed == [Removed(text=long.upper(), reason="duplicate")]
    assert result.text == _page(long, short, NEWS[2], short, NEWS[3])


def test_normalize_text_repairs_mojibake() -> None:
    assert normalize_text("Sekjen PBB AntÃ³nio Guterres") == "Sekjen PBB António Guterres"


def test_normalize_text_removes_invisible_characters_and_unifies_spaces() -> None:
    text = "\ufeffPre\u200bsi\u200cden\u00ad  Jokowi\u00a0tiba\tdi\u2009Bali\r\nSenin\rpagi"
    assert normalize_text(text) == "Presiden Jokowi tiba di Bali\nSenin\npagi"


def test_normalize_text_keeps_curly_quotes() -> None:
    text = "“Kami siap,” kata Blinken. ‘Tidak,’ jawabnya. «Non»"
    assert normalize_text(text) == text


def test_normalize_text_nfc() -> None:
    assert normalize_text("Cafe\u0301") == "Caf\u00e9"


# --- the reference article ----------------------------------------------------------------


def test_reference_article(pipeline: Pipeline, seed_text: str) -> None:
    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    headline = seed_text.splitlines()[0].strip()
    start = [i for i, p in enumerate(paragraphs) if p == headline][0] + 1
    end = paragraphs.index("Newsletter Harian Sabah")
    news = paragraphs[start:end]
    assert len(news) > 20

    a = pipeline.analyze(seed_text)
    assert a.language == "id"
    assert a.title == headline
    assert a.section == "WORLD"
    for paragraph in news:
        assert paragraph in a.text
    assert a.text == "\n\n".join(news)

    removed = _reasons(a.removed)
    for line in paragraphs[end:-1]:
        assert removed[line] == "newsletter"
    assert removed["Newsletter Harian Sabah"] == "newsletter"
    assert removed["Posted By : keluaran hk hari ini"] == "spam"
    assert [r.reason for r in a.removed].count("title") == 2  # the headline and its repeat
