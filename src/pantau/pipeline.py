"""The pipeline: builds the stages once, then analyses one document or many.

`Pipeline` loads every resource (language packs, detectors, knowledge base; each
language's entity model on first use) once, so a program or notebook pays start-up once
and `analyze_many` streams.
Each stage's time is accumulated in `timings` for `pantau run`'s summary.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from pantau.clean import Cleaner, CleaningRules, LanguageIdentifier, normalize_text
from pantau.config import Settings, load_settings
from pantau.errors import InputError, NoContentError
from pantau.extract.dates import DateFinder
from pantau.extract.entities.recognizer import EntityRecognizer
from pantau.extract.events import EventCoder
from pantau.extract.places import PlaceResolver
from pantau.extract.quotes import QuoteExtractor
from pantau.extract.tone import ToneScorer
from pantau.ingest import RawDocument
from pantau.ingest.decode import check_text
from pantau.ingest.html import extract_html, looks_like_html
from pantau.ingest.published import normalize_published
from pantau.lang import available_packs, load_pack
from pantau.model import Analysis, Span
from pantau.nlp.sentences import SentenceSplitter


@cache
def pipeline_version() -> str:
    """pantau's version plus a digest of its language packs and models: a stored analysis
    made by another version is stale, and `pantau run` analyses its document again."""
    from pantau import __version__

    digest = hashlib.sha1()
    for folder in ("lang", "models"):
        for name, data in sorted(_data_files(resources.files("pantau") / folder, folder)):
            digest.update(name.encode() + b"\x00" + data)
    return f"{__version__}+{digest.hexdigest()[:12]}"


def settings_version(settings: Settings) -> str:
    """`pipeline_version()`, plus a digest of the user's own dictionaries when there are
    any: editing one makes `pantau run` code the stored documents again."""
    files = [*settings.actors, *settings.verbs, *settings.discards]
    if not files:
        return pipeline_version()
    digest = hashlib.sha1()
    for name in files:
        try:
            digest.update(Path(name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return f"{pipeline_version()}+{digest.hexdigest()[:8]}"


def _data_files(folder: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
    for item in folder.iterdir():
        name = f"{prefix}/{item.name}"
        if item.is_dir():
            yield from _data_files(item, name)
        elif not item.name.endswith((".py", ".pyc")):
            yield name, item.read_bytes()


Stage = Callable[[Analysis], None]
"""A later stage (entities, quotes, ...): reads the layers before it, fills its own."""


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        packs = [load_pack(code) for code in available_packs()]
        self.cleaner = Cleaner(
            CleaningRules.from_packs(packs), frozenset().union(*(p.sections for p in packs))
        )
        self.languages = LanguageIdentifier(
            self.settings.languages, self.settings.mixed_language_share
        )

        self.splitter = SentenceSplitter(frozenset().union(*(p.abbreviations for p in packs)))
        entities = EntityRecognizer()
        self.stages: list[tuple[str, Stage]] = [
            ("entities", entities),
            ("places", PlaceResolver(entities.kb)),
            ("dates", DateFinder()),
            ("quotes", QuoteExtractor()),
            ("events", EventCoder(
                verbs=[Path(v) for v in self.settings.verbs],
                actors=[Path(a) for a in self.settings.actors],
                discards=[Path(d) for d in self.settings.discards],
                kb=entities.kb,
            )),
            ("tone", ToneScorer()),
        ]
        self.timings: Counter[str] = Counter()

    @contextmanager
    def _timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - started

    def analyze(
        self,
        text: str,
        *,
        published: str | None = None,
        lang: str | None = None,
        title: str | None = None,
        url: str | None = None,
        id: str | None = None,  # noqa: A002 - the contract's name
        html: bool | None = None,
    ) -> Analysis:
        """Analyse one text (plain or HTML); raises `PantauError` for unusable input."""
        if not isinstance(text, str) or not text.strip():
            raise InputError("empty input")
        try:
            published = normalize_published(published)
        except ValueError as exc:
            raise InputError(f"--published: {exc}") from None
        is_html = looks_like_html(text) if html is None else html
        raw = RawDocument(
            text=text,
            format="html" if is_html else "text",
            id=id,
            title=title,
            url=url,
            published=published,
        )
        return self.analyze_document(raw, lang=lang)

    def analyze_document(self, raw: RawDocument, lang: str | None = None) -> Analysis:
        size = len(raw.text.encode("utf-8", "surrogatepass"))
        if size > self.settings.max_bytes:
            raise InputError(f"{size:,} bytes is over the limit of {self.settings.max_bytes:,}")
        check_text(raw.text, raw.source or "input")
        title, published, url, author = raw.title, raw.published, raw.url, None
        text = raw.text
        if raw.format == "html":
            with self._timed("ingest"):
                page = extract_html(text, url)
            text, url, author = page.text, url or page.url, page.author
            title = title or page.title
            published = published or page.published
        with self._timed("clean"):
            cleaned = self.cleaner.clean(normalize_text(text), title=title, guess_title=True)
        if not cleaned.text.strip():
            raise NoContentError(
                f"no article text left after cleaning ({len(cleaned.removed)} paragraph(s) removed)"
            )
        paragraphs = cleaned.text.split("\n\n")
        warnings = list(raw.warnings)
        with self._timed("language"):
            detected = self.languages.identify(cleaned.text, paragraphs, language=lang)
        if detected.mixed:
            parts = ", ".join(f"{s.language} {s.share:.0%}" for s in detected.shares)
            warnings.append(f"mixed-language text: {parts}")
        with self._timed("sentences"):
            sentences = [Span(start=s, end=e) for s, e in self.splitter.split(cleaned.text)]
        analysis = Analysis(
            id=raw.document_id,
            language=detected.language,
            title=cleaned.title,
            published=published,
            url=url,
            source=raw.source,
            section=cleaned.section,
            author=author,
            text=cleaned.text,
            removed=cleaned.removed,
            languages=detected.shares,
            warnings=warnings,
            sentences=sentences,
        )
        for name, stage in self.stages:
            with self._timed(name):
                stage(analysis)
        return analysis

    def analyze_many(self, documents: Iterable[str | RawDocument]) -> Iterator[Analysis]:
        """Analyse each text or raw document in turn, with the resources loaded once."""
        for document in documents:
            if isinstance(document, RawDocument):
                yield self.analyze_document(document)
            else:
                yield self.analyze(document)


_default: Pipeline | None = None


def analyze(
    text: str,
    published: str | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Analysis:
    """Analyse one text with a shared default pipeline (built on first use)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.analyze(text, published=published, lang=lang, title=title)
