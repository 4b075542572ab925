"""`eval retrieval` writes its report: every table renders from the functions it imports."""

from __future__ import annotations

from evals.answers import BLIND_SETS
from evals.dataset import load_items
from evals.report import retrieval_report


def test_the_retrieval_report_renders_on_a_small_set(retriever, tmp_path):
    items = [i for i in load_items(BLIND_SETS["blind tune"]) if i.gold_ids][:4]
    found = retrieval_report({"tune": items}, retriever, out_dir=tmp_path)
    text = (tmp_path / "retrieval.md").read_text(encoding="utf-8")
    assert "Answer cards" in text and "hybrid" in text
    assert found
