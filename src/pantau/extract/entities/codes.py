"""CAMEO actor codes for the entities the knowledge base does not code.

Step 4 of the entities stage (`recognizer.py`): a person gets the code their title
implies, from the title's sector and the body it names ("Wakil Menteri Luar Negeri
Rusia" RUSGOV, "Ketua DPRD Banten" IDNLEG, "Direktur Utama PT MAM Energindo" IDNBUS); an
organisation the knowledge base does not know gets the sector of the kind its name opens
with, in the country its name places it ("Polres Bogor" IDNCOP, "Kementerian Kebudayaan
Prancis" FRAGOV). The kinds are the language pack's (`org_kinds.toml`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from pantau.extract.entities.roles import SECURITY_SECTORS, Role, sector_of_body
from pantau.kb.model import KbEntry, normalize
from pantau.lang import LanguagePack, pack_for

GAZETTEER_MIN_POPULATION = 1_000_000
"""A one-word city name is taken from the knowledge base alone only for cities this big
(or capitals): smaller ones' names are too often words or people ("Besar", "Warren")."""

Lookup = Callable[[str], list[KbEntry]]
"""Knowledge-base entries for a name, in the document's language."""


def prominent(entry: KbEntry) -> bool:
    """A country, capital, large city or organisation: what a bare name most likely is."""
    if entry.type == "ORG":
        return True
    if entry.feature in ("country", "region", "admin", "landmark"):
        return True
    return entry.capital or (entry.population or 0) >= GAZETTEER_MIN_POPULATION


def is_acronym_word(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


class ActorCodes:
    """Codes the people and organisations of one document. `names` are the document's
    mentions as (text, entity type, knowledge-base entry or None), in the order of their
    entities: a role's body may be a name the article uses ("Pengacara Ridwan Kamil")."""

    def __init__(
        self,
        lookup: Lookup,
        lang: str | None,
        names: Iterable[tuple[str, str, KbEntry | None]],
        document_country: str | None = None,
    ) -> None:
        self.lookup = lookup
        self.pack: LanguagePack | None = pack_for(lang)
        self.home = self.pack.home_country if self.pack else None
        #: the country of a person whose title names none: the one the document is
        #: about ("Presiden Jose Jeri" in a story about Peru), else the home country
        self.untitled = document_country or self.home
        self.named: dict[str, tuple[str, KbEntry | None]] = {}
        self.people: set[str] = set()
        for text, type_, entry in names:
            self.named.setdefault(normalize(text), (type_, entry))
            if type_ == "PERSON":
                self.people.add(normalize(text))

    def person(
        self, roles: Sequence[Role], country: str | None, actor_code: str | None
    ) -> tuple[str | None, str | None]:
        """(country, actor code) of a person from their main role: the one held now, of
        the highest rank."""
        best = max(roles, key=lambda r: (not r.former, r.rank), default=None)
        if best is None:
            return country, actor_code
        sector = best.sector or ""
        affiliated = self.affiliation_entry(best.affiliation)
        body_sector = None
        if best.affiliation and (affiliated is None or affiliated.type == "LOC"):
            # a body the knowledge base does not know, named after its kind, gives its
            # code to a title of no sector: "Ketua DPRD Banten" (not Banten's),
            # "Direktur Utama PT MAM Energindo"
            kind_country, kind_code = self._body_within(best.affiliation)
            if kind_code and (not best.sector or best.generic):
                return country or kind_country, actor_code or kind_code
            body_sector, body_country = (sector_of_body(best.affiliation, self.pack)
                                         if self.pack else (None, None))
            if body_sector and (not best.sector or best.generic):
                # "Kepala Seksi Kesejahteraan Sosial Kecamatan Manonjaya", "Direktur PT":
                # the kind of body the role names, and its country if only one has it
                sector = body_sector
                kind_country = kind_country or body_country
            # "Komisaris Utama PT X": a title of its own sector, placed by its body
            country = country or best.country or kind_country
        if affiliated is not None:
            if affiliated.type == "ORG" and affiliated.cameo and not affiliated.country:
                return country, actor_code or affiliated.cameo  # an IGO's official
            if affiliated.type == "ORG" and affiliated.cameo and (
                not best.sector
                or best.generic
                or (best.sector in SECURITY_SECTORS and affiliated.cameo[3:6] in SECURITY_SECTORS)
            ):
                # "Direktur PT Pertamina", "komisioner Komnas HAM": a title of no sector or
                # only a default one takes its organisation's code;
                # "Bareskrim Polri, Brigjen": a grade of both forces takes its force's
                return country or affiliated.country, actor_code or affiliated.cameo
            # a title of one country ("Kapolres Tasikmalaya Kota AKBP X") outweighs a
            # namesake town abroad ("Kota", India)
            country = country or best.country or affiliated.country
        elif best.affiliation is None or (
            best.sector and normalize(best.affiliation) in self.people
        ):
            # a bare role ("Menteri Keuangan X") is the document's country's (`untitled`),
            # and so is a role of its own sector that names a person the knowledge base
            # does not know ("pelaku pembunuhan Riky Saputra"; not "analis di William
            # Blair")
            country = country or best.country or self.untitled
        else:
            # an affiliation the knowledge base does not know ("Kapolres Metro Jakarta
            # Selatan"): a title of one country still places the person; a title of a
            # sector whose body is only written or of a kind of the pack, naming no
            # place, is the document's country's, as a bare title is ("Kepala Klinik
            # Cahaya Kebagusan")
            country = country or best.country or (
                self.untitled if sector and (best.written or body_sector) else None)
        if country and actor_code is None:
            actor_code = f"{country}{sector}"
        return country, actor_code

    def place(self, name: str) -> str | None:
        """The country of a place the knowledge base does not know, named after a kind of
        place only the home country has (the pack's `home_place_heads`: "Kecamatan
        Tembalang", "Desa Purabaya")."""
        pack = self.pack
        words = tuple(w.lower() for w in name.split())
        if pack is None or len(words) < 2 or not name.split()[-1][:1].isupper():
            return None
        return pack.home_country if any(words[:n] in pack.home_place_heads
                                        for n in range(1, len(words))) else None

    def organisation(self, name: str) -> tuple[str | None, str | None]:
        """(country, actor code) of an organisation the knowledge base does not know,
        named after its kind (the pack's `org_kinds.toml`: "Polres Bogor", "Dinas PU
        Kota Medan", "Kementerian Luar Negeri Rusia"), maybe after a unit ("Kantor
        Kejaksaan Tinggi"): the kind's sector, in the country a place in its name gives,
        else in the home country for a kind that exists there only ("Polres")."""
        pack = self.pack
        if pack is None:
            return None, None
        words = name.split()
        first, size = _opening_kind([w.lower() for w in words], pack)
        if not (size and first == 0) and (unit_of := self._unit_of(words)) is not None:
            return unit_of.country, unit_of.cameo
        rest = words[first + size:]
        if not size or not rest or not (rest[0][:1].isupper() or rest[0][:1].isdigit()):
            return None, None  # a kind alone ("Satgas", "PT") names no organisation
        kind = tuple(w.lower() for w in words[first:first + size])
        place = self.affiliation_entry(" ".join(rest))
        if kind in pack.home_org_kinds:
            # "MAN IC OKI": OKI is a regency, not the OIC; but "Mahkamah Agung Saudi",
            # "DPR AS": a country named after the kind is the body's
            country = (place.country if place is not None and place.feature == "country"
                       and place.type == "LOC" else pack.home_country)
        else:
            if place is not None and place.cameo and not place.country:
                return None, place.cameo  # "Badan Hak Asasi Manusia Uni Eropa": the IGO's
            country = place.country if place is not None else None
        if country is None:
            return None, None
        return country, country + pack.org_kinds[kind]

    def _unit_of(self, words: Sequence[str]) -> KbEntry | None:
        """The organisation the knowledge base knows that a name ends with, past a unit
        of capitalised words: "Lemdiklat Polri", "Divisi Hukum Polri", "Dewan Pengarah
        BRIN" are units of Polri and BRIN, in their codes."""
        for first in range(1, len(words)):
            if not words[first - 1][:1].isupper():
                return None  # "Kementerian Keuangan dan ..." reads on as one name
            entries = [e for e in self.lookup(" ".join(words[first:]))
                       if e.type == "ORG" and e.cameo and e.category != "armed-group"]
            if entries:
                return entries[0]
        return None

    def _local_office(self, body: str, place: Sequence[str]) -> bool:
        """Whether a one-word body the knowledge base knows is followed by a place of its
        own country: an office of the body there."""
        countries = {e.country for e in self.lookup(body) if e.type == "ORG" and e.cameo}
        where = self.affiliation_entry(" ".join(place))
        return where is not None and where.type == "LOC" and where.country in countries

    def _body_within(self, affiliation: str) -> tuple[str | None, str | None]:
        """`organisation` of a role's affiliation or of the body it ends with ("Fraksi
        Gerindra DPRD Kabupaten Solok" is a unit of a DPRD), unless a body the knowledge
        base knows opens it ("Bank Indonesia Provinsi Sumatera Selatan" is the central
        bank, no bank of kind BUS). A bracketed short form counts as a word of its own:
        "Pengawas Pemilu (Bawaslu) Provinsi NTT" is the Bawaslu's."""
        written = [w for w in affiliation.split() if w.strip("()")]
        words = [w.strip("()") for w in written]
        for first in range(len(words) - 1):
            # a short form alone too ("KPU Kabupaten Labuhanbatu Utara" is the KPU's
            # office), unless another follows it: "DPD KSPSI" is a board of the KSPSI;
            # and a one-word body followed by a place of its country ("Bawaslu Kabupaten
            # Bogor"; not "Demokrat New York", no Indonesian Democrats)
            alone = ((is_acronym_word(words[first]) or written[first].startswith("(")
                      or self._local_office(words[first], words[first + 1:]))
                     and not is_acronym_word(words[first + 1]))
            shortest = first + 1 if alone else first + 2
            for last in range(len(words), shortest - 1, -1):
                if last < len(words) and not words[last][:1].isupper():
                    continue  # "Kementerian Perindustrian dan Teknologi Informasi" (China's)
                known = [e for e in self.lookup(" ".join(words[first:last]))
                         if e.type == "ORG" and e.cameo]
                if known and not self._abroad(known[0], words[last:]):
                    return known[0].country, known[0].cameo
            found = self.organisation(" ".join(words[first:]))
            if found[1]:
                return found
        return None, None

    def _abroad(self, body: KbEntry, after: Sequence[str]) -> bool:
        """Whether the words after a known body name another country: "Kementerian Luar
        Negeri China" is China's ministry, not Indonesia's (whose name it opens with)."""
        place = self.affiliation_entry(" ".join(after)) if after else None
        return (place is not None and place.type == "LOC" and place.feature == "country"
                and place.country != body.country)

    def affiliation_entry(self, affiliation: str | None) -> KbEntry | None:
        """The organisation or country a role names, or the one it ends with: "Komisi
        III DPR RI" is a unit of the DPR RI."""
        if affiliation is None:
            return None
        words = affiliation.split()
        for first in range(len(words)):
            name = " ".join(words[first:])
            type_, entry = self.named.get(normalize(name), (None, None))
            if entry is not None or type_ == "PERSON":
                # "Pengacara Ridwan Kamil": a person of the article, not the town
                # "Kamil" that the knowledge base holds; no country when it knows none
                return entry
            # a place or organisation a role can belong to, not any small town or
            # namesake the knowledge base holds ("PT Dosni Roha" is no town Roha)
            entries = [e for e in self.lookup(name) if prominent(e)]
            if entries:
                # "warga Subang": the home country's Subang before Malaysia's
                return next((e for e in entries if e.country == self.home), entries[0])
        # "Wali Kota Padang": a town of the home country, however small, before none
        return next((e for e in self.lookup(affiliation)
                     if self.home and e.country == self.home and e.type == "LOC"), None)

    def namesake(self, entry: KbEntry, roles: Sequence[Role]) -> bool:
        """Whether the article places a person in another country than the knowledge-base
        person of that name: through a title of one country only ("Irjen", "Bupati") or
        a role's affiliation ("Jaksa Agung Spanyol Alvaro Garcia"). Indonesian news
        names many people as Phoenix names foreign officials ("Anwar Ibrahim")."""
        if entry.country is None:
            return False
        placed = set()
        for role in roles:
            if role.country:
                placed.add(role.country)
            affiliated = self.affiliation_entry(role.affiliation)
            if affiliated is not None and affiliated.country:
                placed.add(affiliated.country)
        return bool(placed) and entry.country not in placed


def _opening_kind(lower: Sequence[str], pack: LanguagePack) -> tuple[int, int]:
    """Where the kind of organisation that opens a lower-cased name starts, and its
    length in words (0 for none): first, or right after one unit of no sector ("kantor",
    "bidang": "Kantor Kejaksaan Tinggi" is a prosecutor's office, "Kantor Pos" names no
    kind). At most three words, and one word at least after them."""
    for first in (0, 1):
        if first and tuple(lower[:1]) not in pack.org_units:
            break
        most = min(3, len(lower) - first - 1)
        size = next((n for n in range(most, 0, -1)
                     if tuple(lower[first:first + n]) in pack.org_kinds), 0)
        if size:
            return first, size
    return 0, 0
