"""The retrieval report: methods side by side, plus the ablations that justify the defaults."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from qdrant_client import QdrantClient

from assistant.direct import CARD_LEADS
from evals.dataset import EvalItem
from evals.retrieval import (
    cards_table,
    channels_table,
    evaluate,
    evaluate_cards,
    evaluate_channels,
    markdown_table,
)
from indexing.analyzers import KAZAKH_ANALYZERS, hunspell_available
from indexing.build import build_index
from indexing.config import IndexSettings
from indexing.search import Retriever

REPORTS = Path(__file__).parent / "reports"


def _in_memory_retriever(settings: IndexSettings, context: bool = True, **kwargs) -> Retriever:
    client = QdrantClient(":memory:")
    build_index(settings, client=client, context=context)
    return Retriever(settings, client=client, **kwargs)


def retrieval_report(
    sets: dict[str, list[EvalItem]],
    retriever: Retriever,
    ablations: bool = False,
    out_dir: Path = REPORTS,
) -> dict:
    """One section per question set: the methods side by side, each editorial channel left
    out (the last variant is the search before the editorial layer), the answer cards; the
    analyzer and context ablations on the first set only (they rebuild the index)."""
    started = time.perf_counter()
    sections = ["# Retrieval evaluation", ""]
    data: dict = {}
    for name, items in sets.items():
        sections += [f"## {name}", ""]
        data[name] = found = _one_set(retriever, items, sections)
        if ablations and name == next(iter(sets)):
            found["ablations"] = _ablations(retriever, items, sections)
    total = sum(len(items) for items in sets.values())
    sections.append(f"_{total} items; run took {time.perf_counter() - started:.1f} s._\n")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "retrieval.md").write_text("\n".join(sections), encoding="utf-8")
    (out_dir / "retrieval.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    return data


def _one_set(retriever: Retriever, items: list[EvalItem], sections: list[str]) -> dict:
    main = evaluate(retriever, items)
    data: dict = {"main": {m: {k: v.as_dict() for k, v in r.items()} for m, r in main.items()}}
    sections.append(markdown_table(main, "BM25 only, dense only, hybrid (defaults)"))
    misses = {m: sorted({x for v in r.values() for x in v.misses}) for m, r in main.items()}
    data["misses@5"] = misses
    channels = evaluate_channels(retriever, items)
    data["channels"] = {v: {k: m.as_dict() for k, m in r.items()} for v, r in channels.items()}
    sections.append(channels_table(channels, "Channels: each editorial channel left out (hybrid)"))
    cards = evaluate_cards(retriever, items, CARD_LEADS)
    data["cards"] = {k: m.as_dict() for k, m in cards.items()}
    if cards:
        sections.append(cards_table(cards, f"Answer cards (confident: cosine ≥ {CARD_LEADS})"))
    sections.append(f"Misses at rank 5 (hybrid): {', '.join(misses['hybrid']) or 'none'}\n")
    return data


def _ablations(retriever: Retriever, items: list[EvalItem], sections: list[str]) -> dict:
    settings = retriever.settings
    variants = {
        **{
            f"kk analyzer = {name}": (replace(settings, kk_analyzer=name), True, True)
            for name in KAZAKH_ANALYZERS
            if name != "hunspell" or hunspell_available()
        },
        "no section title / lead-in in the indexed text": (settings, False, True),
        "no glossary expansion": (settings, True, False),
    }
    out = {}
    for label, (variant, context, expand) in variants.items():
        ablation = _in_memory_retriever(variant, context=context, expand=expand)
        result = evaluate(ablation, items, modes=("bm25", "hybrid"))
        ablation.close()
        sections.append(markdown_table(result, f"Ablation: {label}"))
        out[label] = {m: {k: v.as_dict() for k, v in r.items()} for m, r in result.items()}
    return out
