"""The actors of a sentence: who can be the source or target of an event.

They come from the entities layer (people, organisations, countries, capitals used as
metonyms), from unnamed group nouns in the language pack's `[agents]` ("pasukan Rusia"
is Russia's military, "polisi" the police), and from a user's PETRARCH actor dictionary.
A place name after a locative word ("di Jenewa") is a location, not an actor; a country
or organisation written right before a person's name ("Presiden Rusia Vladimir Putin")
is that person's affiliation, not a second actor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pantau.extract.countries import dominant_country
from pantau.extract.events.lexicon import EventLexicon, Phrase
from pantau.extract.events.petrarch import ActorEntry
from pantau.lang import pack_for
from pantau.model import Actor, Analysis, Entity
from pantau.nlp.tokens import Token

POSSESSIVES = frozenset({"'s", "’s"})
MAX_MARKED_NAME = 3
"""Tokens at most in a name found by its marker ("berinisial HM", "Presiden Ramaphosa")."""
INSTITUTIONAL = frozenset({"COP", "GOV", "JUD", "LEG", "MIL", "SPY"})
"""Sectors of group nouns that are members of the organisation named after them: a
"penyidik" of a prosecutor's office is the prosecutor's (JUD), not the police."""
ORG_KIND_SECTORS = ("EDU", "HLH", "BUS")
"""Sectors of the pack's kinds of organisation (`org_kinds.toml`) that name one ("SMAN
11", "RS Ngoerah", "PT Sritex") but are no actor alone."""
REDUPLICATED = re.compile(r"(\w+)-\1(\w*)")
"""A word written twice with a hyphen, maybe with a clitic ("saksi-saksi", "guru-gurunya")."""
CIVILIAN = frozenset({"CVL"})
"""The sector of unnamed people, never the body a role names ("Kepala Biro Hubungan
Masyarakat": the bureau's, not the public's)."""
PARTY = "PTY"
"""The sector of a party: a description of a person naming one fits a member of any
sector ("Politikus PKB ini" after a legislator of the PKB)."""
MAX_ENUMERATION = 8
"""Tokens at most between a title of no sector and the organisation ending its
enumeration ("ketua, 4 anggota, serta sekjen KPU")."""


@dataclass(frozen=True)
class ActorSpan:
    start: int
    end: int
    """Token indices [start, end) in the sentence."""
    actor: Actor
    target_only: bool = False
    """Only ever a target: a place that is no actor by itself (a city, a region), coded
    with its country ("Rusia merebut Krimea"), or a pronoun after a verb standing for an
    actor named before ("DKPP menilai mereka")."""
    entity_type: str | None = None
    name_start: int | None = None
    """Where the name proper starts when a title or affiliation before it is part of the
    span ("Menteri Perdagangan Budi Santoso"); None: at `start`."""


def sector_of(code: str | None, country: str | None) -> str | None:
    """RUSGOV -> GOV; IGOWSTNAT -> None (an organisation's code is not a sector)."""
    if code and country and code.startswith(country) and len(code) >= len(country) + 3:
        return code[len(country) : len(country) + 3]
    return None


def entity_actor(entity: Entity) -> Actor:
    code = entity.actor_code or (entity.country if entity.type == "LOC" else None)
    return Actor(
        entity=entity.id,
        name=entity.name,
        code=code,
        country=entity.country,
        sector=sector_of(code, entity.country),
    )


def main_country(analysis: Analysis, home: str | None = None,
                 by_entities: bool = False) -> str | None:
    """The country an unnamed actor belongs to (`dominant_country` of the document's
    entities): an unnamed "polisi" in a story about Jakarta is Indonesia's police."""
    counts: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    for entity in analysis.entities:
        if entity.country:
            counts[entity.country] += len(entity.mentions)
            entities[entity.country] += 1
    return dominant_country(counts, entities, home, by_entities)


def _match(words: Sequence[str], i: int, phrases: dict[Phrase, str], longest: int) -> int:
    for size in range(min(longest, len(words) - i), 0, -1):
        if tuple(words[i : i + size]) in phrases:
            return size
    return 0


Resolver = Callable[[str], tuple[str, str | None] | None]
"""A name -> (CAMEO actor code, country), from the knowledge base."""


class ActorFinder:
    def __init__(
        self,
        lexicon: EventLexicon,
        dictionary: Sequence[ActorEntry] = (),
        resolve: Resolver | None = None,
        titles: dict[Phrase, str] | None = None,
        known_name: Callable[[str], bool] | None = None,
        name_markers: frozenset[Phrase] = frozenset(),
    ) -> None:
        """`titles`: role heads with their sector (the entity stage's `roles.toml`), so an
        unnamed "Presiden" or "hakim" is an actor too; the pack's agents win.
        `name_markers`: the language pack's words before a person's name ("berinisial")."""
        self.lexicon = lexicon
        self.resolve = resolve
        self.pronouns = lexicon.word_set("pronouns") | lexicon.word_set("first_person")
        self.locative = lexicon.word_set("locative") - lexicon.word_set("target_prepositions")
        self.agents = {**(titles or {}), **lexicon.agents}
        self.titles = dict(titles or {})
        self.known_name = known_name or (lambda name: False)
        """Whether the knowledge base knows a name (a title before a known place is no
        person's: "Kapolres Garut")."""
        self.not_names = lexicon.word_set("not_names")
        self.apposition = lexicon.word_set("apposition")
        self.heads_only = lexicon.word_set("heads_only_agents")
        """Group nouns that are actors only opening their phrase ("meminta kampus"), as
        they mostly modify the noun before them ("petugas keamanan kampus")."""
        self.origins = lexicon.word_set("agent_origins")
        """Words between a group noun and the actor it belongs to ("soldiers from")."""
        self.ordinals = lexicon.word_set("ordinal_prefixes")
        self.phrase_openers = (lexicon.word_set("conjunctions")
                               | lexicon.word_set("target_prepositions"))
        self.clause_starts = lexicon.word_set("clause_starts")
        self.adverbs = lexicon.word_set("adverbs")
        self.verb_prefixes = lexicon.word_set("verb_prefixes")
        self.clitics = tuple(c for (c,) in lexicon.word_set("clitics"))
        self.determiners = lexicon.word_set("determiners")
        self.modifiers = lexicon.word_set("modifier_agents")
        self.predicate_starts = lexicon.word_set("predicate_starts")
        self.longest_title = max(map(len, self.titles), default=0)
        self.name_markers = {p: "" for p in name_markers}
        self.longest_marker = max(map(len, self.name_markers), default=0)
        self.name_starts = frozenset(p[0] for p in (*self.titles, *self.name_markers))
        """First words of titles and markers: most tokens are none, and a set says so."""
        self.named: dict[Phrase, str] = {}
        self.dated: dict[Phrase, ActorEntry] = {}
        """Named actors whose code depends on the day (PETRARCH's dated codes)."""
        self.user_agents: dict[Phrase, str] = {}
        """The users' group nouns: they win over an entity model's span they overlap."""
        for entry in dictionary:
            (self.user_agents if entry.agent else self.named)[entry.name] = entry.code
            if entry.dated and not entry.agent:
                self.dated[entry.name] = entry
        self.agents.update(self.user_agents)
        self.longest_user_agent = max(map(len, self.user_agents), default=0)
        self.longest_agent = max(map(len, self.agents), default=0)
        self.agent_starts = frozenset(p[0] for p in self.agents)
        """First words of group nouns, as `name_starts`."""
        pack = pack_for(lexicon.language)
        kinds = pack.org_kinds if pack else {}
        self.org_kinds = {p: sector for p, sector in kinds.items() if sector in ORG_KIND_SECTORS}
        self.place_heads = pack.place_heads if pack else frozenset()
        """Words that head a place's name: a body named so after a locative word is where
        something happens ("di Istana Negara"), not an actor."""
        self.longest_org_kind = max(map(len, self.org_kinds), default=0)
        self.unknown_org_places = bool(lexicon.word_set("unknown_org_places"))
        self.longest_name = max(map(len, self.named), default=0)

    def find(
        self,
        tokens: Sequence[Token],
        words: Sequence[str],
        mentions: Sequence[tuple[int, int, Entity]],
        default_country: str | None,
        known: dict[Phrase, Actor] | None = None,
        day: str | None = None,
    ) -> tuple[list[ActorSpan], list[ActorSpan]]:
        """(actors, places named as locations) of one sentence. `known`: the names found
        by their markers in the document so far, updated here ("berinisial HM" makes
        every later "HM" that person); `day`: the document's date (ISO), for the users'
        actors whose code depends on it."""
        spans = self._from_dictionary(words, day)
        places: list[ActorSpan] = []
        taken = {i for s in spans for i in range(s.start, s.end)}
        users = self._user_agent_words(words, taken)
        mentions = [m for m in mentions if not users.intersection(range(m[0], m[1]))]
        named = {i for start, end, _ in mentions for i in range(start, end)}
        marked = self._marked_names(tokens, words, named | taken, default_country,
                                    {} if known is None else known)
        spans.extend(marked)
        named |= {i for s in marked for i in range(s.start, s.end)}
        places_end: set[int] = set()
        """Where a place (not an actor) ends: "di Istana Merdeka, Jakarta" names two."""
        for start, end, entity in mentions:
            if taken.intersection(range(start, end)):
                continue
            if tuple(words[start:end]) in self.pronouns and not tokens[start].text.isupper():
                continue  # "Kita" opening a quote is a pronoun; "US" is no "us"
            if not any(_is_name_word(t.text) and (w,) not in self.determiners
                       for t, w in zip(tokens[start:end], words[start:end], strict=True)):
                continue  # "25,000", "The", "A": no name, whatever the entity model says
            if self._names_a_currency(words, start, end):
                continue  # "dolar Amerika Serikat", "Rp 16.300/US$": money, no actor
            if (entity.type == "LOC" or words[start] in self.place_heads) and start > 0 and (
                (words[start - 1],) in self.locative
                or (words[start - 1] == "," and start - 1 in places_end)
            ):
                places_end.add(end)
                places.append(ActorSpan(start, end, entity_actor(entity), True, "LOC"))
                continue
            actor = entity_actor(entity)
            if (entity.kb_id is None and entity.type == "ORG" and start > 0
                    and (words[start - 1],) in self.locative and self.unknown_org_places
                    and not self._law_kind(words[start:end])):
                # "mendapat bantuan dana hibah ... di DPRD Sumut": an organisation the
                # knowledge base does not know, after a locative word, is where it happens
                # (not police or a court: "ditetapkan tersangka di Polda X" names its agent)
                places_end.add(end)
                places.append(ActorSpan(start, end, actor, True, "ORG"))
                continue
            if actor.code is None and known and tuple(words[start:end]) in known:
                # "HM", introduced as "jurnalis berinisial HM", tagged as an organisation
                spans.append(ActorSpan(start, end, known[tuple(words[start:end])], False,
                                       "PERSON"))
                continue
            if actor.code is None and end - start > 1 and words[end - 1] in POSSESSIVES:
                # "Sudan's" (before "government"), drawn with its possessive: the owner
                owner = self.resolve(" ".join(words[start:end - 1])) if self.resolve else None
                if owner is not None:
                    actor = replace_actor(actor, code=owner[0], country=owner[1],
                                          sector=sector_of(owner[0], owner[1]))
            if actor.code is None and entity.type == "ORG":
                actor = self._org_kind(words[start:end], actor, default_country) or actor
            if actor.code is None:
                actor = self._agent_of(words[start:end], actor, entity.type,
                                       default_country) or actor
            if (entity.type == "LOC" and actor.code and actor.code == actor.country
                    and self.lexicon.word_set("kind_places")):
                # "Pemkab Solok", "Otorita IKN" drawn as places of a known country: the
                # institution its kind names, of that country
                size = _match(words, start, self.agents, self.longest_agent)
                if size and start + size < end and self.agents[
                        tuple(words[start:start + size])] in INSTITUTIONAL:
                    code, sector = _coded(actor.country,
                                          self.agents[tuple(words[start:start + size])])
                    actor = replace_actor(actor, code=code, sector=sector)
            if entity.type == "PERSON" and actor.code in (None, actor.country):
                # "Ketua DPRD Kota Bogor, Adityawarman Adil": the body the entity stage's
                # role names, by the pack's group nouns
                actor = self.role_actor(entity.roles, actor, default_country) or actor
            actor = placed_person(actor, entity.type, default_country)
            target_only = entity.type == "LOC" and not entity.actor_code and not actor.sector
            if actor.code is None and actor.name is None:
                continue
            lo = start
            if entity.type == "PERSON":
                lo, owner = self._marked_from(words, start, taken)
                if owner is not None:
                    named.update(range(owner, lo))  # the group noun is the person
                    sector = self.agents[tuple(words[owner:lo])]
                    if actor.sector is None and actor.country and sector:
                        code, sector = _coded(actor.country, sector)
                        actor = replace_actor(actor, code=code, sector=sector)
                    if owner == 0 or (words[owner - 1],) not in self.apposition:
                        lo = owner  # (not "ditetapkan sebagai tersangka berinisial BP")
            spans.append(ActorSpan(lo, end, actor, target_only, entity.type,
                                   start if lo < start else None))
        spans.sort(key=lambda s: s.start)
        if self.lexicon.word_set("kind_of_country"):
            spans = self._foreign_institutions(words, spans)
        # Group nouns first, so that a title and its country ("menteri luar negeri AS")
        # right before a name go together as that person's affiliation.
        spans = self._with_agents(words, spans, default_country, named)
        return self._drop_affiliations(spans, words), places

    def _agent_of(
        self,
        words: Sequence[str],
        actor: Actor,
        entity_type: str | None = None,
        default_country: str | None = None,
    ) -> Actor | None:
        """A name the entity model drew over a group noun and its owner ("Pasukan
        Rusia"): the owner's code with the group's sector; or over a known name and words
        before it ("Senior Hungarian"): the known name's code; or an organisation named
        after its kind ("Kejaksaan Negeri Lembata", "Polresta Denpasar"): the article's
        country with that kind's sector."""
        size = _match(words, 0, self.agents, self.longest_agent)
        if self.resolve is None:
            return self._kind_of(words, actor, size, entity_type, default_country)
        if size and size < len(words):
            owner = self.resolve(" ".join(words[size:]))
            if owner is not None:
                code, country = owner
                code, sector = _coded(country or code, self.agents[tuple(words[:size])])
                return replace_actor(actor, code=code, country=country, sector=sector)
        if (size and self.agents[tuple(words[:size])] in INSTITUTIONAL
                and self.lexicon.word_set("kind_of_country")):
            # "Kementerian Luar Negeri China Lin Jian" (a spokesman's name drawn into the
            # ministry's): a country named inside the name is the institution's
            for k in range(size, len(words)):
                owner = self.resolve(words[k])
                if owner is not None and owner[1] and owner[0] == owner[1]:
                    code, sector = _coded(owner[1], self.agents[tuple(words[:size])])
                    return replace_actor(actor, code=code, country=owner[1], sector=sector)
        # "Senior Hungarian": the longest known ending names the actor; a person's
        # surname is no organisation's name ("Sergey Brin" is not BRIN, the agency)
        for first in range(1, len(words)):
            owner = self.resolve(" ".join(words[first:]))
            if owner is not None and entity_type == "PERSON" and owner[0] != owner[1]:
                continue
            if owner is not None:
                code, country = owner
                if (size and country and code == country
                        and self.agents[tuple(words[:size])] in INSTITUTIONAL
                        and self.lexicon.word_set("kind_of_country")):
                    # "Kementerian Luar Negeri China": the country's government, CHNGOV
                    code, sector = _coded(country, self.agents[tuple(words[:size])])
                    return replace_actor(actor, code=code, country=country, sector=sector)
                return replace_actor(actor, code=code, country=country)
        # "Palestinians of the Israeli-occupied West Bank": the known head before "of"
        genitive = self.lexicon.word_set("genitive_prepositions")
        at = next((k for k, w in enumerate(words) if (w,) in genitive), 0)
        owner = self.resolve(" ".join(words[:at])) if at else None
        if owner is not None:
            return replace_actor(actor, code=owner[0], country=owner[1])
        return self._kind_of(words, actor, size, entity_type, default_country)

    def _foreign_institutions(self, words: Sequence[str],
                              spans: list[ActorSpan]) -> list[ActorSpan]:
        """An institution right before another country ("Kementerian Luar Negeri (Kemlu)
        China", the knowledge base taking the ministry for Indonesia's) is that country's:
        one span, the country's code with the institution's sector (CHNGOV)."""
        result: list[ActorSpan] = []
        for span in spans:
            before = result[-1] if result else None
            gap = words[before.end:span.start] if before is not None else []
            if (before is not None and span.entity_type == "LOC"
                    and span.actor.code and span.actor.code == span.actor.country
                    and before.entity_type in ("ORG", None)
                    and before.actor.sector in INSTITUTIONAL
                    and before.actor.country != span.actor.country
                    and self._is_country(words[span.start:span.end])
                    and (not gap or (len(gap) <= 3 and gap[0] == "(" and gap[-1] == ")")
                         or (gap == [")"] and before.start > 0
                             and words[before.start - 1] == "("))):
                country, sector = span.actor.country, before.actor.sector
                start = before.start
                if gap == [")"]:
                    # "Kementerian Luar Negeri (Kemlu) China": the short name in brackets
                    # is the name before it
                    result.pop()
                    if result and result[-1].end == before.start - 1:
                        start = result.pop().start
                    result.append(before)
                actor = replace_actor(before.actor, code=country + sector, country=country,
                                      name=" ".join(words[start:span.end]))
                result[-1] = ActorSpan(start, span.end, actor, False, "ORG")
                continue
            result.append(span)
        return result

    def _is_country(self, words: Sequence[str]) -> bool:
        """Whether the knowledge base knows the words as a country ("China", not the
        Indian city "Kota" of "Polres Tasikmalaya Kota")."""
        owner = self.resolve(" ".join(words)) if self.resolve else None
        return owner is not None and owner[0] == owner[1]

    def _law_kind(self, words: Sequence[str]) -> bool:
        """Whether a name starts with a group noun of the police or the judiciary."""
        size = _match(words, 0, self.agents, self.longest_agent)
        return bool(size) and self.agents[tuple(words[:size])] in ("COP", "JUD")

    def _org_kind(self, words: Sequence[str], actor: Actor,
                  default_country: str | None) -> Actor | None:
        """An organisation the knowledge base does not know, named after a kind that is
        no group noun by itself (the pack's `org_kinds.toml`: "SMAN 11 Semarang",
        "Universitas Indonesia" EDU, "RS Ngoerah" HLH, "PT Sritex", "Bank NTB" BUS): the
        article's country with that sector."""
        if not self.org_kinds or not default_country:
            return None
        size = _match(words, 0, self.org_kinds, self.longest_org_kind)
        if not size or size == len(words):
            return None
        sector = self.org_kinds[tuple(words[:size])]
        return replace_actor(actor, code=default_country + sector, country=default_country,
                             sector=sector)

    def role_actor(self, roles: Sequence[str], actor: Actor,
                   default_country: str | None) -> Actor | None:
        """A person with no code or a bare country whose role, as the entity stage read it,
        names a body the entity stage could not code (its group nouns are this pack's),
        in a pack that says so (`role_sectors`): the sector of the first body the role
        names by a group noun or a kind of organisation of the pack ("Ketua DPRD Kota
        Bogor" LEG, "Kepala Klinik Cahaya" HLH, "Komisaris Utama PT Dosni Roha" BUS; not
        a body of civilians, "Kepala Bagian Pemberdayaan Masyarakat"), else of its first
        title of a sector ("Wali Kota Padang" GOV); with a country the role names, else
        the person's or the article's. None when the role names neither ("Pengacara
        Ridwan Kamil")."""
        if not self.lexicon.role_sectors:
            return None
        for role in roles:
            tokens = [t.strip(",.()") for t in role.split()]
            words = [t.lower() for t in tokens]
            body, title, country, i = None, None, None, 0
            while i < len(words):
                size = _match(words, i, self.agents, self.longest_agent)
                kinds = _match(words, i, self.org_kinds, self.longest_org_kind)
                phrase = tuple(words[i:i + size])
                sector = self.agents[phrase] if size else ""
                if phrase in self.titles:
                    title = title or sector or None
                elif sector and sector not in CIVILIAN:
                    body = body or sector
                elif kinds and i + kinds < len(words):
                    body = body or self.org_kinds[tuple(words[i:i + kinds])]
                elif not body and tokens[i][:1].isupper():
                    # "anggota Komisi Pemilihan Umum": a body the knowledge base knows
                    for j in range(min(len(tokens), i + MAX_MARKED_NAME + 2), i, -1):
                        known = self.resolve(" ".join(tokens[i:j])) if self.resolve else None
                        if known is not None and sector_of(*known):
                            body, country, size = sector_of(*known), known[1], j - i
                            break
                owner = self.resolve(tokens[i]) if self.resolve and tokens[i] else None
                if owner is not None and owner[1] and owner[0] == owner[1]:
                    country = owner[1]  # "pengacara Departemen Kehakiman AS"
                i += max(size, kinds, 1)
            country = country or actor.country or default_country
            if (body or title) and country:
                code, sector = _coded(country, body or title or "")
                return replace_actor(actor, code=code, country=country, sector=sector)
        return None

    def kind_actor(self, name: str, actor: Actor, entity_type: str | None,
                   default_country: str | None) -> Actor | None:
        """An organisation named after its kind ("Dinas PU Kota Medan"), as `_kind_of`,
        from its name alone (a quote's speaker, named in another sentence)."""
        words = [w for w in name.lower().split() if w]
        size = _match(words, 0, self.agents, self.longest_agent)
        return self._kind_of(words, actor, size, entity_type, default_country)

    def _kind_of(
        self,
        words: Sequence[str],
        actor: Actor,
        size: int,
        entity_type: str | None,
        default_country: str | None,
    ) -> Actor | None:
        """An organisation whose name starts with a group noun of an institutional sector
        ("Pengadilan Negeri Palu", "Polda Sulteng"): the article's country, that sector.
        A place after a locative word never gets here ("di Polda Metro Jaya")."""
        # (the pack's `kind_places`: also a name the entity model drew as a place,
        # "Satpol PP Kabupaten Pasuruan menyita ...")
        # (and a name drawn as a person: "Pemkab Solok", "Jaksa Tegar")
        kinds = (("ORG", "LOC", "PERSON") if self.lexicon.word_set("kind_places")
                 else ("ORG",))
        if not size or entity_type not in kinds or not default_country:
            return None
        sector = self.agents[tuple(words[:size])]
        if sector not in INSTITUTIONAL:
            return None
        return replace_actor(actor, code=default_country + sector, country=default_country,
                             sector=sector)

    def _opens_phrase(self, words: Sequence[str], i: int) -> bool:
        """Whether the word at i opens a noun phrase: first, or after a mark, a
        conjunction, a preposition, a word that starts a clause ("saat rakyat
        mempertanyakan"), an adverb ("mungkin saja rakyat tidak akan ...") or a verb (a
        word of the pack's `verb_prefixes`)."""
        if i == 0:
            return True
        before = words[i - 1]
        return (not before.isalpha() or (before,) in self.phrase_openers
                or (before,) in self.clause_starts or (before,) in self.adverbs
                or any(before.startswith(p) for (p,) in self.verb_prefixes))

    def _clitic_stem(self, word: str) -> str | None:
        """The one-word group noun under a clitic ("muridnya" -> "murid"), else None."""
        stem = _strip(word, self.clitics)
        return stem if stem is not None and (stem,) in self.agents else None

    def _marked_names(
        self,
        tokens: Sequence[Token],
        words: Sequence[str],
        covered: set[int],
        default_country: str | None,
        known: dict[Phrase, Actor],
    ) -> list[ActorSpan]:
        """People the entity model missed but the text marks as names: capitalised words
        (or initials) right after a name marker ("berinisial HM", "alias Berangus",
        "Saudara ISW") or a title with a sector ("Presiden Ramaphosa"). The sector is the
        title's, or that of a group noun right before the marker ("jurnalis berinisial
        HM")."""
        spans: list[ActorSpan] = []
        starts = self.name_starts | {p[0] for p in known}
        i = 0
        while i < len(words):
            if i in covered or words[i] not in starts:
                i += 1
                continue
            size = _match(words, i, known, MAX_MARKED_NAME)
            if size and tokens[i].text[:1].isupper() and not covered.intersection(
                range(i, i + size)
            ):
                spans.append(ActorSpan(i, i + size, known[tuple(words[i:i + size])], False,
                                       "PERSON"))
                i += size
                continue
            size = _match(words, i, self.name_markers, self.longest_marker)
            lo, sector, by_title = i, None, not size
            if size:
                owners = [n for n in range(1, min(i, self.longest_agent) + 1)
                          if tuple(words[i - n:i]) in self.agents and i - n not in covered]
                if owners:
                    lo = i - owners[-1]
                    sector = self.agents[tuple(words[lo:i])]
            else:
                size = _match(words, i, self.titles, self.longest_title)
                # a title starts the capitalised run: "Peraturan Presiden Nomor 44" and
                # "Direktorat Jenderal Pajak" are no names
                if (not size or not tokens[i].text[:1].isupper()
                        or (i > 0 and _is_name_word(tokens[i - 1].text))):
                    i += 1
                    continue
                sector = self.titles[tuple(words[i:i + size])]
            j = k = i + size
            while (k < len(words) and k - j < MAX_MARKED_NAME and k not in covered
                   and _is_name_word(tokens[k].text)
                   and (words[k],) not in self.agents and (words[k],) not in self.pronouns):
                k += 1
            name = " ".join(t.text for t in tokens[j:k])
            if (k == j or (k < len(words) and (k in covered or _is_name_word(tokens[k].text)))
                    or any((w,) in self.not_names for w in words[j:k])
                    or (by_title and (self.known_name(name)  # "Kapolres Garut"
                                      or (k < len(words) and words[k] == "(")))):
                i = max(i + 1, k)
                continue
            code = ((default_country or "") + (sector or "")) or None
            actor = Actor(name=name, code=code, country=default_country, sector=sector)
            spans.append(ActorSpan(lo, k, actor, False, "PERSON"))
            if not by_title:  # a marker says it is a name; a title only suggests it
                known.setdefault(tuple(words[j:k]), actor)
            i = k
        return spans

    def _marked_from(self, words: Sequence[str], start: int,
                     taken: set[int]) -> tuple[int, int | None]:
        """(where a person's phrase starts, where the group noun before it starts) when a
        name marker introduces the name the entity stage found: in "seorang wartawan
        berinisial QZ" the marker is part of QZ's phrase, and the group noun is QZ, no
        actor of its own, and gives QZ's sector."""
        size = next((n for n in range(min(start, self.longest_marker), 0, -1)
                     if tuple(words[start - n:start]) in self.name_markers), 0)
        if not size:
            return start, None
        lo = start - size
        owners = [n for n in range(1, min(lo, self.longest_agent) + 1)
                  if tuple(words[lo - n:lo]) in self.agents and lo - n not in taken]
        return lo, (lo - owners[-1] if owners else None)

    def _from_dictionary(self, words: Sequence[str], day: str | None) -> list[ActorSpan]:
        """The users' named actors in the sentence, coded as on `day` (ISO date)."""
        spans = []
        i = 0
        while i < len(words) and self.longest_name:
            size = _match(words, i, self.named, self.longest_name)
            if size:
                phrase = tuple(words[i : i + size])
                dated = self.dated.get(phrase)
                code = dated.code_on(day) if dated is not None else self.named[phrase]
                name = " ".join(phrase)
                country = code[:3] if len(code) >= 3 else None
                spans.append(
                    ActorSpan(
                        i,
                        i + size,
                        Actor(
                            name=name, code=code, country=country, sector=sector_of(code, country)
                        ),
                    )
                )
                i += size
            else:
                i += 1
        return spans

    def _user_agent_words(self, words: Sequence[str], taken: set[int]) -> set[int]:
        """Where the users' group nouns stand ("lawmakers", "human rights activists"):
        a user's dictionary says what they are, over an entity model that drew them as a
        name ("Lawmakers" as a person, "Human" as a place) or inside one ("Fornost
        President Umbardacil"), as PETRARCH, which has no entity model, reads them."""
        if not self.longest_user_agent:
            return set()
        keys = self._singulars(words)
        found: set[int] = set()
        i = 0
        while i < len(words):
            size = 0 if i in taken else _match(keys, i, self.user_agents,
                                                self.longest_user_agent)
            found.update(range(i, i + size))
            i += size or 1
        return found

    def _ends_in_title(self, span: ActorSpan, words: Sequence[str]) -> bool:
        """Whether a span ends in a title ("Bulgarian President", drawn by the entity
        model as a person of its own)."""
        return any(tuple(words[span.end - n:span.end]) in self.titles
                   for n in range(1, min(self.longest_title, span.end - span.start) + 1))

    def _ordinal(self, word: str) -> bool:
        """Whether a word is an ordinal of the pack's `ordinal_prefixes` ("ke-7")."""
        return any(word.startswith(p) and word[len(p):].isdigit() for (p,) in self.ordinals)

    def _drop_affiliations(self, spans: list[ActorSpan], words: Sequence[str]) -> list[ActorSpan]:
        """A title or organisation right before a person is the person's: one span from
        the title to the name ("Menteri Perdagangan Budi Santoso", "Bulgarian President
        Todor Zhivkov", "Presiden ke-7 Joko Widodo")."""
        kept: list[ActorSpan] = []
        start: int | None = None
        for span, following in zip(spans, [*spans[1:], None], strict=False):
            if (
                following is not None
                and following.entity_type == "PERSON"
                and (span.entity_type != "PERSON" or self._ends_in_title(span, words))
                and (following.start == span.end or (following.start == span.end + 1
                                                      and self._ordinal(words[span.end])))
            ):
                start = span.start if start is None else start
                continue
            if start is not None and span.entity_type == "PERSON":
                span = ActorSpan(start, span.end, span.actor, span.target_only, span.entity_type,
                                 span.start)
            start = None
            kept.append(span)
        return kept

    def _with_agents(
        self,
        words: Sequence[str],
        spans: list[ActorSpan],
        default_country: str | None,
        named: set[int],
    ) -> list[ActorSpan]:
        """Group nouns: merged with the country or organisation right after them ("pasukan
        Rusia"), or after one of the pack's `agent_origins` ("soldiers from Gondor"), or
        right before them ("Russian troops"), else standing alone. Never inside
        a name ("Istana Merdeka") or after a locative word ("di istana")."""
        if not self.longest_agent:
            return spans
        keys = self._singulars(words)
        by_start = {s.start: s for s in spans}
        by_end = {s.end: s for s in spans}
        covered = named | {i for s in spans for i in range(s.start, s.end)}
        covered |= {i + 1 for i, w in enumerate(words) if (w,) in self.locative}
        result = list(spans)
        i = 0
        while i < len(words):
            size = (0 if i in covered or keys[i] not in self.agent_starts
                    else _match(keys, i, self.agents, self.longest_agent))
            if size and tuple(keys[i:i + size]) in self.heads_only and not self._opens_phrase(
                words, i
            ):
                size = 0  # "petugas keamanan kampus", "budaya kampus": a modifier
            if not size:
                stem = None if i in covered else self._clitic_stem(keys[i])
                if stem is not None:
                    # "muridnya", "partainya": the group noun with its owner's clitic
                    code, sector = _coded(default_country or "", self.agents[(stem,)])
                    result.append(ActorSpan(i, i + 1, Actor(
                        name=words[i], code=code, country=default_country, sector=sector)))
                i += 1
                continue
            if self._modifies(keys, i, size):
                i += size  # "naval blockade", "general strike", "humanitarian workers"
                continue
            group = sector = self.agents[tuple(keys[i : i + size])]
            after, before = by_start.get(i + size), by_end.get(i)
            link = ""
            if after is None and i + size < len(words) and (words[i + size],) in self.origins:
                after = by_start.get(i + size + 1)  # "Soldiers from Gondor"
                link = words[i + size] + " "
            if before is None and i > 0 and words[i - 1] in POSSESSIVES:
                before = by_end.get(i - 1)  # "Montenegro's prime minister"
            if before is None and i > 2 and words[i - 1] == ")" and words[i - 3] == "(":
                # "Montenegro Municipality Association (AKK) officials"
                before = by_end.get(i - 3)
            owner = next(
                (
                    s
                    for s in (after, before)
                    if s is not None and s in result and s.entity_type != "PERSON"
                ),
                None,
            )
            if owner is None and not sector:
                # "ketua, 4 anggota, serta sekjen KPU": a title of no sector of its own
                # takes the organisation that ends its enumeration
                owner = self._enumeration_owner(keys, i + size, spans)
                if owner is not None:
                    actor = replace_actor(owner.actor, name=" ".join(words[i:i + size]))
                    result.append(ActorSpan(i, i + size, actor, False, None))
                i += size  # alone ("jabatan ketua", "ada anggota yang ..."), no actor
                continue
            if owner is not None:
                result.remove(owner)
                code, sector = _coded(
                    owner.actor.country or owner.actor.code or default_country or "", sector)
                if not sector and owner.actor.code:
                    # "anggota KPU", "ketua DPRD": a member of the body, in its code
                    code, sector = owner.actor.code, owner.actor.sector or ""
                if sector in INSTITUTIONAL and owner.actor.sector and owner.actor.code:
                    # "penyidik Kejaksaan Negeri": a member of the body, in its sector
                    code, sector = owner.actor.code, owner.actor.sector
                phrase = " ".join(words[i:i + size])
                name = (f"{phrase} {link}{owner.actor.name}" if i < owner.start
                        else f"{owner.actor.name} {phrase}")
                actor = replace_actor(owner.actor, code=code, sector=sector, name=name)
                start, end = min(i, owner.start), max(i + size, owner.end)
                merged = ActorSpan(start, end, actor, False, owner.entity_type)
                result.append(merged)
                # "Israeli intelligence officials": the merged span owns a group noun after it
                by_end[end] = merged
                if link and group:
                    self._share_origin(words, owner.end, group, phrase + " " + link,
                                       by_start, result)
            else:
                name = " ".join(words[i : i + size])
                # a prefix agent alone is of no country: "MSF" is an NGO, not Arnor's
                country = None if sector.endswith("~") else default_country
                code, sector = _coded(country or "", sector)
                result.append(
                    ActorSpan(
                        i,
                        i + size,
                        Actor(name=name, code=code, country=country, sector=sector),
                    )
                )
            i += size
        result.sort(key=lambda s: s.start)
        return result

    def _share_origin(self, words: Sequence[str], at: int, sector: str, prefix: str,
                      by_start: dict[int, ActorSpan], result: list[ActorSpan]) -> None:
        """The other countries or bodies joined to a group noun's origin are its too:
        "Lawmakers in Fornost and Gondor" are Fornost's and Gondor's legislators,
        "soldiers from Russia and Belarus" Russian and Belarusian troops."""
        conjunctions = self.lexicon.word_set("conjunctions")
        while at + 1 < len(words) and ((words[at],) in conjunctions or words[at] == ","):
            member = by_start.get(at + 1)
            if (member is None or member not in result or member.entity_type == "PERSON"
                    or not (member.actor.country or member.actor.code)):
                return
            code, shared = _coded(member.actor.country or member.actor.code or "", sector)
            index = result.index(member)
            result[index] = replace(member, actor=replace_actor(
                member.actor, code=code, sector=shared,
                name=prefix + (member.actor.name or "")))
            at = member.end

    def _names_a_currency(self, words: Sequence[str], start: int, end: int) -> bool:
        """Whether a name is the country of a currency: after one of the pack's
        `currency_words` ("dolar AS") or before a currency sign ("US$")."""
        currencies = self.lexicon.word_set("currency_words")
        return bool(currencies) and (
            (start > 0 and (words[start - 1],) in currencies)
            or (end < len(words) and (words[end],) in self.lexicon.word_set("currency_signs")))

    def _singulars(self, words: Sequence[str]) -> Sequence[str]:
        """The words with plurals by reduplication made singular ("saksi-saksi" ->
        "saksi", "guru-gurunya" -> "gurunya"), in a pack that says so
        (`plural_reduplication`); else the words."""
        if not self.lexicon.plural_reduplication:
            return words
        return [_singular(w) for w in words]


    def _enumeration_owner(self, words: Sequence[str], at: int,
                           spans: Sequence[ActorSpan]) -> ActorSpan | None:
        """The organisation after an enumeration of titles of no sector ("ketua, 4
        anggota, serta sekjen KPU": KPU), past commas, conjunctions, numbers and such
        titles only; None when something else comes first."""
        by_start = {s.start: s for s in spans}
        j = at
        while j < len(words) and j - at <= MAX_ENUMERATION:
            span = by_start.get(j)
            if span is not None:
                return span if span.entity_type in ("ORG", None) and span.actor.code else None
            size = _match(words, j, self.agents, self.longest_agent)
            if size and not self.agents[tuple(words[j:j + size])]:
                j += size
                continue
            if words[j] == "," or (words[j],) in self.phrase_openers or words[j].isdigit():
                j += 1
                continue
            return None
        return None

    def _modifies(self, words: Sequence[str], i: int, size: int) -> bool:
        """Whether a one-word group noun the pack lists as also an adjective
        (`modifier_agents`: "naval", "military", "general") modifies the noun after it
        ("naval blockade", "military equipment") rather than heading a subject ("the
        military said", "the military attacked"): the word after it is a plain lower-case
        word, not a past form or one of the pack's `predicate_starts` ("will", "has")."""
        if size != 1 or (words[i],) not in self.modifiers or i + 1 >= len(words):
            return False
        following = words[i + 1]
        return (following.isalpha() and not following.endswith("ed")
                and (following,) not in self.predicate_starts
                and (following,) not in self.agents)


def _singular(word: str) -> str:
    """"saksi-saksi" -> "saksi", "guru-gurunya" -> "gurunya"; other words as they are."""
    match = REDUPLICATED.fullmatch(word)
    return match.group(1) + match.group(2) if match else word


def _strip(word: str, clitics: Sequence[str]) -> str | None:
    for clitic in clitics:
        if word.endswith(clitic) and len(word) > len(clitic) + 2:
            return word[: -len(clitic)]
    return None


def _is_name_word(text: str) -> bool:
    """A capitalised word or initials ("Ramaphosa", "HM", "U.N.", "Mu'ti", "O’Brien"),
    not a number or a mark."""
    return (len(text) >= 2 and text[:1].isupper()
            and re.sub(r"[-.'’]", "", text).isalpha())


def _coded(base: str, sector: str) -> tuple[str, str]:
    """(code, sector) of a group of `sector` that belongs to `base`: "RUS" and "MIL" give
    "RUSMIL"; a PETRARCH prefix agent (`[NGO~]`, read as "NGO~") goes first: "NGOARN",
    once ("IGO~" of NATO's "IGOWSTNAT" is NATO's code)."""
    if sector.endswith("~"):
        prefix = sector[:-1]
        return (base if base.startswith(prefix) else prefix + base), prefix
    return base + sector, sector


def replace_actor(actor: Actor, **changes: object) -> Actor:
    return actor.model_copy(update=changes)


def placed_person(actor: Actor, entity_type: str, country: str | None) -> Actor:
    """A person nothing else codes gets the article's country, no sector."""
    if actor.code is None and entity_type == "PERSON" and country:
        return replace_actor(actor, code=country, country=country)
    return actor
