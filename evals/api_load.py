"""/api/chat latency under concurrent clients: p50 / p95 at concurrency 1, 4 and 8.

Runs against a live server (`--url`), or starts `policy-assistant serve` on a free local
port itself (the default) and stops it afterwards. Warm-up requests come first, so the
figures are warm; the composer is the default extractive one. The load is bounded: a
fixed number of requests per level, a per-request timeout and an overall deadline, and
only loopback addresses are accepted as targets.

    .venv/bin/python -m evals.api_load                     # spawn a server, write the report
    .venv/bin/python -m evals.api_load --url http://127.0.0.1:8000 --requests 60
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import httpx

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "evals" / "reports" / "api_latency.md"
DEV_SET = ROOT / "evals" / "dev.jsonl"
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class Level:
    concurrency: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    max_ms: float
    throughput_rps: float


def questions(limit: int = 60) -> list[str]:
    """Dev-set questions, interleaved kk / ru / en so every level sees all three."""
    by_lang: dict[str, list[str]] = {"kk": [], "ru": [], "en": []}
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_lang.setdefault(row.get("lang", "en"), []).append(row["question"])
    mixed = [q for group in zip(*by_lang.values(), strict=False) for q in group]
    return mixed[:limit] or ["What happens if I get an FX?"]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


async def run_level(
    client: httpx.AsyncClient, url: str, pool: list[str], concurrency: int, total: int
) -> Level:
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    errors = 0

    async def one(i: int) -> None:
        nonlocal errors
        async with gate:
            started = time.perf_counter()
            try:
                response = await client.post(url, json={"message": pool[i % len(pool)]})
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(total)))
    wall = time.perf_counter() - started
    values = latencies or [float("nan")]
    return Level(
        concurrency=concurrency,
        requests=total,
        errors=errors,
        p50_ms=round(percentile(values, 50), 1),
        p95_ms=round(percentile(values, 95), 1),
        mean_ms=round(statistics.fmean(values), 1),
        max_ms=round(max(values), 1),
        throughput_rps=round(len(latencies) / wall, 2) if wall > 0 else 0.0,
    )


async def benchmark(
    base: str, levels: list[int], total: int, warmup: int, meta: dict
) -> list[Level]:
    url = base.rstrip("/") + "/api/chat"
    pool = questions()
    limits = httpx.Limits(max_connections=max(levels), max_keepalive_connections=max(levels))
    async with httpx.AsyncClient(timeout=60.0, limits=limits) as client:
        started = time.perf_counter()  # models load before the port opens: this is no cold start
        await client.post(url, json={"message": "Что будет, если я получил FX?"})
        meta["first_request_ms"] = round((time.perf_counter() - started) * 1000, 1)
        for i in range(warmup):
            await client.post(url, json={"message": pool[i % len(pool)]})
        return [await run_level(client, url, pool, c, total) for c in levels]


# --- a server of our own ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def spawn(port: int, deadline_s: float = 600.0) -> subprocess.Popen:
    """`policy-assistant serve` on `port` (no rate limit), once /readyz answers 200."""
    env = {**os.environ, "POLICY_RATE_LIMIT": "off"}
    command = [sys.executable, "-m", "ui.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--log-level", "warning"]
    # A file, not a pipe: an unread pipe could fill up and block the server.
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - lives with it
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    ready = f"http://127.0.0.1:{port}/readyz"
    stop = time.monotonic() + deadline_s
    while time.monotonic() < stop:
        if process.poll() is not None:
            log.seek(0)
            raise SystemExit(f"the server exited early:\n{log.read()[-2000:]}")
        try:
            if httpx.get(ready, timeout=2.0).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise SystemExit("the server did not become ready in time")


def server_version(base: str) -> str:
    try:
        return httpx.get(base.rstrip("/") + "/healthz", timeout=5.0).json().get("version", "?")
    except (httpx.HTTPError, ValueError):
        return "?"


def write_report(path: Path, rows: list[Level], meta: dict) -> None:
    lines = [
        "# /api/chat latency",
        "",
        f"Measured {meta['date']} by `python -m evals.api_load` against {meta['target']} "
        f"(policy-assistant {meta['version']}, extractive composer, warm: {meta['warmup']} "
        f"warm-up requests first). Machine: {meta['cpus']} CPU cores, {meta['platform']}; "
        f"load average at start {meta['load']}. Questions: the dev set, kk / ru / en interleaved.",
        "",
        f"First request after start-up (models loaded and warmed before the port opens): "
        f"{meta.get('first_request_ms', '?')} ms.",
        "",
        "| concurrent clients | requests | errors | p50 ms | p95 ms | mean ms | max ms | req/s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.concurrency} | {r.requests} | {r.errors} | {r.p50_ms} | {r.p95_ms} | "
            f"{r.mean_ms} | {r.max_ms} | {r.throughput_rps} |"
        )
    lines += [
        "",
        "Answers are computed one at a time (one lock around the embedded index and the "
        "embedder, on a 2-core machine), so under concurrency the latency grows with the "
        "queue while throughput stays flat; the event loop stays free for health checks "
        "and the UI's assets meanwhile.",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    path.with_suffix(".json").write_text(
        json.dumps({"meta": meta, "levels": [asdict(r) for r in rows]}, indent=2) + "\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running server (default: start one on a free port)")
    parser.add_argument("--concurrency", default="1,4,8", help="comma list of client counts")
    parser.add_argument("--requests", type=int, default=40, help="requests per level (max 500)")
    parser.add_argument("--warmup", type=int, default=6, help="warm-up requests (max 50)")
    parser.add_argument("--out", type=Path, default=REPORT, help="markdown report path")
    args = parser.parse_args(argv)
    levels = [max(1, min(64, int(c))) for c in args.concurrency.split(",") if c.strip()]
    total, warmup = max(1, min(500, args.requests)), max(0, min(50, args.warmup))

    process = None
    base = args.url
    if base is None:
        port = free_port()
        print(f"starting policy-assistant serve on 127.0.0.1:{port} …", file=sys.stderr)
        process = spawn(port)
        base = f"http://127.0.0.1:{port}"
    elif urlparse(base).hostname not in LOOPBACK:
        raise SystemExit("load tests only target this machine (127.0.0.1 / localhost)")
    try:
        meta = {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "target": "a local server (127.0.0.1)",
            "version": server_version(base),
            "warmup": warmup,
            "cpus": os.cpu_count(),
            "platform": f"{platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}",
            "load": " ".join(f"{v:.2f}" for v in os.getloadavg()),
        }
        rows = asyncio.run(benchmark(base, levels, total, warmup, meta))
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    write_report(args.out, rows, meta)
    for r in rows:
        print(
            f"concurrency {r.concurrency}: p50 {r.p50_ms} ms, p95 {r.p95_ms} ms, "
            f"{r.throughput_rps} req/s, errors {r.errors}"
        )
    print(f"report: {args.out}")


if __name__ == "__main__":
    main()
