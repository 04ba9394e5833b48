"""Art. 12: a designation lasts three years from its date; a passed review extends it by three more."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_criteria.procedure import ReviewRecord, ValidityState, next_term_start, term_last_day, validity_on
from cluster_criteria.ruleset.procedure_params import JILIN_2024_PROCEDURE, TermEnd

D = dt.date(2024, 6, 28)
DAY = dt.timedelta(days=1)
dates = st.dates(min_value=dt.date(2024, 3, 15), max_value=dt.date(2090, 12, 31))


class TestTermLastDay:
    def test_the_default_term_ends_the_day_before_the_third_anniversary(self) -> None:
        """Designated 2024-06-28: last day 2027-06-27."""
        assert term_last_day(D, 3) == dt.date(2027, 6, 27)

    def test_the_civil_code_reading_ends_on_the_anniversary(self) -> None:
        """Civil Code art. 201–202: designated 2024-06-28, last day 2027-06-28."""
        assert term_last_day(D, 3, TermEnd.ANNIVERSARY) == dt.date(2027, 6, 28)

    @pytest.mark.parametrize("term_end", list(TermEnd))
    def test_a_term_starting_on_29_february_ends_on_28_february(self, term_end: TermEnd) -> None:
        """2027 has no 29 February; both readings end the term on 28 February."""
        assert term_last_day(dt.date(2024, 2, 29), 3, term_end) == dt.date(2027, 2, 28)

    def test_a_term_starting_on_29_february_extended_to_a_leap_year_ends_on_28_february(self) -> None:
        """Twelve years from 2024-02-29 reach 2036-02-29, so the day before is 28 February."""
        assert term_last_day(dt.date(2024, 2, 29), 12) == dt.date(2036, 2, 28)

    def test_a_term_starting_on_1_march_ends_on_the_last_day_of_february(self) -> None:
        """Designated 2025-03-01: last day 2028-02-29, a leap day."""
        assert term_last_day(dt.date(2025, 3, 1), 3) == dt.date(2028, 2, 29)

    @pytest.mark.parametrize(
        ("start", "last"),
        [(dt.date(2024, 12, 31), dt.date(2027, 12, 30)), (dt.date(2025, 1, 1), dt.date(2027, 12, 31))],
    )
    def test_terms_cross_year_ends_exactly(self, start: dt.date, last: dt.date) -> None:
        """A term starting on 1 January ends on 31 December; one starting on 31 December ends on 30 December."""
        assert term_last_day(start, 3) == last

    @settings(max_examples=200, deadline=None)
    @given(dates)
    def test_the_default_term_is_exactly_three_years_of_days(self, start: dt.date) -> None:
        """From D to the last day inclusive is 1095 or 1096 days, and the next day is the anniversary or 1 March."""
        last = term_last_day(start, 3)
        assert (last - start).days + 1 in (1095, 1096)
        assert last + DAY == next_term_start(start, 3)
        assert last < start + relativedelta(years=3) or (start.month, start.day) == (2, 29)

    @settings(max_examples=200, deadline=None)
    @given(dates, dates)
    def test_a_later_designation_never_ends_earlier(self, a: dt.date, b: dt.date) -> None:
        """The last day is monotonic in the designation date."""
        early, late = sorted((a, b))
        for term_end in TermEnd:
            assert term_last_day(early, 3, term_end) <= term_last_day(late, 3, term_end)

    @settings(max_examples=200, deadline=None)
    @given(dates)
    def test_the_two_readings_differ_by_at_most_one_day(self, start: dt.date) -> None:
        """The Civil Code reading adds the anniversary itself, except on 29 February starts."""
        gap = term_last_day(start, 3, TermEnd.ANNIVERSARY) - term_last_day(start, 3)
        assert gap in (dt.timedelta(0), DAY)


class TestValidityOn:
    def test_the_designation_is_in_force_on_its_first_day_and_not_the_day_before(self) -> None:
        """Boundary at the start: D in force, D − 1 not yet designated."""
        assert validity_on(D, D).state is ValidityState.IN_FORCE
        assert validity_on(D, D - DAY).state is ValidityState.NOT_YET_DESIGNATED

    def test_the_designation_is_in_force_on_its_last_day_and_expired_the_day_after(self) -> None:
        """Boundary at the end: 2027-06-27 in force, 2027-06-28 expired."""
        assert validity_on(D, dt.date(2027, 6, 27)).in_force
        after = validity_on(D, dt.date(2027, 6, 28))
        assert after.state is ValidityState.EXPIRED_NO_REVIEW
        assert after.expires_on == dt.date(2027, 6, 28)

    def test_the_reading_is_a_parameter(self) -> None:
        """Under the Civil Code reading the anniversary is still in force."""
        assert validity_on(D, dt.date(2027, 6, 28), term_end=TermEnd.ANNIVERSARY).in_force

    def test_a_passed_review_extends_the_term_by_three_years(self) -> None:
        """Reviewed and passed: in force until 2030-06-27, expired on 2030-06-28."""
        reviews = [ReviewRecord(requested_on=dt.date(2027, 7, 5), decided_on=dt.date(2027, 9, 1), passed=True)]
        assert validity_on(D, dt.date(2030, 6, 27), reviews).in_force
        extended = validity_on(D, dt.date(2030, 6, 28), reviews)
        assert extended.state is ValidityState.EXPIRED_NO_REVIEW
        assert (extended.extensions, extended.last_day) == (1, dt.date(2030, 6, 27))

    def test_the_extended_term_runs_on_from_the_original_end_without_a_gap(self) -> None:
        """The extension counts from the designation date, not from the review's decision."""
        reviews = [ReviewRecord(requested_on=dt.date(2027, 7, 5), decided_on=dt.date(2027, 12, 1), passed=True)]
        validity = validity_on(D, dt.date(2028, 1, 1), reviews)
        assert validity.last_day == term_last_day(D, 6)

    def test_the_extended_last_day_after_a_review_is_offered_in_advance(self) -> None:
        """While in force, the library says how long a passed review would extend the term."""
        assert validity_on(D, dt.date(2025, 1, 1)).extended_last_day() == dt.date(2030, 6, 27)

    def test_a_review_decided_after_the_date_asked_about_is_still_pending(self) -> None:
        """Facts after the date are not known on it."""
        reviews = [ReviewRecord(requested_on=dt.date(2027, 7, 5), decided_on=dt.date(2027, 9, 1), passed=True)]
        assert validity_on(D, dt.date(2027, 8, 31), reviews).state is ValidityState.EXPIRED_REVIEW_PENDING
        assert validity_on(D, dt.date(2027, 9, 1), reviews).state is ValidityState.IN_FORCE

    def test_a_failed_review_ends_the_designation(self) -> None:
        """Reviewed and failed: the state is review_failed."""
        reviews = [ReviewRecord(requested_on=dt.date(2027, 7, 5), decided_on=dt.date(2027, 9, 1), passed=False)]
        assert validity_on(D, dt.date(2027, 9, 1), reviews).state is ValidityState.REVIEW_FAILED

    def test_a_review_requested_after_the_date_asked_about_is_ignored(self) -> None:
        """On 2027-07-04 the request of 2027-07-05 does not exist yet."""
        reviews = [ReviewRecord(requested_on=dt.date(2027, 7, 5))]
        assert validity_on(D, dt.date(2027, 7, 4), reviews).state is ValidityState.EXPIRED_NO_REVIEW
        assert validity_on(D, dt.date(2027, 7, 5), reviews).state is ValidityState.EXPIRED_REVIEW_PENDING

    def test_the_parameters_name_article_twelve(self) -> None:
        """Three years and the extension come from Art. 12 with its words."""
        p = JILIN_2024_PROCEDURE
        assert (p.validity_years, p.extension_years) == (3, 3)
        assert p.validity_source.place == "第十二条" and "有效期为三年" in p.validity_source.quote
