"""Evaluate toponym resolution: accuracy@161km and recall of pantau's places layer.

Two gold sets (both described in ``tests/data/places/README.md``):

- GeoWebNews (``../shared/data/geo/en/GWN.xml``, Gritta et al. 2019; dev only): 200
  English articles, toponyms with character offsets into ``<text>`` and coordinates.
  Gold = every toponym with coordinates; the headline subset leaves out those written as
  adjectives (``modifierType`` Adjective: "German", "Irish"), which pantau by design does
  not make places. pantau reads the article text as given (no cleaning, so the offsets
  hold): sentences, the entities stage, then the places stage.
- Detik (``tests/data/places/detik-places.jsonl``): one JSON object per toponym,
  ``{"doc", "text", "start", "end", "name", "country", "lat", "lon", "feature"}``, offsets
  into the clean text pantau makes of the article (``Pipeline().analyze(text,
  title=title, published=published).text``) from ``../shared/data/news/id/
  detik-2025-dev.jsonl`` (dev only: the articles are not copied here). The evaluator
  re-cleans each article and fails loudly when an offset no longer points at ``text``.

Scoring
-------
A gold toponym is *found* when a mention of a predicted place overlaps its span (the
mention that overlaps most is its match). It is *correct* when the predicted place's
coordinates lie within 161 km (100 miles) of the gold coordinates, the usual geoparsing
threshold. ``accuracy`` = correct / found (how good the places pantau gives are);
``recall`` = found / gold; ``strict`` = correct / gold. A found place without
coordinates (unknown to the knowledge base) counts as found and wrong. Also reported:
the share with the right country (Detik, where the gold names one) and the median error.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pantau.model import Analysis, Place

__all__ = [
    "KM_THRESHOLD",
    "GoldDoc",
    "GoldToponym",
    "PlaceScore",
    "evaluate",
    "format_report",
    "haversine_km",
    "load_detik_gold",
    "load_gwn",
    "main",
    "pantau_predictor",
]

KM_THRESHOLD = 161.0


@dataclass(frozen=True)
class GoldToponym:
    text: str
    start: int
    end: int
    lat: float
    lon: float
    name: str | None = None
    country: str | None = None
    feature: str | None = None
    kind: str | None = None
    """GeoWebNews type and modifier ("Literal", "Non_Literal_Modifier/Adjective" ...)."""


@dataclass
class GoldDoc:
    id: str
    text: str
    language: str
    title: str | None = None
    published: str | None = None
    raw: str | None = None
    """For Detik: the article as in the documents file (cleaned again by the pipeline)."""
    toponyms: list[GoldToponym] = field(default_factory=list)


@dataclass
class PlaceScore:
    gold: int = 0
    found: int = 0
    correct: int = 0
    with_country: int = 0
    country_correct: int = 0
    errors_km: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def resolved(self) -> int:
        """Found toponyms whose place has coordinates."""
        return len(self.errors_km)

    @property
    def resolved_accuracy(self) -> float:
        return self.correct / self.resolved if self.resolved else 0.0

    @property
    def strict(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def country_accuracy(self) -> float:
        return self.country_correct / self.with_country if self.with_country else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors_km) if self.errors_km else 0.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- gold


def load_gwn(path: str | Path, adjectives: bool = False) -> list[GoldDoc]:
    """GeoWebNews articles with their toponyms that carry coordinates; without the ones
    written as adjectives unless `adjectives`."""
    root = ET.parse(path).getroot()
    docs = []
    for article in root.findall("article"):
        text = article.findtext("text") or ""
        doc = GoldDoc(f"gwn-{article.get('file')}", text, "en", article.findtext("title"))
        for t in article.find("toponyms") or ():
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if not lat or not lon:
                continue
            modifier = t.findtext("modifierType") or ""
            if modifier == "Adjective" and not adjectives:
                continue
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            name = t.findtext("extractedName") or ""
            if text[start:end] != name:
                continue  # five annotations in the file point elsewhere (articles 123, 255)
            kind = "/".join(x for x in (t.findtext("type"), modifier) if x)
            doc.toponyms.append(
                GoldToponym(name, start, end, float(lat), float(lon),
                            t.findtext("normalisedName") or None, kind=kind)
            )
        docs.append(doc)
    return docs


def load_detik_gold(
    path: str | Path,
    documents: str | Path,
    clean: Callable[[str, str | None, str | None], str] | None = None,
) -> list[GoldDoc]:
    """Per-toponym gold over Detik articles: each article is read from `documents` and
    cleaned by `clean(text, title, published)` (pantau's pipeline by default)."""
    by_doc: dict[str, list[tuple[GoldToponym, str | None]]] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        try:
            gold = GoldToponym(r["text"], int(r["start"]), int(r["end"]), float(r["lat"]),
                               float(r["lon"]), r.get("name"), r.get("country"),
                               r.get("feature"))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{number}: bad gold toponym ({exc})") from None
        by_doc.setdefault(r["doc"], []).append((gold, r.get("published")))
    articles = {}
    with Path(documents).open(encoding="utf-8") as lines:  # not splitlines(): U+2028 in text
        documents_lines = list(lines)
    for line in documents_lines:
        if line.strip():
            record = json.loads(line)
            if record["id"] in by_doc:
                articles[record["id"]] = record
    if clean is None:
        from pantau.pipeline import Pipeline

        pipeline = Pipeline()

        def clean(text: str, title: str | None, published: str | None) -> str:
            return pipeline.analyze(text, title=title, published=published).text

    docs = []
    for doc_id, items in by_doc.items():
        if doc_id not in articles:
            raise ValueError(f"{path}: article {doc_id} is not in {documents}")
        record = articles[doc_id]
        published = items[0][1]
        text = clean(record["text"], record.get("title"), published)
        for gold, _ in items:
            if text[gold.start : gold.end] != gold.text:
                raise ValueError(
                    f"{path}: {doc_id}: offsets {gold.start}-{gold.end} no longer point at "
                    f"{gold.text!r} (the cleaner changed: rebuild the offsets)"
                )
        docs.append(GoldDoc(doc_id, text, "id", record.get("title"), published, record["text"],
                            [g for g, _ in items]))
    return docs


# --------------------------------------------------------------------------- predicting


def pantau_predictor(pipeline=None) -> Callable[[GoldDoc], list[Place]]:  # noqa: ANN001
    """Places for a gold document: Detik articles go through the whole pipeline (the
    gold's offsets are into its clean text); GeoWebNews texts are read as given
    (sentences and entities only), so that their offsets hold."""
    from pantau.extract.places import PlaceResolver
    from pantau.model import Span
    from pantau.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    stages = dict(pipeline.stages)
    resolver = stages.get("places") or PlaceResolver(getattr(stages["entities"], "kb", None))

    def predict(doc: GoldDoc) -> list[Place]:
        if doc.raw is not None:
            analysis = pipeline.analyze(doc.raw, title=doc.title, published=doc.published)
            if "places" not in stages:
                resolver(analysis)
            return analysis.places
        sentences = [Span(start=s, end=e) for s, e in pipeline.splitter.split(doc.text)]
        analysis = Analysis(id=doc.id, language=doc.language, text=doc.text, sentences=sentences)
        stages["entities"](analysis)
        resolver(analysis)
        return analysis.places

    return predict


# --------------------------------------------------------------------------- scoring


def evaluate(
    docs: Iterable[GoldDoc], predict: Callable[[GoldDoc], list[Place]], km: float = KM_THRESHOLD
) -> PlaceScore:
    score = PlaceScore()
    for doc in docs:
        places = predict(doc)
        spans = [(m.start, m.end, p) for p in places for m in p.mentions]
        for gold in doc.toponyms:
            score.gold += 1
            overlap = [
                (min(e, gold.end) - max(s, gold.start), p)
                for s, e, p in spans
                if s < gold.end and gold.start < e
            ]
            where = f"{doc.id} {gold.text!r}@{gold.start}"
            if not overlap:
                score.missed.append(f"{where} ({gold.kind or gold.feature})")
                continue
            score.found += 1
            place = max(overlap, key=lambda x: x[0])[1]
            if gold.country:
                score.with_country += 1
                score.country_correct += place.country == gold.country
            if place.lat is None or place.lon is None:
                score.errors.append(
                    f"{where}: {place.name!r} unresolved, gold {gold.name} {gold.lat},{gold.lon}"
                )
                continue
            distance = haversine_km(gold.lat, gold.lon, place.lat, place.lon)
            score.errors_km.append(distance)
            if distance <= km:
                score.correct += 1
            else:
                score.errors.append(
                    f"{where}: {place.resolved} ({place.country} {place.lat:.2f},{place.lon:.2f})"
                    f" is {distance:.0f} km from gold {gold.name or ''}"
                    f" {gold.lat:.2f},{gold.lon:.2f}"
                )
    return score


def format_report(name: str, s: PlaceScore) -> str:
    line = (
        f"{name}: {s.gold} gold toponyms, found {s.found} (recall {s.recall:.3f}), "
        f"within 161 km {s.correct}: accuracy@161km {s.accuracy:.3f} of found, "
        f"{s.strict:.3f} of gold, {s.resolved_accuracy:.3f} of the {s.resolved} found with "
        f"coordinates; median error {s.median_km:.1f} km"
    )
    if s.with_country:
        line += f"; country {s.country_accuracy:.3f}"
    return line


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pantau.eval.places [--errors] [--missed] [--gwn PATH]
    [--documents PATH]``: the Detik gold and GeoWebNews, when ../shared is there."""
    args = list(sys.argv[1:] if argv is None else argv)

    def option(flag: str, default: Path) -> Path:
        return Path(args[args.index(flag) + 1]) if flag in args else default

    root = Path(__file__).resolve().parents[3]
    shared = root.parent / "shared" / "data"
    gold = option("--gold", root / "tests" / "data" / "places" / "detik-places.jsonl")
    documents = option("--documents", shared / "news" / "id" / "detik-2025-dev.jsonl")
    gwn = option("--gwn", shared / "geo" / "en" / "GWN.xml")
    from pantau.pipeline import Pipeline

    pipeline = Pipeline()
    predict = pantau_predictor(pipeline)
    suites: list[tuple[str, list[GoldDoc]]] = []
    if documents.exists() and gold.exists():
        clean = lambda t, ti, p: pipeline.analyze(t, title=ti, published=p).text  # noqa: E731
        suites.append(("detik", load_detik_gold(gold, documents, clean)))
    else:
        print(f"skipping the Detik gold: {gold} or {documents} not found")
    if gwn.exists():
        suites.append(("geowebnews (no adjectives)", load_gwn(gwn)))
        if "--adjectives" in args:
            suites.append(("geowebnews (all with coordinates)", load_gwn(gwn, adjectives=True)))
    else:
        print(f"skipping GeoWebNews: {gwn} not found")
    for name, docs in suites:
        s = evaluate(docs, predict)
        print(format_report(name, s))
        for flag, items in (("--errors", s.errors), ("--missed", s.missed)):
            if flag in args:
                for item in items:
                    print("   ", re.sub(r"\s+", " ", item))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
