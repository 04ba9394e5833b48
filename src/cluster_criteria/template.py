"""A blank application to fill in: every field, each explained in a ``$comment`` key the loader ignores.

Built from the input models' own field descriptions, so it never drifts from what the loader accepts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .comments import COMMENT_PREFIX

if TYPE_CHECKING:
    from .ruleset import RuleSet

__all__ = ["blank_application"]

_INTRO_ZH = (
    "填写说明：以 $comment 开头的键是说明，评估时自动忽略，可保留也可删除。未知的数据留为 null（视为材料不全，"
    '不会被当作 0 或符合）。金额的单位由 money_unit 给出，也可写成 "29.04亿元" 这样带单位的字符串。'
)
_INTRO_EN = (
    "How to fill in: keys starting with $comment are notes and are ignored on loading; keep or delete them. Leave an "
    "unknown figure as null (missing data — never taken as zero or as met). Bare amounts are in money_unit; a string "
    'with its unit such as "29.04亿元" also works.'
)


def _note(model: type[BaseModel], name: str) -> str:
    field = model.model_fields[name]
    return field.description or ""


def _commented(model: type[BaseModel], values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with a ``$comment:<field>`` note before each field."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        note = _note(model, name)
        if note:
            out[f"{COMMENT_PREFIX}:{name}"] = note
        out[name] = value
    return out


def blank_application(assessment_year: int, rule_set: RuleSet | None = None) -> dict[str, Any]:
    """The blank application for an assessment in ``assessment_year`` (its three figure years precede it)."""
    from .models import (
        Application,
        Cluster,
        Designation,
        EfficiencyFigure,
        Enterprise,
        Incident,
        LeadingIndustry,
        Location,
        QualitativeAnswer,
        ResourceEfficiency,
        Violation,
        YearMetrics,
    )
    from .ruleset.registry import resolve_latest

    chosen = resolve_latest(rule_set)

    years = [assessment_year - 3, assessment_year - 2, assessment_year - 1]
    metric_names = [n for n in YearMetrics.model_fields if n not in ("year", "figures")]
    metrics = [
        _commented(YearMetrics, {"year": y, **dict.fromkeys(metric_names), "figures": {}})
        if i == 0
        else {"year": y, **dict.fromkeys(metric_names), "figures": {}}
        for i, y in enumerate(years)
    ]
    enterprise_example = _commented(
        Enterprise,
        {
            "name": "（企业名称）",
            "credit_code": "（18位统一社会信用代码）",
            "in_leading_industry": True,
            "is_sme": True,
            "employees": None,
            "revenue": None,
            "designations": [
                _commented(
                    Designation,
                    {
                        "kind": "provincial_srdi_sme",
                        "valid_from": f"{years[-1]}-01-01",
                        "valid_to": None,
                        "certificate": None,
                    },
                )
            ],
        },
    )
    incident_example = _commented(
        Incident,
        {
            "kind": "safety",
            "date": f"{years[-1]}-01-01",
            "severity": None,
            "deaths": None,
            "serious_injuries": None,
            "direct_loss": None,
            "enterprise_credit_code": None,
            "description": None,
        },
    )
    violation_example = _commented(
        Violation,
        {"kind": "tax_evasion", "date": f"{years[-1]}-01-01", "enterprise_credit_code": None, "description": None},
    )
    efficiency_example = _commented(
        EfficiencyFigure,
        {"unit_consumption": None, "benchmark": None, "unit": "（单位）", "source": "（基准值依据文件）"},
    )
    qualitative: dict[str, Any] = {}
    for item in chosen.qualitative_items:
        qualitative[f"{COMMENT_PREFIX}:{item.id}"] = f"{item.text_zh} / {item.text_en}" + (
            f"（任选其一组：{item.group}）" if item.group else ""
        )
        qualitative[item.id] = _commented(QualitativeAnswer, {"answer": "not_answered", "evidence": None})
    return {
        f"{COMMENT_PREFIX}": [_INTRO_ZH, _INTRO_EN],
        **_commented(
            Application,
            {
                "format_version": "1",
                "money_unit": "万元",
                "cluster": _commented(
                    Cluster,
                    {
                        "name": "（集群名称）",
                        "leading_industry": _commented(
                            LeadingIndustry,
                            {
                                "name": "（主导产业）",
                                "gbt4754_code": None,
                                "catalogue_status": None,
                                "high_energy_consuming": None,
                                "high_water_use": None,
                            },
                        ),
                        "location": _commented(
                            Location, {"prefecture": "（市州）", "county": "（县市区）", "county_code": "220000"}
                        ),
                        "area_km2": None,
                        "management_body": None,
                    },
                ),
                "metrics": metrics,
                "enterprises": None,
                "incidents": None,
                "violations": None,
                "qualitative": qualitative,
                "efficiency": _commented(ResourceEfficiency, {"energy": None, "water": None}),
            },
        ),
        f"{COMMENT_PREFIX}:examples": {
            "enterprises": [enterprise_example],
            "incidents": [incident_example],
            "violations": [violation_example],
            "efficiency.energy": efficiency_example,
        },
    }
