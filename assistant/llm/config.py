"""The LLM endpoint; no endpoint configured means no LLM.

The deployment sets it through POLICY_LLM_BASE_URL, POLICY_LLM_MODEL, POLICY_LLM_API_KEY,
POLICY_LLM_TIMEOUT, POLICY_LLM_MAX_ROUNDS, POLICY_LLM_MAX_TOKENS and POLICY_LLM_TOOLS,
which `ui.settings.Settings.llm()` reads into an LLMConfig (None without a base URL):

base_url     OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1
             (vLLM, Ollama's /v1, llama.cpp server)
model        model name sent with each request; None: the first model the endpoint
             lists at /models
api_key      bearer token, when the endpoint wants one
timeout      seconds per request (default 30)
max_rounds   chat rounds per answer, tool calls included (default 3)
max_tokens   longest answer, in tokens (default 512)
tools        tools offered through function calling: None all, () none (models or
             servers without tool support), or these names (a small context window
             holds only a few schemas)
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROUNDS = 3
DEFAULT_MAX_TOKENS = 512


class LLMConfigError(ValueError):
    """An LLM setting that cannot be used (not a number, a URL without a scheme)."""


@dataclass(frozen=True)
class LLMConfig:
    base_url: str
    model: str | None = None
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_rounds: int = DEFAULT_MAX_ROUNDS
    max_tokens: int = DEFAULT_MAX_TOKENS
    tools: tuple[str, ...] | None = None  # None: all; (): none; else these names
    temperature: float = 0.0

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise LLMConfigError(f"POLICY_LLM_BASE_URL must start with http(s)://: {self.base_url}")
        if self.timeout <= 0:
            raise LLMConfigError(f"POLICY_LLM_TIMEOUT must be positive: {self.timeout}")
        if self.max_rounds < 1:
            raise LLMConfigError(f"POLICY_LLM_MAX_ROUNDS must be at least 1: {self.max_rounds}")
        if self.max_tokens < 1:
            raise LLMConfigError(f"POLICY_LLM_MAX_TOKENS must be at least 1: {self.max_tokens}")
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    def offers(self, tool: str) -> bool:
        return self.tools is None or tool in self.tools
