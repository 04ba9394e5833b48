"""The blank 申报表 workbook: one sheet per part of the application, lists for the law's vocabulary, checks on dates
and numbers, each field's help as a cell comment, and locked headers (only the input cells can be edited)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..vocabulary import Answer
from .choices import labels
from .layout import (
    CLUSTER_ROWS,
    DESIGNATION_COLUMNS,
    ENTERPRISE_COLUMNS,
    FIRST_DATA_ROW,
    INCIDENT_COLUMNS,
    LIST_ROWS,
    METRIC_FIRST_COLUMN,
    METRIC_ROWS,
    NO,
    NOT_SUPPLIED,
    QUALITATIVE_ANSWER,
    QUALITATIVE_EVIDENCE,
    QUALITATIVE_HEADERS,
    STATUS_CELL,
    SUPPLIED,
    VIOLATION_COLUMNS,
    YES,
    Field,
    Kind,
    Sheet,
)

__all__ = ["template_workbook"]

_HEADER = Font(bold=True)
_KEY = Font(color="808080", size=8)
_INPUT = PatternFill("solid", fgColor="FFF9E5")
_OPEN = Protection(locked=False)

_README_ZH = (
    "填写说明",
    "1. 在浅黄色单元格中填写；其余单元格（表头、字段名、条文）已锁定。",
    "2. 金额的单位在“集群”表的“金额单位”中选择（元、万元、亿元），"
    "所有金额（产值、研发经费、营业收入、直接经济损失）都按该单位填写。",
    "3. 未知的数据请留空：视为材料不全，不会被当作 0 或符合。",
    "4. “企业”“事故”“违法违规”表第一行选择“已填报”或“未填报”：已填报且没有记录表示确实没有；未填报表示未提供该材料。",
    "5. 企业称号填在“企业称号”表，按统一社会信用代码对应到“企业”表中的企业。",
    "6. 定性项在“定性项”表逐项作答（符合、不符合、未作答），并写明依据材料。",
    "7. 将填好的文件用 cluster-criteria evaluate 申报表.xlsx --as-of 日期 评估，或在评估页面上传。",
)
_README_EN = (
    "How to fill in",
    "Fill in the pale yellow cells; headers, field keys and the law's text are locked. Amounts are in the money "
    "unit chosen on the 集群 sheet. Leave unknown figures empty (missing data, never zero). On the 企业, 事故 and "
    "违法违规 sheets choose 已填报 (supplied: no rows means none) or 未填报 (not supplied) in B1. Titles go on "
    "企业称号, matched to the enterprise by credit code. Answer each qualitative item on 定性项.",
)


def template_workbook(assessment_year: int) -> bytes:
    """The blank workbook for an assessment in ``assessment_year`` (the three years before it are asked for)."""
    book = Workbook()
    readme = book.active
    assert readme is not None
    readme.title = Sheet.README.value
    for row, text in enumerate((*_README_ZH, "", *_README_EN), start=1):
        readme.cell(row, 1, text).font = _HEADER if row in (1, len(_README_ZH) + 2) else Font()
    readme.column_dimensions["A"].width = 120
    _cluster_sheet(book.create_sheet(Sheet.CLUSTER.value))
    _metrics_sheet(
        book.create_sheet(Sheet.METRICS.value), [assessment_year - 3, assessment_year - 2, assessment_year - 1]
    )
    _list_sheet(book.create_sheet(Sheet.ENTERPRISES.value), ENTERPRISE_COLUMNS, supplied_cell=True)
    _list_sheet(book.create_sheet(Sheet.DESIGNATIONS.value), DESIGNATION_COLUMNS, supplied_cell=False)
    _list_sheet(book.create_sheet(Sheet.INCIDENTS.value), INCIDENT_COLUMNS, supplied_cell=True)
    _list_sheet(book.create_sheet(Sheet.VIOLATIONS.value), VIOLATION_COLUMNS, supplied_cell=True)
    _qualitative_sheet(book.create_sheet(Sheet.QUALITATIVE.value))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _validation(sheet: Worksheet, field: Field, cells: str) -> None:
    """The check Excel applies while typing: a list, a date, a non-negative number, a rate between 0 and 1."""
    kind = field.kind
    if kind is Kind.TEXT:
        return
    if kind is Kind.YES_NO:
        rule = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    elif kind is Kind.CHOICE:
        assert field.choices is not None
        rule = DataValidation(type="list", formula1='"' + ",".join(labels(field.choices)) + '"', allow_blank=True)
    elif kind is Kind.DATE:
        rule = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
    elif kind is Kind.COUNT:
        rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    elif kind is Kind.RATE:
        rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True)
    else:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    rule.error = f"{field.label}：{_expected(kind)}"
    rule.errorTitle = "输入有误"
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(cells)


def _expected(kind: Kind) -> str:
    return {
        Kind.YES_NO: "请选择 是 或 否",
        Kind.CHOICE: "请从列表中选择",
        Kind.DATE: "请填写日期",
        Kind.COUNT: "请填写非负整数",
        Kind.RATE: "请填写 0 到 1 之间的比率（如 8%）",
    }.get(kind, "请填写非负数")


def _format(sheet: Worksheet, field: Field, cells: str) -> None:
    selected = sheet[cells]
    rows = selected if isinstance(selected, tuple) else ((selected,),)
    for row in rows:
        for cell in row if isinstance(row, tuple) else (row,):
            cell.protection = _OPEN
            cell.fill = _INPUT
            if field.kind is Kind.DATE:
                cell.number_format = "yyyy-mm-dd"
            elif field.kind is Kind.RATE:
                cell.number_format = "0.00%"
            elif field.kind is Kind.TEXT:
                cell.number_format = "@"  # credit codes and division codes stay text, leading zeros and all


def _note(field: Field) -> Comment:
    comment = Comment(field.help or field.label, "cluster-criteria")
    comment.width, comment.height = 320, 110
    return comment


def _cluster_sheet(sheet: Worksheet) -> None:
    for column, header in enumerate(("项目", "填写", "字段"), start=1):
        sheet.cell(1, column, header).font = _HEADER
    for row, field in enumerate(CLUSTER_ROWS, start=2):
        label = sheet.cell(row, 1, field.label)
        label.comment = _note(field)
        sheet.cell(row, 3, field.key).font = _KEY
        _validation(sheet, field, f"B{row}")
        _format(sheet, field, f"B{row}")
    sheet["B2"] = "万元"
    for letter, width in (("A", 28), ("B", 40), ("C", 44)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"
    sheet.protection.sheet = True


def _metrics_sheet(sheet: Worksheet, years: Sequence[int]) -> None:
    sheet.cell(1, 1, "指标（金额按“集群”表的金额单位）").font = _HEADER
    sheet.cell(1, 2, "字段").font = _HEADER
    last = get_column_letter(METRIC_FIRST_COLUMN + len(years) - 1)
    first = get_column_letter(METRIC_FIRST_COLUMN)
    for offset, year in enumerate(years):
        cell = sheet.cell(1, METRIC_FIRST_COLUMN + offset, year)
        cell.font = _HEADER
        sheet.column_dimensions[get_column_letter(METRIC_FIRST_COLUMN + offset)].width = 16
    for row, field in enumerate(METRIC_ROWS, start=2):
        sheet.cell(row, 1, field.label).comment = _note(field)
        sheet.cell(row, 2, field.key).font = _KEY
        _validation(sheet, field, f"{first}{row}:{last}{row}")
        _format(sheet, field, f"{first}{row}:{last}{row}")
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 26
    sheet.freeze_panes = "C2"
    sheet.protection.sheet = True


def _list_sheet(sheet: Worksheet, columns: Sequence[Field], *, supplied_cell: bool) -> None:
    if supplied_cell:
        sheet["A1"] = "本表填报情况"
        sheet["A1"].font = _HEADER
        status = sheet[STATUS_CELL]
        status.value = NOT_SUPPLIED
        status.protection = _OPEN
        status.fill = _INPUT
        rule = DataValidation(type="list", formula1=f'"{SUPPLIED},{NOT_SUPPLIED}"', allow_blank=False)
        sheet.add_data_validation(rule)
        rule.add(STATUS_CELL)
        sheet["C1"] = "已填报且无记录：确实没有；未填报：未提供该材料（视为材料不全）"
    else:
        sheet["A1"] = "按统一社会信用代码对应“企业”表中的企业；一行一个称号"
    last_row = FIRST_DATA_ROW + LIST_ROWS - 1
    for column, field in enumerate(columns, start=1):
        letter = get_column_letter(column)
        header = sheet.cell(2, column, field.label)
        header.font = _HEADER
        header.comment = _note(field)
        sheet.cell(3, column, field.key).font = _KEY
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}"
        _validation(sheet, field, cells)
        _format(sheet, field, cells)
        sheet.column_dimensions[letter].width = field.width
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.protection.sheet = True


def _qualitative_sheet(sheet: Worksheet) -> None:
    from ..rules import select
    from ..ruleset.registry import latest_rule_set

    edition = latest_rule_set()

    for column, header in enumerate(QUALITATIVE_HEADERS, start=1):
        sheet.cell(1, column, header).font = _HEADER
    sheet["D1"].comment = _note(QUALITATIVE_ANSWER)
    sheet["E1"].comment = _note(QUALITATIVE_EVIDENCE)
    wrap = Alignment(wrap_text=True, vertical="top")
    items = edition.qualitative_items
    for row, item in enumerate(items, start=2):
        group = f"（任选其一组：{item.group}）" if item.group else ""
        sheet.cell(row, 1, item.id)
        sheet.cell(row, 2, select([f"{item.article}.{item.clause}"], edition)[0].citation_zh)
        sheet.cell(row, 3, f"{item.text_zh}{group}\n{item.text_en}").alignment = wrap
        sheet.cell(row, 4, Answer.NOT_ANSWERED.zh)
        sheet.cell(row, 6, edition.clause_text(item.article, item.clause)).alignment = wrap
    last = len(items) + 1
    _validation(sheet, QUALITATIVE_ANSWER, f"D2:D{last}")
    _format(sheet, QUALITATIVE_ANSWER, f"D2:D{last}")
    _format(sheet, QUALITATIVE_EVIDENCE, f"E2:E{last}")
    for letter, width in (("A", 30), ("B", 16), ("C", 50), ("D", 10), ("E", 30), ("F", 70)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "D2"
    sheet.protection.sheet = True
