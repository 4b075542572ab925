"""An answer as an OpenAI chat message: Markdown text, `url_citation` annotations, usage.

The message text is the assistant's own answer, then — after one horizontal rule — what
a chat front-end cannot show otherwise: each tool result as a small table, the sources
(each as a link "§8.35" to /api/clauses/8.35, with the official Kazakh text where the
answer is in another language: promise 1 holds in clients that drop annotations) and the
section 19 disclosure id with a link to its ready statement.

Stateless clients send the conversation back on every turn; `own_text` and
`disclosure_in` recover the assistant's answer and its disclosure id from a reply they
return, so the conversation (and a calculation waiting for its values) is found again
by both together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from assistant.models import Answer, Citation, ToolCall
from assistant.restate import shown
from tools import registry
from ui.web.labels import label

FOOTER_RULE = "\n\n---\n"
HIDDEN_RESULT_KEYS = ("clauses", "explanation")
TITLE_CHARS = 80
TOKEN = re.compile(r"\w+|[^\w\s]")
DISCLOSURE_ID = re.compile(r"`([A-Za-z0-9_-]{8,64})` · \[")  # as `content` writes it


def own_text(content: str) -> str:
    """The assistant's answer in a reply this module wrote (the text before the footer)."""
    return content.split(FOOTER_RULE, 1)[0].strip()


def disclosure_in(content: str) -> str | None:
    """The disclosure id the footer of a reply this module wrote names, or None."""
    _, rule, footer = content.partition(FOOTER_RULE)
    found = DISCLOSURE_ID.findall(footer) if rule else []
    return found[-1] if found else None


def count_tokens(text: str) -> int:
    """Words and punctuation marks: what `usage` counts (no generative model runs here)."""
    return len(TOKEN.findall(text))


def clause_url(base_url: str, clause_id: str, lang: str) -> str:
    return f"{base_url}/api/clauses/{clause_id}?{urlencode({'lang': lang})}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _row(call: ToolCall, name: str, value: Any, lang: str, bold: bool = False) -> str:
    field = _cell(registry.get(call.name).label(name, lang))
    shown_value = _cell(shown(call.name, name, value, lang))
    return f"| **{field}** | **{shown_value}** |" if bold else f"| {field} | {shown_value} |"


def tool_table(call: ToolCall, lang: str) -> str:
    """Inputs, then results in bold, as a two-column Markdown table."""
    result: Mapping[str, Any] = call.result_json() or {}
    rows = [f"| {_cell(label('field', lang))} | {_cell(label('value', lang))} |", "|---|---|"]
    rows += [_row(call, name, value, lang) for name, value in call.arguments.items()]
    rows += [
        _row(call, name, value, lang, bold=True)
        for name, value in result.items()
        if name not in HIDDEN_RESULT_KEYS and value is not None
    ]
    title = registry.get(call.name).title[lang]
    return f"**{title}** (`{call.name}`)\n\n" + "\n".join(rows)


def _source(citation: Citation, lang: str, base_url: str) -> str:
    link = f"[§{citation.clause_id}]({clause_url(base_url, citation.clause_id, lang)})"
    line = f"- {link} {citation.section_title}"
    if lang != "kk" and citation.text.get("kk"):
        line += f"\n  > {label('official', lang)}: «{citation.text['kk']}»"
    return line


def content(answer: Answer, base_url: str) -> str:
    """The whole message text: the answer, then tables, sources and the disclosure."""
    lang = answer.lang
    footer = [tool_table(call, lang) for call in answer.tool_calls if call.result is not None]
    if answer.citations:
        sources = "\n".join(_source(c, lang, base_url) for c in answer.citations)
        footer.append(f"**{label('sources', lang)}**\n{sources}")
    if answer.disclosure_id:
        query = urlencode({"ids": answer.disclosure_id, "lang": lang})
        statement = f"{base_url}/api/disclosures/statement?{query}"
        footer.append(
            f"{label('disclosure', lang)}: `{answer.disclosure_id}` · "
            f"[{label('statement_btn', lang)}]({statement})"
        )
    text = answer.answer.strip()
    return text + FOOTER_RULE + "\n\n".join(footer) if footer else text


def annotations(text: str, answer: Answer, base_url: str) -> list[dict[str, Any]]:
    """One `url_citation` per cited clause, spanning its "§id" link in the text."""
    found: list[dict[str, Any]] = []
    for citation in answer.citations:
        marker = f"[§{citation.clause_id}]("
        start = text.find(marker)
        start = start + 1 if start >= 0 else text.find(f"§{citation.clause_id}")
        clause_text = citation.text.get(answer.lang) or citation.text.get("kk", "")
        snippet = clause_text[:TITLE_CHARS].rstrip()
        snippet += "…" if len(clause_text) > TITLE_CHARS else ""
        found.append(
            {
                "type": "url_citation",
                "url_citation": {
                    "url": clause_url(base_url, citation.clause_id, answer.lang),
                    "title": f"§{citation.clause_id} {snippet}",
                    "start_index": max(start, 0),
                    "end_index": max(start, 0) + len(citation.clause_id) + 1,
                },
            }
        )
    return found


def message(answer: Answer, base_url: str) -> dict[str, Any]:
    """The assistant message of a chat.completion (refusals also in `refusal`)."""
    text = content(answer, base_url)
    return {
        "role": "assistant",
        "content": text,
        "refusal": text if answer.status == "refused" else None,
        "annotations": annotations(text, answer, base_url),
    }
