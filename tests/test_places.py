"""The places stage: toponyms from the entities layer resolved to knowledge-base places."""

from __future__ import annotations

import pytest

from conftest import shared_path
from pantau.eval.places import GoldDoc, GoldToponym, evaluate, haversine_km
from pantau.extract.places import PlaceResolver
from pantau.kb import KnowledgeBase
from pantau.model import Analysis, Entity, Mention, Place
from pantau.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def resolver(pipe: Pipeline) -> PlaceResolver:
    return PlaceResolver(KnowledgeBase.load())


def places_of(pipe: Pipeline, resolver: PlaceResolver, text: str, **kw: str) -> Analysis:
    analysis = pipe.analyze(text, **kw)
    resolver(analysis)
    return analysis


def by_name(analysis: Analysis) -> dict[str, Place]:
    return {m.text: p for p in analysis.places for m in p.mentions}


def test_reference_article(pipe: Pipeline, resolver: PlaceResolver) -> None:
    text = shared_path("seed", "rusia-nato-id.txt").read_text(encoding="utf-8")
    analysis = places_of(pipe, resolver, text, published="2022-01-10")
    found = by_name(analysis)
    expected = {
        "Moskow": "RUS", "Jenewa": "CHE", "Brussel": "BEL", "Wina": "AUT", "Washington": "USA",
        "Polandia": "POL", "Jerman": "DEU", "Belarus": "BLR", "Kazakhstan": "KAZ",
        "Ukraina": "UKR",
    }
    for name, country in expected.items():
        assert found[name].country == country, name
    krimea = [p for p in analysis.places if "Krimea" in p.name]
    assert krimea and krimea[0].country == "UKR" and krimea[0].feature == "region"
    cities = {
        "Moskow": (55.7558, 37.6173), "Jenewa": (46.2044, 6.1432), "Brussel": (50.8503, 4.3517),
        "Wina": (48.2082, 16.3738), "Washington": (38.9072, -77.0369),
    }
    for name, (lat, lon) in cities.items():
        place = found[name]
        assert place.feature == "city" and place.geonames_id
        assert haversine_km(lat, lon, place.lat, place.lon) < 25, name
    # every mention's offsets point at its text; ids are p1, p2, ... in text order
    for i, place in enumerate(analysis.places, start=1):
        assert place.id == f"p{i}"
        for m in place.mentions:
            assert analysis.text[m.start : m.end] == m.text
    firsts = [p.mentions[0].start for p in analysis.places]
    assert firsts == sorted(firsts)


def test_washington_in_indonesian_foreign_news(pipe: Pipeline, resolver: PlaceResolver) -> None:
    text = (
        "Presiden Amerika Serikat Donald Trump bertemu Perdana Menteri Jepang di Gedung "
        "Putih, Senin. Pemerintah AS menyebut pertemuan di Washington itu membahas tarif "
        "impor. Washington menolak tuduhan Beijing soal perang dagang."
    )
    found = by_name(places_of(pipe, resolver, text))
    washington = found["Washington"]
    assert washington.country == "USA" and washington.feature == "city"
    assert haversine_km(38.8951, -77.0364, washington.lat, washington.lon) < 25


def test_indonesian_city_in_detik_like_text(pipe: Pipeline, resolver: PlaceResolver) -> None:
    text = (
        "Polisi menangkap dua pelaku pencurian sepeda motor di Bogor, Jawa Barat, Sabtu "
        "(18/10/2025). Kapolres mengatakan pelaku juga beraksi di Depok dan Bekasi."
    )
    found = by_name(places_of(pipe, resolver, text))
    for name in ("Bogor", "Depok", "Bekasi"):
        assert found[name].country == "IDN", name
    assert haversine_km(-6.5944, 106.7892, found["Bogor"].lat, found["Bogor"].lon) < 25
    assert found["Jawa Barat"].feature == "admin"


def test_regency_by_its_generic_head(resolver: PlaceResolver) -> None:
    assert resolver.candidates("Kabupaten Lembata", "id")[0].entry.country == "IDN"
    assert resolver.candidates("Kota Bogor", "id")[0].entry.name == "Bogor"
    # a village's name is looked up only at home, never as a town elsewhere
    assert all(m.entry.country == "IDN" for m in resolver.candidates("Desa Paris", "id"))


def test_demonym_is_no_place(pipe: Pipeline, resolver: PlaceResolver) -> None:
    en = places_of(pipe, resolver, "Russian troops shelled the city. Officials in Kyiv said "
                   "the attack killed three people.", lang="en")
    assert "Russian" not in by_name(en)
    assert by_name(en)["Kyiv"].country == "UKR"
    text = ("Kota itu diserang pasukan Rusia pada Senin. Pejabat di Kyiv mengatakan serangan "
            "menewaskan tiga orang. Rusia membantah.")
    id_ = places_of(pipe, resolver, text)
    rusia = [m.start for p in id_.places for m in p.mentions if m.text == "Rusia"]
    # "pasukan Rusia" is an actor (Russian troops); "Rusia membantah" a metonym, a place
    assert rusia == [text.rindex("Rusia")]
    assert by_name(id_)["Kyiv"].country == "UKR"


def test_unknown_place_does_not_crash(resolver: PlaceResolver) -> None:
    text = "Banjir melanda Desa Zzyzxqwe sejak pagi."
    start = text.index("Desa Zzyzxqwe")
    analysis = Analysis(
        id="t", language="id", text=text,
        entities=[Entity(id="e1", name="Desa Zzyzxqwe", type="LOC", mentions=[
            Mention(start=start, end=start + 13, text="Desa Zzyzxqwe")])],
    )
    resolver(analysis)
    (place,) = analysis.places
    assert place.name == "Desa Zzyzxqwe" and place.resolved is None
    assert place.lat is None and place.lon is None and place.geonames_id is None
    assert place.mentions[0].start == start
    empty = Analysis(id="e", language=None, text="Tidak ada tempat.")
    resolver(empty)
    assert empty.places == []


def test_unknown_village_takes_the_area_the_article_places_it_in(pipe: Pipeline) -> None:
    analysis = pipe.analyze(
        "Banjir melanda Desa Sukamaju di Kecamatan Cisolok, Kabupaten Sukabumi, pada Senin "
        "pagi. Warga Desa Sukamaju mengungsi ke balai desa.", lang="id")
    places = {p.name: p for p in analysis.places}
    regency = places["Kabupaten Sukabumi"]
    village = places["Desa Sukamaju"]
    assert regency.resolved == "Sukabumi Regency" and regency.within is None
    assert village.resolved is None and village.geonames_id is None, "no invented identity"
    assert village.within == regency.id and (village.lat, village.lon) == (regency.lat, regency.lon)
    # far from any known area, or in another country: no coordinates at all
    lone = pipe.analyze("Banjir melanda Desa Zzyzxqwe sejak pagi.", lang="id")
    assert all(p.lat is None and p.within is None for p in lone.places)


def test_evaluate_counts_found_and_distance() -> None:
    doc = GoldDoc("d", "di Bogor dan Xyz", "id", toponyms=[
        GoldToponym("Bogor", 3, 8, -6.59, 106.79), GoldToponym("Xyz", 13, 16, 0.0, 0.0)])
    place = Place(id="p1", name="Bogor", lat=-6.6, lon=106.8,
                  mentions=[Mention(start=3, end=8, text="Bogor")])
    score = evaluate([doc], lambda d: [place])
    assert (score.gold, score.found, score.correct) == (2, 1, 1)
    assert score.accuracy == 1.0 and score.recall == 0.5
