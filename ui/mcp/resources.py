"""The corpus as MCP resources: clauses and the glossary, as JSON.

URI scheme (one template per kind, the language as an optional query):

    clause://{id}              the official Kazakh text of a clause (clause://8.35)
    clause://{id}?lang=ru      the official Kazakh text and the Russian (or en) translation
    glossary://all             every glossary entry: kk / ru / en forms and definitions
    glossary://{lang}          the glossary in one language, beside the official Kazakh forms

A clause is the same JSON as GET /api/clauses/{id} and the `get_clause` tool.
"""

from __future__ import annotations

import json
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError

from assistant.presenter import clause_json
from corpus.languages import is_lang
from indexing.glossary import load_glossary

JSON = "application/json"


def add_resources(server: MCPServer) -> None:
    @server.resource(
        "clause://{id}{?lang}",
        name="clause",
        title="Policy clause",
        description="One clause by id (clause://8.35): the official Kazakh text; with "
        "?lang=ru or ?lang=en, the unofficial translation beside it.",
        mime_type=JSON,
    )
    def clause(id: str, lang: str = "kk") -> str:
        if not is_lang(lang):
            raise ResourceNotFoundError(f"Unknown language {lang!r}: use kk, ru or en.")
        data = clause_json(id, lang)
        if data is None:
            raise ResourceNotFoundError(
                f"The policy has no clause {id!r}; clause ids look like 8.35, 3.12 or 8.T1."
            )
        return as_json(data)

    @server.resource(
        "glossary://all",
        name="glossary",
        title="Glossary (kk / ru / en)",
        description="The policy's terms and abbreviations (ҰБТ = ЕНТ = UNT, FX, ЖОЖ, ...) "
        "in Kazakh, Russian and English, with definitions.",
        mime_type=JSON,
    )
    def glossary() -> str:
        return as_json(list(load_glossary()))

    @server.resource(
        "glossary://{lang}",
        name="glossary_in_language",
        title="Glossary in one language",
        description="The glossary's terms and definitions in one language (kk, ru or en), "
        "each beside the official Kazakh forms.",
        mime_type=JSON,
    )
    def glossary_in(lang: str) -> str:
        if not is_lang(lang):
            raise ResourceNotFoundError(f"Unknown language {lang!r}: use kk, ru, en or all.")
        return as_json([glossary_entry(entry, lang) for entry in load_glossary()])


def glossary_entry(entry: dict[str, Any], lang: str) -> dict[str, Any]:
    """One entry in `lang`: its forms (the preferred first) and definition, the Kazakh forms."""
    data: dict[str, Any] = {"id": entry.get("id"), "terms": list(entry.get(lang) or ())}
    definition = (entry.get("definition") or {}).get(lang)
    if definition:
        data["definition"] = definition
    if lang != "kk":
        data["kk"] = list(entry.get("kk") or ())
    return data


def as_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)
