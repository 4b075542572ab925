"""The question sets: dev (shared) and any held-out set of the same shape.

Items are labelled with a slice: kk, ru, en, or the two Kazakh variants people type,
"mixed" (Kazakh with Russian) and "kk-latn" (Kazakh in Latin letters); reports give every
slice its own row. A malformed file stops with the file, the line and what is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from corpus.languages import Slice

DEV_SET = Path(__file__).parent / "dev.jsonl"


class EvalSetError(ValueError):
    """A question set that cannot be read: names the file, the line and the problem."""


class EvalItem(BaseModel):
    id: str
    lang: Slice
    kind: Literal["retrieval", "tool", "unanswerable"]
    question: str
    gold: list[str] = []
    gold_ids: list[str] = []
    section: str | None = None
    answer_facts: list[str] = []
    key_terms: list[str] = []
    voice: str | None = None
    note: str | None = None
    tool: str | None = None
    inputs: dict[str, Any] | None = None
    expected: dict[str, Any] | None = None


def load_items(path: Path = DEV_SET) -> list[EvalItem]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalSetError(f"{path}: cannot read the question set ({error})") from error
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            items.append(EvalItem.model_validate(json.loads(line)))
        except json.JSONDecodeError as error:
            raise EvalSetError(f"{path}:{number}: not JSON ({error.msg})") from error
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'item'}: {e['msg']}" for e in error.errors()
            )
            raise EvalSetError(f"{path}:{number}: {problems}") from error
    if not items:
        raise EvalSetError(f"{path}: no questions in the set")
    return items
