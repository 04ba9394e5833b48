"""Check builders for the Art. 6 figures: one figure per year, a share per year, growth over the window, trends."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from ..arithmetic import compare, growth_meets, growth_rate, ratio, ratio_meets
from ..context import EvaluationContext, GrowthMethod
from ..models import Application
from ..ruleset.parameters import LegalWord, Threshold
from ..ruleset.wording import legal_word_phrase
from ..verdicts import FAIL, INSUFFICIENT_DATA, PASS, Check, CheckKind, Figure, new_check, new_figure
from .checks import figure_reader, measured, missing_for, year_path

__all__ = ["each_year_amount", "each_year_share", "growth_over_window", "latest_year_value", "trend_over_window"]


def _get(app: Application, year: int, name: str) -> Decimal | int | None:
    record = app.year(year)
    return None if record is None else figure_reader(name)(record)


def each_year_amount(
    app: Application, ctx: EvaluationContext, prefix: str, threshold: Threshold, name: str, unit: str = "元"
) -> Iterator[Check]:
    """每年均: the figure of each window year against the threshold."""
    for year in ctx.figure_years:
        value = _get(app, year, name)
        check_id = f"{prefix}.{year}"
        if value is None:
            yield missing_for(
                check_id,
                threshold,
                (year_path(year, name),),
                year=year,
                readings=("window.figures", "each_year"),
                kind=CheckKind.AMOUNT,
            )
            continue
        yield measured(
            check_id,
            threshold,
            value=Decimal(value),
            year=year,
            met=compare(value, threshold.word.comparison, threshold.value),
            figures=(new_figure(year_path(year, name), value, year, unit),),
            readings=("window.figures", "each_year"),
            kind=CheckKind.AMOUNT,
        )


def each_year_share(
    app: Application, ctx: EvaluationContext, prefix: str, threshold: Threshold, part_name: str, whole_name: str
) -> Iterator[Check]:
    """每年比例均: part ÷ whole of each window year against the threshold, decided exactly."""
    readings = ("window.figures", "each_year")
    read_part, read_whole = figure_reader(part_name), figure_reader(whole_name)
    for year in ctx.figure_years:
        record = app.year(year)
        part = None if record is None else read_part(record)
        whole = None if record is None else read_whole(record)
        check_id = f"{prefix}.{year}"
        part_path, whole_path = year_path(year, part_name), year_path(year, whole_name)
        if part is None or whole is None:
            paths = tuple(path for path, v in ((part_path, part), (whole_path, whole)) if v is None)
            yield missing_for(check_id, threshold, paths, year=year, readings=readings, kind=CheckKind.SHARE)
            continue
        figures = (new_figure(part_path, part, year, "元"), new_figure(whole_path, whole, year, "元"))
        if whole <= 0:
            yield missing_for(
                check_id,
                threshold,
                (whole_path,),
                year=year,
                readings=readings,
                figures=figures,
                note_zh="总量为零，无法计算比例",
                note_en="the total is zero, so there is no share",
                kind=CheckKind.SHARE,
            )
            continue
        yield measured(
            check_id,
            threshold,
            value=ratio(part, whole),
            year=year,
            figures=figures,
            readings=readings,
            met=ratio_meets(part, whole, threshold.word.comparison, threshold.value),
            kind=CheckKind.SHARE,
        )


def _window_values(
    app: Application, years: tuple[int, ...], name: str, unit: str
) -> tuple[list[Decimal | int | None], tuple[Figure, ...], list[str]]:
    """Each window year's value of ``name``, the figures of those given, and the paths of those not given."""
    values: list[Decimal | int | None] = []
    figures: list[Figure] = []
    absent: list[str] = []
    read = figure_reader(name)
    for year in years:
        record = app.year(year)
        value = None if record is None else read(record)
        values.append(value)
        if value is None:
            absent.append(year_path(year, name))
        else:
            figures.append(new_figure(year_path(year, name), value, year, unit))
    return values, tuple(figures), absent


def growth_over_window(
    app: Application, ctx: EvaluationContext, check_id: str, threshold: Threshold, name: str, unit: str
) -> Check:
    """年均增速 over the window years by the context's method, decided exactly."""
    years = ctx.figure_years
    method = ctx.growth_method
    geometric = method is GrowthMethod.GEOMETRIC
    readings = ("window.figures", method.reading, "growth.exact_comparison")
    series, figures, absent = _window_values(app, years, name, unit)
    # The window is read whole: the geometric mean uses only its ends, but a gap inside it is still missing data.
    if absent:
        return missing_for(
            check_id,
            threshold,
            tuple(absent),
            readings=(*readings, "window.whole"),
            figures=figures,
            kind=CheckKind.GROWTH,
        )
    bases = series[:1] if geometric else series[:-1]
    unusable = tuple(year_path(year, name) for year, v in zip(years, bases, strict=False) if v is None or v <= 0)
    if unusable:
        return missing_for(
            check_id,
            threshold,
            unusable,
            readings=(*readings, "growth.positive_base"),
            figures=figures,
            note_zh="基期数值为零或缺失，无法计算增速",
            note_en="a base year is zero, so there is no growth rate",
            kind=CheckKind.GROWTH,
        )
    return measured(
        check_id,
        threshold,
        value=growth_rate(series, method),
        figures=figures,
        readings=readings,
        method=method._value_,
        met=growth_meets(series, method, threshold.word.comparison, threshold.value),
        kind=CheckKind.GROWTH,
    )


def latest_year_value(
    check_id: str,
    threshold: Threshold,
    year: int,
    value: Decimal | None,
    figures: tuple[Figure, ...],
    absent: tuple[str, ...],
    readings: tuple[str, ...] = (),
    kind: CheckKind = CheckKind.AMOUNT,
) -> Check:
    """A limit with no time word, applied to the latest window year."""
    readings = ("latest_year", *readings)
    if value is None:
        return missing_for(check_id, threshold, absent, year=year, readings=readings, figures=figures, kind=kind)
    return measured(
        check_id,
        threshold,
        value=value,
        year=year,
        figures=figures,
        readings=readings,
        met=compare(value, threshold.word.comparison, threshold.value),
        kind=kind,
    )


def trend_over_window(
    app: Application,
    ctx: EvaluationContext,
    check_id: str,
    word: LegalWord,
    name: str,
    subject_zh: str,
    subject_en: str,
    unit: str = "",
) -> Check:
    """稳步提升 / 持续下降: every window year strictly beyond the year before; the label is the subject followed by
    the rule set's word for the trend."""
    label_zh = subject_zh + legal_word_phrase(word, "zh")
    label_en = f"{subject_en} {legal_word_phrase(word, 'en')}"
    years = ctx.figure_years
    values, figures, absent = _window_values(app, years, name, unit)
    readings = ("window.figures", word.reading)
    comparison = word.comparison
    if absent:
        return new_check(
            id=check_id,
            label_zh=label_zh,
            label_en=label_en,
            status=INSUFFICIENT_DATA,
            figures=figures,
            comparison=comparison._value_,
            legal_word=word.word,
            unit=unit,
            readings=readings,
            missing=tuple(absent),
            kind=CheckKind.TREND,
        )
    known = [v for v in values if v is not None]  # every year is given here
    breaks = [
        f"{y0}→{y1}"
        for (y0, a), (y1, b) in itertools.pairwise(zip(years, known, strict=True))
        if not compare(b, comparison, Decimal(a))
    ]
    holds = not breaks
    return new_check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=PASS if holds else FAIL,
        figures=figures,
        comparison=comparison._value_,
        legal_word=word.word,
        unit=unit,
        readings=readings,
        note_zh="" if holds else f"未满足“{word.word}”：" + "、".join(breaks),
        note_en="" if holds else "the trend breaks at " + ", ".join(breaks),
        kind=CheckKind.TREND,
    )
