"""`policy-assistant index`: build or update the collection from the corpus.

Idempotent and incremental: when nothing changed, nothing is written; new or
changed clauses are embedded (through the content-hash cache, so unchanged ones
cost nothing). A change never edits the live index in place: a complete new
generation (`<name>__<stamp>`) is built and the alias `<name>` is switched to it
in one atomic operation, so a reader never sees a half-built index and a build
killed midway leaves the previous generation serving (the next run cleans up).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from qdrant_client import models

from corpus.models import Clause
from corpus.store import available_languages, load_clauses
from indexing.cache import EmbeddingCache
from indexing.config import IndexSettings
from indexing.documents import IndexDocument, dense_name, index_documents, sparse_name
from indexing.embedders import Embedder, get_embedder
from indexing.qdrant import (
    GENERATION_SEP,
    drop_old_generations,
    ensure_collection,
    live_collection,
    needs_new_collection,
    open_client,
    switch_alias,
)
from indexing.sparse import document_vector


@dataclass(frozen=True)
class BuildStats:
    points: int
    added: int
    updated: int
    deleted: int
    unchanged: int
    embedded: int
    seconds: float

    def as_dict(self) -> dict:
        return asdict(self)


Progress = Callable[[int, int], None]  # (advance, total)


def corpus_clauses() -> list[Clause]:
    return [c for lang in available_languages() for c in load_clauses(lang)]


def build_index(
    settings: IndexSettings,
    embedder: Embedder | None = None,
    clauses: list[Clause] | None = None,
    progress: Progress | None = None,
    client=None,
    context: bool = True,
) -> BuildStats:
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings.embedder)
    docs = index_documents(clauses if clauses is not None else corpus_clauses(), context)
    own_client = client is None
    client = client or open_client(settings, repair=True)
    try:
        live = live_collection(client, settings.collection)
        fits = live is not None and not needs_new_collection(client, live, embedder.dim)
        existing = _existing_hashes(client, live) if fits else {}
        wanted = {d.point_id for d in docs}
        stale = [pid for pid in existing if pid not in wanted]
        todo = [
            d
            for d in docs
            if existing.get(d.point_id) != d.content_hash(embedder.name, settings.kk_analyzer)
        ]
        embedded = 0
        if todo or stale or not fits:
            if progress:
                progress(0, len(docs))
            generation = f"{settings.collection}{GENERATION_SEP}{time.time_ns()}"
            ensure_collection(client, generation, embedder.dim)
            embedded = _upsert(client, settings, embedder, generation, docs, progress)
            switch_alias(client, settings.collection, generation)
        drop_old_generations(client, settings.collection)
    finally:
        if own_client:
            client.close()
    added = sum(1 for d in todo if d.point_id not in existing)
    return BuildStats(
        points=len(docs),
        added=added,
        updated=len(todo) - added,
        deleted=len(stale),
        unchanged=len(docs) - len(todo),
        embedded=embedded,
        seconds=round(time.perf_counter() - started, 3),
    )


def _existing_hashes(client, collection: str) -> dict[str, str]:
    hashes: dict[str, str] = {}
    offset = None
    while True:
        points, offset = client.scroll(
            collection, limit=1000, offset=offset, with_payload=["content_hash"], with_vectors=False
        )
        for point in points:
            hashes[str(point.id)] = (point.payload or {}).get("content_hash", "")
        if offset is None:
            return hashes


def _upsert(
    client, settings, embedder, collection: str, docs: list[IndexDocument], progress
) -> int:
    """Embed (through the cache) and write every language's vectors of `docs`."""
    pairs = [(doc, lang) for doc in docs for lang in doc.texts]
    cache = EmbeddingCache(settings.cache_path)
    try:
        vectors, embedded = cache.embed(
            embedder.name,
            [doc.texts[lang] for doc, lang in pairs],
            embedder.embed_passages,
            on_batch=(lambda n: progress(n, len(pairs))) if progress else None,
        )
    finally:
        cache.close()
    terms = [doc.terms(lang, settings.kk_analyzer) for doc, lang in pairs]
    lengths: dict[str, list[int]] = {}
    for (_, lang), t in zip(pairs, terms, strict=True):
        lengths.setdefault(lang, []).append(len(t))
    avg = {lang: sum(v) / len(v) for lang, v in lengths.items()}
    named: dict[str, dict] = {doc.point_id: {} for doc in docs}
    for (doc, lang), vector, t in zip(pairs, vectors, terms, strict=True):
        named[doc.point_id][dense_name(lang)] = vector.tolist()
        named[doc.point_id][sparse_name(lang)] = document_vector(t, avg[lang])
    points = [
        models.PointStruct(
            id=doc.point_id,
            vector=named[doc.point_id],
            payload={
                **doc.payload,
                "content_hash": doc.content_hash(embedder.name, settings.kk_analyzer),
            },
        )
        for doc in docs
    ]
    for start in range(0, len(points), 128):
        client.upsert(collection, points=points[start : start + 128])
    return embedded


def ensure_index(settings: IndexSettings, progress: Progress | None = None):
    """An open client on a usable index, built first if it is missing or damaged."""
    client = open_client(settings, repair=True)
    if live_collection(client, settings.collection) is None:
        build_index(settings, progress=progress, client=client)
    return client
