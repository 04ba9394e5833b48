"""Facts dated after the date asked about are not known on it: every Art. 14 ground and the monitoring report."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cluster_criteria.known import known_on, known_since
from cluster_criteria.procedure import ReportState, ValidityState, monitor
from cluster_criteria.verdicts import Status
from procedure_support import DESIGNATED, record

DAY = dt.timedelta(days=1)
AS_OF = dt.date(2025, 6, 30)
ON_TIME = [{"year": 2024, "filed_on": "2025-03-20"}]


def fact(day: dt.date) -> dict[str, Any]:
    """One fact of each kind a ground reads, each dated ``day``; the expected status when the fact is known."""
    iso = day.isoformat()
    return {
        "14.2": ({"findings": [{"kind": "false_application", "date": iso}]}, Status.FAIL),
        "14.3": ({"monitoring_refusals": [{"date": iso}]}, Status.FAIL),
        "14.4": ({"changes": [{"kind": "spatial_scope", "date": iso}]}, Status.NEEDS_REVIEW),
        "14.5": ({"incidents": [{"kind": "safety", "date": iso, "severity": "larger"}]}, Status.FAIL),
        "14.5v": ({"violations": [{"kind": "tax_evasion", "date": iso}]}, Status.FAIL),
    }


@pytest.mark.parametrize("ground", ["14.2", "14.3", "14.4", "14.5", "14.5v"])
def test_a_fact_dated_on_the_day_asked_about_counts_and_one_dated_the_day_after_does_not(ground: str) -> None:
    """Dated 2025-06-30: known on 2025-06-30. Dated 2025-07-01: not known, the ground reads as if it were absent."""
    rule_id = ground[:4]
    on_the_day, known_status = fact(AS_OF)[ground]
    the_day_after, _ = fact(AS_OF + DAY)[ground]
    assert monitor(record(annual_reports=ON_TIME, **on_the_day), AS_OF).ground(rule_id).status is known_status
    later = monitor(record(annual_reports=ON_TIME, **the_day_after), AS_OF)
    assert later.ground(rule_id).status is Status.PASS
    assert later.outcome.value == "keep"


def test_a_change_re_filed_the_day_after_the_date_asked_about_is_not_yet_re_filed() -> None:
    """Changed 2025-05-01; on 2025-06-30 a filing dated that day counts, one dated 2025-07-01 is not known yet."""
    filed_that_day = [{"kind": "operating_body", "date": "2025-05-01", "filed_on": AS_OF.isoformat()}]
    filed_later = [{"kind": "operating_body", "date": "2025-05-01", "filed_on": (AS_OF + DAY).isoformat()}]
    assert monitor(record(annual_reports=ON_TIME, changes=filed_that_day), AS_OF).ground("14.4").status is Status.PASS
    check = monitor(record(annual_reports=ON_TIME, changes=filed_later), AS_OF).ground("14.4").checks[0]
    assert check.status is Status.NEEDS_REVIEW
    assert {f.field: f.value for f in check.figures}["changes[0].filed_on"] is None


def test_a_yearly_report_filed_after_the_date_asked_about_is_not_filed_on_it() -> None:
    """The report on 2024 filed 2025-03-20: on 2025-03-19 it is still open, on 2025-03-20 on time."""
    before = monitor(record(annual_reports=ON_TIME), dt.date(2025, 3, 19))
    assert before.reports is not None and before.reports[0].state is ReportState.OPEN
    assert before.reports[0].filed_on is None
    on_the_day = monitor(record(annual_reports=ON_TIME), dt.date(2025, 3, 20))
    assert on_the_day.reports is not None and on_the_day.reports[0].state is ReportState.ON_TIME


def test_a_review_decided_after_the_date_asked_about_is_still_pending() -> None:
    """Decided (failed) 2027-09-01: pending on 2027-08-31, failed on 2027-09-01."""
    reviews = [{"requested_on": "2027-07-01", "decided_on": "2027-09-01", "passed": False}]
    rec = record(reviews=reviews, review_request_deadline="2027-07-31")
    assert monitor(rec, dt.date(2027, 8, 31)).validity.state is ValidityState.EXPIRED_REVIEW_PENDING
    assert monitor(rec, dt.date(2027, 8, 31)).ground("14.1").status is Status.NEEDS_REVIEW
    assert monitor(rec, dt.date(2027, 9, 1)).ground("14.1").status is Status.FAIL


def test_a_review_requested_after_the_date_asked_about_is_not_requested_on_it() -> None:
    """Requested 2027-07-01: on 2027-06-30 (expired since 2027-06-28) nothing has been requested yet."""
    rec = record(reviews=[{"requested_on": "2027-07-01"}])
    assert monitor(rec, dt.date(2027, 6, 30)).validity.state is ValidityState.EXPIRED_NO_REVIEW
    assert monitor(rec, dt.date(2027, 7, 1)).validity.state is ValidityState.EXPIRED_REVIEW_PENDING


@given(
    day=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
    as_of=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)),
)
def test_known_means_dated_on_or_before_the_date_asked_about(day: dt.date, as_of: dt.date) -> None:
    """The one rule: a fact is known exactly when its date is not after the date asked about."""
    assert known_on(day, as_of) is (day <= as_of)
    assert known_since(day, DESIGNATED, as_of) is (DESIGNATED <= day <= as_of)


def test_a_fact_without_a_date_is_never_known() -> None:
    """No date, no evidence."""
    assert known_on(None, AS_OF) is False and known_since(None, DESIGNATED, AS_OF) is False
