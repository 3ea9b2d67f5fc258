"""The events stage: who did what to whom, coded in CAMEO and PLOVER.

Shallow, pattern-based coding of each sentence, language-neutral (the words are in the
language pack's `events.toml`, or a PETRARCH dictionary):

1. Actors: `actors.ActorFinder` (entities, unnamed group nouns, user dictionaries).
2. Triggers: the longest phrase of the lexicon at each token outside a name; its patterns
   are tried most specific first (context words that must follow or precede it in the
   clause), and a pattern coded `None` says the phrase is no event here.
3. Source and target by voice. Active: the nearest actor before the trigger (in its
   clause, else earlier in the sentence), the first actor after it. Passive: the subject
   before is the target, the agent after "oleh"/"by" (or right after the verb) the source.
   Noun: "serangan Rusia ke Ukraina", "invasi Ukraina oleh Rusia", or the clause subject
   ("Rusia melancarkan serangan"). A pronoun or a first-person subject in a quote is the
   last named actor or the quote's speaker. No source, no event.
4. Compound actors ("Rusia dan Belarus") make one event with every member listed in
   `sources`/`targets`, as PLOVER's actor lists do; a reciprocal verb ("X dan Y bertemu")
   makes X the source and Y the target.
5. Modality (`modality.py`), then place and date from the trigger's clause when those
   layers exist.

Why not a parser-based coder like PETRARCH: there is no Indonesian constituency parser we
could ship, and for SVO news prose the nearest-actor rules within clause boundaries get
most of what a parse gives (figures in docs/accuracy.md).

This module holds the stage (`EventCoder`) and the per-document loop (`_Coder`); the
rules are mixins of `_Coder`, one module each: `clauses` (the sentence record, clause
boundaries), `document` (name parts, suspects, the headline's member), `triggers`,
`subjects`, `objects`, `nouns` (a nominal trigger's agent from its clause), `speakers`
(pronouns and quote speakers), `roles` (source and target by voice) and `emit` (the
`Event`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pantau.extract.entities.roles import load_roles
from pantau.extract.events.actors import (
    ActorFinder,
    ActorSpan,
    Resolver,
    main_country,
    replace_actor,
)
from pantau.extract.events.clauses import QUOTE_MARKS, _ClauseRules, _Sentence
from pantau.extract.events.confidence import PRIOR, load_confidence_model
from pantau.extract.events.dictionaries import (
    read_actor_file,
    read_discard_files,
    read_verb_file,
)
from pantau.extract.events.document import _DocumentRules
from pantau.extract.events.emit import _EmitRules
from pantau.extract.events.lexicon import EventLexicon, Pattern, Phrase, load_event_lexicon
from pantau.extract.events.matching import find_longest
from pantau.extract.events.nouns import _NounAgentRules
from pantau.extract.events.objects import _ObjectRules
from pantau.extract.events.petrarch import ActorEntry, Discards
from pantau.extract.events.roles import _RoleRules
from pantau.extract.events.speakers import _SpeakerRules
from pantau.extract.events.subjects import _SubjectRules
from pantau.extract.events.triggers import FOLLOWING, _TriggerRules
from pantau.extract.events.where import EventPlaces
from pantau.extract.quotes.lexicon import load_quote_lexicon
from pantau.kb import KnowledgeBase
from pantau.lang import home_country, pack_for
from pantau.model import Actor, Analysis, Entity, Event
from pantau.nlp.tokens import Token, sentence_tokens

LOCATED_SECTORS = frozenset({"COP", "JUD", "CVL"})
"""Sectors of unnamed actors who belong where they are (`_placed_abroad`)."""
ANTECEDENT_SENTENCES = 2
"""Sentences before an object pronoun's own in which its antecedent is looked for."""
NOT_EVENTS = frozenset({"010"})
"""CAMEO 010 "make statement, not specified" is every "said": the quotes layer holds
speech, and coding it as events would drown the ones that matter."""


@dataclass(frozen=True)
class _Language:
    """What coding one language needs, built once per pipeline: the lexicon (with the
    user's dictionaries), the actor finder, and the word sets the rules consult."""

    lexicon: EventLexicon
    finder: ActorFinder
    first_words: frozenset[str]
    """The words triggers start with: most tokens are none, and a set lookup says so."""
    speech: frozenset[Phrase]
    """Saying verbs (the quotes stage's): each opens the clause of what was said."""
    boundaries: frozenset[Phrase]
    clitics: tuple[str, ...]
    home_country: str | None
    speech_tags: frozenset[Phrase] = frozenset()
    """Cue words of a speech tag after a quote (the quotes stage's `after`: "kata",
    "tegas", "jelas"): most are ordinary words too ("langkah tegas untuk", "lebih
    lanjut"), so they open a clause only after a mark ("...,” tegas Sultan")."""
    place_heads: frozenset[str] = frozenset()
    """Words naming a kind of place ("masjid", "jalan"): a place whose name opens with
    one and that no actor code reaches is a site, never a target."""
    relations: frozenset[Phrase] = frozenset()
    """Kin and friends (the roles' `relation`): "istri Budi Santoso" is his wife."""
    demonstratives: frozenset[Phrase] = frozenset()
    """A description of a person opening a sentence and closed by one of these
    ("Politikus PKB ini") is the last person named (the quotes stage's words and its
    `describes_person`, which reads it so too)."""
    political_sectors: frozenset[str] = frozenset()
    """The pack's `political_sectors` ("GOV", ...): an event needs an actor of one (or a
    country), as no news beyond politics is coded; none with a user's dictionaries, whose
    own actors are what the user codes."""
    confidence: Callable[[Mapping[str, float]], float] = lambda features: PRIOR
    """An event's confidence from how it was found (`confidence.ConfidenceModel`)."""
    discards: Discards = Discards()
    """The users' discard lists: sentences and stories with no events."""


class EventCoder:
    """A pipeline stage: fills `analysis.events` (after entities and quotes)."""

    def __init__(
        self,
        verbs: Sequence[Path] = (),
        actors: Sequence[Path] = (),
        kb: KnowledgeBase | None = None,
        discards: Sequence[Path] = (),
    ) -> None:
        """`kb`: the entity stage's knowledge base, shared (loaded here when not given).
        The user's dictionaries are read here, so a broken one fails at once (a
        `ConfigError`), not at every document."""
        self.verbs = [read_verb_file(path, "") for path in verbs]
        self.discards = read_discard_files(discards)
        self.dictionary: list[ActorEntry] = []
        for path in actors:
            self.dictionary.extend(read_actor_file(path))
        self._languages: dict[str | None, _Language | None] = {}
        self.kb = kb

    def _resolver(self, lang: str | None) -> Resolver:
        """Names -> (actor code, country) from the knowledge base."""
        if self.kb is None:
            self.kb = KnowledgeBase.load()
        kb = self.kb

        def resolve(name: str) -> tuple[str, str | None] | None:
            for entry in kb.lookup(name, lang=lang):
                code = entry.cameo or entry.country
                if code and (entry.type == "ORG" or entry.feature == "country"):
                    return code, entry.country
            return None

        return resolve

    def _known_name(self, lang: str | None) -> Callable[[str], bool]:
        """Whether the knowledge base has an entry of that name (any type)."""
        if self.kb is None:
            self.kb = KnowledgeBase.load()
        kb = self.kb
        return lambda name: bool(kb.lookup(name, lang=lang))

    def lexicon(self, lang: str | None) -> EventLexicon | None:
        """The language pack's event lexicon with the user's verb dictionaries merged."""
        base = load_event_lexicon(lang)
        if not self.verbs:
            return base
        lexicon = copy.deepcopy(base) if base else EventLexicon(lang or "")
        for user in reversed(self.verbs):
            lexicon.merge(user)
        return lexicon

    def _language(self, lang: str | None) -> _Language | None:
        if lang in self._languages:
            return self._languages[lang]
        lexicon = self.lexicon(lang)
        setup = None
        if lexicon is not None:
            roles = load_roles(lang or "")
            titles = {head: sector for head, (sector, _rank) in roles.heads.items() if sector}
            quotes = load_quote_lexicon(lang)
            speech = frozenset(
                p for p in quotes.verbs | quotes.after | quotes.anaphoric if len(p) == 1
            ) | lexicon.word_set("saying")
            # A saying verb opens the clause of what was said: in "X mengatakan Rusia
            # menyerang" the attack's subject is Rusia; in "X mengatakan akan menyerang"
            # (no subject of its own) still X. A one-word condition opens a clause too.
            conditions = {p for p in lexicon.modality.get("hypothetical", ()) if len(p) == 1}
            pack = pack_for(lang)
            setup = _Language(
                lexicon=lexicon,
                finder=ActorFinder(lexicon, self.dictionary, self._resolver(lang), titles,
                                   self._known_name(lang),
                                   pack.name_markers if pack else frozenset()),
                first_words=lexicon.first_words,
                speech=speech,
                boundaries=lexicon.word_set("clause_starts") | conditions | speech,
                speech_tags=frozenset(p for p in quotes.after if len(p) == 1)
                - quotes.verbs - lexicon.word_set("saying"),
                clitics=tuple(sorted((c for (c,) in lexicon.word_set("clitics")), key=len,
                                     reverse=True)),
                home_country=home_country(lang),
                place_heads=pack.place_heads if pack else frozenset(),
                relations=roles.relations,
                demonstratives=quotes.demonstratives,
                discards=self.discards,
                political_sectors=frozenset() if self.dictionary or self.verbs else
                frozenset(w.upper() for (w,) in lexicon.word_set("political_sectors")),
            )
            model = load_confidence_model(lang)
            if model is not None:
                setup = replace(setup, confidence=model)
        self._languages[lang] = setup
        return setup

    def __call__(self, analysis: Analysis) -> None:
        self.code(analysis)

    def code(self, analysis: Analysis) -> list[dict[str, float]]:
        """Fill `analysis.events`; returns how each event was found, in their order
        (`confidence.FEATURES`: what `pantau train events` learns from)."""
        setup = self._language(analysis.language)
        if setup is None:
            return []
        coder = _Coder(setup, analysis)
        coder.run()
        return coder.features


class _Coder(_ClauseRules, _DocumentRules, _TriggerRules, _SubjectRules, _ObjectRules,
             _NounAgentRules, _SpeakerRules, _RoleRules, _EmitRules):
    """Codes one document."""

    def __init__(self, setup: _Language, analysis: Analysis) -> None:
        self.setup = setup
        self.lexicon = setup.lexicon
        self.finder = setup.finder
        self.analysis = analysis
        self.entity_by_id = {e.id: e for e in analysis.entities}
        self.event_places = EventPlaces(
            analysis, {w for (w,) in self.lexicon.word_set("place_reached")})
        self.default_country = main_country(
            analysis, setup.home_country,
            by_entities=bool(setup.lexicon.word_set("home_by_entities")))
        self.pronouns = self.lexicon.word_set("pronouns")
        self.personal_pronouns = self.lexicon.word_set("personal_pronouns")
        self.quantifiers = self.lexicon.word_set("quantifiers")
        self.gaps = self.lexicon.word_set("trigger_gaps")
        self.first_person = self.lexicon.word_set("first_person")
        self.passive_aux = self.lexicon.word_set("passive_auxiliaries")
        self.noun_markers = self.lexicon.word_set("noun_markers")
        self.not_triggers = self.lexicon.word_set("not_triggers")
        self.adverbs = self.lexicon.word_set("adverbs")
        self.sequence = self.lexicon.word_set("sequence")
        self.subordinate = self.lexicon.word_set("subordinate")
        self.obligations = (self.lexicon.word_set("obligation")
                            if self.lexicon.obligation_code else frozenset())
        self.unnamed_people = self.lexicon.word_set("unnamed_suspects")
        self.known_names: dict[Phrase, Actor] = self._name_parts()
        """People named by a marker earlier in the document ("berinisial HM"), and the
        parts of people's names (`_name_parts`)."""
        self.headline_member = self._headline_member()
        """(entity id, code, sector) of the article's first speaker when the headline
        gives the body he speaks for and the article gives him no role."""
        self.last_person: Actor | None = None
        """The first person named in the last sentence naming one (mostly its subject),
        for a personal pronoun ("Dia", "Ia")."""
        self.last_unnamed_person: Actor | None = None
        """The first unnamed person of the last sentence naming one ("Seorang turis
        Kanada ditangkap polisi ... Dia mengumpat": the tourist), for a personal pronoun
        when no person is named: a body ("polisi") is no "dia"."""
        self.last_actor: Actor | None = None
        """The last person (else actor) named, for a pronoun subject."""
        self.entity_actors: dict[str, Actor] = {}
        """Entity id -> the actor the article's sentences made of it (with the default
        country), for a reported speaker (`_reported_speaker`)."""
        self.events: list[Event] = []
        self.features: list[dict[str, float]] = []
        """How each event was found, in the order of `events` (`confidence.FEATURES`)."""
        self.seen: set[tuple] = set()
        self.previous_end: int | None = None
        """Where the last event coded in the current sentence ends."""
        self.previous_code: str | None = None
        """The code of that event (a denial's complement is coded, as reported)."""
        self.previous_mood: str | None = None
        """The modality of that event: a plan carries to the act joined to it ("akan
        menindak tegas serta memberikan sanksi")."""
        self.request: tuple[int, list[Actor]] | None = None
        """Where the last appeal or demand of the current sentence ends, and whom it
        asks (`_request_content`)."""
        self.recent_actors: list[list[ActorSpan]] = []
        """The actors of the last sentences, for an object pronoun (`_with_object_pronouns`)."""
        self.owned_noun: int | None = None
        """A nominal trigger of the current sentence whose owner, named right after it, is
        its agent: the object of a trigger that takes no target (`_agented_noun`)."""

    def run(self) -> None:
        text = self.analysis.text
        mentions = sorted(
            ((m.start, m.end, e) for e in self.analysis.entities for m in e.mentions),
            key=lambda x: x[0],
        )
        day = self.analysis.published[:10] if self.analysis.published else None
        discarded = list(self.setup.discards.sentences)
        if self.setup.discards.stories:
            story = [t.text.lower() for t in sentence_tokens(text, 0, len(text))]
            if find_longest(story, 0, len(story), list(self.setup.discards.stories)):
                return  # a story PETRARCH's user discards ("+CHAMPIONS LEAGUE"): no events
        for index, span in enumerate(self.analysis.sentences):
            tokens = sentence_tokens(text, span.start, span.end)
            if not tokens:
                continue
            words = [t.text.lower() for t in tokens]
            local = self._without_acronyms(
                words, _token_mentions(tokens, mentions, span.start, span.end))
            actors, places = self.finder.find(tokens, words, local, self.default_country,
                                              self.known_names, day)
            actors = self._placed_abroad(self._relatives(tokens, words, actors), places)
            if self.headline_member is not None:
                actors = [replace(a, actor=self._placed(a.actor)) for a in actors]
            actors = self._marked_suspects(words, actors)
            actors = self._described_last_person(words, actors)
            actors = self._without_speech_tags(tokens, words, actors)
            actors = self._with_object_pronouns(words, actors)
            names = {i for s, e, _ in local for i in range(s, e)}
            sentence = _Sentence(
                index, tokens, words, actors, self._clauses(words, actors), names, places
            )
            for a in actors:
                if a.actor.entity:
                    self.entity_actors.setdefault(a.actor.entity, a.actor)
            self.previous_end = None
            self.previous_code = None
            self.previous_mood = None
            self.request = None
            self.owned_noun = None
            if not find_longest(words, 0, len(words), discarded):  # ("BASEBALL": none here)
                self._code(sentence)
            people = [a for a in actors if a.entity_type == "PERSON"]
            if people and not any((w,) in self.personal_pronouns
                                  for w in words[: people[0].start]):
                # "Musk ... Trump. Dia berselisih dengan Trump. Dia menuding ...": a
                # sentence a pronoun opens still speaks of the person it stands for
                self.last_person = people[0].actor
            if actors:
                self.last_actor = actors[0].actor
            self.last_unnamed_person = next(
                (a.actor for a in actors if a.actor.entity is None and a.actor.name
                 and (a.actor.name.lower().split()[0],) in self.unnamed_people),
                self.last_unnamed_person)
            self.recent_actors = [*self.recent_actors, actors][-ANTECEDENT_SENTENCES:]
        self._suspects()
        self._private_people()
        self.analysis.events = self.events

    def _relatives(self, tokens: Sequence[Token], words: Sequence[str],
                   actors: list[ActorSpan]) -> list[ActorSpan]:
        """A person named after a word of kinship is the relative's possessor: "Istri Budi
        Santoso melapor ke polisi" is his wife's report, and she is a civilian of his
        country (as the golds code "the wife of a regent", IDNCVL)."""
        relatives: list[ActorSpan] = []
        for a in actors:
            if a.entity_type != "PERSON":
                continue
            for size in (2, 1):
                start = a.start - size
                if start >= 0 and tuple(words[start:a.start]) in self.setup.relations:
                    country = a.actor.country or self.default_country
                    name = self.analysis.text[tokens[start].start:tokens[a.end - 1].end]
                    relatives.append(ActorSpan(start, a.end, Actor(
                        name=name, code=f"{country}CVL" if country else None,
                        country=country, sector="CVL")))
                    break
        if not relatives:
            return actors
        covered = [(r.start, r.end) for r in relatives]
        kept = [a for a in actors if not any(s <= a.start and a.end <= e for s, e in covered)]
        return sorted(kept + relatives, key=lambda a: a.start)

    def _placed_abroad(self, actors: list[ActorSpan], places: list[ActorSpan]) -> list[ActorSpan]:
        """Unnamed police, courts and civilians of a sentence set in one foreign country
        are that country's, not the document's: "diadili oleh pengadilan militer di
        Amerika Serikat" (USAJUD), "pembunuhan terhadap warga sipil ... di Tepi Barat"
        (PSECVL). Officials keep the document's country: they travel."""
        home = self.default_country
        countries = {p.actor.country for p in places if p.actor.country}
        if home is None or len(countries) != 1 or home in countries:
            return actors
        [abroad] = countries
        return [
            replace(a, actor=replace_actor(a.actor, code=abroad + (a.actor.sector or ""),
                                           country=abroad))
            if (a.actor.entity is None and a.actor.country == home
                and a.actor.sector in LOCATED_SECTORS) else a
            for a in actors
        ]

    def _without_acronyms(self, words: Sequence[str],
                          local: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
        """Entity mentions less the acronyms of acts (the pack's `trigger_acronyms`) the
        entity model takes for names: "KPK juga telah melakukan OTT di wilayah Sumatera
        Utara", "terjaring OTT Bidpropam Polda Sumut" (an acronym opening a mention is
        cut off it); with such a list, also a mention that is a trigger as a whole and
        that the knowledge base does not know ("terkena Operasi Tangkap Tangan")."""
        acronyms = self.lexicon.word_set("trigger_acronyms")
        if not acronyms:
            return local
        result = []
        for i, j, entity in local:
            while i < j and (words[i],) in acronyms and not entity.actor_code:
                i += 1
            if i < j and not entity.actor_code and any(
                p.code not in NOT_EVENTS | {None}
                for p in self.lexicon.triggers.get(tuple(words[i:j]), ())
            ):
                continue  # "terkena Operasi Tangkap Tangan (OTT) oleh ...": an act
            if i < j:
                result.append((i, j, entity))
        return result

    def _code(self, sentence: _Sentence) -> None:
        words = sentence.words
        i = 0
        while i < len(words):
            if (words[i],) in self.obligations and self._obligation(sentence, i):
                i += 1 + FOLLOWING
                continue
            size, key = (0, None) if i in sentence.names else self._trigger_at(sentence, i)
            if key is None:
                i += 1
                continue
            patterns = self.lexicon.triggers[key]
            if self._not_a_trigger(sentence, i, key):
                i += size
                continue
            # A verb form after an article or possessive is a noun ("the attacks", "an
            # “appropriate response”": quotation marks between are stepped over).
            k = i - 1
            while k >= 0 and words[k] in QUOTE_MARKS:
                k -= 1
            if k >= 0 and (words[k],) in self.noun_markers and all(
                    p.voice == "active" for p in patterns):
                i += size
                continue
            if self._noun_after_name(sentence, i, size, patterns):
                i += size
                continue
            if not self._verb_form_fits(sentence, i, size, patterns):
                i += size
                continue
            pattern, object_span = self._choose(sentence, i, i + size, patterns)
            coded = self._coded(sentence, i, i + size, pattern, object_span)
            if not coded and pattern is not None and pattern.agents:
                # "Menteri Budi mengabulkan permohonan warga": not the finding the entry
                # for courts gives, but the act anyone else's entry gives
                pattern, object_span = self._choose(sentence, i, i + size,
                                                    [p for p in patterns if not p.agents])
                coded = self._coded(sentence, i, i + size, pattern, object_span)
            if coded and pattern is not None:
                start_end = i + size
                after = max(start_end, object_span[1])
                coordinated = (after < len(words) and (words[after],) in
                               self.lexicon.word_set("coordinated"))
                # "melakukan tracing dan asset recovery": a trigger joined by a
                # conjunction is an act of its own, not a complement
                i = after if coordinated else max(i + size + FOLLOWING, after)
                if self.request is not None and self.lexicon.request_direct:
                    # "meminta polisi mengusut": what the one asked is to do may
                    # follow it at once (`_request_content`)
                    i = min(i, max(start_end, object_span[1]))
                if not coordinated and self.lexicon.word_set("noun_with_agent_follows"):
                    i = self._agented_noun(sentence, start_end, i, pattern.untargeted)
                continue
            i = max(i + size, object_span[1])

    def _coded(self, sentence: _Sentence, start: int, end: int, pattern: Pattern | None,
               object_span: tuple[int, int]) -> bool:
        """Whether the chosen pattern makes an event here (a pattern coded None or 010
        says the phrase is none)."""
        return (pattern is not None and pattern.code not in NOT_EVENTS | {None}
                and self._event(sentence, start, end, pattern, object_span))


def _token_mentions(
    tokens: Sequence[Token], mentions: Sequence[tuple[int, int, Entity]], lo: int, hi: int
) -> list[tuple[int, int, Entity]]:
    """Entity mentions inside the sentence, as token index ranges."""
    result = []
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i + 1 for i, t in enumerate(tokens)}
    for start, end, entity in mentions:
        if start < lo or end > hi:
            continue
        i, j = starts.get(start), ends.get(end)
        if i is None or j is None:
            continue
        # A name does not start with a lower-case word: "menggeruduk Pengadilan ..." is
        # the verb and the court, whatever the entity model drew.
        while i < j - 1 and tokens[i].text.isalpha() and tokens[i].text.islower():
            i += 1
        result.append((i, j, entity))
    return result
