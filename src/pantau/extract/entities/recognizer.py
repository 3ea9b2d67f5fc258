"""The entities stage: mentions found, grouped into real-world actors, linked and coded.

1. Mentions: the language's NER model over each sentence's tokens, plus knowledge-base
   names the model missed (countries, organisations, capitals, known people), so "AS",
   "NATO" or "Interfax" are found even when the statistical model passes them by.
2. Roles: the title phrase before or after each person's name (roles.py).
3. Grouping (grouping.py): within a document, a short name joins the full name it
   belongs to ("Ryabkov" -> "Sergei Ryabkov"), an acronym joins its expansion ("Badan
   Pusat Statistik (BPS)"), and names that link to the same knowledge-base entry are one
   entity ("AS", "Amerika Serikat").
4. Coding (grouping.py, codes.py): the knowledge base's CAMEO code where it knows the
   actor (for people, the code of the role held on the publication date); otherwise the
   code a person's role or an organisation's kind implies ("Wakil Menteri Luar Negeri
   Rusia" -> RUSGOV, "Polres Bogor" -> IDNCOP). A capital city is coded as its country's
   government, the way news uses it ("Moskow menolak ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from pantau.extract.entities.candidates import TYPE_NAMES, Candidate
from pantau.extract.entities.codes import ActorCodes, is_acronym_word, prominent
from pantau.extract.entities.grouping import (
    add_short_bodies,
    add_surnames,
    add_titles_alone,
    document_country,
    group_mentions,
    is_acronym,
    to_entity,
    written_lower,
)
from pantau.extract.entities.ner import ModelError, NerModel, available_languages, load_model, spans
from pantau.extract.entities.roles import Role, RoleLexicon, load_roles
from pantau.extract.quotes.lexicon import load_quote_lexicon
from pantau.kb import KbMatch, KnowledgeBase
from pantau.kb.model import KbEntry
from pantau.lang import LanguagePack, load_pack, pack_for
from pantau.model import Analysis
from pantau.nlp.tokens import Token, sentence_tokens

MAX_NAME_TOKENS = 6
MAX_ACRONYM_LETTERS = 5
"""A word of at most this many capitals is read as an acronym ("WA", "SIM", "PUMA")."""
TITLE_REACH = 6
"""Words before a span within which a title says the span names a person
("Direktur Jenderal Bina Pemerintahan Desa pada Kementerian Dalam Negeri La Ode ...")."""
CIVILIAN_SECTORS = frozenset({"CRM", "CVL"})
"""Sectors of descriptions that are no office ("tersangka", "pengemudi"): `_description`
leaves them, as they often stand for more than one person."""
MAX_FIRST_NAMES = 2
"""Words a person's name may gain on its left (`_with_first_names`)."""
NAME_BREAKS = frozenset({"(", ",", ";", ":", '"', "“", "”", "‘", "«", "»"})
"""A name never runs across these: the model's span is cut before the first one."""


def _breaks_name(word: str, particles: frozenset[str] | None) -> bool:
    """Whether `word` ends a name the model tagged. In a language whose pack lists name
    particles, any other lower-case word ends it too ("Rodaba Noori told the press";
    "Ursula von der Leyen" keeps its particles). Measured: it helps English quotes and
    entities, and costs Indonesian entity scores, so the Indonesian pack has no list."""
    if word in NAME_BREAKS:
        return True
    return particles is not None and word[:1].islower() and word not in particles


MAX_MARKED_NAME = 4
"""Words of a name after a name marker ("bernama Dini Sri Wahyuni")."""

CURATED_PERSON_RANK = 1_000_000
"""The rank the knowledge base gives the people of pantau's own hand-written list."""


@dataclass(frozen=True)
class _RoleScope:
    """A sentence as the readers of names and titles see it: its tokens and the names
    found in it so far, the text, the language's titles, the language."""

    tokens: Sequence[Token]
    found: Sequence[Candidate]
    text: str
    roles: RoleLexicon
    lang: str | None


class EntityRecognizer:
    """A pipeline stage: fills `analysis.entities`."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or KnowledgeBase.load()
        self._models: dict[str, NerModel | None] = {}

    def _lookup(self, name: str, lang: str | None = None) -> list[KbEntry]:
        """Knowledge-base entries for a name in this language (`_matches`)."""
        return [m.entry for m in self._matches(name, lang)]

    def _matches(self, name: str, lang: str | None) -> list[KbMatch]:
        """The knowledge base's matches for a name in this language; an acronym such as
        "OSCE" is the same in every language, so for one the other languages' aliases
        count. An abbreviation matches only a name written without lower-case letters,
        as the knowledge base asks ("Ma" in "Ma, gak perlu khawatir" is no MA, the
        Supreme Court), and a short name written so is an acronym, not a small place."""
        matches = self.kb.matches(name, lang=lang)
        cased = bool(matches) and not any(ch.islower() for ch in name)
        matches = [m for m in matches if cased or m.kind != "abbr"]
        if cased and name.isalpha() and len(name) <= MAX_ACRONYM_LETTERS:
            # "WA" (WhatsApp), "SIM" (a driving licence), "OSS" are acronyms, not the
            # towns Wa, Sim and Oss; a city of millions in capitals ("JAKARTA -") is itself
            matches = [m for m in matches if m.kind == "abbr" or m.alias.isupper()
                       or m.entry.type != "LOC" or prominent(m.entry)]
        if not matches and lang is not None and name.isupper() and len(name) > 1:
            matches = self._matches(name, None)
        return matches

    def _body_lookup(self, name: str, lang: str | None) -> list[KbEntry]:
        """`_lookup` for the body a title names: for one word that cased text mostly
        writes in lower case only the home country's places ("Wali Kota Padang"; but
        "Direktur Kerja Sama" is no official of Sama, a city in China) and kinds of
        place ("Kapolres Tasikmalaya Kota")."""
        entries = self._lookup(name, lang)
        model = self._model(lang)
        pack = pack_for(lang)
        if (entries and " " not in name and model is not None and pack is not None
                and model.capitalisation(name) in (0, 1)
                and name.lower() not in pack.place_heads):
            return [e for e in entries if e.country == pack.home_country]
        return entries

    def _model(self, lang: str | None) -> NerModel | None:
        if lang not in self._models:
            self._models[lang] = load_model(lang) if lang in available_languages() else None
        return self._models[lang]

    def __call__(self, analysis: Analysis) -> None:
        lang = analysis.language
        model = self._model(lang)
        if model is None:
            analysis.warnings.append(
                f"no entity model for language {lang!r}: entities come from the knowledge "
                "base and capitalisation only"
            )
        roles = load_roles(lang) if lang else RoleLexicon.empty()
        text = analysis.text
        candidates: list[Candidate] = []
        sentences = [sentence_tokens(text, s.start, s.end) for s in analysis.sentences]
        # the model's genre (news or not: ner_genre), guessed once from the whole text
        genre = model.genre([t.text for toks in sentences for t in toks]) if model else None
        tags = (model.tag_many([[t.text for t in toks] for toks in sentences], genre)
                if model else [None] * len(sentences))
        defined: set[str] = set()
        last_person: Candidate | None = None
        for index, tokens in enumerate(sentences):
            if not tokens:
                continue
            found = self._sentence_candidates(index, tokens, text, tags[index], lang, roles)
            defined |= self._acronyms_defined_otherwise(tokens, found, lang)
            if last_person is not None and last_person.role is None:
                last_person.role = self._description(
                    _RoleScope(tokens, found, text, roles, lang), index)
            last_person = next((c for c in reversed(found) if c.type == "PER"), last_person)
            candidates.extend(found)
        candidates = [part for c in candidates for part in self._joined_people(c, lang)]
        # "perjanjian kerja bersama (PKB)": this text's PKB is no party, here or later
        candidates = [c for c in candidates if c.entry is None or c.text not in defined]
        candidates = [self._without_common_opener(c, sentences, text, lang)
                      for c in candidates]
        candidates = [c for c in candidates if not _common_noun(c, sentences, text)]
        pack = pack_for(lang)
        if pack is not None:  # "IHSG", "APBN", "Allah SWT": no person, body or place
            candidates = [c for c in candidates
                          if tuple(c.text.lower().split()) not in pack.not_names]
        groups = group_mentions(candidates, text, roles, lang)
        add_surnames(groups, analysis, sentences, candidates)
        add_titles_alone(groups, analysis, sentences, candidates, roles)
        names = {c.text for c in candidates}
        add_short_bodies(groups, analysis, sentences, candidates, self._org_words(lang),
                         lambda name: name in names or bool(self._lookup(name, lang)))
        codes = ActorCodes(
            lambda name: self._body_lookup(name, lang),
            lang,
            ((c.text, g.type, g.entry) for g in groups for c in g.candidates),
            document_country(groups, lang),
        )
        analysis.entities = [
            to_entity(f"e{i}", group, analysis.published, codes)
            for i, group in enumerate(groups, start=1)
        ]

    # -- mentions ---------------------------------------------------------------------

    def _sentence_candidates(
        self,
        index: int,
        tokens: list[Token],
        text: str,
        tags: list[str] | None,
        lang: str | None,
        roles: RoleLexicon,
    ) -> list[Candidate]:
        """Mentions in one sentence: the model's spans (``tags``, None without a model),
        mended, and the names and titles the stage finds itself."""
        words = [t.text for t in tokens]
        found: list[Candidate] = []
        if tags is not None:
            for first, last, kind in _touching_people_joined(spans(tags), words, roles):
                particles = self._particles(lang)
                cut = (i for i in range(first, last) if _breaks_name(words[i], particles))
                last = next(cut, last)
                if last == first:
                    continue
                trimmed = self._trimmed(tokens, first, last, lang)
                if trimmed is None:
                    continue
                for i, j, piece in self._titled_split(tokens, text, *trimmed, kind, roles, lang):
                    candidate = self._candidate(index, tokens, text, i, j, piece, lang)
                    found.extend(self._split_unknown(candidate, tokens, text, lang, roles))
        else:
            found.extend(self._capitalised(index, tokens, text, roles, lang))
        found = self._add_gazetteer(_RoleScope(tokens, found, text, roles, lang), index)
        found.extend(self._graded_names(_RoleScope(tokens, found, text, roles, lang), index))
        found = self._kind_named(_RoleScope(tokens, found, text, roles, lang), index)
        found = self._named_after_people(_RoleScope(tokens, found, text, roles, lang), index)
        found = self._with_first_names(_RoleScope(tokens, found, text, roles, lang), index)
        found = self._speakers_and_ages(_RoleScope(tokens, found, text, roles, lang))
        found = self._marked_names(_RoleScope(tokens, found, text, roles, lang), index)
        found.extend(self._placed_names(_RoleScope(tokens, found, text, roles, lang), index))
        found.sort(key=lambda c: c.first)

        self._read_roles(found, _RoleScope(tokens, found, text, roles, lang))
        heads = [head for c in found if c.role is not None for head in c.role.heads]
        titles = [(c.role.start, c.role.end) for c in found if c.role is not None]

        def in_a_title(c: Candidate) -> bool:
            if c.type != "PER":
                # "U.S. Secretary of State" is a title, not an organisation of its own
                return any(s < c.end and c.start < e for s, e in heads)
            # a titled "person" inside another person's title is a unit of that title
            # ("Karo Monev Stamarena Polri Brigjen Hadi Utomo": no one called Monev
            # Stamarena); an untitled one is its affiliation ("Penasihat ... Putin Yuri
            # Ushakov")
            return c.role is not None and any(s <= c.start and c.end <= e for s, e in titles)

        kept = [c for c in found if not in_a_title(c)]
        if any(c.type == "PER" and c not in kept for c in found):
            # the title read up to the unit taken for a person reads on past it now
            # ("Karo Monev Stamarena Polri Brigjen Hadi Utomo": "Karo" opens the title)
            self._read_roles(kept, _RoleScope(tokens, kept, text, roles, lang))
        return kept

    def _read_roles(self, found: list[Candidate], scope: _RoleScope) -> None:
        """Each person's role, but a person's named right before another person's."""
        person_starts = {c.first for c in found if c.type == "PER"}
        for c in found:
            if c.type != "PER" or c.last in person_starts:
                # "Penasihat ... Putin Yuri Ushakov": the role is Ushakov's, Putin its affiliation
                continue
            c.role = self._person_role(scope, c)
        self._representatives(found, scope)

    @staticmethod
    def _representatives(found: list[Candidate], scope: _RoleScope) -> None:
        """A title of the pack's `representative` before a name, a comma and another name
        is the second person's: "Kuasa hukum Lisa Mariana, Jhony Boy Nababan" makes
        Jhony the lawyer, and Lisa no lawyer at all."""
        if not scope.roles.representatives:
            return
        people = {c.first: c for c in found if c.type == "PER"}
        for c in found:
            role = c.role
            if (c.type != "PER" or role is None or role.start >= c.start
                    or c.last >= len(scope.tokens) or scope.tokens[c.last].text != ","):
                continue
            second = people.get(c.last + 1)
            title = tuple(scope.text[role.start:role.end].lower().split())
            if second is None or second.role is not None or not any(
                    title[:len(r)] == r for r in scope.roles.representatives):
                continue
            second.role, c.role = role, None

    def _description(self, scope: _RoleScope, index: int) -> Role | None:
        """A title opening a sentence that names no one, pointed back with one of the
        pack's `pointers` ("Politikus PKB ini mengapresiasi Kejagung", "Kepala Badan
        Pangan Nasional itu merinci harga"): the role of the person named last before."""
        tokens, roles = scope.tokens, scope.roles
        words = [t.text.lower() for t in tokens]
        end = roles.head_starting_at(words, 0)
        if end is None or not roles.pointers:
            return None
        at = next((k for k in range(end, min(len(words), end + MAX_NAME_TOKENS + 1))
                   if words[k] in roles.pointers), None)
        if at is None or any(not tokens[k].text[:1].isupper() and words[k] not in
                             roles.unit_joiners for k in range(end, at)):
            return None
        if any(c.type == "PER" and c.first < at for c in scope.found):
            return None
        if _in_quotation(scope.text, tokens[0].start):
            return None  # "... Menteri ESDM ini sangat jauh dari pro rakyat," tegasnya
        pointer = Candidate(index, at, at + 1, tokens[at].start, tokens[at].end,
                            tokens[at].text, "PER")
        role = self._person_role(scope, pointer)
        if role is not None and role.sector in CIVILIAN_SECTORS:
            return None  # "Tersangka itu terdiri dari ...": often more than one person
        return role

    def _person_role(self, scope: _RoleScope, person: Candidate) -> Role | None:
        """A person's title, read four ways, each where the one before found none: before
        the name, with a body named in the sentence or known to the knowledge base
        (`_role_of`); the same with the sentence's short brackets left out ("Direktur
        Utama (Dirut) PT Perusahaan Gas Negara (PGN) Hendi Prio Santoso"); after the name
        between commas; with a body only written (`_written_role`). A title before the
        name comes first: in a list ("Menteri Dalam Negeri (Mendagri) Tito Karnavian,
        Menteri Keuangan Sri Mulyani") the title after a comma is the next person's."""
        role = self._role_of(scope, person)
        if (view := _without_brackets(scope.tokens, person.first)) is not None:
            kept, position = view

            def shifted(c: Candidate) -> Candidate:
                return Candidate(c.sentence, position[c.first], position[c.last - 1] + 1,
                                 c.start, c.end, c.text, c.type)

            others = [shifted(o) for o in scope.found
                      if all(k in position for k in range(o.first, o.last))]
            unbracketed = self._role_of(replace(scope, tokens=kept, found=others),
                                        shifted(person))
            if unbracketed is not None and (role is None or unbracketed.start < role.start):
                # "Ketua Dewan Perwakilan Rakyat (DPR) RI Puan Maharani": with the bracket,
                # the body's own "Perwakilan" read as the title
                role = unbracketed
        if role is None and not self._inserted_speech_tag(scope, person):
            role = self._role_of(scope, person, after=True)
        role = role or self._written_role(scope, person)
        if role is not None and role.start < person.start:
            before = [t.text.lower() for t in scope.tokens if t.end <= role.start][-2:]
            if any(tuple(before[k:]) in scope.roles.relations for k in range(len(before))):
                return None  # "istri Bupati Morowali Utara, Fatmawati": his title, not hers
        return role

    def _written_role(self, scope: _RoleScope, person: Candidate) -> Role | None:
        """The title written before a person's mention whose body no name found or known
        gives ("Kepala Klinik Cahaya Kebagusan Grace Maria"), or after it and "selaku"
        (`written_role_before`, `written_role_after`): not over another person, nor a
        body whose name the entity model cut off after its kind ("warga Desa Bangket
        Parak", the village drawn as a person), nor a title word inside a name found."""
        pack = pack_for(scope.lang)
        kinds = (pack.org_words | pack.place_heads) if pack else frozenset()

        def holds_person(i: int, j: int) -> bool:
            return any(o is not person and o.type == "PER" and o.first < j and i < o.last
                       for o in scope.found)

        role = (scope.roles.written_role_before(scope.tokens, person.first, scope.text,
                                                holds_person)
                or scope.roles.written_role_after(scope.tokens, person.last, scope.text))
        if role is None or (role.affiliation
                            and role.affiliation.split()[-1].lower() in kinds):
            return None
        if any(o.start < e and s < o.end for o in scope.found for s, e in role.heads):
            return None  # "Toronto Star, August 15, 2008 Peter Zimonjic": a name's word
        return role

    @staticmethod
    def _inserted_speech_tag(scope: _RoleScope, person: Candidate) -> bool:
        """Whether the person is named in a speech tag set between commas inside the
        sentence ("Harus diakui, ungkap Sultan, kepala daerah memiliki tanggung jawab"),
        so that what follows the second comma goes on with the sentence and is no title
        of the person's."""
        tokens, k = scope.tokens, person.first
        cues = load_quote_lexicon(scope.lang).after
        return (k > 1 and (tokens[k - 1].text.lower(),) in cues and tokens[k - 2].text == ","
                and person.last + 1 < len(tokens) and tokens[person.last].text == ","
                and tokens[person.last + 1].text[:1].islower())

    def _role_of(self, scope: _RoleScope, person: Candidate, after: bool = False) -> Role | None:
        """The title written before a person's mention (or `after` it), with the body it
        names: a name found in the sentence or one the knowledge base knows."""
        found, text = scope.found, scope.text

        def affiliation(toks: Sequence[Token], i: int, j: int) -> int | None:
            for c in found:
                if c.last == j and c.first >= i:
                    return c.first
                if (c.last == j - 1 and c.first >= i and c.type == "ORG" and any(
                        e.feature == "country" for e in self._body_lookup(toks[j - 1].text,
                                                                          scope.lang))):
                    return c.first  # "Dewan Perwakilan Rakyat RI": the body and its country
            for first in range(i, j):
                span = toks[first:j]
                if not _written_as_name(span):
                    continue
                word = next((t.text for t in span if t.text[:1].isalpha()), "")
                if not word[:1].isupper():
                    continue  # names are capitalised: "ujar" (said) is no town Ujar
                name = text[toks[first].start : toks[j - 1].end]
                if self._body_lookup(name, scope.lang):
                    return first
            return None

        def organisation(toks: Sequence[Token], i: int, j: int) -> int | None:
            if any(c.last == j and c.first >= i and c.type == "PER" for c in found):
                return None  # "Kombes Iwan Eka Putra, Kombes Mugi": a list, not a unit
            return affiliation(toks, i, j)

        if after:
            return scope.roles.role_after(scope.tokens, person.last, text, affiliation)
        return scope.roles.role_before(scope.tokens, person.first, text, affiliation,
                                       organisation)

    def _titled_split(
        self,
        tokens: list[Token],
        text: str,
        first: int,
        last: int,
        kind: str,
        roles: RoleLexicon,
        lang: str | None,
    ) -> list[tuple[int, int, str]]:
        """A span the model drew over titles and a name, as (first, last, kind) pieces:
        "Kasat Reskrim Polres Bogor AKP Teguh Kumara" (one ORG) is the person after the
        grade and the organisation between the titles; "Bupati Sukabumi Asep Japar" (one
        ORG) the place after the office and the person; "Presiden Prabowo Subianto" (PER)
        the name without its title. The titles are left to the role reader."""
        words = [t.text.lower() for t in tokens]
        titles: list[tuple[int, int]] = []
        position = first
        while position < last - 1:
            end = roles.head_starting_at(words, position)
            if end is not None and end < last:
                titles.append((position, end))
                position = end
            else:
                position += 1
        if not titles:
            return [(first, last, kind)]
        pack = pack_for(lang)
        org_words = pack.org_words if pack else frozenset()
        kinds = org_words | (pack.place_heads if pack else frozenset())
        grade_start, name_start = titles[-1]
        prefix = tokens[first : titles[0][0]] or tokens[max(0, first - 1) : first]
        if (
            # only a police or military grade is sure to stand before a name, not any
            # title: "Himpunan Pengusaha Muda Indonesia", "Ratu Dewa", "Gamal Imam Santoso"
            roles.is_grade(words[grade_start:name_start])
            and _personal_name(tokens[name_start:last], org_words)
            # a street, a school or a unit named after a grade: "Jalan Jenderal Sudirman",
            # "SMA Taruna Nusantara", "Satuan Reserse Kriminal"
            and not self._kind_word(prefix, kinds, lang)
            and (kind == "PER" or not self._lookup(self._text(tokens, text, first, last), lang))
        ):
            pieces = [(name_start, last, "PER")]
            # the organisation: between the first title and the grade, less the titles at
            # its start and a comma at its end
            org_first, org_last = first, grade_start
            while (end := roles.head_starting_at(words, org_first)) is not None and (
                end <= org_last
            ):
                org_first = end
            if org_last > org_first and tokens[org_last - 1].text == ",":
                org_last -= 1
            if org_last > org_first and all(
                tokens[k].text[:1].isupper() or tokens[k].text.isdigit()
                for k in (org_first, org_last - 1)
            ):
                pieces.insert(0, (org_first, org_last, "ORG"))
            return pieces
        # the titles the model drew into a name, or an office into its organisation
        # ("Kasat Reskrim Polres Polman", "Ketua DPR")
        opened = first
        while titles and titles[0][0] == first and (
            kind == "PER" or roles.is_office(words[slice(*titles[0])])
        ):
            first = titles.pop(0)[1]
        if kind != "PER" and first > opened:
            # an office, the place or body it heads, a name: "Bupati Sukabumi Asep Japar"
            for end in range(last - 1, first, -1):
                entries = self._lookup(self._text(tokens, text, first, end), lang=lang)
                body = next((e for e in entries if e.type in ("LOC", "ORG")), None)
                if body is not None and _personal_name(tokens[end:last], org_words):
                    body_kind = {v: k for k, v in TYPE_NAMES.items()}[body.type]
                    return [(first, end, body_kind), (end, last, "PER")]
        return [(first, last, kind)]

    def _acronyms_defined_otherwise(
        self, tokens: Sequence[Token], found: list[Candidate], lang: str | None
    ) -> set[str]:
        """Bracketed acronyms the sentence defines as words that are no name of the entry
        they link to: "Perjanjian Kerja Sama (PKS)" is no party, "Madrasah Aliyah (MA)"
        no Supreme Court. An acronym of a name found in the text ("Amerika Serikat (AS)")
        is not among them: the name's group takes it in."""
        # words of a name linked to an entry: a different entry there is the acronym's
        # own name ("Perusahaan Gas Negara (PGN)" in "PT Perusahaan Gas Negara")
        covered = {i: o.entry for o in found if o.entry is not None
                   for i in range(o.first, o.last)}

        def defined_otherwise(c: Candidate) -> bool:
            start = c.first - 1 - len(c.text)
            if (c.entry is None or c.last - c.first != 1 or not is_acronym_word(c.text)
                    or start < 0 or tokens[c.first - 1].text != "("):
                return False
            words = [t.text for t in tokens[start : c.first - 1]]
            if "".join(w[0] for w in words).upper() != c.text:
                return False
            if any(covered.get(i) is not None for i in range(start, c.first - 1)):
                return False
            entries = self._lookup(" ".join(words), lang=lang)
            return all(e.id != c.entry.id for e in entries)

        return {c.text for c in found if defined_otherwise(c)}

    @staticmethod
    def _text(tokens: Sequence[Token], text: str, first: int, last: int) -> str:
        return text[tokens[first].start : tokens[last - 1].end]

    def _graded_names(self, scope: _RoleScope, index: int) -> list[Candidate]:
        """Names right after a police or military grade that the model left untagged
        ("AKP Teguh Kumara"): a grade is sure to stand before a personal name. Titles are
        read whole, so "Direktur Jenderal Pajak" holds no grade."""
        tokens, found, roles, lang = scope.tokens, scope.found, scope.roles, scope.lang
        words = [t.text.lower() for t in tokens]
        taken = {i for c in found for i in range(c.first, c.last)}
        pack = pack_for(lang)
        org_words = pack.org_words if pack else frozenset()
        abbreviations = pack.abbreviations if pack else frozenset()
        people = []
        position = 0
        while position < len(tokens):
            end = roles.head_starting_at(words, position)
            if end is None:
                position += 1
                continue
            last = end
            if (
                roles.is_grade(words[position:end])
                and tokens[position].text[:1].isupper()
                # "Direktorat Jenderal Pajak" is a body
                and not (position > 0 and words[position - 1] in org_words)
            ):
                while (last < len(tokens) and last - end < MAX_NAME_TOKENS
                       and last not in taken and words[last] not in abbreviations
                       and _personal_name(tokens[last : last + 1], org_words)
                       and roles.head_starting_at(words, last) is None):
                    last += 1
                if (last > end and last not in taken
                        and _personal_name(tokens[end:last], org_words)):
                    people.append(self._candidate(index, tokens, scope.text, end, last, "PER",
                                                  lang))
            position = last
        return people

    def _speakers_and_ages(self, scope: _RoleScope) -> list[Candidate]:
        """A place named where only a person can stand is a person: right after a cue
        of speech ("kata Wilton", "ujar Guntur") unless a country, a capital or a city of
        millions speaks for its government ("kata Moskow"), and before an age in
        brackets ("kata Vatikan (27), pengendara asal Demak"). So is an organisation the
        knowledge base does not know whose words can only be a personal name ("kata
        Nikita Mirzani", "ujar Pras")."""
        tokens, found = scope.tokens, scope.found
        cues = load_quote_lexicon(scope.lang).after
        org_words = self._org_words(scope.lang)
        words = [t.text.lower() for t in tokens]
        for c in found:
            if c.type != "LOC" and not (
                    c.type == "ORG" and c.entry is None
                    and _personal_name(tokens[c.first : c.last], org_words)
                    and not any(self._title_or_body(words, i, scope)
                                for i in range(c.first, c.last))):
                continue
            aged = _bracketed_age(tokens, c.last) is not None
            spoken = (c.first > 0 and (tokens[c.first - 1].text.lower(),) in cues
                      and (c.entry is None or not (c.entry.feature == "country"
                                                   or c.entry.capital or prominent(c.entry))))
            if aged or spoken:
                c.type, c.entry, c.placed = "PER", None, True
        return list(found)

    def _placed_names(self, scope: _RoleScope, index: int) -> list[Candidate]:
        """Capitalised words the model left untagged where only a person's name stands:
        right before an age in brackets ("Suci Anggraini (30) mengaku menjadi korban":
        news give ages to people only), or right after a cue of speech that follows a
        quote, up to a lower-case word or a stop ("..., tutup Ha Sang-chul.", "imbuh
        Appi"), or after an office and the capitalised words of its unit, from a given
        name NER-Prosa mostly annotates, two words at least ("Direktur Riset Ali Noer
        Zaman mengkritik"), or between commas after an office and its unit ("Kepala
        Dinas ... Garut, Muksin, di lokasi"). A title or a known body ends the name
        ("Kapolres ..."); a country, a capital or a city of millions is none ("kata
        Moskow": its government).
        Runs after `_marked_names`, whose names ("berinisial AR (37)") are marked for
        later."""
        tokens = scope.tokens
        words = [t.text.lower() for t in tokens]
        org_words = self._org_words(scope.lang)
        cues = load_quote_lexicon(scope.lang).after
        covered = {i for c in scope.found for i in range(c.first, c.last)}

        def name_word(i: int) -> bool:
            word = tokens[i].text
            return (i not in covered and word.replace("-", "").replace("'", "").isalpha()
                    and _personal_name(tokens[i : i + 1], org_words)
                    and not self._title_or_body(words, i, scope)
                    and not any(e.type == "LOC" and prominent(e)
                                for e in self._lookup(word, scope.lang)))

        spans = []
        for j in range(1, len(tokens) - 2):
            age = _bracketed_age(tokens, j)
            if age is not None and len(age) == 2:
                first = j  # (two digits: "Pasal 27 Ayat (2)" is no one aged 2)
                while first > 0 and name_word(first - 1):
                    first -= 1
                if first < j and first - 1 not in covered:  # (not one the model tagged)
                    spans.append((first, j))
        for i in range(len(tokens) - 1):
            if (words[i],) not in cues or i == 0 or tokens[i - 1].text not in {",", '"', "”"}:
                continue  # (a cue after a quote: '", tutup Ha Sang-chul')
            first = i + 1
            while first < len(tokens) and (words[first],) in scope.roles.skip:
                first += 1  # an honorific is no part of the name ("kata Bu Titik")
            last = first
            while last < len(tokens) and name_word(last):
                last += 1
            if last > first and (last == len(tokens) or not tokens[last].text[:1].isupper()):
                spans.append((first, last))
        model = self._model(scope.lang)
        for i in range(len(tokens)):
            end = scope.roles.head_starting_at(words, i)
            if (model is None or end is None or not scope.roles.is_office(words[i:end])
                    or any(k in covered for k in range(i, end))):
                continue  # (after an office: "Direktur Riset Ali Noer Zaman mengkritik")
            last = end
            while (last < len(tokens) and last not in covered
                   and tokens[last].text[:1].isupper()):
                last += 1
            if last < len(tokens) and tokens[last].text[:1].isupper():
                continue  # (the words run into a name the model tagged)
            first = next((k for k in range(end, last) if model.mostly_personal(tokens[k].text)),
                         last)
            if last - first >= 2 and all(name_word(k) for k in range(first, last)):
                spans.append((first, last))
        for i in range(1, len(tokens) - 2):
            # between commas after an office and its unit ("Kepala Dinas Tenaga Kerja dan
            # Transmigrasi Garut, Muksin, di lokasi"), up to three words of a name
            if (model is None or tokens[i].text != ","
                    or not self._office_ends_at(tokens, words, i, scope.roles, covered)):
                continue
            first = i + 1
            while first < len(tokens) - 1 and (words[first],) in scope.roles.skip:
                first += 1  # an honorific is no part of the name ("..., Bapak Cucun,")
            last = first
            while (last < len(tokens) and last - first < 3 and name_word(last)
                   and model.capitalisation(tokens[last].text) in (3, None)):
                last += 1  # (not a common word of the unit's name: "Energi Baru, Terbarukan")
            if (first < last < len(tokens) - 1 and tokens[last].text == ","
                    and words[last + 1] not in scope.roles.unit_joiners):
                spans.append((first, last))  # (no list of the unit's parts: "..., dan ...")
        placed = []
        for first, last in spans:
            if last - first > MAX_MARKED_NAME:
                continue  # (too long a run to be one name)
            start, end = tokens[first].start, tokens[last - 1].end
            placed.append(Candidate(index, first, last, start, end, scope.text[start:end],
                                    "PER", placed=True, marked=True))
        return placed

    @staticmethod
    def _office_ends_at(tokens: list[Token], words: list[str], end: int,
                        roles: RoleLexicon, covered: set[int]) -> bool:
        """Whether the words before token `end` are an office and the capitalised words
        of its unit (or tokens of a span found there, `covered`), with the unit's joiners
        ("dan")."""
        for k in range(end - 1, max(-1, end - 1 - 2 * TITLE_REACH), -1):
            if not (tokens[k].text[:1].isupper() or k in covered
                    or words[k] in roles.unit_joiners):
                return False
            head_end = roles.head_starting_at(words, k)
            if (head_end is not None and head_end <= end
                    and roles.is_office(words[k:head_end])):
                return True
        return False

    def _marked_names(self, scope: _RoleScope, index: int) -> list[Candidate]:
        """A name after one of the pack's `name_markers` is a person's, whatever the model
        made of it: initials ("pengemudi Pajero berinisial AR", "tersangka berinisial BP"
        is no oil company) or, after a person, capitalised words that can only be a
        personal name ("seorang warga bernama Dini Sri Wahyuni"; not "partai baru bernama
        America Party"). Initials after one of its `initials_markers` are someone of
        their own (`Candidate.anonymous`)."""
        pack = pack_for(scope.lang)
        if pack is None or not pack.name_markers:
            return list(scope.found)
        tokens, found = scope.tokens, list(scope.found)
        words = [t.text.lower() for t in tokens]
        org_words = self._org_words(scope.lang)
        longest = max(map(len, pack.name_markers))
        starts = {marker[0] for marker in pack.name_markers}
        for i in range(len(tokens)):
            if words[i] not in starts:
                continue
            size = next((n for n in range(longest, 0, -1)
                         if tuple(words[i : i + n]) in pack.name_markers), 0)
            first = i + size
            if not size or first >= len(tokens):
                continue
            last = first
            while (last < len(tokens) and last - first < MAX_MARKED_NAME
                   and tokens[last].text[:1].isupper() and tokens[last].text.isalpha()):
                last += 1
            name = tokens[first:last]
            initials = len(name) == 1 and name[0].text.isupper() and len(name[0].text) <= 5
            before = i - 1 if i > 0 and words[i - 1] == "yang" else i
            if not name or not (initials or (
                    _personal_name(name, org_words)
                    and scope.roles.head_ending_at(words, before) is not None)):
                continue  # (a name only after a person: "warga bernama Dini Sri Wahyuni")
            at = next((c for c in found if c.first == first and c.last == last), None)
            if at is not None and (at.type == "PER" or (at.entry is not None
                                                         and not at.text.isupper())):
                continue  # (a known body or place written in full stays itself)
            if any(c.first < last and first < c.last for c in found if c is not at):
                continue
            if at is None:
                start, end = tokens[first].start, tokens[last - 1].end
                at = Candidate(index, first, last, start, end, scope.text[start:end], "PER")
                found.append(at)
            at.type, at.entry, at.placed, at.marked = "PER", None, True, True
            at.anonymous = tuple(words[i:first]) in pack.initials_markers
        return found

    def _title_or_body(self, words: Sequence[str], i: int, scope: _RoleScope) -> bool:
        """Whether a title ("Pelaksana Tugas", "Kapolres") starts at word `i`, or the word
        names a known organisation ("Danone")."""
        roles = scope.roles
        return (roles.head_starting_at(words, i) is not None
                or any(tuple(words[i : i + size]) in roles.same_sector for size in (1, 2, 3))
                or any(e.type == "ORG" for e in self._lookup(scope.tokens[i].text, scope.lang)))

    def _with_first_names(self, scope: _RoleScope, index: int) -> list[Candidate]:
        """People whose first name the model left out ("Ketua DPP PDIP Said Abdullah"
        tagged "Abdullah"; the role reader then ended the title with "Said"): up to
        `MAX_FIRST_NAMES` words right before a person, after a title or another name
        ("PDIP"), that nothing else claims and that can only be part of a name:
        capitalised, not first in the sentence or a quote, no title, honorific ("Pak"), acronym,
        numeral ("Teradu IV"), organisation or knowledge-base word, and one cased text
        nearly always capitalises ("Pasar Keuangan", "Dirjen Imigrasi" are no names); right
        after a police or military grade any capitalised word is ("Ipda Setia Gunawan").
        The longer name is linked anew: "Andi Muhammad Yasir Arafat" is no Yasser Arafat."""
        tokens, found, roles, lang = scope.tokens, list(scope.found), scope.roles, scope.lang
        model = self._model(lang)
        if model is None:
            return found
        words = [t.text.lower() for t in tokens]
        taken = {i for c in found for i in range(c.first, c.last)}
        ends = {c.last for c in found}
        pack = pack_for(lang)
        org_words = pack.org_words if pack else frozenset()
        # "Ketua DPP PDIP, Said Abdullah": a one-word place between a comma and a person
        # is the person's first name (Port Said is no affiliation written so)
        person_starts = {c.first for c in found if c.type == "PER"}
        places = {c.first for c in found if c.type == "LOC" and c.last - c.first == 1
                  and c.first > 0 and tokens[c.first - 1].text == ","
                  and c.last in person_starts}

        def name_word(i: int) -> bool:
            word = tokens[i].text
            if i in places:
                return model.capitalisation(word) in (3, None) and word.isalpha()
            if given_name_after_office(i):
                return i not in taken
            return (i not in taken and word.isalpha() and not word.isupper()
                    # not the first word of the sentence or of a quote ("Informasinya")
                    and any(t.text[:1].isalnum() for t in tokens[:i])
                    and _personal_name(tokens[i : i + 1], org_words)
                    and (words[i],) not in roles.skip
                    and roles.head_ending_at(words, i + 1) is None
                    and roles.head_starting_at(words, i) is None
                    and (after_grade(i) or (model.capitalisation(word) in (3, None)
                                            and not self._lookup(word, lang))))

        def after_grade(i: int) -> bool:
            """ "Ipda Setia Gunawan": a grade stands before a name, whatever its words."""
            start = roles.head_ending_at(words, i)
            return start is not None and roles.is_grade(words[start:i])

        def given_name_after_office(i: int) -> bool:
            """ "Ketua DPD RI Sultan Baktiar Najamudin": a title that is also a given name
            (`given_name` in roles.toml), after an office, opens the name."""
            if (words[i],) not in roles.given_names:
                return False
            for k in range(max(0, i - 2 * TITLE_REACH), i):  # past a bracketed short form
                end = roles.head_starting_at(words, k)
                if end is not None and end <= i and roles.is_office(words[k:end]):
                    return True
            return False

        def after_title_or_name(i: int) -> bool:
            before = tokens[i - 1].text
            return (i in ends or roles.head_ending_at(words, i) is not None
                    or not before[:1].isalnum() or before[:1].islower())

        result = []
        for c in found:
            first = c.first
            if c.type == "PER":
                while (c.first - first < MAX_FIRST_NAMES and c.last - first < MAX_NAME_TOKENS
                       and name_word(first - 1)):
                    first -= 1
                while first < c.first and not after_title_or_name(first):
                    first += 1
            if first < c.first:
                c = self._candidate(index, tokens, scope.text, first, c.last, "PER", lang)
            result.append(c)
        joined = {i for c in result if c.type == "PER" for i in range(c.first, c.last)}
        return [c for c in result if not (c.type == "LOC" and c.first in joined)]

    def _kind_named(self, scope: _RoleScope, index: int) -> list[Candidate]:
        """Organisations named after a kind that exists in the language's home country
        only (`org_kinds.toml` `home`: "Polresta Denpasar", "SMAN 1 Tabanan", "Pemkot
        Solo", "Kodim 0313") that the model left untagged, or of which it tagged only the
        place ("Pemerintah Kota Pekanbaru" as "Kota Pekanbaru") or the kind and the place
        apart ("DPRD" and "DKI Jakarta"): the kind and the capitalised words or numbers
        after it, up to a person or an organisation found."""
        tokens, text, found, lang = scope.tokens, scope.text, list(scope.found), scope.lang
        pack = pack_for(lang)
        if pack is None:
            return found
        kinds, longest = _home_kinds(pack.code)
        if not kinds:
            return found
        words = [t.text.lower() for t in tokens]
        owner = {i: c for c in found for i in range(c.first, c.last)}
        added: list[Candidate] = []
        position = 0
        while position < len(tokens):
            if not tokens[position].text[:1].isupper():
                position += 1
                continue
            size = next((n for n in range(longest, 0, -1)
                         if tuple(words[position:position + n]) in kinds), 0)
            if (not size
                    or any(owner.get(k, None) is not None and owner[k].type != "LOC"
                           and (owner[k].first, owner[k].last) != (position, position + size)
                           for k in range(position, position + size))):
                position += 1
                continue
            last = position + size
            if position in owner and owner[position].type != "LOC":
                # the kind drawn alone ("DPRD"): only with the place the model drew after it
                place = owner.get(last)
                if place is None or place.type != "LOC" or place.first != last:
                    position += 1
                    continue
                last = place.last
            while (last < len(tokens) and last - position < MAX_NAME_TOKENS
                   and (tokens[last].text[:1].isupper() or tokens[last].text.isdigit())
                   and words[last] not in pack.stopwords
                   and words[last] not in pack.calendar_words
                   and (last not in owner or owner[last].type == "LOC")):
                last += 1
            inside = {id(owner[k]) for k in range(position, last) if k in owner}
            if last == position + size or any(
                c.first < position or c.last > last for c in found if id(c) in inside
            ):
                position += 1  # a kind alone, or a place reaching out of the name
                continue
            added.append(self._candidate(index, tokens, text, position, last, "ORG", lang))
            found = [c for c in found if id(c) not in inside]
            position = last
        return found + added

    def _named_after_people(self, scope: _RoleScope, index: int) -> list[Candidate]:
        """Places named after people: a person the model found right after a capitalised
        kind of place ("Masjid Agung Karanganyar", "Jalan Ahmad Yani", "Bandara
        Soekarno-Hatta") is the place's name, unless that word ends a title ("Wali Kota
        Respati Ardi")."""
        tokens, found = scope.tokens, scope.found
        pack = pack_for(scope.lang)
        if pack is None:
            return list(found)
        words = [t.text.lower() for t in tokens]
        result = []
        for c in found:
            head = c.first - 1
            if (c.type == "PER" and head >= 0 and tokens[head].text[:1].isupper()
                    and words[head] in pack.place_heads
                    and scope.roles.head_ending_at(words, c.first) is None
                    and not any(o.first <= head < o.last for o in found)):
                c = self._candidate(index, tokens, scope.text, head, c.last, "LOC", scope.lang)
            result.append(c)
        return result

    def _kind_word(
        self, words: Sequence[Token], kinds: frozenset[str], lang: str | None
    ) -> bool:
        """Words that name a kind of place or body and no particular one: "Jalan",
        "Satuan", an unknown acronym such as "SMA"."""
        if not words or self._lookup(" ".join(t.text for t in words), lang=lang):
            return False
        if len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 1:
            return True
        return all(t.text.lower() in kinds for t in words)

    def _trimmed(
        self, tokens: list[Token], first: int, last: int, lang: str | None
    ) -> tuple[int, int] | None:
        """The span without a leading article ("The North Atlantic Treaty Organization")
        or a common word opening the sentence ("Menurut Ratu Dewa"), or a lone weekday or
        month name, which is never a name ("Friday"; nor a range of them, "April-Juni"),
        and without
        lower-case words at either end when it has a capitalised one ("menggeruduk
        Pengadilan Negeri", "PT Ide Studio perkara": a verb or a noun the model drew in;
        lower-case words inside a name stay: "Badan Pengawas Obat dan Makanan")."""
        pack = pack_for(lang)
        if pack is None:
            return first, last
        while first < last - 1 and tokens[first].text.lower() in pack.articles:
            first += 1
        if all(not t.text[:1].isalnum() for t in tokens[:first]):
            # a common word capitalised only for opening the sentence ("Menurut Ratu
            # Dewa, ..."); not an acronym written like one ("US officials")
            while (first < last - 1 and tokens[first].text.lower() in pack.stopwords
                   and not tokens[first].text.isupper()):
                first += 1
        if any(tokens[k].text[:1].isupper() for k in range(first, last)):
            while tokens[first].text[:1].islower():
                first += 1
            while tokens[last - 1].text[:1].islower():
                last -= 1
        if last - first == 1 and all(part in pack.calendar_words
                                     for part in tokens[first].text.lower().split("-")):
            return None
        return first, last

    def _candidate(
        self,
        index: int,
        tokens: list[Token],
        text: str,
        first: int,
        last: int,
        kind: str,
        lang: str | None,
    ) -> Candidate:
        pack = pack_for(lang)
        if kind == "PER" and _opens_with_org_kind(tokens[first:last], pack):
            kind = "ORG"  # "Satgas PKH", "Pemkab Serang", "Korps Adhiyaksa": a body
        opener = 0
        if kind == "PER":
            first, opener = _with_name_opener(tokens, first, last, pack)
        start, end = tokens[first].start, tokens[last - 1].end
        candidate = Candidate(index, first, last, start, end, text[start:end], kind,
                              opener=opener)
        candidate.entry = self._link(candidate.text, kind, lang)
        if candidate.entry is not None and candidate.entry.type != TYPE_NAMES[kind]:
            # the curated knowledge base knows better than the model what "NATO" is
            if kind != "PER" or candidate.entry.type != "PERSON":
                candidate.type = {v: k for k, v in TYPE_NAMES.items()}[candidate.entry.type]
        return candidate

    def _joined_people(self, candidate: Candidate, lang: str | None) -> list[Candidate]:
        """A name the knowledge base does not know that joins two people it knows with a
        hyphen ("pemerintahan Prabowo Subianto-Gibran Rakabuming Raka", "Prabowo-Gibran"):
        the two people. Anything else as it was ("Jean-Pierre Lacroix", "Al-Derazi")."""
        if candidate.entry is not None or candidate.type != "PER":
            return [candidate]
        text = candidate.text
        for at in (i for i, ch in enumerate(text) if ch == "-"):
            if not (0 < at < len(text) - 1 and text[at - 1].islower() and text[at + 1].isupper()):
                continue
            halves = (candidate.start, candidate.start + at), (candidate.start + at + 1,
                                                              candidate.end)
            entries = [self._link(text[a - candidate.start:b - candidate.start], "PER", lang)
                       for a, b in halves]
            if not all(e is not None and e.type == TYPE_NAMES["PER"] for e in entries):
                continue
            return [replace(candidate, start=a, end=b,
                            text=text[a - candidate.start:b - candidate.start], entry=entry,
                            role=candidate.role if n == 0 else None)
                    for n, ((a, b), entry) in enumerate(zip(halves, entries, strict=True))]
        return [candidate]

    def _seat_of(self, name: str, kind: str, lang: str | None) -> KbEntry | None:
        """The town a place named by one of the pack's `admin_heads` is named after, when
        the knowledge base does not know the whole: "Kota Palopo" and "Kabupaten
        Majalengka" are Palopo and Majalengka (the regency's seat), so that they are
        placed and one entity with the bare name. Only a home-country town, a capital or
        a city of millions ("Kota Makkah")."""
        pack = pack_for(lang)
        words = name.split()
        if kind != "LOC" or pack is None or len(words) < 2:
            return None
        size = next((n for n in range(len(words) - 1, 0, -1)
                     if tuple(w.lower() for w in words[:n]) in pack.admin_heads), 0)
        if not size:
            return None
        rest = " ".join(words[size:])
        return next((e for e in self._lookup(rest, lang) if e.type == "LOC"
                     and (e.country == pack.home_country or prominent(e))), None)

    def _without_common_opener(
        self, c: Candidate, sentences: Sequence[list[Token]], text: str, lang: str | None
    ) -> Candidate:
        """A capitalised noun opening a sentence is no part of the name after it when the
        text writes it in lower case elsewhere: "Jasad Endang baru diketahui" is Endang's
        body ("jasad korban"), the person Endang; "Rantis Brimob" a Brimob vehicle. For
        people the knowledge base does not know; not a name's opener or particle ("De
        Souza")."""
        words = c.text.split()
        if c.type != "PER" or c.entry is not None or len(words) < 2 or c.opener:
            return c
        tokens = sentences[c.sentence]
        word = words[0]
        particles = self._particles(lang) or frozenset()
        if (any(t.text[:1].isalnum() for t in tokens[: c.first]) or len(word) < 3
                or word.isupper() or word.lower() in particles
                or not written_lower(word, text)):
            return c
        rest = self._candidate(c.sentence, tokens, text, c.first + 1, c.last, "PER", lang)
        rest.role, rest.placed = c.role, c.placed
        return rest

    def _link(self, name: str, kind: str, lang: str | None) -> KbEntry | None:
        matches = self._matches(name, lang)
        if not matches:
            return self._seat_of(name, kind, lang)
        wanted = TYPE_NAMES[kind]
        same_type = [m.entry for m in matches if m.entry.type == wanted]
        if same_type:
            pack = pack_for(lang)
            if wanted == "LOC" and pack is not None and not prominent(same_type[0]):
                # "warga Subang": the home country's Subang before a larger Malaysian
                # suburb of that name, not before a capital or a city of millions
                return next((e for e in same_type if e.country == pack.home_country),
                            same_type[0])
            return same_type[0]
        top = matches[0]
        if kind == "PER" and top.entry.type == "LOC" and top.entry.feature == "city":
            if " " in name or not prominent(top.entry) or top.kind == "alt":
                # a person who shares a city's name ("Warren", "Augusta") is a person; one
                # word naming a capital or a city of millions ("Moskow") is the city, but
                # not in another language's name of it ("Vena", Czech for Vienna)
                return None
        return top.entry

    def _split_unknown(
        self,
        candidate: Candidate,
        tokens: list[Token],
        text: str,
        lang: str | None,
        roles: RoleLexicon,
    ) -> list[Candidate]:
        """A span the model drew too wide ("Luar Negeri AS Antony Blinken", "Harapan
        Rusia", "United States and Jordan") and the knowledge base does not know as a
        whole: keep the known names inside it. A span headed by an organisation word
        ("Kementerian Luar Negeri Rusia") is an organisation of its own and stays whole.
        A known organisation followed by a person's name, after a title, is the two
        ("Kepala Ekonom Bank Mandiri Andry Asmoro": `_org_then_person`)."""
        if candidate.entry is not None or candidate.last - candidate.first < 2:
            return [candidate]
        parts: list[Candidate] = []
        position = candidate.first
        while position < candidate.last:
            match = self._gazetteer_match(
                tokens[: candidate.last], text, position, lang, inner=True
            )
            if match is None:
                position += 1
                continue
            last, entry = match
            kind = {v: k for k, v in TYPE_NAMES.items()}[entry.type]
            start, end = tokens[position].start, tokens[last - 1].end
            parts.append(
                Candidate(
                    candidate.sentence, position, last, start, end, text[start:end], kind, entry
                )
            )
            position = last
        covered = {i for part in parts for i in range(part.first, part.last)}
        leftover = {
            tokens[i].text.lower()
            for i in range(candidate.first, candidate.last)
            if i not in covered
        }
        pack = pack_for(lang)
        if (parts and parts[0].type == "ORG" and parts[0].first == candidate.first
                and all(p.type == "PER" for p in parts[1:])):
            # (a known person after it too: "Partai Gerindra Habiburokhman")
            person = self._org_then_person(candidate, parts[0], tokens, text, lang, roles)
            if person is not None:
                return [parts[0], person]
        place = self._place_of_office(candidate, parts, tokens, text, lang, roles)
        if place is not None:
            # "Kepala Kejati Jatim Kuntadi", "Bupati Majalengka Eman Suherman": the
            # place of the title, then the person
            person = self._org_then_person(candidate, place, tokens, text, lang, roles)
            if person is not None:
                return [place, person]
        places = [p for p in parts if p.type == "LOC"]
        # the kind may be the word right before the span, which the model left out
        opening = next((k for k in (candidate.first, candidate.first - 1) if k >= 0
                        and _opens_with_org_kind(tokens[k : candidate.last], pack)), None)
        model = self._model(lang)
        if opening is not None and not places and model is not None:
            # a town of the home country too small to be taken alone ("Dinas Pendidikan
            # Banjarmasin Ryan Utama"), here where the kind says a place ends the body; a
            # word cased text always capitalises (not "Besar", "Baru")
            places = [town for k in range(candidate.first + 1, candidate.last - 1)
                      if model.capitalisation(tokens[k].text) in (3, None)
                      and (town := self._home_town(candidate, tokens, k, lang)) is not None]
        if places and opening is not None:
            # "Kepala Dinas Pendidikan Kota Bandung Hikmat Ginanjar", "Ketua Yayasan Cahaya
            # Pelita Pangandaran Dede Ardiansyah": a body named by its kind ends with its place
            body = self._candidate(candidate.sentence, tokens, text, opening,
                                   places[-1].last, "ORG", lang)
            person = self._org_then_person(candidate, body, tokens, text, lang, roles)
            if person is not None:
                return [body, person]
        joins = pack.conjunctions | {","} if pack else set()
        is_list = len(parts) > 1 and bool(leftover) and leftover <= joins
        if not is_list and not any(p.type == "PER" and p.last - p.first > 1 for p in parts):
            return [candidate]  # split only around a known person's full name or a list
        if not parts or leftover & self._org_words(lang):
            return [candidate]
        return parts

    def _home_town(self, candidate: Candidate, tokens: list[Token], at: int,
                   lang: str | None) -> Candidate | None:
        """Token `at` as a place of the home country the knowledge base knows, or None."""
        pack = pack_for(lang)
        word = tokens[at].text
        town = None if pack is None else next(
            (e for e in self._lookup(word, lang)
             if e.type == "LOC" and e.country == pack.home_country), None)
        if town is None:
            return None
        return Candidate(candidate.sentence, at, at + 1, tokens[at].start, tokens[at].end,
                         word, "LOC", town)

    def _place_of_office(
        self,
        candidate: Candidate,
        parts: list[Candidate],
        tokens: list[Token],
        text: str,
        lang: str | None,
        roles: RoleLexicon,
    ) -> Candidate | None:
        """The place opening a span the model drew over a title's place and a person
        ("Jatim Kuntadi" after "Kepala Kejati"), right after a capitalised title, body or
        bracket ("bagian tenggara Minahasa Belang" is a place): a known place of the home
        country, a country, a region or a large city with nothing known after it; a
        home-country town of one word only right after an office ("Bupati Majalengka
        Eman Suherman"; "Pelaku Kamal Mopangga" is a man)."""
        pack = pack_for(lang)
        first = candidate.first
        if pack is None or first == 0 or tokens[first - 1].text[:1].islower():
            return None
        if parts and parts[0].type == "LOC" and parts[0].first == candidate.first:
            entry = parts[0].entry
            if (len(parts) == 1 and entry is not None
                    and (entry.country == pack.home_country or prominent(entry))):
                return parts[0]
            return None
        words = [t.text.lower() for t in tokens]
        title = roles.head_ending_at(words, first)
        if parts or title is None or not roles.is_office(words[title:first]):
            return None
        return self._home_town(candidate, tokens, first, lang)

    def _org_then_person(
        self,
        candidate: Candidate,
        organisation: Candidate,
        tokens: list[Token],
        text: str,
        lang: str | None,
        roles: RoleLexicon,
    ) -> Candidate | None:
        """The person named after a known organisation that opens a span ("Bank Mandiri
        Andry Asmoro", "Badan Gizi Nasional Dadan Hindayana"), when a title comes shortly
        before the span ("Kepala Ekonom ...", "Sekjen PKS M Kholid") and the words after
        the organisation can only make a personal name: one word that the knowledge base
        knows as a person or not at all and that cased text always capitalises ("Sekjen
        Partai Golkar Sarmuji"), or
        several, capitalised, none an
        organisation word, none but the first a word cased text mostly writes in lower
        case ("Pertamina Patra Niaga Regional Sumbagsel", "BPJS Kesehatan Penerima Bantuan
        Iuran"; "CEO Apple Tim Cook" is a person), and the
        span is not what a bracketed acronym after it abbreviates."""
        model = self._model(lang)
        rest = tokens[organisation.last : candidate.last]
        if model is None or not rest or not _personal_name(rest, self._org_words(lang)):
            return None
        pack = pack_for(lang)
        home_kinds = pack.home_org_kinds if pack else frozenset()
        opening = tuple(t.text.lower() for t in tokens[organisation.first : organisation.last])
        local_office = any(opening[:n] in home_kinds for n in range(1, len(opening) + 1))
        party = organisation.entry is not None and organisation.entry.category == "party"
        if len(rest) == 1 and (
            rest[0].text.isupper()
            or any(e.type != "PERSON" for e in self._lookup(rest[0].text, lang))
            or model.capitalisation(rest[0].text) not in (3, None)
            or (local_office and not party)
        ):
            return None  # one word may as well be a place: "Partai Golkar Sulsel",
            # and is one after a local office ("Kejaksaan Negeri Sukoharjo")
        after = tokens[candidate.last : candidate.last + 3]
        if (len(after) == 3 and after[0].text == "(" and after[2].text == ")"
                and is_acronym(after[1].text, candidate.text)):
            return None  # "Katadata Insight Center (KIC)": the whole is the organisation
        words = [t.text.lower() for t in tokens]
        if (not model.mostly_personal(rest[0].text)
                and any(model.capitalisation(t.text) in (0, 1) for t in rest[1:])):
            return None  # (a first name may be a common word: "CEO Apple Tim Cook"; after
            # a given name, a surname too: "Ketua DPRD Banten Fahmi Hakim")
        first = candidate.first
        def only_words(between: list[str]) -> bool:
            # "Sekretaris Jenderal (Sekjen) Partai Golkar Sarmuji": the title's bracket
            return all(w[:1].isalnum()
                       for w in _SHORT_BRACKET.sub("", " ".join(between)).split())

        titled = any(roles.head_ending_at(words, k) is not None and only_words(words[k:first])
                     for k in range(first, max(0, first - TITLE_REACH) - 1, -1))
        if not titled:
            return None
        person = self._candidate(candidate.sentence, tokens, text, organisation.last,
                                 candidate.last, "PER", lang)
        return person if person.type == "PER" else None

    @staticmethod
    def _particles(lang: str | None) -> frozenset[str] | None:
        pack = pack_for(lang)
        return pack.name_particles or None if pack else None

    def _org_words(self, lang: str | None) -> frozenset[str]:
        pack = pack_for(lang)
        return pack.org_words if pack else frozenset()

    def _add_gazetteer(self, scope: _RoleScope, index: int) -> list[Candidate]:
        """Knowledge-base names the model missed, and longer names it cut short
        ("Ursula von der Leyen" where the model saw "Ursula"), places included ("DPRD
        Jawa Timur" where it saw "DPRD Jawa")."""
        tokens, text, found, lang = scope.tokens, scope.text, list(scope.found), scope.lang
        taken = [False] * len(tokens)
        for c in found:
            for i in range(c.first, c.last):
                taken[i] = True
        position = 0
        while position < len(tokens):
            word = tokens[position].text
            if not word[:1].isupper():
                position += 1
                continue
            match = self._gazetteer_match(tokens, text, position, lang)
            if match is None:
                position += 1
                continue
            last, entry = match
            covered = [c for c in found if c.first < last and position < c.last]
            if (entry.type == "LOC" and len(covered) == 1 and covered[0].type == "ORG"
                    and covered[0].first < position < covered[0].last < last
                    and not any(taken[covered[0].last : last])
                    and all(t.text[:1].isupper() for t in tokens[covered[0].last : last])):
                # the model cut a body's place short ("DPRD Jawa" of "DPRD Jawa Timur")
                body = self._candidate(index, tokens, text, covered[0].first, last, "ORG", lang)
                found = [body if c is covered[0] else c for c in found]
                for i in range(body.first, last):
                    taken[i] = True
                position = last
                continue
            inside = all(position <= c.first and c.last <= last for c in covered)
            if not any(taken[position:last]) or (inside and last - position > 1):
                found = [c for c in found if c not in covered]
                kind = {v: k for k, v in TYPE_NAMES.items()}[entry.type]
                start, end = tokens[position].start, tokens[last - 1].end
                found.append(
                    Candidate(index, position, last, start, end, text[start:end], kind, entry)
                )
                for i in range(position, last):
                    taken[i] = True
            position = last
        return found

    def _gazetteer_match(
        self,
        tokens: list[Token],
        text: str,
        position: int,
        lang: str | None,
        inner: bool = False,
    ) -> tuple[int, KbEntry] | None:
        """The longest knowledge-base name starting at `position` that is safe to take
        without the model's word: `inner` is for names inside a span the model found."""
        if not tokens[position].text[:1].isupper():
            return None
        if not self.kb.may_start_a_name(tokens[position].text):
            return None
        pack = pack_for(lang)
        stopwords = pack.stopwords if pack else frozenset()
        place_heads = pack.place_heads if pack else frozenset()
        for last in range(min(len(tokens), position + MAX_NAME_TOKENS), position, -1):
            if not tokens[last - 1].text[:1].isalnum():
                continue
            if last - position == 1 and (
                tokens[position].text.lower() in stopwords
                or tokens[position].text.lower() in place_heads
            ):
                # "Kita" (we) at the start of a quote is no place in Ecuador, "Kota"
                # (city) in "Polresta Malang Kota" no town in India
                continue
            name = text[tokens[position].start : tokens[last - 1].end]
            if name.count("(") != name.count(")"):
                continue
            for match in self._matches(name, lang):
                if last - position == 1 and not inner and self._common_word(match, name, lang):
                    continue
                sentence_start = position == 0 and not inner
                if _gazetteer_worthy(match.entry, name, last - position, sentence_start, inner):
                    return last, match.entry
        return None

    def _common_word(self, match: KbMatch, word: str, lang: str | None) -> bool:
        """Whether one word the model left alone names a place only by chance: a word
        cased text mostly writes in lower case ("Surat Edaran" is a circular, not Surat
        in India), or one of GeoNames' alternate names ("Kasi", a title, is also an old
        name of Varanasi). Countries and capitals are named so ("Moskow menolak")."""
        entry = match.entry
        if entry.type != "LOC" or entry.feature == "country" or entry.capital:
            return False
        model = self._model(lang)
        return match.kind == "alt" or (
            model is not None and model.capitalisation(word) in (0, 1))

    def _capitalised(
        self, index: int, tokens: list[Token], text: str, roles: RoleLexicon, lang: str | None
    ) -> list[Candidate]:
        """Without a model: a capitalised name right after a role head is a person."""
        words = [t.text.lower() for t in tokens]
        found = []
        position = 0
        while position < len(tokens):
            head_start = roles.head_ending_at(words, position)
            if head_start is not None and tokens[position].text[:1].isupper():
                last = position
                while last < len(tokens) and tokens[last].text[:1].isupper():
                    last += 1
                found.append(self._candidate(index, tokens, text, position, last, "PER", lang))
                position = last
            else:
                position += 1
        return found

_SHORT_BRACKET = re.compile(r"\( [^()]{1,40} \)")
"""A short bracket in words joined by spaces: "( sekjen )"."""


def _in_quotation(text: str, at: int) -> bool:
    """Whether a quotation opened before `at` is still open there (straight marks
    counted in pairs, typographic ones by opening and closing)."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


@cache
def _home_kinds(lang: str) -> tuple[frozenset[tuple[str, ...]], int]:
    """The kinds of organisation of the language's home country only that open a name
    (not a place's: "Kecamatan Sukajadi", "Desa Kijang"), and the longest's length in
    words; once per language."""
    pack = load_pack(lang)
    kinds = frozenset(k for k in pack.home_org_kinds
                      if k in pack.org_kinds and k[0] not in pack.place_heads)
    return kinds, max(map(len, kinds), default=0)


MAX_BRACKETED = 6
"""Tokens at most inside a bracket a title may hold ("(Kasi Intel)", "(PGN)")."""


def _written_as_name(tokens: Sequence[Token]) -> bool:
    """Whether tokens can be written as one name: the knowledge base ignores
    punctuation, a name does not. No comma, brackets closed, no mark first or last but
    brackets (") Tito Karnavian," is no body in "Menteri Dalam Negeri (Mendagri) Tito
    Karnavian, Menteri Keuangan Sri Mulyani"; "(UGM)" and "Universitas Gadjah Mada
    (UGM)" are)."""
    words = [t.text for t in tokens]
    return (bool(words) and "," not in words and words.count("(") == words.count(")")
            and (words[0][:1].isalnum() or words[0] == "(")
            and (words[-1][:1].isalnum() or words[-1] == ")"))


def _without_brackets(
    tokens: Sequence[Token], before: int
) -> tuple[list[Token], dict[int, int]] | None:
    """The sentence's tokens without the short brackets that close before token `before`
    ("Kepala Seksi Intelijen (Kasi Intel) Kejari Lembata"), and each kept token's new
    index by its old one; None when there is no such bracket."""
    dropped: set[int] = set()
    opening: int | None = None
    for k in range(before):
        if tokens[k].text == "(":
            opening = k
        elif tokens[k].text == ")" and opening is not None:
            if k - opening - 1 <= MAX_BRACKETED:
                dropped.update(range(opening, k + 1))
            opening = None
    if not dropped:
        return None
    kept = [k for k in range(len(tokens)) if k not in dropped]
    return [tokens[k] for k in kept], {old: new for new, old in enumerate(kept)}


def _opens_with_org_kind(tokens: Sequence[Token], pack: LanguagePack | None) -> bool:
    """Whether a name opens with a kind of organisation (`org_kinds.toml`) or an
    organisation word (`org_words.txt`): no person's name does."""
    if pack is None:
        return False
    lower = tuple(t.text.lower() for t in tokens)
    return lower[0] in pack.org_words or any(
        lower[:n] in pack.org_kinds for n in range(1, min(3, len(lower)) + 1)
    )


MAX_OPENER = 3
"""Words at most of a name opener (`name_openers.txt`: "I Gusti", "Anak Agung")."""


def _touching_people_joined(
    found: list[tuple[int, int, str]], words: list[str], roles: RoleLexicon
) -> list[tuple[int, int, str]]:
    """The model's spans, two people with nothing between them made one: a mixed model
    may open a person again inside a name ("Riswan" "Tony" for "Riswan Tony"), and news
    separate people in a list by a comma or a word; not after a title ("... Presiden"
    "Prabowo")."""
    lowered = [w.lower() for w in words]
    out: list[tuple[int, int, str]] = []
    for first, last, kind in found:
        if (out and kind == "PER" and out[-1][2] == "PER" and out[-1][1] == first
                and roles.head_ending_at(lowered, first) is None):
            out[-1] = (out[-1][0], last, kind)
        else:
            out.append((first, last, kind))
    return out


def _common_noun(c: Candidate, sentences: Sequence[list[Token]], text: str) -> bool:
    """Whether one word the model calls a person is a noun capitalised only because it
    opens a sentence: the text writes it in lower case elsewhere and capitalised nowhere
    else ("Longsor" opening a sentence, "banjir dan longsor" in another). Not a person
    the knowledge base knows, the text titles or marks."""
    if (c.type != "PER" or " " in c.text or c.entry is not None or c.role is not None
            or c.placed or not c.text.isalpha() or c.text.isupper()
            or not written_lower(c.text, text)):
        return False
    for tokens in sentences:
        opening = True
        for token in tokens:
            if token.text == c.text and not opening:
                return False  # written capitalised inside a sentence: a name
            opening = opening and not token.text[:1].isalnum()
    return True


def _with_name_opener(
    tokens: Sequence[Token], first: int, last: int, pack: LanguagePack | None
) -> tuple[int, int]:
    """Where a person's name in [first, last) starts once the opener before or around
    `first` is taken in (`name_openers.txt`: "I Ketut Sukadi", "Anak Agung Gede
    Wiratama"), or at an opener inside it, the words before being a title or a place the
    model drew in ("RSUP Prof Ngoerah I Wayan Sudana"); and how many words the opener has
    (0 for none)."""
    if pack is None or not any(t.text in pack.name_opener_starts
                               for t in tokens[max(first - MAX_OPENER, 0) : last - 1]):
        return first, 0
    for opener in pack.name_openers:
        for start in range(max(first - len(opener), 0), first + 1):
            if tuple(t.text for t in tokens[start : start + len(opener)]) == opener:
                return start, len(opener)
    for start in range(first + 1, last - 1):
        for opener in pack.name_openers:
            if (start + len(opener) < last
                    and tuple(t.text for t in tokens[start : start + len(opener)]) == opener):
                return start, len(opener)
    return first, 0


def _bracketed_age(tokens: Sequence[Token], at: int) -> str | None:
    """The age of one or two digits in brackets starting at token `at` ("(30)"), or None."""
    if (at + 2 < len(tokens) and tokens[at].text == "(" and tokens[at + 2].text == ")"
            and tokens[at + 1].text.isdigit() and len(tokens[at + 1].text) <= 2):
        return tokens[at + 1].text
    return None


def _personal_name(tokens: Sequence[Token], org_words: frozenset[str]) -> bool:
    """Words that can make a personal name: capitalised, no acronym of three letters or
    more ("UGM"; initials are: "ST Burhanuddin", "I Made"), no organisation word, and
    not initials alone."""
    return (
        bool(tokens)
        and all(
            t.text[:1].isupper()
            and not (len(t.text) > 2 and t.text.isupper())
            and t.text.lower() not in org_words
            for t in tokens
        )
        and any(len(t.text) > 1 for t in tokens)
    )


def _gazetteer_worthy(
    entry: KbEntry, name: str, size: int, sentence_start: bool, inner: bool
) -> bool:
    """Whether a knowledge-base match may stand as a mention on its own. One capitalised
    word at the start of a sentence is too often an ordinary word ("Negara itu ..."),
    unless it names a country or a capital, which news put first as actors ("Moskow
    mengulangi seruannya", "Washington telah menolak")."""
    if size == 1 and sentence_start and not name.isupper():
        return entry.type == "LOC" and (entry.feature == "country" or entry.capital)
    if entry.type == "PERSON":
        # "Putin" alone: only the people pantau's own lists hold (heads of state and
        # government and the like), not every one-word alias of Phoenix's 18,000
        return size > 1 or inner or (entry.rank or 0) >= CURATED_PERSON_RANK
    return size > 1 or prominent(entry)


__all__ = ["EntityRecognizer", "ModelError"]
