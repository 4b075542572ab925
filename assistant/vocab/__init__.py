"""The reader's vocabulary: one YAML file per language, read by speakers, checked by code.

Each file (kk.yaml, ru.yaml, en.yaml) holds the words of one language only: how people
name each tool argument and its values, the phrases that ask for a tool, negation cues,
number words, units, and the small words that join a label to its value. Phrases are
plain words separated by spaces; `*` at the end of a word accepts any ending
("рейтинг*" reads рейтинги, рейтингім, рейтингтер); `#` stands for a number. Kazakh words
are matched loosely, so one Cyrillic entry also reads Kazakh typed in Latin letters.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from corpus.languages import LANGS
from corpus.yaml_file import SafeLoader, read_yaml

VOCAB_DIR = Path(__file__).parent


class _Loader(SafeLoader):
    """YAML without YAML 1.1 booleans: "on", "no", "yes" are words here, not True/False."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


class Words(BaseModel):
    """A list of phrases with a meaning; `say` for values that are true, `deny` for false."""

    model_config = ConfigDict(extra="forbid")

    say: list[str] = []
    deny: list[str] = []
    near: list[str] = Field(default=[], description="a flag counts only near one of these")


class ToolWords(BaseModel):
    model_config = ConfigDict(extra="forbid")

    intent: list[str] = Field(default=[], description="phrases that ask for this tool")
    arguments: dict[str, list[str]] = Field(
        default={}, description="labels of arguments that mean something else in other tools"
    )


class NumberWords(BaseModel):
    model_config = ConfigDict(extra="forbid")

    values: dict[str, float] = {}
    multipliers: dict[str, int] = {}
    half: list[str] = []
    decimal_point: list[str] = []
    denominators: dict[str, int] = {}
    suffixes: list[str] = []
    ordinal: list[str] = Field(default=[], description='endings that make "2" second: 2nd, 2-й')
    homonyms: list[str] = Field(
        default=[],
        description='number words that are common words elsewhere ("он": ten, or Russian '
        '"he"): read as numbers only in a message with this language\'s own letters',
    )


class Vocabulary(BaseModel):
    """Everything one language contributes; see the file header of each YAML file."""

    model_config = ConfigDict(extra="forbid")

    lang: str
    glue: list[str] = []
    separators: list[str] = []
    alternatives: list[str] = []
    negation_before: list[str] = []
    negation_after: list[str] = []
    correction: list[str] = Field(
        default=[],
        description='a writer correcting a number they just wrote ("exam 60, sorry, 65"): '
        "the number before one of these, and then another number, is replaced by the second",
    )
    clause_break: list[str] = []
    both: list[str] = []
    numbers: NumberWords = NumberWords()
    ordinals: dict[str, int] = {}
    units: dict[str, list[str]] = {}
    part_of: list[str] = []
    total_before: list[str] = []
    part_suffixes: list[str] = []
    irrelevant: list[str] = []
    complements: dict[str, list[str]] = {}
    quote_keep: list[str] = Field(
        default=[],
        description="a quoted sentence with one of these (a deadline, an exception, "
        "who to apply to) is never cut from a quote",
    )
    exception_lead: list[str] = Field(
        default=[],
        description="a clause opening with one of these qualifies the one before "
        "it, and is quoted with it",
    )
    received: list[str] = []
    what_if: list[str] = []
    append: list[str] = []
    increase: list[str] = Field(
        default=[],
        description='a change by an amount ("3 more points", "добавят 6 баллов", "3 балл '
        'қосса"): in a follow-up, the number is added to the value it changes',
    )
    yes: list[str] = []
    no: list[str] = []
    rule_question: list[str] = []
    price_question: list[str] = []
    amount_question: list[str] = Field(
        default=[],
        description="words that ask for an amount (how many, сколько, қанша): followed by a "
        "unit, the question asks for a figure the clauses quoted must state",
    )
    personal: list[str] = []
    calculation: list[str] = []
    request: list[str] = Field(
        default=[],
        description='a request to compute ("calculate", "посчитай", "есептеп бер"): with a '
        "tool's phrases, the reply asks for the values first instead of answering the rule",
    )
    arguments: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    flags: dict[str, Words] = {}
    values: dict[str, dict[str, list[str]]] = {}
    tools: dict[str, ToolWords] = {}


class VocabularyError(ValueError):
    """A vocabulary file that cannot be read: names the file and what is wrong."""


@cache
def load(lang: str) -> Vocabulary:
    path = VOCAB_DIR / f"{lang}.yaml"
    try:
        data = read_yaml(path, _Loader)
        vocabulary = Vocabulary.model_validate(data)
    except (OSError, yaml.YAMLError, ValueError) as error:
        raise VocabularyError(f"{path.name}: {error}") from error
    if vocabulary.lang != lang:
        raise VocabularyError(f"{path.name}: says lang {vocabulary.lang!r}, expected {lang!r}")
    return vocabulary


def all_vocabularies() -> dict[str, Vocabulary]:
    return {lang: load(lang) for lang in LANGS}
