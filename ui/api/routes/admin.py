"""Admin endpoints (re-index, export disclosure records), behind POLICY_ADMIN_TOKEN.

No token configured means no admin: the endpoints answer 403 rather than run open.
Missing credentials answer 401, a wrong token 403; tokens compare in constant time.
"""

from __future__ import annotations

import hmac
import json
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ui.api.engine import Engine, get_engine
from ui.api.errors import ApiError
from ui.api.schemas import ErrorResponse, ExportResponse, ReindexResponse

AUTH = {401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}}


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-admin-token") or None


def require_admin(request: Request) -> None:
    """Dependency: the request carries the configured admin token."""
    expected = request.app.state.settings.admin_token
    if not expected:
        raise ApiError(403, "admin_disabled")
    token = presented_token(request)
    if token is None:
        raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(token.encode(), expected.encode()):
        raise ApiError(403, "forbidden")


router = APIRouter(prefix="/api/admin", tags=["admin"], dependencies=[Depends(require_admin)])
EngineDep = Annotated[Engine, Depends(get_engine)]


@router.post("/reindex", response_model=ReindexResponse, responses=AUTH)
async def reindex(engine: EngineDep) -> dict:
    """Build or update the index from the corpus (incremental); answers wait meanwhile."""
    stats = await engine.thread(engine.reindex)
    return stats.as_dict()


@router.get(
    "/disclosures/export",
    response_model=ExportResponse,
    responses={**AUTH, 200: {"content": {"application/x-ndjson": {}}}},
)
async def export(
    engine: EngineDep,
    since: Annotated[datetime | None, Query(description="ISO time, inclusive")] = None,
    until: Annotated[datetime | None, Query(description="ISO time, exclusive")] = None,
    format: Annotated[Literal["json", "jsonl"], Query()] = "json",  # noqa: A002
):
    """Every disclosure record (optionally within [since, until)), oldest first."""
    records = await engine.thread(engine.store.export_disclosures, since=since, until=until)
    rows = [r.model_dump(mode="json") for r in records]
    if format == "jsonl":
        body = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        return Response(body, media_type="application/x-ndjson")
    return {"count": len(rows), "records": rows}
