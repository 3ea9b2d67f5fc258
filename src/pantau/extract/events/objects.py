"""Object and agent resolution for the event coder: who is acted on, and by whom.

`_ObjectRules` (a mixin of `coder._Coder`) finds the first actor after a trigger (through
relative clauses and a request's complement), a place as a visit's target, and the
agent of a passive or nominal trigger (after "oleh"/"by" or right after the verb).
"""

from __future__ import annotations

from pantau.extract.events.actors import INSTITUTIONAL, ActorSpan
from pantau.extract.events.clauses import CLAUSE_MARKS, HARD_STOPS, _Sentence

TARGET_WINDOW = 10
"""Tokens after a trigger within which its target must start."""
SUPPORT_REACH = 4
"""Tokens after a nominal trigger within which a passive support verb ("dilakukan") may
introduce its agent ("Penangkapan terhadap X dilakukan tim Resmob")."""


class _ObjectRules:
    """The object after a trigger, and the agent of a passive or noun."""

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
        relatives = self.lexicon.word_set("relatives")
        through = relatives
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
            if (words[hi],) in conj and hi + 1 < len(words) and (
                    (words[hi + 1],) in predicate
                    or (hi > end and self._joined_verb(words[hi + 1]))):
                # "refused to deploy peacekeepers in Iraq and has urged its citizens",
                # "membuka kembali kasus ini dan menghukum pelaku": another predicate,
                # after the trigger's own object ("mengumpat dan melukai petugas" share
                # theirs)
                break
            hi += 1
        relative = next((k for k in range(end, hi) if (words[k],) in relatives), hi)
        found = [s for s in self._actors_between(sentence, end, hi)
                 if (skip is None or s.actor != skip.actor)
                 # inside a relative clause only its agent tells whose the object is
                 # ("usulan yang dibuat oleh Moskow"), not a place or partner it names:
                 # "mendukung teman-teman yang ingin kembali ke KPK" supports no KPK (a
                 # request's is the one asked: "menuntut jaminan yang mengikat dari NATO")
                 and (request or s.start < relative
                      or not self._after_preposition(sentence, s.start))
                 # a place named by its kind that no actor code reaches is a site, not a
                 # target: "menyerahkan bantuan untuk Masjid Jihad"
                 and not (s.target_only and s.actor.code is None
                          and words[s.start] in self.setup.place_heads)]
        # Not inside the pattern's object ("mengirim pasukan ke Filipina") unless the
        # object is the only actor there ("menetapkan tersangka").
        outside = [s for s in found if not exclude[0] <= s.start < exclude[1]]
        inside = [s for s in found if exclude[0] <= s.start < exclude[1]]
        if inside and outside and any((w,) in self.lexicon.word_set("relatives")
                                      for w in words[exclude[1] : outside[0].start]):
            # the object is one, told about by a relative clause: "mengamankan pengemudi
            # yang membuat geram warganet" (not the netizens)
            return inside[0]
        return (outside or found or [None])[0]

    def _joined_verb(self, word: str) -> bool:
        """Whether a word after a conjunction opens a predicate of its own: an active
        verb (the pack's `shared_subject_verbs` prefix) that opens a trigger."""
        prefixes = tuple(p for (p,) in self.lexicon.word_set("shared_subject_verbs"))
        return bool(prefixes) and word.startswith(prefixes) and word in self.lexicon.first_words

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
        if passive:  # "masih diamankan sama paminal": colloquial, after a passive verb only
            agents |= self.lexicon.word_set("passive_agent_prepositions")
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
                         if a.start == k and not a.target_only and a.entity_type != "LOC"]
                if found:
                    return found[0], j
            reach = self.lexicon.noun_agent_reach
            if (words[j],) in agents and (passive or reach is None or j - end <= reach):
                found = self._actors_between(sentence, j + 1, j + 4)
                if not found and self.lexicon.word_set("long_agents"):
                    # "oleh Paminal Propam Polda Sumut": a long name starting right after
                    found = [a for a in sentence.actors if j + 1 <= a.start < j + 4
                             and not a.target_only]
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
        if any(a.start == end and not a.target_only for a in sentence.actors):
            # "ditangkap polisi dan ditahan di Polres Bogor": the agent right after the
            # verb is the one (`_roles`), not an institution later on
            markers = frozenset()
        hi = min(self._clause_end(sentence, end), end + TARGET_WINDOW)
        for j in range(end, hi):
            size = next((len(m) for m in sorted(markers, key=len, reverse=True)
                         if tuple(words[j:j + len(m)]) == m), 0)
            if not size:
                continue
            # (an institution the entity model drew as a place, "Polda Sulteng", counts
            # when it has an institutional sector)
            found = [a for a in sentence.actors if a.start == j + size
                     and a.entity_type in ("ORG", "LOC") and not a.target_only
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
