"""Argument types shared by the tools: strict numbers, ranges, choices, letters.

Each factory yields an annotated type whose validator raises a coded pydantic error
(translated into ToolInputError by tools.errors) and whose JSON schema is the plain
one an LLM function-calling client expects ({"type": "number", "minimum": 0, ...}).
Text is never read as a number: "72" is rejected like "seventy-two", so that a
number reaches a tool only when the caller meant a number.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

from tools.errors import ToolInputError, from_validation_error, shown
from tools.letters import LETTERS, normalize_letter
from tools.rounding import dec, plain


def _number_check(
    lo: Decimal | None, hi: Decimal | None, integer: bool, optional: bool
) -> BeforeValidator:
    def check(value: Any) -> Decimal | int | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise PydanticCustomError("not_a_number", "not a number", {"value": shown(value)})
        number = dec(value)
        if not number.is_finite():
            raise PydanticCustomError("not_a_number", "not a number", {"value": shown(value)})
        if integer and number != number.to_integral_value():
            raise PydanticCustomError("not_an_integer", "not an integer", {"value": plain(number)})
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            if hi is None:
                ctx = {"lo": plain(lo), "value": plain(number)}  # type: ignore[arg-type]
                raise PydanticCustomError("below_minimum", "below minimum", ctx)
            ctx = {"lo": plain(lo or 0), "hi": plain(hi), "value": plain(number)}
            raise PydanticCustomError("out_of_range", "out of range", ctx)
        return int(number) if integer else number

    return BeforeValidator(check)


def _number_schema(
    lo: Decimal | None, hi: Decimal | None, integer: bool, optional: bool = False
) -> WithJsonSchema:
    schema: dict[str, Any] = {"type": "integer" if integer else "number"}
    if lo is not None:
        schema["minimum"] = int(lo) if lo == int(lo) else float(lo)
    if hi is not None:
        schema["maximum"] = int(hi) if hi == int(hi) else float(hi)
    return WithJsonSchema(_nullable(schema) if optional else schema)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional argument may also be sent as null, meaning "not given"."""
    return {"anyOf": [schema, {"type": "null"}]}


def _bound(value: int | str | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def Num(lo: int | str | None = 0, hi: int | str | None = None) -> Any:
    """A required number in [lo, hi], held as an exact Decimal."""
    low, high = _bound(lo), _bound(hi)
    return Annotated[
        Decimal, _number_check(low, high, False, False), _number_schema(low, high, False)
    ]


def OptNum(lo: int | str | None = 0, hi: int | str | None = None) -> Any:
    """An optional number in [lo, hi] (None when not given)."""
    low, high = _bound(lo), _bound(hi)
    return Annotated[
        Decimal | None,
        _number_check(low, high, False, True),
        _number_schema(low, high, False, optional=True),
    ]


def Int(lo: int | None = 0, hi: int | None = None) -> Any:
    """A required whole number in [lo, hi] (5.0 is accepted as 5, 5.5 is not)."""
    low, high = _bound(lo), _bound(hi)
    return Annotated[int, _number_check(low, high, True, False), _number_schema(low, high, True)]


def OptInt(lo: int | None = 0, hi: int | None = None) -> Any:
    """An optional whole number in [lo, hi]."""
    low, high = _bound(lo), _bound(hi)
    return Annotated[
        int | None, _number_check(low, high, True, True), _number_schema(low, high, True, True)
    ]


def Choice(*choices: str, upper: bool = False) -> Any:
    """One of a few words, matched without regard to case or surrounding spaces."""

    def check(value: Any) -> str:
        text = value.strip() if isinstance(value, str) else value
        if isinstance(text, str):
            text = text.upper() if upper else text.lower()
        if text not in choices:
            ctx = {"choices": ", ".join(choices), "value": shown(value)}
            raise PydanticCustomError("invalid_choice", "invalid choice", ctx)
        return text

    schema = WithJsonSchema({"type": "string", "enum": list(choices)})
    return Annotated[str, BeforeValidator(check), schema]


def _letter_check(value: Any) -> str:
    letter = normalize_letter(value) if isinstance(value, str) else None
    if letter is None:
        raise PydanticCustomError(
            "unknown_letter",
            "unknown letter",
            {"choices": ", ".join(LETTERS), "value": shown(value)},
        )
    return letter


def _optional_letter_check(value: Any) -> str | None:
    return None if value is None else _letter_check(value)


_LETTER_SCHEMA = WithJsonSchema({"type": "string", "enum": list(LETTERS)})

# A letter of Table 1; Latin or Cyrillic (А, В, С, Х) on input, Latin on output.
Letter = Annotated[str, BeforeValidator(_letter_check), _LETTER_SCHEMA]
OptLetter = Annotated[
    str | None,
    BeforeValidator(_optional_letter_check),
    WithJsonSchema(_nullable({"type": "string", "enum": list(LETTERS)})),
]


class ToolArgs(BaseModel):
    """Arguments of one tool: validated once, at the boundary, into exact values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> Self:
        """Validate raw arguments (a JSON object, a function's locals()) or raise ToolInputError."""
        if not isinstance(data, Mapping):
            raise ToolInputError.of(
                "invalid_type",
                "arguments",
                expected={
                    "kk": "нысан (JSON object)",
                    "ru": "объект (JSON object)",
                    "en": "an object",
                },
            )
        try:
            args = cls.model_validate(dict(data))
        except ValidationError as error:
            raise from_validation_error(error) from None
        missing = cls.needs(args.model_dump())
        if missing:
            raise ToolInputError.of("missing_argument", missing[0])
        return args

    @classmethod
    def needs(cls, given: Mapping[str, Any]) -> list[str]:
        """Arguments the tool cannot compute without, given these (possibly partial) values.

        The one statement of what a tool needs: `parse` enforces it after validation and the
        chat asks for exactly these. The default is the schema's required arguments; a tool
        whose needs depend on its case (iROS in years 3-4, the class total when absences are
        given) extends it. Works on unvalidated values (a chat's partial reading) too: None
        counts as not given, and values of the wrong type never raise here.
        """
        return [
            name
            for name, info in cls.model_fields.items()
            if info.is_required() and (given.get(name) is None or _incomplete(given[name]))
        ]


def _incomplete(value: Any) -> bool:
    """A course list whose credits are still unknown ("A in Programming" before its credits:
    a chat keeps the grades and asks for the credits)."""
    return isinstance(value, list) and any(
        isinstance(item, Mapping) and "credits" in item and item["credits"] is None
        for item in value
    )


class Item(BaseModel):
    """A nested argument record (a course in a list): same strictness as ToolArgs."""

    model_config = ConfigDict(extra="forbid", frozen=True)
