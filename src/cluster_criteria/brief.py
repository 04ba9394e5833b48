"""A brief report: every clause's status and, for a clause that did not pass, its checks that did not pass.

A full report repeats the clause text, the labels and every passing check on every line; for a batch of a hundred
thousand applications that is some five gigabytes. Re-evaluating every application after a rule set changes needs
the outcome, each clause's status and what stands in the way; the full report of any one application is one
``cluster-criteria evaluate`` away. Nothing that decided the outcome is left out: a check that failed, lacks data
or needs review is kept whole, with its figures, limit and readings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from .verdicts import Check, Outcome, ReformApplied, Report, RuleSetRef, Status, Verdict

__all__ = ["BriefReport", "BriefVerdict", "brief", "brief_from_json", "brief_schema", "brief_to_json_line"]

# Checks with these statuses leave nothing to act on; every other check is kept.
_SETTLED = frozenset((Status.PASS, Status.NOT_APPLICABLE))


@dataclass(frozen=True, slots=True)
class BriefVerdict:
    """One clause's status; unless it passed, its checks that did not (failing, lacking data or needing review)."""

    rule_id: str
    status: Status
    open_checks: tuple[Check, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefReport:
    """The brief form of a :class:`~cluster_criteria.verdicts.Report`; ``line`` is the input line in a batch."""

    line: int | None
    cluster_name: str
    assessment_date: dt.date
    rule_set: RuleSetRef
    outcome: Outcome
    decided_by: tuple[str, ...]
    verdicts: tuple[BriefVerdict, ...]
    options: dict[str, str] = field(default_factory=dict)
    complete: bool = True
    library_version: str = ""
    reform: ReformApplied | None = None


def brief(report: Report, line: int | None = None) -> BriefReport:
    """The brief form of ``report``: all statuses, and the open checks in full."""
    return BriefReport(
        line=line,
        cluster_name=report.cluster_name,
        assessment_date=report.assessment_date,
        rule_set=report.rule_set,
        outcome=report.outcome,
        decided_by=report.decided_by,
        verdicts=tuple(_brief_verdict(v) for v in report.verdicts),
        options=dict(report.options),
        complete=report.complete,
        library_version=report.library_version,
        reform=report.reform,
    )


def _brief_verdict(verdict: Verdict) -> BriefVerdict:
    if verdict.status in _SETTLED:  # a failed alternative beside a passing one stands in nobody's way
        return BriefVerdict(verdict.rule_id, verdict.status)
    return BriefVerdict(verdict.rule_id, verdict.status, tuple(c for c in verdict.checks if c.status not in _SETTLED))


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[BriefReport]:
    return TypeAdapter(BriefReport)


def brief_to_json_line(report: Report, line: int | None = None) -> bytes:
    """The brief form of ``report`` as one line of compact UTF-8 JSON, without the newline."""
    return _adapter().dump_json(brief(report, line))


def brief_from_json(text: str | bytes) -> BriefReport:
    """Read a brief report back (Decimals exact, as written)."""
    return _adapter().validate_json(text)


def brief_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a brief report line."""
    schema = _adapter().json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cluster-criteria brief report"
    return schema
