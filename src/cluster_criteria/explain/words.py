"""The words explanations use: statuses, outcomes, input field names and comparisons, in Chinese and English."""

from __future__ import annotations

import re

from ..verdicts import Outcome, Status
from .locale import Lang

__all__ = ["field_name", "outcome_word", "status_word"]

_STATUS = {
    Status.PASS: ("符合", "met"),
    Status.FAIL: ("不符合", "not met"),
    Status.NEEDS_REVIEW: ("需人工复核", "needs review"),
    Status.INSUFFICIENT_DATA: ("材料不全", "insufficient data"),
    Status.NOT_APPLICABLE: ("不适用", "not applicable"),
}

_OUTCOME = {
    Outcome.ELIGIBLE: ("符合基本条件", "eligible"),
    Outcome.INELIGIBLE: ("不符合基本条件", "ineligible"),
    Outcome.UNDECIDED: ("尚无定论", "undecided"),
}

# Names of the input fields, as the measures and statistical forms call them.
_FIELDS = {
    "total_output": ("集群总产值", "total output"),
    "sme_output": ("中小企业产值", "SME output"),
    "leading_industry_output": ("主导产业产值", "leading-industry output"),
    "sme_rd_expenditure": ("中小企业研发经费", "SME R&D expenditure"),
    "valid_invention_patents": ("有效发明专利", "valid invention patents"),
    "employees": ("从业人员", "employees"),
    "platform_penetration": ("工业互联网平台应用普及率", "industrial internet platform penetration"),
    "platform_using_enterprises": ("应用工业互联网平台的企业数", "enterprises using an industrial internet platform"),
    "enterprises_total": ("集群企业总数", "enterprises in the cluster"),
    "industrial_software_rate": ("工业软件应用率", "industrial software application rate"),
    "co2_intensity": ("二氧化碳排放强度", "CO₂ emission intensity"),
    "area_km2": ("占地面积", "area"),
    "unit_consumption": ("单位产品消耗", "unit consumption"),
    "benchmark": ("行业基准值", "industry benchmark"),
    "management_body": ("运营管理机构名称", "name of the operating management body"),
    "high_energy_consuming": ("是否属于高耗能行业", "whether the industry is high-energy-consuming"),
    "high_water_use": ("是否属于高用水行业", "whether the industry is high-water-use"),
    "catalogue_status": ("主导产业在《产业结构调整指导目录》中的类别", "the leading industry's class in the catalogue"),
    "enterprises": ("集群企业名单", "list of the cluster's enterprises"),
    "incidents": ("事故和事件记录（无则填空列表）", "incident record (an empty list if none)"),
    "violations": ("违法违规记录（无则填空列表）", "violation record (an empty list if none)"),
    "energy": ("能效数据（单位产品能耗及基准值）", "energy efficiency figures (unit consumption and benchmark)"),
    "water": ("水效数据（单位产品取水量及基准值）", "water efficiency figures (unit consumption and benchmark)"),
    "in_leading_industry": ("是否属于主导产业", "whether it belongs to the leading industry"),
    "severity": ("事故等级", "grade"),
    "deaths": ("死亡人数", "deaths"),
    "serious_injuries": ("重伤人数", "serious injuries"),
    "direct_loss": ("直接经济损失", "direct economic loss"),
}

_YEAR_PATH = re.compile(r"^metrics\[year=(\d{4})\]\.(\w+)$")
_ITEM_PATH = re.compile(r"^(enterprises|incidents|violations)\[(\d+)\]\.(\w+)$")
_RECORD_WORDS = {
    "enterprises": ("第{n}家企业", "enterprise no. {n}"),
    "incidents": ("第{n}条事故记录", "incident no. {n}"),
    "violations": ("第{n}条违法违规记录", "violation no. {n}"),
}


# An exclusion clause (Art. 7) names the situation; 符合 beside its title would read backwards.
_EXCLUSION_STATUS = {
    Status.PASS: ("不存在该情形", "situation not present"),
    Status.FAIL: ("存在该情形", "situation present"),
}


def status_word(status: Status, lang: Lang, *, exclusion: bool = False) -> str:
    """The word for a status; for an exclusion clause, whether the situation it names is present."""
    zh, en = (_EXCLUSION_STATUS.get(status) if exclusion else None) or _STATUS[status]
    return zh if lang == "zh" else en


def outcome_word(outcome: Outcome, lang: Lang) -> str:
    zh, en = _OUTCOME[outcome]
    return zh if lang == "zh" else en


def field_name(path: str, lang: Lang, *, with_year: bool = True) -> str:
    """``metrics[year=2024].total_output`` → 2024年集群总产值 / total output in 2024; unknown paths stay as they are."""
    match = _YEAR_PATH.match(path)
    if match is not None:
        year, name = match.groups()
        zh, en = _FIELDS.get(name, (name, name))
        if not with_year:
            return zh if lang == "zh" else en
        return f"{year}年{zh}" if lang == "zh" else f"{en} in {year}"
    item = _ITEM_PATH.match(path)
    if item is not None:
        collection, index, name = item.groups()
        zh_record, en_record = _RECORD_WORDS[collection]
        zh, en = _FIELDS.get(name, (name, name))
        n = int(index) + 1
        return zh_record.format(n=n) + zh if lang == "zh" else f"{en_record.format(n=n)}: {en}"
    if path.startswith("qualitative."):
        item_id = path.removeprefix("qualitative.").removesuffix(".answer")
        return f"定性项{item_id}的作答" if lang == "zh" else f"the answer to qualitative item {item_id}"
    name = path.rsplit(".", 1)[-1]
    if name in _FIELDS:
        zh, en = _FIELDS[name]
        return zh if lang == "zh" else en
    return path
