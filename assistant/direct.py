"""The direct answer: the first sentences of a reply, before any quotation.

Nothing is written here at request time; the answer is chosen from reviewed editorial
text (corpus/editorial.py):
1. an answer card whose questions match the question closely (and whose clauses the
   clause search also found) answers it: its short answer, first sentence first;
2. otherwise, when the best clause is a confident match, its plain-language gloss (and
   the runner-up's, when it is nearly as good), each with its clause id;
3. otherwise the reply says that the closest rules follow, so a loosely related rule is
   never presented as the answer;
4. when the policy does not cover the question, the reply says so first (a card about a
   topic the policy leaves open says it in its own words and names the office), and the
   nearest clauses follow only as related provisions, never as the answer.
The clauses quoted under the answer are the card's, or the retrieved ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from assistant.grounding import Coverage
from corpus.editorial import cards_by_id, load_enrichment
from corpus.store import clauses_by_id
from indexing.search import CardHit, Hit

# Chosen on the development set and the blind set's tune half (evals/reports/answers.md).
CARD_LEADS = 0.92  # a card this close to the question (cosine with one of its questions),
# whose clauses the clause search also found, answers it in nearly every case
CARD_SUPPORTS = 0.86  # a card this close, so confirmed, shows the policy covers the topic
# A card for a topic the policy leaves open: the question is one the policy does not cover.
OPEN_CARD = 0.89
OPEN_MARGIN = 0.02  # ... and no card answering from clauses within this of it
RUNNER_UP = 0.8  # a second gloss leads too when its fused score is this close to the best
GLOSS_SIMILARITY = 0.83  # a gloss leads when the best clause is this close,
# or, for Kazakh typed in Latin letters, this close: searched in its transliteration, its
# cosines run lower at the same precision (on the blind sets already seen, the best hit
# was right for 30 of 43 such questions at 0.80-0.83, as for 58 of 87 English ones at
# 0.85 and above)
GLOSS_SIMILARITY_LATIN = 0.80
GLOSS_SUPPORT = 0.6  # or holds this share of the question's words
# A card's clauses must be among the clause search's first hits: the first two for the
# card to lead, the first five for it to show that the policy covers the question.
LEAD_AGREEMENT, COVER_AGREEMENT = 2, 5

Kind = Literal["card", "gloss", "closest", "not_covered", "quotes"]  # quotes: no lead

PHRASES = {
    "closest": {
        "kk": "Сұрағыңызға ең жақын саясат ережелері төменде келтірілген.",
        "ru": "Ниже — правила политики, ближе всего относящиеся к вашему вопросу.",
        "en": "The rules of the policy closest to your question follow.",
    },
}


@dataclass(frozen=True)
class Lead:
    kind: Kind
    text: str
    clauses: list[str] = field(default_factory=list)  # what to quote under it, in order
    card: str | None = None
    covered: bool = True
    missing_figure: str | None = None  # the topic is answered, not the figure asked for


def lead_for(
    lang: str,
    hits: list[Hit],
    cards: list[CardHit],
    coverage: Coverage,
    chosen: list[str],
    latin_typed: bool = False,
) -> Lead:
    """The reply's first sentences for a policy question (see the module's docstring)."""
    best = cards[0] if cards else None
    card = cards_by_id().get(best.card_id) if best else None
    # cards that could lead: close enough, resting on clauses the search found first
    top = {h.clause_id for h in hits[:LEAD_AGREEMENT]}
    leaders = [c for c in cards if c.similarity >= CARD_LEADS and set(c.clauses) & top]
    if best is not None and card is not None and not card.clauses and best.similarity >= OPEN_CARD:
        # An open topic, unless a card that answers from clauses is nearly as close: then
        # the question may well be that card's ("most credits in the summer?" beside "most
        # credits a semester?"), and a leader leads (below); otherwise the clauses decide.
        near = [c for c in cards if c.clauses and c.similarity > best.similarity - OPEN_MARGIN]
        if not near:
            return Lead("card", card.answer.get(lang), chosen, card.id, covered=False)
        best = max(near, key=lambda c: c.similarity)
        card = cards_by_id().get(best.card_id)

    def agreed(depth: int) -> bool:
        found = {h.clause_id for h in hits[:depth]}
        return best is not None and card is not None and bool(found & set(card.clauses))

    if coverage.missing_figure:  # a price, date, time or amount the clauses do not state
        # said first; what the policy does say on the topic follows when it is sure of it
        # ("can he be readmitted, and at what price?": yes, within four weeks; no price)
        rest = lead_for(
            lang, hits, cards, replace(coverage, missing_figure=None), chosen, latin_typed
        )
        if rest.kind in ("card", "gloss") and rest.covered:
            return replace(rest, covered=False, missing_figure=coverage.missing_figure)
        return Lead("not_covered", "", chosen, covered=False)
    # Of the cards that could lead, the closest to the question (the fused order also
    # weighs BM25, which a neighbouring card's shared words can sway)
    if leaders and (card is None or card.clauses):
        best = max(leaders, key=lambda c: c.similarity)
        card = cards_by_id().get(best.card_id)
    if agreed(LEAD_AGREEMENT) and best.similarity >= CARD_LEADS:
        text = f"{card.answer.get(lang)} ({_ids(card.clauses)})"
        # the card's clauses, and the best hits where the card does not cite them
        shown = list(dict.fromkeys([*card.clauses[:1], *chosen[:2], *card.clauses[1:]]))
        return Lead("card", text, shown, card.id)
    covered = coverage.covered or (agreed(COVER_AGREEMENT) and best.similarity >= CARD_SUPPORTS)
    if not covered:
        return Lead("not_covered", "", chosen, covered=False)
    close = GLOSS_SIMILARITY_LATIN if latin_typed else GLOSS_SIMILARITY
    if coverage.similarity >= close or coverage.support >= GLOSS_SUPPORT:
        glosses = _glosses(lang, hits, chosen)
        if glosses:
            return Lead("gloss", " ".join(glosses), chosen)
    return Lead("closest", PHRASES["closest"][lang], chosen)


def _glosses(lang: str, hits: list[Hit], chosen: list[str]) -> list[str]:
    """The gloss of the best clause, and of the runner-up when nearly as good; a list
    item speaks through its lead-in's gloss."""
    enrichment = load_enrichment()
    local = clauses_by_id(lang)
    top = hits[0].score if hits else 0.0
    out: list[str] = []
    seen: set[str] = set()
    for hit in hits[:2]:
        if hit.clause_id not in chosen or (out and hit.score < RUNNER_UP * top):
            continue
        clause = local.get(hit.clause_id)
        target = hit.clause_id
        if target not in enrichment and clause is not None and clause.parent:
            target = clause.parent
        if target in enrichment and target not in seen:
            seen.add(target)
            out.append(f"{enrichment[target].gloss.get(lang)} (§{target})")
    return out


def _ids(clause_ids: list[str]) -> str:
    return ", ".join(f"§{c}" for c in clause_ids)


def offers(card_id: str | None, tool: str) -> bool:
    """Does the card the reply leads with offer this tool (its `tool` field)?"""
    card = cards_by_id().get(card_id) if card_id else None
    return card is not None and card.tool == tool
