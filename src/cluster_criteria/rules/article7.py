"""第七条 排除情形 — the four exclusions, one rule per clause.

特色产业集群及集群内企业不存在下列情形：
"""

from __future__ import annotations

from collections.abc import Iterator

from ..context import EvaluationContext
from ..models import Application
from ..severity import Grading, grade
from ..verdicts import FAIL, INSUFFICIENT_DATA, NEEDS_REVIEW, PASS, Check, Status, new_check, new_figure
from ..vocabulary import IncidentKind, Severity
from .checks import missing
from .registry import clause_rule

__all__ = [
    "art7_1_restricted_industry",
    "art7_2_major_accidents",
    "art7_3_major_security_events",
    "art7_4_major_violations",
]


@clause_rule(7, 1, "产业政策禁止限制淘汰类", "Prohibited, restricted or eliminated industry")
def art7_1_restricted_industry(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（一）项 (rule 7.1)

    （一）主导产业属于国家规定的禁止、限制和淘汰类产业；
    """
    excluded = ctx.rule_set.parameters.excluded_catalogue_statuses
    status = app.cluster.leading_industry.catalogue_status
    label_zh, label_en = (
        "主导产业不属于禁止、限制和淘汰类产业",
        "the leading industry is not prohibited, restricted or eliminated",
    )
    path = "cluster.leading_industry.catalogue_status"
    if status is None:
        yield missing("catalogue_status", label_zh, label_en, (path,), readings=("catalogue.status",))
        return
    hit = status in excluded
    yield new_check(
        id="catalogue_status",
        label_zh=label_zh,
        label_en=label_en,
        status=Status.FAIL if hit else Status.PASS,
        figures=(new_figure(path, status.value),),
        readings=("catalogue.status",),
        note_zh=f"主导产业属于{status.zh}",
        note_en=f"the leading industry is {status.en}",
    )


# The figures an incident's grade rests on, listed in its check when given.
_GRADE_FIGURES = ("severity", "deaths", "serious_injuries", "direct_loss")
_BASIS_ZH = {"stated": "申报等级", "derived": "按伤亡和损失推定", "conflict": "申报与推定不一致", "unknown": "未知"}


def _conflict_zh(grading: Grading) -> str:
    stated = grading.stated.zh if grading.stated else "未申报"
    derived = grading.derived.zh if grading.derived else "无法推定"
    return f"；申报等级与推定等级不一致：申报为{stated}，按伤亡和损失推定为{derived}"


def _incidents(
    app: Application,
    ctx: EvaluationContext,
    kinds: tuple[IncidentKind, ...],
    floor: Severity,
    check_prefix: str,
    label_zh: str,
    label_en: str,
) -> Iterator[Check]:
    readings = ("window.events", "records.absent_vs_empty")
    if app.incidents is None:
        yield missing(
            f"{check_prefix}.record",
            label_zh,
            label_en,
            ("incidents",),
            readings=readings,
            note_zh="未提供事故和事件记录",
            note_en="no incident record was supplied",
        )
        return
    params = ctx.rule_set.parameters
    relevant = [(i, inc) for i, inc in enumerate(app.incidents) if inc.kind in kinds]
    inside = [(i, inc) for i, inc in relevant if ctx.in_event_window(inc.date)]
    window = new_figure("window", f"{ctx.event_window_start.isoformat()}..{ctx.assessment_date.isoformat()}")
    floor_zh, floor_en = floor.zh, floor.en
    legal_word = f"{floor_zh}及以上"
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
        grade_readings: tuple[str, ...] = readings
        if grading.basis != "stated":
            grade_readings += ("severity.production_safety",)
        if grading.conflict:
            grade_readings += ("severity.conflict",)
        if reached is None:
            status = NEEDS_REVIEW if grading.conflict else INSUFFICIENT_DATA
        else:
            status = FAIL if reached else PASS
        found = grading.lower_bound
        yield new_check(
            id=f"{check_prefix}.{index}",
            label_zh=f"{day} {kind.zh}未达{floor_zh}及以上",
            label_en=f"{kind.en} of {day} below {floor_en}",
            status=status,
            figures=tuple(figures),
            comparison="<",
            legal_word=legal_word,
            readings=grade_readings,
            missing=tuple(f"{path}.{m}" for m in grading.missing) if status is INSUFFICIENT_DATA else (),
            evidence=incident.description,
            note_zh=(f"等级：{found.zh}（{_BASIS_ZH[grading.basis]}）" if found else "等级未知")
            + (_conflict_zh(grading) if grading.conflict else ""),
            note_en=(f"grade: {found.en} ({grading.basis})" if found else "grade unknown")
            + (f"; {grading.conflict}" if grading.conflict else ""),
        )
    yield new_check(
        id=f"{check_prefix}.window",
        label_zh=label_zh,
        label_en=label_en,
        status=PASS,
        figures=(
            window,
            new_figure("incidents.in_window", len(inside)),
            new_figure("incidents.of_these_kinds", len(relevant)),
        ),
        readings=readings,
        note_zh=f"近三年内相关记录{len(inside)}条，逐条判断如上" if inside else "近三年内无相关记录",
        note_en=f"{len(inside)} record(s) in the window, judged one by one" if inside else "no record in the window",
    )


@clause_rule(7, 2, "重大安全、质量和环境污染事故", "Major safety, quality or environmental accidents")
def art7_2_major_accidents(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（二）项 (rule 7.2)

    （二）近三年发生过重大及以上安全、质量和环境污染等事故；
    """
    p = ctx.rule_set.parameters
    yield from _incidents(
        app,
        ctx,
        p.accident_kinds,
        p.accident_severity_floor,
        "accidents",
        f"近三年未发生{p.accident_severity_floor.zh}及以上安全、质量和环境污染事故",
        f"no {p.accident_severity_floor.en} or worse accident in the last three years",
    )


@clause_rule(7, 3, "重大网络安全和数据安全事件", "Major network or data security events")
def art7_3_major_security_events(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（三）项 (rule 7.3)

    （三）近三年发生过重大及以上网络安全事件和数据安全事件；
    """
    p = ctx.rule_set.parameters
    yield from _incidents(
        app,
        ctx,
        p.security_event_kinds,
        p.security_event_severity_floor,
        "security_events",
        f"近三年未发生{p.security_event_severity_floor.zh}及以上网络安全事件和数据安全事件",
        f"no {p.security_event_severity_floor.en} or worse security event in the last three years",
    )


@clause_rule(7, 4, "重大违法违规行为", "Major violations")
def art7_4_major_violations(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第七条第（四）项 (rule 7.4)

    （四）有偷税漏税、严重失信等其他重大违法违规行为。
    """
    kinds = ctx.rule_set.parameters.violation_kinds
    readings = ("no_window.violations", "records.absent_vs_empty")
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
        )
        return
    found = [(i, v) for i, v in enumerate(app.violations) if v.kind in kinds]
    for index, violation in found:
        path = f"violations[{index}]"
        yield new_check(
            id=f"violations.{index}",
            label_zh=f"{violation.date.isoformat()} {violation.kind.zh}",
            label_en=f"{violation.kind.en} of {violation.date.isoformat()}",
            status=Status.FAIL,
            figures=(
                new_figure(f"{path}.kind", violation.kind.value),
                new_figure(f"{path}.date", violation.date.isoformat()),
            ),
            readings=readings,
            evidence=violation.description,
            note_zh="存在该类行为，不设时间范围",
            note_en="a finding of this kind counts whenever it was",
        )
    if not found:
        yield new_check(
            id="violations.none",
            label_zh=label_zh,
            label_en=label_en,
            status=Status.PASS,
            figures=(new_figure("violations", 0),),
            readings=readings,
            note_zh="申报无此类记录",
            note_en="the application declares no such finding",
        )
