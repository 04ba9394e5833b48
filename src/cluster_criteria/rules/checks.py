"""Builders for the checks rules make: measured against a threshold, missing data, or a declared answer."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..models import QualitativeAnswer
from ..ruleset.parameters import QualitativeItem, Threshold
from ..verdicts import Check, Figure, Status
from ..vocabulary import Answer

__all__ = ["answered", "measured", "missing", "missing_for", "year_path"]


def year_path(year: int, name: str) -> str:
    """The field path of one year's figure, e.g. ``metrics[year=2023].total_output``."""
    return f"metrics[year={year}].{name}"


def _labels(threshold: Threshold, year: int | None) -> tuple[str, str]:
    if year is None:
        return threshold.description_zh, threshold.description_en
    return f"{year}年{threshold.description_zh}", f"{threshold.description_en} in {year}"


def measured(
    check_id: str,
    threshold: Threshold,
    *,
    value: Decimal,
    met: bool,
    figures: tuple[Figure, ...],
    year: int | None = None,
    readings: tuple[str, ...] = (),
    method: str | None = None,
    group: str = "",
) -> Check:
    """A figure set against a threshold; a missed soft limit (一般不超过) goes to review instead of failing."""
    label_zh, label_en = _labels(threshold, year)
    status = Status.PASS if met else Status.NEEDS_REVIEW if threshold.soft else Status.FAIL
    return Check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=status,
        figures=figures,
        value=value,
        threshold=threshold.value,
        comparison=threshold.word.comparison.value,
        legal_word=threshold.word.word,
        unit=threshold.unit,
        year=year,
        method=method,
        readings=(threshold.word.reading, *readings),
        group=group,
    )


def missing(
    check_id: str,
    label_zh: str,
    label_en: str,
    paths: tuple[str, ...],
    *,
    threshold: Threshold | None = None,
    year: int | None = None,
    readings: tuple[str, ...] = (),
    figures: tuple[Figure, ...] = (),
    note_zh: str = "",
    note_en: str = "",
    group: str = "",
) -> Check:
    """A check that could not be made: ``paths`` say which input fields would make it."""
    return Check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=Status.INSUFFICIENT_DATA,
        figures=figures,
        threshold=None if threshold is None else threshold.value,
        comparison=None if threshold is None else threshold.word.comparison.value,
        legal_word=None if threshold is None else threshold.word.word,
        unit="" if threshold is None else threshold.unit,
        year=year,
        readings=readings,
        missing=paths,
        note_zh=note_zh,
        note_en=note_en,
        group=group,
    )


def missing_for(
    check_id: str,
    threshold: Threshold,
    paths: tuple[str, ...],
    *,
    year: int | None = None,
    readings: tuple[str, ...] = (),
    figures: tuple[Figure, ...] = (),
    note_zh: str = "",
    note_en: str = "",
    group: str = "",
) -> Check:
    """Missing data for a threshold check, labelled like the check it stands in for."""
    label_zh, label_en = _labels(threshold, year)
    return missing(
        check_id,
        label_zh,
        label_en,
        paths,
        threshold=threshold,
        year=year,
        readings=readings,
        figures=figures,
        note_zh=note_zh,
        note_en=note_en,
        group=group,
    )


# For each answer: the status it gives and the note that says what the status rests on.
_ANSWER_EFFECT = {
    Answer.MET: (Status.PASS, "依据申报方声明", "rests on the applicant's declaration"),
    Answer.NOT_MET: (Status.FAIL, "申报方声明未达到", "the applicant declares it is not met"),
    Answer.NOT_ANSWERED: (Status.INSUFFICIENT_DATA, "未作答，不视为符合", "not answered; never taken as met"),
}


def answered(item: QualitativeItem, answers: Mapping[str, QualitativeAnswer], *, group: str = "") -> Check:
    """A qualitative item: met only on an explicit answer, which the check records as a declaration."""
    given = answers.get(item.id)
    answer = given.answer if given is not None else Answer.NOT_ANSWERED
    status, note_zh, note_en = _ANSWER_EFFECT[answer]
    return Check(
        id=item.id,
        label_zh=item.text_zh,
        label_en=item.text_en,
        status=status,
        figures=(Figure(f"qualitative.{item.id}.answer", answer.value),),
        readings=("qualitative.declaration",),
        missing=(f"qualitative.{item.id}",) if answer is Answer.NOT_ANSWERED else (),
        evidence=given.evidence if given is not None else None,
        note_zh=note_zh,
        note_en=note_en,
        group=group,
    )
