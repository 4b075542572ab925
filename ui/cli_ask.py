"""`policy-assistant ask | disclosure`: grounded answers and section 19 statements."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from assistant.presenter import answer_json
from corpus.languages import is_lang
from ui.console import (
    BatchOpt,
    JsonFlag,
    as_text,
    configured,
    console,
    fail,
    print_json,
    progress_bar,
    run_batch,
    start_failures,
)

disclosure_app = typer.Typer(help="Section 19 AI-use disclosure records.", no_args_is_help=True)
LangOpt = Annotated[str, typer.Option("--lang", help="Answer language: kk, ru, en or auto.")]


def open_assistant(json_out: bool):
    settings = configured(json_out)
    with (
        start_failures(json_out),
        progress_bar("building the index (first use)", enabled=not json_out) as advance,
    ):
        return settings.build_assistant(progress=advance)


def ask(
    question: Annotated[str | None, typer.Argument(help="The question.")] = None,
    lang: LangOpt = "auto",
    conversation: Annotated[
        str | None, typer.Option("--conversation", help="Continue this conversation id.")
    ] = None,
    consent: Annotated[
        bool, typer.Option(help="Allow the question text to be kept in the disclosure record.")
    ] = False,
    batch: BatchOpt = None,
    json_out: JsonFlag = False,
) -> None:
    """Ask the policy a question; the answer cites its clauses and leaves a disclosure record."""
    if (question is None) == (batch is None):
        fail("give a QUESTION or --batch FILE (not both)", code=2, json_out=json_out, kind="usage")
    assistant = open_assistant(json_out)
    wanted = None if lang == "auto" else lang
    if batch is not None:

        def answer_row(row: dict) -> dict:
            conversation_id = row.get("conversation_id")
            question = as_text(row["question"])
            return answer_json(assistant.ask(question, conversation_id, wanted, consent))

        run_batch(batch, answer_row, json_out=json_out)
        return
    answer = assistant.ask(as_text(question), conversation, wanted, consent)
    if json_out:
        print_json(answer_json(answer))
        return
    console.print(answer.answer)
    for call in answer.tool_calls:
        if call.result is not None:
            data = call.result_json() or {}
            shown = {k: v for k, v in data.items() if k not in ("explanation", "clauses")}
            console.print(f"[dim]{call.name}: {json.dumps(shown, ensure_ascii=False)}[/dim]")
    for c in answer.citations:
        console.print(f"[bold]§{c.clause_id}[/bold] {c.section_title}")
        if answer.lang != "kk":
            console.print(f"  [dim]kk (official): {c.text['kk']}[/dim]")
    console.print(
        f"[dim]conversation {answer.conversation_id} · disclosure {answer.disclosure_id} "
        f"(policy-assistant disclosure statement {answer.disclosure_id})[/dim]"
    )
    if answer.status in ("refused", "error"):
        raise typer.Exit(2 if answer.status == "error" else 0)


@disclosure_app.command("statement")
def statement(
    ids: Annotated[list[str], typer.Argument(help="Disclosure id(s).")],
    lang: Annotated[str, typer.Option("--lang", help="kk, ru or en.")] = "en",
    json_out: JsonFlag = False,
) -> None:
    """A ready-to-paste section 19 disclosure statement for one or more answers."""
    from assistant.storage.repository import Repository
    from assistant.storage.statement import render_statement

    if not is_lang(lang):
        fail("--lang must be kk, ru or en", code=2, json_out=json_out, kind="usage")
    settings = configured(json_out)
    store = Repository.open(settings.database_url)
    records = store.get_disclosures(ids)
    missing = sorted(set(ids) - {r.id for r in records})
    if missing:
        fail(
            f"unknown disclosure id(s): {', '.join(missing)}",
            code=2,
            json_out=json_out,
            kind="not_found",
        )
    text = render_statement(records, lang, url=settings.assistant_link)
    if json_out:
        print_json({"lang": lang, "statement": text, "ids": [r.id for r in records]})
    else:
        print(text)


@disclosure_app.command("purge")
def purge(
    days: Annotated[
        float | None,
        typer.Option(help="Delete records older than this (default: POLICY_RETENTION_DAYS)."),
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Retention: delete disclosure records, messages and idle conversations older than N days."""
    from assistant.storage.repository import Repository

    settings = configured(json_out)
    if days is None:
        days = settings.retention_days
        if days is None:
            fail(
                "give --days N or set POLICY_RETENTION_DAYS",
                code=2,
                json_out=json_out,
                kind="usage",
            )
    if days < 0:
        fail("--days must be 0 or more", code=2, json_out=json_out, kind="usage")
    removed = Repository.open(settings.database_url).purge_older_than(days)
    if json_out:
        print_json({"days": days, "removed": removed})
    else:
        console.print(f"removed {removed} rows older than {days:g} days")


@disclosure_app.command("export")
def export(json_out: JsonFlag = True) -> None:
    """Every disclosure record as JSON lines (personal data: keep the output safe)."""
    from assistant.storage.repository import Repository

    for record in Repository.open(configured(json_out).database_url).export_disclosures():
        print_json(record.model_dump(mode="json"))
