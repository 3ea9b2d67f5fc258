"""Source and target of one trigger for the event coder.

`_RoleRules` (a mixin of `coder._Coder`) combines subject, object, agent and pronoun
resolution by voice into the trigger's sources and targets: compounds and reciprocal
acts, parties named with "antara", a visit's place. A nominal trigger's agent from the
clause around it is `nouns._NounAgentRules`'.
"""

from __future__ import annotations

from dataclasses import dataclass

from pantau.extract.events.actors import ActorSpan
from pantau.extract.events.clauses import _same, _Sentence
from pantau.extract.events.codebook import lookup
from pantau.extract.events.lexicon import Pattern
from pantau.model import Actor

REQUEST_ROOTS = frozenset({"02", "10"})
"""Appeals and demands: their target is whoever is asked, often a complement's subject."""
RECIPROCAL_QUADS = frozenset({1, 2})
"""Cooperation (verbal, material) between the members of a compound subject and no one
else is mutual: "X and Y agreed", "X dan Y menandatangani perjanjian" (X source, Y
target), as PLOVER's records code compound actors (SRC/TAR)."""
ONE_WAY_ROOTS = frozenset({"01", "02"})
"""Statements and appeals go one way, never between the members of a compound."""
ONE_WAY_CODES = frozenset({"051", "052", "053", "054", "055", "056"})
"""Verbal cooperation that goes one way too: praise, verbal defence, rallying support,
recognition, apology, forgiveness ("Michelle Bowman dan Richard Clarida ikut mendukung
konsensus" is no support of Clarida)."""
PLACE_TARGETS = frozenset({"042"})
"""A visit's target may be the place visited ("mengunjungi garis depan di Ukraina")."""


def _mutual(pattern: Pattern) -> bool:
    """Whether a pattern's act may be mutual between the members of a compound."""
    code = lookup(pattern.code or "")
    return pattern.symmetric or (code.quad_class in RECIPROCAL_QUADS
                                 and code.root not in ONE_WAY_ROOTS
                                 and code.code not in ONE_WAY_CODES)


class _RoleRules:
    """Source and target of one trigger, from subject, object and agent."""

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
        source_limit = start  # a compound source ends before the trigger unless it follows
        announcer: Actor | None = None  # the quote's speaker, an agentless passive's agent
        shared: tuple[Actor, Actor] | None = None  # a passive's agent and subject before
        if voice == "passive":
            target = self._subject(sentence, start, clause_only=False, first=True)
            if target is None:
                # "A temporary camp for Congolese refugees was attacked": the only actor of
                # the subject is inside it
                clause = self._clause_start(sentence, start)
                inside = [a for a in sentence.actors if clause <= a.start and a.end <= start]
                target = inside[0] if len(inside) == 1 else None
            source, _ = self._agent(sentence, end, passive=True)
            if source is None and (sentence.words[start],) in self.lexicon.word_set(
                    "receiving_verbs"):
                # "mendapatkan dukungan penuh dari PDIP": the giver of what is received
                source = self._noun_source(sentence, end)
            if source is None:  # "diserang Rusia": the agent right after the verb
                at = end  # the agent may follow an honorific: "dari Pak Prabowo"
                if at < len(sentence.words) and (sentence.words[at],) in self.lexicon.word_set(
                        "honorifics"):
                    at += 1
                direct = self._actors_between(sentence, at, at + self._span_len(sentence, at))
                source = direct[0] if direct else None
            if (source is None and object_span[0] == end < object_span[1]
                    and self.lexicon.word_set("agent_after_object")):
                # "terjaring OTT Bidpropam Polda Sumut": after the pattern's object
                after = object_span[1]
                direct = self._actors_between(sentence, after,
                                              after + self._span_len(sentence, after))
                source = direct[0] if direct else None
            if source is None:
                shared = self._shared_passive(sentence, start)
            officials = self.lexicon.word_set("announcing_speakers")
            if source is None and shared is None and officials:
                announcer = self._announcing_speaker(
                    sentence, start,
                    pattern.agents or frozenset(w.upper() for (w, *_) in officials))
        elif voice == "noun":
            source, agent_at = self._agent(sentence, end)
            if source is not None and any(
                    (w,) in self.lexicon.word_set("receiving_passives")
                    for w in sentence.words[end:agent_at]):
                # "tuntutan 17+8 diterima oleh Andre Rosiade": he receives the demands
                source, agent_at = None, len(sentence.words)
            right = self._actors_between(sentence, end, min(agent_at, end + 2))
            genitive = right[0] if right and right[0].start == end else None
            if (genitive is None and right and right[0].start == end + 1
                    and (sentence.words[end],) in self.lexicon.word_set("noun_modifiers")):
                genitive = right[0]  # "kegiatan tangkap tangan kedua KPK", "serangan brutal Israel"
            if self._patient_nominal(sentence.words[start]):
                # "penangkapan X (oleh Y)": the noun's genitive is what is done to X
                if source is None:
                    source = self._subject_as_agent(
                        sentence, start, self._noun_subject(sentence, start))
                target = genitive or self._object(sentence, end, source)
            elif source is not None:
                target = right[0] if right else None
                if target is None:  # "bersyukur atas dukungan yang diberikan oleh Polres"
                    target = self._addressee(sentence, start, source, pattern)
            elif (after := genitive or self._noun_source(sentence, end)) is not None:
                # "serangan Rusia (dan Belarus) ke Ukraina", "instruksi dari Prabowo"
                source = after
                last = self._members(sentence, source, len(sentence.words))[-1]
                target = self._object(sentence, last.end, source, request)
                source_limit = last.end
                if target is None:  # "Parlemen diminta membuktikan tuntutan masyarakat"
                    target = self._addressee(sentence, start, source, pattern)
            elif (pair := self._between(sentence, end, pattern)) is not None:
                source, target = pair  # "negosiasi antara Indonesia dan AS"
            else:
                source = self._subject_as_agent(
                    sentence, start, self._noun_subject(sentence, start))
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
            relative = self._relative_at(sentence, start)
            if target is None and relative is not None:
                # "Pelaku yang sudah kita tangkap": the relative clause's head is what is
                # acted on; "Ini peluang besar yang harus kita tangkap": no actor, no event
                target = next((a for a in sentence.actors if a.end == relative), None)
                if target is None:
                    return [], [], None
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
        sources = self._members(sentence, source, source_limit) if source else []
        targets = self._members(sentence, target, len(sentence.words)) if target else []
        if subject is None:  # a pronoun or a first-person subject in a quote
            actor = self._resolve_pronoun(sentence, start, voice == "noun")
            # a pronoun never stands for the other party of its own clause: "Dia kemudian
            # berselisih dengan Trump" is not Trump, whoever was named last
            other = sources if voice == "passive" else targets
            if actor is not None and other and _same(actor, other[0].actor):
                actor = None
            if actor is not None and voice == "passive":
                targets = [_Span(actor)]
            elif actor is not None:
                sources = [_Span(actor)]
        if shared is not None:
            # "ditembak polisi saat ditangkap": the arrest is the police's, of the one shot
            sources, targets = [_Span(shared[0])], [_Span(shared[1])]
        if not sources and announcer is not None and not (
                targets and _same(announcer, targets[0].actor)):
            sources = [_Span(announcer)]  # "“LM dipanggil sebagai tersangka,” ujar Kasubdit"
        if len(sources) > 1 and _mutual(pattern) and not any(
            _same(sources[0].actor, s.actor) for s in sources[1:]
        ) and (not targets or any(_same(s.actor, targets[0].actor, owned=True) for s in sources)):
            # "X and Y agreed upon a pact", "X and Y signed a treaty": with no other party
            # named (a member's own troops are none: "Israel and Lebanon renewed
            # negotiations on an Israeli troop pullback"), cooperation between the members
            # of a compound subject is mutual
            targets = sources[1:]
            sources = sources[:1]
        return [s.actor for s in sources], [t.actor for t in targets], subject_at

    def _addressee(self, sentence: _Sentence, start: int, source: ActorSpan,
                   pattern: Pattern) -> ActorSpan | None:
        """The subject of the clause around a nominal act whose own agent follows it,
        for the pack's `addressed_roots`: what is asked, offered, supported or given
        by the one after the noun is addressed to the one who answers it ("Parlemen
        diminta membuktikan seluruh tuntutan masyarakat sipil", "Eko bersyukur atas
        dukungan yang diberikan oleh Polres Wonogiri")."""
        roots = self.lexicon.word_set("addressed_roots")
        if ((pattern.code or "")[:2],) not in roots:
            return None
        subject = self._subject(sentence, start, clause_only=True)
        if subject is None or subject.start >= start or _same(subject.actor, source.actor):
            return None
        telling = self._telling_verbs() | self.lexicon.word_set("noun_links")
        if any((w,) in telling for w in sentence.words[subject.end:start]):
            return None  # "Dede Yusuf menilai instruksi dari Prabowo": he tells of it
        return subject

    def _shared_passive(self, sentence: _Sentence, start: int) -> tuple[Actor, Actor] | None:
        """The agent and subject of the passive event just coded in this sentence, for a
        passive verb with no agent of its own in a clause that one of the pack's
        `shared_agent_openers` opens with no actor in it: "Berangus ditembak polisi saat
        ditangkap" (the police arrest him too)."""
        clause = self._clause_start(sentence, start)
        words = sentence.words
        opener = next((k for k in range(clause, start) if words[k][:1].isalnum()), None)
        if (opener is None or (words[opener],) not in self.lexicon.word_set(
                "shared_agent_openers") or any(
                    opener < a.end and a.start < start for a in sentence.actors)):
            return None
        passive = tuple(p for (p,) in self.lexicon.word_set("passive_prefixes"))
        last = self.events[-1] if self.events else None
        if (last is None or last.sentence != sentence.index or last.target is None
                or not passive or not last.trigger.text.lower().startswith(passive)
                or last.trigger.end > sentence.tokens[opener].start):
            return None
        return last.source, last.target

    def _noun_source(self, sentence: _Sentence, end: int) -> ActorSpan | None:
        """The actor right after a nominal trigger's source preposition (the pack's
        `noun_source_prepositions`), an honorific allowed between: whose instruction or
        aid it is ("instruksi dari Prabowo", "arahan dari Pak Wali"), one of the pack's
        `noun_modifiers` allowed before it ("dukungan penuh dari PDIP"), and a
        determiner ("support from the United States")."""
        words = sentence.words
        if end < len(words) and (words[end],) in self.lexicon.word_set("noun_modifiers"):
            end += 1
        if end >= len(words) or (words[end],) not in self.lexicon.word_set(
                "noun_source_prepositions"):
            return None
        at = end + 1
        if at < len(words) and (words[at],) in self.lexicon.word_set("honorifics"):
            at += 1
        starts = {at}
        if at < len(words) and (words[at],) in self.lexicon.word_set("determiners"):
            starts.add(at + 1)
        return next((a for a in sentence.actors if a.start in starts and not a.target_only),
                    None)

    def _relative_at(self, sentence: _Sentence, start: int) -> int | None:
        """Where the relative word opening the clause of the trigger at `start` stands
        ("yang"), if one does, after a word (not a quote's opening "Yang")."""
        relatives = self.lexicon.word_set("relatives")
        clause = self._clause_start(sentence, start)
        return next((k for k in (clause, clause - 1)
                     if 0 < k < start and (sentence.words[k],) in relatives
                     and sentence.words[k - 1][:1].isalnum()), None)

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
        if not marks or not _mutual(pattern):
            return None
        at = next((k for k in (end, end + 1) if k < len(words) and (words[k],) in marks), None)
        if at is None:
            return None
        first = next((a for a in sentence.actors if a.start == at + 1 and not a.target_only),
                     None)
        if (first is None or first.end >= len(words)
                or (words[first.end],) not in self.lexicon.word_set("between_joiners")):
            return None
        second = next((a for a in sentence.actors
                       if a.start == first.end + 1 and not a.target_only), None)
        if second is None or _same(first.actor, second.actor):
            return None
        return first, second


@dataclass(frozen=True)
class _Span:
    """An actor found outside the sentence's spans (a pronoun's antecedent)."""

    actor: Actor
