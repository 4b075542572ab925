"""Admin endpoints (re-index, export disclosure records), behind POLICY_ADMIN_TOKEN.

No token configured means no admin: the endpoints answer 403 rather than run open.
Missing credentials answer 401, a wrong token 403; tokens compare in constant time.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import AfterValidator, BeforeValidator

from ui.api.deps import AdminDep, EngineDep
from ui.api.errors import ApiError
from ui.api.schemas import ErrorResponse, ExportResponse, ReindexResponse

AUTH = {401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}}
router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[AdminDep])


NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def _iso_only(value: object) -> object:
    """ISO 8601 text only: a bare number would otherwise be read as a Unix timestamp."""
    if isinstance(value, str) and NUMBER.fullmatch(value.strip()):
        raise ValueError("an ISO 8601 date-time is expected")
    return value


def _utc(value: datetime | None) -> datetime | None:
    """A time without a zone is read as UTC (records are stored in UTC)."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


IsoTime = Annotated[datetime | None, BeforeValidator(_iso_only), AfterValidator(_utc)]


@router.post(
    "/reindex",
    response_model=ReindexResponse,
    responses={**AUTH, 409: {"model": ErrorResponse}},
)
async def reindex(engine: EngineDep) -> dict:
    """Build or update the index from the corpus (incremental); answers wait meanwhile.

    409 under `serve --workers N`: each worker holds a copy, and re-indexing one of them
    would leave the others answering from the old index.
    """
    if engine.retriever.read_only:
        raise ApiError(409, "read_only_index")
    stats = await engine.thread(engine.reindex)
    return stats.as_dict()


@router.get(
    "/disclosures/export",
    response_model=ExportResponse,
    responses={**AUTH, 200: {"content": {"application/x-ndjson": {}}}},
)
async def export(
    engine: EngineDep,
    since: Annotated[IsoTime, Query(description="ISO time (UTC if no zone), inclusive")] = None,
    until: Annotated[IsoTime, Query(description="ISO time (UTC if no zone), exclusive")] = None,
    format: Annotated[Literal["json", "jsonl"], Query()] = "json",  # noqa: A002
):
    """Every disclosure record (optionally within [since, until)), oldest first."""
    records = await engine.thread(engine.store.export_disclosures, since=since, until=until)
    rows = [r.model_dump(mode="json") for r in records]
    if format == "jsonl":
        body = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        return Response(body, media_type="application/x-ndjson")
    return {"count": len(rows), "records": rows}
