"""One Qdrant collection, embedded by default or a server/cluster when QDRANT_URL is set."""

from __future__ import annotations

import logging
import time

from qdrant_client import QdrantClient, models

from corpus.languages import LANGS
from indexing.config import GENERATION_SEP, IndexSettings
from indexing.documents import (
    CENTROIDS,
    MULTIVECTORS,
    card_sparse_name,
    dense_name,
    more_name,
    sparse_name,
)
from indexing.errors import IndexDamaged, IndexUnavailable

log = logging.getLogger("policy_assistant.index")


def open_client(settings: IndexSettings, repair: bool = False) -> QdrantClient:
    """A client on the server (QDRANT_URL) or on the embedded store under the data dir.

    A damaged embedded store raises IndexDamaged naming the fix; with `repair` (what
    `policy-assistant index` and `serve` do) it is moved aside and an empty one opened,
    which the caller then fills: embeddings come back from the cache, so it is quick.
    """
    if settings.qdrant_url:
        return QdrantClient(url=settings.qdrant_url, api_key=settings.qdrant_api_key)
    path = settings.qdrant_path
    path.mkdir(parents=True, exist_ok=True)
    try:
        return QdrantClient(path=str(path))
    except RuntimeError as exc:  # embedded storage admits one process at a time
        raise IndexUnavailable(
            f"the embedded index at {path} is in use by another process "
            "(stop it, or run a Qdrant server and set QDRANT_URL)"
        ) from exc
    except Exception as exc:  # unreadable meta.json / storage.sqlite, truncated pickles
        if not repair:
            raise IndexDamaged(
                f"the index at {path} is damaged ({type(exc).__name__}: {exc}): "
                "run `policy-assistant index` to rebuild it"
            ) from exc
        aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        log.warning("index at %s is damaged (%s); moved to %s, rebuilding", path, exc, aside)
        path.rename(aside)
        path.mkdir()
        return QdrantClient(path=str(path))


def live_collection(client: QdrantClient, name: str) -> str | None:
    """The collection the alias `name` points at (or `name` itself, an older layout)."""
    for alias in client.get_aliases().aliases:
        if alias.alias_name == name:
            return alias.collection_name
    names = {c.name for c in client.get_collections().collections}
    return name if name in names else None


def needs_new_collection(
    client: QdrantClient, name: str, dim: int, langs: tuple[str, ...] = LANGS
) -> bool:
    """True when the collection's vectors no longer fit the embedder, the languages or the
    channels (an index from before the editorial channels is rebuilt, not patched)."""
    params = client.get_collection(name).config.params
    dense = params.vectors if isinstance(params.vectors, dict) else {}
    sparse = params.sparse_vectors or {}
    wanted_dense = [dense_name(lang) for lang in langs] + [*CENTROIDS, *MULTIVECTORS]
    return not (
        all(n in dense and dense[n].size == dim for n in wanted_dense)
        and all(n in sparse for n in _sparse_names(langs))
    )


def _sparse_names(langs: tuple[str, ...]) -> list[str]:
    return [f(lang) for lang in langs for f in (sparse_name, more_name, card_sparse_name)]


def ensure_collection(
    client: QdrantClient, name: str, dim: int, langs: tuple[str, ...] = LANGS
) -> None:
    """Create an empty collection: a dense and a sparse vector per language for clause
    texts, the editorial channels and the card channels (indexing/documents.py). A point
    carries only the vectors of its kind."""
    if client.collection_exists(name):
        client.delete_collection(name)
    maxsim = models.MultiVectorConfig(comparator=models.MultiVectorComparator.MAX_SIM)
    dense = {
        n: models.VectorParams(size=dim, distance=models.Distance.COSINE)
        for n in [*(dense_name(lang) for lang in langs), *CENTROIDS]
    }
    dense |= {  # stored for the confidence of a match, never searched: no HNSW graph
        n: models.VectorParams(
            size=dim,
            distance=models.Distance.COSINE,
            multivector_config=maxsim,
            hnsw_config=models.HnswConfigDiff(m=0),
        )
        for n in MULTIVECTORS
    }
    client.create_collection(
        name,
        vectors_config=dense,
        sparse_vectors_config={
            n: models.SparseVectorParams(modifier=models.Modifier.IDF) for n in _sparse_names(langs)
        },
    )


def switch_alias(client: QdrantClient, alias: str, collection: str) -> None:
    """Point `alias` at `collection` in one operation (readers see old or new, never neither)."""
    names = {c.name for c in client.get_collections().collections}
    if alias in names:  # an older layout kept the index under the alias's own name
        client.delete_collection(alias)
    client.update_collection_aliases(
        change_aliases_operations=[
            models.DeleteAliasOperation(delete_alias=models.DeleteAlias(alias_name=alias)),
            models.CreateAliasOperation(
                create_alias=models.CreateAlias(collection_name=collection, alias_name=alias)
            ),
        ]
    )


def drop_old_generations(client: QdrantClient, alias: str) -> list[str]:
    """Delete generations the alias no longer points at (left by earlier or killed builds)."""
    live = live_collection(client, alias)
    dropped = []
    for collection in client.get_collections().collections:
        if collection.name.startswith(alias + GENERATION_SEP) and collection.name != live:
            client.delete_collection(collection.name)
            dropped.append(collection.name)
    return dropped
