"""`pantau train <model>`: rebuild a shipped model from the development data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pantau.errors import PantauError

train_app = typer.Typer(
    help="Rebuild the shipped models from ../shared/data.", no_args_is_help=True
)
console = Console(soft_wrap=True, highlight=False)
DEFAULT_DATA = Path("../shared/data")
#: pantau's own annotated sentences, in the source checkout (data/ner/README.md).
DEFAULT_ANNOTATED = Path("data/ner")
DataOption = Annotated[Path, typer.Option(help="development data folder")]
OutOption = Annotated[
    Path | None, typer.Option(help="folder for the model files (default: the package's)")
]


@train_app.command("ner")
def train_ner(
    lang: Annotated[str, typer.Option(help="id or en")],
    data: DataOption = DEFAULT_DATA,
    out: OutOption = None,
    seed: Annotated[int, typer.Option(help="random seed (training is reproducible)")] = 13,
    lexicons: Annotated[
        Path | None,
        typer.Option(
            help="train on the lexicon files (ner-LANG.words.txt, ner-LANG.gazetteer.txt) "
            "in this folder instead of building them anew; the shipped Indonesian model "
            "is built from the shipped ones (src/pantau/models)"
        ),
    ] = None,
    annotated: Annotated[
        Path | None,
        typer.Option(
            help="folder of pantau's annotated sentences, trained on with the corpora "
            f"(default: {DEFAULT_ANNOTATED} when it exists, as in the source checkout)"
        ),
    ] = None,
) -> None:
    """Train the named-entity recogniser for a language (only shippable sources)."""
    from pantau.extract.entities.ner import MODELS_DIR
    from pantau.extract.entities.ner_train import ANNOTATED, train

    if not data.is_dir():
        console.print(f"[red]error:[/red] no development data at {data} (--data)")
        raise typer.Exit(2)
    if annotated is None and DEFAULT_ANNOTATED.is_dir():
        annotated = DEFAULT_ANNOTATED
    if annotated is None:
        if lang in ANNOTATED:
            console.print(
                f"note: no {DEFAULT_ANNOTATED}/ here (run from the source checkout): training "
                "without pantau's annotated sentences gives another model than the shipped one"
            )
    elif not annotated.is_dir():
        console.print(f"[red]error:[/red] no annotated sentences at {annotated} (--annotated)")
        raise typer.Exit(2)
    try:
        figures = train(
            lang, data, out or MODELS_DIR, seed=seed, lexicons=lexicons, annotated=annotated
        )
    except PantauError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    console.print(json.dumps(figures, indent=1, default=str))


#: pantau's event golds, in the source checkout (tests/data/events/README.md).
DEFAULT_EVENT_GOLDS = Path("tests/data/events")


@train_app.command("events")
def train_events(
    lang: Annotated[str, typer.Option(help="id (Detik tuning golds) or en (PLOVER records)")],
    data: DataOption = DEFAULT_DATA,
    golds: Annotated[
        Path, typer.Option(help="folder of pantau's event golds (Indonesian)")
    ] = DEFAULT_EVENT_GOLDS,
    out: OutOption = None,
) -> None:
    """Fit the events' confidence: how often an event found the way the coder found it is
    one a hand coder codes too (cross-validated figures printed and kept in the file)."""
    from pantau.extract.entities.ner import MODELS_DIR
    from pantau.extract.events.confidence_train import train

    try:
        figures = train(lang, data, golds, out or MODELS_DIR)
    except PantauError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    console.print(json.dumps(figures, indent=1))
