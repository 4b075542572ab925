"""GET /api/admin/report and its chart: the policy-gaps report, behind the admin token.

What the assistant could not answer, for the policy's owners: questions declined as not
covered, answers voted down, tool calls stopped for missing input, the clauses cited most
(assistant/gaps.py), as JSON, Markdown or CSV, and a PNG bar chart of declined topics per
week. A question's text is there only where the user consented (section 19); the answers
are marked no-store, since those texts are personal data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import AfterValidator

from assistant.gaps import DEFAULT_TOP_CITED, GapsReport, gaps_report
from ui.api.deps import AdminDep, EngineDep
from ui.api.engine import Engine
from ui.api.routes.admin import AUTH, IsoTime
from ui.api.schemas import ErrorResponse, Lang
from ui.gaps_chart import declined_chart_png
from ui.gaps_render import MEDIA_TYPES, render

router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[AdminDep])
NO_STORE = {"Cache-Control": "no-store"}
ERRORS = {**AUTH, 422: {"model": ErrorResponse}}


def _in_utc(value: datetime | None) -> datetime | None:
    """The time in UTC; one that has no UTC equivalent (year 1 at +14:00) is invalid."""
    try:
        return value.astimezone(UTC) if value is not None else None
    except OverflowError:
        raise ValueError("the time is out of range") from None


SinceQuery = Annotated[
    IsoTime,
    AfterValidator(_in_utc),
    Query(description="only answers from this time on (a date is midnight UTC)"),
]
LangQuery = Annotated[Lang, Query(description="headings and section titles (md, csv, chart)")]


@router.get(
    "/report",
    response_model=GapsReport,
    responses={**ERRORS, 200: {"content": {"text/markdown": {}, "text/csv": {}}}},
)
async def report(
    engine: EngineDep,
    since: SinceQuery = None,
    format: Annotated[Literal["json", "md", "csv"], Query()] = "json",  # noqa: A002
    lang: LangQuery = "en",
    top: Annotated[int, Query(ge=0, le=1000, description="most-cited clauses listed")] = (
        DEFAULT_TOP_CITED
    ),
):
    """The policy-gaps report since `since` (all answers when absent)."""
    data = await engine.thread(_report, engine, since, top)
    if format == "json":
        return Response(data.model_dump_json(), media_type=MEDIA_TYPES["json"], headers=NO_STORE)
    headers = dict(NO_STORE)
    if format == "csv":
        headers["Content-Disposition"] = 'attachment; filename="policy-gaps.csv"'
    return Response(render(data, format, lang), media_type=MEDIA_TYPES[format], headers=headers)


@router.get(
    "/report/chart.png",
    response_class=Response,
    responses={**ERRORS, 200: {"content": {"image/png": {}}}},
)
async def chart(engine: EngineDep, since: SinceQuery = None, lang: LangQuery = "en") -> Response:
    """A bar chart of questions declined as not covered, per week, stacked by topic."""
    data = await engine.thread(_report, engine, since, 0)
    png = await engine.thread(declined_chart_png, data, lang)
    return Response(png, media_type="image/png", headers=NO_STORE)


def _report(engine: Engine, since: datetime | None, top: int) -> GapsReport:
    return gaps_report(engine.store, since=since, top_cited=top)
