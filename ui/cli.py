"""The `policy-assistant` command: one entry point for people and machines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tools.cli import app as tool_app

app = typer.Typer(
    help="Policy Assistant for the EKTU Academic Policy AS 029-V-2025.", no_args_is_help=True
)
corpus_app = typer.Typer(help="Build, check and inspect the clause corpus.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
app.add_typer(tool_app, name="tool")
console = Console()

JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


@corpus_app.command("build")
def corpus_build(
    source: Annotated[
        Path | None, typer.Option(help="Source text (default: ../shared/source).")
    ] = None,
    corrections: Annotated[
        list[Path] | None, typer.Option(help="Extra segmentation corrections (YAML) to merge.")
    ] = None,
) -> None:
    """Rebuild kk.jsonl from the official Kazakh source."""
    from corpus.build import DEFAULT_SOURCE, DOC_DIR, build, write_jsonl

    result = build(source or DEFAULT_SOURCE, extra_corrections=corrections or [])
    write_jsonl(result.clauses, DOC_DIR / "kk.jsonl")
    console.print(f"wrote {len(result.clauses)} clauses to {DOC_DIR / 'kk.jsonl'}")


@corpus_app.command("preview")
def corpus_preview(
    sections: Annotated[list[int], typer.Option("--section", "-s", help="Section number(s).")],
    corrections: Annotated[
        list[Path] | None, typer.Option(help="Extra segmentation corrections (YAML) to merge.")
    ] = None,
    json_out: JsonFlag = False,
) -> None:
    """Show the clauses the parser makes for some sections, without writing anything."""
    from corpus.build import build

    result = build(extra_corrections=corrections or [])
    for clause in result.clauses:
        if clause.section not in sections:
            continue
        if json_out:
            print(json.dumps(clause.model_dump(mode="json", exclude_none=True), ensure_ascii=False))
        else:
            lines = clause.source_lines or ("-", "-")
            parent = f" parent={clause.parent}" if clause.parent else ""
            head = f"[{clause.id}] {clause.kind.value} lines {lines[0]}-{lines[1]}{parent}"
            print(f"{head}\n{clause.text}\n")


@corpus_app.command("check")
def corpus_check(json_out: JsonFlag = False) -> None:
    """Run every corpus check; exit 1 when one fails."""
    from corpus.checks import run_checks

    report = run_checks()
    if json_out:
        print(report.model_dump_json(indent=2))
    else:
        table = Table("check", "ok", "details")
        for check in report.checks:
            status = "[green]ok[/green]" if check.ok else "[red]FAIL[/red]"
            table.add_row(check.name, status, "\n".join(check.details[:10]))
        console.print(table)
        for key, value in report.figures.items():
            console.print(f"{key}: {value}")
    if not report.ok:
        raise typer.Exit(1)


@corpus_app.command("summary")
def corpus_summary(json_out: JsonFlag = False) -> None:
    """Clause counts per section and language."""
    from corpus.store import corpus_summary as summarize

    summary = summarize()
    if json_out:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    console.print(
        f"[bold]{summary['title']}[/bold] ({summary['code']}, approved {summary['approval_date']})"
    )
    table = Table("§", "title (kk)", *summary["languages"])
    for row in summary["sections"]:
        table.add_row(
            str(row["section"]),
            row["title"],
            *(str(row["counts"][lang]) for lang in summary["languages"]),
        )
    console.print(table)


@app.command("serve")
def serve() -> None:
    """Run the product on its embedded defaults (for now: the corpus summary)."""
    corpus_summary(json_out=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
