"""Bind a message's values to one tool's arguments by structure, never by sentence shape.

What binds a value to an argument: a label next to it ("R1 72", "72 for R1", "емтиханнан
48"), its unit ("150 hours"), a group stated together ("ratings 72 and 65"), a part and
its whole ("missed 9 of 28", "28 сабақтың 9-ын"), a list after its label ("subjects 11,
6, 7"), or its kind alone where only one argument takes it (a letter grade, a CEFR
level, a year of study). Every possible link gets a cost; links are taken cheapest
first, each value and argument once. Two values that could fill one argument equally
well, a value offered as one of two ("59 or 95"), yes and no said of the same fact, or a
value left over that only an unread argument could take make that argument ambiguous:
the chat then asks instead of computing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from typing import Any

from assistant.reader.courses import read_courses
from assistant.reader.lexicon import Mention, word_form
from assistant.reader.message import Message
from assistant.reader.values import Value
from assistant.vocab import all_vocabularies
from tools import registry
from tools.reads import Read

GLUE_PUNCT = frozenset(":=-—–()'\"«»")
NEUTRAL_UNITS = frozenset({"points"})
MAX_GAP = 6.0  # words between a label and its value; beyond 3 each costs double
BACKWARD = 0.5  # "72 for R1" is less usual than "R1 72"
TIE = 0.3  # a rival link this close makes the choice ambiguous
OUT_OF_RANGE = 1.5  # a labelled value the argument cannot take still binds, last
SCALE_TOPS = frozenset({4, 5, 100, 140, 150, 80})  # "80/100", "3.2/4": the scale, not a value
_GENITIVE = ("тын", "тин", "дын", "дин", "нын", "нин")
# "32 занятиеден 12", "30 сабақтан 6": the whole in the ablative, on its unit noun
_ABLATIVE = ("тан", "тен", "дан", "ден", "нан", "нен")
# "one year", "1 года": a year of study or a year of work, whichever the tool reads
KIN_UNITS = {"years": "study_year", "study_year": "years"}


@dataclass
class Reading:
    """What one message states for one tool."""

    tool: str
    args: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    ambiguous: list[str] = field(default_factory=list)
    intent: bool = False
    intents: int = 0  # distinct phrases of the tool in the message (a tie between tools)
    key: int = 0
    leftovers: list[Value] = field(default_factory=list)
    unplaced: int = 0  # letter grades and levels the tool has no argument for
    values: int = 0  # arguments read from stated values (numbers, grades, lists), not facts

    @property
    def bound(self) -> int:
        return len(self.args)


@dataclass(frozen=True)
class Claim:
    """A proposed reading: these values fill these arguments, at this cost."""

    cost: float
    links: tuple[tuple[str, int], ...]  # (argument, value index); < 0: a vocabulary word
    value: Any = None  # the value when it is not the number itself (a sum, a word)
    single: bool = True


# ---- declarations -----------------------------------------------------------------------------


@cache
def _schema(tool: str) -> dict[str, Any]:
    return registry.parameters(tool).get("properties", {})


def _option(tool: str, name: str) -> dict[str, Any]:
    spec = _schema(tool).get(name, {})
    options = [o for o in spec.get("anyOf", [spec]) if o.get("type") != "null"]
    option = options[0] if options else {}
    return option.get("items", option) if option.get("type") == "array" else option


@cache
def _near_flags() -> frozenset[str]:
    """Flags whose cues count only near a topic word (a submitted *course project*)."""
    return frozenset(
        name for v in all_vocabularies().values() for name, w in v.flags.items() if w.near
    )


@cache
def _part_suffixes() -> frozenset[str]:
    return frozenset(
        word_form(s, "kk") for v in all_vocabularies().values() for s in v.part_suffixes
    )


# ---- the binder ------------------------------------------------------------------------------


class Binder:
    def __init__(self, msg: Message, tool: str) -> None:
        self.tool = tool
        self.reads: Mapping[str, Read] = registry.get(tool).reads
        read_units = {u for r in self.reads.values() for u in r.units}
        kin = {
            unit: other
            for unit, other in KIN_UNITS.items()
            if unit not in read_units and other in read_units
        }
        if any(v.unit in kin for v in msg.values):
            values = [replace(v, unit=kin[v.unit]) if v.unit in kin else v for v in msg.values]
            msg = replace(msg, values=values)
        self.msg = msg
        self.denominators: dict[int, int] = {}  # part value -> its scale's value
        self.wholes: set[int] = set()  # values that are the whole of a part ("32 of which 12")
        names = set(self.reads) | {r.like for r in self.reads.values() if r.like}
        inside = {  # "рейтинг 1" is a label, not a value; "за # дней" holds one
            k
            for m in msg.mentions
            if self._is_label(m, names)
            for k in range(m.start, m.end)
            if k not in m.holes
        }
        self.numbers = {i for i in msg.numbers() if msg.values[i].start not in inside}

    # -- labels --

    def _names(self, name: str) -> set[str]:
        read = self.reads.get(name)
        return {name} | ({read.like} if read and read.like else set())

    def _is_label(self, m: Mention, names: set[str]) -> bool:
        return m.kind == "arg" and m.meaning[1] in names and m.meaning[2] in (None, self.tool)

    def labels(self, name: str) -> list[tuple[int, int]]:
        names = self._names(name)
        spans = [(m.start, m.end) for m in self.msg.mentions if self._is_label(m, names)]
        spans = [  # "the final | final grade": a label running into a tool's name is none
            (a, b) for a, b in spans if not any(a < c < b < d for c, d in self._intent_spans)
        ]
        # "240-credit bachelor programme": the head word of another tool's name still labels
        heads = [(a, b) for a, b in self._intent_spans if any(d == b and c > a for c, d in spans)]
        intents = [span for span in self._intent_spans if span not in heads]
        return _not_inside(spans, self._label_spans + intents)

    @cached_property
    def _intent_spans(self) -> list[tuple[int, int]]:
        """ "final grade" asks for a tool: its "final" is no label of the exam."""
        return [(m.start, m.end) for m in self.msg.of_kind("intent")]

    @cached_property
    def _label_spans(self) -> list[tuple[int, int]]:
        names = set(self.reads) | {r.like for r in self.reads.values() if r.like}
        groups = {r.group for r in self.reads.values() if r.group}
        return [
            (m.start, m.end)
            for m in self.msg.mentions
            if self._is_label(m, names) or (m.kind == "group" and m.meaning[1] in groups)
        ]

    # -- gaps --

    @cached_property
    def _glue(self) -> frozenset[int]:
        kinds = ("glue", "unit", "received")
        return frozenset(
            k for m in self.msg.mentions if m.kind in kinds for k in range(m.start, m.end)
        )

    @cached_property
    def _noise(self) -> frozenset[int]:
        """Tokens of numbers that state nothing here (dates, years, a scale's top)."""
        return frozenset(
            k
            for i, v in enumerate(self.msg.values)
            if v.kind == "number"
            for k in range(v.start, v.end)
            if k not in self._blockers
        )

    @cached_property
    def _blockers(self) -> frozenset[int]:
        """Tokens no link crosses: other values this tool could take, its other labels,
        clause breaks. A value no argument takes ("on a 4-point scale" for a GPA that has
        no scale argument) does not block."""
        out: set[int] = set()
        for i in self.numbers:
            if any(self.fits(n, i, strict=False) for n in self._of("number")):
                out.update(range(self.msg.values[i].start, self.msg.values[i].end))
        for a, b in _not_inside(self._label_spans, self._label_spans):
            out.update(range(a, b))
        for m in self.msg.of_kind("break"):
            out.update(range(m.start, m.end))
        return frozenset(out)

    def gap(self, start: int, end: int) -> float | None:
        """The cost of the tokens between a label and a value, or None when they cannot link."""
        cost = 0.0
        for k in range(start, end):
            token = self.msg.tokens[k]
            if token.is_break or k in self._blockers:
                return None
            if (token.attached and token.kind == "word") or k in self._glue:
                continue
            if token.kind == "num" and k in self._noise:
                cost += 0.5  # a date or a year between the label and its value
            elif token.kind == "punct":
                cost += 0.5 if token.text in ",/" else (0.0 if token.text in GLUE_PUNCT else 1.0)
            else:
                cost += 1.0 if cost < 3 else 2.0
            if cost > MAX_GAP:
                return None
        return cost

    # -- compatibility --

    def fits(self, name: str, i: int, *, strict: bool = True) -> bool:
        """Can value `i` be argument `name`: its unit, then (strict) its range and wholeness."""
        value = self.msg.values[i]
        read = self.reads[name]
        if value.kind != "number":
            return False
        if value.unit is not None and value.unit not in NEUTRAL_UNITS | set(read.units):
            return False
        return not strict or self.in_range(name, i)

    def in_range(self, name: str, i: int) -> bool:
        value = self.msg.values[i]
        option = _option(self.tool, name)
        number = self.scaled(name, value)
        lo, hi = option.get("minimum"), option.get("maximum")
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            return False
        return option.get("type") != "integer" or float(number).is_integer()

    def scaled(self, name: str, value: Value) -> int | float:
        factor = self.reads[name].scale.get(value.unit or "", 1)
        number = value.value * factor  # type: ignore[operator]
        return int(number) if float(number).is_integer() else number

    def _of(self, kind: str) -> list[str]:
        return [n for n, r in self.reads.items() if r.kind == kind]

    # -- claims --

    def claims(self) -> list[Claim]:
        out = self._part_claims()  # first: a scale's top is then no value at all
        self.numbers -= set(self.denominators.values())
        for name in self._of("number"):
            out += self._label_claims(name)
            out += self._unit_claims(name)
        out += self._group_claims()
        out += self._list_claims()
        out += self._sum_claims()
        out += self._word_claims()
        return out

    def _label_claims(self, name: str) -> list[Claim]:
        out = []
        names = self._names(name)
        # "already had # credits recognised": the number a label holds in its "#"
        holes = {k for m in self.msg.mentions if self._is_label(m, names) for k in m.holes}
        for start, end in self.labels(name):
            for i in self.numbers:
                value = self.msg.values[i]
                if value.start in holes and start <= value.start < end:
                    out.append(Claim(0.0, ((name, i),)))
                    continue
                if value.start >= end:
                    cost = self.gap(end, value.start)
                elif value.last <= start:
                    cost = self.gap(value.last, start)
                    cost = None if cost is None else cost + BACKWARD
                elif value.end <= start:  # the label begins with the unit: "20 classes in total"
                    cost = BACKWARD
                else:
                    continue
                if cost is None or not self.fits(name, i, strict=False):
                    continue
                if not self.in_range(name, i):
                    cost += OUT_OF_RANGE  # "R1 105" is read, and the tool refuses it clearly
                if value.unit in self.reads[name].units:
                    cost -= 0.3
                if i in self.wholes and any(r.total_of == name for r in self.reads.values()):
                    cost += 1.0
                out.append(Claim(cost, ((name, i),)))
        return out

    def _unit_claims(self, name: str) -> list[Claim]:
        """ "150 hours" is the hours when no other argument of the tool is in hours."""
        read = self.reads[name]
        if not read.alone or self._sharing(name):
            return []
        return [
            Claim(0.4 + (0.5 if self._foreign(i) else 0.0), ((name, i),))
            for i in self.numbers
            if self.msg.values[i].unit in read.units and self.fits(name, i)
        ]

    def _foreign(self, i: int) -> bool:
        """ "240-credit programme": the number is labelled as something this tool does not
        read, so its unit alone is a weak sign."""
        value = self.msg.values[i]
        end = value.unit_end or value.end
        names = set(self.reads) | {r.like for r in self.reads.values() if r.like}
        return any(
            m.kind == "arg"
            and m.meaning[1] not in names
            and (m.start == end or m.end == value.start)
            for m in self.msg.mentions
        )

    def _sharing(self, name: str) -> list[str]:
        units = set(self.reads[name].units)
        return [
            n
            for n, r in self.reads.items()
            if n != name and r.kind == "number" and units & set(r.units)
        ]

    def _group_claims(self) -> list[Claim]:
        groups: dict[str, list[str]] = {}
        for name, read in sorted(self.reads.items(), key=lambda kv: kv[1].order):
            if read.group:
                groups.setdefault(read.group, []).append(name)
        out: list[Claim] = []
        for group, members in groups.items():
            for m in self.msg.of_kind("group"):
                if m.meaning[1] == group:
                    out += self._run_claims(members, m.end)
                    out += self._run_before_claims(members, m.start)
            out += self._ordinal_claims(group, members)
        return out

    def _run_claims(self, members: list[str], after: int) -> list[Claim]:
        run = self.run_after(after)
        if not run:
            return []
        first = self.msg.values[run[0]]
        both = any(
            m.kind == "both" and (abs(m.start - first.end) <= 2 or abs(first.start - m.end) <= 2)
            for m in self.msg.mentions
        )
        if len(run) == 1 and both:
            if all(self.fits(n, run[0]) for n in members):
                return [Claim(0.2, tuple((n, run[0]) for n in members), single=False)]
            return []
        if len(run) < len(members):
            return []
        links = tuple(zip(members, run[: len(members)], strict=True))
        if not all(self.fits(n, i) for n, i in links):
            return []
        return [Claim(0.2, links, single=False)]

    def _run_before_claims(self, members: list[str], before: int) -> list[Claim]:
        """ "85 и 90 — это мои рейтинги": the group named after its values, one for each."""
        run = self.run_before(before)
        if len(run) != len(members):
            return []
        links = tuple(zip(members, run, strict=True))
        if not all(self.fits(n, i) for n, i in links):
            return []
        return [Claim(0.2 + BACKWARD, links, single=False)]

    def run_before(self, before: int, *, max_gap: float = 2.0) -> list[int]:
        """Values listed right before token `before` ("72 and 65 are my ratings"), in order."""
        ordered = sorted(
            (i for i in self.numbers if self.msg.values[i].last <= before),
            key=lambda i: self.msg.values[i].start,
        )
        if not ordered:
            return []
        lead = self.gap(self.msg.values[ordered[-1]].last, before)
        if lead is None or lead > max_gap:
            return []
        separators = {k for m in self.msg.of_kind("sep") for k in range(m.start, m.end)}
        run = [ordered[-1]]
        for i in reversed(ordered[:-1]):
            between = range(self.msg.values[i].last, self.msg.values[run[0]].start)
            if not between or not all(
                k in separators or self.msg.tokens[k].text in ",/&" for k in between
            ):
                break
            run.insert(0, i)
        return run

    def run_after(
        self, after: int, *, max_gap: float = 2.0, named: bool = False, lenient: bool = False
    ) -> list[int]:
        """Values listed right after token `after`: "72 and 65", "60/70", "11, 6, 7 and 13";
        `named` lists may have a name before each value ("history 11, reading 6")."""
        ordered = sorted(self.numbers, key=lambda i: self.msg.values[i].start)
        first = next((i for i in ordered if self.msg.values[i].start >= after), None)
        if first is None:
            return []
        lead = self._list_gap(after, self.msg.values[first].start, lenient)
        if lead is None or lead > max_gap:
            return []
        run = [first]
        separators = {k for m in self.msg.of_kind("sep") for k in range(m.start, m.end)}
        for i in ordered[ordered.index(first) + 1 :]:
            prev = self.msg.values[run[-1]]
            between = range(prev.last, self.msg.values[i].start)
            if named:
                cost = self.gap(prev.last, self.msg.values[i].start)
                words = sum(1 for k in between if self.msg.tokens[k].kind == "word")
                if cost is None or words > 4:
                    break
            elif not between or not all(
                k in separators or self.msg.tokens[k].text in ",/&" for k in between
            ):
                break
            run.append(i)
        return run

    def _list_gap(self, start: int, end: int, lenient: bool) -> float | None:
        """Like gap(), but a full stop may end the sentence before a list ("UNT 64. math 12")."""
        if not lenient:
            return self.gap(start, end)
        cost = 0.0
        for k in range(start, end):
            token = self.msg.tokens[k]
            if token.text in "?!\n" or k in self._blockers:
                return None
            cost += 0 if token.kind == "punct" or k in self._glue else 1
        return cost

    def _ordinal_claims(self, group: str, members: list[str]) -> list[Claim]:
        """ "first rating 64, second 58": an ordinal after the group or a member is named."""
        names = set(members)
        named = [
            m.end
            for m in self.msg.mentions
            if (m.kind == "group" and m.meaning[1] == group) or self._is_label(m, names)
        ]
        out = []
        for m in self.msg.of_kind("ordinal"):
            n = m.meaning[1]
            if not 1 <= n <= len(members) or not any(end <= m.start for end in named):
                continue
            for i in sorted(self.numbers, key=lambda j: self.msg.values[j].start):
                value = self.msg.values[i]
                if value.start < m.end:
                    continue
                cost = self.gap(m.end, value.start)
                if cost is not None and cost <= 1 and self.fits(members[n - 1], i):
                    out.append(Claim(0.25 + cost, ((members[n - 1], i),)))
                break
        return out

    def _part_claims(self) -> list[Claim]:
        """ "9 of 28", "из 28 ... 9", "28 сабақтың 9-ын": a part and its whole."""
        totals = {r.total_of: n for n, r in self.reads.items() if r.total_of}
        out = []
        pairs = self.part_pairs()
        # "пропуски 32 занятиеден 12": the part's label names the part, not the whole after it
        self.wholes = {whole for part, whole in pairs if part is not None and totals}
        for part, whole in pairs:
            if (
                part is not None
                and self.msg.values[whole].value in SCALE_TOPS
                and self._slash(part, whole)
            ):
                self.denominators[part] = whole  # "80/100": the scale, never a total
            elif totals:
                for of, total in totals.items():
                    if self.fits(total, whole):
                        links = [(total, whole)]
                        if part is not None and self.fits(of, part):
                            links.append((of, part))
                        out.append(Claim(0.1, tuple(links), single=False))
            elif part is not None and _value(self.msg, whole) >= _value(self.msg, part):
                self.denominators[part] = whole  # "UNT 47 out of 140": 140 is the scale
        return out

    def _slash(self, part: int, whole: int) -> bool:
        between = self.msg.tokens[self.msg.values[part].end : self.msg.values[whole].start]
        return [t.text for t in between] == ["/"]

    def part_pairs(self) -> list[tuple[int | None, int]]:
        msg = self.msg
        index = {msg.values[i].start: i for i in self.numbers}
        ordered = sorted(self.numbers, key=lambda i: msg.values[i].start)
        pairs: list[tuple[int | None, int]] = []
        for m in msg.of_kind("part_of"):  # X of Y
            before = [i for i in ordered if msg.values[i].last <= m.start]
            after = [i for i in ordered if msg.values[i].start >= m.end]
            if before and after:
                x, y = before[-1], after[0]
                close = m.start - msg.values[x].last <= 2 and msg.values[y].start - m.end <= 1
                units = {msg.values[x].unit, msg.values[y].unit} - {None}
                if close and len(units) <= 1:  # "3 courses of 5 credits" is no part of a whole
                    pairs.append((x, y))
        for m in msg.of_kind("total_before"):  # out of Y ...
            if m.end in index:
                pairs.append((None, index[m.end]))
        suffixes = _part_suffixes()
        for i in ordered:  # Y-дың X-і, Y-тан X, "32 сабақтың 17-сі" (the unit in genitive)
            nxt = msg.values[i].last
            if nxt >= len(msg.tokens):
                continue
            token = msg.tokens[nxt]
            marked = token.attached and token.loose in suffixes
            noun = msg.tokens[min(msg.values[i].end, nxt)]
            unit_noun = msg.values[i].unit is not None and msg.values[i].unit_end == nxt
            noun = (
                (noun.kind == "word" and noun.loose.endswith(_GENITIVE))
                or (token.kind == "word" and token.loose.endswith(_GENITIVE))
                or (unit_noun and noun.kind == "word" and noun.loose.endswith(_ABLATIVE))
            )
            later = [j for j in ordered if msg.values[j].start >= nxt]
            if (marked or noun) and later and msg.values[later[0]].start - nxt <= 2:
                pairs.append((later[0], i))
        for k, token in enumerate(msg.tokens):  # X/Y where Y is a scale's top: "80/100"
            if token.text == "/" and k + 1 in index:
                left = next((i for i in ordered if msg.values[i].end == k), None)
                right = index[k + 1]
                if left is not None and msg.values[right].value in SCALE_TOPS:
                    pairs.append((left, right))
        return pairs

    def _list_claims(self) -> list[Claim]:
        out = []
        for name in self._of("list"):
            for _, end in self.labels(name):
                run = [
                    i for i in self.run_after(end, max_gap=2.5, named=True) if self.fits(name, i)
                ]
                if run:
                    out.append(Claim(0.3, tuple((name, i) for i in run), single=False))
        return out

    def follow_lists(self, chosen: dict[str, int], taken: set[int]) -> list[Claim]:
        """A list right after another argument's value ("UNT 49: history 11, reading 6")."""
        out = []
        for name in self._of("list"):
            after = self.reads[name].follows
            if not after or after not in chosen:
                continue
            i = chosen[after]
            start = self.msg.values[self.denominators.get(i, i)].last
            for a, b in self._label_spans:  # "112 in total (History 18, ...)"
                if a == start:
                    start = b
            run = [
                j
                for j in self.run_after(start, max_gap=3.5, named=True, lenient=True)
                if j not in taken and self.fits(name, j)
            ]
            if len(run) < 2:
                run = self._longest_named_run(name, taken)
            if len(run) >= 2:
                out.append(Claim(0.5, tuple((name, j) for j in run), single=False))
        return out

    def _longest_named_run(self, name: str, taken: set[int]) -> list[int]:
        """Three or more values each after a name ("tarih 20, mat 10, oqu 3, fizika 45"): a
        list even where its label is not said."""
        best: list[int] = []
        for i in sorted(self.numbers - taken, key=lambda j: self.msg.values[j].start):
            value = self.msg.values[i]
            before = self.msg.tokens[value.start - 1] if value.start else None
            if before is None or before.kind != "word":
                continue
            run = [
                j
                for j in self.run_after(value.start, max_gap=0, named=True)
                if j not in taken and self.fits(name, j)
            ]
            if len(run) > len(best):
                best = run
        return best if len(best) >= 3 else []

    def _sum_claims(self) -> list[Claim]:
        """Credits of several courses that add up to one argument ("5, 6 and 4 credits"). A
        list is a stronger sign than a label next to its first number ("оқимын: 5, 5 және 6")."""
        out = []
        for name, read in self.reads.items():
            if not read.adds:
                continue
            parts = sorted(
                (i for i in self.numbers if self.msg.values[i].unit in read.units),
                key=lambda i: self.msg.values[i].start,
            )
            runs = [run for run in self._runs(parts) if len(run) >= 2]
            if len(runs) == 1 and all(self.fits(name, i, strict=False) for i in runs[0]):
                run = runs[0]
                total = sum(self.msg.values[i].value for i in run)  # type: ignore[misc]
                total = int(total) if float(total).is_integer() else total
                out.append(Claim(-0.4, tuple((name, i) for i in run), total, single=False))
            out += self._each_claims(name, read)
        return out

    def _runs(self, parts: list[int]) -> list[list[int]]:
        """Numbers listed in one sentence, not offered as alternatives."""
        runs: list[list[int]] = []
        for i in parts:
            if runs and self._listed([runs[-1][-1], i]):
                runs[-1].append(i)
            else:
                runs.append([i])
        return runs

    def _listed(self, parts: list[int]) -> bool:
        """Values listed side by side, not offered as alternatives ("то ли 28, то ли 33")."""
        first, last = self.msg.values[parts[0]].start, self.msg.values[parts[-1]].end
        return not any(
            first <= m.start < last for m in self.msg.mentions if m.kind in ("alt", "break")
        ) and not any(t.is_break for t in self.msg.tokens[first:last])

    def _each_claims(self, name: str, read: Read) -> list[Claim]:
        """ "two courses, 5 credits each": the count times the credits."""
        if not self.msg.has("both"):
            return []
        counts = [i for i in self.numbers if self.msg.values[i].unit == "courses"]
        each = [i for i in self.numbers if self.msg.values[i].unit in read.units]
        if len(counts) == 1 and len(each) == 1:
            n, c = self.msg.values[counts[0]].value, self.msg.values[each[0]].value
            return [Claim(0.2, ((name, counts[0]), (name, each[0])), n * c, single=False)]
        return []

    def _word_claims(self) -> list[Claim]:
        """Numbers said as words of the vocabulary ("first-year student": year 1)."""
        out = []
        for m in self.msg.of_kind("value"):
            name, word = m.meaning[1], m.meaning[2]
            read = self.reads.get(name)
            if read is None or read.kind != "number" or not word.isdigit():
                continue
            out.append(Claim(0.35, ((name, -1 - m.start),), int(word)))
        return out


def _value(msg: Message, i: int) -> float:
    return msg.values[i].value  # type: ignore[return-value]


def _not_inside(
    spans: list[tuple[int, int]], others: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans not inside a longer span ("first rating" beats "rating")."""
    out = {
        (a, b)
        for a, b in spans
        if not any(c <= a and b <= d and (d - c) > (b - a) for c, d in others)
    }
    return sorted(out)


# ---- the whole reading ---------------------------------------------------------------------


def _asks_for(msg: Message, tool: str) -> bool:
    """Does a phrase of this tool ask for it? Not one inside a longer phrase of another
    tool: the "бола ма" ("will it be?") of "оқуға түсуге бола ма" ("can I get in?") asks
    about admission, not about a letter."""
    intents = msg.of_kind("intent")
    return any(
        m.meaning[1] == tool
        and not any(
            o.meaning[1] != tool
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in intents
        )
        for m in intents
    )


def _letter_choice(msg: Message) -> bool:
    """ "94,6 — A или A-?", "89.5: A- or B+?": two letter grades offered as alternatives,
    with a number they would be the letter of ("FX or F, not sure: can I retake?" is no
    question about a letter)."""
    letters = [v for v in msg.values if v.kind == "letter"]
    if not msg.numbers():
        return False
    alternatives = msg.of_kind("alt")
    return any(
        a.value != b.value and any(a.end <= m.start and m.end <= b.start for m in alternatives)
        for a, b in zip(letters, letters[1:], strict=False)
        if b.start - a.end <= 3
    )


def bind(msg: Message, tool: str) -> Reading:
    binder = Binder(msg, tool)
    msg = binder.msg  # units read for this tool
    reading = Reading(tool)
    answers = registry.get(tool).answers
    reading.intent = _asks_for(msg, tool) or ("letter" in answers and _letter_choice(msg))
    reading.intents = len(_outermost([m for m in msg.of_kind("intent") if m.meaning[1] == tool]))
    claims = binder.claims()
    chosen: dict[str, int] = {}
    taken: set[int] = set()
    _resolve(binder, claims, reading, chosen, taken)
    for claim in binder.follow_lists(chosen, taken):
        if not any(n in reading.args for n, _ in claim.links):
            _accept(binder, claim, reading, chosen, taken)
    _complements(binder, reading, taken)
    _by_elimination(binder, reading, chosen, taken)
    _lone(binder, reading, taken)
    _flags(binder, reading)
    _choices(binder, reading)
    _letters(binder, reading)
    _courses(binder, reading, taken)
    _ambiguity(binder, claims, reading, chosen, taken)
    reading.leftovers = [msg.values[i] for i in sorted(binder.numbers - taken)]
    kinds = {r.kind for r in binder.reads.values()}
    reading.unplaced = sum(
        1
        for v in msg.values
        if (v.kind == "letter" and not kinds & {"letter", "courses"} and "letter" not in answers)
        or (v.kind == "cefr" and "cefr" not in kinds)
    )
    _unexplained(binder, reading)
    borrowed = {n for n, r in binder.reads.items() if r.like and not reading.intent}
    reading.key = sum(
        _weight(binder, n, v)
        for n, v in reading.args.items()
        if binder.reads[n].key and n not in borrowed  # the summer's R1 needs the summer named
    )
    stated = ("number", "list", "letter", "cefr", "courses")
    reading.values = sum(1 for n in reading.args if binder.reads[n].kind in stated)
    return reading


def _weight(binder: Binder, name: str, value: Any) -> int:
    """A course list is as strong a sign as its number of courses."""
    if binder.reads[name].kind == "courses" and isinstance(value, list):
        return max(1, len(value))
    return 1


def _resolve(binder: Binder, claims: list[Claim], reading: Reading, chosen, taken) -> None:
    for claim in sorted(claims, key=lambda c: (c.cost, -len(c.links))):
        names = {n for n, _ in claim.links}
        values = {i for _, i in claim.links if i >= 0}
        if names & set(reading.args) or values & taken:
            continue
        _accept(binder, claim, reading, chosen, taken)


def _accept(binder: Binder, claim: Claim, reading: Reading, chosen, taken) -> None:
    msg = binder.msg
    values = [i for _, i in claim.links if i >= 0]
    taken.update(values)
    if claim.value is not None:
        name = claim.links[0][0]
        reading.args[name] = claim.value
        if values:
            reading.spans[name] = (msg.values[values[0]].start, msg.values[values[-1]].last)
        return
    for name, i in claim.links:
        value = msg.values[i]
        if binder.reads[name].kind == "list":
            reading.args.setdefault(name, []).append(value.value)
            start = reading.spans.get(name, (value.start, value.last))[0]
            reading.spans[name] = (start, value.last)
        else:
            reading.args[name] = binder.scaled(name, value)
            reading.spans[name] = (value.start, value.last)
            chosen[name] = i


def _complements(binder: Binder, reading: Reading, taken: set[int]) -> None:
    """ "Out of 40 classes I attended only 19": the part is the whole minus the rest."""
    msg = binder.msg
    for total, read in binder.reads.items():
        part = read.total_of
        if not part or part in reading.args or total not in reading.args:
            continue
        for m in msg.of_kind("complement"):
            if m.meaning[1] != part:
                continue
            for i in sorted(binder.numbers - taken):
                value = msg.values[i]
                cost = binder.gap(m.end, value.start) if value.start >= m.end else None
                if cost is not None and cost <= 2 and binder.fits(part, i):
                    rest = reading.args[total] - value.value
                    if rest >= 0:
                        reading.args[part] = rest
                        reading.spans[part] = (value.start, value.last)
                        taken.add(i)
                    break


def _by_elimination(binder: Binder, reading: Reading, chosen, taken) -> None:
    """One value with a unit left and one needed argument of that unit left: they match
    ("programme 240 credits ... 4 credits" for the course's credits)."""
    needs = registry.get(binder.tool).needs(reading.args)
    for name in needs:
        read = binder.reads.get(name)
        if read is None or read.kind != "number" or not read.units:
            continue
        free = [
            i
            for i in binder.numbers - taken
            if binder.msg.values[i].unit in read.units and binder.fits(name, i)
        ]
        rivals = [n for n in binder._sharing(name) if n not in reading.args and n in needs]
        if len(free) == 1 and not rivals:
            _accept(binder, Claim(1.0, ((name, free[0]),)), reading, chosen, taken)


def _lone(binder: Binder, reading: Reading, taken: set[int]) -> None:
    """ "What letter is 87?": the message's only free number is the argument."""
    for name, read in binder.reads.items():
        if not read.lone or name in reading.args:
            continue
        free = [i for i in sorted(binder.numbers - taken) if binder.fits(name, i)]
        if not free:  # "what letter is 105?": read it, and let the tool refuse it
            free = [i for i in sorted(binder.numbers - taken) if binder.fits(name, i, strict=False)]
        distinct = {_value(binder.msg, i) for i in free}
        if len(distinct) == 1:
            value = binder.msg.values[free[0]]
            reading.args[name] = binder.scaled(name, value)
            reading.spans[name] = (value.start, value.last)
            taken.update(free)
        elif len(distinct) > 1:
            reading.ambiguous.append(name)


def _negated(
    msg: Message, start: int, end: int, others: list[Mention] = (), within: bool = False
) -> bool:
    """A negation cue in the same clause: up to 3 words before the cue, or up to 5 after
    it ("сертификата по английскому у меня нет"), unless a "have" / "бар" / "есть" comes
    first ("сертификат есть, магистратуры нет"). A cue in `others` keeps its own words:
    the "нет" of "в расписании нет" negates nothing else. `within`: the cue's own last
    word may say "not" too, as a Kazakh verb does inside the word ("магистратураны әлі
    бітірмедім" matched "магистратура* ... бітір*")."""
    affirmed = {m.start for m in msg.mentions if m.kind == "yes"}
    for m in msg.mentions:
        if within and m.kind == "neg_after" and m.end - m.start == 1 and m.start == end - 1:
            return True
        if any(o.start <= m.start < o.end and o.end - o.start > 1 for o in others):
            continue
        if m.kind == "neg_before" and start - 3 <= m.end <= start:
            between = range(m.end, start)
        elif m.kind == "neg_after" and end <= m.start <= end + 5:
            between = range(end, m.start)
            if any(k in affirmed for k in between):
                continue
        else:
            continue
        # a negation does not cross a comma, a clause break or the end of a sentence
        if not any(msg.tokens[k].is_break or msg.tokens[k].text in ",;().?!" for k in between):
            return True
    return False


def _outermost(mentions: list[Mention]) -> list[Mention]:
    return [
        m
        for m in mentions
        if not any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in mentions
        )
    ]


def _flags(binder: Binder, reading: Reading) -> None:
    msg = binder.msg
    near = _near_flags()
    for name in sorted(binder._of("flag"), key=lambda n: bool(binder.reads[n].implies)):
        if name in near and not any(
            m.kind == "near" and m.meaning[1] == name for m in msg.mentions
        ):
            continue
        cues = [
            m
            for m in msg.mentions
            if (m.kind == "flag" and m.meaning[1] == name) or binder._is_label(m, {name})
        ]
        cues = _outermost(cues)
        denials = [m for m in cues if m.kind == "flag" and m.meaning[2] is False]
        cues = [  # "сәйкес келмейді" outweighs the "сәйкес" inside it
            m
            for m in cues
            if m in denials or not any(d.start < m.end and m.start < d.end for d in denials)
        ]
        said = {
            (m.meaning[2] if m.kind == "flag" else True)
            != _negated(msg, m.start, m.end, cues, within=m not in denials)
            for m in cues
        }
        if len(said) == 1:
            value = said.pop()
            reading.args[name] = value
            for other, implied in binder.reads[name].implies.items():
                reading.args[other] = implied  # "never handed in my course project": it has one
                if other in reading.ambiguous:
                    reading.ambiguous.remove(other)
        elif len(said) > 1:
            reading.ambiguous.append(name)


def _choices(binder: Binder, reading: Reading) -> None:
    msg = binder.msg
    for name, read in binder.reads.items():
        if read.kind not in ("choice", "text", "cefr"):
            continue
        found = _outermost([m for m in msg.of_kind("value") if m.meaning[1] == name])
        # "the state exam I could not pass" ("тапсыра алмадым"): the verb of failing says
        # "not" of the passing, not of which exam it was
        verbs = msg.of_kind("intent", "received")
        values = {m.meaning[2] for m in found if not _negated(msg, m.start, m.end, verbs)}
        if read.kind == "cefr":
            values |= {v.value for v in msg.values if v.kind == "cefr"}
        if len(values) == 1:
            value = values.pop()
            integer = _option(binder.tool, name).get("type") == "integer"
            reading.args[name] = int(value) if integer else value
        elif len(values) > 1:
            reading.ambiguous.append(name)


def _letters(binder: Binder, reading: Reading) -> None:
    """The letter grade received: the only one, or the one next to "got" / "алдым"."""
    msg = binder.msg
    for name in binder._of("letter"):
        letters = [
            v for v in msg.values if v.kind == "letter" and not _negated(msg, v.start, v.end)
        ]
        distinct = {v.value for v in letters}
        offered = any(  # "F па, әлде FX па?": a question which letter, no letter received
            a.end <= m.start < b.start
            for a in letters
            for b in letters
            for m in msg.of_kind("alt")
            if b.start - a.end <= 4
        )
        if len(distinct) > 1 and not offered:
            received = msg.of_kind("received")
            near = {
                v.value
                for v in letters
                if any(abs(m.end - v.start) <= 3 or abs(v.end - m.start) <= 3 for m in received)
            }
            distinct = near if len(near) == 1 else distinct
        if len(distinct) == 1:
            reading.args[name] = distinct.pop()
        elif len(distinct) > 1:
            reading.ambiguous.append(name)


def _courses(binder: Binder, reading: Reading, taken: set[int]) -> None:
    for name in binder._of("courses"):
        found = read_courses(binder.msg, named=binder.reads[name].named)
        if found is None:
            continue
        if found.courses:
            reading.args[name] = found.courses
            taken.update(found.used)
        else:  # credit counts and grades that do not make a whole list
            reading.ambiguous.append(name)


def _ambiguity(binder: Binder, claims: list[Claim], reading: Reading, chosen, taken) -> None:
    msg = binder.msg
    alternatives = msg.of_kind("alt")
    for name, i in chosen.items():
        costs = [c.cost for c in claims if (name, i) in c.links]
        if not costs:
            continue
        rivals = [
            c
            for c in claims
            if c.single
            and c.links[0][0] == name
            and c.links[0][1] >= 0
            and c.links[0][1] not in taken
            and c.cost <= min(costs) + TIE
            and _value(msg, c.links[0][1]) != _value(msg, i)
        ]
        offered = any(
            j not in taken
            and abs(msg.values[j].start - msg.values[i].start) <= 5
            and any(
                min(msg.values[i].last, msg.values[j].last)
                <= m.start
                < max(msg.values[i].start, msg.values[j].start)
                for m in alternatives
            )
            for j in binder.numbers
        )
        if (rivals or offered) and name not in reading.ambiguous:
            reading.ambiguous.append(name)


def _unexplained(binder: Binder, reading: Reading) -> None:
    """A value left over whose unit only an unread argument takes ("14 рет" when lateness
    was not read) means the reading missed something: ask about that argument."""
    for value in reading.leftovers:
        if value.unit is None or value.unit in NEUTRAL_UNITS:
            continue
        for name, read in binder.reads.items():
            if name in reading.args or name in reading.ambiguous or read.kind != "number":
                continue
            if value.unit in read.units:
                reading.ambiguous.append(name)
