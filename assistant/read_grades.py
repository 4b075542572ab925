"""Argument readers for the grade and exam tools (§8, §9, §10, §12).

Each reader takes a prepared Message and returns a Reading with only the arguments the
message states; the tool's defaults fill the rest.
"""

from __future__ import annotations

import re

from assistant import patterns as p
from assistant.courses import as_arguments, credit_counts, read_courses
from assistant.extract import Message, Picker, letters, study_level, study_year
from assistant.read_labels import (
    COURSEWORK,
    DOCUMENTED,
    FINAL_ATTESTATION,
    KZ_HISTORY,
    LATE,
    MISSED_AFTER,
    MISSED_BEFORE,
    NOT_SUBMITTED,
    RECEIVED_AFTER,
    RECEIVED_BEFORE,
    REQUIRED,
    SUBMITTED,
    TWENTY_MINUTES,
    VALID_REASON,
    fx_count,
)
from assistant.reading import Reading, flag, near, numbers, read_ratings, unit_values


def final_grade(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    read_ratings(msg, picker)
    picker.after("exam", p.EXAM)
    picker.before("exam", p.EXAM)
    reading = Reading(numbers(picker.resolve()))
    reading.key = bool(reading.args)
    return reading


def letter_grade(msg: Message, lang: str) -> Reading:
    reading = Reading()
    credit_starts = {n.start for n in credit_counts(msg)}
    free = [n for n in msg.nums if n.start not in credit_starts]
    if len(free) == 1:
        reading.put("score", free[0].value)
    elif free:
        picker = Picker(msg)
        picker.before("score", r"(?:балл\w*|points?|pts|ұпай\w*)", rank=0)
        picker.after("score", r"(?:score|балл\w*|result|результат\w*|ұпай\w*)", rank=1)
        found = picker.resolve()
        if "score" in found:
            reading.put("score", found["score"].value)
    reading.key = "score" in reading.args
    return reading


def gpa(msg: Message, lang: str) -> Reading:
    courses = read_courses(msg)
    reading = Reading()
    if courses:
        reading.put("courses", as_arguments(courses, named=False, lang=lang))
    reading.key = bool(courses)
    return reading


def transfer_recount(msg: Message, lang: str) -> Reading:
    courses = read_courses(msg)
    reading = Reading()
    if courses:
        reading.put("courses", as_arguments(courses, named=True, lang=lang))
        reading.doubtful = any(c.name is None for c in courses)
    reading.key = bool(courses)
    return reading


IGPA_LABELS = {
    "gpa": p.GPA,
    "ssci": p.SSCI,
    "iros": p.IROS,
    "academic": p.ACADEMIC,
    "research": p.RESEARCH,
}
SCALE_MAX = (
    r"(?:scale\s*(?:max(?:imum)?|of|up\s+to|to)|max(?:imum)?\s+(?:of\s+)?(?:the\s+)?scale|"
    r"шкал\w*\s*(?:до|из|максимум)|шкала\w*\s+max)"
)


def igpa(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    for name, label in IGPA_LABELS.items():
        picker.after(name, label, gap=16)
    picker.before("gpa", p.GPA, rank=6)
    picker.after("scale_max", SCALE_MAX, gap=6)
    found = numbers(picker.resolve())
    reading = Reading()
    reading.put("year", study_year(msg))
    reading.args.update(found)
    reading.key = bool(set(found) - {"scale_max"})
    return reading


def exam_admission(msg: Message, lang: str) -> Reading:
    picker = Picker(msg)
    read_ratings(msg, picker)
    picker.after("missed", MISSED_AFTER, gap=12)
    for num in unit_values(msg, MISSED_BEFORE):
        picker.add("missed", num, 2.0)
    for m in msg.finditer(
        rf"(?:out\s+of|of|из|всего|total\s+of|in\s+total|барлығы|жалпы)\s+(\d+)\s*{p.CLASSES_WORD}"
        rf"|(?<![\w.,/])(\d+)\s*(?:сабақтың|сабақтан|classes\s+in\s+total|занятий\s+всего)"
        rf"|{p.CLASSES_WORD}\s+(?:из|of|out\s+of)\s+(\d+)"
    ):
        num = msg.next_num(next(m.start(i) for i in (1, 2, 3) if m.group(i)))
        if num is not None:
            picker.add("total_classes", num, 0.5)
    late_counts = []
    if msg.has(LATE):
        late_counts = [
            n
            for n in unit_values(msg, r"(?:times?|раз\w*|рет\w*)")
            + unit_values(msg, r"(?:late\s+arrivals?|latenesses|опоздани\w*|кешігу\w*)")
            if near(msg, re.escape(msg.text[n.start : n.end]), LATE, 60)
        ]
    found = picker.resolve()
    reading = Reading(numbers(found))
    if late_counts:
        if msg.has(TWENTY_MINUTES):
            reading.put("late_over_20", late_counts[0].value)
        else:
            reading.doubtful = True  # only lateness over 20 minutes counts (§8)
    reading.put("level", study_level(msg))
    if msg.has(COURSEWORK):
        if near(msg, COURSEWORK, NOT_SUBMITTED):
            reading.args.update(coursework_required=True, coursework_submitted=False)
        elif near(msg, COURSEWORK, SUBMITTED):
            reading.args.update(coursework_required=True, coursework_submitted=True)
        elif near(msg, COURSEWORK, REQUIRED):
            reading.args["coursework_required"] = True
    if msg.has(DOCUMENTED):
        reading.put("valid_reason_documented", flag(msg, DOCUMENTED, r"\bwithout\b|\bбез\b|жоқ"))
    elif msg.has(VALID_REASON):
        reading.doubtful = True
    reading.key = "r1" in found or "r2" in found
    return reading


def retake_path(msg: Message, lang: str) -> Reading:
    reading = Reading()
    grade = received_grade(msg)
    reading.put("grade", grade)
    if msg.has(KZ_HISTORY):
        reading.put("context", "kz_history_state_exam")
    elif msg.has(FINAL_ATTESTATION):
        reading.put("context", "final_attestation")
    count = fx_count(msg)
    if grade in ("FX", None):  # alone, "second time" answers an earlier FX question
        reading.put("fx_count", count)
    # A first FX and a second one lead to different paths (§8): with the count unsaid the
    # tool would have to assume, so the question goes to the policy text, which has both.
    unsure = grade == "FX" and count is None and "context" not in reading.args
    reading.key = grade is not None and not unsure
    return reading


def received_grade(msg: Message) -> str | None:
    """The letter the writer says they got: "got FX", "получил B", "FX алдым"."""
    found = letters(msg)
    bound = []
    for letter in found:
        left = msg.text[max(0, letter.start - 24) : letter.start]
        right = msg.text[letter.end : letter.end + 34]
        if re.search(rf"(?:{RECEIVED_BEFORE})[^\d\n.?!]{{0,18}}$", left, re.IGNORECASE) or re.match(
            rf"(?:-\w+)?[^\d\n.?!]{{0,22}}?(?:{RECEIVED_AFTER})", right, re.IGNORECASE
        ):
            bound.append(letter.value)
    distinct = set(bound)
    return bound[0] if len(distinct) == 1 else None


def bare_letter(msg: Message) -> str | None:
    """The only letter grade in a short answer ("B", "FX") to a question about the grade."""
    found = {letter.value for letter in letters(msg)}
    return found.pop() if len(found) == 1 else None
