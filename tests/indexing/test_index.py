"""Index round trip on a small slice of the real corpus, in embedded Qdrant."""

from dataclasses import replace

import pytest
from qdrant_client import QdrantClient

from corpus.store import load_clauses
from indexing.build import build_index
from indexing.qdrant import IndexUnavailable
from indexing.search import Retriever


@pytest.fixture()
def settings(index_settings, tmp_path):
    # A private collection and Qdrant folder, sharing the session's embedding cache.
    return replace(index_settings, data_dir=tmp_path, collection="slice")


def slice_of_corpus(sections=(11,)):
    return [c for lang in ("kk", "ru", "en") for c in load_clauses(lang) if c.section in sections]


def test_build_is_idempotent_and_incremental(settings):
    clauses = slice_of_corpus()
    first = build_index(settings, clauses=clauses)
    assert first.points == first.added == len(clauses)
    again = build_index(settings, clauses=clauses)
    assert (again.added, again.updated, again.deleted, again.embedded) == (0, 0, 0, 0)
    assert again.unchanged == len(clauses)

    changed = [
        c.model_copy(update={"text": c.text + " (edited)"})
        if c.id == "11.1" and c.lang == "en"
        else c
        for c in clauses[:-1]
    ]
    third = build_index(settings, clauses=changed)
    assert (third.updated, third.deleted, third.embedded) == (1, 1, 1)


def test_points_carry_clause_payload(settings):
    clauses = slice_of_corpus()
    build_index(settings, clauses=clauses)
    client = QdrantClient(path=str(settings.qdrant_path))
    try:
        points, _ = client.scroll(settings.collection, limit=500, with_payload=True)
        payloads = {(p.payload["clause_id"], p.payload["lang"]) for p in points}
        assert payloads == {(c.id, c.lang.value) for c in clauses}
        sample = points[0].payload
        assert {"clause_id", "doc", "lang", "section", "kind", "content_hash"} <= set(sample)
    finally:
        client.close()


def test_search_on_a_slice_finds_the_summer_semester_limit(settings):
    build_index(settings, clauses=slice_of_corpus())
    retriever = Retriever(settings)
    try:
        result = retriever.search("How many credits can I retake in the summer semester?", k=3)
        assert result.lang == "en"
        assert all(h.clause_id.startswith("11.") for h in result.hits)
        assert len({h.clause_id for h in result.hits}) == len(result.hits)  # merged by clause id
    finally:
        retriever.close()


def test_missing_index_names_the_fix(settings):
    with pytest.raises(IndexUnavailable, match="policy-assistant index"):
        Retriever(settings)
