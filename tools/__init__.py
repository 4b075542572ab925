"""Deterministic policy tools: every number an answer states comes from here.

Each tool is a pure, typed function with a pydantic argument model and result model;
results carry the clause ids they implement and an explanation in kk / ru / en. Bad
input raises ToolInputError, never a wrong number. `tools.registry` exposes them all
(JSON schema, descriptions, runner) to the CLI, REST API, UI and LLM function calling.
"""

import importlib
from typing import Any

from tools.errors import ToolError, ToolInputError


def __getattr__(name: str) -> Any:
    """Each tool's function, found in the registry on first use (`from tools import gpa`):
    a process that only reads tools.models (a search) builds none of the tools' models."""
    registry = importlib.import_module("tools.registry")  # not `from tools import`: no loop
    if name in registry.TOOLS:
        return registry.TOOLS[name].function
    raise AttributeError(f"module 'tools' has no attribute {name!r}")


__all__ = ["ToolError", "ToolInputError"]  # and every tool by its name (__getattr__)
