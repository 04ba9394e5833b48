"""The monitoring report: a designated cluster on one date — validity, reports due, every revocation ground."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from ..ruleset import RuleSet
from ..ruleset.procedure_params import ProcedureParameters, TermEnd
from ..safe_text import json_safe
from ..verdicts import RuleSetRef, Status, Verdict
from .record import DesignatedClusterRecord
from .reporting import ReportDue
from .revocation import RevocationContext, revocation_verdicts
from .validity import ValidityState
from .workflow import Action, Workflow

__all__ = [
    "MonitoringReport",
    "RevocationOutcome",
    "StepToConfirm",
    "ValiditySummary",
    "monitor",
    "monitoring_report_from_json",
    "monitoring_report_schema",
    "monitoring_report_to_data",
    "monitoring_report_to_json",
]


class RevocationOutcome(str, Enum):
    """What the grounds of Art. 14 give together."""

    KEEP = "keep"
    REVOKE = "revoke"
    UNDECIDED = "undecided"


@dataclass(frozen=True, slots=True)
class ValiditySummary:
    """The Art. 12 state on the report's date."""

    state: ValidityState
    in_force: bool
    designated_on: dt.date
    first_term_last_day: dt.date
    last_day: dt.date
    expires_on: dt.date
    extensions: int
    extended_last_day: dt.date
    term_end: TermEnd


@dataclass(frozen=True, slots=True)
class StepToConfirm:
    """A step of the record's history taken by a body the division table cannot confirm (Art. 9: a cluster in a
    development zone, or a division the table lacks). The step stood when the record was read; a person confirms
    that the body was the one the article names. ``reason_id`` and ``reason_args`` give the reason in any language
    of the catalogues; ``reason_zh`` and ``reason_en`` are the same reason in Chinese and English."""

    path: str
    date: dt.date
    action: Action
    actor_division: str
    reason_id: str
    reason_args: dict[str, str]
    reason_zh: str
    reason_en: str


@dataclass(frozen=True, slots=True)
class MonitoringReport:
    """One designated cluster on one date."""

    cluster_name: str
    county: str
    county_code: str
    as_of: dt.date
    rule_set: RuleSetRef
    validity: ValiditySummary
    reports: tuple[ReportDue, ...] | None
    grounds: tuple[Verdict, ...]
    outcome: RevocationOutcome
    decided_by: tuple[str, ...]
    readings: tuple[str, ...]
    library_version: str = ""
    # Not a ground of Art. 14 and no part of the outcome: the designation's own steps that a person must still
    # confirm, shown beside the grounds so that they are never accepted silently.
    steps_to_confirm: tuple[StepToConfirm, ...] = ()

    def ground(self, rule_id: str) -> Verdict:
        for verdict in self.grounds:
            if verdict.rule_id == rule_id:
                return verdict
        raise KeyError(rule_id)


def _outcome(grounds: tuple[Verdict, ...]) -> tuple[RevocationOutcome, tuple[str, ...]]:
    met = tuple(v.rule_id for v in grounds if v.status is Status.FAIL)
    if met:
        return RevocationOutcome.REVOKE, met
    open_ = tuple(v.rule_id for v in grounds if v.status in (Status.INSUFFICIENT_DATA, Status.NEEDS_REVIEW))
    if open_:
        return RevocationOutcome.UNDECIDED, open_
    return RevocationOutcome.KEEP, ()


def monitor(
    record: DesignatedClusterRecord,
    as_of: dt.date,
    params: ProcedureParameters | None = None,
    rule_set: RuleSet | str | None = None,
) -> MonitoringReport:
    """The monitoring report on ``as_of``: a ground that fails means the designation is to be revoked (Art. 14).

    ``rule_set`` by default is the edition in force on ``as_of``; ``params`` by default are that edition's values
    in force on ``as_of`` with the documented readings."""
    from .. import __version__

    ctx = RevocationContext.of(record, as_of, params, rule_set)
    rule_set, params = ctx.rule_set, ctx.params
    v = ctx.validity
    grounds = revocation_verdicts(ctx)
    outcome, decided_by = _outcome(grounds)
    readings: dict[str, None] = {}
    for verdict in grounds:
        readings.update(dict.fromkeys(verdict.readings))
    location = record.cluster.location
    return MonitoringReport(
        cluster_name=record.cluster.name,
        county=location.county,
        county_code=location.county_code,
        as_of=as_of,
        rule_set=RuleSetRef(rule_set.id, rule_set.name_zh, rule_set.name_en, rule_set.version, rule_set.effective_date),
        validity=ValiditySummary(
            state=v.state,
            in_force=v.in_force,
            designated_on=v.designated_on,
            first_term_last_day=v.first_term_last_day,
            last_day=v.last_day,
            expires_on=v.expires_on,
            extensions=v.extensions,
            extended_last_day=v.extended_last_day(params),
            term_end=v.term_end,
        ),
        reports=ctx.reports,
        grounds=grounds,
        outcome=outcome,
        decided_by=decided_by,
        readings=tuple(readings),
        library_version=__version__,
        steps_to_confirm=_steps_to_confirm(record, params),
    )


def _steps_to_confirm(record: DesignatedClusterRecord, params: ProcedureParameters) -> tuple[StepToConfirm, ...]:
    if not record.history:
        return ()
    from .scope import bodies_for

    workflow = Workflow.replay(record.history, bodies_for(record.cluster.location, params=params))
    return tuple(
        StepToConfirm(
            path=point.path,
            date=record.history[point.index].date,
            action=point.action,
            actor_division=record.history[point.index].actor.division,
            reason_id=point.reason.message_id,
            # An actor's reason holds names and codes only, no nested phrases: its values are plain text.
            reason_args={name: str(value) for name, value in point.reason.args},
            reason_zh=point.reason.text("zh"),
            reason_en=point.reason.text("en"),
        )
        for point in workflow.open_points
    )


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[MonitoringReport]:
    return TypeAdapter(MonitoringReport)


def monitoring_report_to_data(report: MonitoringReport) -> dict[str, Any]:
    """The report as JSON-ready data (Decimals as strings, dates as YYYY-MM-DD)."""
    data: dict[str, Any] = _adapter().dump_python(report, mode="json")
    return data


def monitoring_report_to_json(report: MonitoringReport, *, indent: int | None = 2) -> str:
    return json_safe(json.dumps(monitoring_report_to_data(report), ensure_ascii=False, indent=indent))


def monitoring_report_from_json(text: str | bytes) -> MonitoringReport:
    """Read a report written by :func:`monitoring_report_to_json` back."""
    return _adapter().validate_json(text)


def monitoring_report_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the monitoring report."""
    schema = _adapter().json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cluster-criteria monitoring report"
    return schema
