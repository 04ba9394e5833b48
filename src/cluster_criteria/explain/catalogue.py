"""What each rule checks, described without an application: its checks, the parameters they use, the readings.

The rules build their checks from the application, so this description is kept beside them as data; a test runs the
rules on many applications and fails when a rule makes a check or names a reading that is not described here.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass

from ..ruleset.parameters import LegalWord, RuleSet, Threshold
from ..vocabulary import LabelledEnum

__all__ = ["RULE_SPECS", "CheckSpec", "RuleSpec", "describe_parameter", "parameter_value", "rule_spec"]


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A kind of check a rule makes; ``pattern`` matches its ids (``*`` for a year or an index)."""

    pattern: str
    zh: str
    en: str
    parameters: tuple[str, ...] = ()

    def matches(self, check_id: str) -> bool:
        return fnmatch.fnmatchcase(check_id, self.pattern)


@dataclass(frozen=True, slots=True)
class RuleSpec:
    rule_id: str
    checks: tuple[CheckSpec, ...]
    readings: tuple[str, ...]

    def spec_for(self, check_id: str) -> CheckSpec | None:
        for spec in self.checks:
            if spec.matches(check_id):
                return spec
        return None


def _qualitative(rule_id: str) -> CheckSpec:
    """The clause's qualitative items, whose check ids are the item ids (``6.3.chain_layout`` …)."""
    return CheckSpec(
        f"{rule_id}.*",
        "定性要求：以申报方明确作答为准（见下列定性项）",
        "Qualitative items: an explicit answer each (listed below)",
    )


_GROWTH = (
    "growth.geometric",
    "growth.arithmetic_mean_of_ratios",
    "growth.exact_comparison",
    "growth.positive_base",
    "window.whole",
)
_EVENTS = (
    "window.events",
    "records.absent_vs_empty",
    "facts.known_on_date",
    "severity.production_safety",
    "severity.figures_prevail",
    "severity.conflict",
)

RULE_SPECS: dict[str, RuleSpec] = {
    spec.rule_id: spec
    for spec in (
        RuleSpec(
            "6.1",
            (
                _qualitative("6.1"),
                CheckSpec(
                    "area",
                    "占地面积一般不超过100平方公里（超出需人工复核）",
                    "Area as a rule at most 100 km² (above: review)",
                    ("area_max_km2",),
                ),
                CheckSpec(
                    "total_output.*",
                    "近三年每年集群总产值在20亿元以上",
                    "Total output at least 20 亿元 in each window year",
                    ("total_output_min",),
                ),
                CheckSpec(
                    "sme_output_share.*",
                    "每年中小企业产值占集群总产值比例不低于60%",
                    "SME share of output at least 60 % each year",
                    ("sme_output_share_min",),
                ),
                CheckSpec(
                    "leading_output_growth",
                    "主导产业产值近三年年均增速不低于5%",
                    "Leading-industry output growth at least 5 % a year",
                    ("leading_output_growth_min",),
                ),
                CheckSpec(
                    "leading_output_share.*",
                    "每年主导产业产值占集群总产值比例不低于70%",
                    "Leading-industry share at least 70 % each year",
                    ("leading_output_share_min",),
                ),
            ),
            (
                "qualitative.declaration",
                "soft_limit.area",
                "boundary.inclusive",
                "window.figures",
                "each_year",
                *_GROWTH,
            ),
        ),
        RuleSpec(
            "6.2",
            (
                CheckSpec(
                    "top_designations",
                    "制造业单项冠军、专精特新“小巨人”企业合计不少于1家",
                    "At least 1 single champion or little giant",
                    ("top_designations_min",),
                ),
                CheckSpec(
                    "provincial_designations",
                    "或省级专精特新中小企业、高新技术企业合计不少于5家",
                    "Or at least 5 provincial SRDI SMEs and high-tech enterprises",
                    ("provincial_designations_min",),
                ),
            ),
            (
                "boundary.inclusive",
                "count.distinct_enterprises",
                "count.leading_industry_only",
                "count.valid_on_date",
                "titles.sme_status",
                "designation.derived_end",
            ),
        ),
        RuleSpec(
            "6.3", (_qualitative("6.3"),), ("qualitative.declaration", "sharing.all_listed", "sharing.any_listed")
        ),
        RuleSpec(
            "6.4",
            (
                _qualitative("6.4"),
                CheckSpec(
                    "sme_rd_growth",
                    "近三年中小企业研发经费年均增长高于5%",
                    "SME R&D growth above 5 % a year",
                    ("rd_growth_min",),
                ),
                CheckSpec(
                    "patent_growth",
                    "有效发明专利年均增长率不低于5%",
                    "Valid invention patents growing at least 5 % a year",
                    ("patent_growth_min",),
                ),
                CheckSpec(
                    "patents_per_10k",
                    "每万人有效发明专利拥有量不低于5个（最近年度）",
                    "At least 5 valid invention patents per 10,000 people (latest year)",
                    ("patents_per_10k_min",),
                ),
            ),
            (
                "qualitative.declaration",
                "boundary.inclusive",
                "boundary.strict",
                "window.figures",
                "latest_year",
                "patents.per_10k_people",
                *_GROWTH,
            ),
        ),
        RuleSpec(
            "6.5",
            (
                _qualitative("6.5"),
                CheckSpec(
                    "platform_penetration",
                    "工业互联网平台应用普及率不低于8%（最近年度）",
                    "Industrial internet platform penetration at least 8 % (latest year)",
                    ("platform_penetration_min",),
                ),
                CheckSpec(
                    "industrial_software_trend",
                    "工业软件应用率稳步提升（逐年上升）",
                    "Industrial software rate rising every year",
                    ("software_rate_trend",),
                ),
            ),
            (
                "qualitative.declaration",
                "boundary.inclusive",
                "latest_year",
                "window.figures",
                "trend.strict_each_year",
            ),
        ),
        RuleSpec(
            "6.6",
            (
                _qualitative("6.6"),
                CheckSpec(
                    "co2_intensity_trend",
                    "二氧化碳排放量强度持续下降（逐年下降）",
                    "CO₂ intensity falling every year",
                    ("co2_intensity_trend",),
                ),
                CheckSpec(
                    "energy_efficiency",
                    "高耗能行业：能效水平高于行业基准值",
                    "High-energy industries: efficiency better than the benchmark",
                    ("efficiency_vs_benchmark",),
                ),
                CheckSpec(
                    "water_efficiency",
                    "高用水行业：水效水平高于行业基准值",
                    "High-water-use industries: efficiency better than the benchmark",
                    ("efficiency_vs_benchmark",),
                ),
            ),
            ("qualitative.declaration", "window.figures", "trend.strict_each_year", "efficiency.strictly_better"),
        ),
        RuleSpec("6.7", (_qualitative("6.7"),), ("qualitative.declaration", "alternatives.international")),
        RuleSpec(
            "6.8",
            (_qualitative("6.8"),),
            ("qualitative.declaration", "management_body.declared"),
        ),
        RuleSpec(
            "7.1",
            (
                CheckSpec(
                    "catalogue_status",
                    "主导产业不属于禁止、限制和淘汰类产业",
                    "The leading industry is not prohibited, restricted or to be eliminated",
                    ("excluded_catalogue_statuses",),
                ),
            ),
            ("catalogue.status",),
        ),
        RuleSpec(
            "7.2",
            (
                CheckSpec("accidents.record", "事故记录是否提供", "Whether an incident record was supplied"),
                CheckSpec(
                    "accidents.*",
                    "近三年内每一起安全、质量、环境污染事故是否达到重大及以上（.window 为汇总）",
                    "Each safety, quality or environmental accident in the window: serious or worse or not "
                    "(.window sums them up)",
                    ("accident_kinds", "accident_severity_floor", "event_window_years"),
                ),
            ),
            _EVENTS,
        ),
        RuleSpec(
            "7.3",
            (
                CheckSpec("security_events.record", "事件记录是否提供", "Whether an incident record was supplied"),
                CheckSpec(
                    "security_events.*",
                    "近三年内每一起网络安全、数据安全事件是否达到重大及以上（.window 为汇总）",
                    "Each network or data security event in the window: serious or worse or not (.window sums them up)",
                    ("security_event_kinds", "security_event_severity_floor", "event_window_years"),
                ),
            ),
            _EVENTS,
        ),
        RuleSpec(
            "7.4",
            (
                CheckSpec("violations.record", "违法违规记录是否提供", "Whether a violation record was supplied"),
                CheckSpec(
                    "violations.*",
                    "无偷税漏税、严重失信等重大违法违规行为（不设时间范围）",
                    "No tax evasion, serious dishonesty or other major violation (no time window)",
                    ("violation_kinds",),
                ),
            ),
            ("no_window.violations", "records.absent_vs_empty", "facts.known_on_date"),
        ),
    )
}


def rule_spec(rule_id: str) -> RuleSpec:
    return RULE_SPECS[rule_id]


def parameter_value(rule_set: RuleSet, name: str) -> object:
    """A parameter of the rule set by attribute name."""
    return getattr(rule_set.parameters, name)


def describe_parameter(rule_set: RuleSet, name: str, lang: str) -> str:
    """``total_output_min``: ``以上 2000000000 元 (≥) — source``, in a few words."""
    value = parameter_value(rule_set, name)
    zh = lang.startswith("zh")
    if isinstance(value, Threshold):
        soft = ("，软性限制" if zh else ", soft limit") if value.soft else ""
        source = f"{value.source.document} {value.source.place}" + (
            f"：“{value.source.quote}”" if value.source.quote else ""
        )
        from .locale import format_quantity

        word, comparison = value.word.word, value.word.comparison.value
        shown = format_quantity(value.value, value.unit, "zh" if zh else "en", least=0)
        if zh:
            return f"{name} = {shown}（{word}，{comparison}{soft}）— {source}"
        return f"{name} = {shown} ({word}, {comparison}{soft}) — {source}"
    if isinstance(value, LegalWord):
        if zh:
            return f"{name} = {value.word}（{value.comparison.value}，{value.reading}）"
        return f"{name} = {value.word} ({value.comparison.value}, {value.reading})"
    if isinstance(value, tuple):
        return f"{name} = " + ("、" if zh else ", ").join(_word(v, zh) for v in value)
    return f"{name} = {_word(value, zh)}"


def _word(value: object, zh: bool) -> str:
    """A parameter value in words: an enumeration's label in the language asked for, anything else as it is."""
    if isinstance(value, LabelledEnum):
        return value.zh if zh else value.en
    return str(getattr(value, "value", value))
