"""Typed records at the storage boundary: what the repository returns.

Callers get immutable pydantic models, never ORM objects, so nothing outside this
package can lazily load from (or write to) a session by accident.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from assistant.models import Lang
from assistant.storage.schema import DIGEST_LENGTH, MAX_COMMENT_CHARS

Role = Literal["user", "assistant"]
Status = Literal["answered", "not_covered", "needs_input", "refused", "error"]
Vote = Literal["up", "down"]


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
    digest: str | None = Field(None, max_length=DIGEST_LENGTH)  # assistant messages only


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
    status: Status | None = None  # None on records written before it was kept
    missing: list[str] | None = None  # arguments a tool still needed (status needs_input)


class FeedbackRecord(_Record):
    """A user's vote on one answer; at most one per disclosure (the latest vote wins).
    `created_at` is when the vote in force was given."""

    id: int
    created_at: AwareDatetime
    disclosure_id: str
    vote: Vote
    comment: str | None = Field(None, max_length=MAX_COMMENT_CHARS)


class ReportRow(_Record):
    """One answer as the policy-gaps report sees it: its disclosure and its vote, if any.
    `question` is there only where the user consented (the disclosure rule)."""

    disclosure_id: str
    created_at: AwareDatetime
    answer_lang: Lang
    status: Status | None = None
    cited_clause_ids: list[str]
    tools: list[str]
    missing: list[str] | None = None
    question: str | None = None
    consent: bool
    vote: Vote | None = None
    comment: str | None = None


class AnswerTurn(BaseModel):
    """What one answered turn writes (Repository.record_answer), in one transaction."""

    conversation_id: str | None  # continued when it exists, else a new one is started
    lang: Lang
    pending: dict[str, Any] | None  # a tool call waiting for values, or None
    question: str | None  # kept (message and disclosure) only with consent
    consent: bool
    reply: str  # the assistant's text
    answer: dict[str, Any]  # the answer as JSON; its two ids are filled in when stored
    disclosure: dict[str, Any]  # the disclosure record's other fields (see disclosure_record)


class RecordedAnswer(BaseModel):
    conversation_id: str
    disclosure: DisclosureRecord
