"""Typed request and response bodies: the OpenAPI document at /api/docs is built from them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.safety import MAX_MESSAGE_CHARS
from assistant.storage.schema import MAX_COMMENT_CHARS
from corpus.languages import LangCode as Lang

LangIn = Literal[Lang, "auto"]  # a language, or "auto": detect it


class ErrorDetail(BaseModel):
    field: str | None = None
    code: str
    message: str


class ErrorInfo(BaseModel):
    code: str = Field(description="stable, for machines")
    message: str = Field(description="for people, in the request's language")
    field: str | None = None
    details: list[ErrorDetail] | None = None
    messages: dict[str, str] | None = Field(None, description="tool errors: kk / ru / en")


class ErrorResponse(BaseModel):
    error: ErrorInfo


# --- chat -------------------------------------------------------------------------------


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str = Field(
        min_length=1, max_length=MAX_MESSAGE_CHARS, examples=["FX алсам не істеймін?"]
    )
    conversation_id: str | None = Field(None, max_length=64, description="continue a conversation")
    lang: LangIn | None = Field(None, description="answer language; auto-detected when absent")
    consent: bool = Field(False, description="allow the question text in the disclosure record")
    stream: bool = Field(False, description="answer as server-sent events")


class CitationOut(BaseModel):
    clause_id: str
    text: dict[str, str] = Field(description='{"kk": official text, "<lang>": answer language}')


class ToolCallOut(BaseModel):
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None


class ChatResponse(BaseModel):
    """Identical to `policy-assistant ask --json`."""

    answer: str
    lang: Lang
    grounded: bool
    status: Literal["answered", "not_covered", "needs_input", "refused", "error"]
    citations: list[CitationOut]
    tool_calls: list[ToolCallOut]
    missing: list[str]
    disclosure_id: str | None
    conversation_id: str | None


# --- search, clauses, sections ------------------------------------------------------------


class HitOut(BaseModel):
    clause_id: str
    score: float
    section: int
    section_title: str
    text: dict[str, str]


class SearchResponse(BaseModel):
    query: str
    lang: Lang
    hits: list[HitOut]


class ClauseOut(BaseModel):
    clause_id: str
    doc: str
    section: int
    section_title: str
    kind: str
    lang: Lang
    status: str = Field(description="official (kk) or unofficial translation")
    text: dict[str, str] = Field(description='{"kk": official text, "<lang>": requested language}')
    section_titles: dict[str, str]


class SectionOut(BaseModel):
    section: int
    title: dict[str, str]
    counts: dict[str, int]


class SectionsResponse(BaseModel):
    doc: str
    code: str
    title: str
    approval_date: str
    languages: list[str]
    sections: list[SectionOut]


# --- tools ------------------------------------------------------------------------------


class ToolInfo(BaseModel):
    name: str
    description: str
    descriptions: dict[str, str]
    subject: str
    parameters: dict[str, Any] = Field(description="JSON schema of the arguments")


class ToolRunResponse(BaseModel):
    tool: str
    result: dict[str, Any] = Field(description="the tool's fields, clauses and explanation")


# --- disclosures ------------------------------------------------------------------------


class DisclosureOut(BaseModel):
    """One answer's section 19 record as the holder of its id sees it. The id is meant to be
    shared (with a teacher, say), so the record leaves out the conversation id, the key to
    the student's other answers; the question is there only if the student consented."""

    id: str
    created_at: datetime
    assistant_name: str
    assistant_version: str
    composer: str = Field(description="extractive, or the LLM that wrote the answer")
    models: dict[str, str | None]
    answer_lang: Lang
    cited_clause_ids: list[str]
    tools: list[str]
    question: str | None = Field(None, description="only with the user's consent")
    consent: bool
    status: Literal["answered", "not_covered", "needs_input", "refused", "error"] | None = Field(
        None, description="the answer's outcome (absent on records older than this field)"
    )


# --- feedback ---------------------------------------------------------------------------


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    disclosure_id: str = Field(
        min_length=1,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="the answer's disclosure_id (from /api/chat)",
    )
    vote: Literal["up", "down"]
    comment: str | None = Field(
        None, max_length=MAX_COMMENT_CHARS, description="optional; please no personal data"
    )


class FeedbackOut(BaseModel):
    """The vote now in force on that answer: a second vote on the same answer replaces
    the first (vote, comment and time)."""

    id: int
    created_at: datetime
    disclosure_id: str
    vote: Literal["up", "down"]
    comment: str | None = None


class StatementResponse(BaseModel):
    lang: Lang
    statement: str
    ids: list[str]


class ExportResponse(BaseModel):
    count: int
    records: list[dict[str, Any]]


# --- health and admin -------------------------------------------------------------------


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class Readiness(BaseModel):
    status: Literal["ready", "unavailable"]
    checks: dict[str, str]


class ReindexResponse(BaseModel):
    points: int
    added: int
    updated: int
    deleted: int
    unchanged: int
    embedded: int
    seconds: float
