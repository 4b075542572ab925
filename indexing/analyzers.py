"""Language-aware analyzers for BM25: text -> terms.

Kazakh and Russian are highly inflected, so a query word rarely matches the
clause word letter for letter. Russian is lemmatised (pymorphy3) then stemmed,
English uses Snowball; Kazakh, which Snowball lacks, gets a rule-based suffix
stripper (agglutinative suffixes peeled from the end while a stem of 3+ letters
remains). Prefix, n-gram and no-stemming variants stay for the ablation in evals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import Stemmer

from indexing.text import tokens

# Bump when analysis changes: the index then re-computes every sparse vector.
ANALYZER_VERSION = 4

STOPWORDS = {
    "kk": set(
        "және мен бен пен немесе не да де та те ал бірақ үшін бойынша сәйкес туралы осы ол бұл сол "
        "мына әр әрбір кез келген болып табылады болады бар жоқ ма ме ба бе па пе қалай қандай "
        "қанша неше кім нені неге қашан ғана тиіс тиісті мүмкін керек ретінде жөніндегі арқылы "
        "соң кейін дейін бастап қарай ішінде сондай ақ яғни оның олар біз мен сен сіз маған".split()
    ),
    "ru": set(
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее "
        "мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть "
        "был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть "
        "надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда "
        "кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее "
        "сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над "
        "больше тот "
        "через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед "
        "иногда лучше чуть том нельзя такой им более всегда конечно всю между".split()
    ),
    "en": set(
        "a an the and or but if of at by for with about against between into through during before "
        "after above below to from up down in out on off over under again further then once here "
        "there when where why how all any both each few more most other some such no nor not only "
        "own same so than too very can will just should now is are was were be been being have has "
        "had do does did i me my we our you your he him his she her it its they them their what "
        "which who whom this that these those am would could may might must shall".split()
    ),
}

# Kazakh inflectional suffixes, longest first within each pass (plural, possessive, case,
# common verbal/participial endings).
KK_SUFFIXES = sorted(
    set(
        """
        лардың лердің дардың дердің тардың тердің ларының лерінің ларына леріне ларында лерінде
        ларынан лерінен ларын лерін лары лері дары дері тары тері лар лер дар дер тар тер
        ның нің дың дің тың тің ға ге қа ке на не а е ға ге
        да де та те нда нде дан ден тан тен нан нен ды ді ты ті ны ні н
        мен бен пен ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ым ім ың ің сы сі ы і м ң
        ған ген қан кен атын етін йтын йтін тын тін ушы уші у ып іп п са се мақ мек пақ пек бақ бек
        ғанда генде қанда кенде ады еді йды йді ды ді ты ті ма ме ба бе па пе
        лық лік дық дік тық тік шы ші ғы гі қы кі
        """.split()
    ),
    key=len,
    reverse=True,
)
KK_MIN_STEM = 3
CYRILLIC_WORD = re.compile(r"^[а-яё]+$")


@lru_cache(maxsize=200_000)  # a pure function of the word; queries repeat their words
def kazakh_stem(word: str) -> str:
    """Peel Kazakh suffixes while a stem of KK_MIN_STEM letters remains (two passes at most)."""
    if not word.isalpha() or len(word) <= KK_MIN_STEM + 1:
        return word
    for _ in range(3):
        for suffix in KK_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= KK_MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def prefix_stem(word: str, length: int = 5) -> str:
    return word[:length] if word.isalpha() else word


def char_ngrams(word: str, n: int = 4) -> list[str]:
    if not word.isalpha() or len(word) <= n:
        return [word]
    padded = f"^{word}$"
    return [padded[i : i + n] for i in range(len(padded) - n + 1)]


KAZAKH_ANALYZERS = ("suffix", "prefix", "ngram", "none", "hunspell")
HUNSPELL_KK = Path("/usr/share/hunspell/kk_KZ")  # Debian's hunspell-kk (.dic / .aff)


@cache
def _hunspell():
    try:
        import hunspell
    except ImportError as exc:
        raise RuntimeError(
            "the 'hunspell' Kazakh analyzer needs pip's hunspell (apt install libhunspell-dev, "
            "then pip install hunspell)"
        ) from exc
    dic, aff = HUNSPELL_KK.with_suffix(".dic"), HUNSPELL_KK.with_suffix(".aff")
    if not dic.exists():
        raise RuntimeError(f"the 'hunspell' Kazakh analyzer needs {dic}: apt install hunspell-kk")
    return hunspell.HunSpell(str(dic), str(aff))


def hunspell_available() -> bool:
    try:
        _hunspell()
    except RuntimeError:
        return False
    return True


@lru_cache(maxsize=200_000)
def hunspell_stem(word: str) -> str:
    """The dictionary's shortest stem of 3+ letters ("бағаның" -> "баға"); words it does
    not know (many of the policy's terms) fall back to the suffix stripper."""
    if not word.isalpha():
        return word
    stems = [s.decode("utf-8", "replace") for s in _hunspell().stem(word)]
    stems = [s for s in stems if len(s) >= 3]
    return min(stems, key=len) if stems else kazakh_stem(word)


@cache
def _snowball(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(language)


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def russian_stem(word: str) -> str:
    """Lemma first (Snowball alone cuts "экзамена" to "экзам" but "экзамены" to "экзамен")."""
    if not word.isalpha() or not CYRILLIC_WORD.match(word):
        return word
    return _snowball("russian").stemWord(_morph().parse(word)[0].normal_form)


def _terms_for(lang: str, kazakh: str) -> Callable[[str], list[str]]:
    if lang == "ru":
        return lambda w: [russian_stem(w)]
    if lang == "en":
        stem = _snowball("english").stemWord
        return lambda w: [stem(w)]
    if kazakh not in KAZAKH_ANALYZERS:
        raise ValueError(f"unknown Kazakh analyzer {kazakh!r}; choose one of {KAZAKH_ANALYZERS}")
    return {
        "suffix": lambda w: [kazakh_stem(w)],
        "prefix": lambda w: [prefix_stem(w)],
        "ngram": char_ngrams,
        "none": lambda w: [w],
        "hunspell": lambda w: [hunspell_stem(w)],
    }[kazakh]


def analyze(text: str, lang: str, kazakh: str = "suffix") -> list[str]:
    """Terms for BM25. Numbers and codes (FX, GPA, 8.21) are kept as they are."""
    terms_of = _terms_for(lang, kazakh)
    stop = STOPWORDS.get(lang, set())
    return [term for tok in tokens(text, lang) if tok not in stop for term in terms_of(tok)]
