"""Builders for the checks rules make: measured against a threshold, missing data, or a declared answer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

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
    new_check,
    new_figure,
)
from ..vocabulary import Answer

__all__ = ["answered", "figure_reader", "measured", "missing", "missing_for", "year_path"]


def year_path(year: int, name: str) -> str:
    """The field path of one year's figure, e.g. ``metrics[year=2023].total_output``; a figure an edition
    defines beyond the built-in fields sits under ``figures`` (``metrics[year=2027].figures.export_output``)."""
    if name in _BUILT_IN_FIGURES:
        return f"metrics[year={year}].{name}"
    return f"metrics[year={year}].figures.{name}"


_BUILT_IN_FIGURES = frozenset(YearMetrics.model_fields)


@lru_cache(maxsize=256)
def figure_reader(name: str) -> Callable[[YearMetrics], Decimal | int | None]:
    """Reads the figure ``name`` of a year: a built-in field, or one an edition defines under ``figures``."""
    if name in _BUILT_IN_FIGURES and name not in ("year", "figures"):
        return attrgetter(name)
    return lambda record: record.figures.get(name)


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


_DECLARATION = ("qualitative.declaration",)


def answered(
    item: QualitativeItem,
    answers: Mapping[str, QualitativeAnswer],
    *,
    group: str = "",
    also_read: str | None = None,
    supporting: tuple[Figure, ...] = (),
) -> Check:
    """A qualitative item: met only on an explicit answer, which the check records as a declaration.

    ``also_read`` names a further reading the item's clause applies to it (6(3)'s sharing rule, for instance);
    ``supporting`` are figures shown beside the answer (the operating body's name for 6(8)), which decide nothing.
    """
    given = answers.get(item.id)
    answer = given.answer if given is not None else Answer.NOT_ANSWERED
    evidence = given.evidence if given is not None else None
    return _declared_check(item, answer, evidence, group, also_read, supporting)


@lru_cache(maxsize=4096)
def _declared_check(
    item: QualitativeItem,
    answer: Answer,
    evidence: str | None,
    group: str,
    also_read: str | None,
    supporting: tuple[Figure, ...],
) -> Check:
    # A declared item's check depends on nothing else, and checks are immutable: equal answers share one.
    status, note_zh, note_en = _ANSWER_EFFECT[answer]
    return new_check(
        id=item.id,
        label_zh=item.text_zh,
        label_en=item.text_en,
        status=status,
        figures=(new_figure(f"qualitative.{item.id}.answer", answer._value_), *supporting),
        readings=_DECLARATION if also_read is None else (*_DECLARATION, also_read),
        missing=(f"qualitative.{item.id}",) if answer is Answer.NOT_ANSWERED else (),
        evidence=evidence,
        note_zh=note_zh,
        note_en=note_en,
        group=group,
        kind=CheckKind.DECLARED,
    )
