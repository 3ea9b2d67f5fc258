"""Titles and roles written next to a person's name, read with the language pack's
`roles.toml` lexicon.

A role phrase is [modifiers] head [connector] [affiliation], right before the name
("Wakil Menteri Luar Negeri Rusia Sergei Ryabkov", "kepala kebijakan luar negeri Uni
Eropa Josep Borrell"), or affiliation head before it in English ("U.S. Secretary of
State Antony Blinken"), or after the name between commas ("Tito Karnavian, Menteri Dalam
Negeri, ..."). The head gives the CAMEO sector; the affiliation (a country, an
organisation or another person) gives the country.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources

from pantau.lang import LanguagePack, load_pack
from pantau.nlp.tokens import Token

MAX_HEAD_TOKENS = 6
MAX_AFFILIATION_TOKENS = 6
MAX_UNIT_TOKENS = 6
"""Capitalised words between a title and its organisation ("Anggota Komisi III DPR")."""
MAX_WRITTEN_TOKENS = 12
"""Tokens at most of a title whose body is only written (`written_role_before`)."""
ROMAN_DIGITS = frozenset("IVXLC")
"""Letters of Roman numerals: "Teradu VII" is numbered, no body."""
BODY_MARKS = frozenset({"(", ")", "&", "/", "-"})
"""Marks inside a body's written name: "Co-Founder & CEO Rekosistem", "Pengawas Pemilu
(Bawaslu) Provinsi NTT"."""
SECURITY_SECTORS = frozenset({"COP", "MIL"})
"""Police and military: any of their titles is an office ("Kasat Reskrim"), and a grade of
both forces ("Brigjen") takes the code of the force named with it."""


@dataclass(frozen=True)
class Role:
    text: str
    """The role as written: "Wakil Menteri Luar Negeri Rusia"."""
    sector: str | None
    rank: int
    former: bool
    affiliation: str | None
    """The country, organisation or person the role belongs to, as written."""
    start: int
    end: int
    heads: tuple[tuple[int, int], ...]
    """Character spans of the title words themselves (not the affiliation): one, or an
    office and a grade ("Kapolres" and "AKBP")."""
    country: str | None = None
    """The country the title itself belongs to ("Kapolri", "Bupati": IDN), if only one."""
    generic: bool = False
    """The sector is only a default: the organisation named with the title decides
    ("Presiden KSPI", "komisioner Komnas HAM": the pack's `generic`)."""
    written: bool = False
    """Read by `RoleLexicon.written_role_before` or `written_role_after`: the
    affiliation may be only written, no name the sentence or the knowledge base knows."""


Affiliation = Callable[[Sequence[Token], int, int], int | None]
"""Given tokens and a span [i, j), the start of the longest affiliation ending at j
(a country, organisation or person name), or None."""


@dataclass(frozen=True)
class RoleLexicon:
    heads: dict[tuple[str, ...], tuple[str | None, int]]
    same_sector: frozenset[tuple[str, ...]]
    former: frozenset[tuple[str, ...]]
    skip: frozenset[tuple[str, ...]]
    connectors: frozenset[str]
    factions: frozenset[str] = frozenset()
    """Words after which an affiliation names the person's party, not their body
    ("Fraksi": the pack's `connectors.faction`)."""
    unit_joiners: frozenset[str] = frozenset()
    """Lower-case words inside a unit's name between a title and its organisation
    ("Deputi Penindakan dan Eksekusi KPK": the pack's `connectors.unit`)."""
    countries: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Titles that exist in one country only (the pack's `country` key)."""
    given_names: frozenset[tuple[str, ...]] = frozenset()
    """Titles that are given names as well ("Raja", "Ratu": the pack's `given_name`)."""
    grades: frozenset[tuple[str, ...]] = frozenset()
    """Police and military grades ("AKP", "Kolonel": the pack's `grade`)."""
    generic: frozenset[tuple[str, ...]] = frozenset()
    """Titles whose sector the organisation named with them overrides (`generic`)."""
    openers: frozenset[str] = frozenset()
    """Words that open a title after a name ("Adi Susanto selaku Ketua KPU ...": the
    pack's `connectors.as`)."""
    pointers: frozenset[str] = frozenset()
    """Words after a title that point back to a person named before ("Politikus PKB ini
    mengapresiasi ...": the pack's `connectors.pointers`)."""
    relations: frozenset[tuple[str, ...]] = frozenset()
    """Kin and friends: before a name they make a relative of that person ("istri Budi
    Santoso" is his wife; the pack's `modifiers.relation`)."""
    representatives: frozenset[tuple[str, ...]] = frozenset()
    """Titles of someone who acts for another person: before a name followed by a comma
    and another name, the title is the second person's ("Kuasa hukum Lisa Mariana, Jhony
    Boy Nababan": Jhony is Lisa's lawyer; the pack's `modifiers.representative`)."""

    @classmethod
    def empty(cls) -> RoleLexicon:
        return cls({}, frozenset(), frozenset(), frozenset(), frozenset())

    def head_ending_at(self, words: Sequence[str], end: int) -> int | None:
        """Start of the longest head phrase that ends at `end`, or None."""
        for size in range(min(MAX_HEAD_TOKENS, end), 0, -1):
            if tuple(words[end - size : end]) in self.heads:
                return end - size
        return None

    @cached_property
    def _head_firsts(self) -> frozenset[str]:
        """First words of the head phrases: most words start none, and are told so
        without building a tuple per phrase length (two calls a token in the stage)."""
        return frozenset(head[0] for head in self.heads)

    def head_starting_at(self, words: Sequence[str], start: int) -> int | None:
        if start >= len(words) or words[start] not in self._head_firsts:
            return None
        for size in range(min(MAX_HEAD_TOKENS, len(words) - start), 0, -1):
            if tuple(words[start : start + size]) in self.heads:
                return start + size
        return None

    def _phrase_ending_at(
        self, words: Sequence[str], end: int, phrases: frozenset[tuple[str, ...]]
    ) -> int | None:
        for size in range(min(3, end), 0, -1):
            if tuple(words[end - size : end]) in phrases:
                return end - size
        return None

    def role_before(
        self,
        tokens: Sequence[Token],
        name_start: int,
        text: str,
        affiliation: Affiliation,
        organisation: Affiliation | None = None,
    ) -> Role | None:
        """The role phrase that ends right before token `name_start`, if any.
        `organisation` finds affiliations that are no person (default: `affiliation`)."""
        if name_start > 0 and tokens[name_start - 1].text == "(":
            return None  # "Agus Harimurti Yudhoyono (AHY)": a short name, not a title's
        if name_start > 0 and tokens[name_start - 1].text == ",":
            # "Wali Kota Solo, Respati Ardi", "Kepala Dinas Tenaga Kerja dan Transmigrasi
            # Garut, Muksin"; not a list ("Presiden Prabowo Subianto, Gibran": no person
            # before the comma is the affiliation) nor the end of a clause ("kepada
            # wartawan, Erwin menyebut": a title before a comma is written capitalised
            # or names its body)
            role = self._role_ending_at(tokens, name_start - 1, text, organisation or affiliation)
            if role is not None and role.affiliation is None and (
                text[role.heads[0][0]].islower()
            ):
                return None
            return role
        return self._role_ending_at(tokens, name_start, text, affiliation, organisation)

    def written_role_before(
        self,
        tokens: Sequence[Token],
        name_start: int,
        text: str,
        holds_person: Callable[[int, int], bool],
    ) -> Role | None:
        """A title right before a name (past one comma) whose body neither the sentence
        nor the knowledge base names: a head and the body's capitalised words after it,
        up to the name ("Kepala Kampung Lantipo, Henky Yasel", "Kepala Satuan Tugas
        Koordinasi dan Supervisi KPK Wilayah V Dian Patria"). The body is the role's
        affiliation as written; its kind gives the sector (`sector_of_body`). Read only
        where `role_before` found nothing: a known body is read better there. None when
        the words hold another person (`holds_person(i, j)`: "Gubernur Papua Lukas
        Enembe, Budi" is Lukas Enembe's title)."""
        end = name_start
        if end > 0 and tokens[end - 1].text == ",":
            end -= 1
        words = [t.text.lower() for t in tokens]
        while end > 0 and (words[end - 1],) in self.skip:
            end -= 1  # "warga Garut bernama Dini"
        start = self._written_start(tokens, words, end)
        for first in range(start, end - 1):
            head_end = self.head_starting_at(words, first)
            if (head_end is None or head_end >= end
                    or tuple(words[first:head_end]) in self.given_names):
                continue
            body = head_end
            while body < end and (words[body],) in self.skip:
                body += 1
            if holds_person(first, end) or body == end or not _names_a_body(tokens[body:end]):
                return None
            role = self._role(tokens, words, text, first, head_end, (body, end))
            return replace(role, written=True)
        return None

    def _written_start(self, tokens: Sequence[Token], words: Sequence[str], end: int) -> int:
        """Where the words of a title written before token `end` may start: back over
        body words (`_body_word`), a modifier after a capitalised title ("Gubernur baru
        The Fed"; not "pelatih baru Uzbekistan", whose title is in lower case) and the
        commas of a list of units ("Deputi Bidang Sosial, Budaya, dan Pemberdayaan
        Masyarakat Otorita IKN"), then a head in lower case ("anggota Komisi ...")."""
        start = end
        while start > 0 and end - start < MAX_WRITTEN_TOKENS and (
                self._body_word(tokens[start - 1])
                or ((words[start - 1],) in self.skip and start > 1
                    and tokens[start - 2].text[:1].isupper())
                or (words[start - 1] == "," and start < end and self._body_word(tokens[start]))):
            start -= 1
        lower_head = self.head_ending_at(words, start)
        return start if lower_head is None else lower_head

    def written_role_after(self, tokens: Sequence[Token], name_end: int, text: str) -> Role | None:
        """A title after a name and one of the pack's `openers`, past a comma ("Adi
        Susanto selaku Ketua merangkap anggota KPU Kabupaten Labuhanbatu Utara"): the
        last head of its words (heads, modifiers and body words) with the body written
        after it, up to the first other word or mark."""
        words = [t.text.lower() for t in tokens]
        start = name_end + 1 if name_end < len(tokens) and words[name_end] == "," else name_end
        if start >= len(tokens) or words[start] not in self.openers:
            return None
        start += 1
        end, head = start, None
        while end < len(tokens) and end - start < MAX_WRITTEN_TOKENS:
            head_end = self.head_starting_at(words, end)
            if head_end is not None:
                head, end = (end, head_end), head_end
            elif self._body_word(tokens[end]) or (words[end],) in self.skip:
                end += 1
            else:
                break
        while end > start and (words[end - 1] in self.unit_joiners
                               or words[end - 1] in BODY_MARKS - {")"}):
            end -= 1  # "selaku ketua Bawaslu RI pada ...": the body ends before "pada"
        if head is None or head[1] > end:
            return None
        body = (head[1], end) if head[1] < end and _names_a_body(tokens[head[1]:end]) else None
        return replace(self._role(tokens, words, text, *head, body), written=True)

    def _body_word(self, token: Token) -> bool:
        """Whether a token can be part of a title written before a name: capitalised, a
        number, a mark of `BODY_MARKS` or one of the pack's unit joiners ("dan")."""
        word = token.text
        return (word[:1].isupper() or word.isdigit() or word in BODY_MARKS
                or word.lower() in self.unit_joiners)

    def _role_ending_at(
        self,
        tokens: Sequence[Token],
        end: int,
        text: str,
        affiliation: Affiliation,
        organisation: Affiliation | None = None,
    ) -> Role | None:
        words = [t.text.lower() for t in tokens]
        skipped = self._phrase_ending_at(words, end, self.skip)
        if skipped is not None:
            end = skipped
        head_start = self.head_ending_at(words, end)
        affiliation_span = None
        if head_start is None:
            # "Menteri Luar Negeri Rusia Sergei Ryabkov": an affiliation sits between
            affiliation_start = affiliation(tokens, max(0, end - MAX_AFFILIATION_TOKENS), end)
            if affiliation_start is None:
                return None
            before = affiliation_start
            if before > 0 and words[before - 1] in self.connectors:
                before -= 1
            head_start, before = self._title_before(tokens, words, affiliation_start, before)
            if head_start is None:
                # "Wadir Penindakan Kortas Tipikor Polri X", drawn as one organisation by
                # the entity model: the title opens it; "Wali Kota Bandung X", where the
                # model drew "Kota Bandung": the title opens one word before it
                for opening in (affiliation_start, affiliation_start - 1):
                    head_end = self.head_starting_at(words, opening) if opening >= 0 else None
                    if head_end is not None and affiliation_start < head_end < end:
                        return self._role(tokens, words, text, opening, head_end,
                                          (head_end, end))
                return None
            affiliation_span = (min(before, affiliation_start), end)
            head_end = before
        else:
            head_end = end
            # "U.S. Secretary of State Antony Blinken": the affiliation comes first
            first = affiliation(tokens, max(0, head_start - MAX_AFFILIATION_TOKENS), head_start)
            if first is not None:
                affiliation_span = (first, head_start)
            office = self._office_before_grade(tokens, words, text, head_start, end,
                                               organisation or affiliation)
            if office is not None:
                return office
        return self._role(tokens, words, text, head_start, head_end, affiliation_span)

    def _office_before_grade(
        self,
        tokens: Sequence[Token],
        words: Sequence[str],
        text: str,
        grade_start: int,
        grade_end: int,
        organisation: Affiliation,
    ) -> Role | None:
        """An office, its organisation, then a police or military grade, before a name:
        "Kasat Reskrim Polres Bogor AKP Teguh", "Direktur Penindakan Kortas Tipikor
        Bareskrim Polri, Brigjen Toto". The office is the role (the grade gives the
        sector when the office has none); the role's text runs to the grade."""
        if not self.is_grade(words[grade_start:grade_end]):
            return None
        grade_sector = self.heads[tuple(words[grade_start:grade_end])][0]
        organisation_end = grade_start
        if grade_start > 0 and words[grade_start - 1] == ",":
            organisation_end -= 1
        first = organisation(
            tokens, max(0, organisation_end - MAX_AFFILIATION_TOKENS), organisation_end
        )
        if first is None:
            return None
        opening = self.head_starting_at(words, first)
        if opening is not None and opening < organisation_end:
            # "Karo Monev Stamarena Polri", drawn as one organisation: the office opens it
            office_start, office_end, first = first, opening, opening
        else:
            office_start, office_end = self._title_before(tokens, words, first, first)
            if office_start is None:
                return None
        office = self._role(tokens, words, text, office_start, office_end,
                            (first, organisation_end))
        grade = (tokens[grade_start].start, tokens[grade_end - 1].end)
        return replace(
            office,
            text=text[office.start : grade[1]],
            end=grade[1],
            sector=office.sector or grade_sector,
            heads=(*office.heads, grade),
        )

    def is_office(self, words: Sequence[str]) -> bool:
        """A title of an office ("Ketua", "Kapolres", "AKP"), not an occupation or a
        status ("petani", "warga"): it can open an organisation's name in a span the
        model drew ("Ketua DPR", "Karo Monev Stamarena Polri")."""
        if tuple(words) in self.given_names:
            return False
        sector, rank = self.heads.get(tuple(words), (None, 0))
        return rank >= 2 or (sector in SECURITY_SECTORS and rank > 0)

    def is_grade(self, words: Sequence[str]) -> bool:
        """A police or military grade ("AKP", "Kolonel"), not an office ("Kapolsek"): a
        personal name follows it."""
        return tuple(words) in self.grades

    def _title_before(
        self, tokens: Sequence[Token], words: Sequence[str], affiliation_start: int,
        before: int,
    ) -> tuple[int | None, int]:
        """The start of a title that ends at `before` (right before an affiliation that
        starts at `affiliation_start`), allowing a unit of the organisation between:
        "Anggota Komisi III DPR RI X". Returns the title's start (None if there is no
        title) and its end."""
        head_start = self.head_ending_at(words, before)
        while head_start is None and before > 0 and affiliation_start - before < MAX_UNIT_TOKENS:
            before -= 1
            word = tokens[before].text
            if not (word[:1].isupper() or word.isdigit() or word.lower() in self.unit_joiners):
                break
            head_start = self.head_ending_at(words, before)
        return head_start, before

    def role_after(
        self, tokens: Sequence[Token], name_end: int, text: str, affiliation: Affiliation
    ) -> Role | None:
        """An appositive role: "Tito Karnavian, Menteri Dalam Negeri, ..." """
        words = [t.text.lower() for t in tokens]
        if name_end >= len(tokens) or tokens[name_end].text != ",":
            return None
        start = name_end + 1
        modifier_end = start
        while (
            modifier_end < len(words)
            and self._phrase_ending_at(words, modifier_end + 1, self.same_sector | self.former)
            == modifier_end
        ):
            modifier_end += 1
        head_end = self.head_starting_at(words, modifier_end)
        if head_end is None:
            return None
        stop = head_end
        while stop < len(tokens) and tokens[stop].text not in {",", ".", "(", ")", ";"}:
            stop += 1
        span = None
        if stop > head_end:
            connector = head_end + (1 if words[head_end] in self.connectors else 0)
            if connector < stop and affiliation(tokens, connector, stop) == connector:
                span = (connector, stop)
        role_end = span[1] if span else head_end
        title = tuple(words[modifier_end:head_end])
        sector, rank = self.heads[title]
        former = any((w,) in self.former for w in words[start:modifier_end])
        head = (start, head_end)
        return _make_role(tokens, text, (start, role_end), head, sector, rank, former, span,
                          self.countries.get(title), title in self.generic)

    def _role(
        self,
        tokens: Sequence[Token],
        words: Sequence[str],
        text: str,
        head_start: int,
        head_end: int,
        affiliation_span: tuple[int, int] | None,
    ) -> Role:
        sector, rank = self.heads[tuple(words[head_start:head_end])]
        start = head_start
        # "Kapolri Jenderal Listyo Sigit": a title before a rank; the senior one decides
        while (previous_head := self.head_ending_at(words, start)) is not None:
            previous_sector, previous_rank = self.heads[tuple(words[previous_head:start])]
            if previous_rank > rank or sector is None:
                sector, rank = previous_sector or sector, max(rank, previous_rank)
            start = previous_head
        former = False
        while True:
            previous = self._phrase_ending_at(words, start, self.same_sector | self.former)
            if previous is None:
                break
            former = former or tuple(words[previous:start]) in self.former
            start = previous
        if affiliation_span and affiliation_span[0] < start:
            start = affiliation_span[0]
        end = max(head_end, affiliation_span[1] if affiliation_span else head_end)
        head = (head_start, head_end)
        title = tuple(words[head_start:head_end])
        return _make_role(tokens, text, (start, end), head, sector, rank, former,
                          self._without_faction(words, affiliation_span),
                          self.countries.get(title), title in self.generic)

    def _without_faction(
        self, words: Sequence[str], span: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """The affiliation up to a party faction ("Komisi VI DPR Fraksi Partai Gerindra":
        the DPR; the pack's `connectors.faction`)."""
        if span is None:
            return None
        cut = next((i for i in range(span[0] + 1, span[1]) if words[i] in self.factions),
                   span[1])
        return span[0], cut


def sector_of_body(body: str, pack: LanguagePack) -> tuple[str | None, str | None]:
    """(sector, country) of a body a title names, by the last kind of organisation with a
    sector that it holds (the pack's `org_kinds.toml`, `after_title` kinds included: the
    body follows a title): a unit is named before the body it belongs to ("Hubungan Media
    dan Kehumasan pada Puspenkum Kejagung RI": JUD, not MED). The country is the pack's
    home country for a kind of it only ("Kecamatan Manonjaya"), else None; (None, None)
    when the body holds no kind ("Satuan Tugas Koordinasi dan Supervisi KPK")."""
    kinds, longest = _body_kinds(pack.code)
    words = [w.lower() for w in body.split()]
    for i in range(len(words) - 1, -1, -1):
        for size in range(min(longest, len(words) - i), 0, -1):
            kind = tuple(words[i:i + size])
            if kind in kinds:
                home = kind in pack.home_org_kinds
                return kinds[kind], pack.home_country if home else None
    return None, None


@cache
def _body_kinds(lang: str) -> tuple[dict[tuple[str, ...], str], int]:
    """The kinds a title's body may hold (`after_title` ones too), and the longest's
    length in words; once per language."""
    pack = load_pack(lang)
    kinds = pack.org_kinds | pack.title_org_kinds
    return kinds, max(map(len, kinds), default=0)


def _names_a_body(tokens: Sequence[Token]) -> bool:
    """Whether words written after a title can name its body: brackets closed ("Gubernur
    (BI Perry Warjiyo)" puts the name inside them), no numeral first ("Teradu VII
    Bernard": a numbered status, then the name) and a capitalised word that is no
    numeral ("Kiai dan Nyai" names none)."""
    depth = 0
    for token in tokens:
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        if depth < 0:
            return False
    return (depth == 0 and not _numeral(tokens[0].text)
            and any(t.text[:1].isupper() and not _numeral(t.text) for t in tokens))


def _numeral(word: str) -> bool:
    """A number in digits or in Roman numerals ("VII")."""
    return word.isdigit() or set(word) <= ROMAN_DIGITS


def _make_role(
    tokens: Sequence[Token],
    text: str,
    span: tuple[int, int],
    head: tuple[int, int],
    sector: str | None,
    rank: int,
    former: bool,
    affiliation: tuple[int, int] | None,
    country: str | None = None,
    generic: bool = False,
) -> Role:
    """A Role from token spans: the whole phrase, its head words, its affiliation."""
    start, end = tokens[span[0]].start, tokens[span[1] - 1].end
    return Role(
        text=text[start:end],
        sector=sector,
        rank=rank,
        former=former,
        affiliation=_span_text(tokens, text, affiliation),
        start=start,
        end=end,
        heads=((tokens[head[0]].start, tokens[head[1] - 1].end),),
        country=country,
        generic=generic,
    )


def _span_text(tokens: Sequence[Token], text: str, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    return text[tokens[span[0]].start : tokens[span[1] - 1].end]


def _phrases(values: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(v.lower().split()) for v in values)


@cache
def load_roles(lang: str) -> RoleLexicon:
    """The role lexicon of a language pack; empty when the pack has none."""
    file = resources.files("pantau.lang") / lang / "roles.toml"
    if not file.is_file():
        return RoleLexicon.empty()
    data = tomllib.loads(file.read_text(encoding="utf-8"))
    heads: dict[tuple[str, ...], tuple[str | None, int]] = {}
    countries: dict[tuple[str, ...], str] = {}
    given_names: set[tuple[str, ...]] = set()
    grades: set[tuple[str, ...]] = set()
    generic: set[tuple[str, ...]] = set()
    for role in data.get("role", []):
        for head in role["heads"]:
            key = tuple(head.lower().split())
            heads.setdefault(key, (role.get("sector"), role.get("rank", 1)))
            if "country" in role:
                countries.setdefault(key, role["country"])
            if role.get("given_name"):
                given_names.add(key)
            if role.get("grade"):
                grades.add(key)
            if role.get("generic"):
                generic.add(key)
    modifiers = data.get("modifiers", {})
    return RoleLexicon(
        heads=heads,
        same_sector=_phrases(modifiers.get("same_sector", [])),
        former=_phrases(modifiers.get("former", [])),
        skip=_phrases(modifiers.get("skip", [])),
        relations=_phrases(modifiers.get("relation", [])),
        representatives=_phrases(modifiers.get("representative", [])),
        connectors=frozenset(c.lower() for c in data.get("connectors", {}).get("of", [])),
        unit_joiners=frozenset(c.lower() for c in data.get("connectors", {}).get("unit", [])),
        factions=frozenset(c.lower() for c in data.get("connectors", {}).get("faction", [])),
        openers=frozenset(c.lower() for c in data.get("connectors", {}).get("as", [])),
        pointers=frozenset(c.lower() for c in data.get("connectors", {}).get("pointers", [])),
        countries=countries,
        given_names=frozenset(given_names),
        grades=frozenset(grades),
        generic=frozenset(generic),
    )
