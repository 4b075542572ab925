"""A message read once for every tool: tokens, phrases found, values and their units."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from assistant.reader.lexicon import Mention, lexicon
from assistant.reader.tokens import Token, normalize, tokenize
from assistant.reader.values import (
    Value,
    apply_corrections,
    attach_units,
    excluded_numbers,
    join_durations,
    negated_numbers,
    read_letters,
    read_levels,
    read_numbers,
)
from indexing.language import is_latin_kazakh
from indexing.text import KAZAKH_ONLY_LETTERS


@dataclass
class Message:
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    values: list[Value]
    excluded: set[int]
    negated: set[int]

    def of_kind(self, *kinds: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind in kinds]

    def has(self, *kinds: str) -> bool:
        return any(m.kind in kinds for m in self.mentions)

    @cached_property
    def words(self) -> int:
        return sum(1 for t in self.tokens if t.kind == "word" and not t.attached)

    def numbers(self) -> list[int]:
        """Indices of the number values that may state an argument."""
        return [
            i for i, v in enumerate(self.values) if v.kind == "number" and i not in self.excluded
        ]


@lru_cache(maxsize=256)  # the router and the coverage check read the same message
def read_message(raw: str) -> Message:
    """The message's tokens, phrases and values (never changed after reading: shared)."""
    text = normalize(raw)
    tokens = tokenize(text)
    mentions = lexicon().find(tokens)
    kazakh = "all" if is_latin_kazakh(text) else ""
    if not kazakh and any(ch in KAZAKH_ONLY_LETTERS for ch in text.lower()):
        kazakh = "letters"
    elif not kazakh and any(m.lang == "kk" and m.kind not in ("glue", "sep") for m in mentions):
        kazakh = "cyrillic"
    numbers = attach_units(read_numbers(tokens, mentions, kazakh), mentions, tokens)
    numbers = join_durations(_ordinal_years(numbers, mentions, tokens), mentions, tokens)
    values = sorted(
        numbers + read_letters(text, tokens) + read_levels(tokens), key=lambda v: v.start
    )
    values, corrected = apply_corrections(tokens, _drop_overlaps(values), mentions)
    excluded = excluded_numbers(text, tokens, values, mentions) | corrected
    return Message(
        text, tokens, mentions, values, excluded, negated_numbers(tokens, values, mentions)
    )


def _ordinal_years(numbers: list[Value], mentions: list[Mention], tokens) -> list[Value]:
    """ "second year", "екінші курс", "3rd course": an ordinal with a unit is a number."""
    units: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "unit":
            units.setdefault(m.start, []).append(m)
    taken = {v.start for v in numbers}
    out = list(numbers)
    for m in mentions:
        if m.kind != "ordinal" or m.start in taken:
            continue
        here = units.get(m.end)
        if here:
            unit = max(here, key=lambda u: u.end - u.start)
            out.append(Value("number", m.meaning[1], m.start, m.end, unit.meaning[1], unit.end))
            taken.add(m.start)
    return out


def _drop_overlaps(values: list[Value]) -> list[Value]:
    """A token read two ways ("C1" a level, not a letter) keeps its longer, earlier reading."""
    out: list[Value] = []
    for value in values:
        if out and value.start < out[-1].end:
            if value.kind == "cefr" and out[-1].kind == "letter":
                out[-1] = value
            continue
        out.append(value)
    return out
