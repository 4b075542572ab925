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

import numpy as np
from qdrant_client import models

from corpus.editorial import load_cards, load_enrichment
from corpus.models import Clause
from corpus.store import DOC_DIR, available_languages, load_clauses
from indexing.analyzers import analyze
from indexing.cache import EmbeddingCache, content_key
from indexing.config import IndexSettings
from indexing.documents import (
    CARD,
    CARD_QUESTIONS,
    DENSE_MORE,
    GLOSS_WEIGHT,
    CardDocument,
    IndexDocument,
    card_documents,
    card_sparse_name,
    dense_name,
    index_documents,
    more_name,
    sparse_name,
)
from indexing.embedders import Embedder, get_embedder
from indexing.qdrant import (
    drop_old_generations,
    ensure_collection,
    live_collection,
    needs_new_collection,
    open_client,
    switch_alias,
)
from indexing.replica import export_replica
from indexing.seed import Seed, seed_path, write_seed
from indexing.sparse import document_vector


@dataclass(frozen=True)
class BuildStats:
    points: int  # clauses and answer cards
    cards: int
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


def corpus_documents(
    clauses: list[Clause] | None = None, context: bool = True, editorial: bool = True
) -> tuple[list[IndexDocument], list[CardDocument]]:
    """The clause points (with their editorial layer) and the answer-card points. For a
    part of the corpus (`clauses`), only the cards that rest on its clauses alone."""
    cards = load_cards()
    if clauses is not None:
        ids = {c.id for c in clauses}
        cards = tuple(card for card in cards if card.clauses and set(card.clauses) <= ids)
    clauses = clauses if clauses is not None else corpus_clauses()
    if not editorial:
        return index_documents(clauses, context), []
    doc = DOC_DIR.name
    asked: dict[str, list] = {}
    for card in cards:  # a card's questions are questions its clauses answer too
        for clause_id in card.clauses:
            asked.setdefault(clause_id, []).append(card.questions)
    docs = index_documents(clauses, context, {doc: load_enrichment()}, {doc: asked})
    return docs, card_documents(cards, doc)


def build_index(
    settings: IndexSettings,
    embedder: Embedder | None = None,
    clauses: list[Clause] | None = None,
    progress: Progress | None = None,
    client=None,
    context: bool = True,
    editorial: bool = True,
) -> BuildStats:
    """Build or update the index; `editorial=False` leaves out the glosses, questions and
    cards (the ablation's baseline)."""
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings.embedder)
    clause_docs, cards = corpus_documents(clauses, context, editorial)
    docs: list[IndexDocument | CardDocument] = [*clause_docs, *cards]
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
            generation = settings.generation(time.time_ns())
            ensure_collection(client, generation, embedder.dim)
            embedded = _upsert(client, settings, embedder, generation, docs, progress)
            switch_alias(client, settings.collection, generation)
        drop_old_generations(client, settings.collection)
        if settings.qdrant_url is None:  # the copy a cold search or a worker loads
            export_replica(client, settings)
    finally:
        if own_client:
            client.close()
    added = sum(1 for d in todo if d.point_id not in existing)
    return BuildStats(
        points=len(docs),
        cards=len(cards),
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


class _Vectors:
    """Every text of the build embedded once, through the cache and the shipped seed:
    clause texts and glosses as passages, questions as queries (e5's symmetric mode)."""

    def __init__(self, settings, embedder, docs, progress) -> None:
        clause_docs = [d for d in docs if isinstance(d, IndexDocument)]
        cards = [d for d in docs if isinstance(d, CardDocument)]
        passages = [t for d in clause_docs for t in (*d.texts.values(), *d.glosses)]
        queries = [q for d in clause_docs for q in d.questions]
        queries += [q for c in cards for q in c.questions]
        total = len(passages) + len(queries)
        cache = EmbeddingCache(settings.cache_path, Seed(seed_path(embedder.name)))
        on_batch = (lambda n: progress(n, total)) if progress else None
        try:
            p, done_p = cache.embed(
                embedder.name, passages, embedder.embed_passages, on_batch=on_batch
            )
            q, done_q = cache.embed(
                query_model(embedder.name), queries, embedder.embed_queries, on_batch=on_batch
            )
        finally:
            cache.close()
        self.embedded = done_p + done_q
        self._passages = dict(zip(passages, p, strict=True))
        self._queries = dict(zip(queries, q, strict=True))

    def passage(self, text: str) -> list[float]:
        return self._passages[text].tolist()

    def query(self, text: str) -> list[float]:
        return self._queries[text].tolist()

    def centroid(self, questions: tuple[str, ...], glosses: tuple[str, ...] = ()) -> list[float]:
        """The normalised mean of questions and (weighted) glosses."""
        parts = [self._queries[q] for q in questions]
        parts += [GLOSS_WEIGHT * self._passages[g] for g in glosses]
        total = np.sum(parts, axis=0)
        return (total / (np.linalg.norm(total) or 1.0)).tolist()


def query_model(name: str) -> str:
    """The cache's model key for texts embedded in query mode."""
    return f"{name}|query"


def _sparse(texts: list[tuple[str, str, str, str]], kk_analyzer: str) -> dict[str, dict]:
    """(point id, vector name, language, text) -> BM25 vectors, lengths averaged per name."""
    terms = [(pid, name, analyze(text, lang, kk_analyzer)) for pid, name, lang, text in texts]
    lengths: dict[str, list[int]] = {}
    for _, name, t in terms:
        lengths.setdefault(name, []).append(len(t))
    avg = {name: sum(v) / len(v) for name, v in lengths.items()}
    out: dict[str, dict] = {}
    for pid, name, t in terms:
        out.setdefault(pid, {})[name] = document_vector(t, avg[name])
    return out


def _upsert(client, settings, embedder, collection: str, docs, progress) -> int:
    """Embed (through the cache and seed) and write every point's vectors."""
    vectors = _Vectors(settings, embedder, docs, progress)
    sparse_texts = []
    for doc in docs:
        if isinstance(doc, IndexDocument):
            sparse_texts += [
                (doc.point_id, sparse_name(lang), lang, t) for lang, t in doc.texts.items()
            ]
            sparse_texts += [
                (doc.point_id, more_name(lang), lang, t) for lang, t in doc.more.items()
            ]
        else:
            sparse_texts += [
                (doc.point_id, card_sparse_name(lang), lang, t) for lang, t in doc.texts.items()
            ]
    named = _sparse(sparse_texts, settings.kk_analyzer)
    points = []
    for doc in docs:
        vector = named.get(doc.point_id, {})
        if isinstance(doc, IndexDocument):
            vector |= {dense_name(lang): vectors.passage(t) for lang, t in doc.texts.items()}
            if doc.questions or doc.glosses:
                vector[DENSE_MORE] = vectors.centroid(doc.questions, doc.glosses)
        else:
            vector[CARD] = vectors.centroid(doc.questions)
            vector[CARD_QUESTIONS] = [vectors.query(q) for q in doc.questions]
        payload = {
            **doc.payload,
            "content_hash": doc.content_hash(embedder.name, settings.kk_analyzer),
        }
        points.append(models.PointStruct(id=doc.point_id, vector=vector, payload=payload))
    for start in range(0, len(points), 128):
        client.upsert(collection, points=points[start : start + 128])
    return vectors.embedded


def write_corpus_seed(settings: IndexSettings, embedder: Embedder | None = None) -> tuple:
    """Write the shipped seed (indexing/seed.py) for the committed corpus and editorial
    layer: every text's vector, from the cache or embedded now. Returns (path, count)."""
    embedder = embedder or get_embedder(settings.embedder)
    clause_docs, cards = corpus_documents()
    docs = [*clause_docs, *cards]
    vectors = _Vectors(settings, embedder, docs, None)
    keyed = {content_key(embedder.name, t): v for t, v in vectors._passages.items()}
    model = query_model(embedder.name)
    keyed |= {content_key(model, t): v for t, v in vectors._queries.items()}
    path = seed_path(embedder.name)
    return path, write_seed(path, keyed)


def ensure_index(settings: IndexSettings, progress: Progress | None = None):
    """An open client on a usable index, built first if it is missing or damaged."""
    client = open_client(settings, repair=True)
    if live_collection(client, settings.collection) is None:
        build_index(settings, progress=progress, client=client)
    return client
