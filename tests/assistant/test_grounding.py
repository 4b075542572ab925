"""Coverage: a question for an amount is covered only by clauses that state one."""

import pytest

from assistant.grounding import asked_amount, assess_coverage, states_amount
from corpus.store import clauses_by_id
from indexing.search import Hit


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("How many days does the commission have to decide?", "days"),
        ("Сколько раз можно подавать заявление?", "times"),
        ("Қорғауға неше минут беріледі?", "minutes"),
        ("sessiya neshe apta bolady?", "weeks"),  # Kazakh typed in Latin letters
        ("What percentage of absences is allowed?", "percent"),
        ("Какой процент пропусков допустим?", "percent"),
    ],
)
def test_a_question_for_an_amount_names_its_unit(question, unit):
    assert asked_amount(question) == unit


@pytest.mark.parametrize(
    "question",
    [
        "Can I retake an FX?",
        "I missed 5 days, how many are allowed?",  # the unit goes with the stated number
        "Сколько предметов можно пересдать летом?",  # subjects: the policy counts credits
        "Сколько стоит общежитие?",  # a price: checked on its own
    ],
)
def test_no_amount_unit_is_asked(question):
    assert asked_amount(question) is None


def test_an_amount_is_stated_by_a_number_and_its_unit_in_one_sentence():
    assert states_amount("Апелляция подаётся в течение 3 рабочих дней.", "days")
    assert states_amount("Өтініш үш жұмыс күні ішінде қаралады.", "days")
    assert states_amount("Каникулы составляют не менее 7 недель.", "weeks")
    assert not states_amount("Каникулы составляют 7 недель. Апелляция — в течение дня.", "times")
    assert not states_amount("Заявление рассматривается в установленные дни.", "days")


def _hits(*ids: str) -> list[Hit]:
    return [Hit(cid, 1.0 / (n + 1), int(cid.split(".")[0]), 0.95) for n, cid in enumerate(ids)]


def test_clauses_that_do_not_state_the_amount_asked_for_do_not_cover_it():
    # §8.24 is about what the appeal commission decides, not how many days it takes
    assert "күн" not in clauses_by_id("kk")["8.24"].text
    coverage = assess_coverage("Комиссия неше күн ішінде шешім шығарады?", "kk", _hits("8.24"))
    assert not coverage.answered and coverage.missing_figure == "days"


def test_clauses_that_state_the_amount_cover_it():
    # §7.8: the vacation is at least 7 weeks a year
    coverage = assess_coverage("Каникулы сколько недель в году?", "ru", _hits("7.8"))
    assert coverage.answered and coverage.missing_figure is None
