"""Load test: mixed chat / search / tool traffic against `serve --workers N` on 127.0.0.1.

For each worker count it starts `policy-assistant serve --workers N` on a free loopback
port (rate limit off, UI off), waits for /readyz, warms up, and then runs a bounded async
client at each concurrency level: a fixed number of requests, a per-request timeout, an
overall deadline. It reports throughput, p50 / p95 / p99 latency and errors per level,
and the resident memory of every process of the server. Only loopback targets are allowed.

    .venv/bin/python -m evals.load                                  # workers 1,2 x 1,8,32,64
    .venv/bin/python -m evals.load --workers 2 --concurrency 1,8 --requests 80
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "evals" / "reports" / "load.md"
DEV_SET = ROOT / "evals" / "dev.jsonl"
# Ten requests in this order, repeated: half chat, three searches, two tool runs.
MIX = ("chat", "search", "chat", "tool", "search", "chat", "chat", "search", "tool", "chat")
TRAFFIC = {"mixed": MIX, "chat": ("chat",)}


@dataclass
class Request:
    kind: str
    method: str
    path: str
    body: dict | None = None
    params: dict | None = None


@dataclass
class Level:
    workers: int
    concurrency: int
    requests: int
    errors: int
    rejected: int  # 429: deliberate refusals, counted apart from errors
    throughput_rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    by_kind_p50_ms: dict[str, float] = field(default_factory=dict)


@dataclass
class Memory:
    workers: int
    parent_mib: float
    worker_mib: list[float]  # resident now, per worker process
    worker_peak_mib: list[float]  # high-water mark per worker process


def traffic(mix: tuple[str, ...] = MIX) -> list[Request]:
    """The dev set as requests: questions for chat and search, tool cases for tools."""
    rows = [json.loads(line) for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    questions = [r["question"] for r in rows]
    tools = [(r["tool"], r["inputs"]) for r in rows if r.get("kind") == "tool" and r.get("tool")]
    plan: list[Request] = []
    for i in range(max(len(questions), 1) * 2):
        kind = mix[i % len(mix)]
        question = questions[i % len(questions)]
        if kind == "chat":
            plan.append(Request(kind, "POST", "/api/chat", body={"message": question}))
        elif kind == "search":
            plan.append(Request(kind, "GET", "/api/search", params={"q": question, "k": 5}))
        else:
            name, inputs = tools[i % len(tools)]
            plan.append(Request(kind, "POST", f"/api/tools/{name}", body=inputs))
    return plan


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


async def run_level(
    client: httpx.AsyncClient, plan: list[Request], workers: int, concurrency: int, total: int
) -> Level:
    gate = asyncio.Semaphore(concurrency)
    latencies: dict[str, list[float]] = {}
    errors = rejected = 0

    async def one(i: int) -> None:
        nonlocal errors, rejected
        request = plan[i % len(plan)]
        async with gate:
            started = time.perf_counter()
            try:
                response = await client.request(
                    request.method, request.path, json=request.body, params=request.params
                )
                status = response.status_code
            except httpx.HTTPError:
                status = 0
            elapsed = (time.perf_counter() - started) * 1000
        if status == 200:
            latencies.setdefault(request.kind, []).append(elapsed)
        elif status == 429:
            rejected += 1
        else:
            errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(total)))
    wall = time.perf_counter() - started
    every = [v for values in latencies.values() for v in values] or [float("nan")]
    return Level(
        workers=workers,
        concurrency=concurrency,
        requests=total,
        errors=errors,
        rejected=rejected,
        throughput_rps=round(len(every) / wall, 1) if wall > 0 else 0.0,
        p50_ms=round(percentile(every, 50), 1),
        p95_ms=round(percentile(every, 95), 1),
        p99_ms=round(percentile(every, 99), 1),
        max_ms=round(max(every), 1),
        by_kind_p50_ms={k: round(percentile(v, 50), 1) for k, v in sorted(latencies.items())},
    )


async def measure(
    base: str, workers: int, levels: list[int], total: int, warmup: int, mix: tuple[str, ...] = MIX
) -> list[Level]:
    plan = traffic(mix)
    limits = httpx.Limits(max_connections=max(levels), max_keepalive_connections=max(levels))
    async with httpx.AsyncClient(base_url=base, timeout=60.0, limits=limits) as client:
        # Warm every worker: the kernel spreads new connections over them.
        await run_level(client, plan, workers, max(levels), warmup)
        return [await run_level(client, plan, workers, c, total) for c in levels]


# --- a server of our own ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_in_thread(app, deadline_s: float = 60.0) -> Iterator[str]:
    """`app` behind a real uvicorn server in a thread of this process, on a free loopback
    port, lifespan included: yields its base URL (no trailing slash), stops it after."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + deadline_s
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the in-process server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def spawn(
    port: int,
    workers: int,
    *,
    ui: bool = False,
    env: dict[str, str] | None = None,
    log: IO[str] | None = None,
    deadline_s: float = 600.0,
) -> subprocess.Popen:
    """`policy-assistant serve --workers N` on `port`, rate limit off, in a process group
    of its own (see `stop`); returned once every worker is up and /readyz answers 200.

    `log` (opened for writing and reading) gets the server's output; by default a
    temporary file, not a pipe, which an unread pipe could fill up and block the server.
    """
    environ = {**os.environ, "POLICY_RATE_LIMIT": "off", **(env or {})}
    command = [sys.executable, "-m", "ui.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning"]
    if not ui:
        command.append("--no-ui")
    if log is None:
        log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - lives with it
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server exited early:\n{log.read()[-3000:]}")
        if len(worker_pids(process.pid)) >= workers and ready(port):
            return process
        time.sleep(0.5)
    stop(process)
    raise RuntimeError(f"serve --workers {workers} did not become ready in {deadline_s:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the server's whole process group (manager and workers), then SIGKILL."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:  # already gone
        pass


def ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def worker_pids(parent: int) -> list[int]:
    """With one worker the parent serves; with several, uvicorn's spawned children do."""
    spawned = [
        pid
        for pid in children(parent)
        if b"spawn_main" in _read(f"/proc/{pid}/cmdline") and not _tracker(pid)
    ]
    return spawned or [parent]


def _tracker(pid: int) -> bool:
    return b"resource_tracker" in _read(f"/proc/{pid}/cmdline")


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def rss_mib(pid: int, key: str = "VmRSS") -> float:
    for line in _read(f"/proc/{pid}/status").decode().splitlines():
        if line.startswith(key + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def memory(parent: int, workers: int) -> Memory:
    pids = worker_pids(parent)
    return Memory(
        workers=workers,
        parent_mib=rss_mib(parent) if pids != [parent] else 0.0,
        worker_mib=[rss_mib(pid) for pid in pids],
        worker_peak_mib=[rss_mib(pid, "VmHWM") for pid in pids],
    )


# --- the report ----------------------------------------------------------------------------


def write_report(path: Path, rows: list[Level], memories: list[Memory], meta: dict) -> None:
    lines = [
        "# Load: chat, search and tool traffic against `serve --workers N`",
        "",
        f"Measured {meta['date']} by `python -m evals.load` on 127.0.0.1 "
        f"(policy-assistant {meta['version']}, extractive composer, embedded Qdrant (with "
        f"several workers, a read-only copy in each), SQLite WAL database, rate limit off, "
        f"UI off). Machine: "
        f"{meta['cpus']} CPU cores, {meta['platform']}; load average at start {meta['load']}. "
        f"Traffic: the dev set's questions and tool cases, in the repeating mix "
        f"{'/'.join(meta.get('mix', MIX))}; {meta['requests']} requests per level after "
        f"{meta['warmup']} warm-up requests. Query-embedding cache per worker: "
        f"{meta.get('query_cache', 0) or 'off'} (off: every question costs its embedding).",
        "",
        "| workers | clients | requests | errors | 429 | req/s | p50 ms | p95 ms | p99 ms "
        "| max ms | p50 chat / search / tool ms |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        kinds = " / ".join(str(r.by_kind_p50_ms.get(k, "-")) for k in ("chat", "search", "tool"))
        lines.append(
            f"| {r.workers} | {r.concurrency} | {r.requests} | {r.errors} | {r.rejected} | "
            f"{r.throughput_rps} | {r.p50_ms} | {r.p95_ms} | {r.p99_ms} | {r.max_ms} | {kinds} |"
        )
    lines += [
        "",
        "Memory after the run (resident MiB; peak in brackets):",
        "",
        "| workers | parent (process manager) | each worker |",
        "|---:|---:|---|",
    ]
    for m in memories:
        each = ", ".join(
            f"{now} ({peak})" for now, peak in zip(m.worker_mib, m.worker_peak_mib, strict=True)
        )
        parent = m.parent_mib if m.workers > 1 else "(serves itself)"
        lines.append(f"| {m.workers} | {parent} | {each} |")
    lines += ["", "Where throughput flattens and why:", "", *meta.get("notes", []), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    path.with_suffix(".json").write_text(
        json.dumps(
            {
                "meta": meta,
                "levels": [asdict(r) for r in rows],
                "memory": [asdict(m) for m in memories],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )


def flattening(rows: list[Level], cpus: int) -> list[str]:
    """Where more clients stop buying throughput, per worker count, and the best level."""
    notes = []
    for workers in sorted({r.workers for r in rows}):
        levels = sorted((r for r in rows if r.workers == workers), key=lambda r: r.concurrency)
        flat = next(
            (
                a
                for a, b in zip(levels, levels[1:], strict=False)
                if b.throughput_rps < a.throughput_rps * 1.1
            ),
            None,
        )
        where = (
            f"stops growing past {_plural(flat.concurrency, 'client')}"
            if flat
            else "still grows at the highest level run"
        )
        notes.append(f"- {_plural(workers, 'worker')}: throughput {where}.")
    best = max(rows, key=lambda r: r.throughput_rps)
    notes.append(
        f"- Highest throughput: {best.throughput_rps} req/s ({best.workers} workers, "
        f"{best.concurrency} clients). Each worker answers one request at a time (one lock "
        f"around its embedder and index copy) and an answer is CPU work (query embedding, "
        f"BM25 analysis, fusion, composing), so throughput is bounded by CPU cores "
        f"({cpus} here): past that, more clients only lengthen the queue and the latency."
    )
    return notes


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _int_list(text: str, low: int, high: int) -> list[int]:
    return [max(low, min(high, int(v))) for v in text.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2", help="comma list of worker counts")
    parser.add_argument("--concurrency", default="1,8,32,64", help="comma list of client counts")
    parser.add_argument("--requests", type=int, default=200, help="requests per level (max 2000)")
    parser.add_argument("--warmup", type=int, default=40, help="warm-up requests (max 200)")
    parser.add_argument("--out", type=Path, default=REPORT, help="markdown report path")
    parser.add_argument(
        "--traffic", choices=sorted(TRAFFIC), default="mixed", help="chat only, or the mix"
    )
    parser.add_argument(
        "--query-cache",
        type=int,
        default=0,
        help="query embeddings each worker keeps (POLICY_QUERY_CACHE); 0, the default, makes "
        "every repeated dev question cost its embedding, as a new question does",
    )
    args = parser.parse_args(argv)
    worker_counts = _int_list(args.workers, 1, 8)
    levels = _int_list(args.concurrency, 1, 64)
    total, warmup = max(1, min(2000, args.requests)), max(0, min(200, args.warmup))

    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "version": "?",
        "requests": total,
        "warmup": warmup,
        "cpus": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "load": " ".join(f"{v:.2f}" for v in os.getloadavg()),
        "mix": TRAFFIC[args.traffic],
        "query_cache": args.query_cache,
    }
    rows: list[Level] = []
    memories: list[Memory] = []
    for workers in worker_counts:
        port = free_port()
        print(f"starting serve --workers {workers} on 127.0.0.1:{port} …", file=sys.stderr)
        try:
            process = spawn(port, workers, env={"POLICY_QUERY_CACHE": str(args.query_cache)})
        except RuntimeError as exc:
            raise SystemExit(str(exc)) from None
        base = f"http://127.0.0.1:{port}"
        try:
            meta["version"] = httpx.get(base + "/healthz", timeout=5).json().get("version", "?")
            measured = asyncio.run(
                measure(base, workers, levels, total, warmup, TRAFFIC[args.traffic])
            )
            memories.append(memory(process.pid, workers))
        finally:
            stop(process)
        rows += measured
        for r in measured:
            print(
                f"workers {workers} clients {r.concurrency}: {r.throughput_rps} req/s, "
                f"p50 {r.p50_ms} p95 {r.p95_ms} p99 {r.p99_ms} ms, errors {r.errors}",
                file=sys.stderr,
            )
    meta["notes"] = flattening(rows, os.cpu_count() or 1)
    write_report(args.out, rows, memories, meta)
    print(f"report: {args.out}")


if __name__ == "__main__":
    main()
