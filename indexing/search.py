"""Hybrid trilingual search: dense e5 + language-matched BM25, fused by RRF in Qdrant.

BM25 only works within one language, so the sparse list searches the query's
own language (with the glossary's expansions); the dense lists search the
query's language and the official Kazakh. Each clause is one point with named
vectors per language, so Qdrant's weighted reciprocal rank fusion already ranks
clauses: a clause found in two lists sums its contributions.

The editorial channels (indexing/documents.py) add two lists that point to the same
clauses: the centroid of the questions a clause answers and of its glosses (dense), and
BM25 over both. A second, small query finds answer cards by their questions (centroid
and BM25); each card comes back with its closest question's cosine, the confidence an
answer that leads with it needs.
"""

from __future__ import annotations

import copy
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

from corpus.languages import is_lang
from indexing.analyzers import analyze
from indexing.config import IndexSettings
from indexing.documents import (
    CARD,
    CARD_QUESTIONS,
    DENSE_MORE,
    card_sparse_name,
    dense_name,
    more_name,
    sparse_name,
)
from indexing.embedders import Embedder, get_embedder
from indexing.engine import ListQuery, LocalEngine
from indexing.errors import IndexUnavailable
from indexing.glossary import expansions
from indexing.language import detect_language, query_text_for
from indexing.sparse import query_vector

if TYPE_CHECKING:  # Qdrant's client loads only where a search goes through it
    from qdrant_client import QdrantClient, models

Mode = Literal["hybrid", "dense", "bm25"]
CANDIDATES = 40
CARD_CANDIDATES = 3


@dataclass(frozen=True)
class Hit:
    clause_id: str
    score: float  # fused RRF score: a rank signal, comparable only within one result list
    section: int
    similarity: float | None = None  # cosine of the query and the clause in the query language
    asked_similarity: float | None = None  # cosine with the centroid of its questions


@dataclass(frozen=True)
class CardHit:
    card_id: str
    score: float  # fused RRF score within the card query
    similarity: float  # cosine of the query and the card's closest question
    clauses: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    query: str
    lang: str
    hits: list[Hit]
    timings_ms: dict[str, float] = field(default_factory=dict)
    cards: list[CardHit] = field(default_factory=list)


@dataclass
class SearchWeights:
    """RRF weights of the candidate lists (0 leaves a list out: the ablations), chosen on
    the development set and the blind set's tune half (evals/reports/retrieval.md): the
    editorial lists, written in people's words, count twice the clause text; the
    official-Kazakh dense list counts half for ru/en queries; a small RRF constant lets the
    top of each list count most."""

    dense: float = 1.0
    dense_kk: float = 0.5
    sparse: float = 1.0
    dense_more: float = 2.0
    sparse_more: float = 2.0
    cards: bool = True
    rrf_k: int = 5


class QueryVectors:
    """The last `size` query embeddings, by the exact text embedded: students ask the same
    things ("FX", "как пересдать"), and an embedding is most of a warm answer's cost.
    Thread-safe; least recently used first out."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, text: str) -> list[float] | None:
        with self._lock:
            vector = self._vectors.get(text)
            if vector is not None:
                self._vectors.move_to_end(text)
            return vector

    def put(self, text: str, vector: list[float]) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._vectors[text] = vector
            self._vectors.move_to_end(text)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)

    def __len__(self) -> int:
        return len(self._vectors)

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()


class Retriever:
    """Loads the embedder and opens the index once; `search` is then cheap.

    On the embedded index the lists are scored and fused in numpy (indexing/engine.py:
    the same results as Qdrant's local mode, without its per-point Python loops);
    `engine=False` keeps Qdrant's query API there too (the engine's test compares both).
    Given a `snapshot` (a saved engine: indexing/replica.py), it searches that read-only
    copy and never opens Qdrant: the workers of `serve --workers N` and a cold CLI search.
    """

    def __init__(
        self,
        settings: IndexSettings,
        embedder: Embedder | None = None,
        client: QdrantClient | None = None,
        weights: SearchWeights | None = None,
        expand: bool = True,
        engine: bool = True,
        snapshot: LocalEngine | None = None,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(self.settings.embedder)
        self.weights = weights or SearchWeights()
        self.expand = expand
        self.snapshot = snapshot
        self.use_engine = snapshot is not None or (engine and settings.qdrant_url is None)
        self._engine: LocalEngine | None = snapshot
        self.query_vectors = QueryVectors(settings.query_cache)
        # The embedded Qdrant store is not made for concurrent use from many threads.
        self._lock = threading.Lock()
        self.client: QdrantClient | None = None
        if snapshot is not None:
            return
        from indexing.qdrant import live_collection, open_client

        self.client = client or open_client(self.settings)
        if live_collection(self.client, self.settings.collection) is None:
            raise IndexUnavailable(
                f"no index '{self.settings.collection}' yet: run `policy-assistant index`"
            )

    @property
    def read_only(self) -> bool:
        """Searching a saved copy: re-indexing it would change this process alone."""
        return self.snapshot is not None

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    def with_weights(self, weights: SearchWeights) -> Retriever:
        """The same index, embedder and lock, other weights (evaluations, ablations)."""
        sibling = copy.copy(self)
        sibling.weights = weights
        return sibling

    def search(self, query: str, k: int = 5, lang: str | None = None, mode: Mode = "hybrid"):
        started = time.perf_counter()
        lang = lang if is_lang(lang) else detect_language(query)
        text = query_text_for(query, lang)
        w = self.weights
        lists: list[tuple[ListQuery, float]] = []
        card_lists: list[ListQuery] = []
        vector = None
        if mode in ("hybrid", "dense"):
            vector = self.query_vectors.get(text)
            if vector is None:
                vector = self.embedder.embed_queries([text])[0].tolist()
                self.query_vectors.put(text, vector)
            langs = [lang] if lang == "kk" else [lang, "kk"]
            for target, weight in zip(langs, (w.dense, w.dense_kk), strict=False):
                lists.append((ListQuery(dense_name(target), dense=vector), weight))
            lists.append((ListQuery(DENSE_MORE, dense=vector), w.dense_more))
            card_lists.append(ListQuery(CARD, dense=vector))
        if mode in ("hybrid", "bm25"):
            terms = analyze(
                " ".join([text, *(expansions(text, lang) if self.expand else [])]),
                lang,
                self.settings.kk_analyzer,
            )
            if terms:
                sparse = query_vector(terms)
                lists.append((ListQuery(sparse_name(lang), sparse=sparse), w.sparse))
                lists.append((ListQuery(more_name(lang), sparse=sparse), w.sparse_more))
                card_lists.append(ListQuery(card_sparse_name(lang), sparse=sparse))
        lists = [(q, weight) for q, weight in lists if weight > 0]
        if not lists:
            return SearchResult(query, lang, [])
        card_lists = card_lists if w.cards else []
        with self._lock:
            engine = self._live_engine()
            if engine is not None:
                points, card_points = self._local(engine, lists, card_lists, k)
            else:
                points = self._query(lists, k, lang, vector is not None)
                card_points = self._cards(card_lists, vector is not None) if card_lists else []
        unit = np.asarray(vector, dtype=np.float32) if vector is not None else None
        hits = [
            Hit(
                payload["clause_id"],
                round(score, 6),
                payload["section"],
                _cosine(unit, vectors, dense_name(lang)),
                _cosine(unit, vectors, DENSE_MORE),
            )
            for payload, score, vectors in points
        ]
        cards = [
            CardHit(
                payload["card_id"],
                round(score, 6),
                _max_sim(unit, vectors),
                tuple(payload.get("clauses", ())),
            )
            for payload, score, vectors in card_points
            if "card_id" in payload
        ]
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResult(query, lang, hits, {"total": round(elapsed, 2)}, cards)

    def _live_engine(self) -> LocalEngine | None:
        """The in-memory engine for the collection the alias points at now (a rebuilt index
        is a new generation, so the name tells whether the engine is current)."""
        if not self.use_engine:
            return None
        if self.snapshot is not None:
            return self.snapshot
        from indexing.qdrant import live_collection

        live = live_collection(self.client, self.settings.collection)
        if live is None:
            raise IndexUnavailable(f"no index '{self.settings.collection}'")
        if self._engine is None or self._engine.collection != live:
            self._engine = LocalEngine.from_client(self.client, live)
        return self._engine

    def _local(self, engine: LocalEngine, lists, card_lists, k: int):
        ranked = [engine.ranked(q, CANDIDATES) for q, _ in lists]
        fused = engine.fuse(ranked, [weight for _, weight in lists], self.weights.rrf_k, k)
        cards: list = []
        if card_lists:
            card_ranked = [engine.ranked(q, CANDIDATES) for q in card_lists]
            ones = [1.0] * len(card_ranked)
            cards = engine.fuse(card_ranked, ones, self.weights.rrf_k, CARD_CANDIDATES)

        def found(scored):
            return [(engine.payloads[s.row], s.score, engine.vectors[s.row]) for s in scored]

        return found(fused), found(cards)

    def _query(self, lists, k: int, lang: str, with_vector: bool):
        from qdrant_client import models

        response = self.client.query_points(
            self.settings.collection,
            prefetch=[_prefetch(q) for q, _ in lists],
            query=models.RrfQuery(
                rrf=models.Rrf(k=self.weights.rrf_k, weights=[weight for _, weight in lists])
            ),
            limit=k,
            with_payload=["clause_id", "section"],
            with_vectors=[dense_name(lang), DENSE_MORE] if with_vector else False,
        )
        return [(p.payload or {}, p.score, p.vector) for p in response.points]

    def _cards(self, lists: list[ListQuery], with_vector: bool):
        """The cards whose questions are closest (their best question's cosine follows)."""
        from qdrant_client import models

        response = self.client.query_points(
            self.settings.collection,
            prefetch=[_prefetch(q) for q in lists],
            query=models.RrfQuery(rrf=models.Rrf(k=self.weights.rrf_k)),
            limit=CARD_CANDIDATES,
            with_payload=["card_id", "clauses"],
            with_vectors=[CARD_QUESTIONS] if with_vector else False,
        )
        return [(p.payload or {}, p.score, p.vector) for p in response.points]


def _prefetch(query: ListQuery) -> models.Prefetch:
    from qdrant_client import models

    return models.Prefetch(
        query=query.dense if query.dense is not None else query.sparse.to_qdrant(),
        using=query.using,
        limit=CANDIDATES,
    )


def _max_sim(query, vectors) -> float:
    """The cosine of the query and the closest of a card's questions (vectors are unit)."""
    if query is None or not isinstance(vectors, dict) or CARD_QUESTIONS not in vectors:
        return 0.0
    matrix = np.asarray(vectors[CARD_QUESTIONS], dtype=np.float32)
    return round(float(np.max(matrix @ query)), 4) if matrix.size else 0.0


def _cosine(query, vectors, name: str) -> float | None:
    """Similarity of the query and the clause in the query's language (vectors are unit)."""
    if query is None or not isinstance(vectors, dict) or name not in vectors:
        return None
    return round(float(np.dot(query, np.asarray(vectors[name], dtype=np.float32))), 4)
