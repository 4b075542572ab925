"""The backend comparison runs on real questions, and its backends answer alike: every
candidate list the same up to the order of equal scores, each fusion Qdrant's."""

from __future__ import annotations

import pytest

from evals.engines import compare_engines, markdown, question_sets, same_up_to_ties


def _few() -> dict:
    sets = question_sets()
    return {"dev": sets["dev"][:4], "holdout": sets["holdout"][:2]}


def _compare(retriever, edge: bool) -> dict:
    return compare_engines(
        retriever.settings,
        _few(),
        repeats=2,
        k=5,
        edge=edge,
        client=retriever.client,  # the session's index: a second client could not open it
        embedder=retriever.embedder,
    )


def _explained(agreement: dict) -> bool:
    """Every question whose answers differ has every list equal up to ties."""
    explained, _, differing = agreement["differing_with_every_list_equal_up_to_ties"].partition("/")
    return explained == differing


def test_engine_and_qdrant_local_mode_agree(retriever):
    results = _compare(retriever, edge=False)
    assert set(results["backends"]) == {"engine", "qdrant"}
    assert results["meta"]["questions"] == 6
    pair = results["agreement"]["qdrant vs engine"]
    assert pair["lists_same_up_to_ties"] == 1.0
    assert _explained(pair)
    for name in ("engine", "qdrant"):
        backend = results["backends"][name]
        assert backend["search_ms"]["n"] == 12
        assert backend["fusion_same_order"] == 1.0  # Qdrant's RRF, to the order of ties
        assert backend["stable_across_passes"] == 1.0
    assert "Search backends side by side" in markdown(results)


def test_edge_answers_as_the_others_up_to_ties(retriever):
    pytest.importorskip("qdrant_edge")
    results = _compare(retriever, edge=True)
    assert {"edge", "edge-batch"} <= set(results["backends"])
    assert results["backends"]["edge"]["build_s"] is not None
    for pair in ("edge vs engine", "edge vs qdrant", "edge-batch vs engine"):
        agreement = results["agreement"][pair]
        assert agreement["lists_same_up_to_ties"] == 1.0, pair
        assert _explained(agreement), pair
    for name in ("edge", "edge-batch"):
        assert results["backends"][name]["fusion_same_up_to_ties"] == 1.0


def test_same_up_to_ties():
    assert same_up_to_ties(
        [("a", 2.0), ("b", 1.0), ("c", 1.0)], [("a", 2.0), ("c", 1.0), ("b", 1.0)]
    )
    # cut inside a tie: the point only one side kept ties with that side's last one
    assert same_up_to_ties([("a", 2.0), ("b", 1.0)], [("a", 2.0), ("c", 1.0)])
    assert not same_up_to_ties([("a", 2.0), ("b", 1.0)], [("a", 2.0), ("b", 1.5)])
    assert not same_up_to_ties([("a", 2.0), ("b", 1.5)], [("a", 2.0), ("c", 1.0)])
