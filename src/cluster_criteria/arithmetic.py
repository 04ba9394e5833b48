"""Exact decisions and readable values: comparisons by cross-multiplication, growth by two methods.

Decisions never round. Every Decimal is an exact ratio of two integers (``as_integer_ratio``), so a share or a
growth rate is set against its limit by multiplying out the denominators and comparing integers. Python integers
have no size limit, so this is exact whatever the digits, and much cheaper than :class:`fractions.Fraction`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal, Inexact, Rounded

from .context import GrowthMethod
from .ruleset.parameters import Comparison

__all__ = ["compare", "growth_meets", "growth_rate", "ratio", "ratio_meets"]

# Displayed values carry 28 significant digits; decisions never depend on them.
_DISPLAY = Context(prec=28)
# Products of a few input figures (30 significant digits at most each) fit in this precision, and the traps turn any
# rounding into an exception: a product computed here is exact, or the decision falls back to integer fractions.
_EXACT = Context(prec=400, traps=[Inexact, Rounded])


def compare(value: Decimal | int, comparison: Comparison, limit: Decimal) -> bool:
    """Decimal comparison is exact: no rounding happens here."""
    return comparison.holds(value if isinstance(value, Decimal) else Decimal(value), limit)


def ratio(part: Decimal | int, whole: Decimal | int) -> Decimal:
    """part / whole for display (28 significant digits); ``whole`` must be positive."""
    return _DISPLAY.divide(Decimal(part), Decimal(whole))


def ratio_meets(part: Decimal | int, whole: Decimal | int, comparison: Comparison, limit: Decimal) -> bool:
    """Decide part / whole against limit exactly, as part against limit × whole (whole > 0)."""
    try:
        return comparison.holds(part, _EXACT.multiply(limit, whole))
    except (Inexact, Rounded):
        pass
    part_n, part_d = part.as_integer_ratio()
    whole_n, whole_d = whole.as_integer_ratio()
    limit_n, limit_d = limit.as_integer_ratio()
    # part_n/part_d ⋚ (limit_n/limit_d)·(whole_n/whole_d), every denominator positive.
    return comparison.holds(part_n * limit_d * whole_d, limit_n * whole_n * part_d)


def growth_rate(series: Sequence[Decimal | int | None], method: GrowthMethod) -> Decimal:
    """Average yearly growth over consecutive years, for display.

    The geometric method reads only the first and last values (the middle ones may be ``None``); the mean of
    ratios needs every value. Bases must be positive.
    """
    steps = len(series) - 1
    if method is GrowthMethod.GEOMETRIC:
        quotient = _DISPLAY.divide(Decimal(_known(series[-1])), Decimal(_known(series[0])))
        root = _DISPLAY.sqrt(quotient) if steps == 2 else _DISPLAY.power(quotient, _DISPLAY.divide(1, steps))
        return _DISPLAY.subtract(root, 1)
    # The exact mean as one integer fraction, rounded once: the same digits whatever form the fraction takes.
    total_n, total_d = _sum_of_ratios(series)
    return _DISPLAY.divide(Decimal(total_n - steps * total_d), Decimal(steps * total_d))


def growth_meets(
    series: Sequence[Decimal | int | None], method: GrowthMethod, comparison: Comparison, limit: Decimal
) -> bool:
    """Decide growth against limit without roots or rounding.

    Geometric: (Yn/Y1)^(1/k) vs 1+g  ⇔  Yn vs Y1·(1+g)^k, since both sides are positive and x ↦ x^k is increasing.
    Mean of ratios: (1/k)·Σ Y(i+1)/Y(i) − 1 vs g  ⇔  Σ Y(i+1)/Y(i) vs k·(1+g), in integers.
    """
    steps = len(series) - 1
    if method is GrowthMethod.GEOMETRIC:
        try:
            factor = _EXACT.power(_EXACT.add(1, limit), steps)
            return comparison.holds(_known(series[-1]), _EXACT.multiply(_known(series[0]), factor))
        except (Inexact, Rounded):
            pass
    limit_n, limit_d = limit.as_integer_ratio()
    plus_n, plus_d = limit_d + limit_n, limit_d  # 1 + g
    if method is GrowthMethod.GEOMETRIC:
        last_n, last_d = _known(series[-1]).as_integer_ratio()
        first_n, first_d = _known(series[0]).as_integer_ratio()
        # last_n/last_d ⋚ first_n/first_d · (plus_n/plus_d)^k
        return comparison.holds(last_n * first_d * plus_d**steps, first_n * plus_n**steps * last_d)
    total_n, total_d = _sum_of_ratios(series)
    return comparison.holds(total_n * plus_d, steps * plus_n * total_d)


def _sum_of_ratios(series: Sequence[Decimal | int | None]) -> tuple[int, int]:
    """Σ Y(i+1)/Y(i) as an integer fraction with a positive denominator."""
    total_n, total_d = 0, 1
    previous_n, previous_d = _known(series[0]).as_integer_ratio()
    for value in series[1:]:
        value_n, value_d = _known(value).as_integer_ratio()
        # (value_n/value_d) / (previous_n/previous_d) = value_n·previous_d / (value_d·previous_n)
        if previous_n == 0:
            raise ZeroDivisionError("a growth ratio needs a non-zero base")
        step_n, step_d = value_n * previous_d, value_d * previous_n
        if step_d < 0:
            step_n, step_d = -step_n, -step_d
        total_n, total_d = total_n * step_d + step_n * total_d, total_d * step_d
        previous_n, previous_d = value_n, value_d
    return total_n, total_d


def _known(value: Decimal | int | None) -> Decimal | int:
    if value is None:
        raise ValueError("a growth rate needs this year's figure")
    return value
