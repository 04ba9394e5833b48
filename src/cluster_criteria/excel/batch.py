"""Workbooks in a batch: an .xlsx file, or a folder of .xlsx and .json applications, read as JSON Lines.

Each application becomes one line, in file-name order; an error record of a workbook's line names the sheet and
cell, as ``evaluate`` does for one workbook.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import ApplicationError, InputProblem
from .reader import locate, read_cells

__all__ = ["WorkbookLines"]

_SUFFIXES = (".xlsx", ".json")


class WorkbookLines:
    """The applications of one workbook or of a folder, one JSON line each, numbered from 1 in file-name order."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.cells: dict[int, dict[str, str]] = {}
        self.unreadable: dict[int, ApplicationError] = {}

    @classmethod
    def of(cls, path: str) -> WorkbookLines | None:
        """For an .xlsx file or a folder; ``None`` for anything else (a JSON Lines file, standard input)."""
        where = Path(path)
        if where.is_dir():
            return cls(sorted(p for p in where.iterdir() if p.suffix.lower() in _SUFFIXES and p.is_file()))
        if where.suffix.lower() == ".xlsx":
            return cls([where])
        return None

    def __iter__(self) -> Iterator[bytes]:
        for line, path in enumerate(self.files, start=1):
            yield self._line(line, path)

    def _line(self, line: int, path: Path) -> bytes:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.unreadable[line] = ApplicationError.single(
                "", f"无法读取文件 {path.name}：{reason}", f"cannot read {path.name}: {reason}", "cc_unreadable"
            )
            return b"{}"
        if path.suffix.lower() == ".json":
            # A newline cannot occur inside a JSON string, so a pretty-printed file becomes one line unchanged.
            return raw.replace(b"\r", b" ").replace(b"\n", b" ")
        try:
            data, cells, problems = read_cells(raw)
        except ApplicationError as exc:
            self.unreadable[line] = exc
            return b"{}"
        self.cells[line] = cells
        if problems:
            # The workbook itself is wrong (a title for an enterprise not listed): the line is refused, with these
            # problems and any of the data's own, so that the batch counts it as it is written.
            from ..jsonio import application_from_data

            try:
                application_from_data(data)
            except ApplicationError as exc:
                problems = [*problems, *locate(exc, cells).problems]
            self.unreadable[line] = ApplicationError(problems)
            return b"{}"
        # Decimals and dates become text, which the loader reads exactly as it reads them in JSON.
        return json.dumps(data, ensure_ascii=False, default=str).encode()

    def locate(self, line: int, text: bytes) -> bytes:
        """An output line with the problems of a workbook's error record naming their cells (others unchanged)."""
        if line not in self.cells and line not in self.unreadable:
            return text
        record = json.loads(text)
        if "problems" not in record:
            return text
        if line in self.unreadable:
            error = self.unreadable[line]
        else:
            problems = [
                InputProblem(p["path"], p["message_zh"], p["message_en"], p["code"]) for p in record["problems"]
            ]
            error = locate(ApplicationError(problems), self.cells[line])
        record["problems"] = error.as_dict()["problems"]
        record["file"] = self.files[line - 1].name
        return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
