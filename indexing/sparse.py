"""BM25 as Qdrant sparse vectors.

Documents carry the BM25 term-frequency part; Qdrant's IDF modifier supplies the
inverse document frequency at query time, so adding a clause needs no global
re-weighting. Terms map to indices by a stable hash (no vocabulary file to keep).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qdrant_client import models

K1 = 1.2
B = 0.75


def term_index(term: str) -> int:
    return (
        int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=4).digest()) & 0x7FFFFFFF
    )


@dataclass(frozen=True)
class SparseQuery:
    """A query's terms (sorted indices, weight 1 each): searchable by the in-process
    engine without Qdrant's client, and by Qdrant through `to_qdrant()`."""

    indices: list[int]
    values: list[float]

    def to_qdrant(self) -> models.SparseVector:
        from qdrant_client import models

        return models.SparseVector(indices=self.indices, values=self.values)


def document_vector(terms: list[str], avg_length: float) -> models.SparseVector:
    from qdrant_client import models

    counts = Counter(terms)
    length = len(terms)
    norm = K1 * (1 - B + B * length / avg_length) if avg_length else K1
    weights: dict[int, float] = {}
    for term, tf in counts.items():
        index = term_index(term)
        weights[index] = weights.get(index, 0.0) + tf * (K1 + 1) / (tf + norm)
    return models.SparseVector(indices=list(weights), values=list(weights.values()))


def query_vector(terms: list[str]) -> SparseQuery:
    indices = sorted({term_index(t) for t in terms})
    return SparseQuery(indices=indices, values=[1.0] * len(indices))
