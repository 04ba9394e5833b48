"""Explanations of a whole report: each clause, each check, the outcome, what to supply and what to review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..i18n import data_text, localise, translate
from ..verdicts import Check, Outcome, Report, Status, Verdict
from .locale import Lang, format_date, lang_of, to_decimal
from .margins import Margin, margin_of
from .sentences import check_sentence, margin_sentence
from .words import field_name, outcome_word, status_word

__all__ = [
    "CheckExplanation",
    "ReportExplanation",
    "ReviewItem",
    "SupplyItem",
    "VerdictExplanation",
    "explain",
    "explain_check",
    "explain_verdict",
    "explanation_to_data",
]

# Options the catalogues word (message ``option.<name>.<value>``); any other is shown as name=value.
_OPTION_WORDS = frozenset(
    {
        ("growth_method", "geometric"),
        ("growth_method", "arithmetic_mean_of_ratios"),
        ("sharing_rule", "all_listed"),
        ("sharing_rule", "any_listed"),
    }
)


@dataclass(frozen=True, slots=True)
class CheckExplanation:
    """One check in words: ``sentence`` carries the figures and arithmetic, ``margin_sentence`` the distance to the
    limit (shortfall when failing, headroom when passing)."""

    check_id: str
    status: Status
    status_word: str
    label: str
    sentence: str
    margin: Margin | None
    margin_sentence: str
    declared: bool
    evidence: str | None
    missing: tuple[str, ...]
    alternative: bool


@dataclass(frozen=True, slots=True)
class VerdictExplanation:
    """One clause in words: citation, status, the clause quoted, its checks and the readings applied."""

    rule_id: str
    citation: str
    title: str
    status: Status
    status_word: str
    clause_text: str
    reason: str
    checks: tuple[CheckExplanation, ...]
    readings: tuple[tuple[str, str], ...]
    # The clause in the report's language beside the authoritative Chinese, marked as a reference translation;
    # empty when the report is in Chinese or the catalogue holds none.
    clause_translation: str = ""


@dataclass(frozen=True, slots=True)
class SupplyItem:
    """Something the applicant still has to supply: the input field and the clause that needs it."""

    rule_id: str
    citation: str
    check_id: str
    label: str
    field: str
    field_name: str


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """Something a reviewer has to judge."""

    rule_id: str
    citation: str
    check_id: str
    sentence: str


@dataclass(frozen=True, slots=True)
class ReportExplanation:
    """A report explained in one language."""

    lang: Lang
    cluster_name: str
    assessment_date: dt.date
    assessment_date_text: str
    rule_set_name: str
    rule_set_version: str
    outcome: Outcome
    outcome_word: str
    outcome_sentence: str
    decided_by: tuple[str, ...]
    complete: bool
    options: tuple[str, ...]
    reform: str
    verdicts: tuple[VerdictExplanation, ...]
    to_supply: tuple[SupplyItem, ...]
    to_review: tuple[ReviewItem, ...]
    library_version: str


def _citation(verdict: Verdict, lang: Lang) -> str:
    return localise(verdict.citation_zh, verdict.citation_en, lang)


def explain_check(check: Check, lang: str = "zh") -> CheckExplanation:
    """One check explained in ``lang`` (``zh``, ``en``, ``ko`` or any language with a catalogue)."""
    code = lang_of(lang)
    margin = margin_of(check)
    return CheckExplanation(
        check_id=check.id,
        status=check.status,
        status_word=status_word(check.status, code),
        label=localise(check.label_zh, check.label_en, code),
        sentence=check_sentence(check, code),
        margin=margin,
        margin_sentence=margin_sentence(check, code, margin),
        declared="qualitative.declaration" in check.readings,
        evidence=check.evidence,
        missing=check.missing,
        alternative=bool(check.group),
    )


def explain_verdict(verdict: Verdict, lang: str = "zh", readings: dict[str, Any] | None = None) -> VerdictExplanation:
    """One clause explained in ``lang``; ``readings`` maps reading ids to :class:`Reading` for their titles."""
    code = lang_of(lang)
    checks = tuple(explain_check(c, code) for c in verdict.checks)
    if readings is None:
        from ..ruleset.registry import known_readings

        readings = known_readings()
    titles = tuple(
        (rid, localise(readings[rid].title_zh, readings[rid].title_en, code)) if rid in readings else (rid, rid)
        for rid in verdict.readings
    )
    return VerdictExplanation(
        rule_id=verdict.rule_id,
        citation=_citation(verdict, code),
        title=localise(verdict.title_zh, verdict.title_en, code),
        status=verdict.status,
        status_word=status_word(verdict.status, code, exclusion=verdict.exclusion),
        clause_text=verdict.text,
        reason=_reason(verdict, code),
        checks=checks,
        readings=titles,
        clause_translation=_clause_translation(verdict.text, code),
    )


def _clause_translation(text: str, lang: Lang) -> str:
    """A reference rendering of the clause, when the report is not in Chinese and the catalogue has one."""
    if lang == "zh":  # the clause is quoted in Chinese already
        return ""
    return data_text(text, lang) or ""


def _reason(verdict: Verdict, lang: Lang) -> str:
    """Why the clause has its status, in one line: the checks that gave it."""
    if verdict.status is Status.PASS and verdict.exclusion:
        return translate("reason.exclusion_not_present", lang)
    if verdict.status is Status.PASS:
        return translate("reason.all_met", lang)
    if verdict.status is Status.NOT_APPLICABLE:
        return translate("reason.not_applicable", lang)
    deciding = [c for c in verdict.checks if c.status is verdict.status and not _rescued(c, verdict)]
    labels = [localise(c.label_zh, c.label_en, lang) for c in deciding] or [
        localise(c.label_zh, c.label_en, lang) for c in verdict.checks if c.status is verdict.status
    ]
    head = "exclusion_present" if verdict.status is Status.FAIL and verdict.exclusion else verdict.status.value
    return translate(f"reason.{head}", lang, checks=translate("report.separator", lang).join(labels))


def _rescued(check: Check, verdict: Verdict) -> bool:
    """A failing alternative does not decide a clause when another alternative of its group passes."""
    if not check.group:
        return False
    return any(c.group == check.group and c.status is Status.PASS for c in verdict.checks)


def explain(report: Report, lang: str = "zh") -> ReportExplanation:
    """Explain every verdict of ``report`` in ``lang`` (``zh``, the default, ``en`` or ``ko``)."""
    from ..ruleset.registry import known_readings, known_rule_set

    code = lang_of(lang)
    rule_set = known_rule_set(report.rule_set.id)
    readings = dict(rule_set.readings) if rule_set is not None else known_readings()
    verdicts = tuple(explain_verdict(v, code, readings) for v in report.verdicts)
    by_id = {v.rule_id: v for v in report.verdicts}
    decided = tuple(_citation(by_id[r], code) for r in report.decided_by if r in by_id)
    return ReportExplanation(
        lang=code,
        cluster_name=report.cluster_name,
        assessment_date=report.assessment_date,
        assessment_date_text=format_date(report.assessment_date, code),
        rule_set_name=localise(report.rule_set.name_zh, report.rule_set.name_en, code),
        rule_set_version=report.rule_set.version,
        outcome=report.outcome,
        outcome_word=outcome_word(report.outcome, code),
        outcome_sentence=_outcome_sentence(report, decided, code),
        decided_by=decided,
        complete=report.complete,
        options=tuple(
            translate(f"option.{k}.{v}", code) if (k, v) in _OPTION_WORDS else f"{k}={v}"
            for k, v in sorted(report.options.items())
        ),
        reform=_reform_sentence(report, code),
        verdicts=verdicts,
        to_supply=_to_supply(report, code),
        to_review=_to_review(report, code),
        library_version=report.library_version,
    )


def _reform_sentence(report: Report, lang: Lang) -> str:
    """假设性调整 …: the what-if reform applied, and each value it changed (empty when there is none)."""
    reform = report.reform
    if reform is None:
        return ""
    changed = translate("report.separator", lang).join(f"{c.name} {c.before} → {c.after}" for c in reform.changes)
    title = localise(reform.title_zh, reform.title_en, lang)
    return translate("reform.sentence", lang, title=title, id=reform.id, changes=changed)


def _outcome_sentence(report: Report, decided: tuple[str, ...], lang: Lang) -> str:
    listed = translate("list.separator", lang).join(decided)
    if report.outcome is Outcome.ELIGIBLE:
        return translate("outcome_sentence.eligible", lang, count=len(report.verdicts))
    if report.outcome is Outcome.INELIGIBLE:
        return translate("outcome_sentence.ineligible", lang, clauses=listed)
    partial = not report.complete
    if partial and not decided:
        return translate("outcome_sentence.partial", lang)
    also = translate("outcome_sentence.also_partial", lang) if partial else ""
    return translate("outcome_sentence.undecided", lang, clauses=listed, partial=also)


def _to_supply(report: Report, lang: Lang) -> tuple[SupplyItem, ...]:
    """One item per clause and missing field; a field several checks need lists them all."""
    items: dict[tuple[str, str], SupplyItem] = {}
    for verdict in report.verdicts:
        for check in verdict.checks:
            if check.status is not Status.INSUFFICIENT_DATA:
                continue
            text = localise(check.label_zh, check.label_en, lang)
            for path in check.missing or ("",):
                key = (verdict.rule_id, path or check.id)
                known = items.get(key)
                if known is not None:
                    joined = f"{known.label}{translate('report.separator', lang)}{text}"
                    items[key] = SupplyItem(
                        known.rule_id, known.citation, f"{known.check_id},{check.id}", joined, path, known.field_name
                    )
                    continue
                items[key] = SupplyItem(
                    rule_id=verdict.rule_id,
                    citation=_citation(verdict, lang),
                    check_id=check.id,
                    label=text,
                    field=path,
                    field_name=field_name(path, lang) if path else "",
                )
    return tuple(items.values())


def _to_review(report: Report, lang: Lang) -> tuple[ReviewItem, ...]:
    return tuple(
        ReviewItem(verdict.rule_id, _citation(verdict, lang), check.id, check_sentence(check, lang))
        for verdict in report.verdicts
        for check in verdict.checks
        if check.status is Status.NEEDS_REVIEW
    )


def _margin_data(margin: Margin | None) -> dict[str, Any] | None:
    if margin is None:
        return None
    return {
        "kind": margin.kind.value,
        "field": margin.field,
        "current": str(to_decimal(margin.current)),
        "limit": str(to_decimal(margin.limit)),
        "limit_exact": f"{margin.limit.numerator}/{margin.limit.denominator}",
        "gap": str(to_decimal(margin.gap)),
        "gap_exact": f"{margin.gap.numerator}/{margin.gap.denominator}",
        "strict": margin.strict,
        "direction": margin.direction,
        "unit": margin.unit,
        "whole_limit": None if margin.whole_limit is None else str(to_decimal(margin.whole_limit)),
    }


def explanation_to_data(explanation: ReportExplanation) -> dict[str, Any]:
    """The explanation as JSON-ready data (exact margins as decimal strings and as fractions)."""
    return {
        "lang": explanation.lang,
        "outcome": explanation.outcome.value,
        "outcome_word": explanation.outcome_word,
        "outcome_sentence": explanation.outcome_sentence,
        "assessment_date": explanation.assessment_date_text,
        "options": list(explanation.options),
        "reform": explanation.reform,
        "verdicts": [
            {
                "rule_id": v.rule_id,
                "citation": v.citation,
                "title": v.title,
                "status": v.status.value,
                "status_word": v.status_word,
                "reason": v.reason,
                "checks": [
                    {
                        "check_id": c.check_id,
                        "status": c.status.value,
                        "status_word": c.status_word,
                        "sentence": c.sentence,
                        "margin_sentence": c.margin_sentence,
                        "margin": _margin_data(c.margin),
                        "declared": c.declared,
                        "evidence": c.evidence,
                        "missing": list(c.missing),
                    }
                    for c in v.checks
                ],
                "readings": [{"id": rid, "title": title} for rid, title in v.readings],
                # Only when there is one, so Chinese and English reports keep their keys.
                **({"clause_translation": v.clause_translation} if v.clause_translation else {}),
            }
            for v in explanation.verdicts
        ],
        "to_supply": [
            {"rule_id": s.rule_id, "citation": s.citation, "check_id": s.check_id, "field": s.field, "label": s.label}
            for s in explanation.to_supply
        ],
        "to_review": [
            {"rule_id": r.rule_id, "citation": r.citation, "check_id": r.check_id, "sentence": r.sentence}
            for r in explanation.to_review
        ],
    }
