"""GET /api/tools and POST /api/tools/{name}: the deterministic policy tools over HTTP.

The registry is the single description of every tool (schema, descriptions, runner);
bad input comes back as the tool's own typed error, in the request's language.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query

from tools import registry
from ui.api.schemas import ErrorResponse, Lang, ToolInfo, ToolRunResponse

router = APIRouter(prefix="/api", tags=["tools"])
NameParam = Annotated[str, Path(max_length=64, examples=["final_grade"])]


@router.get("/tools", response_model=list[ToolInfo])
async def tools(lang: Annotated[Lang, Query(description="language of the descriptions")] = "en"):
    """Every tool with its JSON schema (the same entries LLM function calling uses)."""
    return registry.catalogue(lang)


@router.get("/tools/{name}", response_model=ToolInfo, responses={404: {"model": ErrorResponse}})
async def tool(name: NameParam, lang: Annotated[Lang, Query()] = "en"):
    """One tool's description and argument schema."""
    return registry.describe(name, lang)


@router.post(
    "/tools/{name}",
    response_model=ToolRunResponse,
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def run_tool(
    name: NameParam,
    arguments: Annotated[
        dict[str, Any] | None,
        Body(examples=[{"r1": 72, "r2": 65, "exam": 48}], description="the tool's arguments"),
    ] = None,
) -> dict:
    """Run a tool on a JSON object of arguments; the result cites its clauses and shows
    the arithmetic in kk / ru / en."""
    result = registry.run(name, arguments or {})
    return {"tool": name, "result": result.to_json()}
