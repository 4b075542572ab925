"""Wire the assistant to its parts (index, embedder, database, LLM), all given by the caller."""

from __future__ import annotations

from pathlib import Path

from assistant.llm import LLMComposer, LLMConfig
from assistant.service import Assistant
from assistant.storage.repository import Repository
from indexing.build import Progress, ensure_index
from indexing.config import IndexSettings
from indexing.replica import open_replica
from indexing.search import Retriever


def build_assistant(
    settings: IndexSettings,
    database_url: str,
    *,
    llm: LLMConfig | None = None,
    replica: str | Path | None = None,
    progress: Progress | None = None,
) -> Assistant:
    """An assistant on the index `settings` name (built on first use) and the database.

    With an `llm` endpoint, an LLM composer writes the answers (assistant.llm). A worker
    of `serve --workers N` passes the `replica` its parent wrote and loads that read-only
    copy of the index instead of opening the embedded store.
    """
    client = open_replica(replica) if replica else ensure_index(settings, progress=progress)
    retriever = Retriever(settings, client=client)
    store = Repository.open(database_url)
    return Assistant(retriever, store, llm=LLMComposer(llm) if llm else None)
