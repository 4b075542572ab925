"""The loaded assistant, shared by every request and the chat UI.

Models and the index are loaded once, at start-up, and warmed so the first request
pays nothing for lazy initialisation. The embedded Qdrant store and the embedder are
not made for concurrent use, and the machine has two cores, so every call that touches
them runs in a worker thread under one lock: the event loop stays free for other
requests (health checks, disclosures, the UI's assets) while answers queue up.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from anyio import to_thread

from assistant.models import Answer
from assistant.service import Assistant
from indexing.search import SearchResult

if TYPE_CHECKING:
    from indexing.build import BuildStats

T = TypeVar("T")
log = logging.getLogger("policy_assistant.api")

WARM_UP = (
    "Емтиханға жіберілу шарттары қандай?",
    "Как пересдать FX?",
    "How is the final grade calculated?",
)
READY_LOCK_TIMEOUT = 5.0


class Engine:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self._lock = threading.Lock()
        self.started = time.time()
        self.warm_ms: float | None = None

    @property
    def store(self):
        return self.assistant.store

    @property
    def retriever(self):
        return self.assistant.retriever

    # --- blocking work, serialised ----------------------------------------------------

    def locked(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return fn(*args, **kwargs)

    @staticmethod
    async def thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking `fn` in a worker thread so the event loop keeps serving."""
        return await to_thread.run_sync(lambda: fn(*args, **kwargs))

    def ask(
        self, question: str, conversation_id: str | None, lang: str | None, consent: bool
    ) -> Answer:
        return self.locked(self.assistant.ask, question, conversation_id, lang, consent)

    def search(self, query: str, k: int, lang: str | None) -> SearchResult:
        return self.locked(self.retriever.search, query, k=k, lang=lang)

    def reindex(self) -> BuildStats:
        """Incremental re-index on the open client (embedded Qdrant admits one client)."""
        from indexing.build import build_index

        retriever = self.retriever
        return self.locked(
            build_index, retriever.settings, embedder=retriever.embedder, client=retriever.client
        )

    # --- start-up and readiness ---------------------------------------------------------

    def warm_up(self) -> None:
        """Run each lazy path once (language detector, embedder, analyzers, composer)
        through a store-less assistant, so no disclosure record is written."""
        started = time.perf_counter()
        dry = Assistant(self.retriever, store=None)
        with self._lock:
            for question in WARM_UP:
                answer: Answer = dry.ask(question)
                log.debug("warm-up %s: %s", answer.lang, answer.status)
        self.warm_ms = round((time.perf_counter() - started) * 1000, 1)
        _return_free_memory()

    def index_status(self) -> str:
        """'ok', 'missing' (no collection), 'busy' (lock held too long) or 'error'."""
        if not self._lock.acquire(timeout=READY_LOCK_TIMEOUT):
            return "busy"
        try:
            retriever = self.retriever
            if retriever.snapshot is not None:
                return "ok" if retriever.snapshot.rows > 0 else "missing"
            from indexing.qdrant import live_collection

            if live_collection(retriever.client, retriever.settings.collection) is None:
                return "missing"
            count = retriever.client.count(retriever.settings.collection, exact=False).count
            return "ok" if count > 0 else "missing"
        except Exception:  # readiness reports, it does not raise
            log.exception("index readiness check failed")
            return "error"
        finally:
            self._lock.release()

    def database_status(self) -> str:
        if self.store is None:
            return "missing"
        try:
            self.store.ping()
            return "ok"
        except Exception:  # readiness reports, it does not raise
            log.warning("database readiness check failed", exc_info=True)
            return "error"


def _return_free_memory() -> None:
    """Hand the heap pages that loading and warming up left free back to the system: glibc
    keeps them otherwise, and each worker's resident memory counts them."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)
