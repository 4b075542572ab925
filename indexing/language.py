"""Which language a query is in: kk, ru or en (Kazakh typed in Latin letters included)."""

from __future__ import annotations

from functools import cache

from indexing.text import KAZAKH_LATIN_LETTERS, latin_kazakh_to_cyrillic, script_share, tokens

# Frequent Kazakh words that identify Latin-typed Kazakh ("FX alsam ne isteimin?").
KAZAKH_LATIN_MARKERS = {
    "ne",
    "qalai",
    "kalai",
    "qanday",
    "kanday",
    "qansha",
    "kansha",
    "bola",
    "bolady",
    "boladi",
    "ma",
    "me",
    "ba",
    "be",
    "bar",
    "joq",
    "zhok",
    "jok",
    "kerek",
    "ushin",
    "men",
    "bolsa",
    "alsam",
    "algan",
    "alam",
    "bagam",
    "baga",
    "baǵa",
    "emtihan",
    "emtikhan",
    "synaq",
    "synak",
    "oqu",
    "oku",
    "stipendia",
    "qaita",
    "kaita",
    "tapsyru",
    "tapsyramyn",
    "isteimin",
    "isteymin",
    "istejmin",
    "kursta",
    "kurs",
    "kredit",
    "bagasy",
    "qorytyndy",
    "korytyndy",
    "jiberemiz",
    "zhiberedi",
    "jiberedi",
    "degen",
    "nemese",
    "jane",
    "zhane",
    "qazaq",
    "kazak",
    "tili",
}


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH
    ).build()


def is_latin_kazakh(text: str) -> bool:
    lowered = text.lower()
    if any(ch in KAZAKH_LATIN_LETTERS for ch in lowered):
        return True
    words = [t for t in tokens(text) if t.isalpha()]
    hits = sum(w in KAZAKH_LATIN_MARKERS for w in words)
    return hits >= 1 and hits >= len(words) / 4


def detect_language(text: str, default: str = "kk") -> str:
    """Dominant language of `text`. Kazakh-only letters decide ties between kk and ru."""
    kk_letters, cyrillic, latin = script_share(text)
    if kk_letters + cyrillic + latin == 0:
        return default
    if latin > kk_letters + cyrillic:
        return "kk" if is_latin_kazakh(text) else "en"
    from lingua import Language

    scores = {
        {Language.KAZAKH: "kk", Language.RUSSIAN: "ru", Language.ENGLISH: "en"}[c.language]: c.value
        for c in _detector().compute_language_confidence_values(text)
    }
    if kk_letters and scores.get("kk", 0) >= 0.2:
        return "kk"
    best = max(scores, key=scores.get)
    return "ru" if best == "en" and cyrillic > latin else best


def query_text_for(text: str, lang: str) -> str:
    """The text to analyse for `lang`: Latin-typed Kazakh becomes Cyrillic."""
    _, cyrillic, latin = script_share(text)
    if lang == "kk" and latin > cyrillic:
        return latin_kazakh_to_cyrillic(text)
    return text
