"""Exact decisions in integers agree with rational arithmetic everywhere, and land on the right side at the limit.

The decisions cross-multiply integer ratios instead of building fractions; these properties hold them to the
plain rational definition (:class:`fractions.Fraction`), with values picked to sit exactly on a limit as often as
near it.
"""

from __future__ import annotations

import itertools
from decimal import Context, Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cluster_criteria.arithmetic import compare, growth_meets, growth_rate, ratio_meets
from cluster_criteria.context import GrowthMethod
from cluster_criteria.ruleset import Comparison

# The mutation runner calls each test more than once in one process, on fresh instances of its class; Hypothesis
# would take that for a test shared between executors. The tests hold no state on the instance.
FEW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.differing_executors])

_amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e12"), places=2)
_limits = st.sampled_from([Decimal("0.6"), Decimal("0.70"), Decimal("0.05"), Decimal("0.08"), Decimal("0")])
_comparisons = st.sampled_from(list(Comparison))

# Figures with hundreds of digits: their products overflow the 400-digit context of the Decimal fast path, so the
# decision falls back to integer fractions. Validated inputs never get here (30 significant digits at most), but
# the functions are public and must stay exact for any Decimal.
_long = st.integers(min_value=10**220, max_value=10**230).map(lambda n: Decimal(n).scaleb(-215))
_long_limits = st.integers(min_value=1, max_value=10**230).map(lambda n: Decimal(n).scaleb(-231))
# The share and geometric-growth properties draw from both: figures as the rules see them, and long ones.
_figures = _amounts | _long
_any_limits = _limits | _long_limits


def _holds(left: Fraction, comparison: Comparison, right: Fraction) -> bool:
    return {
        Comparison.AT_LEAST: left >= right,
        Comparison.ABOVE: left > right,
        Comparison.AT_MOST: left <= right,
        Comparison.BELOW: left < right,
    }[comparison]


class TestRatioMeets:
    @FEW
    @given(_figures, _figures, _comparisons, _any_limits)
    def test_a_share_is_decided_as_the_rational_quotient_would_be(
        self, part: Decimal, whole: Decimal, comparison: Comparison, limit: Decimal
    ) -> None:
        """part ÷ whole against the limit gives what exact rational division gives."""
        expected = _holds(Fraction(part) / Fraction(whole), comparison, Fraction(limit))
        assert ratio_meets(part, whole, comparison, limit) is expected

    @FEW
    @given(st.decimals(min_value=Decimal("1"), max_value=Decimal("1e12"), places=2))
    def test_a_share_exactly_at_sixty_percent_meets_an_inclusive_limit_and_misses_a_strict_one(
        self, whole: Decimal
    ) -> None:
        """Exactly 60 % meets 不低于 60 % and fails 高于 60 % (whole chosen so 0.6 × whole is exact)."""
        part = whole * Decimal("0.6")
        assert ratio_meets(part, whole, Comparison.AT_LEAST, Decimal("0.60"))
        assert not ratio_meets(part, whole, Comparison.ABOVE, Decimal("0.60"))

    def test_one_fen_under_sixty_percent_of_twenty_yi_misses_the_limit(self) -> None:
        """12 亿 less one fen out of 20 亿 is under 60 %."""
        assert not ratio_meets(Decimal("1199999999.99"), Decimal("2000000000"), Comparison.AT_LEAST, Decimal("0.6"))

    def test_integer_figures_are_accepted(self) -> None:
        """Counts (ints) are decided like decimals: 3 of 5 is exactly 60 %."""
        assert ratio_meets(3, 5, Comparison.AT_LEAST, Decimal("0.6"))
        assert not ratio_meets(3, 5, Comparison.ABOVE, Decimal("0.6"))


_series = st.lists(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e10"), places=2), min_size=2, max_size=5)


def _mean_of_ratios(series: list[Decimal]) -> Fraction:
    values = [Fraction(v) for v in series]
    return sum((b / a for a, b in itertools.pairwise(values)), Fraction(0)) / (len(values) - 1) - 1


class TestGrowthMeets:
    @FEW
    @given(_series | st.lists(_figures, min_size=2, max_size=4), _comparisons, _any_limits)
    def test_geometric_growth_is_decided_as_the_rational_comparison_would_be(
        self, series: list[Decimal], comparison: Comparison, limit: Decimal
    ) -> None:
        """Yn against Y1·(1+g)^k gives what rational arithmetic gives."""
        steps = len(series) - 1
        expected = _holds(Fraction(series[-1]), comparison, Fraction(series[0]) * (1 + Fraction(limit)) ** steps)
        assert growth_meets(series, GrowthMethod.GEOMETRIC, comparison, limit) is expected

    @FEW
    @given(_series, _comparisons, _limits)
    def test_mean_of_ratios_is_decided_as_the_rational_mean_would_be(
        self, series: list[Decimal], comparison: Comparison, limit: Decimal
    ) -> None:
        """½·(Y2/Y1 + Y3/Y2) − 1 against g gives what rational arithmetic gives."""
        expected = _holds(_mean_of_ratios(series), comparison, Fraction(limit))
        assert growth_meets(series, GrowthMethod.ARITHMETIC_MEAN_OF_RATIOS, comparison, limit) is expected

    def test_growth_of_exactly_five_percent_a_year_meets_not_lower_than_and_misses_higher_than(self) -> None:
        """100 → 110.25 over two years is exactly 5 % a year: meets 不低于 5 %, not 高于 5 %."""
        series = [Decimal("100"), Decimal("105"), Decimal("110.25")]
        for method in GrowthMethod:
            assert growth_meets(series, method, Comparison.AT_LEAST, Decimal("0.05"))
            assert not growth_meets(series, method, Comparison.ABOVE, Decimal("0.05"))

    def test_growth_a_hair_under_five_percent_misses_the_limit(self) -> None:
        """110.2499 after 100 is under 5 % a year by either method."""
        series = [Decimal("100"), Decimal("105"), Decimal("110.2499")]
        for method in GrowthMethod:
            assert not growth_meets(series, method, Comparison.AT_LEAST, Decimal("0.05"))


class TestBeyondTheDecimalFastPath:
    def test_a_long_share_exactly_at_its_limit_lands_on_the_inclusive_side(self) -> None:
        """A 450-digit total and exactly half of it, against 50 %: beyond the fast path, still exactly on the limit."""
        whole = Decimal("7" * 450)
        part = Context(prec=1000).divide(whole, 2)
        assert Fraction(part) * 2 == Fraction(whole)
        assert ratio_meets(part, whole, Comparison.AT_LEAST, Decimal("0.5"))
        assert not ratio_meets(part, whole, Comparison.ABOVE, Decimal("0.5"))
        assert not ratio_meets(part.next_minus(Context(prec=1000)), whole, Comparison.AT_LEAST, Decimal("0.5"))

    def test_a_zero_base_in_the_mean_of_ratios_is_refused(self) -> None:
        import pytest

        with pytest.raises(ZeroDivisionError, match=r"^a growth ratio needs a non-zero base$"):
            growth_meets([Decimal(0), Decimal(1), Decimal(2)], GrowthMethod.ARITHMETIC_MEAN_OF_RATIOS,
                         Comparison.AT_LEAST, Decimal("0.05"))  # fmt: skip


    @FEW
    @given(st.lists(st.integers(-(10**6), 10**6).filter(bool).map(Decimal), min_size=2, max_size=5), _comparisons)
    def test_the_mean_of_ratios_keeps_its_sign_through_negative_figures(
        self, series: list[Decimal], comparison: Comparison
    ) -> None:
        """Not a figure the rules accept, but the public function stays exact for any non-zero base."""
        expected = _holds(_mean_of_ratios(series), comparison, Fraction(0))
        assert growth_meets(series, GrowthMethod.ARITHMETIC_MEAN_OF_RATIOS, comparison, Decimal(0)) is expected


class TestCompare:
    def test_counts_and_decimals_compare_exactly_at_the_limit(self) -> None:
        assert compare(5, Comparison.AT_LEAST, Decimal("5"))
        assert not compare(5, Comparison.ABOVE, Decimal("5"))
        assert compare(Decimal("4.99"), Comparison.BELOW, Decimal("5"))
        assert not compare(Decimal("5.00"), Comparison.BELOW, Decimal("5"))


class TestGrowthRate:
    @FEW
    @given(_series)
    def test_the_displayed_mean_of_ratios_is_the_exact_mean_rounded_once_to_28_digits(
        self, series: list[Decimal]
    ) -> None:
        """The shown rate equals the rational mean divided out in a 28-digit context."""
        from decimal import Context

        mean = _mean_of_ratios(series)
        expected = Context(prec=28).divide(Decimal(mean.numerator), Decimal(mean.denominator))
        shown = growth_rate(series, GrowthMethod.ARITHMETIC_MEAN_OF_RATIOS)
        assert str(shown) == str(expected)
