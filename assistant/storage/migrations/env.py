"""Alembic environment: runs the revisions on the connection ensure_schema() hands over.

There is no alembic.ini: `assistant.storage.db.alembic_config()` builds the
configuration in code and passes an open connection (inside a locked transaction) in
`config.attributes["connection"]`. Without one, a connection is made from the
configuration's `sqlalchemy.url` (`alembic_config(url)`), the only place a URL comes
from here. Logging is left as the application set it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from assistant.storage.schema import VERSION_TABLE, Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database URL: build the configuration with alembic_config(url)")
    return url


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        version_table=config.get_main_option("version_table") or VERSION_TABLE,
        compare_type=True,
        **kwargs,
    )


def _run_on(connection: Connection) -> None:
    # SQLite cannot ALTER most things: batch mode rebuilds tables when a revision needs it.
    _configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Emit SQL for a DBA to review (`alembic --sql` style) instead of running it."""
    _configure(
        url=_url(),
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    from assistant.storage.db import make_engine

    engine = make_engine(_url())
    try:
        with engine.connect() as conn:
            _run_on(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
