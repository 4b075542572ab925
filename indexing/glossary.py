"""Query expansion from the trilingual glossary (ЕНТ <-> ҰБТ <-> UNT, FX...)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

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


def expansions(query: str, lang: str, path: Path = GLOSSARY_PATH) -> list[str]:
    """Forms in `lang` of every glossary term the query mentions in any language."""
    folded = fold(query)
    extra: list[str] = []
    for entry in load_glossary(path):
        forms = [f for key in ("kk", "ru", "en") for f in entry.get(key) or ()]
        if any(_mentions(folded, f) for f in forms):
            extra.extend(f for f in entry.get(lang) or () if not _mentions(folded, f))
    return extra
