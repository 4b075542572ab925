"""The policy's rounding and exact decimal arithmetic.

§8.29: grades are rounded to whole points, fractions .1-.4 down and .5 and above up.
Python's round() rounds half to even (round(94.5) == 94), which would move a student
across a letter boundary, so every tool rounds here, on Decimals, half up.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

Lang = str  # "kk" | "ru" | "en"


def dec(value: int | float | str | Decimal) -> Decimal:
    """A Decimal that keeps the digits a person wrote: 94.3 stays 94.3, not 94.299999..."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_half_up(value: Decimal, places: int = 0) -> Decimal:
    """Round as §8.29 does: .5 and above up, below .5 down (to `places` decimals)."""
    quantum = Decimal(1).scaleb(-places)
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def round_score(value: Decimal) -> int:
    """A score or grade rounded to whole points (§8.29)."""
    return int(round_half_up(value))


def floor_int(value: Decimal) -> int:
    """Whole units that do not exceed `value` (e.g. a cap of "not more than 15%")."""
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def to_number(value: Decimal) -> float:
    """A JSON-friendly float of a Decimal, without binary noise (Decimal('94.3') -> 94.3)."""
    return float(value)


def plain(value: Decimal | int | float) -> str:
    """Fixed-point text of a number with no trailing zeros and no exponent."""
    d = dec(value)
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def fmt(value: Decimal | int | float, lang: Lang, *, grouped: bool = False) -> str:
    """A number as a reader of `lang` writes it: 60,3 in kk/ru, 60.3 in en.

    `grouped` separates thousands (480 000 in kk/ru, 480,000 in en) for money.
    """
    text = plain(value)
    whole, _, frac = text.partition(".")
    if grouped:
        sign = "-" if whole.startswith("-") else ""
        digits = whole.lstrip("-")
        groups = [digits[max(i - 3, 0) : i] for i in range(len(digits), 0, -3)][::-1]
        whole = sign + ("," if lang == "en" else "\u00a0").join(groups)
    point = "." if lang == "en" else ","
    return whole + (point + frac if frac else "")


def fmt_points(value: Decimal, lang: Lang) -> str:
    """Grade points as Table 1 prints them: at least one decimal (4,0; 3,67; 1,0; 0)."""
    if value == 0:
        return "0"
    text = plain(value)
    if "." not in text:
        text += ".0"
    return text if lang == "en" else text.replace(".", ",")


def to_json_number(value: Decimal) -> int | float:
    """An int when the value is whole (180, 9000), else a float (28.5)."""
    return int(value) if value == value.to_integral_value() else float(value)
