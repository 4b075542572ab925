"""Hybrid trilingual search: dense e5 + language-matched BM25, fused by RRF in Qdrant.

BM25 only works within one language, so the sparse list searches the query's
own language (with the glossary's expansions); the dense list searches the
query's language and the official Kazakh. Qdrant fuses the lists with weighted
reciprocal rank fusion; hits are then merged by clause id (a clause found in
two languages sums its contributions).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

from qdrant_client import QdrantClient, models

from indexing.analyzers import analyze
from indexing.config import IndexSettings
from indexing.embedders import Embedder, get_embedder
from indexing.glossary import expansions
from indexing.language import detect_language, query_text_for
from indexing.qdrant import DENSE, SPARSE, IndexUnavailable, open_client
from indexing.sparse import query_vector

Mode = Literal["hybrid", "dense", "bm25"]
CANDIDATES = 40


@dataclass(frozen=True)
class Hit:
    clause_id: str
    score: float
    section: int


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
        settings: IndexSettings | None = None,
        embedder: Embedder | None = None,
        client: QdrantClient | None = None,
        weights: SearchWeights | None = None,
        expand: bool = True,
    ) -> None:
        self.settings = settings or IndexSettings.from_env()
        self.embedder = embedder or get_embedder(self.settings.embedder)
        self.client = client or open_client(self.settings)
        self.weights = weights or SearchWeights()
        self.expand = expand
        if not self.client.collection_exists(self.settings.collection):
            raise IndexUnavailable(
                f"no index '{self.settings.collection}' yet: run `policy-assistant index`"
            )

    def close(self) -> None:
        self.client.close()

    def search(self, query: str, k: int = 5, lang: str | None = None, mode: Mode = "hybrid"):
        started = time.perf_counter()
        lang = lang if lang in ("kk", "ru", "en") else detect_language(query)
        text = query_text_for(query, lang)
        prefetch, weights = [], []
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_queries([text])[0].tolist()
            langs = [lang] if lang == "kk" else [lang, "kk"]
            for target, weight in zip(
                langs, (self.weights.dense, self.weights.dense_kk), strict=False
            ):
                prefetch.append(
                    models.Prefetch(
                        query=vector, using=DENSE, limit=CANDIDATES, filter=_lang_filter(target)
                    )
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
                        query=query_vector(terms),
                        using=SPARSE,
                        limit=CANDIDATES,
                        filter=_lang_filter(lang),
                    )
                )
                weights.append(self.weights.sparse)
        if not prefetch:
            return SearchResult(query, lang, [])
        response = self.client.query_points(
            self.settings.collection,
            prefetch=prefetch,
            query=models.RrfQuery(rrf=models.Rrf(k=self.weights.rrf_k, weights=weights)),
            limit=CANDIDATES * len(prefetch),
            with_payload=["clause_id", "section"],
        )
        scores: dict[str, float] = {}
        sections: dict[str, int] = {}
        for point in response.points:
            cid = point.payload["clause_id"]
            scores[cid] = scores.get(cid, 0.0) + point.score
            sections[cid] = point.payload["section"]
        ranked = sorted(scores.items(), key=lambda item: -item[1])[:k]
        hits = [Hit(cid, round(score, 6), sections[cid]) for cid, score in ranked]
        elapsed = (time.perf_counter() - started) * 1000
        return SearchResult(query, lang, hits, {"total": round(elapsed, 2)})


def _lang_filter(lang: str) -> models.Filter:
    return models.Filter(
        must=[models.FieldCondition(key="lang", match=models.MatchValue(value=lang))]
    )
