"""The FastAPI application: one open store, the API under /api, the dashboard at /.

The serve process holds the store for its whole life (DuckDB lets one process write a
file). Each request reads through its own cursor inside a transaction, so it sees one
snapshot; writes go through `ServeState.write` (`Store.write`: one transaction per
batch), one at a time, so a reader sees a document entirely or not at all, and every
write drops the cached answers. The pipeline, which is not built for concurrent use and
takes a while to load, is loaded on the first analysis and used by one request at a
time. `app.state.pantau` is the `ServeState`, for routes that need the store.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from pantau import __version__
from pantau.config import Settings, load_settings
from pantau.errors import PantauError, StoreError
from pantau.serve.fetch import FetchPolicy
from pantau.serve.tokens import TokenFile, tokens_path
from pantau.store import Store
from pantau.store.duckdb_store import StoredDocument

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from pantau.pipeline import Pipeline

DEFAULT_MAX_BODY = 2_000_000
SERVER_SETTINGS = (
    # Many small concurrent queries: each on its own request thread rather than fanned
    # out over DuckDB's workers (measured on 2 cores: 1.4x the events queries/s).
    "SET threads = 1",
    # Late materialisation re-scans the events table by rowid for a 50-row page, which
    # costs more than carrying the columns through the top-N (measured: 38 -> 23 ms).
    "SET late_materialization_max_rows = 0",
)


@dataclass(frozen=True)
class ServeOptions:
    """What `pantau serve` adds to the settings: limits, tokens and URL fetching."""

    max_body: int = DEFAULT_MAX_BODY
    """Request bodies over this many bytes are refused with 413 before being parsed."""
    tokens: str | None = None
    """The token file (default: the store's path + `.tokens`)."""
    read_only: bool = False
    """Open the store read-only: the write endpoints answer 403."""
    cache_entries: int = 512
    """Read responses kept until the next write (0: none); see `ResponseCache`."""
    fetch: FetchPolicy = field(default_factory=FetchPolicy)


class CursorPool:
    """Cursors on the store's database, each used by one request at a time.

    DuckDB connections are not thread-safe, but cursors (duplicate connections to the
    same database) are independent; keeping them in a pool saves opening one per
    request. Cursors are spawned from a connection of their own, never from the one the
    store writes through."""

    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self._root = db.cursor()
        self._free: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        for setting in SERVER_SETTINGS:
            try:
                self._root.execute(setting)
            except duckdb.Error:  # a DuckDB without this setting: only slower
                pass

    @contextmanager
    def snapshot(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor in a read transaction: every query of a request sees one state."""
        with self._lock:
            cursor = self._free.pop() if self._free else self._root.cursor()
        cursor.execute("BEGIN TRANSACTION")
        try:
            yield cursor
        finally:
            try:
                cursor.execute("ROLLBACK")
            except duckdb.Error:
                cursor.close()
            else:
                with self._lock:
                    self._free.append(cursor)

    def close(self) -> None:
        with self._lock:
            for cursor in self._free:
                cursor.close()
            self._free.clear()
            self._root.close()


class ResponseCache:
    """Serialized read responses, valid until the next write.

    This process is the only writer of the store (DuckDB locks the file), so it knows
    when the data changes: every write bumps `generation`, and an entry is served only
    for the generation it was computed under. A reader takes the generation before it
    opens its snapshot and a writer bumps it after its commit, so an entry never holds
    data older than its generation."""

    def __init__(self, max_entries: int, max_bytes: int = 64_000_000) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.generation = 0
        self._entries: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != self.generation:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, generation: int, body: bytes) -> None:
        if self.max_entries <= 0 or len(body) > self.max_bytes // 16:
            return
        with self._lock:
            if generation != self.generation:
                return
            old = self._entries.pop(key, None)
            if old:
                self._bytes -= len(old[1])
            self._entries[key] = (generation, body)
            self._bytes += len(body)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= len(dropped)

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()
            self._bytes = 0


class ServeState:
    """Everything the routes share: the store, its cursors, the tokens, the pipeline."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        options: ServeOptions,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.options = options
        self.version = __version__
        self.cursors = CursorPool(store.db)
        self.tokens = TokenFile(options.tokens or tokens_path(store.path))
        self.cache = ResponseCache(options.cache_entries)
        self._write_lock = threading.Lock()
        self._pipeline = pipeline
        self._pipeline_lock = threading.Lock()

    @contextmanager
    def pipeline(self) -> Iterator[Pipeline]:
        """The pipeline, loaded on first use, for one analysis at a time."""
        with self._pipeline_lock:
            if self._pipeline is None:
                from pantau.pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            yield self._pipeline

    def write(self, documents: Sequence[StoredDocument]) -> None:
        """Store documents in one transaction (one writer at a time), then drop the
        cached responses: every in-process write goes through here."""
        with self._write_lock:
            try:
                self.store.write(documents)
            finally:
                self.cache.invalidate()

    def close(self) -> None:
        self.cursors.close()
        self.store.close()


class BodyLimit:
    """Refuse request bodies over `max_bytes` with 413 before anything parses them: by
    Content-Length when the client sends one, else by counting while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _error(send, 400, "bad Content-Length header")
                return
            if int(declared) > self.max_bytes:
                await self._too_large(send, receive, int(declared))
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send, receive, None)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send, receive: Receive, declared: int | None) -> None:
        """Answer 413 and close the connection. A body up to a few times the limit is
        read and dropped first, so an ordinary client that is still sending it gets the
        answer instead of a broken connection; a larger one is cut off."""
        if declared is not None and declared <= 4 * self.max_bytes + 1_000_000:
            more = True
            while more:
                message = await receive()
                more = message["type"] == "http.request" and message.get("more_body", False)
        size = f"{declared:,} bytes" if declared is not None else "the request body"
        await _error(send, 413, f"{size} is over the limit of {self.max_bytes:,} bytes", close=True)


async def _error(send: Send, status: int, detail: str, close: bool = False) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def create_app(
    db_path: str,
    settings: Settings | None = None,
    options: ServeOptions | None = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """The application serving the store at `db_path` (created when missing, unless
    read-only). `pipeline` lets a caller that already has one share it."""
    settings = settings or load_settings()
    options = options or ServeOptions()
    if options.read_only and not Path(db_path).exists():
        raise StoreError(f"no store at {db_path} (create one with `pantau run`)")
    state = ServeState(Store(db_path, read_only=options.read_only), settings, options, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        state.close()

    app = FastAPI(
        title="pantau",
        version=__version__,
        summary="Structured, evidence-linked data from news: documents, events, entities, "
        "quotes, places and counts over time.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # served by _api_docs from the package: FastAPI's page uses a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pantau = state
    app.add_middleware(BodyLimit, max_bytes=options.max_body)

    @app.exception_handler(PantauError)
    async def pantau_error(request: Request, exc: PantauError) -> JSONResponse:
        """An error the input caused (bad text, unreachable URL) that no route turned
        into a status of its own: the client's fault, said in one line."""
        return JSONResponse({"detail": str(exc)}, status_code=422)

    from pantau.serve import api, dashboard

    app.include_router(api.router)
    app.include_router(dashboard.router)
    _api_docs(app)
    return app


def _api_docs(app: FastAPI) -> None:
    """Swagger UI at /api/docs from the copy shipped in static/apidocs/ (swagger-ui-dist,
    Apache-2.0): FastAPI's own page loads it from a CDN, which an offline machine lacks.
    The validator badge is off: it would send the schema to validator.swagger.io."""

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="pantau API",
            swagger_js_url="/static/apidocs/swagger-ui-bundle.js",
            swagger_css_url="/static/apidocs/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},
        )
