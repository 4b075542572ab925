"""A read-only copy of the live index that several worker processes can load at once.

Embedded Qdrant storage admits one process. `serve --workers N` therefore builds the
index in the parent, writes the live generation to one file (vectors, sparse vectors and
payload of every point, gzip-compressed JSON), and each worker loads that file into an
in-memory Qdrant under the same alias. The file is named after the generation it copies,
so a worker never loads a half-written or older index: it is written under a temporary
name and renamed into place. With QDRANT_URL set, workers talk to the server instead and
no replica is made.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from qdrant_client import QdrantClient, models

from indexing.config import IndexSettings
from indexing.qdrant import IndexUnavailable, live_collection

FORMAT = 1
SCROLL_PAGE = 256


def replica_dir(settings: IndexSettings) -> Path:
    return settings.data_dir / "replicas"


def export_replica(client: QdrantClient, settings: IndexSettings) -> Path:
    """Write the live generation to `<data>/replicas/<generation>.json.gz` (kept if present)."""
    live = live_collection(client, settings.collection)
    if live is None:
        raise IndexUnavailable(
            f"no index '{settings.collection}' yet: run `policy-assistant index`"
        )
    folder = replica_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{live}.json.gz"
    if not path.exists():
        params = client.get_collection(live).config.params
        snapshot = {
            "format": FORMAT,
            "alias": settings.collection,
            "collection": live,
            "dense": {
                name: {
                    "size": v.size,
                    "distance": v.distance.value,
                    "multivector": v.multivector_config is not None,
                }
                for name, v in (params.vectors or {}).items()
            },
            "sparse": {
                name: {"modifier": v.modifier.value if v.modifier else None}
                for name, v in (params.sparse_vectors or {}).items()
            },
            "points": list(_points(client, live)),
        }
        partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with gzip.open(partial, "wt", encoding="utf-8", compresslevel=5) as out:
            json.dump(snapshot, out, ensure_ascii=False)
        os.replace(partial, path)
    for other in folder.iterdir():  # copies of generations that are no longer live
        if other != path and not other.name.startswith("."):
            other.unlink(missing_ok=True)
    return path


def _points(client: QdrantClient, collection: str):
    offset = None
    while True:
        points, offset = client.scroll(
            collection, limit=SCROLL_PAGE, offset=offset, with_payload=True, with_vectors=True
        )
        for point in points:
            dense, sparse = {}, {}
            for name, vector in (point.vector or {}).items():
                if isinstance(vector, models.SparseVector):
                    sparse[name] = {"indices": vector.indices, "values": vector.values}
                else:
                    dense[name] = vector
            yield {"id": str(point.id), "payload": point.payload, "dense": dense, "sparse": sparse}
        if offset is None:
            return


def is_replica(client: QdrantClient) -> bool:
    """True for a worker's in-memory copy, which a re-index would change in one worker only."""
    return getattr(client, "policy_replica", None) is not None


def open_replica(path: str | Path) -> QdrantClient:
    """An in-memory Qdrant holding the replica at `path`, reachable under its alias."""
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            snapshot = json.load(source)
        if snapshot.get("format") != FORMAT:
            raise ValueError(f"unknown replica format {snapshot.get('format')!r}")
    except (OSError, EOFError, ValueError) as exc:
        raise IndexUnavailable(
            f"the index copy {path} cannot be read ({exc}): run `policy-assistant index`, "
            "then start `policy-assistant serve` again"
        ) from exc
    client = QdrantClient(":memory:")
    client.policy_replica = path  # type: ignore[attr-defined] # read by is_replica()
    collection = snapshot["collection"]
    client.create_collection(
        collection,
        vectors_config={
            name: models.VectorParams(
                size=v["size"],
                distance=models.Distance(v["distance"]),
                multivector_config=models.MultiVectorConfig(
                    comparator=models.MultiVectorComparator.MAX_SIM
                )
                if v.get("multivector")
                else None,
            )
            for name, v in snapshot["dense"].items()
        },
        sparse_vectors_config={
            name: models.SparseVectorParams(
                modifier=models.Modifier(v["modifier"]) if v["modifier"] else None
            )
            for name, v in snapshot["sparse"].items()
        },
    )
    points = [
        models.PointStruct(
            id=p["id"],
            payload=p["payload"],
            vector={
                **p["dense"],
                **{name: models.SparseVector(**s) for name, s in p["sparse"].items()},
            },
        )
        for p in snapshot["points"]
    ]
    for start in range(0, len(points), SCROLL_PAGE):
        client.upsert(collection, points=points[start : start + SCROLL_PAGE])
    client.update_collection_aliases(
        change_aliases_operations=[
            models.CreateAliasOperation(
                create_alias=models.CreateAlias(
                    collection_name=collection, alias_name=snapshot["alias"]
                )
            )
        ]
    )
    return client
