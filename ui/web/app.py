"""The Gradio chat UI: chat with clause cards (a thumbs up / down and a comment on each
answer), calculators from the tool registry, and the section 19 disclosure statement,
relabelled live in kk / ru / en.

The UI calls the shared engine in-process (no HTTP round trip), so it uses the same
loaded models, the same lock and the same database as the API.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from typing import Any

import gradio as gr

from assistant.safety import MAX_MESSAGE_CHARS
from assistant.storage.errors import StorageError
from assistant.storage.statement import render_statement
from indexing.errors import IndexUnavailable
from tools import registry
from tools.errors import ToolInputError
from ui.api.engine import Engine
from ui.api.i18n import accept_language, pick_lang
from ui.web import calculators, feedback
from ui.web.labels import EXAMPLES, LANG_CHOICES, label
from ui.web.render import answer_html, error_box, tool_table

log = logging.getLogger("policy_assistant.web")
DEFAULT_LANG = "kk"
SAMPLE_ROWS = {
    "gpa": [["Mathematics", 5, "A", None], ["Physics", 4, None, 78]],
    "transfer_recount": [["Mathematics", 5, "B+", None], ["History", 3, "FX", None]],
}

Relabel = list[tuple[Any, Callable[[str], dict]]]


def header_md(lang: str) -> str:
    return f"## {label('title', lang)}\n{label('subtitle', lang)}"


def build_ui(engine: Engine, *, assistant_url: str) -> gr.Blocks:
    relabel: Relabel = []
    with gr.Blocks(title="Policy Assistant", analytics_enabled=False) as demo:
        with gr.Row(elem_id="pa-header"):
            header = gr.Markdown(header_md(DEFAULT_LANG), elem_id="pa-title")
            lang = gr.Radio(
                LANG_CHOICES,
                value=DEFAULT_LANG,
                label=label("ui_lang", DEFAULT_LANG),
                elem_id="pa-lang",
                scale=0,
                min_width=260,
            )
        relabel += [
            (header, lambda lg: gr.update(value=header_md(lg))),
            (lang, lambda lg: gr.update(label=label("ui_lang", lg))),
        ]
        with gr.Tabs(elem_id="pa-tabs"):
            with gr.Tab(label("tab_chat", DEFAULT_LANG), id="chat", elem_id="pa-tab-chat") as tab:
                relabel.append((tab, lambda lg: gr.update(label=label("tab_chat", lg))))
                _chat(engine, lang, relabel, assistant_url)
            with gr.Tab(label("tab_calc", DEFAULT_LANG), id="calc", elem_id="pa-tab-calc") as tab:
                relabel.append((tab, lambda lg: gr.update(label=label("tab_calc", lg))))
                _calculators(lang, relabel)
        footer = gr.Markdown(label("footer", DEFAULT_LANG), elem_id="pa-footer")
        relabel.append((footer, lambda lg: gr.update(value=label("footer", lg))))

        outputs = [component for component, _ in relabel]
        lang.change(
            lambda lg: [fn(lg) for _, fn in relabel],
            inputs=lang,
            outputs=outputs,
            queue=False,
            show_progress="hidden",
        )
        demo.load(initial_lang, inputs=None, outputs=lang, queue=False, show_progress="hidden")
    return demo


def initial_lang(request: gr.Request) -> str:
    """?lang= in the page address, else the browser's Accept-Language, else Kazakh."""
    params = getattr(request, "query_params", None) or {}
    headers = getattr(request, "headers", None) or {}
    return (
        pick_lang(params.get("lang"))
        or accept_language(headers.get("accept-language"))
        or DEFAULT_LANG
    )


# --- chat ---------------------------------------------------------------------------------


def _chat(engine: Engine, lang: gr.Radio, relabel: Relabel, assistant_url: str) -> None:
    # The conversation id lives in the page, not in a server-side gr.State, and the chat
    # runs without Gradio's queue: under `serve --workers N` each request may reach
    # another worker process, and neither a State nor a queued event would be found there.
    conversation = gr.Textbox(visible=False, elem_id="pa-conversation")
    chatbot = gr.Chatbot(
        label=label("chat", DEFAULT_LANG),
        elem_id="pa-chat",
        height=520,
        buttons=["copy"],
        feedback_options=("Like", "Dislike"),  # on every answer: ui/web/feedback.py
        group_consecutive_messages=False,
    )
    with gr.Row(elem_id="pa-ask"):
        box = gr.Textbox(
            placeholder=label("placeholder", DEFAULT_LANG),
            show_label=False,
            elem_id="pa-input",
            scale=5,
            max_length=MAX_MESSAGE_CHARS,
            lines=1,
        )
        send = gr.Button(label("send", DEFAULT_LANG), variant="primary", elem_id="pa-send", scale=1)
    examples_md = gr.Markdown(f"**{label('examples', DEFAULT_LANG)}**")
    with gr.Row(elem_id="pa-examples"):
        example_buttons = [
            gr.Button(text, size="sm", elem_classes=["pa-example"], min_width=200)
            for text in EXAMPLES[DEFAULT_LANG]
        ]
    with gr.Row(elem_id="pa-actions"):
        new_chat = gr.Button(label("new_chat", DEFAULT_LANG), elem_id="pa-new", size="sm")
        statement_btn = gr.Button(
            label("statement_btn", DEFAULT_LANG), elem_id="pa-statement-btn", size="sm"
        )
    statement = gr.Textbox(
        label=label("statement", DEFAULT_LANG),
        lines=6,
        buttons=["copy"],
        interactive=False,
        visible=False,
        elem_id="pa-statement",
    )
    cleared_on_new_chat = feedback.attach(engine, chatbot, lang, relabel)
    relabel += [
        (chatbot, lambda lg: gr.update(label=label("chat", lg))),
        (box, lambda lg: gr.update(placeholder=label("placeholder", lg))),
        (send, lambda lg: gr.update(value=label("send", lg))),
        (examples_md, lambda lg: gr.update(value=f"**{label('examples', lg)}**")),
        (new_chat, lambda lg: gr.update(value=label("new_chat", lg))),
        (statement_btn, lambda lg: gr.update(value=label("statement_btn", lg))),
        (statement, lambda lg: gr.update(label=label("statement", lg))),
    ]
    for index, button in enumerate(example_buttons):
        relabel.append((button, lambda lg, i=index: gr.update(value=EXAMPLES[lg][i])))

    def respond(
        message: str, history: list, conversation_id: str | None, lg: str
    ) -> tuple[list, str, str | None]:
        text = (message or "").strip()
        if not text:
            return history, "", conversation_id
        history = [*(history or []), {"role": "user", "content": escape(text)}]
        try:
            answer = engine.ask(text, conversation_id or None, None, False)
            content, conversation_id = answer_html(answer, lg), answer.conversation_id
        except (StorageError, IndexUnavailable):
            log.exception("chat failed")
            content = error_box(label("unavailable", lg), lg)
        return [*history, {"role": "assistant", "content": content}], "", conversation_id

    outputs = [chatbot, box, conversation]
    box.submit(respond, [box, chatbot, conversation, lang], outputs, queue=False)
    send.click(respond, [box, chatbot, conversation, lang], outputs, queue=False)
    for button in example_buttons:
        button.click(respond, [button, chatbot, conversation, lang], outputs, queue=False)

    new_chat.click(
        lambda: ([], "", "", gr.update(value="", visible=False), "", "", ""),
        None,
        [chatbot, box, conversation, statement, *cleared_on_new_chat],
        queue=False,
    )

    def make_statement(conversation_id: str | None, lg: str) -> dict:
        if not conversation_id:
            return gr.update(value=label("statement_empty", lg), visible=True)
        try:
            records = engine.store.disclosures_for_conversation(conversation_id)
        except StorageError:
            log.exception("disclosure statement failed")
            return gr.update(value=label("unavailable", lg), visible=True)
        if not records:
            return gr.update(value=label("statement_empty", lg), visible=True)
        statement_text = render_statement(records, lg, url=assistant_url)
        return gr.update(value=statement_text, visible=True)

    statement_btn.click(make_statement, [conversation, lang], statement, queue=False)


# --- calculators ------------------------------------------------------------------------


def _field_text(tool: str, spec: calculators.FormField, lg: str) -> str:
    declared = registry.get(tool)
    text = declared.label(spec.name, lg)
    if spec.kind == "records":  # a table has no hint line: the hint goes in its label
        columns = ", ".join(declared.label(c, lg) for c in spec.columns)
        text = f"{text} — {label('table_hint', lg)} ({columns})"
    return text if spec.required else f"{text} ({label('optional', lg)})"


def _info(spec: calculators.FormField, lg: str) -> dict[str, Any]:
    """The hint line under a list input (only text boxes have one)."""
    return {"info": label("list_hint", lg)} if spec.kind == "numbers" else {}


def _widget(tool: str, spec: calculators.FormField, lg: str):
    common: dict[str, Any] = {
        "label": _field_text(tool, spec, lg),
        "elem_id": f"pa-{tool}-{spec.name}",
        "min_width": 220,
    }
    if spec.kind in ("number", "integer"):
        # A text box, not gr.Number: a number widget cannot be left empty (it sends 0),
        # and an optional argument left out is not the same as 0.
        value = "" if spec.default is None else str(spec.default)
        return gr.Textbox(value=value, placeholder=spec.hint, **common)
    if spec.kind == "boolean":
        return gr.Checkbox(value=bool(spec.default), **common)
    if spec.kind == "choice":
        return gr.Dropdown(list(spec.choices), value=spec.default, **common)
    if spec.kind == "numbers":
        return gr.Textbox(**_info(spec, lg), **common)
    if spec.kind == "records":
        datatypes = ["number" if t in ("number", "integer") else "str" for t in spec.column_types]
        return gr.Dataframe(
            value=SAMPLE_ROWS.get(tool, [[None] * len(spec.columns)]),
            headers=list(spec.columns),
            datatype=datatypes,
            type="array",
            interactive=True,
            row_count=2,
            **common,
        )
    return gr.Textbox(**common)


def _calculators(lang: gr.Radio, relabel: Relabel) -> None:
    intro = gr.Markdown(label("calc_intro", DEFAULT_LANG))
    relabel.append((intro, lambda lg: gr.update(value=label("calc_intro", lg))))
    with gr.Tabs(elem_id="pa-calc-tabs"):
        for form in calculators.forms():
            title = registry.get(form.tool).title[DEFAULT_LANG]
            with gr.Tab(title, elem_id=f"pa-calc-{form.tool}") as tab:
                _calculator(form, lang, relabel, tab)


def _calculator(form: calculators.Form, lang: gr.Radio, relabel: Relabel, tab) -> None:
    spec = registry.get(form.tool)
    description = gr.Markdown(spec.description[DEFAULT_LANG])
    with gr.Row(equal_height=False):
        widgets = [_widget(form.tool, field, DEFAULT_LANG) for field in form.fields]
    run = gr.Button(
        label("calculate", DEFAULT_LANG), variant="primary", elem_id=f"pa-{form.tool}-run"
    )
    result = gr.HTML(elem_id=f"pa-{form.tool}-result")
    relabel += [
        (tab, lambda lg, s=spec: gr.update(label=s.title[lg])),
        (description, lambda lg, s=spec: gr.update(value=s.description[lg])),
        (run, lambda lg: gr.update(value=label("calculate", lg))),
    ]
    for widget, field in zip(widgets, form.fields, strict=True):
        relabel.append(
            (
                widget,
                lambda lg, f=field, t=form.tool: gr.update(
                    label=_field_text(t, f, lg), **_info(f, lg)
                ),
            )
        )

    def calculate(lg: str, *values: Any) -> str:
        try:
            args = calculators.arguments(form, list(values))
            result_data = registry.run(form.tool, args).to_json()
        except ToolInputError as error:
            details = [d.message[lg] for d in error.details[1:]]
            return error_box(error.message[lg], lg, details)
        return tool_table(form.tool, args, result_data, lg)

    run.click(calculate, [lang, *widgets], result, queue=False)
