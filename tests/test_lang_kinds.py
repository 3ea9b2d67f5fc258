"""Kinds of organisation: one list per language pack (`org_kinds.toml`)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from pantau.errors import ConfigError
from pantau.extract.entities.roles import sector_of_body
from pantau.lang import _org_kinds, available_packs, load_pack


def _data(code: str, name: str) -> dict:
    file = resources.files("pantau.lang") / code / name
    return tomllib.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}


@pytest.mark.parametrize("code", available_packs())
def test_a_pack_lists_each_kind_once_and_its_titles_list_none(code: str) -> None:
    words = [w for table in _data(code, "org_kinds.toml").get("kinds", []) for w in table["words"]]
    assert len(words) == len(set(words))
    assert "org" not in _data(code, "roles.toml")  # titles only: kinds are org_kinds.toml


def test_a_kind_listed_twice_is_an_error() -> None:
    data = {"kinds": [{"words": ["pesantren"], "sector": "EDU"},
                      {"words": ["pesantren"], "sector": "REL"}]}
    with pytest.raises(ConfigError, match="listed twice"):
        _org_kinds("xx", data)


def test_the_indonesian_pack_loads_its_kinds_by_key() -> None:
    pack = load_pack("id")
    assert pack.org_kinds[("pesantren",)] == "EDU"  # was REL as a title's body, EDU alone
    assert pack.org_kinds[("universitas",)] == "EDU"
    assert ("polres",) in pack.home_org_kinds
    assert ("universitas",) not in pack.home_org_kinds  # "Universitas Harvard"
    # a state body in every country that has one: "Kantor Ombudsman Peru" is PERGOV
    assert pack.org_kinds[("ombudsman",)] == "GOV" and ("ombudsman",) not in pack.home_org_kinds
    assert ("bidang",) in pack.org_units and ("bidang",) not in pack.org_kinds
    # "Ma Ying-jeou", "Pan Gongsheng": a kind only right after a title
    assert ("ma",) not in pack.org_kinds and pack.title_org_kinds[("ma",)] == "JUD"


@pytest.mark.parametrize(
    ("body", "sector", "country"),
    [
        ("Seksi Kesejahteraan Sosial Kecamatan Manonjaya", "GOV", "IDN"),
        ("Pondok Pesantren Al Khoziny", "EDU", "IDN"),
        ("Hubungan Media dan Kehumasan pada Puspenkum Kejagung RI", "JUD", "IDN"),
        ("MK", "JUD", "IDN"),  # after a title: "Ketua MK"
        ("Universitas Harvard", "EDU", None),
        ("Satuan Tugas Koordinasi dan Supervisi KPK", None, None),
    ],
)
def test_a_titles_body_takes_its_sector_from_the_packs_kinds(
    body: str, sector: str | None, country: str | None
) -> None:
    assert sector_of_body(body, load_pack("id")) == (sector, country)


def test_an_english_titles_body_takes_its_sector_from_the_english_kinds() -> None:
    pack = load_pack("en")
    assert sector_of_body("Senate Foreign Relations Committee", pack) == ("LEG", None)
    assert sector_of_body("Toronto Police Service", pack) == ("COP", None)
