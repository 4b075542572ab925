"""Optional LLM composer over any OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp).

Configured by an LLMConfig (assistant.llm.config; the ui layer builds it from the
environment); without one the assistant answers with its extractive composer alone.
Whatever the LLM writes is reviewed (assistant.llm.guard) and any failure falls back to
the extractive answer.
"""

from assistant.llm.client import (
    ChatClient,
    LLMBadResponse,
    LLMError,
    LLMTimeout,
    LLMUnavailable,
)
from assistant.llm.composer import LLMComposer, LLMDraft
from assistant.llm.config import LLMConfig, LLMConfigError
from assistant.llm.prompt import ClauseData

__all__ = [
    "ChatClient",
    "ClauseData",
    "LLMBadResponse",
    "LLMComposer",
    "LLMConfig",
    "LLMConfigError",
    "LLMDraft",
    "LLMError",
    "LLMTimeout",
    "LLMUnavailable",
]
