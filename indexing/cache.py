"""Embeddings cached by content hash, so re-indexing embeds only what changed; what the
cache lacks is looked up in the shipped seed (indexing/seed.py) before it is computed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import numpy as np

from indexing.seed import Seed


def content_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    def __init__(self, path: Path, seed: Seed | None = None) -> None:
        self.seed = seed
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
            [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
        )
        self._db.commit()

    def embed(
        self,
        model: str,
        texts: list[str],
        compute: Callable[[list[str]], np.ndarray],
        batch_size: int = 16,
        on_batch: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, int]:
        """Vectors for `texts`, computing only the missing ones. Returns (vectors, computed)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32), 0
        keys = [content_key(model, t) for t in texts]
        known = self.get_many(list(dict.fromkeys(keys)))
        if self.seed is not None:
            shipped = self.seed.get_many([k for k in dict.fromkeys(keys) if k not in known])
            if shipped:
                self.put_many(shipped)
                known.update(shipped)
        missing = [i for i, k in enumerate(keys) if k not in known]
        if on_batch:
            on_batch(len(texts) - len(missing))
        for start in range(0, len(missing), batch_size):
            batch = missing[start : start + batch_size]
            vectors = compute([texts[i] for i in batch])
            fresh = {keys[i]: v for i, v in zip(batch, vectors, strict=True)}
            self.put_many(fresh)
            known.update(fresh)
            if on_batch:
                on_batch(len(batch))
        return np.stack([known[k] for k in keys]), len(missing)

    def close(self) -> None:
        self._db.close()
