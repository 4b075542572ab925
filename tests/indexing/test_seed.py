"""The shipped seed vectors: every key written is found again, whatever its bytes."""

from __future__ import annotations

import numpy as np

from indexing.seed import KEY_BYTES, Seed, write_seed


def test_every_written_key_is_found_even_with_trailing_nul_bytes(tmp_path):
    # a cache key (sha256 hex) whose first 16 bytes end in NUL: numpy's fixed-width bytes
    # drop trailing NULs when read back, which once hid such vectors from cold builds
    nul_tail = "ab" * (KEY_BYTES - 2) + "0000" + "cd" * 16
    plain = "12" * 32
    vectors = {nul_tail: np.full(4, 0.5), plain: np.full(4, -0.25)}
    path = tmp_path / "seed.npz"
    assert write_seed(path, vectors) == 2
    seed = Seed(path)
    found = seed.get_many([nul_tail, plain, "ff" * 32])
    assert set(found) == {nul_tail, plain}
    assert np.allclose(found[nul_tail], 0.5) and np.allclose(found[plain], -0.25)
