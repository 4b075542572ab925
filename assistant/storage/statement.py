"""Ready-to-paste AI-use disclosure statements (Academic Policy, section 19).

Clause 19.4 asks students to name the AI they used and give a link to it; clauses 19.8
and 19.10 add, for final and research works, the version, the date of use and how it
was used. `render_statement` builds that text in kk, ru or en from one or more
disclosure records. It reads only the technical fields of the records: a question's
text, even when stored with consent, never appears in a statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, tzinfo
from functools import cache

from assistant.models import Lang
from assistant.storage.records import DisclosureRecord
from tools import registry

EXTRACTIVE = "extractive"

EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()

UNKNOWN_TOOL = {
    "en": "run the {name} calculation",
    "ru": "расчёта с помощью инструмента {name}",
    "kk": "{name} құралымен есептеу",
}

MODEL_LABELS: dict[str, dict[str, str]] = {
    "embedder": {"en": "embedding model", "ru": "модель эмбеддингов", "kk": "эмбеддинг моделі"},
    "llm": {"en": "language model", "ru": "языковая модель", "kk": "тілдік модель"},
    "reranker": {
        "en": "reranking model",
        "ru": "модель переранжирования",
        "kk": "қайта саралау моделі",
    },
}

AND = {"en": "and", "ru": "и", "kk": "және"}


@dataclass(frozen=True)
class Usage:
    """What a set of disclosure records says, merged: the facts a statement names."""

    names: list[str]
    versions: list[str]
    dates: list[date]
    models: dict[str, list[str]]  # role -> model names (llm excluded)
    llms: list[str]
    extractive: bool  # some answers were composed without a language model
    clause_ids: list[str]
    tools: list[str]


def clause_sort_key(clause_id: str) -> tuple[tuple[int, int | str], ...]:
    """Order 8.2 < 8.10 < 8.T1 (numbers by value, then labels)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[.]", clause_id)
    )


def _ordered(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def collect_usage(records: Sequence[DisclosureRecord], tz: tzinfo = UTC) -> Usage:
    ordered = sorted(records, key=lambda r: (r.created_at, r.id))
    models: dict[str, list[str]] = {}
    llms: list[str] = []
    extractive = False
    for record in ordered:
        llm = record.models.get("llm")
        if llm:
            llms.append(llm)
        elif record.composer != EXTRACTIVE:
            llms.append(record.composer)
        if record.composer == EXTRACTIVE and not llm:
            extractive = True
        for role, name in record.models.items():
            if role != "llm" and name:
                models.setdefault(role, []).append(name)
    return Usage(
        names=_ordered(r.assistant_name for r in ordered),
        versions=_ordered(r.assistant_version for r in ordered),
        dates=sorted({r.created_at.astimezone(tz).date() for r in ordered}),
        models={role: _ordered(names) for role, names in models.items()},
        llms=_ordered(llms),
        extractive=extractive,
        clause_ids=sorted(
            _ordered(c for r in ordered for c in r.cited_clause_ids), key=clause_sort_key
        ),
        tools=_ordered(t for r in ordered for t in r.tools),
    )


@cache
def _document() -> dict[str, str]:
    """Title and code of the policy per language, from the corpus's document.yaml."""
    try:
        from corpus.store import document_meta

        meta = document_meta()
        title = meta["title"]
        code, code_kk = meta["code"], meta.get("code_kk") or meta["code"]
        return {
            "en": f"the {title['en']} ({code})",
            "ru": f"документа «{title['ru']}» {code_kk}",
            "kk": f"«{title['kk']}» {code_kk} құжатының",
            "title_en": f"{title['en']} {code}",
            "title_ru": f"«{title['ru']}» {code_kk}",
            "title_kk": f"«{title['kk']}» {code_kk}",
        }
    except (ImportError, OSError, KeyError, TypeError):  # pragma: no cover - corpus missing
        return {
            "en": "the Academic Policy (AS 029-V-2025)",
            "ru": "документа «Академическая политика» АС 029-V-2025",
            "kk": "«Академиялық саясат» АС 029-V-2025 құжатының",
            "title_en": "Academic Policy AS 029-V-2025",
            "title_ru": "«Академическая политика» АС 029-V-2025",
            "title_kk": "«Академиялық саясат» АС 029-V-2025",
        }


def _join(items: Sequence[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {AND[lang]} {items[-1]}"


def _date(value: date, lang: str) -> str:
    if lang == "en":
        return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
    return value.strftime("%d.%m.%Y")


def _tool_phrase(name: str, lang: str) -> str:
    """What the tool did, as its declaration phrases it for statements ("to compute the
    final grade"); a tool no longer registered gets a neutral phrase with its name."""
    if name not in registry.names():
        return UNKNOWN_TOOL[lang].format(name=name)
    return f"{registry.get(name).disclosure[lang]} ({name})"


def _model_parts(usage: Usage, lang: str) -> list[str]:
    """ "embedding model — X" (kk, ru) or "X (embedding model)" (en), one per role."""
    roles = list(usage.models.items())
    if usage.llms:
        roles.append(("llm", usage.llms))
    parts = []
    for role, names in roles:
        label = MODEL_LABELS.get(role, {}).get(lang, role)
        listed = ", ".join(names)
        parts.append(f"{listed} ({label})" if lang == "en" else f"{label} — {listed}")
    return parts


def _quoted(names: Sequence[str], lang: str) -> str:
    if lang == "en":
        return _join([f"“{n}”" for n in names], lang)
    return _join([f"«{n}»" for n in names], lang)


def _render_en(u: Usage, url: str, developer: str | None) -> str:
    doc = _document()
    n_versions = "version" if len(u.versions) == 1 else "versions"
    dates = _join([_date(d, "en") for d in u.dates], "en")
    lines = [
        f"Disclosure of artificial intelligence use ({doc['title_en']}, section 19)",
        "",
    ]
    text = [
        f"In preparing this work I used the AI assistant {_quoted(u.names, 'en')}, "
        f"{n_versions} {', '.join(u.versions)}, available at {url}, on {dates}."
    ]
    if developer:
        text.append(f"Developer (rights holder): {developer}.")
    models = _model_parts(u, "en")
    if models:
        text.append(f"Models used: {'; '.join(models)}.")
    if not u.llms:
        text.append(
            "No generative language model was used: the answers were composed from "
            "excerpts of the policy text."
        )
    elif u.extractive:
        text.append("Some answers were composed from excerpts of the policy text alone.")
    purposes = []
    if u.clause_ids:
        noun = "clause" if len(u.clause_ids) == 1 else "clauses"
        purposes.append(f"look up {noun} {_join(u.clause_ids, 'en')} of {doc['en']}")
    purposes += [_tool_phrase(t, "en") for t in u.tools]
    if not purposes:
        purposes.append(f"ask questions about {doc['en']}")
    text.append(f"I used the assistant to {_join(purposes, 'en')}.")
    if u.clause_ids:
        text.append("The assistant quoted each clause from the official Kazakh text of the policy.")
    lines.append(" ".join(text))
    return "\n".join(lines)


def _render_ru(u: Usage, url: str, developer: str | None) -> str:
    doc = _document()
    n_versions = "версия" if len(u.versions) == 1 else "версии"
    n_dates = "дата использования" if len(u.dates) == 1 else "даты использования"
    dates = ", ".join(_date(d, "ru") for d in u.dates)
    assistants = "ассистент" if len(u.names) == 1 else "ассистенты"
    used = "использовался" if len(u.names) == 1 else "использовались"
    lines = [
        f"Заявление об использовании искусственного интеллекта ({doc['title_ru']}, раздел 19)",
        "",
    ]
    text = [
        f"При подготовке этой работы {used} {assistants} искусственного интеллекта "
        f"{_quoted(u.names, 'ru')} ({n_versions} {', '.join(u.versions)}; ссылка: {url}; "
        f"{n_dates}: {dates})."
    ]
    if developer:
        text.append(f"Разработчик (правообладатель): {developer}.")
    models = _model_parts(u, "ru")
    if models:
        text.append(f"Использованные модели: {'; '.join(models)}.")
    if not u.llms:
        text.append(
            "Генеративная языковая модель не использовалась: ответы составлены из фрагментов "
            "текста политики."
        )
    elif u.extractive:
        text.append("Часть ответов составлена только из фрагментов текста политики.")
    purposes = []
    if u.clause_ids:
        noun = "пункта" if len(u.clause_ids) == 1 else "пунктов"
        purposes.append(f"поиска {noun} {_join(u.clause_ids, 'ru')} {doc['ru']}")
    purposes += [_tool_phrase(t, "ru") for t in u.tools]
    if purposes:
        text.append(f"Ассистент применялся для {_join(purposes, 'ru')}.")
    else:
        text.append(
            f"Ассистент применялся для получения ответов на вопросы по документу {doc['title_ru']}."
        )
    if u.clause_ids:
        text.append(
            "Каждый пункт приводился ассистентом по официальному тексту политики "
            "на казахском языке."
        )
    lines.append(" ".join(text))
    return "\n".join(lines)


def _render_kk(u: Usage, url: str, developer: str | None) -> str:
    doc = _document()
    n_versions = "нұсқасы" if len(u.versions) == 1 else "нұсқалары"
    dates = _join([_date(d, "kk") for d in u.dates], "kk")
    when = f"{dates} күні" if len(u.dates) == 1 else f"{dates} күндері"
    helper = "көмекшісін" if len(u.names) == 1 else "көмекшілерін"
    lines = [
        f"Жасанды интеллектті пайдалану туралы мәлімдеме ({doc['title_kk']}, 19-бөлім)",
        "",
    ]
    text = [
        f"Осы жұмысты дайындау кезінде мен {when} {_quoted(u.names, 'kk')} жасанды интеллект "
        f"{helper} пайдаландым ({n_versions}: {', '.join(u.versions)}; сілтеме: {url})."
    ]
    if developer:
        text.append(f"Әзірлеуші (құқық иеленуші): {developer}.")
    models = _model_parts(u, "kk")
    if models:
        text.append(f"Пайдаланылған модельдер: {'; '.join(models)}.")
    if not u.llms:
        text.append(
            "Генеративті тілдік модель пайдаланылған жоқ: жауаптар саясат мәтінінен алынған "
            "үзінділерден құрастырылды."
        )
    elif u.extractive:
        text.append("Жауаптардың бір бөлігі тек саясат мәтінінің үзінділерінен құрастырылды.")
    purposes = []
    if u.clause_ids:
        noun = "тармағын" if len(u.clause_ids) == 1 else "тармақтарын"
        purposes.append(f"{doc['kk']} {_join(u.clause_ids, 'kk')} {noun} іздеу")
    purposes += [_tool_phrase(t, "kk") for t in u.tools]
    if purposes:
        text.append(f"Көмекші {_join(purposes, 'kk')} үшін пайдаланылды.")
    else:
        text.append(f"Көмекші {doc['title_kk']} құжаты бойынша сұрақтар қою үшін пайдаланылды.")
    if u.clause_ids:
        text.append("Әр тармақ саясаттың қазақ тіліндегі ресми мәтінінен келтірілді.")
    lines.append(" ".join(text))
    return "\n".join(lines)


_RENDERERS = {"en": _render_en, "ru": _render_ru, "kk": _render_kk}


def render_statement(
    records: Sequence[DisclosureRecord],
    lang: Lang,
    *,
    url: str,
    developer: str | None = None,
    tz: tzinfo = UTC,
) -> str:
    """A section 19 disclosure statement in `lang` covering every record given.

    `url` is the link users reach the assistant at (the deployment's, from its caller);
    `developer` (the rights holder, clause
    19.10) is named when given; dates of use are calendar dates in `tz`.
    """
    if not records:
        raise ValueError("a disclosure statement needs at least one disclosure record")
    if lang not in _RENDERERS:
        raise ValueError(f"unsupported language {lang!r}; expected kk, ru or en")
    usage = collect_usage(records, tz)
    return _RENDERERS[lang](usage, url, developer)
