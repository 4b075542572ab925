"""`policy-assistant serve --workers 2` for real: one index copy, one database, a worker killed.

The server is the `workers_server` fixture (tests/ui/conftest.py), its own process tree.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import httpx

from assistant.storage.repository import Repository
from evals.load import worker_pids
from tests.ui.conftest import warm_every_worker
from ui.cli_serve import embedder_threads

QUESTIONS = (
    "FX алсам не істеймін?",
    "Что будет, если получил FX?",
    "How is the final grade calculated?",
    "Жазғы семестрде қанша кредит алуға болады?",
)


def test_workers_share_one_index_copy_and_refuse_a_partial_reindex(workers_server):
    process, base, _ = workers_server
    pids = worker_pids(process.pid)
    assert len(pids) == 2 and process.pid not in pids
    hits = httpx.get(base + "/api/search", params={"q": "fx retake rules??"}, timeout=30).json()
    assert hits["hits"][0]["clause_id"].startswith("8.")
    response = httpx.post(
        base + "/api/admin/reindex",
        headers={"Authorization": "Bearer workers-admin-token"},
        timeout=30,
    )
    assert response.status_code == 409
    assert "policy-assistant index" in response.json()["error"]["message"]


def test_each_worker_embeds_with_its_share_of_the_cores(workers_server):
    # two busy workers on two cores: OpenMP threads of one question would only compete
    process, _, _ = workers_server
    expected = os.environ.get("OMP_NUM_THREADS") or str(embedder_threads(2))
    for pid in worker_pids(process.pid):
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        assert f"OMP_NUM_THREADS={expected}".encode() in environ


def test_each_worker_listens_on_a_socket_of_its_own(workers_server):
    # one shared socket let one worker accept a whole burst of connections (ui/api/processes.py)
    _, base, _ = workers_server
    port = int(base.rsplit(":", 1)[1])
    listening = [
        line.split()
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
        if line.split()[3] == "0A"  # LISTEN
    ]
    assert sum(int(row[1].split(":")[1], 16) == port for row in listening) == 2


def test_a_killed_worker_loses_no_disclosure_record(workers_server):
    process, base, database = workers_server
    victim = worker_pids(process.pid)[0]
    results: list[tuple[float, int, str | None]] = []
    killed_at: list[float] = []

    async def load() -> None:
        gate = asyncio.Semaphore(8)
        limits = httpx.Limits(max_connections=8)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

            async def one(i: int) -> None:
                async with gate:
                    body = {"message": QUESTIONS[i % len(QUESTIONS)], "consent": True}
                    try:
                        response = await client.post("/api/chat", json=body)
                        ok = response.status_code == 200
                        disclosure = response.json()["disclosure_id"] if ok else None
                        results.append((time.monotonic(), response.status_code, disclosure))
                    except httpx.HTTPError:
                        results.append((time.monotonic(), 0, None))
                    if len(results) == 30 and not killed_at:
                        os.kill(victim, signal.SIGKILL)
                        killed_at.append(time.monotonic())

            await asyncio.gather(*(one(i) for i in range(120)))

    asyncio.run(load())
    assert killed_at, "the worker was never killed"
    failed = [status for _, status, _ in results if status != 200]
    after = [r for r in results if r[0] > killed_at[0] and r[1] == 200]
    # Only requests in flight on the killed worker may fail; the other worker answers on.
    assert len(failed) <= 8, failed
    assert all(status == 0 for status in failed)  # dropped connections, never a 5xx
    assert len(after) >= 60
    returned = [d for _, _, d in results if d]
    store = Repository.open(database)
    try:
        records = store.get_disclosures(returned)
    finally:
        store.close()
    assert {r.id for r in records} == set(returned)  # every id a client saw exists
    assert all(r.consent and r.question in QUESTIONS and r.conversation_id for r in records)

    # uvicorn replaces the dead worker; the service is whole again.
    deadline = time.monotonic() + 180
    while victim in worker_pids(process.pid) or len(worker_pids(process.pid)) < 2:
        assert time.monotonic() < deadline, "the killed worker was not replaced"
        time.sleep(0.5)
    warm_every_worker(base)
    assert httpx.post(base + "/api/chat", json={"message": "What is GPA?"}, timeout=60).is_success
