"""Rule sets: editions of the measures as data."""

from __future__ import annotations

from .jilin_2024 import JILIN_2024
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

__all__ = [
    "JILIN_2024",
    "RULE_SETS",
    "Comparison",
    "LegalWord",
    "Parameters",
    "QualitativeItem",
    "Reading",
    "RuleSet",
    "Source",
    "Threshold",
]

RULE_SETS: dict[str, RuleSet] = {JILIN_2024.id: JILIN_2024}
