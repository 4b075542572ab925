"""One turn through the LLM composer, as the assistant service uses it.

`llm_answer` gives the model the clauses and tool results the deterministic pipeline
already has, runs the tools the model asks for (tools.registry: deterministic),
reviews the model's text (assistant.llm.guard) and returns it, or returns None with
the reason logged: the caller then keeps its extractive answer. It never raises for
an LLM failure (connection refused, timeout, bad JSON, an unsupported number).

A tool computes deterministically, but the model chooses its arguments: every number
it passes must appear in the user's message or in an earlier tool result, or the call
is refused (and the refusal fed back), so no invented input becomes a "tool" number.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.llm.client import LLMError
from assistant.llm.composer import LLMComposer
from assistant.llm.guard import canonical, numbers, review
from assistant.llm.prompt import ClauseData
from assistant.models import ToolCall
from corpus.store import clauses_by_id
from tools import registry
from tools.errors import ToolInputError, reject

log = logging.getLogger(__name__)


@dataclass
class LLMOutcome:
    text: str
    cited: list[str]  # validated ids, in the order the text cites them
    tool_calls: list[ToolCall] = field(default_factory=list)  # the model's calls, computed
    allowed: set[str] = field(default_factory=set)  # clause ids its tool calls returned
    composer: str = ""  # "llm:<model>"
    model: str = ""  # name (and version) for the disclosure record's models["llm"]
    dropped: list[str] = field(default_factory=list)  # invalid citations removed


def clause_data(clause_ids: Iterable[str], lang: str) -> list[ClauseData]:
    kk, local = clauses_by_id("kk"), clauses_by_id(lang)
    data = []
    for cid in dict.fromkeys(clause_ids):
        official = kk.get(cid)
        if official is None:
            continue
        here = local.get(cid, official)
        data.append(ClauseData(cid, here.section_title, here.text, official.text))
    return data


def run_tool(name: str, arguments: dict[str, Any] | None) -> ToolCall:
    """Run one call the model asked for; bad input becomes an error record, never a number."""
    if arguments is None:
        error = ToolInputError.of("invalid_json", "arguments", value="not a JSON object")
        return ToolCall(name=str(name), arguments={}, error=error.to_dict())
    try:
        result = registry.run(name, arguments)
    except ToolInputError as error:
        return ToolCall(name=str(name), arguments=arguments, error=error.to_dict())
    return ToolCall(name=name, arguments=arguments, result=result)


def grounded_runner(question: str, known: list[ToolCall]):
    """run_tool, refusing numbers the user never gave; `known` grows with each call."""

    def execute(name: str, arguments: dict[str, Any] | None) -> ToolCall:
        sources = numbers(question)
        for call in known:
            if call.result is not None:  # a refused call's arguments are no source
                sources |= numbers(call.model_dump_json())
        for where, value in _numbers_in(arguments or {}):
            if canonical(str(value)) not in sources:
                error = reject(
                    "ungrounded_argument",
                    where,
                    kk=f"«{where}» мәні ({value}) сұрақта жоқ: оны пайдаланушыдан сұраңыз.",
                    ru=f"Значения «{where}» ({value}) нет в вопросе: спросите его у пользователя.",
                    en=f"The value of '{where}' ({value}) is not in the question: ask the user.",
                )
                record = ToolCall(name=str(name), arguments=arguments or {}, error=error.to_dict())
                break
        else:
            record = run_tool(name, arguments)
        known.append(record)
        return record

    return execute


def _numbers_in(node: Any, where: str = "") -> list[tuple[str, Any]]:
    if isinstance(node, bool):
        return []
    if isinstance(node, int | float):
        return [(where, node)]
    if isinstance(node, dict):
        return [
            found
            for k, v in node.items()
            for found in _numbers_in(v, f"{where}.{k}" if where else str(k))
        ]
    if isinstance(node, list):
        return [found for i, v in enumerate(node) for found in _numbers_in(v, f"{where}[{i}]")]
    return []


def llm_answer(
    llm: LLMComposer,
    question: str,
    lang: str,
    clause_ids: list[str],
    allowed: set[str],
    tool_calls: list[ToolCall],
) -> LLMOutcome | None:
    """The LLM's reviewed answer, or None (reason logged) to keep the extractive one."""
    given = clause_data(clause_ids, lang)
    try:
        draft = llm.compose(
            question,
            lang,
            given,
            tool_results=tool_calls,
            tools=registry.catalogue(lang),
            execute=grounded_runner(question, list(tool_calls)),
        )
    except LLMError as error:
        log.warning("LLM composer failed, extractive answer used: %s", error)
        return None
    except Exception:  # a bug here must not cost the user the answer
        log.exception("LLM composer crashed, extractive answer used")
        return None
    computed = [t for t in draft.tool_calls if t.result is not None]
    for refused in (t for t in draft.tool_calls if t.error is not None):
        log.info("LLM tool call refused: %s %s: %s", refused.name, refused.arguments, refused.error)
    extra = {c for t in computed if t.result is not None for c in t.result.clauses}
    permitted = set(allowed) | extra
    texts = {
        c.id: (c.section_title, c.text_in_lang, c.text_kk)
        for c in clause_data([*clause_ids, *permitted], lang)
    }
    records = [t.model_dump(mode="json") for t in [*tool_calls, *computed] if t.result]
    checked = review(draft.text, permitted, texts, records)
    if checked.dropped:
        log.warning("LLM cited clauses never retrieved, dropped: %s", checked.dropped)
    if not checked.ok:
        log.warning("LLM answer rejected, extractive answer used: %s", checked.problem)
        return None
    model = draft.model or llm.model or "unknown"
    return LLMOutcome(
        text=checked.text,
        cited=checked.cited,
        tool_calls=computed,
        allowed=extra,
        composer=llm.name,
        model=f"{model} ({draft.version})" if draft.version else model,
        dropped=checked.dropped,
    )
