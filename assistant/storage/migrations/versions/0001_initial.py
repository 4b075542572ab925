"""Initial schema: conversations, messages, disclosures.

Revision ID: 0001_initial
Revises:
Create Date: 2025-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(64)
LANGS = "('kk', 'ru', 'en')"


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("pending_tool", sa.JSON(), nullable=True),
        sa.CheckConstraint(f"lang IN {LANGS}", name=op.f("ck_conversations_lang")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
    )
    op.create_index("ix_conversations_updated_at", "conversations", ["updated_at"])

    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", ID, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=True),
        sa.CheckConstraint("role IN ('user', 'assistant')", name=op.f("ck_messages_role")),
        sa.CheckConstraint(f"lang IN {LANGS}", name=op.f("ck_messages_lang")),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_messages_conversation_id_conversations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index("ix_messages_conversation_id_id", "messages", ["conversation_id", "id"])
    op.create_index("ix_messages_created_at", "messages", ["created_at"])

    op.create_table(
        "disclosures",
        sa.Column("id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("conversation_id", ID, nullable=True),
        sa.Column("assistant_name", sa.String(200), nullable=False),
        sa.Column("assistant_version", sa.String(100), nullable=False),
        sa.Column("composer", sa.String(200), nullable=False),
        sa.Column("models", sa.JSON(), nullable=False),
        sa.Column("answer_lang", sa.String(8), nullable=False),
        sa.Column("cited_clause_ids", sa.JSON(), nullable=False),
        sa.Column("tools", sa.JSON(), nullable=False),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.CheckConstraint(f"answer_lang IN {LANGS}", name=op.f("ck_disclosures_answer_lang")),
        sa.CheckConstraint(
            "question IS NULL OR consent", name=op.f("ck_disclosures_question_needs_consent")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversations.id"],
            name=op.f("fk_disclosures_conversation_id_conversations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosures")),
    )
    op.create_index("ix_disclosures_created_at", "disclosures", ["created_at"])
    op.create_index("ix_disclosures_conversation_id", "disclosures", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_disclosures_conversation_id", table_name="disclosures")
    op.drop_index("ix_disclosures_created_at", table_name="disclosures")
    op.drop_table("disclosures")
    op.drop_index("ix_messages_created_at", table_name="messages")
    op.drop_index("ix_messages_conversation_id_id", table_name="messages")
    op.drop_table("messages")
    op.drop_index("ix_conversations_updated_at", table_name="conversations")
    op.drop_table("conversations")
