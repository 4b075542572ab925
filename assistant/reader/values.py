"""The values a message states: numbers (in digits or words), letter grades, CEFR levels.

Each value keeps its place (token indices) and the unit written after it ("5 credits",
"150 сағат", "24 000 тенге"), because where a value stands and what follows it are what
bind it to an argument. Numbers that are no value at all are marked `excluded` here: a
date, a time, a calendar year, a clause number, a room or group number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from assistant.reader.lexicon import Mention, word_form
from assistant.reader.tokens import Token, is_latin
from assistant.vocab import all_vocabularies

_DATE = re.compile(r"(?<![\d.,])\d{1,2}[./]\d{1,2}[./]\d{2,4}(?![\d])|\b\d{1,2}:\d{2}\b")
# A group or student code: "23-ВТ-2", "21-ИС-1", "ЭЭ-23-2" (digits inside are no values)
_CODE = re.compile(r"\b\d{1,4}-[^\W\d_]{1,6}-\d{1,3}\b|\b[^\W\d_]{1,6}-\d{1,4}-\d{1,3}\b")
_CLAUSE_REF = re.compile(
    r"§\s*\d+(?:\.\d+)*"
    r"|(?:п\.|пп\.|пункт\w*|clause|section|раздел\w*|тармақ\w*|бөлім\w*|глава|chapter|"
    r"article|статья\w*|table|таблиц\w*|кесте\w*)\s*(?:\d+\.\d+(?:\.\d+)*|(?:1?\d|20)(?![\d.,]))",
    re.IGNORECASE,
)  # the policy has sections 1-20: "бөлімі 25" is a test part's 25 points, not a section
_LETTER = re.compile(
    r"(?<![\w+\-])(?:"
    r"([FfФф][XxХх]|[ABCDFАВСД])(?=-[а-яәғқңөұүһіa-z]{1,5}\b)"  # Kazakh case ending: "FX-ті"
    r"|([FfФф][XxХх]|[ABCDabcdАВСДавсд][+\-]|[ABCDFАВСД])(?![\w+])(?!-\w)(?!\s?[+])"
    r")"
)
_TO_LATIN = str.maketrans("АВСДавсдФфХх", "ABCDabcdFFXX")
_ARTICLE_NEXT = re.compile(
    r" (?!(?:in|for|on|at|from|and|with|or|is|and|grade|mark)\b)[a-z]"
    r"| \d+[- ]?(?:credit|cr)\w*[- ](?:course|subject|module|class)",
    re.IGNORECASE,
)
_PREPOSITION_NEXT = re.compile(r" [а-яәғқңөұүһі]")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n])\s*$")
GRADES = ("A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D+", "D", "FX", "F")
_CEFR = re.compile(r"^([abcавсб])-?([12])$")
_LEVEL_TO_LATIN = str.maketrans("авсб", "abcb")  # "Б2": B2 as Russian speakers say it
CALENDAR_YEARS = range(1990, 2101)


@dataclass(frozen=True)
class Value:
    """A stated value: a number, a letter grade or a CEFR level, at tokens [start, end).

    `unit` names the unit phrase right after a number ("credits", "hours", "money"), and
    `unit_end` where it stops; `suffix` is a Kazakh case ending glued to it ("9-ын").
    """

    kind: str  # number | letter | cefr
    value: int | float | str
    start: int
    end: int
    unit: str | None = None
    unit_end: int | None = None
    words: bool = False

    @property
    def last(self) -> int:
        """The token index after the value and its unit."""
        return self.unit_end if self.unit_end is not None else self.end


@dataclass
class Values:
    items: list[Value] = field(default_factory=list)
    excluded: set[int] = field(default_factory=set)  # indices into items

    def numbers(self) -> list[int]:
        return [
            i for i, v in enumerate(self.items) if v.kind == "number" and i not in self.excluded
        ]


# ---- numbers in words -----------------------------------------------------------------------


@dataclass(frozen=True)
class _NumberTable:
    homonyms: frozenset[str]
    values: dict[tuple[str, str], float]
    multipliers: dict[tuple[str, str], int]
    denominators: dict[tuple[str, str], int]
    suffixes: dict[str, tuple[str, ...]]


@cache
def _table() -> _NumberTable:
    """Number words by (table, form). Kazakh ones twice: exact Cyrillic ("он" is 10 and
    "оң" is not), and loose for Latin spellings ("jetpis eki")."""
    values, multipliers, denominators, suffixes = {}, {}, {}, {}
    for lang, vocab in all_vocabularies().items():
        tables = [(lang, str.lower if lang == "kk" else lambda w, lg=lang: word_form(w, lg))]
        if lang == "kk":
            tables.append(("kk-latn", lambda w: word_form(w, "kk")))
        for key, form in tables:
            values.update({(key, form(w)): v for w, v in vocab.numbers.values.items()})
            multipliers.update({(key, form(w)): m for w, m in vocab.numbers.multipliers.items()})
            denominators.update({(key, form(w)): d for w, d in vocab.numbers.denominators.items()})
            suffixes[key] = tuple(sorted((form(s) for s in vocab.numbers.suffixes), key=len))
    homonyms = frozenset(w.lower() for v in all_vocabularies().values() for w in v.numbers.homonyms)
    return _NumberTable(homonyms, values, multipliers, denominators, suffixes)


def _word_number(token: Token, table: _NumberTable, kazakh: str) -> tuple[str, float] | None:
    """("value" | "multiplier" | "denominator", number) of a number word, or None.

    `kazakh` says where Kazakh number words are read: "" nowhere, "cyrillic" in Cyrillic
    words only, "letters" too but also the homonyms (a message with Kazakh letters), "all"
    also in Latin ones; so the English "on" is never the Kazakh "он" (10), nor the Russian
    "он" (he) in a Russian message.
    """
    if token.kind != "word":
        return None
    latin = is_latin(token.text)  # "toğyz", "myñ": Kazakh Latin letters too
    # Russian number words in Cyrillic only: typed in Latin letters they are English words
    # ("this sem" is a semester, not семь)
    keys = [("en", token.low)] if latin else [("en", token.low), ("ru", token.ru)]
    homonym = token.low in table.homonyms and kazakh not in ("letters", "all")
    if (kazakh == "all" or (kazakh in ("cyrillic", "letters") and not latin)) and not homonym:
        keys.append(("kk-latn", token.loose) if latin else ("kk", token.low))
    for key, form in keys:
        for kind, table_of in (
            ("value", table.values),
            ("multiplier", table.multipliers),
            ("denominator", table.denominators),
        ):
            if (key, form) in table_of:
                return kind, table_of[(key, form)]
        if key.startswith("kk"):  # a case ending on a Kazakh number word: "екіні", "елуден"
            for suffix in table.suffixes.get(key, ()):
                stem = form[: -len(suffix)] if suffix and form.endswith(suffix) else None
                if stem and (key, stem) in table.values:
                    return "value", table.values[(key, stem)]
    return None


def _to_number(digits: str) -> int | float:
    digits = digits.replace(",", ".")
    return float(digits) if "." in digits else int(digits)


def read_numbers(tokens: list[Token], mentions: list[Mention], kazakh: str) -> list[Value]:
    """Numbers in digits ("72", "94,5", "24 000") and in words ("seventy-two", "жетпіс екі")."""
    table = _table()
    halves = {m.start: m.end for m in mentions if m.kind == "half"}
    points = {m.start: m.end for m in mentions if m.kind == "decimal_point"}
    found: list[Value] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "num":
            value, end = _to_number(token.text), i + 1
            value, end = _thousands(tokens, i, value, end, table, kazakh)
            found.append(Value("number", value, i, end))
            i = end
            continue
        parsed = _words_number(tokens, i, table, kazakh, points)
        if parsed is None:
            i += 1
            continue
        value, end = parsed
        if end in halves:
            value, end = value + 0.5, halves[end]
        found.append(Value("number", _plain(value), i, end, words=True))
        i = end
    return found


def _thousands(tokens, i, value, end, table, kazakh):
    """ "24 000", "24,000 тенге", "18 мың": one number, not two."""
    text = tokens[i].text
    if re.fullmatch(r"\d{1,3}[,.]\d{3}", text):
        value = int(text.replace(",", "").replace(".", ""))  # a grade never has 3 decimals
    while (
        end < len(tokens)
        and tokens[end].kind == "num"
        and re.fullmatch(r"\d{3}", tokens[end].text)
        and isinstance(value, int)
        and value < 1000
        and tokens[end].start - tokens[end - 1].end == 1
    ):
        value, end = value * 1000 + int(tokens[end].text), end + 1
    if end < len(tokens):
        word = _word_number(tokens[end], table, kazakh)
        # "18 мың", "21к"; a one-letter multiplier only written onto the number ("к экзамену")
        letter = len(tokens[end].text) == 1 and not tokens[end].attached
        if word and word[0] == "multiplier" and word[1] >= 1000 and not letter:
            value, end = _plain(value * word[1]), end + 1
    return value, end


def _words_number(tokens, i, table, kazakh, points) -> tuple[float, int] | None:
    total, current, end, seen = 0.0, 0.0, i, False
    while end < len(tokens):
        word = _word_number(tokens[end], table, kazakh)
        if word is None:
            if seen and tokens[end].low in ("and", "-") and end + 1 < len(tokens):
                nxt = _word_number(tokens[end + 1], table, kazakh)
                if nxt and nxt[0] == "value":
                    end += 1
                    continue
            break
        kind, number = word
        if kind == "denominator":
            break
        if kind == "multiplier":
            if number >= 1000:
                total += (current or 1) * number
                current = 0
            else:
                current = (current or 1) * number
        else:
            current += number
        seen, end = True, end + 1
    if not seen:
        return None
    whole = total + current
    if end in points:  # "three point one", "үш бүтін оннан бір"
        fraction = _fraction(tokens, points[end], table, kazakh)
        if fraction is not None:
            return whole + fraction[0], fraction[1]
    return whole, end


def _fraction(tokens, i, table, kazakh) -> tuple[float, int] | None:
    """The part after a decimal point word: "оннан бір" (kk), "одна десятая" (ru), "five" (en)."""
    if i >= len(tokens):
        return None
    first = _word_number(tokens[i], table, kazakh)
    if first and first[0] == "denominator":
        parsed = _words_number(tokens, i + 1, table, kazakh, {})
        return (parsed[0] / first[1], parsed[1]) if parsed else None
    parsed = _words_number(tokens, i, table, kazakh, {})
    if parsed is None:
        return None
    number, end = parsed
    after = _word_number(tokens[end], table, kazakh) if end < len(tokens) else None
    if after and after[0] == "denominator":
        return number / after[1], end + 1
    digits = str(int(number))
    return number / 10 ** len(digits), end


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


# ---- letters and levels ------------------------------------------------------------------


def read_letters(text: str, tokens: list[Token]) -> list[Value]:
    """Letter grades ("B+", Cyrillic "С-", "FX-ті"), skipping the article "A" and Russian "В"."""
    found = []
    for m in _LETTER.finditer(text):
        raw = m.group(1) or m.group(2)
        value = raw.translate(_TO_LATIN).upper()
        if value not in GRADES:
            continue
        if len(raw) == 1 and raw in "AАВСаввс" and _SENTENCE_START.search(text[: m.start()]):
            after = text[m.end() : m.end() + 30]
            if raw == "A" and _ARTICLE_NEXT.match(after):
                continue
            if raw in "АВС" and _PREPOSITION_NEXT.match(after.lower()):
                continue
        if raw in ("а", "в", "с", "д", "a"):
            continue  # lower-case single letters are words ("а если", "в", "с", "a")
        span = _token_span(tokens, m.start(), m.start() + len(raw))
        if span is not None:
            found.append(Value("letter", value, *span))
    return found


def read_levels(tokens: list[Token]) -> list[Value]:
    """CEFR levels written as codes: "B2", Cyrillic "В2" or "Б2", "c1"."""
    found = []
    for i, token in enumerate(tokens):
        m = _CEFR.match(token.low) if token.kind == "code" else None
        if m:
            level = m.group(1).translate(_LEVEL_TO_LATIN).upper() + m.group(2)
            found.append(Value("cefr", level, i, i + 1))
    return found


def _token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(tokens) if t.start >= start and t.end <= end + 1]
    inside = [i for i in inside if tokens[i].start < end]
    return (inside[0], inside[-1] + 1) if inside else None


# ---- units and numbers that are no values --------------------------------------------------


# between a label and its one value: "R2 - 47" (a colon may open a list: "оқимын: 5, 5 және 6")
LINKS = frozenset("-–—=")


def join_durations(
    values: list[Value], mentions: list[Mention], tokens: list[Token]
) -> list[Value]:
    """ "2 years and 3 months", "1 год 2 месяца", "1 жыл 4 ай": one duration, in months
    (the years alone would understate it)."""
    joiners = {m.start: m.end for m in mentions if m.kind == "sep"}
    out: list[Value] = []
    for value in values:
        before = out[-1] if out else None
        if (
            before is not None
            and before.unit == "years"
            and value.unit == "months"
            and before.unit_end is not None
            and value.start
            in (before.unit_end, joiners.get(before.unit_end), _comma(tokens, before))
        ):
            months = before.value * 12 + value.value  # type: ignore[operator]
            out[-1] = replace(
                before,
                value=months,
                end=value.end,
                unit="months",
                unit_end=value.unit_end,
                words=before.words or value.words,
            )
            continue
        year = _bare_year(value, out, mentions, joiners, tokens)
        if year is not None:  # "год и два месяца", "a year and 3 months": 12 months more
            value = replace(value, value=12 + value.value, start=year.start)  # type: ignore[operator]
        out.append(value)
    return out


def _bare_year(value, out, mentions, joiners, tokens) -> Mention | None:
    """The unit "year" said alone (one year) right before a number of months."""
    if value.unit != "months" or not isinstance(value.value, int | float):
        return None
    for m in mentions:
        if m.kind != "unit" or m.meaning[1] not in ("years", "study_year"):
            continue
        comma = m.end + 1 if m.end < len(tokens) and tokens[m.end].text == "," else None
        numbered = any(v.end == m.start or v.unit_end == m.end for v in out)
        if not numbered and value.start in (joiners.get(m.end), comma):
            return m
    return None


def _comma(tokens: list[Token], value: Value) -> int | None:
    """The token after a comma right after the value's unit, if there is one."""
    end = value.last
    return end + 1 if end < len(tokens) and tokens[end].text == "," else None


def attach_units(values: list[Value], mentions: list[Mention], tokens: list[Token]) -> list[Value]:
    """The unit phrase right after each number ("5 credits", "5-кредиттік", "150 ак. часов");
    a number listed before another shares its unit ("5 және 4 кредит", "120 or 150 hours")."""
    units: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "unit":
            units.setdefault(m.start, []).append(m)
    joiners = {m.start: m.end for m in mentions if m.kind in ("sep", "alt")}
    # "R2 73, 6 пар": a number right after its own label is not part of a unit list
    labelled = {m.end for m in mentions if m.kind in ("arg", "group")}
    labelled |= {end + 1 for end in labelled if end < len(tokens) and tokens[end].text in LINKS}
    out = []
    for value in values:
        end = value.end
        nxt = tokens[end] if end < len(tokens) else None
        # a case or ordinal ending ("100-ден", "9-ын", "3-го", "2nd"), not a unit ("5кр")
        if nxt is not None and _glued_ending(nxt) and (_ending(nxt) or end not in units):
            end += 1
        # a unit phrase may begin with the ending ("3-го года": a year of study)
        here = [m for m in units.get(value.end, []) if m.end > end] or units.get(end, [])
        if not here and end < len(tokens) and tokens[end].text in ("-", "x", "х"):
            # "5-кредит", "5 х кредит"; a dash with spaces both sides parts two things
            # ("UNT total 68 - subjects 12, 15 …")
            dash = tokens[end]
            spaced = dash.start > tokens[end - 1].end and (
                end + 1 < len(tokens) and tokens[end + 1].start > dash.end
            )
            if not (spaced and dash.text == "-"):
                here = units.get(end + 1, [])
        if value.kind == "number" and here:
            # the longest unit phrase; of two as long, a scale ("4 балльной": a 4-point scale)
            best = max(here, key=lambda m: (m.end - m.start, m.meaning[1] == "scale"))
            value = replace(value, unit=best.meaning[1], unit_end=best.end)
        out.append(value)
    for n in range(len(out) - 2, -1, -1):
        value, after = out[n], out[n + 1]
        if value.kind != "number" or value.unit or after.kind != "number" or not after.unit:
            continue
        comma = (
            value.end < len(tokens)
            and tokens[value.end].text == ","
            and value.end + 1 == after.start
            and value.start not in labelled
            and not any(v.unit_end == value.start for v in out)  # "5 credits 91, 3 credits"
            # "81 and 64, 5 classes": "and" closed the list before the comma
            and not any(joiners.get(v.end) == value.start for v in out)
        )
        if joiners.get(value.end) == after.start or comma:  # "5, 5 және 6 кредит", "120 or 150 h"
            out[n] = replace(value, unit=after.unit)
    # "50 минут па әлде 45?", "50 minutes or 45": an alternative after a unit shares it
    alternatives = {m.start: m.end for m in mentions if m.kind == "alt"}
    for n in range(len(out) - 1):
        value, after = out[n], out[n + 1]
        if value.kind != "number" or not value.unit or after.kind != "number" or after.unit:
            continue
        start = value.unit_end or value.end
        while start < after.start and tokens[start].text in (",", "?"):
            start += 1
        if alternatives.get(start) == after.start:
            out[n + 1] = replace(after, unit=value.unit)
    return out


@cache
def _endings() -> frozenset[str]:
    """Endings glued to a number: Kazakh cases, ordinal suffixes ("2nd", "3-го", "1-ші")."""
    out = set()
    for vocab in all_vocabularies().values():
        for ending in (*vocab.numbers.suffixes, *vocab.part_suffixes, *vocab.numbers.ordinal):
            out |= {ending.lower(), word_form(ending, "kk")}
    return frozenset(out)


def _glued_ending(token: Token) -> bool:
    """A case or ordinal ending written onto a number ("305-й", "2-ші", "3rd")."""
    return token.attached and token.kind == "word" and (_ending(token) or len(token.text) <= 3)


def _ending(token: Token) -> bool:
    return token.kind == "word" and (token.low in _endings() or token.loose in _endings())


# Numbers inside these phrases are part of the phrase ("по 4-балльной шкале" aside). A
# number inside an argument's label ("рейтинг 1", "1 кредит стоит") is excluded by the
# binder of the tool whose label it is: for another tool it may be a value.
LABELS = frozenset({"group", "flag", "value", "intent", "near"})
DURATIONS = frozenset({"years", "months", "weeks", "days"})


def excluded_numbers(
    text: str, tokens: list[Token], values: list[Value], mentions: list[Mention]
) -> set[int]:
    """Indices of number values that state no argument: dates, times, calendar years, clause
    numbers, room and group numbers, phone-like digit runs, and numbers that are part of a
    label ("рейтинг 1", "more than 20 minutes late") or said to be wrong ("6 емес, 16")."""
    masked = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    masked += [(m.start(), m.end()) for m in _CLAUSE_REF.finditer(text)]
    masked += [(m.start(), m.end()) for m in _CODE.finditer(text)]
    # a number next to an irrelevant word ("room 305", "214-аудитория"); a phrase with a "#"
    # ("# семестрде") names its own number, not the one after it ("2 семестрде 5 кредит")
    words = [m for m in mentions if m.kind == "irrelevant" and not m.holes]
    irrelevant_ends = {m.end for m in words}
    irrelevant_starts = {m.start for m in words}
    label_starts = {m.start for m in mentions if m.kind in ("arg", "group")}
    in_labels = {
        k
        for m in mentions
        if m.kind in LABELS or m.kind == "irrelevant"
        for k in range(m.start, m.end)
        if k not in m.holes or m.kind == "irrelevant"
    }
    out = set()
    for i, value in enumerate(values):
        if value.kind != "number":
            continue
        first = tokens[value.start]
        inside = any(a <= first.start < b for a, b in masked)
        calendar = (
            isinstance(value.value, int)
            and value.value in CALENDAR_YEARS
            and not value.words
            and value.unit not in ("money", "hours", "credits")
        )
        long_digits = first.kind == "num" and len(first.text) > 7 and value.unit != "money"
        labelled = any(k in in_labels for k in range(value.start, value.end))
        near_irrelevant = value.start in irrelevant_ends or value.end in irrelevant_starts
        if value.end < len(tokens) and _glued_ending(tokens[value.end]):
            near_irrelevant |= value.end + 1 in irrelevant_starts  # "305-й аудитории"
        # "бір кредит", "one credit": an article (a rule per unit); "one year" of work: a value
        lone_one = value.words and value.value == 1 and value.unit not in DURATIONS
        # "the two ratings", "екі рейтинг": a small number word before a label counts things
        counted = (
            value.words and value.unit is None and value.value <= 10 and value.end in label_starts
        )
        if inside or calendar or long_digits or labelled or near_irrelevant or lone_one or counted:
            out.add(i)
        elif _range_end(tokens, value) or (i > 0 and _range_end(tokens, values[i - 1])):
            out.add(i)  # "2-3 minutes": a range states no one value
        elif _split(tokens, values, i) or (i > 0 and _split(tokens, values, i - 1)):
            out.add(i)  # "weighted 60/40": a split of 100, not two values
    return out | negated_numbers(tokens, values, mentions)


def _split(tokens: list[Token], values: list[Value], i: int) -> bool:
    """Values i and i+1 are written "60/40", and their parts make a whole 100."""
    if i + 1 >= len(values) or values[i].kind != "number" or values[i + 1].kind != "number":
        return False
    a, b = values[i], values[i + 1]
    slash = a.end < len(tokens) and tokens[a.end].text == "/" and b.start == a.end + 1
    glued = slash and tokens[a.end].start == tokens[a.end - 1].end
    parts = isinstance(a.value, int) and isinstance(b.value, int) and 0 < b.value < 100
    return glued and parts and a.value + b.value == 100 and a.value != b.value


def _range_end(tokens: list[Token], value: Value) -> bool:
    """The value is the first of a range "2-3": a number glued by a hyphen to the next."""
    if value.kind != "number" or value.end >= len(tokens):
        return False
    nxt, last = tokens[value.end], tokens[value.end - 1]
    return nxt.kind == "num" and nxt.attached and nxt.start == last.end + 1


def negated_numbers(tokens: list[Token], values: list[Value], mentions: list[Mention]) -> set[int]:
    """Numbers said to be wrong: "not 20", "а не 10", "6 емес, 16 екен". A negative verb
    that names what was counted says nothing against its number: "10 сабаққа бармадым"
    ("I did not attend 10 classes") is 10 missed."""
    labels = {m.start for m in mentions if m.kind == "arg"}
    before = {m.end for m in mentions if m.kind == "neg_before"}
    after = {m.start for m in mentions if m.kind == "neg_after" and m.start not in labels}
    out = set()
    for i, value in enumerate(values):
        if value.kind != "number":
            continue
        end = value.last
        if value.start in before or end in after or (value.end in after and value.unit is None):
            out.add(i)
    return out


CORRECTING = frozenset({"correction", "no", "neg_after", "neg_before"})


def apply_corrections(
    tokens: list[Token], values: list[Value], mentions: list[Mention]
) -> tuple[list[Value], set[int]]:
    """ "exam 60, sorry, 65", "40... жоқ, кешіріңіз, 45": the writer corrects the number just
    written (nothing but the correction and punctuation lies between the two). The new
    number takes the old one's place, next to its label; the indices of the numbers that
    moved are returned to be left unbound where they were written."""
    out, moved = list(values), set()
    for i in range(len(values) - 1):
        old, new = out[i], values[i + 1]
        if old.kind != "number" or new.kind != "number":
            continue
        start, stop = old.unit_end or old.end, new.start  # after its unit: "4 classes, sorry, 5"
        cues = [m for m in mentions if m.kind in CORRECTING and start <= m.start and m.end <= stop]
        if not any(m.kind in ("correction", "no") for m in cues):
            continue
        if any(m.kind == "neg_before" and m.end == new.start for m in cues):
            continue  # "Р2 был 86, не 88,5": the second is the wrong one
        covered = {k for m in cues for k in range(m.start, m.end)}
        if all(k in covered or tokens[k].kind == "punct" for k in range(start, stop)):
            # a unit said with either number; one shared along a list ("3.2, ой, 3.4, 2 курс")
            # came with the list the correction broke
            direct = [v for v in (old, new) if v.unit and v.unit_end is not None]
            unit, unit_end = (direct[0].unit, direct[0].unit_end) if direct else (None, None)
            out[i] = replace(old, value=new.value, words=new.words, unit=unit, unit_end=unit_end)
            moved.add(i + 1)
    return out, moved
