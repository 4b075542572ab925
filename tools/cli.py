"""`policy-assistant tool ...`: the policy tools from the command line."""

import typer

app = typer.Typer(
    help="Deterministic policy tools (grades, GPA, admission, credits...).", no_args_is_help=True
)
