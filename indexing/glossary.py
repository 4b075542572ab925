"""Query expansion from the trilingual glossary (ЕНТ <-> ҰБТ <-> UNT, FX...)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from corpus.languages import LANGS
from indexing.text import fold

GLOSSARY_PATH = Path(__file__).resolve().parents[1] / "corpus" / "academic_policy" / "glossary.yaml"


@cache
def load_glossary(path: Path = GLOSSARY_PATH) -> tuple[dict, ...]:
    if not path.exists():
        return ()
    return tuple(yaml.safe_load(path.read_text(encoding="utf-8")) or ())


def _mentions(text: str, form: str) -> bool:
    form = fold(form)
    if not form:
        return False
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def _is_abbreviation(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return 1 < len(letters) <= 8 and sum(ch.isupper() for ch in letters) >= len(letters) - 1


def expansions(query: str, lang: str, path: Path = GLOSSARY_PATH) -> list[str]:
    """Forms in `lang` of glossary abbreviations the query borrows from another language.

    A Russian question that says "ҰБТ" or "UNT" gets "ЕНТ" and its full form. Only
    borrowed abbreviations trigger expansion: a term already written in the query's
    own language matches the corpus as it is, and expanding common words ("university")
    only adds noise (measured in evals/reports/retrieval.md).
    """
    folded = fold(query)
    extra: list[str] = []
    for entry in load_glossary(path):
        own = [fold(f) for f in entry.get(lang) or ()]
        foreign = [f for key in LANGS if key != lang for f in entry.get(key) or ()]
        borrowed = any(
            _is_abbreviation(f) and fold(f) not in own and _mentions(folded, f) for f in foreign
        )
        if borrowed:
            extra.extend(f for f in entry.get(lang) or () if not _mentions(folded, f))
    return extra
