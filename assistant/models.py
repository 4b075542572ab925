"""The assistant's typed boundary: what `ask` takes and returns."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Lang = Literal["kk", "ru", "en"]


class Citation(BaseModel):
    clause_id: str
    section: int
    section_title: str
    text: dict[str, str]  # {"kk": official text, "<answer lang>": text in the answer's language}


class ToolCall(BaseModel):
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None


class Answer(BaseModel):
    answer: str
    lang: Lang
    grounded: bool
    citations: list[Citation] = []
    tool_calls: list[ToolCall] = []
    disclosure_id: str | None = None
    conversation_id: str | None = None
    status: Literal["answered", "not_covered", "needs_input", "refused", "error"] = "answered"
    missing: list[str] = Field(default_factory=list, description="arguments still needed")


class Route(BaseModel):
    """What the router decided for one message."""

    kind: Literal["tool", "retrieval", "both"]
    tool: str | None = None
    arguments: dict[str, Any] = {}
    missing: list[str] = []
