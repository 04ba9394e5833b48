"""The evaluation context: the rule set's effective date, the windows, rule selection and the overall outcome."""

from __future__ import annotations

import datetime as dt

import pytest

from cluster_criteria import (
    EvaluationContext,
    Outcome,
    RuleSetNotInForceError,
    Status,
    UnknownRuleError,
    evaluate,
    select,
)
from cluster_criteria.ruleset import rule_sets
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.verdicts import combine
from helpers import AS_OF


class TestEffectiveDate:
    def test_the_day_the_measures_took_effect_is_accepted(self) -> None:
        """Art. 16: in force from publication, 2024-03-15."""
        assert EvaluationContext(dt.date(2024, 3, 15)).figure_years == (2021, 2022, 2023)

    def test_the_day_before_is_refused_with_a_clear_message(self) -> None:
        """2024-03-14 is before the measures; they are never applied backwards."""
        with pytest.raises(RuleSetNotInForceError) as caught:
            EvaluationContext(dt.date(2024, 3, 14))
        assert "第十六条" in caught.value.render("zh")
        assert "2024-03-15" in caught.value.render("en")

    def test_a_datetime_is_not_a_date(self) -> None:
        """Dates carry no time of day: a datetime is the wrong type of argument."""
        with pytest.raises(TypeError, match=r"datetime\.date"):
            EvaluationContext(dt.datetime(2025, 1, 1))


class TestWindows:
    def test_figures_use_the_three_complete_years_before_the_assessment_year(self) -> None:
        """Assessed in 2025 → 2022, 2023, 2024."""
        assert EvaluationContext(AS_OF).figure_years == (2022, 2023, 2024)

    @pytest.mark.parametrize(
        ("as_of", "start"),
        [
            (dt.date(2025, 4, 15), dt.date(2022, 4, 15)),
            (dt.date(2028, 2, 29), dt.date(2025, 2, 28)),
            (dt.date(2025, 1, 1), dt.date(2022, 1, 1)),
            (dt.date(2024, 12, 31), dt.date(2021, 12, 31)),
        ],
    )
    def test_the_event_window_starts_three_calendar_years_back(self, as_of: dt.date, start: dt.date) -> None:
        """relativedelta(years=3): leap days fall back to 28 February."""
        context = EvaluationContext(as_of)
        assert context.event_window_start == start
        assert context.in_event_window(start) and not context.in_event_window(start - dt.timedelta(days=1))
        assert context.in_event_window(as_of) and not context.in_event_window(as_of + dt.timedelta(days=1))


class TestSelection:
    def test_the_latest_edition_lists_its_rules_in_legal_order(self) -> None:
        """6.1–6.8 then 7.1–7.4."""
        assert [r.rule_id for r in select()] == [f"6.{n}" for n in range(1, 9)] + [f"7.{n}" for n in range(1, 5)]
        assert [r.rule_id for r in select()] == list(rule_sets()[-1].rule_ids)

    def test_every_rule_carries_its_clause_text_in_its_docstring(self) -> None:
        """The function beside the clause: each docstring quotes its clause's opening words."""
        from cluster_criteria.ruleset.jilin_2024 import JILIN_2024

        for rule in select():
            opening = JILIN_2024.clause_text(rule.article, rule.clause)[:12]
            assert opening in rule.doc.replace("\n    ", "").replace("\n", ""), rule.rule_id

    def test_a_subset_runs_only_those_rules_and_is_never_eligible(self) -> None:
        """Two passing rules alone leave the outcome undecided."""
        report = evaluate(ApplicationBuilder().build(), AS_OF, rules=["7.2", "art6.1"])
        assert [v.rule_id for v in report.verdicts] == ["6.1", "7.2"]
        assert report.outcome is Outcome.UNDECIDED and not report.complete

    def test_a_failing_subset_is_ineligible(self) -> None:
        """A failure decides even in a partial run."""
        report = evaluate(ApplicationBuilder().violation("tax_evasion", "2020-01-01").build(), AS_OF, rules=["7.4"])
        assert report.outcome is Outcome.INELIGIBLE and report.decided_by == ("7.4",)

    def test_an_unknown_rule_id_is_refused(self) -> None:
        """6.9 does not exist."""
        with pytest.raises(UnknownRuleError):
            evaluate(ApplicationBuilder().build(), AS_OF, rules=["6.9"])


class TestOutcome:
    def test_an_eligible_application_is_decided_by_every_clause(self) -> None:
        """Every clause passes → eligible."""
        report = evaluate(ApplicationBuilder().build(), AS_OF)
        assert report.outcome is Outcome.ELIGIBLE and len(report.decided_by) == len(report.verdicts) > 0

    def test_missing_data_leaves_the_outcome_undecided(self) -> None:
        """One insufficient clause → undecided, naming it."""
        report = evaluate(ApplicationBuilder().without_violation_record().build(), AS_OF)
        assert report.outcome is Outcome.UNDECIDED and report.decided_by == ("7.4",)

    def test_a_failure_outweighs_missing_data(self) -> None:
        """Fail + insufficient → ineligible, decided by the failing clause only."""
        builder = ApplicationBuilder().without_violation_record().leading_industry(catalogue_status="prohibited")
        report = evaluate(builder.build(), AS_OF)
        assert report.outcome is Outcome.INELIGIBLE and report.decided_by == ("7.1",)

    @pytest.mark.parametrize(
        ("parts", "expected"),
        [
            ((Status.PASS, Status.FAIL, Status.INSUFFICIENT_DATA), Status.FAIL),
            ((Status.PASS, Status.NEEDS_REVIEW, Status.INSUFFICIENT_DATA), Status.INSUFFICIENT_DATA),
            ((Status.PASS, Status.NEEDS_REVIEW), Status.NEEDS_REVIEW),
            ((Status.PASS, Status.NOT_APPLICABLE), Status.PASS),
            ((Status.NOT_APPLICABLE,), Status.NOT_APPLICABLE),
            ((), Status.NOT_APPLICABLE),
        ],
    )
    def test_clause_statuses_combine_by_precedence(self, parts: tuple[Status, ...], expected: Status) -> None:
        """fail > insufficient_data > needs_review > pass; not_applicable parts are left out."""
        assert combine(parts) is expected

    def test_alternatives_combine_by_the_best(self) -> None:
        """Inside a group one pass is enough; all failing fails."""
        assert combine((Status.FAIL, Status.PASS), any_of=True) is Status.PASS
        assert combine((Status.FAIL, Status.INSUFFICIENT_DATA), any_of=True) is Status.INSUFFICIENT_DATA
        assert combine((Status.FAIL, Status.FAIL), any_of=True) is Status.FAIL


def test_the_package_attribute_evaluate_stays_the_function_after_the_cli_imports_its_module() -> None:
    """Importing the evaluation module never shadows cluster_criteria.evaluate."""
    import importlib

    import cluster_criteria

    importlib.import_module("cluster_criteria.evaluation")
    importlib.import_module("cluster_criteria.cli.evaluate")
    assert callable(cluster_criteria.evaluate) and cluster_criteria.evaluate.__module__ == "cluster_criteria.evaluation"
