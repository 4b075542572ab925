"""`build_mcp_server(engine)`: search, clauses, answers and the policy tools over MCP.

The MCP face keeps the promises of the REST API: `ask` is the same call as POST /api/chat
(screened, citing only existing clauses, leaving the section 19 disclosure record),
`search_policy` and `get_clause` return the same JSON as GET /api/search and
GET /api/clauses/{id} (assistant.presenter), and every call that touches the index or
the database goes through the Engine: under its lock, in a worker thread, so the event
loop keeps serving. `search_policy` also refuses what `ask` refuses (assistant.safety):
an agent must not reach through search what the assistant would not answer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.tools import Tool
from mcp_types import ToolAnnotations
from pydantic import Field

from assistant.presenter import answer_json, clause_json, hit_json
from assistant.safety import MAX_MESSAGE_CHARS, REFUSALS, screen
from assistant.storage.errors import StorageUnavailable
from corpus.languages import LangCode
from indexing.errors import IndexUnavailable
from indexing.language import detect_language
from indexing.validation import MAX_QUERY_CHARS, QueryError, check_query
from ui.api.engine import Engine
from ui.api.i18n import message
from ui.mcp.policy_tools import policy_tools
from ui.mcp.resources import add_resources

NAME = "policy-assistant"
TITLE = "Policy Assistant"
INSTRUCTIONS = (
    "Answers questions about the university's Academic Policy AS 029-V-2025 (EKTU) in Kazakh, "
    "Russian and English. The Kazakh text is the official one; Russian and English are "
    "unofficial translations. Use `ask` for a question in the user's words: the answer quotes "
    "the clauses it rests on (citations with clause ids), computes numbers with the policy "
    "tools, and leaves a section 19 AI-use disclosure record (disclosure_id). Pass the "
    "returned conversation_id to continue a conversation, and consent=true only when the user "
    "agrees that the question text is kept in that record. Use `search_policy` to find "
    "clauses, `get_clause` or the clause://{id}?lang=ru resource to read one clause beside "
    "the official Kazakh, and the calculation tools (final_grade, gpa, retake_path, ...) for "
    "exact numbers: their results name the clauses they implement. Never state a rule or a "
    "number the policy text or a tool result does not give."
)
READ_ONLY = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)
# `ask` writes the disclosure record (and the conversation's turn): not read-only.
WRITES_RECORD = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)

Question = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_MESSAGE_CHARS,
        description="The question, in Kazakh, Russian or English.",
    ),
]
Query = Annotated[
    str, Field(min_length=1, max_length=MAX_QUERY_CHARS, description="Question or keywords.")
]
Hits = Annotated[int, Field(ge=1, le=50, description="Number of clauses to return.")]
QueryLang = Annotated[
    LangCode | None,
    Field(description="The query's language (kk, ru, en); detected when absent."),
]
AnswerLang = Annotated[
    LangCode | None,
    Field(description="The answer's language (kk, ru, en); the question's when absent."),
]
ClauseLang = Annotated[
    LangCode,
    Field(description="Language shown beside the official Kazakh text (kk: Kazakh alone)."),
]
ClauseId = Annotated[
    str, Field(min_length=1, max_length=16, description="A clause id: 8.35, 3.12, 8.T1.")
]
ConversationId = Annotated[
    str | None,
    Field(max_length=64, description="Continue this conversation (from an earlier answer)."),
]
Consent = Annotated[
    bool,
    Field(description="The user agrees that the question text is kept in the disclosure record."),
]


def build_mcp_server(engine: Engine) -> MCPServer:
    """A new server on `engine`: one per transport, since an HTTP session manager runs once."""
    tools = [*core_tools(engine), *policy_tools()]
    with _host_logging():
        server = MCPServer(
            name=NAME,
            title=TITLE,
            version=engine.assistant.version,
            instructions=INSTRUCTIONS,
            tools=tools,
        )
    add_resources(server)
    return server


def core_tools(engine: Engine) -> list[Tool]:
    """search_policy, get_clause and ask, bound to `engine`."""

    async def search_policy(query: Query, k: Hits = 5, lang: QueryLang = None) -> dict[str, Any]:
        try:
            text = check_query(query)
        except QueryError as exc:
            raise ToolError(f"Invalid query: {exc}.") from None
        screening = screen(text)
        if not screening.ok:
            raise ToolError(REFUSALS[screening.code][lang or detect_language(text, "en")])
        try:
            result = await engine.thread(engine.search, text, k, lang)
        except IndexUnavailable:
            raise ToolError(message("index_unavailable", "en")) from None
        hits = [hit_json(hit, result.lang) for hit in result.hits]
        return {"query": text, "lang": result.lang, "hits": hits}

    async def get_clause(id: ClauseId, lang: ClauseLang = "kk") -> dict[str, Any]:
        data = clause_json(id.strip(), lang)
        if data is None:
            raise ToolError(
                f"{message('unknown_clause', 'en', id=id)} Clause ids look like 8.35, 3.12 or "
                "8.T1; search_policy finds them."
            )
        return data

    async def ask(
        question: Question,
        conversation_id: ConversationId = None,
        lang: AnswerLang = None,
        consent: Consent = False,
    ) -> dict[str, Any]:
        try:
            answer = await engine.thread(engine.ask, question, conversation_id, lang, consent)
        except StorageUnavailable:
            raise ToolError(message("storage_unavailable", "en")) from None
        except IndexUnavailable:
            raise ToolError(message("index_unavailable", "en")) from None
        return answer_json(answer)

    return [
        Tool.from_function(
            search_policy,
            title="Search the Academic Policy",
            description="Hybrid search over the policy's clauses in kk / ru / en: the best "
            "clauses first, each with its id, score, section title, its text in the query's "
            "language (or `lang`) and the official Kazakh text.",
            annotations=READ_ONLY,
        ),
        Tool.from_function(
            get_clause,
            title="Read a clause",
            description="One clause by id (8.35, 3.12, 8.T1): the official Kazakh text and, "
            "for lang ru or en, the unofficial translation beside it, with section titles.",
            annotations=READ_ONLY,
        ),
        Tool.from_function(
            ask,
            title="Ask the Policy Assistant",
            description="The assistant's whole answer to a question about the Academic "
            "Policy: text, status (answered, not_covered, needs_input, refused), citations "
            "(clause ids with the official Kazakh text and the answer's language), tool "
            "calls with their results, missing inputs, the section 19 disclosure_id and the "
            "conversation_id to continue with.",
            annotations=WRITES_RECORD,
        ),
    ]


@contextmanager
def _host_logging() -> Iterator[None]:
    """MCPServer() calls logging.basicConfig (a rich handler on the root logger); logging
    belongs to the host (`serve`, `mcp`, the tests), so it sees a root already configured."""
    root = logging.getLogger()
    placeholder = logging.NullHandler()
    root.addHandler(placeholder)
    try:
        yield
    finally:
        root.removeHandler(placeholder)
