"""The offline composer: deterministic answers built only from clauses and tool results.

No sentence here is generated: the lead-ins are fixed phrases, the substance is
quoted from the cited clauses, and every number comes from a tool's result.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.grounding import content_terms
from assistant.reader.lexicon import lexicon
from assistant.reader.tokens import tokenize
from corpus.models import Clause
from indexing.analyzers import analyze
from tools import registry

MAX_QUOTE_CHARS = 420
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[«\"(A-ZА-ЯӘҒҚҢӨҰҮҺІ0-9])")

PHRASES = {
    "lead": {
        "kk": "Академиялық саясатта былай делінген:",
        "ru": "В Академической политике сказано:",
        "en": "The Academic Policy says:",
    },
    "not_covered": {
        "kk": "Академиялық саясат бұл сұраққа тікелей жауап бермейді — мұндай ереже табылмады.",
        "ru": "Академическая политика не отвечает на этот вопрос напрямую — такого правила в "
        "ней нет.",
        "en": "The Academic Policy does not answer this question directly — it has no such rule.",
    },
    "missing_figure": {
        "kk": "Сіз сұраған нақты сан ({what}) саясатта көрсетілмеген.",
        "ru": "Конкретного числа, о котором вы спрашиваете ({what}), в политике нет.",
        "en": "The policy does not state the figure you ask for ({what}).",
    },
    "what_it_says": {
        "kk": "Саясатта бұл тақырып бойынша айтылғаны:",
        "ru": "Что политика говорит по этой теме:",
        "en": "What the policy does say on this:",
    },
    "ask_office": {
        "kk": "Нақты ақпарат алу үшін хабарласыңыз: {office}.",
        "ru": "За точной информацией обратитесь: {office}.",
        "en": "For a definitive answer, please contact {office}.",
    },
    "closest": {
        "kk": "Ең жақын тармақтар (анықтама үшін):",
        "ru": "Ближайшие пункты политики (для справки):",
        "en": "The closest provisions (for reference):",
    },
    "editorial": {
        "kk": "(Бұл — түсіндірме, ресми мәтін емес; ресми мәтін төменде.)",
        "ru": "(Это пояснение, а не официальный текст; официальный текст ниже.)",
        "en": "(This is a plain-language summary, not the official text, which follows.)",
    },
    "official": {
        "kk": "",
        "ru": "Официальным является текст на казахском языке; перевод неофициальный.",
        "en": "The Kazakh text is official; this translation is unofficial.",
    },
    "tool_lead": {
        "kk": "Есептеу ({tool}, саясат ережелері бойынша):",
        "ru": "Расчёт ({tool}, по правилам политики):",
        "en": "Calculation ({tool}, by the policy's rules):",
    },
    "tool_clauses": {
        "kk": "Есептеу негізделген тармақтар: {ids}.",
        "ru": "Расчёт основан на пунктах: {ids}.",
        "en": "The calculation implements clauses {ids}.",
    },
    "unknown_clause": {
        "kk": "Академиялық саясатта {refs} тармағы жоқ (саясат 1–20 бөлімдерден тұрады); "
        "төменде нақты тармақтар келтірілген.",
        "ru": "В Академической политике нет пункта {refs} (в ней разделы 1–20); ниже приведены "
        "её действительные пункты.",
        "en": "The Academic Policy has no clause {refs} (it has sections 1–20); its actual "
        "clauses are quoted below.",
    },
    "tool_error": {
        "kk": "Есептеу мүмкін емес: {message}",
        "ru": "Рассчитать нельзя: {message}",
        "en": "I cannot calculate this: {message}",
    },
}


# What a missing figure is, by the kind grounding names (assistant/grounding.py): a price,
# a date, a clock time, or the unit of an amount asked for.
FIGURE_NAMES = {
    "price": {"kk": "баға, сома", "ru": "цена, сумма", "en": "a price or an amount of money"},
    "money": {"kk": "баға, сома", "ru": "цена, сумма", "en": "a price or an amount of money"},
    "date": {"kk": "нақты күн", "ru": "точная дата", "en": "an exact date"},
    "time": {"kk": "уақыт", "ru": "время", "en": "a time of day"},
    "credits": {"kk": "кредит саны", "ru": "число кредитов", "en": "a number of credits"},
    "hours": {"kk": "сағат саны", "ru": "число часов", "en": "a number of hours"},
    "minutes": {"kk": "минут саны", "ru": "число минут", "en": "a number of minutes"},
    "days": {"kk": "күн саны", "ru": "число дней", "en": "a number of days"},
    "weeks": {"kk": "апта саны", "ru": "число недель", "en": "a number of weeks"},
    "months": {"kk": "ай саны", "ru": "число месяцев", "en": "a number of months"},
    "years": {"kk": "жыл саны", "ru": "число лет", "en": "a number of years"},
    "times": {"kk": "рет саны", "ru": "число раз", "en": "a number of times"},
    "points": {"kk": "балл", "ru": "баллы", "en": "a number of points"},
    "percent": {"kk": "пайыз", "ru": "процент", "en": "a percentage"},
}


def missing_figure(kind: str, lang: str) -> str:
    names = FIGURE_NAMES.get(kind) or FIGURE_NAMES["price"]
    return phrase("missing_figure", lang, what=names[lang])


def phrase(key: str, lang: str, **values: str) -> str:
    return PHRASES[key][lang].format(**values)


@dataclass(frozen=True)
class Quote:
    clause_id: str
    text: str


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def select_quote(question: str, clause: Clause, lang: str) -> str:
    """The sentences of a clause that answer the question (whole clause when short)."""
    parts = sentences(clause.text)
    if len(clause.text) <= MAX_QUOTE_CHARS or len(parts) == 1:
        return clause.text  # a sentence is never cut in the middle
    wanted = set(content_terms(question, lang))
    chosen = [i for i, s in enumerate(parts) if must_keep(s)]
    length = sum(len(parts[i]) for i in chosen)
    scored = [
        (sum(1 for t in set(analyze(s, lang)) if t in wanted) / math.sqrt(len(s) + 20), i)
        for i, s in enumerate(parts)
    ]
    for score, i in sorted(scored, reverse=True):
        if i in chosen:
            continue
        if (length + len(parts[i]) > MAX_QUOTE_CHARS and chosen) or (score == 0 and chosen):
            break
        chosen.append(i)
        length += len(parts[i])
    return _with_gaps(parts, sorted(chosen))


@lru_cache(maxsize=16384)  # quotes are cut from the corpus: the same sentences recur
def must_keep(sentence: str) -> bool:
    """A sentence a quote never drops: it holds a number, a date or a deadline, an exception
    or whom to apply to (the vocabularies' `quote_keep` words)."""
    if any(ch.isdigit() for ch in sentence):
        return True
    return any(m.kind == "keep" for m in lexicon().find(tokenize(sentence)))


def _with_gaps(parts: list[str], picked: list[int]) -> str:
    """The chosen sentences in order, a visible "…" wherever sentences were left out."""
    out = "… " if picked[0] > 0 else ""
    for n, i in enumerate(picked):
        if n and i != picked[n - 1] + 1:
            out += " … "
        elif n:
            out += " "
        out += parts[i]
    return out + (" …" if picked[-1] < len(parts) - 1 else "")


def qualifies_previous(clause: Clause) -> bool:
    """Does this clause open with an exception to the one before it ("Бұл ретте ...",
    "За исключением ...", "However, ...")?"""
    return _opens_with_exception(clause.text)


@lru_cache(maxsize=4096)
def _opens_with_exception(text: str) -> bool:
    tokens = tokenize(text)
    return any(m.kind == "exception" and m.start <= 2 for m in lexicon().find(tokens[:6]))


def quote_block(quotes: list[Quote]) -> str:
    return "\n".join(f"§{q.clause_id}: «{q.text}»" for q in quotes)


def compose_retrieval(lang: str, quotes: list[Quote]) -> str:
    parts = [phrase("lead", lang), quote_block(quotes)]
    if phrase("official", lang):
        parts.append(phrase("official", lang))
    return "\n".join(parts)


def compose_answer(
    lang: str, lead: str, quotes: list[Quote], kind: str, covered: bool = True
) -> str:
    """The direct answer, then the clauses it rests on (or, when the policy leaves the
    topic open, the nearest ones, for reference only). A card's answer or a gloss is
    editorial text, and says so; "the closest rules follow" needs no label."""
    parts = [lead]
    if kind in ("card", "gloss"):
        parts.append(phrase("editorial", lang))
    if quotes:
        parts += [phrase("lead" if covered else "closest", lang), quote_block(quotes)]
    if phrase("official", lang):
        parts.append(phrase("official", lang))
    return "\n".join(p for p in parts if p)


def compose_without_figure(
    lang: str, figure: str, lead: str, quotes: list[Quote], office: str, kind: str
) -> str:
    """The figure asked for is not in the policy: said first, with where to ask; then what
    the policy does say on the topic, and the clauses it rests on."""
    said = [missing_figure(figure, lang), phrase("ask_office", lang, office=office)]
    said.append(phrase("what_it_says", lang))
    return "\n".join([*said, compose_answer(lang, lead, quotes, kind)])


def compose_not_covered(
    lang: str, office: str, quotes: list[Quote], figure: str | None = None
) -> str:
    parts = [phrase("not_covered", lang)]
    if figure:
        parts.append(missing_figure(figure, lang))
    parts.append(phrase("ask_office", lang, office=office))
    if quotes:
        parts += [phrase("closest", lang), quote_block(quotes)]
    return "\n".join(parts)


def compose_tool(lang: str, tool: str, explanation: str, clause_ids: list[str]) -> str:
    title = registry.get(tool).title[lang]
    lines = [phrase("tool_lead", lang, tool=title), explanation]
    if clause_ids:
        lines.append(phrase("tool_clauses", lang, ids=", ".join(f"§{c}" for c in clause_ids)))
    return "\n".join(lines)


def compose_tool_error(lang: str, message: str) -> str:
    return phrase("tool_error", lang, message=message)
