"""Typed records of the corpus: what every other layer reads."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from corpus.languages import Lang


class ClauseKind(StrEnum):
    paragraph = "paragraph"
    list_item = "list_item"
    definition = "definition"
    abbreviation = "abbreviation"
    table = "table"
    note = "note"


OFFICIAL = "official"
UNOFFICIAL = "unofficial translation"
EDITORIAL = "editorial note"


class TableRow(BaseModel):
    """One row of Table 1 (letter grades)."""

    model_config = ConfigDict(frozen=True)

    letter: str
    points: float
    min_percent: int
    max_percent: int
    traditional: str


class TableData(BaseModel):
    model_config = ConfigDict(frozen=True)

    caption: str
    columns: list[str]
    rows: list[TableRow]


class Clause(BaseModel):
    """The smallest citable unit of a document, in one language.

    The `id` is shared by the Kazakh original and its translations, so a hit in
    any language can be shown in any other.
    """

    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^\d{1,2}\.(\d+|T\d+|N\d+)$")
    doc: str
    section: int = Field(ge=0)
    section_title: str
    kind: ClauseKind
    lang: Lang
    # A sub-heading printed above the clause (not part of its text), where there is one.
    heading: str | None = None
    text: str = Field(min_length=1)
    status: str = OFFICIAL
    source_lines: tuple[int, int] | None = None
    parent: str | None = None
    table: TableData | None = None
    translator_note: str | None = None
