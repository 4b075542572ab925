"""Text normalisation shared by analyzers and language detection.

Users type Kazakh in Cyrillic, in the 2021 Latin alphabet, or in ad-hoc Latin
("FX alsam ne isteimin"); Russian with or without "ё"; the corpus itself mixes
Latin and Cyrillic look-alikes ("FХ" with a Cyrillic Х, Table 1's Cyrillic
"А", "В", "С"). Everything is folded to one form before matching: a letter grade is
one Latin term ("a", "b+", "fx") whatever script it was typed in.
"""

from __future__ import annotations

import re
import unicodedata

KAZAKH_ONLY_LETTERS = set("әғқңөұүһі")
KAZAKH_LATIN_LETTERS = set("áǵńóúýıäöüşçğ")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
# Marks a letter grade found before tokenising (a private-use character: no text has one).
GRADE_MARK = "\ue000"
TOKEN = re.compile(
    rf"{GRADE_MARK}(?:fx|[a-d][+-]?)|[0-9]+(?:[.,][0-9]+)?|[^\W\d_]+(?:[-'][^\W\d_]+)*",
    re.UNICODE,
)

# Look-alike Cyrillic letters inside Latin tokens (and the reverse) are folded so that
# "FХ" == "FX" and the table's "В+" == "B+".
CYR_TO_LAT_LOOKALIKE = str.maketrans("АВСЕНКМОРТХаеосрх", "ABCEHKMOPTXaeocpx")

# Kazakh Latin (2021 alphabet plus common informal spellings) -> Cyrillic, longest first.
_LATIN_KK = [
    ("shch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("gh", "ғ"),
    ("ng", "ң"),
    ("ya", "я"),
    ("yu", "ю"),
    ("ts", "ц"),
    ("á", "ә"),
    ("ä", "ә"),
    ("ǵ", "ғ"),
    ("ğ", "ғ"),
    ("ń", "ң"),
    ("ñ", "ң"),
    ("ó", "ө"),
    ("ö", "ө"),
    ("ú", "ү"),
    ("ü", "ү"),
    ("ý", "у"),
    ("ı", "ы"),
    ("ş", "ш"),
    ("ç", "ч"),
    ("a", "а"),
    ("b", "б"),
    ("c", "с"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "і"),
    ("j", "ж"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "қ"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "ұ"),
    ("v", "в"),
    ("w", "у"),
    ("x", "х"),
    ("y", "ы"),
    ("z", "з"),
]
_LATIN_KK_RE = re.compile("|".join(re.escape(a) for a, _ in _LATIN_KK))
_LATIN_KK_MAP = dict(_LATIN_KK)


def fold(text: str) -> str:
    """Unicode-normalise, lower-case and unify letters that users type interchangeably."""
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    return re.sub(r"\s+", " ", text).strip()


def fold_lookalikes(token: str) -> str:
    """A token that mixes scripts ("FХ" with a Cyrillic Х) is read as Latin."""
    if LATIN.search(token) and CYRILLIC.search(token):
        return token.translate(CYR_TO_LAT_LOOKALIKE)
    return token


# A letter grade written with a sign ("B+", "С-" with a Cyrillic С) is one token "b+",
# whatever script the letter was typed in.
GRADE = re.compile(r"(?<!\w)([ABCDАВСД])([+-])(?![\w+-])")
# A bare grade ("А", "FХ") in either script, alone or with a Kazakh case ending, which is
# dropped ("А-дан", "«А»-дан", "FX-ті"). Alone, it is a grade when no word follows it («А»,
# "А, А-", "А 4,0"); a capital А/В/С before a word is a grade in Kazakh, and elsewhere only
# inside a sentence, since "А также", "В случае", "С учётом" begin Russian sentences.
BARE_GRADE = re.compile(
    r"(?<![\w+-])(F[XХ]|[ABCDАВС])(?:([»\"]?-[а-яәғқңөұүһі]{1,5})(?![\w-])|(?![\w+-]))"
)
GRADE_LETTERS = str.maketrans("АВСДХ", "ABCDX")
WORD_FOLLOWS = re.compile(r"\s*[^\W\d_]")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[\s«\"'(–—-]*$")


def _grade(letter: str, sign: str = "") -> str:
    return f" {GRADE_MARK}{letter.translate(GRADE_LETTERS).lower()}{sign} "


def _bare_grade(match: re.Match, lang: str | None) -> str:
    letter, text = match.group(1), match.string
    if match.group(2) is None and WORD_FOLLOWS.match(text, match.end()):
        if not CYRILLIC.match(letter):
            return match.group(0)  # a Latin letter tokenises the same either way
        if lang != "kk" and SENTENCE_START.search(text, 0, match.start()):
            return match.group(0)
    return _grade(letter)


def tokens(text: str, lang: str | None = None) -> list[str]:
    """Folded tokens; `lang` (the analyzer's language) decides the one-letter words."""
    text = GRADE.sub(lambda m: _grade(m.group(1), m.group(2)), text)
    text = BARE_GRADE.sub(lambda m: _bare_grade(m, lang), text)
    found = [fold_lookalikes(t) for t in TOKEN.findall(fold(text))]
    return [t.removeprefix(GRADE_MARK) for t in found]


def latin_kazakh_to_cyrillic(text: str) -> str:
    """Transliterate Kazakh typed in Latin letters; abbreviations like FX or GPA stay."""

    def convert(word: str) -> str:
        if word.isupper() and len(word) <= 5:
            return word
        lower = word.lower()
        return _LATIN_KK_RE.sub(lambda m: _LATIN_KK_MAP[m.group(0)], lower)

    return re.sub(r"[A-Za-z\u00c0-\u024f]+", lambda m: convert(m.group(0)), text)


def script_share(text: str) -> tuple[int, int, int]:
    """(Kazakh-only letters, other Cyrillic letters, Latin letters) in `text`."""
    kk = sum(ch in KAZAKH_ONLY_LETTERS for ch in text.lower())
    cyr = len(CYRILLIC.findall(text)) - kk
    lat = len(LATIN.findall(text))
    return kk, cyr, lat
