"""What a rule checks, described without an application: each kind of check it makes, and the readings it may name.

A description may name parameters in braces (``{total_output_min}``): the explanation fills in the limit in force,
with its legal word, so a changed value never leaves an old figure in a description.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass

from ..verdicts import CheckKind

__all__ = ["CheckSpec", "id_meaning", "placeholders", "qualitative_items_of"]

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
    # The list of the application an ``{n}`` counts in (``"incidents"``, ``"violations"``).
    records: str = ""

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


def id_meaning(spec: CheckSpec, lang: str, years: tuple[int, ...] = ()) -> str:
    """What the placeholders of a check id stand for, so that a tester can write the id of a single check.

    ``{n}`` is the record's position in the application's list (``incidents[n]``), counted from 0 over every record
    of that list whatever its kind: the id of a record never changes when another is added after it, and it is the
    same ``n`` as in the paths of the check's figures. Numbers skip the records the clause does not judge (another
    kind, outside the window, dated after the assessment date). ``years`` gives the years ``{year}`` takes.
    """
    from ..i18n import translate

    parts: list[str] = []
    for name in placeholders(spec.id):
        if name == "year":
            shown = translate("check_id.year_joiner", lang).join(str(y) for y in years)
            example = spec.id.replace("{year}", str(years[-1] if years else 2024))
            years_text = shown or translate("check_id.years_before", lang)
            parts.append(translate("check_id.year", lang, years=years_text, example=example))
        elif name == "n":
            example = spec.id.replace("{n}", "0")
            parts.append(translate("check_id.n", lang, records=spec.records, example=example))
        elif name == "item":
            parts.append(translate("check_id.item", lang))
    return translate("report.separator", lang).join(parts)


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
