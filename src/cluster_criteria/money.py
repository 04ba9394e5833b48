"""Amounts of money: exact Decimals in yuan, readable with their unit (元, 万元, 亿元)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import Enum

__all__ = ["MAX_AMOUNT_YUAN", "SUFFIX_UNITS", "MoneyUnit", "parse_amount", "to_yuan"]


class MoneyUnit(str, Enum):
    """The unit an application states its amounts in; everything is normalised to 元 on loading."""

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def factor(self) -> Decimal:
        return _FACTORS[self]


_FACTORS = {
    MoneyUnit.YUAN: Decimal(1),
    MoneyUnit.WAN_YUAN: Decimal(10_000),
    MoneyUnit.YI_YUAN: Decimal(100_000_000),
}

# 1e16 yuan is ten times China's GDP; anything above is a typing error, not a cluster.
MAX_AMOUNT_YUAN = Decimal(10) ** 16
# More significant digits than this cannot come from a real ledger and would slow exact comparison.
MAX_SIGNIFICANT_DIGITS = 30

_AMOUNT_RE = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?)\s*(亿元|万元|元|亿|万)?\s*$")
# The units an amount may be written with, and what each stands for.
SUFFIX_UNITS = {
    "亿元": MoneyUnit.YI_YUAN,
    "亿": MoneyUnit.YI_YUAN,
    "万元": MoneyUnit.WAN_YUAN,
    "万": MoneyUnit.WAN_YUAN,
    "元": MoneyUnit.YUAN,
}


def to_yuan(value: Decimal, unit: MoneyUnit) -> Decimal:
    """Exact conversion: a power-of-ten factor never rounds."""
    return value * unit.factor if unit is not MoneyUnit.YUAN else value


def parse_amount(text: str) -> tuple[Decimal, MoneyUnit | None]:
    """Read ``"29.04亿元"`` or ``"1500"``; return the number and the unit written with it, if any.

    Raises ``ValueError`` with a message fit for a user when the text is not an amount.
    """
    match = _AMOUNT_RE.match(text)
    if match is None:
        raise ValueError(f"not an amount: {text[:40]!r}; write a number, optionally followed by 元, 万元 or 亿元")
    try:
        number = Decimal(match.group(1))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only valid literals
        raise ValueError(f"not an amount: {text[:40]!r}") from exc
    suffix = match.group(2)
    return number, (SUFFIX_UNITS[suffix] if suffix else None)
