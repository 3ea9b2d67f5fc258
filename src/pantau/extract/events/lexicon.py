"""Event patterns and the words around them, read from a language pack's `events.toml`
(pantau's own format, documented in `lang/id/events.toml`) and from PETRARCH verb
dictionaries (`petrarch.py`).

A trigger is a tuple of lower-case tokens ("menjatuhkan", "sanksi"). Each trigger has one
or more `Pattern`s; the coder picks the most specific one whose context words are there.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any, Literal

from pantau.errors import ConfigError
from pantau.extract.events.codebook import known

Voice = Literal["active", "passive", "noun"]
Phrase = tuple[str, ...]
"""Lower-case tokens. A token ending in "*" matches any token it begins (a stem)."""

MODALITIES = ("negation", "future", "hypothetical", "reported", "demanded")


@dataclass(frozen=True)
class Pattern:
    code: str | None
    """CAMEO code, or None: the context matched says this is not an event (PETRARCH's
    `[---]`)."""
    voice: Voice = "active"
    after: tuple[Phrase, ...] = ()
    """Words that must follow the trigger in the clause, in order (one phrase)."""
    before: tuple[Phrase, ...] = ()
    """Words that must come before the trigger in the clause, in order (pantau's `before`
    key: one of them)."""
    alternatives: bool = False
    """`after` and `before` list alternatives (pantau's `object` and `before` keys), any
    one of which must be there; otherwise all of their phrases, in order (PETRARCH)."""
    symmetric: bool = False
    dyadic: bool = False
    """The event needs a target actor (the entry's `dyadic` key): support for no one is
    support for a thing ("mendukung pertumbuhan ekonomi"), no event."""
    object_first: bool = False
    """A base form whose agent stands right before it and whose object comes first
    ("pelaku sudah kami tahan"; the pack's `object_first` key, voice passive)."""
    agents: frozenset[str] = frozenset()
    """Sectors of which the source must be one (the entry's `agents` key): "mendalami hal
    tersebut" is an investigation when police or prosecutors do it, study otherwise."""
    untargeted: bool = False
    """The actor after the trigger is no target (the entry's `untargeted` key): a court
    "mengabulkan gugatan Daniel" finds for Daniel, against a respondent it rarely names."""
    reverse: str | None = None
    """The code of a second event, from the target to the source (PETRARCH's paired codes:
    `[042:043]`, "X visited Y" is also Y hosting X)."""


@dataclass
class EventLexicon:
    language: str
    triggers: dict[Phrase, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    words: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    modality: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    agents: dict[Phrase, str] = field(default_factory=dict)
    """Unnamed group nouns ("pasukan", "police") -> CAMEO sector code."""
    dyadic: bool = False
    """Every event needs a target as well as a source (the pack's top-level `dyadic`)."""
    place_agent_roots: frozenset[str] = frozenset()
    """CAMEO roots whose events, when the sentence names no agent, have the place where
    they happen as their source, coded by its country (the pack's top-level
    `place_agent_roots`): "A roadside bombing near Samarra killed one U.S. soldier"."""
    noun_agent_reach: int | None = None
    """At most this many tokens between a nominal trigger and the agent preposition of
    its agent (the pack's top-level `noun_agent_reach`); None: the whole target window."""
    request_direct: bool = False
    """What an appeal asks may follow the one asked at once, with no word of
    `request_content` between ("meminta polisi mengusut"; the pack's top-level key)."""
    plural_reduplication: bool = False
    """A group noun written twice with a hyphen is its plural ("saksi-saksi",
    "pejabat-pejabat", "guru-gurunya"; the pack's top-level key)."""
    role_sectors: bool = False
    """A person of no sector takes the sector of the body its role names by the pack's
    group nouns ("Ketua DPRD Kota Bogor"; the pack's top-level key)."""
    person_sector: str | None = None
    """The sector of a named person the article gives no role and no sector ("CVL": the
    private people of a story, a complainant, a celebrity; the pack's top-level key).
    None: such a person keeps the country alone."""
    obligation_code: str | None = None
    """The CAMEO code of a reported obligation: a saying verb, then a clause whose subject
    is an actor and whose verb follows one of the pack's `[words] obligation` ("X said
    that Y must ..." is X demanding of Y). None: no such events (the top-level key)."""
    forms: dict[str, str] = field(default_factory=dict)
    """Verb-form suffix -> when a form with it is a verb: "subject" (right after an
    actor or pronoun) or the name of a `[words]` list the word before must be in."""
    warnings: list[str] = field(default_factory=list)
    """What reading a user's dictionary noticed and the user should know (codes outside
    CAMEO), one line each."""

    @cached_property
    def max_trigger(self) -> int:
        """Tokens in the longest trigger."""
        return max(map(len, self.triggers), default=1)

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The words triggers start with."""
        return frozenset(t[0] for t in self.triggers)

    def word_set(self, name: str) -> frozenset[Phrase]:
        return self.words.get(name, frozenset())

    def add(self, trigger: Phrase, pattern: Pattern) -> None:
        self.triggers[trigger].append(pattern)
        self._changed()

    def _changed(self) -> None:
        for cached in ("max_trigger", "first_words"):
            self.__dict__.pop(cached, None)

    def merge(self, other: EventLexicon) -> None:
        """Add `other` (a user's dictionary): its patterns replace this lexicon's for the
        triggers it defines, as a PETRARCH user expects of their own verb dictionary."""
        for trigger, patterns in other.triggers.items():
            self.triggers[trigger] = list(patterns)
        self._changed()
        for name, phrases in other.words.items():
            self.words[name] = self.word_set(name) | phrases
        for name, phrases in other.modality.items():
            self.modality[name] = self.modality.get(name, frozenset()) | phrases
        self.agents.update(other.agents)
        self.forms.update(other.forms)
        self.dyadic = self.dyadic or other.dyadic
        self.place_agent_roots = self.place_agent_roots | other.place_agent_roots
        self.noun_agent_reach = other.noun_agent_reach or self.noun_agent_reach
        self.request_direct = self.request_direct or other.request_direct
        self.plural_reduplication = self.plural_reduplication or other.plural_reduplication
        self.role_sectors = self.role_sectors or other.role_sectors
        self.person_sector = other.person_sector or self.person_sector
        self.obligation_code = other.obligation_code or self.obligation_code


def phrase(text: str) -> Phrase:
    return tuple(text.lower().split())


def _phrases(values: Any, where: str) -> frozenset[Phrase]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(f"{where}: expected a list of strings")
    return frozenset(phrase(v) for v in values if v.strip())


def check_code(code: str, where: str) -> str:
    if not known(code):
        raise ConfigError(f"{where}: unknown CAMEO event code {code!r}")
    return code


def read_toml(text: str, language: str, where: str) -> EventLexicon:
    """pantau's own format (see the header of `lang/id/events.toml`)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    lexicon = EventLexicon(language)
    lexicon.dyadic = bool(data.get("dyadic", False))
    lexicon.place_agent_roots = frozenset(map(str, data.get("place_agent_roots", [])))
    if data.get("noun_agent_reach") is not None:
        lexicon.noun_agent_reach = int(data["noun_agent_reach"])
    lexicon.request_direct = bool(data.get("request_direct", False))
    lexicon.plural_reduplication = bool(data.get("plural_reduplication", False))
    lexicon.role_sectors = bool(data.get("role_sectors", False))
    if data.get("person_sector"):
        lexicon.person_sector = str(data["person_sector"]).upper()
    if data.get("obligation_code"):
        lexicon.obligation_code = check_code(str(data["obligation_code"]),
                                             f"{where} obligation_code")
    for name, values in data.get("words", {}).items():
        if not isinstance(values, list):
            continue
        lexicon.words[name] = _phrases(values, f"{where} [words] {name}")
    for name, values in data.get("modality", {}).items():
        if name not in MODALITIES:
            raise ConfigError(f"{where}: [modality] {name}: not one of {', '.join(MODALITIES)}")
        lexicon.modality[name] = _phrases(values, f"{where} [modality] {name}")
    lexicon.forms.update({str(k): str(v) for k, v in data.get("forms", {}).items()})
    for name, sector in data.get("agents", {}).items():
        lexicon.agents[phrase(name)] = str(sector)
    for number, entry in enumerate(data.get("event", []), 1):
        here = f"{where} event #{number}"
        code = check_code(str(entry.get("code", "")), here)
        objects = tuple(sorted(_phrases(entry.get("object", []), here)))
        before = tuple(sorted(_phrases(entry.get("before", []), here)))
        for voice, key in (("active", "verbs"), ("passive", "passive"), ("noun", "nouns"),
                           ("passive", "object_first")):
            for trigger in _phrases(entry.get(key, []), f"{here} {key}"):
                lexicon.add(
                    trigger,
                    Pattern(
                        code,
                        voice,
                        after=objects,
                        before=before,
                        alternatives=True,
                        symmetric=bool(entry.get("symmetric", False)),
                        dyadic=bool(entry.get("dyadic", False)),
                        object_first=key == "object_first",
                        agents=frozenset(map(str, entry.get("agents", []))),
                        untargeted=bool(entry.get("untargeted", False)),
                    ),
                )
    return lexicon


@cache
def load_event_lexicon(lang: str | None) -> EventLexicon | None:
    """The language pack's event lexicon: its `events.toml`, then the PETRARCH agent and
    verb dictionaries it names (`petrarch_agents`, `petrarch_verbs`), whose entries come
    after the pack's own so that the pack's win ties. None when the pack has no events."""
    from pantau.extract.events import petrarch

    folder = resources.files("pantau.lang") / (lang or "_")
    file = folder / "events.toml"
    if not file.is_file():
        return None
    where = f"lang/{lang}/events.toml"
    text = file.read_text(encoding="utf-8")
    lexicon = read_toml(text, lang or "", where)
    settings = tomllib.loads(text)
    agents = settings.get("petrarch_agents")
    if agents:
        for entry in petrarch.read_actors((folder / agents).read_text(encoding="utf-8"), agents):
            if entry.agent:
                lexicon.agents.setdefault(entry.name, entry.code)
    verbs = settings.get("petrarch_verbs")
    if verbs:
        # (one act, one event: the pack's own dictionary keeps no second, reverse code)
        extra = petrarch.read_verbs((folder / verbs).read_text(encoding="utf-8"), lang, verbs,
                                    reverse_codes=False)
        # a verb of the pack's `context_only` is coded by a pattern whose words are there,
        # never by its block's default code alone ("think", "took place")
        bare = lexicon.word_set("context_only")
        for trigger, patterns in extra.triggers.items():
            for pattern in patterns:
                if trigger in bare and not (pattern.after or pattern.before):
                    continue
                lexicon.add(trigger, pattern)
    return lexicon
