"""Statistical named-entity recognition: a linear-chain CRF over lexical features.

A model is a python-crfsuite file plus two small text lexicons beside it, all built by
`pantau train ner --lang LANG` (`pantau.extract.entities.ner_train`):

- ``ner-LANG.crfsuite``       the CRF weights;
- ``ner-LANG.words.txt``      ``word TAB bits TAB tags``: per lower-cased word, its class in
                              a binary hierarchy learned from unlabelled text (bit-string
                              prefixes are features) and corpus statistics as feature tags
                              (how often cased text capitalises it, how often NER-Prosa
                              labels it a person or place);
- ``ner-LANG.gazetteer.txt``  ``TYPE TAB name``: lower-cased names of people, organisations
                              and places from knowledge bases, matched longest-first; TYPE
                              may carry a sub-category (``ORG:gov``, ``ORG:party``,
                              ``ORG:media`` ...), a feature of its own (``gfine``);
- ``ner-LANG.genre.txt``      (Indonesian) ``word TAB weight``: a naive Bayes guess of a text's
                              genre, news or encyclopaedic, the two labelled corpora's
                              conventions (``ner_genre``); features get genre-conjoined copies;
- ``ner-LANG.neural.npz``     (Indonesian) a BiLSTM-CRF over the same attributes
                              (ner_neural), whose tag marginals are mixed with the CRF's;
- ``ner-LANG.json``           feature settings and training figures.

Tags are BIO over PER, ORG and LOC. Features are computed once per distinct token string
and cached, so tagging costs little beyond crfsuite's pass; with a neural model, the CRF's
marginals are computed from its weights with numpy instead, a batch at a time (ner_crf).
"""

from __future__ import annotations

import json
import struct
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycrfsuite

from pantau.errors import PantauError
from pantau.extract.entities.ner_crf import CrfWeights
from pantau.extract.entities.ner_neural import LABELS as NEURAL_LABELS
from pantau.extract.entities.ner_neural import NeuralTagger, decode

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
FEATURE_VERSION = 3
TYPES = ("PER", "ORG", "LOC")
#: With feature group ``genre-lite``, attributes that get no genre copy: affixes, the
#: words two away and the neighbours' clusters (fewer attributes, faster tagging).
GENRE_LITE_SKIP = ("p2=", "p3=", "s2=", "s3=", "s4=", "-1s3=", "+1s3=", "-2", "+2", "-1c", "+1c")
#: Weight of the CRF's marginals in the mixture with the neural model's (ner_neural):
#: half and half was best on the held-out tenths (docs/ner.md, "Seventh follow-up").
CRF_WEIGHT = 0.5
#: A sentence to whose every token the neural model gives "O" at least this probability
#: is tagged without asking the CRF (a fifth of news tokens; the CRF would have to be
#: surer of a name than the neural model is of none to change the mixture: no tag of
#: the dev and Detik sets changes, docs/ner.md).
SURE_OUTSIDE = 0.999
#: Sentences the neural model reads at once: at most this many tokens with padding
#: (sentences times the longest's length; about 10 kB each while tagging).
NEURAL_BATCH_CELLS = 2048
#: Distinct token strings whose features are kept (about 2 kB each): ~100 MB at most.
CACHE_SIZE = 50_000

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)


class ModelError(PantauError):
    """A model file is missing, corrupt or was built for another feature version."""


def _rebuild_hint(lang: str) -> str:
    return f"rebuild it with `pantau train ner --lang {lang}`"


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end exclusive, type)`` of a BIO tag sequence.

    A stray ``I-X`` (after O, or after an entity of another type) starts a new entity,
    the way conlleval reads it; a bare type ``X`` is read as ``B-X``.
    """
    out: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for i, tag in enumerate(tags):
        if not tag or tag == "O":
            if start >= 0:
                out.append((start, i, kind))
                start = -1
            continue
        prefix, _, label = tag.partition("-")
        if not label:
            prefix, label = "B", prefix
        if prefix == "I" and start >= 0 and label == kind:
            continue
        if start >= 0:
            out.append((start, i, kind))
        start, kind = i, label
    if start >= 0:
        out.append((start, len(tags), kind))
    return out


# --------------------------------------------------------------------------- features


def normalise(token: str) -> str:
    """The token as features see it: typographic quotes and dashes folded to ASCII."""
    if token.isascii():
        return token
    return token.translate(_QUOTES) or token


def shape(token: str) -> str:
    """Collapsed character classes: ``Joko`` -> ``Xx``, ``U.S.`` -> ``X.X.``, ``2025`` -> ``d``."""
    out = []
    prev = ""
    for ch in token:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c != prev:
            out.append(c)
            prev = c
    return "".join(out)[:8]


class Lexicon:
    """Word clusters and a gazetteer, the lexical knowledge a model's features read."""

    def __init__(
        self,
        clusters: dict[str, str] | None = None,
        gazetteer: Iterable[tuple[str, tuple[str, ...]]] = (),
        prefixes: Sequence[int] = (4, 8, 12),
        word_tags: dict[str, list[str]] | None = None,
        features: Iterable[str] = (),
        genre: Callable[[Sequence[str]], str] | None = None,
    ) -> None:
        self.clusters = clusters or {}
        #: guesses a sentence's genre (ner_genre.GenreGuesser) for the ``genre`` features
        self.genre = genre
        self.word_tags: dict[str, list[str]] = dict(word_tags or {})
        self.prefixes = tuple(prefixes)
        #: optional feature groups this model was trained with (see Featurizer)
        self.features = frozenset(features)
        # first token -> [(tokens, types, fine types)], longest first. A type may carry a
        # sub-category after a colon ("ORG:gov"): the coarse tag is the part before it.
        index: dict[str, dict[tuple[str, ...], set[str]]] = {}
        for kind, tokens in gazetteer:
            if tokens:
                index.setdefault(tokens[0], {}).setdefault(tokens, set()).add(kind)
        self.gazetteer: dict[str, list[tuple[tuple[str, ...], str, str]]] = {
            first: sorted(
                (
                    (
                        toks,
                        "|".join(sorted({k.split(":", 1)[0] for k in kinds})),
                        "|".join(sorted(kinds)),
                    )
                    for toks, kinds in entries.items()
                ),
                key=lambda e: (-len(e[0]), e[0]),
            )
            for first, entries in index.items()
        }

    @classmethod
    def read(
        cls,
        clusters_path: Path | None,
        gazetteer_path: Path | None,
        prefixes: Sequence[int],
        features: Iterable[str] = (),
    ) -> Lexicon:
        clusters, word_tags = read_words(clusters_path) if clusters_path else ({}, {})
        entries = read_gazetteer(gazetteer_path) if gazetteer_path else []
        return cls(clusters, entries, prefixes, word_tags, features)


def read_words(path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(clusters, word tags) of a ``ner-LANG.words.txt`` file."""
    clusters: dict[str, str] = {}
    word_tags: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        bits, _, tags = rest.partition("\t")
        if bits:
            clusters[word] = bits
        if tags:
            word_tags[word] = tags.split(" ")
    return clusters, word_tags


def read_gazetteer(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(type, lower-cased tokens) entries of a ``ner-LANG.gazetteer.txt`` file."""
    entries: list[tuple[str, tuple[str, ...]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, name = line.partition("\t")
        if name:
            entries.append((kind, tuple(name.split(" "))))
    return entries


#: Per token, the coarse and the fine gazetteer tag of the match covering it, or None.
GazetteerTags = tuple[list[str | None], list[str | None]]


class Featurizer:
    """Turns a sentence's tokens into crfsuite attribute lists, caching per token string."""

    def __init__(self, lexicon: Lexicon, known: frozenset[str] | None = None) -> None:
        self.lexicon = lexicon
        #: attributes the model has weights for (None: all, as in training). Others are
        #: dropped from the cached lists: crfsuite would ignore them, at a cost per lookup.
        self.known = known
        self._cache: dict[str, tuple[list[str], ...]] = {}
        self._parts_cache: dict[str, tuple[list[str], ...]] = {}
        self._scores_cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def _token(self, token: str) -> tuple[list[str], ...]:
        """(own, at -2, at -1, at +1, at +2) feature lists of one token string."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        tok = normalise(token)
        low = tok.lower()
        sh = shape(tok)
        own = [
            "w=" + low,
            "sh=" + sh,
            "p2=" + low[:2],
            "p3=" + low[:3],
            "s2=" + low[-2:],
            "s3=" + low[-3:],
            "s4=" + low[-4:],
        ]
        if len(low) == 1:
            own.append("len1")
        elif len(low) > 12:
            own.append("long")
        if tok[:1].isupper():
            own.append("cap")
            if tok.isupper() and len(tok) > 1:
                own.append("allcap")
        if any(ch.isdigit() for ch in tok):
            own.append("digit")
        if "-" in tok and len(tok) > 1:
            own.append("hyph")
            head = low.split("-", 1)[0]
            own.append("hd=" + head)
        bits = self.lexicon.clusters.get(low)
        near: list[str] = []
        if bits is not None:
            own.extend(f"c{n}={bits[:n]}" for n in self.lexicon.prefixes if len(bits) >= n)
            own.append("c=" + bits)
            near = [f"c{n}={bits[:n]}" for n in self.lexicon.prefixes[:2] if len(bits) >= n]
        else:
            own.append("c=none")
        extra = self.lexicon.word_tags.get(low)
        if extra:
            own.extend(extra)
            near += extra
        feats = (
            own,
            ["-2w=" + low, "-2sh=" + sh],
            ["-1w=" + low, "-1sh=" + sh, "-1s3=" + low[-3:]] + ["-1" + f for f in near],
            ["+1w=" + low, "+1sh=" + sh, "+1s3=" + low[-3:]] + ["+1" + f for f in near],
            ["+2w=" + low, "+2sh=" + sh],
        )
        if len(self._cache) >= CACHE_SIZE:
            with self._lock:
                self._cache.clear()
        self._cache[token] = feats
        return feats

    def gazetteer_tags(self, lowered: list[str]) -> list[str | None]:
        """Per token: ``B-TYPE`` / ``I-TYPE`` of the longest gazetteer match covering it."""
        return self._gazetteer(lowered)[0]

    def _gazetteer(self, lowered: list[str]) -> tuple[list[str | None], list[str | None]]:
        """Coarse and fine (sub-category) BIO gazetteer tags, longest match first."""
        index = self.lexicon.gazetteer
        n = len(lowered)
        out: list[str | None] = [None] * n
        fine: list[str | None] = [None] * n
        i = 0
        while i < n:
            entries = index.get(lowered[i])
            matched = 0
            if entries:
                for toks, kinds, fkinds in entries:
                    k = len(toks)
                    if k <= n - i and (k == 1 or tuple(lowered[i : i + k]) == toks):
                        out[i] = "B-" + kinds
                        fine[i] = "B-" + fkinds
                        for j in range(i + 1, i + k):
                            out[j] = "I-" + kinds
                            fine[j] = "I-" + fkinds
                        matched = k
                        break
            i += matched or 1
        return out, fine

    def _parts(self, token: str, prefix: str) -> tuple[list[str], ...]:
        """`_token`'s lists as a sentence's attributes are assembled from them: each
        followed by its copy conjoined with a genre ``prefix`` (if any), and only the
        attributes the model knows."""
        key = prefix + "\x00" + token
        cached = self._parts_cache.get(key)
        if cached is not None:
            return cached
        feats = self._token(token)
        if prefix:
            lite = "genre-lite" in self.lexicon.features
            feats = tuple(
                part + [prefix + f for f in part if not (lite and f.startswith(GENRE_LITE_SKIP))]
                for part in feats
            )
        if self.known is not None:
            known = self.known
            feats = tuple([f for f in part if f in known] for part in feats)
        if len(self._parts_cache) >= CACHE_SIZE:
            with self._lock:
                self._parts_cache.clear()
        self._parts_cache[key] = feats
        return feats

    def gazetteer_matches(self, tokens: Sequence[str]) -> GazetteerTags:
        """Coarse and fine gazetteer tags of a sentence's tokens (see `_gazetteer`), for
        `token_attributes` and `__call__` to share."""
        if not self.lexicon.gazetteer:
            return [None] * len(tokens), [None] * len(tokens)
        return self._gazetteer([normalise(t).lower() for t in tokens])

    def token_attributes(
        self, tokens: Sequence[str], gazetteer: GazetteerTags | None = None
    ) -> list[tuple[str, ...]]:
        """Per token, its own attributes and gazetteer tags, without neighbours or genre
        copies: the inputs of the neural model (ner_neural), whose LSTM reads the
        neighbours and whose genre is an input of its own."""
        gaz, fine = gazetteer or self.gazetteer_matches(tokens)
        out = []
        for i, token in enumerate(tokens):
            own = self._token(token)[0]
            extra = []
            g = gaz[i]
            if g is not None:
                extra.append("g=" + g)
                if "cap" in own:
                    extra.append("gc=" + g)
                if fine[i] != g:
                    extra.append("gf=" + fine[i])  # type: ignore[operator]
            if i == 0:
                extra.append("BOS")
            out.append((*own, *extra))
        return out

    def _genre_prefix(self, tokens: Sequence[str], genre: str | None) -> str:
        """The prefix of the genre-conjoined copies of attributes ("" without them)."""
        opts = self.lexicon.features
        if "genre" not in opts and "genre-lite" not in opts:
            return ""
        if genre is None:
            genre = self.lexicon.genre(tokens) if self.lexicon.genre else "n"
        return genre + ":"

    def _position_attributes(
        self,
        i: int,
        per: Sequence[tuple[list[str], ...]],
        gazetteer: GazetteerTags,
        prefix: str,
    ) -> list[str]:
        """Attributes of position ``i`` of a sentence rather than of one token string
        (``per``: the sentence's `_token` lists): sentence edges, the bigram, gazetteer
        tags here and next door, with their genre copies; only the known ones."""
        opts = self.lexicon.features
        gaz, fine = gazetteer
        n = len(per)
        own = per[i][0]
        extra = ["b"]
        if i == 0:
            extra.append("BOS")
            if "cap" in own:
                extra.append("BOScap")
        else:
            extra.append("bg=" + per[i - 1][0][0][2:] + "|" + own[0][2:])
            if "conj" in opts and "cap" in own:
                # the word before a capitalised word: "warga Indonesia" vs "di Indonesia"
                extra.append("pwc=" + per[i - 1][0][0][2:])
        if i == n - 1:
            extra.append("EOS")
        g = gaz[i]
        if g is not None:
            extra.append("g=" + g)
            if "cap" in own:
                extra.append("gc=" + g)
            if "gfine" in opts and fine[i] != g:
                extra.append("gf=" + fine[i])  # type: ignore[operator]
            if "conj" in opts and i > 0:
                extra.append("pwg=" + per[i - 1][0][0][2:] + "|" + g)
        if i > 0 and gaz[i - 1] is not None:
            extra.append("-1g=" + gaz[i - 1])  # type: ignore[operator]
            if "gfine" in opts and fine[i - 1] != gaz[i - 1]:
                extra.append("-1gf=" + fine[i - 1])  # type: ignore[operator]
        if i < n - 1 and gaz[i + 1] is not None:
            extra.append("+1g=" + gaz[i + 1])  # type: ignore[operator]
            if "gfine" in opts and fine[i + 1] != gaz[i + 1]:
                extra.append("+1gf=" + fine[i + 1])  # type: ignore[operator]
        if prefix:
            extra += [prefix + f for f in extra]
        if self.known is not None:
            extra = [f for f in extra if f in self.known]
        return extra

    def __call__(
        self,
        tokens: Sequence[str],
        genre: str | None = None,
        gazetteer: GazetteerTags | None = None,
    ) -> list[list[str]]:
        """Attribute lists of a sentence (``gazetteer``: its `gazetteer_matches`, if known).

        With feature group ``genre``, every attribute also comes conjoined with the
        sentence's genre: ``genre`` when given (training: the corpus a sentence is from),
        else the lexicon's guess from the words (see ner_genre). The conjoined copies of
        the per-token-string attributes are cached like the attributes themselves.
        """
        n = len(tokens)
        per = [self._token(t) for t in tokens]
        prefix = self._genre_prefix(tokens, genre)
        lists = (
            per if not prefix and self.known is None else [self._parts(t, prefix) for t in tokens]
        )
        gazetteer = gazetteer or self.gazetteer_matches(tokens)
        out: list[list[str]] = []
        for i in range(n):
            feats = list(lists[i][0])
            if i > 0:
                feats += lists[i - 1][2]
                if i > 1:
                    feats += lists[i - 2][1]
            if i < n - 1:
                feats += lists[i + 1][3]
                if i < n - 2:
                    feats += lists[i + 2][4]
            feats += self._position_attributes(i, per, gazetteer, prefix)
            out.append(feats)
        return out

    def emissions(
        self,
        tokens: Sequence[str],
        weights: CrfWeights,
        genre: str | None = None,
        gazetteer: GazetteerTags | None = None,
    ) -> np.ndarray:
        """(tokens, labels) state scores of a sentence under the CRF ``weights``: the
        summed weights of `__call__`'s attributes, from sums cached per token string."""
        per = [self._token(t) for t in tokens]
        prefix = self._genre_prefix(tokens, genre)
        parts = np.stack([self._part_scores(t, prefix, weights) for t in tokens])
        scores = parts[:, 0].copy()
        scores[1:] += parts[:-1, 2]  # each token as the word before the next
        scores[2:] += parts[:-2, 1]
        scores[:-1] += parts[1:, 3]
        scores[:-2] += parts[2:, 4]
        gazetteer = gazetteer or self.gazetteer_matches(tokens)
        index = weights.index
        at, rows = [], []
        for i in range(len(tokens)):
            for attribute in self._position_attributes(i, per, gazetteer, prefix):
                row = index.get(attribute)
                if row is not None:
                    at.append(i)
                    rows.append(row)
        np.add.at(scores, at, weights.state[rows])
        return scores

    def _part_scores(self, token: str, prefix: str, weights: CrfWeights) -> np.ndarray:
        """(5, labels) summed weights of each of `_parts`' lists of a token string."""
        key = prefix + "\x00" + token
        cached = self._scores_cache.get(key)
        if cached is None:
            cached = np.stack([weights.scores(part) for part in self._parts(token, prefix)])
            if len(self._scores_cache) >= CACHE_SIZE:
                with self._lock:
                    self._scores_cache.clear()
            self._scores_cache[key] = cached
        return cached


# --------------------------------------------------------------------------- model


def _check_crfsuite_file(path: Path, lang: str) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(8)
    except FileNotFoundError:
        raise ModelError(f"NER model file not found: {path}; {_rebuild_hint(lang)}") from None
    except OSError as exc:
        raise ModelError(
            f"cannot read NER model file {path}: {exc}; {_rebuild_hint(lang)}"
        ) from None
    size = path.stat().st_size
    if len(header) < 8 or header[:4] != b"lCRF" or struct.unpack("<I", header[4:8])[0] != size:
        raise ModelError(f"NER model file is corrupt or truncated: {path}; {_rebuild_hint(lang)}")


def _lang_of(path: Path) -> str:
    stem = path.name.split(".", 1)[0]
    return stem[4:] if stem.startswith("ner-") else "LANG"


def sibling(path: Path, suffix: str) -> Path:
    """The file beside a model with the same stem: ner-id.crfsuite -> ner-id.<suffix>."""
    return path.with_name(path.name.split(".", 1)[0] + "." + suffix)


class NerModel:
    """A loaded CRF model with its lexicons, and the neural model beside it if it has
    one (ner_neural: their marginals are mixed); `tag` gives BIO tags for a token list."""

    def __init__(
        self,
        tagger: pycrfsuite.Tagger,
        crf: CrfWeights,
        featurizer: Featurizer,
        path: Path,
        meta: dict,
        neural: NeuralTagger | None = None,
    ) -> None:
        self._tagger = tagger
        self.featurize = featurizer
        self.path = path
        self.meta = meta
        self.neural = neural
        self._lock = threading.Lock()
        #: the CRF's weights as arrays, for its marginals in the mixture (ner_crf)
        self.crf = crf

    @classmethod
    def load(cls, path: Path) -> NerModel:
        """Load ``ner-LANG.crfsuite`` and the lexicons beside it; ModelError if unusable."""
        path = Path(path)
        lang = _lang_of(path)
        _check_crfsuite_file(path, lang)
        meta_path = sibling(path, "json")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ModelError(
                f"NER model settings file not found: {meta_path}; {_rebuild_hint(lang)}"
            ) from None
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"NER model settings file is corrupt: {meta_path} ({exc}); {_rebuild_hint(lang)}"
            ) from None
        if not isinstance(meta, dict) or meta.get("feature_version") != FEATURE_VERSION:
            raise ModelError(
                f"NER model {path} was built for feature version "
                f"{meta.get('feature_version') if isinstance(meta, dict) else '?'}, this pantau "
                f"uses {FEATURE_VERSION}; {_rebuild_hint(lang)}"
            )
        lexicon_paths = {}
        for key in ("words", "gazetteer"):
            name = meta.get(key)
            if name:
                p = path.with_name(name)
                if not p.is_file():
                    raise ModelError(f"NER lexicon file not found: {p}; {_rebuild_hint(lang)}")
                lexicon_paths[key] = p
            else:
                lexicon_paths[key] = None
        try:
            lexicon = Lexicon.read(
                lexicon_paths["words"],
                lexicon_paths["gazetteer"],
                meta.get("cluster_prefixes", (4, 8, 12)),
                meta.get("features", ()),
            )
        except (OSError, UnicodeDecodeError) as exc:
            raise ModelError(
                f"NER lexicon of {path} is unreadable ({exc}); {_rebuild_hint(lang)}"
            ) from None
        if meta.get("genre"):
            from pantau.extract.entities.ner_genre import GenreGuesser

            genre_path = path.with_name(meta["genre"])
            try:
                lexicon.genre = GenreGuesser.read(genre_path)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                raise ModelError(
                    f"NER genre file {genre_path} is unreadable ({exc}); {_rebuild_hint(lang)}"
                ) from None
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(path))
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"NER model file is corrupt: {path} ({exc}); {_rebuild_hint(lang)}"
            ) from None
        neural = None
        if meta.get("neural"):
            neural_path = path.with_name(meta["neural"])
            if not neural_path.is_file():
                raise ModelError(
                    f"NER neural model file not found: {neural_path}; {_rebuild_hint(lang)}"
                )
            try:
                neural = NeuralTagger.load(neural_path)
            except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
                raise ModelError(
                    f"NER neural model file is corrupt: {neural_path} ({exc}); "
                    f"{_rebuild_hint(lang)}"
                ) from None
        info = tagger.info()
        crf = CrfWeights(info.state_features.items(), info.transitions.items(), NEURAL_LABELS)
        # the attributes with weights: the featurizer passes crfsuite only those
        known = frozenset(attr for attr, _label in info.state_features)
        return cls(tagger, crf, Featurizer(lexicon, known), path, meta, neural)

    @property
    def lang(self) -> str:
        return str(self.meta.get("lang", _lang_of(self.path)))

    def genre(self, tokens: Sequence[str]) -> str | None:
        """The genre of a text (its tokens), for `tag`; None if the model has no genres.

        A whole document is a better guide than one sentence: the entities stage guesses
        once per document and tags every sentence with that genre."""
        guess = self.featurize.lexicon.genre
        return guess(tokens) if guess is not None else None

    def tag(self, tokens: list[str], genre: str | None = None) -> list[str]:
        """BIO tags (PER / ORG / LOC) of one sentence's tokens; ``genre`` (see `genre`)
        defaults to the one guessed from the sentence itself."""
        if not tokens:
            return []
        if self.neural is not None:
            return self.tag_many([tokens], genre)[0]
        xseq = self.featurize(tokens, genre)
        with self._lock:  # a crfsuite Tagger is not safe to share between threads
            return list(self._tagger.tag(xseq))

    def tag_many(
        self, sentences: Sequence[list[str]], genre: str | None = None
    ) -> list[list[str]]:
        """BIO tags of several sentences (a document's: the neural model reads them in
        batches of similar length); ``genre`` as in `tag`."""
        if self.neural is None:
            return [self.tag(tokens, genre) for tokens in sentences]
        out: list[list[str]] = [[] for _ in sentences]
        by_genre: dict[str, list[int]] = {}
        for i, tokens in enumerate(sentences):
            if tokens:
                by_genre.setdefault(genre or self.genre(tokens) or "n", []).append(i)
        for sentence_genre, indices in by_genre.items():
            indices.sort(key=lambda i: len(sentences[i]))
            for chunk in _length_batches(indices, [len(s) for s in sentences]):
                batch = [sentences[i] for i in chunk]
                matches = [self.featurize.gazetteer_matches(tokens) for tokens in batch]
                attributes = [
                    self.featurize.token_attributes(tokens, found)
                    for tokens, found in zip(batch, matches, strict=True)
                ]
                neural = self.neural.marginals(attributes, sentence_genre)
                crf = np.zeros_like(neural)
                crf[:, :, 0] = 1.0  # "O", where the CRF is not asked
                unsure = [b for b, tokens in enumerate(batch)
                          if (neural[b, : len(tokens), 0] < SURE_OUTSIDE).any()]
                if unsure:
                    crf[unsure] = self._crf_marginals(
                        [batch[b] for b in unsure], sentence_genre,
                        [matches[b] for b in unsure], neural.shape[1])
                mixed = CRF_WEIGHT * crf + (1.0 - CRF_WEIGHT) * neural
                decoded = decode(mixed, [len(tokens) for tokens in batch])
                for i, tags in zip(chunk, decoded, strict=True):
                    out[i] = tags
        return out

    def _crf_marginals(
        self,
        sentences: Sequence[Sequence[str]],
        genre: str,
        gazetteers: Sequence[GazetteerTags],
        steps: int,
    ) -> np.ndarray:
        """(sentences, steps, labels) tag probabilities of the CRF, in `ner_neural.LABELS`
        order, padded to ``steps`` tokens."""
        emissions = np.zeros((len(sentences), steps, len(NEURAL_LABELS)))
        for b, (tokens, found) in enumerate(zip(sentences, gazetteers, strict=True)):
            emissions[b, : len(tokens)] = self.featurize.emissions(
                tokens, self.crf, genre, found)
        return self.crf.marginals(emissions, [len(tokens) for tokens in sentences])

    def capitalisation(self, word: str) -> int | None:
        """How often cased text capitalises the word inside a sentence, by the word
        statistics: 0 under 10 %, 1 under 50 %, 2 under 90 %, 3 more; None when the word
        was too rare to count. Names are 3 or None, common words 0 or 1."""
        tags = self.featurize.lexicon.word_tags.get(normalise(word).lower(), ())
        return next((int(t[1]) for t in tags if len(t) == 2 and t[0] == "u"), None)

    def mostly_personal(self, word: str) -> bool:
        """Whether NER-Prosa annotates the word inside a person's name at least half the
        times it writes it (the word statistics' ``pPER2``): "Fahmi", not "Hakim"."""
        return "pPER2" in self.featurize.lexicon.word_tags.get(normalise(word).lower(), ())

    def entities(self, tokens: list[str]) -> list[tuple[int, int, str]]:
        """Entity spans (token start, end exclusive, type) of one sentence."""
        return spans(self.tag(tokens))


def _length_batches(indices: list[int], lengths: list[int]) -> Iterator[list[int]]:
    """Batches of sentence indices (sorted by length) whose padded size, sentences times
    the longest's tokens, stays under NEURAL_BATCH_CELLS: the neural model computes no
    padding but holds it in memory, and a document may hold a "sentence" of hundreds of
    tokens (a table); the fewer the batches, the fewer its steps."""
    batch: list[int] = []
    for i in indices:
        if batch and (len(batch) + 1) * lengths[i] > NEURAL_BATCH_CELLS:
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


def available_languages(models_dir: Path = MODELS_DIR) -> list[str]:
    """Languages that have a shipped NER model."""
    return sorted(p.name[4 : -len(".crfsuite")] for p in models_dir.glob("ner-*.crfsuite"))


def model_path(lang: str, models_dir: Path = MODELS_DIR) -> Path:
    return models_dir / f"ner-{lang}.crfsuite"


@lru_cache(maxsize=8)
def load_model(lang: str) -> NerModel:
    """The shipped model for ``lang`` (loaded once per process)."""
    path = model_path(lang)
    if not path.exists() and not sibling(path, "json").exists():
        available = available_languages()
        raise ModelError(
            f"no NER model for language {lang!r} (no file {path}); available: "
            f"{', '.join(available) if available else 'none'}"
            + (f"; build one with `pantau train ner --lang {lang}`" if lang else "")
        )
    return NerModel.load(path)
