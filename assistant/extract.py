"""Reading values out of a chat message: numbers, letter grades, CEFR levels, years, lists.

These are the primitives the per-tool argument readers (assistant/read_grades.py,
assistant/read_admission.py) are built from. The rule throughout: a value is taken only
where the message says which argument it is (a label next to it, a unit after it, a fixed
phrase), never by guessing from position, because a wrong number fed to a tool looks
exactly as authoritative as a right one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from assistant import patterns as p

MASK = "¤"  # replaces masked spans; not a digit, not a word character, not a space

_DASHES = str.maketrans({d: "-" for d in "‐‑‒–—−"} | {"\u00a0": " ", "\u202f": " ", "\t": " "})
_CLAUSE_REFS = re.compile(
    r"(?:§|п\.|пп\.|пункт\w*|clause|section|раздел\w*|тармақ\w*|бөлім\w*|глава|chapter|"
    r"article|статья\w*|table|таблиц\w*|кесте\w*)\s*\d+(?:\.\d+)*"
    r"|(?<![\d.])\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|(?<![\w])\d+-[A-ZА-Я]-\d+"
    r"|(?:№|\bNo\.?)\s*\d+(?:[-/]\w+)?"
    r"|\b\d{1,2}:\d{2}\b"
    r"|(?<![\d.,])\d+(?:[.,]\d+)?\s*%",
    re.IGNORECASE,
)
_MONEY = re.compile(
    rf"(?<![\w.,/])(\d{{1,3}}(?:[ .,]\d{{3}})+|\d+)(?:[.,]\d{{1,2}})?\s*{p.CURRENCY}"
    rf"|{p.PRICE_WORD}\s*(?:of\s+|is\s+|at\s+|-\s*|:\s*|=\s*)?(\d{{1,3}}(?: \d{{3}})+|\d{{4,}})"
    rf"|(?<![\w.,/])(\d{{1,3}}(?: \d{{3}})+|\d{{3,}})(?=\s*(?:per\s+credit|a\s+credit|"
    rf"за\s+(?:1\s+|один\s+)?кредит|бір\s+кредит))",
    re.IGNORECASE,
)
_COMMA_LIST = re.compile(r"(?<![\w.,/])\d{1,3}(?:,\d{1,3}){2,}(?!\d)(?![.,]\d)")
_NUMBER = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)?(?!\d)(?![.,]\d)")
_GAP = re.compile(r"[^\d\n;?!,]*")
_SENTENCE_END = re.compile(r"[.!?]\s")
_LIST_SEP = re.compile(r"\s*(?:,|;|/|\band\b|\bи\b|\bжәне\b|&)?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Num:
    """A number in the message and where it stands (offsets into Message.text)."""

    value: int | float
    start: int
    end: int


@dataclass(frozen=True)
class Letter:
    """A Table 1 letter grade in the message, written back in Latin ("B+", "FX")."""

    value: str
    start: int
    end: int


def normalize(text: str) -> str:
    """NFC, one kind of dash and space, no control or zero-width characters, ё as е."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES).replace("\r\n", "\n")
    text = "".join(
        ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )
    return re.sub(r"[ ]{2,}", " ", text.replace("ё", "е").replace("Ё", "Е")).strip()


def to_number(digits: str) -> int | float:
    """ "94,5" -> 94.5, "72" -> 72: decimal comma or point."""
    digits = digits.replace(",", ".")
    return float(digits) if "." in digits else int(digits)


@dataclass
class Message:
    """A message prepared once for all readers: normalised text, masked copy, numbers."""

    text: str
    masked: str = ""
    nums: list[Num] = field(default_factory=list)
    money: list[Num] = field(default_factory=list)

    @classmethod
    def of(cls, raw: str) -> Message:
        text = normalize(raw)
        masked = text
        money = []
        for m in _MONEY.finditer(text):
            group = next(i for i in (1, 2, 3) if m.group(i))
            digits, start = m.group(group), m.start(group)
            value = int(re.sub(r"[ .,]", "", digits))
            money.append(Num(value, start, m.end()))
            masked = masked[:start] + MASK * (m.end() - start) + masked[m.end() :]
        masked = _CLAUSE_REFS.sub(lambda m: MASK * len(m.group(0)), masked)
        nums = []
        scan = masked
        for m in _COMMA_LIST.finditer(masked):
            pos = m.start()
            for part in m.group(0).split(","):
                nums.append(Num(int(part), pos, pos + len(part)))
                pos += len(part) + 1
            scan = scan[: m.start()] + MASK * len(m.group(0)) + scan[m.end() :]
        nums += [Num(to_number(m.group(0)), m.start(), m.end()) for m in _NUMBER.finditer(scan)]
        nums.sort(key=lambda n: n.start)
        return cls(text, masked, nums, money)

    def search(self, pattern: str | re.Pattern[str]) -> re.Match[str] | None:
        return _compiled(pattern).search(self.masked)

    def has(self, pattern: str | re.Pattern[str]) -> bool:
        return self.search(pattern) is not None

    def finditer(self, pattern: str | re.Pattern[str]) -> Iterable[re.Match[str]]:
        return _compiled(pattern).finditer(self.masked)

    def next_num(self, pos: int) -> Num | None:
        return next((n for n in self.nums if n.start >= pos), None)

    def prev_num(self, pos: int) -> Num | None:
        return next((n for n in reversed(self.nums) if n.end <= pos), None)

    def nums_in(self, start: int, end: int) -> list[Num]:
        return [n for n in self.nums if n.start >= start and n.end <= end]


def _compiled(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    if isinstance(pattern, re.Pattern):
        return pattern
    return _compile_text(pattern)


@lru_cache(maxsize=1024)
def _compile_text(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_CONJUNCTIONS = re.compile(r"\b(?:and|or|but|и|или|а|но|және|бірақ)\b", re.IGNORECASE)


def close_gap(text: str, limit: int) -> bool:
    """True when `text` may stand between a label and its value: short, no digit, no stop,
    no "and" ("80 on R1 and 70 on R2": 70 is not R1's)."""
    return (
        len(text) <= limit
        and _GAP.fullmatch(text) is not None
        and not _SENTENCE_END.search(text)
        and not _CONJUNCTIONS.search(text)
    )


BEFORE_LINK = re.compile(
    r"\s*(?:/\s*\d+\s*)?(?:(?:points?|pts|балл\w*|ұпай\w*)\s*)?"
    r"(?:(?:on|in|for|at|from|за|на|по|в|из)\s+(?:the\s+|my\s+|an?\s+|мой\s+|моем\s+)?"
    r"(?:[^\W\d_]+[\s-]+){0,2})?",
    re.IGNORECASE,
)


class Picker:
    """Candidate (argument, number) pairs from labels; each number and argument used once.

    A label directly before its number ("R1 = 80", "за экзамен 45") ranks above one after
    it ("65 on the exam"); shorter gaps rank above longer ones. Resolving greedily by rank
    keeps "R2 70 exam 65" from reading 70 as the exam.
    """

    def __init__(self, msg: Message) -> None:
        self.msg = msg
        self.candidates: list[tuple[float, int, str, Num]] = []
        self.labels: list[tuple[int, int]] = []

    def exclude(self, label: str) -> None:
        """Numbers inside `label` ("2" of "2-рейтинг") are never values."""
        self.labels += [(m.start(), m.end()) for m in self.msg.finditer(label)]

    def forget(self, nums: list[Num]) -> None:
        """Drop candidates that another reading (a list of scores) has taken."""
        taken = {n.start for n in nums}
        self.candidates = [c for c in self.candidates if c[3].start not in taken]

    def add(self, name: str, num: Num, rank: float) -> None:
        self.candidates.append((rank, len(self.candidates), name, num))

    def after(self, name: str, label: str, *, gap: int = 14, rank: float = 0.0) -> None:
        for m in self.msg.finditer(label):
            num = self.msg.next_num(m.end())
            if num is not None and close_gap(self.msg.masked[m.end() : num.start], gap):
                self.add(name, num, rank + num.start - m.end())

    def before(self, name: str, label: str, *, rank: float = 8.0) -> None:
        for m in self.msg.finditer(label):
            num = self.msg.prev_num(m.start())
            if num is None:
                continue
            between = self.msg.masked[num.end : m.start()]
            if BEFORE_LINK.fullmatch(between) and "\n" not in between:
                self.add(name, num, rank + len(between))

    def resolve(self) -> dict[str, Num]:
        chosen: dict[str, Num] = {}
        used: set[int] = set()
        for _rank, _order, name, num in sorted(self.candidates, key=lambda c: (c[0], c[1])):
            if any(a <= num.start < b for a, b in self.labels):
                continue
            if name not in chosen and num.start not in used:
                chosen[name] = num
                used.add(num.start)
        return chosen


def pairs_after(msg: Message, label: str, gap: int = 14) -> list[tuple[Num, Num]]:
    """Two numbers right after a plural label: "рейтинги 50 и 55", "R1/R2: 80/70"."""
    found = []
    for m in msg.finditer(label):
        first = msg.next_num(m.end())
        if first is None or not close_gap(msg.masked[m.end() : first.start], gap):
            continue
        slash = re.match(r"\s*/\s*(\d+(?:[.,]\d+)?)(?!\d)(?![.,/]\d)", msg.masked[first.end :])
        if slash and to_number(slash.group(1)) == 100:
            continue  # "80/100" is a score out of 100, not two ratings
        if slash:  # "60/70": the scanner reads "/70" as a denominator; here it is R2
            start = first.end + slash.start(1)
            found.append(
                (first, Num(to_number(slash.group(1)), start, start + len(slash.group(1))))
            )
            continue
        second = msg.next_num(first.end)
        if second is None:
            continue
        link = msg.masked[first.end : second.start]
        if re.fullmatch(r"\s*(?:,|/|&|and|и|және)\s*", link, re.IGNORECASE):
            found.append((first, second))
    return found


def list_after(msg: Message, label: str, *, gap: int = 24, most: int = 12) -> list[Num]:
    """The run of numbers after a label: "subjects 5, 6, 5, 6, 5", "пәндер: 12 6 4"."""
    for m in msg.finditer(label):
        first = msg.next_num(m.end())
        if first is not None and close_gap(msg.masked[m.end() : first.start], gap):
            return run_from(msg, first, most)
    return []


def run_from(msg: Message, first: Num, most: int = 12) -> list[Num]:
    """`first` and the numbers that follow it as one list ("12, 6, 4 and 15")."""
    run = [first]
    while len(run) <= most:
        nxt = msg.next_num(run[-1].end)
        if nxt is None or not _LIST_SEP.fullmatch(msg.masked[run[-1].end : nxt.start]):
            break
        run.append(nxt)
    return run


# ---- letters, CEFR levels, years, levels -------------------------------------------------

_LETTER = re.compile(
    r"(?<![\w+\-])(?:"
    r"([FfФф][XxХх]|[ABCDFАВС])(?=-[а-яәғқңөұүһі]{1,5}\b)"  # Kazakh case ending: "FX-ті"
    r"|([FfФф][XxХх]|[ABCDabcdАВСавс][+\-]|[ABCDFАВС])(?![\w+])(?!-\w)(?!\s?[+])"
    r")"
)
_TO_LATIN = str.maketrans("АВСавсФфХх", "ABCabcFFXX")
_ARTICLE_NEXT = re.compile(
    r" (?!(?:in|for|on|at|from|and|with|or|is)\b)[a-z]"
    r"| \d+[- ]?(?:credit|cr)\w*[- ](?:course|subject|module|class)",
    re.IGNORECASE,
)
_PREPOSITION_NEXT = re.compile(r" [а-яәғқңөұүһі]")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n])\s*$")
GRADES = ("A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "FX", "F")


def letters(msg: Message) -> list[Letter]:
    """Letter grades, skipping the English article "A" and Russian "В", "С", "А" words."""
    found = []
    for m in _LETTER.finditer(msg.text):
        raw = m.group(1) or m.group(2)
        value = raw.translate(_TO_LATIN).upper()
        if value not in GRADES:
            continue
        if len(raw) == 1 and raw in "AАВС" and _SENTENCE_START.search(msg.text[: m.start()]):
            after = msg.text[m.end() : m.end() + 30]
            if raw == "A" and _ARTICLE_NEXT.match(after):
                continue
            if raw in "АВС" and _PREPOSITION_NEXT.match(after.lower()):
                continue
        found.append(Letter(value, m.start(), m.start() + len(raw)))
    return found


_CEFR = re.compile(r"(?<![\w])([ABCАВСabcавс])-?([12])(?![\d\w])(?![.,]\d)")
_CEFR_WORDS = (
    (re.compile(r"upper[- ]intermediate|выше\s+среднего", re.IGNORECASE), "B2"),
    (re.compile(r"pre[- ]intermediate", re.IGNORECASE), "A2"),
    (re.compile(r"(?<![\w-])intermediate", re.IGNORECASE), "B1"),
    (re.compile(r"(?<![\w-])advanced", re.IGNORECASE), "C1"),
    (re.compile(r"proficiency", re.IGNORECASE), "C2"),
)


def cefr(msg: Message) -> str | None:
    """The one CEFR level the message names ("B2", Cyrillic "В2", "upper-intermediate")."""
    levels = {
        m.group(1).translate(_TO_LATIN).upper() + m.group(2) for m in _CEFR.finditer(msg.text)
    }
    levels |= {level for pattern, level in _CEFR_WORDS if pattern.search(msg.text)}
    return levels.pop() if len(levels) == 1 else None


_ORDINALS = {
    1: r"first|перв\w*|бірінші|birinshi",
    2: r"second|втор\w*|екінші|ekinshi",
    3: r"third|трет\w*|үшінші|[uú]shinshi",
    4: r"fourth|четв[её]рт\w*|төртінші|t[oó]rtinshi",
    5: r"fifth|пят\w*|бесінші|besinshi",
}
_YEAR_WORDS = {
    1: r"freshman|первокурс\w*",
    2: r"sophomore|второкурс\w*",
    3: r"третьекурс\w*",
    4: r"четверокурс\w*",
}
_YEAR_NOUN = r"(?:курс\w*|kurs\w*|year(?!s)|yr\b)"
_YEAR_DIGIT = re.compile(
    r"(?<![\w.,])([1-6])\s?-?\s?(?:й|ой|ий|ый|го|м|ом|ші|шы|інші|ыншы|shi|shy)?\s?-?\s?"
    r"(?:курс\w*|kurs\w*)"
    r"|(?<![\w.,])([1-6])\s?(?:st|nd|rd|th)[\s-]+(?:year|yr)\b",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(
    r"(?:\byear|курс|kurs)\s*(?:of\s+study\s*)?[:=#№]?\s*([1-6])(?![\d\w.,])"
    r"(?!\s*(?:кредит|credit|кр\b|kredit))",
    re.IGNORECASE,
)


def study_year(msg: Message) -> int | None:
    """The one year of study stated: "2 курс", "4-курспын", "second-year", "третьекурсник"."""
    years = {int(m.group(1) or m.group(2)) for m in _YEAR_DIGIT.finditer(msg.masked)}
    years |= {int(m.group(1)) for m in _YEAR_AFTER.finditer(msg.masked)}
    for year, words in _ORDINALS.items():
        if re.search(rf"(?<![\w])(?:{words})[\s-]+{_YEAR_NOUN}", msg.text, re.IGNORECASE):
            years.add(year)
    for year, words in _YEAR_WORDS.items():
        if re.search(rf"(?<![\w])(?:{words})", msg.text, re.IGNORECASE):
            years.add(year)
    return years.pop() if len(years) == 1 else None


_LEVELS = (
    ("doctoral", p.DOCTORAL_INTENT),
    (
        "master",
        re.compile(
            r"master'?s?\s+(?:student|programme|program)|магистрант\w*|"
            r"магистратур\w*|magistrant\w*|magistratur\w*",
            re.IGNORECASE,
        ),
    ),
    ("bachelor", re.compile(r"bachelor\w*|бакалавр\w*|undergrad\w*|bakalavr\w*", re.IGNORECASE)),
)


def study_level(msg: Message) -> str | None:
    """bachelor / master / doctoral when exactly one is named."""
    found = {level for level, pattern in _LEVELS if pattern.search(msg.text)}
    return found.pop() if len(found) == 1 else None


def negated(msg: Message, start: int, end: int, *, before: int = 30, after: int = 25) -> bool:
    """A "no / not / без / жоқ" close to msg.text[start:end], within the same clause."""
    left = re.split(r"[,;.!?\n]", msg.text[max(0, start - before) : start])[-1]
    right = re.split(r"[,;.!?\n]", msg.text[end : end + after])[0]
    return bool(
        re.search(
            r"\b(?:no|not|without|don'?t|doesn'?t|haven'?t|never|нет|не|без|ни)\b", left, re.I
        )
        or re.search(r"\b(?:жоқ|жок|joq|zhoq|емес|not)\b|^\w*(?:сыз|сіз)\b", right, re.I)
    )
