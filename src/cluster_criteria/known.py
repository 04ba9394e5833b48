"""What is known on a date: the one rule the clauses, the procedure's grounds and the monitoring report apply to
dated facts (reading ``facts.known_on_date``).

A fact dated after the date asked about — an incident, a violation, a title, a finding, a change or its filing, a
yearly report, a refusal of monitoring, a review's request or decision — had not happened (or had not been found) on
that date, so it is not evidence of anything on it. Every place that reads a dated fact asks this module, so that
the rule cannot differ from one clause or ground to another; what was left out is counted and said, never silently.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["known_on", "known_since", "later_records_note"]


def known_on(day: dt.date | None, as_of: dt.date) -> bool:
    """Whether a fact dated ``day`` is known on ``as_of``; a fact with no date is never known to have happened."""
    return day is not None and day <= as_of


def known_since(day: dt.date | None, start: dt.date, as_of: dt.date) -> bool:
    """Whether a fact dated ``day`` happened on or after ``start`` and is known on ``as_of``."""
    return day is not None and start <= day and known_on(day, as_of)


def later_records_note(count: int) -> tuple[str, str]:
    """What a summary check adds when ``count`` records are dated after the assessment date ("" when none)."""
    if not count:
        return "", ""
    return (
        f"；另有{count}条记录日期晚于评估日，不予考虑",
        f"; {count} record(s) dated after the assessment date left out",
    )
