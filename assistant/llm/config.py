"""The LLM endpoint, read from the environment; no endpoint configured means no LLM.

POLICY_LLM_BASE_URL     OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1
                        (vLLM, Ollama's /v1, llama.cpp server). Unset: extractive only.
POLICY_LLM_MODEL        model name sent with each request; unset: the first model
                        the endpoint lists at /models
POLICY_LLM_API_KEY      bearer token, when the endpoint wants one
POLICY_LLM_TIMEOUT      seconds per request (default 30)
POLICY_LLM_MAX_ROUNDS   chat rounds per answer, tool calls included (default 3)
POLICY_LLM_MAX_TOKENS   longest answer, in tokens (default 512)
POLICY_LLM_TOOLS        tools offered through function calling: "all" (default), "none"
                        (models or servers without tool support), or names, comma-separated
                        (a small context window holds only a few schemas)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
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

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> LLMConfig | None:
        """The configured endpoint, or None when POLICY_LLM_BASE_URL is unset or empty."""
        env = os.environ if environ is None else environ
        base_url = env.get("POLICY_LLM_BASE_URL", "").strip()
        if not base_url:
            return None
        return cls(
            base_url=base_url,
            model=env.get("POLICY_LLM_MODEL", "").strip() or None,
            api_key=env.get("POLICY_LLM_API_KEY", "").strip() or None,
            timeout=_number(env, "POLICY_LLM_TIMEOUT", DEFAULT_TIMEOUT, float),
            max_rounds=_number(env, "POLICY_LLM_MAX_ROUNDS", DEFAULT_MAX_ROUNDS, int),
            max_tokens=_number(env, "POLICY_LLM_MAX_TOKENS", DEFAULT_MAX_TOKENS, int),
            tools=_tools(env.get("POLICY_LLM_TOOLS", "")),
        )

    def offers(self, tool: str) -> bool:
        return self.tools is None or tool in self.tools


def _tools(raw: str) -> tuple[str, ...] | None:
    value = raw.strip()
    if value.lower() in ("", "all", "1", "true", "yes"):
        return None
    if value.lower() in ("none", "0", "false", "no"):
        return ()
    return tuple(name.strip() for name in value.split(",") if name.strip())


def _number(env: Mapping[str, str], key: str, default, kind):
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError:
        raise LLMConfigError(f"{key} must be a number, got {raw!r}") from None
