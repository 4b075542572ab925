"""Every clause a tool cites exists in the corpus and says what the tool relies on.

Clause boundaries are still being corrected, so ids may move: when this test fails,
update tools/citations.py (the message says where the anchor lives now).
"""

import re

import pytest

from corpus.store import clauses_by_id, load_clauses
from tools import registry
from tools.citations import CITATIONS, cite
from tools.text import ref


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def clauses():
    return clauses_by_id("kk")


@pytest.mark.parametrize("key", sorted(CITATIONS))
def test_cited_clause_exists_and_holds_its_anchor(key, clauses):
    cid, anchor = CITATIONS[key]
    assert anchor.strip(), f"{key} has an empty anchor"
    now_in = [c.id for c in load_clauses("kk") if norm(anchor) in norm(c.text)]
    assert cid in clauses, f"{key}: clause {cid} is not in the corpus; anchor now in {now_in}"
    assert norm(anchor) in norm(clauses[cid].text), (
        f"{key}: clause {cid} no longer contains {anchor!r}; anchor now in {now_in}"
    )


def test_anchors_are_short_phrases():
    for key, (_, anchor) in CITATIONS.items():
        assert anchor == anchor.strip() and 4 <= len(anchor) <= 120, key


def test_cite_keeps_order_and_drops_repeats():
    assert cite("GRADE_FORMULA", "ROUNDING", "LETTER_TABLE") == [
        CITATIONS["GRADE_FORMULA"][0],
        CITATIONS["LETTER_TABLE"][0],
    ]


def test_references_follow_each_language():
    cid = CITATIONS["GRADE_FORMULA"][0]
    assert ref("GRADE_FORMULA", "en") == f"§{cid}"
    assert ref("GRADE_FORMULA", "ru") == f"п. {cid}"
    assert ref("LETTER_TABLE", "kk") == "1-кесте"


def test_every_result_cites_only_corpus_clauses(clauses):
    from tests.tools.helpers import dev_tool_cases

    for case in dev_tool_cases():
        result = registry.run(case["tool"], case["inputs"])
        assert result.clauses, case["id"]
        assert set(result.clauses) <= set(clauses), (case["id"], result.clauses)
