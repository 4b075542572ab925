"""POST /api/feedback: a thumbs up or down (and an optional comment) on one answer.

Stored beside the answer's disclosure record, one vote per answer: voting again replaces
the earlier vote, so a user can change their mind and the gaps report counts each answer
once. Under /api, so the body and rate limits apply as to every other route.
"""

from __future__ import annotations

from fastapi import APIRouter

from assistant.storage.errors import DisclosureNotFound
from ui.api.deps import EngineDep
from ui.api.errors import ApiError
from ui.api.schemas import ErrorResponse, FeedbackOut, FeedbackRequest

router = APIRouter(prefix="/api", tags=["feedback"])


@router.post(
    "/feedback",
    status_code=201,
    response_model=FeedbackOut,
    responses={
        404: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
        429: {"model": ErrorResponse},
        503: {"model": ErrorResponse},
    },
)
async def feedback(body: FeedbackRequest, engine: EngineDep) -> dict:
    """Vote on the answer with this disclosure id; 404 when there is no such record."""
    try:
        record = await engine.thread(
            engine.store.add_feedback, body.disclosure_id, body.vote, body.comment
        )
    except DisclosureNotFound:
        raise ApiError(404, "unknown_disclosure", ids=body.disclosure_id) from None
    return record.model_dump()
