"""Names of the calculators and their inputs in kk / ru / en.

The tool registry describes arguments in English only; people filling a form need the
label in their own language. A field missing here falls back to the registry's English
description, and a test lists any tool field left without a translation.
"""

from __future__ import annotations

from tools.labels import FIELD_LABELS, field_label  # noqa: F401 - re-exported for ui.web

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


def tool_title(name: str, lang: str) -> str:
    return TOOL_TITLES.get(name, {}).get(lang) or name


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
