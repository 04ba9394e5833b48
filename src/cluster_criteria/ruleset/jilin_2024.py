"""The Jilin 2024 rule set: every threshold, legal word and window of Art. 6 and Art. 7, each with its source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..vocabulary import CatalogueStatus, DesignationKind, IncidentKind, Severity, ViolationKind
from .jilin_2024_text import TEXT
from .parameters import (
    Comparison,
    LegalWord,
    Parameters,
    QualitativeItem,
    RuleSet,
    SeverityBand,
    Source,
    Threshold,
)
from .readings import READINGS

__all__ = ["JILIN_2024"]

_MEASURES = "吉林省促进中小企业特色产业集群发展暂行办法（2024）"

YISHANG = LegalWord("以上", Comparison.AT_LEAST, "boundary.inclusive")
BUDIYU = LegalWord("不低于", Comparison.AT_LEAST, "boundary.inclusive")
BUSHAOYU = LegalWord("不少于", Comparison.AT_LEAST, "boundary.inclusive")
BUCHAOGUO = LegalWord("不超过", Comparison.AT_MOST, "boundary.inclusive")
GAOYU = LegalWord("高于", Comparison.ABOVE, "boundary.strict")
STEADILY_RISING = LegalWord("稳步提升", Comparison.ABOVE, "trend.strict_each_year")
CONTINUOUSLY_FALLING = LegalWord("持续下降", Comparison.BELOW, "trend.strict_each_year")
# 能效（水效）高于基准值: consumption per unit must be strictly below the benchmark consumption.
BETTER_THAN_BENCHMARK = LegalWord("高于", Comparison.BELOW, "efficiency.strictly_better")


def _art(article: int, clause: int, quote: str) -> Source:
    return Source(_MEASURES, f"第{_CN[article]}条第（{_CN[clause]}）项", quote)


_CN = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八"}

_QUALITATIVE = (
    QualitativeItem(
        "6.1.policy_conformity",
        6,
        1,
        "主导产业符合国家产业政策和《吉林省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》要求",
        "The leading industry conforms to national industrial policy and Jilin's 14th Five-Year Plan",
    ),
    QualitativeItem(
        "6.1.pillar_industry",
        6,
        1,
        "为所在县域的支柱或特色产业",
        "It is a pillar or characteristic industry of its county",
    ),
    QualitativeItem(
        "6.1.local_contribution",
        6,
        1,
        "对当地经济、就业等具有较大贡献",
        "It contributes substantially to the local economy and employment",
    ),
    QualitativeItem(
        "6.1.leading_position",
        6,
        1,
        "发展水平居于细分领域全省乃至全国前列",
        "Its development ranks among the leaders of its niche in the province and even nationwide",
    ),
    QualitativeItem("6.3.chain_layout", 6, 3, "集群产业链布局合理", "The cluster's industrial chain is well laid out"),
    QualitativeItem(
        "6.3.chain_collaboration",
        6,
        3,
        "产业链上下游企业产供销一体化协同协作机制较完善",
        "Up- and downstream enterprises have sound integrated production-supply-sales collaboration",
    ),
    QualitativeItem(
        "6.3.sharing.equipment",
        6,
        3,
        "建立了通用生产设备共享机制",
        "A sharing mechanism for general production equipment is set up",
        group="sharing",
    ),
    QualitativeItem(
        "6.3.sharing.logistics", 6, 3, "建立了物流共享机制", "A logistics sharing mechanism is set up", group="sharing"
    ),
    QualitativeItem(
        "6.3.sharing.warehousing",
        6,
        3,
        "建立了仓储共享机制",
        "A warehousing sharing mechanism is set up",
        group="sharing",
    ),
    QualitativeItem(
        "6.3.sharing.human_resources",
        6,
        3,
        "建立了人力共享机制",
        "A human-resources sharing mechanism is set up",
        group="sharing",
    ),
    QualitativeItem(
        "6.3.sharing.design", 6, 3, "建立了设计共享机制", "A design sharing mechanism is set up", group="sharing"
    ),
    QualitativeItem(
        "6.3.key_link_support",
        6,
        3,
        "产业链关键环节配套能力较强",
        "Supporting capacity at the chain's key links is strong",
    ),
    QualitativeItem(
        "6.4.innovation_platforms", 6, 4, "统筹建立了多元创新平台", "Diverse innovation platforms are set up"
    ),
    QualitativeItem(
        "6.4.innovation_cooperation",
        6,
        4,
        "与大型企业、高校和科研院所创新合作紧密",
        "Close innovation cooperation with large enterprises, universities and research institutes",
    ),
    QualitativeItem(
        "6.4.collaborative_mechanisms",
        6,
        4,
        "大中小企业融通创新和产学研协同创新机制完善",
        "Sound mechanisms for large-and-small-enterprise and industry-university-research innovation",
    ),
    QualitativeItem(
        "6.4.standards_work",
        6,
        4,
        "积极参加主导产业的标准制修订工作",
        "Active participation in setting the leading industry's standards",
    ),
    QualitativeItem(
        "6.4.key_technologies",
        6,
        4,
        "突破了一批主导产业的关键核心技术",
        "Breakthroughs in a number of key core technologies of the leading industry",
    ),
    QualitativeItem(
        "6.5.transformation_work",
        6,
        5,
        "有序开展了中小企业智能化改造数字化转型相关工作",
        "SME intelligent upgrading and digital transformation carried out in an orderly manner",
    ),
    QualitativeItem(
        "6.5.cloud_platform_results", 6, 5, "“用云上平台”成效显著", "Marked results from moving onto cloud platforms"
    ),
    QualitativeItem(
        "6.5.data_connectivity",
        6,
        5,
        "实现集群企业重要生产数据联通",
        "Important production data of the cluster's enterprises are connected",
    ),
    QualitativeItem(
        "6.5.new_models",
        6,
        5,
        "开展主导产业数字化新模式新业态探索",
        "New digital models and formats of the leading industry explored",
    ),
    QualitativeItem(
        "6.5.security_system",
        6,
        5,
        "建立健全工业互联网安全和数据安全保障体系",
        "Industrial-internet and data security safeguards are in place",
    ),
    QualitativeItem(
        "6.6.energy_structure", 6, 6, "集群能源消费结构合理", "The cluster's energy consumption structure is sound"
    ),
    QualitativeItem("6.6.resource_efficiency", 6, 6, "资源利用效率较高", "Resources are used efficiently"),
    QualitativeItem(
        "6.6.pollution_control", 6, 6, "污染物排放治理有效", "Pollutant emissions are controlled effectively"
    ),
    QualitativeItem(
        "6.6.green_services", 6, 6, "建立了绿色低碳服务机制", "A green and low-carbon service mechanism is set up"
    ),
    QualitativeItem(
        "6.7.international_exchange",
        6,
        7,
        "集群内机构或法人在主导产业领域参与国际合作机制或交流活动，开展技术、管理、人才或资本等方面交流合作",
        "Institutions or legal persons of the cluster take part in international cooperation or exchange "
        "in the leading industry",
        group="international",
    ),
    QualitativeItem(
        "6.7.overseas_branches",
        6,
        7,
        "通过设置海外分支机构等方式",
        "Overseas branches or similar arrangements are set up",
        group="international",
    ),
    QualitativeItem(
        "6.7.foreign_trade", 6, 7, "推动产品和服务对外贸易快速发展", "Foreign trade in products and services grows fast"
    ),
    QualitativeItem(
        "6.8.management_body",
        6,
        8,
        "集群设立了（园区）管委会等运营管理机构",
        "An operating management body such as a (park) management committee is set up",
    ),
    QualitativeItem(
        "6.8.public_service_system",
        6,
        8,
        "建立了完善的中小企业公共服务体系",
        "A complete public service system for SMEs is set up",
    ),
    QualitativeItem(
        "6.8.promotion_mechanism",
        6,
        8,
        "建立了专业化的集群发展促进机制",
        "A specialised mechanism promoting the cluster's development is set up",
    ),
    QualitativeItem(
        "6.8.policy_coverage",
        6,
        8,
        "促进中小企业发展政策宣贯实现集群全覆盖，确保惠企政策受益主体不漏户、不漏人地清晰了解和应享尽享",
        "SME policies are publicised to the whole cluster and every eligible beneficiary enjoys them",
    ),
    QualitativeItem(
        "6.8.three_year_plan",
        6,
        8,
        "集群有明确的三年发展规划，发展目标清晰、可考核，工作措施完整、针对性强、切实可行",
        "A clear three-year development plan with assessable goals and complete, practicable measures",
    ),
)

_PARAMETERS = Parameters(
    figure_window_years=3,
    event_window_years=3,
    area_max_km2=Threshold(
        "area_max_km2",
        Decimal(100),
        BUCHAOGUO,
        "平方公里",
        _art(6, 1, "占地面积一般不超过100平方公里"),
        "占地面积",
        "area",
        soft=True,
    ),
    total_output_min=Threshold(
        "total_output_min",
        Decimal(2_000_000_000),
        YISHANG,
        "元",
        _art(6, 1, "集群总产值每年均在 20亿元以上"),
        "集群总产值",
        "total output of the cluster",
    ),
    sme_output_share_min=Threshold(
        "sme_output_share_min",
        Decimal("0.60"),
        BUDIYU,
        "%",
        _art(6, 1, "中小企业产值占集群总产值每年比例均不低于60%"),
        "中小企业产值占集群总产值比例",
        "SME share of total output",
    ),
    leading_output_growth_min=Threshold(
        "leading_output_growth_min",
        Decimal("0.05"),
        BUDIYU,
        "%",
        _art(6, 1, "集群主导产业产值近三年年均增速不低于5%"),
        "主导产业产值年均增速",
        "average annual growth of leading-industry output",
    ),
    leading_output_share_min=Threshold(
        "leading_output_share_min",
        Decimal("0.70"),
        BUDIYU,
        "%",
        _art(6, 1, "集群主导产业近三年产值占集群总产值比例均不低于70%"),
        "主导产业产值占集群总产值比例",
        "leading-industry share of total output",
    ),
    top_designations_min=Threshold(
        "top_designations_min",
        Decimal(1),
        BUSHAOYU,
        "家",
        _art(6, 2, "制造业单项冠军、专精特新“小巨人”企业合计不少于1家"),
        "制造业单项冠军、专精特新“小巨人”企业",
        "single champions and little giants",
    ),
    provincial_designations_min=Threshold(
        "provincial_designations_min",
        Decimal(5),
        BUSHAOYU,
        "家",
        _art(6, 2, "省级“专精特新”中小企业、高新技术企业合计不少于5家"),
        "省级“专精特新”中小企业、高新技术企业",
        "provincial SRDI SMEs and high-tech enterprises",
    ),
    top_designation_kinds=(DesignationKind.SINGLE_CHAMPION, DesignationKind.LITTLE_GIANT),
    provincial_designation_kinds=(DesignationKind.PROVINCIAL_SRDI_SME, DesignationKind.HIGH_TECH_ENTERPRISE),
    designation_default_validity_years=3,
    rd_growth_min=Threshold(
        "rd_growth_min",
        Decimal("0.05"),
        GAOYU,
        "%",
        _art(6, 4, "近三年中小企业研发经费年均增长高于5%"),
        "中小企业研发经费年均增长",
        "average annual growth of SME R&D expenditure",
    ),
    patent_growth_min=Threshold(
        "patent_growth_min",
        Decimal("0.05"),
        BUDIYU,
        "%",
        _art(6, 4, "有效发明专利年均增长率不低于5%"),
        "有效发明专利年均增长率",
        "average annual growth of valid invention patents",
    ),
    patents_per_10k_min=Threshold(
        "patents_per_10k_min",
        Decimal(5),
        BUDIYU,
        "个",
        _art(6, 4, "每万人有效发明专利拥有量不低于5个"),
        "每万人有效发明专利拥有量",
        "valid invention patents per 10,000 people",
    ),
    patents_per_employees=Decimal(10_000),
    platform_penetration_min=Threshold(
        "platform_penetration_min",
        Decimal("0.08"),
        BUDIYU,
        "%",
        _art(6, 5, "工业互联网平台应用普及率不低于8%"),
        "工业互联网平台应用普及率",
        "industrial internet platform penetration",
    ),
    software_rate_trend=STEADILY_RISING,
    co2_intensity_trend=CONTINUOUSLY_FALLING,
    efficiency_vs_benchmark=BETTER_THAN_BENCHMARK,
    excluded_catalogue_statuses=(CatalogueStatus.PROHIBITED, CatalogueStatus.RESTRICTED, CatalogueStatus.ELIMINATED),
    accident_kinds=(IncidentKind.SAFETY, IncidentKind.QUALITY, IncidentKind.ENVIRONMENTAL),
    accident_severity_floor=Severity.MAJOR,
    security_event_kinds=(IncidentKind.NETWORK_SECURITY, IncidentKind.DATA_SECURITY),
    security_event_severity_floor=Severity.MAJOR,
    violation_kinds=(ViolationKind.TAX_EVASION, ViolationKind.SERIOUS_DISHONESTY, ViolationKind.OTHER_MAJOR_VIOLATION),
    production_safety_bands=(
        SeverityBand(Severity.ESPECIALLY_MAJOR, 30, 100, Decimal(100_000_000)),
        SeverityBand(Severity.MAJOR, 10, 50, Decimal(50_000_000)),
        SeverityBand(Severity.LARGER, 3, 10, Decimal(10_000_000)),
    ),
    production_safety_source=Source("生产安全事故报告和调查处理条例（国务院令第493号）", "第三条"),
    sme_employees_below=1000,
    sme_revenue_below_yuan=Decimal(400_000_000),
    sme_source=Source("中小企业划型标准规定（工信部联企业〔2011〕300号）", "第四条（二）工业"),
    qualitative_items=_QUALITATIVE,
    sharing_group="sharing",
    international_alternatives_group="international",
)

JILIN_2024 = RuleSet(
    id="jilin-2024",
    name_zh=_MEASURES.removesuffix("（2024）"),
    name_en="Jilin Province Interim Measures for Promoting SME Characteristic Industrial Clusters",
    version="2024.1",
    issuer_zh="吉林省工业和信息化厅",
    issuer_en="Department of Industry and Information Technology of Jilin Province",
    published=dt.date(2024, 3, 15),
    effective_date=dt.date(2024, 3, 15),
    effective_source=Source(_MEASURES, "第十六条", "本办法自发布之日起实施。"),
    text=TEXT,
    parameters=_PARAMETERS,
    readings=READINGS,
)
