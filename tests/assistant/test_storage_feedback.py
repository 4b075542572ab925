"""Feedback, disclosure status and reply digests on real databases (SQLite, PostgreSQL)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import select, text, update

from assistant.storage import DisclosureNotFound, FeedbackRecord, Repository
from assistant.storage.repository import reply_digest
from assistant.storage.schema import MAX_COMMENT_CHARS, Disclosure, Feedback, Message
from tests.assistant.test_storage_db import BACKENDS, backend_url, open_repository


@pytest.fixture(params=BACKENDS)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    with backend_url(request.param, tmp_path) as url, open_repository(url) as repository:
        yield repository


def _disclosure(repo: Repository, **fields: object):
    values: dict[str, object] = {"answer_lang": "en", "composer": "extractive", "models": {}}
    values.update(fields)
    return repo.add_disclosure(**values)  # type: ignore[arg-type]


# -- feedback --------------------------------------------------------------------------------


def test_feedback_round_trip(repo: Repository) -> None:
    disclosure = _disclosure(repo)
    before = datetime.now(UTC)
    stored = repo.add_feedback(disclosure.id, "down", "  It did not mention fees.  ")
    assert isinstance(stored, FeedbackRecord)
    assert stored.id > 0
    assert stored.disclosure_id == disclosure.id
    assert stored.vote == "down"
    assert stored.comment == "It did not mention fees."  # stripped
    assert before - timedelta(seconds=1) <= stored.created_at <= datetime.now(UTC)
    assert repo.get_feedback(disclosure.id) == stored


def test_a_second_vote_replaces_the_first(repo: Repository) -> None:
    disclosure = _disclosure(repo)
    first = repo.add_feedback(disclosure.id, "down", "wrong section")
    second = repo.add_feedback(disclosure.id, "up")
    assert second.id == first.id  # the same row, replaced
    assert second.created_at >= first.created_at
    stored = repo.get_feedback(disclosure.id)
    assert stored is not None and stored.vote == "up" and stored.comment is None
    with repo.engine.connect() as conn:
        rows = conn.execute(select(Feedback).where(Feedback.disclosure_id == disclosure.id)).all()
    assert len(rows) == 1


def test_votes_on_different_answers_are_separate(repo: Repository) -> None:
    one, two = _disclosure(repo), _disclosure(repo)
    repo.add_feedback(one.id, "up")
    repo.add_feedback(two.id, "down", "no")
    assert repo.get_feedback(one.id).vote == "up"  # type: ignore[union-attr]
    assert repo.get_feedback(two.id).vote == "down"  # type: ignore[union-attr]


@pytest.mark.parametrize("bad_id", ["does-not-exist", "", "x" * 500])
def test_unknown_disclosure_is_a_typed_error(repo: Repository, bad_id: str) -> None:
    with pytest.raises(DisclosureNotFound) as caught:
        repo.add_feedback(bad_id, "up")
    assert caught.value.disclosure_id == bad_id
    assert isinstance(caught.value, LookupError)


def test_bad_vote_and_overlong_comment_are_refused_before_writing(repo: Repository) -> None:
    disclosure = _disclosure(repo)
    with pytest.raises(ValidationError):
        repo.add_feedback(disclosure.id, "meh")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        repo.add_feedback(disclosure.id, "down", "x" * (MAX_COMMENT_CHARS + 1))
    assert repo.get_feedback(disclosure.id) is None
    longest = repo.add_feedback(disclosure.id, "down", "y" * MAX_COMMENT_CHARS)
    assert longest.comment == "y" * MAX_COMMENT_CHARS


def test_blank_comment_is_no_comment_and_nul_is_dropped(repo: Repository) -> None:
    disclosure = _disclosure(repo)
    assert repo.add_feedback(disclosure.id, "up", "   ").comment is None
    assert repo.add_feedback(disclosure.id, "up", "a\x00b").comment == "ab"


def test_database_refuses_a_vote_outside_up_and_down(repo: Repository) -> None:
    disclosure = _disclosure(repo)
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), repo.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO feedback (created_at, disclosure_id, vote) "
                "VALUES (CURRENT_TIMESTAMP, :id, 'meh')"
            ),
            {"id": disclosure.id},
        )


def test_remove_feedback(repo: Repository) -> None:
    disclosure = _disclosure(repo)
    repo.add_feedback(disclosure.id, "down")
    assert repo.remove_feedback(disclosure.id) is True
    assert repo.get_feedback(disclosure.id) is None
    assert repo.remove_feedback(disclosure.id) is False
    assert repo.remove_feedback("") is False


def test_purge_removes_feedback_with_its_disclosure(repo: Repository) -> None:
    old, recent = _disclosure(repo), _disclosure(repo)
    repo.add_feedback(old.id, "down", "old")
    repo.add_feedback(recent.id, "up")
    with repo.engine.begin() as conn:
        conn.execute(
            update(Disclosure)
            .where(Disclosure.id == old.id)
            .values(created_at=datetime.now(UTC) - timedelta(days=40))
        )
    assert repo.purge_older_than(30) >= 1
    assert repo.get_disclosure(old.id) is None
    assert repo.get_feedback(old.id) is None  # cascaded
    assert repo.get_feedback(recent.id) is not None
    with pytest.raises(DisclosureNotFound):
        repo.add_feedback(old.id, "up")


# -- disclosure status and missing -----------------------------------------------------------


def test_status_and_missing_round_trip(repo: Repository) -> None:
    stopped = _disclosure(
        repo, status="needs_input", tools=["final_grade"], missing=["exam", "exam", "r2"]
    )
    assert stopped.status == "needs_input" and stopped.missing == ["exam", "r2"]
    assert repo.get_disclosure(stopped.id) == stopped
    plain = _disclosure(repo, status="answered")
    assert repo.get_disclosure(plain.id).missing is None  # type: ignore[union-attr]
    legacy = _disclosure(repo)
    assert repo.get_disclosure(legacy.id).status is None  # type: ignore[union-attr]
    with pytest.raises(ValidationError):
        _disclosure(repo, status="maybe")


def test_report_rows_keep_question_only_with_consent(repo: Repository) -> None:
    consented = _disclosure(
        repo, status="not_covered", question="Is there a dormitory?", consent=True
    )
    private = _disclosure(repo, status="not_covered", question="My private question", consent=False)
    repo.add_feedback(private.id, "down", "nothing useful")
    rows = {row.disclosure_id: row for row in repo.report_rows()}
    assert rows[consented.id].question == "Is there a dormitory?"
    assert rows[consented.id].vote is None
    assert rows[private.id].question is None and rows[private.id].consent is False
    assert rows[private.id].vote == "down" and rows[private.id].comment == "nothing useful"


def test_report_rows_since(repo: Repository) -> None:
    old, new = _disclosure(repo), _disclosure(repo)
    with repo.engine.begin() as conn:
        conn.execute(
            update(Disclosure)
            .where(Disclosure.id == old.id)
            .values(created_at=datetime(2025, 1, 10, tzinfo=UTC))
        )
    ids = [row.disclosure_id for row in repo.report_rows(since=datetime(2025, 6, 1, tzinfo=UTC))]
    assert ids == [new.id]
    assert [row.disclosure_id for row in repo.report_rows()] == [old.id, new.id]


# -- reply digests ---------------------------------------------------------------------------


def test_assistant_messages_get_a_digest_user_messages_do_not(repo: Repository) -> None:
    cid = repo.create_conversation("en")
    user = repo.add_message(cid, "user", "What happens after FX?", "en")
    reply = repo.add_message(cid, "assistant", "  You may retake it.\n", "en")
    assert user.digest is None
    assert reply.digest == hashlib.sha256(b"You may retake it.").hexdigest()
    with repo.engine.connect() as conn:
        stored = conn.execute(select(Message.digest).where(Message.id == reply.id)).scalar()
    assert stored == reply.digest == reply_digest("You may retake it.")


def test_conversation_for_reply_needs_the_record_and_the_exact_reply(repo: Repository) -> None:
    first, second = repo.create_conversation("en"), repo.create_conversation("ru")
    mine = _disclosure(repo, conversation_id=first)
    theirs = _disclosure(repo, conversation_id=second)
    repo.add_message(first, "assistant", "Same reply.", "en")
    repo.add_message(second, "assistant", "Same reply.", "ru")  # the same words, elsewhere
    repo.add_message(first, "user", "A question.", "en")  # a user message never matches
    assert repo.conversation_for_reply("Same reply.", mine.id) == first
    assert repo.conversation_for_reply("  Same reply.\n", mine.id) == first  # blanks aside
    assert repo.conversation_for_reply("Same reply.", theirs.id) == second
    assert repo.conversation_for_reply("same reply.", mine.id) is None  # exact text only
    assert repo.conversation_for_reply("A question.", mine.id) is None
    assert repo.conversation_for_reply("Same reply.", "no-such-record") is None
    assert repo.conversation_for_reply("", mine.id) is None
    unbound = _disclosure(repo)  # a record without a conversation continues nothing
    assert repo.conversation_for_reply("Same reply.", unbound.id) is None


def test_concurrent_votes_on_one_answer_leave_one_row(repo: Repository) -> None:
    """Several writers voting at once (INSERT ... ON CONFLICT): no IntegrityError, one row."""
    from concurrent.futures import ThreadPoolExecutor

    disclosure = _disclosure(repo)
    votes = ["up", "down"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        stored = list(pool.map(lambda vote: repo.add_feedback(disclosure.id, vote), votes))
    assert {record.id for record in stored} == {stored[0].id}
    with repo.engine.connect() as conn:
        count = conn.execute(
            text("SELECT COUNT(*) FROM feedback WHERE disclosure_id = :id"), {"id": disclosure.id}
        ).scalar()
    assert count == 1
