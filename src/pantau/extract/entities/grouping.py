"""A document's names grouped into real-world actors, and each actor made an entity.

Within a document a short name joins the full name it belongs to ("Ryabkov" -> "Sergei
Ryabkov"), an acronym its expansion ("Badan Pusat Statistik (BPS)"), a nickname the text
introduces its bearer ("Joko Widodo (Jokowi)"), and names that link to the same
knowledge-base entry are one entity ("AS", "Amerika Serikat"). Each group then gets its
name, roles, country and CAMEO actor code (`to_entity`, with codes.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from pantau.extract.countries import dominant_country
from pantau.extract.entities.candidates import TYPE_NAMES, Candidate, Group
from pantau.extract.entities.codes import ActorCodes, prominent
from pantau.extract.entities.roles import RoleLexicon
from pantau.kb.model import normalize
from pantau.lang import pack_for
from pantau.model import Analysis, Entity, Mention
from pantau.nlp.tokens import Token

_NICKNAME = re.compile(r"\s*\(([A-Z][\w'’-]+)\)")


def _taken(groups: list[Group], found: list[Candidate]) -> list[tuple[int, int]]:
    """Spans no pass may add a mention over: the recogniser's candidates' and the
    mentions earlier passes added (a surname "Presiden" of a misread "Asta Cita
    Presiden" is no office standing alone as well: one span, one entity)."""
    return [(c.start, c.end) for c in found] + [
        (c.start, c.end) for g in groups for c in g.candidates]


def add_surnames(groups: list[Group], analysis: Analysis, sentences: Sequence[list[Token]],
                 found: list[Candidate]) -> None:
    """A known person's surname or bracketed nickname where the model did not tag it
    ("Blinken said", "RK menolak", a sentence opening with "Musk" for Elon Musk), and a
    given or middle word of a name that no other person has, standing alone ("Bimo
    menyebut" for Bimo Wijayanto, "jelas Yasir" for Andi Muhammad Yasir Arafat, as
    `_person_key` keys them), a given name clipped after the full name ("Pras pun
    meminta" for Prasetyo Hadi: `_clips`), and a name's initials, as news abbreviate
    suspects ("tersangka LM" for Lisa Mariana), when no other person has them."""
    text = analysis.text
    surnames: dict[str, Group] = {}
    middle: dict[str, Group | None] = {}
    initials: dict[str, Group | None] = {}
    clips: dict[str, tuple[Group, int] | None] = {}
    for group in groups:
        if group.type != "PERSON":
            continue
        for c in group.candidates:
            parts = c.text.split()
            if len(parts) > 1 and parts[-1][:1].isupper():
                surnames.setdefault(parts[-1], group)
            elif c.marked or (text[c.start - 1 : c.start] == "("
                              and text[c.end : c.end + 1] == ")"):
                surnames.setdefault(c.text, group)  # "Ridwan Kamil (RK)", "berinisial HM"
            elif group.entry is not None and c.text.isalpha() and c.text[:1].isupper():
                surnames.setdefault(c.text, group)  # "Musk" (Elon Musk) opening a sentence
            for part in parts[1 if c.opener else 0 : -1]:
                if part[:1].isupper() and part.isalpha() and len(part) > 2:
                    # None when two people have it
                    middle[part] = group if middle.get(part, group) is group else None
            if len(parts) > c.opener + 1:
                _add_clips(clips, parts[c.opener], group, c.end)
            if 2 <= len(parts) <= 4 and all(p[:1].isupper() and p.isalpha() for p in parts):
                key = "".join(p[0] for p in parts)  # "LM" for Lisa Mariana
                initials[key] = group if initials.get(key, group) is group else None
    if not surnames:
        return
    pack = pack_for(analysis.language)
    stopwords = pack.stopwords if pack else frozenset()
    taken = _taken(groups, found)
    for index, tokens in enumerate(sentences):
        for i, token in enumerate(tokens):
            group = surnames.get(token.text)
            if group is None and token.text in middle and _stands_alone(tokens, i):
                group = middle[token.text]
            if group is None and token.text in initials:
                group = initials[token.text]  # "tersangka LM" after "Lisa Mariana"
            clip = clips.get(token.text) if group is None else None
            if clip is not None and _stands_alone(tokens, i):
                clipped, after = clip
                # after the full name; no common word ("Para", "Pada"), in lower case too
                if (token.start >= after and token.text.lower() not in stopwords
                        and not written_lower(token.text, text)):
                    group = clipped
            if group is None or any(s < token.end and token.start < e for s, e in taken):
                continue
            group.candidates.append(
                Candidate(index, 0, 0, token.start, token.end, token.text, "PER")
            )


def add_titles_alone(groups: list[Group], analysis: Analysis, sentences: Sequence[list[Token]],
                     found: list[Candidate], roles: RoleLexicon) -> None:
    """An office standing alone where the model tagged nothing, after a person introduced
    with it ("Menurut Karo, hasilnya baik" after "Karo Monev Stamarena Polri Brigjen Hadi
    Utomo"): a mention of the last such person before it, as `_title_holders` reads the
    titles the model tagged. A given name that is also a title ("Sultan") is left alone."""
    text = analysis.text
    held = sorted(
        ((c.end, text[s:e], group) for group in groups if group.type == "PERSON"
         for c in group.candidates if c.role is not None for s, e in c.role.heads
         if text[s:e][:1].isupper() and " " not in text[s:e]
         and roles.is_office((text[s:e].lower(),))
         and (text[s:e].lower(),) not in roles.given_names),
        key=lambda held_title: held_title[0])
    if not held:
        return
    pack = pack_for(analysis.language)
    stopwords = pack.stopwords if pack else frozenset()
    titles = {title for _, title, _ in held}
    taken = _taken(groups, found)
    for index, tokens in enumerate(sentences):
        for i, token in enumerate(tokens):
            if token.text not in titles or any(s < token.end and token.start < e
                                               for s, e in taken):
                continue
            # a common word opening the sentence is no name around it ("Menurut Karo, ...")
            if not _stands_alone(tokens, i, common=stopwords):
                continue
            holder = None
            for introduced, title, group in held:
                if introduced > token.start:
                    break
                if title == token.text:
                    holder = group
            if holder is not None:
                holder.candidates.append(
                    Candidate(index, 0, 0, token.start, token.end, token.text, "PER"))


def add_short_bodies(groups: list[Group], analysis: Analysis, sentences: Sequence[list[Token]],
                     found: list[Candidate], org_words: frozenset[str],
                     known: Callable[[str], bool]) -> None:
    """An organisation's name without the body or place that owns it, standing alone
    after the full name ("Komisi III" after "Komisi III DPR", "Kementerian Luar Negeri"
    after "Kementerian Luar Negeri Rusia"): the same organisation. The name must open
    with one of the pack's organisation words, the words dropped must be a name the
    document or the knowledge base knows (`known`: "DPR", "Rusia"; not "Daerah" of
    "Dewan Perwakilan Rakyat Daerah"), and no other organisation may share the short
    form."""
    text = analysis.text
    shorts: dict[tuple[str, ...], tuple[Group, int] | None] = {}
    for group in groups:
        if group.type != "ORG":
            continue
        for c in group.candidates:
            words = c.text.split()
            if len(words) < 3 or words[0].lower() not in org_words:
                continue
            for k in range(2, len(words)):
                if not known(" ".join(words[k:])):
                    continue
                short = tuple(words[:k])
                seen = shorts.get(short, (group, c.end))
                shorts[short] = (None if seen is None or seen[0] is not group
                                 else (group, min(seen[1], c.end)))
    shorts = {k: v for k, v in shorts.items() if v is not None}
    if not shorts:
        return
    taken = _taken(groups, found)
    for index, tokens in enumerate(sentences):
        for i in range(len(tokens)):
            for short, (group, after) in shorts.items():
                j = i + len(short)
                if (tuple(t.text for t in tokens[i:j]) != short or tokens[i].start < after
                        or (j < len(tokens) and tokens[j].text[:1].isupper())
                        or any(s < tokens[j - 1].end and tokens[i].start < e
                               for s, e in taken)):
                    continue
                group.candidates.append(Candidate(
                    index, 0, 0, tokens[i].start, tokens[j - 1].end,
                    text[tokens[i].start:tokens[j - 1].end], "ORG"))
                taken.append((tokens[i].start, tokens[j - 1].end))


MIN_CLIP = 3
"""Letters a clipped given name keeps at least ("Pras" of Prasetyo, "Pram" of Pramono);
it drops two at least, so "Budi" is no clip of "Budiman"'s bearer but his own name."""


def _clips(short: str, given: str) -> bool:
    """Whether `short` is a clipped form of the given name `given` (`_add_clips`)."""
    return len(short) >= MIN_CLIP and len(given) - len(short) >= 2 and given.startswith(short)


def _add_clips(
    clips: dict[str, tuple[Group, int] | None], given: str, group: Group, after: int
) -> None:
    """Record the clipped forms of a person's given name: each beginning of it of
    `MIN_CLIP` letters or more that drops two at least, usable after offset `after` (the
    full name written). None when two people's given names begin alike."""
    if not (given.isalpha() and given[:1].isupper()) or given.isupper():
        return
    for end in range(MIN_CLIP, len(given) - 1):
        clip = given[:end]
        known = clips.get(clip, (group, after))
        if known is None or known[0] is not group:
            clips[clip] = None
        else:
            clips[clip] = (group, min(known[1], after))


def group_mentions(
    candidates: list[Candidate], text: str, roles: RoleLexicon, lang: str | None
) -> list[Group]:
    """The document's mentions as groups, one per real-world actor (the module's rules)."""
    groups: list[Group] = []
    by_key: dict[str, Group] = {}

    def join(key: str, candidate: Candidate, type_: str) -> None:
        group = by_key.get(key)
        if group is None:
            group = Group(type_)
            groups.append(group)
            by_key[key] = group
        group.candidates.append(candidate)
        group.entry = group.entry or candidate.entry

    _one_type_per_name(candidates, lang)
    persons = [c for c in candidates if c.type == "PER"]
    full_names: dict[str, Candidate] = {}
    for c in persons:
        if len(c.text.split()) > 1:
            full_names.setdefault(normalize(c.text), c)  # the first mention
    introduced = _introduced_names(persons, candidates, text)
    holders = _title_holders(persons, persons, roles, text)
    # an office the model took for a place or body, held by a person named before it
    # ("Menurut Karo" after "Karo Monev Stamarena Polri Brigjen Hadi Utomo"; Karo is
    # also a regency) is that person
    offices = [c for c in candidates if c.type != "PER" and " " not in c.text]
    holders.update((key, holder) for key, holder in
                   _title_holders(offices, persons, roles, text).items() if holder is not None)
    for c in candidates:
        type_ = TYPE_NAMES[c.type]
        if id(c) in holders:
            holder = holders[id(c)]
            if holder is None:
                continue  # a title nobody in the text holds is no name
            c.type, c.entry, type_ = "PER", None, "PERSON"
            key = _person_key(introduced.get(normalize(holder.text), holder),
                                   full_names)
        elif (full := introduced.get(normalize(c.text))) is not None and not c.anonymous and (
            c.type == "PER" or _initials_of(c.text, full.text)
        ):
            # "Ridwan Kamil (RK)": a later "RK" is he, whatever else it may name
            c.type, c.entry, type_ = "PER", None, "PERSON"
            key = _person_key(full, full_names)
        elif c.type == "PER":
            key = _person_key(c, full_names)
        elif _short_for_person(c, full_names, lang):
            c.type, c.entry, type_ = "PER", None, "PERSON"
            key = _person_key(c, full_names)
        else:
            key = c.entry.id if c.entry else f"{type_}:{normalize(c.text)}"
        join(key, c, type_)
    return _merge_acronyms(groups)

def _one_type_per_name(candidates: list[Candidate], lang: str | None) -> None:
    """A name written the same way throughout a text names one thing, which the model
    may type a person in one sentence and an organisation or a small town in another
    ("Lisa Mariana", "Nikita Mirzani", "Kamal"). A person it is when a title or where
    it stands says so ("tersangka Lisa Mariana", "kata Kamal") or when most mentions
    are people or it is a word of a person's full name, else what most mentions are
    ("Segara City"). One the knowledge base does not know and that the model types
    a place here and an organisation there is what most mentions are, an organisation
    when as many are ("Jasa Marga Group", "Timnas Uzbekistan"). A name the knowledge
    base knows as a country, a capital, a large city, a region or a body keeps its
    entry, and a small home-country town gives way only to a title or where a
    mention stands ("kata Kamal", Kamal Mopangga, is no town in Madura)."""
    pack = pack_for(lang)
    home = pack.home_country if pack else None
    by_name: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_name.setdefault(normalize(c.text), []).append(c)
    name_words = {normalize(word) for c in candidates if c.type == "PER"
                  for word in c.text.split() if word != c.text}
    for name, same in by_name.items():
        persons = [c for c in same if c.type == "PER"]
        others = [c for c in same if c.type != "PER"]
        if not persons and len({c.type for c in others}) > 1 and all(
                c.entry is None for c in others):
            places = sum(c.type == "LOC" for c in others)
            kind = "LOC" if places > len(others) - places else "ORG"
            for c in others:
                c.type = kind
            continue
        if not persons or not others or any(
                c.entry is not None and (c.entry.type != "LOC" or prominent(c.entry))
                for c in others):
            continue
        said = any(c.role is not None or c.placed for c in persons) or name in name_words
        if not said and any(c.entry is not None and c.entry.country == home
                            for c in others):
            continue  # only the text's word takes a home town for a person ("Kamal")
        if said or len(persons) >= len(others):
            kind = "PER"
        else:
            kind = Counter(c.type for c in others).most_common(1)[0][0]
        for c in same:
            if c.type != kind:
                c.type, c.entry = kind, None
    # "LM" in a story about Lisa Mariana is she, as the text writes her initials
    full_names = {normalize(c.text): c.text for c in candidates
                  if c.type == "PER" and " " in c.text}
    initials = Counter(_initials(name) for name in full_names.values())
    for c in candidates:
        if (c.type != "PER" and c.entry is None and c.text.isupper()
                and initials[c.text] == 1):
            c.type = "PER"

def _title_holders(
    mentions: list[Candidate], persons: list[Candidate], roles: RoleLexicon, text: str
) -> dict[int, Candidate | None]:
    """People named by a title alone among `mentions` ("Menurut Karo, ..."), by `id`
    of the mention: the last of `persons` before it introduced with that title ("Karo
    Monev Stamarena Polri Brigjen Hadi Utomo"), or None when nobody before holds an
    office of that name. A title that is also a given name ("Sultan") nobody holds is a
    name."""
    holders: dict[int, Candidate | None] = {}
    for c in mentions:
        title = tuple(c.text.lower().split())
        given_name = title in roles.given_names  # "Sultan", "Ratu"
        if not (roles.is_office(title) or given_name):
            continue  # "Imam", "Haji" are first names as well as titles
        holder = None
        for other in persons:
            if other.start >= c.start:
                break
            if other.role is not None and any(
                tuple(text[s:e].lower().split()) == title for s, e in other.role.heads
            ):
                holder = other
        if holder is not None or not given_name:
            holders[id(c)] = holder
    return holders

def _introduced_names(
    persons: list[Candidate], candidates: list[Candidate], text: str
) -> dict[str, Candidate]:
    """Nicknames the text introduces: "Joko Widodo (Jokowi)" makes every later
    "Jokowi" Joko Widodo. The nickname in brackets becomes a mention too."""
    introduced: dict[str, Candidate] = {}
    taken = {(c.start, c.end) for c in candidates}
    for full in persons:
        match = _NICKNAME.match(text, full.end)
        if match is None or len(full.text.split()) < 2:
            continue
        start, end = match.span(1)
        introduced.setdefault(normalize(match.group(1)), full)
        if (start, end) not in taken:
            candidates.append(
                Candidate(full.sentence, 0, 0, start, end, text[start:end], "PER")
            )
    return introduced

def _full_name_of(candidate: Candidate, full_names: dict[str, Candidate]) -> Candidate | None:
    """The one longer name a name is short for: "Ryabkov" of "Sergei Ryabkov" (a
    later or an earlier mention), "Bhakti Eri" of "Bhakti Eri Nurmansyah" (the start
    of one longer name only), "Faruk" of "Moch Faruk Rozi", "Yasir" of "Andi
    Muhammad Yasir Arafat" (a middle word of three or more, after the full name),
    "Made" of "I Made Parwita" (a word of its opener but the first), "Pras" of
    "Prasetyo Hadi" (the clipped given name of one person, after the full name)."""
    name = normalize(candidate.text)
    if " " not in name:
        for full, other in full_names.items():
            parts = full.split()
            # "Perseteruan Trump-Musk" (a feud) is two words: "Musk" is no surname of it
            written = other.text.split()
            given = parts[1 : other.opener] if other.opener else [normalize(written[0])]
            if name == normalize(written[-1]) or name in given or (
                    other.start < candidate.start  # "Guntur" before Asep Guntur Rahayu
                    and name in (normalize(word) for word in written[1:-1])):
                return other
        clipped = [other for other in full_names.values()
                   if other.start < candidate.start and len(other.text.split()) > other.opener + 1
                   and _clips(name, normalize(other.text.split()[other.opener]))]
        return clipped[0] if len(clipped) == 1 else None
    longer = [other for full, other in full_names.items() if full.startswith(name + " ")]
    return longer[0] if len(longer) == 1 else None


def _person_key(candidate: Candidate, full_names: dict[str, Candidate]) -> str:
    """The same key for a person's full name and its short forms (`_full_name_of`)."""
    other = _full_name_of(candidate, full_names)
    if other is not None:
        return other.entry.id if other.entry else f"PERSON:{normalize(other.text)}"
    if candidate.entry is not None:
        return candidate.entry.id
    return f"PERSON:{normalize(candidate.text)}"

def _short_for_person(
    candidate: Candidate, full_names: dict[str, Candidate], lang: str | None
) -> bool:
    """Whether one word read as a place or a body is a person's name written short:
    "Bimo" of Bimo Wijayanto (not a town in the Central African Republic), "Koster" of
    Wayan Koster, "Arso" of Arso Sadewo, after the full name. Not a place of the home
    country, a capital, a city of millions or a known body ("Majalengka" of the
    misread "Majalengka Eman Suherman"), nor a word that heads bodies or places
    ("Kasultanan")."""
    entry, pack = candidate.entry, pack_for(lang)
    if (candidate.type == "PER" or " " in candidate.text or pack is None
            or not candidate.text[:1].isupper() or candidate.text.isupper()
            or candidate.text.lower() in pack.org_words | pack.place_heads):
        return False
    if entry is not None and (entry.type != "LOC" or entry.country == pack.home_country
                              or prominent(entry)):
        return False
    full = _full_name_of(candidate, full_names)
    return full is not None and full.start < candidate.start

def _merge_acronyms(groups: list[Group]) -> list[Group]:
    """ "Badan Pusat Statistik (BPS)": the acronym's group and the name's are one,
    whichever the text names first."""
    merged: list[Group] = []
    for group in groups:
        target = None
        for other in merged:
            if other.type != group.type or (
                    group.entry and other.entry and group.entry.id != other.entry.id):
                continue  # "AS" (United States) is no "Afrika Selatan"
            if any(
                (is_acronym(c.text, o.text) or is_acronym(o.text, c.text))
                and not (c.anonymous or o.anonymous)
                for c in group.candidates for o in other.candidates
            ):
                target = other
                break
        if target is None:
            merged.append(group)
        else:
            target.candidates.extend(group.candidates)
            target.entry = target.entry or group.entry
    return merged



def to_entity(entity_id: str, group: Group, published: str | None, codes: ActorCodes) -> Entity:
    entry = group.entry
    # The longest form names the entity; among forms of one length, a capitalised one
    # ("Jasad Endang", not "jasad Endang"), then the first written. The tie-breaks keep
    # the name the same from run to run (a set's order changes with the hash seed).
    first_at: dict[str, int] = {}
    for c in sorted(group.candidates, key=lambda c: c.start):
        first_at.setdefault(c.text, c.start)
    name = min(
        first_at,
        key=lambda t: (-len(t.split()), -len(t), not t[:1].isupper(), first_at[t]),
    )
    if group.type == "PERSON" and entry is not None and codes.namesake(entry, group.roles):
        entry = None
    if group.type == "PERSON" and entry is not None and len(name.split()) == 1:
        name = entry.name
    roles = list(dict.fromkeys(r.text for r in group.roles if r.text))
    country = entry.country if entry else None
    actor_code = entry.actor_code(published[:10] if published else None) if entry else None
    if group.type == "LOC" and entry is not None:
        if entry.feature == "city" and entry.capital and entry.country:
            actor_code = f"{entry.country}GOV"
        elif entry.feature == "country":
            actor_code = actor_code or entry.country
    if group.type == "PERSON" and (country is None or actor_code is None):
        country, actor_code = codes.person(group.roles, country, actor_code)
    if group.type == "ORG" and entry is None:
        country, actor_code = codes.organisation(name)
    if group.type == "LOC" and entry is None:
        country = codes.place(name)
    mentions = sorted({(c.start, c.end, c.text) for c in group.candidates}, key=lambda m: m[0])
    return Entity(
        id=entity_id,
        name=name,
        type=group.type,
        kb_id=entry.id if entry else None,
        country=country,
        roles=roles,
        actor_code=actor_code,
        mentions=[Mention(start=s, end=e, text=t) for s, e, t in mentions],
    )


def document_country(groups: Sequence[Group], lang: str | None) -> str | None:
    """The country the document is about, for people its titles do not place: the home
    country if the knowledge base places any of its entities there, else the one that
    dominates (`dominant_country`): "Presiden Jose Jeri" in a story about Peru."""
    mentions: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    for group in groups:
        if group.entry is not None and group.entry.country:
            mentions[group.entry.country] += len(group.candidates)
            entities[group.entry.country] += 1
    pack = pack_for(lang)
    home = pack.home_country if pack else None
    if home and mentions[home]:
        return home  # a story that names the home country at all is told from there
    return dominant_country(mentions, entities, home)


def written_lower(word: str, text: str) -> bool:
    """Whether the text writes the word in lower case somewhere: a common word."""
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


def _stands_alone(tokens: Sequence[Token], i: int, common: frozenset[str] = frozenset()) -> bool:
    """Whether token `i` has no capitalised word next to it but one of `common` (lower
    case): not inside a longer name."""
    return all(not tokens[k].text[:1].isupper() or tokens[k].text.lower() in common
               for k in (i - 1, i + 1) if 0 <= k < len(tokens))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _initials_of(short: str, name: str) -> bool:
    """Whether `short` is written of the initials of `name`'s words, or of its last
    ones: "RK" of Ridwan Kamil, "HNW" of M Hidayat Nur Wahid."""
    return short.isupper() and len(short) > 1 and _initials(name).endswith(short)


def is_acronym(short: str, long: str) -> bool:
    if not short.isupper() or len(short) < 2 or " " in short:
        return False
    return len(long.split()) > 1 and _initials(long) == short
