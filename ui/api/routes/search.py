"""GET /api/search: hybrid search, hits with the official Kazakh text and the query's language."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.presenter import hit_json
from indexing.validation import MAX_QUERY_CHARS, QueryError, check_query
from ui.api.deps import EngineDep
from ui.api.errors import ApiError
from ui.api.schemas import ErrorResponse, LangIn, SearchResponse

router = APIRouter(prefix="/api", tags=["search"])


@router.get(
    "/search",
    response_model=SearchResponse,
    responses={422: {"model": ErrorResponse}, 429: {"model": ErrorResponse}},
)
async def search(
    engine: EngineDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, description="question")],
    k: Annotated[int, Query(ge=1, le=50, description="number of hits")] = 5,
    lang: Annotated[LangIn, Query(description="query language (auto: detect)")] = "auto",
) -> dict:
    """Clauses that answer `q`, best first, in any of kk / ru / en."""
    try:
        query = check_query(q)
    except QueryError as exc:
        raise ApiError(422, "invalid_query", limit=MAX_QUERY_CHARS) from exc
    result = await engine.thread(engine.search, query, k, None if lang == "auto" else lang)
    return {
        "query": query,
        "lang": result.lang,
        "hits": [hit_json(hit, result.lang) for hit in result.hits],
    }
