"""Scoring the events stage against three kinds of gold.

- **pantau JSONL** (`tests/data/events/detik-events.jsonl`): hand-coded sentences of
  articles, every event with source, target, CAMEO code and modality. Precision and
  recall at three levels: root code only; root code with source and target ("root with
  actors", the issue's headline figure); full code with actors.
- **PLOVER gold standard records** (`PLOVER_GSR_CAMEO.txt`): one English sentence per
  record with its PLOVER event type and actor lists. A record is found when an event of
  its sentence has the same PLOVER type and matching actors; every other predicted event
  is an extra.
- **PETRARCH unit-test records** (`PETR.UnitTest.records.xml`): sentences with the events
  PETRARCH must produce under the PETR.Validate dictionaries; a record passes when all
  of its expected (source, target, code) triples are produced.

When the pantau gold gives an event's `place` and `date` (the `where-when` golds), the
events matched at root with actors are also scored on them (`WhereWhen`).

Actors match when the predicted code is the gold code or a more specific one (gold
"HUN" matches "HUNGOV", "IDNGOV" matches "IDNGOVAGR"), or, for pantau gold, when the
gold text names the predicted actor (gold "Ryabkov" for "Sergei Ryabkov", "KPK" for
the entity the article also calls Komisi Pemberantasan Korupsi).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pantau.errors import InputError
from pantau.model import Analysis, Event

if TYPE_CHECKING:
    from pantau.pipeline import Pipeline

Analyze = Callable[..., Analysis]

OLD_PLOVER_TYPES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
"""The gold records use PLOVER 0.5 names; the 2021 table pantau codes into merged them."""


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- actors ---------------------------------------------------------------------------------


def _code_matches(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return False
    gold = gold.upper()
    predicted = predicted.upper()
    # Gold "HUN" (a country) matches "HUNGOV", gold "IDNGOV" the more specific
    # "IDNGOVAGR"; a predicted code less specific than the gold ("IDN") does not match.
    return predicted.startswith(gold)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _names(actor: Mapping[str, Any] | None, text: str | None) -> bool:
    """Whether the gold text names the predicted actor: its name, or any way the article
    writes its entity (`_with_aliases`: gold "AS" for the entity Amerika Serikat), one
    holding the other's words."""
    if actor is None or not text:
        return False
    gold = _words(text)
    if not gold:
        return False
    for written in [actor.get("name") or "", *actor.get("aliases", ())]:
        name = _words(written)
        if name and (all(w in name for w in gold) or all(w in gold for w in name)):
            return True
    return False


def _actor_ok(predicted: Mapping[str, Any] | None, gold: Mapping[str, Any] | None) -> bool:
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    return _code_matches(predicted.get("code"), gold.get("code")) or _names(
        predicted, gold.get("text")
    )


# --- pantau JSONL gold ------------------------------------------------------------------------


@dataclass
class GoldSentence:
    doc: str
    sentence: int
    text: str
    events: list[dict[str, Any]]


def load_gold(path: str | Path) -> list[GoldSentence]:
    sentences = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                sentences.append(
                    GoldSentence(
                        record["doc"],
                        int(record["sentence"]),
                        record["text"],
                        list(record.get("events", [])),
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: not a gold sentence ({exc})") from None
    return sentences


@dataclass
class LevelScore:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.true_positives, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.true_positives, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


LEVELS = ("root", "root+actors", "code+actors")
CONFIDENCE_BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
"""Lower edges of the bands `Calibration.bands` reports."""


@dataclass(frozen=True)
class Judged:
    """One predicted event and whether the gold has it (root with actors; PLOVER: the
    record's event), for the calibration of `Event.confidence`."""

    document: str
    """The analysis's id."""
    event: str
    confidence: float
    right: bool


@dataclass
class Calibration:
    """How well `Event.confidence` says which events are right."""

    judged: list[Judged] = field(default_factory=list)

    @property
    def brier(self) -> float:
        """Mean squared difference of confidence and outcome (0 is perfect; always
        answering the share of right events scores that share times its complement)."""
        return _ratio(sum((j.confidence - j.right) ** 2 for j in self.judged), len(self.judged))

    def bands(self) -> list[tuple[str, int, int, float]]:
        """(band, events, right, mean confidence) per band of `CONFIDENCE_BANDS`."""
        rows = []
        edges = [*CONFIDENCE_BANDS, 1.0 + 1e-9]
        for low, high in zip(edges, edges[1:], strict=False):
            inside = [j for j in self.judged if low <= j.confidence < high]
            if inside:
                mean = sum(j.confidence for j in inside) / len(inside)
                rows.append((f"{low:.1f}-{min(high, 1.0):.1f}", len(inside),
                             sum(j.right for j in inside), mean))
        return rows


def _place_named(names: Sequence[str], gold: str) -> bool:
    """The predicted place is the gold one: a name of it is the gold text or a whole-word
    part of it, or the other way round ("Mataram" for gold "Kota Mataram", "Polman" for
    "Polewali Mandar" when the article writes both)."""
    wanted = f" {' '.join(_words(gold))} "
    for name in names:
        have = f" {' '.join(_words(name))} "
        if have.strip() and (have in wanted or wanted in have):
            return True
    return False


@dataclass
class WhereWhen:
    """Where and when the matched events happened, against a gold that says it.

    Place outcomes: `right`, `wrong` (another place), `missed` (the gold has one, pantau
    none), `extra` (pantau gives one, the gold says the article does not), `none` (both
    none). Date outcomes: `right` (the same value; with no date in the gold, pantau's
    fallback to the publication day), `wrong`."""

    place: dict[str, int] = field(default_factory=dict)
    date: dict[str, int] = field(default_factory=dict)
    place_found: dict[str, list[int]] = field(default_factory=dict)
    """The gold's evidence (clause, sentence, actor, article) -> [right, gold places]."""

    def add(self, predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> list[str]:
        """Score one matched event; what it got wrong, one line each (for `--show`)."""
        wrong = []
        if "place" in gold:
            names = predicted.get("place_names") or []
            wanted = (gold["place"] or {}).get("text")
            if wanted:
                outcome = ("missed" if not names
                           else "right" if _place_named(names, wanted) else "wrong")
                found = self.place_found.setdefault(gold["place"].get("where", "?"), [0, 0])
                found[0] += outcome == "right"
                found[1] += 1
            else:
                outcome = "extra" if names else "none"
            self.place[outcome] = self.place.get(outcome, 0) + 1
            if outcome not in ("right", "none"):
                where = f" ({gold['place'].get('where')})" if wanted else ""
                wrong.append(f"place {outcome}: gold {wanted}{where}, pantau "
                             f"{names[0] if names else None}")
        if "date" in gold:
            value = (gold["date"] or {}).get("value")
            right = (predicted.get("date") == value if value
                     else predicted.get("date_source") != "text")
            outcome = "right" if right else "wrong"
            self.date[outcome] = self.date.get(outcome, 0) + 1
            if not right:
                wrong.append(f"date: gold {value}, pantau {predicted.get('date')} "
                             f"({predicted.get('date_source')})")
        return wrong

    @property
    def place_precision(self) -> float:
        given = sum(self.place.get(k, 0) for k in ("right", "wrong", "extra"))
        return _ratio(self.place.get("right", 0), given)

    @property
    def place_recall(self) -> float:
        wanted = sum(self.place.get(k, 0) for k in ("right", "wrong", "missed"))
        return _ratio(self.place.get("right", 0), wanted)

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.date.get("right", 0), sum(self.date.values()))


@dataclass
class EventScore:
    levels: dict[str, LevelScore] = field(default_factory=lambda: {k: LevelScore() for k in LEVELS})
    sentences: int = 0
    misaligned: int = 0
    modality_right: int = 0
    modality_total: int = 0
    errors: list[str] = field(default_factory=list)
    calibration: Calibration = field(default_factory=Calibration)
    where_when: WhereWhen = field(default_factory=WhereWhen)

    def rows(self) -> list[tuple[str, ...]]:
        return [
            (
                level,
                f"{s.precision:.4f}",
                f"{s.recall:.4f}",
                f"{s.f1:.4f}",
                str(s.true_positives),
                str(s.predicted),
                str(s.gold),
            )
            for level, s in self.levels.items()
        ]


def _match(level: str, predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if level == "root":
        return predicted["root"] == gold["root"]
    if level == "code+actors" and predicted["cameo"] != gold["code"]:
        return False
    if predicted["root"] != gold["root"]:
        return False
    return _actor_ok(predicted.get("source"), gold.get("source")) and (
        gold.get("target") is None or _actor_ok(predicted.get("target"), gold.get("target"))
    )


def _pairs(
    level: str, predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching (gold events in order, first free prediction)."""
    used: set[int] = set()
    pairs = []
    for g, gold_event in enumerate(gold):
        for p, event in enumerate(predicted):
            if p not in used and _match(level, event, gold_event):
                used.add(p)
                pairs.append((p, g))
                break
    return pairs


def _with_aliases(event: Event, mentions: Mapping[str, list[str]],
                  places: Mapping[str, list[str]]) -> dict[str, Any]:
    """The event as the scorer reads it: its actors with every way the article writes
    them (`aliases`), its place with all of its names (`place_names`)."""
    data = event.model_dump()
    data["place_names"] = places.get(event.place or "", [])
    for role in ("source", "target"):
        actor = data.get(role)
        if actor and actor.get("entity"):
            actor["aliases"] = mentions.get(actor["entity"], [])
    return data


def score_sentence(
    score: EventScore,
    predicted: Sequence[Event],
    gold: GoldSentence,
    mentions: Mapping[str, list[str]] | None = None,
    document: str = "",
    places: Mapping[str, list[str]] | None = None,
) -> None:
    """`mentions`: entity id -> the ways the article writes it; `places`: place id -> its
    names; `document`: the analysis's id, recorded with each event's calibration."""
    _score_events(score, [_with_aliases(e, mentions or {}, places or {}) for e in predicted],
                  gold, document)


def _score_events(score: EventScore, events: list[dict[str, Any]], gold: GoldSentence,
                  document: str = "") -> None:
    score.sentences += 1
    for level, s in score.levels.items():
        pairs = _pairs(level, events, gold.events)
        s.true_positives += len(pairs)
        s.predicted += len(events)
        s.gold += len(gold.events)
        if level == "root+actors":
            for p, g in pairs:
                for wrong in score.where_when.add(events[p], gold.events[g]):
                    score.errors.append(f"where   {gold.doc}#{gold.sentence}: "
                                        f"{_pred_str(events[p])} {wrong}")
                score.modality_total += 1
                score.modality_right += events[p]["modality"] == gold.events[g].get(
                    "modality", "asserted"
                )
            matched_p = {p for p, _ in pairs}
            matched_g = {g for _, g in pairs}
            for g, event in enumerate(gold.events):
                if g not in matched_g:
                    score.errors.append(f"missed  {gold.doc}#{gold.sentence}: {_gold_str(event)}")
            for p, event in enumerate(events):
                if p not in matched_p:
                    score.errors.append(f"extra   {gold.doc}#{gold.sentence}: {_pred_str(event)}")
                if "confidence" in event:  # (a second hand coding has none)
                    score.calibration.judged.append(
                        Judged(document, event["id"], event["confidence"], p in matched_p))


def _gold_str(event: Mapping[str, Any]) -> str:
    target = event.get("target") or {}
    return (
        f"{event['code']} {event.get('trigger')!r} {event['source'].get('text')}"
        f"/{event['source'].get('code')} -> {target.get('text')}/{target.get('code')}"
    )


def _pred_str(event: Mapping[str, Any]) -> str:
    target = event.get("target") or {}
    return (
        f"{event['cameo']} {event['trigger']['text']!r} {event['source'].get('name')}"
        f"/{event['source'].get('code')} -> {target.get('name')}/{target.get('code')}"
        f" [{event['modality']}]"
    )


def lenient(pipeline: Pipeline) -> Analyze:
    """The pipeline's analyze, retried without a publication date it rejects."""

    def analyze(text: str, title: str | None = None, published: str | None = None) -> Analysis:
        try:
            return pipeline.analyze(text, title=title, published=published)
        except InputError:
            return pipeline.analyze(text, title=title)

    return analyze


def evaluate_pantau(
    gold: Sequence[GoldSentence], documents: Mapping[str, dict[str, Any]], analyze: Analyze
) -> EventScore:
    """`documents`: id -> {text, title, published} of the articles the gold comes from."""
    score = EventScore()
    by_doc: dict[str, list[GoldSentence]] = {}
    for sentence in gold:
        by_doc.setdefault(sentence.doc, []).append(sentence)
    for doc, sentences in by_doc.items():
        record = documents.get(doc)
        if record is None:
            score.misaligned += len(sentences)
            continue
        analysis = analyze(
            record["text"], title=record.get("title"), published=record.get("published")
        )
        mentions = {e.id: sorted({m.text for m in e.mentions}) for e in analysis.entities}
        places = {p.id: sorted({p.name, p.resolved or "", *(m.text for m in p.mentions)} - {""})
                  for p in analysis.places}
        for sentence in sentences:
            spans = analysis.sentences
            if sentence.sentence >= len(spans):
                score.misaligned += 1
                continue
            span = spans[sentence.sentence]
            if analysis.text[span.start : span.end].strip() != sentence.text.strip():
                score.misaligned += 1
            events = [e for e in analysis.events if e.sentence == sentence.sentence]
            score_sentence(score, events, sentence, mentions, analysis.id, places)
    return score


def _as_prediction(event: Mapping[str, Any]) -> dict[str, Any]:
    """A gold event in the shape the scorer gives pantau's (its text as the actor's name)."""
    def actor(value: Mapping[str, Any] | None) -> dict[str, Any] | None:
        return None if value is None else {"name": value.get("text"), "code": value.get("code")}

    return {"root": event["root"], "cameo": event["code"], "modality": event.get(
        "modality", "asserted"), "trigger": {"text": event.get("trigger")},
        "source": actor(event.get("source")), "target": actor(event.get("target"))}


def agreement(reference: Sequence[GoldSentence], other: Sequence[GoldSentence]) -> EventScore:
    """Two hand codings of the same sentences scored as pantau is: `other` as the
    prediction, `reference` as the gold (precision and recall swap when they are
    swapped). How far two careful coders agree bounds what a coder can reach."""
    by_key = {(s.doc, s.sentence): s for s in other}
    score = EventScore()
    for sentence in reference:
        second = by_key.get((sentence.doc, sentence.sentence))
        if second is None or second.text.strip() != sentence.text.strip():
            score.misaligned += 1
            continue
        _score_events(score, [_as_prediction(e) for e in second.events], sentence)
    return score


# --- PLOVER gold standard records ----------------------------------------------------------


@dataclass
class PloverScore:
    records: int = 0
    found: int = 0
    extra: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    calibration: Calibration = field(default_factory=Calibration)

    @property
    def found_share(self) -> float:
        return _ratio(self.found, self.records)

    @property
    def extra_per_sentence(self) -> float:
        return _ratio(self.extra, self.records)


def _plover_actors(value: Any) -> list[dict[str, Any]]:
    return (
        [a for a in value if isinstance(a, dict) and a.get("code")]
        if isinstance(value, list)
        else []
    )


def _any_actor(predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> bool:
    return any(
        _code_matches(p.get("code"), g.get("code")) or _names(p, g.get("actorText"))
        for p in predicted
        for g in gold
    )


def plover_match(event: Event, record: Mapping[str, Any]) -> bool:
    want = OLD_PLOVER_TYPES.get(record["event"], record["event"])
    if event.plover != want:
        return False
    sources = [a.model_dump() for a in (event.sources or [event.source])]
    targets = [a.model_dump() for a in (event.targets or ([event.target] if event.target else []))]
    gold_sources = _plover_actors(record.get("source"))
    gold_targets = _plover_actors(record.get("target"))
    if gold_sources and not _any_actor(sources, gold_sources):
        return False
    # A compound "SRC/TAR" record lists both sides among its sources.
    return (
        not gold_targets or _any_actor(targets, gold_targets) or _any_actor(targets, gold_sources)
    )


def evaluate_plover(records: Iterable[Mapping[str, Any]], analyze: Analyze) -> PloverScore:
    score = PloverScore()
    for record in records:
        text = record.get("text")
        if not text or record.get("event") == "DOCUMENT":
            continue
        score.records += 1
        analysis = analyze(text, lang=record.get("language", "en"))
        events = analysis.events
        matched = [e for e in events if plover_match(e, record)]
        score.calibration.judged.extend(
            Judged(analysis.id, e.id, e.confidence, bool(matched) and e is matched[0])
            for e in events)
        counts = score.by_type.setdefault(record["event"], [0, 0])
        counts[1] += 1
        if matched:
            score.found += 1
            counts[0] += 1
        else:
            got = [(e.cameo, e.source.code, e.target and e.target.code) for e in events]
            score.errors.append(f"missed {record['id']}: {record['event']} in {text[:90]!r} {got}")
        score.extra += len(events) - min(len(matched), 1)
    return score


def load_plover(path: str | Path) -> list[dict[str, Any]]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


# --- PETRARCH unit-test records ------------------------------------------------------------


@dataclass
class PetrarchRecord:
    id: str
    text: str
    expected: list[tuple[str, str, str]]
    """(source, target, event code); empty when the record expects no event."""
    date: str | None = None
    """The record's date (YYYYMMDD), which dated actor codes depend on."""


def load_petrarch(path: str | Path) -> list[PetrarchRecord]:
    root = ET.parse(path).getroot()
    records = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        expected = []
        for coding in sentence.findall("EventCoding"):
            if coding.get("noevents", "").lower() == "true":
                continue
            if coding.get("eventcode"):
                expected.append(
                    (
                        coding.get("sourcecode", ""),
                        coding.get("targetcode", ""),
                        coding.get("eventcode", ""),
                    )
                )
        if text:
            records.append(
                PetrarchRecord(sentence.get("id", ""), text, expected, sentence.get("date")))
    return records


@dataclass
class PetrarchScore:
    records: int = 0
    passed: int = 0
    with_events: int = 0
    passed_with_events: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return _ratio(self.passed, self.records)


def _petrarch_code(code: str) -> str:
    """A PETRARCH actor code as pantau writes it: PETRARCH's "---" (no country known)
    is pantau's empty code, "---GOV" its bare sector "GOV", as GDELT writes them."""
    code = code.upper()
    return code[3:] if code.startswith("---") else code


def evaluate_petrarch(records: Iterable[PetrarchRecord], analyze: Analyze) -> PetrarchScore:
    score = PetrarchScore()
    for record in records:
        events = analyze(record.text, lang="en", published=record.date).events
        produced = {
            (
                (e.source.code or "").upper(),
                ((e.target.code if e.target else "") or "").upper(),
                e.cameo,
            )
            for e in events
        }
        for e in events:  # compound actors: every member pair counts, as PETRARCH lists them
            for s in e.sources or [e.source]:
                for t in e.targets or [e.target]:
                    produced.add(
                        ((s.code or "").upper(), ((t.code if t else "") or "").upper(), e.cameo)
                    )
        expected = {(_petrarch_code(s), _petrarch_code(t), c) for s, t, c in record.expected}
        score.records += 1
        ok = expected <= produced if expected else not events
        score.passed += ok
        if expected:
            score.with_events += 1
            score.passed_with_events += ok
        if not ok:
            score.errors.append(f"{record.id}: want {sorted(expected)} got {sorted(produced)}")
    return score
