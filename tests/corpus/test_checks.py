"""The checks catch what they exist to catch."""

from corpus.checks import check_alignment, check_clean_text, check_numbers, check_script
from corpus.models import Clause, Lang
from corpus.numbers import number_diff, numbers_in


def clause(cid: str, text: str, lang: str = "kk", **extra) -> Clause:
    status = "official" if lang == "kk" else "unofficial translation"
    return Clause(
        id=cid,
        doc="t",
        section=int(cid.split(".")[0]),
        section_title="T",
        kind="paragraph",
        lang=lang,
        text=text,
        status=status,
        **extra,
    )


def test_numbers_are_compared_as_figures():
    assert numbers_in("0,6 × 20 000 теңге, 08.2025") == numbers_in("0.6 × 20,000 tenge, 8.2025")
    missing, added = number_diff("кемінде 50 балл", "at least 5 points")
    assert missing == {50: 1} and added == {5: 1}


def test_number_check_flags_a_changed_figure():
    kk = (clause("5.1", "кемінде 75 балл, шет тілі бойынша 25"),)
    good = (clause("5.1", "not less than 75 points, 25 in the foreign language", "en"),)
    bad = (clause("5.1", "not less than 70 points, 25 in the foreign language", "en"),)
    assert check_numbers(kk, good, Lang.en).ok
    result = check_numbers(kk, bad, Lang.en)
    assert not result.ok and "5.1" in result.details[0]


def test_script_check_finds_kazakh_letters_and_cyrillic():
    assert not check_script((clause("1.1", "Студент ҰБТ сдаёт", "ru"),), Lang.ru).ok
    assert not check_script((clause("1.1", "The student takes the ЕНТ", "en"),), Lang.en).ok
    assert check_script((clause("1.1", "The «ШҚТУ» name is quoted", "en"),), Lang.en).ok


def test_alignment_check_finds_missing_and_extra_ids():
    kk = (clause("1.1", "а"), clause("1.2", "б"))
    ru = (clause("1.1", "а", "ru"), clause("1.3", "в", "ru"))
    details = check_alignment(kk, ru, Lang.ru).details
    assert any("missing 1.2" in d for d in details)
    assert any("extra 1.3" in d for d in details)


def test_a_sub_heading_is_aligned_and_its_numbers_checked():
    kk = (
        clause("12.56", "Докторанттарды ауыстыру 25 тамызына дейін", heading="Докторанттар 2 үшін"),
    )
    en = (clause("12.56", "Doctoral students progress by 25 August", "en", heading="For 2 PhD"),)
    assert check_alignment(kk, en, Lang.en).ok and check_numbers(kk, en, Lang.en).ok
    no_heading = (clause("12.56", "For PhD. Doctoral students progress by 25 August", "en"),)
    assert not check_alignment(kk, no_heading, Lang.en).ok
    assert not check_numbers(kk, no_heading, Lang.en).ok  # the heading's 2 is missing
    assert not check_script((clause("1.1", "Text", "en", heading="Ауысу"),), Lang.en).ok


def test_clean_text_check_finds_artefacts():
    dirty = (clause("1.1", "Бет. 15 і 52 кӛлем онлайн- оқыту"),)
    details = check_clean_text(dirty).details
    assert len(details) == 3


def test_glossary_rate_counts_inflected_translations():
    from corpus.checks import check_glossary, glossary_rate

    glossary = [
        {
            "id": "ad",
            "kk": ["академиялық айырмашылық"],
            "ru": ["академическая разница"],
            "en": ["academic difference"],
        }
    ]
    kk = (clause("12.1", "Академиялық айырмашылық жойылады"),)
    ru_good = (clause("12.1", "Ликвидация академической разницы", "ru"),)
    ru_bad = (clause("12.1", "Ликвидация задолженности", "ru"),)
    assert glossary_rate(glossary, kk, ru_good, Lang.ru) == (1.0, 1)
    assert glossary_rate(glossary, kk, ru_bad, Lang.ru) == (0.0, 1)
    assert not check_glossary(glossary + [{"id": "ad", "kk": ["x"], "ru": [], "en": ["y"]}]).ok
