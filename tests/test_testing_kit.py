"""The testing kit for downstream users: the builder's one-line deviations, the strategies and the pytest fixtures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from cluster_criteria import Application, EvaluationContext, Outcome, Status, evaluate
from cluster_criteria.errors import ApplicationError
from cluster_criteria.jsonio import application_from_data
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.testing import DEFAULT_ASSESSMENT_DATE, ApplicationBuilder
from cluster_criteria.testing import strategies as cs

pytest_plugins = ["pytester"]

FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _checks(report: object) -> dict[str, Status]:
    return {c.id: c.status for v in report.verdicts for c in v.checks}  # type: ignore[attr-defined]


class TestApplicationBuilder:
    def test_the_untouched_builder_gives_an_eligible_application(self) -> None:
        """Every clause passes on the default assessment date."""
        report = ApplicationBuilder().evaluate()
        assert report.outcome is Outcome.ELIGIBLE
        assert report.assessment_date == DEFAULT_ASSESSMENT_DATE

    def test_lowering_total_output_in_one_line_fails_only_art_6_1(self) -> None:
        """The issue's example builds and fails Art. 6(1) alone, on the total output of that year."""
        report = ApplicationBuilder().year(2023, total_output="19.99亿元").evaluate()
        assert report.outcome is Outcome.INELIGIBLE
        assert report.decided_by == ("6.1",)
        failing = [c.id for c in report.verdict("6.1").checks if c.status is not Status.PASS]
        assert failing == ["total_output.2023"]

    def test_a_new_total_scales_the_parts_and_keeps_the_shares(self) -> None:
        """SME and leading-industry output follow the total in proportion, rounded up to the fen."""
        record = ApplicationBuilder().year(2023, total_output="19.99亿元").build().year(2023)
        assert record is not None
        assert record.total_output == Decimal("1999000000")
        assert record.sme_output == Decimal("1574969696.97")  # 26/33 of 19.99 亿, rounded up
        assert record.sme_output is not None and record.sme_output <= record.total_output

    def test_a_part_given_with_the_total_is_kept_as_given(self) -> None:
        """Only parts not named in the same call are scaled."""
        record = ApplicationBuilder().year(2023, total_output="25亿元", sme_output="20亿元").build().year(2023)
        assert record is not None and record.sme_output == Decimal("2000000000")
        assert record.leading_industry_output == Decimal("1969696969.70")

    def test_a_total_in_the_money_unit_is_read_in_that_unit(self) -> None:
        """Bare numbers are amounts in the application's money unit, as on loading."""
        builder = ApplicationBuilder().money_unit("万元").year(2024, total_output=200000)
        record = builder.build().year(2024)
        assert record is not None and record.total_output == Decimal("2000000000")

    def test_shares_set_a_part_as_an_exact_share_of_the_total(self) -> None:
        """A share written as a percentage becomes part = share × total exactly."""
        report = ApplicationBuilder().shares(2023, sme_output="59.99%").evaluate()
        check = report.verdict("6.1").check("sme_output_share.2023")
        assert check.value == Decimal("0.5999")
        assert check.status is Status.FAIL

    def test_shares_refuse_a_figure_that_is_not_a_part_of_total_output(self) -> None:
        """Only SME and leading-industry output are parts of the total."""
        with pytest.raises(ValueError, match="not a part of total_output"):
            ApplicationBuilder().shares(2023, sme_rd_expenditure="5%")

    def test_growth_makes_an_amount_grow_by_exactly_the_rate(self) -> None:
        """Five per cent a year is met exactly, and so passes 不低于 but fails 高于."""
        report = (
            ApplicationBuilder().growth("sme_rd_expenditure", "5%").growth("leading_industry_output", "0.05").evaluate()
        )
        assert report.verdict("6.4").check("sme_rd_growth").status is Status.FAIL
        assert report.verdict("6.1").check("leading_output_growth").status is Status.PASS

    def test_growth_of_a_count_writes_whole_numbers_when_it_can(self) -> None:
        """Patents growing 5 % a year from 400 are 400, 420 and 441."""
        data = ApplicationBuilder().growth("valid_invention_patents", "5%", first=400).data()
        assert [m["valid_invention_patents"] for m in data["metrics"]] == [400, 420, 441]
        data = ApplicationBuilder().growth("valid_invention_patents", "5%", first=10).data()
        assert data["metrics"][1]["valid_invention_patents"] == "10.50"

    def test_growth_needs_a_starting_value(self) -> None:
        """A figure absent in the first year cannot grow without ``first``."""
        with pytest.raises(ValueError, match="no employees"):
            ApplicationBuilder().year(2022, employees=None).growth("employees", "5%")

    def test_assessed_on_moves_the_figures_to_the_three_years_before(self) -> None:
        """Assessed in 2028, the base reports 2025 to 2027 and stays eligible."""
        builder = ApplicationBuilder().assessed_on("2028-02-29")
        assert [m.year for m in builder.build().metrics] == [2025, 2026, 2027]
        assert builder.assessment_date == dt.date(2028, 2, 29)
        assert builder.evaluate().outcome is Outcome.ELIGIBLE
        assert builder.context().assessment_date == dt.date(2028, 2, 29)

    def test_assessed_on_the_same_year_moves_nothing(self) -> None:
        """Another day of the default year keeps the figures where they are."""
        before = ApplicationBuilder().data()
        after = ApplicationBuilder().assessed_on(dt.date(2025, 12, 31)).data()
        assert before == after

    def test_evaluate_passes_options_through(self) -> None:
        """The sharing rule reaches the evaluation."""
        report = ApplicationBuilder().answer("6.3.sharing.design", "not_met").evaluate(sharing_rule="any_listed")
        assert report.verdict("6.3").status is Status.PASS

    def test_events_and_records_can_be_added_and_removed(self) -> None:
        """Incidents and violations take dates as dates or text; records can be left out."""
        builder = (
            ApplicationBuilder()
            .incident("safety", dt.date(2024, 1, 1), "major")
            .violation("tax_evasion", dt.date(2001, 1, 1), description="税务处理决定书")
        )
        report = builder.evaluate()
        assert report.decided_by == ("7.2", "7.4")
        report = builder.without_incident_record().without_violation_record().evaluate()
        assert report.outcome is Outcome.UNDECIDED

    def test_events_start_a_record_where_none_was_supplied(self) -> None:
        """Adding an incident after leaving the record out starts a new one."""
        data = ApplicationBuilder().without_incident_record().incident("quality", "2024-01-01", "larger").data()
        assert data["incidents"] == [{"kind": "quality", "date": "2024-01-01", "severity": "larger"}]
        data = ApplicationBuilder().without_violation_record().violation("tax_evasion", "2024-01-01").data()
        assert len(data["violations"]) == 1

    def test_set_reaches_list_items_and_removes_fields(self) -> None:
        """A dotted path with indexes sets a value; ``None`` removes a field."""
        data = (
            ApplicationBuilder()
            .set("enterprises.0.is_sme", False)
            .set("cluster.area_km2", None)
            .set("metrics.0", {"year": 2022})
            .data()
        )
        assert data["enterprises"][0]["is_sme"] is False
        assert "area_km2" not in data["cluster"]
        assert data["metrics"][0] == {"year": 2022}

    def test_efficiency_declares_the_industry_and_its_figures(self) -> None:
        """Declaring water figures marks the industry high-water-use and compares with the benchmark."""
        report = ApplicationBuilder().efficiency("water", "3.4", "3.5", unit="m³/t").evaluate()
        assert report.verdict("6.6").check("water_efficiency").status is Status.PASS

    def test_the_builder_copies_the_data_it_is_given(self) -> None:
        """Changing the builder never changes the caller's dict."""
        data = ApplicationBuilder().data()
        ApplicationBuilder(data).area(150)
        assert data["cluster"]["area_km2"] == "40"

    def test_a_year_can_be_added_and_removed(self) -> None:
        """A new year is inserted in order; a removed one is gone."""
        data = ApplicationBuilder().year(2021, total_output="1亿元").without_year(2022).data()
        assert [m["year"] for m in data["metrics"]] == [2021, 2023, 2024]


class TestFixtures:
    def test_the_eligible_application_fixture_is_eligible(
        self, eligible_application: Application, evaluation_context: EvaluationContext
    ) -> None:
        """The plugin's application passes every clause in the plugin's context."""
        assert evaluate(eligible_application, evaluation_context).outcome is Outcome.ELIGIBLE

    def test_the_builder_fixture_is_fresh_and_assessed_on_the_fixture_date(
        self, application_builder: ApplicationBuilder, assessment_date: dt.date
    ) -> None:
        """The builder fixture starts from the eligible base on the fixture's date."""
        assert application_builder.assessment_date == assessment_date
        assert application_builder.data() == ApplicationBuilder().data()


class TestStrategies:
    @FEW
    @given(cs.application_data(), st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    def test_generated_applications_are_valid_and_evaluate_without_error(self, data: dict, day: dt.date) -> None:
        """Any generated application validates and gets a complete report on any day of its year."""
        report = evaluate(application_from_data(data), day)
        assert len(report.verdicts) == 12

    @FEW
    @given(cs.applications(assessment_year=2031))
    def test_applications_follow_the_assessment_year(self, application: Application) -> None:
        """Figures end no later than the year before the assessment."""
        assert all(m.year <= 2030 for m in application.metrics)

    @settings(max_examples=120, deadline=None)
    @given(cs.near_limits())
    def test_values_near_a_limit_get_the_status_the_legal_word_gives(self, case: cs.BoundaryCase) -> None:
        """At, just under and just over each threshold the check's status is the one the strategy derives."""
        report = evaluate(case.build(), case.assessment_date)
        assert _checks(report)[case.check_id] is case.expected, (case.threshold, case.position, case.value)

    @pytest.mark.parametrize("rule_id", ["6.1", "6.2", "6.4", "6.5"])
    @settings(max_examples=15, deadline=None)
    @given(data=st.data())
    def test_near_limits_keeps_to_the_clause_asked_for(self, rule_id: str, data: st.DataObject) -> None:
        """A boundary case for a clause places a figure that clause reads."""
        case = data.draw(cs.near_limits(rule_id))
        assert case.rule_id == rule_id
        assert JILIN_2024.parameters.threshold(case.threshold).source.place.startswith("第六条")

    def test_near_limits_refuses_a_clause_without_numeric_limits(self) -> None:
        """Art. 6(3) has only declared items, so there is no limit to stand near."""

        @given(cs.near_limits("6.3"))
        def draw(case: cs.BoundaryCase) -> None:
            raise AssertionError("never drawn")

        with pytest.raises(ValueError, match="no numeric limit"):
            draw()

    @settings(max_examples=120, deadline=None)
    @given(cs.incidents_near_window())
    def test_an_incident_at_the_floor_excludes_exactly_when_inside_the_window(self, case: cs.WindowCase) -> None:
        """One day either side of each window edge decides the clause, leap days included."""
        verdict = case.builder().evaluate().verdict(case.rule_id)
        assert (verdict.status is Status.FAIL) is case.inside

    def test_assessment_dates_reach_leap_days_and_stay_in_force(self) -> None:
        """29 February of a leap year is among the dates drawn, and no date precedes the rule set."""
        leap_day = find(cs.assessment_dates(max_year=2032), lambda d: d.month == 2 and d.day == 29)
        assert leap_day.year in (2028, 2032)
        earliest = find(cs.assessment_dates(max_year=2032), lambda d: True)
        assert earliest >= JILIN_2024.effective_date

    @FEW
    @given(cs.malformed_application_data())
    def test_malformed_data_is_refused_or_accepted_but_never_crashes(self, data: object) -> None:
        """Validation answers with an application or an ApplicationError."""
        try:
            application_from_data(data)
        except ApplicationError as exc:
            assert exc.problems

    @FEW
    @given(cs.rates(), cs.amounts(max_yuan=100))
    def test_rates_and_amounts_stay_in_range(self, rate: Decimal, amount: Decimal) -> None:
        """Rates lie in [0, 1] and amounts in [0, max]."""
        assert 0 <= rate <= 1
        assert 0 <= amount <= 100


class TestThePluginInAnotherProject:
    def test_scenario_files_are_collected_and_a_failure_shows_the_differences(self, pytester: pytest.Pytester) -> None:
        """A project's tests/scenarios/*.toml become items; a wrong expectation prints the differing clause."""
        pytester.makefile(
            ".toml",
            **{
                "scenarios/cases": """
as_of = 2025-04-15
[[scenario]]
name = "A cluster with 19 亿元 in 2023 fails Art. 6(1)"
given.years.2023 = { total_output = "19亿元" }
expect = { "6.1" = "fail" }

[[scenario]]
name = "A wrong expectation is reported with the clause"
given.years.2023 = { total_output = "19亿元" }
expect = { "6.1" = "pass" }
"""
            },
        )
        pytester.makefile(".toml", elsewhere="x = 1")
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
        result.assert_outcomes(passed=1, failed=1)
        result.stdout.fnmatch_lines(
            ["*assessed on: 2025-04-15*", "*clause 6.1 (第六条第（一）项): expected pass, got fail*"]
        )

    def test_bad_scenarios_fail_alone_with_ids_that_stay_distinct(self, pytester: pytest.Pytester) -> None:
        """Names that differ only in signs get numbered ids; a scenario without a name or stated twice is one
        failing item each, with its reason, and the good scenario still passes."""
        pytester.makefile(
            ".toml",
            **{
                "scenarios/cases": """
as_of = 2025-04-15
[[scenario]]
name = "6(1): met"
expect = { "6.1" = "pass" }

[[scenario]]
name = "6(1) met"
expect = { "6.1" = "pass" }

[[scenario]]
name = "6(1): met"
expect = { "6.1" = "pass" }

[[scenario]]
expect = { "6.1" = "pass" }

[[scenario]]
name = "?!"
expect = { "6.1" = "fine" }
"""
            },
        )
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-v")
        result.assert_outcomes(passed=2, failed=3)
        result.stdout.fnmatch_lines(
            [
                "*cases.toml::6_1_met PASSED*",
                "*cases.toml::6_1_met_2 PASSED*",
                "*cases.toml::6_1_met_3 FAILED*",
                "*cases.toml::unreadable_scenario_2 FAILED*",
                "*cases.toml::scenario FAILED*",
                "*scenario cannot be read: *two scenarios have this name*",
                "*scenario cannot be read: *scenario #4 needs a name*",
            ]
        )

    def test_collection_can_be_turned_off(self, pytester: pytest.Pytester) -> None:
        """``cluster_criteria_scenarios = false`` leaves scenario files alone."""
        pytester.makefile(".toml", **{"scenarios/cases": "not even toml ["})
        pytester.makeini("[pytest]\ncluster_criteria_scenarios = false\n")
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
        assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED

    def test_the_fixtures_are_offered_to_any_project(self, pytester: pytest.Pytester) -> None:
        """A project's test can ask for the builder and the context by name."""
        pytester.makepyfile(
            """
            def test_uses_fixtures(application_builder, evaluation_context, eligible_application):
                report = application_builder.without_designations().evaluate()
                assert report.decided_by == ("6.2",)
                assert evaluation_context.figure_years == (2022, 2023, 2024)
                assert eligible_application.cluster.name
            """
        )
        pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
