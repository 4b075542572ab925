"""ToolSpec: what the registry knows about one tool."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tools.fields import ToolArgs
from tools.models import ToolResult


@dataclass(frozen=True)
class ToolSpec:
    """One tool: its name, argument model, computation, public function and descriptions.

    `compute` takes validated arguments; `function` is the typed Python face that takes
    plain keyword arguments, validates them and calls `compute`.
    """

    name: str
    args: type[ToolArgs]
    compute: Callable[[Any], ToolResult]
    function: Callable[..., ToolResult]
    description: dict[str, str]
    subject: str = ""

    def run(self, raw: Any) -> ToolResult:
        """Validate raw arguments (a JSON object) and compute; raises ToolInputError."""
        return self.compute(self.args.parse(raw))
