"""The evaluation context: the assessment date, the rule set and the readings a caller chose."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from dateutil.relativedelta import relativedelta

from .errors import InputProblem, RuleSetNotInForceError
from .ruleset import JILIN_2024, RuleSet

__all__ = ["EvaluationContext", "GrowthMethod", "SharingRule"]


class GrowthMethod(str, Enum):
    """How 年均增速 is computed (docs/interpretation.md, "Growth")."""

    GEOMETRIC = "geometric"
    ARITHMETIC_MEAN_OF_RATIOS = "arithmetic_mean_of_ratios"

    @property
    def reading(self) -> str:
        return f"growth.{self._value_}"


class SharingRule(str, Enum):
    """Whether Art. 6(3) needs every listed sharing mechanism or any one."""

    ALL_LISTED = "all_listed"
    ANY_LISTED = "any_listed"

    @property
    def reading(self) -> str:
        return f"sharing.{self._value_}"


@dataclass(frozen=True, slots=True)
class EvaluationContext:
    """Everything a rule needs besides the application. The library never reads the clock: the date is given."""

    assessment_date: dt.date
    rule_set: RuleSet = JILIN_2024
    growth_method: GrowthMethod = GrowthMethod.GEOMETRIC
    sharing_rule: SharingRule = SharingRule.ALL_LISTED
    figure_years: tuple[int, ...] = field(init=False)
    event_window_start: dt.date = field(init=False)

    def __post_init__(self) -> None:
        if isinstance(self.assessment_date, dt.datetime) or not isinstance(self.assessment_date, dt.date):
            raise RuleSetNotInForceError.single(
                "assessment_date",
                "评估日期必须是日期（YYYY-MM-DD）",
                "the assessment date must be a date (YYYY-MM-DD)",
                code="cc_bad_date",
            )
        effective = self.rule_set.effective_date
        if self.assessment_date < effective:
            raise RuleSetNotInForceError(
                [
                    InputProblem(
                        "assessment_date",
                        f"评估日期 {self.assessment_date.isoformat()} 早于《{self.rule_set.name_zh}》施行日期 "
                        f"{effective.isoformat()}（{self.rule_set.effective_source.place}：本办法自发布之日起实施），不予适用",
                        f"assessment date {self.assessment_date.isoformat()} is before {self.rule_set.name_en} took "
                        f"effect on {effective.isoformat()} (Art. 16); the rules are not applied retroactively",
                        code="cc_rule_set_not_in_force",
                    )
                ]
            )
        window = self.rule_set.parameters.figure_window_years
        last_complete = self.assessment_date.year - 1
        object.__setattr__(self, "figure_years", tuple(range(last_complete - window + 1, last_complete + 1)))
        start = self.assessment_date - relativedelta(years=self.rule_set.parameters.event_window_years)
        object.__setattr__(self, "event_window_start", start)

    def in_event_window(self, day: dt.date) -> bool:
        return self.event_window_start <= day <= self.assessment_date

    @property
    def latest_year(self) -> int:
        return self.figure_years[-1]
