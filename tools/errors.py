"""Typed input errors with messages in kk / ru / en.

A bad argument must never produce a number: every tool raises ToolInputError instead,
naming the argument, a stable code and a message in each language. Pydantic's own
errors are translated here so that callers (CLI, REST, chat) see one kind of error.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from corpus.languages import LANGS

# One template per code; {field}, {value}, {lo}, {hi}, {choices}, {expected} are filled in.
TEMPLATES: dict[str, dict[str, str]] = {
    "missing_argument": {
        "kk": "«{field}» міндетті аргументі берілмеген.",
        "ru": "Не указан обязательный аргумент «{field}».",
        "en": "The required argument '{field}' is missing.",
    },
    "unknown_argument": {
        "kk": "Бұл құралда «{field}» деген аргумент жоқ.",
        "ru": "У этого инструмента нет аргумента «{field}».",
        "en": "This tool has no argument '{field}'.",
    },
    "not_a_number": {
        "kk": "«{field}» сан болуы керек, ал берілгені: {value}.",
        "ru": "«{field}» должно быть числом, а получено: {value}.",
        "en": "'{field}' must be a number, but got {value}.",
    },
    "not_an_integer": {
        "kk": "«{field}» бүтін сан болуы керек, ал берілгені: {value}.",
        "ru": "«{field}» должно быть целым числом, а получено: {value}.",
        "en": "'{field}' must be a whole number, but got {value}.",
    },
    "out_of_range": {
        "kk": "«{field}» мәні {lo} мен {hi} аралығында болуы керек, ал берілгені: {value}.",
        "ru": "Значение «{field}» должно быть от {lo} до {hi}, а получено: {value}.",
        "en": "'{field}' must be between {lo} and {hi}, but got {value}.",
    },
    "below_minimum": {
        "kk": "«{field}» мәні кемінде {lo} болуы керек, ал берілгені: {value}.",
        "ru": "Значение «{field}» должно быть не меньше {lo}, а получено: {value}.",
        "en": "'{field}' must be at least {lo}, but got {value}.",
    },
    "not_a_boolean": {
        "kk": "«{field}» true немесе false болуы керек, ал берілгені: {value}.",
        "ru": "«{field}» должно быть true или false, а получено: {value}.",
        "en": "'{field}' must be true or false, but got {value}.",
    },
    "invalid_choice": {
        "kk": "«{field}» мына мәндердің бірі болуы керек: {choices}; ал берілгені: {value}.",
        "ru": "«{field}» должно быть одним из значений: {choices}; а получено: {value}.",
        "en": "'{field}' must be one of: {choices}; but got {value}.",
    },
    "unknown_letter": {
        "kk": "«{field}»: {value} — белгісіз әріптік баға. 1-кестедегі бағалар: {choices}.",
        "ru": "«{field}»: {value} — неизвестная буквенная оценка. Оценки таблицы 1: {choices}.",
        "en": "'{field}': {value} is not a letter grade. Table 1 grades are: {choices}.",
    },
    "invalid_type": {
        "kk": "«{field}» дұрыс емес түрде берілген: күтілгені — {expected}.",
        "ru": "«{field}» передано в неверном виде: ожидается {expected}.",
        "en": "'{field}' has the wrong form: expected {expected}.",
    },
    "empty_list": {
        "kk": "«{field}» тізімі бос болмауы керек.",
        "ru": "Список «{field}» не должен быть пустым.",
        "en": "The list '{field}' must not be empty.",
    },
    "too_many_items": {
        "kk": "«{field}» тізімінде ең көбі {hi} элемент болуы мүмкін.",
        "ru": "В списке «{field}» может быть не больше {hi} элементов.",
        "en": "The list '{field}' may hold at most {hi} items.",
    },
    "unknown_tool": {
        "kk": "«{value}» деген құрал жоқ. Бар құралдар: {choices}.",
        "ru": "Инструмента «{value}» нет. Доступные инструменты: {choices}.",
        "en": "There is no tool '{value}'. Available tools: {choices}.",
    },
    "unreadable_file": {
        "kk": "Файл оқылмады: {value}.",
        "ru": "Не удалось прочитать файл: {value}.",
        "en": "The file could not be read: {value}.",
    },
    "invalid_json": {
        "kk": "Аргументтер JSON нысаны ретінде оқылмады: {value}.",
        "ru": "Аргументы не читаются как JSON-объект: {value}.",
        "en": "The arguments could not be read as a JSON object: {value}.",
    },
}

EXPECTED_WORDS = {
    "list": {"kk": "тізім", "ru": "список", "en": "a list"},
    "object": {"kk": "нысан (JSON object)", "ru": "объект (JSON object)", "en": "an object"},
    "text": {"kk": "мәтін", "ru": "текст", "en": "text"},
}


class ToolError(Exception):
    """Base of everything a tool raises on purpose."""


class ToolInputError(ToolError):
    """An argument a tool cannot compute with: out of range, wrong type, missing, unknown.

    `code` is stable for machines, `message` is {"kk", "ru", "en"} for people, `field`
    names the offending argument (a dotted path such as "courses[1].credits").
    """

    def __init__(
        self,
        code: str,
        message: Mapping[str, str],
        field: str | None = None,
        details: Sequence[ToolInputError] = (),
    ) -> None:
        self.code = code
        self.message = {lang: message[lang] for lang in LANGS}
        self.field = field
        self.details = list(details)
        super().__init__(self.message["en"])

    @classmethod
    def of(cls, code: str, field: str | None = None, **values: Any) -> ToolInputError:
        """An error from the template of `code`, filled with `field` and `values`."""
        template = TEMPLATES[code]
        message = {}
        for lang in LANGS:
            params = {k: _show(v[lang] if isinstance(v, Mapping) else v) for k, v in values.items()}
            message[lang] = template[lang].format(field=field or "", **params)
        return cls(code, message, field)

    def to_dict(self) -> dict[str, Any]:
        """{"code", "message", "field"}, plus "errors" (every problem) when there were several."""
        data: dict[str, Any] = {"code": self.code, "message": self.message, "field": self.field}
        if self.details:
            data["errors"] = [
                {"code": d.code, "message": d.message, "field": d.field} for d in self.details
            ]
        return data


def reject(code: str, field: str | None, *, kk: str, ru: str, en: str) -> ToolInputError:
    """A ToolInputError with a message written for this case (cross-argument checks)."""
    return ToolInputError(code, {"kk": kk, "ru": ru, "en": en}, field)


def shown(value: Any) -> str:
    """An input value as the user wrote it, text in quotes: "abc", 105, true."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except ValueError:  # nan / inf and other oddities
        text = str(value)
    except RecursionError:  # nested deeper than the encoder goes
        text = "[...]" if isinstance(value, list | tuple) else "{...}"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (undecodable bytes): show them escaped
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def _show(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _path(loc: Sequence[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _one(error: Mapping[str, Any]) -> ToolInputError:
    kind = error["type"]
    field = _path(error.get("loc", ()))
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    if "sub" in ctx:  # a nested validator names the argument inside the record
        field = f"{field}.{ctx.pop('sub')}" if field else str(ctx.pop("sub"))
    if set(LANGS) <= ctx.keys():  # a validator wrote its own message
        return ToolInputError(kind, {lang: str(ctx[lang]) for lang in LANGS}, field)
    if kind == "missing":
        return ToolInputError.of("missing_argument", field)
    if kind == "extra_forbidden":
        return ToolInputError.of("unknown_argument", field)
    if kind in TEMPLATES:  # our own PydanticCustomError codes carry their ctx
        ctx.setdefault("value", shown(value))
        return ToolInputError.of(kind, field, **ctx)
    if kind in ("literal_error", "enum"):
        return ToolInputError.of(
            "invalid_choice", field, choices=str(ctx.get("expected", "")), value=shown(value)
        )
    if kind.startswith("bool"):
        return ToolInputError.of("not_a_boolean", field, value=shown(value))
    if kind.startswith(("int", "float", "decimal")):
        return ToolInputError.of("not_a_number", field, value=shown(value))
    if kind == "too_short":
        return ToolInputError.of("empty_list", field)
    if kind == "too_long":
        return ToolInputError.of("too_many_items", field, hi=ctx.get("max_length", ""))
    if kind == "list_type":
        return ToolInputError.of("invalid_type", field, expected=EXPECTED_WORDS["list"])
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return ToolInputError.of("invalid_type", field, expected=EXPECTED_WORDS["object"])
    if kind == "string_type":
        return ToolInputError.of("invalid_type", field, expected=EXPECTED_WORDS["text"])
    return ToolInputError(
        "invalid_value",
        {
            "kk": f"«{field}» мәні жарамсыз: {error.get('msg', '')}",
            "ru": f"Недопустимое значение «{field}»: {error.get('msg', '')}",
            "en": f"Invalid value for '{field}': {error.get('msg', '')}",
        },
        field,
    )


def from_validation_error(error: ValidationError) -> ToolInputError:
    """The first problem of a pydantic ValidationError as a ToolInputError; the rest in details."""
    problems = [_one(e) for e in error.errors(include_url=False)]
    first = problems[0]
    if len(problems) > 1:
        first.details = problems
    return first


def coded(code: str, *, sub: str | None = None, **ctx: Any) -> PydanticCustomError:
    """An error to raise inside a pydantic validator; tools.errors turns it into ToolInputError.

    `sub` names an argument inside a nested record; kk=, ru=, en= give a written message.
    """
    if sub is not None:
        ctx["sub"] = sub
    return PydanticCustomError(code, code, ctx)
