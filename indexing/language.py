"""Which language a query is in: kk, ru or en (Kazakh typed in Latin letters included)."""

from __future__ import annotations

from functools import cache, lru_cache

from indexing.text import (
    CYRILLIC,
    KAZAKH_LATIN_LETTERS,
    LATIN,
    latin_kazakh_to_cyrillic,
    script_share,
    tokens,
)

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
    "eken",
    "goi",
    "ghoi",
    "keshir",
    "qate",
    "emes",
    "aldym",
}


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH
    ).build()


def has_words(text: str) -> bool:
    """Does the message hold any word that shows its language ("R1 71, R2 75" does not)?"""
    _, _, codes = _known_words()
    return any(t.isalpha() and len(t) > 1 and t not in codes for t in tokens(text))


def is_latin_kazakh(text: str) -> bool:
    """Kazakh typed in Latin letters rather than English: its letters (á, ş, ...), its
    frequent words, or more of its words known to the policy's Kazakh than to its English
    ("jazgy semestr tegin be alde aqyly?")."""
    lowered = text.lower()
    if any(ch in KAZAKH_LATIN_LETTERS for ch in lowered):
        return True
    kazakh, english, codes = _known_words()
    # Latin words only; GPA, SSCI, IELTS are no language's words
    words = [
        t
        for t in tokens(text)
        if t.isalpha()
        and len(t) > 1
        and t not in codes
        and LATIN.search(t)
        and not CYRILLIC.search(t)
    ]
    hits = sum(w in KAZAKH_LATIN_MARKERS for w in words)
    if hits >= 1 and hits >= len(words) / 4:
        return True
    kk = sum(_loose(latin_kazakh_to_cyrillic(w)) in kazakh for w in words)
    en = sum(w in english for w in words)
    return kk > en


LOOSE = str.maketrans("әғқңөұүіһйё", "агкноуиихие")


def _loose(word: str) -> str:
    """A Kazakh word as ad-hoc Latin typing blurs it (қ/к, ғ/г, ұ/ү/у, і/и ...), unstemmed
    endings cut to a stem of five letters at most."""
    return word.translate(LOOSE)[:5]


@cache
def _known_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Word stems of the policy's Kazakh (loosely spelled), words of its English, and the
    Latin codes its Kazakh uses too (GPA, ECTS, IELTS)."""
    from corpus.store import available_languages, load_clauses

    kazakh: set[str] = set()
    english: set[str] = set()
    codes: set[str] = set()
    for lang in available_languages():
        for clause in load_clauses(lang):
            words = [t for t in tokens(clause.text) if t.isalpha() and len(t) > 1]
            if lang == "kk":
                kazakh.update(_loose(w) for w in words if len(w) > 2 and not LATIN.search(w))
                codes.update(w for w in words if LATIN.search(w))
            elif lang == "en":
                english.update(words)
    english = (english | ENGLISH_WORDS) - codes
    return frozenset(kazakh), frozenset(english), frozenset(codes)


# Everyday English a student writes that the policy's English may lack.
ENGLISH_WORDS = frozenset(
    "i me my you we is are am was be do does did can could will would should what how when "
    "where who why which if so not no yes ok hi hello please thanks got get have has had "
    "want need know tell just still also really my mine about this that it its".split()
)


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


def latin_typed(text: str, lang: str) -> bool:
    """Kazakh typed in Latin letters: searched in its Cyrillic spelling."""
    _, cyrillic, latin = script_share(text)
    return lang == "kk" and latin > cyrillic


@lru_cache(maxsize=1024)  # search, coverage and the reply read the same question
def query_text_for(text: str, lang: str) -> str:
    """The text to analyse for `lang`: Latin-typed Kazakh becomes Cyrillic, spelled as the
    policy spells its words (indexing/spelling.py)."""
    if latin_typed(text, lang):
        from indexing.spelling import restore_text  # reads the corpus once, when first needed

        return restore_text(latin_kazakh_to_cyrillic(text))
    return text
