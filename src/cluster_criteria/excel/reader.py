"""Reading a filled-in 申报表 workbook into an application, with every problem naming its sheet and cell.

The workbook is turned into the same data a JSON application holds and then validated by the same loader, so a
workbook and the equivalent JSON give the same application and the same report.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import ApplicationError, InputProblem
from ..models import Application
from .choices import from_choice
from .layout import (
    CLUSTER_ROWS,
    DESIGNATION_COLUMNS,
    ENTERPRISE_COLUMNS,
    FIRST_DATA_ROW,
    INCIDENT_COLUMNS,
    METRIC_FIRST_COLUMN,
    METRIC_ROWS,
    NO,
    NOT_SUPPLIED,
    QUALITATIVE_ANSWER,
    SUPPLIED,
    VIOLATION_COLUMNS,
    YES,
    Field,
    Kind,
    Sheet,
)

__all__ = ["LoadedWorkbook", "load_workbook_application", "locate", "read_cells", "read_workbook", "workbook_data"]

# A workbook is a zip of XML files: refuse one that would unpack to more than this, or has more parts, before
# reading any XML (a small file can expand a thousandfold).
MAX_UNPACKED_BYTES = 50_000_000
MAX_PARTS = 200
# Rows read from a list sheet at most; beyond this the application is refused, not silently cut.
MAX_LIST_ROWS = 10_000
MAX_METRIC_YEARS = 20
_BLANKS = (None, "")


@dataclass(frozen=True)
class LoadedWorkbook:
    """An application read from a workbook, and where each of its fields sits (``企业!B7``)."""

    application: Application
    cells: Mapping[str, str]

    def locate(self, error: ApplicationError) -> ApplicationError:
        """``error`` with each problem's message naming the cell its field came from."""
        return locate(error, self.cells)


def locate(error: ApplicationError, cells: Mapping[str, str]) -> ApplicationError:
    """Name the sheet and cell in each problem whose field path (or an enclosing one) came from a cell."""
    problems = []
    for problem in error.problems:
        cell = _cell_of(problem.path, cells)
        if cell is None:
            problems.append(problem)
        else:
            problems.append(
                InputProblem(
                    problem.path, f"{cell}：{problem.message_zh}", f"{cell}: {problem.message_en}", problem.code
                )
            )
    return type(error)(problems)


def _cell_of(path: str, cells: Mapping[str, str]) -> str | None:
    while path:
        if path in cells:
            return cells[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            return None
        path = path[:cut]
    return None


def read_workbook(source: bytes | str | Path) -> Application:
    """The application in a workbook written by ``cluster-criteria template --format xlsx`` and filled in.

    Raises :class:`ApplicationError` naming the sheet and cell (``企业!C7``) as well as the field path.
    """
    return load_workbook_application(source).application


def load_workbook_application(source: bytes | str | Path) -> LoadedWorkbook:
    """Like :func:`read_workbook`, keeping the map from field paths to cells (for errors found later)."""
    from ..jsonio import application_from_data

    data, cells, problems = read_cells(source)
    try:
        application = application_from_data(data)
    except ApplicationError as exc:
        raise ApplicationError([*problems, *locate(exc, cells).problems]) from None
    if problems:
        raise ApplicationError(problems)
    return LoadedWorkbook(application, cells)


def workbook_data(source: bytes | str | Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The application data in a workbook (as a JSON application would hold it) and the cell of each field.

    Raises :class:`ApplicationError` for what only the workbook can get wrong (a missing sheet, a title for an
    enterprise not listed); the data itself is checked by the loader.
    """
    data, cells, problems = read_cells(source)
    if problems:
        raise ApplicationError(problems)
    return data, cells


def read_cells(source: bytes | str | Path) -> tuple[dict[str, Any], dict[str, str], list[InputProblem]]:
    """Like :func:`workbook_data`, returning the workbook's own problems beside the data instead of raising, so
    that they can be reported together with the loader's."""
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    book = _open(raw)
    try:
        return _Reader(book).read()
    finally:
        book.close()


def _open(raw: bytes) -> Any:
    from openpyxl import load_workbook

    not_a_workbook = ApplicationError.of("", "problem.cc_not_a_workbook", "cc_not_a_workbook")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise not_a_workbook from None
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED_BYTES:
        raise ApplicationError.of("", "problem.cc_workbook_too_large", "cc_too_large", limit=MAX_UNPACKED_BYTES)
    try:
        return load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file; all mean the same to the person uploading it
        raise not_a_workbook from None


class _Reader:
    def __init__(self, book: Any) -> None:
        self.book = book
        self.cells: dict[str, str] = {}
        self.problems: list[InputProblem] = []

    def read(self) -> tuple[dict[str, Any], dict[str, str], list[InputProblem]]:
        data = self._cluster()
        data["metrics"] = self._metrics()
        enterprises = self._list(Sheet.ENTERPRISES, ENTERPRISE_COLUMNS, "enterprises", supplied_cell=True)
        self._attach_designations(enterprises or [])
        data["enterprises"] = enterprises
        data["incidents"] = self._list(Sheet.INCIDENTS, INCIDENT_COLUMNS, "incidents", supplied_cell=True)
        data["violations"] = self._list(Sheet.VIOLATIONS, VIOLATION_COLUMNS, "violations", supplied_cell=True)
        data["qualitative"] = self._qualitative()
        return _without_unset(data), self.cells, self.problems

    # -- sheets ----------------------------------------------------------------------------------------------------

    def _sheet(self, sheet: Sheet) -> Any:
        if sheet.value not in self.book.sheetnames:
            raise ApplicationError.of("", "problem.cc_missing_sheet", "cc_missing_sheet", sheet=sheet.value)
        return self.book[sheet.value]

    def _rows(self, sheet: Sheet, first: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """The rows from ``first`` on, numbered, stopping after the last filled one; too many is an error."""
        for number, row in enumerate(self._sheet(sheet).iter_rows(min_row=first, values_only=True), start=first):
            if number - first >= MAX_LIST_ROWS:
                raise ApplicationError.of(
                    "", "problem.cc_sheet_too_long", "cc_too_large", sheet=sheet.value, limit=MAX_LIST_ROWS
                )
            yield number, row

    def _cluster(self) -> dict[str, Any]:
        by_key = {field.key: field for field in CLUSTER_ROWS}
        # The required parts are always there, so a blank one is reported field by field, each at its cell.
        data: dict[str, Any] = {"cluster": {"leading_industry": {}, "location": {}}}
        for number, row in self._rows(Sheet.CLUSTER, 2):
            key = _text(row[2]) if len(row) > 2 else None
            field = by_key.get(key or "")
            if field is None:
                continue
            value = self._value(field, row[1] if len(row) > 1 else None, f"{Sheet.CLUSTER.value}!B{number}")
            if value is not None:
                _put(data, field.key, value)
            self.cells[field.key] = f"{Sheet.CLUSTER.value}!B{number}"
        for part in ("efficiency.energy", "efficiency.water", "cluster.leading_industry", "cluster.location"):
            self.cells.setdefault(part, self.cells.get(f"{part}.{_first_key(part)}", ""))
        self.cells = {k: v for k, v in self.cells.items() if v}
        return data

    def _metrics(self) -> list[dict[str, Any]]:
        rows = list(self._rows(Sheet.METRICS, 1))
        if not rows:
            return []
        header = rows[0][1]
        from openpyxl.utils import get_column_letter

        columns = [
            index
            for index in range(METRIC_FIRST_COLUMN - 1, min(len(header), METRIC_FIRST_COLUMN - 1 + MAX_METRIC_YEARS))
            if header[index] not in _BLANKS
        ]
        by_key = {field.key: field for field in METRIC_ROWS}
        figure_rows = [row for _, row in rows[1:] if len(row) > 1 and _text(row[1]) in by_key]
        # The template heads three year columns; one left without any figure is a year not reported at all.
        columns = [i for i in columns if any(i < len(row) and row[i] not in _BLANKS for row in figure_rows)]
        records: list[dict[str, Any]] = [{} for _ in columns]
        sheet = Sheet.METRICS.value
        for position, index in enumerate(columns):
            letter = get_column_letter(index + 1)
            records[position]["year"] = _number(header[index])
            self.cells[f"metrics[{position}]"] = f"{sheet}!{letter}1"
            self.cells[f"metrics[{position}].year"] = f"{sheet}!{letter}1"
        for number, row in rows[1:]:
            field = by_key.get(_text(row[1]) if len(row) > 1 else "")
            if field is None:
                continue
            for position, index in enumerate(columns):
                where = f"{sheet}!{get_column_letter(index + 1)}{number}"
                self.cells[f"metrics[{position}].{field.key}"] = where
                value = self._value(field, row[index] if index < len(row) else None, where)
                if value is not None:
                    records[position][field.key] = value
        self.cells.setdefault("metrics", f"{sheet}!A1")
        return records

    def _list(
        self, sheet: Sheet, columns: tuple[Field, ...], collection: str, *, supplied_cell: bool
    ) -> list[dict[str, Any]] | None:
        from openpyxl.utils import get_column_letter

        records: list[dict[str, Any]] = []
        status = None
        name = sheet.value
        for number, row in self._rows(sheet, 1):
            if number == 1:
                status = _text(row[1]) if len(row) > 1 else None
                continue
            if number < FIRST_DATA_ROW or all(value in _BLANKS for value in row[: len(columns)]):
                continue
            index = len(records)
            record: dict[str, Any] = {}
            self.cells[f"{collection}[{index}]"] = f"{name}!A{number}"
            for column, field in enumerate(columns):
                where = f"{name}!{get_column_letter(column + 1)}{number}"
                self.cells[f"{collection}[{index}].{field.key}"] = where
                value = self._value(field, row[column] if column < len(row) else None, where)
                if value is not None:
                    record[field.key] = value
            record["_row"] = number
            records.append(record)
        if supplied_cell and status not in (SUPPLIED, NOT_SUPPLIED):
            # Never guessed: an empty list is a declaration that there is nothing, so it must be said.
            self.problems.append(
                InputProblem(
                    collection,
                    f"{name}!B1：请选择“{SUPPLIED}”或“{NOT_SUPPLIED}”",
                    f"{name}!B1: choose {SUPPLIED} (supplied) or {NOT_SUPPLIED} (not supplied)",
                    "cc_supplied",
                )
            )
        self.cells.setdefault(collection, f"{name}!A1")
        if records or status == SUPPLIED or not supplied_cell:
            return records
        return None

    def _attach_designations(self, enterprises: list[dict[str, Any]]) -> None:
        """Give each enterprise the titles listed for its credit code on the 企业称号 sheet."""
        positions = {str(e.get("credit_code", "")).strip().upper(): i for i, e in enumerate(enterprises)}
        for record in enterprises:
            record.pop("_row", None)
            record["designations"] = []
        sheet = Sheet.DESIGNATIONS.value
        titles = self._list(Sheet.DESIGNATIONS, DESIGNATION_COLUMNS, "designations", supplied_cell=False) or []
        for position, title in enumerate(titles):
            row = title.pop("_row")
            code = str(title.pop("credit_code", "")).strip().upper()
            if code not in positions:
                self.problems.append(
                    InputProblem(
                        "enterprises",
                        f"{sheet}!A{row}：统一社会信用代码 {code or '（空）'} 不在“企业”表中",
                        f"{sheet}!A{row}: credit code {code or '(empty)'} is not on the 企业 sheet",
                        "cc_unknown_enterprise",
                    )
                )
                continue
            owner = positions[code]
            index = len(enterprises[owner]["designations"])
            for field in DESIGNATION_COLUMNS[1:]:
                self.cells[f"enterprises[{owner}].designations[{index}].{field.key}"] = self.cells.pop(
                    f"designations[{position}].{field.key}"
                )
            self.cells[f"enterprises[{owner}].designations[{index}]"] = f"{sheet}!A{row}"
            enterprises[owner]["designations"].append(title)
        self.cells = {k: v for k, v in self.cells.items() if not k.startswith("designations")}

    def _qualitative(self) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        sheet = Sheet.QUALITATIVE.value
        for number, row in self._rows(Sheet.QUALITATIVE, 2):
            item = _text(row[0]) if row else None
            if not item:
                continue
            answer = self._value(QUALITATIVE_ANSWER, row[3] if len(row) > 3 else None, f"{sheet}!D{number}")
            evidence = _text(row[4]) if len(row) > 4 else None
            entry: dict[str, Any] = {}
            if answer is not None:
                entry["answer"] = answer
            if evidence:
                entry["evidence"] = evidence
            answers[item] = entry
            self.cells[f"qualitative.{item}"] = f"{sheet}!D{number}"
            self.cells[f"qualitative.{item}.answer"] = f"{sheet}!D{number}"
            self.cells[f"qualitative.{item}.evidence"] = f"{sheet}!E{number}"
        self.cells.setdefault("qualitative", f"{sheet}!A1")
        return answers

    # -- cells -----------------------------------------------------------------------------------------------------

    def _value(self, field: Field, value: Any, where: str) -> Any:
        """A cell's content as the JSON loader would receive it; what cannot be read is passed on as written, so
        the loader refuses it with its own message (and ``locate`` names the cell)."""
        if isinstance(value, str):
            value = value.strip()
        if value in _BLANKS:
            return None
        reader = _READERS.get(field.kind)
        if reader is not None:
            return reader(value)
        if field.kind is Kind.CHOICE:
            assert field.choices is not None
            return from_choice(field.choices, value)
        return value


def _number(value: Any) -> Any:
    """A cell's number exactly as written: Excel keeps a double, whose shortest repr is what was typed."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed into a number cell: 220284.0 is 220284
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value


def _yes_no(value: Any) -> Any:
    return {YES: True, NO: False}.get(value, value) if isinstance(value, str) else value


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date()
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()  # a time of day is refused by the loader with its own message
    return value


_READERS: dict[Kind, Callable[[Any], Any]] = {
    Kind.TEXT: _text,
    Kind.AMOUNT: _number,
    Kind.NUMBER: _number,
    Kind.COUNT: _number,
    Kind.RATE: _number,
    Kind.DATE: _date,
    Kind.YES_NO: _yes_no,
}


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    *parents, last = key.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


def _first_key(part: str) -> str:
    return next(f.key for f in CLUSTER_ROWS if f.key.startswith(part + ".")).rsplit(".", 1)[-1]


def _without_unset(data: dict[str, Any]) -> dict[str, Any]:
    """The records without the row numbers the reader kept for its own messages."""
    for collection in ("enterprises", "incidents", "violations"):
        for record in data.get(collection) or ():
            record.pop("_row", None)
    return data
