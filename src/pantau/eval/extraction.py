"""Score article-body extraction against the scrapinghub article-extraction-benchmark.

Why this exists: pantau's cleaning stage must extract at least as much of the
article body, and as little boilerplate, as plain ``trafilatura.extract``.  To
claim that, we reproduce the benchmark's own metric rather than invent one, so
our numbers are comparable with the published table
(https://github.com/scrapinghub/article-extraction-benchmark, ``evaluate.py``).

Metric (a faithful port of upstream ``evaluate.py``, bootstrap omitted)
-----------------------------------------------------------------------
Tokens
    ``re.findall(r"\\w+", text)`` (Unicode word characters).  Tokens are **not**
    lower-cased: upstream compiles the regex with ``IGNORECASE``, which has no
    effect on ``\\w+``, so matching is case-sensitive.  We keep that so scores
    line up with the published ones.
Shingles
    Every run of ``n = 4`` consecutive tokens, as a tuple.  A text with fewer
    than ``n`` tokens (but at least one) yields exactly one shingle: the whole
    token tuple.  A text with no tokens yields no shingles.
Per-document counts
    Shingles are counted as a *multiset* (repeated shingles count repeatedly):
    ``tp = sum(min(pred, true))``, ``fp = sum(max(0, pred - true))``,
    ``fn = sum(max(0, true - pred))`` over all shingles.  The triple is then
    divided by ``tp + fp + fn`` (when non-zero) so long articles do not weigh
    more than short ones; precision and recall are unaffected by this.
Per-document precision / recall
    If ``fp == fn == 0`` (identical shingle multisets, including both texts
    empty) both are 1.0.  Otherwise precision is 0.0 when the prediction has no
    shingles (``tp == fp == 0``) and ``tp / (tp + fp)`` else; recall is 0.0 when
    the truth has no shingles (``tp == fn == 0``) and ``tp / (tp + fn)`` else.
    Per-document F1 (not used by upstream's headline number, reported here for
    inspection) is their harmonic mean, 0.0 when both are 0.
Corpus precision / recall / F1
    ``precision`` is the mean per-document precision over documents whose
    prediction is non-empty (``tp + fp > 0``): **an empty prediction is excluded
    from the precision mean, not counted as 0** -- it is penalised through
    recall instead.  ``recall`` is the mean per-document recall over documents
    whose truth is non-empty (``tp + fn > 0``).  ``f1`` is the harmonic mean of
    those two averages (not the mean of per-document F1s).  Where upstream would
    raise on an empty mean we return 0.0.
Accuracy
    Share of documents whose token list equals the truth's token list exactly.

Divergences from upstream, all deliberate: an exception raised by the
extractor is recorded as an empty prediction and counted in ``failures``
(upstream has no such notion); there is no bootstrap standard error.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

__all__ = [
    "BenchmarkPage",
    "ExtractionScore",
    "decode_html",
    "evaluate",
    "load_benchmark",
    "match_counts",
    "score_document",
    "shingles",
    "tokenize",
    "trafilatura_baseline",
]

SHINGLE_SIZE = 4
"""Tokens per shingle, as in the upstream benchmark."""

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

Extractor = Callable[[str, str | None], str]
"""``extract(html, url) -> body text``; the contract :func:`evaluate` scores."""


def tokenize(text: str | None) -> list[str]:
    """Split ``text`` into Unicode word tokens, case preserved (as upstream).

    Crude on purpose: shingle matching only needs tokenisation to be
    consistent between prediction and truth, and this works for any language.
    """
    return _TOKEN_RE.findall(text or "")


def _ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    """All ``n``-token windows; one window of all tokens if there are fewer than ``n``."""
    if n < 1:
        raise ValueError(f"shingle size must be >= 1, got {n}")
    if not tokens:
        return []
    return [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]


def shingles(text: str, n: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Distinct ``n``-token shingles of ``text`` (see module docstring for short texts).

    Handy for inspection; scoring itself uses shingle *counts*, as upstream does.
    """
    return set(_ngrams(tokenize(text), n))


def match_counts(predicted: str, truth: str, n: int = SHINGLE_SIZE) -> tuple[float, float, float]:
    """Length-normalised ``(tp, fp, fn)`` over shingle multisets (upstream's triple).

    Normalising by ``tp + fp + fn`` keeps every document's weight equal; the
    zero/non-zero pattern of the triple is what decides the empty-text rules.
    """
    pred_counts = Counter(_ngrams(tokenize(predicted), n))
    true_counts = Counter(_ngrams(tokenize(truth), n))
    tp = fp = fn = 0
    for key in pred_counts.keys() | true_counts.keys():
        p, t = pred_counts[key], true_counts[key]
        tp += min(p, t)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score_document(predicted: str, truth: str) -> tuple[float, float, float]:
    """Per-document ``(precision, recall, f1)`` on 4-token shingles.

    Both texts empty scores ``(1, 1, 1)``; an empty prediction against a
    non-empty truth scores ``(0, 0, 0)`` here, although :func:`evaluate` leaves
    such a document out of the corpus precision mean, as upstream does.
    """
    tp, fp, fn = match_counts(predicted, truth)
    p, r = _precision(tp, fp, fn), _recall(tp, fp, fn)
    return p, r, _harmonic(p, r)


@dataclass(frozen=True)
class BenchmarkPage:
    """One benchmark page: raw HTML plus the human-annotated article body."""

    id: str
    url: str | None
    html: str
    truth: str


@dataclass(frozen=True)
class ExtractionScore:
    """Corpus-level scores; see the module docstring for exact definitions.

    ``per_document`` maps page id to ``(precision, recall, f1)`` so regressions
    can be traced to individual pages.
    """

    precision: float
    recall: float
    f1: float
    documents: int
    accuracy: float = 0.0
    failures: int = 0
    """Pages whose extractor raised; each was scored as an empty prediction."""
    empty_predictions: int = 0
    """Pages with no predicted tokens (failures included): excluded from precision."""
    per_document: Mapping[str, tuple[float, float, float]] = field(
        default_factory=dict, hash=False, repr=False
    )


def decode_html(raw: bytes) -> str:
    """Decode page bytes: strict UTF-8, else charset_normalizer's guess, else lossy UTF-8.

    All 181 benchmark pages are valid UTF-8 (upstream reads them as UTF-8);
    the fallbacks only keep the loader usable on other gzipped HTML corpora.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is not None:
            return str(best)
    except ImportError:  # pragma: no cover - charset_normalizer is a dependency
        pass
    return raw.decode("utf-8", errors="replace")


def load_benchmark(root: Path) -> Iterator[BenchmarkPage]:
    """Yield benchmark pages in sorted id order (deterministic, so runs are comparable).

    ``root`` is the benchmark directory holding ``ground-truth.json`` and
    ``html/<id>.html.gz``.  A page listed in the ground truth without its HTML
    file raises :class:`FileNotFoundError` rather than being silently skipped,
    which would inflate scores.
    """
    root = Path(root)
    truth_by_id: dict[str, dict[str, str]] = json.loads(
        (root / "ground-truth.json").read_text(encoding="utf-8")
    )
    for page_id in sorted(truth_by_id):
        entry = truth_by_id[page_id]
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        yield BenchmarkPage(
            id=page_id,
            url=entry.get("url") or None,
            html=decode_html(raw),
            truth=entry.get("articleBody") or "",
        )


def evaluate(pages: Iterable[BenchmarkPage], extract: Extractor) -> ExtractionScore:
    """Run ``extract(html, url)`` on every page and score it against the truth.

    Any :class:`Exception` from ``extract`` is caught so one bad page cannot
    abort a benchmark run; the page is scored as an empty prediction and
    counted in ``failures``.  A ``None`` return is treated as empty text.
    """
    per_document: dict[str, tuple[float, float, float]] = {}
    precisions: list[float] = []
    recalls: list[float] = []
    accuracies: list[float] = []
    failures = 0
    empty = 0
    for page in pages:
        try:
            predicted = extract(page.html, page.url) or ""
        except Exception:
            predicted = ""
            failures += 1
        tp, fp, fn = match_counts(predicted, page.truth)
        p, r = _precision(tp, fp, fn), _recall(tp, fp, fn)
        per_document[page.id] = (p, r, _harmonic(p, r))
        if tp + fp > 0:
            precisions.append(p)
        else:
            empty += 1
        if tp + fn > 0:
            recalls.append(r)
        accuracies.append(float(tokenize(predicted) == tokenize(page.truth)))

    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return ExtractionScore(
        precision=precision,
        recall=recall,
        f1=_harmonic(precision, recall),
        documents=len(accuracies),
        accuracy=statistics.fmean(accuracies) if accuracies else 0.0,
        failures=failures,
        empty_predictions=empty,
        per_document=per_document,
    )


def trafilatura_baseline(html: str, url: str | None) -> str:
    """Plain ``trafilatura.extract`` with default settings: the bar pantau must clear.

    Upstream's own trafilatura runner passes ``include_comments=False`` and no
    URL; we keep trafilatura's defaults (comments included) and pass the URL,
    because that is what "plain trafilatura" means for this project.
    """
    return trafilatura.extract(html, url=url) or ""
