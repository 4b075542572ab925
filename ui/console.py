"""Shared bits of the command line: output helpers and progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from ui.settings import Settings

console = Console(stderr=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
BatchOpt = Annotated[
    Path | None,
    typer.Option(help="JSONL file with lines {id, question}.", exists=True, dir_okay=False),
]


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: escaped, the same JSON value
        text = json.dumps(data)
    sys.stdout.write(text + "\n")


def as_text(value: Any) -> Any:
    """Text as the user meant it: bytes a terminal could not decode (Python's surrogate
    escapes in argv) and lone surrogates from JSON escapes become U+FFFD."""
    if not isinstance(value, str):
        return value
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def fail(message: str, code: int = 1, json_out: bool = False, kind: str = "error") -> None:
    """Print a clear error (JSON on stdout when asked) and exit."""
    if json_out:
        print_json({"error": {"code": kind, "message": message}})
    else:
        console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


@contextmanager
def start_failures(json_out: bool = False) -> Iterator[None]:
    """What stops a command from starting and a person can fix (no index, no database,
    an unusable setting) as one clear line and exit code 1, never a traceback."""
    from assistant.storage.errors import StorageUnavailable
    from indexing.errors import IndexUnavailable

    try:
        yield
    except IndexUnavailable as exc:
        fail(str(exc), json_out=json_out, kind="index_unavailable")
    except StorageUnavailable as exc:
        fail(str(exc), json_out=json_out, kind="storage_unavailable")
    except ValueError as exc:  # e.g. an unknown POLICY_EMBEDDER
        fail(str(exc), json_out=json_out, kind="configuration")


def configured(json_out: bool = False) -> Settings:
    """The deployment's settings (ui.settings); a malformed variable exits 2, naming it."""
    from ui.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        fail(str(exc), code=2, json_out=json_out, kind="configuration")
        raise  # not reached: fail() exits


@contextmanager
def progress_bar(description: str, enabled: bool = True) -> Iterator:
    """Yields an `advance(n, total)` callback drawing a bar on stderr; when stderr is a log
    (not a terminal), a line when the work starts and at every tenth of it instead."""
    if not enabled:
        yield lambda n, total: None
        return
    if not sys.stderr.isatty():
        yield _progress_lines(description)
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=None)

        def advance(n: int, total: int) -> None:
            progress.update(task, total=total, advance=n)

        yield advance


def _progress_lines(description: str) -> Callable[[int, int], None]:
    done, shown = 0, -1

    def advance(n: int, total: int) -> None:
        nonlocal done, shown
        done += n
        tenth = (10 * done // total) if total else 0
        if tenth != shown:
            shown = tenth
            print(f"{description}: {done}/{total}", file=sys.stderr, flush=True)

    return advance


BAD_LINE = (json.JSONDecodeError, RecursionError, KeyError, TypeError, AttributeError)


def run_batch(
    path: Path,
    answer: Callable[[dict], dict],
    errors: tuple[type[Exception], ...] = (),
    json_out: bool = True,
) -> None:
    """One JSON line out per input line {id, ...}: the answer with the input's id, or an
    error naming the line; a bad line (bytes that are not UTF-8 read as U+FFFD) never
    stops the batch. An unreadable file is a usage error (exit 2)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}", 2, json_out, "unreadable_file")
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            result = answer(row)
        except (*BAD_LINE, *errors) as exc:
            print_json({"id": _row_id(line), "error": {"line": line_no, "message": str(exc)}})
            continue
        print_json({"id": row.get("id"), **result})


def _row_id(line: str):
    try:
        return json.loads(line).get("id")
    except BAD_LINE:
        return None
