"""Where the index lives and which parts build it (the ui layer reads them from the
environment: ui.settings.Settings.index())."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "embedding_cache.sqlite"
