"""Procedure and dynamic management: scope (Art. 2, 9), recognition (Art. 8–11), validity and review (Art. 12),
yearly reports (Art. 13), revocation (Art. 14) and the monitoring report that gathers them."""

from __future__ import annotations

from .bodies import Actor, Bodies, Body, Role
from .monitoring import (
    MonitoringReport,
    RevocationOutcome,
    ValiditySummary,
    monitor,
    monitoring_report_from_json,
    monitoring_report_schema,
    monitoring_report_to_data,
    monitoring_report_to_json,
)
from .record import (
    AnnualReportFiling,
    ChangeKind,
    DesignatedClusterRecord,
    DesignationRecord,
    Finding,
    FindingKind,
    MajorChange,
    MonitoringRefusal,
    PlanGoal,
    ReviewRecord,
    load_record,
    record_schema,
)
from .reporting import ReportDue, ReportState, due_date, reports_due
from .review import ReviewAssessment, assess_review, plan_goals_verdict
from .revocation import REVOCATION_RULES, RevocationContext, RevocationRule, revocation_verdicts
from .scope import ScopeResult, bodies_for, check_scope
from .text import render_monitoring_text
from .validity import Validity, ValidityState, next_term_start, term_last_day, validity_on
from .workflow import (
    TRANSITIONS,
    Action,
    Stage,
    Transition,
    TransitionRefusedError,
    Workflow,
    WorkflowEvent,
    history_from_json,
    history_to_json,
)

__all__ = [
    "REVOCATION_RULES",
    "TRANSITIONS",
    "Action",
    "Actor",
    "AnnualReportFiling",
    "Bodies",
    "Body",
    "ChangeKind",
    "DesignatedClusterRecord",
    "DesignationRecord",
    "Finding",
    "FindingKind",
    "MajorChange",
    "MonitoringRefusal",
    "MonitoringReport",
    "PlanGoal",
    "ReportDue",
    "ReportState",
    "ReviewAssessment",
    "ReviewRecord",
    "RevocationContext",
    "RevocationOutcome",
    "RevocationRule",
    "Role",
    "ScopeResult",
    "Stage",
    "Transition",
    "TransitionRefusedError",
    "Validity",
    "ValidityState",
    "ValiditySummary",
    "Workflow",
    "WorkflowEvent",
    "assess_review",
    "bodies_for",
    "check_scope",
    "due_date",
    "history_from_json",
    "history_to_json",
    "load_record",
    "monitor",
    "monitoring_report_from_json",
    "monitoring_report_schema",
    "monitoring_report_to_data",
    "monitoring_report_to_json",
    "next_term_start",
    "plan_goals_verdict",
    "record_schema",
    "render_monitoring_text",
    "reports_due",
    "revocation_verdicts",
    "term_last_day",
    "validity_on",
]
