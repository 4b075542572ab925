"""The request's language and the API's own messages in kk / ru / en.

Errors speak the caller's language: `?lang=` wins, then Accept-Language, then English.
Codes are stable for machines; messages are for people and may be reworded.
"""

from __future__ import annotations

from starlette.requests import Request

from corpus.languages import DEFAULT_LANG, is_lang

MESSAGES: dict[str, dict[str, str]] = {
    "not_found": {
        "kk": "Мұндай мекенжай жоқ: {path}.",
        "ru": "Такого адреса нет: {path}.",
        "en": "There is no such endpoint: {path}.",
    },
    "method_not_allowed": {
        "kk": "Бұл мекенжай {method} әдісін қабылдамайды.",
        "ru": "Этот адрес не принимает метод {method}.",
        "en": "This endpoint does not accept {method}.",
    },
    "unknown_clause": {
        "kk": "Саясатта «{id}» тармағы жоқ.",
        "ru": "В политике нет пункта «{id}».",
        "en": "The policy has no clause '{id}'.",
    },
    "unknown_disclosure": {
        "kk": "Мұндай ашықтық жазбасы табылмады: {ids}.",
        "ru": "Записи о раскрытии не найдены: {ids}.",
        "en": "No disclosure record with id: {ids}.",
    },
    "no_disclosures": {
        "kk": "Мәлімдеме үшін кемінде бір жазба керек: алдымен сұрақ қойыңыз.",
        "ru": "Для заявления нужна хотя бы одна запись: сначала задайте вопрос.",
        "en": "A statement needs at least one disclosure record: ask a question first.",
    },
    "validation_error": {
        "kk": "Сұрау дұрыс емес: {details}",
        "ru": "Неверный запрос: {details}",
        "en": "The request is invalid: {details}",
    },
    "missing": {
        "kk": "«{field}» міндетті өрісі берілмеген.",
        "ru": "Не указано обязательное поле «{field}».",
        "en": "The required field '{field}' is missing.",
    },
    "wrong_type": {
        "kk": "«{field}» өрісінің түрі дұрыс емес.",
        "ru": "Поле «{field}» имеет неверный тип.",
        "en": "The field '{field}' has the wrong type.",
    },
    "too_short": {
        "kk": "«{field}» өрісі тым қысқа (кемінде {limit}).",
        "ru": "Поле «{field}» слишком короткое (минимум {limit}).",
        "en": "The field '{field}' is too short (at least {limit}).",
    },
    "too_long": {
        "kk": "«{field}» өрісі тым ұзын (ең көбі {limit}).",
        "ru": "Поле «{field}» слишком длинное (максимум {limit}).",
        "en": "The field '{field}' is too long (at most {limit}).",
    },
    "out_of_range": {
        "kk": "«{field}» мәні рұқсат етілген аралықтан тыс.",
        "ru": "Значение поля «{field}» вне допустимого диапазона.",
        "en": "The value of '{field}' is out of range.",
    },
    "invalid_choice": {
        "kk": "«{field}» мына мәндердің бірі болуы керек: {choices}.",
        "ru": "Поле «{field}» должно быть одним из значений: {choices}.",
        "en": "The field '{field}' must be one of: {choices}.",
    },
    "unknown_field": {
        "kk": "«{field}» деген өріс жоқ.",
        "ru": "Поля «{field}» нет.",
        "en": "There is no field '{field}'.",
    },
    "invalid_value": {
        "kk": "«{field}» мәні жарамсыз.",
        "ru": "Недопустимое значение поля «{field}».",
        "en": "The value of '{field}' is not valid.",
    },
    "invalid_json": {
        "kk": "Сұрау денесі JSON ретінде оқылмады.",
        "ru": "Тело запроса не читается как JSON.",
        "en": "The request body is not valid JSON.",
    },
    "invalid_query": {
        "kk": "Сұрау мәтін болуы керек: бос емес, {limit} таңбадан аспайтын, бинарлық деректерсіз.",
        "ru": "Запрос должен быть текстом: непустым, не длиннее {limit} символов, "
        "без двоичных данных.",
        "en": "The query must be text: not empty, at most {limit} characters, no binary data.",
    },
    "payload_too_large": {
        "kk": "Сұрау денесі тым үлкен: ең көбі {limit} байт.",
        "ru": "Тело запроса слишком большое: не больше {limit} байт.",
        "en": "The request body is too large: at most {limit} bytes.",
    },
    "rate_limited": {
        "kk": "Сұраулар тым көп. {seconds} секундтан кейін қайталаңыз.",
        "ru": "Слишком много запросов. Повторите через {seconds} с.",
        "en": "Too many requests. Try again in {seconds} s.",
    },
    "unauthorized": {
        "kk": "Әкімші токені керек (Authorization: Bearer ...).",
        "ru": "Нужен токен администратора (Authorization: Bearer ...).",
        "en": "An admin token is required (Authorization: Bearer ...).",
    },
    "forbidden": {
        "kk": "Әкімші токені дұрыс емес.",
        "ru": "Неверный токен администратора.",
        "en": "The admin token is not valid.",
    },
    "admin_disabled": {
        "kk": "Әкімші әрекеттері өшірулі: сервер POLICY_ADMIN_TOKEN-сіз іске қосылған.",
        "ru": "Действия администратора отключены: сервер запущен без POLICY_ADMIN_TOKEN.",
        "en": "Admin actions are disabled: the server runs without POLICY_ADMIN_TOKEN.",
    },
    # --- the OpenAI-compatible /v1 -----------------------------------------------------
    "invalid_api_key": {
        "kk": "API кілті жоқ немесе дұрыс емес (Authorization: Bearer ...).",
        "ru": "Ключ API не передан или неверен (Authorization: Bearer ...).",
        "en": "The API key is missing or not valid (Authorization: Bearer ...).",
    },
    "model_not_found": {
        "kk": "Мұндай модель жоқ: {model}. Бар модель: {known}.",
        "ru": "Такой модели нет: {model}. Доступная модель: {known}.",
        "en": "There is no model {model}. The model served here is {known}.",
    },
    "no_question": {
        "kk": "Соңғы хабарлама пайдаланушының мәтіндік сұрағы болуы керек.",
        "ru": "Последнее сообщение должно быть текстовым вопросом пользователя.",
        "en": "The last message must be the user's question, as text.",
    },
    "text_only": {
        "kk": "Тек мәтін қабылданады (суреттер мен файлдар емес).",
        "ru": "Принимается только текст (не изображения и не файлы).",
        "en": "Only text is accepted (no images or files).",
    },
    "one_choice": {
        "kk": "Бір ғана жауап беріледі: n = 1.",
        "ru": "Ответ даётся один: n = 1.",
        "en": "One answer is given per request: n must be 1.",
    },
    "storage_unavailable": {
        "kk": "Дерекқор қазір қолжетімсіз. Кейінірек қайталаңыз.",
        "ru": "База данных сейчас недоступна. Повторите позже.",
        "en": "The database is unavailable right now. Please try again later.",
    },
    "index_unavailable": {
        "kk": "Іздеу индексі қазір қолжетімсіз. Кейінірек қайталаңыз.",
        "ru": "Поисковый индекс сейчас недоступен. Повторите позже.",
        "en": "The search index is unavailable right now. Please try again later.",
    },
    "read_only_index": {
        "kk": "Бұл сервер индекстің көшірмесімен жұмыс істейді (serve --workers): "
        "`policy-assistant index` іске қосып, серверді қайта бастаңыз.",
        "ru": "Этот сервер работает с копией индекса (serve --workers): запустите "
        "`policy-assistant index` и перезапустите сервер.",
        "en": "This server answers from a copy of the index (serve --workers): run "
        "`policy-assistant index`, then restart the server.",
    },
    "internal_error": {
        "kk": "Сервердің ішкі қатесі. Ол тіркелді; кейінірек қайталаңыз.",
        "ru": "Внутренняя ошибка сервера. Она записана; повторите позже.",
        "en": "Internal server error. It has been logged; please try again later.",
    },
    "http_error": {
        "kk": "Сұрау орындалмады (HTTP {status}).",
        "ru": "Запрос не выполнен (HTTP {status}).",
        "en": "The request failed (HTTP {status}).",
    },
}


def message(code: str, lang: str, **values: object) -> str:
    """The message of `code` in `lang`, filled with `values` (unknown codes: http_error)."""
    template = MESSAGES.get(code) or MESSAGES["http_error"]
    text = template.get(lang) or template[DEFAULT_LANG]
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def pick_lang(value: str | None) -> str | None:
    """'kk', 'ru' or 'en' from a code such as 'ru-RU' or 'KK'; None otherwise."""
    if not value:
        return None
    primary = value.strip().lower().replace("_", "-").split("-")[0]
    return primary if is_lang(primary) else None


def accept_language(header: str | None) -> str | None:
    """The most wanted of kk / ru / en in an Accept-Language header (q-values honoured)."""
    best: tuple[float, int, str] | None = None
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        lang = pick_lang(tag)
        if lang is None:
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if q > 0 and (best is None or (q, -position) > (best[0], best[1])):
            best = (q, -position, lang)
    return best[2] if best else None


def request_lang(request: Request) -> str:
    """?lang= first, then Accept-Language, then English."""
    return (
        pick_lang(request.query_params.get("lang"))
        or accept_language(request.headers.get("accept-language"))
        or DEFAULT_LANG
    )
