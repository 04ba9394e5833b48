"""Plain-text rendering of a monitoring report in Chinese or English.

Names, goals and notes may come from the record: they go through :func:`..safe_text.text_block`, which shows
control characters as escapes and indents any further line of them behind a bar.
"""

from __future__ import annotations

from ..ruleset.procedure_params import PROCEDURE_READINGS
from ..ruleset.registry import known_rule_set
from ..safe_text import one_line, text_block
from ..verdicts import Status
from .monitoring import MonitoringReport, RevocationOutcome

__all__ = ["render_monitoring_text"]

# A ground of Art. 14 names a situation that ends a designation; "pass" and "fail" would read backwards next to it,
# so the words say whether the situation is present (存在该情形) or not, for the ground and for each of its checks.
_STATUS = {
    Status.PASS: ("不存在该情形", "situation not present"),
    Status.FAIL: ("存在该情形", "situation present"),
    Status.NEEDS_REVIEW: ("待人工判断", "needs review"),
    Status.INSUFFICIENT_DATA: ("数据不足", "insufficient data"),
    Status.NOT_APPLICABLE: ("不适用", "not applicable"),
}
_OUTCOME = {
    RevocationOutcome.KEEP: ("不存在撤销情形", "no ground for revocation is present"),
    RevocationOutcome.REVOKE: (
        "存在撤销情形，应撤销认定",
        "a ground for revocation is present: the designation is to be revoked",
    ),
    RevocationOutcome.UNDECIDED: ("尚不能确定，须人工判断或补充数据", "undecided: a reviewer or more data is needed"),
}


def _pick(pair: tuple[str, str], zh: bool) -> str:
    return pair[0] if zh else pair[1]


def _reading_title(reading_id: str, zh: bool, report: MonitoringReport) -> str:
    rule_set = known_rule_set(report.rule_set.id)
    reading = PROCEDURE_READINGS.get(reading_id) or (rule_set.readings.get(reading_id) if rule_set else None)
    if reading is None:  # a report read back from another version of the library
        return ""
    return reading.title_zh if zh else reading.title_en


def render_monitoring_text(report: MonitoringReport, lang: str = "zh") -> str:
    """The report as plain text: validity, reports, then each ground of Art. 14 with the checks that are not clean."""
    zh = lang.startswith("zh")
    v = report.validity
    name = report.rule_set.name_zh if zh else report.rule_set.name_en
    where = f"{report.county} {report.county_code}"
    lines = text_block("", f"{report.cluster_name}（{where}）" if zh else f"{report.cluster_name} ({where})", "")
    lines += [
        f"{'监测日期' if zh else 'As of'}: {report.as_of.isoformat()} — {name} ({report.rule_set.version})",
        "",
        f"{'有效期（第十二条）' if zh else 'Validity (Art. 12)'}: {v.state.zh if zh else v.state.en}",
        f"  {'认定日期' if zh else 'designated on'}: {v.designated_on.isoformat()}",
        f"  {'有效期至' if zh else 'last day in force'}: {v.last_day.isoformat()}"
        + (f"（{'已延长' if zh else 'extended'} {v.extensions}{' 次' if zh else 'x'}）" if v.extensions else ""),
        f"  {'复核通过后延至' if zh else 'after a passed review'}: {v.extended_last_day.isoformat()}",
        "",
        f"{'年度情况报送（第十三条）' if zh else 'Yearly reports (Art. 13)'}:",
    ]
    if report.reports is None:
        lines.append(f"  {'未提供报送记录' if zh else 'no record of filings supplied'}")
    elif not report.reports:
        lines.append(f"  {'尚无应报年度' if zh else 'none due yet'}")
    for due in report.reports or ():
        filed = due.filed_on.isoformat() if due.filed_on else "—"
        state = due.state.zh if zh else due.state.en
        late = f" +{due.days_late}{'天' if zh else 'd'}" if due.days_late else ""
        lines.append(
            f"  {due.year}: {'截止' if zh else 'due'} {due.due.isoformat()}  "
            f"{'报送' if zh else 'filed'} {filed}  {state}{late}"
        )
    lines += ["", f"{'撤销情形（第十四条）' if zh else 'Grounds for revocation (Art. 14)'}:"]
    for verdict in report.grounds:
        cite = verdict.citation_zh if zh else verdict.citation_en
        title = verdict.title_zh if zh else verdict.title_en
        lines += text_block(f"  {cite} ", f"{title}: {_pick(_STATUS[verdict.status], zh)}", "    ")
        for check in verdict.checks:
            if check.status is Status.PASS and not check.id.startswith("annual_report."):
                continue
            label = check.label_zh if zh else check.label_en
            note = check.note_zh if zh else check.note_en
            missing = f" [{', '.join(one_line(path) for path in check.missing)}]" if check.missing else ""
            lines += text_block(
                f"    - {_pick(_STATUS[check.status], zh)}: ",
                label + (f" — {note}" if note else ""),
                "      ",
            )
            lines[-1] += missing
    lines += ["", "适用口径：" if zh else "Readings applied:"]
    for reading_id in report.readings:
        lines.append(f"  {one_line(reading_id)}  {_reading_title(reading_id, zh, report)}")
    outcome = _pick(_OUTCOME[report.outcome], zh)
    decided = f"（{', '.join(report.decided_by)}）" if zh else f" ({', '.join(report.decided_by)})"
    lines += ["", f"{'结论' if zh else 'Outcome'}: {outcome}" + (decided if report.decided_by else "")]
    return "\n".join(lines) + "\n"
