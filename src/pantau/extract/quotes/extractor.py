"""The quotes stage: who said what, with the speaker linked to the entities layer.

Works paragraph by paragraph, so no quote runs past the paragraph that holds it and the
time stays linear in the text's length.

1. Quotation marks (“ ” " " ‘ ’ « ») are paired within the paragraph; an opening mark
   left open runs to the paragraph's end (a quote resumed in the next paragraph is a new
   span with the same speaker). A straight mark after a digit is an inch or second sign.
2. A marked span is a direct quote when it stands as speech: it opens its sentence or
   follows a colon or comma, or a speech cue follows it (“...,” kata Ryabkov). Otherwise
   it is a partial quote when its sentence has a speaker and a speech verb ("menolak
   tuntutan Moskow sebagai “gaslighting,”"), and a scare quote or a title when not.
3. The speaker: the name after the cue (skipping channels such as "kepada kantor berita
   Interfax"), the subject before a saying verb or after "menurut", the last named
   speaker for "ujarnya"/"katanya"/"kata dia", the speaker of the quote before it in the
   paragraph, or of the previous paragraph's quote when this paragraph is its
   continuation.
4. Indirect speech needs an explicit speaker: "X mengatakan (bahwa) ...", "Menurut X,
   ...", "..., X mengatakan", and the English equivalents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pantau.extract.quotes.lexicon import (
    Phrase,
    QuoteLexicon,
    describes_person,
    load_quote_lexicon,
)
from pantau.model import Analysis, Entity, Quote
from pantau.nlp.tokens import Token, tokenize

OPENERS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“"}
MIN_DIRECT_WORDS = 3
"""A quotation shorter than this inside a sentence is partial (or a scare quote)."""
MIN_CLAUSE_WORDS = 4
SPEAKER_WINDOW = 12
"""Tokens after a cue (or before a verb) within which the speaker's name must be."""
DESCRIPTION_WORDS = 8
"""Words at most in a description standing for the last speaker ("Politikus PKB ini")."""

_SPEECH_END = re.compile(r"[,.!?…:;]\s*$")


@dataclass
class _Marked:
    open: int
    start: int
    end: int
    close: int
    """Offsets: the opening mark, the quoted text [start, end), the closing mark's end."""


@dataclass
class _Speaker:
    entity: Entity | None
    name: str
    start: int | None = None
    """Where the speaker's name starts in the text, when it is named there."""


class QuoteExtractor:
    """A pipeline stage: fills `analysis.quotes` (after the entities stage)."""

    def __call__(self, analysis: Analysis) -> None:
        lexicon = load_quote_lexicon(analysis.language)
        if lexicon.empty:
            return
        _Document(analysis, lexicon).extract()


class _Document:
    def __init__(self, analysis: Analysis, lexicon: QuoteLexicon) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.lexicon = lexicon
        self.mentions = sorted(
            ((m.start, m.end, e)
             for e in analysis.entities
             if e.type in ("PERSON", "ORG")
             for m in e.mentions),
            key=lambda mention: mention[:2],  # entities themselves do not compare
        )
        self.by_start = {m[0]: m for m in reversed(self.mentions)}
        self.by_end = {m[1]: m for m in reversed(self.mentions)}
        self.sentences = [(s.start, s.end) for s in analysis.sentences]
        self.name_parts = _name_parts(analysis.entities)
        self.quotes: list[Quote] = []
        self.last_speaker: _Speaker | None = None

    def extract(self) -> None:
        previous: _Speaker | None = None
        for start, end in _paragraphs(self.text):
            previous = self._paragraph(start, end, previous)
        self.analysis.quotes = sorted(self.quotes, key=lambda q: q.start)

    # -- paragraphs --------------------------------------------------------------------

    def _paragraph(self, start: int, end: int, previous: _Speaker | None) -> _Speaker | None:
        """Quotes of one paragraph; returns the speaker a following paragraph continues."""
        marked = _marked_spans(self.text, start, end)
        speaker_here: _Speaker | None = None
        direct_spans: list[tuple[int, int]] = []
        for span in marked:
            words = len(self.text[span.start : span.end].split())
            cue, speaker = self._cue_after(span.close, end, span.open)
            if speaker is None:
                cue_before, speaker = self._cue_before(span.open, start)
                cue = cue or cue_before
            if words < MIN_DIRECT_WORDS or not (cue or self._stands_alone(span, start)):
                if cue and speaker is not None:
                    # “realistis,” kata Ryabkov: a few quoted words with their own cue
                    self._add(span.start, span.end, "partial", speaker, cue)
                    speaker_here = self.last_speaker = speaker
                else:
                    self._partial(span)
                continue
            if speaker is None:
                # no cue of its own: the paragraph's speaker, or the previous paragraph's
                # when this paragraph opens with the quote
                speaker = speaker_here or (previous if span.open == start else None)
            if speaker is None:
                continue
            speaker_here = speaker
            self.last_speaker = speaker
            direct_spans.append((span.open, span.close))
            self._add(span.start, span.end, "direct", speaker, cue)
        self._indirect(start, end, direct_spans)
        opens_quote = bool(marked) and marked[-1].close >= end
        return speaker_here if speaker_here and (opens_quote or direct_spans) else None

    def _stands_alone(self, span: _Marked, start: int) -> bool:
        """The quote is its own sentence, or follows "X mengatakan:" / "...,"."""
        before = self.text[self._sentence_start(span.open, start) : span.open].strip()
        return not before or before.endswith((":", ","))

    def _sentence_start(self, position: int, paragraph_start: int) -> int:
        start = self._sentence_of(position)[0]
        return max(start, paragraph_start) if start <= position else paragraph_start

    def _sentence_of(self, position: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= position < e:
                return s, e
        return position, position

    # -- cues and speakers -------------------------------------------------------------

    def _cue_after(
        self, position: int, end: int, opening: int
    ) -> tuple[str | None, _Speaker | None]:
        tokens = tokenize(self.text, position, min(end, position + 300))
        words = [t.text.lower() for t in tokens]
        first = 0
        while first < len(tokens) and tokens[first].text in {",", ".", "!", "?"}:
            first += 1
        if first >= len(tokens):
            return None, None
        anaphoric = self.lexicon.match(words, first, self.lexicon.anaphoric)
        if anaphoric is not None:
            cue = self._span_text(tokens, first, anaphoric)
            return cue, self.last_speaker or self._person_before(opening)
        after = self.lexicon.match(words, first, self.lexicon.after)
        if after is not None:
            cue = self._span_text(tokens, first, after)
            return cue, self._speaker_after(tokens, after)
        # “...,” Ryabkov menambahkan. / "..." team member Rodaba Noori told the press
        for i in range(first, min(len(tokens), first + SPEAKER_WINDOW // 2)):
            if not tokens[i].text[:1].isalnum():
                break
            mention = self._mention_at(tokens[i].start)
            if mention is None:
                continue
            following = self._token_index(tokens, mention[1])
            if following is not None and (
                self._is_verb(words, following)
                or self.lexicon.match(words, following, self.lexicon.after) is not None
            ):
                end_verb = self._verb_end(words, following)
                speaker = _Speaker(mention[2], mention[2].name, mention[0])
                return self._span_text(tokens, following, end_verb), speaker
            break
        return None, None

    def _person_before(self, position: int) -> _Speaker | None:
        """Whom "ujarnya" points to when nobody has been quoted yet ("Kepala BMKG Irwan
        Slamet meninjau lokasi. “Kami mengimbau ...,” ujarnya."): the last person named
        in the two sentences before the quote, outside the quotes found so far, whom the
        entities stage knows by a title or an actor code (a name the recogniser got
        wrong, such as an event "Slamet Trail Run", has neither)."""
        sentence = next((i for i, (s, e) in enumerate(self.sentences) if s <= position < e),
                        None)
        if sentence is None:
            return None
        lo = self.sentences[max(0, sentence - 2)][0]
        quoted = [(q.start, q.end) for q in self.quotes]
        for start, end, entity in reversed(self.mentions):
            if (lo <= start and end <= position and entity.type == "PERSON"
                    and (entity.roles or entity.actor_code)
                    and not any(s <= start < e for s, e in quoted)):
                return _Speaker(entity, entity.name, start)
        return None

    def _cue_before(self, position: int, start: int) -> tuple[str | None, _Speaker | None]:
        """ "X mengatakan: “...”" or "Menurut X, “...”" """
        sentence_start = self._sentence_start(position, start)
        before = self.text[sentence_start:position].rstrip()
        tokens = tokenize(self.text, sentence_start, position)
        words = [t.text.lower() for t in tokens]
        ends_with_verb = bool(tokens) and self._is_verb(words, len(tokens) - 1)
        if not (before.endswith((":", ",")) or ends_with_verb):
            return None, None  # 'X said "..."' needs no comma
        for i in range(len(tokens)):
            if self.lexicon.match(words, i, self.lexicon.according) is not None:
                speaker = self._speaker_after(tokens, i + 1)
                if speaker:
                    return tokens[i].text, speaker
            if self._is_verb(words, i):
                speaker = self._speaker_before(tokens, i)
                if speaker:
                    return self._span_text(tokens, i, self._verb_end(words, i)), speaker
        return None, None

    def _speaker_after(self, tokens: Sequence[Token], index: int) -> _Speaker | None:
        """The first person or organisation named after a cue, skipping channels; the
        last named speaker for a description closed by a demonstrative ("tutup Anggota
        DPR RI Komisi XII tersebut", as "Politikus PKB ini menilai" before a verb)."""
        words = [t.text.lower() for t in tokens]
        limit = min(len(tokens), index + SPEAKER_WINDOW)
        end = next((k for k in range(index, len(tokens)) if tokens[k].text in {
            ",", ".", "!", "?", ";"}), len(tokens))
        if (self.last_speaker is not None and 1 < end - index <= DESCRIPTION_WORDS
                and (words[end - 1],) in self.lexicon.demonstratives
                and describes_person(self.analysis.language, words, index)):
            return self.last_speaker
        i = index
        while i < limit:
            if tokens[i].text in {".", "!", "?", ";"}:
                break
            if self.lexicon.match(words, i, self.lexicon.channel) is not None:
                # "kepada kantor berita Interfax": skip to the end of the named channel
                i = self._skip_channel(tokens, i)
                continue
            mention = self._mention_at(tokens[i].start)
            if mention is not None:
                return self._person_behind(tokens, i, limit, mention)
            person = self.name_parts.get(tokens[i].text)
            if person is not None:
                return _Speaker(person, person.name, tokens[i].start)
            i += 1
        description = self._description(tokens, index) or self._named_after_cue(tokens, index)
        return _Speaker(None, description) if description else None

    def _named_after_cue(self, tokens: Sequence[Token], index: int) -> str | None:
        """A speaker the entities layer does not know: “...,” kata Bu Titik / kata hakim."""
        words = [t.text.lower() for t in tokens]
        end = index
        while end < min(len(tokens), index + 6):
            if not tokens[end].text[:1].isalnum() or (words[end],) in self.lexicon.speaker_stops:
                break
            end += 1
        for j in range(index, end):
            person = self.name_parts.get(tokens[j].text)
            if person is not None:  # "Kasat Reskrim Polres Bogor AKP Teguh"
                return person.name
        return self._span_text(tokens, index, end) if end > index else None

    def _person_behind(
        self, tokens: Sequence[Token], i: int, limit: int, mention: tuple[int, int, Entity]
    ) -> _Speaker:
        """ "kata ketua Komisi Eropa Ursula von der Leyen": the organisation is part of the
        title of the person named after it, who is the speaker."""
        if mention[2].type == "PERSON":
            return _Speaker(mention[2], mention[2].name, mention[0])
        words = [t.text.lower() for t in tokens]
        for j in range(i + 1, min(len(tokens), limit + 4)):
            if tokens[j].text in {".", ";", "!", "?"} or (words[j],) in self.lexicon.channel:
                break
            person = self._mention_at(tokens[j].start)
            if person is not None and person[2].type == "PERSON":
                return _Speaker(person[2], person[2].name, person[0])
            named = self.name_parts.get(tokens[j].text)
            if named is not None:
                return _Speaker(named, named.name, tokens[j].start)
        return _Speaker(mention[2], mention[2].name, mention[0])

    def _skip_channel(self, tokens: Sequence[Token], i: int) -> int:
        j = i + 1
        while j < len(tokens) and j < i + 6:
            mention = self._mention_at(tokens[j].start)
            if mention is not None:
                following = self._token_index(tokens, mention[1])
                return following if following is not None else len(tokens)
            j += 1
        return i + 1

    def _description(self, tokens: Sequence[Token], index: int) -> str | None:
        """An unnamed speaker: "seorang pejabat AS", "a government spokesperson"."""
        words = [t.text.lower() for t in tokens]
        for i in range(index, min(len(tokens), index + 3)):
            if self.lexicon.match(words, i, self.lexicon.anonymous) is not None:
                end = i
                while end < len(tokens) and tokens[end].text not in {",", ".", ";", "!", "?"}:
                    end += 1
                return self._span_text(tokens, i, min(end, i + 8))
        return None

    def _speaker_before(self, tokens: Sequence[Token], verb: int) -> _Speaker | None:
        """The subject of a saying verb: the nearest name before it in the clause, or the
        last named speaker for a pronoun ("Ia mengatakan")."""
        words = [t.text.lower() for t in tokens]
        for size in (1, 2):
            if verb >= size and tuple(words[verb - size : verb]) in self.lexicon.pronouns:
                return self.last_speaker
        if verb >= 2 and (words[verb - 1],) in self.lexicon.demonstratives and self._describes(
                words, verb - 1):
            return self.last_speaker  # "Wasekjen Gerindra ini menilai ..."
        for i in range(verb - 1, max(-1, verb - SPEAKER_WINDOW), -1):
            if tokens[i].text in {".", ";"}:
                break
            mention = self._mention_ending_at(tokens[i].end)
            if mention is not None and not self._possessor(tokens, mention[0]):
                return _Speaker(mention[2], mention[2].name, mention[0])
            person = self.name_parts.get(tokens[i].text)
            if person is not None and i == verb - 1:
                return _Speaker(person, person.name, tokens[i].start)
        for i in range(0, min(verb, 3)):
            if self.lexicon.match(words, i, self.lexicon.anonymous) is not None:
                # "Seorang pejabat AS, yang berbicara dengan syarat anonim, memperingatkan"
                end = i
                while end < verb and tokens[end].text not in {",", "(", ";"}:
                    end += 1
                return _Speaker(None, self._span_text(tokens, i, end), tokens[i].start)
        return None

    def _describes(self, words: Sequence[str], end: int) -> bool:
        """Whether the words opening the sentence (or after its last comma) up to `end`
        describe a person: a role title or a word of `described_persons` first."""
        start = next((i + 1 for i in range(end - 1, -1, -1) if words[i] in {",", '"', "“"}), 0)
        if not 0 < end - start <= DESCRIPTION_WORDS:
            return False
        return describes_person(self.analysis.language, words, start)

    def _possessor(self, tokens: Sequence[Token], start: int) -> bool:
        """Whether the name starting at `start` owns the noun before it ("pengumuman
        Musk"): no subject of the saying verb after it."""
        k = self._token_index(tokens, start)
        return bool(k) and self.lexicon.possessed(tokens[k - 1].text)

    # -- partial and indirect ----------------------------------------------------------

    def _partial(self, span: _Marked) -> None:
        sentence = self._sentence_of(span.open)
        tokens = tokenize(self.text, sentence[0], sentence[1])
        words = [t.text.lower() for t in tokens]
        for i in range(len(tokens)):
            if self._is_verb(words, i) or self.lexicon.match(words, i, self.lexicon.acts):
                speaker = self._speaker_before(tokens, i)
                if speaker is not None:
                    self._add(span.start, span.end, "partial", speaker, None)
                    return
        for i in range(len(tokens)):
            if self.lexicon.match(words, i, self.lexicon.after) is not None and i > 0:
                if tokens[i - 1].text == ",":
                    speaker = self._speaker_after(tokens, i + 1)
                    if speaker is not None and speaker.entity is not None:
                        self._add(span.start, span.end, "partial", speaker, tokens[i].text)
                        return

    def _indirect(self, start: int, end: int, quoted: list[tuple[int, int]]) -> None:
        for s, e in self.sentences:
            if s < start or e > end or any(qs < e and s < qe for qs, qe in quoted):
                continue
            tokens = tokenize(self.text, s, e)
            words = [t.text.lower() for t in tokens]
            found = self._according(tokens, words) or self._said_that(tokens, words)
            found = found or self._clause_then_speaker(tokens, words)
            if found is not None:
                clause_start, clause_end, speaker, cue = found
                if len(self.text[clause_start:clause_end].split()) >= MIN_CLAUSE_WORDS:
                    self._add(clause_start, clause_end, "indirect", speaker, cue)

    def _according(self, tokens: list[Token], words: list[str]):  # noqa: ANN202
        """ "Menurut X, CLAUSE." and "Menurutnya(,) CLAUSE." """
        first = 1 if words and words[0] in {"namun", "tetapi", "sementara", "but"} else 0
        anaphoric = self.lexicon.match(words, first, self.lexicon.according_anaphoric)
        if anaphoric is not None and self.last_speaker is not None:
            clause = anaphoric + (
                1 if anaphoric < len(tokens) and tokens[anaphoric].text == "," else 0
            )
            cue = self._span_text(tokens, first, anaphoric)
            return (*self._clause(tokens, clause, len(tokens)), self.last_speaker, cue)
        after = self.lexicon.match(words, first, self.lexicon.according)
        if after is None:
            return None
        speaker = self._speaker_after(tokens, after)
        comma = next((i for i in range(after, len(tokens)) if tokens[i].text == ","), None)
        if speaker is None or speaker.entity is None or comma is None:
            return None
        return (*self._clause(tokens, comma + 1, len(tokens)), speaker, tokens[0].text)

    def _said_that(self, tokens: list[Token], words: list[str]):  # noqa: ANN202
        """ "X mengatakan (kepada Y) (bahwa) CLAUSE." """
        for i in range(1, len(tokens)):
            verb = self._is_verb(words, i)
            act = self.lexicon.match(words, i, self.lexicon.acts) is not None
            if not (verb or act):
                continue
            speaker = self._speaker_before(tokens, i)
            if speaker is None:
                continue
            verb_end = self._verb_end(words, i) if verb else i + 1
            clause = verb_end
            for j in range(verb_end, min(len(tokens), verb_end + 8)):
                if self.lexicon.match(words, j, self.lexicon.complementizers) is not None:
                    clause = j + 1
                    break
            else:
                if act:
                    continue  # "menolak tuntutan": an action, not reported speech
                if self.lexicon.match(words, verb_end, self.lexicon.channel) is not None:
                    continue
                if self.lexicon.match(words, verb_end, self.lexicon.object_starters):
                    continue  # "menyampaikan soal ...": a topic, not what was said
            if clause < len(tokens) and tokens[clause].text == ",":
                clause += 1  # "Ia mengatakan, hal itu ..."
            cue = self._span_text(tokens, i, verb_end)
            return (*self._clause(tokens, clause, len(tokens)), speaker, cue)
        return None

    def _clause_then_speaker(self, tokens: list[Token], words: list[str]):  # noqa: ANN202
        """ "CLAUSE, X mengatakan (kepada ...)." """
        for comma in range(len(tokens) - 2, 0, -1):
            if tokens[comma].text != ",":
                continue
            for i in range(comma + 1, min(len(tokens), comma + SPEAKER_WINDOW)):
                if self._is_verb(words, i) or self.lexicon.match(words, i, self.lexicon.after):
                    speaker = self._speaker_before(tokens, i)
                    named_after_comma = speaker and (speaker.start or -1) >= tokens[comma].end
                    if speaker is None or speaker.entity is None or not named_after_comma:
                        break
                    cue_end = self._verb_end(words, i) if self._is_verb(words, i) else i + 1
                    cue = self._span_text(tokens, i, cue_end)
                    return (*self._clause(tokens, 0, comma), speaker, cue)
            break
        return None

    # -- helpers -----------------------------------------------------------------------

    def _clause(self, tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
        while last > first and tokens[last - 1].text in {".", "!", "?", ",", ";"}:
            last -= 1
        if first >= last:
            return tokens[-1].end, tokens[-1].end
        return tokens[first].start, tokens[last - 1].end

    def _is_verb(self, words: list[str], i: int) -> bool:
        return self.lexicon.match(words, i, self.lexicon.verbs) is not None

    def _verb_end(self, words: list[str], i: int) -> int:
        return self.lexicon.match(words, i, self.lexicon.verbs) or i + 1

    def _mention_at(self, position: int) -> tuple[int, int, Entity] | None:
        return self.by_start.get(position)

    def _mention_ending_at(self, position: int) -> tuple[int, int, Entity] | None:
        return self.by_end.get(position)

    @staticmethod
    def _token_index(tokens: Sequence[Token], position: int) -> int | None:
        for i, token in enumerate(tokens):
            if token.start >= position:
                return i
        return None

    def _span_text(self, tokens: Sequence[Token], first: int, last: int) -> str:
        return self.text[tokens[first].start : tokens[last - 1].end]

    def _add(self, start: int, end: int, kind: str, speaker: _Speaker, cue: str | None) -> None:
        """Record a quote; an indirect clause may hold partial quotes, nothing else nests.
        A comma before the closing mark belongs to the attribution, not the quote."""
        while end > start and self.text[end - 1] in ", ":
            end -= 1
        if end == start:
            return  # nothing but a comma was quoted: 'Menurut kata , “ ,'
        for q in self.quotes:
            if q.start < end and start < q.end and "indirect" not in (kind, q.kind):
                return
            if (q.start, q.end) == (start, end):
                return
        self.last_speaker = speaker
        self.quotes.append(
            Quote(
                text=self.text[start:end],
                start=start,
                end=end,
                kind=kind,
                speaker=speaker.entity.id if speaker.entity else None,
                speaker_name=speaker.name,
                cue=cue,
            )
        )


def _name_parts(entities: Sequence[Entity]) -> dict[str, Entity]:
    """First and last names of the document's people, where only one person has them:
    "kata Adian" is Adian Napitupulu when the model did not tag the short form."""
    parts: dict[str, Entity | None] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        words = entity.name.split()
        for part in {words[0], words[-1]} if len(words) > 1 else set():
            if part[:1].isupper() and len(part) > 2:
                parts[part] = None if part in parts and parts[part] is not entity else entity
    return {part: entity for part, entity in parts.items() if entity is not None}


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _marked_spans(text: str, start: int, end: int) -> list[_Marked]:
    """Quotation-mark pairs in text[start:end]; an unclosed one runs to `end`."""
    spans: list[_Marked] = []
    i = start
    while i < end:
        ch = text[i]
        closer = OPENERS.get(ch)
        if closer is None or not _opens(text, i, start, ch):
            i += 1
            continue
        j = i + 1
        while j < end and not (text[j] == closer and _closes(text, j, end, closer)):
            j += 1
        inner_start, inner_end = i + 1, min(j, end)
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > inner_start:
            spans.append(_Marked(i, inner_start, inner_end, min(j + 1, end)))
        i = j + 1
    return spans


def _opens(text: str, i: int, start: int, mark: str) -> bool:
    before = text[i - 1] if i > start else " "
    if mark == '"' and before.isdigit():
        return False  # 5" is five inches
    if mark in "‘'":
        return not before.isalnum()  # Qur’an, Mu’awiyah: apostrophes
    return True


def _closes(text: str, j: int, end: int, mark: str) -> bool:
    if mark == "’":
        after = text[j + 1] if j + 1 < end else " "
        return not after.isalpha()
    return True


__all__ = ["QuoteExtractor", "Phrase"]
