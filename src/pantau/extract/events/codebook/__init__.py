"""The CAMEO codebook: each event code's name, root, QuadClass, Goldstein score and its
PLOVER type, mode and context, read from the reference tables shipped next to this file
(README.md there says where they come from)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pantau.errors import ConfigError


@dataclass(frozen=True)
class CameoCode:
    code: str
    """At its most specific level: "112", "0233"."""
    name: str
    goldstein: float
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """GDELT's QuadClass: 1 verbal cooperation (roots 01-05), 2 material cooperation
        (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
        root = int(self.root)
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _read(name: str) -> str:
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


def _plover_rows() -> dict[str, tuple[str, str | None, str | None]]:
    """CAMEO2PLOVER lines: `0311: AGREE,  ,   economic # comment`."""
    rows = {}
    for line in _read("CAMEO2PLOVER-2021.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, _, value = line.partition(":")
        fields = [f.strip() or None for f in value.split(",")] + [None, None]
        if fields[0]:
            rows[code.strip()] = (fields[0], fields[1], fields[2])
    return rows


@cache
def codebook() -> dict[str, CameoCode]:
    names = {row[0]: row[1] for row in csv.reader(_read("cameo-codes.csv").splitlines()) if row}
    goldstein = {}
    for line in _read("CAMEO.goldsteinscale.txt").splitlines()[1:]:
        code, _, score = line.strip().partition("\t")
        if code:
            goldstein[code] = float(score)
    plover = _plover_rows()
    # PLOVER's REQUEST holds "all requests, demands, and orders": CAMEO 02 APPEAL is
    # coded like its parallel in 10 DEMAND (0233 appeal for humanitarian aid ~ 1033).
    # CAMEO 01 (statements) has no PLOVER type: the PLOVER manual eliminated it.
    for code, row in list(plover.items()):
        if code.startswith("10"):
            plover.setdefault("02" + code[2:], row)
    book = {}
    for code, name in names.items():
        # The PLOVER table and the Goldstein scale list some codes only at a coarser level.
        ptype, mode, context = next(
            (plover[c] for c in (code, code[:3], code[:2]) if c in plover), (None, None, None)
        )
        score = next((goldstein[c] for c in (code, code[:3], code[:2]) if c in goldstein), 0.0)
        book[code] = CameoCode(code, name, score, ptype, mode, context)
    return book


_INTENT_OF = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE",
              "RETREAT": "AGREE", "CONCEDE": "AGREE", "ASSAULT": "THREATEN", "COERCE": "THREATEN",
              "SANCTION": "THREATEN"}


_REFUSED = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
"""Cooperative types whose negation is a refusal: a REJECT."""


def plover_type(code: CameoCode, modality: str) -> str | None:
    """The PLOVER type of an event, given its modality. The PLOVER manual asks for "the
    single event category" rather than category + auxiliary mode: cooperative actions
    in the future tense are AGREE, and so are announced concessions and retreats ("will
    release", "will withdraw its troops": the table itself codes CAMEO 035, "express
    intent to yield", as AGREE), and (section "special
    cases") an assault that is only future or hypothetical is a THREATEN, as is an
    announced or conditional sanction (PLOVER's THREATEN covers threats of "non-force
    sanctions": "will withdraw its force from Chad unless ...", "would blockade Paris").
    Cooperation, aid or a concession negated ("failed to reach agreement", "would not meet
    their demands", "will not accept any more refugees") is a REJECT."""
    if modality == "negated" and code.plover in _REFUSED:
        return "REJECT"  # "failed to reach agreement", "would not meet their demands"
    if modality in ("future", "hypothetical") and code.plover in _INTENT_OF:
        if modality == "future" or code.plover in ("ASSAULT", "COERCE", "SANCTION"):
            return _INTENT_OF[code.plover]
    return code.plover


def parent(code: str) -> CameoCode | None:
    """The CAMEO code a user's finer code extends ("1717" -> 171, "174K" -> 174; a root at
    least), or None: PETRARCH projects add such codes to their dictionaries."""
    if not code.isalnum():
        return None  # ("023?", "080!": PETRARCH's marks of doubt, no codes)
    book = codebook()
    return next((book[code[:n]] for n in range(len(code) - 1, 1, -1) if code[:n] in book),
                None)


def known(code: str) -> bool:
    """A CAMEO code, or a user's finer code of one (`parent`)."""
    return code in codebook() or parent(code) is not None


def lookup(code: str) -> CameoCode:
    """The code's entry; a user's finer code (`parent`) keeps its own code and takes its
    parent's name, Goldstein score and PLOVER type, mode and context."""
    book = codebook()
    if code in book:
        return book[code]
    above = parent(code)
    if above is None:
        raise ConfigError(f"unknown CAMEO event code {code!r}")
    return CameoCode(code, f"{above.name} ({code}, a finer code)", above.goldstein,
                     above.plover, above.plover_mode, above.plover_context)
