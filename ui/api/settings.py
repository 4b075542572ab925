"""Web settings from the environment, so one build serves a laptop and the portal alike.

POLICY_ADMIN_TOKEN     token for the admin endpoints (unset: admin endpoints answer 403)
POLICY_CORS_ORIGINS    comma list of origins allowed to call the API from a browser ("*": any)
POLICY_RATE_LIMIT      per-client limit on /api, e.g. "60/minute", "5/second"; "off" disables
POLICY_MAX_BODY_BYTES  largest request body accepted on /api (bytes)
POLICY_TRUST_PROXY     "1": take the client address from X-Forwarded-For (behind a proxy)
POLICY_UI              "0": serve the API only, without the Gradio chat at /
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

UNITS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0}
DEFAULT_RATE = "60/minute"
DEFAULT_MAX_BODY = 64 * 1024


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
    cors_origins: tuple[str, ...] = ()
    rate_limit: RateLimit | None = RateLimit(60, 60.0)
    max_body_bytes: int = DEFAULT_MAX_BODY
    trust_proxy: bool = False
    ui: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiSettings:
        env = os.environ if environ is None else environ
        origins = tuple(
            o.strip() for o in env.get("POLICY_CORS_ORIGINS", "").split(",") if o.strip()
        )
        return cls(
            admin_token=env.get("POLICY_ADMIN_TOKEN") or None,
            cors_origins=origins,
            rate_limit=RateLimit.parse(env.get("POLICY_RATE_LIMIT", DEFAULT_RATE)),
            max_body_bytes=int(env.get("POLICY_MAX_BODY_BYTES", DEFAULT_MAX_BODY)),
            trust_proxy=env.get("POLICY_TRUST_PROXY", "") in ("1", "true", "yes"),
            ui=env.get("POLICY_UI", "1") not in ("0", "false", "no"),
        )
