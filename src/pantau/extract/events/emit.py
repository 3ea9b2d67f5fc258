"""The event of one trigger for the event coder: from roles to the `Event` recorded.

`_EmitRules` (a mixin of `coder._Coder`) decides whether a trigger makes an event (a
reported topic, an object-first pattern, a request's content, an obligation), and
builds it: codes, modality, complements, place and date, deduplication. The last step
of coding, kept apart from how the roles were found.
"""

from __future__ import annotations

from dataclasses import replace

from pantau.extract.events.actors import ActorSpan
from pantau.extract.events.clauses import CLAUSE_MARKS, HARD_STOPS, _same, _Sentence
from pantau.extract.events.codebook import CameoCode, lookup, plover_type
from pantau.extract.events.confidence import event_features
from pantau.extract.events.lexicon import Pattern
from pantau.extract.events.modality import modality
from pantau.extract.events.roles import REQUEST_ROOTS
from pantau.model import Actor, Event, Mention

INDIVIDUAL_ASSAULT = "182"
"""CAMEO "physically assault": an attack by a sector of the pack's `assault_by`."""
VISITS = frozenset({"042", "043"})
"""CAMEO "make a visit" and "host a visit": none by the pack's `tourists`."""
CARRIED_MOODS = frozenset({"future", "hypothetical"})
"""Modalities an act joined by a conjunction to the one before shares with it."""
DATE_ASIDES = frozenset({",", "(", ")"})
"""Marks inside a clause that do not end it for the event's date (`_dated_end`)."""
JOINED_GAP = 4
"""Tokens at most between an event and the act a conjunction joins to it."""


class _EmitRules:
    """One trigger's event, from its roles to the `Event` added to the document."""

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
        if (sentence.words[start],) in self.lexicon.word_set("imperatives"):
            return self._imperative(sentence, start, end, pattern)
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
        if pattern.untargeted:
            targets = []
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
                       and (self._agent(sentence, end)[0] is not None
                            or start == self.owned_noun))
        return self._emit(sentence, start, end, pattern, voice, sources, targets, subject_at,
                          independent=independent)

    def _reported_topic(self, sentence: _Sentence, start: int, end: int,
                        pattern: Pattern) -> bool:
        """A material act named by a noun right after a reporting verb of the pack's
        `topic_speech` ("Dia menyebut penyitaan tersebut dilakukan pekan lalu", "Prabowo
        mengatakan penangkapan terhadap anak SD ... tidak masuk akal") is what the
        speaker talks about, not the speaker's act, unless it names its agent or is the
        speaker's own ("menegaskan penolakannya"). Material acts and investigations are
        the pack's `topic_speech_roots`; verbal acts are the speaker's ("menyatakan
        dukungan") unless one of the pack's `anaphoric` words points back to one told
        before ("mengaku kesepakatan ini ...")."""
        topic = self.lexicon.word_set("topic_speech")
        if not topic or start == 0:
            return False
        words = sentence.words
        k = start - 1
        if (words[k],) in self.lexicon.word_set("complementizers") and k > 0:
            k -= 1
        roots = self.lexicon.word_set("topic_speech_roots")
        # (any act an anaphoric word points back to is talked about, whatever its root:
        # "Trump mengaku kesepakatan ini merupakan hasil negosiasi")
        pointed = end < len(words) and (words[end],) in self.lexicon.word_set("anaphoric")
        if (words[k],) not in topic or not (
                pointed or (lookup(pattern.code or "").root,) in roots):
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
        the verb ("akan kami panggil yang bersangkutan"); no event without one, unless the
        trigger names its object itself and needs no target ("kami sudah berikan
        masukan")."""
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
                  and not a.target_only and not self._after_preposition(sentence, a.start)]
        if before:
            target = before[0]
        else:
            # "saya ingatkan terus Kejaksaan", "kami tawarkan kepada tersangka RSS": right
            # after the verb, past adverbs and a recipient's preposition
            j = end
            while j < len(words) and ((words[j],) in adverbs or (words[j],) in recipients):
                j += 1
            target = next((a for a in sentence.actors if a.start == j and not a.target_only),
                          None)
        if target is None:
            if pattern.dyadic or end - start < 2:
                return False
            return self._emit(sentence, start, end, pattern, "passive", [source], [], None)
        targets = [t.actor for t in self._members(sentence, target, len(words))]
        return self._emit(sentence, start, end, pattern, "passive", [source], targets,
                          target.start if target.start < start else None)

    def _imperative(self, sentence: _Sentence, start: int, end: int, pattern: Pattern) -> bool:
        """A prohibition in a quote whose speaker the sentence names ("“Jangan
        memprovokasi ...,” kata dia"): the speaker's appeal, to the actor named right
        before it ("saya ingatkan terus kejaksaan, kepolisian jangan kriminalisasi ...":
        the police), not that actor's own act; none when an appeal of the sentence came
        before it (that one asks the same)."""
        if (self.previous_code or "")[:2] == "02":
            return False
        speaker = self._sentence_speaker(sentence, start)
        if speaker is None:
            return False
        targets: list[Actor] = []
        if any(a.end == start and not a.target_only for a in sentence.actors):
            addressee = self._compound_head(sentence, [a for a in sentence.actors
                                                       if a.end <= start])
            targets = [t.actor for t in self._members(sentence, addressee, start)]
        if targets and _same(speaker, targets[0]):
            targets = []
        return self._emit(sentence, start, end, pattern, "active", [speaker], targets, None)

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
        if at is None and self.lexicon.request_direct:
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
                  if a.start >= clause and a.end <= j and not a.target_only]
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
            # "“Presiden harus membuktikan ...,” kata Hardjuno": the speaker of the quote
            speaker = self._sentence_speaker(sentence, at)
            if speaker is None or _same(speaker, target.actor) or (
                    speaker.code is not None and speaker.code == target.actor.code):
                return False  # (his own office's duty: "karena KPU juga harus ...")
            sources = [speaker]
        else:
            source = self._subject(sentence, saying, clause_only=False)
            if source is not None and source.start >= target.start:
                return False
            if source is not None:
                sources = [s.actor for s in self._members(sentence, source, saying)]
            else:  # "Ia menekankan bahwa institusi pendidikan harus ...": who "ia" is
                speaker = self._resolve_pronoun(sentence, saying)
                if speaker is None or _same(speaker, target.actor):
                    return False
                sources = [speaker]
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
        if not sources or sources[0].code is None and sources[0].name is None:
            return False
        source = sources[0]
        if pattern.agents and source.sector not in pattern.agents and not (
                "COP" in pattern.agents and self._investigator(source)):
            return False
        target = targets[0] if targets else None
        if target is not None and _same(source, target):
            if voice == "noun":
                return False  # "pembacokan korban": the victim is no agent of its own attack
            target, targets = None, []
        if target is None and (source.code is None or self.lexicon.dyadic or pattern.dyadic):
            return False
        if target is not None and self._home_trip(source, target, pattern):
            return False
        political = self.setup.political_sectors
        if political and not any(self._political(a, political) for a in (source, target)):
            return False  # "Twitter gave Mohamed the option": no state or political actor
        code = lookup(pattern.code)
        if code.code in VISITS and source.name and (
                source.name.split()[0].lower(),) in self.lexicon.word_set("tourists"):
            return False  # "kunjungan wisatawan mancanegara ke Indonesia": tourism, no visit
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
        if mood == "asserted" and self._joined_to_previous(sentence, start):
            # "akan menindak tegas serta memberikan sanksi": one plan, as the pack's
            # conjunctions join it (a negation does not carry: "tak terulang dan meminta")
            mood = self.previous_mood if self.previous_mood in CARRIED_MOODS else mood
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
        dated_end = sentence.tokens[self._dated_end(sentence, end) - 1].end
        features = event_features(target is not None, subject_at is None,
                                  source.sector is not None, code.quad_class,
                                  sentence.index == 0, code.root)
        self.features.append(features)
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
                place=self._place(sentence, clause_span, trigger.start, source, target, code),
                **self._date(clause_span, dated_end),
                modality=mood,
                confidence=round(self.setup.confidence(features), 2),
            )
        )
        self.previous_end, self.previous_code, self.previous_mood = end, code.code, mood
        if code.root in REQUEST_ROOTS and targets:
            self.request = (end, targets)
        if pattern.reverse and targets:
            # PETRARCH's second code: the target's act towards the source ("X visited Y":
            # Y hosts X), as the one act's other side (the sentence's state stays this one's)
            state = self.previous_end, self.previous_code, self.previous_mood, self.request
            self._emit(sentence, start, end, replace(pattern, code=pattern.reverse, reverse=None),
                       voice, targets, sources, subject_at, demanded, independent=True)
            self.previous_end, self.previous_code, self.previous_mood, self.request = state
        return True

    def _political(self, actor: Actor | None, sectors: frozenset[str]) -> bool:
        """Whether an actor is a state or a political one: a country or region itself, or
        an actor of one of `sectors` (the pack's `political_sectors`)."""
        if actor is None or actor.code is None:
            return False
        if actor.country is None:
            return True  # a code of no country: an international body, a dictionary's actor
        entity = self.entity_by_id.get(actor.entity or "")
        if (entity is not None and entity.type == "LOC") or (
                entity is None and actor.code == actor.country):
            return True  # a country or a region itself, not a person of it with no office
        return actor.sector in sectors

    def _joined_to_previous(self, sentence: _Sentence, start: int) -> bool:
        """Whether the trigger at `start` follows the sentence's last coded event within a
        few words that hold one of the pack's conjunctions and no actor."""
        previous = self.previous_end
        if previous is None or not 0 < start - previous <= JOINED_GAP:
            return False
        conj = self.lexicon.word_set("conjunctions")
        return (any((w,) in conj for w in sentence.words[previous:start])
                and not any(previous <= a.start < start for a in sentence.actors))

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

    def _investigator(self, actor: Actor) -> bool:
        """Whether the actor is, or speaks for, a body of the pack's `investigators`: a
        government commission whose examinations are investigations as a police force's
        are ("KPK tengah mendalami hal tersebut", its deputy's "kita dalami")."""
        bodies = self.lexicon.word_set("investigators")
        if not bodies:
            return False
        entity = self.entity_by_id.get(actor.entity or "")
        for text in [actor.name or "", *(entity.roles if entity else ())]:
            words = text.lower().split()
            if any(tuple(words[i:i + len(b)]) == b for b in bodies for i in range(len(words))):
                return True
        return False

    def _is_complement(self, sentence: _Sentence, start: int, subject_at: int | None) -> bool:
        """A verb with no subject of its own after an event coded earlier in the sentence
        complements that event ("agreed to set up", "menolak untuk membahas") unless it is
        joined to it by a conjunction ("menentang ... dan menuntut"), a word of sequence
        ("mengunjungi Jepang lalu menandatangani") or a comma right before it ("menangkap
        pelaku, memeriksa saksi"), which shares the subject; so does an infinitive after
        it, whatever names come between."""
        previous = self.previous_end
        if previous is None:
            return False
        if start > 0 and (sentence.words[start - 1],) in self.lexicon.word_set("infinitive"):
            return True  # "dispatched inspectors ... to verify", "datang untuk memeriksa"
        if subject_at is not None and subject_at >= previous:
            return False
        if start > 0 and sentence.words[start - 1] == ",":
            return False
        joined = sentence.words[max(previous, start - 3) : start]
        conj = self.lexicon.word_set("conjunctions")
        return not any((w,) in conj or (w,) in self.sequence or (w,) in self.subordinate
                       for w in joined)

    def _place(self, sentence: _Sentence, clause: tuple[int, int], trigger_at: int,
               source: Actor, target: Actor | None, code: CameoCode) -> str | None:
        """Where the event happened, as its clause says (`where.EventPlaces`)."""
        located = {sentence.tokens[span.start].start for span in sentence.places}
        whole = (sentence.tokens[0].start, sentence.tokens[-1].end)
        return self.event_places.place(whole, clause, trigger_at, located, source, target,
                                       code.root, code.quad_class)

    def _home_trip(self, source: Actor, target: Actor, pattern: Pattern) -> bool:
        """A visit or meeting whose other party is a place of the source's own country
        is a trip, no event ("He traveled to Florida to meet with Devocht", "will travel
        to Washington"); a group of that place is a party ("held talks with leaders of
        Romania")."""
        entity = self.entity_by_id.get(target.entity or "")
        return (entity is not None and entity.type == "LOC"
                and target.name in {entity.name, *(m.text for m in entity.mentions)}
                and pattern.code is not None
                and pattern.code.startswith("04") and source.country is not None
                and target.country == source.country)

    def _dated_end(self, sentence: _Sentence, end: int) -> int:
        """Where the clause of a trigger ending at `end` ends for its date: a comma or a
        parenthesis does not end it ("menangkap Berangus di Cakranegara, Kota Mataram,
        pada Jumat (17/10/2025)", "ditahan Polda Metro Jaya, 29 Agustus lalu"); a word
        opening a clause, a quotation mark or a full stop does."""
        for k in range(end, len(sentence.words)):
            word = sentence.words[k]
            if word in HARD_STOPS or (word in CLAUSE_MARKS and word not in DATE_ASIDES) or (
                    (word,) in self.setup.boundaries):
                return k
        return len(sentence.words)

    def _date(self, clause: tuple[int, int], dated_end: int) -> dict[str, str | None]:
        """The date written in the trigger's clause (one starting there), else the
        publication date, flagged as such in `date_source`. A day or a month may stand
        after a comma or a parenthesis (`_dated_end`); a year alone only in the clause
        proper: after one it is mostly a period describing someone ("selaku Komisaris PT
        IAE (2006-2023)", "Tahun Anggaran 2021-2023"). (A sentence's only date outside
        the clause was tried: as often wrong as right against the where-when gold, a
        speech tag's day is not the quoted act's.)"""
        for date in self.analysis.dates:
            end = clause[1] if date.granularity == "year" else dated_end
            if clause[0] <= date.start < end:
                return {"date": date.value, "date_source": "text"}
        if self.analysis.published:
            return {"date": self.analysis.published[:10], "date_source": "published"}
        return {"date": None, "date_source": None}
