"""The router: tool, retrieval or both, with the tool's arguments read from the message.

A generic engine over the tool registry: every tool's declaration says how its arguments
are read (tools/reads.py) and the vocabulary files say the words; the reader binds the
message's values to each tool's arguments (assistant/reader/bind.py) and the tool whose
reading is strongest wins: phrases asking for it, then the key values it computes with.
Nothing here names a tool. A tool is chosen only when the message asks for it or states
the values it computes with; what it still needs, or what the message left ambiguous, is
asked for, never guessed. Deterministic, so the same question always gets the same route.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from assistant.models import Route
from assistant.reader.bind import Reading, bind
from assistant.reader.message import Message, read_message
from assistant.reader.values import Value
from assistant.safety import MAX_MESSAGE_CHARS
from tools import registry


class PendingTool(BaseModel):
    """A calculation from an earlier turn: waiting for arguments, or done and open to change.

    `asked` is what the assistant asked for last time, so that a bare "150" answers it.
    """

    tool: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    asked: list[str] = Field(default_factory=list)


def route(message: str, pending: PendingTool | dict | None = None) -> Route:
    """Where a message goes: a tool with its arguments, the policy text, or both.

    `pending` is the previous turn's calculation; a message that answers it ("65", "B2",
    "my exam was 60") or changes it ("what if my exam was 60?", "no, R2 was 56") continues
    it, anything else is routed on its own. Every message is read with all three
    languages' vocabularies (people mix them). Never raises: unreadable input goes to
    retrieval.
    """
    try:
        return _route(message, pending)
    except Exception:  # a router error must not lose the student's question
        return Route(kind="retrieval")


def _route(message: Any, pending: Any) -> Route:
    if not isinstance(message, str) or not message.strip() or len(message) > MAX_MESSAGE_CHARS:
        return Route(kind="retrieval")
    msg = read_message(message)
    readings = {name: bind(msg, name) for name in registry.names()}
    alone = _standalone(msg, readings)
    earlier = _valid(pending)
    return alone if earlier is None else _follow_up(msg, readings, earlier, alone)


def _score(reading: Reading) -> tuple:
    """How strongly the message asks for this tool: its phrases, the key values it computes
    with, its other values; values the tool cannot place count against it."""
    others = reading.bound - min(reading.key, reading.bound)
    strength = 3 * reading.intent + reading.key + 0.5 * max(others, 0)
    strength -= 0.5 * (len(reading.leftovers) + reading.unplaced)
    # of two as strong, the one the message names more often ("грантқа ... түсе аламын ба"
    # beside one "қанша болды")
    return (strength, reading.intents, reading.bound, -len(reading.ambiguous))


def _qualifies(msg: Message, reading: Reading) -> bool:
    """Does the message ask for this tool's calculation?

    Its phrases and a value it computes with, or two such values, or the writer's own case.
    One value in a question about a rule ("is a GPA of 2.5 enough for exchange?") is a
    question for the policy text when the calculation would still lack values.
    """
    if _checks_the_rule(reading):
        return False
    if reading.key >= 2:
        return True
    stated = reading.key or reading.ambiguous or (reading.values and reading.bound >= 2)
    if reading.intent and stated:
        own = msg.has("personal") or msg.has("calc")
        return own or not registry.get(reading.tool).needs(reading.args)
    # "Got an FX, the second one. What now?": the writer's own case, told with the values
    # the tool computes with, asks for its result even without the tool's phrases
    if reading.key and reading.bound >= 2 and msg.has("personal") and msg.has("received"):
        return True
    # "Calculate my GPA", "I failed my exam, how does the retake work?": the writer's own
    # case, its values still to come
    if not (reading.intent and (msg.has("personal") or _own_verb(msg, reading.tool))):
        return False
    return msg.has("received") or (msg.has("calc") and not msg.has("rule"))


def _own_verb(msg: Message, tool: str) -> bool:
    """The tool's own cue is a verb of receiving ("Завалил экзамен, что делать?"): a Russian
    past tense names no person, but it tells the writer's own case."""
    received = [m for m in msg.mentions if m.kind == "received"]
    return any(
        m.kind == "intent" and m.meaning[1] == tool and (r.start, r.end) == (m.start, m.end)
        for m in msg.mentions
        for r in received
    )


def _checks_the_rule(reading: Reading) -> bool:
    """ "Is it true that 1 credit = 30 hours?": a value and the value it converts to, both
    given, ask whether the rule holds; the policy text answers that."""
    reads = registry.get(reading.tool).reads
    return any(reads[name].instead_of in reading.args for name in reading.args if name in reads)


def _standalone(msg: Message, readings: dict[str, Reading]) -> Route:
    order = list(readings)
    ranked = sorted(
        (r for r in readings.values() if _qualifies(msg, r)),
        key=lambda r: (_score(r), -order.index(r.tool)),
        reverse=True,
    )
    if not ranked:
        return Route(kind="retrieval")
    best = ranked[0]
    if len(ranked) > 1 and not best.intent and _score(ranked[1])[0] == _score(best)[0]:
        return Route(kind="retrieval")  # two calculations fit equally: the text decides
    return _decide(msg, best, dict(best.args))


def _decide(msg: Message, reading: Reading, args: dict[str, Any], *, follow_up=False) -> Route:
    spec = registry.get(reading.tool)
    ambiguous = [n for n in reading.ambiguous if n not in _stated_elsewhere(reading, args)]
    for name in ambiguous:
        args.pop(name, None)
    alternatives = {spec.reads[n].instead_of for n in ambiguous if n in spec.reads}
    missing = [n for n in spec.needs(args) if n not in ambiguous and n not in alternatives]
    # The policy text comes too when the message asks about the rule, or when the
    # calculation must wait for values: the reply then still says what the policy says.
    waiting = bool(ambiguous or missing) and not follow_up
    about_rule = _about_the_rule(msg, spec)
    return Route(
        kind="both" if about_rule or waiting else "tool",
        tool=reading.tool,
        arguments=args,
        missing=ambiguous + missing,
        ambiguous=ambiguous,
        stated=sorted(reading.args),
        about_rule=about_rule,
        requested=reading.intent and msg.has("request"),
    )


def _about_the_rule(msg: Message, spec: Any) -> bool:
    """ "How is it calculated?", "Is the retake paid?": a question the policy text answers
    too (a price is the calculation itself for a tool that computes one)."""
    computes_price = any("money" in read.units for read in spec.reads.values())
    return msg.has("rule") or (msg.has("price") and not computes_price)


def _stated_elsewhere(reading: Reading, args: dict[str, Any]) -> set[str]:
    """Arguments this message left ambiguous but an earlier turn settled (kept as they were)."""
    return {n for n in reading.ambiguous if n in args and n not in reading.args}


def _valid(pending: Any) -> PendingTool | None:
    if isinstance(pending, dict):
        try:
            pending = PendingTool.model_validate(pending)
        except ValueError:
            return None
    if isinstance(pending, PendingTool) and pending.tool in registry.names():
        return pending
    return None


# ---- follow-ups ---------------------------------------------------------------------------


def _follow_up(
    msg: Message, readings: dict[str, Reading], pending: PendingTool, alone: Route
) -> Route:
    reading = readings[pending.tool]
    renamed = _named_course_letter(msg, pending.arguments)
    if renamed:  # "Экономику, кстати, я пересдал на C-": one course of the list, by its name
        return _decide(msg, reading, {**pending.arguments, **renamed}, follow_up=True)
    if alone.tool is not None and alone.tool != pending.tool and readings[alone.tool].intent:
        return alone  # the message names its own calculation ("am I admitted?"): start anew
    spec = registry.get(pending.tool)
    before = dict(pending.arguments)
    new = dict(reading.args)
    for name, value in new.items():
        if isinstance(value, list) and isinstance(before.get(name), list) and msg.has("append"):
            new[name] = before[name] + value  # "also Business English, 4 credits, B"
        other = spec.reads[name].instead_of if name in spec.reads else None
        if other:
            before.pop(other, None)  # "and how many credits is 100 hours?"
    waiting = pending.asked or spec.needs(before)  # what the last reply asked for
    asked = [n for n in waiting if n not in new] or spec.needs({**before, **new})
    kept = False  # a list this reply would have cut short: asked again, never dropped
    for name, value in list(new.items()):
        old = before.get(name)
        if not (isinstance(value, list) and isinstance(old, list)) or msg.has("append"):
            continue
        if (_partial(value) and not _partial(old)) or len(value) < len(old):
            del new[name]  # grades without credits, or a shorter list, never replace a list
            kept = True
    for name, value in list(new.items()):
        if isinstance(value, list) and msg.has("append") and not isinstance(before.get(name), list):
            del new[name]  # "forgot one more: 3 credits, A-" to a list never read: not the whole
            kept = True
    new.update(_bare_answers(msg, reading, asked, before))
    new = _increased(msg, before, new)
    new.update(_list_corrections(msg, reading, before, new))
    new.update(_grade_corrections(msg, before, new))
    if not new:
        if waiting and (_answer_like(msg) or kept):
            return _decide(msg, reading, before, follow_up=True)  # ask again
        return alone
    return _decide(msg, reading, {**before, **new}, follow_up=True)


def _what_if(msg: Message) -> bool:
    """ "and if it were 74?", "а если 60?": a short change to the last calculation."""
    return msg.has("what_if") or msg.words <= 4


def _answer_like(msg: Message) -> bool:
    """A short reply made of values ("65", "B2", "да"), not a question of its own."""
    return msg.words <= 4 and bool(msg.values or msg.has("yes", "no"))


def _list_corrections(
    msg: Message, reading: Reading, before: dict[str, Any], new: dict[str, Any]
) -> dict[str, Any]:
    """ "по физике было 4, а не 10": one item of an earlier list replaced."""
    wrong = [msg.values[i].value for i in msg.negated]
    right = {v.value for v in reading.leftovers}
    out = {}
    for name, old in before.items():
        if name in new or not isinstance(old, list) or len(wrong) != 1 or len(right) != 1:
            continue
        if old.count(wrong[0]) == 1 and all(isinstance(x, int | float) for x in old):
            out[name] = [right.copy().pop() if x == wrong[0] else x for x in old]
    return out


def _partial(value: Any) -> bool:
    return isinstance(value, list) and any(
        isinstance(c, dict) and c.get("credits") is None for c in value
    )


def _grade_corrections(msg: Message, before: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """ "по алгоритмам не FX, а D", "химия C+ емес, B- екен": one course's letter replaced,
    when the earlier list has that letter once."""
    found = [v for v in msg.values if v.kind == "letter"]
    letters = [v.value for v in found]
    if len(letters) != 2 or letters[0] == letters[1] or not msg.has("neg_before", "neg_after"):
        return {}
    wrong, right = letters
    if any(m.end == found[1].start for m in msg.of_kind("neg_before")):
        right, wrong = letters  # "C+ not C": the one after "not" is the wrong one
    out = {}
    for name, old in before.items():
        if name in new or not isinstance(old, list) or not all(isinstance(c, dict) for c in old):
            continue
        if [c.get("letter") for c in old].count(wrong) == 1:
            out[name] = [{**c, "letter": right} if c.get("letter") == wrong else c for c in old]
    return out


def _increased(msg: Message, before: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """ "and if the appeal adds 3 points?": one number said as a change is added to the
    value it changes; with several it could change, none is guessed."""
    if not msg.has("increase"):
        return new
    numbers = [n for n, v in new.items() if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) != 1 or not isinstance(before.get(numbers[0]), int | float):
        return {n: v for n, v in new.items() if n not in numbers}  # which one? ask again
    name = numbers[0]
    return {**new, name: before[name] + new[name]}


NAME_STEM = 5  # "Экономику" names "Экономика": the first letters of a course's name


def _named_course_letter(msg: Message, before: dict[str, Any]) -> dict[str, Any]:
    """One letter grade and the name of one course of an earlier list: that course's new
    letter ("Экономику я пересдал на C-", "qate, Mehanika F bolatyn")."""
    letters = {v.value for v in msg.values if v.kind == "letter"}
    if len(letters) != 1 or msg.numbers():
        return {}
    words = {t.low for t in msg.tokens if t.kind == "word" and len(t.low) >= NAME_STEM}
    stems = {w[:NAME_STEM] for w in words}
    for name, old in before.items():
        if not isinstance(old, list) or not all(isinstance(c, dict) for c in old):
            continue
        named = [
            n
            for n, c in enumerate(old)
            if isinstance(c.get("name"), str)
            and len(c["name"]) >= NAME_STEM
            and c["name"].lower()[:NAME_STEM] in stems
        ]
        if len(named) == 1 and "letter" in old[named[0]]:
            letter = letters.pop()
            return {
                name: [{**c, "letter": letter} if n == named[0] else c for n, c in enumerate(old)]
            }
    return {}


def _bare_answers(
    msg: Message, reading: Reading, missing: list[str], before: dict[str, Any]
) -> dict[str, Any]:
    """Values given without labels, matched by kind to what the calculation still needs, or
    to the one value a what-if changes ("and if it were 74?")."""
    reads = registry.get(reading.tool).reads
    out: dict[str, Any] = {}
    free = list(reading.leftovers)
    kinds = {
        "letter": [v for v in msg.values if v.kind == "letter"],
        "cefr": [v for v in msg.values if v.kind == "cefr"],
    }
    for name in missing:
        kind = reads[name].kind if name in reads else None
        if kind in kinds and len({v.value for v in kinds[kind]}) == 1:
            out[name] = kinds[kind][0].value
    flags = [n for n in missing if n in reads and reads[n].kind == "flag"]
    if len(flags) == 1 and msg.has("yes") != msg.has("no"):
        out[flags[0]] = msg.has("yes")
    numeric = [n for n in missing if n in reads and reads[n].kind == "number" and n not in out]
    lists = [n for n in missing if n in reads and reads[n].kind == "list" and n not in out]
    distinct = {v.value for v in free}
    groups = {reads[n].group for n in numeric}
    if len(numeric) == 1 and len(distinct) == 1:
        out[numeric[0]] = free[0].value
    elif len(numeric) == len(free) > 1 and len(groups) == 1 and None not in groups:
        ordered = sorted(numeric, key=lambda n: reads[n].order)  # "70 and 65": R1, R2
        out.update({n: v.value for n, v in zip(ordered, free, strict=True)})
    elif len(lists) == 1 and len(free) >= 2:
        digits = [v for v in free if not v.words] or free  # "the two profile ones" is no score
        out[lists[0]] = [v.value for v in digits]  # "History 15, math literacy 8, reading 9 ..."
    elif courses := [n for n in missing if isinstance(before.get(n), list) and n in reads]:
        every = msg.has("both")  # "all of them are 5 credits", "бәрі 5 кредиттен"
        filled = _fill_courses(before[courses[0]], free, kinds["letter"], every)
        if filled:
            out[courses[0]] = filled
    elif not (missing or reading.args) and len(distinct) == 1 and _what_if(msg):
        keys = [n for n, r in reads.items() if r.key and r.kind == "number" and n in before]
        unit = free[0].unit  # "the normal 4-year programme" changes no score
        if len(keys) == 1 and (unit is None or unit in reads[keys[0]].units):
            out[keys[0]] = free[0].value
    return out


def _fill_courses(
    courses: list[Any], numbers: list[Value], letters: list[Value], every: bool = False
) -> list | None:
    """Credits or grades given in order for the courses read before ("they're 5, 5 and 4
    credits, same order"): as many values as courses, each course lacking that field; or
    one value said of every course ("all of them are 5 credits")."""
    if not all(isinstance(c, dict) for c in courses):
        return None
    credits = [v.value for v in numbers if v.unit in (None, "credits")]
    grades = [v.value for v in letters]
    out = [dict(c) for c in courses]
    if every and len(credits) == 1:
        credits = credits * len(out)
    for field, values in (("credits", credits), ("letter", grades)):
        if len(values) == len(out) and all(c.get(field) is None for c in out):
            for course, value in zip(out, values, strict=True):
                course[field] = value
    return out if out != courses else None
