"""What is known on a date: the one rule every procedure ground and the monitoring report apply to dated facts.

A fact dated after the date asked about — an incident, a violation, a finding, a change or its filing, a yearly
report, a refusal of monitoring, a review's request or decision — had not happened (or had not been found) on that
date, so it is not evidence of anything on it. Every place in this package that reads a dated fact asks this module,
so that the rule cannot differ from one ground to another.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["known_on", "known_since"]


def known_on(day: dt.date | None, as_of: dt.date) -> bool:
    """Whether a fact dated ``day`` is known on ``as_of``; a fact with no date is never known to have happened."""
    return day is not None and day <= as_of


def known_since(day: dt.date | None, start: dt.date, as_of: dt.date) -> bool:
    """Whether a fact dated ``day`` happened on or after ``start`` and is known on ``as_of``."""
    return day is not None and start <= day and known_on(day, as_of)

