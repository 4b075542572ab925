"""Query expansion: a borrowed abbreviation brings the query language's forms."""

import pytest

from indexing.glossary import expansions


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("Какой минимальный балл ҰБТ?", "ru", "ЕНТ"),  # Kazakh abbreviation in Russian
        ("UNT score for a grant", "kk", "ҰБТ"),  # English abbreviation in Kazakh
        ("ЦОС арқылы өтініш", "kk", "СҚКО"),  # Russian office name in Kazakh
    ],
)
def test_a_borrowed_abbreviation_brings_the_query_languages_forms(query, lang, expected):
    assert expected in expansions(query, lang)


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("Какой минимальный балл ЕНТ?", "ru"),  # already the query's own form
        ("university rules", "ru"),  # no abbreviation: common words are not expanded
        ("ҰБТ-ның жаңа ережесі", "kk"),
    ],
)
def test_own_forms_and_common_words_are_not_expanded(query, lang):
    assert expansions(query, lang) == []


def test_a_form_already_in_the_query_is_not_added_again():
    found = expansions("ЕНТ и ҰБТ — одно и то же?", "ru")
    assert "ЕНТ" not in found and "единое национальное тестирование" in found
