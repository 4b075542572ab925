"""What gets indexed for each clause: its text in every language, with context.

One point per clause, carrying a dense and a sparse named vector per language
(`dense_kk`, `sparse_ru`, ...). Searching a language is then choosing a vector
name, not filtering points, and a hit is already a clause id.

A list item ("3) компьютерлік тестілеу;") means little alone, so the indexed text
carries the section title and, for list items, the lead-in sentence they complete.
The displayed text stays the clause alone; it rides in the payload (`text_kk`,
`text_ru`, `text_en`) so that LlamaIndex's Qdrant store (indexing/llamaindex.py) can
turn a point into a node without a second lookup.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field

from corpus.languages import LANGS
from corpus.models import Clause
from indexing.analyzers import ANALYZER_VERSION, analyze

POINT_NAMESPACE = uuid.UUID("8d3c5b0e-6f1a-4c2e-9a57-2f4b1c0d9e11")


def dense_name(lang: str) -> str:
    return f"dense_{lang}"


def sparse_name(lang: str) -> str:
    return f"sparse_{lang}"


def text_key(lang: str) -> str:
    """Payload key of the clause's displayed text in `lang` (the LlamaIndex node text)."""
    return f"text_{lang}"


@dataclass(frozen=True)
class IndexDocument:
    point_id: str
    clause: Clause  # the official Kazakh record (ids, section, kind)
    texts: dict[str, str]  # lang -> what is embedded and analysed
    display: dict[str, str] = field(default_factory=dict)  # lang -> the clause text shown

    def terms(self, lang: str, kk_analyzer: str = "suffix") -> list[str]:
        return analyze(self.texts[lang], lang, kk_analyzer)

    def content_hash(self, embedder: str, kk_analyzer: str = "suffix") -> str:
        """Changes whenever the point would be written differently: its vectors or its payload.

        The payload is part of the key so that a new payload field (or a changed section or
        kind) reaches an existing index on the next `policy-assistant index`, not only a
        changed text; unchanged vectors still come from the embedding cache.
        """
        texts = "\x00".join(f"{lang}:{self.texts[lang]}" for lang in sorted(self.texts))
        payload = json.dumps(self.payload, ensure_ascii=False, sort_keys=True)
        key = f"{embedder}\x00{kk_analyzer}-{ANALYZER_VERSION}\x00{texts}\x00{payload}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    @property
    def payload(self) -> dict:
        c = self.clause
        return {
            "clause_id": c.id,
            "doc": c.doc,
            "section": c.section,
            "kind": c.kind.value,
            "langs": sorted(self.texts),
            **{text_key(lang): text for lang, text in sorted(self.display.items())},
        }


def point_id_for(doc: str, clause_id: str) -> str:
    return str(uuid.uuid5(POINT_NAMESPACE, f"{doc}:{clause_id}"))


def index_text(clause: Clause, by_id: dict[str, Clause], context: bool = True) -> str:
    if not context:
        return clause.text
    parts = [clause.section_title]
    if clause.parent and clause.parent in by_id:
        parts.append(by_id[clause.parent].text)
    parts.append(clause.text)
    return "\n".join(p for p in parts if p)


def index_documents(clauses: list[Clause], context: bool = True) -> list[IndexDocument]:
    """One document per (doc, clause id), with a text for each language present."""
    by_lang: dict[str, dict[tuple[str, str], Clause]] = {}
    for clause in clauses:
        by_lang.setdefault(clause.lang.value, {})[(clause.doc, clause.id)] = clause
    same_doc: dict[tuple[str, str], dict[str, Clause]] = {}
    for lang, records in by_lang.items():
        for (doc, cid), clause in records.items():
            same_doc.setdefault((lang, doc), {})[cid] = clause
    keys = list(dict.fromkeys((c.doc, c.id) for c in clauses))
    docs = []
    for doc, clause_id in keys:
        texts, display = {}, {}
        for lang, records in by_lang.items():
            clause = records.get((doc, clause_id))
            if clause is not None:
                texts[lang] = index_text(clause, same_doc[(lang, doc)], context)
                display[lang] = clause.text
        base = next(by_lang[lang][(doc, clause_id)] for lang in LANGS if lang in texts)
        docs.append(IndexDocument(point_id_for(doc, clause_id), base, texts, display))
    return docs
