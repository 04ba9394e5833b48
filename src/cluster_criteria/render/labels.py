"""Headings and fixed phrases of the rendered reports, in Chinese and English."""

from __future__ import annotations

from ..explain.locale import Lang

__all__ = ["label"]

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("特色产业集群认定条件评估报告", "Assessment against the recognition conditions"),
    "measures": ("依据", "Under"),
    "assessment_date": ("评估日期", "Assessment date"),
    "outcome": ("结论", "Outcome"),
    "decided_by": ("决定性条款", "Decided by"),
    "options": ("选用的口径", "Readings chosen"),
    "reform": ("假设性调整", "What-if reform"),
    "clause_text": ("条文", "Clause"),
    "readings": ("适用口径", "Readings applied"),
    "reason": ("理由", "Why"),
    "to_supply": ("需补充的材料", "Still to supply"),
    "to_review": ("需人工复核的事项", "For a reviewer's judgement"),
    "none": ("无", "none"),
    "field": ("字段", "field"),
    "clauses": ("逐条评估", "Clause by clause"),
    "summary": ("摘要", "Summary"),
    "clause": ("条款", "Clause"),
    "status": ("结果", "Result"),
    "partial": ("仅评估了部分条款", "Only some clauses were evaluated"),
    "generated": (
        "由 cluster-criteria {version} 生成；本报告为辅助审核材料，最终以主管部门认定为准。",
        "Produced by cluster-criteria {version}; an aid to review — the competent department decides.",
    ),
    "evidence": ("证明材料", "Evidence"),
    "check": ("检查项", "Check"),
}


def label(key: str, lang: Lang, **values: object) -> str:
    zh, en = _LABELS[key]
    return (zh if lang == "zh" else en).format(**values)
