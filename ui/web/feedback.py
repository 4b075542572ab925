"""Thumbs up / down on every answer in the chat, and a short comment on the last vote.

Gradio's own like / dislike buttons sit under each assistant message; the vote is stored
in-process through the repository, beside the answer's disclosure record (one vote per
answer: voting again replaces it, clicking the same thumb again withdraws it). The
message's disclosure id is read from the message itself (`data-disclosure` on its HTML,
ui/web/render.py), and the last vote is kept in the page, not in a server-side State, so
that it works under `serve --workers N` like the rest of the chat.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import gradio as gr
from pydantic import ValidationError

from assistant.storage.errors import DisclosureNotFound, StorageError
from assistant.storage.records import Vote
from assistant.storage.schema import MAX_COMMENT_CHARS
from ui.api.engine import Engine
from ui.web.labels import label

log = logging.getLogger("policy_assistant.web")
DEFAULT_LANG = "kk"
DISCLOSURE = re.compile(r'data-disclosure="([A-Za-z0-9_-]{1,64})"')
LAST_VOTE = re.compile(r"([A-Za-z0-9_-]{1,64}):(up|down)")

Relabel = list[tuple[Any, Callable[[str], dict]]]


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a chat message value (text, or Gradio's content parts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def disclosure_of(message: Any) -> str | None:
    """The disclosure id an assistant message carries, or None (an error box, say)."""
    for text in _strings(message):
        match = DISCLOSURE.search(text)
        if match:
            return match.group(1)
    return None


def vote_of(liked: bool | str | None) -> Vote | None:
    """Gradio's LikeData.liked as a vote; anything else (the thumb un-clicked) is none."""
    if liked is True or liked == "Like":
        return "up"
    if liked is False or liked == "Dislike":
        return "down"
    return None


def attach(engine: Engine, chatbot: gr.Chatbot, lang: gr.Radio, relabel: Relabel) -> list:
    """Add the vote handler and the comment box under `chatbot`; returns the components a
    new conversation clears."""
    hint = gr.Markdown(label("vote_hint", DEFAULT_LANG), elem_id="pa-vote-hint")
    last_vote = gr.Textbox(visible=False, elem_id="pa-last-vote")  # "<disclosure id>:<vote>"
    with gr.Row(elem_id="pa-feedback"):
        comment = gr.Textbox(
            label=label("comment", DEFAULT_LANG),
            placeholder=label("comment_placeholder", DEFAULT_LANG),
            max_length=MAX_COMMENT_CHARS,
            lines=1,
            scale=5,
            elem_id="pa-comment",
        )
        send = gr.Button(
            label("comment_send", DEFAULT_LANG), size="sm", scale=1, elem_id="pa-comment-send"
        )
    notice = gr.Markdown("", elem_id="pa-feedback-notice")
    relabel += [
        (hint, lambda lg: gr.update(value=label("vote_hint", lg))),
        (
            comment,
            lambda lg: gr.update(
                label=label("comment", lg), placeholder=label("comment_placeholder", lg)
            ),
        ),
        (send, lambda lg: gr.update(value=label("comment_send", lg))),
    ]

    def on_vote(lg: str, data: gr.LikeData) -> tuple[str, str]:
        disclosure_id = disclosure_of(data.value)
        if disclosure_id is None:
            return "", label("feedback_no_record", lg)
        vote = vote_of(data.liked)
        try:
            if vote is None:
                engine.store.remove_feedback(disclosure_id)
                return "", label("feedback_removed", lg)
            engine.store.add_feedback(disclosure_id, vote)
        except DisclosureNotFound:
            return "", label("feedback_no_record", lg)
        except StorageError:
            log.exception("storing a vote failed")
            return "", label("unavailable", lg)
        return f"{disclosure_id}:{vote}", label(f"feedback_{vote}", lg)

    def on_comment(text: str, last: str, lg: str) -> tuple[dict, str]:
        if not (text or "").strip():
            return gr.update(), ""
        match = LAST_VOTE.fullmatch(last or "")
        if match is None:
            return gr.update(), label("feedback_vote_first", lg)
        disclosure_id, vote = match.group(1), match.group(2)
        try:
            engine.store.add_feedback(disclosure_id, vote, text)  # type: ignore[arg-type]
        except ValidationError:
            return gr.update(), label("comment_too_long", lg).format(limit=MAX_COMMENT_CHARS)
        except DisclosureNotFound:
            return gr.update(), label("feedback_no_record", lg)
        except StorageError:
            log.exception("storing a comment failed")
            return gr.update(), label("unavailable", lg)
        return gr.update(value=""), label("feedback_comment_saved", lg)

    chatbot.like(on_vote, [lang], [last_vote, notice], queue=False, show_progress="hidden")
    comment.submit(on_comment, [comment, last_vote, lang], [comment, notice], queue=False)
    send.click(on_comment, [comment, last_vote, lang], [comment, notice], queue=False)
    return [last_vote, comment, notice]
