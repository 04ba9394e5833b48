"""Builders for the checks rules make: measured against a threshold, missing data, or a declared answer."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

from ..models import QualitativeAnswer, YearMetrics
from ..ruleset.parameters import QualitativeItem, Threshold
from ..verdicts import (
    FAIL,
    INSUFFICIENT_DATA,
    NEEDS_REVIEW,
    PASS,
    Check,
    CheckKind,
    Figure,
    Status,
    new_check,
    new_figure,
)
from ..vocabulary import Answer

__all__ = ["answered", "measured", "missing", "missing_for", "year_path"]


def year_path(year: int, name: str) -> str:
    """The field path of one year's figure, e.g. ``metrics[year=2023].total_output``; a figure an edition
    defines beyond the built-in fields sits under ``figures`` (``metrics[year=2027].figures.export_output``)."""
    if name in _BUILT_IN_FIGURES:
        return f"metrics[year={year}].{name}"
    return f"metrics[year={year}].figures.{name}"


_BUILT_IN_FIGURES = frozenset(YearMetrics.model_fields)


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
    kind: CheckKind = CheckKind.AMOUNT,
    year: int | None = None,
    readings: tuple[str, ...] = (),
    method: str | None = None,
    group: str = "",
) -> Check:
    """A figure set against a threshold; a missed soft limit (一般不超过) goes to review instead of failing."""
    label_zh, label_en = _labels(threshold, year)
    word = threshold.word
    return new_check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=PASS if met else NEEDS_REVIEW if threshold.soft else FAIL,
        figures=figures,
        value=value,
        threshold=threshold.value,
        comparison=word.comparison._value_,  # the member's own value, read without the slower property
        legal_word=word.word,
        unit=threshold.unit,
        year=year,
        method=method,
        readings=(word.reading, *readings),
        group=group,
        kind=kind,
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
    kind: CheckKind = CheckKind.OTHER,
) -> Check:
    """A check that could not be made: ``paths`` say which input fields would make it."""
    return new_check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=INSUFFICIENT_DATA,
        figures=figures,
        threshold=None if threshold is None else threshold.value,
        comparison=None if threshold is None else threshold.word.comparison._value_,
        legal_word=None if threshold is None else threshold.word.word,
        unit="" if threshold is None else threshold.unit,
        year=year,
        readings=readings,
        missing=paths,
        note_zh=note_zh,
        note_en=note_en,
        group=group,
        kind=kind,
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
    kind: CheckKind = CheckKind.AMOUNT,
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
        kind=kind,
    )


# For each answer: the status it gives and the note that says what the status rests on.
_ANSWER_EFFECT = {
    Answer.MET: (PASS, "依据申报方声明", "rests on the applicant's declaration"),
    Answer.NOT_MET: (FAIL, "申报方声明未达到", "the applicant declares it is not met"),
    Answer.NOT_ANSWERED: (INSUFFICIENT_DATA, "未作答，不视为符合", "not answered; never taken as met"),
}


@lru_cache(maxsize=1024)
def _answer_parts(item_id: str, answer: Answer) -> tuple[Status, tuple[Figure, ...], tuple[str, ...], str, str]:
    # What an answer makes of an item does not depend on the application, so it is worked out once per pair.
    status, note_zh, note_en = _ANSWER_EFFECT[answer]
    figures = (new_figure(f"qualitative.{item_id}.answer", answer._value_),)
    paths = (f"qualitative.{item_id}",) if answer is Answer.NOT_ANSWERED else ()
    return status, figures, paths, note_zh, note_en


_DECLARATION = ("qualitative.declaration",)


def answered(
    item: QualitativeItem,
    answers: Mapping[str, QualitativeAnswer],
    *,
    group: str = "",
    also_read: str | None = None,
) -> Check:
    """A qualitative item: met only on an explicit answer, which the check records as a declaration.

    ``also_read`` names a further reading the item's clause applies to it (6(3)'s sharing rule, for instance).
    """
    readings = _DECLARATION if also_read is None else (*_DECLARATION, also_read)
    given = answers.get(item.id)
    answer = given.answer if given is not None else Answer.NOT_ANSWERED
    status, figures, paths, note_zh, note_en = _answer_parts(item.id, answer)
    evidence = given.evidence if given is not None else None
    return new_check(
        id=item.id,
        label_zh=item.text_zh,
        label_en=item.text_en,
        status=status,
        figures=figures,
        readings=readings,
        missing=paths,
        evidence=evidence,
        note_zh=note_zh,
        note_en=note_en,
        group=group,
        kind=CheckKind.DECLARED,
    )
