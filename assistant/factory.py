"""Wire the assistant to its parts from the environment (index, embedder, database, LLM)."""

from __future__ import annotations

import os

from assistant.llm import composer_from_env
from assistant.service import Assistant
from assistant.storage.repository import Repository
from indexing.build import Progress, ensure_index
from indexing.config import IndexSettings
from indexing.replica import REPLICA_ENV, open_replica
from indexing.search import Retriever


def build_assistant(
    settings: IndexSettings | None = None,
    database_url: str | None = None,
    progress: Progress | None = None,
) -> Assistant:
    """An assistant on the configured index (built on first use) and database.

    With POLICY_LLM_BASE_URL set, an LLM composer writes the answers (assistant.llm).
    A worker of `serve --workers N` finds POLICY_INDEX_REPLICA set and loads that
    read-only copy of the index instead of opening the embedded store.
    """
    settings = settings or IndexSettings.from_env()
    replica = os.environ.get(REPLICA_ENV)
    client = open_replica(replica) if replica else ensure_index(settings, progress=progress)
    retriever = Retriever(settings, client=client)
    store = Repository.open(database_url)
    return Assistant(retriever, store, llm=composer_from_env())
