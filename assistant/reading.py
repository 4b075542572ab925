"""What a tool's argument reader returns, and the labels several readers share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant import patterns as p
from assistant.extract import Message, Num, Picker, pairs_after


@dataclass
class Reading:
    """Arguments read from one message for one tool.

    `key` says the message states a value the calculation is about (a score, a credit
    count), not only a setting such as the level of study: without one, the message is a
    question about the rules, not a calculation. `doubtful` says the message states
    something the tool cannot take exactly (an FX without saying which one, lateness without
    its length): the answer then needs the policy text beside the number.
    """

    args: dict[str, Any] = field(default_factory=dict)
    key: bool = False
    doubtful: bool = False

    def put(self, name: str, value: Any) -> None:
        if value is not None:
            self.args[name] = value


def numbers(found: dict[str, Num]) -> dict[str, int | float]:
    return {name: num.value for name, num in found.items()}


def read_ratings(msg: Message, picker: Picker, r1: str = "r1", r2: str = "r2") -> None:
    """R1 and R2 candidates: "R1 72", "Р1 = 90", "рейтинги 50 и 55", "1-рейтинг 60"."""
    picker.exclude(p.R1)
    picker.exclude(p.R2)
    picker.after(r1, p.R1)
    picker.after(r2, p.R2)
    picker.before(r1, p.R1)  # "85 for R1"
    picker.before(r2, p.R2)
    for first, second in pairs_after(msg, p.RATINGS):
        picker.add(r1, first, 0.5)  # a plural label outranks "R2 = 80" inside "R1/R2 = 80/75"
        picker.add(r2, second, 0.5)


def unit_values(msg: Message, unit: str) -> list[Num]:
    """Numbers followed by `unit` ("150 hours", "8 months"), in order."""
    found = []
    for m in msg.finditer(rf"(?<![\w.,/])(\d+(?:[.,]\d+)?)\s*-?\s*{unit}"):
        num = msg.next_num(m.start(1))
        if num is not None and num.start == m.start(1):
            found.append(num)
    return found


def one(values: list[Num]) -> Num | None:
    """The value when the message states exactly one (repeats of the same number allowed)."""
    distinct = {n.value for n in values}
    return values[0] if len(distinct) == 1 else None


def flag(msg: Message, yes: str, no: str | None = None) -> bool | None:
    """True when `yes` is stated, False when `no` is, None when neither or both."""
    said_no = bool(no and msg.has(no))
    said_yes = msg.has(yes)
    if said_no and not said_yes:
        return False
    if said_yes and not said_no:
        return True
    return None


def near(msg: Message, first: str, second: str, window: int = 60) -> bool:
    """`first` and `second` both occur with at most `window` characters between them."""
    return msg.has(rf"(?:{first})[^\n]{{0,{window}}}?(?:{second})") or msg.has(
        rf"(?:{second})[^\n]{{0,{window}}}?(?:{first})"
    )
