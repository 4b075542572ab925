"""LLM settings come from the environment (through ui.settings); none set means no LLM."""

from __future__ import annotations

import pytest

from assistant.llm import LLMComposer
from assistant.llm.config import LLMConfig, LLMConfigError
from ui.settings import SettingsError, load_settings

LLM_VARIABLES = (
    "POLICY_LLM_BASE_URL",
    "POLICY_LLM_MODEL",
    "POLICY_LLM_API_KEY",
    "POLICY_LLM_TIMEOUT",
    "POLICY_LLM_MAX_ROUNDS",
    "POLICY_LLM_MAX_TOKENS",
    "POLICY_LLM_TOOLS",
)


@pytest.fixture()
def llm_config(monkeypatch):
    """`llm_config(env)`: the LLMConfig the settings build from exactly these variables."""

    def build(env: dict[str, str]) -> LLMConfig | None:
        for name in LLM_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return load_settings().llm()

    return build


def test_no_base_url_means_no_llm(llm_config):
    assert llm_config({}) is None
    assert llm_config({"POLICY_LLM_BASE_URL": "  ", "POLICY_LLM_MODEL": "x"}) is None


def test_settings_are_read(llm_config):
    config = llm_config(
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
    composer = LLMComposer(llm_config({"POLICY_LLM_BASE_URL": "http://127.0.0.1:8080/v1"}))
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
def test_bad_settings_are_refused_clearly(env, llm_config):
    with pytest.raises(SettingsError, match=r"^POLICY_LLM_\w+ must "):
        llm_config(env)


def test_the_config_checks_its_own_values():
    with pytest.raises(LLMConfigError, match="POLICY_LLM_TIMEOUT must be positive"):
        LLMConfig(base_url="http://x/v1", timeout=0)


def test_tools_can_be_named(llm_config):
    config = llm_config(
        {"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_TOOLS": "final_grade, gpa"}
    )
    assert config.tools == ("final_grade", "gpa")
    assert config.offers("gpa") and not config.offers("igpa")
    off = llm_config({"POLICY_LLM_BASE_URL": "http://x/v1", "POLICY_LLM_TOOLS": "0"})
    assert off.tools == () and not off.offers("gpa")
