"""How a tool's arguments are read from a chat message: the language-neutral half.

A tool declares, next to its ToolSpec, what kind of value each argument takes from text
(a number with a unit, a yes/no fact, a choice, a letter grade, a list) and how values
relate (the two ratings stated together, the total of which absences are a part). The
words people use for each argument and value live in the assistant's vocabulary files,
one per language; the assistant's reader interprets these declarations generically, so a
new tool needs no reading code of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["number", "flag", "choice", "letter", "cefr", "list", "courses", "text"]


@dataclass(frozen=True)
class Read:
    """How one argument is read.

    - `key`: a stated value of this argument makes the message a calculation for the tool.
    - `units`: number units that mark the argument ("150 hours", "8 months"); `alone`: a
      number with such a unit is this argument even without a label, when no other argument
      of the tool takes that unit. `scale` maps a unit to a factor (years -> 12 months).
    - `group`/`order`: members of values stated together ("ratings 72 and 65": r1, r2).
    - `total_of`: this argument is the whole of which the named argument is a part
      ("missed 9 of 28 classes": 28 is the total of `missed`).
    - `lone`: when the message states exactly one free number, it is this argument
      ("what letter is 87?").
    - `sign`: a vocabulary flag whose cue makes the number negative ("5 days late").
    - `like`: read with the labels of another argument (the summer's new R1 like R1).
    - `follows`: a list that may start right after another argument's value
      ("UNT 49: history 11, reading 6 ..." lists the subjects after the total).
    - `adds`: several values with the argument's unit, one per course, add up to it
      ("Thermodynamics 5 credits, Hydraulics 4 credits": 9 credits of difference).
    - `named`: courses carry their names (a transcript), not only credits and grades.
    - `implies`: other arguments this one settles when it is read (a submitted course
      project means the course has one).
    - `instead_of`: an alternative argument that a newly stated value of this one replaces
      in a follow-up ("and how many credits is 100 hours?" after a question on 5 credits).
    - `assumed`: when the message does not say, the reply names the default the tool used
      ("FX received: 1 time, as you did not say"), so a wrong assumption is seen.
    - `only_if`: the argument counts only when other arguments have these values (how many
      times FX was received, only for an FX): otherwise its default is not named either.
    """

    kind: Kind
    key: bool = False
    units: tuple[str, ...] = ()
    alone: bool = False
    scale: Mapping[str, int] = field(default_factory=dict)
    group: str | None = None
    order: int = 0
    total_of: str | None = None
    lone: bool = False
    sign: str | None = None
    like: str | None = None
    follows: str | None = None
    adds: bool = False
    named: bool = False
    implies: Mapping[str, object] = field(default_factory=dict)
    instead_of: str | None = None
    assumed: bool = False
    only_if: Mapping[str, object] = field(default_factory=dict)

    def counts(self, arguments: Mapping[str, object]) -> bool:
        """Does this argument matter, given the others?"""
        return all(arguments.get(name) == value for name, value in self.only_if.items())


def number(**kwargs) -> Read:
    return Read("number", **kwargs)


def flag(**implies: object) -> Read:
    return Read("flag", implies=implies)


def choice(
    *, key: bool = False, assumed: bool = False, only_if: Mapping[str, object] | None = None
) -> Read:
    return Read("choice", key=key, assumed=assumed, only_if=dict(only_if or {}))


def letter(*, key: bool = True) -> Read:
    return Read("letter", key=key)


def cefr(*, key: bool = True) -> Read:
    return Read("cefr", key=key)


def study_year(*, key: bool = False) -> Read:
    """The year of study ("2 курс", "second-year"): a number with the study-year unit."""
    return Read("number", key=key, units=("study_year",), alone=True)


def numbers(*, key: bool = True, follows: str | None = None) -> Read:
    """A list of numbers after its label ("subjects 20, 15, 12")."""
    return Read("list", key=key, follows=follows)


def courses(*, named: bool = False) -> Read:
    """A list of courses, each with its credits and a letter or a score."""
    return Read("courses", key=True, named=named)


def text() -> Read:
    """A name from the vocabulary's value words (a certificate's name)."""
    return Read("text")
