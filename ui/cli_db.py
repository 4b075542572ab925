"""`policy-assistant db ...`: the storage migrations (Alembic, no alembic.ini needed).

    policy-assistant db upgrade              # create / upgrade the schema
    policy-assistant db current              # revision the database is at, and the newest
    policy-assistant db downgrade REV        # step back (e.g. "base")
    policy-assistant db revision -m "add x"  # autogenerate a new revision file

The database is DATABASE_URL (or the SQLite file in POLICY_DATA_DIR), or --url.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import typer

from ui.console import JsonFlag, configured, console, fail, print_json

app = typer.Typer(help="Database schema migrations (Alembic).", no_args_is_help=True)
UrlOpt = Annotated[
    str | None,
    typer.Option("--url", help="SQLAlchemy URL (default: DATABASE_URL or the SQLite file)."),
]


def _on_database(url: str | None, json_out: bool, work: Callable[[Any, str], Any]) -> Any:
    """Run `work(engine, url)` on the configured database; StorageUnavailable exits 2."""
    from assistant.storage.db import make_engine
    from assistant.storage.errors import StorageUnavailable

    target = url or configured(json_out).database_url
    engine = make_engine(target)
    try:
        return work(engine, target)
    except StorageUnavailable as exc:
        fail(str(exc), code=2, json_out=json_out, kind="storage_unavailable")
    finally:
        engine.dispose()


@app.command("upgrade")
def upgrade(url: UrlOpt = None, json_out: JsonFlag = False) -> None:
    """Create or upgrade the schema to the newest revision."""
    from assistant.storage.db import ensure_schema

    revision = _on_database(url, json_out, lambda engine, _: ensure_schema(engine))
    if json_out:
        print_json({"revision": revision})
    else:
        print(revision)


@app.command("current")
def current(url: UrlOpt = None, json_out: JsonFlag = False) -> None:
    """The revision the database is at, and the newest one this code ships."""
    from assistant.storage.db import current_revision, head_revision

    revision = _on_database(url, json_out, lambda engine, _: current_revision(engine))
    if json_out:
        print_json({"current": revision, "head": head_revision()})
    else:
        print(f"current: {revision}\nhead: {head_revision()}")


@app.command("downgrade")
def downgrade(
    revision: Annotated[str, typer.Argument(help='Target revision ("base": drop every table).')],
    url: UrlOpt = None,
    json_out: JsonFlag = False,
) -> None:
    """Step the schema back to REVISION."""
    from assistant.storage.db import downgrade_schema

    _on_database(url, json_out, lambda engine, _: downgrade_schema(engine, revision))
    if json_out:
        print_json({"revision": revision})
    else:
        console.print(f"schema at {revision}")


@app.command("revision")
def revision(
    message: Annotated[str, typer.Option("-m", "--message", help="What the revision does.")],
    url: UrlOpt = None,
) -> None:
    """Autogenerate a revision file from assistant/storage/schema.py (for developers)."""
    from alembic import command

    from assistant.storage.db import alembic_config

    _on_database(
        url,
        False,
        lambda _, target: command.revision(
            alembic_config(target), message=message, autogenerate=True
        ),
    )
