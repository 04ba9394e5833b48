"""The shapes of a rule set's parameters: thresholds with their legal word, windows, qualitative items, readings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any, TypeVar, Union

from ..verdicts import ParameterUsed, ReformApplied
from ..vocabulary import Severity

__all__ = [
    "Comparison",
    "DatedValue",
    "FigureName",
    "LegalWord",
    "ParameterRecord",
    "ParameterValue",
    "Parameters",
    "QualitativeItem",
    "Reading",
    "RuleSet",
    "SeverityBand",
    "Source",
    "Threshold",
    "describe_value",
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
    """A numeric limit of the measures. When it took effect and how its quote writes it belong to the dated value
    that holds it (:class:`DatedValue`), so that a value set again for another date never carries stale ones."""

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
        if lang.startswith("zh"):
            return self.explanation_zh or self.explanation_en
        from ..i18n import localise

        return localise(self.explanation_zh, self.explanation_en, lang)


@dataclass(frozen=True, slots=True)
class FigureName:
    """An input figure an edition defines beyond the built-in ones (``metrics[].figures``): its names and unit."""

    name: str
    name_zh: str
    name_en: str
    unit: str


@dataclass(frozen=True, slots=True)
class SeverityBand:
    """Lower bounds of one grade in the production-safety table: reaching any one of them reaches the grade."""

    severity: Severity
    deaths: int
    serious_injuries: int
    direct_loss_yuan: Decimal


ParameterValue = Union[  # noqa: UP007  (a runtime alias: Python 3.10 cannot | these generics)
    Threshold, LegalWord, int, Decimal, str, Severity, tuple[Enum, ...], tuple[SeverityBand, ...]
]
_E = TypeVar("_E", bound=Enum)


@dataclass(frozen=True, slots=True)
class DatedValue:
    """One value of a parameter, in force from ``effective_from`` until the next dated value, with its source."""

    effective_from: dt.date
    value: ParameterValue
    source: Source
    cites: str = ""
    # A value the text does not write but a reading derives from it (the id of that reading).
    reading: str = ""


@dataclass(frozen=True, slots=True)
class ParameterRecord:
    """A parameter of a rule set: what it is, its unit, and every value it has had, oldest first."""

    name: str
    type: str
    description_zh: str
    description_en: str
    unit: str
    values: tuple[DatedValue, ...]

    def on(self, day: dt.date) -> DatedValue | None:
        """The value in force on ``day``: the latest that took effect on or before it."""
        found = None
        for dated in self.values:
            if dated.effective_from <= day:
                found = dated
        return found


def describe_value(value: ParameterValue) -> str:
    """A parameter value as plain text: ``2000000000`` for a threshold, ``以上`` for a word, ids for kinds."""
    if isinstance(value, Threshold):
        return str(value.value)
    if isinstance(value, LegalWord):
        return value.word
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return ", ".join(
            f"{v.severity.value}: {v.deaths}/{v.serious_injuries}/{v.direct_loss_yuan}"
            if isinstance(v, SeverityBand)
            else str(v.value)
            for v in value
        )
    return str(value)


class Parameters:
    """Every parameter value of a rule set in force on one date, read by name with a typed getter.

    The rules ask for what they need by the parameter's name in the rule set's data file; a getter of the wrong
    type, or a name the rule set does not define on that date, is a programming error and says so.
    """

    __slots__ = ("_checked", "_items_by_clause", "_used", "qualitative_items", "records", "since", "values")

    def __init__(
        self,
        *,
        since: dt.date,
        values: Mapping[str, DatedValue],
        records: Mapping[str, ParameterRecord],
        qualitative_items: tuple[QualitativeItem, ...],
    ) -> None:
        self.since = since  # the first day on which this combination of values is in force
        self.values = dict(values)
        self.records = dict(records)
        self.qualitative_items = qualitative_items
        grouped: dict[tuple[int, int], list[QualitativeItem]] = {}
        for item in qualitative_items:
            grouped.setdefault((item.article, item.clause), []).append(item)
        # Every evaluation asks for each clause's items; they are sorted out once, when the parameters are made.
        self._items_by_clause = {key: tuple(items) for key, items in grouped.items()}
        self._used: tuple[ParameterUsed, ...] | None = None
        # Values already checked against the type a getter asked for: the rules ask for the same ones every time.
        self._checked: dict[tuple[str, type], Any] = {}

    def __repr__(self) -> str:
        return f"Parameters(since={self.since.isoformat()}, {len(self.values)} values)"

    def _get(self, name: str, kind: type) -> Any:
        try:
            return self._checked[name, kind]
        except KeyError:
            pass
        dated = self.values.get(name)
        if dated is None:
            raise KeyError(f"no parameter {name!r} in force from {self.since.isoformat()}")
        value = dated.value
        if not isinstance(value, kind):
            raise TypeError(f"parameter {name!r} is a {type(value).__name__}, not a {kind.__name__}")
        self._checked[name, kind] = value
        return value

    def threshold(self, name: str) -> Threshold:
        result: Threshold = self._get(name, Threshold)
        return result

    def word(self, name: str) -> LegalWord:
        result: LegalWord = self._get(name, LegalWord)
        return result

    def integer(self, name: str) -> int:
        result: int = self._get(name, int)
        return result

    def decimal(self, name: str) -> Decimal:
        result: Decimal = self._get(name, Decimal)
        return result

    def text(self, name: str) -> str:
        result: str = self._get(name, str)
        return result

    def severity(self, name: str) -> Severity:
        result: Severity = self._get(name, Severity)
        return result

    def kinds(self, name: str, of: type[_E]) -> tuple[_E, ...]:
        cached: tuple[_E, ...] | None = self._checked.get((name, of))
        if cached is not None:
            return cached
        listed: tuple[Enum, ...] = self._get(name, tuple)
        if not all(isinstance(m, of) for m in listed):
            raise TypeError(f"parameter {name!r} does not list {of.__name__} members")
        self._checked[name, of] = listed
        return listed  # type: ignore[return-value]

    def bands(self, name: str) -> tuple[SeverityBand, ...]:
        bands: tuple[SeverityBand, ...] = self._get(name, tuple)
        return bands

    def source(self, name: str) -> Source:
        dated = self.values.get(name)
        if dated is None:
            raise KeyError(f"no parameter {name!r} in force from {self.since.isoformat()}")
        return dated.source

    def items_for(self, article: int, clause: int) -> tuple[QualitativeItem, ...]:
        return self._items_by_clause.get((article, clause), ())

    def used(self) -> tuple[ParameterUsed, ...]:
        """Every value in force, as a report records it (worked out once: parameters are immutable)."""
        if self._used is None:
            self._used = tuple(
                ParameterUsed(
                    name=name,
                    value=describe_value(dated.value),
                    unit=self.records[name].unit,
                    word=dated.value.word.word if isinstance(dated.value, Threshold) else "",
                    effective_from=dated.effective_from,
                )
                for name, dated in self.values.items()
            )
        return self._used

    def item(self, item_id: str) -> QualitativeItem:
        for candidate in self.qualitative_items:
            if candidate.id == item_id:
                return candidate
        raise KeyError(item_id)


@dataclass(frozen=True, eq=False)
class RuleSet:
    """A named, versioned edition of the measures: its period in force, text, rules, parameters and readings.

    Parameter values are dated: :meth:`parameters_on` gives those in force on a day. ``rules`` are the clause
    rules of this edition in legal order. Rule sets compare by identity: two loads of one file are two objects.
    """

    id: str
    name_zh: str
    name_en: str
    version: str
    issuer_zh: str
    issuer_en: str
    published: dt.date
    effective_date: dt.date
    effective_source: Source
    text: Mapping[tuple[int, int], str]
    records: Mapping[str, ParameterRecord]
    qualitative_items: tuple[QualitativeItem, ...]
    readings: Mapping[str, Reading] = field(default_factory=dict)
    rules: tuple[Any, ...] = ()  # in legal order (by article, then clause)
    words: Mapping[str, LegalWord] = field(default_factory=dict)
    figures: Mapping[str, FigureName] = field(default_factory=dict)
    in_force_until: dt.date | None = None
    reform: ReformApplied | None = None
    _periods: dict[tuple[int, ...], Parameters] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.rules, key=lambda rule: (rule.article, rule.clause)))
        object.__setattr__(self, "rules", ordered)

    def clause_text(self, article: int, clause: int) -> str:
        return self.text[(article, clause)]

    def reading(self, reading_id: str) -> Reading:
        return self.readings[reading_id]

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_date <= day and (self.in_force_until is None or day <= self.in_force_until)

    def parameters_on(self, day: dt.date) -> Parameters:
        """Every parameter value in force on ``day`` (built once for each combination of dated values)."""
        chosen: dict[str, DatedValue] = {}
        key: list[int] = []
        for name, record in self.records.items():
            index = -1
            for position, dated in enumerate(record.values):
                if dated.effective_from <= day:
                    index = position
            key.append(index)
            if index >= 0:
                chosen[name] = record.values[index]
        period = tuple(key)
        found = self._periods.get(period)
        if found is None:
            since = max((dated.effective_from for dated in chosen.values()), default=self.effective_date)
            found = Parameters(
                since=max(since, self.effective_date),
                values=chosen,
                records=self.records,
                qualitative_items=self.qualitative_items,
            )
            self._periods[period] = found
        return found

    @property
    def parameters(self) -> Parameters:
        """The values in force from the latest date any value of this rule set takes effect."""
        latest = max(
            (dated.effective_from for record in self.records.values() for dated in record.values),
            default=self.effective_date,
        )
        return self.parameters_on(max(latest, self.effective_date))

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(rule.rule_id for rule in self.rules)
