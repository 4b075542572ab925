"""ToolSpec: everything the product knows about one tool, declared once next to the tool.

The registry, the REST API, the CLI, the UI forms, the chat's reader, its follow-up
questions and the section 19 statements all read a tool from here: its arguments and
what it needs, how each argument is read from a message, and the words people see
(title, labels, the values of its results, the phrase a disclosure statement uses).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tools.fields import ToolArgs
from tools.labels import SHARED_LABELS, SHARED_VALUES
from tools.models import ToolResult
from tools.reads import Read

Texts = Mapping[str, str]  # {"kk": ..., "ru": ..., "en": ...}


@dataclass(frozen=True)
class ToolSpec:
    """One tool.

    `compute` takes validated arguments; `function` is the typed Python face that takes
    plain keyword arguments, validates them and calls `compute`. `disclosure` is what the
    tool did, as section 19 statements phrase it ("to compute the final grade"). `labels`
    and `values` hold this tool's own argument / result names and value words; names shared
    by several tools (R1, GPA, eligible ...) come from tools/labels.py.
    """

    name: str
    args: type[ToolArgs]
    compute: Callable[[Any], ToolResult]
    function: Callable[..., ToolResult]
    description: Texts
    title: Texts
    disclosure: Texts
    reads: Mapping[str, Read]
    subject: str = ""
    # The policy sections whose rules it computes: a reply about another section's rules
    # does not offer this calculation (tests/tools/test_input_fuzz.py holds results to it).
    sections: tuple[int, ...] = ()
    labels: Mapping[str, Texts] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, Texts]] = field(default_factory=dict)
    # Kinds of value its result names ("letter": a letter grade): a message asking which of
    # two such values it is ("A or A-?", "F па, FX па?") asks for this calculation.
    answers: tuple[str, ...] = ()

    def run(self, raw: Any) -> ToolResult:
        """Validate raw arguments (a JSON object) and compute; raises ToolInputError."""
        return self.compute(self.args.parse(raw))

    def needs(self, given: Mapping[str, Any]) -> list[str]:
        """Arguments still needed before this tool can compute with `given` (stated values)."""
        return self.args.needs(given)

    def label(self, name: str, lang: str) -> str:
        """An argument's or result field's name for people, in `lang`."""
        texts = self.labels.get(name) or SHARED_LABELS.get(name) or {}
        return texts.get(lang) or name

    def value(self, name: str, value: Any, lang: str) -> str | None:
        """A result or argument value in words ("satisfactory" -> «қанағаттанарлық»), or None."""
        if not isinstance(value, str):
            return None
        words = (self.values.get(name) or SHARED_VALUES.get(name) or {}).get(value)
        return words.get(lang) if words else None
