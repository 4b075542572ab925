"""Wire the assistant to its parts from the environment (index, embedder, database, LLM)."""

from __future__ import annotations

from assistant.llm import composer_from_env
from assistant.service import Assistant
from assistant.storage.repository import Repository
from indexing.build import Progress, ensure_index
from indexing.config import IndexSettings
from indexing.search import Retriever


def build_assistant(
    settings: IndexSettings | None = None,
    database_url: str | None = None,
    progress: Progress | None = None,
) -> Assistant:
    """An assistant on the configured index (built on first use) and database.

    With POLICY_LLM_BASE_URL set, an LLM composer writes the answers (assistant.llm).
    """
    settings = settings or IndexSettings.from_env()
    client = ensure_index(settings, progress=progress)
    retriever = Retriever(settings, client=client)
    store = Repository.open(database_url)
    return Assistant(retriever, store, llm=composer_from_env())
