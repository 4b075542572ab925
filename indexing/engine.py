"""The embedded index's candidate lists and their fusion, scored in numpy.

Qdrant's embedded (local) mode scores a sparse list with a Python loop over every point
that holds the vector: with the editorial channels that was three such loops per query,
about half of a warm answer's time. This engine reads the live collection once (vectors
and payloads, through the public scroll API) and answers the same query as
`Retriever.search` builds it for Qdrant: each list ranked as Qdrant ranks it (cosine for
dense vectors; BM25 with the collection's IDF, `ln((N - df + 0.5) / (df + 0.5) + 1)`, over
the points that hold the sparse vector, for sparse ones; at most `limit` candidates, sparse
ones only where a term overlaps), then weighted reciprocal rank fusion with Qdrant's
formula, `w / (rank + 1 + w (k - 1))` summed over the lists (rank from 0). A test holds its
results to Qdrant's on the evaluation sets (tests/indexing/test_engine.py). A Qdrant server
(`QDRANT_URL`) is fast as it is and keeps the query API.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from qdrant_client import QdrantClient, models

SCROLL_PAGE = 256


@dataclass(frozen=True)
class ListQuery:
    """One candidate list: a dense vector or a sparse (term, weight) query on `using`."""

    using: str
    dense: list[float] | None = None
    sparse: models.SparseVector | None = None


@dataclass
class _Postings:
    """A sparse vector's inverted index: term -> (rows, weights); `docs`: rows holding it."""

    terms: dict[int, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    docs: int = 0


@dataclass(frozen=True)
class Scored:
    row: int
    score: float


class LocalEngine:
    """One collection generation, held in memory (a few MB for this corpus)."""

    def __init__(self, client: QdrantClient, collection: str) -> None:
        self.collection = collection
        self.payloads: list[dict[str, Any]] = []
        self.vectors: list[dict[str, Any]] = []
        offset = None
        while True:
            points, offset = client.scroll(
                collection, limit=SCROLL_PAGE, offset=offset, with_payload=True, with_vectors=True
            )
            for point in points:
                self.payloads.append(point.payload or {})
                self.vectors.append(point.vector if isinstance(point.vector, dict) else {})
            if offset is None:
                break
        # Rows in the policy's order (clauses, then cards), so that equal scores rank the
        # earlier clause first: list items share their lead-in's editorial vectors.
        order = sorted(range(len(self.payloads)), key=lambda row: _policy_order(self.payloads[row]))
        self.payloads = [self.payloads[row] for row in order]
        self.vectors = [self.vectors[row] for row in order]
        self._dense: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._sparse: dict[str, _Postings] = {}
        self._index()

    def _index(self) -> None:
        dense_rows: dict[str, list[int]] = {}
        dense_vectors: dict[str, list[Any]] = {}
        sparse_rows: dict[str, dict[int, tuple[list[int], list[float]]]] = {}
        sparse_docs: dict[str, int] = {}
        for row, named in enumerate(self.vectors):
            for name, vector in named.items():
                if isinstance(vector, models.SparseVector):
                    sparse_docs[name] = sparse_docs.get(name, 0) + 1
                    postings = sparse_rows.setdefault(name, {})
                    for term, weight in zip(vector.indices, vector.values, strict=True):
                        rows, weights = postings.setdefault(term, ([], []))
                        rows.append(row)
                        weights.append(weight)
                elif vector and not isinstance(vector[0], list):  # a multivector is not a list
                    dense_rows.setdefault(name, []).append(row)
                    dense_vectors.setdefault(name, []).append(vector)
        for name, rows in dense_rows.items():
            # cosine: unit rows (a collection just written may hand back the raw vectors)
            matrix = np.asarray(dense_vectors[name], dtype=np.float32)
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            self._dense[name] = (np.asarray(rows), matrix / np.where(norms == 0, 1, norms))
        # What a hit reports (its cosines) reads the dense and multi-vectors: kept as arrays.
        self.vectors = [
            {
                name: np.asarray(vector, dtype=np.float32)
                for name, vector in named.items()
                if not isinstance(vector, models.SparseVector)
            }
            for named in self.vectors
        ]
        for name, postings in sparse_rows.items():
            self._sparse[name] = _Postings(
                {
                    term: (np.asarray(rows), np.asarray(weights, dtype=np.float64))
                    for term, (rows, weights) in postings.items()
                },
                sparse_docs[name],
            )

    def ranked(self, query: ListQuery, limit: int) -> list[Scored]:
        """One list, best first, as Qdrant's local mode ranks it."""
        if query.dense is not None:
            return self._dense_list(query.using, query.dense, limit)
        if query.sparse is not None:
            return self._sparse_list(query.using, query.sparse, limit)
        return []

    def _dense_list(self, name: str, vector: list[float], limit: int) -> list[Scored]:
        if name not in self._dense:
            return []
        rows, matrix = self._dense[name]
        unit = np.asarray(vector, dtype=np.float64)
        unit = unit / (np.linalg.norm(unit) or 1.0)
        scores = matrix @ unit  # float64, as Qdrant's cosine
        order = np.lexsort((rows, -scores))[:limit]  # ties: the earlier clause first
        return [Scored(int(rows[i]), float(scores[i])) for i in order]

    def _sparse_list(self, name: str, vector: models.SparseVector, limit: int) -> list[Scored]:
        index = self._sparse.get(name)
        if index is None:
            return []
        totals = np.zeros(len(self.vectors), dtype=np.float64)
        overlap = np.zeros(len(self.vectors), dtype=bool)
        # term by term in index order, in double precision, as Qdrant sums a dot product
        for term, weight in sorted(zip(vector.indices, vector.values, strict=True)):
            postings = index.terms.get(term)
            if postings is None:
                continue
            rows, weights = postings
            idf = math.log((index.docs - len(rows) + 0.5) / (len(rows) + 0.5) + 1)
            totals[rows] += (weight * idf) * weights  # a term's rows are distinct
            overlap[rows] = True
        rows = np.nonzero(overlap)[0]
        if not len(rows):
            return []
        scores = totals[rows].astype(np.float32)
        order = np.lexsort((rows, -scores))[:limit]  # ties: the earlier clause first
        return [Scored(int(rows[i]), float(scores[i])) for i in order]

    @staticmethod
    def fuse(lists: list[list[Scored]], weights: list[float], k: int, limit: int) -> list[Scored]:
        """Weighted reciprocal rank fusion, as Qdrant computes it."""
        fused: dict[int, float] = {}
        for ranked, weight in zip(lists, weights, strict=True):
            for rank, hit in enumerate(ranked):
                share = 1 / ((rank + 1.0) / weight + k - 1.0) if weight > 0 else 0.0
                fused[hit.row] = fused.get(hit.row, 0.0) + share
        best = sorted(fused.items(), key=lambda item: item[1], reverse=True)[:limit]
        return [Scored(row, score) for row, score in best]


def _policy_order(payload: dict[str, Any]) -> tuple:
    """Clauses by section and number ("8.9" before "8.10"; "8.T1" after the numbered ones),
    then answer cards by id."""
    clause_id = str(payload.get("clause_id", ""))
    if not clause_id:
        return (1, 0, (), str(payload.get("card_id", "")))
    section, _, local = clause_id.partition(".")
    number = (0, int(local), "") if local.isdigit() else (1, 0, local)
    return (0, int(section) if section.isdigit() else 0, number, "")
