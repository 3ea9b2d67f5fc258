"""Language identification: Indonesian, English, Malay vs Indonesian, mixed pages."""

from __future__ import annotations

import pytest

from pantau.clean import LanguageIdentifier
from pantau.errors import ConfigError, PantauError
from pantau.model import Analysis
from pantau.pipeline import Pipeline

ID = (
    "Pemerintah Indonesia mengumumkan kenaikan harga bahan bakar minyak bersubsidi pada Sabtu "
    "karena beban anggaran negara terus membengkak. Presiden meminta masyarakat tetap tenang "
    "dan tidak panik membeli bahan bakar di stasiun pengisian."
)
ID_2 = (
    "Polisi menahan dua pria pada Senin karena diduga terlibat kasus perampokan toko emas di "
    "Jakarta Pusat. Kapolres mengatakan uang tunai sebanyak Rp50 juta telah disita dan "
    "tersangka ditahan selama 20 hari."
)
ID_3 = (
    "Banjir merendam ratusan rumah di Kabupaten Bandung setelah hujan deras mengguyur "
    "wilayah itu sejak Minggu malam. Badan Penanggulangan Bencana Daerah mengerahkan perahu "
    "karet untuk mengevakuasi warga lanjut usia dan anak-anak."
)
ID_4 = (
    "Bank Indonesia mempertahankan suku bunga acuan pada level enam persen dalam rapat dewan "
    "gubernur bulan ini. Gubernur bank sentral itu mengatakan keputusan tersebut sejalan "
    "dengan upaya menjaga stabilitas nilai tukar rupiah."
)
EN = (
    "The Indonesian government announced an increase in subsidised fuel prices on Saturday "
    "because the burden on the state budget kept growing. The president asked people to stay "
    "calm and not to panic-buy fuel at petrol stations."
)
EN_2 = (
    "Analysts said the decision would weigh on household spending and could push inflation "
    "higher in the coming months, especially in rural areas where incomes are lower."
)
MS = (
    "Polis menahan dua lelaki pada hari Isnin kerana disyaki terlibat dalam kes rompakan di "
    "sebuah kedai emas di Kuala Lumpur. Ketua Polis Daerah berkata wang tunai sebanyak "
    "RM50,000 telah dirampas dan suspek akan direman selama tujuh hari sahaja. Beliau berkata "
    "bahawa siasatan masih dijalankan mengikut Seksyen 395 Kanun Keseksaan."
)
# Indonesian that lingua, on its own, calls Malay (no Malay spelling in it at all).
ID_LINGUA_SAYS_MALAY = (
    "Kapal nelayan itu tenggelam di perairan Natuna. Tim penyelamat masih mencari dua awak "
    "yang hilang sejak semalam."
)


def _shares(analysis: Analysis) -> dict[str, float]:
    return {s.language: s.share for s in analysis.languages}


@pytest.mark.parametrize(
    ("text", "expected"),
    [(ID, "id"), (ID_2, "id"), (EN, "en"), (EN_2, "en"), (MS, "ms")],
    ids=["id", "id-2", "en", "en-2", "ms"],
)
def test_document_language(pipeline: Pipeline, text: str, expected: str) -> None:
    a = pipeline.analyze(text)
    assert a.language == expected
    assert _shares(a) == {expected: 1.0}
    assert not any("mixed" in w for w in a.warnings)


def test_indonesian_that_lingua_calls_malay_stays_indonesian(pipeline: Pipeline) -> None:
    from lingua import Language, LanguageDetectorBuilder

    lingua = LanguageDetectorBuilder.from_languages(
        Language.INDONESIAN, Language.MALAY, Language.ENGLISH
    ).build()
    assert lingua.detect_language_of(ID_LINGUA_SAYS_MALAY) == Language.MALAY  # the premise
    a = pipeline.analyze(ID_LINGUA_SAYS_MALAY)
    assert a.language == "id"
    assert _shares(a) == {"id": 1.0}


def test_marker_words_settle_indonesian_or_malay(pipeline: Pipeline) -> None:
    languages = pipeline.languages
    assert languages.document_language(MS) == "ms"
    # the same story in Indonesian spelling: karena, uang, Senin, polisi
    assert languages.document_language(ID_2) == "id"


def test_mixed_language_page(pipeline: Pipeline) -> None:
    a = pipeline.analyze("\n\n".join([ID_2, EN, ID, EN_2]))
    assert a.language == "id"
    shares = _shares(a)
    assert set(shares) == {"id", "en"}
    assert shares["id"] > shares["en"] >= 0.2
    assert sum(shares.values()) == pytest.approx(1.0, abs=0.002)
    assert [s.language for s in a.languages] == ["id", "en"]  # biggest share first
    (warning,) = [w for w in a.warnings if "mixed-language" in w]
    assert "id" in warning and "en" in warning


def test_a_small_share_of_another_language_is_not_mixed(pipeline: Pipeline) -> None:
    a = pipeline.analyze("\n\n".join([ID, ID_2, ID_3, ID_4, EN_2]))
    assert a.language == "id"
    shares = _shares(a)
    assert 0 < shares["en"] < 0.2 < shares["id"]
    assert not any("mixed" in w for w in a.warnings)


def test_given_language_is_used_as_is(pipeline: Pipeline) -> None:
    assert pipeline.analyze(ID, lang="en").language == "en"
    assert pipeline.analyze(EN, lang="id").language == "id"
    assert pipeline.analyze(MS, lang="id").language == "id"


def test_too_little_text_has_no_language(pipeline: Pipeline) -> None:
    a = pipeline.analyze("OK 123")
    assert a.language is None and a.languages == []


@pytest.mark.parametrize("code", ["xx", "indonesian"])
def test_unknown_given_language_is_an_error(pipeline: Pipeline, code: str) -> None:
    with pytest.raises(PantauError):
        pipeline.analyze(ID, lang=code)


def test_identifier_configuration_errors() -> None:
    with pytest.raises(ConfigError, match="unknown language"):
        LanguageIdentifier(["id", "xx"])
    with pytest.raises(ConfigError, match="at least two"):
        LanguageIdentifier(["id"])
