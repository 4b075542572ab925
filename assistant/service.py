"""`ask(question, conversation)`: a student's message in, a grounded answer out.

Order of work: screen the message, detect its language, route it (tool, retrieval
or both), compute with tools, retrieve and judge coverage, compose from clauses
and tool results only, validate every citation, then store the turn and the
section 19 disclosure record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from assistant import composer, direct, quotes
from assistant.composer import Quote
from assistant.grounding import assess_coverage, unknown_clause_refs, validate_citations
from assistant.llm import LLMComposer
from assistant.llm.integration import llm_answer
from assistant.models import Answer, Citation, Route, ToolCall
from assistant.offices import office_for
from assistant.restate import ask_for, offer, restate
from assistant.router import PendingTool, route
from assistant.safety import REFUSALS, screen
from assistant.storage.records import AnswerTurn
from corpus.languages import DEFAULT_LANG, is_lang
from corpus.models import Clause
from corpus.store import clauses_by_id
from indexing.language import detect_language, has_words, latin_typed
from indexing.search import Retriever
from tools import registry
from tools.errors import ToolInputError

ASSISTANT_NAME = "Policy Assistant"
COMPOSER = "extractive"
SEARCH_DEPTH = 5
MAX_CITED = 4
RELATIVE_SCORE = 0.55  # cite hits whose fused score is at least this share of the best
# Where the policy does not cover the question, the nearest clauses are shown for reference
# only: a few, and list items with their lead-in but not their whole list.
MAX_RELATED = 2


def assistant_version() -> str:
    try:
        return metadata.version("policy-assistant")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@dataclass
class _Draft:
    """What one turn has produced so far."""

    lang: str
    texts: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    allowed: set[str] = field(default_factory=set)
    tool_calls: list[ToolCall] = field(default_factory=list)
    status: str = "answered"
    grounded: bool = True
    missing: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)  # what the reply asked for, for next turn
    composer: str = COMPOSER  # what wrote the text: "extractive" or "llm:<model>"
    card: str | None = None  # the answer card the reply leads with
    direct: str | None = None  # the reply's direct answer (a card's answer or glosses)
    llm: str | None = None  # the LLM's name (and version) when it wrote the text
    # A calculation offered after the answer: its tool applies, but the message gave none
    # of its values and asked about the rule, so the rule is answered first.
    offer: str | None = None
    about_rule: bool = False  # the message asked about the rule itself (router.Route)


class Assistant:
    def __init__(
        self,
        retriever: Retriever,
        store=None,
        llm: LLMComposer | None = None,
        direct_answers: bool = True,
    ) -> None:
        self.retriever = retriever
        self.store = store
        self.llm = llm  # optional: composes the text when set, else the extractive composer
        # Lead with a card's answer or a gloss (assistant/direct.py); off, replies quote
        # only, as before the editorial layer (the evaluation's "before").
        self.direct_answers = direct_answers
        self.version = assistant_version()

    @property
    def models(self) -> dict[str, Any]:
        return {"embedder": self.retriever.embedder.name, "llm": None}

    def ask(
        self,
        question: str,
        conversation_id: str | None = None,
        lang: str | None = None,
        consent: bool = False,
    ) -> Answer:
        screening = screen(question)
        text = question.strip() if isinstance(question, str) else ""
        answer_lang = lang if is_lang(lang) else self._language(text, conversation_id)
        if not screening.ok:
            draft = _Draft(answer_lang, [REFUSALS[screening.code][answer_lang]])
            draft.status, draft.grounded = "refused", False
            # Junk is not kept, even with consent: it is no question and may be huge.
            kept = text if screening.code in ("injection", "other_users_data") else None
            return self._finish(draft, kept, conversation_id, consent)

        pending = self._pending(conversation_id)
        decision = route(text, pending)
        draft = _Draft(answer_lang)
        invented = unknown_clause_refs(text)
        if invented:  # "according to §99.1 ..." — say plainly that no such clause exists
            draft.texts.append(
                composer.phrase("unknown_clause", answer_lang, refs=", ".join(invented))
            )
        if decision.kind in ("tool", "both") and decision.tool:
            self._run_tool(draft, decision)
        if decision.kind in ("retrieval", "both") or not decision.tool:
            self._retrieve(draft, text)
        if draft.offer:
            self._place_offer(draft)
        if self.llm is not None and draft.status == "answered":
            self._compose_with_llm(draft, text)
        return self._finish(draft, text, conversation_id, consent, decision)

    # --- the two ways of answering -----------------------------------------------------

    def _run_tool(self, draft: _Draft, decision: Route) -> None:
        """Say what was read, then ask for what is missing or compute."""
        lang, tool, arguments = draft.lang, str(decision.tool), decision.arguments
        read = restate(tool, arguments, lang, computed=not decision.missing)
        if decision.missing:
            draft.missing, draft.asked = decision.missing, list(decision.missing)
            draft.tool_calls.append(ToolCall(name=tool, arguments=arguments))
            no_values = all(isinstance(v, bool | str) for v in arguments.values())
            rule_first = not (decision.ambiguous or decision.requested)
            if decision.kind == "both" and no_values and rule_first:
                # A question about the rule that names no value, only facts and choices
                # ("can I still sit the exam after FX?", "no course paper: am I admitted?",
                # "failed the state exam in history: is the retake free?"): answer the
                # rule, then say what was read and offer the calculation.
                said = f"{read}\n" if arguments else ""
                draft.offer = said + offer(tool, decision.missing, lang)
                draft.about_rule = decision.about_rule
                return
            question = ask_for(tool, decision.missing, decision.ambiguous, lang, decision.arguments)
            draft.texts.append(f"{read}\n{question}")
            draft.status, draft.grounded = "needs_input", False
            return
        try:
            result = registry.run(tool, arguments)
        except ToolInputError as error:
            draft.texts.append(f"{read}\n{composer.compose_tool_error(lang, error.message[lang])}")
            draft.status, draft.grounded = "error", False
            draft.tool_calls.append(ToolCall(name=tool, arguments=arguments, error=error.to_dict()))
            return
        explanation = result.explanation.model_dump()[lang]
        draft.texts.append(
            f"{read}\n{composer.compose_tool(lang, tool, explanation, result.clauses)}"
        )
        draft.tool_calls.append(ToolCall(name=tool, arguments=arguments, result=result))
        # a list item the tool implements is cited with its lead-in (assistant/quotes.py)
        for clause_id in quotes.quoted_clauses(list(result.clauses), lang, whole_lists=False):
            draft.allowed.add(clause_id)
            if clause_id not in draft.cited:
                draft.cited.append(clause_id)

    def _place_offer(self, draft: _Draft) -> None:
        """After a direct answer, or when the message asked about the rule itself, the
        answer comes first and the offer closes the reply (when the answer's card offers
        that calculation or the rules it quotes are the tool's; otherwise the calculation
        was a guess and is dropped). A request for the calculation ("what letter will it
        be?") without a direct answer asks for the values first, as any calculation that
        cannot start does."""
        call = draft.tool_calls[-1]
        # a rule question the search found no rule for is still the calculation's
        answered_rule = draft.about_rule and draft.status != "not_covered"
        if draft.direct or answered_rule:
            tool = registry.get(call.name)
            local = clauses_by_id(draft.lang)
            # a card leads to the calculation of the rule it rests on first, not of a side
            # rule it also cites ("summer: clear debts, earn credits; also improve a rating")
            cited = draft.cited[:1] if draft.card else draft.cited
            cited_sections = {local[cid].section for cid in cited if cid in local}
            if direct.offers(draft.card, tool.name) or cited_sections & set(tool.sections):
                draft.texts.append(draft.offer)
                # the calculation waits for its values (also after "the policy sets no price")
                if draft.status in ("answered", "not_covered"):
                    draft.status = "needs_input"
            else:  # the answer does not lead to this calculation: it was a guess, drop it
                draft.tool_calls.pop()
                draft.missing, draft.asked = [], []
            return
        read = restate(call.name, call.arguments, draft.lang, computed=False)
        question = ask_for(call.name, draft.missing, [], draft.lang, call.arguments)
        draft.texts.insert(0, f"{read}\n{question}")
        draft.status, draft.grounded = "needs_input", False

    def _retrieve(self, draft: _Draft, question: str) -> None:
        """Answer first (a card, the best clause's gloss, or "the closest rules follow"),
        then quote the clauses it rests on, each readable alone (assistant/quotes.py)."""
        lang = draft.lang
        result = self.retriever.search(question, k=SEARCH_DEPTH, lang=lang)
        hits = result.hits
        draft.allowed.update(h.clause_id for h in hits)
        if not hits:
            draft.texts.append(composer.compose_not_covered(lang, office_for([], lang), []))
            draft.status, draft.grounded = "not_covered", False
            return
        top = hits[0].score
        chosen = [h.clause_id for h in hits if h.score >= RELATIVE_SCORE * top][:MAX_CITED]
        coverage = assess_coverage(question, lang, hits)
        calculated = any(call.result is not None for call in draft.tool_calls)
        if not self.direct_answers:
            lead = direct.Lead("quotes", "", chosen, covered=coverage.answered)
        else:
            typed = latin_typed(question, lang)
            lead = direct.lead_for(lang, hits, result.cards, coverage, chosen, typed)
        # A calculation answered, and its rules are quoted under it; but a question about
        # what the policy leaves open ("is the FX retake paid?") is answered first.
        open_topic = lead.kind == "card" and not lead.covered
        if calculated and not open_topic:
            lead = direct.Lead("quotes", "", chosen)
        if lead.covered or lead.missing_figure:
            quoted = quotes.quoted_clauses(lead.clauses, lang)
        else:
            quoted = quotes.quoted_clauses(lead.clauses[:MAX_RELATED], lang, whole_lists=False)
        draft.allowed.update(quoted)  # the card's clauses, lead-ins, lists and exceptions
        local = clauses_by_id(lang)
        shown = [Quote(cid, composer.select_quote(question, local[cid], lang)) for cid in quoted]
        if lead.kind == "quotes" and lead.covered:
            draft.texts.append(composer.compose_retrieval(lang, shown))
        elif lead.missing_figure:
            office = office_for([h.section for h in hits], lang)
            text = composer.compose_without_figure(
                lang, lead.missing_figure, lead.text, shown, office, lead.kind
            )
            draft.texts.insert(0 if calculated else len(draft.texts), text)
        elif lead.kind in ("quotes", "not_covered"):
            office = office_for([h.section for h in hits], lang)
            draft.texts.append(
                composer.compose_not_covered(lang, office, shown, coverage.missing_figure)
            )
        elif open_topic and calculated:
            text = composer.compose_answer(lang, lead.text, shown, lead.kind, lead.covered)
            draft.texts.insert(0, text)
        else:
            draft.texts.append(
                composer.compose_answer(lang, lead.text, shown, lead.kind, lead.covered)
            )
        if (open_topic or not calculated) and not lead.covered and draft.status == "answered":
            draft.status, draft.grounded = "not_covered", False
        draft.card = lead.card
        if lead.kind in ("card", "gloss"):
            draft.direct = lead.text
        for q in shown:
            if q.clause_id not in draft.cited:
                draft.cited.append(q.clause_id)

    # --- optional LLM composer (assistant/llm) -------------------------------------------

    def _compose_with_llm(self, draft: _Draft, question: str) -> None:
        """Let the LLM write the text from the same clauses and tool results.

        Its citations are validated like ours and its numbers must come from a tool or
        a cited clause; on any failure (logged) the extractive draft stays as it is.
        """
        assert self.llm is not None
        outcome = llm_answer(
            self.llm, question, draft.lang, draft.cited, draft.allowed, draft.tool_calls
        )
        if outcome is None:
            return
        official = composer.phrase("official", draft.lang)
        draft.texts = [outcome.text, official] if official else [outcome.text]
        draft.allowed |= outcome.allowed
        draft.cited = outcome.cited
        draft.tool_calls = [*draft.tool_calls, *outcome.tool_calls]
        draft.composer, draft.llm = outcome.composer, outcome.model

    # --- bookkeeping -------------------------------------------------------------------

    def _language(self, text: str, conversation_id: str | None) -> str:
        """The message's language; a reply of codes and numbers only ("R1 71, R2 75")
        continues in the conversation's language."""
        if not has_words(text) and self.store and conversation_id:
            conversation = self.store.get_conversation(conversation_id)
            if conversation is not None:
                return conversation.lang
        return detect_language(text or "", DEFAULT_LANG)

    def _pending(self, conversation_id: str | None) -> PendingTool | None:
        if not (self.store and conversation_id):
            return None
        conversation = self.store.get_conversation(conversation_id)
        data = getattr(conversation, "pending_tool", None) if conversation else None
        return PendingTool.model_validate(data) if data else None

    def _finish(
        self,
        draft: _Draft,
        question: str | None,
        conversation_id: str | None,
        consent: bool,
        decision=None,
    ) -> Answer:
        validate_citations(draft.cited, draft.allowed)
        citations = [_citation(cid, draft.lang) for cid in draft.cited]
        answer = Answer(
            answer="\n\n".join(t for t in draft.texts if t),
            lang=draft.lang,
            grounded=draft.grounded and bool(citations),
            citations=citations,
            tool_calls=draft.tool_calls,
            status=draft.status,
            missing=draft.missing,
            direct=draft.direct,
            card=draft.card,
        )
        if self.store is None:
            return answer
        return self._store(answer, question, conversation_id, consent, draft)

    def _store(
        self,
        answer: Answer,
        question: str | None,
        conversation_id: str | None,
        consent: bool,
        draft: _Draft,
    ) -> Answer:
        pending = None
        if answer.tool_calls:
            last = answer.tool_calls[-1]
            pending = {"tool": last.name, "arguments": last.arguments, "asked": draft.asked}
        turn = AnswerTurn(
            conversation_id=conversation_id,
            lang=answer.lang,
            pending=pending,
            question=question,
            consent=consent,
            reply=answer.answer,
            answer=answer.model_dump(mode="json"),
            disclosure={
                "assistant_name": ASSISTANT_NAME,
                "assistant_version": self.version,
                "composer": draft.composer,
                "models": {**self.models, "llm": draft.llm},
                "answer_lang": answer.lang,
                "cited_clause_ids": [c.clause_id for c in answer.citations],
                "tools": [t.name for t in answer.tool_calls],
                "status": answer.status,
                "missing": answer.missing,
            },
        )
        stored = self.store.record_answer(turn)  # one transaction: all of it or none
        return answer.model_copy(
            update={
                "disclosure_id": stored.disclosure.id,
                "conversation_id": stored.conversation_id,
            }
        )


def _citation(clause_id: str, lang: str) -> Citation:
    kk: Clause = clauses_by_id("kk")[clause_id]
    local = clauses_by_id(lang).get(clause_id, kk)
    return Citation(
        clause_id=clause_id,
        section=kk.section,
        section_title=local.section_title,
        text={"kk": kk.text, lang: local.text},
    )
