import pytest

from indexing.analyzers import analyze, char_ngrams, kazakh_stem


def test_russian_inflections_share_a_stem():
    assert analyze("экзамена", "ru") == analyze("экзамены", "ru") == analyze("экзаменом", "ru")


def test_kazakh_case_endings_are_stripped():
    forms = ("емтихан", "емтиханға", "емтиханнан", "емтиханда", "емтиханды")
    stems = {kazakh_stem(w) for w in forms}
    assert len(stems) == 1 and "емтихан".startswith(stems.pop())
    assert kazakh_stem("кредиттердің") == kazakh_stem("кредит")
    assert kazakh_stem("кредит") != kazakh_stem("курс")


def test_short_kazakh_words_are_left_alone():
    assert kazakh_stem("бал") == "бал"


def test_english_stemming_and_stopwords():
    assert analyze("the retakes of exams", "en") == ["retak", "exam"]


def test_numbers_and_codes_survive():
    assert "fx" in analyze("FX алсам", "kk")
    assert "50" in analyze("кемінде 50 балл", "kk")


def test_kazakh_variants_for_the_ablation():
    assert analyze("емтиханнан", "kk", "prefix") == ["емтих"]
    assert char_ngrams("емтихан")[:2] == ["^емт", "емти"]
    with pytest.raises(ValueError, match="unknown Kazakh analyzer"):
        analyze("сөз", "kk", "stemmer9000")


def test_hunspell_kazakh_dictionary_stems():
    """Debian's hunspell-kk (installed by .ci/install-hunspell): dictionary stems, with the
    suffix stripper for the words it does not know."""
    from indexing.analyzers import hunspell_available, hunspell_stem

    if not hunspell_available():
        pytest.skip("hunspell-kk is not installed: run .ci/install-hunspell .venv")
    assert {hunspell_stem(w) for w in ("баға", "бағасы", "бағаның", "бағаларды")} == {"баға"}
    assert hunspell_stem("кредиттің") == "кредит"
    assert hunspell_stem("студенттер") == kazakh_stem("студенттер")  # not in the dictionary
    assert analyze("FX 8.21 бағасы", "kk", "hunspell") == ["fx", "8.21", "баға"]
