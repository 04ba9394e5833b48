"""Art. 6(1): area (soft), total output each year ≥ 20亿元, SME share ≥ 60 %, leading-industry growth ≥ 5 %,
leading-industry share ≥ 70 %, and the four declared items.

（一）……占地面积一般不超过100平方公里，近三年，集群总产值每年均在 20亿元以上，中小企业产值占集群总产值每年比例均
不低于60%，集群主导产业产值近三年年均增速不低于5%，集群主导产业近三年产值占集群总产值比例均不低于70%。
"""

from __future__ import annotations

from decimal import Decimal

from cluster_criteria import Status
from cluster_criteria.testing import ApplicationBuilder
from helpers import statuses, verdict_of


class TestTotalOutput:
    def test_an_eligible_cluster_passes_every_part_of_6_1(self) -> None:
        """The base application meets 6(1) in full."""
        verdict = verdict_of(ApplicationBuilder(), "6.1")
        assert verdict.status is Status.PASS
        assert verdict.citation_zh == "第六条第（一）项"
        assert set(statuses(verdict).values()) == {"pass"}

    def test_exactly_20_yi_yuan_in_2022_meets_yishang(self) -> None:
        """以上 includes the number: 20.00亿元 meets it (20.00 ≥ 20 → met)."""
        builder = ApplicationBuilder().year(2022, **_parts("20亿元"))
        check = verdict_of(builder, "6.1").check("total_output.2022")
        assert check.status is Status.PASS
        assert check.value == Decimal("2000000000")
        assert check.legal_word == "以上" and check.comparison == ">="

    def test_1999_99_wan_yuan_short_of_20_yi_fails_6_1(self) -> None:
        """19.9999亿元 in 2022 (one 万元 short) fails 6(1)."""
        builder = ApplicationBuilder().year(2022, **_parts("199999万元"))
        verdict = verdict_of(builder, "6.1")
        assert verdict.check("total_output.2022").status is Status.FAIL
        assert verdict.status is Status.FAIL

    def test_one_yuan_short_in_the_last_year_fails(self) -> None:
        """1,999,999,999 元 in 2024 fails: the limit holds in each year (每年均)."""
        builder = ApplicationBuilder().year(2024, **_parts("1999999999"))
        assert verdict_of(builder, "6.1").check("total_output.2024").status is Status.FAIL

    def test_a_missing_year_is_insufficient_data_not_zero(self) -> None:
        """Without 2022 figures the 2022 checks lack data and name the field."""
        verdict = verdict_of(ApplicationBuilder().without_year(2022), "6.1")
        check = verdict.check("total_output.2022")
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("metrics[year=2022].total_output",)
        assert verdict.status is Status.INSUFFICIENT_DATA

    def test_a_year_outside_the_window_is_not_used(self) -> None:
        """Assessed in 2025, 2021 is not among 近三年; its shortfall changes nothing."""
        builder = ApplicationBuilder().year(2021, **_parts("1亿元"))
        assert verdict_of(builder, "6.1").status is Status.PASS


class TestSmeShare:
    def test_exactly_60_percent_meets_budiyu(self) -> None:
        """18亿 ÷ 30亿 = 60.00 % → 不低于60% met."""
        builder = ApplicationBuilder().year(2022, sme_output="18亿元")
        check = verdict_of(builder, "6.1").check("sme_output_share.2022")
        assert check.status is Status.PASS
        assert check.value == Decimal("0.6")

    def test_one_yuan_under_60_percent_fails(self) -> None:
        """1,799,999,999 ÷ 3,000,000,000 < 60 % → fails."""
        builder = ApplicationBuilder().year(2022, sme_output="1799999999")
        assert verdict_of(builder, "6.1").check("sme_output_share.2022").status is Status.FAIL

    def test_missing_sme_output_names_the_field(self) -> None:
        """No SME output in 2023 → insufficient data for that year's share."""
        check = verdict_of(ApplicationBuilder().year(2023, sme_output=None), "6.1").check("sme_output_share.2023")
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("metrics[year=2023].sme_output",)

    def test_zero_total_output_gives_no_share(self) -> None:
        """A zero total has no share: insufficient data for the share, while the total itself fails."""
        builder = ApplicationBuilder().year(2022, total_output="0", sme_output="0", leading_industry_output="0")
        verdict = verdict_of(builder, "6.1")
        assert verdict.check("sme_output_share.2022").status is Status.INSUFFICIENT_DATA
        assert verdict.check("total_output.2022").status is Status.FAIL
        assert verdict.status is Status.FAIL


class TestLeadingShare:
    def test_exactly_70_percent_meets_budiyu(self) -> None:
        """21亿 ÷ 30亿 = 70.00 % → met."""
        builder = ApplicationBuilder().year(2022, leading_industry_output="21亿元")
        check = verdict_of(builder, "6.1").check("leading_output_share.2022")
        assert check.status is Status.PASS and check.value == Decimal("0.7")

    def test_just_under_70_percent_fails(self) -> None:
        """2,099,999,999 ÷ 3,000,000,000 < 70 % → fails."""
        builder = ApplicationBuilder().year(2022, leading_industry_output="2099999999")
        assert verdict_of(builder, "6.1").check("leading_output_share.2022").status is Status.FAIL


class TestLeadingGrowth:
    def test_exactly_5_percent_geometric_growth_meets_budiyu(self) -> None:
        """24亿 → 26.46亿 over two years: √(26.46/24) − 1 = 5.00 % → met."""
        builder = ApplicationBuilder().year(2024, leading_industry_output="26.46亿元")
        check = verdict_of(builder, "6.1").check("leading_output_growth")
        assert check.status is Status.PASS
        assert check.value == Decimal("0.05")
        assert check.method == "geometric"
        assert "growth.geometric" in check.readings

    def test_one_yuan_under_5_percent_growth_fails(self) -> None:
        """24亿 → 2,645,999,999 元 is just under 5 % a year → fails."""
        builder = ApplicationBuilder().year(2024, leading_industry_output="2645999999")
        assert verdict_of(builder, "6.1").check("leading_output_growth").status is Status.FAIL

    def test_the_mean_of_ratios_method_is_recorded(self) -> None:
        """With the alternative method, the check names it and its reading."""
        check = verdict_of(ApplicationBuilder(), "6.1", growth_method="arithmetic_mean_of_ratios").check(
            "leading_output_growth"
        )
        assert check.method == "arithmetic_mean_of_ratios"
        assert "growth.arithmetic_mean_of_ratios" in check.readings

    def test_the_methods_can_disagree_near_the_limit(self) -> None:
        """24 → 31.2 → 26.4亿: geometric √1.1 − 1 = 4.88 % fails; mean of ratios ½(1.3 + 0.846) − 1 = 7.31 % passes."""
        builder = (
            ApplicationBuilder()
            .year(2022, leading_industry_output="24亿元")
            .year(2023, leading_industry_output="31.2亿元", total_output="40亿元", sme_output="32亿元")
            .year(2024, leading_industry_output="26.4亿元")
        )
        geometric = verdict_of(builder, "6.1").check("leading_output_growth")
        mean = verdict_of(builder, "6.1", growth_method="arithmetic_mean_of_ratios").check("leading_output_growth")
        assert geometric.status is Status.FAIL
        assert mean.status is Status.PASS

    def test_a_missing_middle_year_blocks_growth_under_either_method(self) -> None:
        """The geometric rate reads only the ends, but the window is read whole: a gap is missing data."""
        builder = ApplicationBuilder().year(2023, leading_industry_output=None)
        geometric = verdict_of(builder, "6.1").check("leading_output_growth")
        assert geometric.status is Status.INSUFFICIENT_DATA
        assert geometric.missing == ("metrics[year=2023].leading_industry_output",)
        assert "window.whole" in geometric.readings
        mean = verdict_of(builder, "6.1", growth_method="arithmetic_mean_of_ratios").check("leading_output_growth")
        assert mean.status is Status.INSUFFICIENT_DATA
        assert mean.missing == ("metrics[year=2023].leading_industry_output",)

    def test_a_zero_base_year_gives_insufficient_data_not_a_crash(self) -> None:
        """Growth from zero has no rate: insufficient data with the positive-base reading."""
        builder = ApplicationBuilder().year(2022, leading_industry_output="0")
        check = verdict_of(builder, "6.1").check("leading_output_growth")
        assert check.status is Status.INSUFFICIENT_DATA
        assert "growth.positive_base" in check.readings


class TestArea:
    def test_exactly_100_km2_passes(self) -> None:
        """不超过 includes the number: 100 km² passes."""
        assert verdict_of(ApplicationBuilder().area("100"), "6.1").check("area").status is Status.PASS

    def test_over_100_km2_needs_review_not_a_fail(self) -> None:
        """一般不超过 is soft: 100.01 km² goes to a reviewer."""
        verdict = verdict_of(ApplicationBuilder().area("100.01"), "6.1")
        assert verdict.check("area").status is Status.NEEDS_REVIEW
        assert verdict.status is Status.NEEDS_REVIEW

    def test_a_missing_area_is_insufficient_data(self) -> None:
        """No area → insufficient data naming cluster.area_km2."""
        check = verdict_of(ApplicationBuilder().area(None), "6.1").check("area")
        assert check.status is Status.INSUFFICIENT_DATA and check.missing == ("cluster.area_km2",)


class TestDeclaredItems:
    def test_a_not_met_item_fails_the_clause(self) -> None:
        """Declaring 6.1.pillar_industry not met fails 6(1)."""
        verdict = verdict_of(ApplicationBuilder().answer("6.1.pillar_industry", "not_met"), "6.1")
        assert verdict.status is Status.FAIL

    def test_an_unanswered_item_is_never_met(self) -> None:
        """Leaving 6.1.leading_position out gives insufficient data, not a pass."""
        verdict = verdict_of(ApplicationBuilder().unanswered("6.1.leading_position"), "6.1")
        check = verdict.check("6.1.leading_position")
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("qualitative.6.1.leading_position",)
        assert verdict.status is Status.INSUFFICIENT_DATA

    def test_a_met_item_records_the_declaration_and_evidence(self) -> None:
        """A met item rests on the declaration and carries its evidence."""
        builder = ApplicationBuilder().answer("6.1.local_contribution", "met", evidence="统计公报第3页")
        check = verdict_of(builder, "6.1").check("6.1.local_contribution")
        assert check.status is Status.PASS
        assert check.evidence == "统计公报第3页"
        assert check.readings == ("qualitative.declaration",)


def _parts(total: str) -> dict[str, str]:
    """A year's total with the parts at 80 % so the shares still hold."""
    from cluster_criteria.money import MoneyUnit, parse_amount, to_yuan

    number, unit = parse_amount(total)
    yuan = to_yuan(number, unit or MoneyUnit.YUAN)
    part = str(yuan * Decimal("0.8"))
    return {"total_output": str(yuan), "sme_output": part, "leading_industry_output": part}
