"""Language packs: what pantau knows about a language, as data files.

Each `lang/<code>/` folder holds plain data (TOML and word lists), no code: cleaning
patterns, abbreviations that do not end a sentence, marker words. Adding a language means
adding a folder. `load_pack` reads and caches one; `available_packs` lists them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from pantau.errors import ConfigError


@dataclass(frozen=True)
class LanguagePack:
    code: str
    clean: dict[str, Any] = field(default_factory=dict)
    abbreviations: frozenset[str] = frozenset()
    """Lower-cased abbreviations (without the final dot) after which a sentence goes on."""
    markers: frozenset[str] = frozenset()
    """Words frequent in this language and rare in its close neighbours, case-sensitive
    ("wang" is Malay for money, "Wang" a surname)."""
    stopwords: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    """Words that head an organisation's name ("Kementerian", "Council")."""
    place_heads: frozenset[str] = frozenset()
    """Words that head a place's name ("Kabupaten", "Jalan")."""
    name_particles: frozenset[str] = frozenset()
    """Lower-case words that may sit inside a name ("von", "of"); where listed, any other
    lower-case word ends a name."""
    name_openers: tuple[tuple[str, ...], ...] = ()
    """Case-sensitive word sequences that open a personal name ("I Ketut", "Anak Agung"),
    longest first."""
    name_opener_starts: frozenset[str] = frozenset()
    """The first words of `name_openers`."""
    articles: frozenset[str] = frozenset()
    """Articles that may open a name span but are not part of the name ("the")."""
    calendar_words: frozenset[str] = frozenset()
    """Weekday and month names: never a named entity on their own."""
    sections: frozenset[str] = frozenset()
    """Section labels that head a page ("Nasional", "World")."""
    conjunctions: frozenset[str] = frozenset()
    """Words joining names into a list ("dan", "and")."""
    home_country: str | None = None
    """ISO alpha-3 of the country most news in the language is about (`pack.toml`)."""
    name_markers: frozenset[tuple[str, ...]] = frozenset()
    """Words after which capitalised words or initials are a person's name ("berinisial
    HM", `pack.toml`)."""
    initials_markers: frozenset[tuple[str, ...]] = frozenset()
    """Those of `name_markers` that introduce someone by initials only (`pack.toml`)."""
    home_place_heads: frozenset[tuple[str, ...]] = frozenset()
    """Kinds of place only the home country has ("Kecamatan", "Desa"; `pack.toml`)."""
    not_names: frozenset[tuple[str, ...]] = frozenset()
    """Names of things that are no person, organisation or place ("IHSG", "APBN",
    "Allah SWT"; `pack.toml`): the entities stage drops them."""
    admin_heads: frozenset[tuple[str, ...]] = frozenset()
    """Words that name an administrative unit after its town ("Kota", "Kabupaten";
    `pack.toml`)."""
    org_kinds: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Kinds of organisation that open a name ("polres", "rumah sakit") -> CAMEO sector
    (`org_kinds.toml`)."""
    title_org_kinds: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Kinds of organisation only right after a title ("Ketua MK"): alone, the words are
    also common words or given names ("Ma", "Pan"; `org_kinds.toml`'s `after_title`)."""
    home_org_kinds: frozenset[tuple[str, ...]] = frozenset()
    """Those of `org_kinds` and `title_org_kinds` that exist in the home country only
    ("polres", "sman")."""
    org_units: frozenset[tuple[str, ...]] = frozenset()
    """Kinds of no sector: units inside a body ("bidang", "tim"; `org_kinds.toml`)."""


def _pack_dir(code: str):  # noqa: ANN202 - a Traversable
    return resources.files("pantau.lang") / code


def available_packs() -> list[str]:
    """Codes of the language packs (folders of `pantau.lang`)."""
    return list(_pack_codes())


@cache
def _pack_codes() -> tuple[str, ...]:
    # listed once per process: the stages ask for every sentence ("lang in
    # available_packs()"), and listing the folder each time cost the entities stage a
    # third of its time
    root = resources.files("pantau.lang")
    return tuple(
        sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))
    )


def _words(folder, name: str, lower: bool = True) -> frozenset[str]:  # noqa: ANN001
    file = folder / name
    if not file.is_file():
        return frozenset()
    lines = file.read_text(encoding="utf-8").splitlines()
    words = (w.strip() for w in lines if w.strip() and not w.startswith("#"))
    return frozenset(w.lower() if lower else w for w in words)


@cache
def load_pack(code: str) -> LanguagePack:
    folder = _pack_dir(code)
    if not folder.is_dir():
        raise ConfigError(f"no language pack for {code!r} (have: {', '.join(available_packs())})")
    clean = _toml(folder, code, "clean.toml")
    facts = _toml(folder, code, "pack.toml")
    kinds = _org_kinds(code, _toml(folder, code, "org_kinds.toml"))
    openers = tuple(sorted(
        (tuple(w.split()) for w in _words(folder, "name_openers.txt", lower=False)),
        key=len, reverse=True,
    ))
    return LanguagePack(
        code=code,
        clean=clean,
        abbreviations=_words(folder, "abbreviations.txt"),
        markers=_words(folder, "markers.txt", lower=False),
        stopwords=_words(folder, "stopwords.txt"),
        sections=_words(folder, "sections.txt"),
        articles=_words(folder, "articles.txt"),
        name_particles=_words(folder, "name_particles.txt"),
        name_openers=openers,
        name_opener_starts=frozenset(opener[0] for opener in openers),
        calendar_words=_words(folder, "calendar.txt"),
        org_words=_words(folder, "org_words.txt"),
        place_heads=_words(folder, "place_heads.txt"),
        conjunctions=_words(folder, "conjunctions.txt"),
        home_country=facts.get("home_country") or None,
        name_markers=_phrases(facts, "name_markers"),
        initials_markers=_phrases(facts, "initials_markers"),
        admin_heads=_phrases(facts, "admin_heads"),
        not_names=_phrases(facts, "not_names"),
        home_place_heads=_phrases(facts, "home_place_heads"),
        org_kinds={k: sector for k, (sector, _, title) in kinds.items() if sector and not title},
        title_org_kinds={k: sector for k, (sector, _, title) in kinds.items() if sector and title},
        home_org_kinds=frozenset(k for k, (_, home, _) in kinds.items() if home),
        org_units=frozenset(k for k, (sector, _, _) in kinds.items() if not sector),
    )


def _phrases(facts: dict[str, Any], key: str) -> frozenset[tuple[str, ...]]:
    """A `pack.toml` list of phrases as lower-cased word tuples."""
    return frozenset(tuple(p.lower().split()) for p in facts.get(key, ()))


def _org_kinds(
    code: str, data: dict[str, Any]
) -> dict[tuple[str, ...], tuple[str | None, bool, bool]]:
    """Each kind of `org_kinds.toml` -> (sector, home, after_title). A kind listed twice
    is an error: the file is the pack's one list of kinds, and a kind has one sector."""
    kinds: dict[tuple[str, ...], tuple[str | None, bool, bool]] = {}
    for table in data.get("kinds", []):
        for word in table["words"]:
            kind = tuple(word.lower().split())
            if kind in kinds:
                raise ConfigError(f"lang/{code}/org_kinds.toml: {word!r} is listed twice")
            kinds[kind] = (table.get("sector"), bool(table.get("home")),
                           bool(table.get("after_title")))
    return kinds


def pack_for(lang: str | None) -> LanguagePack | None:
    """The language pack of `lang`, or None when pantau has none for it."""
    return load_pack(lang) if lang in available_packs() else None


def home_country(lang: str | None) -> str | None:
    """The language's home country (`pack.toml`), or None (no pack, or none stated)."""
    pack = pack_for(lang)
    return pack.home_country if pack else None


def _toml(folder, code: str, name: str) -> dict[str, Any]:  # noqa: ANN001
    file = folder / name
    if not file.is_file():
        return {}
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"lang/{code}/{name}: {exc}") from exc
