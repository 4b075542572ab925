"""The router: dev set cases, own cases in kk / ru / en, follow-ups, and junk input.

Own cases are deliberately not paraphrases of the dev questions: other numbers, other
wording, colloquial and mixed language, Kazakh typed in Latin letters, typos.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.models import Route
from assistant.router import PendingTool, _route, route
from tests.tools.helpers import mismatches
from tools import registry

DEV = Path(__file__).resolve().parents[2] / "evals" / "dev.jsonl"
ITEMS = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
TOOL_ITEMS = [item for item in ITEMS if item["kind"] == "tool"]
OTHER_ITEMS = [item for item in ITEMS if item["kind"] != "tool"]

# ---- the dev set ---------------------------------------------------------------------------


def test_dev_set_has_25_tool_cases():
    assert len(TOOL_ITEMS) == 25


@pytest.mark.parametrize("item", TOOL_ITEMS, ids=[item["id"] for item in TOOL_ITEMS])
def test_dev_tool_case_routes_to_its_tool_with_working_arguments(item):
    decision = route(item["question"])
    assert decision.kind in ("tool", "both"), decision
    assert decision.tool == item["tool"], decision
    assert decision.missing == []
    result = registry.run(decision.tool, decision.arguments).to_json()
    assert mismatches(item["expected"], result) == [], decision.arguments


@pytest.mark.parametrize("item", OTHER_ITEMS, ids=[item["id"] for item in OTHER_ITEMS])
def test_dev_policy_question_always_gets_the_policy_text(item):
    decision = route(item["question"])
    assert decision.kind in ("retrieval", "both"), decision


# ---- own cases: calculations ---------------------------------------------------------------

TOOL_CASES = [
    # final_grade
    (
        "en",
        "R1 72, R2 68, final exam 81. What letter do I get?",
        "final_grade",
        {"r1": 72, "r2": 68, "exam": 81},
    ),
    (
        "en",
        "my ratings are 55 and 61 and exam 40, did I pass?",
        "final_grade",
        {"r1": 55, "r2": 61, "exam": 40},
    ),
    (
        "en",
        "I have 85 for R1, 90 for R2, and 70 for the exam. Final?",
        "final_grade",
        {"r1": 85, "r2": 90, "exam": 70},
    ),
    ("en", "ratings: 60/70, exam: 55 - final?", "final_grade", {"r1": 60, "r2": 70, "exam": 55}),
    ("en", "r1 70 r2 65 exm 50 final grade?", "final_grade", {"r1": 70, "r2": 65, "exam": 50}),
    (
        "ru",
        "РК1 - 75, РК2 - 80, экзамен 90. Какая будет итоговая?",
        "final_grade",
        {"r1": 75, "r2": 80, "exam": 90},
    ),
    (
        "ru",
        "Первый рейтинг 66, второй рейтинг 71, на экзамене получил 58. Итоговая оценка?",
        "final_grade",
        {"r1": 66, "r2": 71, "exam": 58},
    ),
    ("ru", "рк1 70 рк2 65 экз 50 итоговая?", "final_grade", {"r1": 70, "r2": 65, "exam": 50}),
    ("ru", "R1/R2 = 80/75, экзамен 90,5", "final_grade", {"r1": 80, "r2": 75, "exam": 90.5}),
    (
        "kk",
        "1-рейтинг 85, 2-рейтинг 78, емтиханнан 92 алдым. Қорытынды баға қанша?",
        "final_grade",
        {"r1": 85, "r2": 78, "exam": 92},
    ),
    (
        "kk",
        "R1 80, R2 75, emtihan 70, qorytyndy bagam qandai?",
        "final_grade",
        {"r1": 80, "r2": 75, "exam": 70},
    ),
    # letter_grade
    ("en", "I scored 87 in Physics. What letter grade is that?", "letter_grade", {"score": 87}),
    ("en", "what grade is 49.5?", "letter_grade", {"score": 49.5}),
    ("en", "If I get 64 points, what is it in letters?", "letter_grade", {"score": 64}),
    ("ru", "87 баллов — это какая оценка по буквенной системе?", "letter_grade", {"score": 87}),
    ("kk", "Емтихан қорытындысы 59,5 балл. Қай әріп болады?", "letter_grade", {"score": 59.5}),
    # gpa
    (
        "en",
        "Calculate my GPA: Calculus 6 credits A, Physics 5 credits B-, History 3 credits C.",
        "gpa",
        {
            "courses": [
                {"credits": 6, "letter": "A"},
                {"credits": 5, "letter": "B-"},
                {"credits": 3, "letter": "C"},
            ]
        },
    ),
    (
        "en",
        "GPA pls: 5 credits 91, 3 credits 76, 4 credits 58",
        "gpa",
        {
            "courses": [
                {"credits": 5, "score": 91},
                {"credits": 3, "score": 76},
                {"credits": 4, "score": 58},
            ]
        },
    ),
    (
        "en",
        "I got A in Calculus (6 credits), B+ in Physics (5 credits) and C in History "
        "(3 credits). GPA?",
        "gpa",
        {
            "courses": [
                {"credits": 6, "letter": "A"},
                {"credits": 5, "letter": "B+"},
                {"credits": 3, "letter": "C"},
            ]
        },
    ),
    (
        "ru",
        "Мой GPA? Математика (5 кредитов) — А-, Физика (4 кредита) — В+, Химия (3 кредита) — С.",
        "gpa",
        {
            "courses": [
                {"credits": 5, "letter": "A-"},
                {"credits": 4, "letter": "B+"},
                {"credits": 3, "letter": "C"},
            ]
        },
    ),
    (
        "ru",
        "гпа посчитай: 5кр А, 3кр В-, 2кр F",
        "gpa",
        {
            "courses": [
                {"credits": 5, "letter": "A"},
                {"credits": 3, "letter": "B-"},
                {"credits": 2, "letter": "F"},
            ]
        },
    ),
    (
        "kk",
        "gpa esepte: 5 kredit A-, 4 kredit B, 3 kredit C+",
        "gpa",
        {
            "courses": [
                {"credits": 5, "letter": "A-"},
                {"credits": 4, "letter": "B"},
                {"credits": 3, "letter": "C+"},
            ]
        },
    ),
    # igpa
    (
        "en",
        "I'm in 3rd year, GPA 3.5, iROS 3.0, SSCI 2.5 — iGPA?",
        "igpa",
        {"year": 3, "gpa": 3.5, "iros": 3.0, "ssci": 2.5},
    ),
    (
        "ru",
        "Я на 2 курсе, GPA 2,9, SSCI 3,1. Посчитайте iGPA.",
        "igpa",
        {"year": 2, "gpa": 2.9, "ssci": 3.1},
    ),
    (
        "ru",
        "Третьекурсник: GPA 3,3, иРОС 3, ССКИ 2,5. Интегральный GPA?",
        "igpa",
        {"year": 3, "gpa": 3.3, "iros": 3, "ssci": 2.5},
    ),
    (
        "kk",
        "GPA 3.2, SSCI 3, ekinshi kurs, iGPA qansha?",
        "igpa",
        {"year": 2, "gpa": 3.2, "ssci": 3},
    ),
    # exam_admission
    ("en", "Can I sit the exam with R1 40 and R2 55?", "exam_admission", {"r1": 40, "r2": 55}),
    (
        "en",
        "R1 70, R2 80. I missed 10 of 24 classes. Am I allowed to take the exam?",
        "exam_admission",
        {"r1": 70, "r2": 80, "missed": 10, "total_classes": 24},
    ),
    (
        "ru",
        "Р1 65, Р2 70, пропустил 12 занятий из 20. Допуск будет?",
        "exam_admission",
        {"r1": 65, "r2": 70, "missed": 12, "total_classes": 20},
    ),
    (
        "ru",
        "Я магистрант, Р1 40, Р2 62. Допустят?",
        "exam_admission",
        {"r1": 40, "r2": 62, "level": "master"},
    ),
    (
        "kk",
        "Магистрантпын, R1 45, R2 50, емтиханға жібере ме?",
        "exam_admission",
        {"r1": 45, "r2": 50, "level": "master"},
    ),
    # retake_path
    (
        "en",
        "I got FX for the second time in Physics. What happens now?",
        "retake_path",
        {"grade": "FX", "fx_count": 2},
    ),
    ("en", "i got fx again in calc, what now", "retake_path", {"grade": "FX", "fx_count": 2}),
    (
        "en",
        "I failed the final attestation with F. What now?",
        "retake_path",
        {"grade": "F", "context": "final_attestation"},
    ),
    (
        "ru",
        "у меня фх второй раз по физике что делать",
        "retake_path",
        {"grade": "FX", "fx_count": 2},
    ),
    (
        "ru",
        "Получил C по Истории Казахстана на госэкзамене, можно пересдать?",
        "retake_path",
        {"grade": "C", "context": "kz_history_state_exam"},
    ),
    (
        "kk",
        "FX-ті екінші рет алдым, енді не істеймін?",
        "retake_path",
        {"grade": "FX", "fx_count": 2},
    ),
    ("kk", "FX ekinshi ret aldym, ne isteimin?", "retake_path", {"grade": "FX", "fx_count": 2}),
    (
        "kk",
        "Қазақстан тарихы мемлекеттік емтиханынан FX алдым, не істеймін?",
        "retake_path",
        {"grade": "FX", "context": "kz_history_state_exam"},
    ),
    # admission_bachelor
    (
        "en",
        "UNT: 110 (30, 25, 20, 20, 15) grant?",
        "admission_bachelor",
        {"unt_total": 110, "subject_scores": [30, 25, 20, 20, 15]},
    ),
    (
        "ru",
        "ЕНТ 48 баллов, по предметам 10, 9, 8, 11, 10. Пройду на грант?",
        "admission_bachelor",
        {"unt_total": 48, "subject_scores": [10, 9, 8, 11, 10]},
    ),
    (
        "ru",
        "Закончил колледж, ЕНТ 30 баллов, по предметам 6, 6, 6, 6, 6. Сокращенная программа, "
        "прохожу?",
        "admission_bachelor",
        {"unt_total": 30, "subject_scores": [6, 6, 6, 6, 6], "route": "shortened_tvet"},
    ),
    (
        "kk",
        "UBT 70 ball, pander boiynsha 15, 15, 10, 15, 15. Grantqa ote alamyn ba?",
        "admission_bachelor",
        {"unt_total": 70, "subject_scores": [15, 15, 10, 15, 15]},
    ),
    # admission_master
    (
        "en",
        "Master's admission, scientific-pedagogical track: foreign language 20, profile single "
        "25, profile multiple 20, readiness 15",
        "admission_master",
        {
            "track": "sci_ped",
            "foreign_language": 20,
            "profile_single": 25,
            "profile_multiple": 20,
            "readiness": 15,
        },
    ),
    (
        "en",
        "master's CT: I have an IELTS certificate, profile single answer 12, multiple answers "
        "14, readiness 9 — do I pass?",
        "admission_master",
        {
            "language_certificate": True,
            "profile_single": 12,
            "profile_multiple": 14,
            "readiness": 9,
        },
    ),
    (
        "ru",
        "Поступаю в профильную магистратуру: профиль один ответ 20, несколько ответов 15, "
        "готовность 10. Прохожу?",
        "admission_master",
        {"track": "profile", "profile_single": 20, "profile_multiple": 15, "readiness": 10},
    ),
    (
        "kk",
        "Ғылыми-педагогикалық магистратураға түсемін: шет тілі 35, бір жауапты 10, бірнеше "
        "жауапты 15, дайындық 12.",
        "admission_master",
        {
            "track": "sci_ped",
            "foreign_language": 35,
            "profile_single": 10,
            "profile_multiple": 15,
            "readiness": 12,
        },
    ),
    # admission_doctoral
    (
        "en",
        "PhD applicant without a master's degree, 12 months experience, exam 90 — eligible?",
        "admission_doctoral",
        {"has_master": False, "work_months": 12, "exam_score": 90, "program": "phd"},
    ),
    (
        "en",
        "doctoral applicant, no work experience, master's yes, exam 85, grant",
        "admission_doctoral",
        {"has_master": True, "work_months": 0, "exam_score": 85, "funding": "grant"},
    ),
    (
        "ru",
        "Хочу в докторантуру PhD на грант: магистр есть, стаж 2 года, экзамен 72 из 100, "
        "сертификат IELTS.",
        "admission_doctoral",
        {
            "has_master": True,
            "work_months": 24,
            "exam_score": 72,
            "program": "phd",
            "funding": "grant",
            "language_certificate": True,
            "certificate_type": "IELTS",
        },
    ),
    (
        "kk",
        "Докторантураға түскім келеді: магистр дәрежесі бар, жұмыс өтілі 10 ай, емтихан 70 балл, "
        "TOEFL ITP сертификатым бар.",
        "admission_doctoral",
        {
            "has_master": True,
            "work_months": 10,
            "exam_score": 70,
            "language_certificate": True,
            "certificate_type": "TOEFL ITP",
        },
    ),
    # nonformal_recognition
    (
        "en",
        "Non-formal learning: my programme is 300 credits, I want a 6-credit course recognised "
        "with a 200-hour certificate; 40 credits already recognised.",
        "nonformal_recognition",
        {
            "program_credits": 300,
            "course_credits": 6,
            "nonformal_hours": 200,
            "already_recognized_credits": 40,
        },
    ),
    (
        "ru",
        "Я прошел онлайн-курс на Coursera 120 часов, хочу перезачесть дисциплину на 5 кредитов, "
        "программа 240 кредитов.",
        "nonformal_recognition",
        {"program_credits": 240, "course_credits": 5, "nonformal_hours": 120},
    ),
    (
        "kk",
        "Бейресми білім: 240 кредиттік бағдарлама, 4 кредиттік пән, 90 сағаттық курс.",
        "nonformal_recognition",
        {"program_credits": 240, "course_credits": 4, "nonformal_hours": 90},
    ),
    # transfer_recount
    (
        "en",
        "I'm transferring from another university. Transcript: Linear Algebra 6 cr - A-, "
        "Programming 5 cr - F, Economics 4 cr - C+. What will be recounted?",
        "transfer_recount",
        {
            "courses": [
                {"name": "Linear Algebra", "credits": 6, "letter": "A-"},
                {"name": "Programming", "credits": 5, "letter": "F"},
                {"name": "Economics", "credits": 4, "letter": "C+"},
            ]
        },
    ),
    (
        "en",
        "Transferring. A in Calculus (5 credits), FX in Physics (4 credits)",
        "transfer_recount",
        {
            "courses": [
                {"name": "Calculus", "credits": 5, "letter": "A"},
                {"name": "Physics", "credits": 4, "letter": "FX"},
            ]
        },
    ),
    (
        "ru",
        "Теория вероятностей и математическая статистика 5 кр. — B, Физика 4 кр. — C. "
        "Перевожусь, что перезачтут?",
        "transfer_recount",
        {
            "courses": [
                {
                    "name": "Теория вероятностей и математическая статистика",
                    "credits": 5,
                    "letter": "B",
                },
                {"name": "Физика", "credits": 4, "letter": "C"},
            ]
        },
    ),
    (
        "kk",
        "Басқа ЖОО-дан ауысып жатырмын: Физика 5 кредит — B+, Химия 4 кредит — FX, Ағылшын "
        "тілі 3 кредит — A. Қайсысы қайта есептеледі?",
        "transfer_recount",
        {
            "courses": [
                {"name": "Физика", "credits": 5, "letter": "B+"},
                {"name": "Химия", "credits": 4, "letter": "FX"},
                {"name": "Ағылшын тілі", "credits": 3, "letter": "A"},
            ]
        },
    ),
    # academic_difference
    (
        "en",
        "I have 12 credits of academic difference, can I take them this semester?",
        "academic_difference",
        {"difference_credits": 12},
    ),
    (
        "ru",
        "Академическая разница 20 кредитов, этих дисциплин нет в текущем расписании. Где их "
        "сдавать?",
        "academic_difference",
        {"difference_credits": 20, "in_current_schedule": False},
    ),
    (
        "kk",
        "Академиялық айырмам 40 кредит. Бір семестрде жаба аламын ба?",
        "academic_difference",
        {"difference_credits": 40},
    ),
    # summer_semester
    (
        "en",
        "Summer semester: 18 credits at 25000 tenge per credit, how much?",
        "summer_semester",
        {"retake_credits": 18, "credit_price": 25000},
    ),
    (
        "ru",
        "В летнем семестре 10 кредитов, кредит стоит 30 000 тг. Сколько заплачу?",
        "summer_semester",
        {"retake_credits": 10, "credit_price": 30000},
    ),
    (
        "ru",
        "Летний семестр: 15 кредитов, новые Р1 70 и Р2 62, курсовую не защитил.",
        "summer_semester",
        {
            "retake_credits": 15,
            "new_r1": 70,
            "new_r2": 62,
            "coursework_required": True,
            "coursework_defended": False,
        },
    ),
    (
        "kk",
        "jazgy semestrde 12 kredit alsam qansha tolejmin? 1 kredit 22000 tenge",
        "summer_semester",
        {"retake_credits": 12, "credit_price": 22000},
    ),
    # mobility_eligibility
    (
        "en",
        "Second-year master's student, C1, GPA 3.9, can I do an exchange?",
        "mobility_eligibility",
        {"level": "master", "year": 2, "english_level": "C1", "gpa": 3.9},
    ),
    (
        "ru",
        "Магистрант 1 курса, английский B2, GPA 3,6, хочу по академической мобильности в Европу.",
        "mobility_eligibility",
        {"level": "master", "year": 1, "english_level": "B2", "gpa": 3.6},
    ),
    (
        "kk",
        "2 курс, ағылшын тілі C1, GPA 2,8 — академиялық ұтқырлыққа қатыса аламын ба?",
        "mobility_eligibility",
        {"year": 2, "english_level": "C1", "gpa": 2.8},
    ),
    # credit_hours
    ("en", "how many credits is 150 academic hours?", "credit_hours", {"academic_hours": 150}),
    ("en", "How many hours is 4 credits?", "credit_hours", {"credits": 4}),
    ("ru", "Сколько минут занимает 2 кредита?", "credit_hours", {"credits": 2}),
    ("kk", "3 кредит неше академиялық сағат болады?", "credit_hours", {"credits": 3}),
    # formats met along the way: labels after values, split course fields, Latin Kazakh
    ("en", "For example 80 on R1 and 70 on R2 — admitted?", "exam_admission", {"r1": 80, "r2": 70}),
    ("en", "First rating 80, second 70, exam 65", "final_grade", {"r1": 80, "r2": 70, "exam": 65}),
    ("ru", "Рейтинг: 80 и 70. Экзамен: 65.", "final_grade", {"r1": 80, "r2": 70, "exam": 65}),
    ("en", "Exam 80/100, R1 70, R2 75", "final_grade", {"r1": 70, "r2": 75, "exam": 80}),
    (
        "en",
        "A in Calculus, 5 credits; B in Physics, 4 credits. GPA?",
        "gpa",
        {"courses": [{"credits": 5, "letter": "A"}, {"credits": 4, "letter": "B"}]},
    ),
    (
        "kk",
        "5 кредиттік пәннен 92 балл, 3 кредиттік пәннен 70 балл. GPA қанша?",
        "gpa",
        {"courses": [{"credits": 5, "score": 92}, {"credits": 3, "score": 70}]},
    ),
    ("en", "Exam result FX, first attempt. Retake?", "retake_path", {"grade": "FX", "fx_count": 1}),
    (
        "kk",
        "R1 60, R2 70, 30 сабақтың 10-ын қалдырдым, 20 минуттан артық 5 рет кешіктім. "
        "Емтиханға жібере ме?",
        "exam_admission",
        {"r1": 60, "r2": 70, "missed": 10, "total_classes": 30, "late_over_20": 5},
    ),
    (
        "kk",
        "beiresmi oqu: 240 kredit bagdarlama, 5 kredit pan, 150 sagat",
        "nonformal_recognition",
        {"program_credits": 240, "course_credits": 5, "nonformal_hours": 150},
    ),
    (
        "en",
        "I have a master's, worked for 1.5 years, PhD exam 76",
        "admission_doctoral",
        {"has_master": True, "work_months": 18, "exam_score": 76, "program": "phd"},
    ),
    (
        "en",
        "summer: 12 credits, 21000 per credit",
        "summer_semester",
        {"retake_credits": 12, "credit_price": 21000},
    ),
]


# the writer's own case told with the tool's values, no tool phrase ("what now?")
TOOL_CASES += [
    ("kk", "Физикадан FX алдым, екінші рет. Енді не болады?", "retake_path",
     {"grade": "FX", "fx_count": 2}),
    ("ru", "Получил F на экзамене по философии, что теперь?", "retake_path", {"grade": "F"}),
    # "40 сабақтың 12-сі": the whole in genitive, its unit between
    ("kk", "R1 60, R2 70. 40 сабақтың 12-сін босатып алдым, жіберіле ме?", "exam_admission",
     {"r1": 60, "r2": 70, "missed": 12, "total_classes": 40}),
    ("kk-latn", "reiting 1 - 55, reiting 2 - 62, 36 sabaqtyn 8-in jiberdim. dopusk bar ma?",
     "exam_admission", {"r1": 55, "r2": 62, "missed": 8, "total_classes": 36}),
    ("mixed", "300 академический сағат это сколько кредит?", "credit_hours",
     {"academic_hours": 300}),
    # the scale's top said as "out of 4" is the scale, not a part of a whole
    ("en", "4th year, GPA 3.1, iROS 2.2, SSCI 3.5, all blocks out of 4. iGPA?", "igpa",
     {"year": 4, "gpa": 3.1, "iros": 2.2, "ssci": 3.5, "scale_max": 4}),
    ("ru", "3 курс, GPA 2.9 из 4, iROS 3.1, SSCI 2.4 — какой iGPA?", "igpa",
     {"year": 3, "gpa": 2.9, "iros": 3.1, "ssci": 2.4, "scale_max": 4}),
    ("ru", "2 курс, GPA 3.0, iROS 2.0, SSCI 3.5, по каждому блоку максимум 4 балла. iGPA?",
     "igpa", {"year": 2, "gpa": 3.0, "iros": 2.0, "ssci": 3.5, "scale_max": 4}),
    ("kk", "2-курс, GPA 3.1, оқу жетістіктері 3.4, зерттеу 2.0, SSCI 3.0. iGPA қанша?", "igpa",
     {"year": 2, "gpa": 3.1, "academic": 3.4, "research": 2.0, "ssci": 3.0}),
    # Kazakh in the Latin alphabet's own letters (ñ, ğ, ó)
    ("kk-latn", "jazğy semestrde 10 kredit, 1 kredit 15 myñ teñge. qansha tóleimin?",
     "summer_semester", {"retake_credits": 10, "credit_price": 15000}),
    # a Russian verb in a Kazakh negation ("защищать еткен жоқпын")
    ("mixed", "Жазғы семестр, 5 кредит, курсовой бар, бірақ әлі защищать еткен жоқпын, жаңа "
     "рейтинг 70 және 65", "summer_semester",
     {"retake_credits": 5, "coursework_required": True, "coursework_defended": False,
      "new_r1": 70, "new_r2": 65}),
    # a negated fact with words inside the phrase ("нет в моей образовательной программе")
    ("ru", "Программа 240 кредитов, дисциплина 5 кредитов, курс на 150 часов, но этой "
     "дисциплины нет в моей учебной программе", "nonformal_recognition",
     {"program_credits": 240, "course_credits": 5, "nonformal_hours": 150,
      "course_in_program": False}),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "message", "tool", "arguments"), TOOL_CASES)
def test_own_calculation(lang, message, tool, arguments):
    decision = route(message)
    assert decision.kind in ("tool", "both"), decision
    assert (decision.tool, decision.missing) == (tool, []), decision
    assert decision.arguments == arguments
    registry.run(tool, decision.arguments)  # the arguments are valid for the tool


# ---- own cases: missing arguments, rules beside a number --------------------------------

# A calculation that must wait for values: the reply says what it read, asks for the rest,
# and brings the policy text meanwhile ("both").
PARTIAL_CASES = [
    ("en", "What's my final grade? R1 is 90 and R2 is 85.", "both", "final_grade",
     {"r1": 90, "r2": 85}, ["exam"]),
    ("ru", "R1 80 и R2 70, какая у меня будет итоговая оценка?", "both", "final_grade",
     {"r1": 80, "r2": 70}, ["exam"]),
    ("en", "Calculate my GPA", "both", "gpa", {}, ["courses"]),
    ("ru", "Посчитайте мой средний балл", "both", "gpa", {}, ["courses"]),
    ("kk", "GPA-ымды есептеп беріңізші", "both", "gpa", {}, ["courses"]),
    # a credit count without its grade: the list is incomplete, so it is asked for whole
    ("en", "My GPA: courses 5 credits A, 4 credits", "both", "gpa", {}, ["courses"]),
    ("kk", "Қорытынды бағамды есептеп беріңізші", "both", "final_grade", {},
     ["r1", "r2", "exam"]),
    ("en", "3rd year bachelor, IELTS 6.5, GPA 2.4. Can I go on exchange?", "both",
     "mobility_eligibility", {"level": "bachelor", "year": 3, "gpa": 2.4}, ["english_level"]),
    ("en", "I scored 60 on the UNT, am I eligible?", "both", "admission_bachelor",
     {"unt_total": 60}, ["subject_scores"]),
    ("en", "R1 70, R2 80, I missed 6 classes. Am I admitted?", "both", "exam_admission",
     {"r1": 70, "r2": 80, "missed": 6}, ["total_classes"]),
    # the rules behind the number are asked too
    ("en", "R1 80, R2 70, exam 65 — what's my final grade and how is it calculated?", "both",
     "final_grade", {"r1": 80, "r2": 70, "exam": 65}, []),
    ("ru", "Р1 80, Р2 85 — сколько нужно набрать на экзамене, чтобы получить A?", "both",
     "exam_admission", {"r1": 80, "r2": 85}, []),
    ("en", "Is the summer semester limit 30 credits?", "both", "summer_semester",
     {"retake_credits": 30}, []),
    # lateness of unknown length: only lateness over 20 minutes counts (§8), so it is asked
    ("en", "R1 60, R2 60, 20 classes in total, I was late 10 times. Admitted?", "both",
     "exam_admission", {"r1": 60, "r2": 60, "total_classes": 20}, ["late_over_20"]),
    # "3 courses of 5 credits each": the count times the credits, restated so it is seen
    ("en", "I failed 3 courses of 5 credits each, summer semester cost at 20000 per credit?",
     "tool", "summer_semester", {"retake_credits": 15, "credit_price": 20000}, []),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "message", "kind", "tool", "arguments", "missing"), PARTIAL_CASES)
def test_own_partial_or_mixed_question(lang, message, kind, tool, arguments, missing):
    decision = route(message)
    assert (decision.kind, decision.tool, decision.arguments, decision.missing) == (
        kind,
        tool,
        arguments,
        missing,
    ), decision


# ---- own cases: questions about the rules, numbers or not --------------------------------

RETRIEVAL_CASES = [
    ("ru", "что будет если получил FX"),
    ("en", "What happens if I miss more than 50% of classes?"),
    ("en", "Can I take more than 35 credits in one semester?"),
    ("en", "What is the passing score on the PhD entrance exam?"),
    ("en", "Clause 8.29 says what about rounding?"),
    ("en", "In 2025 the policy was approved, what is protocol No 2 about?"),
    ("en", "Can first-year students go on exchange?"),
    ("en", "Is a GPA of 2.5 enough for the exchange programme?"),
    ("en", "My GPA is 3.0, what does it mean?"),
    ("en", "what is R1 and R2?"),
    ("en", "I got 3 FX this semester, will I be expelled?"),
    ("ru", "Правда ли, что 1 кредит = 30 часов?"),
    ("ru", "Какой минимальный балл ЕНТ для гранта?"),
    ("ru", "Что будет, если я получу FX?"),
    ("ru", "Сколько стоит летний семестр?"),
    ("ru", "Согласно п. 8.21, сколько рейтингов?"),
    ("ru", "Студенты 4 курса могут участвовать в мобильности?"),
    ("ru", "Я получил В. Что это значит?"),
    ("kk", "Магистратураға түсу үшін шет тілінен кемінде қанша балл керек?"),
    ("kk", "2 курс студенттері академиялық ұтқырлыққа қатыса ала ма?"),
    ("kk", "Рейтинг орташасы 50-ден төмен болса не болады?"),
    ("kk", "ҰБТ 47"),
    ("en", "My rating is 80/100, is that good?"),
    ("en", "For example, what does an A- mean?"),
]


@pytest.mark.parametrize(("lang", "message"), RETRIEVAL_CASES)
def test_own_policy_question_goes_to_retrieval(lang, message):
    assert route(message).kind == "retrieval"


# An FX with no count: the path of a first FX is computed, and the reply names that
# assumption ("FX received: 1 time, as you did not say"), so a second FX is corrected.
FX_WITHOUT_COUNT = [
    ("ru", "Получил FX по физике. Что делать?"),
    ("en", "I got FX in Physics, what is my retake route?"),
    ("kk", "Физикадан FX алдым, қайта тапсыруға бола ма?"),
    ("en", "Can I retake FX?"),
    ("ru", "Можно ли пересдать FX, если я на 2 курсе?"),
    ("kk", "FX alsam ne isteimin?"),
]


@pytest.mark.parametrize(("lang", "message"), FX_WITHOUT_COUNT)
def test_fx_without_a_count_is_computed_with_the_count_named(lang, message):
    decision = route(message)
    assert (decision.tool, decision.arguments, decision.missing) == (
        "retake_path",
        {"grade": "FX"},
        [],
    )
    assert registry.get("retake_path").reads["fx_count"].assumed


# Numbers in a question about a rule: the calculation comes with the policy text.
RULE_WITH_NUMBERS = [
    ("en", "How is the final grade rounded, e.g. 89.5?", "letter_grade", {"score": 89.5}, []),
    ("en", "If I have 15 absences out of 30, am I admitted?", "exam_admission",
     {"missed": 15, "total_classes": 30}, ["r1", "r2"]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "message", "tool", "arguments", "missing"), RULE_WITH_NUMBERS)
def test_numbers_in_a_rule_question_bring_the_text_too(lang, message, tool, arguments, missing):
    decision = route(message)
    assert decision.kind == "both"
    assert (decision.tool, decision.arguments, decision.missing) == (tool, arguments, missing)


# ---- follow-ups -----------------------------------------------------------------------------

FOLLOW_UPS = [
    # supplying what was missing
    (
        "en",
        "final_grade",
        {"r1": 80, "r2": 70},
        "65",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 65},
        [],
    ),
    (
        "en",
        "final_grade",
        {"r1": 80, "r2": 70},
        "my exam was 60",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 60},
        [],
    ),
    (
        "kk",
        "final_grade",
        {"r1": 80, "r2": 70},
        "емтихан 55 болды",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 55},
        [],
    ),
    # two bare numbers for two different values: which is which is not said, so asked
    (
        "en",
        "final_grade",
        {"r1": 80},
        "70 and 65",
        "final_grade",
        {"r1": 80},
        ["r2", "exam"],
    ),
    # the two ratings are stated together: in order
    (
        "en",
        "final_grade",
        {"exam": 60},
        "70 and 65",
        "final_grade",
        {"exam": 60, "r1": 70, "r2": 65},
        [],
    ),
    ("en", "final_grade", {"r1": 80}, "65", "final_grade", {"r1": 80}, ["r2", "exam"]),
    (
        "en",
        "mobility_eligibility",
        {"year": 2, "gpa": 3.1},
        "B2",
        "mobility_eligibility",
        {"year": 2, "gpa": 3.1, "english_level": "B2"},
        [],
    ),
    (
        "ru",
        "mobility_eligibility",
        {"gpa": 3.1, "english_level": "B2"},
        "второй курс",
        "mobility_eligibility",
        {"gpa": 3.1, "english_level": "B2", "year": 2},
        [],
    ),
    (
        "kk",
        "mobility_eligibility",
        {"gpa": 3.1, "english_level": "B2"},
        "3-курспын",
        "mobility_eligibility",
        {"gpa": 3.1, "english_level": "B2", "year": 3},
        [],
    ),
    ("en", "retake_path", {}, "FX", "retake_path", {"grade": "FX"}, []),
    (
        "en",
        "retake_path",
        {"grade": "FX"},
        "second time",
        "retake_path",
        {"grade": "FX", "fx_count": 2},
        [],
    ),
    (
        "en",
        "admission_bachelor",
        {"unt_total": 47},
        "12, 6, 8, 10, 11",
        "admission_bachelor",
        {"unt_total": 47, "subject_scores": [12, 6, 8, 10, 11]},
        [],
    ),
    (
        "ru",
        "admission_doctoral",
        {"work_months": 10, "exam_score": 80},
        "да",
        "admission_doctoral",
        {"work_months": 10, "exam_score": 80, "has_master": True},
        [],
    ),
    (
        "en",
        "igpa",
        {"year": 3, "gpa": 3.2, "ssci": 3.0},
        "2.5",
        "igpa",
        {"year": 3, "gpa": 3.2, "ssci": 3.0, "iros": 2.5},
        [],
    ),
    (
        "en",
        "exam_admission",
        {"r1": 60, "r2": 55, "missed": 10},
        "30",
        "exam_admission",
        {"r1": 60, "r2": 55, "missed": 10, "total_classes": 30},
        [],
    ),
    (
        "en",
        "gpa",
        {"courses": [{"credits": 5, "letter": "A"}]},
        "also B+ in a 4-credit course",
        "gpa",
        {"courses": [{"credits": 5, "letter": "A"}, {"credits": 4, "letter": "B+"}]},
        [],
    ),
    # changing one value of a finished calculation
    (
        "en",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 65},
        "what if my exam was 60?",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 60},
        [],
    ),
    (
        "ru",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 65},
        "а если экзамен 90?",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 90},
        [],
    ),
    (
        "en",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 65},
        "what if R2 was 85?",
        "final_grade",
        {"r1": 80, "r2": 85, "exam": 65},
        [],
    ),
    (
        "en",
        "mobility_eligibility",
        {"year": 2, "english_level": "B2", "gpa": 3.1},
        "what if my GPA was 2.4?",
        "mobility_eligibility",
        {"year": 2, "english_level": "B2", "gpa": 2.4},
        [],
    ),
    ("en", "letter_grade", {"score": 74}, "what about 86?", "letter_grade", {"score": 86}, []),
    (
        "en",
        "academic_difference",
        {"difference_credits": 38},
        "what about 30?",
        "academic_difference",
        {"difference_credits": 30},
        [],
    ),
    (
        "en",
        "exam_admission",
        {"r1": 60, "r2": 55},
        "what if I missed 16 out of 30 classes?",
        "exam_admission",
        {"r1": 60, "r2": 55, "missed": 16, "total_classes": 30},
        [],
    ),
    (
        "en",
        "retake_path",
        {"grade": "FX", "fx_count": 1},
        "what if it was the second time?",
        "retake_path",
        {"grade": "FX", "fx_count": 2},
        [],
    ),
    (
        "kk",
        "admission_bachelor",
        {"unt_total": 52, "subject_scores": [12, 6, 4, 15, 15]},
        "ал егер ҰБТ 60 болса?",
        "admission_bachelor",
        {"unt_total": 60, "subject_scores": [12, 6, 4, 15, 15]},
        [],
    ),
    (
        "en",
        "igpa",
        {"year": 2, "gpa": 3.2, "ssci": 3.0},
        "and if I'm in 3rd year?",
        "igpa",
        {"year": 3, "gpa": 3.2, "ssci": 3.0},
        ["iros"],
    ),
    (
        "en",
        "gpa",
        {"courses": [{"credits": None, "letter": "A"}, {"credits": None, "letter": "C"}]},
        "they're 5 and 4 credits, same order",
        "gpa",
        {"courses": [{"credits": 5, "letter": "A"}, {"credits": 4, "letter": "C"}]},
        [],
    ),
    (
        "ru",
        "transfer_recount",
        {
            "courses": [
                {"name": "Сети", "credits": 4, "letter": "C-"},
                {"name": "Алгоритмы", "credits": 5, "letter": "FX"},
            ]
        },
        "Ой, по алгоритмам не FX, а D",
        "transfer_recount",
        {
            "courses": [
                {"name": "Сети", "credits": 4, "letter": "C-"},
                {"name": "Алгоритмы", "credits": 5, "letter": "D"},
            ]
        },
        [],
    ),
    (  # a shorter list in a reply does not replace the one being completed
        "en",
        "gpa",
        {"courses": [{"credits": None, "letter": "A"}, {"credits": None, "letter": "C"}]},
        "all of them are 5 credits except the C",
        "gpa",
        {"courses": [{"credits": None, "letter": "A"}, {"credits": None, "letter": "C"}]},
        ["courses"],
    ),
]


@pytest.mark.parametrize(
    ("lang", "tool", "before", "message", "next_tool", "arguments", "missing"), FOLLOW_UPS
)
def test_follow_up_continues_the_calculation(
    lang, tool, before, message, next_tool, arguments, missing
):
    decision = route(message, PendingTool(tool=tool, arguments=before))
    shape = (decision.tool, decision.arguments, decision.missing)
    assert shape == (next_tool, arguments, missing), decision


NEW_QUESTIONS = [
    ("en", "final_grade", {"r1": 80, "r2": 70}, "What is ECTS?", Route(kind="retrieval")),
    ("en", "final_grade", {"r1": 80, "r2": 70}, "thanks!", Route(kind="retrieval")),
    (
        "ru",
        "final_grade",
        {"r1": 80, "r2": 70},
        "Можно ли пересдать FX?",
        Route(kind="both", tool="retake_path", arguments={"grade": "FX"}),
    ),
    (
        "en",
        "final_grade",
        {"r1": 80, "r2": 70},
        "How many hours is 5 credits?",
        Route(kind="tool", tool="credit_hours", arguments={"credits": 5}),
    ),
    (
        "ru",
        "final_grade",
        {"r1": 80, "r2": 70, "exam": 65},
        "Р1 60, Р2 45, допустят к экзамену?",
        Route(kind="tool", tool="exam_admission", arguments={"r1": 60, "r2": 45}),
    ),
    # a bare number with nothing missing: which value it replaces is not said
    ("ru", "final_grade", {"r1": 80, "r2": 70, "exam": 65}, "а если 60?", Route(kind="retrieval")),
]


@pytest.mark.parametrize(("lang", "tool", "before", "message", "expected"), NEW_QUESTIONS)
def test_new_question_ignores_the_pending_calculation(lang, tool, before, message, expected):
    decision = route(message, PendingTool(tool=tool, arguments=before))
    shape = (decision.kind, decision.tool, decision.arguments, decision.missing)
    assert shape == (expected.kind, expected.tool, expected.arguments, expected.missing)


def test_pending_may_be_a_plain_dict_or_junk():
    assert route("65", {"tool": "final_grade", "arguments": {"r1": 1, "r2": 2}}).arguments == {
        "r1": 1,
        "r2": 2,
        "exam": 65,
    }
    assert route("65", {"tool": "no_such_tool"}) == Route(kind="retrieval")
    odd = PendingTool(tool="igpa", arguments={"year": "two", "courses": "x"})
    assert route("what is iGPA?", odd).kind in ("retrieval", "both")


# ---- missing arguments ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tool", "arguments", "missing"),
    [
        ("igpa", {"year": 3, "gpa": 3.0, "ssci": 3.0}, ["iros"]),
        ("igpa", {"year": 1, "academic": 3.0, "ssci": 3.0}, ["research"]),
        ("igpa", {"year": 1, "academic": 3.0, "research": 2.0, "ssci": 3.0}, []),
        (
            "admission_master",
            {"readiness": 10},
            ["profile_single", "profile_multiple", "foreign_language"],
        ),
        (
            "admission_master",
            {"track": "creative", "readiness": 10, "language_certificate": True},
            ["creative_exams"],
        ),
        ("summer_semester", {"retake_credits": 5, "new_r1": 60}, ["new_r2"]),
        ("credit_hours", {}, ["credits"]),
        ("exam_admission", {"r1": 60, "r2": 60, "level": "master", "missed": 5}, []),
    ],
)
def test_missing_arguments_match_what_the_tool_would_ask_for(tool, arguments, missing):
    assert sorted(registry.get(tool).needs(arguments)) == sorted(missing)


# ---- never crash ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   ",
        "\n\n",
        "🙂🙂🙂",
        "\x00\x01\x02\xff",
        "R1",
        "1" * 3999,
        "a" * 5000,
        "FX" * 1999,
        "5 credits A, " * 300,
        "\ud800",
        "R1 80 R2 70 exam 65 " * 200,
    ],
)
def test_junk_never_crashes(message):
    decision = route(message)
    assert isinstance(decision, Route)


def test_non_text_input_goes_to_retrieval():
    assert route(None) == Route(kind="retrieval")  # type: ignore[arg-type]
    assert route(b"R1 80") == Route(kind="retrieval")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600), st.sampled_from(["kk", "ru", "en", "de"]))
def test_router_never_raises_on_any_text(message, lang):
    _route(message, None)  # the inner router, without the safety net of route()
    assert isinstance(route(message), Route)


ALPHABET = st.sampled_from(
    list("0123456789 ,.-/:+\n")
    + [
        "R1 ",
        "Р2 ",
        "exam ",
        "емтихан ",
        "кредит ",
        "credits ",
        "FX ",
        "B+ ",
        "A ",
        "GPA ",
        "ЕНТ ",
        "курс ",
        "B2 ",
        "тенге ",
        "летний ",
        "transfer ",
        "PhD ",
        "магистр ",
        "hours ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join), st.sampled_from(["kk", "ru", "en"]))
def test_router_never_raises_on_tool_like_text(message, lang):
    decision = _route(message, PendingTool(tool="final_grade", arguments={"r1": 70}))
    if decision.kind != "retrieval":
        assert decision.tool in registry.names()
        json.dumps(decision.arguments)


def test_a_kazakh_verb_says_not_inside_the_phrase_it_ends():
    decision = route("Магистратураны әлі бітірмедім. Жұмыс өтілім 30 ай, PhD емтиханы 81.")
    assert decision.tool == "admission_doctoral"
    assert decision.arguments["has_master"] is False
    assert route("Магистратураны бітірдім, өтілім 30 ай, PhD емтиханы 81.").arguments["has_master"]


def test_a_phrase_inside_a_longer_phrase_of_another_tool_does_not_ask_for_its_tool():
    # the "бола ма" ("will it be?") of "түсуге бола ма" ("can I get in?") is no letter question
    decision = route("ҰБТ-дан барлығы 71 балл жинадым. Оқуға түсуге бола ма?")
    assert decision.tool == "admission_bachelor" and decision.arguments == {"unt_total": 71}
    assert decision.missing == ["subject_scores"]


def test_my_after_a_hyphen_is_the_writers_own_case():
    decision = route("Емтиханға допуск бар ма? R2-м жоқ әлі, R1-ім 58.")
    assert decision.tool == "exam_admission" and decision.arguments == {"r1": 58}
    assert decision.missing == ["r2"]


def test_a_verb_of_failing_that_names_no_person_is_still_the_writers_case():
    decision = route("Завалил экзамен по физике, что теперь делать?")
    assert decision.tool == "retake_path" and decision.missing == ["grade"]


def test_a_course_paper_is_no_year_of_study():
    decision = route("Рейтингтерім 71 бен 68, бірақ курстық жобаны әлі өткізбедім. Допуск бар ма?")
    assert decision.arguments["r1"] == 71 and decision.arguments["r2"] == 68
    assert decision.arguments["coursework_submitted"] is False


def test_a_negative_verb_that_names_the_count_does_not_deny_the_number():
    decision = route("R1 62, R2 70. 8 сабаққа келмедім, барлығы 30 сабақ. Допуск бар ма?")
    assert decision.arguments == {"r1": 62, "r2": 70, "missed": 8, "total_classes": 30}
    # a number said to be wrong still is
    assert route("R1 62, R2 70. 6 емес, 9 сабақ босаттым, барлығы 30").arguments["missed"] == 9


def test_and_closes_a_list_before_a_comma():
    decision = route("рейтингтерім 77 мен 64, 4 сабақ босаттым, барлығы 30. Допуск бар ма?")
    assert decision.arguments == {"r1": 77, "r2": 64, "missed": 4, "total_classes": 30}


@pytest.mark.parametrize(
    "message",
    [
        "R1 83, R2 79, емтиханды 14 қаңтарда тапсырдым, 61 балл алдым. Қорытынды қандай?",
        "R1 83, R2 79, экзамен сдавал 14 января, получил 61. Итоговая?",
        "R1 83, R2 79, took the exam on January 14 and got 61. Final grade?",
    ],
)
def test_a_day_of_a_month_is_a_date_not_a_value(message):
    assert route(message).arguments == {"r1": 83, "r2": 79, "exam": 61}


def test_a_negation_ends_with_its_sentence():
    # the "жоқ" of the first sentence does not deny the "летом" of the second
    decision = route("разница 14 кредит, пәндер жоқ. летом оқимын ба?")
    assert decision.arguments == {"difference_credits": 14, "in_current_schedule": False}


# ---- a writer correcting, naming a group after its values, a split, a grade named again --------


@pytest.mark.parametrize(
    ("message", "arguments"),
    [
        ("R1 = 90, R2 = 88, exam 60, sorry, 65. final?", {"r1": 90, "r2": 88, "exam": 65}),
        (
            "R1 55, R2 58, емтихан 40... жоқ, кешіріңіз, 45. Қорытынды қанша?",
            {"r1": 55, "r2": 58, "exam": 45},
        ),
        ("Р1 70, Р2 80, экзамен 50, вернее 55. Итоговая?", {"r1": 70, "r2": 80, "exam": 55}),
    ],
)
def test_a_number_the_writer_corrects_is_replaced(message, arguments):
    decision = route(message)
    assert (decision.tool, decision.arguments, decision.missing) == ("final_grade", arguments, [])


def test_a_corrected_number_keeps_its_unit_and_leaves_no_list_unit_behind():
    decision = route("I missed 4 classes, sorry, 5 classes out of 30. R1 60 R2 70, admitted?")
    assert decision.arguments == {"missed": 5, "total_classes": 30, "r1": 60, "r2": 70}
    decision = route("GPA 3.2, ой, 3.4, 2 курс, английский B2, мобильность?")
    assert decision.arguments == {"gpa": 3.4, "year": 2, "english_level": "B2"}


@pytest.mark.parametrize(
    "message",
    [
        "85 и 90 — это мои рейтинги (первый и второй), 70 — экзамен. Какая итоговая?",
        "85 and 90 are my ratings, exam 70. final?",
    ],
)
def test_a_group_named_after_its_values(message):
    decision = route(message)
    assert decision.arguments == {"r1": 85, "r2": 90, "exam": 70}


def test_a_weighting_split_is_no_pair_of_values_but_an_even_pair_is():
    assert route("exam 60/40 weighting? R1 70, R2 80, exam 50, final?").arguments == {
        "r1": 70,
        "r2": 80,
        "exam": 50,
    }
    assert route("ratings 50/50, exam 40, final?").arguments == {"r1": 50, "r2": 50, "exam": 40}


def test_a_grade_of_the_list_named_again_is_the_same_course():
    decision = route(
        "GPA есептеп беріңізші: Химия 3 кредита B-, Экология 4 кредит А, Философия 5 кредитов FX."
        " Деканатта айтты что FX тоже считается в GPA"
    )
    assert decision.arguments == {
        "courses": [
            {"credits": 3, "letter": "B-"},
            {"credits": 4, "letter": "A"},
            {"credits": 5, "letter": "FX"},
        ]
    }


def test_an_english_abbreviation_is_no_russian_number_word_in_latin_letters():
    decision = route("This sem: Calculus 5 cr A-, Physics 4 credits B. gpa pls")
    assert decision.arguments == {
        "courses": [{"credits": 5, "letter": "A-"}, {"credits": 4, "letter": "B"}]
    }


def test_a_number_then_the_wrong_one_is_no_correction_of_the_first():
    earlier = PendingTool(tool="final_grade", arguments={"r1": 90, "r2": 88.5, "exam": 93})
    decision = route("ой, перепутал, Р2 был 86, не 88,5", earlier)
    assert decision.arguments == {"r1": 90, "r2": 86, "exam": 93}


@pytest.mark.parametrize(
    ("message", "tool", "arguments"),
    [
        # a dash with spaces parts a total from the next label: no unit crosses it
        (
            "UNT total 68 - subjects 12, 15, 4, 20 and 17. Regular school. Can I get a grant?",
            "admission_bachelor",
            {"unt_total": 68, "subject_scores": [12, 15, 4, 20, 17], "route": "standard"},
        ),
        # a room number with its ordinal ending is no exam score
        (
            "Рейтинги 65 и 71, экзамен завтра в 305-й аудитории. Какая итоговая выйдет?",
            "final_grade",
            {"r1": 65, "r2": 71},
        ),
        # "Б2": a CEFR level as Russian speakers write it
        (
            "Бакалавр, 2 курс, английский Б2, GPA 2.7, направление совпадает. Мобильность?",
            "mobility_eligibility",
            {
                "level": "bachelor",
                "year": 2,
                "english_level": "B2",
                "gpa": 2.7,
                "field_match": True,
            },
        ),
        # the verb of failing does not deny which exam it was
        (
            "Қазақстан тарихы бойынша мемлекеттік емтиханды тапсыра алмадым. Не істеуім керек?",
            "retake_path",
            {"context": "kz_history_state_exam"},
        ),
    ],
)
def test_what_parts_values_from_labels_and_what_does_not(message, tool, arguments):
    decision = route(message)
    assert (decision.tool, decision.arguments) == (tool, arguments)


def test_a_count_said_with_was_is_no_total():
    earlier = PendingTool(
        tool="exam_admission", arguments={"r1": 62, "r2": 70, "missed": 16, "total_classes": 30}
    )
    decision = route("а если бы пропусков было только 12?", earlier)
    assert decision.arguments == {"r1": 62, "r2": 70, "missed": 12, "total_classes": 30}


@pytest.mark.parametrize(
    ("message", "arguments"),
    [
        ("Бір пән 4 кредит. Сағаты қанша?", {"credits": 4}),
        ("pan 135 akademiyalyq sagat, kredit qansha", {"academic_hours": 135}),
        ("Дисциплина 240 академ часов, сколько кредит шығады?", {"academic_hours": 240}),
        ("12 credits, i need the hours and the classroom minimum", {"credits": 12}),
    ],
)
def test_a_conversion_asked_with_the_unit_before_how_many(message, arguments):
    decision = route(message)
    assert (decision.tool, decision.arguments, decision.missing) == (
        "credit_hours",
        arguments,
        [],
    )


@pytest.mark.parametrize(
    "message",
    [
        "FX второй раз по химии. дальше что?",
        "второй раз FX по физике, че делать",
        "FX алдым екінші раз, химиядан. курсты қайта оқимын ба?",
    ],
)
def test_a_second_fx_told_colloquially_gets_its_path(message):
    decision = route(message)
    assert (decision.tool, decision.arguments) == ("retake_path", {"grade": "FX", "fx_count": 2})


def test_one_credit_count_said_of_every_course_in_its_own_sentence():
    decision = route(
        "бағаларым 76, 82, 90 баллов, барлығы 5 кредиттен. GPA қанша, 2,5-тен жоғары ма?"
    )
    assert decision.arguments == {
        "courses": [
            {"credits": 5, "score": 76},
            {"credits": 5, "score": 82},
            {"credits": 5, "score": 90},
        ]
    }


@pytest.mark.parametrize(
    "message", ["бәрі 5 кредиттен", "all of them are 5 credits", "все по 5 кредитов"]
)
def test_a_reply_giving_one_credit_count_for_every_course(message):
    earlier = PendingTool(
        tool="gpa",
        arguments={
            "courses": [{"credits": None, "letter": "A"}, {"credits": None, "letter": "B+"}]
        },
        asked=["courses"],
    )
    decision = route(message, earlier)
    assert decision.arguments == {
        "courses": [{"credits": 5, "letter": "A"}, {"credits": 5, "letter": "B+"}]
    }
    assert decision.missing == []


def test_one_letter_multiplier_only_written_onto_its_number():
    assert route("летом 10 кредитов, 1 кредит 25k тенге, сколько платить?").arguments == {
        "retake_credits": 10,
        "credit_price": 25000,
    }
    assert route("Р1 60 Р2 70 допуск к экзамену?").arguments == {"r1": 60, "r2": 70}


def test_a_kazakh_exam_abbreviation_and_a_helper_verb():
    decision = route("р1 66 р2 71 емт 80, қорытындыны есептеп жіберші")
    assert (decision.tool, decision.arguments) == ("final_grade", {"r1": 66, "r2": 71, "exam": 80})


@pytest.mark.parametrize(
    ("message", "tool", "arguments", "missing"),
    [
        (
            "колледж бітірдім, қысқартылған бағдарлама, ҰБТ 28, пәндерден 5-тен жоғары сияқты",
            "admission_bachelor",
            {"unt_total": 28, "route": "shortened_tvet"},
            ["subject_scores"],
        ),
        (
            "GPA 2,5-тен жоғары ма? менің GPA 2,7, бакалавр 2 курс, ағылшын B2, мобильность",
            "mobility_eligibility",
            {"gpa": 2.7, "year": 2, "level": "bachelor", "english_level": "B2"},
            [],
        ),
        (
            "Bachelor, year 2, English B2, GPA above 2.5 I think. Can I go on exchange?",
            "mobility_eligibility",
            {"year": 2, "level": "bachelor", "english_level": "B2"},
            ["gpa"],
        ),
    ],
)
def test_a_bound_is_no_value(message, tool, arguments, missing):
    decision = route(message)
    assert (decision.tool, decision.arguments, decision.missing) == (tool, arguments, missing)


@pytest.mark.parametrize(
    ("message", "tool", "arguments"),
    [
        (
            "Екі ғана пәнім бар: біреуі 6 кредиттік, одан 91 балл алдым,"
            " екіншісі 4 кредит, 68 балл. GPA?",
            "gpa",
            {"courses": [{"credits": 6, "score": 91}, {"credits": 4, "score": 68}]},
        ),
        (
            "Сын защищал дипломную работу, в ведомости F. Может ли пересдать?",
            "retake_path",
            {"context": "final_attestation", "grade": "F"},
        ),
        (
            "Профессиональная докторантура на грант: магистр есть, стаж 1,5 года,"
            " экзамен 49 баллов.",
            "admission_doctoral",
            {
                "program": "profile",
                "funding": "grant",
                "has_master": True,
                "work_months": 18,
                "exam_score": 49,
            },
        ),
    ],
)
def test_counts_and_kinds_said_in_other_words(message, tool, arguments):
    decision = route(message)
    assert (decision.tool, decision.arguments) == (tool, arguments)


def test_an_ending_on_a_number_inside_a_phrase_and_a_scale_after_the_scores():
    decision = route(
        "3rd year. GPA 2.8, iROS 3.2, SSCI 2.0, on a 4-point scale. Do I move on to 4th year?"
    )
    assert decision.arguments == {"year": 3, "gpa": 2.8, "iros": 3.2, "ssci": 2, "scale_max": 4}
    decision = route("My GPA: Calc 6 credits 91, Physics 5 credits 76 (all out of 100).")
    assert decision.arguments == {
        "courses": [{"credits": 6, "score": 91}, {"credits": 5, "score": 76}]
    }


def test_a_kazakh_stem_voiced_before_its_ending():
    decision = route(
        "Академиялық жетістігім 80, ғылыми жұмыс 60, SSCI 70, 100 балдық шкала. 1 курс. iGPA?"
    )
    assert decision.arguments == {
        "academic": 80,
        "research": 60,
        "ssci": 70,
        "year": 1,
        "scale_max": 100,
    }


def _after(tool: str, arguments: dict) -> PendingTool:
    return PendingTool(tool=tool, arguments=arguments)


def test_a_follow_up_changing_a_value_by_an_amount_adds_it():
    assert route(
        "а если апелляция арқылы тағы 3 балл қосса?", _after("letter_grade", {"score": 86})
    ).arguments == {"score": 89}
    assert route("and if they add 2 points?", _after("letter_grade", {"score": 86})).arguments == {
        "score": 88
    }
    # three values it could change: none is guessed
    earlier = _after("final_grade", {"r1": 72, "r2": 68, "exam": 59})
    assert route("А если на апелляции добавят 6 баллов?", earlier).kind == "retrieval"


def test_a_follow_up_naming_one_course_of_the_list_changes_its_letter():
    courses = [
        {"name": "Философия", "credits": 5, "letter": "C+"},
        {"name": "Экономика", "credits": 3, "letter": "F"},
    ]
    decision = route(
        "Экономику, кстати, я пересдал на C-.", _after("transfer_recount", {"courses": courses})
    )
    assert decision.tool == "transfer_recount"
    assert [c["letter"] for c in decision.arguments["courses"]] == ["C+", "C-"]


def test_the_letter_after_not_is_the_wrong_one():
    courses = [{"credits": 5, "letter": "B+"}, {"credits": 3, "letter": "C"}]
    decision = route("wait, philosophy was actually C+ not C", _after("gpa", {"courses": courses}))
    assert [c["letter"] for c in decision.arguments["courses"]] == ["B+", "C+"]


def test_a_number_a_label_holds_and_a_number_word_after_a_preposition():
    earlier = _after(
        "nonformal_recognition",
        {
            "program_credits": 240,
            "course_credits": 5,
            "nonformal_hours": 150,
            "already_recognized_credits": 0,
        },
    )
    decision = route("what if I've already had 33 credits recognised that way?", earlier)
    assert decision.arguments["already_recognized_credits"] == 33
    earlier = _after("igpa", {"year": 4, "gpa": 3.45, "iros": 2.1, "ssci": 3})
    assert route("а если iROS подтянуть до трёх?", earlier).arguments["iros"] == 3


def test_two_letters_offered_with_a_score_ask_for_the_letter():
    decision = route("Кеше итоговый балл шықты, 94,6. Это A или A- болады?")
    assert (decision.tool, decision.arguments) == ("letter_grade", {"score": 94.6})
    assert route("I got FX or F, not sure, can I retake?").tool == "retake_path"


def test_of_two_tools_as_strong_the_one_named_more_often():
    decision = route("Мамандыққа грантқа өту балы қанша болды? 90 балмен түсе аламын ба?")
    assert decision.tool == "admission_bachelor"


@pytest.mark.parametrize(
    ("message", "tool", "flag"),
    [
        ("I have 12 credits of academic difference, planning to do them in the summer semester",
         "academic_difference", "in_current_schedule"),
        ("academic difference of 38 credits; the courses aren't in this semester's timetable",
         "academic_difference", "in_current_schedule"),
        ("not actually in my programme's curriculum; 5 credits, 150 h, programme 240 credits",
         "nonformal_recognition", "course_in_program"),
        ("60 сағат курс, 2 кредиттік пән, программада 240 кредит, пән учебный планымда жоқ",
         "nonformal_recognition", "course_in_program"),
    ],
)  # fmt: skip
def test_a_fact_denied_in_other_words(message, tool, flag):
    decision = route(message)
    assert decision.tool == tool and decision.arguments[flag] is False


def test_one_more_course_for_a_list_never_read_is_not_the_whole_list():
    decision = route(
        "Ой, забыл ещё химию: 3 кредита, A-.", PendingTool(tool="gpa", asked=["courses"])
    )
    assert decision.missing == ["courses"] and "courses" not in decision.arguments


@pytest.mark.parametrize(
    ("message", "courses"),
    [
        (
            "Три предмета по 5 кредитов: A, B+ и C, и ещё один на 3 кредита — D+. GPA?",
            [(5, "A"), (5, "B+"), (5, "C"), (3, "D+")],
        ),
        (
            "I got an F in one 5-credit course and a B in two 4-credit courses. My GPA?",
            [(5, "F"), (4, "B"), (4, "B")],
        ),
        (
            "Менде екі пән по 5 кредит, біреуі A, біреуі C-, плюс ещё 4 кредит B. GPA қанша?",
            [(5, "A"), (5, "C-"), (4, "B")],
        ),
    ],
)
def test_several_courses_told_as_one_are_read(message, courses):
    decision = route(message)
    assert decision.arguments == {"courses": [{"credits": c, "letter": g} for c, g in courses]}


def test_a_count_of_courses_with_too_many_grades_is_asked():
    decision = route("3 пән, әрқайсысы бес кредит, бағалар B, B-, C және FX. GPA қанша")
    assert decision.missing == ["courses"] and "courses" not in decision.arguments
