"""Hybrid trilingual search: dense e5 + language-matched BM25, fused by RRF in Qdrant.

BM25 only works within one language, so the sparse list searches the query's
own language (with the glossary's expansions); the dense lists search the
query's language and the official Kazakh. Each clause is one point with named
vectors per language, so Qdrant's weighted reciprocal rank fusion already ranks
clauses: a clause found in two lists sums its contributions.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from qdrant_client import QdrantClient, models

from corpus.languages import is_lang
from indexing.analyzers import analyze
from indexing.config import IndexSettings
from indexing.documents import dense_name, sparse_name
from indexing.embedders import Embedder, get_embedder
from indexing.glossary import expansions
from indexing.language import detect_language, query_text_for
from indexing.qdrant import IndexUnavailable, live_collection, open_client
from indexing.sparse import query_vector

Mode = Literal["hybrid", "dense", "bm25"]
CANDIDATES = 40


@dataclass(frozen=True)
class Hit:
    clause_id: str
    score: float  # fused RRF score: a rank signal, comparable only within one result list
    section: int
    similarity: float | None = None  # cosine of the query and the clause in the query language


@dataclass(frozen=True)
class SearchResult:
    query: str
    lang: str
    hits: list[Hit]
    timings_ms: dict[str, float] = field(default_factory=dict)


@dataclass
class SearchWeights:
    """RRF weights of the candidate lists. Chosen on the dev set (evals/reports/retrieval.md):
    the official-Kazakh dense list at half weight for ru/en queries, and a small RRF constant
    so that the top of each list counts most."""

    dense: float = 1.0
    dense_kk: float = 0.5
    sparse: float = 1.0
    rrf_k: int = 10


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

    def search(self, query: str, k: int = 5, lang: str | None = None, mode: Mode = "hybrid"):
        started = time.perf_counter()
        lang = lang if is_lang(lang) else detect_language(query)
        text = query_text_for(query, lang)
        prefetch, weights = [], []
        vector = None
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_queries([text])[0].tolist()
            langs = [lang] if lang == "kk" else [lang, "kk"]
            for target, weight in zip(
                langs, (self.weights.dense, self.weights.dense_kk), strict=False
            ):
                prefetch.append(
                    models.Prefetch(query=vector, using=dense_name(target), limit=CANDIDATES)
                )
                weights.append(weight)
        if mode in ("hybrid", "bm25"):
            terms = analyze(
                " ".join([text, *(expansions(text, lang) if self.expand else [])]),
                lang,
                self.settings.kk_analyzer,
            )
            if terms:
                prefetch.append(
                    models.Prefetch(
                        query=query_vector(terms), using=sparse_name(lang), limit=CANDIDATES
                    )
                )
                weights.append(self.weights.sparse)
        if not prefetch:
            return SearchResult(query, lang, [])
        with self._lock:
            response = self._query(prefetch, weights, k, lang, vector is not None)
        unit = np.asarray(vector, dtype=np.float32) if vector is not None else None
        hits = [
            Hit(
                point.payload["clause_id"],
                round(point.score, 6),
                point.payload["section"],
                _cosine(unit, point.vector, dense_name(lang)),
            )
            for point in response.points
        ]
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResult(query, lang, hits, {"total": round(elapsed, 2)})

    def _query(self, prefetch, weights, k: int, lang: str, with_vector: bool):
        return self.client.query_points(
            self.settings.collection,
            prefetch=prefetch,
            query=models.RrfQuery(rrf=models.Rrf(k=self.weights.rrf_k, weights=weights)),
            limit=k,
            with_payload=["clause_id", "section"],
            with_vectors=[dense_name(lang)] if with_vector else False,
        )


def _cosine(query, vectors, name: str) -> float | None:
    """Similarity of the query and the clause in the query's language (vectors are unit)."""
    if query is None or not isinstance(vectors, dict) or name not in vectors:
        return None
    return round(float(np.dot(query, np.asarray(vectors[name], dtype=np.float32))), 4)
