"""Where everything sits in the 申报表 workbook: sheets, rows, columns and what each cell may hold.

The template writer and the reader both work from these tables, so a workbook written by one is read by the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pydantic import BaseModel

from ..models import (
    Application,
    Cluster,
    Designation,
    EfficiencyFigure,
    Enterprise,
    Incident,
    LeadingIndustry,
    Location,
    QualitativeAnswer,
    Violation,
    YearMetrics,
)
from ..money import MoneyUnit
from ..vocabulary import Answer, CatalogueStatus, DesignationKind, IncidentKind, Severity, ViolationKind

__all__ = [
    "CLUSTER_ROWS",
    "DESIGNATION_COLUMNS",
    "ENTERPRISE_COLUMNS",
    "FIRST_DATA_ROW",
    "INCIDENT_COLUMNS",
    "METRIC_ROWS",
    "NOT_SUPPLIED",
    "SHEETS",
    "SUPPLIED",
    "VIOLATION_COLUMNS",
    "Field",
    "Kind",
]


class Kind(str, Enum):
    """What a cell holds, which fixes its data validation and how the reader turns it into input."""

    TEXT = "text"
    AMOUNT = "amount"  # money, in the workbook's money unit
    NUMBER = "number"  # non-negative decimal
    COUNT = "count"  # non-negative whole number
    RATE = "rate"  # fraction 0–1, shown as a percentage
    DATE = "date"
    YES_NO = "yes_no"
    CHOICE = "choice"  # one member of ``choices``


@dataclass(frozen=True)
class Field:
    """One input field in the workbook: its key (a path below the row's object), label and kind."""

    key: str
    label: str
    kind: Kind
    model: type[BaseModel]
    choices: type[Enum] | None = None
    width: int = 16

    @property
    def name(self) -> str:
        return self.key.rsplit(".", 1)[-1]

    @property
    def help(self) -> str:
        """The field's own description from the input model, so the workbook's help cannot drift from the loader."""
        return self.model.model_fields[self.name].description or ""


class Sheet(str, Enum):
    README = "说明"
    CLUSTER = "集群"
    METRICS = "年度数据"
    ENTERPRISES = "企业"
    DESIGNATIONS = "企业称号"
    INCIDENTS = "事故"
    VIOLATIONS = "违法违规"
    QUALITATIVE = "定性项"


SHEETS = Sheet

YES, NO = "是", "否"
SUPPLIED, NOT_SUPPLIED = "已填报", "未填报"
# List sheets: row 1 says whether the list is supplied, row 2 has the headers, row 3 the field keys; data below.
FIRST_DATA_ROW = 4
STATUS_CELL = "B1"
# The 集群 sheet: label in A, value in B, field key in C (the reader goes by the key, not the row number).
CLUSTER_ROWS: tuple[Field, ...] = (
    Field("money_unit", "金额单位", Kind.CHOICE, Application, MoneyUnit),
    Field("cluster.name", "集群名称", Kind.TEXT, Cluster, width=40),
    Field("cluster.leading_industry.name", "主导产业名称", Kind.TEXT, LeadingIndustry),
    Field("cluster.leading_industry.gbt4754_code", "国民经济行业分类代码", Kind.TEXT, LeadingIndustry),
    Field(
        "cluster.leading_industry.catalogue_status",
        "产业结构调整指导目录类别",
        Kind.CHOICE,
        LeadingIndustry,
        CatalogueStatus,
    ),
    Field("cluster.leading_industry.high_energy_consuming", "属于高耗能行业", Kind.YES_NO, LeadingIndustry),
    Field("cluster.leading_industry.high_water_use", "属于高用水行业", Kind.YES_NO, LeadingIndustry),
    Field("cluster.location.prefecture", "所在市（州）", Kind.TEXT, Location),
    Field("cluster.location.county", "所在县（市、区）", Kind.TEXT, Location),
    Field("cluster.location.county_code", "县级区划代码（6位）", Kind.TEXT, Location),
    Field("cluster.area_km2", "占地面积（平方公里）", Kind.NUMBER, Cluster),
    Field("cluster.management_body", "运营管理机构", Kind.TEXT, Cluster),
    Field("efficiency.energy.unit_consumption", "能效：单位能耗", Kind.NUMBER, EfficiencyFigure),
    Field("efficiency.energy.benchmark", "能效：行业基准值", Kind.NUMBER, EfficiencyFigure),
    Field("efficiency.energy.unit", "能效：计量单位", Kind.TEXT, EfficiencyFigure),
    Field("efficiency.energy.source", "能效：基准值依据", Kind.TEXT, EfficiencyFigure),
    Field("efficiency.water.unit_consumption", "水效：单位水耗", Kind.NUMBER, EfficiencyFigure),
    Field("efficiency.water.benchmark", "水效：行业基准值", Kind.NUMBER, EfficiencyFigure),
    Field("efficiency.water.unit", "水效：计量单位", Kind.TEXT, EfficiencyFigure),
    Field("efficiency.water.source", "水效：基准值依据", Kind.TEXT, EfficiencyFigure),
)
# 年度数据: one row per figure (label in A, key in B), one column per year from C on, the year in row 1.
METRIC_ROWS: tuple[Field, ...] = (
    Field("total_output", "集群总产值", Kind.AMOUNT, YearMetrics),
    Field("sme_output", "中小企业产值", Kind.AMOUNT, YearMetrics),
    Field("leading_industry_output", "主导产业产值", Kind.AMOUNT, YearMetrics),
    Field("sme_rd_expenditure", "中小企业研发经费", Kind.AMOUNT, YearMetrics),
    Field("valid_invention_patents", "有效发明专利数（件）", Kind.COUNT, YearMetrics),
    Field("employees", "集群从业人员（人）", Kind.COUNT, YearMetrics),
    Field("platform_penetration", "工业互联网平台应用普及率", Kind.RATE, YearMetrics),
    Field("platform_using_enterprises", "应用工业互联网平台的企业数", Kind.COUNT, YearMetrics),
    Field("enterprises_total", "集群企业总数", Kind.COUNT, YearMetrics),
    Field("industrial_software_rate", "工业软件应用率", Kind.RATE, YearMetrics),
    Field("co2_intensity", "二氧化碳排放强度", Kind.NUMBER, YearMetrics),
)
METRIC_FIRST_COLUMN = 3
ENTERPRISE_COLUMNS: tuple[Field, ...] = (
    Field("name", "企业名称", Kind.TEXT, Enterprise, width=32),
    Field("credit_code", "统一社会信用代码", Kind.TEXT, Enterprise, width=22),
    Field("in_leading_industry", "属于主导产业", Kind.YES_NO, Enterprise),
    Field("is_sme", "中小企业", Kind.YES_NO, Enterprise),
    Field("employees", "从业人员（人）", Kind.COUNT, Enterprise),
    Field("revenue", "营业收入", Kind.AMOUNT, Enterprise),
)
# Titles name their enterprise by credit code; the reader attaches them to that enterprise.
DESIGNATION_COLUMNS: tuple[Field, ...] = (
    Field("credit_code", "企业统一社会信用代码", Kind.TEXT, Enterprise, width=22),
    Field("kind", "称号", Kind.CHOICE, Designation, DesignationKind, width=28),
    Field("valid_from", "有效期起", Kind.DATE, Designation),
    Field("valid_to", "有效期止", Kind.DATE, Designation),
    Field("certificate", "证书或名单文号", Kind.TEXT, Designation, width=28),
)
INCIDENT_COLUMNS: tuple[Field, ...] = (
    Field("kind", "类别", Kind.CHOICE, Incident, IncidentKind),
    Field("date", "发生日期", Kind.DATE, Incident),
    Field("severity", "等级", Kind.CHOICE, Incident, Severity),
    Field("deaths", "死亡人数", Kind.COUNT, Incident),
    Field("serious_injuries", "重伤人数", Kind.COUNT, Incident),
    Field("direct_loss", "直接经济损失", Kind.AMOUNT, Incident),
    Field("enterprise_credit_code", "涉及企业统一社会信用代码", Kind.TEXT, Incident, width=22),
    Field("description", "情况说明", Kind.TEXT, Incident, width=40),
)
VIOLATION_COLUMNS: tuple[Field, ...] = (
    Field("kind", "类别", Kind.CHOICE, Violation, ViolationKind, width=24),
    Field("date", "认定日期", Kind.DATE, Violation),
    Field("enterprise_credit_code", "涉及企业统一社会信用代码", Kind.TEXT, Violation, width=22),
    Field("description", "认定情况及文号", Kind.TEXT, Violation, width=40),
)
# 定性项: one row per item; the answer in D and the evidence in E are filled in, the rest is the law's text.
QUALITATIVE_HEADERS = ("编号", "条款", "要求", "作答", "依据材料", "条文")
QUALITATIVE_ANSWER = Field("answer", "作答", Kind.CHOICE, QualitativeAnswer, Answer)
QUALITATIVE_EVIDENCE = Field("evidence", "依据材料", Kind.TEXT, QualitativeAnswer)
# How many rows of each list sheet the template opens for input (validation and unlocked cells).
LIST_ROWS = 500
