"""Storage for conversations, messages and section 19 disclosure records.

SQLite (WAL) by default, PostgreSQL when the URL says so (DATABASE_URL); the schema is owned by
the Alembic revisions in `migrations/` and applied by `ensure_schema(engine)`.
"""

from assistant.storage.db import ensure_schema, make_engine, make_session_factory
from assistant.storage.errors import (
    ConversationNotFound,
    DisclosureNotFound,
    StorageError,
    StorageUnavailable,
)
from assistant.storage.identity import ASSISTANT_NAME, assistant_version
from assistant.storage.records import (
    AnswerTurn,
    ConversationRecord,
    DisclosureRecord,
    FeedbackRecord,
    MessageRecord,
    RecordedAnswer,
)
from assistant.storage.repository import Repository
from assistant.storage.statement import render_statement

__all__ = [
    "ASSISTANT_NAME",
    "AnswerTurn",
    "ConversationNotFound",
    "ConversationRecord",
    "DisclosureNotFound",
    "DisclosureRecord",
    "FeedbackRecord",
    "MessageRecord",
    "RecordedAnswer",
    "Repository",
    "StorageError",
    "StorageUnavailable",
    "assistant_version",
    "ensure_schema",
    "make_engine",
    "make_session_factory",
    "render_statement",
]
