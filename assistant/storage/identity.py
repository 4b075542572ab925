"""Who the assistant is, for disclosure records and statements (policy clauses 19.4, 19.10).

Section 19 asks students to name the AI they used, give a link to it and, for final
works, its version and date of use. These values come from the installed package and
the deployment's environment, never from user input.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version

ASSISTANT_NAME = "Policy Assistant"
DEFAULT_ASSISTANT_URL = "http://127.0.0.1:8000"
DISTRIBUTION = "policy-assistant"


def assistant_version() -> str:
    """The installed package version (what the disclosure must name)."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


def assistant_url() -> str:
    """Where users reach this deployment: POLICY_ASSISTANT_URL, else the local default."""
    return os.environ.get("POLICY_ASSISTANT_URL", "").strip() or DEFAULT_ASSISTANT_URL
