"""Where the index lives and which parts build it (the ui layer reads them from the
environment: ui.settings.Settings.index())."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# A build writes a new generation, `<collection>__<time in ns>`, and points the alias
# `<collection>` at it (indexing/build.py).
GENERATION_SEP = "__"


@dataclass(frozen=True)
class IndexSettings:
    data_dir: Path
    collection: str
    qdrant_url: str | None
    qdrant_api_key: str | None
    embedder: str
    kk_analyzer: str = "suffix"
    query_cache: int = 2048  # query embeddings kept in memory (0: none); see search.py

    @property
    def qdrant_path(self) -> Path:
        return self.data_dir / "qdrant"

    def generation(self, stamp: int) -> str:
        return f"{self.collection}{GENERATION_SEP}{stamp}"

    def generation_stamp(self, name: str) -> int | None:
        """The build time of one of this collection's generations (None: not one)."""
        collection, sep, stamp = name.rpartition(GENERATION_SEP)
        return int(stamp) if sep and collection == self.collection and stamp.isdigit() else None

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "embedding_cache.sqlite"
