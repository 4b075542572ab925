"""One JSON face for answers and search hits, shared by the CLI and the web API.

`policy-assistant ask --json` and `POST /api/chat` must return the same object, and
`search --json` and `GET /api/search` the same hits; keeping the shapes here means a
change to one is a change to both.
"""

from __future__ import annotations

from typing import Any

from assistant.models import Answer


def answer_json(answer: Answer) -> dict[str, Any]:
    """The answer as machines see it (the CLI's `ask --json` shape)."""
    data = answer.model_dump(mode="json")
    return {
        "answer": data["answer"],
        "lang": data["lang"],
        "grounded": data["grounded"],
        "status": data["status"],
        "direct": data["direct"],
        "card": data["card"],
        "citations": [{"clause_id": c["clause_id"], "text": c["text"]} for c in data["citations"]],
        "tool_calls": [
            {k: v for k, v in call.items() if v is not None} for call in data["tool_calls"]
        ],
        "missing": data["missing"],
        "disclosure_id": data["disclosure_id"],
        "conversation_id": data["conversation_id"],
    }


def hit_json(hit: Any, lang: str) -> dict[str, Any]:
    """A search hit with its clause's official Kazakh text and the text in `lang`."""
    from corpus.store import clauses_by_id

    kk = clauses_by_id("kk")[hit.clause_id]
    local = clauses_by_id(lang).get(hit.clause_id, kk)
    text = {"kk": kk.text}
    text[lang] = local.text
    return {
        "clause_id": hit.clause_id,
        "score": hit.score,
        "section": hit.section,
        "section_title": local.section_title,
        "text": text,
    }
