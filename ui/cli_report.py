"""`policy-assistant report gaps`: what the assistant could not answer, for the policy's owners.

    policy-assistant report gaps                          # Markdown, every answer stored
    policy-assistant report gaps --since 2025-09-01 --format csv > gaps.csv
    policy-assistant report gaps --format json --chart declined.png --lang kk

The database is DATABASE_URL (or the SQLite file in POLICY_DATA_DIR), or --url. Question
text appears only where the user consented to keeping it (section 19); otherwise counts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from corpus.languages import is_lang
from ui.console import configured, console, fail

app = typer.Typer(help="Reports for the policy's owners.", no_args_is_help=True)


def parse_since(value: str | None) -> datetime | None:
    """YYYY-MM-DD → midnight UTC of that day; ValueError for anything else."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"--since must be a date as YYYY-MM-DD, not {value!r}") from None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@app.command("gaps")
def gaps(
    since: Annotated[
        str | None, typer.Option("--since", help="Only answers from this day on (YYYY-MM-DD).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, json or csv.")] = "md",
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Also write a PNG bar chart of declined topics per week."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Headings and titles: kk, ru or en.")] = "en",
    top: Annotated[int, typer.Option("--top", help="How many most-cited clauses to list.")] = 20,
    url: Annotated[
        str | None,
        typer.Option("--url", help="SQLAlchemy URL (default: DATABASE_URL or the SQLite file)."),
    ] = None,
) -> None:
    """Questions declined as not covered, answers voted down, tool calls stopped for
    missing input and the clauses cited most, by frequency and language."""
    from assistant.gaps import gaps_report
    from assistant.storage.errors import StorageUnavailable
    from assistant.storage.repository import Repository
    from ui.gaps_render import FORMATS, render

    json_out = fmt == "json"
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}", code=2, kind="usage")
    if not is_lang(lang):
        fail("--lang must be kk, ru or en", code=2, json_out=json_out, kind="usage")
    if top < 0:
        fail("--top must be 0 or more", code=2, json_out=json_out, kind="usage")
    try:
        start = parse_since(since)
    except ValueError as exc:
        fail(str(exc), code=2, json_out=json_out, kind="usage")
    target = url or configured(json_out).database_url
    try:
        store = Repository.open(target)
        try:
            report = gaps_report(store, since=start, top_cited=top)
        finally:
            store.close()
    except StorageUnavailable as exc:
        fail(str(exc), json_out=json_out, kind="storage_unavailable")
    if chart is not None:
        from ui.gaps_chart import declined_chart_png

        try:
            chart.write_bytes(declined_chart_png(report, lang))
        except OSError as exc:
            fail(
                f"cannot write {chart}: {exc.strerror or exc}",
                json_out=json_out,
                kind="unwritable_file",
            )
        console.print(f"[dim]chart written to {chart}[/dim]")
    text = render(report, fmt, lang)  # type: ignore[arg-type]
    print(text if text.endswith("\n") else text + "\n", end="")
