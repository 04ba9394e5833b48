"""Dates and calendar years as the input writes them: ``"YYYY-MM-DD"`` text and whole numbers, nothing read into.

Left to itself, pydantic reads a number as a date (``0`` as 1970-01-01, seconds since 1970), ``"2022"`` and
``2022.0`` as the year 2022, and a date-time with a zero time as its date. A number in a date field is far more
likely a slip than a timestamp, and it moves an accident out of the 近三年 window silently; so each of these is
refused with the form expected.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from ..safe_text import quoted

__all__ = ["CalendarYear", "Date"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _shown(value: Any) -> str:
    """A refused value in a message: text quoted (escaped, cut short), a number as written, else its JSON kind."""
    if isinstance(value, str):
        return f'"{quoted(value)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return quoted(str(value))
    return type(value).__name__


def _iso_date(value: Any) -> Any:
    if type(value) is dt.date:  # from Python: a date, but not a datetime (a subclass) with its time of day
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value  # pydantic then checks that the day exists (no 2023-02-30)
    raise PydanticCustomError(
        "cc_not_a_date", "expected a date written YYYY-MM-DD, such as 2024-03-15, got {text}", {"text": _shown(value)}
    )


def _whole_year(value: Any) -> Any:
    if type(value) is int:  # bool is a subclass of int, and not a year
        return value
    raise PydanticCustomError(
        "cc_not_a_year",
        "expected a calendar year written as a whole number, such as 2024, got {text}",
        {"text": _shown(value)},
    )


Date = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A calendar date, written ``YYYY-MM-DD``; a number, a date-time or any other spelling is refused."""

CalendarYear = Annotated[int, BeforeValidator(_whole_year)]
"""A calendar year, written as a whole number (``2024``); ``"2024"``, ``2024.0`` and ``true`` are refused."""
