"""`policy-assistant corpus ...`: build, check and inspect the clause corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ui.console import JsonFlag, console, print_json

app = typer.Typer(help="Build, check and inspect the clause corpus.", no_args_is_help=True)
CorrectionsOpt = Annotated[
    list[Path] | None, typer.Option(help="Extra segmentation corrections (YAML) to merge.")
]


@app.command("build")
def build(
    source: Annotated[
        Path | None, typer.Option(help="Source text (default: shared/source).")
    ] = None,
    corrections: CorrectionsOpt = None,
) -> None:
    """Rebuild kk.jsonl from the official Kazakh source."""
    from corpus.build import DEFAULT_SOURCE, DOC_DIR, build, write_jsonl

    result = build(source or DEFAULT_SOURCE, extra_corrections=corrections or [])
    write_jsonl(result.clauses, DOC_DIR / "kk.jsonl")
    console.print(f"wrote {len(result.clauses)} clauses to {DOC_DIR / 'kk.jsonl'}")


@app.command("preview")
def preview(
    sections: Annotated[list[int], typer.Option("--section", "-s", help="Section number(s).")],
    corrections: CorrectionsOpt = None,
    json_out: JsonFlag = False,
) -> None:
    """Show the clauses the parser makes for some sections, without writing anything."""
    from corpus.build import build

    for clause in build(extra_corrections=corrections or []).clauses:
        if clause.section not in sections:
            continue
        if json_out:
            print_json(clause.model_dump(mode="json", exclude_none=True))
            continue
        lines = clause.source_lines or ("-", "-")
        parent = f" parent={clause.parent}" if clause.parent else ""
        head = f"[{clause.id}] {clause.kind.value} lines {lines[0]}-{lines[1]}{parent}"
        print(f"{head}\n{clause.text}\n")


@app.command("check")
def check(json_out: JsonFlag = False) -> None:
    """Run every corpus check; exit 1 when one fails."""
    from corpus.checks import run_checks

    report = run_checks()
    if json_out:
        print(report.model_dump_json(indent=2))
    else:
        table = Table("check", "ok", "details")
        for result in report.checks:
            status = "[green]ok[/green]" if result.ok else "[red]FAIL[/red]"
            table.add_row(result.name, status, "\n".join(result.details[:10]))
        console.print(table)
        for key, value in report.figures.items():
            console.print(f"{key}: {value}")
    if not report.ok:
        raise typer.Exit(1)


@app.command("summary")
def summary(json_out: JsonFlag = False) -> None:
    """Clause counts per section and language."""
    from corpus.store import corpus_summary

    data = corpus_summary()
    if json_out:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console.print(
        f"[bold]{data['title']}[/bold] ({data['code']}, approved {data['approval_date']})"
    )
    table = Table("§", "title (kk)", *data["languages"])
    for row in data["sections"]:
        counts = (str(row["counts"][lang]) for lang in data["languages"])
        table.add_row(str(row["section"]), row["title"], *counts)
    console.print(table)
