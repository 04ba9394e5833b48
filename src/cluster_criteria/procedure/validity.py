"""第十二条 — how long a designation lasts, and how a passed review extends it.

特色产业集群有效期为三年。有效期满后，由省工业和信息化厅组织开展复核工作，并考核集群三年发展规划目标完成情况，复核通过的有效期延长三年。
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from ..known import known_on
from ..ruleset.procedure_params import JILIN_2024_PROCEDURE, ProcedureParameters, TermEnd
from ..terms import next_term_start, term_last_day
from .record import ReviewRecord

__all__ = ["Validity", "ValidityState", "next_term_start", "term_last_day", "validity_on"]

_ONE_DAY = dt.timedelta(days=1)


class ValidityState(str, Enum):
    """What a designation is on a given date."""

    NOT_YET_DESIGNATED = "not_yet_designated"
    IN_FORCE = "in_force"
    EXPIRED_REVIEW_PENDING = "expired_review_pending"
    EXPIRED_NO_REVIEW = "expired_no_review"
    REVIEW_FAILED = "review_failed"

    @property
    def zh(self) -> str:
        return _STATE_LABELS[self][0]

    @property
    def en(self) -> str:
        return _STATE_LABELS[self][1]


_STATE_LABELS = {
    ValidityState.NOT_YET_DESIGNATED: ("尚未认定", "not yet designated"),
    ValidityState.IN_FORCE: ("有效期内", "in force"),
    ValidityState.EXPIRED_REVIEW_PENDING: ("有效期满，复核待定", "expired, review pending"),
    ValidityState.EXPIRED_NO_REVIEW: ("有效期满，未申请复核", "expired, no review requested"),
    ValidityState.REVIEW_FAILED: ("复核未通过", "review failed"),
}


@dataclass(frozen=True, slots=True)
class Validity:
    """A designation's state on ``as_of``: the current term's last day and how many passed reviews extended it."""

    designated_on: dt.date
    as_of: dt.date
    state: ValidityState
    first_term_last_day: dt.date
    last_day: dt.date
    extensions: int
    term_end: TermEnd
    pending_review: ReviewRecord | None = None
    failed_review: ReviewRecord | None = None

    @property
    def in_force(self) -> bool:
        return self.state is ValidityState.IN_FORCE

    @property
    def expires_on(self) -> dt.date:
        """The first day the designation is no longer in force unless extended (the last day itself when that is
        the calendar's last)."""
        return self.last_day if self.last_day == dt.date.max else self.last_day + _ONE_DAY

    @property
    def days_left(self) -> int | None:
        return (self.last_day - self.as_of).days if self.in_force else None

    def extended_last_day(self, params: ProcedureParameters = JILIN_2024_PROCEDURE) -> dt.date:
        """The last day the current term would reach after one more passed review (Art. 12)."""
        return term_last_day(self.designated_on, self._years(self.extensions + 1, params), self.term_end)

    @staticmethod
    def _years(extensions: int, params: ProcedureParameters) -> int:
        return params.validity_years + extensions * params.extension_years


def _known(reviews: Iterable[ReviewRecord], as_of: dt.date) -> list[ReviewRecord]:
    """Reviews as known on ``as_of``: requested by then; a decision taken later is still pending."""
    known = []
    for review in reviews:
        requested = review.requested_on or review.decided_on
        if requested is not None and not known_on(requested, as_of):
            continue
        if review.decided_on is not None and not known_on(review.decided_on, as_of):
            review = ReviewRecord(requested_on=review.requested_on or review.decided_on, note=review.note)
        known.append(review)
    return sorted(known, key=lambda r: r.decided_on or r.requested_on or dt.date.max)


def validity_on(
    designated_on: dt.date,
    as_of: dt.date,
    reviews: Iterable[ReviewRecord] = (),
    params: ProcedureParameters = JILIN_2024_PROCEDURE,
    term_end: TermEnd | None = None,
) -> Validity:
    """Whether a designation is in force on ``as_of`` and until when; each passed review extends the term, computed
    from the designation date so that leap days never shift it."""
    term_end = term_end or params.term_end
    first = term_last_day(designated_on, params.validity_years, term_end)
    extensions = 0
    pending: ReviewRecord | None = None
    failed: ReviewRecord | None = None
    for review in _known(reviews, as_of):
        if review.passed is True:
            extensions += 1
            pending = None
        elif review.passed is False:
            failed = review
            break
        else:
            pending = review
    last_day = term_last_day(designated_on, Validity._years(extensions, params), term_end)
    if as_of < designated_on:
        state = ValidityState.NOT_YET_DESIGNATED
    elif failed is not None and known_on(failed.decided_on, as_of) and as_of > last_day:
        state = ValidityState.REVIEW_FAILED
    elif as_of <= last_day:
        state = ValidityState.IN_FORCE
    elif pending is not None:
        state = ValidityState.EXPIRED_REVIEW_PENDING
    else:
        state = ValidityState.EXPIRED_NO_REVIEW
    return Validity(designated_on, as_of, state, first, last_day, extensions, term_end, pending, failed)
