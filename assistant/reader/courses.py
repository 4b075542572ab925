"""Course lists: "Physics 5 credits A-, Chemistry 4 credits B", "5 кредиттік пәннен 87 балл".

A course is one stretch of the message holding exactly one credit count and exactly one
grade (a letter, or a score of 0-100). The list is accepted only when every credit count
found its course: a GPA over three of four courses is a wrong number, so a list that
cannot be read completely is not read at all (the chat then asks for it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import replace as dc_replace
from typing import TYPE_CHECKING, Any

from assistant.reader.values import Value

if TYPE_CHECKING:
    from assistant.reader.message import Message

SPLIT_PUNCT = frozenset(",;\n•")


@dataclass(frozen=True)
class Course:
    credits: Value
    grade: Value
    name: str | None
    in_name: tuple[Value, ...] = ()  # numbers that belong to the name ("Физика 1")


@dataclass(frozen=True)
class Found:
    """The course list (empty when credit counts and grades do not make a whole list) and
    the indices of the values it used."""

    courses: list[dict[str, Any]]
    used: frozenset[int]
    partial: bool = False  # grades without their credits: the credits are still to ask


def _segments(msg: Message) -> list[tuple[int, int, bool]]:
    """(start, end, joined_by_a_word) stretches between list separators."""
    seps = {m.start: m.end for m in msg.of_kind("sep", "append")}
    spans, last, glued = [], 0, False
    k = 0
    while k < len(msg.tokens):
        token = msg.tokens[k]
        if token.text in SPLIT_PUNCT or (token.text == "." and token.kind == "punct"):
            spans.append((last, k, glued))
            last, glued, k = k + 1, False, k + 1
        elif k in seps and token.kind == "word":
            spans.append((last, k, glued))
            last, glued, k = seps[k], True, seps[k]
        else:
            k += 1
    spans.append((last, len(msg.tokens), glued))
    return [s for s in spans if s[0] < s[1]]


def read_courses(msg: Message, *, named: bool) -> Found | None:
    """The courses of the message; None when it names no credit count at all."""
    found = _read(msg, named)
    used = found.used if found else frozenset()
    stated = {
        v.value
        for i, v in enumerate(msg.values)
        if v.unit == "courses" and i in msg.numbers() and i not in used
    }
    if found and found.courses and len(stated) == 1 and len(found.courses) != stated.pop():
        return Found([], frozenset())  # "3 пән ... B, B- и FX. FX-ті ...": which three?
    return found


def _read(msg: Message, named: bool) -> Found | None:
    credits = _credit_counts(msg)
    if not credits:
        return _graded_only(msg, named=named)
    msg = _parallel(_bracketed(msg, credits), credits)
    credits = _credit_counts(msg)
    uniform = _uniform(msg, credits, named)
    if uniform is not None:
        return uniform
    groups = [] if named else _groups(msg, credits)
    if groups:  # the courses told as one are read; the rest of the message as usual
        whole = msg
        taken = {i for g in groups for i in (g.count, g.credits, *g.grades)}
        values = [replace(v, kind="read") if i in taken else v for i, v in enumerate(msg.values)]
        msg = dc_replace(msg, values=values)
        credits = _credit_counts(msg)
        rest = _listed(msg, credits, named) if credits else Found([], frozenset())
        if rest is None or (credits and not rest.courses):
            return Found([], frozenset())
        if not credits and any(v.kind == "letter" for v in msg.values):
            return Found([], frozenset())  # a grade left over: which course is it?
        return _with_groups(whole, groups, rest)
    return _listed(msg, credits, named)


def _listed(msg: Message, credits: list[int], named: bool) -> Found | None:
    """Each course told with its own credit count and grade."""
    merged: list[tuple[int, int]] = []
    for start, end, glued in _segments(msg):
        if glued and merged and _content(msg, *merged[-1]) == (False, False):
            merged[-1] = (merged[-1][0], end)  # "Теория вероятностей и ...": one name
        elif merged and {_content(msg, *merged[-1]), _content(msg, start, end)} == {
            (True, False),
            (False, True),
        }:
            merged[-1] = (merged[-1][0], end)  # "A in Calculus, 5 credits"
        else:
            merged.append((start, end))
    courses = [c for c in (_course(msg, a, b) for a, b in merged) if c is not None]
    if _multiplied(msg, credits):
        return Found([], frozenset())  # "a B in two 4-credit courses": how many, which?
    letters = [i for i, v in enumerate(msg.values) if v.kind == "letter"]
    graded = [c for c in courses if c.grade.kind == "letter"]
    if len(courses) != len(credits) or len(graded) != len(letters) - _mentioned_again(
        msg, courses, letters
    ):
        return Found([], frozenset())
    out = []
    for n, course in enumerate(courses, 1):
        item: dict[str, Any] = {"credits": course.credits.value}
        if named:
            item = {"name": course.name or f"#{n}", **item}
        key = "letter" if course.grade.kind == "letter" else "score"
        item[key] = course.grade.value
        out.append(item)
    index = {id(v): i for i, v in enumerate(msg.values)}
    used = {index[id(v)] for c in courses for v in (c.credits, c.grade, *c.in_name)}
    return Found(out, frozenset(used))


def _graded_only(msg: Message, *, named: bool) -> Found | None:
    """ "A in Programming, B+ in Databases and a C in Networks": the courses and their
    letters, credits unknown (None), so that a reply with the credits completes them."""
    letters = [i for i, v in enumerate(msg.values) if v.kind == "letter"]
    if len(letters) < 2 or msg.numbers():
        return None
    out = []
    for start, end, _ in _segments(msg):
        inside = [i for i in letters if start <= msg.values[i].start < end]
        if len(inside) > 1:
            return None
        if inside:
            grade = msg.values[inside[0]]
            item: dict[str, Any] = {"credits": None, "letter": grade.value}
            if named:
                item = {"name": _name(msg, start, end, grade, grade) or f"#{len(out) + 1}", **item}
            out.append(item)
    if len(out) != len(letters):
        return None
    return Found(out, frozenset(letters), partial=True)


def _credit_counts(msg: Message) -> list[int]:
    return [
        i for i in msg.numbers() if msg.values[i].unit == "credits" and msg.values[i].value >= 1
    ]


def _parallel(msg: Message, credits: list[int]) -> Message:
    """A list written in one shape: when one course says its unit ("Химия — 5 кредитов —
    C+", "Economics (3 credits, B+)"), another with one bare number and one letter in the
    same shape ("Английский — 4 — A", "Statistics (5, D+)") gives its credits too."""
    numbers = set(msg.numbers())
    shaped = [
        (start, end)
        for start, end, _ in _segments(msg)
        if len(_in(msg, start, end)[1]) == 1  # one letter grade
    ]

    def bare(start: int, end: int) -> list[int]:
        inside = [i for i in numbers if start <= msg.values[i].start < end]
        return inside if len(inside) == 1 and msg.values[inside[0]].unit is None else []

    template = any(
        len([i for i in numbers if start <= msg.values[i].start < end]) == 1
        and any(start <= msg.values[i].start < end for i in credits)
        for start, end in shaped
    )
    if not template:
        return msg
    values = list(msg.values)
    for start, end in shaped:
        for i in bare(start, end):
            value = values[i].value
            if isinstance(value, int | float) and float(value).is_integer() and 1 <= value <= 30:
                values[i] = replace(values[i], unit="credits")
    return dc_replace(msg, values=values)


def _bracketed(msg: Message, credits: list[int]) -> Message:
    """ "Economics (3 credits, B+), Statistics (5, D+)": when a course says its unit inside
    brackets, a later bracket with a bare number and a letter means credits too."""
    first = msg.values[credits[0]]
    if not first.start or msg.tokens[first.start - 1].text != "(":
        return msg
    values = list(msg.values)
    for i in msg.numbers():
        v = values[i]
        opens = v.start > 0 and msg.tokens[v.start - 1].text == "("
        comma = v.end < len(msg.tokens) and msg.tokens[v.end].text == ","
        paired = any(w.kind == "letter" and 0 < w.start - v.end <= 2 for w in values)
        if v.unit is None and opens and comma and paired:
            values[i] = replace(v, unit="credits")
    return dc_replace(msg, values=values)


def _uniform(msg: Message, credits: list[int], named: bool) -> Found | None:
    """ "all my courses are 5 credits, grades 84, 77, 90 and 66": one credit count for a
    list of grades, said of every course."""
    if named or len(credits) != 1 or not msg.has("both"):
        return None
    credit = msg.values[credits[0]]
    # its own sentence: "GPA қанша, 2,5-тен жоғары ма?" after it asks about a threshold
    start, end = _sentence(msg, credit.start)
    _, letters, scores = _in(msg, start, end)
    grades = letters if letters and not scores else scores if scores and not letters else []
    if len(grades) < 2:
        return None
    key = "letter" if msg.values[grades[0]].kind == "letter" else "score"
    courses = [{"credits": credit.value, key: msg.values[i].value} for i in grades]
    return Found(courses, frozenset([credits[0], *grades]))


def _in(msg: Message, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """Credit counts, letters and scores inside tokens [start, end), as value indices."""
    numbers = set(msg.numbers())
    credits, letters, scores = [], [], []
    for i, v in enumerate(msg.values):
        if not (start <= v.start < end):
            continue
        if v.kind == "letter":
            letters.append(i)
        elif i in numbers and v.unit == "credits":
            credits.append(i)
        elif _score_like(msg, i, numbers):
            scores.append(i)
    return credits, letters, scores


def _score_like(msg: Message, i: int, numbers: set[int]) -> bool:
    """A number that may be a course's score: 0-100, no unit but points, not in a name."""
    v = msg.values[i]
    counted = v.words and v.value < 10  # "екі ғана пәнім": a count of courses, no score
    # "(all out of 100)", "из 100": the scale of the scores, no score
    scale = v.value == 100 and any(m.end == v.start for m in msg.of_kind("part_of"))
    return (
        i in numbers
        and v.unit in (None, "points")
        and 0 <= v.value <= 100
        and not _in_name(msg, v)
        and not counted
        and not scale
    )


def _content(msg: Message, start: int, end: int) -> tuple[bool, bool]:
    credits, letters, scores = _in(msg, start, end)
    return bool(credits), bool(letters or scores)


def _course(msg: Message, start: int, end: int) -> Course | None:
    credits, letters, scores = _in(msg, start, end)
    if len(credits) != 1:
        return None
    credit = msg.values[credits[0]]
    grades = letters + scores
    if len(grades) != 1:
        return None
    grade = msg.values[grades[0]]
    numbered = tuple(
        v for v in msg.values if start <= v.start < end and v.kind == "number" and _in_name(msg, v)
    )
    return Course(credit, grade, _name(msg, start, end, credit, grade), numbered)


def _in_name(msg: Message, value: Value) -> bool:
    """ "Физика 1 — 4 кредит": a number between a name word and a dash or a credit count
    is part of the course's name."""
    before = msg.tokens[value.start - 1] if value.start > 0 else None
    after = msg.tokens[value.end] if value.end < len(msg.tokens) else None
    named = before is not None and before.kind == "word" and not _edge(msg, value.start - 1)
    credit_next = any(v.start == value.end and v.unit == "credits" for v in msg.values)
    return named and (credit_next or (after is not None and after.text in ("-", "—", ":")))


def _edge(msg: Message, k: int) -> bool:
    """A word that is not part of a course name: glue, units, cues, "course", "my"."""
    return (
        any(
            m.start <= k < m.end
            and m.kind
            in ("glue", "unit", "received", "personal", "sep", "append", "calc", "intent")
            for m in msg.mentions
        )
        or msg.tokens[k].kind != "word"
    )


def _name(msg: Message, start: int, end: int, credit: Value, grade: Value) -> str | None:
    """The words before the first value ("Математика 5 кр. — B"), else between the grade and
    the credits ("A in Calculus (5 credits)"); edge words trimmed, the user's spelling kept."""
    taken = set(range(credit.start, credit.last)) | set(range(grade.start, grade.last))
    first = min(credit.start, grade.start)
    spans = [(start, first), (min(grade.last, credit.last), max(grade.start, credit.start))]
    for a, b in spans:
        cuts = [
            k
            for k in range(a, b)
            if msg.tokens[k].text in (":", "?", "!") or msg.tokens[k].is_break
        ]
        a = max([a, *(k + 1 for k in cuts)])  # "...жатырмын: Физика 5 кредит": after the colon
        ks = [k for k in range(a, b) if k not in taken]
        while ks and _edge(msg, ks[0]):
            ks.pop(0)
        while ks and _edge(msg, ks[-1]) and not _number_in_name(msg, ks[-1]):
            ks.pop()
        if ks and any(msg.tokens[k].kind == "word" for k in ks):
            name = msg.text[msg.tokens[ks[0]].start : msg.tokens[ks[-1]].end].strip(" :—-")
            if name and len(name) <= 120:
                return name
    return None


def _number_in_name(msg: Message, k: int) -> bool:
    return msg.tokens[k].kind == "num" and k > 0 and msg.tokens[k - 1].kind == "word"


def _mentioned_again(msg: Message, courses: list[Course], letters: list[int]) -> int:
    """ "… Философия 5 кредитов FX. Деканатта айтты что FX тоже считается": a grade of the
    list named again after it, with no credit count of its own, is the same course."""
    if not courses:
        return 0
    used = {id(c.grade) for c in courses}
    listed = {c.grade.value for c in courses if c.grade.kind == "letter"}
    end = max(max(c.credits.start, c.grade.start) for c in courses)
    again = [
        i
        for i in letters
        if id(msg.values[i]) not in used
        and msg.values[i].start > end
        and msg.values[i].value in listed
    ]
    return len(again)


def _sentence(msg: Message, k: int) -> tuple[int, int]:
    """Tokens [start, end) of the sentence holding token k."""
    ends = [i for i, t in enumerate(msg.tokens) if t.kind == "punct" and t.text in ".?!\n"]
    start = max([i + 1 for i in ends if i < k], default=0)
    end = min([i for i in ends if i > k], default=len(msg.tokens))
    return start, end


def _multiplied(msg: Message, credits: list[int]) -> bool:
    """A count in words right before a credit count ("two 4-credit courses", "екі 5
    кредиттік пән"): several courses in one, which this reader does not unfold."""
    starts = {msg.values[i].start for i in credits}
    return any(
        v.kind == "number" and v.words and 2 <= v.value < 10 and v.end in starts for v in msg.values
    )


@dataclass(frozen=True)
class _Group:
    """Several courses told as one: a count, their credit count, and their grades in order
    (one grade when it is said of all of them)."""

    count: int
    credits: int
    grades: tuple[int, ...]


GROUP_REACH = 5  # tokens between a count and its credit count ("3 предмета, каждый по 5 ...")


def _groups(msg: Message, credits: list[int]) -> list[_Group]:
    """ "три предмета по 5 кредитов: A, B+ и C", "екі пән по 5 кредит, біреуі A, біреуі
    C-", "a B in two 4-credit courses": a count of 2-9 courses shortly before one credit
    count, and as many grades after it (before the next credit count, in its sentence), or
    one grade right before the count, said of them all."""
    numbers = set(msg.numbers())
    out = []
    for c in credits:
        credit = msg.values[c]
        counts = [
            i
            for i in numbers
            if i != c
            and msg.values[i].unit in (None, "courses")
            and isinstance(msg.values[i].value, int)
            and 2 <= msg.values[i].value <= 9
            and 0 <= credit.start - msg.values[i].last <= GROUP_REACH
        ]
        if not counts:
            continue
        count = max(counts, key=lambda i: msg.values[i].start)
        n = msg.values[count].value
        start, end = _sentence(msg, credit.start)
        stop = min(
            [end, *(msg.values[i].start for i in credits if msg.values[i].start > credit.start)]
        )
        after = [
            i
            for i, v in enumerate(msg.values)
            if credit.last <= v.start < stop
            and (v.kind == "letter" or (i in numbers and _score_like(msg, i, numbers)))
        ]
        before = [
            i
            for i, v in enumerate(msg.values)
            if v.kind == "letter" and 0 <= msg.values[count].start - v.last <= 2
        ]
        if len(after) == n:
            out.append(_Group(count, c, tuple(after)))
        elif not after and len(before) == 1:
            out.append(_Group(count, c, tuple(before) * n))
    return out


def _with_groups(msg: Message, groups: list[_Group], rest: Found) -> Found:
    """The courses of the groups and the others, in the order the message tells them."""
    placed: list[tuple[int, dict[str, Any]]] = []
    for group in groups:
        credits = msg.values[group.credits]
        for i in group.grades:
            grade = msg.values[i]
            key = "letter" if grade.kind == "letter" else "score"
            placed.append((credits.start, {"credits": credits.value, key: grade.value}))
    starts = sorted(msg.values[i].start for i in rest.used if msg.values[i].unit == "credits")
    placed += list(zip(starts, rest.courses, strict=False))
    used = set(rest.used) | {i for g in groups for i in (g.count, g.credits, *g.grades)}
    return Found([item for _, item in sorted(placed, key=lambda p: p[0])], frozenset(used))
