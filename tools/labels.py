"""Tool arguments' names in kk / ru / en.

The registry's schemas describe arguments in English only; a student asked for a
missing value, or filling a calculator form, needs its name in their own language.
One table serves the assistant's follow-up questions and the UI's forms.
"""

from __future__ import annotations

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


def field_label(name: str, lang: str, fallback: str | None = None) -> str:
    return FIELD_LABELS.get(name, {}).get(lang) or fallback or name
