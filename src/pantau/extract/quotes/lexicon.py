"""A language's speech cues, from `lang/<code>/quotes.toml`."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources

from pantau.extract.entities.roles import load_roles

Phrase = tuple[str, ...]


def _phrases(values: list[str]) -> frozenset[Phrase]:
    return frozenset(tuple(v.lower().split()) for v in values)


@dataclass(frozen=True)
class QuoteLexicon:
    after: frozenset[Phrase]
    """Cue words between a quote and its speaker: “...,” kata Ryabkov."""
    anaphoric: frozenset[Phrase]
    """Cues meaning "the last speaker": “...,” ujarnya."""
    verbs: frozenset[Phrase]
    """Saying verbs: X mengatakan (bahwa) ..."""
    acts: frozenset[Phrase]
    """Speech acts, reported speech only with a complementizer: X membantah bahwa ..."""
    according: frozenset[Phrase]
    complementizers: frozenset[Phrase]
    channel: frozenset[Phrase]
    """Words before a name that make it the channel, not the speaker ("kepada Interfax")."""
    anonymous: frozenset[Phrase]
    pronouns: frozenset[Phrase]
    """Subject pronouns: "Ia mengatakan ..." is the last named speaker."""
    according_anaphoric: frozenset[Phrase]
    """ "Menurutnya, ...": the last named speaker."""
    object_starters: frozenset[Phrase]
    """Words that open a noun object, not a reported clause: "menyampaikan soal ..." """
    speaker_stops: frozenset[Phrase]
    """Words that end an unnamed speaker's description: “...,” kata hakim di ..."""
    demonstratives: frozenset[Phrase] = frozenset()
    """Words closing a description that stands for the last speaker ("Politikus PKB ini
    mengapresiasi ...") when it opens with a role title or one of `described_persons`."""
    described_persons: frozenset[Phrase] = frozenset()
    """Nouns that describe a person ("politikus", "pria"), besides the role titles."""
    possessed_affixes: frozenset[Phrase] = frozenset()
    """Affixes of nouns made from verbs, written "prefix-suffix": a name right after such
    a noun owns it and says nothing ("pengumuman Musk, menyebut ...")."""

    def possessed(self, word: str) -> bool:
        """Whether a word is a noun made from a verb ("pengumuman", "keputusan")."""
        return any(len(word) > len(pre) + len(suf) + 2 and word.startswith(pre)
                   and word.endswith(suf)
                   for (affix,) in self.possessed_affixes
                   for pre, suf in [affix.split("-", 1)])

    @property
    def empty(self) -> bool:
        return not (self.after or self.verbs)

    @staticmethod
    def match(words: list[str], position: int, phrases: frozenset[Phrase]) -> int | None:
        """The end of the longest phrase of `phrases` starting at `position`, or None."""
        for size in (3, 2, 1):
            end = position + size
            if end <= len(words) and tuple(words[position:end]) in phrases:
                return end
        return None


@cache
def load_quote_lexicon(lang: str | None) -> QuoteLexicon:
    file = resources.files("pantau.lang") / (lang or "_") / "quotes.toml"
    data = tomllib.loads(file.read_text(encoding="utf-8")) if file.is_file() else {}
    return QuoteLexicon(
        **{field.name: _phrases(data.get(field.name, [])) for field in fields(QuoteLexicon)}
    )


@cache
def person_heads(lang: str | None) -> frozenset[Phrase]:
    """Words opening a description of a person: the language pack's role titles and its
    quote lexicon's `described_persons`."""
    titles = load_roles(lang).heads if lang else {}
    return frozenset(titles) | load_quote_lexicon(lang).described_persons


def describes_person(lang: str | None, words: Sequence[str], start: int) -> bool:
    """Whether the (lower-case) words from `start` open a description of a person: a role
    title of up to three words, or one of `described_persons` ("Politikus PKB ini")."""
    heads = person_heads(lang)
    return any(tuple(words[start:start + size]) in heads for size in (1, 2, 3))
