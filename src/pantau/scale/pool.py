"""Analyse documents on a local process pool, in input order, with bounded memory.

Each worker builds its `Pipeline` once. Documents travel in small chunks (less pickling
overhead per document) and at most a few chunks per worker are in flight, so a corpus
of any size streams through without being read into memory first.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from pantau.config import Settings
from pantau.errors import PantauError
from pantau.ingest import RawDocument
from pantau.model import Analysis
from pantau.pipeline import Pipeline

CHUNK_SIZE = 8
CHUNKS_IN_FLIGHT_PER_WORKER = 4


@dataclass
class Outcome:
    """One document's result: its analysis, or why there is none."""

    document: RawDocument
    analysis: Analysis | None = None
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


def analyze_one(pipeline: Pipeline, document: RawDocument) -> Outcome:
    before = dict(pipeline.timings)
    try:
        outcome = Outcome(document, analysis=pipeline.analyze_document(document))
    except PantauError as exc:
        outcome = Outcome(document, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - one broken document must not stop a batch
        outcome = Outcome(document, error=f"internal error ({type(exc).__name__}: {exc})")
    outcome.timings = {k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()}
    return outcome


_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(settings)
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


PARENT_CHECK_SECONDS = 1.0


def _exit_with_parent(parent: int) -> None:
    """End this worker when the run that started it is gone (killed with -9, say):
    the pool cannot tell its workers then, and they would wait forever."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _analyze_chunk(documents: tuple[RawDocument, ...]) -> list[Outcome]:
    assert _worker_pipeline is not None, "worker not initialised"
    return [analyze_one(_worker_pipeline, d) for d in documents]


def _chunks(documents: Iterable[RawDocument], size: int) -> Iterator[tuple[RawDocument, ...]]:
    iterator = iter(documents)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


def analyze_documents(
    documents: Iterable[RawDocument], settings: Settings, workers: int = 1
) -> Iterator[Outcome]:
    """Outcomes in input order; `workers` > 1 uses that many processes."""
    if workers <= 1:
        pipeline = Pipeline(settings)
        for document in documents:
            yield analyze_one(pipeline, document)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        pending: deque = deque()
        for chunk in _chunks(documents, CHUNK_SIZE):
            pending.append(pool.submit(_analyze_chunk, chunk))
            while len(pending) >= workers * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
