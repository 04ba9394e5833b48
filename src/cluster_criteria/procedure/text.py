"""Plain-text rendering of a monitoring report in the language of a catalogue.

Names, goals and notes may come from the record: they go through :func:`..safe_text.text_block`, which shows
control characters as escapes and indents any further line of them behind a bar.
"""

from __future__ import annotations

from ..explain.locale import lang_of
from ..i18n import localise, translate
from ..ruleset.procedure_params import PROCEDURE_READINGS
from ..ruleset.registry import known_rule_set
from ..safe_text import one_line, text_block
from ..verdicts import Status
from .monitoring import MonitoringReport

__all__ = ["render_monitoring_text"]

# A ground of Art. 14 names a situation that ends a designation; "pass" and "fail" would read backwards next to it,
# so the words (message ``procedure.status.<status>``) say whether the situation is present (存在该情形) or not, for
# the ground and for each of its checks.


def _status(status: Status, lang: str) -> str:
    return translate(f"procedure.status.{status.value}", lang)


def _reading_title(reading_id: str, lang: str, report: MonitoringReport) -> str:
    rule_set = known_rule_set(report.rule_set.id)
    reading = PROCEDURE_READINGS.get(reading_id) or (rule_set.readings.get(reading_id) if rule_set else None)
    if reading is None:  # a report read back from another version of the library
        return ""
    return localise(reading.title_zh, reading.title_en, lang)


def render_monitoring_text(report: MonitoringReport, lang: str = "zh") -> str:
    """The report as plain text: validity, reports, then each ground of Art. 14 with the checks that are not clean."""
    lang = lang_of(lang)

    def t(message_id: str, **args: object) -> str:
        return translate(f"procedure.{message_id}", lang, **args)

    v = report.validity
    name = localise(report.rule_set.name_zh, report.rule_set.name_en, lang)
    where = f"{report.county} {report.county_code}"
    lines = text_block("", t("heading", cluster=report.cluster_name, where=where), "")
    extended = t("extended", count=v.extensions) if v.extensions else ""
    lines += [
        f"{t('as_of')}: {report.as_of.isoformat()} — {name} ({report.rule_set.version})",
        "",
        f"{t('validity')}: {localise(v.state.zh, v.state.en, lang)}",
        f"  {t('designated_on')}: {v.designated_on.isoformat()}",
        f"  {t('last_day')}: {v.last_day.isoformat()}{extended}",
        f"  {t('after_review')}: {v.extended_last_day.isoformat()}",
        "",
        f"{t('yearly_reports')}:",
    ]
    if report.reports is None:
        lines.append(f"  {t('no_filings')}")
    elif not report.reports:
        lines.append(f"  {t('none_due')}")
    for due in report.reports or ():
        filed = due.filed_on.isoformat() if due.filed_on else "—"
        state = localise(due.state.zh, due.state.en, lang)
        late = t("days_late", days=due.days_late) if due.days_late else ""
        lines.append(f"  {due.year}: {t('due')} {due.due.isoformat()}  {t('filed')} {filed}  {state}{late}")
    lines += ["", f"{t('grounds')}:"]
    for verdict in report.grounds:
        cite = localise(verdict.citation_zh, verdict.citation_en, lang)
        title = localise(verdict.title_zh, verdict.title_en, lang)
        lines += text_block(f"  {cite} ", f"{title}: {_status(verdict.status, lang)}", "    ")
        for check in verdict.checks:
            if check.status is Status.PASS and not check.id.startswith("annual_report."):
                continue
            label = localise(check.label_zh, check.label_en, lang)
            note = localise(check.note_zh, check.note_en, lang)
            missing = f" [{', '.join(one_line(path) for path in check.missing)}]" if check.missing else ""
            lines += text_block(
                f"    - {_status(check.status, lang)}: ",
                label + (f" — {note}" if note else ""),
                "      ",
            )
            lines[-1] += missing
    if report.steps_to_confirm:
        lines += ["", f"{t('to_confirm')}:"]
    for step in report.steps_to_confirm:
        action = t(f"action.{step.action.value}")
        reason = translate(step.reason_id, lang, **step.reason_args)
        lines += text_block(
            f"  {step.path} {step.date.isoformat()} ", f"{action} ({step.actor_division}): {reason}", "    "
        )
    lines += ["", t("readings")]
    for reading_id in report.readings:
        lines.append(f"  {one_line(reading_id)}  {_reading_title(reading_id, lang, report)}")
    outcome = t(f"outcome.{report.outcome.value}")
    decided = t("decided_by", grounds=", ".join(report.decided_by)) if report.decided_by else ""
    lines += ["", f"{t('outcome')}: {outcome}{decided}"]
    return "\n".join(lines) + "\n"
