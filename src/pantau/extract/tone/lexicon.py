"""A language's tone knowledge, from `lang/<code>/tone.tsv` and `lang/<code>/tone.toml`.

`tone.tsv` holds one entry a line, ``word<TAB>weight``: a word (or a phrase of up to
three words separated by single spaces), lower-case, with a polarity weight in
[-1, 1] (1 a fully positive word, -1 a fully negative one). Lines starting with ``#``
are comments. `tone.toml` holds the rules around the words, all optional:

- ``negators``: words that flip the polarity of the next lexicon word within
  ``negation_window`` words ("tidak bagus", "not good"); ``negator_suffixes`` do the
  same for words ending with them ("don't");
- ``negation_stops``: words that end a negation's reach ("tetapi", "but"); any token
  without a letter or digit (punctuation) ends it too;
- ``intensifiers_before`` / ``intensifiers_after``: factors applied to a lexicon word
  right before / after them ("sangat bagus", "enak banget"); below 1 dampens;
- ``strip_suffixes``: clitics tried off the end of a word missing from the lexicon
  ("kecewanya" -> "kecewa").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from pantau.errors import ConfigError

MAX_PHRASE = 3


@dataclass(frozen=True)
class ToneLexicon:
    words: dict[tuple[str, ...], float]
    negators: frozenset[str] = frozenset()
    negator_suffixes: tuple[str, ...] = ()
    negation_window: int = 3
    negation_stops: frozenset[str] = frozenset()
    intensifiers_before: dict[str, float] = field(default_factory=dict)
    intensifiers_after: dict[str, float] = field(default_factory=dict)
    strip_suffixes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.words

    def is_negator(self, word: str) -> bool:
        return word in self.negators or (
            bool(self.negator_suffixes) and word.endswith(self.negator_suffixes)
        )

    def lookup(self, words: list[str], position: int) -> tuple[float, int] | None:
        """The weight and end of the longest entry starting at `position`, or None.

        A single word missing from the lexicon is tried again without each of
        `strip_suffixes`, and a hyphenated one ("kue-kue") by its first part."""
        for size in range(min(MAX_PHRASE, len(words) - position), 1, -1):
            weight = self.words.get(tuple(words[position : position + size]))
            if weight is not None:
                return weight, position + size
        word = words[position]
        weight = self.words.get((word,))
        if weight is None:
            for suffix in self.strip_suffixes:
                if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                    weight = self.words.get((word[: -len(suffix)],))
                    if weight is not None:
                        break
        if weight is None and "-" in word:
            weight = self.words.get((word.split("-", 1)[0],))
        return None if weight is None else (weight, position + 1)


def read_tone_words(text: str, source: str = "tone.tsv") -> dict[tuple[str, ...], float]:
    """Parse a ``word<TAB>weight`` list; a repeated entry keeps its last weight."""
    words: dict[tuple[str, ...], float] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        try:
            weight = float(parts[1])
        except (IndexError, ValueError):
            raise ConfigError(f"{source}:{number}: expected word<TAB>weight") from None
        key = tuple(parts[0].strip().lower().split())
        if key and len(key) <= MAX_PHRASE:
            words[key] = max(-1.0, min(1.0, weight))
    return words


def build_lexicon(words: dict[tuple[str, ...], float], rules: dict) -> ToneLexicon:  # type: ignore[type-arg]
    def lower(values: list[str]) -> frozenset[str]:
        return frozenset(v.lower() for v in values)

    return ToneLexicon(
        words=words,
        negators=lower(rules.get("negators", [])),
        negator_suffixes=tuple(s.lower() for s in rules.get("negator_suffixes", [])),
        negation_window=int(rules.get("negation_window", 3)),
        negation_stops=lower(rules.get("negation_stops", [])),
        intensifiers_before={
            k.lower(): float(v) for k, v in rules.get("intensifiers_before", {}).items()
        },
        intensifiers_after={
            k.lower(): float(v) for k, v in rules.get("intensifiers_after", {}).items()
        },
        strip_suffixes=tuple(rules.get("strip_suffixes", [])),
    )


def read_rules(text: str, source: str = "tone.toml") -> dict:  # type: ignore[type-arg]
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: {exc}") from exc


@cache
def load_tone_lexicon(lang: str | None) -> ToneLexicon | None:
    """The shipped lexicon of `lang`, or None when its pack has no `tone.tsv`."""
    if not lang or not lang.isalpha():
        return None
    folder = resources.files("pantau.lang") / lang
    words_file, rules_file = folder / "tone.tsv", folder / "tone.toml"
    if not words_file.is_file():
        return None
    words = read_tone_words(words_file.read_text(encoding="utf-8"), f"lang/{lang}/tone.tsv")
    rules = (
        read_rules(rules_file.read_text(encoding="utf-8"), f"lang/{lang}/tone.toml")
        if rules_file.is_file()
        else {}
    )
    return build_lexicon(words, rules)


def lexicon_from_files(words: Path, rules: Path | None = None) -> ToneLexicon:
    """A lexicon from any files of the same formats (to compare another word list)."""
    data = read_rules(rules.read_text(encoding="utf-8"), str(rules)) if rules else {}
    return build_lexicon(read_tone_words(words.read_text(encoding="utf-8"), str(words)), data)
