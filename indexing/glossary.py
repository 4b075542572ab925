"""Query expansion from the trilingual glossary (ЕНТ <-> ҰБТ <-> UNT, FX...)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from corpus.languages import LANGS
from corpus.yaml_file import read_yaml
from indexing.text import fold

GLOSSARY_PATH = Path(__file__).resolve().parents[1] / "corpus" / "academic_policy" / "glossary.yaml"


@cache
def load_glossary(path: Path = GLOSSARY_PATH) -> tuple[dict, ...]:
    if not path.exists():
        return ()
    return tuple(read_yaml(path) or ())


def _mentions(text: str, form: str) -> bool:
    folded = fold(form)
    return bool(folded) and _mentions_folded(text, folded)


def _is_abbreviation(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return 1 < len(letters) <= 8 and sum(ch.isupper() for ch in letters) >= len(letters) - 1


@cache
def _borrowable(lang: str, path: Path = GLOSSARY_PATH) -> dict[str, tuple[int, ...]]:
    """Folded abbreviations of other languages that are not also `lang`'s own forms, with
    the glossary entries they belong to: compiled once, so a query costs a few substring
    checks instead of a scan of the whole glossary."""
    found: dict[str, list[int]] = {}
    for number, entry in enumerate(load_glossary(path)):
        own = {fold(f) for f in entry.get(lang) or ()}
        for key in LANGS:
            if key == lang:
                continue
            for form in entry.get(key) or ():
                folded = fold(form)
                if folded and _is_abbreviation(form) and folded not in own:
                    found.setdefault(folded, []).append(number)
    return {form: tuple(dict.fromkeys(entries)) for form, entries in found.items()}


def _mentions_folded(text: str, form: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def expansions(query: str, lang: str, path: Path = GLOSSARY_PATH) -> list[str]:
    """Forms in `lang` of glossary abbreviations the query borrows from another language.

    A Russian question that says "ҰБТ" or "UNT" gets "ЕНТ" and its full form. Only
    borrowed abbreviations trigger expansion: a term already written in the query's
    own language matches the corpus as it is, and expanding common words ("university")
    only adds noise (measured in evals/reports/retrieval.md).
    """
    folded = fold(query)
    borrowed: set[int] = set()
    for form, entries in _borrowable(lang, path).items():
        if form in folded and _mentions_folded(folded, form):
            borrowed.update(entries)
    glossary = load_glossary(path)
    extra: list[str] = []
    for number in sorted(borrowed):
        entry = glossary[number]
        extra.extend(f for f in entry.get(lang) or () if not _mentions(folded, f))
    return extra
