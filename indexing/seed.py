"""Vectors shipped with the code for the corpus and its editorial layer.

Embedding every clause, gloss and question on a 2-core laptop takes minutes; a fresh
`make serve` must be ready in about one. The seed holds the vectors of the texts that the
committed corpus indexes, for the default embedder (half precision, keyed like the
embedding cache), so a cold build only embeds what changed since the seed was written.
It is an optimisation only: a text it lacks, or another embedder, is embedded as usual.
`policy-assistant index --write-seed` rewrites it after the corpus changes.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

SEED_DIR = Path(__file__).parent / "seed"
KEY_BYTES = 16  # of the cache's sha256 key: collisions are not a concern at this size


def seed_path(model: str, folder: Path = SEED_DIR) -> Path:
    """One file per embedder (its name carries the model's version)."""
    return folder / (re.sub(r"[^A-Za-z0-9.@-]+", "_", model) + ".npz")


def _short(key: str) -> bytes:
    return bytes.fromhex(key)[:KEY_BYTES]


class Seed:
    """Read-only lookup of shipped vectors by cache key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._index: dict[bytes, int] = {}
        self._vectors = np.zeros((0, 0), dtype=np.float16)
        if path.exists():
            with np.load(path) as data:
                self._vectors = data["vectors"]
                # numpy drops trailing NUL bytes of fixed-width bytes: pad them back
                keys = (bytes(k).ljust(KEY_BYTES, b"\0") for k in data["keys"])
                self._index = {k: i for i, k in enumerate(keys)}

    def __len__(self) -> int:
        return len(self._index)

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found = {}
        for key in keys:
            row = self._index.get(_short(key))
            if row is not None:
                found[key] = self._vectors[row].astype(np.float32)
        return found


def write_seed(path: Path, vectors: dict[str, np.ndarray]) -> int:
    """Write `vectors` (cache key -> vector) as the seed at `path`; returns the count."""
    keys = sorted(vectors)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp.npz")
    np.savez_compressed(
        partial,
        keys=np.array([_short(k) for k in keys], dtype=f"S{KEY_BYTES}"),
        vectors=np.stack([np.asarray(vectors[k], dtype=np.float16) for k in keys]),
    )
    partial.replace(path)
    return len(keys)
