"""Excel workbooks in and out (``pip install 'cluster-criteria[excel]'``): the 申报表 a county fills in, and the
汇总表 a reviewer sorts.

    >>> from cluster_criteria.excel import read_workbook, template_workbook
    >>> Path("申报表.xlsx").write_bytes(template_workbook(2025))
    >>> application = read_workbook("申报表.xlsx")   # ApplicationError names the sheet and cell, e.g. 企业!C7
"""

from __future__ import annotations

from .reader import LoadedWorkbook, load_workbook_application, locate, read_workbook, workbook_data
from .summary import SummaryWorkbook
from .template import template_workbook

__all__ = [
    "LoadedWorkbook",
    "SummaryWorkbook",
    "load_workbook_application",
    "locate",
    "read_workbook",
    "template_workbook",
    "workbook_data",
]
