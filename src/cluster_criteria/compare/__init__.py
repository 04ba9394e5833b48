"""Two batch runs side by side: which applications a change of rules, readings or data lets in or shuts out.

    >>> with open("base.jsonl", "rb") as base, open("draft.jsonl", "rb") as draft:
    ...     comparison = compare_lines(base, draft, base_name="base.jsonl", reform_name="draft.jsonl")
    >>> comparison.count("eligible", "ineligible"), [a.line for a in comparison.listed]

The inputs are two outputs of ``cluster-criteria evaluate-many`` (full or brief reports, with error records),
paired by input line; :func:`render_comparison` writes the result as text, Markdown, JSON or an HTML page.
"""

from __future__ import annotations

from .pairing import DEFAULT_MAX_LISTED, compare_lines
from .records import MAX_LINE_BYTES, CompareError
from .render import COMPARE_FORMATS, render_comparison
from .result import (
    ERROR,
    OUTCOMES,
    ChangedApplication,
    ClauseChange,
    ClauseTally,
    Comparison,
    RuleSetSeen,
    Seen,
    Side,
    StatusTransition,
    Tally,
    Transition,
    comparison_schema,
    comparison_to_json,
)

__all__ = [
    "COMPARE_FORMATS",
    "DEFAULT_MAX_LISTED",
    "ERROR",
    "MAX_LINE_BYTES",
    "OUTCOMES",
    "ChangedApplication",
    "ClauseChange",
    "ClauseTally",
    "CompareError",
    "Comparison",
    "RuleSetSeen",
    "Seen",
    "Side",
    "StatusTransition",
    "Tally",
    "Transition",
    "compare_lines",
    "comparison_schema",
    "comparison_to_json",
    "render_comparison",
]
