"""A complete, eligible application for the assessment year 2025 (figures for 2022–2024), as plain data."""

from __future__ import annotations

from typing import Any

from ..credit_code import expected_check_character
from ..ruleset.registry import rule_sets

__all__ = ["BASE_YEARS", "credit_code", "eligible_application_data"]

BASE_YEARS = (2022, 2023, 2024)


def credit_code(first17: str) -> str:
    """Complete 17 characters into a valid unified social credit code (GB 32100-2015 check character)."""
    return first17 + expected_check_character(first17)


def eligible_application_data() -> dict[str, Any]:
    """A fresh copy each call: safe to mutate. Every clause passes on any date in 2025.

    SME and leading-industry output are 24 of 30, 26 of 33 and 28 of 36 亿元 (80 %, 78.8 % and 77.8 %), the
    leading industry growing by about 8 % a year.
    """
    return {
        "format_version": "1",
        "money_unit": "元",
        "cluster": {
            "name": "示例县装备制造特色产业集群",
            "leading_industry": {
                "name": "通用设备制造业",
                "gbt4754_code": "C34",
                "catalogue_status": "encouraged",
                "high_energy_consuming": False,
                "high_water_use": False,
            },
            "location": {"prefecture": "吉林市", "county": "磐石市", "county_code": "220284"},
            "area_km2": "40",
            "management_body": "示例经济开发区管理委员会",
        },
        "metrics": [
            {
                "year": year,
                "total_output": f"{total}亿元",
                "sme_output": f"{sme}亿元",
                "leading_industry_output": f"{lead}亿元",
                "sme_rd_expenditure": f"{rd}亿元",
                "valid_invention_patents": patents,
                "employees": 20000,
                "platform_penetration": rate,
                "industrial_software_rate": software,
                "co2_intensity": co2,
            }
            for year, total, sme, lead, rd, patents, rate, software, co2 in (
                (2022, "30", "24", "24", "1.00", 300, "0.10", "0.40", "0.90"),
                (2023, "33", "26", "26", "1.10", 330, "0.11", "0.45", "0.85"),
                (2024, "36", "28", "28", "1.21", 363, "0.12", "0.50", "0.80"),
            )
        ],
        "enterprises": [
            {
                "name": "示例精工机械有限公司",
                "credit_code": credit_code("91220284MA0A00001"),
                "in_leading_industry": True,
                "is_sme": True,
                "designations": [{"kind": "little_giant", "valid_from": "2023-07-01", "valid_to": "2026-06-30"}],
            },
            {
                "name": "示例传动部件有限公司",
                "credit_code": credit_code("91220284MA0A00002"),
                "in_leading_industry": True,
                "is_sme": True,
                "designations": [{"kind": "high_tech_enterprise", "valid_from": "2023-01-01"}],
            },
        ],
        "incidents": [],
        "violations": [],
        "qualitative": {
            # Every item of every registered edition, so that the base is eligible under each of them.
            item.id: {"answer": "met", "evidence": "申报书附件"}
            for rule_set in rule_sets()
            for item in rule_set.qualitative_items
        },
        "efficiency": {},
    }
