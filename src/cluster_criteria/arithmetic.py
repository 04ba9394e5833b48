"""Exact decisions and readable values: comparisons by cross-multiplication, growth by two methods."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Context, Decimal
from fractions import Fraction

from .context import GrowthMethod
from .ruleset.parameters import Comparison

__all__ = ["compare", "growth_meets", "growth_rate", "ratio", "ratio_meets"]

# Displayed values carry 28 significant digits; decisions never depend on them.
_DISPLAY = Context(prec=28)


def compare(value: Decimal | int, comparison: Comparison, limit: Decimal) -> bool:
    """Decimal comparison is exact: no rounding happens here."""
    return comparison.holds(Decimal(value), limit)


def ratio(part: Decimal | int, whole: Decimal | int) -> Decimal:
    """part / whole for display (28 significant digits); ``whole`` must be positive."""
    return _DISPLAY.divide(Decimal(part), Decimal(whole))


def ratio_meets(part: Decimal | int, whole: Decimal | int, comparison: Comparison, limit: Decimal) -> bool:
    """Decide part / whole against limit exactly, as part against limit × whole (whole > 0)."""
    return comparison.holds(Fraction(part), Fraction(limit) * Fraction(whole))


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
    values = [Fraction(_known(v)) for v in series]
    total = sum((b / a for a, b in itertools.pairwise(values)), Fraction(0))
    mean = total / steps - 1
    return _DISPLAY.divide(Decimal(mean.numerator), Decimal(mean.denominator))


def growth_meets(
    series: Sequence[Decimal | int | None], method: GrowthMethod, comparison: Comparison, limit: Decimal
) -> bool:
    """Decide growth against limit without roots or rounding.

    Geometric: (Yn/Y1)^(1/k) vs 1+g  ⇔  Yn vs Y1·(1+g)^k, since both sides are positive and x ↦ x^k is increasing.
    Mean of ratios: (1/k)·Σ Y(i+1)/Y(i) − 1 vs g, computed in fractions.
    """
    steps = len(series) - 1
    one_plus = 1 + Fraction(limit)
    if method is GrowthMethod.GEOMETRIC:
        return comparison.holds(Fraction(_known(series[-1])), Fraction(_known(series[0])) * one_plus**steps)
    values = [Fraction(_known(v)) for v in series]
    total = sum((b / a for a, b in itertools.pairwise(values)), Fraction(0))
    return comparison.holds(total, steps * one_plus)


def _known(value: Decimal | int | None) -> Decimal | int:
    if value is None:
        raise ValueError("a growth rate needs this year's figure")
    return value
