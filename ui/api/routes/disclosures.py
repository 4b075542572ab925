"""Section 19 disclosure records and the ready-to-paste statement built from them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from assistant.storage.records import DisclosureRecord
from assistant.storage.statement import render_statement
from ui.api.deps import EngineDep, SettingsDep
from ui.api.errors import ApiError
from ui.api.schemas import DisclosureOut, ErrorResponse, Lang, StatementResponse

router = APIRouter(prefix="/api/disclosures", tags=["disclosures"])
MAX_IDS = 500


def split_ids(values: list[str]) -> list[str]:
    """`ids=a,b&ids=c` → [a, b, c], order kept, duplicates dropped."""
    ids = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(ids))


@router.get(
    "/statement",
    response_model=StatementResponse,
    responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}},
)
async def statement(
    engine: EngineDep,
    settings: SettingsDep,
    ids: Annotated[list[str], Query(description="disclosure ids (repeat or comma-separate)")] = [],  # noqa: B006
    conversation_id: Annotated[
        str | None, Query(max_length=64, description="every record of this conversation")
    ] = None,
    lang: Annotated[Lang, Query(description="statement language")] = "en",
) -> dict:
    """The section 19 statement covering the given answers (or a whole conversation)."""
    wanted = split_ids(ids)
    if len(wanted) > MAX_IDS:
        raise ApiError(422, "too_long", field="ids", limit=MAX_IDS)
    store = engine.store
    records: list[DisclosureRecord] = []
    if wanted:
        records = await engine.thread(store.get_disclosures, wanted)
        missing = [i for i in wanted if i not in {r.id for r in records}]
        if missing:
            raise ApiError(
                404, "unknown_disclosure", extra={"ids": missing}, ids=", ".join(missing)
            )
    if conversation_id:
        known = {r.id for r in records}
        more = await engine.thread(store.disclosures_for_conversation, conversation_id)
        records += [r for r in more if r.id not in known]
    if not records:
        raise ApiError(404, "no_disclosures")
    text = render_statement(records, lang, url=settings.assistant_url)
    return {"lang": lang, "statement": text, "ids": [r.id for r in records]}


@router.get(
    "/{disclosure_id}", response_model=DisclosureOut, responses={404: {"model": ErrorResponse}}
)
async def disclosure(engine: EngineDep, disclosure_id: Annotated[str, Path(max_length=64)]) -> dict:
    """One answer's disclosure record (the question text only where the user consented;
    never the conversation id, which would open the conversation's other records)."""
    record = await engine.thread(engine.store.get_disclosure, disclosure_id)
    if record is None:
        raise ApiError(404, "unknown_disclosure", ids=disclosure_id)
    return record.model_dump(exclude={"conversation_id"})
