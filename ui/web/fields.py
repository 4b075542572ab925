"""Names of the calculators and their inputs in kk / ru / en.

The tool registry describes arguments in English only; people filling a form need the
label in their own language. A field missing here falls back to the registry's English
description, and a test lists any tool field left without a translation.
"""

from __future__ import annotations

TOOL_TITLES: dict[str, dict[str, str]] = {
    "letter_grade": {"kk": "Әріптік баға", "ru": "Буквенная оценка", "en": "Letter grade"},
    "final_grade": {"kk": "Қорытынды баға", "ru": "Итоговая оценка", "en": "Final grade"},
    "gpa": {"kk": "GPA", "ru": "GPA", "en": "GPA"},
    "igpa": {"kk": "iGPA", "ru": "iGPA", "en": "iGPA"},
    "exam_admission": {
        "kk": "Емтиханға жіберілу",
        "ru": "Допуск к экзамену",
        "en": "Exam admission",
    },
    "retake_path": {"kk": "Қайта тапсыру", "ru": "Пересдача", "en": "Retake path"},
    "admission_bachelor": {
        "kk": "Бакалавриатқа қабылдау",
        "ru": "Приём в бакалавриат",
        "en": "Bachelor admission",
    },
    "admission_master": {
        "kk": "Магистратураға қабылдау",
        "ru": "Приём в магистратуру",
        "en": "Master's admission",
    },
    "admission_doctoral": {
        "kk": "Докторантураға қабылдау",
        "ru": "Приём в докторантуру",
        "en": "Doctoral admission",
    },
    "nonformal_recognition": {
        "kk": "Бейресми білімді тану",
        "ru": "Признание неформального обучения",
        "en": "Non-formal recognition",
    },
    "transfer_recount": {
        "kk": "Кредиттерді қайта есептеу",
        "ru": "Перезачёт",
        "en": "Transfer recount",
    },
    "academic_difference": {
        "kk": "Академиялық айырма",
        "ru": "Академическая разница",
        "en": "Academic difference",
    },
    "mobility_eligibility": {
        "kk": "Академиялық ұтқырлық",
        "ru": "Академическая мобильность",
        "en": "Academic mobility",
    },
    "credit_hours": {"kk": "Кредит пен сағат", "ru": "Кредиты и часы", "en": "Credits and hours"},
    "summer_semester": {"kk": "Жазғы семестр", "ru": "Летний семестр", "en": "Summer semester"},
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "score": {"kk": "Балл (0–100)", "ru": "Балл (0–100)", "en": "Score (0–100)"},
    "r1": {"kk": "Р1 (1-рейтинг)", "ru": "Р1 (рейтинг 1)", "en": "R1 (rating 1)"},
    "r2": {"kk": "Р2 (2-рейтинг)", "ru": "Р2 (рейтинг 2)", "en": "R2 (rating 2)"},
    "exam": {"kk": "Емтихан бағасы", "ru": "Оценка за экзамен", "en": "Exam grade"},
    "courses": {"kk": "Пәндер", "ru": "Дисциплины", "en": "Courses"},
    "year": {"kk": "Оқу курсы", "ru": "Курс", "en": "Year of study"},
    "gpa": {"kk": "GPA", "ru": "GPA", "en": "GPA"},
    "ssci": {
        "kk": "SSCI: әлеуметтік және спорттық жетістіктер",
        "ru": "SSCI: социальные и спортивные достижения",
        "en": "SSCI: social and sports achievements",
    },
    "iros": {
        "kk": "iROS: ғылыми жетістіктер (3–4 курс)",
        "ru": "iROS: научные достижения (3–4 курс)",
        "en": "iROS: research achievements (years 3–4)",
    },
    "academic": {
        "kk": "Академиялық жетістік деңгейі (1–2 курс)",
        "ru": "Уровень академических достижений (1–2 курс)",
        "en": "Academic achievement (years 1–2)",
    },
    "research": {
        "kk": "Ғылыми-зерттеу қызметі (1–2 курс)",
        "ru": "Научно-исследовательская деятельность (1–2 курс)",
        "en": "Research activity (years 1–2)",
    },
    "scale_max": {
        "kk": "Ортақ шкаланың ең жоғары мәні",
        "ru": "Максимум общей шкалы",
        "en": "Top of the common scale",
    },
    "level": {"kk": "Оқу деңгейі", "ru": "Уровень обучения", "en": "Level of study"},
    "missed": {"kk": "Босатылған сабақтар", "ru": "Пропущенные занятия", "en": "Classes missed"},
    "total_classes": {
        "kk": "Кезеңдегі сабақтар саны",
        "ru": "Всего занятий за период",
        "en": "Classes in the period",
    },
    "late_over_20": {
        "kk": "20 минуттан астам кешігулер",
        "ru": "Опоздания более чем на 20 минут",
        "en": "Late arrivals over 20 minutes",
    },
    "coursework_required": {
        "kk": "Курстық жоба бар",
        "ru": "Есть курсовой проект",
        "en": "The course has a course project",
    },
    "coursework_submitted": {
        "kk": "Курстық жоба тапсырылды",
        "ru": "Курсовой проект сдан",
        "en": "Course project submitted",
    },
    "valid_reason_documented": {
        "kk": "Босатулар құжатпен расталған",
        "ru": "Пропуски подтверждены документами",
        "en": "Absences excused by documents",
    },
    "grade": {
        "kk": "Алынған әріптік баға",
        "ru": "Полученная оценка",
        "en": "Letter grade received",
    },
    "fx_count": {
        "kk": "FX неше рет алынды",
        "ru": "Сколько раз получена FX",
        "en": "Times FX received",
    },
    "context": {"kk": "Жағдай", "ru": "Контекст", "en": "Context"},
    "unt_total": {"kk": "ҰБТ жалпы балы", "ru": "Общий балл ЕНТ", "en": "UNT total score"},
    "subject_scores": {
        "kk": "Пәндер бойынша балдар",
        "ru": "Баллы по предметам",
        "en": "Subject scores",
    },
    "route": {"kk": "Түсу жолы", "ru": "Путь поступления", "en": "Route"},
    "track": {"kk": "Магистратура бағыты", "ru": "Направление магистратуры", "en": "Track"},
    "profile_single": {
        "kk": "Бейіндік тест: бір жауапты бөлім",
        "ru": "Профильный тест: часть с одним ответом",
        "en": "Profile test: single-answer part",
    },
    "profile_multiple": {
        "kk": "Бейіндік тест: бірнеше жауапты бөлім",
        "ru": "Профильный тест: часть с несколькими ответами",
        "en": "Profile test: multiple-answer part",
    },
    "readiness": {
        "kk": "Оқуға дайындық тесті",
        "ru": "Тест на готовность к обучению",
        "en": "Test of readiness for study",
    },
    "foreign_language": {
        "kk": "Шет тілі тесті",
        "ru": "Тест по иностранному языку",
        "en": "Foreign language test",
    },
    "creative_exams": {
        "kk": "Шығармашылық емтихандар балдары",
        "ru": "Баллы творческих экзаменов",
        "en": "Creative exam scores",
    },
    "language_certificate": {
        "kk": "Шет тілі сертификаты бар",
        "ru": "Есть сертификат по иностранному языку",
        "en": "Holds a foreign-language certificate",
    },
    "has_master": {
        "kk": "Магистр дәрежесі бар",
        "ru": "Есть степень магистра",
        "en": "Holds a master's degree",
    },
    "work_months": {
        "kk": "Еңбек өтілі (ай)",
        "ru": "Стаж работы (месяцев)",
        "en": "Work experience (months)",
    },
    "exam_score": {
        "kk": "Түсу емтиханының балы",
        "ru": "Балл вступительного экзамена",
        "en": "Entrance exam score",
    },
    "program": {"kk": "Бағдарлама", "ru": "Программа", "en": "Programme"},
    "funding": {"kk": "Қаржыландыру", "ru": "Финансирование", "en": "Funding"},
    "certificate_type": {
        "kk": "Сертификат атауы (IELTS, TOEFL…)",
        "ru": "Название сертификата (IELTS, TOEFL…)",
        "en": "Certificate name (IELTS, TOEFL…)",
    },
    "program_credits": {
        "kk": "Бағдарламаның барлық кредиттері",
        "ru": "Кредиты всей программы",
        "en": "Credits of the whole programme",
    },
    "course_credits": {
        "kk": "Пәннің кредиттері",
        "ru": "Кредиты дисциплины",
        "en": "Credits of the course",
    },
    "nonformal_hours": {
        "kk": "Бейресми курстың академиялық сағаттары",
        "ru": "Академические часы неформального курса",
        "en": "Academic hours of the non-formal course",
    },
    "already_recognized_credits": {
        "kk": "Бұрын танылған кредиттер",
        "ru": "Уже признанные кредиты",
        "en": "Credits already recognised",
    },
    "course_in_program": {
        "kk": "Пән бағдарламада бар",
        "ru": "Дисциплина есть в программе",
        "en": "The course is in the programme",
    },
    "days_before_period": {
        "kk": "Кезең басталғанға дейінгі күндер",
        "ru": "Дней до начала периода",
        "en": "Days before the period starts",
    },
    "difference_credits": {
        "kk": "Академиялық айырма кредиттері",
        "ru": "Кредиты академической разницы",
        "en": "Credits of academic difference",
    },
    "in_current_schedule": {
        "kk": "Осы кезеңнің кестесінде бар",
        "ru": "Есть в расписании этого периода",
        "en": "In this period's timetable",
    },
    "english_level": {
        "kk": "Ағылшын тілі деңгейі (CEFR)",
        "ru": "Уровень английского (CEFR)",
        "en": "English level (CEFR)",
    },
    "field_match": {
        "kk": "Қабылдаушы бағдарлама бағыты сәйкес",
        "ru": "Принимающая программа соответствует направлению",
        "en": "The host programme matches the field",
    },
    "credits": {"kk": "Кредиттер", "ru": "Кредиты", "en": "Credits"},
    "academic_hours": {
        "kk": "Академиялық сағаттар",
        "ru": "Академические часы",
        "en": "Academic hours",
    },
    "retake_credits": {
        "kk": "Жазда қайта оқылатын кредиттер",
        "ru": "Кредиты для повторного изучения летом",
        "en": "Credits to re-study in the summer",
    },
    "credit_price": {
        "kk": "Бір кредиттің бағасы (теңге)",
        "ru": "Стоимость одного кредита (тенге)",
        "en": "Price of one credit (tenge)",
    },
    "new_r1": {"kk": "Жаңа Р1", "ru": "Новый Р1", "en": "New R1"},
    "new_r2": {"kk": "Жаңа Р2", "ru": "Новый Р2", "en": "New R2"},
    "coursework_defended": {
        "kk": "Курстық жоба қорғалды",
        "ru": "Курсовой проект защищён",
        "en": "Course project defended",
    },
    "name": {"kk": "Атауы", "ru": "Название", "en": "Name"},
    "letter": {"kk": "Әріптік баға", "ru": "Буквенная оценка", "en": "Letter grade"},
}


def tool_title(name: str, lang: str) -> str:
    return TOOL_TITLES.get(name, {}).get(lang) or name


def field_label(name: str, lang: str, fallback: str | None = None) -> str:
    return FIELD_LABELS.get(name, {}).get(lang) or fallback or name


def _t(kk: str, ru: str, en: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru, "en": en}


# Names of the tools' result fields (the contract's field names stay in the API's JSON).
RESULT_LABELS: dict[str, dict[str, str]] = {
    "points": _t("Балл (4 балдық шкала)", "Балл (4-балльная шкала)", "Grade points (4-point)"),
    "traditional": _t("Дәстүрлі баға", "Традиционная оценка", "Traditional grade"),
    "raw": _t("Дөңгелектенбеген баға", "Оценка до округления", "Unrounded grade"),
    "final": _t("Қорытынды баға", "Итоговая оценка", "Final grade"),
    "rating_average": _t("Рейтингтің орташасы", "Средний рейтинг", "Rating average"),
    "admitted_to_exam": _t("Емтиханға жіберілді", "Допущен к экзамену", "Admitted to the exam"),
    "total_credits": _t("Барлық кредиттер", "Всего кредитов", "Total credits"),
    "grade_points": _t("Балдар қосындысы", "Сумма баллов", "Grade points"),
    "gpa_used": _t("Есепке алынған GPA", "Учтённый GPA", "GPA used"),
    "igpa": _t("iGPA", "iGPA", "iGPA"),
    "progression_ok": _t("Келесі курсқа өтеді", "Переводится на следующий курс", "Progression"),
    "progression_failed": _t(
        "Өту шарттары орындалмады", "Не выполнены условия перевода", "Progression failed"
    ),
    "admitted": _t("Жіберілді", "Допущен", "Admitted"),
    "effective_absences": _t("Есептелген босатулар", "Учтённые пропуски", "Counted absences"),
    "failed": _t("Орындалмаған шарттар", "Невыполненные условия", "Conditions not met"),
    "absence_percent": _t("Босатулар, %", "Пропуски, %", "Absences, %"),
    "path": _t("Жол", "Порядок действий", "Path"),
    "restudy_required": _t("Пәнді қайта оқу керек", "Нужно изучить заново", "Re-study required"),
    "deadline_working_days_after_session": _t(
        "Сессиядан кейінгі мерзім (жұмыс күні)",
        "Срок после сессии (рабочих дней)",
        "Deadline after the session (working days)",
    ),
    "eligible": _t("Шарттарға сай", "Соответствует условиям", "Eligible"),
    "threshold": _t("Шекті балл", "Пороговый балл", "Threshold"),
    "subject_minimum": _t("Пән бойынша ең аз балл", "Минимум по предмету", "Subject minimum"),
    "total": _t("Жалпы балл", "Общий балл", "Total"),
    "max_total": _t("Ең жоғары жалпы балл", "Максимальный общий балл", "Maximum total"),
    "foreign_language_used": _t(
        "Есепке алынған шет тілі балы", "Учтённый балл по языку", "Foreign language score used"
    ),
    "max_score": _t("Ең жоғары балл", "Максимальный балл", "Maximum score"),
    "additional_english_test": _t(
        "Қосымша ағылшын тілі тесті",
        "Дополнительный тест по английскому",
        "Additional English test",
    ),
    "cap_credits": _t("Кредит шегі", "Предел кредитов", "Credit cap"),
    "required_hours": _t("Қажет сағаттар", "Требуемые часы", "Required hours"),
    "remaining_cap_credits": _t(
        "Қалған шек (кредит)", "Остаток предела (кредиты)", "Remaining cap"
    ),
    "recounted_credits": _t(
        "Қайта есептелген кредиттер", "Перезачтённые кредиты", "Recounted credits"
    ),
    "difference_courses": _t("Айырма пәндері", "Дисциплины разницы", "Difference courses"),
    "recounted_percent": _t("Қайта есептелгені, %", "Перезачтено, %", "Recounted, %"),
    "within_limit": _t("Шектен аспайды", "В пределах лимита", "Within the limit"),
    "max_credits": _t("Ең көп кредит", "Максимум кредитов", "Maximum credits"),
    "excess_credits": _t("Артық кредиттер", "Превышение (кредиты)", "Excess credits"),
    "study_in": _t("Оқу кезеңі", "Когда изучать", "Study in"),
    "minutes": _t("Минуттар", "Минуты", "Minutes"),
    "min_classroom_academic_hours": _t(
        "Аудиториялық сағаттардың ең азы", "Минимум аудиторных часов", "Minimum classroom hours"
    ),
    "fee": _t("Төлем (теңге)", "Оплата (тенге)", "Fee (tenge)"),
    "exam_admitted": _t("Емтиханға жіберілді", "Допущен к экзамену", "Admitted to the exam"),
}


def result_label(name: str, lang: str) -> str:
    """A result field's name for people; its contract name where no translation exists."""
    return (RESULT_LABELS.get(name) or FIELD_LABELS.get(name) or {}).get(lang) or name
