"""Pronoun and quote-speaker resolution for the event coder.

`_SpeakerRules` (a mixin of `coder._Coder`) turns a pronoun or a first-person subject
into a named actor: the last person or actor named, the speaker of the quote it stands
in (from the quotes stage), or the one a saying verb reports. Kept apart because it
reads the quotes layer, which no other rule does.
"""

from __future__ import annotations

from collections.abc import Sequence

from pantau.extract.events.actors import PARTY, ActorSpan, entity_actor, placed_person
from pantau.extract.events.clauses import CLAUSE_MARKS, HARD_STOPS, _Sentence
from pantau.extract.quotes.lexicon import describes_person
from pantau.model import Actor, Quote
from pantau.nlp.tokens import Token

OBLIGATION_REACH = 5
"""Words before a complementizer within which a saying verb opens a reported obligation
("declared on Tuesday that China must")."""
DESCRIPTION_GAP = 3
"""Words at most between a description's opening and the actor in it ("Wasekjen
Gerindra ini": the title, then the party)."""
TAG_WORDS = 10
"""Words at most in a speech tag set between commas ("kata Kapolres AKBP Zainal Abidin")."""
NOUN_OWNER = 3
"""Words after a nominal trigger opening a quote within which a first-person word makes it
the speaker's own act ("Kunjungan ini kami lakukan")."""
SHORT_PARENTHESIS = 3
"""Tokens at most inside a parenthesis read as part of its clause ("(KIP)", "(37)")."""


class _SpeakerRules:
    """Pronouns and first-person words resolved to a named actor or a quote's speaker."""

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
            opens_quote = self._quote_in_sentence(sentence, start) is not None
        if opens_quote or first_person:
            speaker = self._speaker_at(sentence.tokens[start].start)
            if speaker is not None:
                return speaker
        speaker = self._reported_speaker(sentence, clause, start)
        if speaker is not None:
            return speaker
        opened = self._past_parenthesis(sentence, clause)
        if opened > 0 and sentence.words[opened - 1] not in CLAUSE_MARKS and not any(
            (w,) in self.pronouns for w in before
        ):
            # a clause opened by a word, not a mark, keeps the subject before it: "Dia
            # kemudian berselisih", "Ia juga mengingatkan" (a saying verb opens a clause),
            # "Mereka juga telah melayangkan gugatan ke Komisi Informasi Publik (KIP) dan
            # menuntut ..."
            before = sentence.words[self._clause_start(sentence, opened - 1):start]
        pronoun = next((w for w in before if (w,) in self.pronouns), None)
        if pronoun is not None:
            speaker = self._reporter(sentence, clause)
            if speaker is not None:
                return speaker  # "Gbagbo announced on Sunday that he will extend ..."
        if any((w,) in self.personal_pronouns for w in before):
            person = self.last_person or self.last_unnamed_person or self.last_actor
            quoted_by = self._speaker_at(sentence.tokens[start].start)
            if (person is not None and quoted_by is not None and person.entity is not None
                    and person.entity == quoted_by.entity):
                return None  # "“Dia juga sudah meminta maaf ...,” kata Faruk": not Faruk
            return person
        if pronoun is not None and (pronoun,) in self.lexicon.word_set("party_pronouns"):
            speaker = self._last_speaker(sentence)
            if speaker is not None:
                return speaker
        if pronoun is not None:
            return self.last_actor
        return None

    @staticmethod
    def _past_parenthesis(sentence: _Sentence, clause: int) -> int:
        """Where a clause starts when a short parenthesis right after a word before it
        ("Komisi Informasi Publik (KIP) dan ...", an acronym, an age) is read as part of
        the clause: the opening bracket's position; else `clause`."""
        words = sentence.words
        if clause < 2 or words[clause - 1] != ")":
            return clause
        opening = next((j for j in range(clause - 2, max(-1, clause - 3 - SHORT_PARENTHESIS), -1)
                        if words[j] == "("), None)
        if opening is None or opening == 0 or not words[opening - 1][:1].isalnum():
            return clause
        return opening

    def _announcing_speaker(self, sentence: _Sentence, start: int,
                            sectors: frozenset[str]) -> Actor | None:
        """The speaker of a direct quote, named in its sentence, in which an agentless
        passive announces an act of the speaker's office ("“Besok LM dipanggil sebagai
        tersangka,” ujar Kasubdit ... Bareskrim Polri"): the speaker, when of one of
        `sectors` (the trigger's agents, else the state's), is its agent. The gold's
        performative rule; a victim or a bystander quoted is no agent."""
        quote = self._quote_in_sentence(sentence, start)
        if quote is None:
            return None
        opening = [w for t, w in zip(sentence.tokens[:start], sentence.words[:start], strict=True)
                   if t.start >= quote.start]
        closed = self.lexicon.word_set("clause_starts") | self.lexicon.word_set(
            "announcement_breaks")
        if any((w,) in self.first_person or (w,) in closed for w in opening):
            # "“Kami dipanggil ...”" (the speaker's side suffers it), "“... yang disita”",
            # "“... bahwa pria itu diperintahkan”": the quote's own first clause only
            return None
        speaker = self._speaker_at(quote.start)
        if speaker is None or speaker.sector not in sectors:
            return None
        return speaker

    def _quote_in_sentence(self, sentence: _Sentence, at: int) -> Quote | None:
        """The direct quote holding the token at `at` when it ends in this sentence, so
        that its speaker is named here (a performative quote needs its speaker in its
        sentence)."""
        offset = sentence.tokens[at].start
        span = self.analysis.sentences[sentence.index]
        return next((q for q in self.analysis.quotes if q.kind == "direct"
                     and q.start <= offset < q.end <= span.end), None)

    def _sentence_speaker(self, sentence: _Sentence, at: int) -> Actor | None:
        """The speaker of the direct quote holding the token at `at`, when the sentence
        names him (`_quote_in_sentence`)."""
        quote = self._quote_in_sentence(sentence, at)
        return self._speaker_at(quote.start) if quote is not None else None

    def _described_last_person(self, words: Sequence[str],
                               actors: list[ActorSpan]) -> list[ActorSpan]:
        """The sentence's first actor, when it stands in a description of a person that
        opens the sentence (or its part after a comma) and a demonstrative closes
        ("Politikus PKB ini mengapresiasi ...", "Wasekjen Gerindra ini menilai ..."), is
        the last person named: the description is his, not his party's act."""
        person = self.last_person
        if person is None or not actors or actors[0].entity_type == "PERSON":
            return actors
        first = actors[0]
        if first.end >= len(words) or (words[first.end],) not in self.setup.demonstratives:
            return actors
        start = next((i + 1 for i in range(first.start - 1, -1, -1) if words[i] in CLAUSE_MARKS),
                     0)
        if first.start - start > DESCRIPTION_GAP or not describes_person(
                self.analysis.language, words, start):
            return actors
        if person.sector and first.actor.sector not in (None, person.sector, PARTY):
            return actors  # "Waka Komisi Hukum DPR itu" is no President named last (a
            # party is: "Politikus PKB ini" after a legislator of the PKB)
        return [ActorSpan(start, first.end, person), *actors[1:]]

    def _without_speech_tags(self, tokens: Sequence[Token], words: Sequence[str],
                             actors: list[ActorSpan]) -> list[ActorSpan]:
        """The actors less the speaker of a speech tag set between commas inside the
        sentence ("Tawon Vespa, tambah Nyoto, terkenal ganas dan bisa menyerang"): he
        tells what the sentence says, he does none of it (the entity stage reads the tag
        so too)."""
        tags = self.setup.speech_tags
        inserted: list[tuple[int, int]] = []
        for i in range(1, len(words) - 1):
            if words[i - 1] == "," and (words[i],) in tags:
                j = next((k for k in range(i + 1, min(len(words), i + 1 + TAG_WORDS))
                          if words[k] == ","), None)
                if j is not None and j + 1 < len(words) and tokens[j + 1].text[:1].islower():
                    inserted.append((i, j))
        return [a for a in actors if not any(i < a.start and a.end <= j for i, j in inserted)]

    def _with_object_pronouns(self, words: Sequence[str],
                              actors: list[ActorSpan]) -> list[ActorSpan]:
        """The actors with each third-person pronoun after a verb or a target preposition
        as the actor it stands for (the pack's `plural_object_pronouns`: the last group,
        `singular_object_pronouns`: the last person): "DKPP menilai mereka telah
        melanggar" after "Ketua KPU dan empat anggota KPU ..." is the members. Not the
        sentence's first actor, mostly the subject acting on them."""
        plural = self.lexicon.word_set("plural_object_pronouns")
        singular = self.lexicon.word_set("singular_object_pronouns")
        if not (plural or singular):
            return actors
        prefixes = tuple(p for (p,) in self.lexicon.word_set("verb_prefixes"))
        prepositions = self.lexicon.word_set("target_prepositions")
        added = []
        for k in range(1, len(words)):
            many = (words[k],) in plural
            if not (many or (words[k],) in singular) or any(
                    a.start <= k < a.end for a in actors):
                continue
            before = words[k - 1]
            if not ((before.isalpha() and before.startswith(prefixes))
                    or (before,) in prepositions):
                continue
            earlier = [*(a for previous in self.recent_actors for a in previous),
                       *[a for a in actors if a.end <= k][1:]]
            antecedent = next((a for a in reversed(earlier)
                               if (a.entity_type != "PERSON") == many and a.actor.code), None)
            if antecedent is not None:
                added.append(ActorSpan(k, k + 1, antecedent.actor, target_only=True,
                                       entity_type=antecedent.entity_type))
        return sorted([*actors, *added], key=lambda a: a.start) if added else actors

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
        entity = self.entity_by_id.get(quote.speaker or "")
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
                entity = self.entity_by_id.get(quote.speaker or "")
                if entity is not None:
                    actor = self._placed(entity_actor(entity))
                    if entity.type == "PERSON" and actor.code in (None, actor.country):
                        # "kata Ketua DPRD Banten, Fahmi Hakim": the body of the role
                        actor = self.finder.role_actor(entity.roles, actor,
                                                       self.default_country) or actor
                    if actor.code is None and self.lexicon.word_set("speaker_kind"):
                        # "“Kami berharap ...,” sebutnya" of the Dinas PU: the office's
                        # kind gives its sector, as when it is named in the sentence
                        actor = self.finder.kind_actor(entity.name, actor, entity.type,
                                                       self.default_country) or actor
                    # a person the article does not place: its country, as when named
                    return placed_person(actor, entity.type, self.default_country)
                actor = Actor(name=quote.speaker_name)
                if self.lexicon.word_set("speaker_kind"):
                    # a speaker the entity stage did not draw: by the kind its name opens
                    # with ("Dinas PU Kota Medan"), else no code
                    actor = self.finder.kind_actor(quote.speaker_name, actor, "ORG",
                                                   self.default_country) or actor
                return actor
        return None
