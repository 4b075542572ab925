"""GET /healthz (the process answers) and GET /readyz (the index and the database work).

Kept outside /api so probes are never rate-limited; readiness answers 503 with the
failing check named, so an orchestrator stops routing traffic to this instance.
"""

from __future__ import annotations

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ui.api.deps import EngineDep
from ui.api.schemas import Health, Readiness

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
async def healthz(engine: EngineDep) -> dict:
    return {"status": "ok", "version": engine.assistant.version}


@router.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness}})
async def readyz(engine: EngineDep) -> JSONResponse:
    index, database = await asyncio.gather(
        engine.thread(engine.index_status), engine.thread(engine.database_status)
    )
    checks = {"index": index, "database": database}
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ready" if ready else "unavailable", "checks": checks},
        status_code=200 if ready else 503,
    )
