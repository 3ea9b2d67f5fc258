"""Settings: defaults < pantau.toml < environment (PANTAU_*) < CLI flags.

`pantau.toml` is read from the working directory unless a path is given. Keys are the
field names of `Settings`; environment variables are the same names upper-cased with a
`PANTAU_` prefix (lists comma-separated), e.g. `PANTAU_MAX_BYTES=2000000`.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pantau.errors import ConfigError

DEFAULT_CONFIG_FILE = "pantau.toml"

# Indonesian and Malay first (the languages pantau reads natively, and the pair lingua
# confuses), English, then the languages world news is most often written in.
DEFAULT_LANGUAGES = ("id ms en ar zh fr de es pt ru it nl tr ja ko hi vi th tl").split()


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 10_000_000
    """Inputs larger than this are refused (a clear error, not a crash or a stall)."""
    languages: tuple[str, ...] = field(default_factory=lambda: tuple(DEFAULT_LANGUAGES))
    """Languages the detector may answer; fewer is faster and more accurate."""
    mixed_language_share: float = 0.2
    """A second language holding at least this share of the text flags a mixed page."""
    db: str = "pantau.duckdb"
    workers: int = 1
    batch_size: int = 25
    """Documents written to the store per transaction during `pantau run`."""
    actors: tuple[str, ...] = ()
    """User actor dictionaries (PETRARCH format, or pantau's `*.toml`) for event coding."""
    verbs: tuple[str, ...] = ()
    """User verb dictionaries (PETRARCH format, or pantau's `*.toml`) for event coding."""
    discards: tuple[str, ...] = ()
    """User discard lists (PETRARCH format): sentences or stories with no events."""

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "str":
            return str(value)
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        return tuple(str(v) for v in value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {value!r} ({exc})") from exc


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the layers, later layers winning; `None` overrides are ignored."""
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}

    path = Path(config_file) if config_file else Path(DEFAULT_CONFIG_FILE)
    if config_file and not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
        data = data.get("pantau", data)
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
        values.update(data)

    for name in known:
        env = os.environ.get(f"PANTAU_{name.upper()}")
        if env is not None:
            values[name] = env

    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**{k: _coerce(k, v) for k, v in values.items()})
