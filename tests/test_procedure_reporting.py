"""Art. 13: the report on year N is due by 31 March of year N+1; reports are listed on time, late, missing or open."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_criteria.procedure import AnnualReportFiling, ReportState, due_date, reports_due, validity_on
from cluster_criteria.ruleset.procedure_params import JILIN_2024_PROCEDURE, FirstReportYear

D = dt.date(2024, 6, 28)
DAY = dt.timedelta(days=1)


def filed(year: int, on: dt.date) -> AnnualReportFiling:
    return AnnualReportFiling(year=year, filed_on=on)


def states(
    as_of: dt.date, *filings: AnnualReportFiling, designated: dt.date = D, **params: object
) -> dict[int, ReportState]:
    p = dataclasses.replace(JILIN_2024_PROCEDURE, **params)  # type: ignore[arg-type]
    return {r.year: r.state for r in reports_due(validity_on(designated, as_of, (), p), filings, p)}


class TestDueDate:
    def test_the_report_on_2024_is_due_on_31_march_2025(self) -> None:
        """每年3月底前: the last day of March of the next year."""
        assert due_date(2024) == dt.date(2025, 3, 31)

    @settings(max_examples=100, deadline=None)
    @given(st.integers(min_value=2024, max_value=2199))
    def test_the_due_date_is_always_the_last_day_of_march_of_the_next_year(self, year: int) -> None:
        """Leap years or not, March ends on the 31st of year N+1."""
        assert due_date(year) == dt.date(year + 1, 3, 31)

    def test_the_due_month_is_a_parameter_from_article_thirteen(self) -> None:
        """The parameter cites 每年3月底前."""
        assert JILIN_2024_PROCEDURE.report_due_month == 3
        assert "3月底前" in JILIN_2024_PROCEDURE.report_due_source.quote


class TestReportsDue:
    def test_a_report_filed_on_the_due_date_is_on_time(self) -> None:
        """Filed 2025-03-31: on time."""
        assert states(dt.date(2025, 6, 30), filed(2024, dt.date(2025, 3, 31))) == {2024: ReportState.ON_TIME}

    def test_a_report_filed_the_day_after_the_due_date_is_late(self) -> None:
        """Filed 2025-04-01: late, one day."""
        validity = validity_on(D, dt.date(2025, 6, 30))
        (report,) = reports_due(validity, [filed(2024, dt.date(2025, 4, 1))])
        assert report.state is ReportState.LATE and report.days_late == 1

    def test_an_unfiled_report_is_open_on_its_due_date_and_missing_the_day_after(self) -> None:
        """Boundary of the due date for a report not filed."""
        assert states(dt.date(2025, 3, 31)) == {2024: ReportState.OPEN}
        assert states(dt.date(2025, 4, 1)) == {2024: ReportState.MISSING}

    def test_no_report_is_owed_during_the_designation_year(self) -> None:
        """On 2024-12-31 the year is not over: nothing is listed."""
        assert states(dt.date(2024, 12, 31)) == {}

    def test_a_filing_made_after_the_date_asked_about_is_not_yet_known(self) -> None:
        """On 2025-04-10 a report filed on 2025-04-11 is still missing."""
        assert states(dt.date(2025, 4, 10), filed(2024, dt.date(2025, 4, 11))) == {2024: ReportState.MISSING}

    def test_every_year_of_the_term_is_listed(self) -> None:
        """On 2027-05-01 the reports on 2024, 2025 and 2026 are due."""
        got = states(
            dt.date(2027, 5, 1),
            filed(2024, dt.date(2025, 3, 1)),
            filed(2025, dt.date(2026, 4, 2)),
        )
        assert got == {2024: ReportState.ON_TIME, 2025: ReportState.LATE, 2026: ReportState.MISSING}

    def test_the_year_the_term_ends_is_reported_on_but_not_the_years_after(self) -> None:
        """The term ends 2027-06-27: 2027 is owed, 2028 is not."""
        assert sorted(states(dt.date(2029, 6, 1))) == [2024, 2025, 2026, 2027]

    def test_a_cluster_designated_on_31_december_reports_on_that_year(self) -> None:
        """Default reading: one day as a designated cluster makes the year reportable."""
        assert 2024 in states(dt.date(2025, 4, 1), designated=dt.date(2024, 12, 31))

    def test_the_first_full_year_reading_starts_with_the_next_year(self) -> None:
        """Alternative reading: a cluster designated mid-2024 first reports on 2025."""
        got = states(dt.date(2026, 4, 1), first_report_year=FirstReportYear.FIRST_FULL_YEAR)
        assert sorted(got) == [2025]

    def test_a_cluster_designated_on_1_january_reports_on_that_year_under_either_reading(self) -> None:
        """1 January begins a full year."""
        got = states(
            dt.date(2026, 4, 1), designated=dt.date(2025, 1, 1), first_report_year=FirstReportYear.FIRST_FULL_YEAR
        )
        assert sorted(got) == [2025]


class TestReportProperties:
    @settings(max_examples=150, deadline=None)
    @given(
        st.dates(min_value=dt.date(2024, 3, 15), max_value=dt.date(2026, 12, 31)),
        st.integers(min_value=1, max_value=900),
        st.integers(min_value=0, max_value=900),
    )
    def test_a_filing_is_on_time_exactly_when_it_is_on_or_before_the_due_date(
        self, designated: dt.date, filed_after: int, as_of_after: int
    ) -> None:
        """For any designation, filing day and date asked about, the state follows the due date and nothing raises."""
        year = designated.year
        filed_on = dt.date(year + 1, 1, 1) + dt.timedelta(days=filed_after - 1)
        as_of = dt.date(year + 1, 1, 1) + dt.timedelta(days=as_of_after)
        validity = validity_on(designated, as_of)
        reports = {r.year: r for r in reports_due(validity, [filed(year, filed_on)])}
        report = reports[year]
        if filed_on > as_of:
            assert report.state is (ReportState.MISSING if as_of > report.due else ReportState.OPEN)
        else:
            assert (report.state is ReportState.ON_TIME) == (filed_on <= report.due)
