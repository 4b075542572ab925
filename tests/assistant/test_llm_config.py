"""LLM settings come from the environment; none set means no LLM."""

from __future__ import annotations

import pytest

from assistant.llm import LLMComposer, composer_from_env
from assistant.llm.config import LLMConfig, LLMConfigError


def test_no_base_url_means_no_llm():
    assert LLMConfig.from_env({}) is None
    assert LLMConfig.from_env({"POLICY_LLM_BASE_URL": "  ", "POLICY_LLM_MODEL": "x"}) is None
    assert composer_from_env({}) is None


def test_settings_are_read():
    config = LLMConfig.from_env(
        {
            "POLICY_LLM_BASE_URL": "http://127.0.0.1:8080/v1/",
            "POLICY_LLM_MODEL": "qwen2.5:7b",
            "POLICY_LLM_API_KEY": "secret",
            "POLICY_LLM_TIMEOUT": "2.5",
            "POLICY_LLM_MAX_ROUNDS": "2",
            "POLICY_LLM_MAX_TOKENS": "256",
            "POLICY_LLM_TOOLS": "none",
        }
    )
    assert config == LLMConfig(
        base_url="http://127.0.0.1:8080/v1",
        model="qwen2.5:7b",
        api_key="secret",
        timeout=2.5,
        max_rounds=2,
        max_tokens=256,
        tools=(),
    )
    composer = composer_from_env({"POLICY_LLM_BASE_URL": "http://127.0.0.1:8080/v1"})
    assert isinstance(composer, LLMComposer)
    assert composer.config.timeout == 30.0 and composer.config.max_tokens == 512
    assert composer.config.tools is None and composer.config.offers("gpa")  # all tools
    assert composer.name == "llm:auto"  # no model named: the endpoint's first, on first use
    composer.close()


@pytest.mark.parametrize(
    "env",
    [
        {"POLICY_LLM_BASE_URL": "127.0.0.1:8080"},
        {"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_TIMEOUT": "soon"},
        {"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_TIMEOUT": "0"},
        {"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_MAX_ROUNDS": "0"},
        {"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_MAX_TOKENS": "-1"},
    ],
)
def test_bad_settings_are_refused_clearly(env):
    with pytest.raises(LLMConfigError, match="POLICY_LLM_"):
        LLMConfig.from_env(env)


def test_tools_can_be_named():
    config = LLMConfig.from_env(
        {"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_TOOLS": "final_grade, gpa"}
    )
    assert config.tools == ("final_grade", "gpa")
    assert config.offers("gpa") and not config.offers("igpa")
    off = LLMConfig.from_env({"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_TOOLS": "0"})
    assert off.tools == () and not off.offers("gpa")
