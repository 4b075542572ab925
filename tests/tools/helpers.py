"""Shared by the tool tests: the dev set's tool cases and a result comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DEV_SET = Path(__file__).resolve().parents[2] / "evals" / "dev.jsonl"
UNORDERED = {"failed"}  # the contract: "failed lists every unmet requirement, in any order"
TOLERANCE = 1e-9


def dev_tool_cases() -> list[dict[str, Any]]:
    with DEV_SET.open(encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    return [case for case in cases if case.get("kind") == "tool"]


def mismatches(expected: dict[str, Any], result: dict[str, Any]) -> list[str]:
    """Every expected field the result gets wrong (numbers within 1e-9, `failed` as a set)."""
    wrong = []
    for key, want in expected.items():
        got = result.get(key)
        if isinstance(want, bool) or not isinstance(want, int | float):
            same = (
                sorted(got) == sorted(want) if key in UNORDERED and got is not None else got == want
            )
        else:
            same = isinstance(got, int | float) and not isinstance(got, bool)
            same = same and abs(got - want) <= TOLERANCE
        if not same:
            wrong.append(f"{key}: expected {want!r}, got {got!r}")
    return wrong
