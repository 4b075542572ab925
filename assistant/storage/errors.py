"""Storage errors the rest of the assistant can act on.

Callers should never see a raw SQLAlchemy or driver exception: an unreachable or
unwritable database becomes `StorageUnavailable` (the API answers 503 and the message
says what an operator should check), a missing conversation becomes
`ConversationNotFound`, a missing disclosure record `DisclosureNotFound`. Anything else
(an integrity error, a programming mistake) is a bug and propagates unchanged.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

# SQLite says "database is locked" / "database table is locked" / "database is busy".
_LOCK_MARKERS = ("database is locked", "database table is locked", "database is busy")
# PostgreSQL: serialization failure, deadlock, lock not available.
_PG_RETRY_STATES = {"40001", "40P01", "55P03"}
# PostgreSQL: undefined table / column (the schema was never migrated).
_PG_SCHEMA_STATES = {"42P01", "42703"}


class StorageError(Exception):
    """Base class of every error the storage layer raises on purpose."""


class StorageUnavailable(StorageError):
    """The database cannot be reached, opened or written; the message says what to check."""

    def __init__(self, message: str, *, url: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.url = url
        self.reason = reason


class ConversationNotFound(StorageError, LookupError):
    """A conversation id that does not exist (or was purged)."""

    def __init__(self, conversation_id: str) -> None:
        super().__init__(f"no conversation with id {conversation_id!r}")
        self.conversation_id = conversation_id


class DisclosureNotFound(StorageError, LookupError):
    """A disclosure id that does not exist (or was purged): feedback has nothing to attach to."""

    def __init__(self, disclosure_id: str) -> None:
        super().__init__(f"no disclosure record with id {disclosure_id!r}")
        self.disclosure_id = disclosure_id


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def is_lock_message(message: str) -> bool:
    """True for SQLite's "database is locked"-style messages."""
    lowered = message.lower()
    return any(marker in lowered for marker in _LOCK_MARKERS)


def is_lock_error(exc: BaseException) -> bool:
    """True for transient contention worth retrying (SQLite busy, PostgreSQL deadlock)."""
    if not isinstance(exc, sa_exc.DBAPIError):
        return False
    if _sqlstate(exc) in _PG_RETRY_STATES:
        return True
    return is_lock_message(str(getattr(exc, "orig", exc)))


def sqlite_path(url: URL) -> Path | None:
    """The file an SQLite URL points at; None for memory databases and URI filenames."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database).expanduser().absolute()


def _hint(url: URL, reason: str) -> str:
    lowered = reason.lower()
    if "no such table" in lowered or ("relation" in lowered and "does not exist" in lowered):
        return (
            "The schema is missing or out of date: run ensure_schema() at start-up "
            "(or `policy-assistant db upgrade`)."
        )
    if any(marker in lowered for marker in _LOCK_MARKERS):
        return (
            "Another process has held the write lock for too long: check for a stuck "
            "process with an open transaction on this database."
        )
    path = sqlite_path(url)
    if url.get_backend_name() == "sqlite":
        where = f"the directory {path.parent}" if path else "the database location"
        return (
            f"Check that {where} exists and is writable by this process, that the file "
            "is not read-only, that the disk is not full, and that DATABASE_URL or "
            "POLICY_DATA_DIR points where you expect."
        )
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return (
        f"Check that the database server {host}{port} is running and reachable from this "
        f"host, that database {url.database!r} exists and the credentials in DATABASE_URL "
        "are right, and that the server's disk is not full."
    )


def unavailable(url: URL, exc: BaseException) -> StorageUnavailable:
    """Build the operator-facing error for a failure reaching or writing `url`."""
    reason = _reason(exc)
    shown = url.render_as_string(hide_password=True)
    message = f"Storage unavailable ({shown}): {reason}. {_hint(url, reason)}"
    return StorageUnavailable(message, url=shown, reason=reason)


def classify(url: URL, exc: BaseException) -> StorageUnavailable | None:
    """Map an exception to StorageUnavailable, or None when it is not an availability issue."""
    if isinstance(exc, StorageUnavailable):
        return exc
    if isinstance(
        exc,
        sa_exc.OperationalError
        | sa_exc.InterfaceError
        | sa_exc.InternalError
        | sa_exc.DisconnectionError
        | sa_exc.TimeoutError,
    ):
        return unavailable(url, exc)
    if isinstance(exc, sa_exc.ProgrammingError) and _sqlstate(exc) in _PG_SCHEMA_STATES:
        return unavailable(url, exc)
    if isinstance(exc, sa_exc.DatabaseError) and not isinstance(
        exc, sa_exc.IntegrityError | sa_exc.ProgrammingError | sa_exc.DataError
    ):
        # Corrupt file, "file is not a database", disk I/O errors surface here.
        return unavailable(url, exc)
    if isinstance(exc, OSError) and exc.errno in (
        errno.EACCES,
        errno.EPERM,
        errno.ENOENT,
        errno.ENOTDIR,
        errno.EROFS,
        errno.ENOSPC,
        errno.EEXIST,
    ):
        return unavailable(url, exc)
    return None


@contextmanager
def unavailable_on_failure(url: URL) -> Iterator[None]:
    """Re-raise availability failures inside the block as StorageUnavailable."""
    try:
        yield
    except (sa_exc.SQLAlchemyError, OSError) as exc:
        error = classify(url, exc)
        if error is None or error is exc:
            raise
        raise error from exc
