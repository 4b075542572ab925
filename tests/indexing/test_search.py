"""Retrieval on the full trilingual index: smoke checks and the dev-set thresholds."""

import pytest

from evals.dataset import load_items
from evals.retrieval import evaluate


@pytest.mark.parametrize(
    "question", ["FX алсам не істеймін?", "что будет если получил FX", "fx retake rules??"]
)
def test_three_languages_find_the_fx_retake_clause(retriever, question):
    hits = [h.clause_id for h in retriever.search(question, k=3).hits]
    assert "8.35" in hits


def test_explicit_language_overrides_detection(retriever):
    assert retriever.search("FX", lang="ru").lang == "ru"


@pytest.fixture(scope="module")
def dev_metrics(retriever):
    return evaluate(retriever, load_items())


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_dev_recall_at_5_per_language(dev_metrics, lang):
    assert dev_metrics["hybrid"][lang].r5 >= 0.90


def test_hybrid_at_least_as_good_as_each_method(dev_metrics):
    hybrid = dev_metrics["hybrid"]["all"]
    for single in ("bm25", "dense"):
        assert hybrid.r5 >= dev_metrics[single]["all"].r5
        assert hybrid.mrr10 >= dev_metrics[single]["all"].mrr10
