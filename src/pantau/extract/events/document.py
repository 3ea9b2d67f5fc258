"""What the event coder learns from the whole document before and after its sentences.

`_DocumentRules` (a mixin of `coder._Coder`) finds the parts of people's names named in
full, the people a suspect marker ("oknum") describes, and the body a headline says
the first speaker speaks for: knowledge that spans sentences, kept out of the
sentence-by-sentence rules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from pantau.extract.entities.roles import load_roles
from pantau.extract.events.actors import (
    INSTITUTIONAL,
    ActorSpan,
    entity_actor,
    replace_actor,
    sector_of,
)
from pantau.extract.events.lexicon import Phrase
from pantau.model import Actor
from pantau.nlp.tokens import Token, tokenize

MAX_HEADLINE_UNIT = 3
"""Words at most before a headline's institution in its clause ("Komisi III DPR")."""
MAX_HEADLINE_NAME = 4
SUSPECT = "CRM"
MAX_SUSPECT_PHRASE = 5
"""Words at most between a suspect marker ("oknum") and an actor it describes."""
"""CAMEO's sector of criminals, given to suspects (`_Coder._suspects`)."""


class _DocumentRules:
    """Document-wide knowledge: name parts, suspects, the headline's member."""

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
            if actor.code in (None, actor.country):
                # "Betty" of "Betty Epsilon Idroos selaku anggota Komisi Pemilihan Umum"
                actor = self.finder.role_actor(entity.roles, actor,
                                               self.default_country) or actor
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

        suspects = set()
        for n, event in enumerate(self.events):
            if event.modality == "negated":
                continue
            source = event.source
            if (fits(event.cameo, sources) and source.entity is None and source.name
                    and source.country and source.sector == "CVL"
                    and (source.name.lower().split()[0],) in self.unnamed_people):
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

        self._recode(placed)

    def _private_people(self) -> None:
        """People the article names with no role, whom no rule gave a sector (the country
        alone: not a suspect, not a body's member), are of the pack's `person_sector`
        in every event ("Sri Afrianis melapor ke polisi": IDNCVL). A person the entity
        stage gave a role keeps the country alone: the role says an office the coder
        could not place, so "civilian" would be wrong."""
        sector = self.lexicon.person_sector
        if not sector:
            return
        roleless = {e.id for e in self.analysis.entities if e.type == "PERSON" and not e.roles}

        def placed(actor: Actor | None) -> Actor | None:
            if actor is None or not actor.country or actor.code != actor.country:
                return actor
            if actor.entity not in roleless and not (
                    actor.entity is None and actor.name and actor.name[:1].isupper()):
                return actor  # (an organisation, or a group noun: "warga", "pihaknya")
            return replace_actor(actor, code=f"{actor.country}{sector}", sector=sector)

        self._recode(placed)

    def _recode(self, placed: Callable[[Actor | None], Actor | None]) -> None:
        """Every actor of every event of the article through `placed`."""
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
        entity = self.entity_by_id.get(speaker or "")
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
