"""Shortfall and headroom are exact: zero exactly at an inclusive limit, and applying a shortfall passes the check.

Each property builds an application, evaluates it, moves the named input figure by the stated margin and evaluates
again — so the margins are checked against the rules themselves, not against a copy of their arithmetic.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_criteria import Check, Status, evaluate
from cluster_criteria.explain import MarginKind, margin_of
from cluster_criteria.explain.locale import to_decimal
from cluster_criteria.explain.sentences import margin_sentence
from cluster_criteria.testing import ApplicationBuilder

ASSESSED = dt.date(2025, 4, 15)
FEW = settings(max_examples=30, deadline=None)
YI = Decimal(100_000_000)


def _check(builder: ApplicationBuilder, rule_id: str, check_id: str, **options: str) -> Check:
    return evaluate(builder.build(), ASSESSED, **options).verdict(rule_id).check(check_id)  # type: ignore[arg-type]


def _yuan_up(value: Fraction) -> str:
    """The smallest amount in fen at or above ``value``, as an input string in 元."""
    return f"{to_decimal(value).quantize(Decimal('0.01'), rounding=ROUND_CEILING)}元"


# 万元 amounts with up to two decimals, around the 20 亿元 limit (20 亿 = 200 000 万).
_near_20_yi = st.decimals(min_value=Decimal("190000"), max_value=Decimal("210000"), places=2)


class TestTotalOutput:
    def _builder(self, wan: Decimal) -> ApplicationBuilder:
        return ApplicationBuilder().year(
            2022, total_output=f"{wan}万元", sme_output="12亿元", leading_industry_output="12亿元"
        )

    @FEW
    @given(_near_20_yi)
    def test_applying_the_shortfall_of_a_low_output_meets_the_limit(self, wan: Decimal) -> None:
        """A 2022 output below 20 亿 moved up by its shortfall is 20 亿 or more and passes."""
        check = _check(self._builder(wan), "6.1", "total_output.2022")
        margin = margin_of(check)
        assert margin is not None
        if check.status is Status.FAIL:
            assert margin.kind is MarginKind.SHORTFALL and margin.gap > 0
            assert margin.field == "metrics[year=2022].total_output"
            moved = _check(self._builder(to_decimal(margin.moved()) / 10_000), "6.1", "total_output.2022")
            assert moved.status is Status.PASS
        else:
            assert margin.kind is MarginKind.HEADROOM
            assert margin.current - margin.gap == margin.limit

    def test_the_shortfall_is_zero_exactly_at_the_inclusive_limit(self) -> None:
        """20.00 亿元 is 以上 20 亿元: it passes with no headroom at all."""
        check = _check(self._builder(Decimal("200000")), "6.1", "total_output.2022")
        margin = margin_of(check)
        assert check.status is Status.PASS
        assert margin is not None and margin.gap == 0 and not margin.strict

    def test_one_fen_below_the_limit_is_short_by_one_fen(self) -> None:
        """19.9999999999 亿 misses by exactly 0.01 元."""
        check = _check(self._builder(Decimal("199999.999999")), "6.1", "total_output.2022")
        margin = margin_of(check)
        assert margin is not None and margin.gap == Fraction(1, 100)


class TestShares:
    @FEW
    @given(st.decimals(min_value=Decimal("18"), max_value=Decimal("24"), places=4))
    def test_applying_the_shortfall_of_a_low_leading_share_meets_seventy_percent(self, yi: Decimal) -> None:
        """Leading output moved by its shortfall at the same total output reaches 70 %."""
        builder = ApplicationBuilder().year(2022, leading_industry_output=f"{yi}亿元")
        check = _check(builder, "6.1", "leading_output_share.2022")
        margin = margin_of(check)
        assert margin is not None and margin.field == "metrics[year=2022].leading_industry_output"
        if check.status is Status.FAIL:
            fixed = ApplicationBuilder().year(2022, leading_industry_output=_yuan_up(margin.moved()))
            assert _check(fixed, "6.1", "leading_output_share.2022").status is Status.PASS
        else:
            assert margin.kind is MarginKind.HEADROOM

    def test_a_share_of_exactly_seventy_percent_has_zero_margin(self) -> None:
        """21 亿 of 30 亿 is exactly 70 %: 不低于 holds, nothing to spare."""
        check = _check(
            ApplicationBuilder().year(2022, leading_industry_output="21亿元"), "6.1", "leading_output_share.2022"
        )
        margin = margin_of(check)
        assert check.status is Status.PASS and margin is not None and margin.gap == 0


class TestGrowth:
    @FEW
    @given(
        st.decimals(min_value=Decimal("24"), max_value=Decimal("28"), places=4),
        st.sampled_from(["geometric", "arithmetic_mean_of_ratios"]),
    )
    def test_applying_the_growth_shortfall_to_the_last_year_meets_five_percent(self, yi: Decimal, method: str) -> None:
        """For either method, the last year's figure moved to the stated limit gives growth of at least 5 %."""
        builder = (
            ApplicationBuilder()
            .year(2023, leading_industry_output="25亿元")
            .year(2024, leading_industry_output=f"{yi}亿元")
        )
        check = _check(builder, "6.1", "leading_output_growth", growth_method=method)
        margin = margin_of(check)
        assert margin is not None and margin.field == "metrics[year=2024].leading_industry_output"
        if check.status is Status.FAIL:
            fixed = builder.year(2024, leading_industry_output=_yuan_up(margin.moved()))
            assert _check(fixed, "6.1", "leading_output_growth", growth_method=method).status is Status.PASS
        else:
            assert margin.kind is MarginKind.HEADROOM

    def test_the_geometric_limit_is_exact_at_five_percent(self) -> None:
        """24 亿 × 1.05² = 26.46 亿: at exactly that figure the growth is 5 % with zero margin."""
        builder = ApplicationBuilder().year(2024, leading_industry_output="26.46亿元")
        check = _check(builder, "6.1", "leading_output_growth")
        margin = margin_of(check)
        assert check.status is Status.PASS and margin is not None and margin.gap == 0

    def test_a_strict_limit_is_not_met_at_the_limit_but_just_beyond_it(self) -> None:
        """高于5%: R&D at exactly 5 % growth fails; one fen more passes."""
        builder = ApplicationBuilder().year(2024, sme_rd_expenditure="1.1025亿元")
        check = _check(builder, "6.4", "sme_rd_growth")
        margin = margin_of(check)
        assert check.status is Status.FAIL and margin is not None and margin.strict and margin.gap == 0
        beyond = builder.year(2024, sme_rd_expenditure=f"{to_decimal(margin.limit) + Decimal('0.01')}元")
        assert _check(beyond, "6.4", "sme_rd_growth").status is Status.PASS


class TestMarginsFollowTheDecision:
    def test_a_patent_growth_limit_of_44_point_1_is_shown_as_such(self) -> None:
        """40 → 45 patents: the limit is 40 × 1.05² = 44.1, so 45 has 0.9 of headroom, not "exactly at 45"."""
        builder = ApplicationBuilder().year(2022, valid_invention_patents=40).year(2023, valid_invention_patents=42)
        check = _check(builder.year(2024, valid_invention_patents=45), "6.4", "patent_growth")
        margin = margin_of(check)
        assert margin is not None
        assert margin.limit == Fraction(441, 10) and margin.gap == Fraction(9, 10) and margin.whole_limit == 45
        sentence = margin_sentence(check, "zh")
        assert "44.1件" in sentence and "多0.9件" in sentence and "按整数计至少45件" in sentence
        assert "无余量" not in sentence

    def test_one_patent_fewer_fails_as_the_whole_limit_says(self) -> None:
        """44 < 44.1: not met, and the shortfall names the exact limit."""
        builder = ApplicationBuilder().year(2022, valid_invention_patents=40).year(2023, valid_invention_patents=42)
        check = _check(builder.year(2024, valid_invention_patents=44), "6.4", "patent_growth")
        assert check.status is Status.FAIL
        assert "44.1件" in margin_sentence(check, "zh")

    def test_a_zero_middle_year_is_blamed_on_that_year(self) -> None:
        """Mean of ratios with 2023 = 0: the missing growth base is the 2023 figure, not the 2022 one."""
        builder = ApplicationBuilder().year(2023, valid_invention_patents=0)
        check = _check(builder, "6.4", "patent_growth", growth_method="arithmetic_mean_of_ratios")
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("metrics[year=2023].valid_invention_patents",)


class TestWholeNumbers:
    @FEW
    @given(st.integers(min_value=600_000, max_value=900_000))
    def test_the_patents_needed_per_ten_thousand_people_are_the_fewest_that_pass(self, people: int) -> None:
        """The whole number of patents stated beside the exact limit passes, and one fewer fails."""
        builder = ApplicationBuilder().year(2024, employees=people)
        margin = margin_of(_check(builder, "6.4", "patents_per_10k"))
        assert margin is not None and margin.whole_limit is not None and margin.whole_limit.denominator == 1
        assert margin.limit == Fraction(5 * people, 10_000)  # the exact limit the decision compares with
        needed = int(margin.whole_limit)
        assert (
            _check(builder.year(2024, valid_invention_patents=needed), "6.4", "patents_per_10k").status is Status.PASS
        )
        fewer = builder.year(2024, valid_invention_patents=needed - 1)
        assert _check(fewer, "6.4", "patents_per_10k").status is Status.FAIL

    @FEW
    @given(st.integers(min_value=0, max_value=7))
    def test_adding_the_missing_enterprises_meets_the_count_of_five(self, held: int) -> None:
        """With k provincial titles, 5 − k more enterprises meet the count; the margin is that difference."""
        builder = ApplicationBuilder().without_designations()
        for i in range(held):
            builder.enterprise(f"企业{i}", "high_tech_enterprise")
        margin = margin_of(_check(builder, "6.2", "provincial_designations"))
        assert margin is not None and margin.gap == abs(5 - held)
        if held < 5:
            for i in range(int(margin.gap)):
                builder.enterprise(f"新增企业{i}", "provincial_srdi_sme")
            assert _check(builder, "6.2", "provincial_designations").status is Status.PASS
