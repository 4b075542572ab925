"""The editorial layer: plain-language glosses, likely questions and answer cards.

Written once from the policy by editors, reviewed by others (enrichment/REVIEW.md,
answers/REVIEW.md), and checked by code (`corpus check`): every id exists, every number
is the clause's own, the three languages carry the same numbers. Marked "editorial, not
official" wherever it is shown. Nothing here is generated at request time.

- A clause's enrichment: a gloss (what the clause means for a student, one or two
  sentences per language) and the questions people ask that it answers, in kk / ru / en
  and, for the clauses asked about most, Kazakh in Latin letters and Kazakh mixed with
  Russian. List items are glossed through their lead-in clause.
- An answer card: a short answer to a question people often ask, whose first sentence
  answers it, resting on the clauses it cites (or, for what the policy does not settle,
  citing nothing and naming the office to ask).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field

from corpus.store import DOC_DIR

EDITORIAL = "editorial, not official"


class Texts(BaseModel):
    """One text in each of the three languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kk: str
    ru: str
    en: str

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class Questions(BaseModel):
    """Questions in people's words, per slice: kk, ru, en, Latin Kazakh, mixed Kazakh."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    kk: list[str] = []
    ru: list[str] = []
    en: list[str] = []
    kk_latn: list[str] = Field(default=[], alias="kk-latn")
    mixed: list[str] = []

    def all(self) -> list[tuple[str, str]]:
        """(slice, question) pairs; the slice of Latin Kazakh and mixed is their own."""
        slices = {"kk": self.kk, "ru": self.ru, "en": self.en}
        slices |= {"kk-latn": self.kk_latn, "mixed": self.mixed}
        return [(name, q) for name, items in slices.items() for q in items]


class Enrichment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    gloss: Texts
    questions: Questions


class Card(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    topic: str
    questions: Questions
    answer: Texts
    clauses: list[str]
    tool: str | None = None
    office: Texts | None = None


ENRICHMENT_DIR = DOC_DIR / "enrichment"
CARDS_DIR = DOC_DIR / "answers"


def _jsonl(folder: Path) -> list[tuple[Path, int, str]]:
    return [
        (path, number, line)
        for path in sorted(folder.glob("*.jsonl"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    ]


@cache
def load_enrichment(folder: Path = ENRICHMENT_DIR) -> dict[str, Enrichment]:
    return {
        e.id: e for e in (Enrichment.model_validate_json(line) for _, _, line in _jsonl(folder))
    }


@cache
def load_cards(folder: Path = CARDS_DIR) -> tuple[Card, ...]:
    return tuple(Card.model_validate_json(line) for _, _, line in _jsonl(folder))


@cache
def cards_by_id(folder: Path = CARDS_DIR) -> Mapping[str, Card]:
    """The cards by id, built once; read-only."""
    return MappingProxyType({card.id: card for card in load_cards(folder)})
