"""What every tool returns besides its own fields: cited clauses and an explanation."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Explanation(BaseModel):
    """One paragraph per language that shows the arithmetic and names the rule."""

    model_config = ConfigDict(frozen=True)

    kk: str
    ru: str
    en: str


class ToolResult(BaseModel):
    """Base of all results: the contract's fields (in subclasses), clause ids, explanation.

    Fields a tool sets only where they apply (a fee without a price, progression_ok
    without a scale) stay None and are left out of the JSON.
    """

    model_config = ConfigDict(frozen=True)

    clauses: list[str]
    explanation: Explanation

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_none=True)
        for key in ("clauses", "explanation"):  # the contract's fields first
            data[key] = data.pop(key)
        return data


def explain(*, kk: str, ru: str, en: str) -> Explanation:
    return Explanation(kk=kk, ru=ru, en=en)
