"""HTML for the chat: the answer, its clause cards and its tool tables.

A citation card is a <details> element: the clause id and section title as summary, and
inside, the text in the user's language beside the official Kazakh. Tool results are a
small table (inputs, then results) with the arithmetic from the tool's explanation.
Every piece of text is escaped: clause texts and user input are data, never markup.
Each message is one HTML block without blank lines, so Markdown leaves it alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from assistant.models import Answer, Citation, ToolCall
from assistant.restate import shown
from corpus.store import clauses_by_id
from tools import registry
from ui.web.labels import LANG_NAMES, label

HIDDEN_RESULT_KEYS = ("clauses", "explanation")


def _text(value: str) -> str:
    """Escaped text with its line breaks kept (no blank lines inside an HTML block)."""
    return escape(value.strip()).replace("\n", "<br>")


def _value(tool: str, name: str, value: Any, lang: str) -> str:
    """A value in the reader's language; yes / no as ✓ / ✗."""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return shown(tool, name, value, lang)


def citation_card(citation: Citation, answer_lang: str, ui_lang: str) -> str:
    """One expandable clause card: user's language beside the official Kazakh."""
    kk = citation.text.get("kk", "")
    local_lang = answer_lang if answer_lang != "kk" else ui_lang
    local = citation.text.get(local_lang)
    if local is None and local_lang != "kk":
        clause = clauses_by_id(local_lang).get(citation.clause_id)
        local = clause.text if clause else None
    columns = []
    if local is not None and local_lang != "kk":
        columns.append(
            f'<div class="pa-col"><div class="pa-lang">{LANG_NAMES[local_lang]} · '
            f"{escape(label('translation', ui_lang))}</div>"
            f'<div class="pa-text">{_text(local)}</div></div>'
        )
    columns.append(
        f'<div class="pa-col pa-official"><div class="pa-lang">'
        f"{escape(label('official', ui_lang))}</div>"
        f'<div class="pa-text" lang="kk">{_text(kk)}</div></div>'
    )
    return (
        f'<details class="pa-card" data-clause="{escape(citation.clause_id)}">'
        f'<summary><span class="pa-id">§{escape(citation.clause_id)}</span> '
        f'<span class="pa-section">{escape(citation.section_title)}</span></summary>'
        f'<div class="pa-cols">{"".join(columns)}</div></details>'
    )


def _row(kind: str, name: str, value_html: str) -> str:
    return f'<tr class="{kind}"><td>{escape(name)}</td><td>{value_html}</td></tr>'


def tool_table(
    name: str, arguments: Mapping[str, Any], result: Mapping[str, Any], lang: str
) -> str:
    """Inputs and results of one tool run as a table, with the arithmetic below it."""
    spec = registry.get(name)
    rows = [
        _row("pa-in", spec.label(k, lang), escape(_value(name, k, v, lang)))
        for k, v in arguments.items()
    ]
    rows += [
        _row("pa-out", spec.label(k, lang), f"<b>{escape(_value(name, k, v, lang))}</b>")
        for k, v in result.items()
        if k not in HIDDEN_RESULT_KEYS
    ]
    explanation = (result.get("explanation") or {}).get(lang, "")
    clauses = ", ".join(f"§{c}" for c in result.get("clauses", []))
    return (
        f'<div class="pa-tool" data-tool="{escape(name)}">'
        f'<div class="pa-tool-name">{escape(spec.title[lang])} '
        f"<code>{escape(name)}</code></div>"
        f'<table class="pa-table"><thead><tr><th>{escape(label("field", lang))}</th>'
        f"<th>{escape(label('value', lang))}</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<div class="pa-arith"><b>{escape(label("arithmetic", lang))}:</b> {_text(explanation)}'
        f"{f' <span class=pa-clauses>({escape(clauses)})</span>' if clauses else ''}</div></div>"
    )


def error_box(text: str, lang: str, details: list[str] | None = None) -> str:
    items = "".join(f"<li>{escape(d)}</li>" for d in (details or []))
    listed = f"<ul>{items}</ul>" if items else ""
    return (
        f'<div class="pa-error" role="alert"><b>{escape(label("error", lang))}:</b> '
        f"{_text(text)}{listed}</div>"
    )


def _tool_call(call: ToolCall, lang: str) -> str:
    if call.result is not None:
        return tool_table(call.name, call.arguments, call.result_json() or {}, lang)
    if call.error:
        message = (call.error.get("message") or {}).get(lang, "")
        return error_box(message, lang)
    return ""


def answer_html(answer: Answer, ui_lang: str) -> str:
    """The assistant's chat message: status badge, the direct answer, the rest of the
    text, tool tables, clause cards (each holding its whole clause). The disclosure id rides
    on the block (data-disclosure) so a vote on the message finds its record in any worker."""
    marker = f' data-disclosure="{escape(answer.disclosure_id)}"' if answer.disclosure_id else ""
    parts = [f'<div class="pa-answer"{marker}>']
    if answer.status in ("not_covered", "needs_input", "refused"):
        badge = escape(label(answer.status, ui_lang))
        parts.append(f'<div class="pa-badge pa-{answer.status}">{badge}</div>')
    body = answer.answer
    if answer.direct:
        parts.append(
            f'<div class="pa-direct"><div class="pa-direct-label">'
            f"{escape(label('direct', ui_lang))}</div>{_text(answer.direct)}</div>"
        )
        body = body.replace(answer.direct, "", 1)
    parts.append(f'<div class="pa-body">{_text(body)}</div>')
    parts += [_tool_call(call, answer.lang) for call in answer.tool_calls]
    if answer.citations:
        parts.append(f'<div class="pa-sources">{escape(label("sources", ui_lang))}</div>')
        parts += [citation_card(c, answer.lang, ui_lang) for c in answer.citations]
    if answer.disclosure_id:
        parts.append(
            f'<div class="pa-disclosure">{escape(label("disclosure", ui_lang))}: '
            f"<code>{escape(answer.disclosure_id)}</code></div>"
        )
    parts.append("</div>")
    return "".join(parts)
