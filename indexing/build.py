"""`policy-assistant index`: build or update the collection from the corpus.

Idempotent and incremental: a point whose indexed text and embedder are
unchanged keeps its vectors; new or changed clauses are embedded (through the
content-hash cache) and upserted; clauses gone from the corpus are deleted.
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
from indexing.qdrant import ensure_collection, open_client
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
    settings: IndexSettings | None = None,
    embedder: Embedder | None = None,
    clauses: list[Clause] | None = None,
    progress: Progress | None = None,
    client=None,
    context: bool = True,
) -> BuildStats:
    started = time.perf_counter()
    settings = settings or IndexSettings.from_env()
    embedder = embedder or get_embedder(settings.embedder)
    docs = index_documents(clauses if clauses is not None else corpus_clauses(), context)
    own_client = client is None
    client = client or open_client(settings)
    try:
        ensure_collection(client, settings.collection, embedder.dim)
        existing = _existing_hashes(client, settings.collection)
        wanted = {d.point_id: d for d in docs}
        stale = [pid for pid in existing if pid not in wanted]
        todo = [
            d
            for d in docs
            if existing.get(d.point_id) != d.content_hash(embedder.name, settings.kk_analyzer)
        ]
        total = len(todo)
        if progress:
            progress(0, total)
        embedded = _upsert(client, settings, embedder, todo, progress) if todo else 0
        if stale:
            client.delete(settings.collection, points_selector=models.PointIdsList(points=stale))
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


def _upsert(client, settings, embedder, docs: list[IndexDocument], progress) -> int:
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
        client.upsert(settings.collection, points=points[start : start + 128])
    return embedded


def ensure_index(settings: IndexSettings | None = None, progress: Progress | None = None):
    """An open client on a usable index, building it first if it does not exist yet."""
    settings = settings or IndexSettings.from_env()
    client = open_client(settings)
    if not client.collection_exists(settings.collection):
        build_index(settings, progress=progress, client=client)
    return client
