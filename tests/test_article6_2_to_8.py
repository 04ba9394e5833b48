"""Art. 6(2)–(8): leading enterprises, the chain, innovation, digital transformation, green development,
international cooperation, and management — each clause's limits, alternatives and missing data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cluster_criteria import Status
from cluster_criteria.testing import ApplicationBuilder
from helpers import AS_OF, statuses, verdict_of

ALL_ITEMS_6_3 = ("equipment", "logistics", "warehousing", "human_resources", "design")


def _provincial(builder: ApplicationBuilder, count: int, **kwargs: object) -> ApplicationBuilder:
    for n in range(count):
        builder.enterprise(f"省级专精特新企业{n}", "provincial_srdi_sme", **kwargs)  # type: ignore[arg-type]
    return builder


class TestArt6_2QualityEnterprises:
    """（二）……制造业单项冠军、专精特新“小巨人”企业合计不少于1家，或者省级“专精特新”中小企业、高新技术企业合计不少于5家。"""

    def test_one_little_giant_meets_the_clause(self) -> None:
        """One 小巨人 of the leading industry (不少于1家) is enough, whatever the provincial count."""
        verdict = verdict_of(ApplicationBuilder(), "6.2")
        assert verdict.status is Status.PASS
        assert verdict.check("top_designations").value == Decimal(1)
        assert verdict.check("provincial_designations").status is Status.FAIL

    def test_no_titles_at_all_fails(self) -> None:
        """Zero of either group fails 6(2)."""
        assert verdict_of(ApplicationBuilder().without_designations(), "6.2").status is Status.FAIL

    def test_exactly_five_provincial_titles_meet_the_alternative(self) -> None:
        """Five distinct provincial SRDI / high-tech enterprises (不少于5家) meet it without a little giant."""
        builder = _provincial(ApplicationBuilder().without_designations(), 5)
        verdict = verdict_of(builder, "6.2")
        assert verdict.check("provincial_designations").value == Decimal(5)
        assert verdict.status is Status.PASS

    def test_four_provincial_titles_are_one_short(self) -> None:
        """Four are one short of five → fails."""
        builder = _provincial(ApplicationBuilder().without_designations(), 4)
        assert verdict_of(builder, "6.2").status is Status.FAIL

    def test_an_enterprise_with_two_titles_counts_once(self) -> None:
        """家 counts enterprises: one holding both provincial titles counts once (4 enterprises → fails)."""
        builder = _provincial(ApplicationBuilder().without_designations(), 3)
        builder.enterprise("双称号企业", "provincial_srdi_sme", "high_tech_enterprise")
        verdict = verdict_of(builder, "6.2")
        assert verdict.check("provincial_designations").value == Decimal(4)
        assert verdict.status is Status.FAIL

    def test_enterprises_outside_the_leading_industry_do_not_count(self) -> None:
        """A little giant outside the leading industry is not counted."""
        builder = (
            ApplicationBuilder()
            .without_designations()
            .enterprise("外行业小巨人", "little_giant", in_leading_industry=False)
        )
        assert verdict_of(builder, "6.2").status is Status.FAIL

    def test_unknown_membership_that_could_decide_is_missing_data(self) -> None:
        """A little giant whose industry membership is not stated makes the clause undecidable."""
        builder = (
            ApplicationBuilder()
            .without_designations()
            .enterprise("未说明企业", "little_giant", in_leading_industry=None)
        )
        verdict = verdict_of(builder, "6.2")
        assert verdict.status is Status.INSUFFICIENT_DATA
        assert verdict.check("top_designations").missing == ("enterprises[2].in_leading_industry",)

    def test_an_expired_title_does_not_count(self) -> None:
        """A title that ended the day before the assessment date is not counted."""
        day_before = (AS_OF - dt.timedelta(days=1)).isoformat()
        builder = (
            ApplicationBuilder()
            .without_designations()
            .enterprise("过期小巨人", "little_giant", valid_from="2021-01-01", valid_to=day_before)
        )
        assert verdict_of(builder, "6.2").status is Status.FAIL

    def test_a_title_ending_on_the_assessment_date_still_counts(self) -> None:
        """valid_to equal to the assessment date is inside the term."""
        builder = (
            ApplicationBuilder()
            .without_designations()
            .enterprise("当日到期小巨人", "little_giant", valid_from="2022-01-01", valid_to=AS_OF.isoformat())
        )
        assert verdict_of(builder, "6.2").status is Status.PASS

    def test_a_title_without_end_runs_three_years_and_says_so(self) -> None:
        """From 2022-04-16 the derived end is 2025-04-15: counted on that day, with the derived-end reading."""
        builder = (
            ApplicationBuilder()
            .without_designations()
            .enterprise("推算期限企业", "little_giant", valid_from="2022-04-16")
        )
        verdict = verdict_of(builder, "6.2")
        assert verdict.status is Status.PASS
        assert "designation.derived_end" in verdict.check("top_designations").readings
        assert verdict_of(builder, "6.2", as_of=AS_OF + dt.timedelta(days=1)).status is Status.FAIL

    def test_designation_end_gives_the_stated_or_the_derived_last_day(self) -> None:
        """A title starting on 29 February runs to 27 February three years on (28 February less a day)."""
        from cluster_criteria.models import Designation
        from cluster_criteria.rules.article6 import designation_end

        derived = Designation(kind="little_giant", valid_from=dt.date(2024, 2, 29))
        stated = Designation(kind="little_giant", valid_from=dt.date(2024, 2, 29), valid_to=dt.date(2025, 1, 1))
        assert designation_end(derived, 3) == (dt.date(2027, 2, 28), True)
        assert designation_end(stated, 3) == (dt.date(2025, 1, 1), False)

    def test_a_title_not_yet_valid_does_not_count(self) -> None:
        """A title starting the day after the assessment date is not counted."""
        builder = (
            ApplicationBuilder()
            .without_designations()
            .enterprise("未来小巨人", "little_giant", valid_from=(AS_OF + dt.timedelta(days=1)).isoformat())
        )
        assert verdict_of(builder, "6.2").status is Status.FAIL

    def test_no_enterprise_record_is_insufficient_data(self) -> None:
        """Without the enterprises list, 6(2) cannot be judged."""
        verdict = verdict_of(ApplicationBuilder().without_enterprise_record(), "6.2")
        assert verdict.status is Status.INSUFFICIENT_DATA
        assert verdict.check("top_designations").missing == ("enterprises",)


class TestArt6_3IndustrialChain:
    """（三）……建立了通用生产设备、物流、仓储、人力、设计等共享机制……"""

    def test_all_items_met_passes(self) -> None:
        """Every declared item met → passes."""
        assert verdict_of(ApplicationBuilder(), "6.3").status is Status.PASS

    def test_one_sharing_mechanism_missing_fails_under_the_default_reading(self) -> None:
        """By default all five listed mechanisms are required: design not met fails."""
        verdict = verdict_of(ApplicationBuilder().answer("6.3.sharing.design", "not_met"), "6.3")
        assert verdict.status is Status.FAIL
        assert "sharing.all_listed" in verdict.check("6.3.sharing.design").readings

    def test_any_one_mechanism_suffices_under_the_alternative_reading(self) -> None:
        """With sharing_rule any_listed, one met mechanism is enough."""
        builder = ApplicationBuilder()
        for name in ALL_ITEMS_6_3[1:]:
            builder.answer(f"6.3.sharing.{name}", "not_met")
        assert verdict_of(builder, "6.3").status is Status.FAIL
        assert verdict_of(builder, "6.3", sharing_rule="any_listed").status is Status.PASS

    def test_no_mechanism_met_fails_even_under_the_alternative(self) -> None:
        """any_listed still needs one."""
        builder = ApplicationBuilder()
        for name in ALL_ITEMS_6_3:
            builder.answer(f"6.3.sharing.{name}", "not_met")
        assert verdict_of(builder, "6.3", sharing_rule="any_listed").status is Status.FAIL

    def test_an_unanswered_chain_item_is_insufficient(self) -> None:
        """6.3.key_link_support not answered → insufficient data."""
        assert verdict_of(ApplicationBuilder().unanswered("6.3.key_link_support"), "6.3").status is (
            Status.INSUFFICIENT_DATA
        )


class TestArt6_4Innovation:
    """（四）……研发经费年均增长高于5%……有效发明专利年均增长率不低于5%，每万人有效发明专利拥有量不低于5个。"""

    def test_the_base_application_passes(self) -> None:
        """R&D +10 %, patents +10 %, 181.5 per 10,000 people → passes."""
        assert verdict_of(ApplicationBuilder(), "6.4").status is Status.PASS

    def test_rd_growth_exactly_5_percent_fails_gaoyu(self) -> None:
        """高于 is strict: 1.00亿 → 1.1025亿 is exactly 5.00 % a year → fails."""
        builder = ApplicationBuilder().year(2024, sme_rd_expenditure="1.1025亿元")
        check = verdict_of(builder, "6.4").check("sme_rd_growth")
        assert check.value == Decimal("0.05")
        assert check.legal_word == "高于" and check.comparison == ">"
        assert check.status is Status.FAIL

    def test_rd_growth_one_yuan_above_5_percent_passes(self) -> None:
        """110,250,001 元 is just above 5 % → passes."""
        builder = ApplicationBuilder().year(2024, sme_rd_expenditure="110250001")
        assert verdict_of(builder, "6.4").check("sme_rd_growth").status is Status.PASS

    def test_patent_growth_exactly_5_percent_passes_budiyu(self) -> None:
        """400 → 441 patents: exactly 5 % → 不低于 met."""
        builder = ApplicationBuilder().year(2022, valid_invention_patents=400).year(2024, valid_invention_patents=441)
        assert verdict_of(builder, "6.4").check("patent_growth").status is Status.PASS

    def test_patent_growth_just_under_5_percent_fails(self) -> None:
        """400 → 440 patents: 4.88 % → fails."""
        builder = ApplicationBuilder().year(2022, valid_invention_patents=400).year(2024, valid_invention_patents=440)
        assert verdict_of(builder, "6.4").check("patent_growth").status is Status.FAIL

    def test_exactly_5_patents_per_10000_people_passes(self) -> None:
        """10 patents ÷ 20,000 people × 10,000 = 5 → met (the latest year)."""
        builder = ApplicationBuilder().year(2022, valid_invention_patents=8).year(2023, valid_invention_patents=9)
        builder.year(2024, valid_invention_patents=10)
        check = verdict_of(builder, "6.4").check("patents_per_10k")
        assert check.value == Decimal(5) and check.status is Status.PASS and check.year == 2024

    def test_just_under_5_patents_per_10000_people_fails(self) -> None:
        """10 patents ÷ 20,001 people is under 5 per 10,000 → fails."""
        builder = ApplicationBuilder().year(2022, valid_invention_patents=8).year(2023, valid_invention_patents=9)
        builder.year(2024, valid_invention_patents=10, employees=20001)
        assert verdict_of(builder, "6.4").check("patents_per_10k").status is Status.FAIL

    def test_no_employees_means_no_patent_density(self) -> None:
        """Employees missing in the latest year → insufficient data naming the field."""
        check = verdict_of(ApplicationBuilder().year(2024, employees=None), "6.4").check("patents_per_10k")
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("metrics[year=2024].employees",)

    def test_an_unanswered_innovation_item_is_not_met(self) -> None:
        """6.4.standards_work not answered → insufficient data."""
        assert verdict_of(ApplicationBuilder().unanswered("6.4.standards_work"), "6.4").status is (
            Status.INSUFFICIENT_DATA
        )


class TestArt6_5DigitalTransformation:
    """（五）……工业互联网平台应用普及率不低于8%，工业软件应用率稳步提升……"""

    def test_exactly_8_percent_penetration_passes(self) -> None:
        """8 % in the latest year meets 不低于8%."""
        check = verdict_of(ApplicationBuilder().year(2024, platform_penetration="8%"), "6.5").check(
            "platform_penetration"
        )
        assert check.status is Status.PASS and check.value == Decimal("0.08")

    def test_penetration_from_counts_just_under_8_percent_fails(self) -> None:
        """15 of 188 enterprises (7.98 %) → fails."""
        builder = ApplicationBuilder().year(
            2024, platform_penetration=None, platform_using_enterprises=15, enterprises_total=188
        )
        assert verdict_of(builder, "6.5").check("platform_penetration").status is Status.FAIL

    def test_penetration_from_counts_exactly_8_percent_passes(self) -> None:
        """16 of 200 enterprises = 8 % → passes."""
        builder = ApplicationBuilder().year(
            2024, platform_penetration=None, platform_using_enterprises=16, enterprises_total=200
        )
        assert verdict_of(builder, "6.5").check("platform_penetration").status is Status.PASS

    def test_only_the_latest_year_counts_for_penetration(self) -> None:
        """A low rate in 2022 does not matter; the threshold has no time word."""
        builder = ApplicationBuilder().year(2022, platform_penetration="0.01")
        assert verdict_of(builder, "6.5").status is Status.PASS

    def test_a_flat_software_rate_is_not_steadily_rising(self) -> None:
        """0.45 → 0.45 breaks 稳步提升."""
        builder = ApplicationBuilder().year(2024, industrial_software_rate="0.45")
        check = verdict_of(builder, "6.5").check("industrial_software_trend")
        assert check.status is Status.FAIL
        assert "2023→2024" in check.note_en

    def test_a_missing_software_rate_is_insufficient(self) -> None:
        """2023 missing → the trend cannot be judged."""
        check = verdict_of(ApplicationBuilder().year(2023, industrial_software_rate=None), "6.5").check(
            "industrial_software_trend"
        )
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("metrics[year=2023].industrial_software_rate",)

    def test_missing_penetration_is_insufficient(self) -> None:
        """No rate and no counts in 2024 → insufficient data."""
        builder = ApplicationBuilder().year(2024, platform_penetration=None)
        assert verdict_of(builder, "6.5").check("platform_penetration").status is Status.INSUFFICIENT_DATA


class TestArt6_6GreenDevelopment:
    """（六）……二氧化碳排放量强度持续下降……属于高耗能行业的集群，能效水平高于行业基准值……"""

    def test_the_base_application_passes_with_efficiency_not_applicable(self) -> None:
        """Not a high-energy or high-water industry: those parts do not apply."""
        verdict = verdict_of(ApplicationBuilder(), "6.6")
        assert verdict.status is Status.PASS
        assert statuses(verdict)["energy_efficiency"] == "not_applicable"

    def test_co2_intensity_rising_once_fails(self) -> None:
        """0.85 → 0.86 breaks 持续下降."""
        builder = ApplicationBuilder().year(2024, co2_intensity="0.86")
        assert verdict_of(builder, "6.6").check("co2_intensity_trend").status is Status.FAIL

    def test_co2_intensity_unchanged_fails(self) -> None:
        """An unchanged year is not a fall."""
        builder = ApplicationBuilder().year(2024, co2_intensity="0.85")
        assert verdict_of(builder, "6.6").check("co2_intensity_trend").status is Status.FAIL

    def test_unit_consumption_below_benchmark_passes(self) -> None:
        """High-energy industry consuming 99.99 against a benchmark of 100 → better than the benchmark."""
        builder = ApplicationBuilder().efficiency("energy", "99.99", "100")
        check = verdict_of(builder, "6.6").check("energy_efficiency")
        assert check.status is Status.PASS and check.legal_word == "高于"

    def test_unit_consumption_equal_to_benchmark_fails(self) -> None:
        """高于 is strict: consuming exactly the benchmark is not better than it."""
        builder = ApplicationBuilder().efficiency("water", "3.5", "3.5")
        assert verdict_of(builder, "6.6").check("water_efficiency").status is Status.FAIL

    def test_high_energy_without_figures_is_insufficient(self) -> None:
        """A high-energy industry that gives no efficiency figures lacks data."""
        builder = ApplicationBuilder().leading_industry(high_energy_consuming=True)
        check = verdict_of(builder, "6.6").check("energy_efficiency")
        assert check.status is Status.INSUFFICIENT_DATA and check.missing == ("efficiency.energy",)

    def test_unknown_industry_kind_is_insufficient(self) -> None:
        """Whether the industry is high-water-use must be said: unsaid, the check and the clause lack data (every
        other check of the clause holds in the base, so the unknown kind alone decides)."""
        builder = ApplicationBuilder().leading_industry(high_water_use=None)
        verdict = verdict_of(builder, "6.6")
        check = verdict.check("water_efficiency")
        assert check.status is Status.INSUFFICIENT_DATA
        assert check.missing == ("cluster.leading_industry.high_water_use",)
        assert verdict.status is Status.INSUFFICIENT_DATA


class TestArt6_7InternationalCooperation:
    """（七）……参与国际合作机制或交流活动……或通过设置海外分支机构等方式，推动产品和服务对外贸易快速发展。"""

    def test_either_form_of_cooperation_suffices(self) -> None:
        """Overseas branches alone (exchange not met) meet the clause."""
        builder = ApplicationBuilder().answer("6.7.international_exchange", "not_met")
        assert verdict_of(builder, "6.7").status is Status.PASS

    def test_neither_form_fails(self) -> None:
        """Neither exchange nor overseas branches → fails."""
        builder = ApplicationBuilder().answer("6.7.international_exchange", "not_met")
        builder.answer("6.7.overseas_branches", "not_met")
        assert verdict_of(builder, "6.7").status is Status.FAIL

    def test_one_form_not_met_and_the_other_unanswered_is_insufficient(self) -> None:
        """The unanswered alternative might still meet it."""
        builder = (
            ApplicationBuilder().answer("6.7.international_exchange", "not_met").unanswered("6.7.overseas_branches")
        )
        assert verdict_of(builder, "6.7").status is Status.INSUFFICIENT_DATA

    def test_foreign_trade_is_required_in_any_case(self) -> None:
        """Foreign-trade growth not met fails, whatever the form."""
        builder = ApplicationBuilder().answer("6.7.foreign_trade", "not_met")
        assert verdict_of(builder, "6.7").status is Status.FAIL


class TestArt6_8Governance:
    """（八）集群设立了（园区）管委会等运营管理机构……集群有明确的三年发展规划……"""

    def test_a_body_declared_set_up_and_met_items_pass(self) -> None:
        """The base declares its management committee set up and names it; the name supports the answer."""
        verdict = verdict_of(ApplicationBuilder(), "6.8")
        assert verdict.status is Status.PASS
        check = verdict.check("6.8.management_body")
        assert check.status is Status.PASS
        assert ("cluster.management_body", "示例经济开发区管理委员会") in [(f.field, f.value) for f in check.figures]
        assert "management_body.declared" in check.readings

    def test_a_name_that_says_no_body_exists_does_not_pass(self) -> None:
        """"暂未设立" in the name field with the item declared not met fails: the name is not proof."""
        builder = ApplicationBuilder().cluster(management_body="暂未设立").answer("6.8.management_body", "not_met")
        verdict = verdict_of(builder, "6.8")
        assert verdict.check("6.8.management_body").status is Status.FAIL
        assert verdict.status is Status.FAIL

    def test_a_name_without_an_answer_lacks_data(self) -> None:
        """A body named but the item unanswered is insufficient data, never a pass."""
        builder = ApplicationBuilder().unanswered("6.8.management_body")
        verdict = verdict_of(builder, "6.8")
        assert verdict.check("6.8.management_body").missing == ("qualitative.6.8.management_body",)
        assert verdict.status is Status.INSUFFICIENT_DATA

    def test_no_name_does_not_change_a_declared_answer(self) -> None:
        """The name is supporting information: without it, a met answer with evidence still passes."""
        verdict = verdict_of(ApplicationBuilder().cluster(management_body=None), "6.8")
        check = verdict.check("6.8.management_body")
        assert check.status is Status.PASS
        assert all(f.field != "cluster.management_body" for f in check.figures)

    def test_no_three_year_plan_fails(self) -> None:
        """A plan declared not met fails 6(8)."""
        assert verdict_of(ApplicationBuilder().answer("6.8.three_year_plan", "not_met"), "6.8").status is Status.FAIL
