"""Answer-level metrics through `ask`: citations, tool numbers, refusals, safety probes.

- citation hit rate: a retrieval question whose citations include a clause whose Kazakh
  text holds a gold evidence string;
- tool accuracy: the expected tool was called and every expected field matches;
- declined: an unanswerable question answered as "not covered" (or refused);
- wrongly declined: an answerable question answered as "not covered";
- direct: the key numbers and terms of the required facts in the first two sentences
  (evals/replies.py), where the set gives them;
- bare list items: cited list items without their lead-in (must stay 0);
- invalid citations: any cited id that is not a corpus clause, or whose texts differ
  from the corpus (the assistant also validates each answer before returning it);
- probes: the abuse suite (evals/abuse.jsonl: injection, data disclosure, prompt leakage,
  misinformation, unbounded input in kk/ru/en) asked through `ask`, judged by evals/abuse.py.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.models import Answer
from corpus.languages import SLICES
from corpus.store import clauses_by_id
from evals.dataset import EvalItem
from evals.matching import contains_evidence
from evals.replies import bare_list_items, key_terms_found, reply_record
from indexing.search import SearchWeights

PROBES = Path(__file__).parent / "abuse.jsonl"  # the probes grew into the abuse suite
REFUSING = {"refused", "error", "not_covered"}


def values_match(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        try:
            return abs(float(expected) - float(actual)) < 1e-9
        except (TypeError, ValueError):
            return False
    if isinstance(expected, list) and isinstance(actual, list):
        return sorted(map(str, expected)) == sorted(map(str, actual))
    return expected == actual


def tool_ok(item: EvalItem, answer: Answer) -> bool:
    expected = item.expected or {}
    return any(
        call.name == item.tool
        and call.result is not None
        and all(values_match(v, (call.result_json() or {}).get(k)) for k, v in expected.items())
        for call in answer.tool_calls
    )


def invalid_citations(answer: Answer) -> list[str]:
    kk = clauses_by_id("kk")
    local = clauses_by_id(answer.lang)

    def valid(c) -> bool:
        if c.clause_id not in kk or c.text.get("kk") != kk[c.clause_id].text:
            return False
        return answer.lang not in c.text or c.text[answer.lang] == local[c.clause_id].text

    return [c.clause_id for c in answer.citations if not valid(c)]


def evaluate_answers(assistant, items: list[EvalItem]) -> dict:
    rows: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    invalid: list[str] = []
    failures: list[str] = []
    latencies: list[float] = []
    bare: list[str] = []
    replies: list[dict] = []
    for item in items:
        started = time.perf_counter()
        answer = assistant.ask(item.question)
        latencies.append((time.perf_counter() - started) * 1000)
        bad = invalid_citations(answer)
        invalid += [f"{item.id}:{cid}" for cid in bad]
        bare += [f"{item.id}:{cid}" for cid in bare_list_items(answer)]
        if item.kind != "tool":
            replies.append(reply_record(item, answer))
        if item.kind == "retrieval":
            ok = any(contains_evidence(c.text["kk"], item.gold) for c in answer.citations)
            rows["citation_hit"][item.lang].append(ok)
            rows["wrongly_declined"][item.lang].append(answer.status == "not_covered")
            found = key_terms_found(item, answer)
            if found is not None:
                rows["direct_key_terms"][item.lang].append(found)
        elif item.kind == "tool":
            ok = tool_ok(item, answer)
            rows["tool_accuracy"][item.lang].append(ok)
        else:
            ok = answer.status in REFUSING
            rows["declined"][item.lang].append(ok)
        if not ok:
            failures.append(item.id)
    metrics = {
        name: {
            **{lang: round(sum(v) / len(v), 4) for lang, v in per_lang.items()},
            "all": round(
                sum(sum(v) for v in per_lang.values()) / sum(map(len, per_lang.values())), 4
            ),
            "n": sum(map(len, per_lang.values())),
        }
        for name, per_lang in rows.items()
    }
    return {
        "metrics": metrics,
        "invalid_citations": invalid,
        "bare_list_items": bare,
        "replies": replies,
        "failures": failures,
        "ask_latency_ms_first_pass": round(statistics.median(latencies), 2),
    }


BLIND_SETS = {
    "blind tune": Path(__file__).parent / "questions" / "tune.jsonl",
    "blind test": Path(__file__).parent / "questions" / "test.jsonl",
    # written blind after the answer layer was tuned (issue 13's third round); reported only
    "blind holdout": Path(__file__).parent / "questions" / "holdout.jsonl",
    # written blind in the session that built the /v1 and MCP channels; reported only
    "blind holdout 2": Path(__file__).parent / "questions" / "holdout_2.jsonl",
    # written blind after holdout 2's reviews guided fixes; reported only
    "blind holdout 3": Path(__file__).parent / "questions" / "holdout_3.jsonl",
    # written blind in the session that moved search onto engine snapshots; reported only
    "blind holdout 4": Path(__file__).parent / "questions" / "holdout_4.jsonl",
    # written blind after holdout 4's reviews guided fixes; reported only
    "blind holdout 5": Path(__file__).parent / "questions" / "holdout_5.jsonl",
    # written blind after holdout 5's reviews guided fixes; reported only
    "blind holdout 6": Path(__file__).parent / "questions" / "holdout_6.jsonl",
    # written blind after holdout 6's reviews guided fixes; reported only
    "blind holdout 7": Path(__file__).parent / "questions" / "holdout_7.jsonl",
    # written blind after holdout 7's reviews guided fixes; reported only
    "blind holdout 8": Path(__file__).parent / "questions" / "holdout_8.jsonl",
}
BEFORE = SearchWeights(dense_more=0.0, sparse_more=0.0, cards=False, rrf_k=10)


def before_editorial(assistant):
    """The same assistant as it answered before the editorial layer: clause-text search
    only (the weights of then) and replies that quote without a direct answer."""
    from assistant.service import Assistant

    return Assistant(assistant.retriever.with_weights(BEFORE), direct_answers=False)


def run_probes(assistant, path: Path = PROBES) -> dict:
    """The abuse suite's cases asked through `ask` (evals/abuse.py judges them; its HTTP
    cases run in `policy-assistant eval abuse`)."""
    from evals.abuse import load_cases, run_suite

    report = run_suite(assistant, load_cases(path))
    results = [
        {"id": r["id"], "category": r["category"], "status": r["outcome"], "passed": r["passed"]}
        for r in report["results"]
    ]
    return {
        "passed": report["passed"],
        "total": report["total"],
        "rate": report["rate"],
        "results": results,
    }


def ask_latency(assistant, questions: list[str], repeats: int = 2) -> dict:
    """Warm `ask` latency: one warm-up pass, then `repeats` timed passes, each question
    new to the query-embedding cache (as a first asker finds it); `repeated` times the
    same questions asked again, their embeddings cached. `split`: where a timed answer's
    time goes (means, ms), so the embedding floor is visible beside the rest."""
    from evals.bench import percentiles

    cache = assistant.retriever.query_vectors
    for q in questions[:5]:
        assistant.ask(q)
    samples, repeated = [], []
    phases = _Phases()
    with phases.timing(assistant):
        for _ in range(repeats):
            for q in questions:
                cache.clear()
                phases.start()
                started = time.perf_counter()
                assistant.ask(q)
                samples.append(phases.stop((time.perf_counter() - started) * 1000))
                started = time.perf_counter()
                assistant.ask(q)
                repeated.append((time.perf_counter() - started) * 1000)
    return {**percentiles(samples), "repeated": percentiles(repeated), "split": phases.means()}


class _Phases:
    """Time spent inside the embedder, the search and the store during one `ask`, by
    wrapping those calls on the instances for the measurement only."""

    PARTS = ("embedding", "search", "reading and composing", "store")

    def __init__(self) -> None:
        self.current: dict[str, float] = {}
        self.totals: dict[str, float] = dict.fromkeys(self.PARTS, 0.0)
        self.count = 0

    @contextmanager
    def timing(self, assistant) -> Iterator[None]:
        targets = [
            (assistant.retriever.embedder, "embed_queries", "embedding"),
            (assistant.retriever, "search", "search"),
        ]
        if assistant.store is not None:
            targets.append((assistant.store, "record_answer", "store"))
        for owner, name, part in targets:
            setattr(owner, name, self._timed(getattr(owner, name), part))
        try:
            yield
        finally:
            for owner, name, _ in targets:
                delattr(owner, name)  # the class's own method again

    def _timed(self, call, part: str):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                spent = (time.perf_counter() - started) * 1000
                self.current[part] = self.current.get(part, 0.0) + spent

        return timed

    def start(self) -> None:
        self.current = {}

    def stop(self, total_ms: float) -> float:
        embedding = self.current.get("embedding", 0.0)
        search = self.current.get("search", 0.0) - embedding  # the search embeds the query
        store = self.current.get("store", 0.0)
        parts = {
            "embedding": embedding,
            "search": search,
            "reading and composing": total_ms - embedding - search - store,
            "store": store,
        }
        for part, spent in parts.items():
            self.totals[part] += spent
        self.count += 1
        return total_ms

    def means(self) -> dict[str, float]:
        return {p: round(t / max(self.count, 1), 2) for p, t in self.totals.items()}


def metrics_table(result: dict) -> list[str]:
    columns = [s for s in (*SLICES, "all") if any(s in m for m in result["metrics"].values())]
    lines = ["| metric | " + " | ".join(columns) + " | n |", "|---" * (len(columns) + 2) + "|"]
    for name, m in result["metrics"].items():
        cells = " | ".join(f"{m[c]:.2f}" if c in m else "–" for c in columns)
        lines.append(f"| {name} | {cells} | {m['n']} |")
    lines += [
        "",
        f"- invalid citations: {len(result['invalid_citations'])}",
        f"- bare list items cited without their lead-in: {len(result['bare_list_items'])}",
        f"- failures: {', '.join(result['failures']) or 'none'}",
    ]
    return lines


def markdown(
    result: dict, probes: dict, latency: dict, others: dict[str, dict] | None = None
) -> str:
    lines = ["# Answer evaluation (through `ask`, extractive composer)", ""]
    lines += ["## Development set", ""] + metrics_table(result)
    for title, found in (others or {}).items():
        lines += ["", f"## {title}", ""] + metrics_table(found)
    lines += [
        "",
        f"- injection and bad-input probes: {probes['passed']}/{probes['total']} passed",
        f"- warm `ask` latency ({latency['n']} calls): p50 {latency['p50']} ms, "
        f"p95 {latency['p95']} ms, p99 {latency['p99']} ms (each question new to the "
        f"query-embedding cache); asked again: p50 {latency['repeated']['p50']} ms, "
        f"p95 {latency['repeated']['p95']} ms",
        "- where a new question's time goes (mean ms): "
        + ", ".join(f"{part} {ms}" for part, ms in latency.get("split", {}).items()),
        "",
        "| probe | category | status | passed |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {r['id']} | {r['category']} | {r['status']} | {'yes' if r['passed'] else 'NO'} |"
        for r in probes["results"]
    ]
    return "\n".join(lines) + "\n"
