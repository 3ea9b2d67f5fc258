"""Subject resolution for the event coder: who acts before the trigger.

`_SubjectRules` (a mixin of `coder._Coder`) finds the nearest actor before a trigger in
its clause (else earlier in the sentence), skipping appositions and prepositional
phrases, sharing a subject across coordinated verbs, and expanding compounds
("Rusia dan Belarus") into their members.
"""

from __future__ import annotations

from collections.abc import Sequence

from pantau.extract.events.actors import ActorSpan
from pantau.extract.events.clauses import CLAUSE_MARKS, HARD_STOPS, _Sentence
from pantau.extract.events.lexicon import Phrase
from pantau.extract.events.nouns import MIN_VERB

APPOSITION = 3
"""Words before an actor within which an apposition word ("selaku") makes it a
description of the actor named before it ("X selaku komisaris perusahaan itu")."""
LONG_TITLE_REACH = 14
"""Words at most between an apposition word after a person and the organisation that
ends the person's title ("X selaku Kepala Subdivisi ... Perum Bulog")."""
MAX_APPOSITIONS = 6
"""Segments in apposition at most between a subject and its verb."""
MAX_PLACE = 5
"""Tokens at most of a segment in apposition that names no actor ("Kecamatan Praya
Timur")."""


class _SubjectRules:
    """The subject before a trigger, and the members of a compound."""

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
            and not a.target_only
            and not self._after_preposition(sentence, a.name_start or a.start)
            and not any((w,) in apposition
                        for w in sentence.words[max(0, a.start - APPOSITION):a.start])
            and not self._in_apposition(sentence, a, start)
            and not self._in_persons_title(sentence, a)
        ]
        head = self._relative_clause_head(sentence, clause, start, candidates)
        if head is not None:
            return head
        if not any(a.start >= clause for a in candidates):
            fronted = self._fronted_subject(sentence, clause, start)
            if fronted is not None:
                return fronted
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
            return self._first_after_saying(sentence, in_clause, start)
        if in_clause:
            head = self._compound_head(sentence, in_clause)
            if not clause_only and self._reported_subject(sentence, head.end, start):
                return None
            saying = self._joined_to_saying(sentence, head, start)
            if saying is not None:
                # (None: a pronoun says it, "Dia mengatakan ...", resolved by the caller)
                return self._subject(sentence, saying, clause_only)
            shared = self._shared_subject(sentence, head, start, clause_only)
            return head if shared is None else shared
        if not clause_only and self.lexicon.word_set("apposition_subject") and clause > 0 and (
            sentence.words[clause - 1] == ","
        ) and (sentence.words[clause],) not in self.sequence:
            named = self._before_apposition(sentence, clause, candidates)
            if named is not None:
                # "Polisi menangkap pelaku, memeriksa saksi": the police examine
                shared = self._shared_subject(sentence, named, start, clause_only, comma=True)
                return named if shared is None else shared
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
        if not clause_only and clause > 0 and self._reported_subject(sentence, clause, start):
            return None  # (a noun after a saying verb is what is said: `_reported_topic`)
        if clause_only and clause > 0 and (sentence.words[clause],) in self.setup.speech:
            # "KPK menyampaikan telah melakukan penggeledahan": the speaker's own act
            previous = self._clause_start(sentence, clause - 1)
            candidates = [a for a in candidates if a.start >= previous]
        elif clause_only:
            return None
        if not candidates:
            return None
        return self._compound_head(sentence, candidates)

    def _relative_clause_head(self, sentence: _Sentence, clause: int, start: int,
                              candidates: list[ActorSpan]) -> ActorSpan | None:
        """The actor a relative clause hangs on, when the clause names no subject of its
        own before the trigger: "memberikan apresiasi kepada Kejagung yang mampu
        memulihkan kerugian negara" (the Kejagung recovers), even as the object of a
        preposition."""
        words = sentence.words
        if clause == 0 or (words[clause],) not in self.lexicon.word_set("relatives"):
            return None
        if any(clause <= a.start and a.end <= start for a in candidates):
            return None
        # the clause's first verb only: "Kemenaker yang salah satunya berawal dari OTT",
        # "petugas polisi yang berjaga memperkirakan ..." tell of another act (a support
        # verb or a link may stand before: "mahasiswa yang menggelar demo")
        verbs = tuple(p for (p,) in self.lexicon.word_set("verb_prefixes"))
        links = self.lexicon.word_set("support_verbs") | self.lexicon.word_set("noun_links")
        if verbs and any(len(w) >= MIN_VERB and w.startswith(verbs) and (w,) not in links
                         for w in words[clause + 1:start]):
            return None
        return next((a for a in sentence.actors if a.end == clause and not a.target_only), None)

    def _first_after_saying(self, sentence: _Sentence, in_clause: list[ActorSpan],
                            start: int) -> ActorSpan | None:
        """A passive verb's subject, the clause's first actor: after the saying verb
        when one reports the passive ("Kapolres membenarkan pelaku ditangkap": the
        culprit), and none when what it reports opens with a subject that is no actor
        ("Kasat Lantas ... membenarkan dua anggotanya terjaring OTT": not the Kasat)."""
        words = sentence.words
        telling = self._telling_verbs()
        saying = next((k for k in range(start - 1, in_clause[0].end - 1, -1)
                       if (words[k],) in telling), None)
        if saying is None:
            return in_clause[0]
        after = [a for a in in_clause if a.start > saying]
        if after:
            return after[0]
        return None if self._reported_subject(sentence, saying, start) else in_clause[0]

    def _telling_verbs(self) -> frozenset[Phrase]:
        """Verbs by which a subject tells of an act rather than does it: saying verbs,
        the pack's `reporting_verbs` and `topic_speech` ("membenarkan", "menilai")."""
        return (self.setup.speech | self.lexicon.word_set("reporting_verbs")
                | self.lexicon.word_set("topic_speech"))

    def _fronted_subject(self, sentence: _Sentence, clause: int, start: int) -> ActorSpan | None:
        """The main clause's subject, for a verb in a subordinate clause that opens the
        sentence with no subject of its own (the pack's `subordinate` and
        `fronted_subordinate` words): "Usai bertemu Prabowo, Sugiono mengunjungi Jepang"
        (Sugiono meets Prabowo), "Setelah ditangkap polisi, Budi dibawa ke Polres" (Budi
        is arrested). The subject is the actor that opens the clause after the comma."""
        words = sentence.words
        opener = next((i for i, w in enumerate(words) if w[:1].isalnum()), None)
        openers = self.subordinate | self.lexicon.word_set("fronted_subordinate")
        verbs = tuple(p for (p,) in self.lexicon.word_set("verb_prefixes"))
        if opener is not None and clause == start == opener + 1:
            clause = opener  # "Sebelum mengimbau bawahan, Presiden ...": a saying verb
            # opens a clause of its own
        if (opener is None or opener < clause or (words[opener],) not in openers
                or not verbs or not words[start].startswith(verbs)):
            return None  # (a noun is no act of the subject's: "Setelah melalui proses
            # penyelidikan, Dede Ardiansyah ditetapkan sebagai tersangka")
        end = self._clause_end(sentence, start)
        if end >= len(words) or words[end - 1] != ",":
            return None
        return next((a for a in sentence.actors if a.start == end and not a.target_only), None)

    def _joined_to_saying(self, sentence: _Sentence, head: ActorSpan, start: int) -> int | None:
        """The saying verb a verb joined by "dan"/"serta" goes with when it follows what
        that verb reports, and so its subject: "Musk mengatakan hal itu akan meledakkan
        utang AS dan berjanji menggagalkannya" (Musk promises, not the US), when the
        reported clause names no actor before the one the join follows."""
        joins = self.lexicon.word_set("shared_subject_joins")
        words = sentence.words
        k = start
        while k > 0 and (words[k - 1],) in self.lexicon.word_set("object_first_adverbs"):
            k -= 1
        if k == 0 or (words[k - 1],) not in joins:
            return None
        saying = next((i for i in range(head.start - 1, -1, -1)
                       if (words[i],) in self.setup.speech), None)
        if saying is None or saying < self._clause_start(sentence, head.start) or any(
                saying < a.start < head.start for a in sentence.actors):
            return None  # "X mengatakan polisi menangkap pelaku dan memeriksa saksi"
        return saying

    def _shared_subject(self, sentence: _Sentence, head: ActorSpan, start: int,
                        clause_only: bool, comma: bool = False) -> ActorSpan | None:
        """A verb joined by "dan"/"serta" (the pack's `shared_subject_joins`) to the verb
        before it shares that verb's subject, and the actor between them is its object:
        "para terdakwa mencari investor dan meminta bantuan" (the defendants ask),
        "Polisi menangkap pelaku dan menahannya" (the police detain). With `comma`, a
        comma right after that object joins them too ("Polisi menangkap pelaku, memeriksa
        saksi"); the actor may own the object ("mempertanyakan kinerja DPR,
        mempertanyakan fungsinya"). None when the actor before the trigger is no such
        object."""
        joins = self.lexicon.word_set("shared_subject_joins")
        if not joins:
            return None
        words = sentence.words
        k = start
        while k > 0 and (words[k - 1],) in self.lexicon.word_set("object_first_adverbs"):
            k -= 1
        by_comma = comma and k > 0 and words[k - 1] == "," and head.end == k - 1
        if k == 0 or not ((words[k - 1],) in joins or by_comma) or head.end > k - 1:
            return None
        prefixes = tuple(p for (p,) in self.lexicon.word_set("shared_subject_verbs"))
        verb = head.start - 1
        while verb > 0 and (words[verb].isdigit() or (words[verb],) in self.quantifiers):
            verb -= 1
        if verb > 0 and words[verb].isalpha() and not words[verb].startswith(prefixes):
            verb -= 1  # "mempertanyakan kinerja DPR, mempertanyakan ...": the actor owns it
        if verb < 0 or not words[verb].startswith(prefixes):
            return None
        return self._subject(sentence, verb, clause_only)

    def _reported_subject(self, sentence: _Sentence, lo: int, start: int) -> bool:
        """Whether what the last saying or reporting verb in [lo, start) reports has a
        subject of its own before the trigger that is no actor, in a pack that lists the
        words opening none (`reported_subject_skips`; reporting verbs that open no clause:
        `reporting_verbs`): "Purbaya menjelaskan modus para oknum ini adalah
        bernegosiasi", "petugas polisi memperkirakan lebih dari 20.000 orang
        berdemonstrasi" (the speaker is no source); not "X mengatakan akan menangkap",
        "X menyebut pihaknya telah menangkap"."""
        skips = self.lexicon.word_set("reported_subject_skips")
        if not skips:
            return False
        words = sentence.words
        reporting = self.lexicon.word_set("reporting_verbs")
        saying = next((k for k in range(start - 1, lo - 1, -1)
                       if (words[k],) in self.setup.speech or (words[k],) in reporting), None)
        if saying is None:
            return False
        verbs = tuple(p for (p,) in self.lexicon.word_set("verb_prefixes"))
        between = words[saying + 1:start]
        if any((w,) in self.lexicon.word_set("conjunctions") for w in between):
            return False  # "mengatakan ... dan berjanji": the speaker's own next act
        return any(w.isalpha() and not w.startswith(verbs) and (w,) not in skips
                   and (w,) not in self.pronouns and (w,) not in self.first_person
                   for w in between)

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

    def _in_persons_title(self, sentence: _Sentence, span: ActorSpan) -> bool:
        """Whether an actor closes a person's title opened by an apposition word, however
        long: "Dedy Rahman selaku Kepala Subdivisi Pelayanan Publik ... Perum Bulog,
        meminta penjadwalan ulang" (Dedy asks, not Bulog)."""
        words = sentence.words
        apposition = self.lexicon.word_set("apposition")
        for k in range(span.start - 1, max(-1, span.start - LONG_TITLE_REACH - 1), -1):
            if words[k] in CLAUSE_MARKS or words[k] in HARD_STOPS:
                return False
            if (words[k],) in apposition:
                return any(a.end == k and a.entity_type == "PERSON" for a in sentence.actors)
        return False

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
        numbers, quantifiers and name markers ("dari empat perusahaan", "kepada para
        korban", "dengan Saudara LE"), or the medium a report is attributed to (the
        pack's `attributions`: "Dilansir Kominfo")."""
        words = sentence.words
        j = at
        while j > 0 and (words[j - 1].isdigit() or (words[j - 1],) in self.quantifiers
                         or (words[j - 1],) in self.finder.name_markers):
            j -= 1
        if j > 0 and (words[j - 1],) in self.lexicon.word_set("genitive_prepositions"):
            # "the island of Cyprus", not "a group of Moroccan diplomats"
            return j < 2 or (words[j - 2],) not in self.lexicon.word_set("partitives")
        return j > 0 and ((words[j - 1],) in self.lexicon.word_set("target_prepositions")
                          or (words[j - 1],) in self.lexicon.word_set("attributions"))

    def _compound_head(self, sentence: _Sentence, before: list[ActorSpan]) -> ActorSpan:
        """The last actor before a trigger, or the first of a compound ending there."""
        head = before[-1]
        for previous in reversed(before[:-1]):
            if self._joined(sentence.words[previous.end : head.start]):
                head = previous
            else:
                break
        return self._enumeration_head(sentence, head, before[-1])

    def _enumeration_head(self, sentence: _Sentence, head: ActorSpan,
                          last: ActorSpan) -> ActorSpan:
        """The first member of an enumeration that opens the sentence, goes on through
        `head` and ends, after a conjunction, at `last`: its commas are no clause marks.
        "Mordor, Rohan, Fornost and Bree welcomed", "Rusia, China, dan Iran menolak"; not
        a comma after anything else ("Menurut Polri, KPK dan Kejagung menangkap": Polri
        only tells), nor a title's apposition ("Kapolres Tasikmalaya Kota, AKBP Moch Faruk
        Rozi membenarkan": no conjunction)."""
        words = sentence.words
        conjunctions = self.lexicon.word_set("conjunctions")
        first = head
        for previous in reversed([a for a in sentence.actors if a.end <= head.start]):
            gap = words[previous.end : first.start]
            if not gap or gap[0] != "," or not self._joined(gap):
                break
            first = previous
        determiners = self.lexicon.word_set("determiners")
        if first is head or any((w,) not in determiners for w in words[: first.start]):
            return head
        if not any((w,) in conjunctions for w in words[first.end : last.start]):
            return head
        return first

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
        modifiers = self.lexicon.word_set("compound_modifiers")
        if gap and (gap[0],) in conj and modifiers:
            # "Russia and neighbouring Belarus", "France and its ally Germany"
            rest = [w for w in gap[1:] if (w,) not in self.lexicon.word_set("determiners")]
            if len(gap) - len(rest) <= 2 and 0 < len(rest) <= 2 and all(
                    (w,) in modifiers for w in rest):
                return True
        if not 1 <= len(gap) <= 2:
            return False
        if all((w,) in conj or w == "," for w in gap):
            return True
        return (len(gap) == 2 and (gap[0],) in conj
                and (gap[1],) in self.lexicon.word_set("determiners"))
