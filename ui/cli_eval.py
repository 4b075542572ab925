"""`policy-assistant eval ...`: question-set metrics and reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ui.console import JsonFlag, configured, console, fail, print_json

app = typer.Typer(help="Evaluate on a question set and write reports.", no_args_is_help=True)
SetOpt = Annotated[Path | None, typer.Option("--set", help="Question set (JSONL); default: dev.")]
OutOpt = Annotated[
    Path | None, typer.Option("--out", help="Report folder (default evals/reports).")
]


def _load(question_set: Path | None, json_out: bool):
    """The question set, or a clear error naming the file and line (exit 2)."""
    from evals.dataset import DEV_SET, EvalSetError, load_items

    try:
        return load_items(question_set or DEV_SET)
    except EvalSetError as error:
        fail(str(error), 2, json_out, "bad_set")


@app.command("retrieval")
def retrieval(
    question_set: SetOpt = None,
    out: OutOpt = None,
    ablations: Annotated[
        bool, typer.Option(help="Also run the analyzer/context ablations.")
    ] = False,
    json_out: JsonFlag = False,
) -> None:
    """Recall@1, Recall@5, MRR@10 per language for BM25, dense and hybrid."""
    from evals.report import REPORTS, retrieval_report
    from ui.cli_search import open_retriever

    items = _load(question_set, json_out)
    retriever = open_retriever(json_out)
    data = retrieval_report(items, retriever, ablations=ablations, out_dir=out or REPORTS)
    if json_out:
        print_json(data)
        return
    for mode, per_lang in data["main"].items():
        cells = "  ".join(
            f"{lang}: R@1 {m['recall@1']:.2f} R@5 {m['recall@5']:.2f} MRR {m['mrr@10']:.3f}"
            for lang, m in per_lang.items()
        )
        console.print(f"{mode:7} {cells}")
    console.print(f"report: {(out or REPORTS) / 'retrieval.md'}")


@app.command("bench")
def bench(
    out: OutOpt = None,
    repeats: Annotated[int, typer.Option(min=1, help="Repetitions of each measurement.")] = 3,
    cold: Annotated[
        bool, typer.Option(help="Also time a cold index build (about 1-2 min).")
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """Index build, search latency percentiles, CLI cold start and peak memory."""
    from evals.bench import REPORTS, markdown, run_benchmarks, write_report

    settings = configured(json_out).index()
    results = run_benchmarks(settings, repeats=repeats, cold_build=cold)
    path = write_report(results, out or REPORTS)
    if json_out:
        print_json(results)
    else:
        console.print(markdown(results))
        console.print(f"report: {path}")


@app.command("answers")
def answers(
    question_set: SetOpt = None,
    out: OutOpt = None,
    phrasings: Annotated[
        bool,
        typer.Option(
            "--phrasings/--no-phrasings",
            help="Also ask the tool-request sets of evals/phrasings/ (tune, test, holdout).",
        ),
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """Citation hit rate, tool accuracy, refusals, probes, warm `ask` latency, and tool
    requests in people's own words (evals/reports/answers.md, phrasings.md)."""
    import json

    from evals import phrasings as phrasing_sets
    from evals.answers import ask_latency, evaluate_answers, markdown, run_probes
    from evals.report import REPORTS
    from ui.cli_ask import open_assistant

    items = _load(question_set, json_out)
    try:
        sets = {name: phrasing_sets.load(path) for name, path in phrasing_sets.SETS.items()}
    except phrasing_sets.PhrasingSetError as error:
        fail(str(error), 2, json_out, "bad_set")
    assistant = open_assistant(json_out)
    result = evaluate_answers(assistant, items)
    probes = run_probes(assistant)
    latency = ask_latency(assistant, [i.question for i in items])
    folder = out or REPORTS
    folder.mkdir(parents=True, exist_ok=True)
    data = {**result, "probes": probes, "ask_latency_ms": latency}
    (folder / "answers.json").write_text(json.dumps(data, indent=2, ensure_ascii=False))
    (folder / "answers.md").write_text(markdown(result, probes, latency), encoding="utf-8")
    report = ""
    if phrasings:
        found = {half: phrasing_sets.evaluate(assistant, s) for half, s in sets.items()}
        data["phrasings"] = {half: r["summary"] for half, r in found.items()}
        (folder / "phrasings.json").write_text(json.dumps(found, indent=2, ensure_ascii=False))
        report = phrasing_sets.markdown(found)
        (folder / "phrasings.md").write_text(report, encoding="utf-8")
    if json_out:
        print_json(data)
    else:
        console.print(markdown(result, probes, latency))
        console.print(report)


@app.command("abuse")
def abuse(
    suite: Annotated[
        Path | None,
        typer.Option("--set", help="Abuse cases (JSONL); default: evals/abuse.jsonl."),
    ] = None,
    out: OutOpt = None,
    api: Annotated[
        bool, typer.Option("--api/--no-api", help="Also run the HTTP cases (in-process app).")
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """Prompt injection and abuse (OWASP LLM Top 10) in kk/ru/en through `ask` and the API;
    writes evals/reports/abuse.md and abuse.json; exit 1 if any case fails."""
    from fastapi.testclient import TestClient

    from evals.abuse import SUITE, World, load_cases, run_suite, write_reports
    from evals.report import REPORTS
    from ui.api import create_app
    from ui.api.settings import ApiSettings
    from ui.cli_ask import open_assistant

    cases = load_cases(suite or SUITE)
    assistant = open_assistant(json_out)
    world = World()
    if api:
        settings = ApiSettings(admin_token=world.admin_token, rate_limit=None, ui=False)
        with TestClient(create_app(assistant, settings)) as client:
            report = run_suite(assistant, cases, world, client)
    else:
        report = run_suite(assistant, cases, world)
    path = write_reports(report, out or REPORTS)
    if json_out:
        print_json(report)
    else:
        console.print(f"passed {report['passed']}/{report['total']} ({report['rate']:.0%})")
        for group in ("by_lang", "by_owasp"):
            cells = "  ".join(
                f"{key}: {r['passed']}/{r['total']}" for key, r in report[group].items()
            )
            console.print(f"  {cells}")
        for r in report["results"]:
            if not r["passed"]:
                console.print(f"[red]{r['id']}[/red] {r['outcome']}: {'; '.join(r['reasons'])}")
        console.print(f"report: {path}")
    if report["passed"] < report["total"]:
        raise typer.Exit(1)
