"""Shortfall and headroom: how far a figure is from the limit of its check, computed exactly.

A *shortfall* says what the input figure would have had to be for a failing check to pass; a *headroom* says how far
a passing figure could move before it fails. Both are exact Fractions; only their display is rounded.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from ..verdicts import Check, Figure, Status

__all__ = ["Margin", "MarginKind", "margin_of"]

_SHARE_CHECKS = ("sme_output_share.", "leading_output_share.")
_GROWTH_CHECKS = ("leading_output_growth", "sme_rd_growth", "patent_growth")
_COUNTED_UNITS = ("家", "件", "人")
_MEASURED = (Status.PASS, Status.FAIL, Status.NEEDS_REVIEW)


class MarginKind(str, Enum):
    SHORTFALL = "shortfall"
    HEADROOM = "headroom"


@dataclass(frozen=True, slots=True)
class Margin:
    """The distance between an input figure and the value at which its check changes.

    ``field`` is the input figure that would change (``""`` when it is the check's own computed value, such as a
    count of enterprises). ``limit`` is the value that figure must reach (``strict`` False) or go beyond (``strict``
    True) in ``direction`` (+1 up, -1 down); ``gap`` = |limit − current|. The limit is the exact value the decision
    compares with (44.1 patents, say); for whole quantities ``whole_limit`` is the nearest whole value that meets the
    check (45).
    """

    kind: MarginKind
    field: str
    current: Fraction
    limit: Fraction
    gap: Fraction
    strict: bool
    direction: int
    unit: str
    year: int | None = None
    basis: str = ""
    whole_limit: Fraction | None = None

    def moved(self) -> Fraction:
        """For a shortfall: the figure moved exactly to the limit (which meets the check unless ``strict``)."""
        return self.current + self.direction * self.gap


def margin_of(check: Check) -> Margin | None:
    """The margin of a measured check, or ``None`` when the check has no numeric limit."""
    if check.status not in _MEASURED or check.comparison is None:
        return None
    if check.id.startswith(_SHARE_CHECKS):
        return _share(check)
    if check.id in _GROWTH_CHECKS:
        return _growth(check)
    if check.id == "patents_per_10k":
        return _per_10k(check)
    if check.id == "platform_penetration" and len(check.figures) == 2:
        return _counted_share(check)
    if check.value is None or check.threshold is None:
        return None
    # The input figure that is the check's value, when there is one (a count of enterprises has none).
    field = next((f.field for f in check.figures if _same(f.value, check.value)), "")
    if check.unit in _COUNTED_UNITS:
        field = ""
    whole = check.unit in _COUNTED_UNITS
    return _make(check, field, Fraction(check.value), Fraction(check.threshold), whole=whole, year=check.year)


def _same(value: object, number: Decimal) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool) and Decimal(value) == number


def _direction(comparison: str) -> tuple[int, bool]:
    return {">=": (1, False), ">": (1, True), "<=": (-1, False), "<": (-1, True)}[comparison]


def _make(
    check: Check,
    field: str,
    current: Fraction,
    limit: Fraction,
    *,
    whole: bool,
    year: int | None = None,
    unit: str | None = None,
    basis: str = "",
) -> Margin:
    assert check.comparison is not None
    direction, strict = _direction(check.comparison)
    # The gap is measured from the limit the decision used; the whole number is shown beside it, never instead.
    whole_limit = _whole_limit(limit, direction, strict) if whole else None
    kind = MarginKind.HEADROOM if check.status is Status.PASS else MarginKind.SHORTFALL
    return Margin(
        kind=kind,
        field=field,
        current=current,
        limit=limit,
        gap=abs(limit - current),
        strict=strict,
        direction=direction,
        unit=check.unit if unit is None else unit,
        year=year,
        basis=basis,
        whole_limit=whole_limit,
    )


def _whole_limit(limit: Fraction, direction: int, strict: bool) -> Fraction:
    """The nearest whole number that meets the limit."""
    if direction > 0:
        return Fraction(math.floor(limit) + 1 if strict else math.ceil(limit))
    return Fraction(math.ceil(limit) - 1 if strict else math.floor(limit))


def _value(figure: Figure) -> Fraction:
    value = figure.value
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"{figure.field} is not a number")
    return Fraction(value)


def _share(check: Check) -> Margin | None:
    """part ÷ whole ≥ limit: the part needed at the same whole."""
    if check.threshold is None or len(check.figures) != 2:
        return None
    part, whole = check.figures
    needed = Fraction(check.threshold) * _value(whole)
    return _make(check, part.field, _value(part), needed, whole=False, year=check.year, unit="元", basis=whole.field)


def _counted_share(check: Check) -> Margin | None:
    """Enterprises using a platform ÷ all enterprises: the whole number of users needed."""
    if check.threshold is None:
        return None
    users, total = check.figures
    needed = Fraction(check.threshold) * _value(total)
    return _make(check, users.field, _value(users), needed, whole=True, year=check.year, unit="家", basis=total.field)


def _per_10k(check: Check) -> Margin | None:
    """patents × 10 000 ÷ people ≥ limit: the whole number of patents needed for the same people."""
    if check.threshold is None or len(check.figures) != 2:
        return None
    patents, people = check.figures
    needed = Fraction(check.threshold) * _value(people) / 10_000
    return _make(
        check, patents.field, _value(patents), needed, whole=True, year=check.year, unit="件", basis=people.field
    )


def _growth(check: Check) -> Margin | None:
    """The last year's figure that would give exactly the limit, the earlier years unchanged.

    Geometric: Yn = Y1·(1+g)^k. Mean of ratios: Yn = Y(n−1)·(k·(1+g) − Σ of the earlier ratios).
    """
    if check.threshold is None or check.method is None:
        return None
    figures = sorted(check.figures, key=lambda f: f.year or 0)
    values = [_value(f) for f in figures]
    steps = len(values) - 1
    if steps < 1:
        return None
    one_plus = 1 + Fraction(check.threshold)
    if check.method == "geometric":
        needed = values[0] * one_plus**steps
    else:
        earlier = sum((b / a for a, b in itertools.pairwise(values[:-1])), Fraction(0))
        needed = values[-2] * (steps * one_plus - earlier)
    last = figures[-1]
    whole = last.unit in _COUNTED_UNITS
    return _make(check, last.field, values[-1], needed, whole=whole, year=last.year, unit=last.unit, basis=check.method)
