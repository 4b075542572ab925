"""Wire the assistant to its parts (index, embedder, database, LLM), all given by the caller."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.llm import LLMComposer, LLMConfig
from assistant.service import Assistant
from assistant.storage.repository import Repository
from indexing.config import IndexSettings
from indexing.replica import open_replica
from indexing.search import Retriever

if TYPE_CHECKING:
    from indexing.build import Progress


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
    copy of the index (indexing/replica.py) instead of opening the embedded store.
    """
    if replica:
        retriever = Retriever(settings, snapshot=open_replica(replica))
    else:
        from indexing.build import ensure_index  # opens Qdrant: only where no copy serves

        retriever = Retriever(settings, client=ensure_index(settings, progress=progress))
    store = Repository.open(database_url)
    return Assistant(retriever, store, llm=LLMComposer(llm) if llm else None)
