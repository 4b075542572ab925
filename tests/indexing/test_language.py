import pytest

from indexing.language import detect_language, query_text_for


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("FX алсам не істеймін?", "kk"),
        ("Жазғы семестрде неше кредит алуға болады?", "kk"),
        ("что будет если получил FX", "ru"),
        ("Сколько кредитов можно взять в летнем семестре?", "ru"),
        ("fx retake rules??", "en"),
        ("How many credits can I take in the summer semester?", "en"),
        ("FX alsam ne isteimin?", "kk"),  # Kazakh typed in Latin letters
        ("Qorytyndy baǵa qalai esepteledi?", "kk"),
        ("Сессиядан кейін FX пересдача қашан болады?", "kk"),  # mixed, Kazakh dominant
        ("Можно ли пересдать FX, если я на 2 курсе?", "ru"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_latin_kazakh_query_is_transliterated_for_analysis():
    assert query_text_for("FX alsam ne isteimin?", "kk").startswith("FX алсам")
    assert query_text_for("fx retake", "en") == "fx retake"


def test_no_letters_falls_back_to_default():
    assert detect_language("72 65 48", default="ru") == "ru"
