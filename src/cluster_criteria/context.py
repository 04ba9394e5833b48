"""The evaluation context: the assessment date, the rule set and the readings a caller chose."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

from dateutil.relativedelta import relativedelta

from .known import known_since
from .ruleset.parameters import Parameters, RuleSet

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
    """Everything a rule needs besides the application. The library never reads the clock: the date is given.

    ``rule_set`` is the edition to apply: an object, a registered id, or ``None`` for the edition in force on the
    assessment date. ``parameters`` are its values in force on that date.
    """

    assessment_date: dt.date
    rule_set: RuleSet = None  # type: ignore[assignment]  # None: the edition in force, resolved below
    growth_method: GrowthMethod = GrowthMethod.GEOMETRIC
    sharing_rule: SharingRule = SharingRule.ALL_LISTED
    figure_years: tuple[int, ...] = field(init=False)
    event_window_start: dt.date = field(init=False)
    parameters: Parameters = field(init=False)

    def __post_init__(self) -> None:
        if isinstance(self.assessment_date, dt.datetime) or not isinstance(self.assessment_date, dt.date):
            raise TypeError(
                f"the assessment date must be a datetime.date (YYYY-MM-DD), not {type(self.assessment_date).__name__}"
            )
        from .ruleset.registry import resolve

        rule_set = resolve(self.rule_set, self.assessment_date)
        object.__setattr__(self, "rule_set", rule_set)
        parameters = rule_set.parameters_on(self.assessment_date)
        object.__setattr__(self, "parameters", parameters)
        window = parameters.integer("figure_window_years")
        last_complete = self.assessment_date.year - 1
        object.__setattr__(self, "figure_years", tuple(range(last_complete - window + 1, last_complete + 1)))
        start = self.assessment_date - relativedelta(years=parameters.integer("event_window_years"))
        object.__setattr__(self, "event_window_start", start)

    def in_event_window(self, day: dt.date) -> bool:
        return known_since(day, self.event_window_start, self.assessment_date)

    @property
    def latest_year(self) -> int:
        return self.figure_years[-1]
