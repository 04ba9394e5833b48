"""第十三条 — the yearly report on the previous year, due by the end of March.

各市（州）中小企业主管部门……组织特色产业集群于每年3月底前填报集群上一年度有关工作开展情况，报送至省工业和信息化厅。
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from ..known import known_on
from ..ruleset.procedure_params import JILIN_2024_PROCEDURE, FirstReportYear, ProcedureParameters
from ..vocabulary import LabelledEnum, register_labels
from .record import AnnualReportFiling
from .validity import Validity

__all__ = ["ReportDue", "ReportState", "due_date", "reports_due"]


class ReportState(LabelledEnum):
    """Where the report on one year stands on a date."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    OPEN = "open"


register_labels(
    {
        ReportState.ON_TIME: ("按时报送", "filed on time"),
        ReportState.LATE: ("逾期报送", "filed late"),
        ReportState.MISSING: ("逾期未报送", "missing (overdue)"),
        ReportState.OPEN: ("未到截止日", "not yet due"),
    }
)


@dataclass(frozen=True, slots=True)
class ReportDue:
    """The report on ``year``: its due date, when it was filed, and its state on the date asked about."""

    year: int
    due: dt.date
    filed_on: dt.date | None
    state: ReportState

    @property
    def days_late(self) -> int | None:
        if self.state is ReportState.LATE and self.filed_on is not None:
            return (self.filed_on - self.due).days
        return None


def due_date(year: int, params: ProcedureParameters = JILIN_2024_PROCEDURE) -> dt.date:
    """The last day to file the report on ``year``: the due month's last day of the following year (3月底)."""
    return dt.date(year + 1, params.report_due_month, 1) + relativedelta(day=31)


def _years_to_report(validity: Validity, params: ProcedureParameters) -> range:
    first = validity.designated_on.year
    if params.first_report_year is FirstReportYear.FIRST_FULL_YEAR and validity.designated_on != dt.date(first, 1, 1):
        first += 1
    # A year is reported on when the designation was in force on one of its days (up to the current term's end).
    last = min(validity.last_day.year, validity.as_of.year - 1)
    return range(first, last + 1)


def reports_due(
    validity: Validity,
    filings: Iterable[AnnualReportFiling],
    params: ProcedureParameters = JILIN_2024_PROCEDURE,
) -> tuple[ReportDue, ...]:
    """Every report owed by ``validity.as_of`` (the current year's, whose deadline has not come, as ``open``)."""
    as_of = validity.as_of
    filed = {f.year: f.filed_on for f in filings if known_on(f.filed_on, as_of)}
    out = []
    for year in _years_to_report(validity, params):
        due = due_date(year, params)
        filed_on = filed.get(year)
        if filed_on is not None:
            state = ReportState.ON_TIME if filed_on <= due else ReportState.LATE
        else:
            state = ReportState.MISSING if as_of > due else ReportState.OPEN
        out.append(ReportDue(year, due, filed_on, state))
    return tuple(out)
