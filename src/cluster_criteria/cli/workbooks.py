"""The command line's use of Excel workbooks (the excel extra): the blank 申报表, reading one, the 汇总表."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .common import EXIT_OK, EXIT_USAGE
from .output_paths import OutputError

if TYPE_CHECKING:
    from ..errors import ApplicationError
    from ..excel.batch import WorkbookLines
    from ..excel.summary import SummaryWorkbook
    from ..models import Application

__all__ = ["batch_workbooks", "excel_missing", "load_workbook", "save_summary_workbook", "write_template"]

EXCEL_EXTRA = "pip install 'cluster-criteria[excel]'"


def excel_missing(exc: ImportError) -> str:
    return f"Excel workbooks need the excel extra: {EXCEL_EXTRA} ({exc.name} is missing)"


def write_template(assessment_year: int, output: str | None) -> int:
    """Write the blank workbook to ``output``; to standard output only when that is not a terminal."""
    try:
        from ..excel import template_workbook
    except ImportError as exc:
        print(excel_missing(exc), file=sys.stderr)
        return EXIT_USAGE
    data = template_workbook(assessment_year)
    if not output:
        if sys.stdout.isatty():
            print("template --format xlsx: give --output PATH (a workbook is not for a terminal)", file=sys.stderr)
            return EXIT_USAGE
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        Path(output).write_bytes(data)
    except OSError as exc:
        print(OutputError("cannot_write", path=output, reason=exc.strerror or exc).message("zh"), file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def load_workbook(raw: bytes) -> tuple[Application, Callable[[ApplicationError], ApplicationError]]:
    """The application in a workbook, and how to name cells in an error found later (when evaluating)."""
    from ..errors import ApplicationError

    try:
        from ..excel import load_workbook_application
    except ImportError as exc:
        raise ApplicationError.single("", excel_missing(exc), excel_missing(exc), "cc_excel_missing") from None
    loaded = load_workbook_application(raw)
    return loaded.application, loaded.locate


def batch_workbooks(
    source: str, summary_path: str | None, lang: str
) -> tuple[WorkbookLines | None, SummaryWorkbook | None]:
    """For ``evaluate-many``: the workbooks to read (an .xlsx file or a folder), and the 汇总表 to fill, if asked.

    Raises ImportError when either needs openpyxl and it is not installed; a JSON Lines batch never imports it.
    """
    workbooks = sheet = None
    if source != "-" and (source.lower().endswith(".xlsx") or Path(source).is_dir()):
        from ..excel.batch import WorkbookLines

        workbooks = WorkbookLines.of(source)
    if summary_path:
        from ..excel.summary import SummaryWorkbook

        sheet = SummaryWorkbook(lang)
    return workbooks, sheet


def save_summary_workbook(sheet: SummaryWorkbook, path: str, lang: str) -> None:
    """Save the 汇总表 (also after an interrupted run: it then holds the lines finished)."""
    try:
        sheet.save(path)
    except OSError as exc:
        print(OutputError("cannot_write", path=path, reason=exc.strerror or exc).message(lang), file=sys.stderr)
