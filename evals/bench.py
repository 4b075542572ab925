"""Benchmarks on this machine: index build, search latency, CLI cold start, chat over
HTTP (/api and the OpenAI-compatible /v1, evals/channels.py), peak memory.

Timings are percentiles over repeated runs, measured in one process run so they can
be compared with each other; thresholds live here, not in unit tests.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from evals.dataset import DEV_SET, load_items
from indexing.build import build_index
from indexing.config import IndexSettings
from indexing.search import Retriever

REPORTS = Path(__file__).parent / "reports"
CLI = [sys.executable, "-m", "ui.cli"]


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]

    return {
        "n": len(ordered),
        "p50": round(statistics.median(ordered), 2),
        "p95": round(pick(0.95), 2),
        "p99": round(pick(0.99), 2),
        "max": round(ordered[-1], 2),
    }


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _run_cli(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (ms) and peak RSS (MiB) of one CLI process."""
    started = time.perf_counter()
    proc = subprocess.run(CLI + args, env=env, capture_output=True, text=True, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {proc.stderr[-500:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, usage.ru_maxrss // 1024


def run_benchmarks(
    settings: IndexSettings, repeats: int = 3, cold_build: bool = True, channels: bool = True
) -> dict:
    questions = [i.question for i in load_items(DEV_SET)]
    env = {**os.environ, "POLICY_DATA_DIR": str(settings.data_dir)}
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}

    if cold_build:
        scratch = Path(tempfile.mkdtemp(prefix="bench-index-"))
        try:
            cold = replace(settings, data_dir=scratch)
            results["index_cold_s"] = round(_timed(lambda: build_index(cold)) / 1000, 2)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    build_index(settings)  # make sure the measured index is complete
    results["index_incremental_ms"] = percentiles(
        [_timed(lambda: build_index(settings)) for _ in range(repeats + 2)]
    )

    retriever = Retriever(replace(settings, query_cache=0))  # every query embedded, as new
    try:
        for q in questions[:5]:
            retriever.search(q)  # warm-up
        samples = [
            _timed(lambda q=q: retriever.search(q)) for _ in range(repeats) for q in questions
        ]
        results["search_warm_api_ms"] = percentiles(samples)
    finally:
        retriever.close()

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for i, q in enumerate(questions):
            fh.write(json.dumps({"id": i, "question": q}, ensure_ascii=False) + "\n")
        batch_file = fh.name
    one = Path(batch_file).with_suffix(".one.jsonl")
    one.write_text(json.dumps({"id": 0, "question": questions[0]}, ensure_ascii=False) + "\n")
    try:
        single = [
            _run_cli(["search", "--batch", str(one), "--json"], env)[0] for _ in range(repeats)
        ]
        full = [
            _run_cli(["search", "--batch", batch_file, "--json"], env)[0] for _ in range(repeats)
        ]
        per_query = [(f - statistics.median(single)) / (len(questions) - 1) for f in full]
        results["search_cli_batch"] = {
            "queries": len(questions),
            "total_ms": percentiles(full),
            "per_query_ms_amortised": round(statistics.median(per_query), 2),
        }
        cold_runs = [_run_cli(["search", questions[0], "--json"], env) for _ in range(repeats)]
        results["cli_cold_start_ms"] = percentiles([t for t, _ in cold_runs])
        results["cli_peak_rss_mib"] = max(m for _, m in cold_runs)
    finally:
        os.unlink(batch_file)
        one.unlink(missing_ok=True)
    if channels:
        from evals.channels import measure_channels

        results["chat_channels"] = measure_channels(settings, repeats=repeats)
    results["bench_process_peak_rss_mib"] = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    )
    return results


def markdown(results: dict) -> str:
    lines = ["# Benchmarks", "", f"Machine: {results['machine']}", ""]
    if "index_cold_s" in results:
        lines.append(
            "- index build, cold (a fresh data folder; vectors from the shipped seed, the rest "
            f"embedded): **{results['index_cold_s']} s**"
        )
    inc = results["index_incremental_ms"]
    lines.append(f"- index re-run, nothing changed: p50 {inc['p50']} ms, p95 {inc['p95']} ms")
    api = results["search_warm_api_ms"]
    lines.append(
        f"- search, warm, Python API ({api['n']} queries): p50 {api['p50']} ms, "
        f"p95 {api['p95']} ms, p99 {api['p99']} ms"
    )
    batch = results["search_cli_batch"]
    lines.append(
        f"- search, CLI batch of {batch['queries']}: total p50 {batch['total_ms']['p50']} ms, "
        f"{batch['per_query_ms_amortised']} ms per query (start-up excluded)"
    )
    cold = results["cli_cold_start_ms"]
    lines.append(f"- one CLI search, cold process: p50 {cold['p50']} ms, p95 {cold['p95']} ms")
    if "chat_channels" in results:
        ch = results["chat_channels"]
        api, v1 = ch["api_chat_ms"], ch["v1_chat_ms"]
        first, whole = ch["v1_stream_first_content_ms"], ch["v1_stream_total_ms"]
        lines.append(
            f"- chat over HTTP, warm, one live server ({api['n']} each, alternating): "
            f"/api/chat p50 {api['p50']} ms, p95 {api['p95']} ms; /v1/chat/completions "
            f"p50 {v1['p50']} ms, p95 {v1['p95']} ms (**{ch['v1_over_api_p50']} ×** /api at p50)"
        )
        lines.append(
            f"- /v1 streaming: first content delta p50 {first['p50']} ms, p95 {first['p95']} ms; "
            f"whole stream p50 {whole['p50']} ms"
        )
    lines.append(
        f"- peak memory: CLI search {results['cli_peak_rss_mib']} MiB; "
        f"benchmark process (index build + search) {results['bench_process_peak_rss_mib']} MiB"
    )
    return "\n".join(lines) + "\n"


def write_report(results: dict, out_dir: Path = REPORTS) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "benchmarks.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    path = out_dir / "benchmarks.md"
    path.write_text(markdown(results), encoding="utf-8")
    return path
