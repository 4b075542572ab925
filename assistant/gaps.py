"""The policy-gaps report: what the assistant could not answer, for the policy's owners.

Built from the disclosure records (and the votes on them) since a date, by frequency and
language:

- questions declined as not covered, grouped by topic: the section of the first clause
  the reply cited (a not-covered reply still quotes the nearest clauses);
- answers voted down, with the voter's comment;
- tool calls that stopped for missing input: the tool and the arguments it still needed;
- the clauses cited most;
- declined answers per ISO week and topic (the chart's series).

Section 19 rules hold here as everywhere: a question's text appears only where the user
consented to keeping it; otherwise the report counts it and shows nothing of it. The
report is plain data (pydantic); rendering it as Markdown, CSV or a chart is the UI's job.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, Field

from assistant.storage.records import ReportRow
from assistant.storage.repository import Repository
from corpus.languages import LANGS
from corpus.store import clauses_by_id

DEFAULT_TOP_CITED = 20


class LangCounts(BaseModel):
    """How many, in all and per answer language."""

    total: int = 0
    by_lang: dict[str, int] = Field(default_factory=lambda: dict.fromkeys(LANGS, 0))

    def add(self, lang: str, n: int = 1) -> None:
        self.total += n
        self.by_lang[lang] = self.by_lang.get(lang, 0) + n


class Topic(BaseModel):
    """A policy section titled in kk / ru / en; section None (no title) when the reply
    cited no clause at all."""

    section: int | None
    title: dict[str, str]


class QuestionCount(BaseModel):
    """A question asked with consent to keep it, and how often (same words, any case)."""

    text: str
    lang: str
    count: int


class DeclinedTopic(LangCounts):
    topic: Topic
    questions: list[QuestionCount] = Field(
        default_factory=list, description="consented questions only, most frequent first"
    )
    without_text: int = Field(0, description="declined questions not kept (no consent)")


class DownVote(BaseModel):
    disclosure_id: str
    created_at: AwareDatetime
    lang: str
    status: str | None
    topic: Topic
    cited_clause_ids: list[str]
    comment: str | None = None
    question: str | None = Field(None, description="only where the user consented")


class DownVotes(LangCounts):
    items: list[DownVote] = Field(default_factory=list, description="newest first")


class MissingInput(LangCounts):
    """A tool call that stopped to ask for these arguments."""

    tool: str
    missing: list[str]


class CitedClause(LangCounts):
    clause_id: str
    topic: Topic


class WeekCount(BaseModel):
    week: str = Field(description="ISO week, e.g. 2025-W48")
    topic: Topic
    count: int


class Summary(BaseModel):
    answers: LangCounts
    by_status: dict[str, int] = Field(description="'unknown': records older than the status")
    votes_up: int
    votes_down: int


class GapsReport(BaseModel):
    generated_at: AwareDatetime
    since: AwareDatetime | None
    summary: Summary
    declined: list[DeclinedTopic] = Field(description="questions declined as not covered")
    voted_down: DownVotes
    needs_input: list[MissingInput] = Field(description="tool calls stopped for missing input")
    cited: list[CitedClause] = Field(description="clauses cited most")
    declined_weekly: list[WeekCount] = Field(description="declined answers per week and topic")


# --- topics ---------------------------------------------------------------------------------


def _section_titles() -> dict[int, dict[str, str]]:
    titles: dict[int, dict[str, str]] = {}
    for lang in LANGS:
        for clause in clauses_by_id(lang).values():
            titles.setdefault(clause.section, {}).setdefault(lang, clause.section_title)
    return titles


def _section_of(clause_id: str) -> int | None:
    clause = clauses_by_id("kk").get(clause_id)
    if clause is not None:
        return clause.section
    head = clause_id.split(".", 1)[0]  # a clause no longer in the corpus: its id says
    return int(head) if head.isdigit() else None


class _Topics:
    """Section → Topic, titled from the corpus once per report."""

    def __init__(self) -> None:
        self._titles = _section_titles()

    def of(self, section: int | None) -> Topic:
        if section is None:
            return Topic(section=None, title={})
        title = self._titles.get(section, {})
        return Topic(section=section, title={lang: title.get(lang, "") for lang in LANGS})

    def of_answer(self, row: ReportRow) -> Topic:
        first = row.cited_clause_ids[0] if row.cited_clause_ids else None
        return self.of(_section_of(first) if first else None)


def iso_week(moment: datetime) -> str:
    year, week, _ = moment.astimezone(UTC).isocalendar()
    return f"{year}-W{week:02d}"


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _order(section: int | None) -> tuple[int, int]:
    return (1, 0) if section is None else (0, section)


# --- the report -----------------------------------------------------------------------------


def build_report(
    rows: Iterable[ReportRow],
    *,
    since: datetime | None = None,
    top_cited: int = DEFAULT_TOP_CITED,
    now: datetime | None = None,
) -> GapsReport:
    """Count `rows` (answers with their votes) into the report. Groups are ordered by
    frequency, most first; ties by section, so the same data gives the same report."""
    topics = _Topics()
    answers = LangCounts()
    statuses: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    declined: dict[int | None, DeclinedTopic] = {}
    asked: dict[int | None, dict[tuple[str, str], QuestionCount]] = defaultdict(dict)
    down = DownVotes()
    stopped: dict[tuple[str, tuple[str, ...]], MissingInput] = {}
    cited: dict[str, CitedClause] = {}
    weekly: Counter[tuple[str, int | None]] = Counter()

    for row in rows:
        lang = row.answer_lang
        answers.add(lang)
        statuses[row.status or "unknown"] += 1
        if row.vote:
            votes[row.vote] += 1
        question = row.question if row.consent else None  # section 19: consent only
        topic = topics.of_answer(row)
        if row.status == "not_covered":
            group = declined.setdefault(topic.section, DeclinedTopic(topic=topic))
            group.add(lang)
            if question:
                seen = asked[topic.section].setdefault(
                    (lang, _key(question)), QuestionCount(text=question, lang=lang, count=0)
                )
                seen.count += 1
            else:
                group.without_text += 1
            weekly[(iso_week(row.created_at), topic.section)] += 1
        if row.vote == "down":
            down.add(lang)
            down.items.append(
                DownVote(
                    disclosure_id=row.disclosure_id,
                    created_at=row.created_at,
                    lang=lang,
                    status=row.status,
                    topic=topic,
                    cited_clause_ids=row.cited_clause_ids,
                    comment=row.comment,
                    question=question,
                )
            )
        if row.status == "needs_input":
            tool = row.tools[-1] if row.tools else "unknown"
            missing = tuple(row.missing or ())
            stopped.setdefault((tool, missing), MissingInput(tool=tool, missing=list(missing))).add(
                lang
            )
        for clause_id in row.cited_clause_ids:
            entry = cited.get(clause_id)
            if entry is None:
                entry = cited[clause_id] = CitedClause(
                    clause_id=clause_id, topic=topics.of(_section_of(clause_id))
                )
            entry.add(lang)

    for section, group in declined.items():
        group.questions = sorted(asked[section].values(), key=lambda q: (-q.count, q.text))
    down.items.sort(key=lambda item: item.created_at, reverse=True)
    return GapsReport(
        generated_at=now or datetime.now(UTC),
        since=since,
        summary=Summary(
            answers=answers,
            by_status=dict(sorted(statuses.items())),
            votes_up=votes["up"],
            votes_down=votes["down"],
        ),
        declined=sorted(declined.values(), key=lambda g: (-g.total, _order(g.topic.section))),
        voted_down=down,
        needs_input=sorted(stopped.values(), key=lambda m: (-m.total, m.tool, m.missing)),
        cited=sorted(cited.values(), key=lambda c: (-c.total, c.clause_id))[: max(0, top_cited)],
        declined_weekly=[
            WeekCount(week=week, topic=topics.of(section), count=count)
            for (week, section), count in sorted(
                weekly.items(), key=lambda item: (item[0][0], _order(item[0][1]))
            )
        ],
    )


def gaps_report(
    store: Repository, *, since: datetime | None = None, top_cited: int = DEFAULT_TOP_CITED
) -> GapsReport:
    """The report on every answer stored since `since` (a time without a zone is UTC)."""
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return build_report(store.report_rows(since=since), since=since, top_cited=top_cited)
