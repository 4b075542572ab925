"""The editorial layer: glosses, questions and answer cards, and the checks that keep them
true to the clauses."""

from __future__ import annotations

from corpus.checks import check_cards, check_enrichment
from corpus.editorial import Card, Enrichment, Questions, Texts, load_cards, load_enrichment
from corpus.models import ClauseKind
from corpus.store import load_clauses
from tools import registry

KK = load_clauses("kk")
CLAUSES = {lang: list(load_clauses(lang)) for lang in ("kk", "ru", "en")}
QUESTIONS = Questions(kk=["a", "b", "c"], ru=["a", "b", "c"], en=["a", "b", "c"])


def test_every_statement_clause_has_a_gloss_and_the_committed_layer_passes():
    enrichment = load_enrichment()
    statements = [c.id for c in KK if c.kind is not ClauseKind.list_item]
    assert set(enrichment) == set(statements)
    assert check_enrichment(KK, enrichment, CLAUSES).ok
    cards = load_cards()
    assert len(cards) >= 150
    assert check_cards(KK, cards, CLAUSES).ok


def test_cards_offer_only_registered_tools_and_silent_cards_name_an_office():
    for card in load_cards():
        assert card.tool is None or card.tool in registry.names(), card.id
        assert card.clauses or card.office, card.id


def test_a_gloss_with_a_number_not_in_its_clause_fails():
    clause = next(c for c in KK if c.id == "8.8")  # admission at a rating of 50
    good = Texts(kk="50 балл.", ru="50 баллов.", en="50 points.")
    bad = Texts(kk="60 балл.", ru="60 баллов.", en="60 points.")
    assert "50" in clause.text
    enrichment = dict(load_enrichment())
    enrichment["8.8"] = Enrichment(id="8.8", gloss=good, questions=QUESTIONS)
    assert check_enrichment(KK, enrichment, CLAUSES).ok
    enrichment["8.8"] = Enrichment(id="8.8", gloss=bad, questions=QUESTIONS)
    failures = check_enrichment(KK, enrichment, CLAUSES).details
    assert any("8.8" in f and "60" in f for f in failures)


def test_glosses_must_agree_across_languages_and_list_items_are_not_glossed():
    enrichment = dict(load_enrichment())
    mixed = Texts(kk="50 балл.", ru="50 баллов.", en="points.")
    enrichment["8.8"] = Enrichment(id="8.8", gloss=mixed, questions=QUESTIONS)
    item = next(c for c in KK if c.kind is ClauseKind.list_item)
    enrichment[item.id] = Enrichment(id=item.id, gloss=mixed, questions=QUESTIONS)
    failures = check_enrichment(KK, enrichment, CLAUSES).details
    assert any("differ" in f for f in failures)
    assert any(item.id in f and "lead-in" in f for f in failures)


def test_a_card_citing_nothing_states_no_number_and_names_an_office():
    office = Texts(kk="деканат", ru="деканат", en="the dean's office")
    silent = Texts(kk="Саясатта жоқ.", ru="В политике нет.", en="The policy does not say.")
    priced = Texts(kk="5000 теңге.", ru="5000 тенге.", en="5000 tenge.")
    cards = (
        Card(id="a", topic="t", questions=QUESTIONS, answer=silent, clauses=[], office=office),
        Card(id="b", topic="t", questions=QUESTIONS, answer=priced, clauses=[], office=office),
        Card(id="c", topic="t", questions=QUESTIONS, answer=silent, clauses=[]),
        Card(id="d", topic="t", questions=QUESTIONS, answer=silent, clauses=["99.1"]),
    )
    failures = check_cards(KK, cards, CLAUSES).details
    assert not any(f.startswith("card a") for f in failures)
    assert any(f.startswith("card b") for f in failures)
    assert any(f.startswith("card c") for f in failures)
    assert any(f.startswith("card d") and "99.1" in f for f in failures)
