"""How long a term of whole years lasts: one rule for titles, designations and review extensions alike.

A term of N years that begins on day D covers D itself and ends on the day before the N-th anniversary of D
(docs/interpretation.md, "End dates"). A start on 29 February has no anniversary in a common year: the next term
then begins on 1 March and the last day is 28 February, under either reading of the end.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from dateutil.relativedelta import relativedelta

__all__ = ["TermEnd", "next_term_start", "term_last_day"]


class TermEnd(str, Enum):
    """How the last day of a term of N years is counted from the designation date D."""

    # The day of designation is the first day in force; the term ends the day before the N-th anniversary.
    DAY_BEFORE_ANNIVERSARY = "day_before_anniversary"
    # Civil Code art. 201–202: the first day is not counted, so the anniversary itself is the last day.
    ANNIVERSARY = "anniversary"

    @property
    def reading(self) -> str:
        return f"validity.{self.value}"


_ONE_DAY = dt.timedelta(days=1)


def _anniversary(start: dt.date, years: int) -> dt.date:
    if start.year + years > dt.MAXYEAR:
        # No calendar date can end such a term; it lasts for as long as dates go.
        return dt.date.max
    return start + relativedelta(years=years)


def next_term_start(start: dt.date, years: int) -> dt.date:
    """The first day after ``years`` whole years from ``start``: the anniversary, and 1 March for 29 February
    in a common year (the day 28 February closes the last year)."""
    anniversary = _anniversary(start, years)
    if (start.month, start.day) == (2, 29) and anniversary.day == 28:
        return anniversary + _ONE_DAY
    return anniversary


def term_last_day(start: dt.date, years: int, term_end: TermEnd = TermEnd.DAY_BEFORE_ANNIVERSARY) -> dt.date:
    """The last day in force of a term of ``years`` years beginning on ``start``.

    ``TermEnd.DAY_BEFORE_ANNIVERSARY`` (the default, used for titles and designations) counts the first day;
    ``TermEnd.ANNIVERSARY`` follows Civil Code art. 201–202, which does not, so the anniversary is the last day.
    """
    if term_end is TermEnd.ANNIVERSARY:
        return _anniversary(start, years)
    following = next_term_start(start, years)
    return following if following == dt.date.max else following - _ONE_DAY
