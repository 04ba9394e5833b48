"""第十四条 撤销认定 — one rule per ground (一)–(五) over a designated cluster's record.

已认定的特色产业集群如发生以下情形之一的，撤销其认定：

A rule's verdict passes when its ground is not met and fails when it is (the cluster's designation is to be revoked),
as Art. 7's exclusions do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..known import known_on, known_since
from ..models import Incident
from ..rules.registry import citation_en, citation_zh, status_of
from ..ruleset import RuleSet
from ..ruleset.procedure_params import (
    JILIN_2024_PROCEDURE,
    ChangeFiling,
    ProcedureParameters,
    procedure_parameters_on,
)
from ..ruleset.registry import resolve_latest
from ..severity import figures_text, grade
from ..verdicts import Check, Figure, Status, Verdict
from ..vocabulary import IncidentKind, Severity
from .record import DesignatedClusterRecord, Finding, FindingKind
from .reporting import ReportDue, ReportState, due_date, reports_due
from .validity import Validity, ValidityState, validity_on

__all__ = [
    "REVOCATION_RULES",
    "RevocationContext",
    "RevocationRule",
    "change_filing_deadline",
    "revocation_verdicts",
]


@dataclass(frozen=True, slots=True)
class RevocationContext:
    """A record seen on one date, with the validity and the reports computed once for every ground."""

    record: DesignatedClusterRecord
    as_of: dt.date
    validity: Validity
    reports: tuple[ReportDue, ...] | None
    params: ProcedureParameters
    rule_set: RuleSet

    @classmethod
    def of(
        cls,
        record: DesignatedClusterRecord,
        as_of: dt.date,
        params: ProcedureParameters | None = None,
        rule_set: RuleSet | str | None = None,
    ) -> RevocationContext:
        """The context of one report; ``rule_set`` by default is the edition in force on ``as_of``, and ``params``
        by default are its values in force on ``as_of`` with the documented readings."""
        chosen = resolve_latest(rule_set, as_of)
        if params is None:
            params = procedure_parameters_on(chosen, as_of)
        validity = validity_on(record.designation.date, as_of, record.reviews, params)
        filings = record.annual_reports
        reports = None if filings is None else reports_due(validity, filings, params)
        return cls(record, as_of, validity, reports, params, chosen)

    def since_designation(self, day: dt.date) -> bool:
        """On or after the designation date, and known on the date of the report."""
        return known_since(day, self.record.designation.date, self.as_of)

    def known(self, day: dt.date | None) -> bool:
        """Known on the date of the report (facts dated later are ignored)."""
        return known_on(day, self.as_of)

    @property
    def window(self) -> Figure:
        return Figure("window", f"{self.record.designation.date.isoformat()}..{self.as_of.isoformat()}")


CheckFunction = Callable[[RevocationContext], Iterator[Check]]


@dataclass(frozen=True, slots=True)
class RevocationRule:
    """One ground of Art. 14: call it with a context to get its verdict."""

    clause: int
    title_zh: str
    title_en: str
    checks: CheckFunction

    @property
    def rule_id(self) -> str:
        return f"14.{self.clause}"

    def __call__(self, ctx: RevocationContext) -> Verdict:
        made = tuple(self.checks(ctx))
        readings: dict[str, None] = {}
        for check in made:
            readings.update(dict.fromkeys(check.readings))
        return Verdict(
            rule_id=self.rule_id,
            article=14,
            clause=self.clause,
            citation_zh=citation_zh(14, self.clause),
            citation_en=citation_en(14, self.clause),
            title_zh=self.title_zh,
            title_en=self.title_en,
            text=ctx.rule_set.clause_text(14, self.clause),
            status=Status.NOT_APPLICABLE if not made else status_of(made),
            checks=made,
            readings=tuple(readings),
        )


REVOCATION_RULES: list[RevocationRule] = []


def _ground(clause: int, title_zh: str, title_en: str) -> Callable[[CheckFunction], RevocationRule]:
    def register(function: CheckFunction) -> RevocationRule:
        rule = RevocationRule(clause, title_zh, title_en, function)
        REVOCATION_RULES.append(rule)
        return rule

    return register


def _missing(check_id: str, label_zh: str, label_en: str, path: str, readings: tuple[str, ...] = ()) -> Check:
    return Check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=Status.INSUFFICIENT_DATA,
        missing=(path,),
        readings=("records.absent_vs_empty", *readings),
        note_zh=f"未提供 {path} 记录",
        note_en=f"no {path} record was supplied",
    )


@_ground(1, "有效期满未复核或复核未通过", "Expired without review, or review failed")
def art14_1_expired_or_review_failed(ctx: RevocationContext) -> Iterator[Check]:
    """第十四条第（一）项 (rule 14.1)

    （一）有效期满未申请复核或经复核未通过的；
    """
    v = ctx.validity
    readings = (v.term_end.reading, "validity.extension_from_origin")
    figures = (
        Figure("designation.date", v.designated_on.isoformat()),
        Figure("validity.last_day", v.last_day.isoformat()),
        Figure("validity.extensions", v.extensions),
    )
    label_zh, label_en = "有效期与复核", "term and review"
    if v.state is ValidityState.NOT_YET_DESIGNATED:
        return
    deadline = ctx.record.review_request_deadline
    if v.state is ValidityState.IN_FORCE:
        status, zh, en = Status.PASS, f"有效期至 {v.last_day.isoformat()}", f"in force until {v.last_day.isoformat()}"
    elif v.state is ValidityState.REVIEW_FAILED:
        status, zh, en = Status.FAIL, "经复核未通过", "the review failed"
    elif v.state is ValidityState.EXPIRED_REVIEW_PENDING:
        status, zh, en = Status.NEEDS_REVIEW, "有效期已满，复核尚未决定", "expired; the review is not yet decided"
    elif deadline is not None and ctx.as_of > deadline:
        status = Status.FAIL
        zh = f"有效期满，复核申请截止日 {deadline.isoformat()} 前未申请复核"
        en = f"expired and no review requested by the deadline {deadline.isoformat()}"
    else:
        status = Status.NEEDS_REVIEW
        zh = "有效期已满，尚无复核申请" + (
            f"；申请截止日 {deadline.isoformat()}" if deadline else "；复核申请截止日未知"
        )
        en = "expired and no review requested yet" + (
            f"; the deadline is {deadline.isoformat()}" if deadline else "; the deadline is not known"
        )
    yield Check(
        id="validity",
        label_zh=label_zh,
        label_en=label_en,
        status=status,
        figures=figures + ((Figure("review_request_deadline", deadline.isoformat()),) if deadline else ()),
        readings=readings + (("review.request_deadline",) if status is not Status.PASS else ()),
        note_zh=zh,
        note_en=en,
    )


def _finding_status(ctx: RevocationContext, finding: Finding) -> tuple[Status, str, str, str, tuple[str, ...]]:
    """The status of one known finding, its note in both languages, the missing field (if any) and its reading."""
    designated = ctx.record.designation.date
    if finding.kind is FindingKind.FALSE_APPLICATION:
        reading = ("findings.false_application_found",)
        if finding.date >= designated:
            return Status.FAIL, "认定后发现虚假申报", "a false application found after designation", "", reading
        return (
            Status.NEEDS_REVIEW,
            f"虚假申报于认定日 {designated.isoformat()} 前已发现，仍予认定：须人工确认认定时是否已考虑该发现",
            f"found before the designation of {designated.isoformat()}, which was made nonetheless: "
            "a reviewer confirms whether the finding was weighed when the cluster was designated",
            "",
            reading,
        )
    reading = ("findings.violation_conduct",)
    if finding.conduct_date is None:
        return (
            Status.INSUFFICIENT_DATA,
            "未填报违法违规行为发生日期，无法判断是否发生在认定之后",
            "the date of the conduct is not given, so whether it happened after designation cannot be told",
            "conduct_date",
            reading,
        )
    if finding.conduct_date >= designated:
        return (
            Status.FAIL,
            f"违法违规行为发生于 {finding.conduct_date.isoformat()}，在认定之后",
            f"the conduct took place on {finding.conduct_date.isoformat()}, after designation",
            "",
            reading,
        )
    return (
        Status.NEEDS_REVIEW,
        f"违法违规行为发生于认定日 {designated.isoformat()} 前（{finding.conduct_date.isoformat()}），"
        "属第七条第（四）项审查范围：须人工判断是否构成虚假申报或持续至认定之后",
        f"the conduct took place before the designation of {designated.isoformat()} "
        f"({finding.conduct_date.isoformat()}), which Art. 7(4) examined: a reviewer decides whether it makes the "
        "application false or continued after designation",
        "",
        reading,
    )


@_ground(2, "虚假申报或违法违规", "False application or violations")
def art14_2_false_application_or_violations(ctx: RevocationContext) -> Iterator[Check]:
    """第十四条第（二）项 (rule 14.2)

    （二）发现虚假申报或存在违法违规行为的；
    """
    findings = ctx.record.findings
    if findings is None:
        yield _missing("findings.record", "虚假申报或违法违规行为", "false application or violation", "findings")
        return
    found = [(i, f) for i, f in enumerate(findings) if ctx.known(f.date)]
    for index, finding in found:
        status, note_zh, note_en, missing, readings = _finding_status(ctx, finding)
        path = f"findings[{index}]"
        yield Check(
            id=f"findings.{index}",
            label_zh=f"{finding.kind.zh}（{finding.date.isoformat()} 发现）",
            label_en=f"{finding.kind.en} (found on {finding.date.isoformat()})",
            status=status,
            figures=(
                Figure("designation.date", ctx.record.designation.date.isoformat()),
                Figure(f"{path}.kind", finding.kind.value),
                Figure(f"{path}.date", finding.date.isoformat()),
                Figure(f"{path}.conduct_date", finding.conduct_date.isoformat() if finding.conduct_date else None),
            ),
            readings=readings,
            missing=(f"{path}.{missing}",) if missing else (),
            evidence=finding.description,
            note_zh=note_zh,
            note_en=note_en,
        )
    if not found:
        yield Check(
            id="findings.none",
            label_zh="虚假申报或违法违规行为",
            label_en="false application or violation",
            status=Status.PASS,
            figures=(Figure("findings", 0),),
            readings=("records.absent_vs_empty",),
            note_zh="无",
            note_en="none",
        )


def _report_check(report: ReportDue) -> Check:
    status = Status.FAIL if report.state in (ReportState.LATE, ReportState.MISSING) else Status.PASS
    filed = report.filed_on.isoformat() if report.filed_on else "—"
    return Check(
        id=f"annual_report.{report.year}",
        label_zh=f"{report.year}年度情况报送（截止 {report.due.isoformat()}）",
        label_en=f"report on {report.year} (due {report.due.isoformat()})",
        status=status,
        figures=(Figure(f"annual_reports[year={report.year}].filed_on", filed), Figure("due", report.due.isoformat())),
        readings=("reports.due_end_of_march", "reports.late_is_untimely"),
        note_zh=report.state.zh + (f"（逾期{report.days_late}天）" if report.days_late else ""),
        note_en=report.state.en + (f" ({report.days_late} days late)" if report.days_late else ""),
    )


@_ground(3, "未及时报送年度信息或不配合监测", "Yearly report not filed in time, or monitoring refused")
def art14_3_reports_and_monitoring(ctx: RevocationContext) -> Iterator[Check]:
    """第十四条第（三）项 (rule 14.3)

    （三）未及时报送集群年度培育情况信息表，不接受、不配合监测监督工作的；
    """
    if ctx.validity.state is ValidityState.NOT_YET_DESIGNATED:
        return
    first_reading = ctx.params.first_report_year.reading
    if ctx.reports is None:
        yield _missing(
            "annual_reports.record",
            "年度情况按时报送",
            "yearly reports filed in time",
            "annual_reports",
            (first_reading,),
        )
    else:
        for report in ctx.reports:
            check = _report_check(report)
            yield replace(check, readings=(*check.readings, first_reading))
    refusals = ctx.record.monitoring_refusals
    if refusals is None:
        yield _missing("monitoring.record", "不接受、不配合监测监督", "refusal of monitoring", "monitoring_refusals")
        return
    inside = [(i, r) for i, r in enumerate(refusals) if ctx.since_designation(r.date)]
    for index, refusal in inside:
        yield Check(
            id=f"monitoring.{index}",
            label_zh=f"{refusal.date.isoformat()} 不接受、不配合监测监督",
            label_en=f"monitoring refused on {refusal.date.isoformat()}",
            status=Status.FAIL,
            figures=(Figure(f"monitoring_refusals[{index}].date", refusal.date.isoformat()),),
            evidence=refusal.description,
        )
    if not inside:
        yield Check(
            id="monitoring.none",
            label_zh="不接受、不配合监测监督",
            label_en="refusal of monitoring",
            status=Status.PASS,
            figures=(ctx.window, Figure("monitoring_refusals", 0)),
            readings=("records.absent_vs_empty",),
            note_zh="认定后无",
            note_en="none since designation",
        )


def change_filing_deadline(
    changed_on: dt.date, params: ProcedureParameters = JILIN_2024_PROCEDURE
) -> tuple[dt.date, str]:
    """The last day to re-file a major change made on ``changed_on`` in time (及时, Art. 14(4)), and the reading."""
    if params.change_filing_days is not None:
        return changed_on + dt.timedelta(days=params.change_filing_days), "changes.within_days"
    if params.change_filing is ChangeFiling.REPORT_ON_ITS_YEAR:
        return due_date(changed_on.year, params), params.change_filing.reading
    # The first due date on or after the change: this year's, or next year's once this year's has passed.
    this_year = due_date(changed_on.year - 1, params)
    first = this_year if changed_on <= this_year else due_date(changed_on.year, params)
    return max(first, changed_on + dt.timedelta(days=params.change_filing_min_days)), params.change_filing.reading


@_ground(4, "重大变动未及时报备", "Major change not re-filed in time")
def art14_4_major_change_not_filed(ctx: RevocationContext) -> Iterator[Check]:
    """第十四条第（四）项 (rule 14.4)

    （四）集群发生主导产业、空间范围、运营管理机构变更等重大变动未及时更新报备的；
    """
    changes = ctx.record.changes
    if changes is None:
        yield _missing("changes.record", "重大变动的报备", "re-filing of major changes", "changes")
        return
    inside = [(i, c) for i, c in enumerate(changes) if ctx.since_designation(c.date)]
    for index, change in inside:
        deadline, reading = change_filing_deadline(change.date, ctx.params)
        filed = change.filed_on if ctx.known(change.filed_on) else None
        if filed is not None:
            status = Status.PASS if filed <= deadline else Status.FAIL
            zh = f"{filed.isoformat()} 报备" + ("" if status is Status.PASS else "，已逾期")
            en = f"re-filed on {filed.isoformat()}" + ("" if status is Status.PASS else ", late")
        elif ctx.as_of > deadline:
            status, zh, en = Status.FAIL, "逾期未报备", "not re-filed, and the deadline has passed"
        else:
            status, zh, en = (
                Status.NEEDS_REVIEW,
                "尚未报备，期限未届满",
                "not re-filed yet; the deadline has not passed",
            )
        yield Check(
            id=f"changes.{index}",
            label_zh=f"{change.date.isoformat()} {change.kind.zh}的报备（期限 {deadline.isoformat()}）",
            label_en=f"re-filing of the {change.kind.en} of {change.date.isoformat()} (by {deadline.isoformat()})",
            status=status,
            figures=(
                Figure(f"changes[{index}].kind", change.kind.value),
                Figure(f"changes[{index}].date", change.date.isoformat()),
                Figure(f"changes[{index}].filed_on", filed.isoformat() if filed else None),
            ),
            readings=(reading,),
            evidence=change.description,
            note_zh=zh,
            note_en=en,
        )
    if not inside:
        yield Check(
            id="changes.none",
            label_zh="认定后的重大变动",
            label_en="major changes since designation",
            status=Status.PASS,
            figures=(ctx.window, Figure("changes", 0)),
            readings=("records.absent_vs_empty",),
            note_zh="认定后无",
            note_en="none since designation",
        )


_BASIS = {
    "stated": ("申报等级", "stated grade"),
    "derived": ("按伤亡和损失推定", "derived from casualties and loss"),
    "figures_above_stated": ("按伤亡和损失推定", "derived from casualties and loss"),
    "conflict": ("申报等级高于伤亡和损失对应的等级", "the stated grade is above what the figures give"),
    "unknown": ("未知", "unknown"),
}


def _incident_check(
    ctx: RevocationContext, index: int, incident: Incident, floor: Severity, readings: tuple[str, ...]
) -> Check:
    # The figures' grade where it is above the stated one (notes §8), as for Art. 7: severity.grade decides.
    graded = grade(incident, ctx.rule_set.parameters_on(ctx.as_of))
    path = f"incidents[{index}]"
    reached = graded.reaches(floor)
    if reached is None:
        status = Status.NEEDS_REVIEW if graded.basis == "conflict" else Status.INSUFFICIENT_DATA
    else:
        status = Status.FAIL if reached else Status.PASS
    figures_zh, figures_en = figures_text(incident, "zh"), figures_text(incident, "en")
    basis_zh, basis_en = _BASIS[graded.basis]
    if graded.lower_bound is None:
        grade_zh, grade_en = "等级未知", "grade unknown"
    elif graded.basis == "conflict" and graded.stated is not None and graded.derived is not None:
        grade_zh = f"申报等级{graded.stated.zh}，按伤亡和损失推定为{graded.derived.zh}（{basis_zh}，须人工确认）"
        grade_en = f"stated {graded.stated.en}, the figures give {graded.derived.en} ({basis_en}; a reviewer decides)"
    else:
        lower, above = graded.lower_bound, graded.upper_bound is None
        grade_zh = f"等级：{lower.zh}{'及以上' if above else ''}（{basis_zh}）"
        grade_en = f"grade: {lower.en}{' or above' if above else ''} ({basis_en})"
    if graded.basis == "figures_above_stated" and graded.stated is not None:
        grade_zh += f"；申报等级为{graded.stated.zh}，低于伤亡和损失数据对应的等级"
        grade_en += f"; the stated grade, {graded.stated.en}, is lower than the figures give"
    if figures_zh:
        grade_zh += f"；数据：{figures_zh}"
        grade_en += f"; figures: {figures_en}"
    if status is Status.FAIL:
        grade_zh, grade_en = f"达到{floor.zh}及以上，{grade_zh}", f"{floor.en} or above reached, {grade_en}"
    elif status is Status.PASS:
        grade_zh, grade_en = f"未达{floor.zh}及以上，{grade_zh}", f"below {floor.en}, {grade_en}"
    extra: tuple[str, ...] = ()
    if graded.basis in ("derived", "figures_above_stated", "conflict"):
        extra += ("severity.production_safety",)
    if graded.basis == "figures_above_stated":
        extra += ("revocation.figures_grade",)
    if graded.basis == "conflict":
        extra += ("severity.conflict",)
    return Check(
        id=f"incidents.{index}",
        label_zh=f"{incident.date.isoformat()} {incident.kind.zh}（门槛：{floor.zh}及以上）",
        label_en=f"{incident.kind.en} of {incident.date.isoformat()} (threshold: {floor.en} or above)",
        status=status,
        figures=(
            ctx.window,
            Figure(f"{path}.date", incident.date.isoformat()),
            Figure(f"{path}.kind", incident.kind.value),
            Figure(f"{path}.severity", incident.severity.value if incident.severity else None),
            *(
                Figure(f"{path}.{name}", value, unit=unit)
                for name, value, unit in (
                    ("deaths", incident.deaths, "人"),
                    ("serious_injuries", incident.serious_injuries, "人"),
                    ("direct_loss", incident.direct_loss, "元"),
                )
                if value is not None
            ),
        ),
        comparison="<",
        legal_word=f"{floor.zh}及以上",
        readings=(*readings, *extra),
        missing=tuple(f"{path}.{m}" for m in graded.missing) if status is Status.INSUFFICIENT_DATA else (),
        evidence=incident.description,
        note_zh=grade_zh,
        note_en=grade_en,
    )


@_ground(5, "认定后发生事故、安全事件或违法失信", "Accidents, security events or violations after designation")
def art14_5_events_after_designation(ctx: RevocationContext) -> Iterator[Check]:
    """第十四条第（五）项 (rule 14.5)

    （五）集群企业发生较大及以上安全、质量和环境污染等事故，重大及以上网络安全事件和数据安全事件，以及偷税漏税、违法违规、
    严重失信和其它重大问题的行为。
    """
    p = ctx.params
    floors: dict[IncidentKind, tuple[Severity, tuple[str, ...]]] = {
        **{
            k: (p.accident_severity_floor, ("revocation.after_designation", "revocation.stricter_accident_floor"))
            for k in p.accident_kinds
        },
        **{k: (p.security_event_severity_floor, ("revocation.after_designation",)) for k in p.security_event_kinds},
    }
    incidents = ctx.record.incidents
    if incidents is None:
        accident, security = p.accident_severity_floor, p.security_event_severity_floor
        yield _missing(
            "incidents.record",
            f"认定后{accident.zh}及以上事故和{security.zh}及以上安全事件",
            f"accidents of {accident.en} or above and security events of {security.en} or above since designation",
            "incidents",
        )
    else:
        inside = [(i, inc) for i, inc in enumerate(incidents) if inc.kind in floors and ctx.since_designation(inc.date)]
        for index, incident in inside:
            floor, readings = floors[incident.kind]
            yield _incident_check(ctx, index, incident, floor, readings)
        yield Check(
            id="incidents.window",
            label_zh="认定后发生的事故和安全事件逐条判断",
            label_en="incidents since designation, judged one by one",
            status=Status.PASS,
            figures=(ctx.window, Figure("incidents.since_designation", len(inside))),
            readings=("revocation.after_designation", "records.absent_vs_empty"),
        )
    violations = ctx.record.violations
    if violations is None:
        yield _missing(
            "violations.record",
            "认定后的偷税漏税、违法违规、严重失信",
            "tax evasion, violations or serious dishonesty since designation",
            "violations",
        )
        return
    found = [(i, v) for i, v in enumerate(violations) if v.kind in p.violation_kinds and ctx.since_designation(v.date)]
    for index, violation in found:
        yield Check(
            id=f"violations.{index}",
            label_zh=f"{violation.date.isoformat()} {violation.kind.zh}",
            label_en=f"{violation.kind.en} of {violation.date.isoformat()}",
            status=Status.FAIL,
            figures=(ctx.window, Figure(f"violations[{index}].kind", violation.kind.value)),
            readings=("revocation.after_designation",),
            evidence=violation.description,
        )
    if not found:
        yield Check(
            id="violations.none",
            label_zh="认定后的偷税漏税、违法违规、严重失信",
            label_en="tax evasion, violations or serious dishonesty since designation",
            status=Status.PASS,
            figures=(ctx.window, Figure("violations.since_designation", 0)),
            readings=("revocation.after_designation", "records.absent_vs_empty"),
            note_zh="认定后无",
            note_en="none since designation",
        )


def revocation_verdicts(ctx: RevocationContext) -> tuple[Verdict, ...]:
    """Every ground's verdict, (一) to (五)."""
    return tuple(rule(ctx) for rule in sorted(REVOCATION_RULES, key=lambda r: r.clause))
