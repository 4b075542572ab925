"""`policy-assistant tool ...`: the policy tools from the command line.

    tool list [--json] [--lang kk|ru|en]
    tool describe NAME [--lang ...]
    tool run NAME --args '{"r1": 72, "r2": 65, "exam": 48}' [--json] [--lang ...]
    tool run --batch cases.jsonl --json      # lines {"id", "tool", "inputs"}

Invalid input prints {"error": {"code", "message": {kk, ru, en}, "field"}} and exits 2.
A batch answers every line ({"id", "result"} or {"id", "error"}) and exits 0 once the
file was read; a line's error is data, not a failure of the batch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from corpus.languages import is_lang
from tools import registry
from tools.errors import ToolInputError

app = typer.Typer(
    help="Deterministic policy tools (grades, GPA, admission, credits...).", no_args_is_help=True
)

JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
LangOption = Annotated[
    str, typer.Option("--lang", help="Language of descriptions and explanations: kk, ru, en.")
]
EXIT_INVALID = 2


def _dump(data: Any, indent: int | None = 2) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (bytes a terminal could not decode)
        text = json.dumps(data, indent=indent)  # escaped: still the same JSON value
    return text


def _lang(lang: str) -> str:
    if not is_lang(lang):
        raise typer.BadParameter("use kk, ru or en", param_hint="--lang")
    return lang


def _fail(error: ToolInputError, json_out: bool, lang: str) -> None:
    if json_out:
        print(_dump({"error": error.to_dict()}))
    else:
        Console(stderr=True).print(f"[red]{error.code}[/red]: {error.message[lang]}")
    raise typer.Exit(EXIT_INVALID)


@app.command("list")
def list_tools(json_out: JsonFlag = False, lang: LangOption = "en") -> None:
    """List the tools with their descriptions and JSON schemas."""
    lang = _lang(lang)
    catalogue = registry.catalogue(lang)
    if json_out:
        print(_dump(catalogue))
        return
    table = Table("tool", "arguments", "description")
    for entry in catalogue:
        props = entry["parameters"].get("properties", {})
        required = set(entry["parameters"].get("required", []))
        args = ", ".join(f"{k}{'' if k in required else '?'}" for k in props)
        table.add_row(entry["name"], args, entry["description"])
    Console().print(table)


@app.command("describe")
def describe_tool(name: str, lang: LangOption = "en") -> None:
    """Print one tool's function-calling description (name, description, parameters)."""
    lang = _lang(lang)
    try:
        print(_dump(registry.describe(name, lang)))
    except ToolInputError as error:
        _fail(error, True, lang)


@app.command("run")
def run_tool(
    name: Annotated[str | None, typer.Argument(help="Tool name (see `tool list`).")] = None,
    args: Annotated[str, typer.Option("--args", help="Arguments as a JSON object.")] = "{}",
    batch: Annotated[
        Path | None,
        typer.Option("--batch", help='JSONL file ("-" for stdin) of {"id", "tool", "inputs"}.'),
    ] = None,
    json_out: JsonFlag = False,
    lang: LangOption = "en",
) -> None:
    """Run a tool on JSON arguments, or a whole batch of cases."""
    lang = _lang(lang)
    if batch is not None:
        _run_batch(batch, name, json_out, lang)
        return
    try:
        if name is None:
            raise ToolInputError.of("missing_argument", "name")
        arguments = _parse_object(args)
        result = registry.run(name, arguments)
    except ToolInputError as error:
        _fail(error, json_out, lang)
        return
    if json_out:
        print(_dump(result.to_json()))
        return
    console = Console()
    console.print(f"[bold]{name}[/bold]")
    data = result.to_json()
    table = Table("field", "value")
    for key, value in data.items():
        if key not in ("explanation", "clauses"):
            table.add_row(key, _dump(value, None))
    console.print(table)
    console.print(data["explanation"][lang])
    console.print(f"[dim]clauses: {', '.join(data['clauses'])}[/dim]")


def _parse_object(text: str) -> Any:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ToolInputError.of("invalid_json", "args", value=str(error)) from None
    except RecursionError:  # "[[[[..." nested deeper than the parser goes
        raise ToolInputError.of("invalid_json", "args", value="nested too deeply") from None
    if not isinstance(value, dict):
        raise ToolInputError.of("invalid_json", "args", value=_dump(value, None)[:80])
    return value


def _lines(path: Path) -> Iterator[str]:
    # Bytes that are not UTF-8 become U+FFFD: that line gets its own error, not the batch.
    if str(path) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            yield from sys.stdin
            return
        for raw in stream:
            yield raw.decode("utf-8", errors="replace")
        return
    with path.open(encoding="utf-8", errors="replace") as fh:
        yield from fh


def _answer(line: str, default_tool: str | None) -> dict[str, Any]:
    """One batch line in, one answer out: {"id", "result"} or {"id", "error"}."""
    case_id = None
    try:
        case = _parse_object(line)
        case_id = case.get("id")
        tool = case.get("tool", default_tool)
        if tool is None:
            raise ToolInputError.of("missing_argument", "tool")
        inputs = case.get("inputs", case.get("args", {}))
        return {"id": case_id, "result": registry.run(tool, inputs).to_json()}
    except ToolInputError as error:
        return {"id": case_id, "error": error.to_dict()}


def _run_batch(path: Path, default_tool: str | None, json_out: bool, lang: str) -> None:
    answers = []
    try:
        for line in _lines(path):
            if line.strip():
                answers.append(_answer(line, default_tool))
    except OSError as error:
        _fail(ToolInputError.of("unreadable_file", "batch", value=str(error)), json_out, lang)
    if json_out:
        for answer in answers:
            print(_dump(answer, None))
        return
    console = Console()
    for answer in answers:
        if "result" in answer:
            console.print(
                f"[green]ok[/green] {answer['id']}: {answer['result']['explanation'][lang]}"
            )
        else:
            error = answer["error"]
            console.print(f"[red]{error['code']}[/red] {answer['id']}: {error['message'][lang]}")
    failed = sum("error" in answer for answer in answers)
    console.print(f"{len(answers) - failed}/{len(answers)} ok")
