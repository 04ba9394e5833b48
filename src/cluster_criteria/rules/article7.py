"""第七条 排除情形 — the four exclusions, one rule per clause.

特色产业集群及集群内企业不存在下列情形：
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..citations import chinese_number
from ..context import EvaluationContext
from ..known import known_on, later_records_note
from ..models import Application
from ..severity import Grading, grade, incident_notes
from ..verdicts import (
    FAIL,
    INSUFFICIENT_DATA,
    NEEDS_REVIEW,
    PASS,
    Check,
    CheckKind,
    Status,
    combine,
    new_check,
    new_figure,
)
from ..vocabulary import CatalogueStatus, IncidentKind, Severity, ViolationKind
from .checks import missing
from .registry import clause_rule
from .spec import CheckSpec

__all__ = [
    "art7_1_restricted_industry",
    "art7_2_major_accidents",
    "art7_3_major_security_events",
    "art7_4_major_violations",
]


@clause_rule(
    7,
    1,
    "产业政策禁止限制淘汰类",
    "Prohibited, restricted or eliminated industry",
    checks=(
        CheckSpec(
            "catalogue_status",
            "主导产业不属于{excluded_catalogue_statuses}产业",
            "The leading industry is not {excluded_catalogue_statuses}",
            CheckKind.CATEGORY,
        ),
    ),
    readings=("catalogue.status",),
    exclusion=True,
)
def art7_1_restricted_industry(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（一）项 (rule 7.1)

    （一）主导产业属于国家规定的禁止、限制和淘汰类产业；
    """
    excluded = ctx.parameters.kinds("excluded_catalogue_statuses", CatalogueStatus)
    status = app.cluster.leading_industry.catalogue_status
    label_zh, label_en = (
        "主导产业不属于禁止、限制和淘汰类产业",
        "the leading industry is not prohibited, restricted or eliminated",
    )
    path = "cluster.leading_industry.catalogue_status"
    if status is None:
        yield missing(
            "catalogue_status", label_zh, label_en, (path,), readings=("catalogue.status",), kind=CheckKind.CATEGORY
        )
        return
    hit = status in excluded
    yield new_check(
        id="catalogue_status",
        label_zh=f"主导产业属于{status.zh}产业" if hit else label_zh,
        label_en=f"the leading industry is {status.en}" if hit else label_en,
        status=Status.FAIL if hit else Status.PASS,
        figures=(new_figure(path, status.value),),
        readings=("catalogue.status",),
        note_zh=f"主导产业属于{status.zh}",
        note_en=f"the leading industry is {status.en}",
        kind=CheckKind.CATEGORY,
    )


_EVENT_READINGS = (
    "window.events",
    "records.absent_vs_empty",
    "facts.known_on_date",
    "severity.production_safety",
    "severity.figures_prevail",
    "severity.conflict",
)

# The figures an incident's grade rests on, listed in its check when given.
_GRADE_FIGURES = ("severity", "deaths", "serious_injuries", "direct_loss")
_KNOWN_ON_DATE = "facts.known_on_date"


def _grade_readings(grading: Grading) -> tuple[str, ...]:
    if grading.basis == "stated":
        return ()
    if grading.basis == "figures_above_stated":
        return ("severity.production_safety", "severity.figures_prevail")
    if grading.basis == "conflict":
        return ("severity.production_safety", "severity.conflict")
    return ("severity.production_safety",) if grading.basis == "derived" else ()


def _incident_labels(
    status: Status, day: str, kind: IncidentKind, found: Severity | None, floor: Severity
) -> tuple[str, str]:
    """Labels that state what was found, so that a label never says the opposite of the check's status."""
    if status is FAIL and found is not None:
        return f"{day} 发生{found.zh}{kind.zh}", f"{found.en} {kind.en} on {day}"
    if status is PASS:
        return f"{day} {kind.zh}，未达{floor.zh}及以上", f"{kind.en} of {day}, not {floor.en} or worse"
    return f"{day} {kind.zh}，是否达到{floor.zh}及以上待定", f"{kind.en} of {day}, {floor.en} or worse or not: open"


_ENGLISH_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@lru_cache(maxsize=64)
def _summary_labels(summary: Status, floor: Severity, kinds_zh: str, kinds_en: str, years: int) -> tuple[str, str]:
    """What the window's records together show, worded so that it never contradicts the clause; the window is the
    rule set's ``event_window_years`` (近三年 in the 2024 measures)."""
    recent_zh = f"近{chinese_number(years)}年"
    recent_en = f"in the last {_ENGLISH_NUMBERS.get(years, str(years))} years"
    if summary is PASS:
        return f"{recent_zh}未发生{floor.zh}及以上{kinds_zh}", f"no {floor.en} or worse {kinds_en} {recent_en}"
    if summary is FAIL:
        return f"{recent_zh}发生过{floor.zh}及以上{kinds_zh}", f"a {floor.en} or worse {kinds_en} {recent_en}"
    return (
        f"{recent_zh}是否发生{floor.zh}及以上{kinds_zh}待定",
        f"whether a {floor.en} or worse {kinds_en} happened {recent_en} is open",
    )


def _incidents(
    app: Application,
    ctx: EvaluationContext,
    kinds: tuple[IncidentKind, ...],
    floor: Severity,
    check_prefix: str,
    kinds_zh: str,
    kinds_en: str,
) -> Iterator[Check]:
    readings = ("window.events", "records.absent_vs_empty", _KNOWN_ON_DATE)
    years = ctx.parameters.integer("event_window_years")
    if app.incidents is None:
        yield missing(
            f"{check_prefix}.record",
            *_summary_labels(PASS, floor, kinds_zh, kinds_en, years),
            ("incidents",),
            readings=readings,
            note_zh="未提供事故和事件记录",
            note_en="no incident record was supplied",
            kind=CheckKind.RECORD,
        )
        return
    params = ctx.parameters
    relevant = [(i, inc) for i, inc in enumerate(app.incidents) if inc.kind in kinds]
    inside = [(i, inc) for i, inc in relevant if ctx.in_event_window(inc.date)]
    later = sum(1 for _, inc in relevant if not known_on(inc.date, ctx.assessment_date))
    window = new_figure("window", f"{ctx.event_window_start.isoformat()}..{ctx.assessment_date.isoformat()}")
    legal_word = f"{floor.zh}及以上"
    statuses: list[Status] = []
    for index, incident in inside:
        grading = grade(incident, params)
        path = f"incidents[{index}]"
        day = incident.date.isoformat()
        kind = incident.kind
        figures = [window, new_figure(f"{path}.date", day), new_figure(f"{path}.kind", kind._value_)]
        for name in _GRADE_FIGURES:
            value = getattr(incident, name)
            if value is not None:
                figures.append(new_figure(f"{path}.{name}", value))
        reached = grading.reaches(floor)
        if reached is None:
            status = NEEDS_REVIEW if grading.basis == "conflict" else INSUFFICIENT_DATA
        else:
            status = FAIL if reached else PASS
        statuses.append(status)
        label_zh, label_en = _incident_labels(status, day, kind, grading.lower_bound, floor)
        note_zh, note_en = incident_notes(grading, incident)
        yield new_check(
            id=f"{check_prefix}.{index}",
            label_zh=label_zh,
            label_en=label_en,
            status=status,
            figures=tuple(figures),
            comparison="<",
            legal_word=legal_word,
            readings=readings + _grade_readings(grading),
            missing=tuple(f"{path}.{m}" for m in grading.missing) if status is INSUFFICIENT_DATA else (),
            evidence=incident.description,
            note_zh=note_zh,
            note_en=note_en,
            kind=CheckKind.INCIDENT,
        )
    summary = combine(statuses) if statuses else PASS
    label_zh, label_en = _summary_labels(summary, floor, kinds_zh, kinds_en, years)
    recent_zh = f"近{chinese_number(years)}年"
    counted_zh = f"{recent_zh}内相关记录{len(inside)}条，逐条判断如上" if inside else f"{recent_zh}内无相关记录"
    counted_en = f"{len(inside)} record(s) in the window, judged one by one" if inside else "no record in the window"
    later_zh, later_en = later_records_note(later)
    yield new_check(
        id=f"{check_prefix}.window",
        label_zh=label_zh,
        label_en=label_en,
        status=summary,
        figures=(
            window,
            new_figure("incidents.in_window", len(inside)),
            new_figure("incidents.of_these_kinds", len(relevant)),
            new_figure("incidents.after_assessment_date", later),
        ),
        readings=readings,
        note_zh=counted_zh + later_zh,
        note_en=counted_en + later_en,
        kind=CheckKind.INCIDENT_SUMMARY,
    )


@clause_rule(
    7,
    2,
    "重大安全、质量和环境污染事故",
    "Serious safety, quality or environmental accidents",
    checks=(
        CheckSpec("accidents.record", "事故记录是否提供", "Whether an incident record was supplied", CheckKind.RECORD),
        CheckSpec(
            "accidents.window",
            "近{event_window_years}年内是否发生{accident_severity_floor}{accident_kinds}（逐条判断的汇总）",
            "Whether a {accident_severity_floor} {accident_kinds} happened in the window (the records together)",
            CheckKind.INCIDENT_SUMMARY,
            ("event_window_years",),
        ),
        CheckSpec(
            "accidents.{n}",
            "近{event_window_years}年内第n条事故记录（{accident_kinds}）是否达到{accident_severity_floor}",
            "Incident record n ({accident_kinds}) in the window: {accident_severity_floor} or not",
            CheckKind.INCIDENT,
            ("event_window_years", "production_safety_bands"),
            records="incidents",
        ),
    ),
    readings=_EVENT_READINGS,
    exclusion=True,
)
def art7_2_major_accidents(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（二）项 (rule 7.2)

    （二）近三年发生过重大及以上安全、质量和环境污染等事故；
    """
    p = ctx.parameters
    yield from _incidents(
        app,
        ctx,
        p.kinds("accident_kinds", IncidentKind),
        p.severity("accident_severity_floor"),
        "accidents",
        "安全、质量和环境污染事故",
        "safety, quality or environmental pollution accident",
    )


@clause_rule(
    7,
    3,
    "重大网络安全和数据安全事件",
    "Serious network or data security events",
    checks=(
        CheckSpec(
            "security_events.record", "事件记录是否提供", "Whether an incident record was supplied", CheckKind.RECORD
        ),
        CheckSpec(
            "security_events.window",
            "近{event_window_years}年内是否发生{security_event_severity_floor}{security_event_kinds}（逐条判断的汇总）",
            "Whether a {security_event_severity_floor} {security_event_kinds} happened in the window (together)",
            CheckKind.INCIDENT_SUMMARY,
            ("event_window_years",),
        ),
        CheckSpec(
            "security_events.{n}",
            "近{event_window_years}年内第n条事件记录（{security_event_kinds}）是否达到{security_event_severity_floor}",
            "Incident record n ({security_event_kinds}) in the window: {security_event_severity_floor} or not",
            CheckKind.INCIDENT,
            ("event_window_years",),
            records="incidents",
        ),
    ),
    readings=_EVENT_READINGS,
    exclusion=True,
)
def art7_3_major_security_events(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（三）项 (rule 7.3)

    （三）近三年发生过重大及以上网络安全事件和数据安全事件；
    """
    p = ctx.parameters
    yield from _incidents(
        app,
        ctx,
        p.kinds("security_event_kinds", IncidentKind),
        p.severity("security_event_severity_floor"),
        "security_events",
        "网络安全事件和数据安全事件",
        "network or data security event",
    )


@clause_rule(
    7,
    4,
    "重大违法违规行为",
    "Major violations",
    checks=(
        CheckSpec(
            "violations.record", "违法违规记录是否提供", "Whether a violation record was supplied", CheckKind.RECORD
        ),
        CheckSpec(
            "violations.none",
            "无{violation_kinds}（不设时间范围）",
            "None of: {violation_kinds} (no time window)",
            CheckKind.VIOLATION_SUMMARY,
        ),
        CheckSpec(
            "violations.{n}",
            "第n条违法违规记录：{violation_kinds}之一（不设时间范围）",
            "Violation record n: one of {violation_kinds} (no time window)",
            CheckKind.VIOLATION,
            records="violations",
        ),
    ),
    readings=("no_window.violations", "records.absent_vs_empty", "facts.known_on_date"),
    exclusion=True,
)
def art7_4_major_violations(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（四）项 (rule 7.4)

    （四）有偷税漏税、严重失信等其他重大违法违规行为。
    """
    kinds = ctx.parameters.kinds("violation_kinds", ViolationKind)
    readings = ("no_window.violations", "records.absent_vs_empty", _KNOWN_ON_DATE)
    label_zh, label_en = (
        "无偷税漏税、严重失信等重大违法违规行为",
        "no tax evasion, serious dishonesty or other major violation",
    )
    if app.violations is None:
        yield missing(
            "violations.record",
            label_zh,
            label_en,
            ("violations",),
            readings=readings,
            note_zh="未提供违法违规记录",
            note_en="no violation record was supplied",
            kind=CheckKind.RECORD,
        )
        return
    day = ctx.assessment_date
    of_kind = [(i, v) for i, v in enumerate(app.violations) if v.kind in kinds]
    found = [(i, v) for i, v in of_kind if known_on(v.date, day)]
    later = len(of_kind) - len(found)
    later_zh, later_en = later_records_note(later)
    for index, violation in found:
        path = f"violations[{index}]"
        when = violation.date.isoformat()
        yield new_check(
            id=f"violations.{index}",
            label_zh=f"{when} 有{violation.kind.zh.removesuffix('行为')}行为",
            label_en=f"{violation.kind.en} found, dated {when}",
            status=Status.FAIL,
            figures=(
                new_figure(f"{path}.kind", violation.kind.value),
                new_figure(f"{path}.date", when),
            ),
            readings=readings,
            evidence=violation.description,
            note_zh="存在该类行为（不设时间范围）",
            note_en="a finding of this kind counts whenever it was made",
            kind=CheckKind.VIOLATION,
        )
    if not found:
        yield new_check(
            id="violations.none",
            label_zh=label_zh,
            label_en=label_en,
            status=Status.PASS,
            figures=(new_figure("violations", 0), new_figure("violations.after_assessment_date", later)),
            readings=readings,
            note_zh="申报无此类记录" + later_zh,
            note_en="the application declares no such finding" + later_en,
            kind=CheckKind.VIOLATION_SUMMARY,
        )
