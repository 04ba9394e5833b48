"""Jilin's administrative divisions (NBS division codes 2023): the province, its prefectures and county-level units."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources

__all__ = [
    "CHANGBAISHAN",
    "MEIHEKOU_CODE",
    "PROVINCE_CODE",
    "Division",
    "DivisionLevel",
    "DivisionTable",
    "jilin_divisions",
]

PROVINCE_CODE = "220000"
# Coded under 通化市, administered directly by the province (省直管县级市).
MEIHEKOU_CODE = "220581"
CHANGBAISHAN = "长白山管委会"
# Other names people write for the Changbai Mountain administrative committee.
_CHANGBAISHAN_ALIASES = ("长白山保护开发区管理委员会", "长白山保护开发区", "长白山管理委员会", "长白山")


class DivisionLevel(str, Enum):
    """What kind of unit a row of the table is."""

    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    STATISTICAL_ZONE = "statistical_zone"
    MANAGEMENT_AREA = "management_area"
    NEW_AREA = "new_area"

    @property
    def zh(self) -> str:
        return _LEVEL_LABELS[self][0]

    @property
    def en(self) -> str:
        return _LEVEL_LABELS[self][1]

    @property
    def is_zone(self) -> bool:
        """A development zone, management area or new area: a place, not a county-level administrative division."""
        return self in (DivisionLevel.STATISTICAL_ZONE, DivisionLevel.MANAGEMENT_AREA, DivisionLevel.NEW_AREA)


_LEVEL_LABELS = {
    DivisionLevel.PROVINCE: ("省", "province"),
    DivisionLevel.PREFECTURE: ("地级（市、州）", "prefecture-level"),
    DivisionLevel.COUNTY: ("县级（县、市、区）", "county-level"),
    DivisionLevel.STATISTICAL_ZONE: ("统计用开发区", "development zone (statistical code only)"),
    DivisionLevel.MANAGEMENT_AREA: ("管理区（比照市级）", "management area (treated like a prefecture)"),
    DivisionLevel.NEW_AREA: ("国家级新区", "national new area"),
}


@dataclass(frozen=True, slots=True)
class Division:
    """One row of the table. ``code`` is ``None`` for units without a division code."""

    code: str | None
    name: str
    level: DivisionLevel
    parent_code: str | None

    @property
    def key(self) -> str:
        """The code, or the name for a unit that has none."""
        return self.code or self.name


class DivisionTable:
    """Look divisions up by code or by name; build it with :func:`jilin_divisions`."""

    def __init__(self, divisions: tuple[Division, ...], source: str) -> None:
        self.divisions = divisions
        self.source = source
        self._by_code = {d.code: d for d in divisions if d.code}
        self._by_name: dict[str, Division] = {}
        for division in divisions:
            self._by_name.setdefault(division.name, division)
        changbaishan = self._by_name.get(CHANGBAISHAN)
        if changbaishan is not None:
            for alias in _CHANGBAISHAN_ALIASES:
                self._by_name.setdefault(alias, changbaishan)

    def by_code(self, code: str) -> Division | None:
        return self._by_code.get(code.strip())

    def by_name(self, name: str) -> Division | None:
        return self._by_name.get(name.strip())

    def lookup(self, code_or_name: str) -> Division | None:
        """A six-digit code or an exact name (长白山's usual names included)."""
        text = code_or_name.strip()
        return self.by_code(text) if text.isdigit() else self.by_name(text)

    def parent(self, division: Division) -> Division | None:
        return None if division.parent_code is None else self._by_code.get(division.parent_code)

    def children(self, division: Division) -> tuple[Division, ...]:
        if division.code is None:
            return ()
        return tuple(d for d in self.divisions if d.parent_code == division.code)

    def of_level(self, level: DivisionLevel) -> tuple[Division, ...]:
        return tuple(d for d in self.divisions if d.level is level)

    @property
    def province(self) -> Division:
        return self._by_code[PROVINCE_CODE]

    def __iter__(self) -> Iterator[Division]:
        return iter(self.divisions)

    def __len__(self) -> int:
        return len(self.divisions)


def _parse(text: str) -> tuple[tuple[Division, ...], str]:
    comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
    rows = csv.DictReader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#"))))
    divisions = tuple(
        Division(
            code=row["code"] or None,
            name=row["name"],
            level=DivisionLevel(row["level"]),
            parent_code=row["parent_code"] or None,
        )
        for row in rows
    )
    source = next((c.split(":", 1)[1].strip() for c in comments if c.startswith("Source of the codes")), "")
    return divisions, source


@lru_cache(maxsize=1)
def jilin_divisions() -> DivisionTable:
    """The table shipped with the package (read once)."""
    text = resources.files("cluster_criteria").joinpath("data/jilin-divisions.csv").read_text(encoding="utf-8")
    return DivisionTable(*_parse(text))
