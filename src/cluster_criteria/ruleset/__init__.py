"""Rule sets: editions of the measures as data, chosen by name or by the date they are in force.

The editions that ship with the library live in their own packages (``jilin_2024``) and register on first use.
"""

from __future__ import annotations

from .loading import RuleSetDataError, load_rule_set
from .parameters import (
    Comparison,
    LegalWord,
    Parameters,
    QualitativeItem,
    Reading,
    RuleSet,
    Source,
    Threshold,
)
from .registry import get_rule_set, register, registered, resolve, rule_set_for, rule_sets, unregister

__all__ = [
    "Comparison",
    "LegalWord",
    "Parameters",
    "QualitativeItem",
    "Reading",
    "RuleSet",
    "RuleSetDataError",
    "Source",
    "Threshold",
    "get_rule_set",
    "load_rule_set",
    "register",
    "registered",
    "resolve",
    "rule_set_for",
    "rule_sets",
    "unregister",
]
