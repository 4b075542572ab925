"""The in-process engine answers as Qdrant's local mode does: each list, and their fusion."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from qdrant_client import models
from qdrant_client.hybrid.fusion import reciprocal_rank_fusion

from corpus.store import load_clauses
from evals.dataset import DEV_SET, load_items
from indexing.analyzers import analyze
from indexing.build import build_index
from indexing.documents import (
    CARD,
    DENSE_MORE,
    card_sparse_name,
    dense_name,
    more_name,
    sparse_name,
)
from indexing.engine import ListQuery, LocalEngine, Scored
from indexing.language import detect_language, query_text_for
from indexing.search import CANDIDATES, Retriever
from indexing.sparse import query_vector

SCORE_TOLERANCE = 1e-6  # Qdrant sums in another order; ties may then rank either way


def _key(payload: dict) -> str:
    return str(payload.get("clause_id") or payload.get("card_id"))


def _same_up_to_ties(mine: list[tuple[str, float]], theirs: list[tuple[str, float]]) -> bool:
    """The same points with the same scores; a point only one side holds is tied with the
    last one both kept (the list was cut inside a group of equal scores)."""
    if len(mine) != len(theirs):
        return False
    ours, qdrants = dict(mine), dict(theirs)
    cut = min((score for _, score in theirs), default=0.0)
    for point in ours.keys() | qdrants.keys():
        if point in ours and point in qdrants:
            if abs(ours[point] - qdrants[point]) > SCORE_TOLERANCE:
                return False
        elif abs(ours.get(point, qdrants.get(point, 0.0)) - cut) > SCORE_TOLERANCE:
            return False
    scores = [score for _, score in mine]
    return scores == sorted(scores, reverse=True)


def test_every_list_ranks_as_qdrant_does(retriever):
    engine = retriever._live_engine()
    assert engine is not None
    questions = [item.question for item in load_items(DEV_SET)][::3]
    for text in questions:
        lang = detect_language(text)
        query = query_text_for(text, lang)
        dense = retriever.embedder.embed_queries([query])[0].tolist()
        sparse = query_vector(analyze(query, lang))
        lists = [
            ListQuery(dense_name(lang), dense=dense),
            ListQuery(dense_name("kk"), dense=dense),
            ListQuery(DENSE_MORE, dense=dense),
            ListQuery(CARD, dense=dense),
            ListQuery(sparse_name(lang), sparse=sparse),
            ListQuery(more_name(lang), sparse=sparse),
            ListQuery(card_sparse_name(lang), sparse=sparse),
        ]
        for query_list in lists:
            mine = [
                (_key(engine.payloads[s.row]), s.score)
                for s in engine.ranked(query_list, CANDIDATES)
            ]
            response = retriever.client.query_points(
                engine.collection,
                query=query_list.dense
                if query_list.dense is not None
                else query_list.sparse.to_qdrant(),
                using=query_list.using,
                limit=CANDIDATES,
                with_payload=True,
            )
            theirs = [(_key(p.payload), p.score) for p in response.points]
            assert theirs, (text, query_list.using)
            assert _same_up_to_ties(mine, theirs), (text, query_list.using)


def test_fusion_is_qdrants_reciprocal_rank_fusion():
    chance = random.Random(7)
    for _ in range(200):
        lists = [
            chance.sample(range(60), chance.randint(0, 40)) for _ in range(chance.randint(1, 5))
        ]
        weights = [chance.choice([0.0, 0.5, 1.0, 2.0, 3.0]) for _ in lists]
        k, limit = chance.choice([1, 5, 60]), chance.choice([3, 5, 10])
        mine = LocalEngine.fuse(
            [[Scored(row, 1.0) for row in ranked] for ranked in lists], weights, k, limit
        )
        theirs = reciprocal_rank_fusion(
            [
                [models.ScoredPoint(id=row, version=0, score=1.0) for row in ranked]
                for ranked in lists
            ],
            limit=limit,
            ranking_constant_k=k,
            weights=weights,
        )
        assert [(s.row, s.score) for s in mine] == [(p.id, p.score) for p in theirs]


def test_equal_scores_rank_the_earlier_clause_first(retriever):
    """List items share their lead-in's editorial vectors: the policy's order decides."""
    engine = retriever._live_engine()
    ranked = engine.ranked(ListQuery(DENSE_MORE, dense=engine.vectors[0][DENSE_MORE]), 40)
    for before, after in zip(ranked, ranked[1:], strict=False):
        if before.score == after.score:
            assert before.row < after.row


@pytest.mark.parametrize("use_engine", [True, False])
def test_search_is_the_same_through_the_engine_and_through_qdrant(retriever, use_engine):
    other = retriever.with_weights(retriever.weights)
    other.use_engine = use_engine
    result = other.search("FX алсам не істеймін?", k=5)
    assert result.hits[0].clause_id == "8.35"
    assert result.cards and result.cards[0].similarity > 0.9
    assert all(h.similarity is not None and h.asked_similarity is not None for h in result.hits)


def test_the_engine_follows_a_rebuilt_index(index_settings, tmp_path):
    settings = replace(index_settings, data_dir=tmp_path, collection="engine")
    clauses = [c for lang in ("kk", "ru", "en") for c in load_clauses(lang) if c.section == 11]
    build_index(settings, clauses=clauses)
    retriever = Retriever(settings)
    try:
        first = retriever._live_engine()
        assert {p.get("clause_id") for p in first.payloads} >= {"11.1", "11.7"}
        retriever.client.close()
        more = clauses + [c for c in load_clauses("kk") if c.section == 8]
        build_index(settings, clauses=more)
        retriever.client = type(retriever.client)(path=str(settings.qdrant_path))
        second = retriever._live_engine()
        assert second is not first and second.collection != first.collection
        assert "8.35" in {p.get("clause_id") for p in second.payloads}
        assert retriever.search("FX алсам не істеймін?", k=3).hits[0].section == 8
    finally:
        retriever.close()
