"""Art. 12 review (复核): a fresh Art. 6–7 evaluation together with the three-year plan's goals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cluster_criteria.context import EvaluationContext
from cluster_criteria.procedure import PlanGoal, assess_review, plan_goals_verdict
from cluster_criteria.ruleset import get_rule_set
from cluster_criteria.ruleset.procedure_params import procedure_parameters
from cluster_criteria.ruleset.reform import apply_reform, load_reform
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.verdicts import Status

DESIGNATED = dt.date(2024, 6, 28)
REVIEW_DAY = dt.date(2027, 7, 15)


def goal(target: str, actual: str | None, comparison: str = ">=", goal_id: str = "g") -> PlanGoal:
    return PlanGoal.model_validate(
        {
            "id": goal_id,
            "name": "集群总产值",
            "target": target,
            "actual": actual,
            "comparison": comparison,
            "unit": "亿元",
        }
    )


# A review that asks half the plan's goals instead of all of them, and extends by two years instead of three.
HALF_THE_GOALS = load_reform(
    'id = "half-the-goals"\ntitle_zh = "完成半数目标、延长两年"\ntitle_en = "Half the goals, two more years"\n'
    '[parameters.plan_goals_share_min]\nvalue = "0.5"\n[parameters.extension_years]\nvalue = "2"\n'
)
REFORMED = apply_reform(get_rule_set("jilin-2024"), HALF_THE_GOALS)


def eligible_in_2027() -> ApplicationBuilder:
    return ApplicationBuilder().shifted_years(2)


def goals(met: int, missed: int, open_: int = 0) -> list[PlanGoal]:
    """``met`` goals reached, ``missed`` goals short of their target, ``open_`` goals with no actual value yet;
    ids g0, g1, … in that order, so that each goal has its own check."""
    actuals: list[str | None] = [*(["55"] * met), *(["54.99"] * missed), *([None] * open_)]
    return [goal("55", actual, goal_id=f"g{i}") for i, actual in enumerate(actuals)]


class TestPlanGoals:
    def test_a_goal_reached_exactly_is_met(self) -> None:
        """55 ≥ 55 → met."""
        assert plan_goals_verdict([goal("55", "55")]).status is Status.PASS

    def test_a_goal_just_short_is_not_met(self) -> None:
        """54.99 < 55 → not met, and with the default (all goals) the plan fails."""
        verdict = plan_goals_verdict([goal("55", "54.99")])
        assert verdict.status is Status.FAIL
        assert verdict.check("plan_goal.g").status is Status.FAIL

    def test_an_upper_bound_goal_is_met_at_or_below_its_target(self) -> None:
        """Energy per unit ≤ 0.8: 0.8 met, 0.81 not."""
        assert plan_goals_verdict([goal("0.8", "0.8", "<=")]).status is Status.PASS
        assert plan_goals_verdict([goal("0.8", "0.81", "<=")]).status is Status.FAIL

    def test_a_goal_without_an_actual_value_is_insufficient_data(self) -> None:
        """Unknown achievement is never taken as met."""
        verdict = plan_goals_verdict([goal("55", None)])
        assert verdict.status is Status.INSUFFICIENT_DATA

    def test_no_goals_at_all_is_insufficient_data(self) -> None:
        """A review cannot assess a plan it has not seen."""
        assert plan_goals_verdict(None).status is Status.INSUFFICIENT_DATA
        assert plan_goals_verdict([]).status is Status.INSUFFICIENT_DATA

    def test_the_verdict_cites_article_twelve(self) -> None:
        """Citation and verbatim text of Art. 12."""
        verdict = plan_goals_verdict([goal("1", "1")])
        assert verdict.citation_zh == "第十二条" and "三年发展规划目标完成情况" in verdict.text


class TestPlanGoalsShare:
    """The plan passes only when every goal is met (``plan_goals_share_min`` = 1, the reading review.plan_goals_all):
    several goals are needed to tell that setting from a lower share."""

    def test_two_of_three_goals_met_fails_and_shows_the_share(self) -> None:
        """2 of 3 met: the share 2/3 is below 1, so the plan fails although most goals were reached."""
        verdict = plan_goals_verdict(goals(met=2, missed=1))
        share = verdict.check("plan_goals.share_met")
        assert verdict.status is Status.FAIL and share.status is Status.FAIL
        assert share.value == Decimal(2) / 3
        assert share.threshold == Decimal(1)
        assert {f.field: f.value for f in share.figures} == {"plan_goals.met": 2, "plan_goals.total": 3}
        assert [verdict.check(f"plan_goal.g{i}").status for i in range(3)] == [Status.PASS, Status.PASS, Status.FAIL]

    def test_three_of_three_goals_met_passes(self) -> None:
        """Every goal met: share 1, the plan passes."""
        verdict = plan_goals_verdict(goals(met=3, missed=0))
        assert verdict.status is Status.PASS
        assert verdict.check("plan_goals.share_met").status is Status.PASS
        assert verdict.check("plan_goals.share_met").value == Decimal(1)

    def test_two_met_and_one_without_an_actual_value_is_insufficient_data(self) -> None:
        """The open goal could still make the share 1, so the plan is neither met nor failed."""
        verdict = plan_goals_verdict(goals(met=2, missed=0, open_=1))
        assert verdict.status is Status.INSUFFICIENT_DATA
        assert verdict.check("plan_goals.share_met").status is Status.INSUFFICIENT_DATA
        assert verdict.check("plan_goal.g2").missing == ("plan_goals[2].actual",)

    def test_one_missed_goal_fails_even_when_another_is_open(self) -> None:
        """A goal already missed cannot be made up by an open one: the share can no longer reach 1."""
        assert plan_goals_verdict(goals(met=1, missed=1, open_=1)).status is Status.FAIL

    @settings(max_examples=60, deadline=None)
    @given(met=st.integers(0, 8), missed=st.integers(0, 8))
    def test_complete_goals_pass_exactly_when_all_are_met(self, met: int, missed: int) -> None:
        """With every actual value known: PASS ⇔ met == total, otherwise FAIL; the share is met ÷ total exactly."""
        assume(met + missed > 0)  # no goals at all is the separate case of missing data
        total = met + missed
        verdict = plan_goals_verdict(goals(met=met, missed=missed))
        assert verdict.status is (Status.PASS if met == total else Status.FAIL)
        assert verdict.check("plan_goals.share_met").value == Decimal(met) / Decimal(total)


class TestAssessReview:
    def test_an_eligible_cluster_with_its_goals_met_passes_and_is_extended(self) -> None:
        """Passed: the term runs on to 2030-06-27."""
        result = assess_review(eligible_in_2027().build(), [goal("55", "56")], REVIEW_DAY, DESIGNATED)
        assert result.passed
        assert result.extended_last_day == dt.date(2030, 6, 27)

    def test_a_second_review_extends_from_the_original_date(self) -> None:
        """After one extension, a passed review reaches 2033-06-27."""
        application = ApplicationBuilder().shifted_years(5).build()
        result = assess_review(application, [goal("1", "1")], dt.date(2030, 7, 15), DESIGNATED, extensions_so_far=1)
        assert result.extended_last_day == dt.date(2033, 6, 27)

    def test_an_ineligible_cluster_fails_even_with_its_goals_met(self) -> None:
        """Total output of 19.99 亿元 in 2025 (below 20 亿元) fails Art. 6(1), so the review fails."""
        application = (
            eligible_in_2027()
            .year(2025, total_output="19.99亿元", sme_output="13亿元", leading_industry_output="14.5亿元")
            .build()
        )
        result = assess_review(application, [goal("1", "1")], REVIEW_DAY, DESIGNATED)
        assert result.status is Status.FAIL and result.extended_last_day is None
        assert result.evaluation.verdict("6.1").status is Status.FAIL

    def test_unmet_goals_fail_an_eligible_cluster(self) -> None:
        """Eligible again, but the plan was not carried out."""
        result = assess_review(eligible_in_2027().build(), [goal("55", "40")], REVIEW_DAY, DESIGNATED)
        assert result.status is Status.FAIL


class TestTheRuleSetsValuesApply:
    """Without ``params`` the share of goals and the extension come from the rule set the review applies."""

    def test_half_the_goals_meet_the_reformed_share_exactly(self) -> None:
        """1 of 2 met is 50 %: at the reformed floor it passes; the 2024 edition asks for all."""
        goals = [goal("55", "56"), goal("55", "54")]
        assert plan_goals_verdict(goals, REFORMED).status is Status.PASS
        assert plan_goals_verdict(goals).status is Status.FAIL

    def test_one_goal_in_three_is_below_the_reformed_share(self) -> None:
        assert plan_goals_verdict([goal("55", "56"), goal("55", "54"), goal("55", "54")], REFORMED).status is (
            Status.FAIL
        )

    def test_a_review_in_a_reformed_context_uses_its_share_and_its_extension(self) -> None:
        """Passed on half the goals, and extended by two years: to 2029-06-27."""
        context = EvaluationContext(REVIEW_DAY, REFORMED)
        goals = [goal("55", "56"), goal("55", "54")]
        result = assess_review(eligible_in_2027().build(), goals, context, DESIGNATED)
        assert result.passed and result.extended_last_day == dt.date(2029, 6, 27)
        assert not assess_review(eligible_in_2027().build(), goals, REVIEW_DAY, DESIGNATED).passed

    def test_a_review_on_a_date_uses_the_2024_values_as_derived_explicitly(self) -> None:
        application = eligible_in_2027().build()
        derived = procedure_parameters(get_rule_set("jilin-2024").parameters_on(REVIEW_DAY))
        goals = [goal("55", "56")]
        assert assess_review(application, goals, REVIEW_DAY, DESIGNATED) == assess_review(
            application, goals, REVIEW_DAY, DESIGNATED, params=derived
        )
