"""One Qdrant collection, embedded by default or a server/cluster when QDRANT_URL is set."""

from __future__ import annotations

from qdrant_client import QdrantClient, models

from indexing.config import IndexSettings

DENSE = "dense"
SPARSE = "sparse"


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


def ensure_collection(client: QdrantClient, name: str, dim: int, server: bool = False) -> bool:
    """Create the collection if needed; recreate it when the dense size changed.

    Returns True when the collection was (re)created empty.
    """
    if client.collection_exists(name):
        info = client.get_collection(name)
        vectors = info.config.params.vectors
        size = vectors[DENSE].size if isinstance(vectors, dict) and DENSE in vectors else None
        if size == dim:
            return False
        client.delete_collection(name)
    client.create_collection(
        name,
        vectors_config={DENSE: models.VectorParams(size=dim, distance=models.Distance.COSINE)},
        sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
    )
    if server:  # payload indexes speed up filters on a server; embedded mode ignores them
        for field, schema in (
            ("lang", "keyword"),
            ("clause_id", "keyword"),
            ("section", "integer"),
        ):
            client.create_payload_index(name, field, field_schema=schema)
    return True
