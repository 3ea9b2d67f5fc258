"""`pantau evaluate <stage>`: measure a stage against gold data and print the figures."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pantau.errors import PantauError

if TYPE_CHECKING:
    from pantau.eval.events import Calibration, WhereWhen

evaluate_app = typer.Typer(
    help="Measure a stage's accuracy against gold data.", no_args_is_help=True
)
console = Console(soft_wrap=True)


def _pipeline():  # noqa: ANN202
    from pantau.pipeline import Pipeline

    return Pipeline()


def _require(path: Path) -> Path:
    if not path.exists():
        console.print(f"[red]error:[/red] not found: {path}", soft_wrap=True)
        raise typer.Exit(2)
    return path


def _scores(title: str, rows: list[tuple[str, ...]], columns: tuple[str, ...]) -> None:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, justify="left" if column == columns[0] else "right")
    for row in rows:
        table.add_row(*row)
    console.print(table)


@evaluate_app.command("html")
def evaluate_html(
    benchmark: Annotated[
        Path, typer.Option(help="article-extraction-benchmark folder (html/ + ground-truth.json)")
    ],
) -> None:
    """Main-text shingle F1 of pantau's HTML path against plain trafilatura.extract."""
    from pantau.eval.extraction import evaluate, load_benchmark, trafilatura_baseline

    pages = list(load_benchmark(_require(benchmark)))
    pipeline = _pipeline()

    def pantau_text(html: str, url: str | None) -> str:
        return pipeline.analyze(html, url=url, html=True).text

    rows = []
    for name, extract in (("pantau", pantau_text), ("trafilatura.extract", trafilatura_baseline)):
        s = evaluate(pages, extract)
        rows.append((name, f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}", str(s.failures)))
    _scores(
        f"HTML main text, {len(pages)} pages",
        rows,
        ("extractor", "precision", "recall", "F1", "failures"),
    )


@evaluate_app.command("sentences")
def evaluate_sentences(
    gold: Annotated[list[Path], typer.Option(help="CoNLL-U file(s); repeat the option")],
    errors: Annotated[int, typer.Option(help="print this many error contexts")] = 0,
) -> None:
    """Sentence boundary precision, recall and F1 against CoNLL-U sentence splits."""
    from pantau.eval.sentences import errors as error_contexts
    from pantau.eval.sentences import evaluate, read_conllu_documents

    splitter = _pipeline().splitter
    documents = [d for path in gold for d in read_conllu_documents(_require(path))]
    s = evaluate(documents, splitter.split)
    _scores(
        f"sentence boundaries, {len(documents)} documents",
        [
            (
                gold[0].name if len(gold) == 1 else f"{len(gold)} files",
                f"{s.precision:.4f}",
                f"{s.recall:.4f}",
                f"{s.f1:.4f}",
                f"{s.exact_sentences:.4f}",
                str(s.gold_boundaries),
            )
        ],
        ("gold", "precision", "recall", "F1", "exact sentences", "boundaries"),
    )
    for line in error_contexts(documents, splitter.split, limit=errors) if errors else []:
        console.print(line, highlight=False, soft_wrap=True, markup=False)


@evaluate_app.command("cleaning")
def evaluate_cleaning(
    data: Annotated[Path, typer.Option(help="JSONL of documents (id, title, text)")],
    gold: Annotated[
        Path, typer.Option(help="TSV of boilerplate paragraphs: doc_id, paragraph, kind")
    ],
    show: Annotated[int, typer.Option(help="print this many misses and wrong removals")] = 10,
) -> None:
    """Paragraph-level precision and recall of boilerplate removal, and how much article
    text survives."""
    from pantau.eval.cleaning import detik_documents, evaluate, load_gold

    pipeline = _pipeline()

    def analyze(text: str, title: str | None) -> tuple[str, list[tuple[str, str]]]:
        a = pipeline.analyze(text, title=title)
        return a.text, [(r.text, r.reason) for r in a.removed]

    documents = list(detik_documents(_require(data)))
    gold_rows = load_gold(_require(gold))
    s = evaluate(documents, gold_rows, analyze)
    _scores(
        f"cleaning, {s.documents} documents",
        [
            (
                gold.name,
                f"{s.precision:.4f}",
                f"{s.recall:.4f}",
                str(s.gold_boilerplate),
                f"{s.content_kept}/{s.content_paragraphs}",
            )
        ],
        ("gold", "precision", "recall", "boilerplate", "article paragraphs kept"),
    )
    for doc_id, paragraph in s.missed[:show]:
        console.print(f"missed {doc_id}: {paragraph[:120]}", markup=False, soft_wrap=True)
    for doc_id, paragraph, reason in s.wrongly_removed[:show]:
        console.print(
            f"removed ({reason}) {doc_id}: {paragraph[:120]}", markup=False, soft_wrap=True
        )


@evaluate_app.command("ner")
def evaluate_ner(
    gold: Annotated[Path, typer.Option(help="annotated file")],
    format: Annotated[str, typer.Option(help="conll, nerp or idner")] = "conll",  # noqa: A002
    lang: Annotated[str, typer.Option(help="model language")] = "id",
    model: Annotated[
        Path | None,
        typer.Option(help="folder of model files to score, as `pantau train ner --out` "
                          "writes them (default: the package's)"),
    ] = None,
) -> None:
    """Entity-level precision, recall and F1 per type (exact span and type) of the
    named-entity model on gold data."""
    from pantau.eval.ner import evaluate, read
    from pantau.extract.entities.ner import NerModel, load_model

    sentences = read(_require(gold), format)
    try:
        ner = NerModel.load(model / f"ner-{lang}.crfsuite") if model else load_model(lang)
    except PantauError as exc:
        console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(2) from None
    score = evaluate(sentences, ner)
    _scores(
        f"{gold.name}: {score.sentences} sentences, {score.tokens / score.seconds:,.0f} tokens/s",
        list(score.rows()),
        ("type", "precision", "recall", "F1", "gold", "predicted"),
    )


@evaluate_app.command("quotes")
def evaluate_quotes(
    gold: Annotated[
        Path | None, typer.Option(help="JSONL gold: doc_id and quotes (see tests/data/quotes)")
    ] = None,
    data: Annotated[Path | None, typer.Option(help="JSONL of the documents the gold cites")] = None,
    gum: Annotated[
        Path | None, typer.Option(help="folder of GUM .conllu files: score quotation spans")
    ] = None,
    show: Annotated[int, typer.Option(help="print this many misses and wrong speakers")] = 0,
) -> None:
    """Quote precision, recall and F1 (a match covers 80 % of the gold span) and speaker
    accuracy; or, with --gum, the quotation spans of the GUM English news texts."""
    from pantau.eval import quotes

    analyze = quotes.pipeline_analyzer(_pipeline())
    if gum is not None:
        g = quotes.evaluate_spans(quotes.gum_documents(_require(gum)), analyze)
        _scores(
            f"quotation spans, {gum.name}",
            [("GUM news", f"{g.precision:.4f}", f"{g.recall:.4f}", f"{g.f1:.4f}", str(g.gold))],
            ("gold", "precision", "recall", "F1", "spans"),
        )
        return
    if gold is None or data is None:
        console.print("[red]error:[/red] give --gold and --data, or --gum")
        raise typer.Exit(2)
    gold_quotes = quotes.load_gold(_require(gold))
    documents = list(quotes.detik_documents(_require(data), gold_quotes))
    s = quotes.evaluate(documents, gold_quotes, analyze)
    _scores(
        f"quotes, {len(documents)} documents",
        [
            (
                gold.name,
                f"{s.precision:.4f}",
                f"{s.recall:.4f}",
                f"{s.f1:.4f}",
                f"{s.speaker_accuracy:.4f}",
            )
        ],
        ("gold", "precision", "recall", "F1", "speaker accuracy"),
    )
    recall = ", ".join(f"{kind} {value:.3f}" for kind, value in s.recall_by_kind.items())
    console.print(f"recall by kind: {recall}", markup=False)
    for item in s.missed[:show]:
        console.print(f"missed {item}", markup=False)
    for item in s.wrong_speaker[:show]:
        console.print(f"speaker (gold, predicted) {item}", markup=False)


@evaluate_app.command("places")
def evaluate_places(
    gold: Annotated[
        Path | None, typer.Option(help="gold JSONL (tests/data/places/detik-places.jsonl)")
    ] = None,
    documents: Annotated[
        Path | None, typer.Option(help="JSONL of the articles the gold cites (Detik dev)")
    ] = None,
    gwn: Annotated[
        Path | None, typer.Option(help="GeoWebNews XML (../shared/data/geo/en/GWN.xml)")
    ] = None,
    adjectives: Annotated[
        bool, typer.Option(help="GeoWebNews: keep toponyms written as adjectives")
    ] = False,
    errors: Annotated[bool, typer.Option(help="print pantau's errors")] = False,
) -> None:
    """Toponym resolution: share resolved within 161 km, and recall."""
    from pantau.eval import places as ev
    from pantau.eval.events import lenient

    pipeline = _pipeline()
    predict = ev.pantau_predictor(pipeline)
    suites = []
    if gold is not None:
        if documents is None:
            console.print("[red]error:[/red] --gold needs --documents (the articles)")
            raise typer.Exit(2)

        def clean(text: str, title: str | None, published: str | None) -> str:
            return lenient(pipeline)(text, title=title, published=published).text

        suites.append((gold.stem, ev.load_detik_gold(_require(gold), _require(documents), clean)))
    if gwn is not None:
        suites.append(("geowebnews", ev.load_gwn(_require(gwn), adjectives=adjectives)))
    if not suites:
        console.print("[red]error:[/red] give --gold and --documents, or --gwn")
        raise typer.Exit(2)
    for name, docs in suites:
        score = ev.evaluate(docs, predict)
        console.print(ev.format_report(name, score), markup=False, highlight=False)
        for line in score.errors if errors else ():
            console.print("   " + line, markup=False, highlight=False)


@evaluate_app.command("dates")
def evaluate_dates(
    gold: Annotated[Path, typer.Option(help="gold JSONL (tests/data/dates)")],
    lang: Annotated[str, typer.Option(help="language of the gold")] = "id",
    documents: Annotated[
        Path | None,
        typer.Option(help="JSONL of the articles an article gold cites (Detik dev); "
                     "without it the gold holds its own sentences"),
    ] = None,
    errors: Annotated[bool, typer.Option(help="print pantau's errors")] = False,
) -> None:
    """Accuracy of normalised date values: pantau against dateparser alone on the same
    gold (a found expression overlaps the gold one; its value must be equal)."""
    from pantau.eval import dates as ev

    cases = (ev.load_article_gold(_require(gold), _require(documents), lang) if documents
             else ev.load_sentence_gold(_require(gold), lang))
    ours = ev.evaluate(cases, ev.pantau_predict)
    console.print(ev.format_report(gold.stem, ours, ev.evaluate(cases, ev.dateparser_predict)),
                  markup=False, highlight=False)
    for line in ours.errors if errors else ():
        console.print("   " + " ".join(line.split()), markup=False, highlight=False)


@evaluate_app.command("tone")
def evaluate_tone(
    data: Annotated[Path, typer.Option(help="the ../shared/data folder")] = Path("../shared/data"),
    band: Annotated[float, typer.Option(help="|score| <= band counts as neutral")] = 0.0,
) -> None:
    """Tone sign accuracy on the CNBC headlines and NusaX valid, pantau's lexicon against
    the InSet lexicon (development use only)."""
    from pantau.eval.tone import compare

    rows = [
        (f"{name} / {lexicon}", f"{e.polar_accuracy:.4f}", f"{e.polar_precision:.4f}",
         f"{e.coverage:.4f}", f"{e.accuracy3:.4f}", f"{e.macro_f1:.4f}")
        for name, lexicon, e in compare(_require(data), (band,))
    ]
    _scores("tone (Indonesian)", rows,
            ("set / lexicon", "polar acc", "polar precision", "coverage", "3-class acc",
             "macro-F1"))


class EventGoldFormat(StrEnum):
    pantau = "pantau"
    plover = "plover"
    petrarch = "petrarch"


@evaluate_app.command("events")
def evaluate_events(
    gold: Annotated[Path, typer.Option(help="gold file (see --format)")],
    gold_format: Annotated[
        EventGoldFormat,
        typer.Option("--format", help="pantau JSONL (tests/data/events), PLOVER gold "
                     "records (PLOVER_GSR_CAMEO.txt) or PETRARCH validation records (XML)"),
    ] = EventGoldFormat.pantau,
    data: Annotated[
        Path | None, typer.Option(help="pantau format: JSONL of the documents the gold cites")
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option(help="actor dictionary to load (repeatable)")
    ] = None,
    verbs: Annotated[
        list[Path] | None, typer.Option(help="verb dictionary to load (repeatable)")
    ] = None,
    discards: Annotated[
        list[Path] | None, typer.Option(help="discard list to load (repeatable)")
    ] = None,
    show: Annotated[int, typer.Option(help="print this many errors")] = 0,
) -> None:
    """Event coding: precision and recall by root code, root code with source and target,
    and full code with actors (pantau gold); share of gold events found and extra events
    per sentence (PLOVER records); share of records coded exactly (PETRARCH records)."""
    from pantau.config import load_settings
    from pantau.eval import events
    from pantau.pipeline import Pipeline

    overrides = {"actors": tuple(map(str, actors or ())), "verbs": tuple(map(str, verbs or ())),
                 "discards": tuple(map(str, discards or ()))}
    pipeline = Pipeline(load_settings(**{k: v for k, v in overrides.items() if v}))
    _require(gold)
    if gold_format is EventGoldFormat.plover:
        p = events.evaluate_plover(events.load_plover(gold), pipeline.analyze)
        _scores(
            f"PLOVER gold records, {p.records} sentences",
            [(gold.name, str(p.records), f"{p.found_share:.4f}", f"{p.extra_per_sentence:.3f}")],
            ("gold", "sentences", "found (type, source, target)", "extra events / sentence"),
        )
        _scores("found by gold type", [(t, f"{f}/{n}") for t, (f, n) in sorted(p.by_type.items())],
                ("PLOVER type", "found"))
        _calibration(p.calibration, "the record's event")
        errors = p.errors
    elif gold_format is EventGoldFormat.petrarch:
        r = events.evaluate_petrarch(events.load_petrarch(gold), pipeline.analyze)
        _scores(
            f"PETRARCH validation records, {r.records} sentences",
            [(gold.name, str(r.records), f"{r.share:.4f}",
              f"{r.passed_with_events}/{r.with_events}")],
            ("gold", "records", "all expected events produced", "of records with events"),
        )
        errors = r.errors
    else:
        if data is None:
            console.print("[red]error:[/red] the pantau format needs --data (the articles)")
            raise typer.Exit(2)
        from pantau.eval.quotes import detik_documents

        sentences = events.load_gold(gold)
        wanted = {s.doc for s in sentences}
        documents = {i: {"text": t, "title": ti, "published": p}
                     for i, t, ti, p in detik_documents(_require(data), wanted)}
        s = events.evaluate_pantau(sentences, documents, events.lenient(pipeline))
        _scores(f"events, {s.sentences} sentences of {len(documents)} documents", s.rows(),
                ("level", "precision", "recall", "F1", "matched", "predicted", "gold"))
        accuracy = s.modality_right / s.modality_total if s.modality_total else 0.0
        console.print(f"modality accuracy on matched events: {accuracy:.3f} "
                      f"({s.modality_right}/{s.modality_total}); sentences not aligned with "
                      f"the gold text: {s.misaligned}", markup=False)
        _calibration(s.calibration, "root with actors")
        _where_when(s.where_when)
        errors = s.errors
    for line in errors[:show]:
        console.print(line, markup=False, highlight=False)


def _where_when(score: WhereWhen) -> None:
    """Place and date of the matched events, when the gold codes them."""
    if score.place:
        counts = ", ".join(f"{k} {n}" for k, n in sorted(score.place.items()))
        console.print(f"place of the matched events: precision {score.place_precision:.3f}, "
                      f"recall {score.place_recall:.3f} ({counts})", markup=False)
        _scores("gold places found, by where the article gives them",
                [(where, f"{right}/{n}")
                 for where, (right, n) in sorted(score.place_found.items())],
                ("evidence", "found"))
    if score.date:
        console.print(f"date of the matched events: {score.date_accuracy:.3f} right "
                      f"({score.date.get('right', 0)}/{sum(score.date.values())})", markup=False)


def _calibration(calibration: Calibration, right: str) -> None:
    """The events' confidence against their outcome, by band."""
    rows = [(band, str(n), f"{mean:.2f}", f"{right_ / n:.2f}")
            for band, n, right_, mean in calibration.bands()]
    _scores(f"confidence of the predicted events (right: {right}); "
            f"Brier score {calibration.brier:.4f}", rows,
            ("confidence", "events", "mean confidence", "share right"))


