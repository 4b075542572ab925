"""Run the storage migrations without the `policy-assistant` CLI.

    python -m assistant.storage upgrade            # create / upgrade the schema
    python -m assistant.storage current            # revision the database is at
    python -m assistant.storage downgrade REV      # step back (e.g. "base")
    python -m assistant.storage revision -m "add x" # autogenerate a new revision file

The database is DATABASE_URL (or the default SQLite file), or --url.
"""

from __future__ import annotations

import argparse
import sys

from alembic import command

from assistant.storage.db import (
    alembic_config,
    current_revision,
    database_url,
    downgrade_schema,
    ensure_schema,
    head_revision,
    make_engine,
)
from assistant.storage.errors import StorageUnavailable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.storage", description=__doc__)
    parser.add_argument("--url", help="SQLAlchemy URL (default: DATABASE_URL or SQLite file)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("upgrade", help="create or upgrade the schema to the newest revision")
    sub.add_parser("current", help="print the database's revision and the newest one")
    down = sub.add_parser("downgrade", help="step the schema back")
    down.add_argument("revision")
    rev = sub.add_parser("revision", help="autogenerate a revision from schema.py")
    rev.add_argument("-m", "--message", required=True)
    args = parser.parse_args(argv)

    url = args.url or database_url()
    engine = make_engine(url)
    try:
        if args.command == "upgrade":
            print(ensure_schema(engine))
        elif args.command == "current":
            print(f"current: {current_revision(engine)}\nhead: {head_revision()}")
        elif args.command == "downgrade":
            downgrade_schema(engine, args.revision)
        else:
            command.revision(alembic_config(url), message=args.message, autogenerate=True)
    except StorageUnavailable as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
