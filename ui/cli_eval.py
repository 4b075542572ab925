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
    blind_sets: Annotated[
        bool,
        typer.Option(
            "--blind/--no-blind", help="Also the blind policy-question sets of evals/questions/."
        ),
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """Recall@1, Recall@5, MRR@10 per language for BM25, dense and hybrid, each editorial
    channel left out, and the answer cards; on the development set and the blind sets."""
    from evals.answers import BLIND_SETS
    from evals.dataset import EvalSetError, load_items
    from evals.report import REPORTS, retrieval_report
    from ui.cli_search import open_retriever

    sets = {
        "development set" if question_set is None else str(question_set): _load(
            question_set, json_out
        )
    }
    try:
        if blind_sets:
            sets |= {f"{name} set": load_items(path) for name, path in BLIND_SETS.items()}
    except EvalSetError as error:
        fail(str(error), 2, json_out, "bad_set")
    retriever = open_retriever(json_out)
    data = retrieval_report(sets, retriever, ablations=ablations, out_dir=out or REPORTS)
    if json_out:
        print_json(data)
        return
    for name, found in data.items():
        cells = "  ".join(
            f"{lang}: R@5 {m['recall@5']:.2f} MRR {m['mrr@10']:.3f}"
            for lang, m in found["main"]["hybrid"].items()
        )
        console.print(f"{name}: {cells}")
    console.print(f"report: {(out or REPORTS) / 'retrieval.md'}")


@app.command("bench")
def bench(
    out: OutOpt = None,
    repeats: Annotated[int, typer.Option(min=1, help="Repetitions of each measurement.")] = 3,
    cold: Annotated[
        bool, typer.Option(help="Also time a cold index build (about 1-2 min).")
    ] = True,
    channels: Annotated[
        bool, typer.Option(help="Also time chat over HTTP: /api/chat beside /v1 (about 1 min).")
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """Index build, search latency percentiles, CLI cold start, chat channels, peak memory."""
    from evals.bench import REPORTS, markdown, run_benchmarks, write_report

    settings = configured(json_out).index()
    results = run_benchmarks(settings, repeats=repeats, cold_build=cold, channels=channels)
    path = write_report(results, out or REPORTS)
    if json_out:
        print_json(results)
    else:
        console.print(markdown(results))
        console.print(f"report: {path}")


@app.command("engines")
def engines(
    out: OutOpt = None,
    repeats: Annotated[int, typer.Option(min=1, help="Passes over the questions.")] = 3,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Clause hits compared.")] = 10,
    edge: Annotated[
        bool, typer.Option("--edge/--no-edge", help="Also Qdrant Edge (qdrant-edge-py).")
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """The search step alone (candidate lists and their fusion, embedding excluded) on the
    numpy engine, Qdrant's query API and Qdrant Edge, over the development and blind sets:
    latency, load, memory, and whether the answers agree (evals/reports/engines.md)."""
    from rich.markup import escape

    from evals.dataset import EvalSetError
    from evals.engines import (
        EDGE_HINT,
        REPORTS,
        compare_engines,
        edge_available,
        markdown,
        question_sets,
        write_report,
    )
    from ui.console import progress_bar, start_failures

    settings = configured(json_out).index()
    try:
        sets = question_sets()
    except EvalSetError as error:
        fail(str(error), 2, json_out, "bad_set")
    if edge and not edge_available():
        console.print(f"[yellow]note:[/yellow] {escape(EDGE_HINT)}", soft_wrap=True)
        edge = False
    with (
        start_failures(json_out),
        progress_bar("timing search backends", enabled=not json_out) as advance,
    ):
        results = compare_engines(settings, sets, repeats=repeats, k=k, edge=edge, progress=advance)
    path = write_report(results, out or REPORTS)
    if json_out:
        print_json(results)
    else:
        console.print(markdown(results), markup=False)  # ids in brackets are not markup
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
    blind_sets: Annotated[
        bool,
        typer.Option(
            "--blind/--no-blind",
            help="Also ask the blind policy-question sets of evals/questions/ (before and "
            "after the editorial layer; replies written to evals/judged/ for reviewers).",
        ),
    ] = True,
    json_out: JsonFlag = False,
) -> None:
    """Citation hit rate, tool accuracy, refusals, probes, warm `ask` latency, and tool
    requests in people's own words (evals/reports/answers.md, phrasings.md)."""
    import json

    from evals import phrasings as phrasing_sets
    from evals.answers import (
        BLIND_SETS,
        ask_latency,
        before_editorial,
        evaluate_answers,
        markdown,
        run_probes,
    )
    from evals.dataset import EvalSetError, load_items
    from evals.replies import JUDGED, write_replies
    from evals.report import REPORTS
    from ui.cli_ask import open_assistant

    items = _load(question_set, json_out)
    try:
        sets = {name: phrasing_sets.load(path) for name, path in phrasing_sets.SETS.items()}
        blind = {name: load_items(path) for name, path in BLIND_SETS.items()} if blind_sets else {}
    except (phrasing_sets.PhrasingSetError, EvalSetError) as error:
        fail(str(error), 2, json_out, "bad_set")
    assistant = open_assistant(json_out)
    before = before_editorial(assistant)
    result = evaluate_answers(assistant, items)
    others = {"Development set, before the editorial layer": evaluate_answers(before, items)}
    for name, blind_items in blind.items():
        others[f"{name.capitalize()} set"] = found = evaluate_answers(assistant, blind_items)
        write_replies(JUDGED / f"replies-{name.replace(' ', '-')}.jsonl", found["replies"])
        others[f"{name.capitalize()} set, before the editorial layer"] = evaluate_answers(
            before, blind_items
        )
    probes = run_probes(assistant)
    latency = ask_latency(assistant, [i.question for i in items])
    folder = out or REPORTS
    folder.mkdir(parents=True, exist_ok=True)
    data = {**result, "others": others, "probes": probes, "ask_latency_ms": latency}
    for found in (data, *others.values()):  # reply texts go to evals/judged/, not here
        found.pop("replies", None)
    (folder / "answers.json").write_text(json.dumps(data, indent=2, ensure_ascii=False))
    report = markdown(result, probes, latency, others)
    (folder / "answers.md").write_text(report, encoding="utf-8")
    phrasing_report = ""
    if phrasings:
        found = {half: phrasing_sets.evaluate(assistant, s) for half, s in sets.items()}
        data["phrasings"] = {half: r["summary"] for half, r in found.items()}
        (folder / "phrasings.json").write_text(json.dumps(found, indent=2, ensure_ascii=False))
        phrasing_report = phrasing_sets.markdown(found)
        (folder / "phrasings.md").write_text(phrasing_report, encoding="utf-8")
    if json_out:
        print_json(data)
    else:
        console.print(report)
        console.print(phrasing_report)


@app.command("judged")
def judged(out: OutOpt = None) -> None:
    """Summarise the reviewers' scores of the replies (evals/judged/judgments-*.jsonl) into
    evals/reports/judged.md."""
    from evals.replies import judgment_files, judgments_markdown
    from evals.report import REPORTS

    if not judgment_files():
        fail("no reviewer scores in evals/judged/ (judgments-<set>-<reviewer>.jsonl)", 2)
    folder = out or REPORTS
    folder.mkdir(parents=True, exist_ok=True)
    report = judgments_markdown()
    (folder / "judged.md").write_text(report, encoding="utf-8")
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
    """Prompt injection and abuse (OWASP LLM Top 10) in kk/ru/en through `ask`, the API and
    /v1; writes evals/reports/abuse.md and abuse.json; exit 1 if any case fails."""
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
