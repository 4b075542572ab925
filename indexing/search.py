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
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from qdrant_client import QdrantClient, models

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
from indexing.glossary import expansions
from indexing.language import detect_language, query_text_for
from indexing.qdrant import IndexUnavailable, live_collection, open_client
from indexing.sparse import query_vector

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


class Retriever:
    """Loads the embedder and opens the index once; `search` is then cheap."""

    def __init__(
        self,
        settings: IndexSettings,
        embedder: Embedder | None = None,
        client: QdrantClient | None = None,
        weights: SearchWeights | None = None,
        expand: bool = True,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(self.settings.embedder)
        self.client = client or open_client(self.settings)
        self.weights = weights or SearchWeights()
        self.expand = expand
        # The embedded Qdrant store is not made for concurrent use from many threads.
        self._lock = threading.Lock()
        if live_collection(self.client, self.settings.collection) is None:
            raise IndexUnavailable(
                f"no index '{self.settings.collection}' yet: run `policy-assistant index`"
            )

    def close(self) -> None:
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
        lists: list[tuple[models.Prefetch, float]] = []
        card_lists: list[models.Prefetch] = []
        vector = None
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_queries([text])[0].tolist()
            langs = [lang] if lang == "kk" else [lang, "kk"]
            for target, weight in zip(langs, (w.dense, w.dense_kk), strict=False):
                lists.append((_prefetch(vector, dense_name(target)), weight))
            lists.append((_prefetch(vector, DENSE_MORE), w.dense_more))
            card_lists.append(_prefetch(vector, CARD))
        if mode in ("hybrid", "bm25"):
            terms = analyze(
                " ".join([text, *(expansions(text, lang) if self.expand else [])]),
                lang,
                self.settings.kk_analyzer,
            )
            if terms:
                sparse = query_vector(terms)
                lists.append((_prefetch(sparse, sparse_name(lang)), w.sparse))
                lists.append((_prefetch(sparse, more_name(lang)), w.sparse_more))
                card_lists.append(_prefetch(sparse, card_sparse_name(lang)))
        lists = [(p, weight) for p, weight in lists if weight > 0]
        if not lists:
            return SearchResult(query, lang, [])
        with self._lock:
            response = self._query(lists, k, lang, vector is not None)
            cards = self._cards(card_lists, vector) if w.cards and card_lists else []
        unit = np.asarray(vector, dtype=np.float32) if vector is not None else None
        hits = [
            Hit(
                point.payload["clause_id"],
                round(point.score, 6),
                point.payload["section"],
                _cosine(unit, point.vector, dense_name(lang)),
                _cosine(unit, point.vector, DENSE_MORE),
            )
            for point in response.points
        ]
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResult(query, lang, hits, {"total": round(elapsed, 2)}, cards)

    def _query(self, lists, k: int, lang: str, with_vector: bool):
        return self.client.query_points(
            self.settings.collection,
            prefetch=[p for p, _ in lists],
            query=models.RrfQuery(
                rrf=models.Rrf(k=self.weights.rrf_k, weights=[weight for _, weight in lists])
            ),
            limit=k,
            with_payload=["clause_id", "section"],
            with_vectors=[dense_name(lang), DENSE_MORE] if with_vector else False,
        )

    def _cards(self, lists: list[models.Prefetch], vector) -> list[CardHit]:
        """The cards whose questions are closest, with their best question's cosine."""
        response = self.client.query_points(
            self.settings.collection,
            prefetch=lists,
            query=models.RrfQuery(rrf=models.Rrf(k=self.weights.rrf_k)),
            limit=CARD_CANDIDATES,
            with_payload=["card_id", "clauses"],
            with_vectors=[CARD_QUESTIONS] if vector is not None else False,
        )
        unit = np.asarray(vector, dtype=np.float32) if vector is not None else None
        return [
            CardHit(
                point.payload["card_id"],
                round(point.score, 6),
                _max_sim(unit, point.vector),
                tuple(point.payload.get("clauses", ())),
            )
            for point in response.points
            if "card_id" in (point.payload or {})
        ]


def _prefetch(query, using: str) -> models.Prefetch:
    return models.Prefetch(query=query, using=using, limit=CANDIDATES)


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
