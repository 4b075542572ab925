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

import json
import math
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from indexing.sparse import SparseQuery

if TYPE_CHECKING:  # the engine itself never needs Qdrant's client: a snapshot is enough
    from qdrant_client import QdrantClient

SCROLL_PAGE = 256
SNAPSHOT_FORMAT = 2
POSTING_PARTS = ("terms", "ptr", "rows", "weights")  # the arrays of _Postings, in order


class SnapshotError(ValueError):
    """A snapshot file that is missing, truncated, or of another format."""


@dataclass(frozen=True)
class ListQuery:
    """One candidate list: a dense vector or a sparse (term, weight) query on `using`."""

    using: str
    dense: list[float] | None = None
    sparse: SparseQuery | None = None


@dataclass(frozen=True)
class _Postings:
    """A sparse vector's inverted index in compressed-row form: the rows and weights of
    term `terms[i]` are `rows[ptr[i]:ptr[i + 1]]`; `docs`: rows that hold the vector."""

    terms: np.ndarray  # sorted term ids
    ptr: np.ndarray
    rows: np.ndarray
    weights: np.ndarray
    docs: int

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray] | None:
        at = int(np.searchsorted(self.terms, term))
        if at == len(self.terms) or self.terms[at] != term:
            return None
        span = slice(self.ptr[at], self.ptr[at + 1])
        return self.rows[span], self.weights[span]


@dataclass(frozen=True)
class Scored:
    row: int
    score: float


class LocalEngine:
    """One collection generation, held in memory (a few MB for this corpus).

    Built once from the live collection (`from_client`), it can be saved as a snapshot
    (`save`, one numpy file) and loaded without Qdrant at all (`load`): what the workers
    of `serve --workers N` and a cold CLI search run on.
    """

    def __init__(
        self,
        collection: str,
        payloads: list[dict[str, Any]],
        dense: dict[str, tuple[np.ndarray, np.ndarray]],
        multi: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]],
        sparse: dict[str, _Postings],
    ) -> None:
        """`dense`: name -> (rows, raw matrix); `multi`: name -> (rows, offsets, stacked
        vectors), a row's vectors being `stacked[offsets[i]:offsets[i + 1]]`."""
        self.collection = collection
        self.payloads = payloads
        self._raw_dense = dense
        self._raw_multi = multi
        self._sparse = sparse
        # cosine: unit rows (a collection just written may hand back the raw vectors)
        self._dense = {
            name: (rows, matrix / np.where(norms == 0, 1, norms))
            for name, (rows, matrix) in dense.items()
            for norms in [np.linalg.norm(matrix, axis=1, keepdims=True)]
        }
        # What a hit reports (its cosines) reads a row's dense and multi-vectors.
        self.vectors: list[dict[str, np.ndarray]] = [{} for _ in payloads]
        for name, (rows, matrix) in dense.items():
            for at, row in enumerate(rows.tolist()):
                self.vectors[row][name] = matrix[at]
        for name, (rows, offsets, stacked) in multi.items():
            for at, row in enumerate(rows.tolist()):
                self.vectors[row][name] = stacked[offsets[at] : offsets[at + 1]]

    @classmethod
    def from_client(cls, client: QdrantClient, collection: str) -> LocalEngine:
        """Read a collection once through the public scroll API."""
        payloads: list[dict[str, Any]] = []
        vectors: list[dict[str, Any]] = []
        offset = None
        while True:
            points, offset = client.scroll(
                collection, limit=SCROLL_PAGE, offset=offset, with_payload=True, with_vectors=True
            )
            for point in points:
                payloads.append(point.payload or {})
                vectors.append(point.vector if isinstance(point.vector, dict) else {})
            if offset is None:
                break
        # Rows in the policy's order (clauses, then cards), so that equal scores rank the
        # earlier clause first: list items share their lead-in's editorial vectors.
        order = sorted(range(len(payloads)), key=lambda row: _policy_order(payloads[row]))
        return cls._from_points(
            collection, [payloads[row] for row in order], [vectors[row] for row in order]
        )

    @classmethod
    def _from_points(
        cls, collection: str, payloads: list[dict[str, Any]], vectors: list[dict[str, Any]]
    ) -> LocalEngine:
        dense: dict[str, tuple[list[int], list[Any]]] = {}
        multi: dict[str, tuple[list[int], list[Any]]] = {}
        sparse: dict[str, dict[int, tuple[list[int], list[float]]]] = {}
        sparse_docs: dict[str, int] = {}
        for row, named in enumerate(vectors):
            for name, vector in named.items():
                if hasattr(vector, "indices"):  # a sparse vector
                    sparse_docs[name] = sparse_docs.get(name, 0) + 1
                    postings = sparse.setdefault(name, {})
                    for term, weight in zip(vector.indices, vector.values, strict=True):
                        rows, weights = postings.setdefault(term, ([], []))
                        rows.append(row)
                        weights.append(weight)
                elif vector and isinstance(vector[0], list):  # a multivector
                    rows, values = multi.setdefault(name, ([], []))
                    rows.append(row)
                    values.append(vector)
                elif vector:
                    rows, values = dense.setdefault(name, ([], []))
                    rows.append(row)
                    values.append(vector)
        return cls(
            collection,
            payloads,
            {
                name: (np.asarray(rows), np.asarray(values, dtype=np.float32))
                for name, (rows, values) in dense.items()
            },
            {name: _stacked(rows, values) for name, (rows, values) in multi.items()},
            {name: _compressed(postings, sparse_docs[name]) for name, postings in sparse.items()},
        )

    # --- snapshot ------------------------------------------------------------------------

    def save(self, path: Path) -> Path:
        """Write the snapshot to `path` atomically (a temporary name, then a rename)."""
        arrays: dict[str, np.ndarray] = {}
        meta: dict[str, Any] = {
            "format": SNAPSHOT_FORMAT,
            "collection": self.collection,
            "payloads": self.payloads,
            "dense": list(self._raw_dense),
            "multi": list(self._raw_multi),
            "sparse": {name: index.docs for name, index in self._sparse.items()},
        }
        for number, (rows, matrix) in enumerate(self._raw_dense.values()):
            arrays[f"dense{number}_rows"], arrays[f"dense{number}"] = rows, matrix
        for number, (rows, offsets, stacked) in enumerate(self._raw_multi.values()):
            arrays[f"multi{number}_rows"], arrays[f"multi{number}_offsets"] = rows, offsets
            arrays[f"multi{number}"] = stacked
        for number, index in enumerate(self._sparse.values()):
            for part in POSTING_PARTS:
                arrays[f"sparse{number}_{part}"] = getattr(index, part)
        arrays["meta"] = np.frombuffer(
            json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with partial.open("wb") as out:
            np.savez(out, **arrays)
        os.replace(partial, path)
        return path

    @classmethod
    def load(cls, path: Path) -> LocalEngine:
        """A saved snapshot; SnapshotError when it cannot be read."""
        try:
            with np.load(path, allow_pickle=False) as saved:
                meta = json.loads(saved["meta"].tobytes().decode("utf-8"))
                if meta.get("format") != SNAPSHOT_FORMAT:
                    raise SnapshotError(f"unknown snapshot format {meta.get('format')!r}")
                dense = {
                    name: (saved[f"dense{n}_rows"], saved[f"dense{n}"])
                    for n, name in enumerate(meta["dense"])
                }
                multi = {
                    name: (saved[f"multi{n}_rows"], saved[f"multi{n}_offsets"], saved[f"multi{n}"])
                    for n, name in enumerate(meta["multi"])
                }
                sparse = {
                    name: _Postings(
                        *(
                            saved[f"sparse{n}_{part}"]
                            for part in ("terms", "ptr", "rows", "weights")
                        ),
                        docs=docs,
                    )
                    for n, (name, docs) in enumerate(meta["sparse"].items())
                }
        except SnapshotError:
            raise
        except (OSError, EOFError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as exc:
            raise SnapshotError(f"{type(exc).__name__}: {exc}") from exc
        return cls(meta["collection"], meta["payloads"], dense, multi, sparse)

    @property
    def rows(self) -> int:
        return len(self.payloads)

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

    def _sparse_list(self, name: str, vector: SparseQuery, limit: int) -> list[Scored]:
        index = self._sparse.get(name)
        if index is None:
            return []
        totals = np.zeros(len(self.vectors), dtype=np.float64)
        overlap = np.zeros(len(self.vectors), dtype=bool)
        # term by term in index order, in double precision, as Qdrant sums a dot product
        for term, weight in sorted(zip(vector.indices, vector.values, strict=True)):
            postings = index.postings(term)
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


def _stacked(rows: list[int], values: list[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sizes = [len(vectors) for vectors in values]
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    stacked = np.asarray([v for vectors in values for v in vectors], dtype=np.float32)
    return np.asarray(rows), offsets, stacked


def _compressed(postings: dict[int, tuple[list[int], list[float]]], docs: int) -> _Postings:
    terms = sorted(postings)
    sizes = [len(postings[term][0]) for term in terms]
    return _Postings(
        np.asarray(terms, dtype=np.int64),
        np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
        np.asarray([row for term in terms for row in postings[term][0]], dtype=np.int64),
        np.asarray([w for term in terms for w in postings[term][1]], dtype=np.float64),
        docs,
    )
