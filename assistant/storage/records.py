"""Typed records at the storage boundary: what the repository returns.

Callers get immutable pydantic models, never ORM objects, so nothing outside this
package can lazily load from (or write to) a session by accident.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict

from assistant.models import Lang

Role = Literal["user", "assistant"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, from_attributes=True, extra="forbid")


class ConversationRecord(_Record):
    id: str
    created_at: AwareDatetime
    updated_at: AwareDatetime
    lang: Lang
    pending_tool: dict[str, Any] | None = None


class MessageRecord(_Record):
    id: int
    conversation_id: str
    role: Role
    text: str
    lang: Lang
    created_at: AwareDatetime
    answer: dict[str, Any] | None = None


class DisclosureRecord(_Record):
    """One answer's AI-use disclosure (policy section 19). `question` only with consent."""

    id: str
    created_at: AwareDatetime
    conversation_id: str | None = None
    assistant_name: str
    assistant_version: str
    composer: str  # "extractive" or the LLM's name
    models: dict[str, str | None]  # e.g. {"embedder": "...", "llm": None}
    answer_lang: Lang
    cited_clause_ids: list[str]
    tools: list[str]
    question: str | None = None
    consent: bool
