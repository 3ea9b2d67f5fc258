"""Evaluate quote extraction: quote spans, their kind and their speaker.

Two gold sources are read here:

- the project's own Detik gold (``tests/data/quotes/detik-quotes.jsonl``, documented in
  ``tests/data/quotes/README.md``): one JSON object per article, ``{"doc_id", "quotes":
  [{"quote", "kind", "speaker", "speaker_type", "cue"}, ...]}``, every quote given as
  its exact text in the article (:func:`load_gold`, :func:`detik_documents`);
- the quotation spans of the GUM news texts (:func:`read_gum_quotes`): GUM marks
  quotations in the MISC column of its CoNLL-U files with the TEI elements
  ``<quote>`` (a quotation of what someone said or wrote, direct or partial) and
  ``<q>`` (text in quotation marks that is *not* a quotation: scare quotes, titles,
  words mentioned as words). Only ``<quote>`` spans are gold quotes.

Matching
--------
Gold quotes are given as text, so each is first *located* in the clean text that the
analyzer returns (pantau repairs unicode and drops boilerplate, so the clean text is
not the input): exact search, then search with whitespace collapsed, quotation marks
unified, NFKD with combining marks and invisible characters dropped, then the same on
the ftfy-repaired gold text. Within a document the quotes are located in gold order,
each after the start of the previous one, so a quote repeated in an article maps to
its successive occurrences. A gold quote that cannot be located counts as missed and is listed in
``QuoteScore.unlocated``.

A predicted span ``[s, e)`` matches a gold span ``[gs, ge)`` when their overlap covers
at least 80 % of the gold span (``MIN_COVERAGE``). Matching is one-to-one and of
maximum cardinality (augmenting paths), trying the pairs with the higher
intersection-over-union first, so a prediction that covers both an indirect clause
and the partial quote nested in it goes to the one it fits. ``precision`` is matched
/ predicted, ``recall`` matched / gold, ``f1`` their harmonic mean (each 1.0 when
there is nothing to divide, 0.0 for F1 when both are 0).

Speaker accuracy
----------------
Among matched pairs, the share whose predicted ``speaker_name`` names the gold
speaker. Names are compared after normalisation (NFKD with diacritics removed,
case-folded, every run of non-alphanumeric characters a single space) and count as
equal when one is the other, or when one is a contiguous run of whole words of the
other ("Prabowo" vs "Prabowo Subianto", "AKBP I Made Parwita" vs "I Made Parwita").
A missing predicted name is wrong. This is deliberately lenient about short forms
and titles, and strict about different people who share a word only partially
("Guntur Harahap" vs "Asep Guntur Rahayu" is wrong).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import ftfy

from pantau.ingest.published import infer_order, normalize_published

if TYPE_CHECKING:
    from pantau.pipeline import Pipeline

__all__ = [
    "KINDS",
    "MIN_COVERAGE",
    "SPEAKER_TYPES",
    "GoldQuote",
    "QuoteScore",
    "SpanScore",
    "detik_documents",
    "evaluate",
    "evaluate_spans",
    "gum_documents",
    "load_gold",
    "locate",
    "match_spans",
    "pipeline_analyzer",
    "read_gum_quotes",
    "same_speaker",
]

KINDS = ("direct", "partial", "indirect")
SPEAKER_TYPES = ("person", "organisation", "anonymous", "group")
MIN_COVERAGE = 0.8
"""A prediction matches a gold quote when it covers at least this share of it."""

Span = tuple[int, int]
Document = tuple[str, str, str | None, str | None]
"""``(doc_id, text, title, published)``."""
Analyzer = Callable[[str, str | None, str | None], tuple[str, Sequence[Mapping[str, object]]]]
"""``analyze(text, title, published) -> (clean_text, quotes)``; each quote a mapping with
``start`` and ``end`` (offsets into ``clean_text``), ``kind`` and ``speaker_name``."""


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quote: its exact text in the article, kind and speaker."""

    quote: str
    kind: str
    speaker: str
    speaker_type: str
    cue: str | None = None


def load_gold(path: str | Path) -> dict[str, list[GoldQuote]]:
    """Doc id -> its gold quotes (in article order), from the JSONL gold file.

    Raises ``ValueError`` naming the line for a malformed record, an unknown kind or
    speaker type, an empty quote or speaker, or a document given twice.
    """
    gold: dict[str, list[GoldQuote]] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
                doc_id = record["doc_id"]
                items = record["quotes"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise ValueError(f"{where}: expected {{doc_id, quotes}}: {error}") from None
            if doc_id in gold:
                raise ValueError(f"{where}: document {doc_id} given twice")
            quotes = []
            for item in items:
                try:
                    quote = GoldQuote(
                        quote=item["quote"],
                        kind=item["kind"],
                        speaker=item["speaker"],
                        speaker_type=item["speaker_type"],
                        cue=item.get("cue"),
                    )
                except (KeyError, TypeError) as error:
                    raise ValueError(f"{where}: quote without {error}") from None
                if quote.kind not in KINDS:
                    raise ValueError(f"{where}: unknown kind {quote.kind!r}")
                if quote.speaker_type not in SPEAKER_TYPES:
                    raise ValueError(f"{where}: unknown speaker_type {quote.speaker_type!r}")
                if not quote.quote.strip() or not quote.speaker.strip():
                    raise ValueError(f"{where}: empty quote or speaker")
                quotes.append(quote)
            gold[doc_id] = quotes
    return gold


def detik_documents(path: str | Path, ids: Iterable[str] | None = None) -> Iterator[Document]:
    """``(id, text, title, published)`` for the lines of a Detik JSONL file, in file order;
    only those whose id is in ``ids`` when it is given. The publication dates are read in
    the day/month order the whole file settles, as `pantau run` reads them ("8/11/2025"
    is 11 August in a file that also has "10/20/2025")."""
    wanted = None if ids is None else set(ids)
    with Path(path).open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    order = infer_order([str(r.get("published") or "") for r in records]) or "DMY"
    for record in records:
        if wanted is None or record["id"] in wanted:
            try:
                published = normalize_published(record.get("published"), order)
            except ValueError:
                published = None  # a date that is none is left out, as by the readers
            yield record["id"], record["text"], record.get("title"), published


# --- locating gold text in the clean text ------------------------------------------

_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_QUOTE_MARKS = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2039": "'", "\u203a": "'",
}  # fmt: skip
_FTFY = ftfy.TextFixerConfig(normalization="NFC")


def _normalise(text: str) -> tuple[str, list[int]]:
    """``text`` in comparison form (quotation marks unified, NFKD without combining marks,
    invisible characters dropped, whitespace runs one space) and, for each character of
    the result, the offset in ``text`` it came from."""
    chars: list[str] = []
    offsets: list[int] = []
    for offset, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            pieces = " "
        else:
            pieces = _QUOTE_MARKS.get(char) or unicodedata.normalize("NFKD", char)
        for piece in pieces:
            if not unicodedata.combining(piece):
                chars.append(piece)
                offsets.append(offset)
    return "".join(chars), offsets


class _Locator:
    """Finds gold strings in one clean text, exactly or in normalised form."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self.offsets = _normalise(text)

    def find(self, quote: str, after: int = 0) -> Span | None:
        start = self.text.find(quote, after)
        if start >= 0:
            return start, start + len(quote)
        candidates = [quote]
        fixed = ftfy.fix_text(quote, _FTFY)
        if fixed != quote:
            candidates.append(fixed)
        norm_after = next((i for i, o in enumerate(self.offsets) if o >= after), len(self.norm))
        for candidate in candidates:
            needle = _normalise(candidate)[0].strip()
            if not needle:
                continue
            start = self.norm.find(needle, norm_after)
            if start >= 0:
                last = start + len(needle) - 1
                return self.offsets[start], self.offsets[last] + 1
        return None


def locate(text: str, quotes: Sequence[str]) -> list[Span | None]:
    """The span of each of ``quotes`` in ``text``, ``None`` where it cannot be found.

    Quotes are looked for in order, each from just after the start of the previous one
    found (a repeated quote maps to its successive occurrences), and from the start of
    the text when that fails; see the module docstring for the normalisation.
    """
    locator = _Locator(text)
    spans: list[Span | None] = []
    after = 0
    for quote in quotes:
        span = locator.find(quote, after) or (locator.find(quote, 0) if after else None)
        spans.append(span)
        if span is not None:
            after = span[0] + 1
    return spans


# --- matching ------------------------------------------------------------------------


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covers(predicted: Span, gold: Span) -> bool:
    length = gold[1] - gold[0]
    return length > 0 and _overlap(predicted, gold) >= MIN_COVERAGE * length


def _iou(a: Span, b: Span) -> float:
    inter = _overlap(a, b)
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


def match_spans(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one matching of gold and predicted spans as ``(gold index, predicted index)``
    pairs: a pair is allowed when the prediction covers >= 80 % of the gold span; the
    number of pairs is maximal, and higher intersection-over-union pairs are tried first."""
    edges: list[list[int]] = []
    for g in gold:
        allowed = [p for p, span in enumerate(predicted) if _covers(span, g)]
        allowed.sort(key=lambda p, g=g: (-_iou(predicted[p], g), p))
        edges.append(allowed)
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    # Best-fitting pairs first: gold spans with a perfect-fit candidate claim it before
    # the others get a chance to take it through a looser overlap.
    order = sorted(
        range(len(gold)),
        key=lambda g: (-_iou(predicted[edges[g][0]], gold[g]) if edges[g] else 0.0, g),
    )
    for g in order:
        augment(g, set())
    return sorted((g, p) for p, g in owner.items())


def _name_words(name: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", " ", plain).split()


def _contains(longer: list[str], shorter: list[str]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def same_speaker(predicted: str | None, gold: str) -> bool:
    """Whether the predicted speaker name names the gold speaker (module docstring)."""
    if not predicted:
        return False
    a, b = _name_words(predicted), _name_words(gold)
    if not a or not b:
        return False
    return a == b or _contains(a, b) or _contains(b, a)


# --- scores ----------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True)
class QuoteScore:
    """Quote extraction scores over all documents (module docstring for the rules).

    ``gold`` counts every gold quote of the evaluated documents, located or not;
    ``recall_by_kind`` is per gold kind, ``kind_confusion`` counts matched pairs by
    ``(gold kind, predicted kind)``. The lists name what went wrong, for whoever
    improves the extractor: ``missed`` (doc id, gold quote, kind), ``spurious``
    (doc id, predicted text, kind, speaker), ``wrong_speaker`` (doc id, gold quote,
    gold speaker, predicted speaker), ``unlocated`` (doc id, gold quote) for gold
    quotes not found in the clean text (also counted in ``missed``), and
    ``missing_documents`` for gold documents that were not evaluated.
    """

    documents: int
    gold: int
    predicted: int
    matched: int
    speaker_correct: int
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    matched_by_kind: dict[str, int] = field(default_factory=dict)
    recall_by_kind: dict[str, float] = field(default_factory=dict)
    kind_confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str, str, str]] = field(default_factory=list)
    wrong_speaker: list[tuple[str, str, str, str]] = field(default_factory=list)
    unlocated: list[tuple[str, str]] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)


def _prediction(item: Mapping[str, object]) -> tuple[Span, str, str]:
    start, end = item["start"], item["end"]
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValueError(f"quote offsets must be integers: {item!r}")
    speaker = item.get("speaker_name")
    return (start, end), str(item.get("kind") or ""), str(speaker) if speaker else ""


def evaluate(
    documents: Iterable[Document],
    gold: Mapping[str, Sequence[GoldQuote]],
    analyze: Analyzer,
) -> QuoteScore:
    """Run ``analyze`` on each document and score its quotes against ``gold``.

    A document absent from ``gold`` has no quotes (all its predictions are spurious),
    so pass only annotated documents, e.g. ``detik_documents(path, gold)``.
    """
    seen: set[str] = set()
    gold_total = predicted_total = matched_total = speaker_ok = 0
    gold_kinds: Counter[str] = Counter()
    matched_kinds: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    missed: list[tuple[str, str, str]] = []
    spurious: list[tuple[str, str, str, str]] = []
    wrong: list[tuple[str, str, str, str]] = []
    unlocated: list[tuple[str, str]] = []
    for doc_id, text, title, published in documents:
        seen.add(doc_id)
        quotes = list(gold.get(doc_id, ()))
        clean_text, items = analyze(text, title, published)
        predictions = [_prediction(item) for item in items]

        spans = locate(clean_text, [q.quote for q in quotes])
        located = [(q, s) for q, s in zip(quotes, spans, strict=True) if s is not None]
        unlocated.extend((doc_id, q.quote) for q, s in zip(quotes, spans, strict=True) if s is None)
        pairs = match_spans([s for _, s in located], [p[0] for p in predictions])

        gold_total += len(quotes)
        predicted_total += len(predictions)
        matched_total += len(pairs)
        gold_kinds.update(q.kind for q in quotes)
        matched_gold = set()
        matched_pred = set()
        for g, p in pairs:
            quote = located[g][0]
            _, kind, speaker = predictions[p]
            matched_gold.add(g)
            matched_pred.add(p)
            matched_kinds[quote.kind] += 1
            confusion[(quote.kind, kind)] += 1
            if same_speaker(speaker, quote.speaker):
                speaker_ok += 1
            else:
                wrong.append((doc_id, quote.quote, quote.speaker, speaker))
        missed.extend(
            (doc_id, q.quote, q.kind) for q, s in zip(quotes, spans, strict=True) if s is None
        )
        missed.extend(
            (doc_id, q.quote, q.kind) for i, (q, _) in enumerate(located) if i not in matched_gold
        )
        for i, ((start, end), kind, speaker) in enumerate(predictions):
            if i not in matched_pred:
                spurious.append((doc_id, clean_text[start:end], kind, speaker))

    precision = _ratio(matched_total, predicted_total)
    recall = _ratio(matched_total, gold_total)
    return QuoteScore(
        documents=len(seen),
        gold=gold_total,
        predicted=predicted_total,
        matched=matched_total,
        speaker_correct=speaker_ok,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        speaker_accuracy=_ratio(speaker_ok, matched_total),
        gold_by_kind={k: gold_kinds[k] for k in KINDS},
        matched_by_kind={k: matched_kinds[k] for k in KINDS},
        recall_by_kind={k: _ratio(matched_kinds[k], gold_kinds[k]) for k in KINDS},
        kind_confusion=dict(confusion),
        missed=missed,
        spurious=spurious,
        wrong_speaker=wrong,
        unlocated=unlocated,
        missing_documents=sorted(set(gold) - seen),
    )


def pipeline_analyzer(pipeline: Pipeline | None = None) -> Analyzer:
    """An :data:`Analyzer` running pantau's pipeline: the analysis ``text`` and its
    ``quotes`` as dicts. A ``published`` value the pipeline rejects is dropped (it does
    not matter for quotes)."""
    from pantau.errors import InputError
    from pantau.pipeline import Pipeline

    pipe = pipeline if pipeline is not None else Pipeline()

    def analyze(
        text: str, title: str | None, published: str | None
    ) -> tuple[str, list[dict[str, object]]]:
        try:
            analysis = pipe.analyze(text, title=title, published=published)
        except InputError:
            if published is None:
                raise
            analysis = pipe.analyze(text, title=title)
        return analysis.text, [quote.model_dump() for quote in analysis.quotes]

    return analyze


# --- English: the quotation spans of GUM ------------------------------------------------

_QUOTE_TOKENS = frozenset({'"', "'", "``", "''", "`", *_QUOTE_MARKS})
_XML = re.compile(r"XML=([^|]*)")
_TAG = re.compile(r"<(/?)([A-Za-z]+)\b[^>]*>")


def _gum_sentences(path: str | Path) -> Iterator[tuple[bool, str | None, list[_Token]]]:
    """``(starts a paragraph, # text, tokens)`` per sentence of a CoNLL-U file; a
    multiword token is one token (its surface form) carrying its words' XML tags."""
    new_paragraph = False
    text: str | None = None
    tokens: list[_Token] = []
    range_end = 0
    with Path(path).open(encoding="utf-8") as handle:
        for raw in [*handle, "\n"]:
            line = raw.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield new_paragraph, text, tokens
                new_paragraph, text, tokens, range_end = False, None, [], 0
                continue
            if line.startswith("# newpar"):
                new_paragraph = True
                continue
            if line.startswith("# text = "):
                text = line[len("# text = ") :]
                continue
            if line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) != 10:
                raise ValueError(f"{path}: not a CoNLL-U token line: {line!r}")
            ident, form, misc = columns[0], columns[1], columns[9]
            xml = _XML.search(misc)
            tags = _TAG.findall(xml.group(1)) if xml else []
            if "-" in ident:
                range_end = int(ident.split("-")[1])
                tokens.append(_Token(form, "SpaceAfter=No" not in misc, []))
            elif "." in ident:
                continue
            elif int(ident) <= range_end:
                tokens[-1].tags.extend(tags)
                continue
            else:
                tokens.append(_Token(form, "SpaceAfter=No" not in misc, []))
            tokens[-1].tags.extend(tags)


@dataclass
class _Token:
    form: str
    space_after: bool
    tags: list[tuple[str, str]]


def read_gum_quotes(path: str | Path) -> tuple[str, list[Span]]:
    """The text of one GUM CoNLL-U document and the spans of its ``<quote>`` elements.

    The text is rebuilt from the tokens (multiword tokens by their surface form,
    ``SpaceAfter=No`` respected), sentences joined by a space and paragraphs
    (``# newpar``) by a newline; each sentence must equal its ``# text`` comment. A span
    runs from the first to the last token inside the element, without the quotation
    marks that open it and, when it was opened by one, without the last quotation mark
    inside it and anything after that mark (GUM puts a source marker such as
    ``((it))`` inside some elements). CoNLL-U elements cannot cross a sentence break, so
    GUM closes a quotation at each sentence end and reopens it in the next sentence;
    such pieces are joined again when they are adjacent in one paragraph and the
    quotation marks do not close and reopen between them (a quotation of several
    sentences is one span, as in the Detik gold). ``<q>`` elements (scare quotes,
    titles, mentions) are not quotes. Spans are sorted; an element left open at the end
    is closed there.
    """
    pieces: list[str] = []
    offsets: list[tuple[int, int, str]] = []  # start, end, form of every token
    open_quotes: list[int] = []
    elements: list[tuple[int, int]] = []
    sentence_starts: set[int] = set()
    paragraph_starts: set[int] = set()
    length = 0
    for new_paragraph, expected, tokens in _gum_sentences(path):
        if pieces:
            pieces.append("\n" if new_paragraph else " ")
            length += 1
        sentence_start = length
        sentence_starts.add(len(offsets))
        if new_paragraph:
            paragraph_starts.add(len(offsets))
        for position, token in enumerate(tokens):
            index = len(offsets)
            offsets.append((length, length + len(token.form), token.form))
            pieces.append(token.form)
            length += len(token.form)
            if token.space_after and position < len(tokens) - 1:
                pieces.append(" ")
                length += 1
            for closing, name in token.tags:
                if name != "quote":
                    continue
                if not closing:
                    open_quotes.append(index)
                elif open_quotes:
                    elements.append((open_quotes.pop(), index))
        if expected is not None and "".join(pieces)[sentence_start:] != expected.rstrip():
            built = "".join(pieces)[sentence_start:]
            raise ValueError(f"{path}: rebuilt sentence {built!r} differs from {expected!r}")
    elements.extend((first, len(offsets) - 1) for first in open_quotes)
    # CoNLL-U cannot carry an element across a sentence break, so GUM closes a quote
    # at the end of each sentence and reopens it: join such pieces within a paragraph.
    merged: list[tuple[int, int]] = []
    for first, last in sorted(elements):
        if (
            merged
            and merged[-1][1] + 1 == first
            and first in sentence_starts
            and first not in paragraph_starts
            and offsets[merged[-1][1]][2] not in _QUOTE_TOKENS
            and offsets[first][2] not in _QUOTE_TOKENS
        ):
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    spans = []
    for first, last in merged:
        inner = list(range(first, last + 1))
        opened = False
        while inner and offsets[inner[0]][2] in _QUOTE_TOKENS:
            inner.pop(0)
            opened = True
        if opened:
            marks = [i for i in inner if offsets[i][2] in _QUOTE_TOKENS]
            if marks:
                inner = [i for i in inner if i < marks[-1]]
        while inner and offsets[inner[-1]][2] in _QUOTE_TOKENS:
            inner.pop()
        if inner:
            spans.append((offsets[inner[0]][0], offsets[inner[-1]][1]))
    return "".join(pieces), sorted(set(spans))


def gum_documents(
    directory: str | Path, pattern: str = "GUM_news_*.conllu"
) -> Iterator[tuple[str, str, list[Span]]]:
    """``(doc id, text, quote spans)`` for each GUM file in ``directory`` (sorted)."""
    for path in sorted(Path(directory).glob(pattern)):
        text, spans = read_gum_quotes(path)
        yield path.stem, text, spans


@dataclass(frozen=True)
class SpanScore:
    """Span-only quote scores: ``gold`` spans, ``predicted`` spans, ``matched`` pairs
    (same 80 % coverage, one-to-one rule), and the gold spans not found in the clean
    text (``unlocated``, counted as missed)."""

    documents: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    unlocated: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)


def evaluate_spans(
    documents: Iterable[tuple[str, str, Sequence[Span]]],
    analyze: Analyzer,
    kinds: Collection[str] | None = ("direct", "partial"),
) -> SpanScore:
    """Score predicted quote spans against gold spans of the *input* text (GUM).

    ``analyze`` is called as ``analyze(text, None, None)``; the text of each gold span is
    located in the clean text it returns as in :func:`evaluate`. Only predictions whose
    ``kind`` is in ``kinds`` are scored (``None``: all): GUM marks quotations, the text
    in quotation marks, and has no indirect speech to match."""
    count = gold_total = predicted_total = matched_total = 0
    unlocated: list[tuple[str, str]] = []
    missed: list[tuple[str, str]] = []
    spurious: list[tuple[str, str]] = []
    for doc_id, text, gold_spans in documents:
        count += 1
        gold_texts = [text[s:e] for s, e in sorted(gold_spans)]
        clean_text, items = analyze(text, None, None)
        predicted = [
            span for span, kind, _ in map(_prediction, items) if kinds is None or kind in kinds
        ]
        spans = locate(clean_text, gold_texts)
        located = [(t, s) for t, s in zip(gold_texts, spans, strict=True) if s is not None]
        unlocated.extend((doc_id, t) for t, s in zip(gold_texts, spans, strict=True) if s is None)
        pairs = match_spans([s for _, s in located], predicted)
        gold_total += len(gold_texts)
        predicted_total += len(predicted)
        matched_total += len(pairs)
        matched_gold = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs}
        missed.extend((doc_id, t) for t, s in zip(gold_texts, spans, strict=True) if s is None)
        missed.extend((doc_id, t) for i, (t, _) in enumerate(located) if i not in matched_gold)
        spurious.extend(
            (doc_id, clean_text[s:e]) for i, (s, e) in enumerate(predicted) if i not in matched_pred
        )
    precision = _ratio(matched_total, predicted_total)
    recall = _ratio(matched_total, gold_total)
    return SpanScore(
        documents=count,
        gold=gold_total,
        predicted=predicted_total,
        matched=matched_total,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        unlocated=unlocated,
        missed=missed,
        spurious=spurious,
    )
