"""第十二条 复核 — a fresh evaluation against Art. 6–7 together with the completion of the three-year plan's goals.

有效期满后，由省工业和信息化厅组织开展复核工作，并考核集群三年发展规划目标完成情况，复核通过的有效期延长三年。
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..context import EvaluationContext
from ..models import Application
from ..rules.registry import citation_en, citation_zh
from ..ruleset import RuleSet
from ..ruleset.parameters import Comparison
from ..ruleset.procedure_params import ProcedureParameters, procedure_parameters_on
from ..ruleset.registry import resolve_latest
from ..verdicts import Check, Figure, Outcome, Report, Status, Verdict, combine
from .record import PlanGoal
from .validity import term_last_day

__all__ = ["ReviewAssessment", "assess_review", "plan_goals_verdict"]

_OUTCOME_STATUS = {
    Outcome.ELIGIBLE: Status.PASS,
    Outcome.INELIGIBLE: Status.FAIL,
    Outcome.UNDECIDED: Status.INSUFFICIENT_DATA,
}


def _goal_check(index: int, goal: PlanGoal) -> Check:
    comparison = Comparison(goal.comparison)
    path = f"plan_goals[{index}]"
    figures = (
        Figure(f"{path}.target", goal.target, unit=goal.unit),
        Figure(f"{path}.actual", goal.actual, unit=goal.unit),
    )
    if goal.actual is None:
        status = Status.INSUFFICIENT_DATA
    else:
        status = Status.PASS if comparison.holds(goal.actual, goal.target) else Status.FAIL
    return Check(
        id=f"plan_goal.{goal.id}",
        label_zh=f"三年发展规划目标：{goal.name}",
        label_en=f"three-year plan goal: {goal.name}",
        status=status,
        figures=figures,
        value=goal.actual,
        threshold=goal.target,
        comparison=comparison.value,
        unit=goal.unit,
        readings=("review.plan_goals_all",),
        missing=(f"{path}.actual",) if goal.actual is None else (),
    )


def plan_goals_verdict(
    goals: Iterable[PlanGoal] | None,
    rule_set: RuleSet | None = None,
    params: ProcedureParameters | None = None,
) -> Verdict:
    """Each goal met or not; the goals pass together when the share met reaches ``plan_goals_share_min``.

    ``rule_set`` by default is the latest edition; ``params`` by default are its latest values with the documented
    readings."""
    rule_set = resolve_latest(rule_set)
    if params is None:
        params = procedure_parameters_on(rule_set)
    checks: tuple[Check, ...]
    goals = None if goals is None else tuple(goals)
    if not goals:
        checks = (
            Check(
                id="plan_goals.record",
                label_zh="三年发展规划目标完成情况",
                label_en="completion of the three-year plan's goals",
                status=Status.INSUFFICIENT_DATA,
                missing=("plan_goals",),
                readings=("review.plan_goals_all",),
            ),
        )
        status = Status.INSUFFICIENT_DATA
    else:
        goal_checks = tuple(_goal_check(i, g) for i, g in enumerate(goals))
        met = sum(1 for c in goal_checks if c.status is Status.PASS)
        open_ = sum(1 for c in goal_checks if c.status is Status.INSUFFICIENT_DATA)
        total = len(goal_checks)
        share_min = params.plan_goals_share_min
        if Decimal(met) >= share_min * total:
            share_status = Status.PASS
        elif Decimal(met + open_) >= share_min * total:
            share_status = Status.INSUFFICIENT_DATA
        else:
            share_status = Status.FAIL
        share = Check(
            id="plan_goals.share_met",
            label_zh="完成目标的比例",
            label_en="share of goals met",
            status=share_status,
            figures=(Figure("plan_goals.met", met), Figure("plan_goals.total", total)),
            value=Decimal(met) / Decimal(total),
            threshold=share_min,
            comparison=Comparison.AT_LEAST.value,
            unit="%",
            readings=("review.plan_goals_all",),
        )
        checks = (*goal_checks, share)
        # The share decides; the goal checks show which goals were met.
        status = share_status
    return Verdict(
        rule_id="12.0",
        article=12,
        clause=0,
        citation_zh=citation_zh(12, 0),
        citation_en=citation_en(12, 0),
        title_zh="三年发展规划目标完成情况",
        title_en="Completion of the three-year development plan",
        text=rule_set.clause_text(12, 0),
        status=status,
        checks=checks,
        readings=("review.plan_goals_all",),
    )


@dataclass(frozen=True, slots=True)
class ReviewAssessment:
    """The library's assessment for a review: the Art. 6–7 report, the plan-goal verdict and what they give."""

    evaluation: Report
    plan_goals: Verdict
    status: Status
    extended_last_day: dt.date | None

    @property
    def passed(self) -> bool:
        return self.status is Status.PASS


def assess_review(
    application: Application,
    goals: Iterable[PlanGoal] | None,
    review_date: dt.date | EvaluationContext,
    designated_on: dt.date,
    *,
    extensions_so_far: int = 0,
    params: ProcedureParameters | None = None,
) -> ReviewAssessment:
    """Assess a review on ``review_date``: passes when the cluster is eligible again and the plan's goals are met;
    then also gives the last day of the extended term.

    ``params`` by default are the values of the evaluation's rule set (a context's own, reform included) in force
    on the review date, with the documented readings."""
    # Imported here so that importing this package does not load the evaluate module before it is needed.
    from ..evaluation import evaluate

    report = evaluate(application, review_date)
    # A context carries the rule set it was made with (a reformed one among them); the report names only its id.
    if isinstance(review_date, EvaluationContext):
        rule_set = review_date.rule_set
    else:
        rule_set = resolve_latest(report.rule_set.id)
    if params is None:
        params = procedure_parameters_on(rule_set, report.assessment_date)
    goals_verdict = plan_goals_verdict(tuple(goals) if goals is not None else None, rule_set, params)
    status = combine((_OUTCOME_STATUS[report.outcome], goals_verdict.status))
    extended = None
    if status is Status.PASS:
        years = params.validity_years + (extensions_so_far + 1) * params.extension_years
        extended = term_last_day(designated_on, years, params.term_end)
    return ReviewAssessment(report, goals_verdict, status, extended)
