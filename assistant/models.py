"""The assistant's typed boundary: what `ask` takes and returns."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, SerializeAsAny

from corpus.languages import LangCode as Lang
from tools.models import ToolResult


class Citation(BaseModel):
    clause_id: str
    section: int
    section_title: str
    text: dict[str, str]  # {"kk": official text, "<answer lang>": text in the answer's language}


class ToolCall(BaseModel):
    """One calculation: the tool, its arguments, and its typed result or its error."""

    name: str
    arguments: dict[str, Any]
    result: SerializeAsAny[ToolResult] | None = None
    error: dict[str, Any] | None = None

    def result_json(self) -> dict[str, Any] | None:
        """The result as the contract's JSON (its own fields first), or None."""
        return self.result.to_json() if self.result is not None else None


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
    direct: str | None = Field(
        default=None,
        description="The direct answer the reply leads with (an answer card's or the best "
        "clause's plain-language gloss; editorial, not official), when there is one.",
    )
    card: str | None = Field(default=None, description="The answer card it comes from.")


class Route(BaseModel):
    """What the router decided for one message.

    `missing` lists what must be asked before computing: `ambiguous` arguments (two values
    could fill one, or yes and no were both said) first, then those the tool still needs.
    `stated` names the arguments this message itself stated (the rest came from earlier
    turns), so that the reply can restate what it read. `about_rule`: the message asks
    about the rule itself ("how is it rounded?", "above what share am I not admitted?").
    `requested`: the message asks for the calculation in so many words ("calculate my GPA"):
    its values are asked for first, never dropped for an answer about the rule.
    """

    kind: Literal["tool", "retrieval", "both"]
    tool: str | None = None
    arguments: dict[str, Any] = {}
    missing: list[str] = []
    ambiguous: list[str] = []
    stated: list[str] = []
    about_rule: bool = False
    requested: bool = False  # "calculate my GPA": the calculation asked for in so many words
