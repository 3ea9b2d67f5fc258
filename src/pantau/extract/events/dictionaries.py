"""Users' own event dictionaries (`--verbs FILE`, `--actors FILE`): PETRARCH format, or
pantau's TOML (`*.toml`); and PETRARCH discard lists (`--discards FILE`)."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

from pantau.errors import ConfigError
from pantau.extract.events import petrarch
from pantau.extract.events.lexicon import EventLexicon, read_toml
from pantau.extract.events.petrarch import ActorEntry, Discards


def check_dictionaries(verbs: Sequence[str | Path], actors: Sequence[str | Path],
                       discards: Sequence[str | Path] = ()) -> list[str]:
    """Read the user's dictionaries once, before any document: a broken one raises
    `ConfigError` (one message, not one failed document each). Returns what reading the
    verb dictionaries noticed (codes outside CAMEO), for the user."""
    for path in actors:
        read_actor_file(Path(path))
    read_discard_files(discards)
    return [w for path in verbs for w in read_verb_file(Path(path), "").warnings]


def read_discard_files(paths: Sequence[str | Path]) -> Discards:
    """The users' discard lists (PETRARCH format), joined."""
    joined = Discards()
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read discard list {path}: {exc.strerror}") from exc
        joined = joined | petrarch.read_discards(text, str(path))
    return joined


def read_verb_file(path: Path, language: str) -> EventLexicon:
    """A user's verb dictionary: pantau TOML (`*.toml`) or PETRARCH format (anything else)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read verb dictionary {path}: {exc.strerror}") from exc
    if path.suffix == ".toml":
        return read_toml(text, language, str(path))
    return petrarch.read_verbs(text, language, str(path))


def read_actor_file(path: Path) -> list[ActorEntry]:
    """A user's actor dictionary: PETRARCH actors or agents, or pantau TOML."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read actor dictionary {path}: {exc.strerror}") from exc
    if path.suffix == ".toml":
        return _read_actor_toml(text, str(path))
    return petrarch.read_actors(text, str(path))


def _read_actor_toml(text: str, where: str) -> list[ActorEntry]:
    """pantau's actor format: `[[actor]] code = "IDNGOV"`, `names = ["Istana", ...]`,
    optional `agent = true` for a group noun whose code is a sector."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: {exc}") from exc
    entries = []
    for item in data.get("actor", []):
        for name in item.get("names", []):
            entries.append(
                ActorEntry(
                    tuple(name.lower().split()), str(item["code"]), bool(item.get("agent", False))
                )
            )
    if not entries:
        raise ConfigError(f"{where}: no [[actor]] entries")
    return entries
