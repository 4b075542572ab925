"""A read-only copy of the live index that processes load without opening Qdrant.

Embedded Qdrant storage admits one process, and opening it costs a second and about
150 MB. Every build therefore saves the live generation as an engine snapshot
(indexing/engine.py: payloads, dense and multi-vectors, sparse postings; one numpy file,
`<data>/replicas/<generation>.npz`). The workers of `serve --workers N` and a cold CLI
search load it and search in numpy, with the same results. The file is named after the
generation it copies and written under a temporary name, then renamed: a reader never
loads a half-written copy, and copies of older generations are removed. With QDRANT_URL
set, processes talk to the server instead and no copy is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from indexing.config import IndexSettings
from indexing.engine import LocalEngine, SnapshotError
from indexing.errors import IndexUnavailable

if TYPE_CHECKING:
    from qdrant_client import QdrantClient

SUFFIX = ".npz"


def replica_dir(settings: IndexSettings) -> Path:
    return settings.data_dir / "replicas"


def export_replica(client: QdrantClient, settings: IndexSettings) -> Path:
    """Save the live generation to `<data>/replicas/<generation>.npz` (kept if present)."""
    from indexing.qdrant import live_collection

    live = live_collection(client, settings.collection)
    if live is None:
        raise IndexUnavailable(
            f"no index '{settings.collection}' yet: run `policy-assistant index`"
        )
    folder = replica_dir(settings)
    path = folder / f"{live}{SUFFIX}"
    if not path.exists():
        LocalEngine.from_client(client, live).save(path)
    for other in folder.iterdir():  # this collection's older copies, and the old format's
        ours = _collection_of(other, settings) or other.name.endswith(".json.gz")
        if other != path and not other.name.startswith(".") and ours:
            other.unlink(missing_ok=True)
    return path


def current_replica(settings: IndexSettings) -> Path | None:
    """The copy of this collection's newest generation, if a build has saved one."""
    folder = replica_dir(settings)
    if settings.qdrant_url is not None or not folder.is_dir():
        return None
    copies = [p for p in folder.iterdir() if _collection_of(p, settings)]
    return max(copies, key=lambda p: settings.generation_stamp(p.stem) or 0, default=None)


def _collection_of(path: Path, settings: IndexSettings) -> bool:
    return path.suffix == SUFFIX and settings.generation_stamp(path.stem) is not None


def open_replica(path: str | Path) -> LocalEngine:
    """The engine saved at `path`; IndexUnavailable naming the fix when it cannot be read."""
    path = Path(path)
    try:
        return LocalEngine.load(path)
    except SnapshotError as exc:
        raise IndexUnavailable(
            f"the index copy {path} cannot be read ({exc}): run `policy-assistant index`, "
            "then start again"
        ) from exc
