"""The `policy-assistant` command: one entry point for people and machines."""

from __future__ import annotations

import typer

from tools.cli import app as tool_app
from ui import cli_ask, cli_corpus, cli_db, cli_eval, cli_mcp, cli_report, cli_search
from ui.cli_serve import serve

app = typer.Typer(
    help="Policy Assistant for the EKTU Academic Policy AS 029-V-2025.", no_args_is_help=True
)
app.add_typer(cli_corpus.app, name="corpus")
app.add_typer(tool_app, name="tool")
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
