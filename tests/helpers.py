"""Shared helpers for the core tests: an assessment date in 2025 and one-call clause verdicts."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from cluster_criteria import Verdict, evaluate
from cluster_criteria.testing import ApplicationBuilder

AS_OF = dt.date(2025, 4, 15)


def verdict_of(builder: ApplicationBuilder, rule_id: str, as_of: dt.date = AS_OF, **options: Any) -> Verdict:
    """The verdict on one clause for the application the builder makes."""
    return evaluate(builder.build(), as_of, rules=[rule_id], **options).verdicts[0]


def statuses(verdict: Verdict) -> dict[str, str]:
    """Check id → status value, for compact assertions."""
    return {check.id: check.status.value for check in verdict.checks}


def figures(total: str, sme: str | None = None, lead: str | None = None) -> dict[str, str]:
    """Year figures with the parts set explicitly, so a lowered total never falls below its parts."""
    out = {"total_output": total}
    if sme is not None:
        out["sme_output"] = sme
    if lead is not None:
        out["leading_industry_output"] = lead
    return out


# A word glued to an id character (. _ [ ] = digits) is part of an id or a field path, which stay in English.
_BARE_WORD = re.compile(r"(?<![\w.\[={\-/])[A-Za-z]+(?![\w.\[\]=}\-])")
# Units of measure the input states (kgce/t, m³/t, km²) and the roots of input field paths shown beside their names.
_ALLOWED = {"kgce", "tce", "t", "m", "km", "kWh"} | {
    "enterprises",
    "incidents",
    "violations",
    "metrics",
    "cluster",
    "qualitative",
    "area",  # the one check id that is a single word
}
# The command line's own name and subcommands, quoted as commands to type.
_ALLOWED_PHRASES = ("cluster-criteria explain", "cluster-criteria")


def english_words(text: str) -> list[str]:
    for phrase in _ALLOWED_PHRASES:
        text = text.replace(phrase, "")
    return sorted({m.group(0) for m in _BARE_WORD.finditer(text)} - _ALLOWED)
