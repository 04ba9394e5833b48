"""The record of a designated cluster: its designation, reviews, yearly reports, changes and events since."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..errors import ApplicationError, Phrase
from ..limits import MAX_EVENTS, MAX_HISTORY_STEPS, MAX_RECORD_ENTRIES
from ..models import Cluster, Incident, Violation
from ..models.base import InputModel
from ..models.dates import CalendarYear
from ..models.types import InputDate, OneLineText, ShortText, at_most, coerce_decimal
from ..ruleset.procedure_params import JILIN_2024_PROCEDURE, ProcedureParameters
from ..vocabulary import LabelledEnum, register_labels
from .workflow import WorkflowEvent

__all__ = [
    "AnnualReportFiling",
    "ChangeKind",
    "DesignatedClusterRecord",
    "DesignationRecord",
    "Finding",
    "FindingKind",
    "MajorChange",
    "MonitoringRefusal",
    "PlanGoal",
    "ReviewRecord",
    "load_record",
    "record_schema",
]

Number = Annotated[Decimal, BeforeValidator(coerce_decimal)]


class ChangeKind(LabelledEnum):
    """The major changes Art. 14(4) names."""

    LEADING_INDUSTRY = "leading_industry"
    SPATIAL_SCOPE = "spatial_scope"
    OPERATING_BODY = "operating_body"
    OTHER_MAJOR = "other_major"


class FindingKind(LabelledEnum):
    """What Art. 14(2) names: a false application, or violations found."""

    FALSE_APPLICATION = "false_application"
    VIOLATION = "violation"


register_labels(
    {
        ChangeKind.LEADING_INDUSTRY: ("主导产业变更", "change of leading industry"),
        ChangeKind.SPATIAL_SCOPE: ("空间范围变更", "change of spatial scope"),
        ChangeKind.OPERATING_BODY: ("运营管理机构变更", "change of operating body"),
        ChangeKind.OTHER_MAJOR: ("其他重大变动", "other major change"),
        FindingKind.FALSE_APPLICATION: ("虚假申报", "false application"),
        FindingKind.VIOLATION: ("违法违规行为", "violation of laws or regulations"),
    }
)


class DesignationRecord(InputModel):
    """The designation itself (Art. 11)."""

    date: InputDate = Field(description="Date the cluster was designated and published — start of the Art. 12 term.")
    document: ShortText | None = Field(default=None, description="The notice or list that designated it.")


class ReviewRecord(InputModel):
    """One review (复核) after a term — Art. 12, 14(1)."""

    requested_on: InputDate | None = Field(default=None, description="Date the review was applied for.")
    decided_on: InputDate | None = Field(default=None, description="Date of the province's decision.")
    passed: bool | None = Field(default=None, description="The decision: true passed, false failed; None pending.")
    note: ShortText | None = Field(default=None, description="Reference of the decision.")

    @model_validator(mode="after")
    def _consistent(self) -> ReviewRecord:
        if (self.decided_on is None) != (self.passed is None):
            raise PydanticCustomError(
                "cc_review_decision", "decided_on and passed go together: give both or neither", {}
            )
        if self.requested_on and self.decided_on and self.decided_on < self.requested_on:
            raise PydanticCustomError(
                "cc_date_order",
                "{later_field} {later} is before {earlier_field} {earlier}",
                {
                    "later_field": "decided_on",
                    "later": self.decided_on.isoformat(),
                    "earlier_field": "requested_on",
                    "earlier": self.requested_on.isoformat(),
                },
            )
        return self


class AnnualReportFiling(InputModel):
    """A yearly report (年度培育情况信息表) filed — Art. 13, 14(3)."""

    year: CalendarYear = Field(ge=2000, le=2200, description="The calendar year the report is on.")
    filed_on: InputDate = Field(description="Date it reached the province.")
    reference: ShortText | None = Field(default=None, description="Reference of the filing.")

    @model_validator(mode="after")
    def _after_year(self) -> AnnualReportFiling:
        if self.filed_on.year <= self.year:
            raise PydanticCustomError(
                "cc_report_too_early",
                "a report on {year} cannot be filed on {date}, before the year is over",
                {"year": self.year, "date": self.filed_on.isoformat()},
            )
        return self


class MonitoringRefusal(InputModel):
    """A refusal of, or failure to cooperate with, monitoring and supervision — Art. 14(3)."""

    date: InputDate = Field(description="Date of the refusal.")
    description: ShortText | None = Field(default=None, description="What was refused; reference.")


class Finding(InputModel):
    """A false application or violation found against the cluster — Art. 14(2): when it was found (发现) and, where
    known, when the conduct took place."""

    kind: FindingKind = Field(description="false_application / violation — Art. 14(2).")
    date: InputDate = Field(description="Date it was found (发现).")
    conduct_date: InputDate | None = Field(
        default=None,
        description="Date the conduct took place (its first day, for a course of conduct); omitted: not known. "
        "Decides whether a violation happened after designation.",
    )
    description: ShortText | None = Field(default=None, description="The finding and its reference.")

    @model_validator(mode="after")
    def _found_after_conduct(self) -> Finding:
        if self.conduct_date is not None and self.date < self.conduct_date:
            raise PydanticCustomError(
                "cc_date_order",
                "{later_field} {later} is before {earlier_field} {earlier}",
                {
                    "later_field": "date",
                    "later": self.date.isoformat(),
                    "earlier_field": "conduct_date",
                    "earlier": self.conduct_date.isoformat(),
                },
            )
        return self


class MajorChange(InputModel):
    """A major change of the cluster and when (if) it was re-filed — Art. 14(4)."""

    kind: ChangeKind = Field(description="leading_industry / spatial_scope / operating_body / other_major.")
    date: InputDate = Field(description="Date of the change.")
    filed_on: InputDate | None = Field(default=None, description="Date it was re-filed (更新报备); omitted: not yet.")
    description: ShortText | None = Field(default=None, description="What changed.")

    @model_validator(mode="after")
    def _ordered(self) -> MajorChange:
        if self.filed_on is not None and self.filed_on < self.date:
            raise PydanticCustomError(
                "cc_date_order",
                "{later_field} {later} is before {earlier_field} {earlier}",
                {
                    "later_field": "filed_on",
                    "later": self.filed_on.isoformat(),
                    "earlier_field": "date",
                    "earlier": self.date.isoformat(),
                },
            )
        return self


class PlanGoal(InputModel):
    """One goal of the cluster's three-year development plan, with its target and what was achieved — Art. 12."""

    id: OneLineText = Field(description="Short identifier of the goal.")
    name: OneLineText = Field(description="The goal as the plan states it.")
    target: Number = Field(description="Target value.")
    actual: Number | None = Field(default=None, description="Achieved value; omitted: not yet known.")
    comparison: Literal[">=", "<="] = Field(default=">=", description="'>=' reach at least, '<=' stay at most.")
    unit: str = Field(default="", max_length=40, description="Unit of target and actual.")


class DesignatedClusterRecord(InputModel):
    """A designated cluster as the monitoring system knows it. Lists left out are "not supplied"; [] means none."""

    format_version: Literal["1"] = Field(default="1", description="Version of this record format.")
    cluster: Cluster = Field(description="The cluster (same shape as in an application).")
    designation: DesignationRecord = Field(description="The designation — Art. 11, 12.")
    history: Annotated[tuple[WorkflowEvent, ...] | None, at_most(MAX_HISTORY_STEPS)] = Field(
        default=None,
        max_length=MAX_HISTORY_STEPS,
        description="The recognition procedure, step by step — Art. 9–11; replayed on loading.",
    )
    reviews: Annotated[tuple[ReviewRecord, ...], at_most(MAX_RECORD_ENTRIES)] = Field(
        default=(), max_length=MAX_RECORD_ENTRIES, description="Reviews after each term — Art. 12, 14(1)."
    )
    review_request_deadline: InputDate | None = Field(
        default=None, description="Deadline set by the province's call for reviews, when known — Art. 14(1)."
    )
    annual_reports: Annotated[tuple[AnnualReportFiling, ...] | None, at_most(MAX_RECORD_ENTRIES)] = Field(
        default=None,
        max_length=MAX_RECORD_ENTRIES,
        description="Yearly reports filed — Art. 13, 14(3). [] declares none filed.",
    )
    monitoring_refusals: Annotated[tuple[MonitoringRefusal, ...] | None, at_most(MAX_RECORD_ENTRIES)] = Field(
        default=None,
        max_length=MAX_RECORD_ENTRIES,
        description="Refusals of monitoring — Art. 14(3). [] declares none.",
    )
    findings: Annotated[tuple[Finding, ...] | None, at_most(MAX_RECORD_ENTRIES)] = Field(
        default=None,
        max_length=MAX_RECORD_ENTRIES,
        description="False application or violations found — Art. 14(2). [] declares none.",
    )
    changes: Annotated[tuple[MajorChange, ...] | None, at_most(MAX_RECORD_ENTRIES)] = Field(
        default=None,
        max_length=MAX_RECORD_ENTRIES,
        description="Major changes since designation — Art. 14(4). [] declares none.",
    )
    incidents: Annotated[tuple[Incident, ...] | None, at_most(MAX_EVENTS)] = Field(
        default=None,
        max_length=MAX_EVENTS,
        description="Accidents and security events of the cluster's enterprises — Art. 14(5).",
    )
    violations: Annotated[tuple[Violation, ...] | None, at_most(MAX_EVENTS)] = Field(
        default=None,
        max_length=MAX_EVENTS,
        description="Tax evasion, serious dishonesty, other violations — Art. 14(5).",
    )
    plan_goals: Annotated[tuple[PlanGoal, ...] | None, at_most(MAX_RECORD_ENTRIES)] = Field(
        default=None,
        max_length=MAX_RECORD_ENTRIES,
        description="Goals of the three-year development plan — Art. 12 review.",
    )

    @field_validator("annual_reports")
    @classmethod
    def _one_per_year(cls, reports: tuple[AnnualReportFiling, ...] | None) -> tuple[AnnualReportFiling, ...] | None:
        seen: set[int] = set()
        for report in reports or ():
            if report.year in seen:
                raise PydanticCustomError(
                    "cc_duplicate_report_year", "a report on {year} appears twice", {"year": report.year}
                )
            seen.add(report.year)
        return reports


def record_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a designated cluster's record."""
    schema = DesignatedClusterRecord.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cluster-criteria designated cluster record"
    return schema


def load_record(
    source: str | bytes | dict[str, Any], params: ProcedureParameters = JILIN_2024_PROCEDURE
) -> DesignatedClusterRecord:
    """Load a record from JSON (exact decimals) or parsed data; replays its history when one is given, with the
    bodies ``params`` name (梅河口市's recommender)."""
    from ..jsonio import parse_json
    from ..problems import from_validation_error

    data = source if isinstance(source, dict) else parse_json(source)
    if not isinstance(data, dict):
        raise ApplicationError.of("", "problem.cc_record_not_object", "cc_not_object")
    try:
        record = DesignatedClusterRecord.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc) from None
    if record.history is not None:
        _check_history(record, params)
    return record


def _check_history(record: DesignatedClusterRecord, params: ProcedureParameters) -> None:
    from .scope import bodies_for
    from .workflow import Stage, Workflow

    assert record.history is not None
    workflow = Workflow.replay(record.history, bodies_for(record.cluster.location, params=params))
    if workflow.stage is not Stage.DESIGNATED or workflow.designated_on != record.designation.date:
        # Where the history ends: the date of its designation, or the stage it stops at in the message's language.
        on = workflow.designated_on.isoformat() if workflow.designated_on else None
        raise ApplicationError.of(
            "history",
            "problem.cc_history_mismatch",
            "cc_history_mismatch",
            date=record.designation.date.isoformat(),
            end=Phrase.data(on, on) if on else workflow.stage.phrase,
        )
