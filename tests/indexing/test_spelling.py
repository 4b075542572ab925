"""Kazakh typed in Latin letters, spelled as the policy spells its words."""

import pytest

from indexing.language import query_text_for
from indexing.spelling import restore


@pytest.mark.parametrize(
    ("guess", "spelled"),
    [
        ("толеуге", "төлеуге"),  # "toleuge": ө and у are not in the Latin letters typed
        ("кұрстардан", "курстардан"),  # a loan word keeps its у
        ("аұыстыруга", "ауыстыруға"),
        ("сертіфікат", "сертификат"),
        ("бұірық", "бұйрық"),
    ],
)
def test_a_transliterated_word_takes_the_policys_spelling(guess, spelled):
    assert restore(guess) == spelled


def test_words_the_policy_does_not_have_and_short_words_stay():
    assert restore("қаі") == "қаі"
    assert restore("zzzz") == "zzzz"
    assert restore("ххххххх") == "ххххххх"


def test_latin_typed_kazakh_queries_are_restored_and_other_text_is_not():
    assert "төлеуге" in query_text_for("kontrakt aqysyn bolip toleuge bola ma?", "kk")
    assert query_text_for("Можно ли пересдать FX?", "ru") == "Можно ли пересдать FX?"
