"""One Qdrant collection, embedded by default or a server/cluster when QDRANT_URL is set."""

from __future__ import annotations

from qdrant_client import QdrantClient, models

from indexing.config import IndexSettings
from indexing.documents import LANGS, dense_name, sparse_name


class IndexUnavailable(RuntimeError):
    """The index cannot be opened; the message names the fix."""


def open_client(settings: IndexSettings) -> QdrantClient:
    if settings.qdrant_url:
        return QdrantClient(url=settings.qdrant_url, api_key=settings.qdrant_api_key)
    settings.qdrant_path.mkdir(parents=True, exist_ok=True)
    try:
        return QdrantClient(path=str(settings.qdrant_path))
    except RuntimeError as exc:  # embedded storage admits one process at a time
        raise IndexUnavailable(
            f"the embedded index at {settings.qdrant_path} is in use by another process "
            "(stop it, or run a Qdrant server and set QDRANT_URL)"
        ) from exc


def ensure_collection(
    client: QdrantClient, name: str, dim: int, langs: tuple[str, ...] = LANGS
) -> bool:
    """Create the collection if needed; recreate it when its vectors no longer fit.

    Returns True when the collection was (re)created empty.
    """
    if client.collection_exists(name):
        params = client.get_collection(name).config.params
        dense = params.vectors if isinstance(params.vectors, dict) else {}
        sparse = params.sparse_vectors or {}
        fits = all(
            dense_name(lang) in dense
            and dense[dense_name(lang)].size == dim
            and sparse_name(lang) in sparse
            for lang in langs
        )
        if fits:
            return False
        client.delete_collection(name)
    client.create_collection(
        name,
        vectors_config={
            dense_name(lang): models.VectorParams(size=dim, distance=models.Distance.COSINE)
            for lang in langs
        },
        sparse_vectors_config={
            sparse_name(lang): models.SparseVectorParams(modifier=models.Modifier.IDF)
            for lang in langs
        },
    )
    return True
