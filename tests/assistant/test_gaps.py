"""The policy-gaps report: grouping, frequency order, languages, and the consent rule."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import update

from assistant.gaps import GapsReport, build_report, gaps_report, iso_week
from assistant.storage import Repository
from assistant.storage.records import DisclosureRecord, ReportRow
from assistant.storage.schema import Disclosure
from corpus.store import clauses_by_id
from tests.assistant.test_storage_db import BACKENDS, backend_url, open_repository

T0 = datetime(2025, 12, 22, 9, 0, tzinfo=UTC)  # a Monday in 2025-W52; +7 days is 2026-W01
_ids = count(1)
PRIVATE = "Менің жеке сұрағым"  # a question asked without consent


def row(**fields: object) -> ReportRow:
    values: dict[str, object] = {
        "disclosure_id": f"d{next(_ids)}",
        "created_at": T0,
        "answer_lang": "en",
        "status": "answered",
        "cited_clause_ids": [],
        "tools": [],
        "consent": False,
    }
    values.update(fields)
    return ReportRow(**values)  # type: ignore[arg-type]


def declined(lang: str, cited: list[str], **fields: object) -> ReportRow:
    return row(answer_lang=lang, status="not_covered", cited_clause_ids=cited, **fields)


def test_declined_questions_grouped_by_the_first_cited_section_most_first() -> None:
    report = build_report(
        [
            declined("kk", ["8.35", "5.1"]),
            declined("ru", ["8.36"]),
            declined("en", ["8.35"]),
            declined("en", ["5.1", "8.35"]),
            declined("en", []),
            row(cited_clause_ids=["5.1"]),  # answered: not a gap
        ]
    )
    sections = [group.topic.section for group in report.declined]
    assert sections == [8, 5, None]
    eight = report.declined[0]
    assert eight.total == 3 and eight.by_lang == {"kk": 1, "ru": 1, "en": 1}
    assert eight.topic.title["kk"] == clauses_by_id("kk")["8.35"].section_title
    assert eight.topic.title["ru"] == clauses_by_id("ru")["8.35"].section_title
    assert report.declined[1].by_lang == {"kk": 0, "ru": 0, "en": 1}
    assert report.declined[2].topic.title == {}  # no clause near enough to cite
    assert report.summary.answers.total == 6
    assert report.summary.by_status == {"answered": 1, "not_covered": 5}


def test_question_text_only_with_consent() -> None:
    report = build_report(
        [
            declined("en", ["8.35"], question="Is the canteen open on Sunday?", consent=True),
            declined("en", ["8.35"], question="  is the canteen OPEN on sunday? ", consent=True),
            declined("ru", ["8.35"], question="Секретный вопрос", consent=False),
            declined("kk", ["8.35"]),
        ]
    )
    group = report.declined[0]
    assert group.total == 4
    assert [(q.text, q.lang, q.count) for q in group.questions] == [
        ("Is the canteen open on Sunday?", "en", 2)
    ]
    assert group.without_text == 2
    assert "Секретный" not in report.model_dump_json()


def test_answers_voted_down_with_comments_newest_first() -> None:
    report = build_report(
        [
            row(
                answer_lang="ru",
                vote="down",
                comment="не то",
                question="Кто подписывает?",
                consent=True,
                cited_clause_ids=["5.1"],
            ),
            row(
                created_at=T0 + timedelta(days=1),
                vote="down",
                comment="wrong",
                question="never shown",
                consent=False,
            ),
            row(vote="up", comment="thanks"),
        ]
    )
    down = report.voted_down
    assert down.total == 2 and down.by_lang == {"kk": 0, "ru": 1, "en": 1}
    assert [item.comment for item in down.items] == ["wrong", "не то"]
    assert down.items[0].question is None
    assert down.items[1].question == "Кто подписывает?" and down.items[1].topic.section == 5
    assert (report.summary.votes_up, report.summary.votes_down) == (1, 2)
    assert "never shown" not in report.model_dump_json()


def test_tool_calls_stopped_for_missing_input() -> None:
    stopped = {"status": "needs_input", "tools": ["final_grade"]}
    report = build_report(
        [
            row(answer_lang="kk", missing=["exam"], **stopped),
            row(answer_lang="kk", missing=["exam"], **stopped),
            row(answer_lang="en", missing=["exam"], **stopped),
            row(answer_lang="en", missing=["r1", "r2"], **stopped),
            row(status="needs_input", tools=["gpa"], missing=["courses"]),
        ]
    )
    stops = [(m.tool, m.missing, m.total, m.by_lang["kk"]) for m in report.needs_input]
    assert stops == [
        ("final_grade", ["exam"], 3, 2),
        ("final_grade", ["r1", "r2"], 1, 0),
        ("gpa", ["courses"], 1, 0),
    ]


def test_clauses_cited_most_and_the_limit() -> None:
    rows = [
        row(cited_clause_ids=["8.35", "8.36"]),
        row(answer_lang="kk", cited_clause_ids=["8.35"]),
        row(cited_clause_ids=["5.1"]),
    ]
    report = build_report(rows)
    assert [(c.clause_id, c.total) for c in report.cited] == [("8.35", 2), ("5.1", 1), ("8.36", 1)]
    assert report.cited[0].by_lang["kk"] == 1 and report.cited[0].topic.section == 8
    assert [c.clause_id for c in build_report(rows, top_cited=1).cited] == ["8.35"]


def test_declined_per_iso_week_and_topic() -> None:
    report = build_report(
        [
            declined("en", ["8.35"]),
            declined("kk", ["8.35"], created_at=T0 + timedelta(days=2)),
            declined("en", ["5.1"], created_at=T0 + timedelta(days=7)),
        ]
    )
    series = [(w.week, w.topic.section, w.count) for w in report.declined_weekly]
    assert series == [("2025-W52", 8, 2), ("2026-W01", 5, 1)]
    assert iso_week(datetime(2021, 1, 3, 23, 30, tzinfo=UTC)) == "2020-W53"


def test_empty_report() -> None:
    report = build_report([])
    assert report.summary.answers.total == 0
    assert report.declined == [] and report.voted_down.items == [] and report.cited == []


# -- from a real database, on both backends --------------------------------------------------


@pytest.fixture(params=BACKENDS)
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    with backend_url(request.param, tmp_path) as url, open_repository(url) as repository:
        yield repository


@dataclass(frozen=True)
class Seeded:
    old: DisclosureRecord  # declined, dated `old_at`
    kept: DisclosureRecord  # declined, its question kept with consent
    private: DisclosureRecord  # declined, no consent, voted down with `comment`


def seed_declined(repo: Repository, old_at: datetime, comment: str) -> Seeded:
    """Three answers declined as not covered, one of them old and one voted down: what the
    report and its command read (tests/ui/test_cli_report.py seeds the same)."""
    common = {"composer": "extractive", "models": {}}
    old = repo.add_disclosure(
        answer_lang="ru", status="not_covered", cited_clause_ids=["5.1"], **common
    )
    kept = repo.add_disclosure(
        answer_lang="en",
        status="not_covered",
        cited_clause_ids=["8.35"],
        question="Where is the canteen?",
        consent=True,
        **common,
    )
    private = repo.add_disclosure(
        answer_lang="kk",
        status="not_covered",
        cited_clause_ids=["8.35"],
        question=PRIVATE,
        consent=False,
        **common,
    )
    repo.add_feedback(private.id, "down", comment)
    with repo.engine.begin() as conn:
        conn.execute(update(Disclosure).where(Disclosure.id == old.id).values(created_at=old_at))
    return Seeded(old, kept, private)


def test_report_from_the_database(repo: Repository) -> None:
    seeded = seed_declined(repo, datetime(2025, 1, 1, tzinfo=UTC), "Жауап жоқ")
    kept, private = seeded.kept, seeded.private
    repo.add_disclosure(
        answer_lang="kk",
        status="needs_input",
        tools=["final_grade"],
        missing=["exam"],
        composer="extractive",
        models={},
    )

    report = gaps_report(repo)
    assert isinstance(report, GapsReport)
    assert [(g.topic.section, g.total) for g in report.declined] == [(8, 2), (5, 1)]
    assert [q.text for q in report.declined[0].questions] == [kept.question]
    assert report.voted_down.items[0].disclosure_id == private.id
    assert report.voted_down.items[0].comment == "Жауап жоқ"
    assert report.voted_down.items[0].question is None
    assert [(m.tool, m.missing) for m in report.needs_input] == [("final_grade", ["exam"])]
    assert "Менің жеке сұрағым" not in report.model_dump_json()

    recent = gaps_report(repo, since=datetime(2025, 6, 1))  # naive: read as UTC
    assert recent.since == datetime(2025, 6, 1, tzinfo=UTC)
    assert [(g.topic.section, g.total) for g in recent.declined] == [(8, 2)]
