"""What gets indexed for each clause: its text with the context that gives it meaning.

A list item ("3) компьютерлік тестілеу;") means little alone, so the indexed
text carries the section title and, for list items, the lead-in sentence they
complete. The displayed text stays the clause alone.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass

from corpus.models import Clause
from indexing.analyzers import ANALYZER_VERSION, analyze

POINT_NAMESPACE = uuid.UUID("8d3c5b0e-6f1a-4c2e-9a57-2f4b1c0d9e11")


@dataclass(frozen=True)
class IndexDocument:
    point_id: str
    clause: Clause
    text: str  # what is embedded and analysed

    def terms(self, kk_analyzer: str = "suffix") -> list[str]:
        return analyze(self.text, self.clause.lang.value, kk_analyzer)

    def content_hash(self, embedder: str, kk_analyzer: str = "suffix") -> str:
        key = f"{embedder}\x00{kk_analyzer}-{ANALYZER_VERSION}\x00{self.text}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    @property
    def payload(self) -> dict:
        c = self.clause
        return {
            "clause_id": c.id,
            "doc": c.doc,
            "lang": c.lang.value,
            "section": c.section,
            "kind": c.kind.value,
        }


def point_id(clause: Clause) -> str:
    return str(uuid.uuid5(POINT_NAMESPACE, f"{clause.doc}:{clause.id}:{clause.lang.value}"))


def index_text(clause: Clause, by_id: dict[str, Clause], context: bool = True) -> str:
    if not context:
        return clause.text
    parts = [clause.section_title]
    if clause.parent and clause.parent in by_id:
        parts.append(by_id[clause.parent].text)
    parts.append(clause.text)
    return "\n".join(p for p in parts if p)


def index_documents(clauses: list[Clause], context: bool = True) -> list[IndexDocument]:
    by_lang: dict[str, dict[str, Clause]] = {}
    for clause in clauses:
        by_lang.setdefault(clause.lang.value, {})[clause.id] = clause
    return [
        IndexDocument(point_id(c), c, index_text(c, by_lang[c.lang.value], context))
        for c in clauses
    ]
