"""Is the question covered by the policy at all? And are the citations legitimate?

Retrieval always returns *something*; an honest assistant must notice when the
best match is only loosely related ("Is there a dormitory?" finds clauses about
equal opportunities). Two signals decide it:
- similarity: the e5 cosine of the question and its best clause (query language);
- support: the share of the question's content words, weighted by how rare they
  are in the policy (IDF), that the best clauses actually contain. A question about
  a topic the policy never mentions shares only generic words ("university").
Uncertain cases are answered as "not covered" *with* the closest clauses shown,
so nothing is hidden and no rule is invented.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.reader.lexicon import is_number_word, lexicon
from assistant.reader.message import read_message
from assistant.reader.tokens import tokenize
from corpus.store import clauses_by_id, load_clauses
from indexing.analyzers import analyze
from indexing.language import query_text_for
from indexing.search import Hit

SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")

# Calibrated on the dev set (see evals/reports/answers.md); a question is covered when
# similarity >= CONFIDENT, or similarity >= MIN and support >= MIN_SUPPORT plus
# SUPPORT_SLOPE for every point of similarity below CONFIDENT.
MIN_SIMILARITY = 0.78
CONFIDENT_SIMILARITY = 0.865
MIN_SUPPORT = 0.36
SUPPORT_SLOPE = 2.0
SUPPORT_DEPTH = 3  # clauses whose words count as support

# Words that make a question a question; they carry no topic.
QUESTION_WORDS = {
    "en": set(
        "what what's whats how much many when where who whom whose why which can could would "
        "do does did get got i i'm im me my mine tell please there is are any anyone "
        "let know need want like also still just really do doing done happen happens happened "
        "gets getting receive received".split()
    ),
    "ru": set(
        "сколько какой какая какое какие каков когда где кто почему зачем можно ли мне меня "
        "мой моя мое мои пожалуйста скажите подскажите расскажите нужно надо есть ли хочу "
        "хотел хотела бывает вообще делать сделать будет будут было получил получила получить "
        "получу случится произойдет".split()
    ),
    "kk": set(
        "қанша қандай қашан қайда кім неге неше не ме ма ба бе па пе маған менің мен бола "
        "болады болама керек айтыңызшы айтып жатыр бар ма істеймін істеу істейді алсам алдым "
        "аламын болса болатын".split()
    ),
}


@dataclass(frozen=True)
class Coverage:
    """`covered`: the topic is the policy's; `missing_figure`: yet the figure asked for is not
    stated, so the question as asked is not answered (see `answered`)."""

    covered: bool
    similarity: float
    support: float
    # "price" | "date" | "time", or the unit of an amount asked for ("days", "times",
    # "points", "percent"…), that the clauses found do not state
    missing_figure: str | None = None

    @property
    def answered(self) -> bool:
        return self.covered and not self.missing_figure


# A question that asks for a specific price, calendar date or clock time is covered only
# if the clauses found actually state one: the policy says how fees are computed, not
# what a credit costs this year.
FIGURE_QUESTIONS = {
    # a price, a fee or an amount of money (a stipend, a fine): the policy states none
    "price": re.compile(
        r"how much (does|do|is|are|will|would)\b.{0,40}\b(cost|pay|charge)|\b(price|cost|fee) of\b"
        r"|\btenge\b|how much money|how much is (the|a|my)\b.{0,30}\b(stipend|scholarship|fee)"
        r"|how much is it\b.{0,20}\bper (month|year|semester|credit)"
        r"|сколько (?:\w+ ){0,3}сто(?:ит|ят|ить)\b|какова стоимость|\bцена\b"
        r"|сколько (платить|тенге|денег)"
        r"|сколько в месяц|размер стипенди|қанша тұрады|бағасы қанша|құны қанша|қанша теңге"
        r"|қанша төлеу|қанша ақша|айына қанша|qansha (turady|tenge|aqsha)",
        re.IGNORECASE,
    ),
    "date": re.compile(
        r"\b(what|exact|which) dates?\b|\bdates? of\b|on what day|какого числа|\bдаты\b|в какие дни"
        r"|нақты күн|қай күні|қай күндері",
        re.IGNORECASE,
    ),
    "time": re.compile(
        r"\bwhat time\b|\bat what time\b|во сколько|в котором часу|сағат нешеде|нешеде басталады",
        re.IGNORECASE,
    ),
}
FIGURE_IN_TEXT = {
    "price": re.compile(r"\d[\d\s]*\s?(тенге|теңге|tenge|₸|мрп|айлық есептік)", re.IGNORECASE),
    "date": re.compile(
        r"\b\d{1,2}[./]\d{1,2}([./]\d{2,4})?\b|\b\d{1,2}\s+(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым"
        r"|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|январ|феврал|март|апрел|ма[йя]|июн|июл|август"
        r"|сентябр|октябр|ноябр|декабр|january|february|march|april|may|june|july|august"
        r"|september|october|november|december)",
        re.IGNORECASE,
    ),
    "time": re.compile(r"\b\d{1,2}[:.-]\d{2}\b|сағат \d+|\b\d{1,2} ?(am|pm)\b", re.IGNORECASE),
}


def asked_figure(question: str) -> str | None:
    return next((kind for kind, p in FIGURE_QUESTIONS.items() if p.search(question)), None)


# An amount asked for ("неше күн ішінде", "how many times", "какой процент") must be stated
# in the clauses found: a number in the same sentence as the unit. Units that an answer
# may give in other terms are not checked ("how many subjects": the policy counts credits).
AMOUNT_UNITS = frozenset(
    {
        "credits",
        "hours",
        "months",
        "years",
        "days",
        "weeks",
        "times",
        "minutes",
        "points",
        "percent",
        "money",
    }
)
AMOUNT_WINDOW = 3  # the unit within this many words of "how many"


def asked_amount(question: str) -> str | None:
    """The unit of the amount the question asks for, if it asks for one (and does not
    itself give a number for it: "I missed 5 days, how many more may I miss?")."""
    msg = read_message(question)
    tokens, mentions = msg.tokens, msg.mentions
    units = [m for m in mentions if m.kind == "unit" and m.meaning[1] in AMOUNT_UNITS]
    for asks in (m for m in mentions if m.kind == "amount"):
        for unit in units:
            between = tokens[asks.end : unit.start]
            if asks.start <= unit.start < asks.end + AMOUNT_WINDOW and not any(
                t.kind == "num" for t in between
            ):
                return unit.meaning[1]
    return None


@lru_cache(maxsize=4096)
def states_amount(text: str, unit: str) -> bool:
    """Does a sentence of the text hold a number and a unit of this kind?"""
    for sentence in SENTENCE_END.split(text):
        tokens = tokenize(sentence)
        has_unit = any(m.kind == "unit" and m.meaning[1] == unit for m in lexicon().find(tokens))
        if has_unit and any(t.kind == "num" or is_number_word(t) for t in tokens):
            return True
    return False


@cache
def _document_frequency(lang: str) -> tuple[Counter[str], int]:
    clauses = load_clauses(lang)
    df: Counter[str] = Counter()
    for clause in clauses:
        df.update(set(analyze(f"{clause.section_title} {clause.text}", lang)))
    return df, len(clauses)


def _idf(term: str, lang: str) -> float:
    df, n = _document_frequency(lang)
    return math.log(1 + n / (1 + df.get(term, 0)))


PREFIX = 5  # "пересда" (verb) and "пересдач" (noun) are one topic


def _found(term: str, found: set[str], prefixes: set[str]) -> bool:
    return term in found or (len(term) >= PREFIX and term[:PREFIX] in prefixes)


def content_terms(question: str, lang: str) -> list[str]:
    """The question's topic words, analysed as its language is indexed (Kazakh typed in
    Latin letters is read in Cyrillic, as the search reads it)."""
    ignore = {t for w in QUESTION_WORDS.get(lang, ()) for t in analyze(w, lang)}
    text = query_text_for(question, lang)
    return [t for t in analyze(text, lang) if len(t) > 1 and t not in ignore and not t[0].isdigit()]


def support(question: str, lang: str, hits: list[Hit]) -> float:
    """IDF-weighted share of the question's content terms found in one of the top clauses."""
    terms = content_terms(question, lang)
    if not terms:
        return 0.0
    total = sum(_idf(t, lang) for t in terms)
    local = clauses_by_id(lang)
    best = 0.0
    for hit in hits[:SUPPORT_DEPTH]:
        clause = local.get(hit.clause_id)
        if clause is None:
            continue
        found = set(analyze(clause.text, lang))
        prefixes = {t[:PREFIX] for t in found if len(t) >= PREFIX}
        share = sum(_idf(t, lang) for t in terms if _found(t, found, prefixes)) / total
        best = max(best, share)
    return round(best, 4)


def assess_coverage(question: str, lang: str, hits: list[Hit]) -> Coverage:
    similarity = max((h.similarity or 0.0 for h in hits), default=0.0)
    share = support(question, lang, hits)
    # The less similar the best clause, the more of the question's words it must hold.
    needed = MIN_SUPPORT + SUPPORT_SLOPE * max(0.0, CONFIDENT_SIMILARITY - similarity)
    covered = similarity >= CONFIDENT_SIMILARITY or (
        similarity >= MIN_SIMILARITY and share >= needed
    )
    local = clauses_by_id(lang)
    texts = [local[h.clause_id].text for h in hits[:SUPPORT_DEPTH] if h.clause_id in local]
    figure = asked_figure(question)
    if figure and not any(FIGURE_IN_TEXT[figure].search(t) for t in texts):
        return Coverage(covered, round(similarity, 4), share, figure)
    amount = asked_amount(question)
    if amount:
        # the official Kazakh text too: a translation may spell the number in words ("трёх")
        official = clauses_by_id("kk")
        texts += [
            official[h.clause_id].text for h in hits[:SUPPORT_DEPTH] if h.clause_id in official
        ]
        if not any(states_amount(t, amount) for t in texts):
            return Coverage(covered, round(similarity, 4), share, amount)
    return Coverage(covered, round(similarity, 4), share)


# A clause number as people cite one: a cue word before it ("§8.35", "п. 8.35", "статья
# 8.35", "article 8.35", "тармақ 8.35") or, as Kazakh writes it, a suffix after it
# ("8.35-тармақ", "8.35-тармағы", "8.35-бап").
CLAUSE_REF_BEFORE = re.compile(
    r"(?:§|\bпп?\.|\bпункт\w*|\bстать\w*|\bclause\w*|\bparagraph\w*|\barticle\w*"
    r"|\bsection\w*|\bраздел\w*|\bтарма[қғ]\w*|\bба[пб]\w*|\bбөлім\w*)\s*(\d{1,3}\.\d{1,3})\b",
    re.IGNORECASE,
)
CLAUSE_REF_AFTER = re.compile(
    r"\b(\d{1,3}\.\d{1,3})\s*-?\s*(?:тарма[қғ]|ба[пб]|пункт)", re.IGNORECASE
)


def unknown_clause_refs(text: str) -> list[str]:
    """Clause numbers the message cites that the policy does not have, as "§99.1"."""
    known = clauses_by_id("kk")
    refs = [m.group(1) for m in CLAUSE_REF_BEFORE.finditer(text)]
    refs += [m.group(1) for m in CLAUSE_REF_AFTER.finditer(text)]
    return [f"§{ref}" for ref in dict.fromkeys(refs) if ref not in known]


class InvalidCitation(RuntimeError):
    """A citation that neither retrieval nor a tool produced: a bug, never shown to users."""


def validate_citations(cited: list[str], allowed: set[str]) -> None:
    stray = [cid for cid in cited if cid not in allowed]
    if stray:
        raise InvalidCitation(f"citations {stray} were not retrieved or returned by a tool")
