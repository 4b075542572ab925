"""What gets indexed for each clause: its text in every language, with context, and the
editorial layer written for it; and one point per answer card.

One point per clause, carrying a dense and a sparse named vector per language
(`dense_kk`, `sparse_ru`, ...). Searching a language is then choosing a vector
name, not filtering points, and a hit is already a clause id.

Document expansion: people ask in words the policy does not use ("kicked out" for
expulsion). A clause's plain-language glosses and the questions it answers (corpus
editorial layer) add two channels pointing to the same clause: `dense_more`, the centroid
of the embeddings of its questions and glosses, and `sparse_more_<lang>`, BM25 over the
glosses and questions of that language. (A centroid ranked better than the closest single
question on the blind tune set, and it is one plain vector: fast anywhere.) An answer card
is a point of its own with `card` (the centroid of its questions), `card_questions` (each
question, for the confidence of a match) and `card_sparse_<lang>` (its questions and
answer): the card query never mixes with the clause query, because each point only has
the vectors of its kind. Latin-typed Kazakh questions are indexed in Cyrillic, as such
queries are searched.

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

from corpus.editorial import Card, Enrichment, Questions
from corpus.languages import LANGS
from corpus.models import Clause
from indexing.analyzers import ANALYZER_VERSION, analyze
from indexing.text import latin_kazakh_to_cyrillic

POINT_NAMESPACE = uuid.UUID("8d3c5b0e-6f1a-4c2e-9a57-2f4b1c0d9e11")


def dense_name(lang: str) -> str:
    return f"dense_{lang}"


def sparse_name(lang: str) -> str:
    return f"sparse_{lang}"


DENSE_MORE = "dense_more"  # centroid of a clause's questions and glosses
CARD = "card"  # centroid of a card's questions
CARD_QUESTIONS = "card_questions"  # multivector: each question of a card (not searched)
CENTROIDS = (DENSE_MORE, CARD)
MULTIVECTORS = (CARD_QUESTIONS,)
GLOSS_WEIGHT = 2.0  # a gloss counts as two questions in its clause's centroid


def more_name(lang: str) -> str:
    """BM25 over a clause's glosses and questions in `lang`."""
    return f"sparse_more_{lang}"


def card_sparse_name(lang: str) -> str:
    return f"card_sparse_{lang}"


# Which question slices feed each language's BM25: Kazakh mixed with Russian is read by
# the Kazakh and the Russian analyzers alike, Latin Kazakh (transliterated) by the Kazakh.
SLICES_FOR = {"kk": ("kk", "kk-latn", "mixed"), "ru": ("ru", "mixed"), "en": ("en",)}


def question_text(slice_name: str, question: str) -> str:
    """A question as it is indexed: Latin-typed Kazakh in Cyrillic, as it is searched."""
    return latin_kazakh_to_cyrillic(question) if slice_name == "kk-latn" else question


def questions_of(questions: Questions) -> tuple[str, ...]:
    return tuple(dict.fromkeys(question_text(s, q) for s, q in questions.all()))


def questions_in(questions: Questions, lang: str) -> list[str]:
    return [question_text(s, q) for s, q in questions.all() if s in SLICES_FOR[lang]]


def text_key(lang: str) -> str:
    """Payload key of the clause's displayed text in `lang` (the LlamaIndex node text)."""
    return f"text_{lang}"


@dataclass(frozen=True)
class IndexDocument:
    point_id: str
    clause: Clause  # the official Kazakh record (ids, section, kind)
    texts: dict[str, str]  # lang -> what is embedded and analysed
    display: dict[str, str] = field(default_factory=dict)  # lang -> the clause text shown
    glosses: tuple[str, ...] = ()  # plain-language glosses (editorial): `gloss`
    questions: tuple[str, ...] = ()  # questions the clause answers (editorial): `questions`
    more: dict[str, str] = field(default_factory=dict)  # lang -> glosses + questions: BM25

    def terms(self, lang: str, kk_analyzer: str = "suffix") -> list[str]:
        return analyze(self.texts[lang], lang, kk_analyzer)

    def content_hash(self, embedder: str, kk_analyzer: str = "suffix") -> str:
        """Changes whenever the point would be written differently: its vectors or its payload.

        The payload is part of the key so that a new payload field (or a changed section or
        kind) reaches an existing index on the next `policy-assistant index`, not only a
        changed text; unchanged vectors still come from the embedding cache.
        """
        texts = "\x00".join(f"{lang}:{self.texts[lang]}" for lang in sorted(self.texts))
        texts += "\x00".join(("", *self.glosses, *self.questions))
        texts += "\x00".join(f"{lang}:{self.more[lang]}" for lang in sorted(self.more))
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
    parts = [clause.section_title, clause.heading or ""]
    if clause.parent and clause.parent in by_id:
        parts.append(by_id[clause.parent].text)
    parts.append(clause.text)
    return "\n".join(p for p in parts if p)


def index_documents(
    clauses: list[Clause],
    context: bool = True,
    enrichment: dict[str, dict[str, Enrichment]] | None = None,
    asked: dict[str, dict[str, list[Questions]]] | None = None,
) -> list[IndexDocument]:
    """One document per (doc, clause id), with a text for each language present and the
    editorial layer of its document (`enrichment`: doc -> clause id -> enrichment; `asked`:
    doc -> clause id -> the questions of the answer cards that rest on the clause)."""
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
        extra = (enrichment or {}).get(doc, {}).get(clause_id)
        questions = [extra.questions] if extra else []
        questions += (asked or {}).get(doc, {}).get(clause_id, [])
        if not questions:
            docs.append(IndexDocument(point_id_for(doc, clause_id), base, texts, display))
            continue
        glosses = tuple(extra.gloss.get(lang) for lang in LANGS) if extra else ()
        more = {
            lang: "\n".join(
                ([extra.gloss.get(lang)] if extra else [])
                + [q for qs in questions for q in questions_in(qs, lang)]
            )
            for lang in texts
        }
        every = tuple(dict.fromkeys(q for qs in questions for q in questions_of(qs)))
        docs.append(
            IndexDocument(point_id_for(doc, clause_id), base, texts, display, glosses, every, more)
        )
    return docs


@dataclass(frozen=True)
class CardDocument:
    """An answer card as a point: its questions (dense, MaxSim) and, per language, its
    questions and answer (BM25)."""

    point_id: str
    card: Card
    questions: tuple[str, ...]
    texts: dict[str, str]  # lang -> questions + answer

    @property
    def payload(self) -> dict:
        return {"card_id": self.card.id, "topic": self.card.topic, "clauses": self.card.clauses}

    def content_hash(self, embedder: str, kk_analyzer: str = "suffix") -> str:
        body = self.card.model_dump_json()
        key = f"{embedder}\x00{kk_analyzer}-{ANALYZER_VERSION}\x00card\x00{body}"
        return hashlib.sha256(key.encode()).hexdigest()[:32]


def card_documents(cards: tuple[Card, ...] | list[Card], doc: str) -> list[CardDocument]:
    return [
        CardDocument(
            str(uuid.uuid5(POINT_NAMESPACE, f"{doc}:card:{card.id}")),
            card,
            questions_of(card.questions),
            {
                lang: "\n".join([*questions_in(card.questions, lang), card.answer.get(lang)])
                for lang in LANGS
            },
        )
        for card in cards
    ]
