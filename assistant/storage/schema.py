"""ORM tables: the single description of the schema the migrations must produce.

The Alembic revisions under `migrations/versions` create these tables; a test compares
the migrated database with this metadata so the two cannot drift apart. Timestamps are
stored in UTC (naive in SQLite, `timestamptz` in PostgreSQL) and always come back
timezone-aware.

Revision 0002 added answer feedback (one vote per disclosure: a second vote replaces the
first), each disclosure's `status` and `missing` (what the policy-gaps report counts), and
a digest of each assistant message (to find the conversation a stateless client's history
continues).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Tokens from secrets.token_urlsafe(16) are 22 characters; leave room for longer ones.
ID_LENGTH = 64
DIGEST_LENGTH = 64  # sha256, hex
MAX_COMMENT_CHARS = 1000
VOTES = ("up", "down")
VERSION_TABLE = "assistant_alembic_version"


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always UTC and timezone-aware on the Python side."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        value = value.astimezone(UTC)
        # SQLite has no time zones: store naive UTC so text comparison orders correctly.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _json() -> JSON:
    # none_as_null: Python None is SQL NULL, not the JSON literal 'null'.
    return JSON(none_as_null=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        CheckConstraint("lang IN ('kk', 'ru', 'en')", name="lang"),
        Index("ix_conversations_updated_at", "updated_at"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    lang: Mapped[str] = mapped_column(String(8), nullable=False)
    pending_tool: Mapped[dict[str, Any] | None] = mapped_column(_json(), nullable=True)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        CheckConstraint("role IN ('user', 'assistant')", name="role"),
        CheckConstraint("lang IN ('kk', 'ru', 'en')", name="lang"),
        Index("ix_messages_conversation_id_id", "conversation_id", "id"),
        Index("ix_messages_created_at", "created_at"),
        Index("ix_messages_digest", "digest"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False
    )
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    lang: Mapped[str] = mapped_column(String(8), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    answer: Mapped[dict[str, Any] | None] = mapped_column(_json(), nullable=True)
    # sha256 of an assistant message's stripped text (NULL for user messages).
    digest: Mapped[str | None] = mapped_column(String(DIGEST_LENGTH), nullable=True)


class Disclosure(Base):
    __tablename__ = "disclosures"
    __table_args__ = (
        CheckConstraint("answer_lang IN ('kk', 'ru', 'en')", name="answer_lang"),
        # The consent rule is also a database rule: no question without consent.
        CheckConstraint("question IS NULL OR consent", name="question_needs_consent"),
        Index("ix_disclosures_created_at", "created_at"),
        Index("ix_disclosures_conversation_id", "conversation_id"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    conversation_id: Mapped[str | None] = mapped_column(
        String(ID_LENGTH), ForeignKey("conversations.id", ondelete="SET NULL"), nullable=True
    )
    assistant_name: Mapped[str] = mapped_column(String(200), nullable=False)
    assistant_version: Mapped[str] = mapped_column(String(100), nullable=False)
    composer: Mapped[str] = mapped_column(String(200), nullable=False)
    models: Mapped[dict[str, Any]] = mapped_column(_json(), nullable=False)
    answer_lang: Mapped[str] = mapped_column(String(8), nullable=False)
    cited_clause_ids: Mapped[list[str]] = mapped_column(_json(), nullable=False)
    tools: Mapped[list[str]] = mapped_column(_json(), nullable=False)
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    consent: Mapped[bool] = mapped_column(Boolean, nullable=False)
    # The answer's outcome (assistant.models.Answer.status) and the arguments a tool still
    # needed; NULL on records written before revision 0002. Validated by DisclosureRecord,
    # not by a CHECK: adding one would make SQLite rebuild the table.
    status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    missing: Mapped[list[str] | None] = mapped_column(_json(), nullable=True)


class Feedback(Base):
    """A user's vote on one answer. One row per disclosure: a later vote replaces it."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint("vote IN ('up', 'down')", name="vote"),
        Index("ix_feedback_disclosure_id", "disclosure_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    disclosure_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("disclosures.id", ondelete="CASCADE"), nullable=False
    )
    vote: Mapped[str] = mapped_column(String(8), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
