"""Human names of tool arguments, for asking the user what is missing."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "r1": {"kk": "1-рейтинг (Р1)", "ru": "рейтинг 1 (Р1)", "en": "rating 1 (R1)"},
    "r2": {"kk": "2-рейтинг (Р2)", "ru": "рейтинг 2 (Р2)", "en": "rating 2 (R2)"},
    "exam": {"kk": "емтихан бағасы", "ru": "оценка за экзамен", "en": "exam score"},
    "score": {"kk": "балл (0–100)", "ru": "балл (0–100)", "en": "score (0–100)"},
    "courses": {
        "kk": "пәндер тізімі (кредиттер және баға)",
        "ru": "список дисциплин (кредиты и оценки)",
        "en": "the list of courses (credits and grades)",
    },
    "year": {"kk": "оқу курсы", "ru": "курс обучения", "en": "year of study"},
    "gpa": {"kk": "GPA", "ru": "GPA", "en": "GPA"},
    "ssci": {"kk": "SSCI балы", "ru": "балл SSCI", "en": "SSCI score"},
    "iros": {"kk": "iROS балы", "ru": "балл iROS", "en": "iROS score"},
    "grade": {"kk": "баға (әріп)", "ru": "оценка (буква)", "en": "grade letter"},
    "unt_total": {"kk": "ҰБТ жалпы балы", "ru": "общий балл ЕНТ", "en": "UNT total score"},
    "subject_scores": {
        "kk": "ҰБТ пәндері бойынша балдар",
        "ru": "баллы ЕНТ по предметам",
        "en": "UNT subject scores",
    },
    "profile_single": {
        "kk": "бейіндік тест (бір дұрыс жауап)",
        "ru": "профильный тест (один ответ)",
        "en": "profile test (single answer)",
    },
    "profile_multiple": {
        "kk": "бейіндік тест (бірнеше дұрыс жауап)",
        "ru": "профильный тест (несколько ответов)",
        "en": "profile test (multiple answers)",
    },
    "readiness": {"kk": "дайындық тесті", "ru": "тест на готовность", "en": "readiness test"},
    "has_master": {
        "kk": "магистр дәрежесі бар ма",
        "ru": "есть ли степень магистра",
        "en": "whether you hold a master's degree",
    },
    "work_months": {
        "kk": "жұмыс өтілі (ай)",
        "ru": "стаж работы (месяцев)",
        "en": "work experience (months)",
    },
    "exam_score": {
        "kk": "түсу емтиханының балы",
        "ru": "балл вступительного экзамена",
        "en": "entrance exam score",
    },
    "program_credits": {
        "kk": "бағдарламаның кредит көлемі",
        "ru": "объём программы в кредитах",
        "en": "programme credits",
    },
    "course_credits": {"kk": "пәннің кредиті", "ru": "кредиты дисциплины", "en": "course credits"},
    "nonformal_hours": {
        "kk": "бейресми оқу сағаттары",
        "ru": "часы неформального обучения",
        "en": "hours of non-formal learning",
    },
    "difference_credits": {
        "kk": "академиялық айырмашылық (кредит)",
        "ru": "академическая разница (кредиты)",
        "en": "academic difference (credits)",
    },
    "retake_credits": {
        "kk": "қайта игерілетін кредиттер",
        "ru": "кредиты для повторного изучения",
        "en": "credits to retake",
    },
    "level": {"kk": "оқу деңгейі", "ru": "уровень обучения", "en": "level of study"},
    "english_level": {
        "kk": "ағылшын тілі деңгейі (CEFR)",
        "ru": "уровень английского (CEFR)",
        "en": "English level (CEFR)",
    },
    "credits": {"kk": "кредит саны", "ru": "число кредитов", "en": "number of credits"},
    "academic_hours": {
        "kk": "академиялық сағат",
        "ru": "академические часы",
        "en": "academic hours",
    },
}


def label(argument: str, lang: str) -> str:
    return LABELS.get(argument, {}).get(lang, argument)
