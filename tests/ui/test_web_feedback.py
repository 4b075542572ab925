"""Thumbs up / down in the chat UI without a browser: finding the answer a vote is for, and
the UI's own vote and comment handlers storing through the repository."""

from __future__ import annotations

import gradio as gr
import pytest

from assistant.models import Answer
from ui.web.feedback import disclosure_of, vote_of
from ui.web.labels import label
from ui.web.render import answer_html, error_box


def test_the_answer_block_carries_its_disclosure_id() -> None:
    answer = Answer(answer="Text.", lang="en", grounded=False, disclosure_id="AbC_-123")
    html = answer_html(answer, "en")
    assert html.startswith('<div class="pa-answer" data-disclosure="AbC_-123">')
    assert disclosure_of(html) == "AbC_-123"
    # Gradio hands the liked message back as content parts: the id is found in them too.
    assert disclosure_of([{"type": "text", "text": html}]) == "AbC_-123"
    assert disclosure_of(error_box("boom", "en")) is None
    no_record = answer_html(Answer(answer="x", lang="en", grounded=False), "en")
    assert "data-disclosure" not in no_record and disclosure_of(no_record) is None


def test_vote_of_gradio_like_values() -> None:
    assert vote_of(True) == "up" and vote_of("Like") == "up"
    assert vote_of(False) == "down" and vote_of("Dislike") == "down"
    assert vote_of("") is None and vote_of(None) is None  # the thumb clicked again


@pytest.fixture(scope="module")
def handlers(client):
    """The chat UI's own vote and comment handlers, from a UI built on the test engine."""
    from ui.web.app import build_ui

    demo = build_ui(client.app.state.engine, assistant_url="https://example.edu/assistant")
    found = {f.fn.__name__: f.fn for f in demo.fns.values() if getattr(f, "fn", None)}
    return found["on_vote"], found["on_comment"]


def like(html: str, liked: bool | str) -> gr.LikeData:
    return gr.LikeData(
        None, {"index": 1, "value": [{"type": "text", "text": html}], "liked": liked}
    )


def test_vote_then_comment_then_withdraw(client, handlers, chat_answer) -> None:
    on_vote, on_comment = handlers
    store = client.app.state.engine.store
    disclosure_id = chat_answer["disclosure_id"]
    html = f'<div class="pa-answer" data-disclosure="{disclosure_id}">…</div>'

    last, notice = on_vote("ru", like(html, False))
    assert last == f"{disclosure_id}:down" and notice == label("feedback_down", "ru")
    assert store.get_feedback(disclosure_id).vote == "down"

    box, notice = on_comment("  Нет примера расчёта  ", last, "ru")
    assert notice == label("feedback_comment_saved", "ru")
    stored = store.get_feedback(disclosure_id)
    assert stored.vote == "down" and stored.comment == "Нет примера расчёта"

    last, notice = on_vote("en", like(html, True))
    assert last == f"{disclosure_id}:up" and store.get_feedback(disclosure_id).comment is None

    last, notice = on_vote("kk", like(html, ""))
    assert last == "" and notice == label("feedback_removed", "kk")
    assert store.get_feedback(disclosure_id) is None


def test_comment_needs_a_vote_first_and_unknown_answers_are_refused(handlers) -> None:
    on_vote, on_comment = handlers
    assert on_comment("hello", "", "en")[1] == label("feedback_vote_first", "en")
    assert on_comment("   ", "", "en")[1] == ""  # nothing typed: nothing said
    assert on_vote("en", like(error_box("x", "en"), True)) == (
        "",
        label("feedback_no_record", "en"),
    )
    gone = '<div class="pa-answer" data-disclosure="purged-long-ago">'
    assert on_vote("en", like(gone, False))[1] == label("feedback_no_record", "en")
    assert on_comment("late", "purged-long-ago:down", "en")[1] == label("feedback_no_record", "en")
