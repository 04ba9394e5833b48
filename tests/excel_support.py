"""Filling the blank workbook the way a county official would: cell by cell, with openpyxl, from JSON data."""

from __future__ import annotations

import datetime as dt
import functools
import io
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from cluster_criteria.excel import template_workbook
from cluster_criteria.excel.choices import labels
from cluster_criteria.excel.layout import (
    CLUSTER_ROWS,
    DESIGNATION_COLUMNS,
    ENTERPRISE_COLUMNS,
    FIRST_DATA_ROW,
    INCIDENT_COLUMNS,
    METRIC_ROWS,
    VIOLATION_COLUMNS,
    Field,
    Kind,
)
from cluster_criteria.vocabulary import Answer

__all__ = ["filled_workbook", "open_sheet"]


@functools.lru_cache(maxsize=2)
def _template(assessment_year: int) -> bytes:
    return template_workbook(assessment_year)


def _typed(field: Field, value: Any) -> Any:
    """What a person types: 是/否, the list's Chinese label, a real date, a number."""
    if value is None:
        return None
    if field.kind is Kind.YES_NO:
        return "是" if value else "否"
    if field.kind is Kind.CHOICE and field.choices is not None:
        members = list(field.choices)
        return labels(field.choices)[[m.value for m in members].index(value)]
    if field.kind is Kind.DATE and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _get(data: dict[str, Any], key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _rows(sheet: Worksheet, columns: tuple[Field, ...], records: list[dict[str, Any]]) -> None:
    for offset, record in enumerate(records):
        for column, field in enumerate(columns, start=1):
            sheet.cell(FIRST_DATA_ROW + offset, column, _typed(field, record.get(field.key)))


def filled_workbook(data: dict[str, Any], assessment_year: int) -> bytes:
    """The template for ``assessment_year`` with ``data`` (a parsed JSON application) typed into its cells."""
    book = load_workbook(io.BytesIO(_template(assessment_year)))
    cluster = book["集群"]
    for row in range(2, cluster.max_row + 1):
        key = cluster.cell(row, 3).value
        field = next((f for f in CLUSTER_ROWS if f.key == key), None)
        if field is not None:
            value = _get(data, key) if key != "money_unit" else data.get("money_unit", "元")
            cluster.cell(row, 2, _typed(field, value))
    metrics = book["年度数据"]
    for offset, record in enumerate(data.get("metrics", [])):
        metrics.cell(1, 3 + offset, record["year"])
        for row, field in enumerate(METRIC_ROWS, start=2):
            metrics.cell(row, 3 + offset, _typed(field, record.get(field.key)))
    for name, collection, columns in (
        ("企业", "enterprises", ENTERPRISE_COLUMNS),
        ("事故", "incidents", INCIDENT_COLUMNS),
        ("违法违规", "violations", VIOLATION_COLUMNS),
    ):
        records = data.get(collection)
        book[name]["B1"] = "未填报" if records is None else "已填报"
        _rows(book[name], columns, records or [])
    titles = [
        {"credit_code": e["credit_code"], **d} for e in data.get("enterprises") or [] for d in e.get("designations", [])
    ]
    _rows(book["企业称号"], DESIGNATION_COLUMNS, titles)
    qualitative = book["定性项"]
    for row in range(2, qualitative.max_row + 1):
        answer = data.get("qualitative", {}).get(qualitative.cell(row, 1).value)
        if answer is not None:
            if isinstance(answer, str):
                answer = {"answer": answer}
            qualitative.cell(row, 4, Answer(answer.get("answer", "not_answered")).zh)
            qualitative.cell(row, 5, answer.get("evidence"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def open_sheet(content: bytes, name: str) -> Worksheet:
    sheet: Worksheet = load_workbook(io.BytesIO(content))[name]
    return sheet


def as_decimal(value: Any) -> Decimal:
    return Decimal(str(value))
