"""Engine, sessions and schema start-up for the assistant's database.

One code path serves both deployments the architecture names: an SQLite file by default
(zero set-up, one machine) and PostgreSQL when the URL says so (DATABASE_URL, read by
ui.settings). SQLite is made safe
for several worker processes: WAL journal (readers never block the writer), a busy
timeout (writers queue instead of failing), foreign keys on, and write transactions that
take the write lock up front (BEGIN IMMEDIATE) so two writers cannot deadlock on a lock
upgrade. The schema is owned by the Alembic revisions in `migrations/`;
`ensure_schema(engine)` applies them at start-up, safely from several processes at once.
"""

from __future__ import annotations

import random
import sqlite3
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from assistant.storage.errors import is_lock_message, sqlite_path, unavailable_on_failure
from assistant.storage.schema import VERSION_TABLE

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DEFAULT_BUSY_TIMEOUT_MS = 10_000
DEFAULT_CONNECT_TIMEOUT_S = 10
# Execution option read by the SQLite "begin" hook: "IMMEDIATE" for write transactions.
SQLITE_BEGIN_OPTION = "policy_sqlite_begin"
# Key for pg_advisory_xact_lock: serialises concurrent ensure_schema() calls.
_MIGRATION_LOCK_KEY = zlib.crc32(b"policy-assistant:migrations")


def make_engine(
    url: str | URL,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S,
    echo: bool = False,
) -> Engine:
    """Create an engine for `url` (any SQLAlchemy URL); connects lazily.

    Nothing touches the disk or network here, so an app can start and report the
    database as unavailable in its readiness check instead of crashing.
    """
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {"echo": echo, "pool_pre_ping": backend != "sqlite"}
    if backend == "sqlite":
        kwargs["connect_args"] = {"timeout": busy_timeout_ms / 1000}
    elif backend == "postgresql" and "connect_timeout" not in parsed.query:
        kwargs["connect_args"] = {"connect_timeout": connect_timeout_s}
    engine = create_engine(parsed, **kwargs)
    if backend == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    path = sqlite_path(engine.url)

    @event.listens_for(engine, "do_connect")
    def _make_parent_dir(dialect: Any, conn_rec: Any, cargs: Any, cparams: Any) -> None:
        # Raised OSError (unwritable location) becomes StorageUnavailable in callers.
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, decides where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            _enable_wal(cursor, busy_timeout_ms / 1000)
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if mode == 'IMMEDIATE' else 'DEFERRED'}")


def _enable_wal(cursor: Any, timeout_s: float) -> None:
    """Switch the file to WAL once (the mode is persistent), waiting out a racing opener.

    Changing the journal mode can fail with "database is locked" at once, without the
    busy handler, while another process is creating or converting the same file; so
    the switch is retried until the busy timeout has passed.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            mode = str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower()
            if mode not in ("wal", "memory"):
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_lock_message(str(exc)) or time.monotonic() >= deadline:
                raise
            time.sleep(0.005 + random.random() * 0.02)


def writer_engine(engine: Engine) -> Engine:
    """The same engine and pool, but transactions take SQLite's write lock at BEGIN."""
    return engine.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})


def make_session_factory(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions bound to `engine`; `write=True` for sessions that write (BEGIN IMMEDIATE)."""
    bind = writer_engine(engine) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False, autoflush=False)


def alembic_config(url: str | URL | None = None) -> Config:
    """Alembic configuration pointing into this package; no alembic.ini needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_table", VERSION_TABLE)
    if url is not None:
        rendered = make_url(url).render_as_string(hide_password=False)
        config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision shipped with this code."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with unavailable_on_failure(engine.url), engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def ensure_schema(engine: Engine) -> str:
    """Create or upgrade the schema to the newest revision; returns it.

    Idempotent and safe when several processes start at once: the whole upgrade runs in
    one transaction that first takes the database's write lock (SQLite BEGIN IMMEDIATE,
    PostgreSQL advisory lock), so a second process waits and then finds nothing to do.
    """
    head = head_revision()
    if current_revision(engine) == head:
        return head
    _migrate(engine, lambda config: command.upgrade(config, "head"))
    return head


def downgrade_schema(engine: Engine, revision: str = "base") -> None:
    """Step the schema back (for operators and tests); `base` drops every table."""
    _migrate(engine, lambda config: command.downgrade(config, revision))


def _migrate(engine: Engine, step: Callable[[Config], None]) -> None:
    """Run an Alembic command in one transaction holding the database's write lock."""
    config = alembic_config()
    with (
        unavailable_on_failure(engine.url),
        writer_engine(engine).connect() as conn,
        conn.begin(),
    ):
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
        config.attributes["connection"] = conn
        step(config)
