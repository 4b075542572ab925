"""Every label of the chat UI in kk / ru / en, in one place, plus the example questions.

The language switch re-labels the whole page from these dicts; a test checks that every
key exists in all three languages so no label is left untranslated.
"""

from __future__ import annotations

LANG_CHOICES = [("Қазақша", "kk"), ("Русский", "ru"), ("English", "en")]
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "title": "Академиялық саясат көмекшісі",
        "subtitle": "АС 029-V-2025 Академиялық саясаты бойынша сұрақтарға тармақтарға сілтеме "
        "жасалған жауаптар. Ресми мәтін — қазақ тіліндегі мәтін.",
        "ui_lang": "Интерфейс тілі",
        "tab_chat": "Чат",
        "tab_calc": "Калькуляторлар",
        "chat": "Көмекші",
        "placeholder": "Сұрағыңызды қазақ, орыс немесе ағылшын тілінде жазыңыз…",
        "send": "Жіберу",
        "new_chat": "Жаңа әңгіме",
        "examples": "Мысал сұрақтар",
        "statement_btn": "Ашықтық мәлімдемесі (19-бөлім)",
        "statement": "Мәлімдеме (көшіріп алуға дайын)",
        "statement_empty": "Алдымен сұрақ қойыңыз: мәлімдеме осы әңгіменің жауаптарына жасалады.",
        "calc_intro": "Әр калькулятор саясат ережелерін детерминистік түрде қолданады және "
        "тармақтарға сілтеме жасайды.",
        "calculate": "Есептеу",
        "official": "Ресми мәтін (қазақша)",
        "translation": "Бейресми аударма",
        "sources": "Дереккөздер",
        "direct": "Қысқа жауап (түсіндірме, ресми мәтін емес)",
        "input": "Енгізілген деректер",
        "result": "Нәтиже",
        "arithmetic": "Қалай есептелді",
        "field": "Өріс",
        "value": "Мәні",
        "optional": "міндетті емес",
        "list_hint": "үтір арқылы, мысалы: 20, 15, 12",
        "table_hint": "әр жол — бір пән",
        "error": "Қате",
        "not_covered": "Саясатта тікелей жауап жоқ",
        "needs_input": "Деректер жетіспейді",
        "refused": "Жауап берілмейді",
        "disclosure": "Ашықтық жазбасы",
        "unavailable": "Қызмет уақытша қолжетімсіз. Кейінірек қайталаңыз.",
        "footer": "Жауаптар тек саясат мәтінінен құралады; сандар детерминистік құралдармен "
        "есептеледі. Әр жауап 19-бөлімге сәйкес ашықтық жазбасын қалдырады. API: /api/docs",
    },
    "ru": {
        "title": "Ассистент по Академической политике",
        "subtitle": "Ответы со ссылками на пункты Академической политики АС 029-V-2025. "
        "Официальный текст — текст на казахском языке.",
        "ui_lang": "Язык интерфейса",
        "tab_chat": "Чат",
        "tab_calc": "Калькуляторы",
        "chat": "Ассистент",
        "placeholder": "Задайте вопрос на казахском, русском или английском…",
        "send": "Отправить",
        "new_chat": "Новый разговор",
        "examples": "Примеры вопросов",
        "statement_btn": "Заявление об использовании ИИ (раздел 19)",
        "statement": "Заявление (готово к копированию)",
        "statement_empty": "Сначала задайте вопрос: заявление составляется по ответам "
        "этого разговора.",
        "calc_intro": "Каждый калькулятор детерминированно применяет правила политики и ссылается "
        "на её пункты.",
        "calculate": "Рассчитать",
        "official": "Официальный текст (каз.)",
        "translation": "Неофициальный перевод",
        "sources": "Источники",
        "direct": "Коротко (пояснение, не официальный текст)",
        "input": "Исходные данные",
        "result": "Результат",
        "arithmetic": "Как посчитано",
        "field": "Поле",
        "value": "Значение",
        "optional": "необязательно",
        "list_hint": "через запятую, например: 20, 15, 12",
        "table_hint": "каждая строка — одна дисциплина",
        "error": "Ошибка",
        "not_covered": "В политике нет прямого ответа",
        "needs_input": "Не хватает данных",
        "refused": "Ответ не предоставляется",
        "disclosure": "Запись о раскрытии",
        "unavailable": "Сервис временно недоступен. Повторите позже.",
        "footer": "Ответы составляются только из текста политики; числа считают "
        "детерминированные инструменты. Каждый ответ оставляет запись о раскрытии "
        "(раздел 19). API: /api/docs",
    },
    "en": {
        "title": "Academic Policy Assistant",
        "subtitle": "Answers citing the clauses of the Academic Policy AS 029-V-2025. "
        "The official text is the Kazakh one.",
        "ui_lang": "Interface language",
        "tab_chat": "Chat",
        "tab_calc": "Calculators",
        "chat": "Assistant",
        "placeholder": "Ask in Kazakh, Russian or English…",
        "send": "Send",
        "new_chat": "New conversation",
        "examples": "Example questions",
        "statement_btn": "AI-use disclosure statement (section 19)",
        "statement": "Statement (ready to copy)",
        "statement_empty": "Ask a question first: the statement covers this "
        "conversation's answers.",
        "calc_intro": "Each calculator applies the policy's rules deterministically and cites "
        "its clauses.",
        "calculate": "Calculate",
        "official": "Official text (Kazakh)",
        "translation": "Unofficial translation",
        "sources": "Sources",
        "direct": "In short (a plain-language summary, not the official text)",
        "input": "Input",
        "result": "Result",
        "arithmetic": "How it was computed",
        "field": "Field",
        "value": "Value",
        "optional": "optional",
        "list_hint": "comma-separated, e.g. 20, 15, 12",
        "table_hint": "one course per row",
        "error": "Error",
        "not_covered": "The policy has no direct answer",
        "needs_input": "More data needed",
        "refused": "Not answered",
        "disclosure": "Disclosure record",
        "unavailable": "The service is unavailable right now. Please try again later.",
        "footer": "Answers are composed from the policy text only; numbers come from "
        "deterministic tools. Every answer leaves a section 19 disclosure record. "
        "API: /api/docs",
    },
}

EXAMPLES: dict[str, list[str]] = {
    "kk": [
        "Қорытынды баға қалай есептеледі?",
        "Р1 72, Р2 65, емтихан 48 болса қорытынды бағам қандай?",
        "Академиялық ұтқырлыққа кім қатыса алады?",
    ],
    "ru": [
        "Что будет, если я получил FX?",
        "Сколько кредитов можно взять в летнем семестре?",
        "Рассчитай итоговую оценку: Р1 72, Р2 65, экзамен 48",
    ],
    "en": [
        "What happens if I get an FX?",
        "What is my final grade with R1 72, R2 65 and exam 48?",
        "Who can take part in academic mobility?",
    ],
}


def label(key: str, lang: str) -> str:
    return LABELS.get(lang, LABELS["en"]).get(key) or LABELS["en"][key]
