"""The message router: tool, retrieval or both, with the tool's arguments read from the text.

Pure and deterministic (regular expressions over the normalised message, no model), so
that the same question always gets the same route and every route can be tested. The
tools are tried in a fixed order, most specific first (a transcript before a GPA, a
doctoral exam before an exam); a tool is chosen only when the message both asks for it
and states a value it computes with. Anything less is a question for the policy text:
a rule answered from the clauses is better than a number computed from a misreading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from assistant import patterns as p
from assistant import read_admission as adm
from assistant import read_grades as grd
from assistant.courses import credit_counts
from assistant.extract import Message, cefr, letters, study_year
from assistant.models import Route
from assistant.reading import Reading
from tools import registry

MAX_CHARS = 4000  # longer text is no single question; safety.py refuses it upstream
LANGS = ("kk", "ru", "en")


class PendingTool(BaseModel):
    """A calculation from an earlier turn: waiting for arguments, or done and open to change."""

    tool: str
    arguments: dict[str, Any] = Field(default_factory=dict)


Reader = Callable[[Message, str], Reading]
READERS: dict[str, Reader] = {
    "transfer_recount": grd.transfer_recount,
    "nonformal_recognition": adm.nonformal_recognition,
    "academic_difference": adm.academic_difference,
    "summer_semester": adm.summer_semester,
    "admission_doctoral": adm.admission_doctoral,
    "admission_master": adm.admission_master,
    "admission_bachelor": adm.admission_bachelor,
    "mobility_eligibility": adm.mobility_eligibility,
    "igpa": grd.igpa,
    "gpa": grd.gpa,
    "final_grade": grd.final_grade,
    "exam_admission": grd.exam_admission,
    "retake_path": grd.retake_path,
    "letter_grade": grd.letter_grade,
    "credit_hours": adm.credit_hours,
}


INTENTS = {
    "transfer_recount": p.TRANSFER_INTENT,
    "nonformal_recognition": p.NONFORMAL_INTENT,
    "academic_difference": p.DIFFERENCE_INTENT,
    "summer_semester": p.SUMMER_INTENT,
    "admission_doctoral": p.DOCTORAL_INTENT,
    "admission_master": p.MASTER_INTENT,
    "admission_bachelor": p.BACHELOR_INTENT,
    "mobility_eligibility": p.MOBILITY_INTENT,
    "igpa": p.IGPA_INTENT,
    "gpa": p.GPA_INTENT,
    "final_grade": p.FINAL_INTENT,
    "exam_admission": p.ADMIT_INTENT,
    "retake_path": p.RETAKE_INTENT,
    "letter_grade": p.LETTER_INTENT,
    "credit_hours": p.HOURS_INTENT,
}


def _asks(msg: Message, tool: str, reading: Reading) -> bool:
    """Does the message ask for this tool? (Its reader has already found a key value.)

    Mostly: are the tool's words there. A few tools are asked for by their values alone:
    two graded courses are a GPA question, ratings with an exam grade a final-grade one,
    ratings alone an admission one, a received FX or F a retake one.
    """
    args = reading.args
    asked = INTENTS[tool].search(msg.masked) is not None
    rating = "r1" in args or "r2" in args
    if tool == "admission_master":
        return asked and not msg.has(p.DOCTORAL_INTENT)
    if tool == "gpa":
        return asked or len(args["courses"]) >= 2
    if tool == "final_grade":
        return asked or ("exam" in args and rating)
    if tool == "exam_admission":
        return asked or not msg.has(p.FINAL_INTENT)
    if tool == "retake_path":
        return asked or args["grade"] in ("FX", "F")
    return asked


# Tools a plain request ("calculate my GPA") may start with no values given yet.
ASK_FIRST = (("igpa", p.IGPA_INTENT), ("gpa", p.GPA_INTENT), ("final_grade", p.FINAL_INTENT))

# Tools whose one number a short "what about 86?" replaces.
SINGLE_NUMBER = {
    "letter_grade": ("score",),
    "academic_difference": ("difference_credits",),
    "credit_hours": ("credits", "academic_hours"),
}
APPEND = re.compile(r"\b(?:also|add|another|plus|ещ[её]|тағы|және\s+де|добав\w*|қос\w*)\b", re.I)


def route(message: str, lang: str, pending: PendingTool | None = None) -> Route:
    """Where a message goes: a tool with its arguments, the policy text, or both.

    `pending` is the previous turn's calculation; a message that answers it ("65", "B2",
    "my exam was 60") or changes it ("what if my exam was 60?") continues it, anything
    else is routed on its own. Never raises: unreadable input goes to retrieval.
    """
    try:
        return _route(message, lang, pending)
    except Exception:  # a router error must not lose the student's question
        return Route(kind="retrieval")


def _route(message: Any, lang: Any, pending: Any) -> Route:
    if not isinstance(message, str) or not message.strip() or len(message) > MAX_CHARS:
        return Route(kind="retrieval")
    lang = lang if lang in LANGS else "en"
    msg = Message.of(message)
    alone = _standalone(msg, lang)
    earlier = _valid(pending)
    return alone if earlier is None else _follow_up(msg, lang, earlier, alone)


def _standalone(msg: Message, lang: str) -> Route:
    for tool, reader in READERS.items():
        reading = reader(msg, lang)
        if reading.key and _asks(msg, tool, reading):
            return _decide(msg, tool, reading.args, reading.doubtful)
    text = msg.text
    if p.PERSONAL.search(text) and not p.RULE_QUESTION.search(text):
        # "Calculate my GPA", or a course list too garbled to read: ask for the values.
        for tool, intent in ASK_FIRST:
            listed = tool == "gpa" and bool(credit_counts(msg))
            if intent.search(msg.masked) and (listed or p.CALC_REQUEST.search(text)):
                return _decide(msg, tool, READERS[tool](msg, lang).args, False)
    return Route(kind="retrieval")


def _decide(
    msg: Message, tool: str, args: dict[str, Any], doubtful: bool, *, follow_up: bool = False
) -> Route:
    missing = missing_arguments(tool, args)
    kind = "tool"
    if doubtful or p.RULE_QUESTION.search(msg.text):
        kind = "both"
    elif missing and not follow_up and not p.PERSONAL.search(msg.text):
        kind = "both"  # "is GPA 2.5 enough?": a rule question more than a calculation
    return Route(kind=kind, tool=tool, arguments=args, missing=missing)


def _valid(pending: Any) -> PendingTool | None:
    if isinstance(pending, dict):
        try:
            pending = PendingTool.model_validate(pending)
        except ValueError:
            return None
    if isinstance(pending, PendingTool) and pending.tool in READERS:
        return pending
    return None


# ---- follow-ups ---------------------------------------------------------------------------


def _follow_up(msg: Message, lang: str, pending: PendingTool, alone: Route) -> Route:
    reading = READERS[pending.tool](msg, lang)
    if alone.tool is not None and alone.tool != pending.tool:
        # "What if R2 was 85?" reads as exam admission on its own, but continues the
        # final grade; a message that names its own tool ("am I admitted?") starts anew.
        named = INTENTS[alone.tool].search(msg.masked) is not None
        covered = all(reading.args.get(k) == v for k, v in alone.arguments.items())
        if named or not covered:
            return alone
        alone = Route(kind="retrieval")
    new = dict(alone.arguments) if alone.tool == pending.tool else dict(reading.args)
    before = dict(pending.arguments)
    if pending.tool in ("gpa", "transfer_recount") and "courses" in new and APPEND.search(msg.text):
        old = before.get("courses")
        if isinstance(old, list):
            new["courses"] = old + new["courses"]
    new.update(_bare_answers(msg, pending.tool, {**before, **new}, new))
    if not new:
        if missing_arguments(pending.tool, before) and _answer_like(msg):
            return _decide(msg, pending.tool, before, False, follow_up=True)  # ask again
        return alone
    return _decide(msg, pending.tool, {**before, **new}, reading.doubtful, follow_up=True)


def _answer_like(msg: Message) -> bool:
    """A short reply made of values ("65", "B2", "да", "it's 65"), not a question of its own."""
    text = msg.text
    for start, end in [(n.start, n.end) for n in msg.nums] + [
        (g.start, g.end) for g in letters(msg)
    ]:
        text = text[:start] + " " * (end - start) + text[end:]
    text = re.sub(r"(?<![\w])[ABCАВС]-?[12](?![\w])", " ", text)  # CEFR levels
    text = p.YES.sub(" ", p.NO.sub(" ", text))
    valued = bool(msg.nums or letters(msg) or cefr(msg) or _yes_no(msg) is not None)
    return valued and len(re.findall(r"[^\W\d_]+", text)) <= 2


def _yes_no(msg: Message) -> bool | None:
    if p.YES.search(msg.text):
        return True
    if p.NO.search(msg.text):
        return False
    return None


def _bare_answers(
    msg: Message, tool: str, known: dict[str, Any], stated: dict[str, Any]
) -> dict[str, Any]:
    """Values given without labels, matched to what the calculation still needs by type."""
    out: dict[str, Any] = {}
    missing = missing_arguments(tool, known)
    kinds = _kinds(tool)
    if "grade" in missing:
        grade = grd.bare_letter(msg)
        if grade is not None:
            out["grade"] = grade
    if "english_level" in missing and cefr(msg):
        out["english_level"] = cefr(msg)
    if "year" in missing and study_year(msg):
        out["year"] = study_year(msg)
    booleans = [n for n in missing if kinds.get(n) == "boolean"]
    if len(booleans) == 1 and _yes_no(msg) is not None:
        out[booleans[0]] = _yes_no(msg)
    used = {v for v in stated.values() if isinstance(v, int | float)} | {
        v for v in out.values() if isinstance(v, int | float) and not isinstance(v, bool)
    }
    free = [n for n in msg.nums if n.value not in used]
    if "year" in out:
        free = [n for n in free if n.value != out["year"]]
    lists = [n for n in missing if kinds.get(n) == "array" and n != "courses"]
    if lists and len(free) >= 2:
        out[lists[0]] = [n.value for n in free]
        return out
    wanted = [n for n in missing if kinds.get(n) in ("number", "integer") and n not in out]
    if free and len(free) == len(wanted):
        out.update({name: num.value for name, num in zip(wanted, free, strict=True)})
    elif len(free) == 1 and not wanted and not stated and tool in SINGLE_NUMBER:
        names = [n for n in SINGLE_NUMBER[tool] if n in known] or [SINGLE_NUMBER[tool][0]]
        if len(names) == 1 and (
            len(re.findall(r"\w+", msg.text)) <= 6 or p.WHAT_IF.search(msg.text)
        ):
            out[names[0]] = free[0].value
    return out


# ---- what is still needed ---------------------------------------------------------------


@cache
def _schema(tool: str) -> dict[str, Any]:
    return registry.parameters(tool)


def _kinds(tool: str) -> dict[str, str]:
    """Each argument's JSON type; an optional one's is the type beside its null."""
    props = _schema(tool).get("properties", {})
    kinds = {}
    for name, spec in props.items():
        options = [o for o in spec.get("anyOf", [spec]) if o.get("type") != "null"]
        kinds[name] = str(options[0].get("type", "")) if options else ""
    return kinds


def missing_arguments(tool: str, args: dict[str, Any]) -> list[str]:
    """Arguments the tool cannot compute without, in the schema's order.

    The schema's `required`, plus the ones a case needs (iROS in years 3-4, the profile
    test on the scientific-pedagogical track, the class total when absences are given),
    which the tools would otherwise reject with missing_argument.
    """
    schema = _schema(tool)
    order = list(schema.get("properties", {}))
    need = [name for name in schema.get("required", []) if name not in args]
    if tool == "igpa":
        need += _igpa_needs(args)
    elif tool == "exam_admission":
        absent = bool(args.get("missed")) or bool(args.get("late_over_20"))
        if args.get("level", "bachelor") == "bachelor" and absent and "total_classes" not in args:
            need.append("total_classes")
    elif tool == "admission_master":
        track = args.get("track", "sci_ped")
        language = "foreign_language" in args or args.get("language_certificate") is True
        if track in ("sci_ped", "creative") and not language:
            need.append("foreign_language")
        if track in ("sci_ped", "profile"):
            need += [n for n in ("profile_single", "profile_multiple") if n not in args]
        if track == "creative" and not args.get("creative_exams"):
            need.append("creative_exams")
    elif tool == "summer_semester" and ("new_r1" in args) != ("new_r2" in args):
        need.append("new_r2" if "new_r1" in args else "new_r1")
    elif tool == "credit_hours" and "credits" not in args and "academic_hours" not in args:
        need.append("credits")
    return sorted(set(need), key=lambda n: order.index(n) if n in order else len(order))


def _igpa_needs(args: dict[str, Any]) -> list[str]:
    need = []
    if "gpa" not in args:
        academic, research = "academic" in args, "research" in args
        if academic != research:
            need.append("research" if academic else "academic")
        elif not academic:
            need.append("gpa")
    year = args.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and year >= 3 and "iros" not in args:
        need.append("iros")
    return need
