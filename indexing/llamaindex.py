"""The policy index as a LlamaIndex vector store, embedding model and retriever.

LlamaIndex is the orchestration layer where it fits, so its retrievers, query engines
and agents should run on the index that `policy-assistant index` builds, not on a copy.
This module adapts the two pieces they need and nothing else:

- `LlamaIndexEmbedding` is a `BaseEmbedding` over our `Embedder`, keeping e5's two
  modes apart: a query is embedded as "query: ...", a text as "passage: ..." (the way
  the index was built). Without that split, query vectors would not match.
- `PolicyVectorStore` is LlamaIndex's `QdrantVectorStore` opened on the alias of the
  live generation (`policy_clauses`), for one language: the dense vector `dense_<lang>`,
  the BM25 vector `sparse_<lang>` and the payload key `text_<lang>` as the node text.
  Hybrid mode works: the sparse query function is our analyzer and term hashing
  (indexing/sparse.py), so its BM25 terms hit the vectors the build wrote, and the
  fusion is reciprocal rank fusion, as in indexing/search.py.

The store is read-only. The index is built by `policy-assistant index` (generations,
content hashes, an atomic alias switch); a node written through LlamaIndex would carry
none of that and vanish at the next build, so writes raise instead.

llama-index is an optional extra (`pip install -e '.[llamaindex]'`); nothing else in the
project imports this module. Retrieval needs no LLM: nothing here touches `Settings.llm`.
"""

from __future__ import annotations

from typing import Any, Literal

from llama_index.core import VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding, Embedding
from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.vector_stores.types import VectorStoreQuery, VectorStoreQueryResult
from llama_index.vector_stores.qdrant import QdrantVectorStore
from qdrant_client import AsyncQdrantClient, QdrantClient

from corpus.languages import LANGS
from indexing.analyzers import analyze
from indexing.config import IndexSettings
from indexing.documents import dense_name, sparse_name, text_key
from indexing.embedders import Embedder, get_embedder
from indexing.errors import IndexUnavailable
from indexing.glossary import expansions
from indexing.language import query_text_for
from indexing.qdrant import live_collection, open_client
from indexing.search import CANDIDATES, SearchWeights
from indexing.sparse import query_vector

Mode = Literal["dense", "hybrid", "bm25"]

# What a node's metadata keeps of the payload: the citation, not the other languages' texts.
NODE_METADATA = ("clause_id", "doc", "section", "kind")


class LlamaIndexEmbedding(BaseEmbedding):
    """One of our embedders as a LlamaIndex embedding model (queries vs passages kept apart).

    The async methods compute in place: the model runs in-process on the CPU, there is
    no I/O to wait for.
    """

    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder, embed_batch_size: int = 16, **kwargs):
        super().__init__(model_name=embedder.name, embed_batch_size=embed_batch_size, **kwargs)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "PolicyAssistantEmbedding"

    @property
    def dim(self) -> int:
        return self._embedder.dim

    def _get_query_embedding(self, query: str) -> Embedding:
        return self._embedder.embed_queries([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> Embedding:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> Embedding:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[Embedding]:
        return self._embedder.embed_passages(list(texts)).tolist()

    async def _aget_text_embedding(self, text: str) -> Embedding:
        return self._get_text_embedding(text)

    async def _aget_text_embeddings(self, texts: list[str]) -> list[Embedding]:
        return self._get_text_embeddings(texts)


def bm25_query_fn(lang: str, kk_analyzer: str = "suffix", expand: bool = True):
    """LlamaIndex's sparse query callable: the same BM25 query terms as indexing/search.py.

    Latin-typed Kazakh is transliterated, the glossary adds borrowed abbreviations' forms,
    the language's analyzer stems, and terms hash to the indices the build wrote. The
    weights are 1: Qdrant's IDF modifier on `sparse_<lang>` supplies the rest of BM25.
    """

    def encode(texts: list[str]) -> tuple[list[list[int]], list[list[float]]]:
        indices, values = [], []
        for query in texts:
            text = query_text_for(query, lang)
            extra = expansions(text, lang) if expand else []
            vector = query_vector(analyze(" ".join([text, *extra]), lang, kk_analyzer))
            indices.append(list(vector.indices))
            values.append(list(vector.values))
        return indices, values

    return encode


def rrf_fusion(rrf_k: int = SearchWeights.rrf_k):
    """LlamaIndex's hybrid fusion callable: weighted reciprocal rank fusion, as Qdrant's.

    BM25 scores and cosines are on different scales, which LlamaIndex's default
    (relative score fusion) papers over; ranks are what indexing/search.py fuses. LlamaIndex's
    `alpha` (1 = dense only, 0 = sparse only; default 0.5) sets the weights: 2*alpha for the
    dense list and 2*(1 - alpha) for the sparse one, so the default weighs both 1.
    """

    def fuse(
        dense_result: VectorStoreQueryResult,
        sparse_result: VectorStoreQueryResult,
        alpha: float = 0.5,
        top_k: int = 5,
        **_: Any,
    ) -> VectorStoreQueryResult:
        scores: dict[str, float] = {}
        nodes: dict[str, Any] = {}
        for result, weight in ((dense_result, 2 * alpha), (sparse_result, 2 * (1 - alpha))):
            if weight <= 0:
                continue
            for rank, node in enumerate(result.nodes or []):
                nodes.setdefault(node.node_id, node)
                # Qdrant's formula (qdrant_client.hybrid.fusion): 1 / ((rank + 1) / w + k - 1)
                score = 1 / ((rank + 1) / weight + rrf_k - 1)
                scores[node.node_id] = scores.get(node.node_id, 0.0) + score
        ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:top_k]
        return VectorStoreQueryResult(
            nodes=[nodes[node_id] for node_id, _ in ranked],
            similarities=[score for _, score in ranked],
            ids=[node_id for node_id, _ in ranked],
        )

    return fuse


def _read_only(*_: Any, **__: Any):
    raise NotImplementedError(
        "the policy index is read-only through LlamaIndex: change the corpus and run "
        "`policy-assistant index`"
    )


class PolicyVectorStore(QdrantVectorStore):
    """LlamaIndex's Qdrant store over the policy index, for one language, read-only.

    Points carry no LlamaIndex `_node_content`, so the store takes its legacy path: the
    node text is the payload's `text_<lang>` and the node id the point id. The nodes'
    metadata is trimmed to the clause's citation (plus `lang`).
    """

    _lang: str = PrivateAttr()

    def __init__(
        self,
        collection_name: str,
        lang: str = "kk",
        kk_analyzer: str = "suffix",
        rrf_k: int = SearchWeights.rrf_k,
        **kwargs: Any,
    ) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}: choose one of {LANGS}")
        super().__init__(
            collection_name=collection_name,
            text_key=text_key(lang),
            dense_vector_name=dense_name(lang),
            sparse_vector_name=sparse_name(lang),
            enable_hybrid=True,
            sparse_doc_fn=_read_only,
            sparse_query_fn=bm25_query_fn(lang, kk_analyzer),
            hybrid_fusion_fn=rrf_fusion(rrf_k),
            **kwargs,
        )
        self._lang = lang

    @classmethod
    def class_name(cls) -> str:
        return "PolicyVectorStore"

    @property
    def lang(self) -> str:
        return self._lang

    def parse_to_query_result(self, response: list[Any]) -> VectorStoreQueryResult:
        result = super().parse_to_query_result(response)
        for node in result.nodes or []:
            kept = {key: node.metadata[key] for key in NODE_METADATA if key in node.metadata}
            node.metadata = {**kept, "lang": self._lang}
        return result

    async def aquery(self, query: VectorStoreQuery, **kwargs: Any) -> VectorStoreQueryResult:
        # Embedded Qdrant admits one client per folder, so there is no async client to open
        # beside the sync one; its searches take milliseconds, run them in place.
        if self._aclient is None:
            return self.query(query, **kwargs)
        return await super().aquery(query, **kwargs)

    add = async_add = delete = adelete = delete_nodes = adelete_nodes = _read_only
    clear = aclear = _read_only


def vector_store(
    settings: IndexSettings,
    lang: str = "kk",
    client: QdrantClient | None = None,
    aclient: AsyncQdrantClient | None = None,
) -> PolicyVectorStore:
    """The live index (through its alias, so a rebuild is picked up) as a LlamaIndex store.

    Pass the `client` already open (e.g. `Retriever.client`): embedded Qdrant admits one
    client per folder. Without one, a client is opened from `settings` (and an async one
    too when QDRANT_URL points at a server); closing it is then the caller's part
    (`store.client.close()`).
    """
    if client is None and aclient is None:
        client = open_client(settings)
        if settings.qdrant_url:
            aclient = AsyncQdrantClient(url=settings.qdrant_url, api_key=settings.qdrant_api_key)
    if client is not None and live_collection(client, settings.collection) is None:
        raise IndexUnavailable(
            f"no index '{settings.collection}' yet: run `policy-assistant index`"
        )
    return PolicyVectorStore(
        collection_name=settings.collection,
        lang=lang,
        kk_analyzer=settings.kk_analyzer,
        client=client,
        aclient=aclient,
    )


def index(
    settings: IndexSettings,
    lang: str = "kk",
    client: QdrantClient | None = None,
    embedder: Embedder | None = None,
) -> VectorStoreIndex:
    """A `VectorStoreIndex` over the live index in `lang`, embedding with our embedder."""
    embed_model = LlamaIndexEmbedding(embedder or get_embedder(settings.embedder))
    store = vector_store(settings, lang, client)
    return VectorStoreIndex.from_vector_store(store, embed_model=embed_model)


def retriever(
    settings: IndexSettings,
    lang: str = "kk",
    k: int = 5,
    mode: Mode = "dense",
    client: QdrantClient | None = None,
    embedder: Embedder | None = None,
) -> BaseRetriever:
    """A LlamaIndex retriever returning `k` clauses as nodes in `lang`.

    "hybrid" fuses the top CANDIDATES of the dense and the BM25 list by RRF, as
    indexing/search.py does; for kk that is the same ranking as `Retriever.search`. For
    ru and en our own search adds the official Kazakh dense list, which a single-vector
    LlamaIndex store cannot.
    """
    idx = index(settings, lang, client, embedder)
    if mode == "dense":
        return idx.as_retriever(similarity_top_k=k)
    if mode == "hybrid":
        return idx.as_retriever(
            vector_store_query_mode="hybrid",
            similarity_top_k=CANDIDATES,
            sparse_top_k=CANDIDATES,
            hybrid_top_k=k,
        )
    if mode == "bm25":
        return idx.as_retriever(vector_store_query_mode="sparse", sparse_top_k=k)
    raise ValueError(f"unknown mode {mode!r}: use 'dense', 'hybrid' or 'bm25'")
