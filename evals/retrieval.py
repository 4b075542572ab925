"""Retrieval metrics on a question set: Recall@1, Recall@5, MRR@10 per language and method.

A hit counts when a retrieved clause's official Kazakh text holds a gold evidence
string. BM25 only, dense only and hybrid run in the same process on the same
index, so the comparison is fair.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from corpus.languages import SLICES
from corpus.store import clauses_by_id
from evals.dataset import EvalItem
from evals.matching import first_relevant_rank
from indexing.search import Mode, Retriever, SearchWeights

# Each editorial channel off, then all of them off (the search as it was before them).
CHANNELS = ("dense_more", "sparse_more")


def channel_variants(defaults: SearchWeights) -> dict[str, SearchWeights]:
    """The defaults, each editorial channel left out, and the clause text alone."""
    variants = {"all channels (defaults)": defaults}
    for name in CHANNELS:
        variants[f"without {name}"] = replace(defaults, **{name: 0.0})
    variants["clause text only (before)"] = replace(defaults, **dict.fromkeys(CHANNELS, 0.0))
    return variants


@dataclass
class Metrics:
    n: int = 0
    r1: float = 0.0
    r5: float = 0.0
    mrr10: float = 0.0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"n": self.n, "recall@1": self.r1, "recall@5": self.r5, "mrr@10": self.mrr10}


def metrics_from_ranks(ranks: list[tuple[str, int | None]]) -> Metrics:
    n = len(ranks)
    if not n:
        return Metrics()
    return Metrics(
        n=n,
        r1=round(sum(1 for _, r in ranks if r == 1) / n, 4),
        r5=round(sum(1 for _, r in ranks if r and r <= 5) / n, 4),
        mrr10=round(sum(1 / r for _, r in ranks if r and r <= 10) / n, 4),
        misses=[item_id for item_id, r in ranks if not r or r > 5],
    )


def evaluate(
    retriever: Retriever,
    items: Iterable[EvalItem],
    modes: tuple[Mode, ...] = ("bm25", "dense", "hybrid"),
    on_item: Callable[[], None] | None = None,
) -> dict[str, dict[str, Metrics]]:
    """{mode: {lang | "all": Metrics}} for the retrieval items."""
    kk_text = {cid: c.text for cid, c in clauses_by_id("kk").items()}
    questions = [i for i in items if i.kind == "retrieval" and i.gold]
    results: dict[str, dict[str, Metrics]] = {}
    for mode in modes:
        ranks: dict[str, list[tuple[str, int | None]]] = {lang: [] for lang in SLICES}
        for item in questions:
            hits = retriever.search(item.question, k=10, mode=mode).hits
            rank = first_relevant_rank([kk_text[h.clause_id] for h in hits], item.gold)
            ranks[item.lang].append((item.id, rank))
            if on_item:
                on_item()
        per_lang = {lang: metrics_from_ranks(r) for lang, r in ranks.items() if r}
        per_lang["all"] = metrics_from_ranks([x for r in ranks.values() for x in r])
        results[mode] = per_lang
    return results


def markdown_table(
    results: dict[str, dict[str, Metrics]], title: str, row_name: str = "method"
) -> str:
    """One row per (method or variant, language slice)."""
    lines = [
        f"### {title}",
        "",
        f"| {row_name} | lang | n | Recall@1 | Recall@5 | MRR@10 |",
        "|---|---|---|---|---|---|",
    ]
    for row, per_lang in results.items():
        for lang, m in per_lang.items():
            lines.append(f"| {row} | {lang} | {m.n} | {m.r1:.2f} | {m.r5:.2f} | {m.mrr10:.3f} |")
    return "\n".join(lines) + "\n"


def evaluate_channels(
    retriever: Retriever, items: Iterable[EvalItem], on_item: Callable[[], None] | None = None
) -> dict[str, dict[str, Metrics]]:
    """{variant: {lang | "all": Metrics}}: hybrid search with each channel left out, on
    the same index in the same process."""
    return {
        label: evaluate(retriever.with_weights(weights), items, modes=("hybrid",), on_item=on_item)[
            "hybrid"
        ]
        for label, weights in channel_variants(retriever.weights).items()
    }


@dataclass
class CardMetrics:
    n: int = 0
    top1: float = 0.0  # the first card rests on a gold clause
    confident: float = 0.0  # share of items whose first card clears the confidence bar
    confident_right: float = 0.0  # of those, the share resting on a gold clause

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "card@1": self.top1,
            "confident": self.confident,
            "confident_right": self.confident_right,
        }


def evaluate_cards(
    retriever: Retriever, items: Iterable[EvalItem], confident: float
) -> dict[str, CardMetrics]:
    """Does the best answer card rest on a clause the question's evidence names?"""
    questions = [i for i in items if i.kind == "retrieval" and i.gold_ids]
    rows: dict[str, list[tuple[bool, bool]]] = {}
    for item in questions:
        cards = retriever.search(item.question, k=10).cards
        right = bool(cards) and bool(set(cards[0].clauses) & set(item.gold_ids))
        sure = bool(cards) and cards[0].similarity >= confident
        rows.setdefault(item.lang, []).append((right, sure))
    rows["all"] = [r for lang in list(rows) for r in rows[lang]]
    out: dict[str, CardMetrics] = {}
    if not rows["all"]:
        return out
    for lang, r in rows.items():
        sure = [right for right, s in r if s]
        out[lang] = CardMetrics(
            n=len(r),
            top1=round(sum(right for right, _ in r) / len(r), 4),
            confident=round(len(sure) / len(r), 4),
            confident_right=round(sum(sure) / len(sure), 4) if sure else 0.0,
        )
    return out


def channels_table(results: dict[str, dict[str, Metrics]], title: str) -> str:
    return markdown_table(results, title, row_name="variant")


def cards_table(results: dict[str, CardMetrics], title: str) -> str:
    lines = [
        f"### {title}",
        "",
        "| lang | n | card@1 on a gold clause | confident | confident and right |",
        "|---|---|---|---|---|",
    ]
    for lang, m in results.items():
        lines.append(
            f"| {lang} | {m.n} | {m.top1:.2f} | {m.confident:.2f} | {m.confident_right:.2f} |"
        )
    return "\n".join(lines) + "\n"
