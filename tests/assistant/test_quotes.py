"""Every quote is readable alone: list items with their lead-in, rules with exceptions."""

from assistant.quotes import MAX_QUOTED, quoted_clauses


def test_a_list_item_comes_after_its_lead_in_and_never_alone():
    # §12.32 "- транскрипт." is an item of §12.27's list of documents
    quoted = quoted_clauses(["12.32"], "kk")
    assert quoted[0] == "12.27" and "12.32" in quoted


def test_the_best_hit_brings_its_whole_short_list():
    assert quoted_clauses(["8.41"], "kk") == ["8.39", "8.40", "8.41", "8.42"]
    assert quoted_clauses(["8.39"], "kk") == ["8.39", "8.40", "8.41", "8.42"]


def test_a_lesser_hit_brings_its_lead_in_but_not_the_whole_list():
    assert quoted_clauses(["8.9", "8.41"], "kk") == ["8.9", "8.39", "8.41"]
    assert quoted_clauses(["8.9", "8.39"], "kk") == ["8.9", "8.39"]


def test_a_tools_citations_bring_lead_ins_only():
    assert quoted_clauses(["8.41"], "kk", whole_lists=False) == ["8.39", "8.41"]


def test_an_exception_brings_the_rule_it_qualifies_and_a_rule_its_exception():
    assert quoted_clauses(["10.15"], "kk") == ["10.14", "10.15"]  # "Бұл ретте ..." qualifies
    assert quoted_clauses(["10.14"], "kk") == ["10.14", "10.15"]


def test_an_editorial_note_comes_after_the_clause_it_explains():
    assert quoted_clauses(["8.N1"], "ru") == ["8.29", "8.N1"]


def test_at_most_a_few_retrieved_clauses_are_quoted():
    chosen = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"]
    quoted = quoted_clauses(chosen, "en")
    assert set(chosen[:MAX_QUOTED]) <= set(quoted) and not set(chosen[MAX_QUOTED:]) & set(quoted)
