"""The product's languages, in one place: every layer imports them from here.

`Lang` is a language the policy, the answers and the interface exist in. A `Slice` is how
evaluation sets label a question: the three languages plus Kazakh mixed with Russian
("mixed") and Kazakh typed in Latin letters ("kk-latn"); both slices are answered in Kazakh.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, TypeGuard, get_args


class Lang(StrEnum):
    kk = "kk"
    ru = "ru"
    en = "en"


LANGS: tuple[str, ...] = tuple(lang.value for lang in Lang)
LangCode = Literal["kk", "ru", "en"]  # the same set, for pydantic fields and OpenAPI schemas
Slice = Literal["kk", "ru", "en", "mixed", "kk-latn"]
SLICES: tuple[str, ...] = get_args(Slice)
DEFAULT_LANG = "en"


def is_lang(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and value in LANGS


def answer_lang(slice_: str) -> str:
    """The language a question of this slice is answered in."""
    return slice_ if slice_ in LANGS else "kk"
