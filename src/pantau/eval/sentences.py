"""Evaluate sentence segmentation against CoNLL-U gold data, by character offset.

Everything downstream in pantau (quotes, events, evidence links) points at
character offsets in the original text, so the segmenter is judged the same
way: we rebuild running text from a treebank's ``# text =`` lines, remember
where each gold sentence sits in it, and compare those offsets with the spans a
segmenter returns for the rebuilt text.

Scores are micro-averaged over all documents. A *boundary* is the end offset of
every sentence except the last one of its document (the end of a document is
never in doubt, so counting it would only inflate the scores). Comparison is
whitespace-insensitive: spans are trimmed before their offsets are compared, so
a segmenter may attach the separating space to either neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int]
Segmenter = Callable[[str], list[Span]]

SENTENCE_SEPARATOR = " "
PARAGRAPH_SEPARATOR = "\n\n"

# ``# newdoc`` / ``# newdoc id = X`` and ``# newpar`` / ``# newpar id = X``. Anchoring
# the keyword keeps look-alikes such as GUM's ``# newpar_block`` and ``# text_en`` out.
_NEWDOC = re.compile(r"^#\s*newdoc(?:\s+id\s*=\s*(?P<id>.*?))?\s*$")
_NEWPAR = re.compile(r"^#\s*newpar(?:\s|$)")
_TEXT = re.compile(r"^#\s*text\s*=\s?(?P<text>.*)$")


@dataclass
class GoldDocument:
    """Running text plus the gold ``(start, end)`` offsets of its sentences."""

    id: str
    text: str
    boundaries: list[Span]


@dataclass(frozen=True)
class SegmentationScore:
    """Boundary-level precision/recall/F1 and the share of exactly matched sentences.

    ``exact_sentences`` is stricter than boundary F1: a gold sentence only counts
    when both of its edges are found and nothing is split inside it, which is
    what a downstream consumer of whole sentences actually needs.
    """

    precision: float
    recall: float
    f1: float
    gold_boundaries: int
    predicted_boundaries: int
    exact_sentences: float


@dataclass
class _Sentence:
    text: str
    new_doc: bool
    doc_id: str | None
    new_par: bool


def _text_from_tokens(token_lines: list[str]) -> str:
    """Rebuild a sentence from its surface tokens, for files without ``# text``.

    Multiword tokens (``3-4``) replace their parts and empty nodes (``5.1``) have
    no surface form; ``SpaceAfter=No`` in MISC glues a token to the next one.
    """
    parts: list[str] = []
    skip_until = 0
    for line in token_lines:
        cols = line.split("\t")
        if len(cols) < 10 or "." in cols[0]:
            continue
        if "-" in cols[0]:
            _, last = cols[0].split("-", 1)
            skip_until = int(last)
        elif int(cols[0]) <= skip_until:
            continue
        parts.append(cols[1])
        if "SpaceAfter=No" not in cols[9].split("|"):
            parts.append(" ")
    return "".join(parts).strip()


def _read_sentences(path: Path) -> Iterator[_Sentence]:
    """Yield the sentences of a CoNLL-U file with their document/paragraph markers."""
    comments: list[str] = []
    tokens: list[str] = []

    def flush() -> _Sentence | None:
        if not comments and not tokens:
            return None
        text: str | None = None
        new_doc, doc_id, new_par = False, None, False
        for line in comments:
            if (m := _NEWDOC.match(line)) is not None:
                new_doc, doc_id = True, (m.group("id") or None)
            elif _NEWPAR.match(line):
                new_par = True
            elif (m := _TEXT.match(line)) is not None:
                text = m.group("text").strip()
        if text is None:
            text = _text_from_tokens(tokens)
        return _Sentence(text, new_doc, doc_id, new_par)

    with path.open(encoding="utf-8-sig") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if (sentence := flush()) is not None:
                    yield sentence
                comments, tokens = [], []
            elif line.startswith("#"):
                comments.append(line)
            else:
                tokens.append(line)
    if (sentence := flush()) is not None:
        yield sentence


def _build(doc_id: str, sentences: list[_Sentence]) -> GoldDocument:
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    pending_par = False  # a marker-only block (e.g. a lone ``# newpar``) still counts
    for sentence in sentences:
        if not sentence.text:
            pending_par = pending_par or sentence.new_par
            continue
        if spans:
            new_par = sentence.new_par or pending_par
            sep = PARAGRAPH_SEPARATOR if new_par else SENTENCE_SEPARATOR
            parts.append(sep)
            offset += len(sep)
        pending_par = False
        parts.append(sentence.text)
        spans.append((offset, offset + len(sentence.text)))
        offset += len(sentence.text)
    return GoldDocument(id=doc_id, text="".join(parts), boundaries=spans)


def read_conllu_documents(path: Path, sentences_per_document: int = 20) -> Iterator[GoldDocument]:
    """Rebuild running text and gold sentence offsets from a CoNLL-U file.

    Sentences come from the ``# text =`` lines (or, failing that, from the tokens
    and ``SpaceAfter=No``). Inside a paragraph they are joined by one space;
    a ``# newpar`` marker starts a new paragraph, separated by a blank line.

    When the file has ``# newdoc`` markers, each document becomes one
    ``GoldDocument``. Treebanks without them (UD Indonesian GSD and CSUI are bags
    of sentences) are cut into pseudo-documents of ``sentences_per_document``
    consecutive sentences joined by spaces. Scoring sentence-per-document would
    make every boundary trivial; running text forces the segmenter to find the
    boundaries inside prose, which is the realistic case for news articles.
    """
    if sentences_per_document < 1:
        raise ValueError("sentences_per_document must be at least 1")
    path = Path(path)
    sentences = list(_read_sentences(path))
    has_newdoc = any(s.new_doc for s in sentences)

    groups: list[tuple[str | None, list[_Sentence]]] = []
    for sentence in sentences:
        if has_newdoc:
            starts_group = sentence.new_doc or not groups
            doc_id = sentence.doc_id
        else:
            starts_group = not groups or len(groups[-1][1]) >= sentences_per_document
            doc_id = None
        if starts_group:
            groups.append((doc_id, []))
        groups[-1][1].append(sentence)

    for index, (doc_id, members) in enumerate(groups, start=1):
        document = _build(doc_id or f"{path.stem}#{index}", members)
        if document.boundaries:
            yield document


def _trim(text: str, span: Span) -> Span | None:
    """Shrink a span to exclude surrounding whitespace; ``None`` if nothing is left."""
    start, end = span
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {span!r} lies outside a text of length {len(text)}")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _boundaries(text: str, spans: Iterable[Span]) -> tuple[set[int], set[Span]]:
    """Return (internal boundary offsets, trimmed spans) for one document."""
    trimmed = {t for span in spans if (t := _trim(text, span)) is not None}
    document_end = len(text.rstrip())
    return {end for _, end in trimmed if end < document_end}, trimmed


def _ratio(numerator: int, denominator: int, *, empty: float) -> float:
    return numerator / denominator if denominator else empty


def evaluate(documents: Iterable[GoldDocument], segment: Segmenter) -> SegmentationScore:
    """Score ``segment`` on every document (micro-averaged over all boundaries).

    With nothing predicted, precision is 1.0 only if there was also nothing to
    find; a segmenter that never splits must not look precise.
    """
    true_pos = gold_total = pred_total = exact = sentences = 0
    for document in documents:
        gold, gold_spans = _boundaries(document.text, document.boundaries)
        predicted, predicted_spans = _boundaries(document.text, segment(document.text))
        true_pos += len(gold & predicted)
        gold_total += len(gold)
        pred_total += len(predicted)
        exact += len(gold_spans & predicted_spans)
        sentences += len(gold_spans)
    precision = _ratio(true_pos, pred_total, empty=float(gold_total == 0))
    recall = _ratio(true_pos, gold_total, empty=1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SegmentationScore(
        precision=precision,
        recall=recall,
        f1=f1,
        gold_boundaries=gold_total,
        predicted_boundaries=pred_total,
        exact_sentences=_ratio(exact, sentences, empty=1.0),
    )


def _snippet(text: str, offset: int, width: int) -> str:
    left = text[max(0, offset - width) : offset]
    right = text[offset : offset + width]
    return f"{left}‖{right}".replace("\n", "⏎")


def errors(
    documents: Iterable[GoldDocument],
    segment: Segmenter,
    limit: int = 20,
    width: int = 40,
) -> list[str]:
    """Describe up to ``limit`` missed and spurious boundaries with some context.

    Each line reads ``missed|spurious <doc id>@<offset>: …left‖right…``, where ‖
    marks the (trimmed) boundary and ⏎ a newline. Meant for a developer to skim
    when tuning abbreviation lists and rules, not for machine consumption.
    """
    found: list[str] = []
    for document in documents:
        if len(found) >= limit:
            break
        gold, _ = _boundaries(document.text, document.boundaries)
        predicted, _ = _boundaries(document.text, segment(document.text))
        mistakes = [(o, "missed") for o in gold - predicted]
        mistakes += [(o, "spurious") for o in predicted - gold]
        for offset, kind in sorted(mistakes):
            snippet = _snippet(document.text, offset, width)
            found.append(f"{kind} {document.id}@{offset}: …{snippet}…")
            if len(found) >= limit:
                break
    return found
