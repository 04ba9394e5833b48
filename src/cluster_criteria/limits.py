"""Every limit on input, in one place: sizes no real cluster reaches, so that no input takes unbounded time or memory.

Each limit is refused with an error that names the field (or the line) and the limit; docs/user-guide.md lists them
with what exceeding each one gives.
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_DESIGNATIONS_PER_ENTERPRISE",
    "MAX_DOCUMENT_BYTES",
    "MAX_ENTERPRISES",
    "MAX_EVENTS",
    "MAX_HISTORY_STEPS",
    "MAX_PROBLEMS_REPORTED",
    "MAX_PROBLEM_KINDS_REPORTED",
    "MAX_QUALITATIVE_ANSWERS",
    "MAX_RECORD_ENTRIES",
    "MAX_YEARS",
]

# One application, record or scenario file, and one line of a batch. The largest real application (the enterprise
# list below at its limit, with every field filled) is about 5 MB; reading is refused at the first byte over.
MAX_DOCUMENT_BYTES = 8_000_000

# Enterprises of one cluster. A cluster lies within one county (Art. 2, 9); Jilin's most populous county-level units
# register a few tens of thousands of enterprises of every trade in all, and a cluster gathers those of one leading
# industry: the provincial and national lists count clusters of tens to a few hundred. Ten thousand leaves a wide
# margin and keeps the largest document well under two seconds.
MAX_ENTERPRISES = 10_000
# Years of figures: 近三年 reads three; fifty is more than any cluster has kept.
MAX_YEARS = 50
# Answers to qualitative items: one per item of the rule set (a few dozen); unknown ids are refused anyway.
MAX_QUALITATIVE_ANSWERS = 200
# Titles of one enterprise: four kinds (Art. 6(2)), each renewed every three years or so.
MAX_DESIGNATIONS_PER_ENTERPRISE = 20
# Incidents or violations in one list. Art. 7 and 14(5) need one serious event to decide; thousands of recorded
# events in one county cluster would already be a matter for the reviewer, not for a longer list.
MAX_EVENTS = 1_000
# Entries of each other list of a designated cluster's record (reviews, reports, findings, changes, plan goals):
# a review every three years and a report every year reach a few dozen entries in a century.
MAX_RECORD_ENTRIES = 200
# Steps of a recognition history (Art. 9-11): a handful per application round.
MAX_HISTORY_STEPS = 200

# Dates anywhere in the input. The measures date from 2024 and a title or event before 1900 or after 2200 is a
# typing error; the bound also keeps every term, window and extension the rules compute far inside the calendar.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)

# Problems listed for one document (and in one batch error record): the first ones in document order, then one
# line per kind of the rest ("and 9,950 more of the same kind"), at most this many kinds.
MAX_PROBLEMS_REPORTED = 50
MAX_PROBLEM_KINDS_REPORTED = 20
