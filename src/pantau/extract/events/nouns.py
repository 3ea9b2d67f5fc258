"""The agent of a nominal trigger from the clause around it, for the event coder.

`_NounAgentRules` (a mixin of `coder._Coder`): a noun names no agent of its own as often
as not ("KPK melakukan penyitaan", "Dari hasil penggeledahan yang dilakukan, KPK
menemukan ..."), so its agent is looked for in the clause: the subject, when only a
support verb or a link stands between them (not "MK mengabulkan gugatan"); the subject
of the clause before, after a moment word; the subject after a fronted phrase. Kept
apart from `roles`, which combines the agents found here with objects by voice.
"""

from __future__ import annotations

from pantau.extract.events.actors import ActorSpan
from pantau.extract.events.clauses import HARD_STOPS, _Sentence
from pantau.extract.events.lexicon import Phrase

MIN_VERB = 5
"""Letters at least of a word read as an affixed verb ("ditetapkan", not "dia")."""


class _NounAgentRules:
    """The agent of a nominal trigger from its clause, or the clause before or after."""

    def _noun_subject(self, sentence: _Sentence, start: int) -> ActorSpan | None:
        """The subject of a nominal trigger's clause; when it has none, the agent a
        moment word or a fronted phrase gives (`_moment_agent`, `_fronted_agent`)."""
        subject = self._subject(sentence, start, clause_only=True)
        if subject is not None:
            return subject
        clause = self._clause_start(sentence, start)
        if not any(w[:1].isalnum() for w in sentence.words[:clause]):  # (a quotation mark)
            return self._fronted_agent(sentence, start)
        return self._moment_agent(sentence, start, clause)

    def _noun_links(self) -> frozenset[Phrase]:
        """Verbs through which a subject is a nominal trigger's agent: the pack's
        `support_verbs` ("melakukan penyitaan") and `noun_links` ("berencana menggelar")."""
        return self.lexicon.word_set("support_verbs") | self.lexicon.word_set("noun_links")

    def _moment_agent(self, sentence: _Sentence, start: int, clause: int) -> ActorSpan | None:
        """For a noun right after a word of the pack's `noun_moments` that opens a clause
        with no subject of its own (or after it and a support verb), the subject of the
        clause before: "penyidik Kejari Lembata saat penggeledahan menemukan ..." (the
        investigators search), "diungkap Prabowo saat memberikan arahan" (he directs)."""
        links = self._noun_links()
        linked = clause == start - 2 and (sentence.words[start - 1],) in links
        if (clause != start - 1 and not linked) or (
                sentence.words[clause],) not in self.lexicon.word_set("noun_moments"):
            return None
        before = self._clause_start(sentence, clause - 1)
        carried = [a for a in sentence.actors if before <= a.start and a.end <= clause
                   and not a.target_only and not self._after_preposition(sentence, a.start)]
        return carried[0] if carried else None

    def _fronted_agent(self, sentence: _Sentence, start: int) -> ActorSpan | None:
        """For a noun in a phrase that opens the sentence with one of the pack's
        `fronted_openers` and names no actor, the subject opening the clause after the
        comma: "Dalam penangkapan, polisi berhasil menyita ...", "Dari hasil penggeledahan
        yang dilakukan, KPK menemukan dokumen" (the police arrest, the KPK searches). Not
        a noun pointing back with one of the pack's `anaphoric` words ("Dalam kunjungan
        itu, ..."): that act was told before."""
        words = sentence.words
        opener = next((w for w in words if w[:1].isalnum()), "")  # (past a quotation mark)
        if (opener,) not in self.lexicon.word_set("fronted_openers"):
            return None
        if start + 1 < len(words) and (words[start + 1],) in self.lexicon.word_set(
                "anaphoric"):
            return None  # "Dalam kunjungan itu, ...": the visit told before, not a new one
        comma = next((k for k in range(start + 1, len(words)) if words[k] == ","), None)
        locative = self.lexicon.word_set("locative")
        partner_at, comma = self._fronted_partner(sentence, start, comma) or (len(words), comma)
        if comma is None or any(a.start < comma and not a.target_only
                                and a.start < partner_at
                                and not (a.entity_type == "LOC" and a.start > 0
                                         and (words[a.start - 1],) in locative)
                                for a in sentence.actors):
            # (a place is no actor: "Dalam kunjungan ke Beijing, Cook ..."; nor the
            # partner: "Dalam pertemuan dengan Li Lecheng, Cook ...")
            return None
        subject = next((a for a in sentence.actors if a.start == comma + 1), None)
        if subject is None or subject.target_only or self._suffers(sentence, subject.end):
            return None
        return subject

    def _fronted_partner(self, sentence: _Sentence, start: int,
                         comma: int | None) -> tuple[int, int] | None:
        """The actor a fronted noun names right after it and one of the pack's
        `fronted_partners` ("Dalam pertemuan dengan Li Lecheng, pimpinan MIIT, Cook
        ..."): its first token, and the comma that closes the phrase, past the partner's
        apposition. None when the noun names none."""
        words = sentence.words
        at = start + 2
        if (comma is None or at >= comma
                or (words[start + 1],) not in self.lexicon.word_set("fronted_partners")):
            return None
        partner = next((a for a in sentence.actors if a.start == at), None)
        if partner is None:
            return None
        apposition = next((a for a in sentence.actors if a.start == comma + 1), None)
        if partner.end == comma and apposition is not None:
            after = next((k for k in range(apposition.end, len(words)) if words[k] == ","),
                         None)
            if after is not None and not any(w in HARD_STOPS for w in words[comma + 1 : after]):
                comma = after
        return at, comma

    def _suffers(self, sentence: _Sentence, at: int) -> bool:
        """Whether the first verb after a subject is passive (opens with one of the
        pack's `passive_prefixes`): "..., Ketua Yayasan RSHI Dede Ardiansyah, resmi
        ditetapkan sebagai tersangka" is no agent of the investigation before it."""
        passive = tuple(p for (p,) in self.lexicon.word_set("passive_prefixes"))
        verbs = tuple(p for (p,) in self.lexicon.word_set("verb_prefixes"))
        for word in sentence.words[at:]:
            if word in HARD_STOPS:
                return False
            if len(word) >= MIN_VERB and word.startswith(verbs):
                return word.startswith(passive) if passive else False
        return False

    def _subject_as_agent(self, sentence: _Sentence, start: int,
                          source: ActorSpan | None) -> ActorSpan | None:
        """The clause's subject as a nominal trigger's agent, unless it is a victim right
        before the noun ("menjadi korban pembacokan", the pack's `victims`), the subject
        of a passive verb between them (in a pack with `noun_after_passive`), or the
        subject of another verb between them (`_other_verb_between`)."""
        if source is None:
            return None
        if source.end == start and (sentence.words[source.start],) in self.lexicon.word_set(
                "victims"):
            return None
        if self.lexicon.word_set("noun_after_passive"):
            # "Pelaku langsung ditahan untuk penyidikan", "kantor itu digeledah dalam
            # upaya penyidikan": the subject of a passive verb before the noun suffers
            # that verb and is not the noun's agent
            support = self.lexicon.word_set("passive_support")
            for k in range(source.end, start):
                key = (sentence.words[k],)
                if key in support or any(p.voice == "passive"
                                         for p in self.lexicon.triggers.get(key, ())):
                    return None
        if self._other_verb_between(sentence, source.end, start) and not self._manner_noun(
                sentence, start):
            return None
        lo = self._clause_start(sentence, start)
        # (a saying verb or a complementizer opens the clause it reports, a conjunction
        # the next one: "Dia menilai KPK terus meningkatkan koordinasi ...", "... karena
        # memiliki nilai positif dan DPRD akan memberikan dukungan")
        openers = (self.setup.speech | self.lexicon.word_set("complementizers")
                   | self.lexicon.word_set("conjunctions"))
        for k in range(lo, source.start):
            if (sentence.words[k],) in openers:
                lo = k + 1
        if source.start > lo and self._other_verb_between(sentence, lo, source.start):
            # "memasukkan partisipasi masyarakat ... serta tingkat koordinasi dengan
            # lembaga terkait": an actor after its clause's verb is that verb's object
            return None
        return source

    def _other_verb_between(self, sentence: _Sentence, lo: int, hi: int) -> bool:
        """Whether a verb that does not make its subject the noun's agent stands between
        a subject and a nominal trigger: "Masyarakat dapat mengecek status penerimaan
        bantuan", "MK mengabulkan gugatan", "Lisa tak menghadiri pemeriksaan" (but "KPK
        melakukan penyitaan", "DKPP diketahui menjatuhkan sanksi", "Polri berencana
        menggelar diskusi": the pack's `support_verbs` and `noun_links`). A verb is a
        lower-case word opening with one of the pack's `noun_link_prefixes`, or one of
        its `noun_link_breaks` ("korban dijatuhi sanksi", "terdiri dari"). After a
        conjunction or a purpose word right before a link (the pack's `noun_link_openers`),
        only the words from the link on count ("KPK melaksanakan tugas ... dan melakukan
        pertemuan")."""
        prefixes = tuple(p for (p,) in self.lexicon.word_set("noun_link_prefixes"))
        if not prefixes:
            return False
        links = self._noun_links()
        breaks = self.lexicon.word_set("noun_link_breaks")
        openers = self.lexicon.word_set("noun_link_openers")
        words = sentence.words
        for k in range(hi - 2, lo - 1, -1):
            if (words[k],) in openers and (words[k + 1],) in links:
                lo = k + 1
                break
        k = lo
        while k < hi:
            word = words[k]
            if tuple(words[k:k + 2]) in links:  # "Darto menjalani sidang kasus pelecehan"
                k += 2
                continue
            if (word,) in breaks or (word.startswith(prefixes) and (word,) not in links
                                     and sentence.tokens[k].text[:1].islower()):
                return True
            k += 1
        return False

    def _manner_noun(self, sentence: _Sentence, start: int) -> bool:
        """Whether a nominal trigger is the manner of the verb before it, after one of the
        pack's `manner_prepositions` that no word of its `manner_governors` governs:
        "Johan menutup kegiatan dengan ajakan kepada seluruh peserta" (Johan appeals),
        not "sesuai dengan tuntutan" (whose owner is another)."""
        words = sentence.words
        if start < 2 or (words[start - 1],) not in self.lexicon.word_set("manner_prepositions"):
            return False
        return (words[start - 2],) not in self.lexicon.word_set("manner_governors")
