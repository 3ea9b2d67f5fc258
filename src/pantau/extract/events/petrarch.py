"""Readers for PETRARCH dictionaries, so the verb and actor dictionaries that many event
data projects maintain load as they are (`pantau analyze --verbs FILE --actors FILE`).

The format is PETRARCH 1/2's (`PETRreader.read_verb_dictionary`, `read_actor_dictionary`):

    &SYNSET                       a synonym set; `+MEMBER` lines follow
    --- VERB   [code]  ---        a verb block with its default code ([---]: none)
    ACCUSE {ACCUSED} [112]        a verb with irregular forms and its own code
    +ASK_FOR [020]                a multi-word verb; "+" marks the inflected word
    - * (OF TORTURE)   [1122]     a pattern: words after the verb ("*"), before it, or both

and its discard lists (`read_discards`): a phrase per line, "+" before a story-level one.

pantau codes without a parse tree, so a pattern is read as an ordered list of words: the
words after "*" must follow the verb within its clause, those before must precede it.
Parentheses, braces and the $ + ^ % markers (source, target, skip, compound) are
dropped; `&SET` stands for any member of the synonym set. A word ending in "_" is matched
exactly, other words of four letters or more as stems (TABARI's convention).
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass

from pantau.errors import ConfigError
from pantau.extract.events.codebook import codebook, known, parent
from pantau.extract.events.lexicon import EventLexicon, Pattern, Phrase
from pantau.nlp.tokens import tokenize

MAX_EXPANSIONS = 64
_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MARKERS = set("$+^%")


@dataclass(frozen=True)
class Discards:
    """PETRARCH's discard list: a sentence holding one of `sentences` ("BASEBALL", "BUS
    PLUNGED") has no events, a story holding one of `stories` ("+CHAMPIONS LEAGUE")
    none at all. Phrases are lower-cased words, as the coder reads a sentence."""

    sentences: frozenset[Phrase] = frozenset()
    stories: frozenset[Phrase] = frozenset()

    def __or__(self, other: Discards) -> Discards:
        return Discards(self.sentences | other.sentences, self.stories | other.stories)


def read_discards(text: str, where: str) -> Discards:
    """A PETRARCH discard file: one phrase per line, "+" before a story-level one;
    comments after "#"."""
    sentences: set[Phrase] = set()
    stories: set[Phrase] = set()
    for line in _lines(text):
        phrase_ = line.strip()
        story = phrase_.startswith("+")
        phrase_ = phrase_.lstrip("+").replace("_", " ").strip()
        words = tuple(t.text.lower() for t in tokenize(phrase_, 0, len(phrase_)))
        if words:
            (stories if story else sentences).add(words)
    if not (sentences or stories):
        raise ConfigError(f"{where}: no discard phrases found")
    return Discards(frozenset(sentences), frozenset(stories))


def _lines(text: str) -> list[str]:
    text = _COMMENT.sub("", text)
    return [line.split("#", 1)[0].rstrip() for line in text.splitlines()]


def _codes(field: str | None, outside: set[str],
           reverse: bool = True) -> tuple[str | None, str | None]:
    """`[112]` -> ("112", None); `[042:043]` -> ("042", "043"): the event from the source to
    the target and PETRARCH's second one, from the target to the source (None unless
    `reverse`); `[---]`, empty, or a code that is no CAMEO code nor a finer code of one
    (added to `outside`) -> None, no event. (A second code alone, `[:173]`, is not read:
    no event.)"""
    first, _, second = (field or "").partition(":")
    code = _known(first, outside)
    return code, (_known(second, outside) if reverse and code else None)


def _known(code: str, outside: set[str]) -> str | None:
    """The code if it is CAMEO's or a finer code of one ("112 " -> "112", "1717"), else
    None (and the code is added to `outside`)."""
    parts = code.split()
    if not parts or set(parts[0]) <= {"-"}:
        return None
    if known(parts[0]):
        return parts[0]
    outside.add(parts[0])
    return None


def _code_warnings(lexicon: EventLexicon, outside: set[str], where: str) -> list[str]:
    """What the user should know of the codes their dictionary uses."""
    finer = sorted({p.code for patterns in lexicon.triggers.values() for p in patterns
                    if p.code and p.code not in codebook()}
                   | {p.reverse for patterns in lexicon.triggers.values() for p in patterns
                      if p.reverse and p.reverse not in codebook()})
    warnings = []
    if finer:
        listed = ", ".join(f"{c} (under {above.code})" for c in finer if (above := parent(c)))
        warnings.append(f"{where}: codes finer than CAMEO's, coded with their parent's "
                        f"QuadClass, Goldstein score and PLOVER type: {listed}")
    if outside:
        warnings.append(f"{where}: codes outside CAMEO, read as no event (like [---]): "
                        f"{', '.join(sorted(outside))}")
    return warnings


def verb_forms(word: str) -> set[str]:
    """Regular English forms of a verb: attack, attacks, attacked, attacking."""
    w = word.lower()
    forms = {w}
    if w.endswith("e"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", w):  # stop -> stopped
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def _verb_triggers(entry: str, irregular: list[str]) -> set[Phrase]:
    """`+ASK_FOR` / `KLM_NOP_+RST` with `{...}` forms -> every written form as tokens."""
    words = entry.split("_")
    head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+").lower() for w in words]
    triggers = {
        tuple(words[:head] + [form] + words[head + 1 :]) for form in verb_forms(words[head])
    }
    for form in irregular:
        triggers.add(tuple(w.lower() for w in form.lstrip("+").split("_") if w))
    # Keep real words only: the dictionary has a few template lines ("~ed", ",").
    return {t for t in triggers if all(t) and t[0][0].isalpha()}


def _word_options(token: str, synsets: dict[str, list[Phrase]]) -> list[Phrase]:
    if token.startswith("&"):
        return synsets.get(token.rstrip("_"), [])
    exact = token.endswith("_")
    words = [w for w in token.strip("_").split("_") if w]
    return [tuple(w.lower() if exact or len(w) < 4 else w.lower() + "*" for w in words)]


def _pattern_phrases(tokens: list[str], synsets: dict[str, list[Phrase]]) -> list[list[Phrase]]:
    """One pattern side (the words before or after "*") -> its expansions, each a list of
    phrases that must appear in order."""
    options = []
    for token in tokens:
        token = token.strip("(){}")
        if not token or token in _MARKERS:
            continue
        choices = _word_options(token.lstrip("".join(_MARKERS)), synsets)
        if choices:
            options.append(choices)
    expansions = []
    for combo in itertools.islice(itertools.product(*options), MAX_EXPANSIONS):
        expansions.append(list(combo))
    return expansions


def read_verbs(text: str, language: str, where: str, reverse_codes: bool = True) -> EventLexicon:
    """A PETRARCH verb dictionary. `reverse_codes`: a paired code (`[042:043]`) makes a
    second event from the target to the source, as PETRARCH codes it (a user's own
    dictionary); without, only the first (pantau's English pack: one act, one event)."""
    lexicon = EventLexicon(language)
    outside: set[str] = set()
    synsets: dict[str, list[Phrase]] = {}
    current_set: str | None = None
    block_codes: tuple[str | None, str | None] = (None, None)
    block_verbs: set[Phrase] = set()
    in_block = False
    for line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("&"):
            current_set, in_block = stripped.split()[0].rstrip("_"), False
            synsets[current_set] = []
        elif stripped.startswith("+") and current_set and not in_block:
            member = stripped[1:].split("#")[0].strip()
            synsets[current_set].append(tuple(w.lower() for w in re.split(r"[_\s]+", member) if w))
        elif stripped.startswith("---"):
            match = _CODE.search(stripped)
            block_codes = _codes(match.group(1) if match else None, outside, reverse_codes)
            block_verbs, in_block, current_set = set(), True, None
        elif stripped.startswith("-") and in_block:
            match = _CODE.search(stripped)
            if not match:
                continue
            body = stripped[1 : match.start()].split()
            code, reverse = _codes(match.group(1), outside, reverse_codes)
            if "*" not in body:
                continue
            star = body.index("*")
            befores = _pattern_phrases(body[:star], synsets) or [[]]
            afters = _pattern_phrases(body[star + 1 :], synsets) or [[]]
            for before, after in itertools.islice(
                itertools.product(befores, afters), MAX_EXPANSIONS
            ):
                if not before and not after:
                    continue
                pattern = Pattern(code, "active", tuple(after), tuple(before), reverse=reverse)
                for trigger in block_verbs:
                    lexicon.add(trigger, pattern)
        elif in_block:
            match = _CODE.search(stripped)
            code, reverse = (_codes(match.group(1), outside, reverse_codes) if match
                             else block_codes)
            head = stripped[: match.start()] if match else stripped
            irregular = re.findall(r"\{([^}]*)\}", head)
            entry = re.sub(r"\{[^}]*\}", "", head).split()
            if not entry:
                continue
            forms = irregular[0].split() if irregular else []
            for trigger in _verb_triggers(entry[0], forms):
                block_verbs.add(trigger)
                lexicon.add(trigger, Pattern(code, "active", reverse=reverse))
    if not lexicon.triggers:
        raise ConfigError(f"{where}: no verbs found (is this a PETRARCH verb dictionary?)")
    lexicon.warnings.extend(_code_warnings(lexicon, outside, where))
    return lexicon


@dataclass(frozen=True)
class DatedCode:
    """A code an actor has between two dates (ISO, inclusive; None: open)."""

    code: str
    since: str | None
    until: str | None

    def holds_on(self, day: str) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until)


@dataclass(frozen=True)
class ActorEntry:
    name: Phrase
    code: str
    """The code without a date: the undated one listed, else the last dated one."""
    agent: bool
    """An agent (`[~GOV]`): a sector attached to whichever actor it names or follows. A
    prefix agent (`[NGO~]`) keeps its "~" in `code`: it goes before its owner's code."""
    dated: tuple[DatedCode, ...] = ()
    """Codes restricted to dates (`[HOBGOV 19950601 - 19990815]`), in listing order."""

    def code_on(self, day: str | None) -> str:
        """The code on a day (ISO date; None: unknown): the first dated code that holds
        then, as PETRARCH chooses, else `code`."""
        if day is not None:
            for dated in self.dated:
                if dated.holds_on(day):
                    return dated.code
        return self.code


def read_actors(text: str, where: str) -> list[ActorEntry]:
    """PETRARCH actor and agent dictionaries: `NAME [CODE]` with `+SYNONYM` lines after
    it; dated codes (`[USAGOV 010120-170120]`, `[HOB < 950601]`, `[HOBREB > 990816]`)
    apply on their dates, the undated code (else the last listed) otherwise. Agents
    (`[~GOV]`, or `[NGO~]` before the owner's code) also match their plural: the one in
    braces (`GOLDEN_GOOSE {GOLDEN_GEESE}`), none after `{}`, else the regular one
    ("officials"); `!PERSON!`-style substitution sets defined in the file (`!PERSON! =
    MAN, MEN`) are expanded ("CONGRESS!PERSON!")."""
    entries: list[ActorEntry] = []
    names: list[tuple[str, list[str] | None]] = []
    """(name, its plurals in braces; None: no braces)"""
    codes: list[DatedCode] = []
    substitutions: dict[str, list[str]] = {}

    def flush() -> None:
        if not (names and codes):
            return
        undated = [c.code for c in codes if c.since is None and c.until is None]
        code = undated[0] if undated else codes[-1].code
        dated = tuple(c for c in codes if c.since is not None or c.until is not None)
        agent = code.startswith("~") or code.endswith("~")
        code = code.removeprefix("~")
        for raw, plurals in names:
            forms = [raw, *(plurals or [])]
            for name in (n for form in forms for n in _expand(form, substitutions)):
                entries.append(ActorEntry(name, code, agent, dated))
            if agent and plurals is None:
                for name in _expand(raw, substitutions):
                    if name:
                        entries.append(ActorEntry((*name[:-1], _plural(name[-1])), code,
                                                  True, dated))

    for line in _lines(text):
        stripped = line.strip()
        definition = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", stripped)
        if definition:
            substitutions[definition.group(1)] = [w.strip() for w in definition.group(2).split(",")]
            continue
        if not stripped:
            continue
        found = [d for c in _CODE.findall(stripped) if c.split()
                 and (d := _dated_code(c)) is not None]
        braces = re.search(r"\{([^}]*)\}", stripped)
        plurals = braces.group(1).split() if braces else None
        head = _CODE.sub("", re.sub(r"\{[^}]*\}", "", stripped)).strip()
        if head.startswith("+"):
            names.append((head[1:], plurals))
        elif head:
            flush()
            names, codes = [(head, plurals)], []
        codes.extend(found)
    flush()
    entries = [e for e in entries if e.name and e.code]
    if not entries:
        raise ConfigError(f"{where}: no actors found (is this a PETRARCH actor dictionary?)")
    return entries


_BEFORE = re.compile(r"<\s*(\d{6,8})")
_AFTER = re.compile(r">\s*(\d{6,8})")
_BETWEEN = re.compile(r"(\d{6,8})\s*-\s*(\d{6,8})")


def _dated_code(block: str) -> DatedCode | None:
    """`HOBGOV 19950601 - 19990815`, `HOB < 950601`, `HOBREB > 990816`, `HOB`: the code and
    the days it holds (inclusive). An invalid day leaves its end open ("301201-999999":
    from December 2030); None for a restriction that is no date at all."""
    code, _, restriction = block.strip().partition(" ")
    restriction = restriction.strip()
    if not restriction and ("<" in code or ">" in code):  # "[HOBCIV<20080120]"
        code, restriction = re.split(r"(?=[<>])", code, maxsplit=1)
    if not restriction:
        return DatedCode(code, None, None)
    if match := _BETWEEN.fullmatch(restriction):
        since, until = _day(match.group(1)), _day(match.group(2))
    elif match := _BEFORE.fullmatch(restriction):
        since, until = None, _day(match.group(1), -1)
    elif match := _AFTER.fullmatch(restriction):
        since, until = _day(match.group(1), 1), None
    else:
        return None
    if since is None and until is None:
        return None
    return DatedCode(code, since, until)


def _day(digits: str, shift: int = 0) -> str | None:
    """YYYYMMDD or YYMMDD (00-30 is 20YY, as in PETRARCH, KEDS and TABARI) as an ISO
    date, moved by `shift` days ("< 950601" holds until the day before); None if it is
    no valid day."""
    if len(digits) <= 7:
        year = int(digits[:2])
        digits = f"{2000 + year if year <= 30 else 1900 + year}{digits[2:]}"
    try:
        day = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return (day + datetime.timedelta(days=shift)).isoformat()


def _expand(raw: str, substitutions: dict[str, list[str]]) -> list[Phrase]:
    match = re.search(r"![A-Z]+!", raw)
    if not match:
        return [_name(raw)]
    options = substitutions.get(match.group(), [])
    return [
        p
        for o in options
        for p in _expand(raw[: match.start()] + o + raw[match.end() :], substitutions)
    ]


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _name(text: str) -> Phrase:
    return tuple(w.lower() for w in re.split(r"[_\s]+", text.strip("_ ")) if w)
