"""The words a workbook's drop-down lists offer, and back: Chinese labels for the law's vocabulary."""

from __future__ import annotations

from enum import Enum
from typing import Any

from ..vocabulary import LabelledEnum

__all__ = ["from_choice", "labels"]


def labels(choices: type[Enum]) -> list[str]:
    """What the list offers: the Chinese label of each member (the value itself for plain enums such as 万元)."""
    return [member.zh if isinstance(member, LabelledEnum) else str(member.value) for member in choices]


def from_choice(choices: type[Enum], written: Any) -> Any:
    """The value behind a label; the English id is taken as well. Anything else is passed on for the loader to
    refuse with its own message."""
    if not isinstance(written, str):
        return written
    for member in choices:
        if written in (member.value, getattr(member, "zh", None)):
            return member.value
    return written
