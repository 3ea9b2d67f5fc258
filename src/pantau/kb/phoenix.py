"""Read the Phoenix/PETRARCH (TABARI format) actor dictionaries into plain records.

The format, as the files use it:

    VLADIMIR_PUTIN_  # CountryInfo.txt        a base phrase starts an actor
    +PRESIDENT_PUTIN_                          a synonym of the actor above
        [RUSGOV 990809-000507]                 a code, with dates YYMMDD or YYYYMMDD
        [RUSGOV >080508]                       ... from a date on
        [RUSELI]                               ... the default outside the dated codes
    NATO_ [IGOWSTNAT]                          code on the base line itself

Six-digit years 00-30 are 20YY, others 19YY (the KEDS/TABARI rule). The files are hand
edited and have slips: a base phrase with no code directly followed by more base phrases
of the same person (Yeltsin, Medvedev) is folded into the next actor when they share the
last word; other actors with no code are dropped and counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

_CODE = re.compile(r"\[([^\]]*)\]")
_CODE_OK = re.compile(r"^[A-Z]{3}(?:[A-Z]{3}){0,5}$")


@dataclass
class PhxCode:
    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class PhxActor:
    names: list[str]
    """Phrases as written, underscores turned to spaces; the first is the base phrase."""
    codes: list[PhxCode] = field(default_factory=list)
    comment: str = ""
    file: str = ""
    line: int = 0


def _tabari_date(text: str) -> str | None:
    text = text.strip()
    if not text.isdigit():
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_code(text: str) -> PhxCode | None:
    parts = text.split()
    if not parts:
        return None
    code = parts[0].strip()
    if not _CODE_OK.match(code):
        return None
    result = PhxCode(code)
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            result.start = _tabari_date(span[1:])
        elif span.startswith("<"):
            result.end = _tabari_date(span[1:])
        elif "-" in span:
            a, _, b = span.partition("-")
            result.start, result.end = _tabari_date(a), _tabari_date(b)
        else:
            result.start = _tabari_date(span)
    return result


def _latin(text: str) -> bool:
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def clean_phrase(raw: str) -> str | None:
    """'VLADIMIR_V._PUTIN_' -> 'VLADIMIR V. PUTIN'; None for agent syntax or non-Latin."""
    text = raw.replace("_", " ").strip().strip(",")
    if not text or any(c in text for c in "!{}~<>=*|"):
        return None
    text = " ".join(text.split())
    if not _latin(text) or not any(c.isalpha() for c in text):
        return None
    return text


def _last_word(phrase: str) -> str:
    words = [w for w in phrase.split() if w.isalpha() or "-" in w]
    return words[-1] if words else ""


def read_actors(path: Path) -> tuple[list[PhxActor], dict[str, int]]:
    """Parse one .actors file; also count what was folded or dropped."""
    actors: list[PhxActor] = []
    stats = {"folded": 0, "dropped_no_code": 0, "bad_phrases": 0}
    current: PhxActor | None = None
    pending: list[PhxActor] = []  # base phrases seen with no code yet, no blank line since
    name = path.name

    def close(actor: PhxActor | None) -> None:
        if actor is None:
            return
        if actor.codes:
            # fold preceding code-less actors of the same person into this one
            last = _last_word(actor.names[0]) if actor.names else ""
            folded: list[str] = []
            for prior in pending:
                if last and any(_last_word(n) == last for n in prior.names):
                    folded.extend(prior.names)
                    actor.comment = actor.comment or prior.comment
                    if not folded[: -len(prior.names)]:
                        actor.line = prior.line
                    stats["folded"] += 1
                else:
                    stats["dropped_no_code"] += 1
            actor.names[:0] = folded
            pending.clear()
            if actor.names:
                actors.append(actor)
        else:
            pending.append(actor)

    def flush_pending() -> None:
        stats["dropped_no_code"] += len(pending)
        pending.clear()

    for lineno, raw in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            close(current)
            current = None
            flush_pending()
            continue
        if stripped.startswith("#"):
            continue
        body, _, comment = stripped.partition("#")
        body = body.strip()
        if not body:
            continue
        if body.startswith("["):
            if current is not None:
                for m in _CODE.finditer(body):
                    code = parse_code(m.group(1))
                    if code:
                        current.codes.append(code)
                if comment and not current.comment:
                    current.comment = comment.strip()
            continue
        if body.startswith("+"):
            if current is None:
                continue
            for part in body.split("+"):
                phrase = clean_phrase(_CODE.sub(" ", part))
                if phrase:
                    current.names.append(phrase)
                elif part.strip():
                    stats["bad_phrases"] += 1
            for m in _CODE.finditer(body):
                code = parse_code(m.group(1))
                if code:
                    current.codes.append(code)
            continue
        # a base phrase: a new actor
        close(current)
        head = body.split("[", 1)[0]
        phrase = clean_phrase(head.split("\t")[0] if "\t" in head.strip() else head)
        current = PhxActor(
            names=[phrase] if phrase else [], comment=comment.strip(), file=name, line=lineno
        )
        if not phrase:
            stats["bad_phrases"] += 1
        for m in _CODE.finditer(body):
            code = parse_code(m.group(1))
            if code:
                current.codes.append(code)
    close(current)
    flush_pending()
    return actors, stats


def read_all(
    folder: Path, files: Iterable[str] = FILES
) -> Iterator[tuple[str, list[PhxActor], dict]]:
    for fname in files:
        path = folder / fname
        if path.is_file():
            actors, stats = read_actors(path)
            yield fname, actors, stats


def read_agent_sectors(path: Path) -> set[str]:
    """The three-letter sector codes the agents dictionary uses ([~GOVBUS] -> GOV, BUS)."""
    sectors: set[str] = set()
    if not path.is_file():
        return sectors
    for m in re.finditer(r"\[~([A-Z]+)\]", path.read_text(encoding="utf-8", errors="replace")):
        code = m.group(1)
        if len(code) % 3 == 0:
            sectors.update(code[i : i + 3] for i in range(0, len(code), 3))
    return sectors
