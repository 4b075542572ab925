"""Who the assistant is, for disclosure records and statements (policy clauses 19.4, 19.10).

Section 19 asks students to name the AI they used, give a link to it and, for final
works, its version and date of use. These values come from the installed package and
the deployment's configuration (the link: POLICY_ASSISTANT_URL, passed in by the ui
layer), never from user input.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

ASSISTANT_NAME = "Policy Assistant"
DISTRIBUTION = "policy-assistant"


def assistant_version() -> str:
    """The installed package version (what the disclosure must name)."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"
