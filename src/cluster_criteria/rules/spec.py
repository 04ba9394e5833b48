"""What a rule checks, described without an application: each kind of check it makes, and the readings it may name.

A description may name parameters in braces (``{total_output_min}``): the explanation fills in the limit in force,
with its legal word, so a changed value never leaves an old figure in a description.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from ..verdicts import CheckKind

__all__ = ["CheckSpec", "placeholders", "qualitative_items_of"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """A kind of check a rule makes: its id (``{year}`` or ``{n}`` stand for a year or a record's index),
    what it tests in both languages, and the parameters it reads."""

    id: str
    zh: str
    en: str
    kind: CheckKind = CheckKind.OTHER
    parameters: tuple[str, ...] = ()

    @property
    def pattern(self) -> str:
        """The id as a shell-style pattern (``total_output.*``)."""
        return re.sub(r"\{\w+\}", "*", self.id)

    def matches(self, check_id: str) -> bool:
        return fnmatch.fnmatchcase(check_id, self.pattern)

    @property
    def named_parameters(self) -> tuple[str, ...]:
        """Every parameter the check reads: those listed and those its descriptions name in braces."""
        return tuple(dict.fromkeys((*self.parameters, *placeholders(self.zh), *placeholders(self.en))))


def placeholders(text: str) -> tuple[str, ...]:
    return tuple(_PLACEHOLDER.findall(text))


def qualitative_items_of(rule_id: str) -> CheckSpec:
    """The clause's qualitative items, whose check ids are the item ids (``6.3.chain_layout`` …)."""
    return CheckSpec(
        f"{rule_id}.{{item}}",
        "定性要求：以申报方明确作答为准（见下列定性项）",
        "Qualitative items: an explicit answer each (listed below)",
        CheckKind.DECLARED,
    )
