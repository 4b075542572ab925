"""The question sets: dev (shared) and any held-out set of the same shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

DEV_SET = Path(__file__).parent / "dev.jsonl"


class EvalItem(BaseModel):
    id: str
    lang: Literal["kk", "ru", "en"]
    kind: Literal["retrieval", "tool", "unanswerable"]
    question: str
    gold: list[str] = []
    section: str | None = None
    answer_facts: list[str] = []
    tool: str | None = None
    inputs: dict[str, Any] | None = None
    expected: dict[str, Any] | None = None


def load_items(path: Path = DEV_SET) -> list[EvalItem]:
    with path.open(encoding="utf-8") as fh:
        return [EvalItem.model_validate(json.loads(line)) for line in fh if line.strip()]
