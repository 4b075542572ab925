"""The `policy-assistant` command: one entry point for people and machines."""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer.core import TyperGroup

from ui import cli_ask, cli_corpus, cli_db, cli_eval, cli_mcp, cli_report, cli_search
from ui.cli_serve import serve

# Command groups loaded when named: building the 15 tools' commands costs a quarter of a
# second that `policy-assistant search` should not pay.
LAZY_GROUPS = {"tool": "tools.cli:app"}


class Commands(TyperGroup):
    def list_commands(self, ctx: typer.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_GROUPS})

    def get_command(self, ctx: typer.Context, name: str) -> Any:
        if name in LAZY_GROUPS:
            module, _, attribute = LAZY_GROUPS[name].partition(":")
            group = typer.main.get_command(getattr(importlib.import_module(module), attribute))
            group.name = name
            return group
        return super().get_command(ctx, name)


app = typer.Typer(
    cls=Commands,
    help="Policy Assistant for the EKTU Academic Policy AS 029-V-2025.",
    no_args_is_help=True,
)
app.add_typer(cli_corpus.app, name="corpus")
app.add_typer(cli_eval.app, name="eval")
app.command("index")(cli_search.index)
app.command("search")(cli_search.search)
app.command("ask")(cli_ask.ask)
app.add_typer(cli_ask.disclosure_app, name="disclosure")
app.command("serve")(serve)
app.command("mcp")(cli_mcp.mcp)
app.add_typer(cli_db.app, name="db")
app.add_typer(cli_report.app, name="report")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
