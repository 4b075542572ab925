"""The OpenAI chat-completions request, as much of it as applies to a policy assistant.

Standard clients (Open WebUI, LibreChat, the `openai` SDK) send sampling options such as
`temperature` or `max_tokens` with every request; nothing here samples, so unknown fields
are accepted and ignored rather than refused. What would change the answer's meaning is
checked: one choice only (`n`), text only, and the last message must be the user's.

Extensions (documented in the README; standard clients may ignore them): `consent`
(keep the question in the section 19 disclosure record), `conversation_id` (continue a
conversation explicitly) and `lang` (answer language; detected when absent).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from corpus.languages import LangCode

MODEL_ID = "policy-assistant"
MAX_MESSAGES = 200


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")  # name, tool_calls, annotations …

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="allow")

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    model_config = ConfigDict(extra="allow")

    model: str = Field(max_length=200, examples=[MODEL_ID])
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    stream: bool = False
    stream_options: StreamOptions | None = None
    n: int | None = None
    # --- extensions ---
    consent: bool = Field(False, description="keep the question in the disclosure record")
    conversation_id: str | None = Field(None, max_length=64, description="continue it")
    lang: Literal[LangCode, "auto"] | None = Field(None, description="answer language")


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class Usage(BaseModel):
    """Counted, not billed: no generative model runs. Tokens are words and punctuation
    marks (see ui/api/v1/render.py `count_tokens`)."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    """The response (`object: chat.completion`) with the extension fields at the top."""

    model_config = ConfigDict(extra="allow")

    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[dict[str, Any]]
    usage: Usage
    disclosure_id: str | None = Field(None, description="extension: the section 19 record")
    conversation_id: str | None = Field(None, description="extension: send back to continue")
    status: str = Field(description="extension: answered, not_covered, needs_input, refused …")
    lang: LangCode = Field(description="extension: the answer's language")
