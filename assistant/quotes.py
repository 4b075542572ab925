"""Which clauses a reply quotes, so that every quote makes sense on its own.

Retrieval ranks single clauses, but a clause is not always readable alone:
- a list item ("- транскрипт.") means nothing without the sentence it completes: it is
  quoted after its lead-in, with the whole list when the list is short and the best hit
  is in it, and the best hit, a lead-in ending in a colon, brings its items;
- a rule is often qualified by the next clause ("Бұл ретте ...", "However, ..."): the
  exception comes with the rule, and a retrieved exception brings the rule it qualifies;
- an editorial note explains its parent clause: the parent comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assistant.composer import qualifies_previous
from corpus.models import Clause, ClauseKind
from corpus.store import load_clauses

MAX_LIST_CHARS = 1500  # a longer list is quoted as its lead-in and the items retrieved
MAX_QUOTED = 6  # retrieved clauses quoted in one reply (lead-ins, lists, exceptions extra)


@dataclass(frozen=True)
class Corpus:
    """The clauses of one language in document order, with their lists."""

    order: tuple[str, ...]
    clauses: dict[str, Clause]
    items: dict[str, tuple[str, ...]]  # lead-in id -> its list items, in order

    def short(self, lead: str) -> bool:
        """Is the list under this lead-in short enough to quote whole?"""
        items = self.items.get(lead, ())
        return sum(len(self.clauses[i].text) for i in items) <= MAX_LIST_CHARS

    def neighbour(self, clause_id: str, step: int) -> Clause | None:
        at = self.order.index(clause_id) + step
        return self.clauses[self.order[at]] if 0 <= at < len(self.order) else None


@cache
def corpus(lang: str) -> Corpus:
    clauses = load_clauses(lang)
    items: dict[str, list[str]] = {}
    for clause in clauses:
        if clause.kind == ClauseKind.list_item and clause.parent:
            items.setdefault(clause.parent, []).append(clause.id)
    return Corpus(
        tuple(c.id for c in clauses),
        {c.id: c for c in clauses},
        {k: tuple(v) for k, v in items.items()},
    )


def quoted_clauses(chosen: list[str], lang: str, whole_lists: bool = True) -> list[str]:
    """The clauses to quote for `chosen` (retrieved, best first), each readable alone;
    without `whole_lists`, a list item brings only its lead-in (a tool's citations)."""
    text = corpus(lang)
    out: list[str] = []

    def add(clause_id: str) -> None:
        if clause_id in text.clauses and clause_id not in out:
            out.append(clause_id)

    for rank, clause_id in enumerate(chosen[:MAX_QUOTED]):
        if clause_id not in text.clauses:
            continue
        # Only the best clause brings a whole list: a list under a lesser hit is mostly
        # beside the question (its lead-in, or the item retrieved, is quoted instead).
        whole = whole_lists and rank == 0
        clause = text.clauses[clause_id]
        if clause.kind == ClauseKind.note and clause.parent:
            add(clause.parent)
        if clause.kind == ClauseKind.list_item and clause.parent:
            lead = clause.parent
            add(lead)
            items = text.items.get(lead, ())
            for item in items if whole and text.short(lead) else (clause_id,):
                add(item)
            continue
        if qualifies_previous(clause):  # an exception: its rule first
            rule = text.neighbour(clause_id, -1)
            if rule is not None:
                add(rule.id)
        add(clause_id)
        if whole and text.short(clause_id):  # a lead-in brings its list
            for item in text.items.get(clause_id, ()):
                add(item)
        after = text.neighbour(clause_id, 1)
        if after is not None and after.kind != ClauseKind.list_item and qualifies_previous(after):
            add(after.id)  # the exception that follows the rule
    return out
