"""Alembic migrations: applied to a fresh database, idempotent, and matching schema.py."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from assistant.storage import Repository, ensure_schema, make_engine
from assistant.storage.db import current_revision, downgrade_schema, head_revision
from assistant.storage.schema import VERSION_TABLE, Base
from tests.assistant.test_storage_db import BACKENDS, backend_url

TABLES = {"conversations", "messages", "disclosures"}
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with backend_url(request.param, tmp_path) as database_url:
        yield database_url


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    engine = make_engine(url)
    yield engine
    engine.dispose()


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_fresh_database_is_migrated_to_head(engine: Engine) -> None:
    assert current_revision(engine) is None
    assert not _tables(engine) & TABLES
    assert ensure_schema(engine) == head_revision()
    assert current_revision(engine) == head_revision()
    assert _tables(engine) >= TABLES | {VERSION_TABLE}


def test_ensure_schema_is_idempotent_and_keeps_data(engine: Engine) -> None:
    ensure_schema(engine)
    repo = Repository(engine)
    cid = repo.create_conversation("kk")
    disclosure = repo.add_disclosure(answer_lang="kk", composer="extractive", models={})
    for _ in range(3):
        assert ensure_schema(engine) == head_revision()
    assert repo.get_conversation(cid) is not None
    assert repo.get_disclosure(disclosure.id) == disclosure


def test_migrated_schema_matches_the_orm_metadata(engine: Engine) -> None:
    ensure_schema(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_base_and_upgrade_again(engine: Engine) -> None:
    ensure_schema(engine)
    downgrade_schema(engine, "base")
    assert current_revision(engine) is None
    assert not _tables(engine) & TABLES
    ensure_schema(engine)
    assert _tables(engine) >= TABLES


def test_module_runner_needs_no_alembic_ini(url: str, tmp_path: Path) -> None:
    """`policy-assistant db upgrade` works from any directory, without an alembic.ini."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(REPO_ROOT)}
    run = [sys.executable, "-m", "ui.cli", "db"]
    upgrade = subprocess.run(
        [*run, "upgrade"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert upgrade.returncode == 0, upgrade.stderr
    assert upgrade.stdout.strip() == head_revision()
    current = subprocess.run(
        [*run, "current"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert current.returncode == 0, current.stderr
    assert f"current: {head_revision()}" in current.stdout
    assert not (tmp_path / "alembic.ini").exists()
