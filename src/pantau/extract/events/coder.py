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
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pantau.extract.entities.roles import load_roles
from pantau.extract.events.actors import (
    INSTITUTIONAL,
    ActorFinder,
    ActorSpan,
    Resolver,
    entity_actor,
    main_country,
    replace_actor,
    sector_of,
)
from pantau.extract.events.codebook import lookup, plover_type
from pantau.extract.events.dictionaries import read_actor_file, read_verb_file
from pantau.extract.events.lexicon import EventLexicon, Pattern, Phrase, load_event_lexicon
from pantau.extract.events.matching import find_in_order, find_longest
from pantau.extract.events.modality import modality
from pantau.extract.events.petrarch import ActorEntry
from pantau.extract.quotes.lexicon import load_quote_lexicon
from pantau.kb import KnowledgeBase
from pantau.lang import home_country
from pantau.model import Actor, Analysis, Entity, Event, Mention
from pantau.nlp.tokens import Token, tokenize

MAX_HEADLINE_UNIT = 3
"""Words at most before a headline's institution in its clause ("Komisi III DPR")."""
MAX_HEADLINE_NAME = 4
CONTEXT_WINDOW = 6
"""Tokens after (or before) a trigger within which a pattern's context words count."""
TARGET_WINDOW = 10
"""Tokens after a trigger within which its target must start."""
NOT_EVENTS = frozenset({"010"})
"""CAMEO 010 "make statement, not specified" is every "said": the quotes layer holds
speech, and coding it as events would drown the ones that matter."""
FOLLOWING = 2
"""A trigger this close after a coded one is its complement, not a second event:
"agreed to cooperate", "rejected demands", "menuduh Rusia membangun"."""
REQUEST_ROOTS = frozenset({"02", "10"})
"""Appeals and demands: their target is whoever is asked, often a complement's subject."""
RECIPROCAL_QUADS = frozenset({1, 2})
"""Cooperation (verbal, material) between the members of a compound subject and no one
else is mutual: "X and Y agreed", "X dan Y menandatangani perjanjian" (X source, Y
target), as PLOVER's records code compound actors (SRC/TAR)."""
PLACE_TARGETS = frozenset({"042"})
"""A visit's target may be the place visited ("mengunjungi garis depan di Ukraina")."""
PLACE_OBJECT = ("<place>",)
"""In a pattern's `object` list: any place name right after the trigger ("merebut
Semenanjung Krimea")."""
ACTOR = "<actor>"
"""First word of an `object` phrase: an actor (or a compound of actors) right after the
trigger, then the rest of the phrase after it ("mendorong <actor> untuk": "mendorong
Polri dan Kejaksaan untuk mengusut")."""
OBLIGATION_REACH = 5
"""Words before a complementizer within which a saying verb opens a reported obligation
("declared on Tuesday that China must")."""
SUPPORT_REACH = 4
"""Tokens after a nominal trigger within which a passive support verb ("dilakukan") may
introduce its agent ("Penangkapan terhadap X dilakukan tim Resmob")."""
APPOSITION = 3
"""Words before an actor within which an apposition word ("selaku") makes it a
description of the actor named before it ("X selaku komisaris perusahaan itu")."""
MAX_APPOSITIONS = 6
"""Segments in apposition at most between a subject and its verb."""
MAX_PLACE = 5
"""Tokens at most of a segment in apposition that names no actor ("Kecamatan Praya
Timur")."""
NOUN_OWNER = 3
"""Words after a nominal trigger opening a quote within which a first-person word makes it
the speaker's own act ("Kunjungan ini kami lakukan")."""
INDIVIDUAL_ASSAULT = "182"
"""CAMEO "physically assault": an attack by a sector of the pack's `assault_by`."""
SUSPECT = "CRM"
MAX_SUSPECT_PHRASE = 5
"""Words at most between a suspect marker ("oknum") and an actor it describes."""
"""CAMEO's sector of criminals, given to suspects (`_Coder._suspects`)."""
HARD_STOPS = frozenset({".", ";", ":", "!", "?"})
CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "–", "—", "“", "”", '"'})


@dataclass
class _Sentence:
    index: int
    tokens: list[Token]
    words: list[str]
    actors: list[ActorSpan]
    clause_starts: list[int]
    names: set[int]
    """Token indices inside entity names: never triggers."""
    places: list[ActorSpan]
    """Places named as locations ("di Jenewa"): not actors, but a visit's target."""


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


class EventCoder:
    """A pipeline stage: fills `analysis.events` (after entities and quotes)."""

    def __init__(
        self,
        verbs: Sequence[Path] = (),
        actors: Sequence[Path] = (),
        kb: KnowledgeBase | None = None,
    ) -> None:
        """`kb`: the entity stage's knowledge base, shared (loaded here when not given)."""
        self.verb_files = list(verbs)
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
        if not self.verb_files:
            return base
        lexicon = copy.deepcopy(base) if base else EventLexicon(lang or "")
        for path in reversed(self.verb_files):
            lexicon.merge(read_verb_file(path, lang or ""))
        return lexicon

    def _language(self, lang: str | None) -> _Language | None:
        if lang in self._languages:
            return self._languages[lang]
        lexicon = self.lexicon(lang)
        setup = None
        if lexicon is not None:
            titles = {head: sector for head, (sector, _rank) in load_roles(lang or "").heads.items()
                      if sector}
            quotes = load_quote_lexicon(lang)
            speech = frozenset(
                p for p in quotes.verbs | quotes.after | quotes.anaphoric if len(p) == 1
            ) | lexicon.word_set("saying")
            # A saying verb opens the clause of what was said: in "X mengatakan Rusia
            # menyerang" the attack's subject is Rusia; in "X mengatakan akan menyerang"
            # (no subject of its own) still X. A one-word condition opens a clause too.
            conditions = {p for p in lexicon.modality.get("hypothetical", ()) if len(p) == 1}
            setup = _Language(
                lexicon=lexicon,
                finder=ActorFinder(lexicon, self.dictionary, self._resolver(lang), titles,
                                   self._known_name(lang)),
                first_words=lexicon.first_words,
                speech=speech,
                boundaries=lexicon.word_set("clause_starts") | conditions | speech,
                clitics=tuple(sorted((c for (c,) in lexicon.word_set("clitics")), key=len,
                                     reverse=True)),
                home_country=home_country(lang),
            )
        self._languages[lang] = setup
        return setup

    def __call__(self, analysis: Analysis) -> None:
        setup = self._language(analysis.language)
        if setup is not None:
            _Coder(setup, analysis).run()


class _Coder:
    """Codes one document."""

    def __init__(self, setup: _Language, analysis: Analysis) -> None:
        self.setup = setup
        self.lexicon = setup.lexicon
        self.finder = setup.finder
        self.analysis = analysis
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
        self.known_names: dict[Phrase, Actor] = self._name_parts()
        """People named by a marker earlier in the document ("berinisial HM"), and the
        parts of people's names (`_name_parts`)."""
        self.headline_member = self._headline_member()
        """(entity id, code, sector) of the article's first speaker when the headline
        gives the body he speaks for and the article gives him no role."""
        self.last_person: Actor | None = None
        """The first person named in the last sentence naming one (mostly its subject),
        for a personal pronoun ("Dia", "Ia")."""
        self.last_actor: Actor | None = None
        """The last person (else actor) named, for a pronoun subject."""
        self.entity_actors: dict[str, Actor] = {}
        """Entity id -> the actor the article's sentences made of it (with the default
        country), for a reported speaker (`_reported_speaker`)."""
        self.events: list[Event] = []
        self.seen: set[tuple] = set()
        self.previous_end: int | None = None
        self.previous_code: str | None = None
        """The CAMEO code of the last event coded in the current sentence."""
        """Where the last event coded in the current sentence ends."""
        self.previous_code: str | None = None
        """The code of that event (a denial's complement is coded, as reported)."""
        self.request: tuple[int, list[Actor]] | None = None
        """Where the last appeal or demand of the current sentence ends, and whom it
        asks (`_request_content`)."""

    def run(self) -> None:
        text = self.analysis.text
        mentions = sorted(
            ((m.start, m.end, e) for e in self.analysis.entities for m in e.mentions),
            key=lambda x: x[0],
        )
        for index, span in enumerate(self.analysis.sentences):
            tokens = tokenize(text, span.start, span.end)
            if not tokens:
                continue
            words = [t.text.lower() for t in tokens]
            local = self._without_acronyms(
                words, _token_mentions(tokens, mentions, span.start, span.end))
            actors, places = self.finder.find(tokens, words, local, self.default_country,
                                              self.known_names)
            if self.headline_member is not None:
                actors = [replace(a, actor=self._placed(a.actor)) for a in actors]
            actors = self._marked_suspects(words, actors)
            names = {i for s, e, _ in local for i in range(s, e)}
            sentence = _Sentence(
                index, tokens, words, actors, self._clauses(words, actors), names, places
            )
            for a in actors:
                if a.actor.entity:
                    self.entity_actors.setdefault(a.actor.entity, a.actor)
            self.previous_end = None
            self.previous_code = None
            self.request = None
            self._code(sentence)
            people = [a for a in actors if a.entity_type == "PERSON"]
            if people:
                self.last_person = people[0].actor
            if actors:
                self.last_actor = actors[0].actor
        self._suspects()
        self.analysis.events = self.events

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

    def _name_parts(self) -> dict[Phrase, Actor]:
        """With the pack's `name_parts`: each word of a person's name of two or more
        words that the article names in full ("Ketua Komisi X DPR Hetifah Sjaifudian"),
        as that person wherever the entity model left it untagged ("Hetifah meminta
        Kemendikdasmen ..."). Not a word of two people's names, of another entity's, one
        the text also writes in lower case (a common word), nor a title, a group noun or
        a name the knowledge base knows."""
        if not self.lexicon.word_set("name_parts"):
            return {}
        text = self.analysis.text
        lower = {w for w in text.split() if w.islower()}
        skip = (self.lexicon.word_set("not_names") | self.lexicon.word_set("determiners")
                | frozenset(self.finder.titles) | frozenset(self.finder.agents))
        owners: dict[str, set[str]] = {}
        others: set[str] = set()
        for entity in self.analysis.entities:
            parts = [w for w in entity.name.split() if w.isalpha()]
            for word in parts:
                if entity.type == "PERSON" and len(parts) > 1:
                    owners.setdefault(word, set()).add(entity.id)
                else:
                    others.add(word)
        known = self.setup.finder.known_name
        result: dict[Phrase, Actor] = {}
        for word, ids in owners.items():
            if (len(ids) > 1 or word in others or len(word) < 3 or not word[0].isupper()
                    or word.isupper() or word.lower() in lower or (word.lower(),) in skip
                    or known(word)):
                continue
            entity = next(e for e in self.analysis.entities if e.id in ids)
            actor = entity_actor(entity)
            if actor.code is None and self.default_country:
                actor = replace_actor(actor, code=self.default_country,
                                      country=self.default_country)
            result[(word.lower(),)] = actor
        return result

    def _suspects(self) -> None:
        """People the article gives no sector who are arrested, detained or charged by
        the police or the judiciary (the target of a pack's `suspect_targets` code whose
        source is of a `suspect_by` sector) or who commit a crime (the source of a
        `suspect_sources` code: theft, assault) are suspects: CRM in every event of the
        article ("Polisi menangkap Berangus", then "Ia mencuri ...")."""
        targets = self.lexicon.word_set("suspect_targets")
        sources = self.lexicon.word_set("suspect_sources")
        by = {s.upper() for (s,) in self.lexicon.word_set("suspect_by")}
        if not targets and not sources:
            return
        people = {e.id for e in self.analysis.entities if e.type == "PERSON"}

        def key(actor: Actor | None) -> tuple | None:
            # a person (an entity, or a name found by its marker) with a country alone
            if actor is None or not actor.country or actor.code != actor.country:
                return None
            if actor.entity:
                return (actor.entity,) if actor.entity in people else None
            return (actor.name, actor.code)

        def fits(code: str, prefixes: frozenset[Phrase]) -> bool:
            # a root ("18") stands for all its codes, a code for itself
            return any(code == p or (len(p) == 2 and code.startswith(p)) for (p,) in prefixes)

        unnamed = self.lexicon.word_set("unnamed_suspects")
        suspects = set()
        for n, event in enumerate(self.events):
            if event.modality == "negated":
                continue
            source = event.source
            if (fits(event.cameo, sources) and source.entity is None and source.name
                    and source.country and source.sector == "CVL"
                    and (source.name.lower().split()[0],) in unnamed):
                # "seorang lansia berinisial J (63) tega mencabuli bocah ...": an unnamed
                # civilian who commits the crime is its suspect, in this event
                self.events[n] = event = event.model_copy(update={"source": replace_actor(
                    source, code=f"{source.country}{SUSPECT}", sector=SUSPECT)})
            if fits(event.cameo, targets) and event.source.sector in by:
                suspects.update(key(a) for a in (event.target, *event.targets))
            if fits(event.cameo, sources):
                suspects.update(key(a) for a in (event.source, *event.sources))
        suspects.discard(None)
        if not suspects:
            return

        def placed(actor: Actor | None) -> Actor | None:
            if actor is None or key(actor) not in suspects:
                return actor
            return replace_actor(actor, code=f"{actor.country}{SUSPECT}", sector=SUSPECT)

        for n, event in enumerate(self.events):
            self.events[n] = event.model_copy(update={
                "source": placed(event.source), "target": placed(event.target),
                "sources": [placed(a) for a in event.sources],
                "targets": [placed(a) for a in event.targets],
            })

    def _marked_suspects(self, words: Sequence[str],
                         actors: list[ActorSpan]) -> list[ActorSpan]:
        """Actors in the noun phrase after a word of the pack's `suspect_markers`
        ("Oknum kepala sekolah (kepsek) PAUD berinisial M yang diduga mencabuli ...",
        "dua oknum personel Satlantas") are the accused: CRM."""
        markers = self.lexicon.word_set("suspect_markers")
        at = [i for i, w in enumerate(words) if (w,) in markers]
        if not at:
            return actors
        result = []
        for a in actors:
            if any(i < a.start <= i + MAX_SUSPECT_PHRASE
                   and not any(w == "," or (w,) in self.setup.boundaries
                               for w in words[i:a.start])
                   for i in at) and a.actor.country and a.actor.sector != SUSPECT:
                a = replace(a, actor=replace_actor(a.actor, code=f"{a.actor.country}{SUSPECT}",
                                                   sector=SUSPECT))
            result.append(a)
        return result

    def _headline_member(self) -> tuple[str, str, str] | None:
        """A headline that opens a clause with an institution of the article's country
        ("Komisi III DPR Dorong Usut ...", "Polemik Ijazah, Komisi II DPR Minta KPU ...")
        reports what a member said: the article's first speaker, a person the article
        gives no role or country ("kata Dede"), is that member (IDN + LEG)."""
        title, resolve = self.analysis.title, self.finder.resolve
        if not title or resolve is None or not self.default_country:
            return None
        speaker = next((q.speaker for q in self.analysis.quotes if q.speaker), None)
        entity = next((e for e in self.analysis.entities if e.id == speaker), None)
        if (entity is None or entity.type != "PERSON" or entity.actor_code or entity.country
                or entity.roles):
            return None
        text, heads = self.analysis.text, load_roles(self.analysis.language or "").heads
        for mention in entity.mentions:
            # "ucap Direktur Riset Ali Noer Zaman": a role the entity stage could not read
            before = text[max(0, mention.start - 40):mention.start].lower().split()[-3:]
            if any((word,) in heads for word in before):
                return None
        tokens = tokenize(title, 0, len(title))
        start = 0
        for end in [i for i, t in enumerate(tokens) if t.text in {",", ":", ";"}] + [len(tokens)]:
            for i in range(start, min(start + MAX_HEADLINE_UNIT + 1, end)):
                if i > start and not self._headline_unit(tokens, i - 1):
                    break  # "BI Perkirakan The Fed ...": the clause opens with no unit
                for size in range(min(MAX_HEADLINE_NAME, end - i), 0, -1):
                    owner = resolve(" ".join(t.text for t in tokens[i:i + size]))
                    if owner is None:
                        continue
                    code, country = owner
                    sector = sector_of(code, country)
                    if sector in INSTITUTIONAL and country == self.default_country:
                        return entity.id, code[:len(country) + 3], sector
                    return None  # the clause opens with another kind of actor
            start = end + 1
        return None

    def _headline_unit(self, tokens: Sequence[Token], i: int) -> bool:
        """Whether a headline word is a title or a unit before an institution ("Ketua",
        "Komisi III"): a title word, a Roman numeral, or a word before one."""
        def numeral(text: str) -> bool:
            return bool(text) and set(text) <= set("IVXLC")

        text = tokens[i].text
        return (numeral(text) or (i + 1 < len(tokens) and numeral(tokens[i + 1].text))
                or any(text.lower() in title for title in self.finder.titles))

    def _placed(self, actor: Actor) -> Actor:
        """The headline's member (`_headline_member`) with his body's code."""
        member = self.headline_member
        if member is None or actor.entity != member[0] or actor.sector:
            return actor
        return replace_actor(actor, code=member[1], sector=member[2],
                             country=self.default_country)

    def _clauses(self, words: Sequence[str],
                 actors: Sequence[ActorSpan]) -> list[int]:
        inside: set[int] = set()
        if self.lexicon.word_set("short_parentheses"):
            # "Amerika Serikat (AS) menjatuhkan sanksi": an actor's acronym in parentheses
            # right after it opens no clause before a support verb (a nominal trigger's
            # subject is in its clause)
            support = self.lexicon.word_set("support_verbs")
            for a in actors:
                b = next((b for b in actors if a.end == b.start - 1 and b.end + 1 < len(words)
                          and words[a.end] == "(" and words[b.end] == ")"), None)
                if b is not None and _same(a.actor, b.actor) and any(
                        (w,) in support for w in words[b.end + 1:b.end + 3]):
                    inside.update((a.end, b.end))
        starts = [0]
        for i, word in enumerate(words):
            if i in inside:
                continue
            if word in CLAUSE_MARKS and i + 1 < len(words):
                starts.append(i + 1)
            elif (word,) in self.setup.boundaries and i > 0:
                starts.append(i)
        return starts

    def _clause_start(self, sentence: _Sentence, i: int) -> int:
        return max(s for s in sentence.clause_starts if s <= i)

    def _clause_end(self, sentence: _Sentence, i: int) -> int:
        return min((s for s in sentence.clause_starts if s > i), default=len(sentence.words))

    def _trigger_at(self, sentence: _Sentence, i: int) -> tuple[int, Phrase | None]:
        """The longest trigger starting at token i, as (tokens, lexicon key); a trailing
        clitic is dropped for the lookup ("seruannya" -> "seruan")."""
        words = sentence.words
        first_words, clitics = self.setup.first_words, self.setup.clitics
        if words[i] not in first_words and not any(
            words[i].endswith(c) and words[i][: -len(c)] in first_words for c in clitics
        ):
            return 0, None
        for size in range(min(self.lexicon.max_trigger, len(words) - i), 0, -1):
            if sentence.names.intersection(range(i, i + size)):
                continue
            key = tuple(words[i : i + size])
            if key in self.lexicon.triggers:
                return size, key
            if (size > 1 and i + size < len(words) and (words[i + 1],) in self.gaps
                    and i + 1 not in sentence.names):
                # "menyalurkan berbagai bantuan": a quantifier of the pack's
                # `trigger_gaps` between a verb and its noun
                gapped = (words[i], *words[i + 2 : i + size + 1])
                if gapped in self.lexicon.triggers and not sentence.names.intersection(
                        range(i + 2, i + size + 1)):
                    return size + 1, gapped
            for clitic in clitics:
                last = key[-1]
                if last.endswith(clitic) and len(last) > len(clitic) + 3:
                    stem = (*key[:-1], last[: -len(clitic)])
                    if stem in self.lexicon.triggers:
                        return size, stem
        return 0, None

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
            # A verb form after an article or possessive is a noun ("the attacks").
            if i > 0 and (words[i - 1],) in self.noun_markers and all(
                p.voice == "active" for p in patterns
            ):
                i += size
                continue
            if self._noun_after_name(sentence, i, size, patterns):
                i += size
                continue
            if not self._verb_form_fits(sentence, i, size, patterns):
                i += size
                continue
            pattern, object_span = self._choose(sentence, i, i + size, patterns)
            if pattern is not None and pattern.code not in NOT_EVENTS | {None}:
                if self._event(sentence, i, i + size, pattern, object_span):
                    start_end = i + size
                    after = max(start_end, object_span[1])
                    coordinated = (after < len(words) and (words[after],) in
                                   self.lexicon.word_set("coordinated"))
                    # "melakukan tracing dan asset recovery": a trigger joined by a
                    # conjunction is an act of its own, not a complement
                    i = after if coordinated else max(i + size + FOLLOWING, after)
                    if self.request is not None and self.lexicon.word_set("request_direct"):
                        # "meminta polisi mengusut": what the one asked is to do may
                        # follow it at once (`_request_content`)
                        i = min(i, max(start_end, object_span[1]))
                    if not coordinated and self.lexicon.word_set("noun_with_agent_follows"):
                        i = self._agented_noun(sentence, start_end, i)
                    continue
            i = max(i + size, object_span[1])

    def _agented_noun(self, sentence: _Sentence, lo: int, hi: int) -> int:
        """Where to go on after a coded trigger: at a nominal trigger among the words it
        would skip (`FOLLOWING`, its object or complement) when that noun names its agent
        ("menerima sebagian permohonan praperadilan yang diajukan jurnalis HM": HM's
        lawsuit as well as the court's ruling), else at `hi`."""
        for k in range(lo, min(hi, len(sentence.words))):
            size, key = (0, None) if k in sentence.names else self._trigger_at(sentence, k)
            if key is None or not any(p.voice == "noun" for p in self.lexicon.triggers[key]):
                continue
            agent, _ = self._agent(sentence, k + size)
            if agent is not None:
                return k
        return hi

    def _noun_after_name(
        self, sentence: _Sentence, i: int, size: int, patterns: Sequence[Pattern]
    ) -> bool:
        """Whether a bare verb form is the head of a noun phrase a name modifies, after an
        indefinite article (the pack's `indefinite_articles`): "rejected a U.S. request",
        "a United Nations appeal" (a singular name takes no bare verb)."""
        articles = self.lexicon.word_set("indefinite_articles")
        word = sentence.words[i]
        if (not articles or size != 1 or not all(p.voice == "active" for p in patterns)
                or word.endswith(("s", "ed", "ing"))):
            return False
        return any(a.end == i and a.start > 0 and (sentence.words[a.start - 1],) in articles
                   for a in sentence.actors)

    def _not_a_trigger(self, sentence: _Sentence, i: int, key: Phrase) -> bool:
        """Words the pack says are mostly nouns in news ("forces", "aid"), and a
        capitalised word inside a sentence, which is a name or a month ("March"); an
        acronym may be a trigger ("melakukan OTT")."""
        if key in self.not_triggers:
            return True
        text = sentence.tokens[i].text
        titlecase = text[:1].isupper() and not text.isupper()  # "March", not "OTT"
        return i > 0 and titlecase and sentence.words[i - 1] not in CLAUSE_MARKS

    def _verb_form_fits(self, sentence: _Sentence, i: int, size: int,
                        patterns: Sequence[Pattern]) -> bool:
        """The pack's `[forms]` rules for ambiguous verb forms: an English "-ing" form is a
        verb only after a form of "be" (else a gerund: "the monitoring"), an "-s" form only
        right after its subject ("forces", "talks" are mostly nouns)."""
        if not self.lexicon.forms or not all(p.voice == "active" for p in patterns):
            return True
        word = sentence.words[i + size - 1] if size == 1 else sentence.words[i]
        for suffix, rule in self.lexicon.forms.items():
            if not word.endswith(suffix) or word.endswith("ss"):
                continue
            wanted = self.lexicon.word_set(rule)
            before = [w for w in sentence.words[max(0, i - 3):i]
                      if not w.endswith("ly") and ((w,) not in self.adverbs or (w,) in wanted)]
            if rule in ("subject", "predicate"):
                return self._after_subject(sentence, i, rule == "predicate")
            following = sentence.words[i + size] if i + size < len(sentence.words) else ""
            if (following,) in self.lexicon.word_set("complementizers"):
                return True  # "issued a declaration demanding that ...", "warning that"
            return bool(before) and (before[-1],) in wanted
        return True

    def _after_subject(self, sentence: _Sentence, i: int, predicate: bool) -> bool:
        """Whether the verb form at i follows its subject (an actor or a pronoun), past
        adverbs ("-ly"). A `predicate` form (English "-ed": a past tense or a participle)
        is a verb unless it is a reduced relative: followed by the agent preposition with
        no auxiliary before it ("the Beagle Channel, disputed by Argentina and Chile", "the
        curfew imposed by the army"). (After a comma it may still be the main verb: "X,
        the UN coordinator, demanded".)"""
        words = sentence.words
        j = i
        while j > 0 and words[j - 1].endswith("ly"):
            j -= 1
        if not predicate:
            return j in {a.end for a in sentence.actors} or (
                j > 0 and (words[j - 1],) in self.pronouns
            )
        agents = self.lexicon.word_set("agent_prepositions")
        return not (i + 1 < len(words) and (words[i + 1],) in agents
                    and (j == 0 or (words[j - 1],) not in self.passive_aux))

    def _choose(
        self, sentence: _Sentence, start: int, end: int, patterns: Sequence[Pattern]
    ) -> tuple[Pattern | None, tuple[int, int]]:
        """The most specific pattern whose context words are there (ties: the first
        listed), and the token span of its object (empty at `end` when it has none).
        Specificity is the number of context words matched: "meminta bantuan
        kemanusiaan" beats "meminta bantuan", which beats "meminta"."""
        words = sentence.words
        limit = min(len(words), end + CONTEXT_WINDOW)
        after_hi = next((j for j in range(end, limit) if words[j] in HARD_STOPS), limit)
        before_lo = max(self._clause_start(sentence, start), start - CONTEXT_WINDOW)
        best: tuple[int, Pattern, int] | None = None
        for pattern in patterns:
            score, span = 0, (end, end)
            if pattern.after and pattern.alternatives:
                if PLACE_OBJECT in pattern.after and any(
                    end <= a.start <= end + 1 and a.entity_type == "LOC"
                    for a in (*sentence.actors, *sentence.places)
                ):
                    score = 1  # the place is the target: the search starts at it
                else:
                    plain = [p for p in pattern.after if p[0] != ACTOR]
                    found = find_longest(words, end, after_hi, plain) if plain else None
                    actor_score = self._actor_object(sentence, end, after_hi, pattern.after)
                    if found is None and actor_score is None:
                        continue
                    if found is not None and found[0] >= (actor_score or 0):
                        score, span = found[0], (found[1] - found[0], found[1])
                    else:
                        score = actor_score or 0
            elif pattern.after:
                ordered = find_in_order(words, end, after_hi, pattern.after)
                if ordered is None:
                    continue
                score = sum(map(len, pattern.after))
            if pattern.before:
                if find_in_order(words, before_lo, start, pattern.before) is None:
                    continue
                score += sum(map(len, pattern.before))
            if best is None or score > best[0]:
                best = (score, pattern, span)
        return (best[1], best[2]) if best else (None, (end, end))

    def _actor_object(
        self, sentence: _Sentence, end: int, hi: int, phrases: Sequence[Phrase]
    ) -> int | None:
        """The score of the longest `<actor> ...` phrase that matches after a trigger: an
        actor starting at most one word after it, then the phrase's other words in order
        after the actor (and the actors joined to it)."""
        with_actor = [p for p in phrases if p[0] == ACTOR]
        first = next((a for a in sentence.actors if end <= a.start <= end + 1), None)
        if not with_actor or first is None or first.start >= hi:
            return None
        after = self._members(sentence, first, hi)[-1].end
        best = None
        for phrase_ in with_actor:
            rest = phrase_[1:]
            if not rest or find_in_order(sentence.words, after, hi, [rest]) is not None:
                best = max(best or 0, len(phrase_))
        return best

    # -- source and target ---------------------------------------------------------------

    def _voice(self, sentence: _Sentence, start: int, pattern: Pattern) -> str:
        """An active form right after an auxiliary ("was attacked", "were not invited")
        is passive; "-ing" forms never are ("is attacking")."""
        if pattern.voice != "active" or not self.passive_aux:
            return pattern.voice
        if sentence.words[start].endswith("ing"):
            return "active"
        following = sentence.words[start + 1:start + 3]
        agents = self.lexicon.word_set("agent_prepositions")
        if ((sentence.words[start],) in self.lexicon.word_set("stative_participles")
                and not any((w,) in agents for w in following)):
            # "Israel is opposed to French mediation" (not "was opposed earlier by")
            return "active"
        # an auxiliary may also be an adverb-like filler: "has been indicted"
        j = start
        while j > 0:
            word = sentence.words[j - 1]
            if (word,) in self.passive_aux:
                return "passive"
            if not (word.endswith("ly") or (word,) in self.adverbs):
                return "active"
            j -= 1
        return "active"

    def _actors_between(self, sentence: _Sentence, lo: int, hi: int) -> list[ActorSpan]:
        """Actors inside [lo, hi); a person whose title is before `lo` counts ("membatalkan
        status tersangka HM": the title is part of the trigger)."""
        return [a for a in sentence.actors
                if lo <= (a.start if a.name_start is None else a.name_start) and a.end <= hi]

    def _subject(
        self, sentence: _Sentence, start: int, clause_only: bool, first: bool = False
    ) -> ActorSpan | None:
        """The nearest actor before `start` (the first of the clause when `first`, as for
        a passive verb's subject): in the clause, else (unless `clause_only`) earlier in
        the sentence, skipping objects of a preposition."""
        # Objects of a preposition, and descriptions in apposition ("X selaku Komisaris
        # PT IAE", "ditetapkan sebagai tersangka"), are no subjects.
        apposition = self.lexicon.word_set("apposition")
        clause = self._clause_start(sentence, start)
        candidates = [
            a
            for a in sentence.actors
            if a.end <= start
            and not a.place_only
            and not self._after_preposition(sentence, a.name_start or a.start)
            and not any((w,) in apposition
                        for w in sentence.words[max(0, a.start - APPOSITION):a.start])
            and not self._in_apposition(sentence, a, start)
        ]
        if self._speaker_pronoun(sentence, clause, start) is not None:
            # "Menurutnya, jika pemerintah ..., pihaknya akan menyambut baik": the
            # reported speaker (`_resolve_pronoun`), not an actor named before
            return None
        pronoun = self._pronoun_subject(sentence, candidates[-1].end, start) if candidates else None
        if pronoun is not None:
            # "X menegaskan, ia akan ...", "... pengrajin emas di Bali. Ia juga meminta": a
            # pronoun opening the clause is its subject, and stands for the sentence's first
            # person (a personal pronoun) or first actor, as for the last sentence's
            people = [a for a in candidates if a.entity_type == "PERSON"]
            chosen = people if pronoun in self.personal_pronouns else candidates
            return chosen[0] if chosen else None
        in_clause = [a for a in candidates if a.start >= clause]
        if not in_clause and any((w,) in self.first_person
                                 for w in sentence.words[clause:start]):
            # "..., nantinya kita akan memanggil tersangka": the clause's subject is the
            # quote's speaker (`_resolve_pronoun`), not the last actor named before it
            return None
        if in_clause and first:
            return in_clause[0]
        if in_clause:
            head = self._compound_head(sentence, in_clause)
            shared = self._shared_subject(sentence, head, start, clause_only)
            return head if shared is None else shared
        if not clause_only and self.lexicon.word_set("apposition_subject") and clause > 0 and (
            sentence.words[clause - 1] == ","
        ):
            named = self._before_apposition(sentence, clause, candidates)
            if named is not None:
                return named
        opener = (sentence.words[clause],) if clause > 0 else None
        passive_shared = (first and opener in self.subordinate
                          and bool(self.lexicon.word_set("subordinate_passive")))
        if opener in self.sequence or passive_shared or (
                opener in self.subordinate and not first and not clause_only):
            # (a passive's subject too, which it suffers: "Lisa jadi tersangka setelah
            # dilaporkan Ridwan Kamil ke polisi" is Lisa reported)
            # ... and "Hamas mengancam Palestina meski sudah menyepakati gencatan senjata":
            # a clause of time, concession or accompaniment with no subject shares the
            # main clause's (an active verb's: not "ditembak polisi setelah ditangkap",
            # nor a noun, "usai adanya vonis", "setelah menghadiri gelar perkara")
            # "Polisi menangkap X di rumahnya, kemudian menahannya": a clause that goes on
            # with the next act and no subject of its own has the last clause's subject
            # (its first actor), not the actor right before it
            # (back to the nearest clause naming an actor: "X opened its borders to ...
            # as illegal aliens, but was still refusing")
            previous, carried = clause, []
            while previous > 0 and not carried:
                end, previous = previous, self._clause_start(sentence, previous - 1)
                carried = [a for a in candidates if previous <= a.start < end]
            if carried:
                return carried[0]
        if clause > 0 and (sentence.words[clause],) in self.lexicon.word_set("subordinators"):
            # "as street battles raged in central Baghdad": a subordinate clause with a
            # subject of its own that is no actor takes none from the main clause
            if self._own_subject(sentence.words[clause + 1:start]):
                return None
        if clause_only and clause > 0 and (sentence.words[clause],) in self.setup.speech:
            # "KPK menyampaikan telah melakukan penggeledahan": the speaker's own act
            previous = self._clause_start(sentence, clause - 1)
            candidates = [a for a in candidates if a.start >= previous]
        elif clause_only:
            return None
        if not candidates:
            return None
        return self._compound_head(sentence, candidates)

    def _shared_subject(self, sentence: _Sentence, head: ActorSpan, start: int,
                        clause_only: bool) -> ActorSpan | None:
        """A verb joined by "dan"/"serta" (the pack's `shared_subject_joins`) to the verb
        before it shares that verb's subject, and the actor between them is its object:
        "para terdakwa mencari investor dan meminta bantuan" (the defendants ask),
        "Polisi menangkap pelaku dan menahannya" (the police detain). None when the actor
        before the trigger is no such object."""
        joins = self.lexicon.word_set("shared_subject_joins")
        if not joins:
            return None
        words = sentence.words
        k = start
        while k > 0 and (words[k - 1],) in self.lexicon.word_set("object_first_adverbs"):
            k -= 1
        if k == 0 or (words[k - 1],) not in joins or head.end > k - 1:
            return None
        verb = head.start - 1
        while verb > 0 and (words[verb].isdigit() or (words[verb],) in self.quantifiers):
            verb -= 1
        if verb < 0 or not any(words[verb].startswith(p)
                               for (p,) in self.lexicon.word_set("shared_subject_verbs")):
            return None
        return self._subject(sentence, verb, clause_only)

    def _before_apposition(
        self, sentence: _Sentence, clause: int, candidates: list[ActorSpan]
    ) -> ActorSpan | None:
        """The subject of a clause opened by a comma alone, when the segments between it
        and the subject are descriptions in apposition: places, a noun of the pack's
        `apposition_subject` ("warga", "pelajar") opening a noun phrase, a relative clause
        ("yang ..."), a short parenthesis or a number ("Seorang pria berinisial SF alias
        Berangus (28), warga Desa Kijang, Kecamatan Praya Timur, Lombok Tengah, ditembak
        polisi": Berangus, not "warga"). None when a segment is none of those."""
        words = sentence.words
        describers = self.lexicon.word_set("apposition_subject")
        relatives = self.lexicon.word_set("relatives")
        end = clause - 1  # the comma before the clause
        for _ in range(MAX_APPOSITIONS):
            if end <= 0:
                return None
            if words[end - 1] == ")":  # "(28)", "(OTK)": step over the parenthesis
                opening = next((k for k in range(end - 2, -1, -1) if words[k] == "("), None)
                if opening is None or end - 1 - opening > APPOSITION + 1:
                    return None
                end = opening
                continue
            start = self._clause_start(sentence, end - 1)
            inside = [a for a in candidates if start <= a.start and a.end <= end]
            if start == 0 or words[start - 1] not in {",", ")"}:
                # the segment opens the sentence or a clause: it holds the subject
                return self._compound_head(sentence, inside) if inside else None
            described = (
                (words[start],) in relatives
                or (not inside and end - start <= MAX_PLACE)
                or (inside and all(a.entity_type == "LOC" for a in inside))
                or (inside and inside[0].start == start and inside[0].entity_type is None
                    and (words[start],) in describers)
            )
            if not described:
                return self._compound_head(sentence, inside) if inside else None
            end = start - 1 if words[start - 1] == "," else start
        return None

    def _in_apposition(self, sentence: _Sentence, span: ActorSpan, start: int) -> bool:
        """Whether an actor is inside a noun phrase in apposition, set off by commas and
        opened by a determiner: "Pakistan, a key U.S. ally in the war against terrorism,
        has refused" (the pack's `determiners`)."""
        words = sentence.words
        k = next((j for j in range(span.start - 2, max(0, span.start - APPOSITION - 1), -1)
                  if words[j] == ","), None)
        if k is None:
            return False
        if (words[k + 1],) not in self.lexicon.word_set("determiners"):
            return False
        return "," in words[span.end:start] and any(a.end == k for a in sentence.actors)

    def _own_subject(self, words: Sequence[str]) -> bool:
        """Whether the words between a subordinator and a trigger start with a subject of
        their own ("street battles", "the opposition"), not a pronoun ("when they blew
        themselves up", "as saying he would"), an auxiliary or an adverb."""
        skip = (self.adverbs | self.passive_aux | self.lexicon.word_set("predicate_starts")
                | self.lexicon.word_set("determiners"))
        for w in words:
            if (w,) in self.pronouns or (w,) in self.first_person:
                return False
            if not w.isalpha() or (w,) in skip or w.endswith("ing"):
                continue
            return True
        return False

    def _pronoun_subject(self, sentence: _Sentence, lo: int, hi: int) -> Phrase | None:
        """A pronoun opening a clause or a run-on sentence (after a mark or a full stop)
        between the last actor and the trigger: it is the subject, and the actor right
        before it is not ("... bagi pengrajin emas. Ia juga meminta ...")."""
        words = sentence.words
        for k in range(max(lo, 1), hi):
            if (words[k],) in self.pronouns and (
                words[k - 1] in CLAUSE_MARKS or words[k - 1] in HARD_STOPS
            ):
                return (words[k],)
        return None

    def _after_preposition(self, sentence: _Sentence, at: int) -> bool:
        """Whether the actor starting at `at` is the object of a preposition, past
        numbers and quantifiers ("dari empat perusahaan", "kepada para korban")."""
        words = sentence.words
        j = at
        while j > 0 and (words[j - 1].isdigit() or (words[j - 1],) in self.quantifiers):
            j -= 1
        if j > 0 and (words[j - 1],) in self.lexicon.word_set("genitive_prepositions"):
            # "the island of Cyprus", not "a group of Moroccan diplomats"
            return j < 2 or (words[j - 2],) not in self.lexicon.word_set("partitives")
        return j > 0 and (words[j - 1],) in self.lexicon.word_set("target_prepositions")

    def _compound_head(self, sentence: _Sentence, before: list[ActorSpan]) -> ActorSpan:
        """The last actor before a trigger, or the first of a compound ending there."""
        head = before[-1]
        for previous in reversed(before[:-1]):
            if self._joined(sentence.words[previous.end : head.start]):
                head = previous
            else:
                break
        return head

    def _members(self, sentence: _Sentence, first: ActorSpan, limit: int) -> list[ActorSpan]:
        """`first` and the actors joined to it by "dan", "serta", "and" or commas."""
        members = [first]
        for span in sentence.actors:
            if span.start < members[-1].end or span.end > limit:
                continue
            if self._joined(sentence.words[members[-1].end : span.start]):
                members.append(span)
            else:
                break
        return members

    def _joined(self, gap: Sequence[str]) -> bool:
        """Whether the words between two actors join them: a conjunction or a comma, with
        at most one more of them, or a conjunction and one of the pack's `determiners`
        ("Israel and the Palestinians"; not ", a senior official", an apposition)."""
        conj = self.lexicon.word_set("conjunctions")
        if not 1 <= len(gap) <= 2:
            return False
        if all((w,) in conj or w == "," for w in gap):
            return True
        return (len(gap) == 2 and (gap[0],) in conj
                and (gap[1],) in self.lexicon.word_set("determiners"))

    def _object(
        self,
        sentence: _Sentence,
        end: int,
        skip: ActorSpan | None,
        request: bool = False,
        exclude: tuple[int, int] = (0, 0),
    ) -> ActorSpan | None:
        """The first actor after a trigger in its clause. The search goes on through a
        relative clause ("proposal yang dibuat oleh Moskow") and, for a request or demand,
        into its complement, whose subject is the one asked ("demanded that the US
        cancel", "mendesak agar KPK memeriksa"); other clause words end it."""
        words = sentence.words
        through = self.lexicon.word_set("relatives")
        if request:
            through |= self.lexicon.word_set("complementizers")
        stops = self.lexicon.word_set("clause_starts") - through
        listing = self.lexicon.word_set("enumeration")
        particles = self.lexicon.word_set("verb_particles")
        conj = self.lexicon.word_set("conjunctions")
        predicate = self.lexicon.word_set("predicate_starts")
        hi, limit = end, end + TARGET_WINDOW
        while hi < min(len(words), limit):
            if (words[hi] == "," and hi + 1 < len(words) and (words[hi + 1],) in listing
                    and limit == end + TARGET_WINDOW):
                # "menggeledah tiga kantor, yakni Ruang ... Dinas PUPR": the object's
                # members are listed after it
                hi, limit = hi + 2, hi + 2 + TARGET_WINDOW
                continue
            if (hi == end and (words[hi],) in particles and hi + 1 < len(words)
                    and (words[hi + 1],) in self.lexicon.word_set("determiners")):
                # "denounced as an ugly crime Serbia's suppression" (not "resign as
                # Foreign Affairs minister", a role)
                hi += 1
                continue
            if words[hi] in HARD_STOPS or (words[hi],) in stops or words[hi] == ",":
                break
            if ((words[hi],) in conj and hi + 1 < len(words)
                    and (words[hi + 1],) in predicate):
                break  # "refused to deploy peacekeepers in Iraq and has urged its citizens"
            hi += 1
        found = [s for s in self._actors_between(sentence, end, hi)
                 if skip is None or s.actor != skip.actor]
        # Not inside the pattern's object ("mengirim pasukan ke Filipina") unless the
        # object is the only actor there ("menetapkan tersangka").
        outside = [s for s in found if not exclude[0] <= s.start < exclude[1]]
        return (outside or found or [None])[0]

    def _violent_means(self, sentence: _Sentence) -> bool:
        """Whether the sentence names a weapon or an attack (the pack's `violent_means`,
        stems: "bomb", "explosi"): a death in a stampede or a crash has no place agent."""
        stems = tuple(p[0] for p in self.lexicon.word_set("violent_means") if len(p) == 1)
        return bool(stems) and any(w.startswith(stems) for w in sentence.words)

    def _place_agent(self, sentence: _Sentence, target: ActorSpan | None) -> ActorSpan | None:
        """The first place the sentence names (as a location or an actor) other than the
        target, as an actor of its country (`place_agent_roots`)."""
        spans = sorted((*sentence.places,
                        *(a for a in sentence.actors if a.entity_type == "LOC")),
                       key=lambda a: a.start)
        return next((a for a in spans if a.actor.country and (
            target is None or not (a.start < target.end and target.start < a.end))), None)

    def _accused(self, sentence: _Sentence, addressee: ActorSpan) -> ActorSpan | None:
        """The one complained about, after the pack's `accusation_prepositions`, rather
        than the one complained to (after `addressee_prepositions`): "Lebanon complained
        to the United Nations on Tuesday over two Israeli air raids"."""
        words = sentence.words
        marks = self.lexicon.word_set("accusation_prepositions")
        to = self.lexicon.word_set("addressee_prepositions")
        if not marks or not any((w,) in to
                                for w in words[max(0, addressee.start - 2):addressee.start]):
            return None
        hi = min(len(words), addressee.end + TARGET_WINDOW)
        for j in range(addressee.end, hi):
            if words[j] in HARD_STOPS or words[j] in CLAUSE_MARKS:
                return None
            if (words[j],) in marks:
                return next((a for a in sentence.actors if j < a.start <= j + 3), None)
        return None

    def _place_after(self, sentence: _Sentence, end: int) -> ActorSpan | None:
        """The first place named after the trigger in its clause, as an actor of its
        country."""
        limit = self._clause_end(sentence, end)
        for span in sentence.places:
            if end <= span.start < limit and span.actor.country:
                return span
        return None

    def _agent(
        self, sentence: _Sentence, end: int, passive: bool = False
    ) -> tuple[ActorSpan | None, int]:
        """The source of a passive or nominal trigger: the actor after "oleh"/"by", and
        where that phrase starts (the target must come before it)."""
        agents = self.lexicon.word_set("agent_prepositions")
        passive_support = frozenset() if passive else self.lexicon.word_set("passive_support")
        words = sentence.words
        for j in range(end, min(len(words), end + TARGET_WINDOW)):
            if words[j] in HARD_STOPS:
                break
            if (words[j],) in passive_support and j - end <= SUPPORT_REACH and "," not in words[
                end:j
            ]:
                # "Aksi pencurian dilakukan Berangus", "Penangkapan dilakukan tim Resmob":
                # a passive support verb after a nominal trigger takes its agent without
                # "oleh"
                k = j + 1
                while k < len(words) and (words[k],) in self.quantifiers:
                    k += 1
                found = [a for a in sentence.actors
                         if a.start == k and not a.place_only and a.entity_type != "LOC"]
                if found:
                    return found[0], j
            reach = self.lexicon.noun_agent_reach
            if (words[j],) in agents and (passive or reach is None or j - end <= reach):
                found = self._actors_between(sentence, j + 1, j + 4)
                if not found and self.lexicon.word_set("long_agents"):
                    # "oleh Paminal Propam Polda Sumut": a long name starting right after
                    found = [a for a in sentence.actors if j + 1 <= a.start < j + 4
                             and not a.place_only]
                named = self._actors_between(sentence, j + 1, j + 6)
                if (found and found[0].entity_type is None and len(named) > 1
                        and named[1].start == found[0].end + 1 and words[found[0].end] == ","):
                    return named[1], j  # "oleh partainya, Golkar": the name
                if found:
                    return found[0], j
        # "ditetapkan tersangka di Polda Metro Jaya", "berdasarkan surat Polda Sulteng": an
        # institution after the pack's `institution_prepositions` acts on a passive verb
        # (not a building: a place is no actor, and "Rutan Polres" is no institution of a
        # sector). After a noun it is where the act happens: "pengusutan perkara di
        # Kemenaker".
        markers = self.lexicon.word_set("institution_prepositions") if passive else frozenset()
        hi = min(self._clause_end(sentence, end), end + TARGET_WINDOW)
        for j in range(end, hi):
            size = next((len(m) for m in sorted(markers, key=len, reverse=True)
                         if tuple(words[j:j + len(m)]) == m), 0)
            if not size:
                continue
            # (an institution the entity model drew as a place, "Polda Sulteng", counts
            # when it has an institutional sector)
            found = [a for a in sentence.actors if a.start == j + size
                     and a.entity_type in ("ORG", "LOC") and not a.place_only
                     and a.actor.sector in INSTITUTIONAL]
            if found:
                return found[0], j
        return None, len(words)

    @staticmethod
    def _span_len(sentence: _Sentence, at: int) -> int:
        """Tokens of the actor starting at `at` (0 when none starts there)."""
        return next((a.end - a.start for a in sentence.actors if a.start == at), 0)

    def _patient_nominal(self, word: str) -> bool:
        """Whether a nominal trigger's genitive is its patient: Indonesian peN-an nouns
        ("penangkapan X" is X's arrest) against -an nouns ("serangan Rusia" is Russia's
        attack); the prefixes are the pack's `patient_nominal_prefixes`, and the pack's
        `patient_nominals` are such nouns of other shapes ("pelecehan murid")."""
        if (word,) in self.lexicon.word_set("patient_nominals"):
            return True
        return any(word.startswith(p) and len(word) > len(p) + 4
                   for (p,) in self.lexicon.word_set("patient_nominal_prefixes"))

    def _resolve_pronoun(
        self, sentence: _Sentence, start: int, noun: bool = False
    ) -> Actor | None:
        """The actor of a subject the sentence does not name: a first-person subject, or
        none at all, at the start of a quote is its speaker ("“Menonaktifkan saudara
        Adies Kadir ...,” kata Sarmuji"); a third-person pronoun the last named actor."""
        clause = self._clause_start(sentence, start)
        before = sentence.words[clause:start]
        # "“Menjatuhkan sanksi ...,” sambungnya": a support verb may open the quote
        support = self.lexicon.word_set("support_verbs")
        # (and the pack's `quote_open_adverbs`: "“Kemudian melakukan penggeledahan ...”")
        adverbs = self.lexicon.word_set("quote_open_adverbs")
        opens_quote = all(w in CLAUSE_MARKS or (w,) in support or (w,) in adverbs
                          for w in before)
        # "“Pemeriksaan saksi dilakukan tanpa surat panggilan,” ujar hakim": a bare noun
        # opening a quote is what the speaker talks about, not the speaker's act, unless
        # the speaker owns it right after ("“Kunjungan ini kami lakukan ...”")
        after = sentence.words[start + 1 : start + 1 + NOUN_OWNER]
        if noun and not any((w,) in support for w in before):
            opens_quote = opens_quote and any((w,) in self.first_person for w in after)
        # (a saying verb as the trigger opens its own clause: "“Kami mengimbau ...")
        lo = clause
        if 0 < clause == start and (sentence.words[start],) in self.setup.speech:
            lo = self._clause_start(sentence, clause - 1)
        first_person = any((w,) in self.first_person for w in sentence.words[lo:start]) or (
            noun and opens_quote and not any((w,) in support for w in before)
        )  # "“Kunjungan ini kami lakukan ...”": owned by the first person (above)
        if opens_quote and not first_person and self.lexicon.word_set("speaker_in_sentence"):
            # "“Telah menetapkan 1 (satu) orang sebagai tersangka.” (the speaker named in
            # a later sentence): a performative quote needs its speaker in its sentence
            span = self.analysis.sentences[sentence.index]
            offset = sentence.tokens[start].start
            opens_quote = any(q.kind == "direct" and q.start <= offset < q.end <= span.end
                              for q in self.analysis.quotes)
        if opens_quote or first_person:
            speaker = self._speaker_at(sentence.tokens[start].start)
            if speaker is not None:
                return speaker
        speaker = self._reported_speaker(sentence, clause, start)
        if speaker is not None:
            return speaker
        if clause > 0 and sentence.words[clause - 1] not in CLAUSE_MARKS and not any(
            (w,) in self.pronouns for w in before
        ):
            # a clause opened by a word, not a mark, keeps the subject before it: "Dia
            # kemudian berselisih", "Ia juga mengingatkan" (a saying verb opens a clause)
            before = sentence.words[self._clause_start(sentence, clause - 1):start]
        pronoun = next((w for w in before if (w,) in self.pronouns), None)
        if pronoun is not None:
            speaker = self._reporter(sentence, clause)
            if speaker is not None:
                return speaker  # "Gbagbo announced on Sunday that he will extend ..."
        if any((w,) in self.personal_pronouns for w in before):
            return self.last_person or self.last_actor
        if pronoun is not None and (pronoun,) in self.lexicon.word_set("party_pronouns"):
            speaker = self._last_speaker(sentence)
            if speaker is not None:
                return speaker
        if pronoun is not None:
            return self.last_actor
        return None

    def _last_speaker(self, sentence: _Sentence) -> Actor | None:
        """The speaker of the last quote that ends in this sentence or the one before it
        (the pack's `party_pronouns`: "Hingga kini, pihaknya masih melakukan penyelidikan"
        after the police chief's quote is the police's, not the victim's named last)."""
        spans = self.analysis.sentences
        lo = spans[max(0, sentence.index - 1)].start
        hi = sentence.tokens[0].start
        quotes = [q for q in self.analysis.quotes
                  if q.speaker and lo <= q.end and q.start < hi]
        if not quotes:
            return None
        quote = max(quotes, key=lambda q: q.end)
        placed = self.entity_actors.get(quote.speaker or "")
        if placed is not None and placed.code:
            return placed
        entity = next((e for e in self.analysis.entities if e.id == quote.speaker), None)
        if entity is None:
            return None
        actor = self._placed(entity_actor(entity))
        return actor if actor.code else None

    def _reporter(self, sentence: _Sentence, clause: int) -> Actor | None:
        """The subject of the saying verb that opens a clause, directly or through a
        complementizer ("X said they will ...", "X announced on Sunday that he will ..."):
        a pronoun subject of the reported clause is that speaker."""
        if clause == 0:
            return None
        saying = self._saying_verb(sentence, clause)
        if saying is None:
            return None
        speaker = self._subject(sentence, saying, clause_only=False)
        return speaker.actor if speaker is not None else None

    def _saying_verb(self, sentence: _Sentence, clause: int) -> int | None:
        """Where the saying verb stands that opens a clause, directly ("said they will")
        or through a complementizer a few words after it ("declared Tuesday that")."""
        words = sentence.words
        saying = clause
        if (words[clause],) in self.lexicon.word_set("complementizers"):
            saying = next((k for k in range(clause - 1, max(-1, clause - OBLIGATION_REACH), -1)
                           if (words[k],) in self.setup.speech or words[k] in HARD_STOPS), -1)
        if saying < 0 or (words[saying],) not in self.setup.speech:
            return None
        return saying

    def _speaker_pronoun(self, sentence: _Sentence, lo: int, hi: int) -> int | None:
        """Where a pronoun of the pack's `speaker_pronouns` stands in [lo, hi) inside an
        indirect quote with a known speaker, as the subject of what is reported
        ("Dia menyebut pihaknya akan terus berkoordinasi dengan OJK", "Menurutnya, jika
        pemerintah merasa perlu hadir ..., pihaknya akan menyambut baik"); None when
        there is none or an actor stands between it and `hi`."""
        pronouns = self.lexicon.word_set("speaker_pronouns")
        if not pronouns:
            return None
        for k in range(hi - 1, lo - 1, -1):
            if (sentence.words[k],) not in pronouns:
                continue
            if any(k < a.start < hi for a in sentence.actors):
                return None
            offset = sentence.tokens[k].start
            quote = next((q for q in self.analysis.quotes if q.kind == "indirect"
                          and q.start <= offset < q.end and q.speaker_name), None)
            # "pihaknya" anywhere in what is reported; "ia", "dia" only opening it
            # ("Mereka mengatakan bahwa penahanannya sewenang-wenang dan dia ..." is
            # someone else)
            if quote is not None and (sentence.words[k] == "pihaknya"
                                      or quote.start == offset):
                return k
            return None
        return None

    def _reported_speaker(self, sentence: _Sentence, clause: int, start: int) -> Actor | None:
        """The speaker of an indirect quote whose subject is a speaker pronoun before
        `start` in its clause (`_speaker_pronoun`)."""
        k = self._speaker_pronoun(sentence, clause, start)
        if k is None:
            return None
        speaker = self._speaker_at(sentence.tokens[k].start, "indirect")
        if speaker is not None and speaker.entity in self.entity_actors:
            return self.entity_actors[speaker.entity]  # as the article's actors place it
        return speaker

    def _speaker_at(self, offset: int, kind: str = "direct") -> Actor | None:
        for quote in self.analysis.quotes:
            if quote.kind == kind and quote.start <= offset < quote.end and quote.speaker_name:
                entity = next((e for e in self.analysis.entities if e.id == quote.speaker), None)
                if entity is not None:
                    actor = self._placed(entity_actor(entity))
                    if actor.code is None and self.lexicon.word_set("speaker_kind"):
                        # "“Kami berharap ...,” sebutnya" of the Dinas PU: the office's
                        # kind gives its sector, as when it is named in the sentence
                        actor = self.finder.kind_actor(entity.name, actor, entity.type,
                                                       self.default_country) or actor
                    return actor
                actor = Actor(name=quote.speaker_name)
                if self.lexicon.word_set("speaker_kind"):
                    # a speaker the entity stage did not draw: by the kind its name opens
                    # with ("Dinas PU Kota Medan"), else no code
                    actor = self.finder.kind_actor(quote.speaker_name, actor, "ORG",
                                                   self.default_country) or actor
                return actor
        return None

    def _roles(
        self,
        sentence: _Sentence,
        start: int,
        end: int,
        voice: str,
        pattern: Pattern,
        object_span: tuple[int, int],
    ) -> tuple[list[Actor], list[Actor], int | None]:
        """(sources, targets, where the grammatical subject starts when it is named in the
        sentence)."""
        source: ActorSpan | None
        target: ActorSpan | None
        request = (pattern.code or "")[:2] in REQUEST_ROOTS
        if voice == "passive":
            target = self._subject(sentence, start, clause_only=False, first=True)
            if target is None:
                # "A temporary camp for Congolese refugees was attacked": the only actor of
                # the subject is inside it
                clause = self._clause_start(sentence, start)
                inside = [a for a in sentence.actors if clause <= a.start and a.end <= start]
                target = inside[0] if len(inside) == 1 else None
            source, _ = self._agent(sentence, end, passive=True)
            if source is None:  # "diserang Rusia": the agent right after the verb
                reach = end + self._span_len(sentence, end)
                direct = self._actors_between(sentence, end, reach)
                source = direct[0] if direct else None
            if (source is None and object_span[0] == end < object_span[1]
                    and self.lexicon.word_set("agent_after_object")):
                # "terjaring OTT Bidpropam Polda Sumut": after the pattern's object
                after = object_span[1]
                direct = self._actors_between(sentence, after,
                                              after + self._span_len(sentence, after))
                source = direct[0] if direct else None
        elif voice == "noun":
            source, agent_at = self._agent(sentence, end)
            right = self._actors_between(sentence, end, min(agent_at, end + 2))
            genitive = right[0] if right and right[0].start == end else None
            if (genitive is None and right and right[0].start == end + 1
                    and (sentence.words[end],) in self.lexicon.word_set("ordinals")):
                genitive = right[0]  # "kegiatan tangkap tangan kedua KPK"
            if self._patient_nominal(sentence.words[start]):
                # "penangkapan X (oleh Y)": the noun's genitive is what is done to X
                if source is None:
                    source = self._not_victim(
                        sentence, start, self._subject(sentence, start, clause_only=True))
                target = genitive or self._object(sentence, end, source)
            elif source is not None:
                target = right[0] if right else None
            elif genitive is not None:
                source = genitive  # "serangan Rusia ke Ukraina"
                target = self._object(sentence, source.end, source, request)
            elif (pair := self._between(sentence, end, pattern)) is not None:
                source, target = pair  # "negosiasi antara Indonesia dan AS"
            else:
                source = self._not_victim(sentence, start,
                                          self._subject(sentence, start, clause_only=True))
                target = self._object(sentence, end, source, request)
                if target is None and self.lexicon.dyadic:
                    # "will extend the night-time curfew in Abidjan"
                    target = self._place_after(sentence, end)
        elif (sentence.words[start],) in self.first_person and self.lexicon.word_set(
            "object_first"
        ):
            # "pelaku sudah kami tahan", "30% kita bayar": a trigger opened by a
            # first-person word (the pack lists "kami tahan" ...) is the speaker's act; the
            # actor before it is what is acted on, else the actor after it
            speaker = self._resolve_pronoun(sentence, start + 1)
            target = self._subject(sentence, start, clause_only=True, first=True)
            if target is None:
                target = self._object(sentence, end, None, request, object_span)
            targets = self._members(sentence, target, len(sentence.words)) if target else []
            return ([speaker] if speaker else []), [t.actor for t in targets], None
        else:
            source = self._subject(sentence, start, clause_only=False)
            target = self._object(sentence, end, source, request, object_span)
            if target is not None and (pattern.code or "")[:2] == "11":
                target = self._accused(sentence, target) or target
            if target is None and (pattern.code in PLACE_TARGETS or self.lexicon.dyadic):
                # where the act happens: "arrived in Amman", "lifted a curfew in Montenegro"
                target = self._place_after(sentence, end)
        if (source is None and (pattern.code or "")[:2] in self.lexicon.place_agent_roots
                and self._clause_start(sentence, start) == 0 and self._violent_means(sentence)):
            # an attack by no one named, told in the main clause: the place where it
            # happens ("A roadside bombing near the town of Samarra killed ...")
            source = self._place_agent(sentence, target)
        subject = target if voice == "passive" else source
        subject_at = subject.start if subject is not None and subject.start < start else None
        sources = self._members(sentence, source, start) if source else []
        targets = self._members(sentence, target, len(sentence.words)) if target else []
        if subject is None:  # a pronoun or a first-person subject in a quote
            actor = self._resolve_pronoun(sentence, start, voice == "noun")
            if actor is not None and voice == "passive":
                targets = [_Span(actor)]
            elif actor is not None:
                sources = [_Span(actor)]
        if len(sources) > 1 and (
            pattern.symmetric or lookup(pattern.code or "").quad_class in RECIPROCAL_QUADS
        ) and not any(_same(sources[0].actor, s.actor) for s in sources[1:]) and (
            not targets or any(_same(s.actor, targets[0].actor, owned=True) for s in sources)
        ):
            # "X and Y agreed upon a pact", "X and Y signed a treaty": with no other party
            # named (a member's own troops are none: "Israel and Lebanon renewed
            # negotiations on an Israeli troop pullback"), cooperation between the members
            # of a compound subject is mutual
            targets = sources[1:]
            sources = sources[:1]
        return [s.actor for s in sources], [t.actor for t in targets], subject_at

    def _between(self, sentence: _Sentence, end: int,
                 pattern: Pattern) -> tuple[ActorSpan, ActorSpan] | None:
        """The parties of a mutual act named after it with the pack's `between` words,
        right after the trigger or one word later ("negosiasi antara Indonesia dan AS",
        "pertemuan bilateral antara X dan Y", "kerja sama antara Kodam V/Brawijaya dengan
        Kejati"): the first is the source, the second (after one of `between_joiners`)
        the target. Only for reciprocal codes (symmetric, or verbal and material
        cooperation)."""
        words = sentence.words
        marks = self.lexicon.word_set("between")
        if not marks or not (pattern.symmetric
                             or lookup(pattern.code or "").quad_class in RECIPROCAL_QUADS):
            return None
        at = next((k for k in (end, end + 1) if k < len(words) and (words[k],) in marks), None)
        if at is None:
            return None
        first = next((a for a in sentence.actors if a.start == at + 1 and not a.place_only),
                     None)
        if (first is None or first.end >= len(words)
                or (words[first.end],) not in self.lexicon.word_set("between_joiners")):
            return None
        second = next((a for a in sentence.actors
                       if a.start == first.end + 1 and not a.place_only), None)
        if second is None or _same(first.actor, second.actor):
            return None
        return first, second

    def _not_victim(self, sentence: _Sentence, start: int,
                    source: ActorSpan | None) -> ActorSpan | None:
        """No victim right before a nominal trigger is its agent: "menjadi korban
        pembacokan" (the pack's `victims`); nor, in a pack with `noun_after_passive`, the
        subject of a passive verb between them."""
        if source is not None and source.end == start and (
            (sentence.words[source.start],) in self.lexicon.word_set("victims")
        ):
            return None
        if source is not None and self.lexicon.word_set("noun_after_passive"):
            # "Pelaku langsung ditahan untuk penyidikan", "kantor itu digeledah dalam
            # upaya penyidikan": the subject of a passive verb before the noun suffers
            # that verb and is not the noun's agent
            support = self.lexicon.word_set("passive_support")
            for k in range(source.end, start):
                key = (sentence.words[k],)
                if key in support or any(p.voice == "passive"
                                         for p in self.lexicon.triggers.get(key, ())):
                    return None
        return source

    # -- the event ---------------------------------------------------------------------

    def _event(
        self,
        sentence: _Sentence,
        start: int,
        end: int,
        pattern: Pattern,
        object_span: tuple[int, int],
    ) -> bool:
        """Code the event of one trigger; False when it has no source (no event). The
        target is never inside the pattern's object ("mengirim pasukan ke Filipina")."""
        voice = self._voice(sentence, start, pattern)
        if pattern.object_first:
            return self._object_first(sentence, start, end, pattern)
        if voice == "noun" and self._reported_topic(sentence, start, end, pattern):
            return False
        if (voice == "noun" and start > 0
                and (sentence.words[start - 1],) in self.lexicon.word_set("needs")
                and self._agent(sentence, end)[0] is None
                and not any(a.start == end for a in sentence.actors)):
            return False  # "mereka membutuhkan dukungan fiskal", "mengalami kriminalisasi"
        sources, targets, subject_at = self._roles(
            sentence, start, end, voice, pattern, object_span
        )
        asked = self._request_content(sentence, start, subject_at, voice)
        if asked is not None:
            # "meminta AS ... untuk melakukan pendekatan dengan PT PGN": what the one
            # asked is to do, as an event of its own
            targets = [t for t in targets if not any(_same(t, a) for a in asked)]
            return self._emit(sentence, start, end, pattern, voice, asked, targets,
                              subject_at, demanded=True)
        # "menerima permohonan praperadilan yang diajukan HM": a noun naming its own
        # agent after it is no complement of the act before it
        independent = (voice == "noun" and bool(self.lexicon.word_set("noun_with_agent_follows"))
                       and self._agent(sentence, end)[0] is not None)
        return self._emit(sentence, start, end, pattern, voice, sources, targets, subject_at,
                          independent=independent)

    def _reported_topic(self, sentence: _Sentence, start: int, end: int,
                        pattern: Pattern) -> bool:
        """A material act named by a noun right after a reporting verb of the pack's
        `topic_speech` ("Dia menyebut penyitaan tersebut dilakukan pekan lalu", "Prabowo
        mengatakan penangkapan terhadap anak SD ... tidak masuk akal") is what the
        speaker talks about, not the speaker's act, unless it names its agent or is the
        speaker's own ("menegaskan penolakannya"). Material acts and investigations are
        the pack's `topic_speech_roots`; verbal acts are the speaker's: "menyatakan
        dukungan"."""
        topic = self.lexicon.word_set("topic_speech")
        if not topic or start == 0:
            return False
        words = sentence.words
        k = start - 1
        if (words[k],) in self.lexicon.word_set("complementizers") and k > 0:
            k -= 1
        roots = self.lexicon.word_set("topic_speech_roots")
        if (words[k],) not in topic or (lookup(pattern.code or "").root,) not in roots:
            return False
        if any(words[end - 1].endswith(c) for (c,) in self.lexicon.word_set("clitics")):
            return False
        return self._agent(sentence, end)[0] is None

    def _object_first(self, sentence: _Sentence, start: int, end: int,
                      pattern: Pattern) -> bool:
        """A base form with its agent right before it, a first-person word of a quote
        (past the pack's `object_first_adverbs`), and its object before that: "Pihak
        penyalur juga akan kami periksa" is the speaker examining the distributor. The
        object is the clause's first actor before the agent, else the first actor after
        the verb ("akan kami panggil yang bersangkutan"); no event without one."""
        words = sentence.words
        adverbs = self.lexicon.word_set("object_first_adverbs")
        recipients = self.lexicon.word_set("object_first_recipients")
        k = start - 1
        while k >= 0 and (words[k],) in adverbs:
            k -= 1
        if k < 0 or (words[k],) not in self.first_person:
            return False
        source = self._speaker_at(sentence.tokens[k].start)
        if source is None:
            return False
        clause = self._clause_start(sentence, k)
        before = [a for a in sentence.actors if clause <= a.start and a.end <= k
                  and not a.place_only and not self._after_preposition(sentence, a.start)]
        if before:
            target = before[0]
        else:
            # "saya ingatkan terus Kejaksaan", "kami tawarkan kepada tersangka RSS": right
            # after the verb, past adverbs and a recipient's preposition
            j = end
            while j < len(words) and ((words[j],) in adverbs or (words[j],) in recipients):
                j += 1
            target = next((a for a in sentence.actors if a.start == j and not a.place_only),
                          None)
        if target is None:
            return False
        targets = [t.actor for t in self._members(sentence, target, len(words))]
        return self._emit(sentence, start, end, pattern, "passive", [source], targets,
                          target.start if target.start < start else None)

    def _request_content(self, sentence: _Sentence, start: int, subject_at: int | None,
                         voice: str) -> list[Actor] | None:
        """Whom an appeal or demand earlier in the sentence asks, when the trigger at
        `start` is what they are asked to do: a clause the pack's `request_content` words
        open ("untuk", "agar") between the request and the trigger, with no subject of
        its own and no other clause between ("Dede mendorong Polresta Denpasar untuk
        mengkaji ...": Polresta's review, demanded). None otherwise."""
        opens = self.lexicon.word_set("request_content")
        if not opens or self.request is None or voice == "passive":
            return None
        request_end, asked = self.request
        words = sentence.words
        between = range(request_end, start)
        at = next((k for k in reversed(between) if (words[k],) in opens), None)
        if at is None and self.lexicon.word_set("request_direct"):
            # "Pihak Keluarga meminta polisi mengusut tuntas kasus ...": the one asked,
            # then what it is asked to do, with no word between
            direct = [a for a in sentence.actors if request_end <= a.start and a.end == start
                      and any(_same(a.actor, b) for b in asked)]
            at = direct[0].end - 1 if direct else None
        if at is None or any(words[k] in HARD_STOPS for k in between):
            return None
        if subject_at is not None and subject_at > at:
            return None  # "meminta agar KPK memeriksa": the clause names its subject
        if any((w,) in self.setup.boundaries and (w,) not in opens
               for w in words[at + 1:start]):
            return None
        apposition = self.lexicon.word_set("apposition")

        def described(a: ActorSpan) -> bool:
            # "AS selaku Komisaris Utama dan Pemilik Saham ... PT IG, untuk": up to the
            # comma, a description of the one asked
            lo = next((k for k in range(a.start - 1, request_end - 1, -1)
                       if words[k] in CLAUSE_MARKS), request_end)
            return any((w,) in apposition for w in words[lo:a.start])

        others = [a for a in sentence.actors if request_end <= a.start < at
                  and not any(_same(a.actor, b) for b in asked) and not described(a)]
        if others and any(self._trigger_at(sentence, k)[0]
                          for k in range(request_end, others[-1].start)):
            return None  # "meminta para siswa membantu mendorong para korban agar ..."
        self.request = None  # one content per request: "untuk X guna mendukung ..."
        return asked

    def _obligation(self, sentence: _Sentence, at: int) -> bool:
        """A reported obligation is a demand (the pack's `obligation_code`): "Russia said
        on Tuesday that Sudan must return the helicopter" is Russia demanding of Sudan. The
        obligation word ("must") follows its clause's subject, an actor; the clause opens
        with a saying verb or a complementizer right after one; the speaker is the saying
        verb's subject. The verb after the obligation is the demand's content."""
        words = sentence.words
        clause = self._clause_start(sentence, at)
        j = at
        while j > clause and (words[j - 1].endswith("ly") or (words[j - 1],) in self.adverbs):
            j -= 1
        # "the rebels in Darfur must": a place named as a location may follow the subject
        located = next((p.start - 1 for p in sentence.places if p.end == j and p.start > 0), j)
        before = [a for a in sentence.actors
                  if a.start >= clause and a.end <= j and not a.place_only]
        if not before or before[-1].end not in (j, located) or self._after_preposition(
            sentence, before[-1].start
        ):
            return False  # "penetapan tersangka terhadap Lisa perlu diuji": no subject
        prefixes = self.lexicon.word_set("obligation_verb_prefixes")
        k = at + 1
        while k < len(words) and (words[k].endswith("ly") or (words[k],) in self.adverbs):
            k += 1
        if prefixes and not (k < len(words) and any(words[k].startswith(p)
                                                    for (p,) in prefixes)):
            return False  # "Indonesia perlu bangga": an obligation to act, not to be
        target = self._compound_head(sentence, before)
        saying = self._saying_verb(sentence, clause)
        if saying is None:
            return False
        source = self._subject(sentence, saying, clause_only=False)
        if source is None or source.start >= target.start:
            return False
        sources = [s.actor for s in self._members(sentence, source, saying)]
        targets = [t.actor for t in self._members(sentence, target, j)]
        pattern = Pattern(self.lexicon.obligation_code)
        return self._emit(sentence, at, at + 1, pattern, "active", sources, targets,
                          target.start)

    def _emit(
        self,
        sentence: _Sentence,
        start: int,
        end: int,
        pattern: Pattern,
        voice: str,
        sources: list[Actor],
        targets: list[Actor],
        subject_at: int | None,
        demanded: bool = False,
        independent: bool = False,
    ) -> bool:
        """Code an event whose actors are known; False when it is none. `demanded`: the
        content of a request (`_request_content`), never a complement."""
        reported = False
        if not (demanded or independent) and self._is_complement(sentence, start, subject_at):
            if self.previous_code not in {c for (c,) in
                                          self.lexicon.word_set("reported_complements")}:
                return False
            # "tersangka membantah telah melakukan pencabulan": the act denied is coded
            # too, as reported
            reported = True
        if not demanded and self._is_content(sentence, start):
            return False
        in_clause = subject_at is not None and subject_at >= self._clause_start(sentence, start)
        if not sources or sources[0].code is None and sources[0].name is None:
            return False
        source = sources[0]
        target = targets[0] if targets else None
        if target is not None and _same(source, target):
            if voice == "noun":
                return False  # "pembacokan korban": the victim is no agent of its own attack
            target, targets = None, []
        if target is None and (source.code is None or self.lexicon.dyadic):
            return False
        code = lookup(pattern.code)
        if code.root == "19" and (source.sector or "").lower() in {
            w for (w,) in self.lexicon.word_set("assault_by")
        }:
            # "diserang orang tak dikenal": an attack by a criminal or a civilian is an
            # assault (18), not the use of military force (19)
            code = lookup(INDIVIDUAL_ASSAULT)
        key = (
            sentence.index,
            code.code,
            source.code or source.name,
            target.code if target else None,
        )
        if key in self.seen:
            return True
        self.seen.add(key)
        clause = self._clause_start(sentence, start)
        # a saying verb coded by what was said ("said they will release ..."): its plan
        # follows it, as a noun's does (an appeal, "mengimbau masyarakat agar ...", is
        # itself the act)
        said = ((sentence.words[start],) in self.setup.speech
                and code.code[:2] not in REQUEST_ROOTS)
        mood = modality(self.lexicon, sentence.words, clause, start, end, voice == "noun" or said)
        if demanded and mood in ("asserted", "future"):
            mood = "demanded"
        if reported:
            mood = "reported"
        trigger = Mention(
            start=sentence.tokens[start].start,
            end=sentence.tokens[end - 1].end,
            text=self.analysis.text[sentence.tokens[start].start : sentence.tokens[end - 1].end],
        )
        clause_span = (
            sentence.tokens[clause].start,
            sentence.tokens[min(self._clause_end(sentence, end), len(sentence.tokens)) - 1].end,
        )
        confidence = (
            0.5
            + 0.2 * (target is not None)
            + 0.1 * bool(pattern.after or pattern.before)
            + 0.1 * in_clause
            - 0.2 * (voice == "noun")
        )
        self.events.append(
            Event(
                id=f"v{len(self.events) + 1}",
                sentence=sentence.index,
                source=source,
                target=target,
                sources=sources if len(sources) > 1 else [],
                targets=targets if len(targets) > 1 else [],
                cameo=code.code,
                root=code.root,
                plover=plover_type(code, mood),
                plover_mode=code.plover_mode,
                plover_context=code.plover_context,
                quad_class=code.quad_class,
                goldstein=code.goldstein,
                trigger=trigger,
                place=self._place(sentence, clause_span, trigger.start),
                **self._date(clause_span),
                modality=mood,
                confidence=round(min(max(confidence, 0.1), 0.95), 2),
            )
        )
        self.previous_end, self.previous_code = end, code.code
        if code.root in REQUEST_ROOTS and targets:
            self.request = (end, targets)
        return True

    def _is_content(self, sentence: _Sentence, start: int) -> bool:
        """Whether a verb is in the complement of the request or demand coded right
        before it, in a pack that says so (`request_complements`): "demanded that Hamas
        renounce its armed struggle" is one event, the demand."""
        previous = self.previous_end
        if previous is None or previous > start:
            return False
        between = sentence.words[previous:start]
        if any(w in CLAUSE_MARKS or w in HARD_STOPS for w in between):
            return False
        complements = self.lexicon.word_set("request_complements")
        return ((self.previous_code or "")[:2] in REQUEST_ROOTS
                and any((w,) in complements for w in between))

    def _is_complement(self, sentence: _Sentence, start: int, subject_at: int | None) -> bool:
        """A verb with no subject of its own after an event coded earlier in the sentence
        complements that event ("agreed to set up", "menolak untuk membahas") unless it is
        joined to it by a conjunction ("menentang ... dan menuntut") or a word of sequence
        ("mengunjungi Jepang lalu menandatangani"), which shares the subject; so does an
        infinitive after it, whatever names come between."""
        previous = self.previous_end
        if previous is None:
            return False
        if start > 0 and (sentence.words[start - 1],) in self.lexicon.word_set("infinitive"):
            return True  # "dispatched inspectors ... to verify", "datang untuk memeriksa"
        if subject_at is not None and subject_at >= previous:
            return False
        joined = sentence.words[max(previous, start - 3) : start]
        conj = self.lexicon.word_set("conjunctions")
        return not any((w,) in conj or (w,) in self.sequence or (w,) in self.subordinate
                       for w in joined)

    def _place(self, sentence: _Sentence, clause: tuple[int, int], trigger_at: int) -> str | None:
        """The place the trigger's clause names as a location ("bertemu ... di Jenewa"):
        the first after the trigger, else the last before it. An actor's name (Moskow
        rejecting) is no location, and nothing is better than a guess from elsewhere."""
        located = {sentence.tokens[span.start].start for span in sentence.places}
        inside = sorted(
            (m.start, place.id)
            for place in self.analysis.places
            for m in place.mentions
            if m.start in located and clause[0] <= m.start and m.end <= clause[1]
        )
        after = [x for x in inside if x[0] >= trigger_at]
        before = [x for x in inside if x[0] < trigger_at]
        chosen = after[0] if after else before[-1] if before else None
        return chosen[1] if chosen else None

    def _date(self, clause: tuple[int, int]) -> dict[str, str | None]:
        """The date written in the trigger's clause, else the publication date, flagged
        as such in `date_source`."""
        for date in self.analysis.dates:
            if clause[0] <= date.start and date.end <= clause[1]:
                return {"date": date.value, "date_source": "text"}
        if self.analysis.published:
            return {"date": self.analysis.published[:10], "date_source": "published"}
        return {"date": None, "date_source": None}


@dataclass(frozen=True)
class _Span:
    """An actor found outside the sentence's spans (a pronoun's antecedent)."""

    actor: Actor


def _same(a: Actor, b: Actor, owned: bool = False) -> bool:
    """Whether two actors are one; `owned`: or one is a group of the other ("Kenyan
    troops" of Kenya)."""
    if a.entity and a.entity == b.entity:
        # a group of a country is not the country: "Turkish authorities imposed a curfew
        # in ... Turkey", "Croatia is investigating ... Croatian extremists"
        return owned or a.code is None or b.code is None or a.code == b.code
    return a.code is not None and a.code == b.code and a.name == b.name


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
