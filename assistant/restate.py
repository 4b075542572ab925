"""Say back what was read, in the user's language, before any number is computed from it.

Every tool reply begins "I read: R1 (rating 1) = 72, R2 (rating 2) = 65, exam grade = 48",
so a misreading is visible at once; what could not be read is asked for by name. Values
are shown the way people write them: decimal commas in Kazakh and Russian, yes / no and
the tool's value words in the user's language, never the contract's codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tools import registry

PHRASES = {
    "read": {"kk": "Түсінгенім: {items}.", "ru": "Я понял так: {items}.", "en": "I read: {items}."},
    "nothing": {
        "kk": "Хабарламадан есептеуге қажет мән таба алмадым.",
        "ru": "В сообщении я не нашёл значений для расчёта.",
        "en": "I found no values for the calculation in your message.",
    },
    "need": {
        "kk": "Есептеу үшін тағы керек: {items}. Оларды жазып жіберіңіз.",
        "ru": "Для расчёта нужно ещё: {items}. Напишите, пожалуйста.",
        "en": "To calculate this I also need: {items}. Please send them.",
    },
    "offer": {
        "kk": "Өз жағдайыңызға есептеп берейін десеңіз, жазыңыз: {items}.",
        "ru": "Если хотите, я посчитаю для вашего случая — напишите: {items}.",
        "en": "If you want it calculated for your case, send: {items}.",
    },
    "unclear": {
        "kk": "Мына мәнді анық түсінбедім: {items}. Нақтылап жазыңызшы.",
        "ru": "Не понял однозначно: {items}. Уточните, пожалуйста.",
        "en": "I could not tell for sure: {items}. Please say which it is.",
    },
    "assumed": {
        "kk": "{item} (хабарламада жоқ, осылай алдым; басқаша болса, жазыңыз)",
        "ru": "{item} (в сообщении не сказано, взято так; если иначе, напишите)",
        "en": "{item} (not in your message, so I took this; tell me if it is otherwise)",
    },
    "yes": {"kk": "иә", "ru": "да", "en": "yes"},
    "no": {"kk": "жоқ", "ru": "нет", "en": "no"},
    "credits": {"kk": "кр.", "ru": "кр.", "en": "cr."},
    "each_credits": {
        "kk": "әр пәннің кредит саны (сол ретпен)",
        "ru": "число кредитов каждой дисциплины (в том же порядке)",
        "en": "the credits of each course (in the same order)",
    },
}


def _number(value: float | int, lang: str) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang in ("kk", "ru") else text


def shown(tool: str, name: str, value: Any, lang: str) -> str:
    """One argument or result value as people read it, in `lang`."""
    spec = registry.get(tool)
    if isinstance(value, bool):
        return PHRASES["yes" if value else "no"][lang]
    if isinstance(value, int | float):
        return _number(value, lang)
    if isinstance(value, str):
        return spec.value(name, value, lang) or value
    if isinstance(value, list):
        return ", ".join(_item(tool, name, v, lang) for v in value)
    if isinstance(value, Mapping):
        return _item(tool, name, value, lang)
    return str(value)


def _item(tool: str, name: str, value: Any, lang: str) -> str:
    if not isinstance(value, Mapping):
        return shown(tool, name, value, lang)
    grade = value.get("letter", value.get("score"))
    head = f"{value['name']}: " if value.get("name") else ""
    credits = value.get("credits")
    unit = PHRASES["credits"][lang]
    body = f"{shown(tool, 'credits', credits, lang)} {unit} " if credits is not None else ""
    return f"{head}{body}{shown(tool, 'letter', grade, lang)}".strip()


def restate(tool: str, arguments: Mapping[str, Any], lang: str, *, computed: bool = True) -> str:
    """ "I read: R1 (rating 1) = 72, ..." for the arguments a calculation will use; with
    `computed`, the defaults the tool assumed where the message was silent, said so."""
    spec = registry.get(tool)
    items = [f"{spec.label(n, lang)} = {shown(tool, n, v, lang)}" for n, v in arguments.items()]
    if not items:
        return PHRASES["nothing"][lang]
    for name, read in spec.reads.items():
        default = spec.args.model_fields[name].default if name in spec.args.model_fields else None
        assumed = read.assumed and read.counts(arguments)
        if computed and assumed and name not in arguments and default is not None:
            item = f"{spec.label(name, lang)} = {shown(tool, name, default, lang)}"
            items.append(PHRASES["assumed"][lang].format(item=item))
    return PHRASES["read"][lang].format(items="; ".join(items))


def offer(tool: str, missing: list[str], lang: str) -> str:
    """The calculation offered after an answer to a question about the rule."""
    spec = registry.get(tool)
    items = ", ".join(spec.label(n, lang) for n in missing)
    return PHRASES["offer"][lang].format(items=items)


def ask_for(
    tool: str,
    missing: list[str],
    ambiguous: list[str],
    lang: str,
    arguments: Mapping[str, Any] | None = None,
) -> str:
    """The follow-up question: what was unclear, then what is still needed (for a list read
    without its credits, the credits of each course)."""
    spec = registry.get(tool)
    given = arguments or {}
    parts = []
    unclear = [spec.label(n, lang) for n in missing if n in ambiguous]
    needed = [
        PHRASES["each_credits"][lang] if given.get(n) else spec.label(n, lang)
        for n in missing
        if n not in ambiguous
    ]
    if unclear:
        parts.append(PHRASES["unclear"][lang].format(items=", ".join(unclear)))
    if needed:
        parts.append(PHRASES["need"][lang].format(items=", ".join(needed)))
    return " ".join(parts)
