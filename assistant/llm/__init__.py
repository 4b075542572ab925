"""Optional LLM composer over any OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp).

Configured by environment (see assistant.llm.config); when nothing is configured the
assistant answers with its extractive composer alone. Whatever the LLM writes is
reviewed (assistant.llm.guard) and any failure falls back to the extractive answer.
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
    "composer_from_env",
]


def composer_from_env(environ=None) -> LLMComposer | None:
    """An LLMComposer when POLICY_LLM_BASE_URL is set, else None."""
    config = LLMConfig.from_env(environ)
    return LLMComposer(config) if config else None
