"""One JSON face for answers and search hits, shared by the CLI and the web API.

`policy-assistant ask --json` and `POST /api/chat` must return the same object, and
`search --json` and `GET /api/search` the same hits, and `GET /api/clauses/{id}` and the
MCP server the same clause; keeping the shapes here means a change to one is a change to all.
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


def clause_json(clause_id: str, lang: str) -> dict[str, Any] | None:
    """A clause's official Kazakh text beside its text in `lang` (kk: the Kazakh alone),
    or None when the policy has no clause `clause_id`."""
    from corpus.languages import LANGS
    from corpus.store import clauses_by_id

    kk = clauses_by_id("kk").get(clause_id)
    if kk is None:
        return None
    local = clauses_by_id(lang).get(clause_id, kk)
    titles = {code: clauses_by_id(code).get(clause_id, kk).section_title for code in LANGS}
    return {
        "clause_id": kk.id,
        "doc": kk.doc,
        "section": kk.section,
        "section_title": local.section_title,
        "kind": str(kk.kind),
        "lang": lang,
        "status": local.status,
        "text": {"kk": kk.text, lang: local.text},
        "section_titles": titles,
    }
