"""Field types shared by the input models: exact amounts, rates, counts and names, each checked on the way in."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..money import MAX_AMOUNT_YUAN, MAX_SIGNIFICANT_DIGITS, MoneyUnit, parse_amount, to_yuan

__all__ = ["Amount", "Count", "NonNegativeDecimal", "Rate", "ShortText", "coerce_decimal"]

# Values above this are not plausible for any figure of a county cluster (areas, intensities, benchmarks).
_MAX_PLAIN = Decimal(10) ** 16
_MAX_COUNT = 10**12


def coerce_decimal(value: Any) -> Decimal:
    """Turn a JSON or Python number into an exact, finite, bounded Decimal, or say why not."""
    if isinstance(value, bool):
        raise PydanticCustomError("cc_not_a_number", "expected a number, got true/false")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        # A float has already lost exactness; its shortest repr is what the caller typed.
        number = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise PydanticCustomError(
                "cc_not_a_number", "expected a number, got {text}", {"text": value[:40]}
            ) from None
    else:
        raise PydanticCustomError("cc_not_a_number", "expected a number, got {text}", {"text": type(value).__name__})
    _check_finite_and_sized(number)
    return number


def _check_finite_and_sized(number: Decimal) -> None:
    if not number.is_finite():
        raise PydanticCustomError("cc_not_finite", "must be a finite number, not NaN or infinity")
    if number != 0 and (number.adjusted() > 30 or number.adjusted() < -30):
        raise PydanticCustomError("cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E}"})
    if len(number.as_tuple().digits) > MAX_SIGNIFICANT_DIGITS:
        raise PydanticCustomError(
            "cc_too_precise", "has more than {limit} significant digits", {"limit": MAX_SIGNIFICANT_DIGITS}
        )


def _non_negative(value: Any) -> Decimal:
    number = coerce_decimal(value)
    if number < 0:
        raise PydanticCustomError("cc_negative", "must not be negative (is {text})", {"text": str(number)})
    if number > _MAX_PLAIN:
        raise PydanticCustomError("cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E}"})
    return number


def _amount(value: Any) -> Decimal:
    if isinstance(value, str):
        try:
            number, unit = parse_amount(value)
        except ValueError:
            raise PydanticCustomError(
                "cc_not_an_amount",
                "is not an amount: {text}; write a number, optionally with 元, 万元 or 亿元",
                {"text": value[:40]},
            ) from None
        _check_finite_and_sized(number)
        number = to_yuan(number, unit or MoneyUnit.YUAN)
    else:
        number = coerce_decimal(value)
    if number < 0:
        raise PydanticCustomError("cc_negative", "must not be negative (is {text})", {"text": str(number)})
    if number > MAX_AMOUNT_YUAN:
        raise PydanticCustomError(
            "cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E} 元"}
        )
    return number


def _rate(value: Any) -> Decimal:
    if isinstance(value, str) and value.strip().endswith("%"):
        number = coerce_decimal(value.strip()[:-1]) / 100
    else:
        number = coerce_decimal(value)
    if not (0 <= number <= 1):
        raise PydanticCustomError(
            "cc_rate_range",
            'a rate is a fraction between 0 and 1 (write 0.08 or "8%"), got {text}',
            {"text": str(number)},
        )
    return number


def _count(value: Any) -> int:
    if type(value) is int:  # the common case, checked without a detour through Decimal
        if value < 0:
            raise PydanticCustomError("cc_negative", "must not be negative (is {text})", {"text": str(value)})
        if value > _MAX_COUNT:
            raise PydanticCustomError("cc_too_large", "is implausibly large or small ({text})", {"text": str(value)})
        return value
    if isinstance(value, bool):
        raise PydanticCustomError("cc_not_a_count", "expected a whole number, got true/false")
    number = coerce_decimal(value) if not isinstance(value, int) else Decimal(value)
    if number != number.to_integral_value():
        raise PydanticCustomError("cc_not_a_count", "expected a whole number, got {text}", {"text": str(number)})
    if number < 0:
        raise PydanticCustomError("cc_negative", "must not be negative (is {text})", {"text": str(number)})
    if number > _MAX_COUNT:
        raise PydanticCustomError("cc_too_large", "is implausibly large or small ({text})", {"text": str(number)})
    return int(number)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any) -> Any:
    if isinstance(value, str) and _CONTROL.search(value):
        raise PydanticCustomError("cc_control_chars", "contains control characters")
    return value


_AMOUNT_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\s*[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?\s*(亿元|万元|元|亿|万)?\s*$"},
    ],
    "description": "Amount of money; a number is in the application's money_unit, a string may carry its unit.",
}
_RATE_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 1},
        {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*%?\s*$"},
    ],
    "description": "A share between 0 and 1; a string ending in % is read as a percentage.",
}
_NUMBER_SCHEMA = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}]}

Amount = Annotated[Decimal, BeforeValidator(_amount), WithJsonSchema(_AMOUNT_SCHEMA, mode="validation")]
"""Money in yuan, exact. JSON may give a number (in the application's ``money_unit``) or a string with
its unit, e.g. ``"29.04亿元"``."""

Rate = Annotated[Decimal, BeforeValidator(_rate), WithJsonSchema(_RATE_SCHEMA, mode="validation")]
"""A share between 0 and 1, exact; ``"8%"`` is read as 0.08."""

NonNegativeDecimal = Annotated[
    Decimal, BeforeValidator(_non_negative), WithJsonSchema(_NUMBER_SCHEMA, mode="validation")
]
Count = Annotated[int, BeforeValidator(_count), WithJsonSchema({"type": "integer", "minimum": 0}, mode="validation")]
ShortText = Annotated[
    str, BeforeValidator(_text), StringConstraints(strip_whitespace=True, min_length=1, max_length=500)
]
