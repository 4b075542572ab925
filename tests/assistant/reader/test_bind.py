"""Binding values to a tool's arguments by structure: the general classes of reading."""

from __future__ import annotations

import pytest

from assistant.reader.bind import bind
from assistant.reader.message import read_message


def read(text: str, tool: str):
    return bind(read_message(text), tool)


@pytest.mark.parametrize(
    "text",
    ["R1 72, R2 65, exam 48", "72 for R1, 65 for R2 and 48 on the exam",
     "рейтинги 72 и 65, экзамен 48", "рейтингтерім 72 мен 65, емтиханнан 48 алдым",
     "reiting 72 ben 65, emtihan 48", "first rating 72, second 65, exam 48",
     "рейтинг екеуі де 72... жоқ", "R1/R2 = 72/65, экз 48"],
)  # fmt: skip
def test_ratings_and_exam_by_labels_groups_and_ordinals(text):
    args = read(text, "final_grade").args
    if "екеуі" in text:
        assert args == {"r1": 72, "r2": 72}
    else:
        assert args == {"r1": 72, "r2": 65, "exam": 48}


@pytest.mark.parametrize(
    "text",
    ["I missed 9 of the 28 lessons", "пропустил 9 занятий из 28", "из 28 пар пропустил 9",
     "28 сабақтың 9-ын босаттым", "барлығы 28 сабақ болды, 9 сабақ қалдырдым",
     "out of 28 classes I attended only 19"],
)  # fmt: skip
def test_a_part_and_its_whole(text):
    args = read(text, "exam_admission").args
    assert (args.get("missed"), args.get("total_classes")) == (9, 28)


def test_a_scale_top_is_no_value():
    assert read("UNT 47 out of 140", "admission_bachelor").args == {"unt_total": 47}
    assert read("ҰБТ-да 140-тан 60 алды", "admission_bachelor").args == {"unt_total": 60}
    assert read("Exam 80/100, R1 70, R2 75", "final_grade").args == {"exam": 80, "r1": 70, "r2": 75}


@pytest.mark.parametrize(
    ("text", "value"),
    [("I have no language certificate", False), ("I don't have a certificate", False),
     ("сертификата по английскому у меня нет", False), ("без сертификата", False),
     ("тіл сертификатым жоқ", False), ("сертификат алмадым", False), ("sertifikatym joq", False),
     ("IELTS сертификатым бар", True), ("есть сертификат TOEFL", True),
     ("IELTS сертификат есть а магистратуры нет", True)],
)  # fmt: skip
def test_negation_has_a_scope(text, value):
    assert read(text, "admission_doctoral").args.get("language_certificate") is value


def test_a_negation_of_its_own_phrase_negates_nothing_else():
    args = read(
        "Разница 8 кредит, бұл семестрде жүрмейді (в расписании нет)", "academic_difference"
    )
    assert args.args == {"difference_credits": 8, "in_current_schedule": False}


def test_yes_and_no_of_one_fact_is_ambiguous():
    reading = read("сертификат есть, сертификата нет", "admission_doctoral")
    assert "language_certificate" in reading.ambiguous


@pytest.mark.parametrize(
    "text", ["the exam was either 59 or 95", "экзамен то ли 59, то ли 95", "емтихан 59 әлде 95"]
)
def test_a_value_offered_as_one_of_two_is_ambiguous(text):
    reading = read(f"R1 66 R2 71, {text}", "final_grade")
    assert "exam" in reading.ambiguous


def test_units_decide_where_labels_are_missing():
    args = read("Бағдарлама 240 кредит, пән 4 кредит, курс 120 сағат", "nonformal_recognition")
    assert args.args == {"program_credits": 240, "course_credits": 4, "nonformal_hours": 120}
    assert read("стаж 2 года", "admission_doctoral").args["work_months"] == 24


def test_several_credits_add_up_and_a_count_multiplies():
    difference = read(
        "Термодинамика 5 кредитов, ТОЭ 6 кредитов, Гидравлика 4 кредита", "academic_difference"
    )
    assert difference.args == {"difference_credits": 15}
    summer = read("I need to redo two courses, 5 credits each", "summer_semester")
    assert summer.args == {"retake_credits": 10}
    offered = read("то ли 28, то ли 33 кредита", "summer_semester")
    assert "retake_credits" in offered.ambiguous
    labelled = read(
        "Жазда қайта оқимын: 5, 5 және 6 кредиттік. Бір кредит 18 500 теңге.", "summer_semester"
    )
    assert labelled.args == {"retake_credits": 16, "credit_price": 18500}


def test_a_number_inside_the_tools_own_label_is_no_value():
    assert read("рейтинг 1 — 70, рейтинг 2 — 65", "exam_admission").args == {"r1": 70, "r2": 65}
    assert read("1 кредит неше сағат?", "credit_hours").args == {"credits": 1}


def test_a_number_inside_a_label_with_a_fixed_number_is_no_value():
    reading = read("R1 60 R2 60, more than 20 minutes late 3 times", "exam_admission")
    assert reading.args == {"r1": 60, "r2": 60, "late_over_20": 3}


def test_a_number_labelled_as_something_else_is_a_weak_sign():
    reading = read("240 кредиттік бағдарламада оқимын. 1 кредит неше сағат?", "credit_hours")
    assert reading.args == {"credits": 1} and not reading.ambiguous


def test_a_year_is_of_study_or_of_work_as_the_tool_reads():
    assert read("Магистрант 1 года, английский B1", "mobility_eligibility").args["year"] == 1
    assert read("стаж один год", "admission_doctoral").args == {"work_months": 12}
    assert read("бір жыл жұмыс істедім", "admission_doctoral").args == {"work_months": 12}


def test_the_head_word_of_another_tools_name_still_labels():
    reading = read("it's a 240-credit bachelor programme", "nonformal_recognition")
    assert reading.args == {"program_credits": 240}


def test_a_value_only_an_unread_argument_takes_is_asked_for():
    reading = read("R1 60 R2 60, 20 classes in total, I was late 10 times", "exam_admission")
    assert "late_over_20" in reading.ambiguous


def test_lists_after_a_label_or_a_total():
    args = read(
        "ҰБТ 49 балл болды, тарих 11, оқу 6, мат. сауаттылық 7, ағылшын 13, география 12",
        "admission_bachelor",
    ).args
    assert args == {"unt_total": 49, "subject_scores": [11, 6, 7, 13, 12]}
    exams = read("creative exams 40 and 35, readiness 21", "admission_master").args
    assert exams["creative_exams"] == [40, 35] and exams["readiness"] == 21


def test_courses_with_letters_scores_and_names():
    gpa = read("B+ in a 4-credit course, C in a 3-credit one and A- in a 5-credit one", "gpa")
    assert gpa.args["courses"] == [
        {"credits": 4, "letter": "B+"},
        {"credits": 3, "letter": "C"},
        {"credits": 5, "letter": "A-"},
    ]
    transfer = read("Физика 1 — 4 кредит, С-; Физика 2 — 4 кредит, FX", "transfer_recount")
    assert [c["name"] for c in transfer.args["courses"]] == ["Физика 1", "Физика 2"]


def test_courses_with_grades_only_wait_for_their_credits():
    gpa = read("A in Programming, B+ in Databases and a C in Networks", "gpa")
    assert gpa.args["courses"] == [
        {"credits": None, "letter": "A"},
        {"credits": None, "letter": "B+"},
        {"credits": None, "letter": "C"},
    ]


def test_a_list_in_one_shape_gives_every_course_its_credits():
    transfer = read(
        "Химия — 5 кредитов — C+, Английский — 4 — A, Биология — 5 — F", "transfer_recount"
    )
    assert [(c["name"], c["credits"]) for c in transfer.args["courses"]] == [
        ("Химия", 5),
        ("Английский", 4),
        ("Биология", 5),
    ]


def test_a_course_count_that_does_not_match_the_grades_is_asked():
    reading = read("3 пән, әрқайсысы бес кредит, бағалар B, B-, C және FX. GPA қанша", "gpa")
    assert "courses" not in reading.args and reading.ambiguous == ["courses"]


def test_a_grade_of_the_list_asked_about_after_it_is_no_course_of_its_own():
    # one credit count said of every course reads the grades of its own sentence
    reading = read("3 пән, әрқайсысы бес кредит, бағалар B, B- және FX. FX-ті қосу керек пе", "gpa")
    assert [c["letter"] for c in reading.args["courses"]] == ["B", "B-", "FX"]


def test_two_values_offered_in_turn_are_ambiguous():
    reading = read("говорят то 32, то 38 кредитов разницы", "academic_difference")
    assert "difference_credits" in reading.ambiguous


def test_a_course_list_with_a_grade_left_over_is_not_read():
    reading = read("B in Statistics, A in Ethics, C- in Mechanics. Ethics is 3 credits.", "gpa")
    assert reading.args == {} and reading.ambiguous == ["courses"]


def test_out_of_range_values_are_read_for_the_tool_to_refuse():
    assert read("Мой балл за экзамен 105, какая буква?", "letter_grade").args == {"score": 105}
