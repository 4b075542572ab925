"""LlamaIndex over our own collection: the same clauses, texts and vectors, no LLM, no network.

Real models and the session's full index (tests/conftest.py); the LlamaIndex store shares
the session retriever's Qdrant client, since embedded Qdrant admits one client per folder.
"""

import asyncio
import hashlib
import socket
from dataclasses import replace

import numpy as np
import pytest
from qdrant_client import QdrantClient

from corpus.store import load_clauses
from indexing.analyzers import ANALYZER_VERSION
from indexing.build import build_index
from indexing.documents import IndexDocument
from indexing.search import Retriever, SearchWeights

QUERIES = {
    "kk": "FX алсам не істеймін?",
    "ru": "Что делать, если я получил оценку FX?",
    "en": "What happens if I get an FX grade?",
}


@pytest.fixture()
def li():
    pytest.importorskip(
        "llama_index.core", reason="needs the extra: pip install -e '.[llamaindex]'"
    )
    from indexing import llamaindex

    return llamaindex


@pytest.fixture()
def offline(monkeypatch):
    """Any socket connection fails (tiktoken or nltk fetching a file), and so does any LLM."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)

    import llama_index.core.settings as li_settings

    def no_default(*args, **kwargs):
        raise AssertionError("LlamaIndex reached for a default LLM or embedding model")

    monkeypatch.setattr(li_settings, "resolve_llm", no_default)
    monkeypatch.setattr(li_settings, "resolve_embed_model", no_default)
    monkeypatch.setattr(li_settings.Settings, "_llm", None)
    monkeypatch.setattr(li_settings.Settings, "_embed_model", None)


@pytest.fixture()
def clause_texts():
    return {lang: {c.id: c.text for c in load_clauses(lang)} for lang in ("kk", "ru", "en")}


def test_embedding_wraps_our_embedder_with_query_and_passage_modes(li, retriever, offline):
    model = li.LlamaIndexEmbedding(retriever.embedder)
    ours = retriever.embedder
    text = "Жазғы семестрде 30 кредиттен артық емес қайта игеруге жол беріледі."

    query = model.get_query_embedding(text)
    passage = model.get_text_embedding(text)
    assert len(query) == len(passage) == model.dim == 384
    assert np.array_equal(np.float32(query), ours.embed_queries([text])[0])
    assert np.array_equal(np.float32(passage), ours.embed_passages([text])[0])
    assert not np.allclose(query, passage)  # e5's "query: " and "passage: " modes differ

    batch = model.get_text_embedding_batch([text, "FX", "GPA"])
    assert np.array_equal(np.float32(batch), ours.embed_passages([text, "FX", "GPA"]))
    assert asyncio.run(model.aget_query_embedding(text)) == query
    assert asyncio.run(model.aget_text_embedding_batch([text])) == [passage]
    assert model.model_name == ours.name


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_llamaindex_retriever_finds_what_our_dense_search_finds(
    li, retriever, offline, clause_texts, lang
):
    from llama_index.core.schema import NodeWithScore

    query = QUERIES[lang]
    index = li.index(retriever.settings, lang, client=retriever.client, embedder=retriever.embedder)
    nodes = index.as_retriever(similarity_top_k=5).retrieve(query)

    # Our dense search in the query's language alone (official-Kazakh and editorial lists off).
    ours = Retriever(
        retriever.settings,
        retriever.embedder,
        retriever.client,
        weights=SearchWeights(dense_kk=0.0, dense_more=0.0),
    ).search(query, k=5, lang=lang, mode="dense")
    assert all(isinstance(n, NodeWithScore) for n in nodes)
    assert [n.metadata["clause_id"] for n in nodes] == [h.clause_id for h in ours.hits]
    assert [n.score for n in nodes] == pytest.approx([h.similarity for h in ours.hits], abs=2e-4)
    assert "8.35" in {n.metadata["clause_id"] for n in nodes}  # the FX retake clause
    for node in nodes:
        assert node.text == clause_texts[lang][node.metadata["clause_id"]]
        assert set(node.metadata) == {"clause_id", "doc", "section", "kind", "lang"}
        assert node.metadata["lang"] == lang


@pytest.mark.parametrize("mode", ["hybrid", "bm25"])
def test_llamaindex_ranks_as_our_search(li, retriever, offline, mode):
    """For Kazakh our hybrid search over clause texts is dense_kk + BM25 sparse_kk by RRF:
    LlamaIndex's too (it has no editorial lists)."""
    query = QUERIES["kk"]
    nodes = li.retriever(
        retriever.settings,
        "kk",
        k=5,
        mode=mode,
        client=retriever.client,
        embedder=retriever.embedder,
    ).retrieve(query)
    texts_only = retriever.with_weights(SearchWeights(dense_more=0.0, sparse_more=0.0))
    ours = texts_only.search(query, k=5, lang="kk", mode=mode).hits
    assert [n.metadata["clause_id"] for n in nodes] == [h.clause_id for h in ours]
    if mode == "hybrid":  # fused scores are RRF sums; BM25 scores are Qdrant's own
        assert [n.score for n in nodes] == pytest.approx([h.score for h in ours], abs=1e-6)


def test_async_retrieval_on_the_embedded_store(li, retriever, offline):
    dense = li.retriever(
        retriever.settings, "en", k=3, client=retriever.client, embedder=retriever.embedder
    )
    sync = [n.node_id for n in dense.retrieve(QUERIES["en"])]
    assert [n.node_id for n in asyncio.run(dense.aretrieve(QUERIES["en"]))] == sync


def test_the_store_is_read_only_and_checks_its_arguments(li, retriever, index_settings):
    from llama_index.core.schema import TextNode

    store = li.vector_store(retriever.settings, "ru", client=retriever.client)
    assert (store.dense_vector_name, store.sparse_vector_name, store.text_key) == (
        "dense_ru",
        "sparse_ru",
        "text_ru",
    )
    with pytest.raises(NotImplementedError, match="policy-assistant index"):
        store.add([TextNode(text="x", embedding=[0.0] * 384)])
    with pytest.raises(NotImplementedError):
        store.clear()
    with pytest.raises(ValueError, match="language"):
        li.vector_store(retriever.settings, "de", client=retriever.client)
    from indexing.errors import IndexUnavailable

    missing = replace(index_settings, collection="no_such_index")
    with pytest.raises(IndexUnavailable, match="policy-assistant index"):
        li.vector_store(missing, "kk", client=retriever.client)


def _old_content_hash(doc: IndexDocument, embedder: str, kk_analyzer: str = "suffix") -> str:
    """IndexDocument.content_hash before the payload carried texts (vectors only)."""
    texts = "\x00".join(f"{lang}:{doc.texts[lang]}" for lang in sorted(doc.texts))
    key = f"{embedder}\x00{kk_analyzer}-{ANALYZER_VERSION}\x00{texts}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def test_an_index_built_without_texts_gets_them_on_the_next_build(
    index_settings, tmp_path, monkeypatch
):
    settings = replace(index_settings, data_dir=tmp_path, collection="upgrade")
    clauses = [c for lang in ("kk", "ru", "en") for c in load_clauses(lang) if c.section == 11]
    new_payload = IndexDocument.payload.fget

    def old_payload(doc):
        return {k: v for k, v in new_payload(doc).items() if not k.startswith("text_")}

    with monkeypatch.context() as old_code:
        old_code.setattr(IndexDocument, "payload", property(old_payload))
        old_code.setattr(IndexDocument, "content_hash", _old_content_hash)
        build_index(settings, clauses=clauses)

    stats = build_index(settings, clauses=clauses)
    clause_points = stats.points - stats.cards
    assert stats.updated == clause_points and stats.embedded == 0  # vectors from the cache
    assert build_index(settings, clauses=clauses).unchanged == stats.points
    client = QdrantClient(path=str(settings.qdrant_path))
    try:
        points, _ = client.scroll(settings.collection, limit=500, with_payload=True)
    finally:
        client.close()
    texts = {(c.lang.value, c.id): c.text for c in clauses}
    assert len(points) == stats.points
    clause_records = [p for p in points if "card_id" not in p.payload]
    assert len(clause_records) == clause_points
    for point in clause_records:
        for lang in ("kk", "ru", "en"):
            assert point.payload[f"text_{lang}"] == texts[(lang, point.payload["clause_id"])]
