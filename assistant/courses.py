"""Course lists in a message: "A- in a 5-credit course, B in a 4-credit course ...",
"92 балла за предмет на 5 кредитов", "Математика 5 кр. — B".

A course is one stretch of text holding exactly one credit count and exactly one grade
(a letter or a score). The whole list is accepted only when every credit count in the
message found its course: a GPA over three of four courses is a wrong number, so a list
that cannot be read completely is not read at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import patterns as p
from assistant.extract import Letter, Message, Num, letters

CREDITS = re.compile(
    rf"(?<![\w.,/])(\d+)\s*-?\s*(?:x\s*)?{p.CREDIT_WORD}"
    rf"|{p.CREDIT_WORD}\s*[:=]\s*(\d+)(?![\d.,])",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\n|;|•|(?<!\d),|,(?!\d)|\s(?:and|also|plus|и|а также|және|да|тағы)\s", re.IGNORECASE
)
_CONJUNCTION = re.compile(r"\s\w+(?: \w+)?\s", re.IGNORECASE)
_EDGE_WORDS = set(
    """i i've got get have received scored earned a an the in for on at with course courses
    subject subjects module my and also plus grade grades score scores of from this that semester
    term credit credits cr was is were it получил получила по за на в с и а также предмет предмету
    предмета дисциплина дисциплине дисциплину оценка оценку оценки балл балла баллов курс курсу
    кредит кредита кредитов кр мой моя мои этот этом семестре пән пәні пәннен пәнге пәнінен
    алдым және бойынша бұл семестрде кредиттік баға бағасы""".split()
)


@dataclass(frozen=True)
class Course:
    credits: Num
    letter: str | None
    score: Num | None
    name: str | None


def credit_counts(msg: Message) -> list[Num]:
    """Every "N credits" in the message, as numbers of Message.nums."""
    found = []
    for m in CREDITS.finditer(msg.masked):
        start = m.start(1) if m.group(1) else m.start(2)
        num = msg.next_num(start)
        if num is not None and num.start == start:
            found.append(num)
    return found


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, joined_by_conjunction) stretches of the message between list separators."""
    spans, last, glued = [], 0, False
    for m in _SPLIT.finditer(text):
        spans.append((last, m.start(), glued))
        glued = bool(_CONJUNCTION.fullmatch(m.group(0))) and m.group(0) not in ("\n", ";")
        last = m.end()
    spans.append((last, len(text), glued))
    return spans


def _name(msg: Message, start: int, end: int, skip: list[tuple[int, int]]) -> str | None:
    """The course name: the words before the credit count ("Математика 5 кр. — B"), else
    those between the grade and the credits ("A in Calculus (5 credits)")."""
    first = min(a for a, _ in skip)
    name = _words(msg.text[start:first], last=True)
    if name is None:
        cut = min((b for a, b in skip if a == first), default=first)
        credit_start = skip[0][0]
        name = _words(msg.text[cut:credit_start], last=False) if credit_start > cut else None
    return name


def _words(text: str, *, last: bool) -> str | None:
    parts = re.split(r":|\.\s", text)
    text = parts[-1] if last else parts[0]
    words = re.findall(r"[^\W\d_][\w'’+#-]*", text)
    while words and words[0].lower() in _EDGE_WORDS:
        words.pop(0)
    while words and words[-1].lower() in _EDGE_WORDS:
        words.pop()
    name = " ".join(words)
    return name if name and len(name) <= 120 else None


def read_courses(msg: Message) -> list[Course]:
    """The course list, complete, or [] when any credit count is left without its course."""
    counts = credit_counts(msg)
    if not counts:
        return []
    grade_letters = letters(msg)
    courses: list[Course] = []
    spans = _segments(msg.text)
    merged: list[tuple[int, int]] = []
    for start, end, glued in spans:
        if glued and merged and not _holds_course(msg, *merged[-1], counts, grade_letters):
            merged[-1] = (merged[-1][0], end)  # "Теория вероятностей и ..." is one name
        elif merged and _halves(msg, merged[-1], (start, end), counts, grade_letters):
            merged[-1] = (merged[-1][0], end)  # "A in Calculus, 5 credits"
        else:
            merged.append((start, end))
    for start, end in merged:
        course = _course(msg, start, end, counts, grade_letters)
        if course is not None:
            courses.append(course)
    if len(courses) != len(counts):
        return []
    return courses


def _halves(
    msg: Message,
    left: tuple[int, int],
    right: tuple[int, int],
    counts: list[Num],
    grade_letters: list[Letter],
) -> bool:
    """One side holds only a credit count, the other only a letter grade."""

    def has(span: tuple[int, int]) -> tuple[bool, bool]:
        credit = any(span[0] <= n.start < span[1] for n in counts)
        grade = any(span[0] <= g.start < span[1] for g in grade_letters)
        return credit, grade

    return {has(left), has(right)} == {(True, False), (False, True)}


def _holds_course(
    msg: Message, start: int, end: int, counts: list[Num], grade_letters: list[Letter]
) -> bool:
    return any(start <= n.start < end for n in counts) or any(
        start <= g.start < end for g in grade_letters
    )


def _course(
    msg: Message, start: int, end: int, counts: list[Num], grade_letters: list[Letter]
) -> Course | None:
    credits = [n for n in counts if start <= n.start < end]
    if len(credits) != 1:
        return None
    credit = credits[0]
    unit = CREDITS.search(msg.masked, credit.start)
    unit_span = (credit.start, unit.end() if unit else credit.end)
    grades = [g for g in grade_letters if start <= g.start < end]
    scores = [n for n in msg.nums_in(start, end) if n != credit]
    if any(not 0 <= n.value <= 100 for n in scores):
        return None
    if len(grades) > 1 or len(scores) > 1 or not (grades or scores):
        return None
    letter = grades[0].value if grades else None
    score = scores[0] if scores else None
    skip = [unit_span] + [(g.start, g.end) for g in grades] + [(n.start, n.end) for n in scores]
    return Course(credit, letter, score, _name(msg, start, end, skip))


def as_arguments(courses: list[Course], *, named: bool, lang: str) -> list[dict]:
    """The tool's `courses` argument; unnamed courses get "Course 1" in the user's language."""
    word = {"kk": "Пән", "ru": "Дисциплина", "en": "Course"}.get(lang, "Course")
    items = []
    for i, course in enumerate(courses, 1):
        item: dict = {"credits": course.credits.value}
        if named:
            item = {"name": course.name or f"{word} {i}", **item}
        if course.letter is not None:
            item["letter"] = course.letter
        if course.score is not None:
            item["score"] = course.score.value
        items.append(item)
    return items
