"""Revision 0002 on a database that already holds 0001 data, on SQLite and PostgreSQL.

The upgrade keeps every row, fills what it can (reply digests; status and missing from the
stored answers), and the result matches schema.py; the downgrade keeps the rows and the
consent rule of 0001.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from assistant.storage import Repository, ensure_schema, make_engine
from assistant.storage.db import _migrate, current_revision, downgrade_schema, head_revision
from assistant.storage.schema import VERSION_TABLE, Base
from tests.assistant.test_storage_db import BACKENDS, backend_url

FIRST = "0001_initial"


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    with backend_url(request.param, tmp_path) as url:
        engine = make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


def _seed_0001(engine: Engine) -> None:
    """Rows as 0001 wrote them: a conversation, a user and two assistant messages (one
    whose stored answer names its disclosure), and two disclosures."""
    _migrate(engine, lambda config: command.upgrade(config, FIRST))
    assert current_revision(engine) == FIRST
    answer = {
        "answer": "Give the exam score too.",
        "status": "needs_input",
        "missing": ["exam"],
        "disclosure_id": "d-with-answer",
    }
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO conversations (id, created_at, updated_at, lang) "
                "VALUES ('c1', :t, :t, 'en')"
            ),
            {"t": "2025-10-01 10:00:00"},
        )
        for disclosure_id, question, consent in (
            ("d-with-answer", "R1 70, R2 80: my grade?", True),
            ("d-orphan", None, False),
        ):
            conn.execute(
                text(
                    "INSERT INTO disclosures (id, created_at, conversation_id, assistant_name, "
                    "assistant_version, composer, models, answer_lang, cited_clause_ids, tools, "
                    "question, consent) VALUES (:id, :t, 'c1', 'Policy Assistant', '0.1', "
                    "'extractive', '{}', 'en', :cited, :tools, :q, :consent)"
                ),
                {
                    "id": disclosure_id,
                    "t": "2025-10-01 10:00:01",
                    "cited": json.dumps(["8.35"]),
                    "tools": json.dumps(["final_grade"]),
                    "q": question,
                    "consent": consent,
                },
            )
        for role, body, stored in (
            ("user", "R1 70, R2 80: my grade?", None),
            ("assistant", "  Give the exam score too.\n", json.dumps(answer)),
            ("assistant", "A reply without a stored answer.", None),
        ):
            conn.execute(
                text(
                    "INSERT INTO messages (conversation_id, role, text, lang, created_at, answer) "
                    "VALUES ('c1', :role, :text, 'en', :t, :answer)"
                ),
                {"role": role, "text": body, "t": "2025-10-01 10:00:02", "answer": stored},
            )


def test_upgrade_from_0001_keeps_and_fills_the_data(engine: Engine) -> None:
    _seed_0001(engine)
    assert ensure_schema(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"conversations", "messages", "disclosures", "feedback"} <= tables

    repo = Repository(engine)
    stopped = repo.get_disclosure("d-with-answer")
    assert stopped is not None
    assert stopped.status == "needs_input" and stopped.missing == ["exam"]
    assert stopped.question == "R1 70, R2 80: my grade?" and stopped.consent is True
    orphan = repo.get_disclosure("d-orphan")
    assert orphan is not None and orphan.status is None and orphan.missing is None

    messages = repo.history("c1", limit=None)
    assert [m.role for m in messages] == ["user", "assistant", "assistant"]
    assert messages[0].digest is None
    assert messages[1].digest == hashlib.sha256(b"Give the exam score too.").hexdigest()
    assert repo.conversation_for_reply("Give the exam score too.", "d-with-answer") == "c1"
    assert repo.conversation_for_reply("A reply without a stored answer.", "d-orphan") == "c1"

    # The new table works on the old rows, and the schema is what schema.py says.
    assert repo.add_feedback("d-orphan", "down", "old answer").vote == "down"
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_0001_keeps_rows_and_the_consent_rule(engine: Engine) -> None:
    _seed_0001(engine)
    ensure_schema(engine)
    Repository(engine).add_feedback("d-orphan", "up")
    downgrade_schema(engine, FIRST)
    assert current_revision(engine) == FIRST
    inspector = inspect(engine)
    assert "feedback" not in inspector.get_table_names()
    assert "status" not in {c["name"] for c in inspector.get_columns("disclosures")}
    assert "digest" not in {c["name"] for c in inspector.get_columns("messages")}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM disclosures")).scalar() == 2
        assert conn.execute(text("SELECT COUNT(*) FROM messages")).scalar() == 3
    # SQLite rebuilt the table to drop its columns: the CHECK came along.
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE disclosures SET question = 'leak' WHERE id = 'd-orphan'"))
    ensure_schema(engine)  # and up again
    assert current_revision(engine) == head_revision()
