"""Small helpers for the kk / ru / en explanations: clause references and lists."""

from __future__ import annotations

from tools.citations import clause_id


def ref(key: str, lang: str) -> str:
    """A clause reference as each language writes it: "8.29-т.", "п. 8.29", "§8.29"."""
    cid = clause_id(key)
    if ".T" in cid:
        number = cid.split(".T")[1]
        return {"kk": f"{number}-кесте", "ru": f"табл. {number}", "en": f"Table {number}"}[lang]
    return {"kk": f"{cid}-т.", "ru": f"п. {cid}", "en": f"§{cid}"}[lang]


def yes_no(flag: bool, lang: str) -> str:
    return {"kk": ("иә", "жоқ"), "ru": ("да", "нет"), "en": ("yes", "no")}[lang][0 if flag else 1]


# What each failure code means, for the explanations (the codes stay in `failed`).
FAILURE_LABELS: dict[str, dict[str, str]] = {
    "rating_below_50": {
        "kk": "рейтингтің орташа бағасы 50-ден төмен",
        "ru": "средний рейтинг ниже 50",
        "en": "rating average below 50",
    },
    "absences_over_50_percent": {
        "kk": "сабақтардың 50%-дан астамы өткізілген",
        "ru": "пропущено более 50% занятий",
        "en": "more than 50% of classes missed",
    },
    "coursework_not_submitted": {
        "kk": "курстық жоба тапсырылмаған",
        "ru": "курсовой проект не сдан",
        "en": "course project not submitted",
    },
    "coursework_not_defended": {
        "kk": "курстық жоба қорғалмаған",
        "ru": "курсовой проект не защищён",
        "en": "course project not defended",
    },
    "total_below_threshold": {
        "kk": "жалпы балл шекті балдан төмен",
        "ru": "сумма баллов ниже порога",
        "en": "total below the threshold",
    },
    "subject_below_5": {
        "kk": "пән бойынша 5 балдан төмен",
        "ru": "по предмету меньше 5 баллов",
        "en": "a subject below 5 points",
    },
    "foreign_language_below_25": {
        "kk": "шет тілі 25 балдан төмен",
        "ru": "иностранный язык ниже 25 баллов",
        "en": "foreign language below 25",
    },
    "profile_single_below_7": {
        "kk": "бейін (бір жауап) 7 балдан төмен",
        "ru": "профиль (один ответ) ниже 7 баллов",
        "en": "profile (single answer) below 7",
    },
    "profile_multiple_below_7": {
        "kk": "бейін (бірнеше жауап) 7 балдан төмен",
        "ru": "профиль (несколько ответов) ниже 7 баллов",
        "en": "profile (multiple answers) below 7",
    },
    "readiness_below_7": {
        "kk": "оқуға дайындық тесті 7 балдан төмен",
        "ru": "тест готовности к обучению ниже 7 баллов",
        "en": "readiness test below 7",
    },
    "creative_exam_below_7": {
        "kk": "шығармашылық емтихан 7 балдан төмен",
        "ru": "творческий экзамен ниже 7 баллов",
        "en": "a creative exam below 7",
    },
    "no_master_degree": {
        "kk": "магистр дәрежесі жоқ",
        "ru": "нет степени магистра",
        "en": "no master's degree",
    },
    "work_experience_below_9_months": {
        "kk": "жұмыс өтілі 9 айдан аз",
        "ru": "стаж меньше 9 месяцев",
        "en": "work experience under 9 months",
    },
    "exam_below_threshold": {
        "kk": "түсу емтиханы шекті балдан төмен",
        "ru": "вступительный экзамен ниже порога",
        "en": "entrance exam below the threshold",
    },
    "no_language_certificate": {
        "kk": "тіл сертификаты жоқ",
        "ru": "нет языкового сертификата",
        "en": "no language certificate",
    },
    "course_not_in_program": {
        "kk": "пән білім беру бағдарламасында жоқ",
        "ru": "дисциплины нет в образовательной программе",
        "en": "course not in the programme",
    },
    "partial_course_only": {
        "kk": "сағаттар пәннің толық көлеміне жетпейді",
        "ru": "часов меньше полного объёма дисциплины",
        "en": "hours short of the full course",
    },
    "exceeds_15_percent_cap": {
        "kk": "15% шегінен асады",
        "ru": "превышен предел 15%",
        "en": "exceeds the 15% cap",
    },
    "late_application": {
        "kk": "өтініш кеш берілген (10 күннен аз)",
        "ru": "заявление подано поздно (менее чем за 10 дней)",
        "en": "late application (under 10 days ahead)",
    },
    "year_not_eligible": {
        "kk": "оқу курсы сәйкес емес",
        "ru": "курс обучения не подходит",
        "en": "year of study not eligible",
    },
    "english_below_b2": {
        "kk": "ағылшын тілі B2-ден төмен",
        "ru": "английский ниже B2",
        "en": "English below B2",
    },
    "gpa_below_2_5": {"kk": "GPA 2,5-тен төмен", "ru": "GPA ниже 2,5", "en": "GPA below 2.5"},
    "field_mismatch": {
        "kk": "оқу бағыты сәйкес емес",
        "ru": "направление обучения не совпадает",
        "en": "field of study does not match",
    },
}


def unmet(failed: list[str], lang: str) -> str:
    """ "Орындалмағаны: жұмыс өтілі 9 айдан аз." — the failed codes in words, or ""."""
    if not failed:
        return ""
    head = {"kk": "Орындалмағаны: ", "ru": "Не выполнено: ", "en": "Unmet: "}[lang]
    return head + "; ".join(FAILURE_LABELS[code][lang] for code in failed) + "."
