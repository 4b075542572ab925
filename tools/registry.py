"""One registry, four faces: every tool's JSON schema, descriptions and runner.

The CLI uses it now; the REST API, the UI forms and LLM function calling use the same
entries, so a tool is described and validated in exactly one way everywhere.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from tools import admission, credits, exams, grades, recognition
from tools.errors import ToolInputError
from tools.models import ToolResult
from tools.spec import ToolSpec

TOOLS: dict[str, ToolSpec] = {
    spec.name: spec
    for module in (grades, exams, admission, recognition, credits)
    for spec in module.SPECS
}


def names() -> list[str]:
    return list(TOOLS)


def get(name: str) -> ToolSpec:
    """The tool called `name`, or ToolInputError("unknown_tool")."""
    if not isinstance(name, str) or name not in TOOLS:
        raise ToolInputError.of("unknown_tool", "tool", value=str(name), choices=", ".join(TOOLS))
    return TOOLS[name]


def run(name: str, arguments: Mapping[str, Any] | None = None) -> ToolResult:
    """Validate `arguments` (a JSON object) for tool `name` and compute its result."""
    return get(name).run({} if arguments is None else arguments)


def parameters(name: str) -> dict[str, Any]:
    """The JSON schema of a tool's arguments, self-contained (no $ref) for function calling."""
    schema = get(name).args.model_json_schema()
    defs = schema.pop("$defs", {})
    return _inline(schema, defs)


def describe(name: str, lang: str = "en") -> dict[str, Any]:
    """{"name", "description", "parameters"} for LLM function calling, plus all descriptions."""
    spec = get(name)
    return {
        "name": spec.name,
        "description": spec.description[lang],
        "parameters": parameters(name),
        "descriptions": dict(spec.description),
        "subject": spec.subject,
    }


def catalogue(lang: str = "en") -> list[dict[str, Any]]:
    return [describe(name, lang) for name in TOOLS]


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            target = copy.deepcopy(defs[node["$ref"].rsplit("/", 1)[-1]])
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return _inline({**target, **rest}, defs)
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node
