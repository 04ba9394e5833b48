"""The 汇总表: one row per application of a batch — outcome, each clause's status in colour, and the figures a
reviewer compares (output, shares, growth) as numbers, so the sheet sorts for 择优推荐."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from ..explain.locale import Lang, lang_of
from ..explain.words import outcome_word, status_word
from ..i18n import has_message, localise, translate
from ..rules import select
from ..verdicts import Outcome, Status

__all__ = ["SummaryWorkbook"]

_FILL = {
    Status.PASS: "C6EFCE",
    Status.FAIL: "FFC7CE",
    Status.NEEDS_REVIEW: "FFEB9C",
    Status.INSUFFICIENT_DATA: "F8CBAD",
    Status.NOT_APPLICABLE: "D9D9D9",
}
_OUTCOME_FILL = {Outcome.ELIGIBLE: "C6EFCE", Outcome.INELIGIBLE: "FFC7CE", Outcome.UNDECIDED: "FFEB9C"}
_HUNDRED_MILLION = Decimal(100_000_000)


class SummaryWorkbook:
    """Collects a batch's output lines (full or brief reports, error records) and saves them as one sheet.

    Written in openpyxl's write-only mode, row by row, so a long batch does not hold a sheet of cell objects.
    """

    def __init__(self, lang: str = "zh") -> None:
        self.lang: Lang = lang_of(lang)
        self.book = Workbook(write_only=True)
        sheet: Worksheet = self.book.create_sheet(translate("summary.sheet", self.lang))
        self.sheet = sheet
        self.rules = [rule.rule_id for rule in select(None)]
        sheet.freeze_panes = "C2"
        heading = [self._heading(k) for k in ("line", "cluster", "outcome", "decided_by")]
        heading += [self._cell(rule_id, bold=True) for rule_id in self.rules]
        heading += [self._heading(k) for k in ("year", "total_output", "sme_share", "leading_share", "growth")]
        heading.append(self._heading("problems"))
        sheet.append(heading)
        self.columns = len(heading)
        self.rows = 0

    def add_line(self, text: bytes | str) -> None:
        """One output line of ``evaluate-many`` (JSON)."""
        self.add(json.loads(text, parse_float=Decimal))

    def add(self, record: dict[str, Any]) -> None:
        """One report (full or brief, as JSON data) or error record ``{"line", "error", "problems"}``."""
        self.rows += 1
        line = record.get("line", self.rows)
        if "outcome" not in record:
            problems = "; ".join(f"{p.get('path') or '—'}: {self._problem(p)}" for p in record.get("problems", []))
            row = [line, "", self._cell(str(record.get("error", "")))]
            row += [""] * (1 + len(self.rules) + 5)
            row.append(problems)
            self.sheet.append(row)
            return
        outcome = Outcome(record["outcome"])
        statuses = {v["rule_id"]: Status(v["status"]) for v in record.get("verdicts", [])}
        row = [
            line,
            record.get("cluster_name", ""),
            self._cell(outcome_word(outcome, self.lang), fill=_OUTCOME_FILL[outcome]),
            ", ".join(record.get("decided_by", [])),
        ]
        for rule_id in self.rules:
            status = statuses.get(rule_id)
            row.append(self._cell(status_word(status, self.lang), fill=_FILL[status]) if status else "")
        row += self._figures(record)
        row.append("")
        self.sheet.append(row)

    def _problem(self, problem: dict[str, Any]) -> str:
        """A problem of an error record in the sheet's language: the record holds Chinese and English; a catalogue
        message that needs no values and reads as the record's Chinese is worded from the problem's code."""
        message_id = f"problem.{problem.get('code', '')}"
        if self.lang not in ("zh", "en") and has_message(message_id, self.lang):
            try:
                chinese = translate(message_id, "zh")
            except (KeyError, IndexError):  # a message with values, which the record does not keep
                chinese = None
            if chinese is not None and chinese == problem.get("message_zh"):
                return translate(message_id, self.lang)
        return localise(str(problem.get("message_zh", "")), str(problem.get("message_en", "")), self.lang)

    def save(self, path: str | Path) -> None:
        from openpyxl.utils import get_column_letter

        # Filter and sort buttons on the headings, over every row written.
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(self.columns)}{self.rows + 1}"
        self.book.save(path)

    # -- cells -----------------------------------------------------------------------------------------------------

    def _heading(self, key: str) -> Any:
        return self._cell(translate(f"summary.{key}", self.lang), bold=True)

    def _cell(self, value: Any, *, bold: bool = False, fill: str | None = None, number_format: str = "") -> Any:
        cell = WriteOnlyCell(self.sheet, value=value)
        if bold:
            cell.font = Font(bold=True)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        if number_format:
            cell.number_format = number_format
        return cell

    def _figures(self, record: dict[str, Any]) -> list[Any]:
        """Latest year, its total output in 亿元, the two shares that year and the growth — from Art. 6(1)'s checks.

        A brief report keeps only the checks that did not pass, so its row has the statuses and no figures.
        """
        checks: dict[str, Any] = {}
        for verdict in record.get("verdicts", []):
            # A brief verdict has open_checks only: its figures would be a partial, misleading picture; left blank.
            if verdict.get("rule_id") == "6.1":
                for check in verdict.get("checks", []):
                    checks[check["id"]] = check.get("value")
        years = sorted(int(key.rsplit(".", 1)[1]) for key in checks if key.startswith("total_output."))
        if not years:
            return ["", "", "", "", self._number(checks.get("leading_output_growth"), "0.00%")]
        year = years[-1]
        total = checks.get(f"total_output.{year}")
        return [
            year,
            self._number(None if total is None else Decimal(total) / _HUNDRED_MILLION, "0.00"),
            self._number(checks.get(f"sme_output_share.{year}"), "0.00%"),
            self._number(checks.get(f"leading_output_share.{year}"), "0.00%"),
            self._number(checks.get("leading_output_growth"), "0.00%"),
        ]

    def _number(self, value: Any, number_format: str) -> Any:
        if value is None or value == "":
            return ""
        return self._cell(Decimal(value), number_format=number_format)
