"""Evaluate an application: check it against the assessment date, run the rules, give the outcome."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from .context import EvaluationContext, GrowthMethod, SharingRule
from .errors import ApplicationError, InputProblem
from .models import Application
from .rules import select
from .verdicts import Outcome, Report, RuleSetRef, Status, Verdict, new_report

__all__ = ["evaluate", "outcome_of"]

ALL_CLAUSES = 12


def evaluate(
    application: Application,
    assessment_date: dt.date | EvaluationContext,
    *,
    rules: Iterable[str] | None = None,
    growth_method: GrowthMethod | str = GrowthMethod.GEOMETRIC,
    sharing_rule: SharingRule | str = SharingRule.ALL_LISTED,
) -> Report:
    """Evaluate ``application`` on an assessment date (or a full :class:`EvaluationContext`).

    ``rules`` picks a subset by id (``"6.1"``, ``"7.2"``…); a partial run is never ``eligible``.
    Raises :class:`ApplicationError` when the application contradicts the date (figures for a year not yet over)
    and :class:`RuleSetNotInForceError` for a date before the rule set took effect.
    """
    if isinstance(assessment_date, EvaluationContext):
        context = assessment_date
    elif type(assessment_date) is dt.date:
        context = _context(assessment_date, GrowthMethod(growth_method), SharingRule(sharing_rule))
    else:  # not a plain date: the context itself says what is wrong with it
        context = EvaluationContext(
            assessment_date, growth_method=GrowthMethod(growth_method), sharing_rule=SharingRule(sharing_rule)
        )
    _check_against_date(application, context)
    selected = select(rules)
    verdicts = tuple(rule(application, context) for rule in selected)
    complete = rules is None or len(selected) == len(select(None))
    outcome, decided_by = outcome_of(verdicts, complete=complete)
    rule_set = context.rule_set
    return new_report(
        cluster_name=application.cluster.name,
        assessment_date=context.assessment_date,
        rule_set=RuleSetRef(rule_set.id, rule_set.name_zh, rule_set.name_en, rule_set.version, rule_set.effective_date),
        outcome=outcome,
        decided_by=decided_by,
        verdicts=verdicts,
        options={"growth_method": context.growth_method._value_, "sharing_rule": context.sharing_rule._value_},
        complete=complete,
        library_version=_version(),
    )


def outcome_of(verdicts: tuple[Verdict, ...], *, complete: bool = True) -> tuple[Outcome, tuple[str, ...]]:
    """Eligible when every clause passes (or does not apply) in a complete run; ineligible when any fails."""
    failing = tuple(v.rule_id for v in verdicts if v.status is Status.FAIL)
    if failing:
        return Outcome.INELIGIBLE, failing
    open_ = tuple(v.rule_id for v in verdicts if v.status in (Status.INSUFFICIENT_DATA, Status.NEEDS_REVIEW))
    if open_ or not complete:
        return Outcome.UNDECIDED, open_
    return Outcome.ELIGIBLE, tuple(v.rule_id for v in verdicts)


@lru_cache(maxsize=64)
def _context(assessment_date: dt.date, growth_method: GrowthMethod, sharing_rule: SharingRule) -> EvaluationContext:
    """Contexts are immutable, so a request handler evaluating on the same day builds its context once."""
    return EvaluationContext(assessment_date, growth_method=growth_method, sharing_rule=sharing_rule)


def _check_against_date(application: Application, context: EvaluationContext) -> None:
    year = context.assessment_date.year
    problems = [
        InputProblem(
            f"metrics[{index}].year",
            f"{record.year}年尚未结束（评估日期 {context.assessment_date.isoformat()}），不能填报该年度数据",
            f"year {record.year} is not over on the assessment date {context.assessment_date.isoformat()}; "
            "only complete calendar years can be reported",
            code="cc_year_not_over",
        )
        for index, record in enumerate(application.metrics)
        if record.year >= year
    ]
    if problems:
        raise ApplicationError(problems)


@lru_cache(maxsize=1)
def _version() -> str:
    from . import __version__

    return __version__

