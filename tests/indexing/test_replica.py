"""Workers' read-only index copies, and damaged index folders: clear errors, or a rebuild."""

import gzip
import json
from dataclasses import replace

import pytest
from qdrant_client import QdrantClient

from corpus.store import load_clauses
from indexing.build import build_index, ensure_index
from indexing.qdrant import IndexDamaged, IndexUnavailable, live_collection, open_client
from indexing.replica import export_replica, is_replica, open_replica
from indexing.search import Retriever

QUERIES = ("FX алсам не істеймін?", "что будет если получил FX", "fx retake rules??")


@pytest.fixture()
def settings(index_settings, tmp_path):
    # A private Qdrant folder and collection, sharing the session's embedding cache.
    return replace(index_settings, data_dir=tmp_path, collection="slice")


def section_slice(*sections):
    return [c for lang in ("kk", "ru", "en") for c in load_clauses(lang) if c.section in sections]


def test_replica_answers_exactly_like_the_index(retriever, index_settings, tmp_path):
    settings = replace(index_settings, data_dir=tmp_path)  # the copy lands here
    path = export_replica(retriever.client, settings)
    assert path.name == f"{live_collection(retriever.client, settings.collection)}.json.gz"
    copy = open_replica(path)
    try:
        assert is_replica(copy) and not is_replica(retriever.client)
        mirror = Retriever(settings, embedder=retriever.embedder, client=copy)
        for query in QUERIES:
            original = [(h.clause_id, round(h.score, 6)) for h in retriever.search(query).hits]
            copied = [(h.clause_id, round(h.score, 6)) for h in mirror.search(query).hits]
            assert copied == original
    finally:
        copy.close()


def test_a_new_generation_gets_a_new_copy_and_the_old_one_goes(settings):
    build_index(settings, clauses=section_slice(11))
    client = open_client(settings)
    first = export_replica(client, settings)
    assert export_replica(client, settings) == first  # kept while the index is unchanged
    client.close()
    build_index(settings, clauses=section_slice(11, 14))
    client = open_client(settings)
    try:
        second = export_replica(client, settings)
    finally:
        client.close()
    assert second != first and not first.exists()
    assert [p.name for p in second.parent.iterdir()] == [second.name]  # no temporary files
    with gzip.open(second, "rt", encoding="utf-8") as source:
        points = json.load(source)["points"]
    assert {p["payload"]["section"] for p in points if "clause_id" in p["payload"]} == {11, 14}


@pytest.mark.parametrize("content", [b"", b"\x1f\x8b garbage", b"not gzip at all"])
def test_an_unreadable_copy_names_the_fix(tmp_path, content):
    path = tmp_path / "policy_clauses__1.json.gz"
    path.write_bytes(content)
    with pytest.raises(IndexUnavailable, match="policy-assistant index"):
        open_replica(path)


def test_a_missing_copy_names_the_fix(tmp_path):
    with pytest.raises(IndexUnavailable, match="policy-assistant index"):
        open_replica(tmp_path / "gone.json.gz")


def _damage(settings, how: str) -> None:
    if how == "meta.json":
        (settings.qdrant_path / "meta.json").write_text("{ not json", encoding="utf-8")
    else:
        for storage in settings.qdrant_path.glob("collection/*/storage.sqlite"):
            storage.write_bytes(b"\x00garbage" * 1000)


@pytest.mark.parametrize("how", ["meta.json", "storage"])
def test_a_damaged_index_names_the_fix_and_index_rebuilds_it(settings, how):
    clauses = section_slice(11)
    build_index(settings, clauses=clauses)
    _damage(settings, how)
    with pytest.raises(IndexDamaged, match="policy-assistant index"):
        Retriever(settings)
    stats = build_index(settings, clauses=clauses)  # what `policy-assistant index` runs
    assert stats.added == len({c.id for c in clauses}) + stats.cards and stats.embedded == 0
    aside = list(settings.data_dir.glob("qdrant.damaged-*"))
    assert len(aside) == 1  # kept for inspection, not deleted
    retriever = Retriever(settings)
    try:
        assert retriever.search("summer semester credits", k=1).hits[0].clause_id.startswith("11.")
    finally:
        retriever.close()


def test_ensure_index_repairs_a_damaged_index_on_first_use(settings, monkeypatch):
    import indexing.build as build

    monkeypatch.setattr(build, "corpus_clauses", lambda: section_slice(11))
    build_index(settings, clauses=section_slice(11))
    _damage(settings, "meta.json")
    client = ensure_index(settings)
    try:
        assert live_collection(client, settings.collection) is not None
    finally:
        client.close()


def test_a_locked_index_is_not_taken_for_damaged(settings):
    build_index(settings, clauses=section_slice(11))
    holder = QdrantClient(path=str(settings.qdrant_path))
    try:
        with pytest.raises(IndexUnavailable, match="in use by another process") as caught:
            open_client(settings, repair=True)
        assert not isinstance(caught.value, IndexDamaged)
        assert not list(settings.data_dir.glob("qdrant.damaged-*"))
    finally:
        holder.close()
