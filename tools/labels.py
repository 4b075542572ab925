"""Names people see for the fields several tools share, and words for shared values.

A field that belongs to one tool is named in that tool's own declaration (its ToolSpec's
`labels`); only the names used by more than one tool live here, once. ToolSpec.label()
looks in the tool's own labels first, then here.
"""

from __future__ import annotations

from tools.letters import TRADITIONAL
from tools.text import FAILURE_LABELS


def texts(kk: str, ru: str, en: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru, "en": en}


SHARED_LABELS: dict[str, dict[str, str]] = {
    # arguments
    "r1": texts("Р1 (1-рейтинг)", "Р1 (рейтинг 1)", "R1 (rating 1)"),
    "r2": texts("Р2 (2-рейтинг)", "Р2 (рейтинг 2)", "R2 (rating 2)"),
    "gpa": texts("GPA", "GPA", "GPA"),
    "year": texts("Оқу курсы", "Курс", "Year of study"),
    "level": texts("Оқу деңгейі", "Уровень обучения", "Level of study"),
    "courses": texts("Пәндер", "Дисциплины", "Courses"),
    "coursework_required": texts(
        "Курстық жоба бар", "Есть курсовой проект", "The course has a course project"
    ),
    "language_certificate": texts(
        "Шет тілі сертификаты бар",
        "Есть сертификат по иностранному языку",
        "Holds a foreign-language certificate",
    ),
    "difference_credits": texts(
        "Академиялық айырма кредиттері",
        "Кредиты академической разницы",
        "Credits of academic difference",
    ),
    # fields of a course in a list
    "name": texts("Атауы", "Название", "Name"),
    "credits": texts("Кредиттер", "Кредиты", "Credits"),
    "score": texts("Балл (0–100)", "Балл (0–100)", "Score (0–100)"),
    "letter": texts("Әріптік баға", "Буквенная оценка", "Letter grade"),
    # results
    "points": texts("Балл (4 балдық шкала)", "Балл (4-балльная шкала)", "Grade points (4-point)"),
    "traditional": texts("Дәстүрлі баға", "Традиционная оценка", "Traditional grade"),
    "rating_average": texts("Рейтингтің орташасы", "Средний рейтинг", "Rating average"),
    "total_credits": texts("Барлық кредиттер", "Всего кредитов", "Total credits"),
    "failed": texts("Орындалмаған шарттар", "Невыполненные условия", "Conditions not met"),
    "eligible": texts("Шарттарға сай", "Соответствует условиям", "Eligible"),
    "threshold": texts("Шекті балл", "Пороговый балл", "Threshold"),
    "within_limit": texts("Шектен аспайды", "В пределах лимита", "Within the limit"),
    "max_credits": texts("Ең көп кредит", "Максимум кредитов", "Maximum credits"),
}

SHARED_VALUES: dict[str, dict[str, dict[str, str]]] = {
    "traditional": TRADITIONAL,
    "failed": FAILURE_LABELS,
    "level": {
        "bachelor": texts("бакалавриат", "бакалавриат", "bachelor's"),
        "master": texts("магистратура", "магистратура", "master's"),
        "doctoral": texts("докторантура", "докторантура", "doctoral"),
    },
}
