"""Input validation: every bad input gives an ApplicationError naming the field path and the reason, in Chinese
and English — never a traceback, never a silently dropped value."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from cluster_criteria import ApplicationError, evaluate, load_application
from cluster_criteria.credit_code import credit_code_problem, expected_check_character
from cluster_criteria.testing import ApplicationBuilder, eligible_application_data
from helpers import AS_OF


def _problem(data: dict[str, Any]) -> tuple[str, str, str]:
    with pytest.raises(ApplicationError) as caught:
        load_application(data)
    first = caught.value.problems[0]
    return first.path, first.message_zh, first.message_en


class TestAmounts:
    def test_a_negative_amount_is_refused_with_its_path(self) -> None:
        """−1 元 of SME output is refused at metrics[0].sme_output."""
        path, zh, en = _problem(ApplicationBuilder().year(2022, sme_output="-1").data())
        assert path == "metrics[0].sme_output"
        assert "负数" in zh and "negative" in en

    def test_sme_output_above_total_is_refused(self) -> None:
        """A part above the whole names both figures and the year."""
        path, zh, en = _problem(ApplicationBuilder().year(2023, sme_output="34亿元").data())
        assert path == "metrics[1]"
        assert "2023" in en and "sme_output" in en and "超过" in zh

    def test_leading_output_above_total_is_refused(self) -> None:
        """leading_industry_output may not exceed total_output either."""
        path, _, en = _problem(ApplicationBuilder().year(2024, leading_industry_output="37亿元").data())
        assert path == "metrics[2]" and "leading_industry_output" in en

    @pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity"])
    def test_nan_and_infinity_in_json_are_refused(self, text: str) -> None:
        """JSON's non-standard constants are not numbers."""
        raw = json.dumps(ApplicationBuilder().data()).replace('"2022"', "2022").replace('"40"', text)
        with pytest.raises(ApplicationError):
            load_application(raw)

    @pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity"])
    def test_nan_strings_are_refused(self, value: str) -> None:
        """A string NaN or Infinity is refused at its field."""
        path, _, en = _problem(ApplicationBuilder().area(value).data())
        assert path == "cluster.area_km2" and ("finite" in en or "number" in en)

    def test_an_absurdly_large_amount_is_refused(self) -> None:
        """1e40 元 is no cluster's output."""
        path, zh, en = _problem(ApplicationBuilder().set("metrics.0.total_output", "1e40").data())
        assert path == "metrics[0].total_output" and "implausibly" in en and "不合理" in zh

    def test_a_huge_exponent_is_refused_quickly(self) -> None:
        """1e999999999 is refused, not computed."""
        raw = json.dumps(ApplicationBuilder().data()).replace('"40"', "1e999999999")
        with pytest.raises(ApplicationError) as caught:
            load_application(raw)
        assert caught.value.problems[0].path == "cluster.area_km2"

    def test_a_word_is_not_an_amount(self) -> None:
        """'很多' is not an amount."""
        path, zh, _ = _problem(ApplicationBuilder().set("metrics.0.total_output", "很多").data())
        assert path == "metrics[0].total_output" and "不是金额" in zh

    def test_true_is_not_a_number(self) -> None:
        """A boolean is not a count."""
        path, _, _ = _problem(ApplicationBuilder().year(2022, employees=True).data())
        assert path == "metrics[0].employees"

    def test_a_fractional_count_is_refused(self) -> None:
        """Employees must be whole."""
        path, _, en = _problem(ApplicationBuilder().year(2022, employees="10.5").data())
        assert path == "metrics[0].employees" and "whole" in en

    def test_a_rate_above_one_is_refused(self) -> None:
        """8 is not a rate; 0.08 or '8%' is."""
        path, _, en = _problem(ApplicationBuilder().year(2024, platform_penetration=8).data())
        assert path == "metrics[2].platform_penetration" and "8%" in en


class TestMoneyUnits:
    def test_a_stated_money_unit_is_normalised_to_yuan(self) -> None:
        """money_unit 亿元 with 36.30 gives 3,630,000,000 元 exactly."""
        data = eligible_application_data()
        data["money_unit"] = "亿元"
        data["metrics"][2].update(total_output=Decimal("36.30"), sme_output=28, leading_industry_output=28)
        application = load_application(data)
        assert application.money_unit.value == "元"
        assert application.year(2024).total_output == Decimal("3630000000")  # type: ignore[union-attr]

    def test_json_numbers_are_read_exactly(self) -> None:
        """A 20-digit decimal in JSON keeps every digit (no float on the way)."""
        data = eligible_application_data()
        text = json.dumps(data, ensure_ascii=False).replace('"30亿元"', "3000000000.0000000001")
        application = load_application(text)
        assert application.year(2022).total_output == Decimal("3000000000.0000000001")  # type: ignore[union-attr]

    def test_an_amount_with_its_own_unit_ignores_the_document_unit(self) -> None:
        """'30亿元' stays 30亿 even when money_unit is 万元."""
        data = eligible_application_data()
        data["money_unit"] = "万元"
        data["metrics"][0]["employees"] = 20000
        application = load_application(data)
        assert application.year(2022).total_output == Decimal("3000000000")  # type: ignore[union-attr]

    def test_model_validate_json_is_exact_too(self) -> None:
        """Application.model_validate_json takes the exact path."""
        from cluster_criteria import Application

        text = json.dumps(eligible_application_data(), ensure_ascii=False).replace('"30亿元"', "3000000000.0000000001")
        assert Application.model_validate_json(text).year(2022).total_output == Decimal(  # type: ignore[union-attr]
            "3000000000.0000000001"
        )


class TestYears:
    def test_a_duplicated_year_is_refused(self) -> None:
        """2022 twice names both positions."""
        data = eligible_application_data()
        data["metrics"][1]["year"] = 2022
        path, zh, en = _problem(data)
        assert path == "metrics" and "metrics[0]" in en and "metrics[1]" in en and "重复" in zh

    def test_non_consecutive_years_are_refused(self) -> None:
        """2022, 2024 without 2023 is a gap."""
        data = ApplicationBuilder().without_year(2023).data()
        path, _, en = _problem(data)
        assert path == "metrics" and "2023" in en

    def test_a_year_not_yet_over_is_refused_at_evaluation(self) -> None:
        """Figures for 2025 cannot be assessed on 2025-04-15."""
        application = ApplicationBuilder().year(2025, total_output="40亿元").build()
        with pytest.raises(ApplicationError) as caught:
            evaluate(application, AS_OF)
        assert caught.value.problems[0].path == "metrics[3].year"
        assert "2025" in caught.value.render("zh")


class TestEnterprises:
    def test_a_wrong_check_character_is_refused(self) -> None:
        """GB 32100-2015: the 18th character is computed from the first 17."""
        data = eligible_application_data()
        code = data["enterprises"][0]["credit_code"]
        wrong = "0" if code[-1] != "0" else "1"
        data["enterprises"][0]["credit_code"] = code[:-1] + wrong
        path, zh, en = _problem(data)
        assert path == "enterprises[0].credit_code" and "GB 32100" in en and "统一社会信用代码" in zh

    def test_the_published_sample_code_is_valid(self) -> None:
        """91350100M000100Y43 is the standard's own style of example and verifies."""
        assert credit_code_problem("91350100M000100Y43") is None
        assert expected_check_character("91350100M000100Y4") == "3"

    @pytest.mark.parametrize(("code", "reason"), [("1234", "18 characters"), ("91350100M000100YI3", "outside")])
    def test_malformed_codes_say_why(self, code: str, reason: str) -> None:
        """Length and character set are checked before the check character."""
        assert reason in (credit_code_problem(code) or "")

    def test_duplicate_enterprises_are_refused(self) -> None:
        """The same credit code twice names both positions."""
        data = eligible_application_data()
        data["enterprises"][1]["credit_code"] = data["enterprises"][0]["credit_code"]
        path, _, en = _problem(data)
        assert path == "enterprises" and "enterprises[1]" in en

    def test_valid_to_before_valid_from_is_refused(self) -> None:
        """A title cannot end before it starts."""
        data = eligible_application_data()
        data["enterprises"][0]["designations"][0].update(valid_from="2024-01-01", valid_to="2023-12-31")
        path, zh, _ = _problem(data)
        assert path == "enterprises[0].designations[0]" and "早于" in zh

    def test_sme_status_is_derived_when_not_declared(self) -> None:
        """Below 1000 employees or below 4亿元 revenue is an SME; both at the limits is not."""
        params = __import__("cluster_criteria").get_rule_set("jilin-2024").parameters
        small = ApplicationBuilder().enterprise("小企业", employees=999, revenue="5亿元").build()
        large = ApplicationBuilder().enterprise("大企业", employees=1000, revenue="4亿元").build()
        unknown = ApplicationBuilder().enterprise("未知企业", employees=1500).build()
        assert small.enterprises[-1].sme_status(params.integer("sme_employees_below"), params.decimal("sme_revenue_below_yuan")) == (  # type: ignore[index]
            True,
            "derived",
        )
        assert large.enterprises[-1].sme_status(params.integer("sme_employees_below"), params.decimal("sme_revenue_below_yuan")) == (  # type: ignore[index]
            False,
            "derived",
        )
        assert unknown.enterprises[-1].sme_status(params.integer("sme_employees_below"), params.decimal("sme_revenue_below_yuan")) == (  # type: ignore[index]
            None,
            "unknown",
        )


class TestStructure:
    def test_an_unknown_field_is_refused_not_dropped(self) -> None:
        """A misspelt field is an error, so no figure is silently lost."""
        data = eligible_application_data()
        data["metrics"][0]["total_outptu"] = 1
        path, zh, _ = _problem(data)
        assert path == "metrics[0].total_outptu" and "不允许" in zh

    def test_an_unknown_qualitative_item_is_refused(self) -> None:
        """Item ids come from the rule set."""
        data = eligible_application_data()
        data["qualitative"]["6.9.unknown"] = "met"
        path, _, en = _problem(data)
        assert path == "qualitative" and "6.9.unknown" in en

    def test_a_missing_cluster_is_reported(self) -> None:
        """The cluster is required."""
        data = eligible_application_data()
        del data["cluster"]
        path, zh, _ = _problem(data)
        assert path == "cluster" and "缺少" in zh

    def test_every_problem_is_reported_not_only_the_first(self) -> None:
        """Two bad fields give two problems."""
        data = ApplicationBuilder().year(2022, employees=-1).area("-3").data()
        with pytest.raises(ApplicationError) as caught:
            load_application(data)
        assert {p.path for p in caught.value.problems} == {"metrics[0].employees", "cluster.area_km2"}

    def test_a_bad_date_is_reported(self) -> None:
        """2024-02-30 is no date."""
        data = ApplicationBuilder().incident("safety", "2024-02-30", "ordinary").data()
        path, zh, _ = _problem(data)
        assert path == "incidents[0].date" and "日期" in zh

    def test_models_are_immutable(self) -> None:
        """A loaded application cannot be changed behind the rules' back."""
        application = ApplicationBuilder().build()
        with pytest.raises(Exception, match="frozen"):
            application.cluster.name = "x"  # type: ignore[misc]

    def test_the_qualitative_shorthand_is_accepted(self) -> None:
        """'met' stands for {'answer': 'met'}."""
        data = eligible_application_data()
        data["qualitative"]["6.3.chain_layout"] = "not_met"
        application = load_application(data)
        assert application.qualitative["6.3.chain_layout"].answer.value == "not_met"
