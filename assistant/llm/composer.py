"""LLMComposer: an OpenAI-compatible model writes the answer from clauses and tool results.

The model sees the rules (system message) and the data (one JSON user message). It
may call the offered tools through function calling; the caller's `execute` runs
each call deterministically (tools.registry) and the result goes back to the model
as a `tool` message, for at most `max_rounds` rounds. The draft it returns is not
yet trusted: assistant.llm.guard reviews it before anything is shown.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.llm.client import ChatClient, LLMBadResponse, Reply, RequestedCall
from assistant.llm.config import LLMConfig
from assistant.llm.guard import cited_ids
from assistant.llm.prompt import ClauseData, build_messages, function_tools, tool_payload
from assistant.models import ToolCall

log = logging.getLogger(__name__)

MAX_CALLS_PER_ROUND = 4

# Runs one requested call (name, arguments or None when they were not a JSON object).
Execute = Callable[[str, dict[str, Any] | None], ToolCall]


@dataclass
class LLMDraft:
    text: str
    cited: list[str]  # ids as the model wrote them: not validated yet
    tool_calls: list[ToolCall] = field(default_factory=list)  # requested and executed
    model: str | None = None  # the model as the server names it
    version: str | None = None  # the server's system_fingerprint, where it sends one
    rounds: int = 0


class LLMComposer:
    def __init__(self, config: LLMConfig, client: ChatClient | None = None) -> None:
        self.config = config
        self.client = client or ChatClient(config)
        self.model = config.model

    @property
    def name(self) -> str:
        """The composer's name for disclosure records: "llm:<model>"."""
        return f"llm:{self.model or 'auto'}"

    def close(self) -> None:
        self.client.close()

    def resolve_model(self) -> str:
        """POLICY_LLM_MODEL, or the first model the endpoint lists."""
        if not self.model:
            served = self.client.models()
            if not served:
                raise LLMBadResponse("the endpoint lists no model; set POLICY_LLM_MODEL")
            self.model = served[0]
        return self.model

    def compose(
        self,
        question: str,
        lang: str,
        clauses: Iterable[ClauseData | Mapping[str, Any]],
        tool_results: Iterable[ToolCall] = (),
        tools: Iterable[Mapping[str, Any]] = (),
        execute: Execute | None = None,
    ) -> LLMDraft:
        """Draft an answer; raises LLMError when the model gives none within max_rounds."""
        model = self.resolve_model()
        given = [
            tool_payload(t.name, t.arguments, t.result_json(), t.error, lang) for t in tool_results
        ]
        messages = build_messages(question, lang, clauses, given)
        offered = function_tools(t for t in tools if self.config.offers(t["name"]))
        offered = offered if execute is not None else []
        executed: list[ToolCall] = []
        for round_no in range(1, self.config.max_rounds + 1):
            last = round_no == self.config.max_rounds
            choice = "none" if last else "auto"
            reply = self.client.chat(model, messages, offered or None, choice if offered else None)
            if reply.tool_calls and offered and not last:
                assert execute is not None
                messages.append(_assistant_turn(reply))
                for call in reply.tool_calls[:MAX_CALLS_PER_ROUND]:
                    record = execute(call.name, call.arguments)
                    executed.append(record)
                    messages.append(_tool_turn(call, record, lang))
                continue
            text = reply.content.strip()
            if not text:
                raise LLMBadResponse(
                    f"no answer text after {round_no} round(s) (finish: {reply.finish_reason})"
                )
            return LLMDraft(
                text=text,
                cited=cited_ids(text),
                tool_calls=executed,
                model=reply.model or model,
                version=reply.fingerprint,
                rounds=round_no,
            )
        raise LLMBadResponse("no rounds")  # unreachable: max_rounds >= 1


def _assistant_turn(reply: Reply) -> dict[str, Any]:
    calls = reply.tool_calls[:MAX_CALLS_PER_ROUND]
    return {
        "role": "assistant",
        "content": reply.content or "",
        "tool_calls": [
            {
                "id": c.id,
                "type": "function",
                "function": {"name": c.name, "arguments": c.raw_arguments},
            }
            for c in calls
        ],
    }


def _tool_turn(call: RequestedCall, record: ToolCall, lang: str) -> dict[str, Any]:
    payload = tool_payload(record.name, record.arguments, record.result_json(), record.error, lang)
    return {
        "role": "tool",
        "tool_call_id": call.id,
        "name": call.name,
        "content": json.dumps(payload, ensure_ascii=False),
    }
