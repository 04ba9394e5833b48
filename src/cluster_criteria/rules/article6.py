"""第六条 基本条件 — the eight basic conditions, one rule per clause.

特色产业集群应满足以下基本条件：
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from ..context import EvaluationContext, SharingRule
from ..known import known_on
from ..models import Application, Designation, EfficiencyFigure, Enterprise
from ..ruleset.parameters import Threshold
from ..ruleset.wording import legal_word_phrase
from ..terms import term_last_day
from ..verdicts import Check, CheckKind, Figure, Status, new_check, new_figure
from ..vocabulary import DesignationKind
from .checks import answered, measured, missing, missing_for, year_path
from .measures import (
    each_year_amount,
    each_year_share,
    growth_over_window,
    latest_year_value,
    trend_over_window,
)
from .registry import clause_rule
from .spec import CheckSpec, qualitative_items_of

_GROWTH_READINGS = (
    "growth.geometric",
    "growth.arithmetic_mean_of_ratios",
    "growth.exact_comparison",
    "growth.positive_base",
    "window.whole",
)

__all__ = [
    "art6_1_scale_and_structure",
    "art6_2_quality_enterprises",
    "art6_3_industrial_chain",
    "art6_4_innovation",
    "art6_5_digital_transformation",
    "art6_6_green_development",
    "art6_7_international_cooperation",
    "art6_8_governance_and_services",
]


def _declared(
    app: Application,
    ctx: EvaluationContext,
    clause: int,
    group_of: dict[str, str] | None = None,
    reading_of: dict[str, str] | None = None,
) -> Iterator[Check]:
    """The clause's qualitative items; ``group_of`` makes an item group alternatives, ``reading_of`` adds a reading."""
    answers = app.qualitative
    for item in ctx.parameters.items_for(6, clause):
        group = group_of.get(item.group, "") if group_of else ""
        also_read = reading_of.get(item.group) if reading_of else None
        yield answered(item, answers, group=group, also_read=also_read)


@clause_rule(
    6,
    1,
    "主导产业与规模结构",
    "Leading industry, scale and structure",
    checks=(
        qualitative_items_of("6.1"),
        CheckSpec(
            "area",
            "占地面积一般{area_max_km2}（超出需人工复核）",
            "Area as a rule {area_max_km2} (beyond it: review)",
            CheckKind.AMOUNT,
        ),
        CheckSpec(
            "total_output.{year}",
            "近{figure_window_years}年每年集群总产值{total_output_min}",
            "Total output {total_output_min} in each window year",
            CheckKind.AMOUNT,
        ),
        CheckSpec(
            "sme_output_share.{year}",
            "每年中小企业产值占集群总产值比例{sme_output_share_min}",
            "SME share of total output {sme_output_share_min} each year",
            CheckKind.SHARE,
        ),
        CheckSpec(
            "leading_output_growth",
            "主导产业产值近{figure_window_years}年年均增速{leading_output_growth_min}",
            "Average annual growth of leading-industry output {leading_output_growth_min}",
            CheckKind.GROWTH,
        ),
        CheckSpec(
            "leading_output_share.{year}",
            "每年主导产业产值占集群总产值比例{leading_output_share_min}",
            "Leading-industry share of total output {leading_output_share_min} each year",
            CheckKind.SHARE,
        ),
    ),
    readings=(
        "qualitative.declaration",
        "soft_limit.area",
        "boundary.inclusive",
        "window.figures",
        "each_year",
        *_GROWTH_READINGS,
    ),
)
def art6_1_scale_and_structure(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（一）项 (rule 6.1)

    （一）主导产业符合国家产业政策和《吉林省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》要求，
    为所在县域的支柱或特色产业，对当地经济、就业等具有较大贡献，发展水平居于细分领域全省乃至全国前列。
    占地面积一般不超过100平方公里，近三年，集群总产值每年均在 20亿元以上，中小企业产值占集群总产值每年比例均
    不低于60%，集群主导产业产值近三年年均增速不低于5%，集群主导产业近三年产值占集群总产值比例均不低于70%。
    """
    p = ctx.parameters
    yield from _declared(app, ctx, 1)
    yield _area(app, p.threshold("area_max_km2"))
    yield from each_year_amount(app, ctx, "total_output", p.threshold("total_output_min"), "total_output")
    yield from each_year_share(
        app, ctx, "sme_output_share", p.threshold("sme_output_share_min"), "sme_output", "total_output"
    )
    yield growth_over_window(
        app, ctx, "leading_output_growth", p.threshold("leading_output_growth_min"), "leading_industry_output", "元"
    )
    yield from each_year_share(
        app,
        ctx,
        "leading_output_share",
        p.threshold("leading_output_share_min"),
        "leading_industry_output",
        "total_output",
    )


def _area(app: Application, limit: Threshold) -> Check:
    area = app.cluster.area_km2
    readings = ("soft_limit.area",)
    if area is None:
        return missing_for("area", limit, ("cluster.area_km2",), readings=readings, kind=CheckKind.AMOUNT)
    return measured(
        "area",
        limit,
        value=area,
        met=limit.word.comparison.holds(area, limit.value),
        figures=(new_figure("cluster.area_km2", area, None, limit.unit),),
        readings=readings,
        kind=CheckKind.AMOUNT,
    )


@clause_rule(
    6,
    2,
    "优质企业",
    "Leading enterprises",
    checks=(
        CheckSpec(
            "top_designations",
            "{top_designation_kinds}合计{top_designations_min}",
            "{top_designation_kinds}: {top_designations_min} in all",
            CheckKind.COUNT,
        ),
        CheckSpec(
            "provincial_designations",
            "或{provincial_designation_kinds}合计{provincial_designations_min}",
            "Or {provincial_designation_kinds}: {provincial_designations_min} in all",
            CheckKind.COUNT,
            ("designation_default_validity_years",),
        ),
    ),
    readings=(
        "boundary.inclusive",
        "count.distinct_enterprises",
        "count.leading_industry_only",
        "count.valid_on_date",
        "titles.sme_status",
        "designation.derived_end",
    ),
)
def art6_2_quality_enterprises(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（二）项 (rule 6.2)

    （二）拥有属于集群主导产业的制造业单项冠军、专精特新“小巨人”企业合计不少于1家，或者省级“专精特新”中小企业、
    高新技术企业合计不少于5家。
    """
    p = ctx.parameters
    if app.enterprises is None:
        for check_id, limit in (
            ("top_designations", p.threshold("top_designations_min")),
            ("provincial_designations", p.threshold("provincial_designations_min")),
        ):
            yield missing_for(
                check_id, limit, ("enterprises",), readings=("count.distinct_enterprises",), kind=CheckKind.COUNT
            )
        return
    holders = _title_holders(app.enterprises, ctx)
    for check_id, limit, kinds in (
        ("top_designations", p.threshold("top_designations_min"), p.kinds("top_designation_kinds", DesignationKind)),
        (
            "provincial_designations",
            p.threshold("provincial_designations_min"),
            p.kinds("provincial_designation_kinds", DesignationKind),
        ),
    ):
        check = _designation_count(holders, check_id, limit, kinds)
        later = _granted_later(app.enterprises, kinds, ctx.assessment_date)
        if later:
            # Facts dated after the assessment date are left out, and the check says how many, never silently.
            check = dataclasses.replace(
                check,
                figures=(*check.figures, new_figure("designations.after_assessment_date", later)),
                note_zh=_joined(check.note_zh, f"另有{later}项称号的认定日期晚于评估日，不予计入", "；"),
                note_en=_joined(check.note_en, f"{later} title(s) granted after the assessment date left out", "; "),
            )
        yield check


def _granted_later(enterprises: tuple[Enterprise, ...], kinds: tuple[DesignationKind, ...], day: dt.date) -> int:
    """How many titles of these kinds start after the assessment date (not yet held on it)."""
    return sum(1 for e in enterprises for d in e.designations if d.kind in kinds and not known_on(d.valid_from, day))


def _joined(first: str, second: str, separator: str) -> str:
    return f"{first}{separator}{second}" if first else second


def designation_end(designation: Designation, default_years: int) -> tuple[dt.date, bool]:
    """The last valid day of a title and whether it was derived (the one end-date rule of ``terms``)."""
    if designation.valid_to is not None:
        return designation.valid_to, False
    return _derived_end(designation.valid_from, default_years), True


@lru_cache(maxsize=4096)
def _derived_end(start: dt.date, years: int) -> dt.date:
    # Deriving a date costs more than the rest of a title's check, and titles share few start dates.
    return term_last_day(start, years)


# An enterprise holding a title on the assessment date: its index, itself, and each valid title with whether its
# end date was derived.
_Holder = tuple[int, Enterprise, tuple[tuple[DesignationKind, bool], ...]]


def _title_holders(enterprises: tuple[Enterprise, ...], ctx: EvaluationContext) -> list[_Holder]:
    """One pass over the enterprises for both counts of Art. 6(2)."""
    years = ctx.parameters.integer("designation_default_validity_years")
    day = ctx.assessment_date
    holders: list[_Holder] = []
    for index, enterprise in enumerate(enterprises):
        valid = []
        for designation in enterprise.designations:
            end, was_derived = designation_end(designation, years)
            if designation.valid_from <= day <= end:
                valid.append((designation.kind, was_derived))
        if valid:
            holders.append((index, enterprise, tuple(valid)))
    return holders


_COUNT_READINGS = (
    "count.distinct_enterprises",
    "count.leading_industry_only",
    "count.valid_on_date",
    "titles.sme_status",
)


def _designation_count(
    holders: list[_Holder], check_id: str, limit: Threshold, kinds: tuple[DesignationKind, ...]
) -> Check:
    counted: list[Figure] = []
    unknown_membership: list[str] = []
    derived = False
    for index, enterprise, titles in holders:
        holding = []
        for kind, was_derived in titles:
            if kind in kinds:
                holding.append(kind._value_)
                derived = derived or was_derived
        if not holding:
            continue
        if enterprise.in_leading_industry is None:
            unknown_membership.append(f"enterprises[{index}].in_leading_industry")
        elif enterprise.in_leading_industry:
            counted.append(new_figure(f"enterprises[{index}]", f"{enterprise.name} ({'+'.join(holding)})"))
    readings = _COUNT_READINGS + (("designation.derived_end",) if derived else ())
    count = Decimal(len(counted))
    met = limit.word.comparison.holds(count, limit.value)
    could_meet = limit.word.comparison.holds(count + len(unknown_membership), limit.value)
    if not met and could_meet:
        return missing_for(
            check_id,
            limit,
            tuple(unknown_membership),
            readings=readings,
            figures=tuple(counted),
            note_zh="部分持有称号的企业未说明是否属于主导产业",
            note_en="some title holders do not say whether they belong to the leading industry",
            group="designations",
            kind=CheckKind.COUNT,
        )
    return measured(
        check_id,
        limit,
        value=count,
        met=met,
        figures=tuple(counted),
        readings=readings,
        group="designations",
        kind=CheckKind.COUNT,
    )


@clause_rule(
    6,
    3,
    "产业链协作",
    "Industrial chain and sharing",
    checks=(qualitative_items_of("6.3"),),
    readings=("qualitative.declaration", "sharing.all_listed", "sharing.any_listed"),
)
def art6_3_industrial_chain(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（三）项 (rule 6.3)

    （三）集群产业链布局合理，产业链上下游企业产供销一体化协同协作机制较完善，建立了通用生产设备、物流、仓储、
    人力、设计等共享机制，产业链关键环节配套能力较强。
    """
    p = ctx.parameters
    any_one = ctx.sharing_rule is SharingRule.ANY_LISTED
    groups = {p.text("sharing_group"): p.text("sharing_group")} if any_one else {}
    yield from _declared(app, ctx, 3, groups, {p.text("sharing_group"): ctx.sharing_rule.reading})


@clause_rule(
    6,
    4,
    "研发创新",
    "Research and innovation",
    checks=(
        qualitative_items_of("6.4"),
        CheckSpec(
            "sme_rd_growth",
            "近{figure_window_years}年中小企业研发经费年均增长{rd_growth_min}",
            "Average annual growth of SME R&D expenditure {rd_growth_min}",
            CheckKind.GROWTH,
        ),
        CheckSpec(
            "patent_growth",
            "有效发明专利年均增长率{patent_growth_min}",
            "Average annual growth of valid invention patents {patent_growth_min}",
            CheckKind.GROWTH,
        ),
        CheckSpec(
            "patents_per_10k",
            "每万人有效发明专利拥有量{patents_per_10k_min}（最近年度）",
            "Valid invention patents per 10,000 people {patents_per_10k_min} (latest year)",
            CheckKind.PER_PEOPLE,
            ("patents_per_employees",),
        ),
    ),
    readings=(
        "qualitative.declaration",
        "boundary.inclusive",
        "boundary.strict",
        "window.figures",
        "latest_year",
        "patents.per_10k_people",
        *_GROWTH_READINGS,
    ),
)
def art6_4_innovation(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（四）项 (rule 6.4)

    （四）集群重视研发持续投入，近三年中小企业研发经费年均增长高于5%；统筹建立了多元创新平台，与大型企业、高校和
    科研院所创新合作紧密，大中小企业融通创新和产学研协同创新机制完善；积极参加主导产业的标准制修订工作；突破了一批
    主导产业的关键核心技术，有效发明专利年均增长率不低于5%，每万人有效发明专利拥有量不低于5个。
    """
    p = ctx.parameters
    yield growth_over_window(app, ctx, "sme_rd_growth", p.threshold("rd_growth_min"), "sme_rd_expenditure", "元")
    yield from _declared(app, ctx, 4)
    yield growth_over_window(
        app, ctx, "patent_growth", p.threshold("patent_growth_min"), "valid_invention_patents", "件"
    )
    yield _patents_per_10k(app, ctx)


def _patents_per_10k(app: Application, ctx: EvaluationContext) -> Check:
    p = ctx.parameters
    year = ctx.latest_year
    record = app.year(year)
    patents = None if record is None else record.valid_invention_patents
    people = None if record is None else record.employees
    figures = tuple(
        new_figure(year_path(year, name), v, year, unit)
        for name, v, unit in (("valid_invention_patents", patents, "件"), ("employees", people, "人"))
        if v is not None
    )
    absent = tuple(
        year_path(year, n)
        for n, v in (("valid_invention_patents", patents), ("employees", people))
        if v is None or (n == "employees" and v == 0)
    )
    value = (
        None
        if patents is None or not people
        else Decimal(patents) * p.decimal("patents_per_employees") / Decimal(people)
    )
    return latest_year_value(
        "patents_per_10k",
        p.threshold("patents_per_10k_min"),
        year,
        value,
        figures,
        absent,
        readings=("patents.per_10k_people",),
        kind=CheckKind.PER_PEOPLE,
    )


@clause_rule(
    6,
    5,
    "数字化转型",
    "Digital transformation",
    checks=(
        qualitative_items_of("6.5"),
        CheckSpec(
            "platform_penetration",
            "工业互联网平台应用普及率{platform_penetration_min}（最近年度）",
            "Industrial internet platform penetration {platform_penetration_min} (latest year)",
            CheckKind.RATE,
        ),
        CheckSpec(
            "industrial_software_trend",
            "工业软件应用率{software_rate_trend}（逐年）",
            "Industrial software application rate: {software_rate_trend} (every year)",
            CheckKind.TREND,
        ),
    ),
    readings=(
        "qualitative.declaration",
        "boundary.inclusive",
        "latest_year",
        "window.figures",
        "trend.strict_each_year",
    ),
)
def art6_5_digital_transformation(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（五）项 (rule 6.5)

    （五）集群有序开展了中小企业智能化改造数字化转型相关工作；“用云上平台”成效显著，工业互联网平台应用普及率不低于8%，
    工业软件应用率稳步提升，实现集群企业重要生产数据联通；开展主导产业数字化新模式新业态探索，建立健全工业互联网安全和
    数据安全保障体系。
    """
    p = ctx.parameters
    yield from _declared(app, ctx, 5)
    year = ctx.latest_year
    record = app.year(year)
    rate, source = (None, "missing") if record is None else record.penetration()
    figures: tuple[Figure, ...] = ()
    if record is not None and source == "counts":
        figures = (
            new_figure(year_path(year, "platform_using_enterprises"), record.platform_using_enterprises, year),
            new_figure(year_path(year, "enterprises_total"), record.enterprises_total, year),
        )
    elif rate is not None:
        figures = (new_figure(year_path(year, "platform_penetration"), rate, year, "%"),)
    yield latest_year_value(
        "platform_penetration",
        p.threshold("platform_penetration_min"),
        year,
        rate,
        figures,
        (year_path(year, "platform_penetration"),),
        kind=CheckKind.RATE,
    )
    yield trend_over_window(
        app,
        ctx,
        "industrial_software_trend",
        p.word("software_rate_trend"),
        "industrial_software_rate",
        "工业软件应用率",
        "industrial software application rate",
        "%",
    )


@clause_rule(
    6,
    6,
    "绿色低碳",
    "Green and low-carbon development",
    checks=(
        qualitative_items_of("6.6"),
        CheckSpec(
            "co2_intensity_trend",
            "二氧化碳排放量强度{co2_intensity_trend}（逐年）",
            "CO₂ emission intensity: {co2_intensity_trend} (every year)",
            CheckKind.TREND,
        ),
        CheckSpec(
            "energy_efficiency",
            "高耗能行业：能效水平{efficiency_vs_benchmark}行业基准值",
            "High-energy-consuming industries: energy efficiency {efficiency_vs_benchmark} the industry benchmark",
            CheckKind.EFFICIENCY,
        ),
        CheckSpec(
            "water_efficiency",
            "高用水行业：水效水平{efficiency_vs_benchmark}行业基准值",
            "High-water-use industries: water efficiency {efficiency_vs_benchmark} the industry benchmark",
            CheckKind.EFFICIENCY,
        ),
    ),
    readings=("qualitative.declaration", "window.figures", "trend.strict_each_year", "efficiency.strictly_better"),
)
def art6_6_green_development(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（六）项 (rule 6.6)

    （六）集群能源消费结构合理，二氧化碳排放量强度持续下降，资源利用效率较高，污染物排放治理有效，建立了绿色低碳服务机制；
    属于高耗能行业的集群，能效水平高于行业基准值（参照《高耗能行业重点领域能效标杆水平和基准水平（2021年版）》）；
    属于高用水行业的集群，水效水平高于行业基准值（参照《水利部关于印发钢铁等十八项工业用水定额的通知》
    《水利部 工业和信息化部关于印发造纸等七项工业用水定额的通知》《水利部 工业和信息化部关于印发水泥等八项工业用水
    定额的通知》等文件）。
    """
    p = ctx.parameters
    yield from _declared(app, ctx, 6)
    yield trend_over_window(
        app,
        ctx,
        "co2_intensity_trend",
        p.word("co2_intensity_trend"),
        "co2_intensity",
        "二氧化碳排放量强度",
        "CO₂ emission intensity",
    )
    industry = app.cluster.leading_industry
    yield _efficiency(
        ctx,
        "energy_efficiency",
        industry.high_energy_consuming,
        app.efficiency.energy,
        "cluster.leading_industry.high_energy_consuming",
        "efficiency.energy",
        ("能效水平", "energy efficiency"),
    )
    yield _efficiency(
        ctx,
        "water_efficiency",
        industry.high_water_use,
        app.efficiency.water,
        "cluster.leading_industry.high_water_use",
        "efficiency.water",
        ("水效水平", "water efficiency"),
    )


def _efficiency(
    ctx: EvaluationContext,
    check_id: str,
    applies: bool | None,
    figure: EfficiencyFigure | None,
    applies_path: str,
    figure_path: str,
    subject: tuple[str, str],
) -> Check:
    word = ctx.parameters.word("efficiency_vs_benchmark")
    label_zh = f"{subject[0]}{legal_word_phrase(word, 'zh')}行业基准值"
    label_en = f"{subject[1]} {legal_word_phrase(word, 'en')} the industry benchmark"
    readings = (word.reading,)
    if applies is None:
        return missing(check_id, label_zh, label_en, (applies_path,), readings=readings, kind=CheckKind.EFFICIENCY)
    if not applies:
        return new_check(
            id=check_id,
            label_zh=label_zh,
            label_en=label_en,
            status=Status.NOT_APPLICABLE,
            figures=(new_figure(applies_path, False),),
            readings=readings,
            note_zh="不属于该类行业，不适用",
            note_en="the industry is not of this kind",
            kind=CheckKind.EFFICIENCY,
        )
    if figure is None:
        return missing(check_id, label_zh, label_en, (figure_path,), readings=readings, kind=CheckKind.EFFICIENCY)
    met = word.comparison.holds(figure.unit_consumption, figure.benchmark)
    return new_check(
        id=check_id,
        label_zh=label_zh,
        label_en=label_en,
        status=Status.PASS if met else Status.FAIL,
        figures=(
            new_figure(f"{figure_path}.unit_consumption", figure.unit_consumption, None, figure.unit),
            new_figure(f"{figure_path}.benchmark", figure.benchmark, None, figure.unit),
        ),
        value=figure.unit_consumption,
        threshold=figure.benchmark,
        comparison=word.comparison.value,
        legal_word=word.word,
        unit=figure.unit,
        readings=readings,
        evidence=figure.source,
        kind=CheckKind.EFFICIENCY,
    )


@clause_rule(
    6,
    7,
    "开放合作",
    "International cooperation",
    checks=(qualitative_items_of("6.7"),),
    readings=("qualitative.declaration", "alternatives.international"),
)
def art6_7_international_cooperation(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（七）项 (rule 6.7)

    （七）集群内机构或法人在主导产业领域参与国际合作机制或交流活动，开展技术、管理、人才或资本等方面交流合作，
    或通过设置海外分支机构等方式，推动产品和服务对外贸易快速发展。
    """
    group = ctx.parameters.text("international_alternatives_group")
    yield from _declared(app, ctx, 7, {group: group}, {group: "alternatives.international"})


@clause_rule(
    6,
    8,
    "运营管理与服务",
    "Management, services and planning",
    checks=(qualitative_items_of("6.8"),),
    readings=("qualitative.declaration", "management_body.declared"),
)
def art6_8_governance_and_services(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（八）项 (rule 6.8)

    （八）集群设立了（园区）管委会等运营管理机构，建立了完善的中小企业公共服务体系和专业化的集群发展促进机制；
    促进中小企业发展政策宣贯实现集群全覆盖，确保惠企政策受益主体不漏户、不漏人地清晰了解和应享尽享；集群有明确的
    三年发展规划，发展目标清晰、可考核，工作措施完整、针对性强、切实可行。
    """
    body = app.cluster.management_body
    # The body's name supports the answer; it does not show on its own that the body exists.
    named = (new_figure("cluster.management_body", body),) if body is not None else ()
    for item in ctx.parameters.items_for(6, 8):
        if item.id == _MANAGEMENT_BODY_ITEM:
            yield answered(item, app.qualitative, also_read="management_body.declared", supporting=named)
        else:
            yield answered(item, app.qualitative)


_MANAGEMENT_BODY_ITEM = "6.8.management_body"
