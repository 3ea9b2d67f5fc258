"""Trigger matching for the event coder: the phrase at a token and the pattern that fits.

`_TriggerRules` (a mixin of `coder._Coder`) finds the longest lexicon phrase at a token,
rejects those that are no event there (names, wrong verb forms, nouns after a name),
chooses the most specific pattern by its context words and object, and tells the
trigger's voice (active, passive, noun). Kept apart from role resolution, which only
needs the trigger's span, pattern and voice.
"""

from __future__ import annotations

from collections.abc import Sequence

from pantau.extract.events.clauses import CLAUSE_MARKS, HARD_STOPS, _Sentence
from pantau.extract.events.lexicon import Pattern, Phrase
from pantau.extract.events.matching import find_in_order, find_longest

CONTEXT_WINDOW = 6
"""Tokens after (or before) a trigger within which a pattern's context words count."""
FOLLOWING = 2
"""A trigger this close after a coded one is its complement, not a second event:
"agreed to cooperate", "rejected demands", "menuduh Rusia membangun"."""
PLACE_OBJECT = ("<place>",)
"""In a pattern's `object` list: any place name right after the trigger ("merebut
Semenanjung Krimea")."""
ACTOR = "<actor>"
"""First word of an `object` phrase: an actor (or a compound of actors) right after the
trigger, then the rest of the phrase after it ("mendorong <actor> untuk": "mendorong
Polri dan Kejaksaan untuk mengusut")."""


class _TriggerRules:
    """Trigger matching: which phrase, which pattern, which voice."""

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

    def _agented_noun(self, sentence: _Sentence, lo: int, hi: int, owned: bool = False) -> int:
        """Where to go on after a coded trigger: at a nominal trigger among the words it
        would skip (`FOLLOWING`, its object or complement) when that noun names its agent
        ("menerima sebagian permohonan praperadilan yang diajukan jurnalis HM": HM's
        lawsuit as well as the court's ruling), else at `hi`. `owned`: the coded trigger
        takes no target, so an actor right after the noun is its agent too ("mengabulkan
        sebagian gugatan Daniel": Daniel's lawsuit; `owned_noun`). Not the coded trigger's
        own abbreviation in brackets ("terkena operasi tangkap tangan (OTT) oleh ...")."""
        for k in range(lo, min(hi, len(sentence.words))):
            if k == lo + 1 and sentence.words[lo] == "(":
                continue
            size, key = (0, None) if k in sentence.names else self._trigger_at(sentence, k)
            if key is None or not any(p.voice == "noun" for p in self.lexicon.triggers[key]):
                continue
            agent, _ = self._agent(sentence, k + size)
            if agent is not None:
                return k
            if owned and any(a.start == k + size for a in sentence.actors):
                self.owned_noun = k
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
                    if found is None and pattern.voice == "passive":
                        found = self._relative_head(words, start, plain)
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
            if pattern.before and pattern.alternatives:
                preceding = find_longest(words, before_lo, start, pattern.before)
                if preceding is None:
                    continue
                score += preceding[0]
            elif pattern.before:
                if find_in_order(words, before_lo, start, pattern.before) is None:
                    continue
                score += sum(map(len, pattern.before))
            if best is None or score > best[0]:
                best = (score, pattern, span)
        return (best[1], best[2]) if best else (None, (end, end))

    def _relative_head(
        self, words: Sequence[str], start: int, phrases: Sequence[Phrase]
    ) -> tuple[int, int] | None:
        """(length, end) of a passive pattern's object phrase written as the head of a
        relative clause the trigger opens: "tersangka yang ditetapkan KPK", "saksi yang
        diperiksa penyidik" read as "ditetapkan tersangka", "diperiksa sebagai saksi"."""
        at = start - 1
        if at < 1 or (words[at],) not in self.lexicon.word_set("relatives"):
            return None
        for phrase_ in sorted(phrases, key=len, reverse=True):
            if tuple(words[max(0, at - len(phrase_)):at]) == phrase_:
                return len(phrase_), at
        return None

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
        if first.start == end + 1 and self._nominal(sentence.words[end]):
            return None  # "berharap keberadaan Masjid Tribrata ...": the actor is a genitive
        if first.start == end + 1 and (sentence.words[end],) in self.lexicon.word_set(
                "complementizers"):
            return None  # "mengingatkan bahwa Indonesia ...": the subject of what is said
        after = self._members(sentence, first, hi)[-1].end
        best = None
        for phrase_ in with_actor:
            rest = phrase_[1:]
            if not rest or find_in_order(sentence.words, after, hi, [rest]) is not None:
                best = max(best or 0, len(phrase_))
        return best

    def _nominal(self, word: str) -> bool:
        """Whether a word is a noun made from another word, by one of the pack's
        `nominal_circumfixes` ("ke-an": "keberadaan", "kedatangan"; "pe-an":
        "pengiriman", "perhatian")."""
        for circumfix in self.lexicon.word_set("nominal_circumfixes"):
            prefix, _, suffix = circumfix[0].partition("-")
            if len(word) > len(prefix) + len(suffix) + 2 and word.startswith(prefix) and (
                    word.endswith(suffix)):
                return True
        return False

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
