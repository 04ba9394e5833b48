"""Field types shared by the input models: exact amounts, rates, counts and names, each checked on the way in."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints, TypeAdapter, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError, PydanticKnownError

from ..limits import EARLIEST_DATE, LATEST_DATE
from ..money import MAX_AMOUNT_YUAN, MAX_SIGNIFICANT_DIGITS, SUFFIX_UNITS, MoneyUnit, parse_amount, to_yuan
from ..safe_text import LINE_BREAKS, quoted
from .dates import Date

__all__ = [
    "Amount",
    "Count",
    "InputDate",
    "NonNegativeDecimal",
    "OneLineText",
    "Rate",
    "ShortText",
    "at_most",
    "coerce_decimal",
]

# Values above this are not plausible for any figure of a county cluster (areas, intensities, benchmarks).
_MAX_PLAIN = Decimal(10) ** 16
_MAX_COUNT = 10**12
# Decimal against Decimal compares several times faster than Decimal against int, and every figure is compared.
_ZERO = Decimal(0)
_ONE = Decimal(1)
# Up to this many characters, a number written with ASCII digits and at most one point has at most 30 digits
# and an adjusted exponent between -29 and 29: it is within every limit below without being checked.
_PLAIN_MAX_CHARS = 30
assert _PLAIN_MAX_CHARS <= MAX_SIGNIFICANT_DIGITS


def _plain_decimal(text: str) -> Decimal | None:
    """The value of ``text`` when it is a plain number such as ``1.21`` (no sign, exponent or blanks), else None.

    Most figures are written so; they skip the general parsing and the size checks, which cannot fail for them.
    """
    if len(text) <= _PLAIN_MAX_CHARS and text.isascii() and text.replace(".", "", 1).isdigit():
        return Decimal(text)
    return None


def shown(text: str, limit: int = 40) -> str:
    """The start of a refused text, fit to quote in a message: controls, bidi characters and lone surrogates (possible
    in a Python ``str``, not in UTF-8) shown as escapes, and "…" where it is cut."""
    return quoted(text, limit)


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
        plain = _plain_decimal(value)
        if plain is not None:
            return plain
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise PydanticCustomError(
                "cc_not_a_number", "expected a number, got {text}", {"text": shown(value)}
            ) from None
    else:
        raise PydanticCustomError("cc_not_a_number", "expected a number, got {text}", {"text": type(value).__name__})
    _check_finite_and_sized(number)
    return _unsigned_zero(number)


def _unsigned_zero(number: Decimal) -> Decimal:
    """``-0`` (or ``-0.00``, or the float ``-0.0``) is zero: kept signed, it would print as "-0" in a report."""
    return number.copy_abs() if number.is_zero() else number


def _check_finite_and_sized(number: Decimal) -> None:
    if not number.is_finite():
        raise PydanticCustomError("cc_not_finite", "must be a finite number, not NaN or infinity")
    if not -30 <= number.adjusted() <= 30 and not number.is_zero():
        raise PydanticCustomError("cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E}"})
    # str() writes every digit of the coefficient, so a short text settles it without the costly as_tuple().
    if len(str(number)) > MAX_SIGNIFICANT_DIGITS and len(number.as_tuple().digits) > MAX_SIGNIFICANT_DIGITS:
        raise PydanticCustomError(
            "cc_too_precise", "has more than {limit} significant digits", {"limit": MAX_SIGNIFICANT_DIGITS}
        )


def _non_negative(value: Any) -> Decimal:
    number = coerce_decimal(value)
    if number < _ZERO:
        raise PydanticCustomError("cc_negative", "must not be negative (is {text})", {"text": str(number)})
    if number > _MAX_PLAIN:
        raise PydanticCustomError("cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E}"})
    return number


def _amount(value: Any) -> Decimal:
    if isinstance(value, str):
        # The common case, "29.04亿元": a plain number and a unit, read without the general parser.
        unit, number_text = SUFFIX_UNITS.get(value[-2:]), value[:-2]
        if unit is None:
            unit, number_text = SUFFIX_UNITS.get(value[-1:]), value[:-1]
        plain = _plain_decimal(number_text if unit is not None else value)
        number = _written_amount(value) if plain is None else to_yuan(plain, unit or MoneyUnit.YUAN)
    else:
        number = coerce_decimal(value)
    if number < _ZERO:
        raise PydanticCustomError("cc_negative", "must not be negative (is {text})", {"text": str(number)})
    if number > MAX_AMOUNT_YUAN:
        raise PydanticCustomError(
            "cc_too_large", "is implausibly large or small ({text})", {"text": f"{number:.3E} 元"}
        )
    return number


def _written_amount(value: str) -> Decimal:
    """An amount in any form :func:`parse_amount` reads (blanks, signs, exponents), in yuan."""
    try:
        number, unit = parse_amount(value)
    except ValueError:
        raise PydanticCustomError(
            "cc_not_an_amount",
            "is not an amount: {text}; write a number, optionally with 元, 万元 or 亿元",
            {"text": shown(value)},
        ) from None
    _check_finite_and_sized(number)
    return to_yuan(_unsigned_zero(number), unit or MoneyUnit.YUAN)


def _rate(value: Any) -> Decimal:
    plain = _plain_decimal(value) if type(value) is str else None
    if plain is not None:
        number = plain
    elif isinstance(value, str) and value.strip().endswith("%"):
        number = coerce_decimal(value.strip()[:-1]) / 100
    else:
        number = coerce_decimal(value)
    if not (_ZERO <= number <= _ONE):
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
_MIN_TEXT, _MAX_TEXT = 1, 500
# pydantic's own reading of anything else it takes for text (bytes, str subclasses), blanks stripped its way.
_STRIPPED_TEXT: TypeAdapter[str] = TypeAdapter(Annotated[str, StringConstraints(strip_whitespace=True)])


def _short_text(value: Any) -> Any:
    """Refuse control characters in the text as given, then strip it and check its length.

    One call does what a refusal of control characters, pydantic's stripping and its length constraints did in
    turn; an empty or overlong text gets pydantic's string errors (``string_too_short`` / ``string_too_long``).
    """
    if type(value) is str and value.isprintable():
        # Printable text has no control character, no lone surrogate and no blank other than the space, so
        # Python's strip() is exactly pydantic's here.
        text = value.strip()
    elif isinstance(value, str) and _CONTROL.search(value):
        raise PydanticCustomError("cc_control_chars", "contains control characters")
    else:
        try:
            text = _STRIPPED_TEXT.validate_python(value)
        except ValidationError:
            return value  # the field's own str validation refuses it with the same error
    # The string errors, not the generic ones a constraint after a validator gives: their messages say "text"
    # (and are translated in problems.py).
    if len(text) < _MIN_TEXT:
        raise PydanticKnownError("string_too_short", {"min_length": _MIN_TEXT})
    if len(text) > _MAX_TEXT:
        raise PydanticKnownError("string_too_long", {"max_length": _MAX_TEXT})
    return text


# The line breaks the control-character check lets through (the others are refused as controls already).
_ONE_LINE_PATTERN = "^[^\\n\\r\\u0085\\u2028\\u2029]*$"


def _one_line_text(value: Any) -> Any:
    """A short text that is also one line: a name or a code, which a report prints inside a line of its own."""
    text = _short_text(value)
    if isinstance(text, str) and not text.isprintable() and not LINE_BREAKS.isdisjoint(text):
        raise PydanticCustomError("cc_line_break", "must be one line: a name or code cannot hold a line break")
    return text


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
    str,
    BeforeValidator(_short_text),
    WithJsonSchema({"type": "string", "minLength": _MIN_TEXT, "maxLength": _MAX_TEXT}, mode="validation"),
]
"""A reference, evidence or description: 1 to 500 characters once stripped, no control characters other than tab
and line breaks; a plain-text report prints its further lines indented under its label."""
OneLineText = Annotated[
    str,
    BeforeValidator(_one_line_text),
    WithJsonSchema(
        {"type": "string", "minLength": _MIN_TEXT, "maxLength": _MAX_TEXT, "pattern": _ONE_LINE_PATTERN},
        mode="validation",
    ),
]
"""A name or code: as :data:`ShortText`, and on one line (no line break of any kind)."""


def _plausible_date(value: dt.date) -> dt.date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError(
            "cc_date_out_of_range",
            "{date} is outside the dates accepted ({earliest} to {latest})",
            {"date": value.isoformat(), "earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()},
        )
    return value


InputDate = Annotated[Date, AfterValidator(_plausible_date)]
"""A date of the input, written YYYY-MM-DD, between ``EARLIEST_DATE`` and ``LATEST_DATE`` (cluster_criteria.limits):
every term, window and extension computed from it then stays inside the calendar."""


def at_most(limit: int) -> Any:
    """A validator refusing a list (or object) of more than ``limit`` entries before any entry is validated.

    A field's ``max_length`` alone counts only the entries that validate, so a list of a million wrong entries would
    be validated whole, and every error kept; this refuses it at once. Keep ``max_length`` too, for the schema.
    """

    def check(value: Any) -> Any:
        if isinstance(value, (list, tuple, dict)) and len(value) > limit:
            raise PydanticKnownError(
                "too_long", {"field_type": "List", "max_length": limit, "actual_length": len(value)}
            )
        return value

    return BeforeValidator(check)
