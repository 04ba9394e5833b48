"""The shapes of a rule set's parameters: thresholds with their legal word, windows, qualitative items, readings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from ..vocabulary import CatalogueStatus, DesignationKind, IncidentKind, Severity, ViolationKind

__all__ = [
    "Comparison",
    "LegalWord",
    "Parameters",
    "QualitativeItem",
    "Reading",
    "RuleSet",
    "SeverityBand",
    "Source",
    "Threshold",
]


class Comparison(str, Enum):
    """How a figure is set against its limit."""

    AT_LEAST = ">="
    ABOVE = ">"
    AT_MOST = "<="
    BELOW = "<"

    def holds(self, left: Decimal | Fraction | int, right: Decimal | Fraction | int) -> bool:
        """Whether ``left`` stands in this relation to ``right`` (Decimals and Fractions compare exactly)."""
        if self is Comparison.AT_LEAST:
            return left >= right
        if self is Comparison.ABOVE:
            return left > right
        if self is Comparison.AT_MOST:
            return left <= right
        return left < right

    @property
    def inclusive(self) -> bool:
        return self in (Comparison.AT_LEAST, Comparison.AT_MOST)


@dataclass(frozen=True, slots=True)
class LegalWord:
    """A boundary word of the text and the comparison it stands for, with the reading that fixes it."""

    word: str
    comparison: Comparison
    reading: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where a parameter comes from: a document and the place in it."""

    document: str
    place: str
    quote: str = ""


@dataclass(frozen=True, slots=True)
class Threshold:
    """A numeric limit of the measures."""

    key: str
    value: Decimal
    word: LegalWord
    unit: str
    source: Source
    description_zh: str
    description_en: str
    soft: bool = False


@dataclass(frozen=True, slots=True)
class QualitativeItem:
    """One requirement that only a person can judge; answered met / not met / not answered in the input."""

    id: str
    article: int
    clause: int
    text_zh: str
    text_en: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    """An interpretation of the text that the rules apply; every check names the readings it used."""

    id: str
    title_zh: str
    title_en: str
    explanation_en: str
    alternatives: tuple[str, ...] = ()
    explanation_zh: str = ""

    def explanation(self, lang: str = "zh") -> str:
        """The explanation in the language asked for; English where no Chinese text is written."""
        return self.explanation_zh if lang.startswith("zh") and self.explanation_zh else self.explanation_en


@dataclass(frozen=True, slots=True)
class SeverityBand:
    """Lower bounds of one grade in the production-safety table: reaching any one of them reaches the grade."""

    severity: Severity
    deaths: int
    serious_injuries: int
    direct_loss_yuan: Decimal


@dataclass(frozen=True, slots=True)
class Parameters:
    """Every number, word and window the Art. 6 and Art. 7 rules use."""

    figure_window_years: int
    event_window_years: int
    area_max_km2: Threshold
    total_output_min: Threshold
    sme_output_share_min: Threshold
    leading_output_growth_min: Threshold
    leading_output_share_min: Threshold
    top_designations_min: Threshold
    provincial_designations_min: Threshold
    top_designation_kinds: tuple[DesignationKind, ...]
    provincial_designation_kinds: tuple[DesignationKind, ...]
    designation_default_validity_years: int
    rd_growth_min: Threshold
    patent_growth_min: Threshold
    patents_per_10k_min: Threshold
    patents_per_employees: Decimal
    platform_penetration_min: Threshold
    software_rate_trend: LegalWord
    co2_intensity_trend: LegalWord
    efficiency_vs_benchmark: LegalWord
    excluded_catalogue_statuses: tuple[CatalogueStatus, ...]
    accident_kinds: tuple[IncidentKind, ...]
    accident_severity_floor: Severity
    security_event_kinds: tuple[IncidentKind, ...]
    security_event_severity_floor: Severity
    violation_kinds: tuple[ViolationKind, ...]
    production_safety_bands: tuple[SeverityBand, ...]
    production_safety_source: Source
    sme_employees_below: int
    sme_revenue_below_yuan: Decimal
    sme_source: Source
    qualitative_items: tuple[QualitativeItem, ...]
    sharing_group: str
    international_alternatives_group: str
    # Every evaluation asks for each clause's items; they are sorted out once, when the parameters are made.
    _items_by_clause: dict[tuple[int, int], tuple[QualitativeItem, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[tuple[int, int], list[QualitativeItem]] = {}
        for item in self.qualitative_items:
            grouped.setdefault((item.article, item.clause), []).append(item)
        object.__setattr__(self, "_items_by_clause", {key: tuple(items) for key, items in grouped.items()})

    def items_for(self, article: int, clause: int) -> tuple[QualitativeItem, ...]:
        return self._items_by_clause.get((article, clause), ())

    def item(self, item_id: str) -> QualitativeItem:
        for candidate in self.qualitative_items:
            if candidate.id == item_id:
                return candidate
        raise KeyError(item_id)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A named, versioned edition of the measures: its text, parameters and readings."""

    id: str
    name_zh: str
    name_en: str
    version: str
    issuer_zh: str
    issuer_en: str
    published: dt.date
    effective_date: dt.date
    effective_source: Source
    text: dict[tuple[int, int], str]
    parameters: Parameters
    readings: dict[str, Reading] = field(default_factory=dict)

    def clause_text(self, article: int, clause: int) -> str:
        return self.text[(article, clause)]

    def reading(self, reading_id: str) -> Reading:
        return self.readings[reading_id]
