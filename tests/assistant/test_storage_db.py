"""Engine set-up (SQLite pragmas, URLs) plus the backend helpers the storage tests share.

Every storage test runs against a real database: a fresh SQLite file, and PostgreSQL
as well when POLICY_TEST_DATABASE_URL is set (`export POLICY_TEST_DATABASE_URL=$(.ci/
start-postgres)`). Each PostgreSQL test gets its own schema (via search_path), dropped
afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from assistant.storage import Repository, make_engine
from ui.settings import Settings

PG_URL = os.environ.get("POLICY_TEST_DATABASE_URL", "").strip()

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="POLICY_TEST_DATABASE_URL is not set"),
    ),
]


@contextmanager
def backend_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of `kind`, cleaned up afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'db' / 'assistant.sqlite'}"
        return
    schema = f"test_{secrets.token_hex(6)}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.dispose()


@contextmanager
def open_repository(url: str) -> Iterator[Repository]:
    repo = Repository.open(url)
    try:
        yield repo
    finally:
        repo.close()


# -- engine set-up ---------------------------------------------------------------------


def test_sqlite_connections_get_wal_busy_timeout_and_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'a.sqlite'}", busy_timeout_ms=4321)
    try:
        # Two connections held at once: the pragmas are set on each new connection.
        with engine.connect() as first, engine.connect() as second:
            for conn in (first, second):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 4321
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_sqlite_enforces_foreign_keys(tmp_path: Path) -> None:
    with (
        open_repository(f"sqlite:///{tmp_path / 'a.sqlite'}") as repo,
        pytest.raises(IntegrityError),
        repo.engine.begin() as conn,
    ):
        conn.execute(
            text(
                "INSERT INTO messages (conversation_id, role, text, lang, created_at) "
                "VALUES ('nope', 'user', 'x', 'en', '2025-01-01 00:00:00')"
            )
        )


def test_sqlite_file_and_missing_directories_are_created_on_first_use(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "assistant.sqlite"
    engine = make_engine(f"sqlite:///{target}")
    assert not target.parent.exists()  # make_engine itself touches nothing
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        assert target.exists()
    finally:
        engine.dispose()


def test_default_url_is_sqlite_under_policy_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("POLICY_DATA_DIR", str(tmp_path / "pd"))
    url = make_url(Settings().database_url)
    assert url.get_backend_name() == "sqlite"
    assert Path(url.database or "") == tmp_path / "pd" / "assistant.sqlite"

    monkeypatch.delenv("POLICY_DATA_DIR")
    monkeypatch.chdir(tmp_path)
    assert Path(make_url(Settings().database_url).database or "") == (
        tmp_path / "data" / "assistant.sqlite"
    )


def test_database_url_env_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:p@db.example:5432/policy")
    assert Settings().database_url == "postgresql+psycopg://u:p@db.example:5432/policy"
    engine = make_engine(Settings().database_url)
    try:
        assert engine.url.get_backend_name() == "postgresql"
        assert engine.url.host == "db.example"
    finally:
        engine.dispose()
