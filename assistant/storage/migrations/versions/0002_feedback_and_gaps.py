"""Feedback on answers, each answer's status and missing input, assistant-message digests.

Revision ID: 0002_feedback_and_gaps
Revises: 0001_initial
Create Date: 2026-01-20

- `feedback`: one up / down vote (and an optional comment) per disclosure record; deleted
  with its disclosure (ON DELETE CASCADE), so retention purges it too.
- `disclosures.status` / `disclosures.missing`: what the policy-gaps report counts.
- `messages.digest`: sha256 of an assistant message's stripped text, to find the
  conversation a stateless client's history continues.

Rows already there are filled in where the data allows: every assistant message gets its
digest, and a disclosure whose assistant message is still stored gets the status and the
missing arguments saved in that message's answer. Older disclosures keep NULL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_feedback_and_gaps"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(64)
BATCH = 500
STATUSES = {"answered", "not_covered", "needs_input", "refused", "error"}

# Frozen views of the tables as this revision sees them (never import schema.py here: it
# describes the newest revision, not this one).
_messages = sa.table(
    "messages",
    sa.column("id", sa.Integer()),
    sa.column("role", sa.String()),
    sa.column("text", sa.Text()),
    sa.column("answer", sa.JSON()),
    sa.column("digest", sa.String()),
)
_disclosures = sa.table(
    "disclosures",
    sa.column("id", ID),
    sa.column("status", sa.String()),
    sa.column("missing", sa.JSON(none_as_null=True)),
)


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disclosure_id", ID, nullable=False),
        sa.Column("vote", sa.String(8), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.CheckConstraint("vote IN ('up', 'down')", name=op.f("ck_feedback_vote")),
        sa.ForeignKeyConstraint(
            ["disclosure_id"],
            ["disclosures.id"],
            name=op.f("fk_feedback_disclosure_id_disclosures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    op.create_index("ix_feedback_disclosure_id", "feedback", ["disclosure_id"], unique=True)

    # Plain ADD COLUMN (no table rebuild on SQLite): nullable columns without constraints.
    op.add_column("disclosures", sa.Column("status", sa.String(16), nullable=True))
    op.add_column("disclosures", sa.Column("missing", sa.JSON(), nullable=True))
    op.add_column("messages", sa.Column("digest", sa.String(64), nullable=True))
    op.create_index("ix_messages_digest", "messages", ["digest"])

    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    """Digest every assistant message; copy status / missing from its stored answer."""
    last = 0
    while True:
        rows = conn.execute(
            sa.select(_messages.c.id, _messages.c.text, _messages.c.answer)
            .where(_messages.c.role == "assistant", _messages.c.id > last)
            .order_by(_messages.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        for message_id, text, answer in rows:
            digest = hashlib.sha256((text or "").strip().encode("utf-8")).hexdigest()
            conn.execute(
                sa.update(_messages).where(_messages.c.id == message_id).values(digest=digest)
            )
            _copy_status(conn, answer)
        last = rows[-1][0]


def _copy_status(conn: sa.Connection, answer: object) -> None:
    if not isinstance(answer, dict):
        return
    disclosure_id, status = answer.get("disclosure_id"), answer.get("status")
    if not isinstance(disclosure_id, str) or status not in STATUSES:
        return
    missing = answer.get("missing")
    missing = [str(m) for m in missing] if isinstance(missing, list) and missing else None
    conn.execute(
        sa.update(_disclosures)
        .where(_disclosures.c.id == disclosure_id)
        .values(status=status, missing=missing)
    )


def downgrade() -> None:
    # feedback first: SQLite rebuilds `disclosures` to drop its columns, and a table that
    # still referenced it would stop the rebuild.
    op.drop_index("ix_feedback_disclosure_id", table_name="feedback")
    op.drop_table("feedback")
    op.drop_index("ix_messages_digest", table_name="messages")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("digest")
    with op.batch_alter_table("disclosures") as batch:
        batch.drop_column("missing")
        batch.drop_column("status")
