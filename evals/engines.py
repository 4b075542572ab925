"""Search backends side by side: the numpy engine, Qdrant's query API and Qdrant Edge.

The per-answer cost issue asks that sparse and fused retrieval cost close to nothing next
to the query embedding, and that the options be measured before one is chosen. Every
question of the evaluation sets becomes its candidate lists once, exactly as
`Retriever.search` builds them (the embedding and the analysis happen there and stay out
of the timings). Each backend then runs the same clause lists (weighted RRF, top k) and
card lists (RRF, CARD_CANDIDATES), as the search does, and returns what the search reads:
payloads, fused scores and the vectors its cosines need.

- engine: `LocalEngine` (indexing/engine.py), what the embedded index searches through;
- qdrant: `query_points` with prefetches and RRF, what `Retriever(engine=False)` does: on
  Qdrant's local (embedded) mode, or on the server when QDRANT_URL is set;
- edge: qdrant-edge-py, Qdrant's Rust engine in-process, on a shard built in a temporary
  folder from the same points (vectors, sparse vectors with the IDF modifier, payloads)
  and queried with the same prefetches and weighted RRF; edge-batch sends the clause and
  card queries of a question as one `query_batch`.

The backends take turns question by question, so they share the machine's state. Results
are compared by the ids and order of the top k clauses and of the cards; where they
differ, each candidate list is fetched alone from every backend, so a difference can be
traced to the lists (their scores, or the order of equal scores) or to the fusion.
"""

from __future__ import annotations

import gc
import json
import math
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.bench import percentiles
from evals.dataset import DEV_SET, EvalItem, load_items
from indexing.config import IndexSettings
from indexing.documents import CARD_QUESTIONS, DENSE_MORE, dense_name
from indexing.embedders import Embedder, get_embedder
from indexing.engine import ListQuery, LocalEngine, Scored
from indexing.errors import IndexUnavailable
from indexing.search import CANDIDATES, CARD_CANDIDATES, Retriever

if TYPE_CHECKING:
    from qdrant_client import QdrantClient

REPORTS = Path(__file__).parent / "reports"
QUESTIONS = Path(__file__).parent / "questions"
EDGE_PACKAGE = "qdrant-edge-py"
EDGE_HINT = (
    f"{EDGE_PACKAGE} is not installed, so Qdrant Edge is not measured: "
    "pip install 'policy-assistant[engines]'"
)
WARMUP = 10  # questions each backend answers right after loading (part of its RSS)
EXAMPLES = 5  # differing questions kept per pair of backends
REFERENCE = "engine"
# Scores equal within float32 rounding (Edge scores and fuses in float32).
REL_TOL, ABS_TOL = 1e-5, 1e-6

Hits = list[tuple[dict[str, Any], float, Any]]  # (payload, fused score, vectors)
Found = tuple[Hits, Hits]  # clause hits, card hits: what Retriever._local returns
Ranked = list[tuple[str, float]]  # (clause or card id, score), best first
Progress = Callable[[int, int], None]  # (advance, total)


@dataclass(frozen=True)
class Case:
    """One question's candidate lists, built once and run by every backend."""

    set_name: str
    question: str
    lang: str
    lists: list[tuple[ListQuery, float]]
    card_lists: list[ListQuery]

    @property
    def all_lists(self) -> list[ListQuery]:
        return [query for query, _ in self.lists] + self.card_lists


@dataclass
class Backend:
    name: str
    label: str
    search: Callable[[Case, int], Found]
    lists: Callable[[Case], list[Ranked]]  # each candidate list alone (not timed)
    load_s: float | None = None  # opening or loading what it searches
    build_s: float | None = None  # making it from the live collection, where that is apart
    rss_mib: float | None = None  # resident memory added by the load and a warm-up pass
    notes: list[str] = field(default_factory=list)


def edge_available() -> bool:
    try:
        import qdrant_edge  # noqa: F401
    except ImportError:
        return False
    return True


def question_sets() -> dict[str, list[EvalItem]]:
    """The development set and every blind set under evals/questions/, by file name."""
    sets = {"dev": load_items(DEV_SET)}
    for path in sorted(QUESTIONS.glob("*.jsonl")):
        sets[path.stem] = load_items(path)
    return sets


class _ListRecorder(Retriever):
    """`Retriever.search` up to where it hands its lists to the engine: the production
    lists (weights, glossary expansions, analyzer) recorded instead of searched."""

    recorded: tuple[list[tuple[ListQuery, float]], list[ListQuery]] | None = None

    def _local(self, engine, lists, card_lists, k):
        self.recorded = (list(lists), list(card_lists))
        return [], []


def build_cases(
    settings: IndexSettings,
    embedder: Embedder,
    sets: dict[str, list[EvalItem]],
    on_case: Callable[[], None] | None = None,
) -> tuple[list[Case], list[float]]:
    """Every question's lists, and how long building them took (embedding included, no
    query cache): the cost the search step is to be small beside."""
    empty = LocalEngine("", [], {}, {}, {})  # never searched: the recorder stops before
    recorder = _ListRecorder(replace(settings, query_cache=0), embedder=embedder, snapshot=empty)
    cases: list[Case] = []
    took: list[float] = []
    for set_name, items in sets.items():
        for item in items:
            recorder.recorded = None
            started = time.perf_counter()
            result = recorder.search(item.question)
            took.append((time.perf_counter() - started) * 1000)
            if recorder.recorded is not None:  # None: no list at all (nothing to search)
                lists, card_lists = recorder.recorded
                cases.append(Case(set_name, item.question, result.lang, lists, card_lists))
            if on_case:
                on_case()
    return cases, took


# --- backends -----------------------------------------------------------------------------


def _key(payload: dict[str, Any] | None) -> str:
    payload = payload or {}
    return str(payload.get("clause_id") or payload.get("card_id"))


def _engine_backend(retriever: Retriever, engine: LocalEngine) -> Backend:
    def search(case: Case, k: int) -> Found:
        return retriever._local(engine, case.lists, case.card_lists, k)

    def lists(case: Case) -> list[Ranked]:
        return [
            [(_key(engine.payloads[s.row]), s.score) for s in engine.ranked(query, CANDIDATES)]
            for query in case.all_lists
        ]

    return Backend(REFERENCE, "LocalEngine (numpy)", search, lists)


def _qdrant_backend(retriever: Retriever, collection: str, label: str) -> Backend:
    """The two `query_points` calls of `Retriever(engine=False)`, on the same lists."""
    client = retriever.client

    def search(case: Case, k: int) -> Found:
        points = retriever._query(case.lists, k, case.lang, True)
        cards = retriever._cards(case.card_lists, True) if case.card_lists else []
        return points, cards

    def lists(case: Case) -> list[Ranked]:
        out = []
        for query in case.all_lists:
            response = client.query_points(
                collection,
                query=query.dense if query.dense is not None else query.sparse.to_qdrant(),
                using=query.using,
                limit=CANDIDATES,
                with_payload=["clause_id", "card_id"],
            )
            out.append([(_key(p.payload), p.score) for p in response.points])
        return out

    return Backend("qdrant", label, search, lists)


class EdgeIndex:
    """A Qdrant Edge shard holding the live collection's points, searched as Qdrant is."""

    def __init__(self, shard: Any, rrf_k: int) -> None:
        self.shard = shard
        self.rrf_k = rrf_k

    @staticmethod
    def build(client: QdrantClient, collection: str, folder: Path) -> None:
        """Create the shard from the collection's configuration and every point (read
        through the public scroll API), flush it and close it."""
        import qdrant_edge as qe

        params = client.get_collection(collection).config.params
        maxsim = qe.MultiVectorConfig(qe.MultiVectorComparator.MaxSim)
        vectors = {
            name: qe.EdgeVectorParams(
                size=p.size,
                distance=getattr(qe.Distance, p.distance.value),
                multivector_config=maxsim if p.multivector_config else None,
            )
            for name, p in (params.vectors or {}).items()
        }
        sparse = {
            name: qe.EdgeSparseVectorParams(
                modifier=qe.Modifier.Idf if p.modifier and p.modifier.value == "idf" else None
            )
            for name, p in (params.sparse_vectors or {}).items()
        }
        shard = qe.EdgeShard.create(
            str(folder), qe.EdgeConfig(vectors=vectors, sparse_vectors=sparse)
        )
        try:
            offset = None
            while True:
                points, offset = client.scroll(
                    collection, limit=256, offset=offset, with_payload=True, with_vectors=True
                )
                shard.update(qe.UpdateOperation.upsert_points([_edge_point(p) for p in points]))
                if offset is None:
                    break
            shard.optimize()  # nothing to do under the indexing threshold: plain and exact
            shard.flush()
        finally:
            shard.close()

    @classmethod
    def load(cls, folder: Path, rrf_k: int) -> EdgeIndex:
        import qdrant_edge as qe

        return cls(qe.EdgeShard.load(str(folder)), rrf_k)

    def requests(self, case: Case, k: int) -> list[Any]:
        """The clause query (weighted RRF) and, where there are card lists, the card query
        (plain RRF), with the payload fields and vectors `Retriever._query`/`_cards` ask."""
        import qdrant_edge as qe

        clause = qe.QueryRequest(
            limit=k,
            prefetches=[_edge_prefetch(q) for q, _ in case.lists],
            query=qe.Fusion.Rrf(k=self.rrf_k, weights=[weight for _, weight in case.lists]),
            with_payload=["clause_id", "section"],
            with_vector=[dense_name(case.lang), DENSE_MORE],
        )
        if not case.card_lists:
            return [clause]
        cards = qe.QueryRequest(
            limit=CARD_CANDIDATES,
            prefetches=[_edge_prefetch(q) for q in case.card_lists],
            query=qe.Fusion.Rrf(k=self.rrf_k),
            with_payload=["card_id", "clauses"],
            with_vector=[CARD_QUESTIONS],
        )
        return [clause, cards]

    def search(self, case: Case, k: int) -> Found:
        found = [_hits(self.shard.query(request)) for request in self.requests(case, k)]
        return found[0], found[1] if len(found) > 1 else []

    def search_batch(self, case: Case, k: int) -> Found:
        import qdrant_edge as qe

        answers = self.shard.query_batch(qe.QueryBatchRequest(self.requests(case, k)))
        found = [_hits(points) for points in answers]
        return found[0], found[1] if len(found) > 1 else []

    def lists(self, case: Case) -> list[Ranked]:
        import qdrant_edge as qe

        out = []
        for query in case.all_lists:
            request = qe.QueryRequest(
                limit=CANDIDATES,
                query=_edge_prefetch(query).query,
                with_payload=["clause_id", "card_id"],
            )
            out.append([(_key(p.payload), p.score) for p in self.shard.query(request)])
        return out

    def close(self) -> None:
        self.shard.close()


def _edge_point(point: Any) -> Any:
    import qdrant_edge as qe

    named = point.vector if isinstance(point.vector, dict) else {}
    vector = {
        name: qe.SparseVector(list(v.indices), list(v.values)) if hasattr(v, "indices") else v
        for name, v in named.items()
    }
    return qe.Point(id=str(point.id), vector=vector, payload=point.payload or {})


def _edge_prefetch(query: ListQuery) -> Any:
    import qdrant_edge as qe

    vector = (
        query.dense
        if query.dense is not None
        else qe.SparseVector(list(query.sparse.indices), list(query.sparse.values))
    )
    return qe.Prefetch(limit=CANDIDATES, query=qe.Query.Nearest(vector, using=query.using))


def _hits(points: list[Any]) -> Hits:
    return [(p.payload or {}, p.score, p.vector) for p in points]


# --- measuring ----------------------------------------------------------------------------


def rss_mib() -> float | None:
    """This process's resident memory now (Linux /proc), None where it cannot be read."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


class _Load:
    """Times a backend's load and, with a warm-up pass, the resident memory it adds."""

    def __enter__(self) -> _Load:
        gc.collect()
        self.rss = rss_mib()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = round(time.perf_counter() - self.started, 3)

    def added(self, backend: Backend, cases: list[Case], k: int) -> float | None:
        for case in cases[:WARMUP]:
            backend.search(case, k)
        gc.collect()
        after = rss_mib()
        return round(after - self.rss, 1) if after is not None and self.rss is not None else None


def compare_engines(
    settings: IndexSettings,
    sets: dict[str, list[EvalItem]] | None = None,
    repeats: int = 3,
    k: int = 10,
    edge: bool = True,
    client: QdrantClient | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> dict:
    """Time and compare the backends on the evaluation sets' questions. A `client` given
    (an open index, e.g. a test's) is used as it is and its opening is not measured."""
    from indexing.qdrant import live_collection, open_client

    sets = sets if sets is not None else question_sets()
    load_average = _load_average()
    total = sum(len(items) for items in sets.values()) * (repeats + 2)

    def step() -> None:
        if progress:
            progress(1, total)

    embedder = embedder or get_embedder(settings.embedder)
    cases, lists_ms = build_cases(settings, embedder, sets, on_case=step)
    edge = edge and edge_available()
    own_client = client is None
    scratch = Path(tempfile.mkdtemp(prefix="edge-shard-"))
    edge_index: EdgeIndex | None = None
    try:
        with _Load() as opening:  # local mode reads every point into Python objects
            client = client or open_client(settings)
        live = live_collection(client, settings.collection)
        if live is None:
            raise IndexUnavailable(
                f"no index '{settings.collection}' yet: run `policy-assistant index`"
            )
        retriever = Retriever(settings, embedder=embedder, client=client, engine=False)
        label = "Qdrant server" if settings.qdrant_url else "Qdrant local mode"
        qdrant = _qdrant_backend(retriever, live, f"{label}, query_points")
        if own_client:
            qdrant.load_s, qdrant.rss_mib = opening.seconds, opening.added(qdrant, cases, k)
        else:
            qdrant.notes.append("an index already open: its opening is not measured")

        with _Load() as loading:  # read once from the live collection, as Retriever does
            engine = LocalEngine.from_client(client, live)
        local = _engine_backend(retriever, engine)
        local.load_s, local.rss_mib = loading.seconds, loading.added(local, cases, k)
        local.notes.append(_snapshot_load(settings, live))
        backends = [local, qdrant]
        if edge:
            edge_index = _edge_backends(client, live, scratch, retriever, backends, cases, k)

        timings: dict[str, list[float]] = {b.name: [] for b in backends}
        passes: dict[str, list[list[Found]]] = {b.name: [] for b in backends}
        for _ in range(repeats):
            for backend in backends:
                passes[backend.name].append([])
            for case in cases:
                for backend in backends:
                    started = time.perf_counter()
                    result = backend.search(case, k)
                    timings[backend.name].append((time.perf_counter() - started) * 1000)
                    passes[backend.name][-1].append(result)
                step()
        lists: dict[str, list[list[Ranked]]] = {b.name: [] for b in backends}
        for case in cases:
            for backend in backends:
                lists[backend.name].append(backend.lists(case))
            step()
    finally:
        if edge_index is not None:
            edge_index.close()
        shutil.rmtree(scratch, ignore_errors=True)
        if own_client and client is not None:
            client.close()
    runs = Runs(cases, timings, passes, lists, retriever.weights.rrf_k, k, load_average)
    return _results(sets, runs, backends, repeats, edge, live, engine.rows, lists_ms)


def _edge_backends(
    client: QdrantClient,
    live: str,
    scratch: Path,
    retriever: Retriever,
    backends: list[Backend],
    cases: list[Case],
    k: int,
) -> EdgeIndex:
    """Build the shard (timed apart), then load it as a deployment would (timed, RSS)."""
    folder = scratch / "shard"
    started = time.perf_counter()
    EdgeIndex.build(client, live, folder)
    build_s = round(time.perf_counter() - started, 3)
    with _Load() as loading:
        index = EdgeIndex.load(folder, retriever.weights.rrf_k)
    edge = Backend("edge", "qdrant-edge, query (clauses, cards)", index.search, index.lists)
    edge.load_s, edge.build_s = loading.seconds, build_s
    edge.rss_mib = loading.added(edge, cases, k)
    files = [path.stat() for path in folder.rglob("*") if path.is_file()]
    used = sum(f.st_blocks * 512 for f in files) / 2**20  # sparse, preallocated files
    size = sum(f.st_size for f in files) / 2**20
    edge.notes.append(f"the shard's files: {used:.1f} MiB on disk ({size:.1f} MiB apparent)")
    batch = Backend("edge-batch", "qdrant-edge, one query_batch", index.search_batch, index.lists)
    batch.load_s, batch.build_s = edge.load_s, edge.build_s
    batch.notes.append("the same shard as edge (its load and memory)")
    backends += [edge, batch]
    return index


def _snapshot_load(settings: IndexSettings, live: str) -> str:
    """How long the saved copy of the live generation takes to load (workers, cold CLI)."""
    from indexing.replica import current_replica

    path = current_replica(settings)
    if path is None or path.stem != live:
        return "no saved snapshot of the live generation to time"
    started = time.perf_counter()
    LocalEngine.load(path)
    return f"loaded from its snapshot file instead: {time.perf_counter() - started:.3f} s"


# --- comparing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Runs:
    """What the backends answered: every pass of the search, and each list alone."""

    cases: list[Case]
    timings: dict[str, list[float]]
    passes: dict[str, list[list[Found]]]
    lists: dict[str, list[list[Ranked]]]
    rrf_k: int
    k: int
    load_average: str  # at the start: other work on the machine skews the timings


def _load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def same_up_to_ties(mine: Ranked, theirs: Ranked) -> bool:
    """The same points with the same scores, in any order among equal scores; a point only
    one side holds ties with that side's last one (the list was cut inside a tie)."""
    if len(mine) != len(theirs) or (mine and not _close(mine[-1][1], theirs[-1][1])):
        return False
    ours, others = dict(mine), dict(theirs)
    for point in ours.keys() | others.keys():
        if point in ours and point in others:
            if not _close(ours[point], others[point]):
                return False
        else:
            score, last = (
                (ours[point], mine[-1][1]) if point in ours else (others[point], theirs[-1][1])
            )
            if not _close(score, last):
                return False
    return True


def _order(ranked: Ranked) -> list[str]:
    return [point for point, _ in ranked]


def _ranked(found: Found) -> tuple[Ranked, Ranked]:
    points, cards = found
    return [(_key(p), s) for p, s, _ in points], [(_key(p), s) for p, s, _ in cards]


def _ids(found: Found) -> tuple[list[str], list[str]]:
    clauses, cards = _ranked(found)
    return _order(clauses), _order(cards)


def _fused(case: Case, lists: list[Ranked], rrf_k: int, k: int) -> tuple[Ranked, Ranked]:
    """`LocalEngine.fuse` over a backend's own lists: what its fusion should return."""
    rows: dict[str, int] = {}
    keys: list[str] = []

    def scored(ranked: Ranked) -> list[Scored]:
        out = []
        for key, score in ranked:
            if key not in rows:
                rows[key] = len(keys)
                keys.append(key)
            out.append(Scored(rows[key], score))
        return out

    clause_lists = [scored(r) for r in lists[: len(case.lists)]]
    card_lists = [scored(r) for r in lists[len(case.lists) :]]
    weights = [weight for _, weight in case.lists]
    clauses = LocalEngine.fuse(clause_lists, weights, rrf_k, k)
    cards = LocalEngine.fuse(card_lists, [1.0] * len(card_lists), rrf_k, CARD_CANDIDATES)
    return [(keys[s.row], s.score) for s in clauses], [(keys[s.row], s.score) for s in cards]


def _agreement(runs: Runs, mine: str, theirs: str) -> dict:
    """How far two backends' answers agree, and where the differences come from."""
    same = ties = lists_same = lists_ties = lists_total = explained = 0
    score_diff = 0.0
    examples = []
    first = runs.passes[mine][0], runs.passes[theirs][0]
    for at, (case, ours, others) in enumerate(zip(runs.cases, *first, strict=True)):
        our_lists, their_lists = runs.lists[mine][at], runs.lists[theirs][at]
        exact = [_order(a) == _order(b) for a, b in zip(our_lists, their_lists, strict=True)]
        tied = [same_up_to_ties(a, b) for a, b in zip(our_lists, their_lists, strict=True)]
        lists_same, lists_ties = lists_same + sum(exact), lists_ties + sum(tied)
        lists_total += len(exact)
        fused = _ranked(ours), _ranked(others)
        ties += all(same_up_to_ties(a, b) for a, b in zip(*fused, strict=True))
        if _ids(ours) == _ids(others):
            same += 1
            pairs = [
                (a, b) for part in zip(*fused, strict=True) for a, b in zip(*part, strict=True)
            ]
            score_diff = max([score_diff, *(abs(a[1] - b[1]) for a, b in pairs)])
            continue
        explained += all(tied)
        if len(examples) < EXAMPLES:
            names = [query.using for query in case.all_lists]
            examples.append(
                {
                    "set": case.set_name,
                    "question": case.question,
                    mine: _shown(fused[0]),
                    theirs: _shown(fused[1]),
                    "lists_in_another_tie_order": [
                        n for n, e, t in zip(names, exact, tied, strict=True) if t and not e
                    ],
                    "lists_otherwise_different": [
                        n for n, t in zip(names, tied, strict=True) if not t
                    ],
                }
            )
    n = len(runs.cases)
    return {
        "same": same,
        "of": n,
        "share": _part(same, n),
        "same_up_to_ties": _part(ties, n),
        "lists_same_order": _part(lists_same, lists_total),
        "lists_same_up_to_ties": _part(lists_ties, lists_total),
        "differing_with_every_list_equal_up_to_ties": f"{explained}/{n - same}",
        "max_score_diff_where_same": score_diff,
        "examples": examples,
    }


def _own_fusion(runs: Runs, name: str) -> dict:
    """A backend's fused answer against `LocalEngine.fuse` of its own lists (the fusion
    alone), and whether its passes all returned the same ids in the same order."""
    exact = ties = stable = 0
    for at, case in enumerate(runs.cases):
        found = runs.passes[name][0][at]
        expected = _fused(case, runs.lists[name][at], runs.rrf_k, runs.k)
        got = _ranked(found)
        exact += [_order(part) for part in got] == [_order(part) for part in expected]
        ties += all(same_up_to_ties(a, b) for a, b in zip(got, expected, strict=True))
        stable += all(_ids(p[at]) == _ids(found) for p in runs.passes[name])
    n = len(runs.cases)
    return {
        "fusion_same_order": _part(exact, n),
        "fusion_same_up_to_ties": _part(ties, n),
        "stable_across_passes": _part(stable, n),
    }


def _part(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def _shown(ranked: tuple[Ranked, Ranked]) -> dict:
    clauses, cards = ranked
    return {
        "clauses": [[i, round(s, 6)] for i, s in clauses],
        "cards": [[i, round(s, 6)] for i, s in cards],
    }


def _results(
    sets: dict[str, list[EvalItem]],
    runs: Runs,
    backends: list[Backend],
    repeats: int,
    edge: bool,
    live: str,
    points: int,
    lists_ms: list[float],
) -> dict:
    reference = runs.timings[REFERENCE]
    out: dict[str, Any] = {
        "meta": {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "cpus": os.cpu_count(),
            "platform": f"{platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}",
            "load_average": {"start": runs.load_average, "end": _load_average()},
            "collection": live,
            "points": points,
            "sets": {name: len(items) for name, items in sets.items()},
            "questions": len(runs.cases),
            "repeats": repeats,
            "k": runs.k,
            "candidates": CANDIDATES,
            "card_candidates": CARD_CANDIDATES,
            "rrf_k": runs.rrf_k,
            "edge_version": _version(EDGE_PACKAGE) if edge else None,
            "qdrant_client_version": _version("qdrant-client"),
        },
        "lists_ms": {**percentiles(lists_ms), "mean": round(statistics.fmean(lists_ms), 2)},
        "backends": {},
        "agreement": {},
    }
    if not edge:
        out["edge_skipped"] = EDGE_HINT
    names = [b.name for b in backends]
    pairs = {(a, b): _agreement(runs, a, b) for a in names for b in names if a != b}
    for backend in backends:
        samples = runs.timings[backend.name]
        out["backends"][backend.name] = {
            "label": backend.label,
            "load_s": backend.load_s,
            "build_s": backend.build_s,
            "rss_added_mib": backend.rss_mib,
            "search_ms": {**percentiles(samples), "mean": round(statistics.fmean(samples), 3)},
            "p50_ratio": round(statistics.median(samples) / statistics.median(reference), 2),
            "mean_ratio": round(statistics.fmean(samples) / statistics.fmean(reference), 2),
            "same_as_engine": pairs.get((backend.name, REFERENCE), {}).get("share"),
            "same_as_qdrant": pairs.get((backend.name, "qdrant"), {}).get("share"),
            **_own_fusion(runs, backend.name),
            "notes": backend.notes,
        }
    for at, mine in enumerate(names):
        for theirs in names[:at]:
            if {mine, theirs} != {"edge", "edge-batch"}:
                out["agreement"][f"{mine} vs {theirs}"] = pairs[mine, theirs]
    return out


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


# --- report -------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    return "–" if value is None else str(value)


def _pct(share: float | None) -> str:
    return "(itself)" if share is None else f"{share:.1%}"


def markdown(results: dict) -> str:
    meta = results["meta"]
    sets = ", ".join(f"{name} {n}" for name, n in meta["sets"].items())
    lists = results["lists_ms"]
    lines = [
        "# Search backends side by side",
        "",
        f"Measured {meta['date']} by `policy-assistant eval engines` on {meta['cpus']} CPU "
        f"cores, {meta['platform']}, load average {meta['load_average']['start']} at the start "
        f"and {meta['load_average']['end']} at the end; collection `{meta['collection']}` "
        f"({meta['points']} "
        f"points), qdrant-client {meta['qdrant_client_version']}, qdrant-edge-py "
        f"{meta['edge_version'] or '(not installed)'}.",
        "",
        f"{meta['questions']} questions ({sets}), each turned once into its candidate lists "
        "as `Retriever.search` builds them. Every backend then ran the same lists: the clause "
        f"lists ({meta['candidates']} candidates each, weighted RRF with k = {meta['rrf_k']}, "
        f"top {meta['k']}) and the card lists (RRF, {meta['card_candidates']} cards), "
        "returning payloads, fused scores and the vectors the search's cosines read. "
        f"{meta['repeats']} passes, the backends taking turns question by question; a sample "
        "is one question (clause query + card query).",
        "",
        "For scale: building a question's lists (query embedding with no cache, analysis) "
        f"took p50 {lists['p50']} ms, p95 {lists['p95']} ms, mean {lists['mean']} ms.",
        "",
        "| backend | p50 ms | p95 ms | mean ms | p50 × engine | mean × engine | "
        "same top-k as engine | as Qdrant | load s | build s | RSS added MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, b in results["backends"].items():
        ms = b["search_ms"]
        lines.append(
            f"| {name}: {b['label']} | {ms['p50']} | {ms['p95']} | {ms['mean']} | "
            f"{b['p50_ratio']} | {b['mean_ratio']} | {_pct(b['same_as_engine'])} | "
            f"{_pct(b['same_as_qdrant'])} | {_cell(b['load_s'])} | {_cell(b['build_s'])} | "
            f"{_cell(b['rss_added_mib'])} |"
        )
    lines += [
        "",
        "Same top-k: the share of questions whose top-k clause ids and card ids, in order, "
        "equal the other backend's. Load: opening the store (Qdrant), reading the live "
        "collection into numpy (engine), loading the built shard (edge); build: writing the "
        "edge shard from the live collection. RSS added: resident memory after the load and "
        f"a warm-up pass of {WARMUP} questions, less before it (one process, loaded in the "
        "order qdrant, engine, edge; memory a process frees and keeps blurs it by a few MiB).",
        "",
    ]
    if "edge_skipped" in results:
        lines += [f"Qdrant Edge: {results['edge_skipped']}.", ""]
    lines += [
        "## Where the answers differ",
        "",
        "Each candidate list was also fetched alone from every backend. Up to ties: the same "
        "points with the same scores (within float32 rounding), in any order among equal "
        "scores. A list's order of equal scores changes the ranks, so the fused scores too; "
        "where no list differs, only the order of equal fused scores does (Qdrant Edge's "
        "changes from one call to the next: the last column below).",
        "",
        "| pair | same top-k, in order | same fused scores (any order among ties) | "
        "lists in the same order | "
        "lists same up to ties | differing questions whose every list is equal up to ties "
        "| largest fused-score gap where same |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for pair, a in results["agreement"].items():
        lines.append(
            f"| {pair} | {a['same']}/{a['of']} ({_pct(a['share'])}) | "
            f"{_pct(a['same_up_to_ties'])} | {_pct(a['lists_same_order'])} | "
            f"{_pct(a['lists_same_up_to_ties'])} | "
            f"{a['differing_with_every_list_equal_up_to_ties']} | "
            f"{a['max_score_diff_where_same']:.3g} |"
        )
    lines += [
        "",
        "Each backend's own fusion, against `LocalEngine.fuse` over the lists it returned "
        "alone, and whether its answers repeated exactly across the passes:",
        "",
        "| backend | fusion: same order | fusion: same up to ties | same ids, same order "
        "in every pass |",
        "|---|---:|---:|---:|",
    ]
    for name, b in results["backends"].items():
        lines.append(
            f"| {name} | {_pct(b['fusion_same_order'])} | {_pct(b['fusion_same_up_to_ties'])} "
            f"| {_pct(b['stable_across_passes'])} |"
        )
    lines += ["", "## Notes and first differing questions", ""]
    for name, b in results["backends"].items():
        lines += [f"- {name}: {note}" for note in b["notes"]]
    for pair, a in results["agreement"].items():
        mine, _, theirs = pair.partition(" vs ")
        for example in a["examples"]:
            lines.append(
                f"- {pair}, [{example['set']}] {example['question']!r}: lists in another tie "
                f"order: {', '.join(example['lists_in_another_tie_order']) or 'none'}; "
                f"lists otherwise different: "
                f"{', '.join(example['lists_otherwise_different']) or 'none'}"
            )
            lines.append(f"  - {mine}: {_brief(example[mine])}")
            lines.append(f"  - {theirs}: {_brief(example[theirs])}")
    return "\n".join(lines) + "\n"


def _brief(shown: dict) -> str:
    clauses = ", ".join(f"{cid} {score}" for cid, score in shown["clauses"])
    cards = ", ".join(f"{cid} {score}" for cid, score in shown["cards"])
    return f"clauses [{clauses}]; cards [{cards}]"


def write_report(results: dict, out_dir: Path = REPORTS) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "engines.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    path = out_dir / "engines.md"
    path.write_text(markdown(results), encoding="utf-8")
    return path
