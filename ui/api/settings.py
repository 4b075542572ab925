"""The web app's typed settings, so one build serves a laptop and the portal alike.

Built from the environment by `ui.settings.Settings.api()` (POLICY_ADMIN_TOKEN,
POLICY_OPENAI_API_KEY, POLICY_CORS_ORIGINS, POLICY_RATE_LIMIT, POLICY_MAX_BODY_BYTES,
POLICY_OPENAI_MAX_BODY_BYTES, POLICY_TRUST_PROXY,
POLICY_UI, POLICY_ASSISTANT_URL); tests build them directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0}
DEFAULT_RATE = "60/minute"
DEFAULT_MAX_BODY = 64 * 1024
# OpenAI clients resend the whole conversation (replies with their sources) every turn.
DEFAULT_OPENAI_MAX_BODY = 1024 * 1024
# The link disclosure statements name when POLICY_ASSISTANT_URL is unset and nothing is served.
DEFAULT_ASSISTANT_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` per `seconds`, refilled continuously (a token bucket)."""

    requests: int
    seconds: float

    @classmethod
    def parse(cls, text: str | None) -> RateLimit | None:
        """ "60/minute", "10/5s", "2/second"; "off", "0" or "" mean no limit."""
        text = (text or "").strip().lower()
        if text in ("", "off", "none", "0", "false"):
            return None
        match = re.fullmatch(r"(\d+)\s*/\s*(\d*)\s*([a-z]+)", text)
        if not match:
            raise ValueError(f"POLICY_RATE_LIMIT must look like '60/minute', got {text!r}")
        count, scale, unit = int(match[1]), float(match[2] or 1), match[3]
        unit = {"s": "second", "sec": "second", "m": "minute", "min": "minute", "h": "hour"}.get(
            unit, unit.rstrip("s")
        )
        if unit not in UNITS or count < 1 or scale <= 0:
            raise ValueError(f"POLICY_RATE_LIMIT must look like '60/minute', got {text!r}")
        return cls(count, scale * UNITS[unit])


@dataclass(frozen=True)
class ApiSettings:
    admin_token: str | None = None
    openai_api_key: str | None = None  # bearer key /v1 asks for; None: /v1 needs no key
    cors_origins: tuple[str, ...] = ()
    rate_limit: RateLimit | None = RateLimit(60, 60.0)
    max_body_bytes: int = DEFAULT_MAX_BODY
    openai_max_body_bytes: int = DEFAULT_OPENAI_MAX_BODY  # /v1 only
    trust_proxy: bool = False
    ui: bool = True
    assistant_url: str = DEFAULT_ASSISTANT_URL  # the link named in disclosure statements
