"""GET /api/clauses/{id} and GET /api/sections: the corpus, official Kazakh beside a translation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from assistant.presenter import clause_json
from corpus.languages import LANGS
from corpus.store import clauses_by_id, corpus_summary
from ui.api.errors import ApiError
from ui.api.schemas import ClauseOut, ErrorResponse, Lang, SectionsResponse

router = APIRouter(prefix="/api", tags=["corpus"])


@router.get(
    "/clauses/{clause_id}", response_model=ClauseOut, responses={404: {"model": ErrorResponse}}
)
async def clause(
    clause_id: Annotated[str, Path(max_length=16, examples=["8.35"])],
    lang: Annotated[Lang, Query(description="language shown beside the official Kazakh")] = "en",
) -> dict:
    """One clause by id (e.g. `8.35`, `8.T1`): the official Kazakh text and `lang`."""
    data = clause_json(clause_id, lang)
    if data is None:
        raise ApiError(404, "unknown_clause", id=clause_id)
    return data


@router.get("/sections", response_model=SectionsResponse)
async def sections() -> dict:
    """The policy's sections with their titles in kk / ru / en and clause counts."""
    summary = corpus_summary()
    titles: dict[int, dict[str, str]] = {}
    for code in LANGS:
        for c in clauses_by_id(code).values():
            titles.setdefault(c.section, {}).setdefault(code, c.section_title)
    return {
        "doc": summary["doc"],
        "code": summary["code"],
        "title": summary["title"],
        "approval_date": str(summary["approval_date"]),
        "languages": summary["languages"],
        "sections": [
            {"section": s["section"], "title": titles.get(s["section"], {}), "counts": s["counts"]}
            for s in summary["sections"]
        ],
    }
