"""Workers' read-only index copies, and damaged index folders: clear errors, or a rebuild."""

import json
from dataclasses import replace

import numpy as np
import pytest

from corpus.store import load_clauses
from indexing.build import build_index, ensure_index
from indexing.errors import IndexDamaged, IndexUnavailable
from indexing.qdrant import live_collection, open_client
from indexing.replica import current_replica, export_replica, open_replica, replica_dir
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
    assert path.name == f"{live_collection(retriever.client, settings.collection)}.npz"
    mirror = Retriever(settings, embedder=retriever.embedder, snapshot=open_replica(path))
    assert mirror.read_only and not retriever.read_only and mirror.client is None
    for query in QUERIES:
        original = retriever.search(query)
        copied = mirror.search(query)
        assert [(h.clause_id, h.score, h.similarity, h.asked_similarity) for h in copied.hits] == [
            (h.clause_id, h.score, h.similarity, h.asked_similarity) for h in original.hits
        ]
        assert copied.cards == original.cards


def test_every_build_saves_the_copy_of_its_generation_and_the_old_one_goes(settings):
    build_index(settings, clauses=section_slice(11))
    first = current_replica(settings)
    neighbour = first.with_name("another_collection__1.npz")  # another collection's copy
    neighbour.write_bytes(first.read_bytes())
    assert first is not None and first.parent == replica_dir(settings)
    build_index(settings, clauses=section_slice(11))  # nothing changed: the same copy
    assert current_replica(settings) == first
    build_index(settings, clauses=section_slice(11, 14))
    second = current_replica(settings)
    assert second != first and not first.exists() and neighbour.exists()
    # no temporary files are left
    assert sorted(p.name for p in second.parent.iterdir()) == sorted([second.name, neighbour.name])
    engine = open_replica(second)
    assert {p["section"] for p in engine.payloads if "clause_id" in p} == {11, 14}
    client = open_client(settings)
    try:
        assert second.stem == live_collection(client, settings.collection)
    finally:
        client.close()


def test_a_copy_of_another_collection_or_a_stray_file_is_not_taken(settings):
    folder = replica_dir(settings)
    folder.mkdir(parents=True)
    (folder / "other__123.npz").write_bytes(b"x")
    (folder / f"{settings.collection}__latest.npz").write_bytes(b"x")
    (folder / f".{settings.collection}__9.npz.1.tmp").write_bytes(b"x")
    assert current_replica(settings) is None


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 garbage", b"not numpy at all"])
def test_an_unreadable_copy_names_the_fix(tmp_path, content):
    path = tmp_path / "policy_clauses__1.npz"
    path.write_bytes(content)
    with pytest.raises(IndexUnavailable, match="policy-assistant index"):
        open_replica(path)


def test_a_copy_of_another_format_names_the_fix(tmp_path):
    path = tmp_path / "policy_clauses__1.npz"
    meta = json.dumps({"format": 1, "collection": "x", "payloads": []}).encode()
    np.savez(path, meta=np.frombuffer(meta, dtype=np.uint8))
    with pytest.raises(IndexUnavailable, match="format"):
        open_replica(path)


def test_a_missing_copy_names_the_fix(tmp_path):
    with pytest.raises(IndexUnavailable, match="policy-assistant index"):
        open_replica(tmp_path / "gone.npz")


def test_the_cli_searches_the_copy_while_the_embedded_store_is_held(settings, monkeypatch):
    """A cold search loads the saved copy, so it works while `serve` holds the store."""
    from ui.cli_search import open_retriever

    build_index(settings, clauses=section_slice(11))
    holder = open_client(settings)  # what a running `serve` holds
    try:
        monkeypatch.setattr("ui.cli_search.configured", lambda json_out: _Configured(settings))
        searching = open_retriever(json_out=True)
        assert searching.read_only
        assert searching.search("summer semester credits", k=1).hits[0].clause_id.startswith("11.")
    finally:
        holder.close()


class _Configured:
    def __init__(self, settings) -> None:
        self._settings = settings

    def index(self):
        return self._settings


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
    holder = open_client(settings)
    try:
        with pytest.raises(IndexUnavailable, match="in use by another process") as caught:
            open_client(settings, repair=True)
        assert not isinstance(caught.value, IndexDamaged)
        assert not list(settings.data_dir.glob("qdrant.damaged-*"))
    finally:
        holder.close()
