"""One end-date rule for titles, designations and review extensions (cluster_criteria.terms)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cluster_criteria.models import Designation
from cluster_criteria.procedure import validity_on
from cluster_criteria.rules.article6 import designation_end
from cluster_criteria.ruleset.procedure_params import TermEnd
from cluster_criteria.terms import next_term_start, term_last_day
from cluster_criteria.vocabulary import DesignationKind

starts = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


class TestTermLastDay:
    def test_a_start_on_29_february_ends_on_28_february_three_years_on(self) -> None:
        """2024-02-29 + three years: last day 2027-02-28, next term from 2027-03-01."""
        assert term_last_day(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)
        assert next_term_start(dt.date(2024, 2, 29), 3) == dt.date(2027, 3, 1)

    def test_both_readings_agree_on_29_february(self) -> None:
        """The Civil Code reading gives the month's last day too."""
        assert term_last_day(dt.date(2024, 2, 29), 3, TermEnd.ANNIVERSARY) == dt.date(2027, 2, 28)

    def test_a_term_past_the_last_representable_year_lasts_to_it(self) -> None:
        """No overflow: a title from 9999-06-01 lasts to 9999-12-31."""
        assert term_last_day(dt.date(9999, 6, 1), 3) == dt.date.max
        assert term_last_day(dt.date(9998, 1, 1), 3, TermEnd.ANNIVERSARY) == dt.date.max

    @given(starts)
    def test_titles_and_designations_share_the_rule(self, start: dt.date) -> None:
        """A title with no end date and a designation of the same start end on the same day."""
        title = Designation(kind=DesignationKind.LITTLE_GIANT, valid_from=start)
        title_end, derived = designation_end(title, 3)
        assert derived
        assert title_end == term_last_day(start, 3)
        assert validity_on(start, start).first_term_last_day == title_end

    @given(starts, st.integers(min_value=1, max_value=12))
    def test_the_last_day_is_the_day_before_the_next_term(self, start: dt.date, years: int) -> None:
        """Terms follow each other without a gap or an overlap."""
        assert term_last_day(start, years) + dt.timedelta(days=1) == next_term_start(start, years)
