"""Builders for the checks rules make: measured against a threshold, missing data, or a declared answer."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

from ..models import QualitativeAnswer
from ..ruleset.parameters import QualitativeItem, Threshold
from ..verdicts import FAIL, INSUFFICIENT_DATA, NEEDS_REVIEW, PASS, Check, Figure, Status, new_check, new_figure
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
    status = PASS if met else NEEDS_REVIEW if threshold.soft else FAIL
    word = threshold.word
    # Positional, in the order of Check's fields: matching eighteen keywords costs as much as building the check.
    # ``_value_`` is the member's own value, read without the slower ``.value`` property.
    return new_check(
        check_id,
        label_zh,
        label_en,
        status,
        figures,
        value,
        threshold.value,
        word.comparison._value_,
        word.word,
        threshold.unit,
        year,
        method,
        (word.reading, *readings),
        (),
        None,
        "",
        "",
        group,
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
    # Positional, in the order of Check's fields (see measured).
    return new_check(
        item.id,
        item.text_zh,
        item.text_en,
        status,
        figures,
        None,
        None,
        None,
        None,
        "",
        None,
        None,
        readings,
        paths,
        evidence,
        note_zh,
        note_en,
        group,
    )
