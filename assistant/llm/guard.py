"""Checks on an LLM's text before anyone sees it: citations and numbers.

- Citations: ids are read from markers like [§8.35]; one that neither retrieval nor a
  tool produced is dropped (marker removed from the text) and logged, never shown.
- Numbers: every number in the text must appear in a tool call (arguments or result)
  or in a clause the text cites. Any other number may be invented: the caller then
  falls back to the extractive answer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

CLAUSE_ID = r"\d{1,2}\.[A-Z]?\d{1,3}"
# [§8.35], [8.35], [§8.35, §8.36], § 8.35 and the like.
CITATION = re.compile(rf"\[\s*§?\s*{CLAUSE_ID}(?:\s*[,;]\s*§?\s*{CLAUSE_ID})*\s*\]|§\s*{CLAUSE_ID}")
ONE_ID = re.compile(CLAUSE_ID)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ENUMERATOR = re.compile(r"(?m)^[ \t]*\d{1,2}[.)][ \t]+")  # "1. ", "2) " opening a list item


def cited_ids(text: str) -> list[str]:
    """Clause ids cited in `text`, in order of first appearance."""
    found: list[str] = []
    for marker in CITATION.finditer(text):
        for cid in ONE_ID.findall(marker.group()):
            if cid not in found:
                found.append(cid)
    return found


def drop_citations(text: str, ids: set[str]) -> str:
    """`text` without the markers of `ids` (other ids in the same bracket stay)."""

    def keep(marker: re.Match[str]) -> str:
        kept = [cid for cid in ONE_ID.findall(marker.group()) if cid not in ids]
        return "[" + ", ".join(f"§{cid}" for cid in kept) + "]" if kept else ""

    cleaned = CITATION.sub(keep, text)
    return re.sub(r"[ \t]+([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", cleaned)).strip()


def claims(text: str) -> str:
    """The text whose numbers are claims: citation markers and list enumerators aside."""
    return ENUMERATOR.sub(" ", CITATION.sub(" ", text))


def canonical(number: str) -> str:
    """ "3,5" and "3.50" are one number; "27.08.2025" stays itself."""
    dotted = number.replace(",", ".")
    try:
        value = Decimal(dotted)
    except InvalidOperation:
        return dotted
    return format(value.normalize(), "f")


def numbers(text: str) -> set[str]:
    return {canonical(n) for n in NUMBER.findall(text)}


def unsupported_numbers(text: str, sources: Iterable[str]) -> list[str]:
    """Numbers in `text` (markers and enumerators aside) that no source contains, in order."""
    known: set[str] = set()
    for source in sources:
        known |= numbers(source)
    seen: list[str] = []
    for raw in NUMBER.findall(claims(text)):
        if canonical(raw) not in known and raw not in seen:
            seen.append(raw)
    return seen


@dataclass
class Review:
    text: str  # invalid citation markers removed
    cited: list[str]  # valid ids, in order
    dropped: list[str] = field(default_factory=list)  # cited ids that were not allowed
    unsupported: list[str] = field(default_factory=list)  # numbers from nowhere
    problem: str | None = None  # why the text must not be shown; None: it may be

    @property
    def ok(self) -> bool:
        return self.problem is None


def review(
    text: str,
    allowed: set[str],
    clause_texts: Mapping[str, Iterable[str]],
    tool_calls: Iterable[Mapping[str, Any]],
) -> Review:
    """Validate an LLM answer: citations against `allowed`, numbers against the sources.

    `clause_texts` maps a clause id to its texts (title, answer language, Kazakh);
    `tool_calls` are {"name", "arguments", "result", "error"} records.
    """
    ids = cited_ids(text)
    dropped = [cid for cid in ids if cid not in allowed]
    cited = [cid for cid in ids if cid in allowed]
    clean = drop_citations(text, set(dropped)) if dropped else text.strip()
    result = Review(clean, cited, dropped)
    if not clean:
        result.problem = "empty answer"
        return result
    sources = [cid for cid in cited]
    for cid in cited:
        sources.extend(clause_texts.get(cid, ()))
    sources.extend(json.dumps(dict(call), ensure_ascii=False, default=str) for call in tool_calls)
    result.unsupported = unsupported_numbers(clean, sources)
    if result.unsupported:
        result.problem = f"numbers not from a tool or a cited clause: {result.unsupported}"
    elif allowed and not cited:
        result.problem = "cites no retrieved clause"
    return result
