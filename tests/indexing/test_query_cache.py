"""Query embeddings are cached by the text embedded: a repeated question is not re-embedded
and gets the same hits; the cache stays within its size, least recently used out."""

from __future__ import annotations

from indexing.search import QueryVectors


class CountingEmbedder:
    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.queries = 0

    def embed_queries(self, texts):
        self.queries += len(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts):
        return self.inner.embed_passages(texts)


def test_a_repeated_question_is_embedded_once_with_the_same_hits(retriever):
    sibling = retriever.with_weights(retriever.weights)
    sibling.embedder = CountingEmbedder(retriever.embedder)
    sibling.query_vectors = QueryVectors(size=8)
    first = sibling.search("Как пересдать FX?", k=5)
    again = sibling.search("Как пересдать FX?", k=5)
    other = sibling.search("FX қалай қайта тапсырамын?", k=5)
    assert sibling.embedder.queries == 2
    assert [h.clause_id for h in first.hits] == [h.clause_id for h in again.hits]
    assert [h.score for h in first.hits] == [h.score for h in again.hits]
    assert other.hits


def test_least_recently_used_goes_first():
    cache = QueryVectors(size=2)
    cache.put("a", [1.0])
    cache.put("b", [2.0])
    assert cache.get("a") == [1.0]  # "a" is now the most recent
    cache.put("c", [3.0])
    assert cache.get("b") is None and cache.get("a") == [1.0] and cache.get("c") == [3.0]
    assert len(cache) == 2
    off = QueryVectors(size=0)
    off.put("a", [1.0])
    assert off.get("a") is None
