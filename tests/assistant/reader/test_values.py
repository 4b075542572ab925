"""Values: numbers in digits and words, units, letters, levels, numbers that state nothing."""

from __future__ import annotations

import pytest

from assistant.reader.message import read_message


def numbers(text: str) -> list:
    msg = read_message(text)
    return [(v.value, v.unit) for i, v in enumerate(msg.values) if i in msg.numbers()]


@pytest.mark.parametrize(
    ("text", "value"),
    [("seventy-two", 72), ("one hundred and five", 105), ("семьдесят два", 72),
     ("сто двадцать три", 123), ("жетпіс екі", 72), ("toqsan bes ball bolsa", 95),
     ("үш бүтін оннан бір", 3.1), ("seventy-four and a half", 74.5), ("24 000 тенге", 24000),
     ("он сегіз мың теңге", 18000), ("94,5", 94.5), ("ush butin ondan alty", 3.6)],
)  # fmt: skip
def test_numbers_in_digits_and_words(text, value):
    assert [v for v, _ in numbers(text)] == [value]


@pytest.mark.parametrize(
    ("text", "unit"),
    [("5 credits", "credits"), ("5-кредиттік пән", "credits"), ("5кр", "credits"),
     ("150 ак. часов", "hours"), ("8 ай", "months"), ("3-го года", "study_year"),
     ("2nd year", "study_year"), ("екінші курс", "study_year"), ("on a 4-point scale", "scale"),
     ("24,000 tenge", "money")],
)  # fmt: skip
def test_units_after_numbers(text, unit):
    assert [u for _, u in numbers(text)] == [unit]


def test_a_number_listed_before_another_shares_its_unit():
    assert numbers("5 және 4 кредит") == [(5, "credits"), (4, "credits")]
    assert numbers("120 немесе 150 сағат") == [(120, "hours"), (150, "hours")]
    assert numbers("5, 5 және 6 кредиттік") == [(5, "credits"), (5, "credits"), (6, "credits")]
    assert numbers("R2 73, 6 пар") == [(73, None), (6, "classes")]  # 73 has its own label


@pytest.mark.parametrize(
    "text",
    ["Сдавала 12.01.2025", "in 2024", "room 305", "214-аудиторияда", "§8.21", "группа 21",
     "2-3 минуты", "23-ВТ-2 тобындағы студент", "гр. 22-СТ-1", "something in the 80s",
     "восемьдесят с чем-то", "Он сможет сдать", "оң баға", "one", "one credit", "на 3 курс",
     "compared with the two ratings", "екі рейтинг пен емтихан", "11-сыныпты бітіремін",
     "1 semestr bitken soń", "в 11 классе", "3-семестрде"],
)  # fmt: skip
def test_numbers_that_state_nothing(text):
    assert numbers(text) == []


@pytest.mark.parametrize(
    "text", ["2 семестрде 5 кредит", "во 2 семестре 5 кредитов", "на 3 курс 5 кредитов"]
)
def test_a_number_after_an_irrelevant_one_still_counts(text):
    assert numbers(text) == [(5, "credits")]


def test_a_number_after_its_label_and_a_dash_is_no_part_of_a_unit_list():
    assert numbers("R2 - 47, 30 пар") == [(47, None), (30, "classes")]


@pytest.mark.parametrize(
    "text", ["50 минут па әлде 45?", "50 minut pa alde 45?", "50 minutes or 45", "50 минут или 45"]
)
def test_an_alternative_after_a_unit_shares_it(text):
    msg = read_message(text)
    assert [(v.value, v.unit) for v in msg.values] == [(50, "minutes"), (45, "minutes")]


def test_a_number_after_a_comma_keeps_no_unit_of_its_own():
    msg = read_message("5 credits, 45")
    assert [(v.value, v.unit) for v in msg.values] == [(5, "credits"), (45, None)]


def test_a_number_said_to_be_wrong_is_no_value():
    msg = read_message("пропуск 6 емес, 16 екен")
    assert [v.value for i, v in enumerate(msg.values) if i in msg.numbers()] == [16]
    assert [msg.values[i].value for i in msg.negated] == [6]


def test_letters_and_levels():
    msg = read_message("A student got FX-ті, then C+ and В- (Cyrillic), English B2.")
    letters = [v.value for v in msg.values if v.kind == "letter"]
    levels = [v.value for v in msg.values if v.kind == "cefr"]
    assert letters == ["FX", "C+", "B-"] and levels == ["B2"]


@pytest.mark.parametrize(
    ("text", "months"),
    [("worked 2 years and 3 months", 27), ("стаж 1 год 2 месяца", 14), ("1 жыл 4 ай", 16),
     ("3 years, 6 months", 42), ("екі жыл үш ай", 27)],
)  # fmt: skip
def test_years_and_months_are_one_duration(text, months):
    assert numbers(text) == [(months, "months")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("alpys toğyz", 69),
        ("jetpis bes", 75),
        ("bağasy 20 myñ teñge", 20000),
        ("bir kredit 15 mıń teńge", 15000),
    ],
)
def test_kazakh_latin_letters_in_number_words(text, value):
    assert [v for v, _ in numbers(text)] == [value]


@pytest.mark.parametrize(
    ("text", "months"),
    [("стаж год и два месяца", 14), ("worked a year and 3 months", 15)],
)
def test_a_year_said_without_a_number_before_months(text, months):
    values = [v for v in read_message(text).values if v.kind == "number"]
    assert [(v.value, v.unit) for v in values] == [(months, "months")]
