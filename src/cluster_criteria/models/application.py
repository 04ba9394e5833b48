"""An application for recognition as a characteristic industrial cluster: everything the rules read."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..limits import MAX_ENTERPRISES, MAX_EVENTS, MAX_QUALITATIVE_ANSWERS, MAX_YEARS
from ..money import MoneyUnit, parse_amount, to_yuan
from ..safe_text import quoted
from .base import InputModel
from .cluster import Cluster
from .declarations import QualitativeAnswer, ResourceEfficiency
from .enterprise import Enterprise
from .events import Incident, Violation
from .metrics import YearMetrics
from .types import at_most

__all__ = ["MONEY_FIELDS", "Application"]

# Where amounts of money sit in the input, so that the stated money_unit can be applied once, on loading.
MONEY_FIELDS: dict[str, tuple[str, ...]] = {
    "metrics": ("total_output", "sme_output", "leading_industry_output", "sme_rd_expenditure"),
    "enterprises": ("revenue",),
    "incidents": ("direct_loss",),
}


def _known_items() -> frozenset[str]:
    """Item ids of every registered rule set: an application may be judged by any of them."""
    from ..ruleset.registry import known_item_ids

    return known_item_ids()


def _answer_shorthand(value: Any) -> Any:
    """Let ``{"6.3.chain_layout": "met"}`` stand for ``{"6.3.chain_layout": {"answer": "met"}}``."""
    if isinstance(value, dict):
        return {k: ({"answer": v} if isinstance(v, str) else v) for k, v in value.items()}
    return value


def _scaled(value: Any, unit: MoneyUnit) -> Any:
    """A bare amount in yuan; a value that is not one, or too large to scale, is left for the field to refuse at its
    path (scaling 1e999999 would overflow the decimal context instead)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, Decimal)):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value)) if value == value and abs(value) != float("inf") else Decimal("NaN")
    elif isinstance(value, str):
        try:
            number, written_unit = parse_amount(value)
        except ValueError:
            return value  # the field validator reports it at its own path
        if written_unit is not None:
            return value
    else:
        return value
    return to_yuan(number, unit) if _scalable(number) else value


def _scalable(number: Decimal) -> bool:
    return number.is_zero() or (number.is_finite() and -30 <= number.adjusted() <= 30)


def _scaled_figures(value: Any, unit: MoneyUnit) -> Any:
    """The amounts an edition defines (``metrics[].figures``) take the money unit like the built-in ones."""
    if not isinstance(value, dict):
        return value
    return {name: _scaled(amount, unit) for name, amount in value.items()}


class Application(InputModel):
    """The whole application. Load JSON with :func:`cluster_criteria.load_application` (exact numbers)."""

    format_version: Literal["1"] = Field(default="1", description="Version of this input format.")
    money_unit: MoneyUnit = Field(
        default=MoneyUnit.YUAN,
        description="Unit of every bare number that is an amount of money (元 / 万元 / 亿元). Amounts are normalised "
        "to 元 on loading, so a loaded application always says 元.",
    )
    cluster: Cluster = Field(description="The cluster — Art. 2, 6, 7.")
    metrics: Annotated[tuple[YearMetrics, ...], at_most(MAX_YEARS)] = Field(
        default=(),
        max_length=MAX_YEARS,
        description="One record per calendar year, consecutive years — Art. 6(1), 6(4), 6(5), 6(6).",
    )
    enterprises: Annotated[tuple[Enterprise, ...] | None, at_most(MAX_ENTERPRISES)] = Field(
        default=None,
        max_length=MAX_ENTERPRISES,
        description="Enterprises of the cluster — Art. 6(2). Omitted: not supplied (missing data).",
    )
    incidents: Annotated[tuple[Incident, ...] | None, at_most(MAX_EVENTS)] = Field(
        default=None,
        max_length=MAX_EVENTS,
        description="Accidents and security events — Art. 7(2), 7(3). [] declares there were none; omitted means "
        "not supplied (missing data).",
    )
    violations: Annotated[tuple[Violation, ...] | None, at_most(MAX_EVENTS)] = Field(
        default=None,
        max_length=MAX_EVENTS,
        description="Findings of tax evasion, serious dishonesty or other major violations — Art. 7(4). [] declares "
        "there were none; omitted means not supplied.",
    )
    qualitative: Annotated[
        dict[str, QualitativeAnswer], BeforeValidator(_answer_shorthand), at_most(MAX_QUALITATIVE_ANSWERS)
    ] = Field(
        default_factory=dict,
        max_length=MAX_QUALITATIVE_ANSWERS,
        description="Answers to the qualitative items of Art. 6, keyed by item id (see `cluster-criteria rules`). "
        "An item left out is not answered.",
    )
    efficiency: ResourceEfficiency = Field(
        default_factory=ResourceEfficiency, description="Energy and water efficiency — Art. 6(6)."
    )

    @model_validator(mode="before")
    @classmethod
    def _normalise_money(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        try:
            unit = MoneyUnit(data.get("money_unit", MoneyUnit.YUAN))
        except ValueError:
            return data  # reported by the money_unit field itself
        if unit is MoneyUnit.YUAN:
            return data
        data = dict(data)
        for collection, fields in MONEY_FIELDS.items():
            records = data.get(collection)
            if not isinstance(records, (list, tuple)):
                continue
            data[collection] = [
                {
                    k: (_scaled(v, unit) if k in fields else _scaled_figures(v, unit) if k == "figures" else v)
                    for k, v in r.items()
                }
                if isinstance(r, dict)
                else r
                for r in records
            ]
        data["money_unit"] = MoneyUnit.YUAN
        return data

    @field_validator("metrics")
    @classmethod
    def _years_consecutive(cls, metrics: tuple[YearMetrics, ...]) -> tuple[YearMetrics, ...]:
        seen: dict[int, int] = {}
        for index, record in enumerate(metrics):
            if record.year in seen:
                raise PydanticCustomError(
                    "cc_duplicate_year",
                    "year {year} appears twice (metrics[{first}] and metrics[{second}])",
                    {"year": record.year, "first": seen[record.year], "second": index},
                )
            seen[record.year] = index
        years = sorted(seen)
        for earlier, later in itertools.pairwise(years):
            if later != earlier + 1:
                raise PydanticCustomError(
                    "cc_year_gap",
                    "years must be consecutive; {missing} is missing between {earlier} and {later}",
                    {"missing": earlier + 1, "earlier": earlier, "later": later},
                )
        return tuple(sorted(metrics, key=lambda m: m.year))

    @field_validator("enterprises")
    @classmethod
    def _distinct_enterprises(cls, enterprises: tuple[Enterprise, ...] | None) -> tuple[Enterprise, ...] | None:
        seen: dict[str, int] = {}
        for index, enterprise in enumerate(enterprises or ()):
            if enterprise.credit_code in seen:
                raise PydanticCustomError(
                    "cc_duplicate_enterprise",
                    "credit code {code} appears twice (enterprises[{first}] and enterprises[{second}])",
                    {"code": enterprise.credit_code, "first": seen[enterprise.credit_code], "second": index},
                )
            seen[enterprise.credit_code] = index
        return enterprises

    @field_validator("qualitative")
    @classmethod
    def _known_items(cls, answers: dict[str, QualitativeAnswer]) -> dict[str, QualitativeAnswer]:
        unknown = sorted(set(answers) - _known_items())
        if unknown:
            raise PydanticCustomError(
                "cc_unknown_item",
                "unknown qualitative item(s): {items}; `cluster-criteria rules` lists the ids",
                {"items": ", ".join(quoted(item) for item in unknown[:5])},
            )
        return answers

    def year(self, year: int) -> YearMetrics | None:
        """The figures of one calendar year, or ``None`` when the application does not report it."""
        metrics = self.metrics
        # Validated records are sorted and consecutive, so the year gives the position directly.
        position = year - metrics[0].year if metrics else -1
        if 0 <= position < len(metrics) and metrics[position].year == year:
            return metrics[position]
        for record in metrics:
            if record.year == year:
                return record
        return None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Application:
        """Parse JSON with exact decimals (pydantic's own JSON path would pass numbers through float first)."""
        from ..jsonio import parse_json

        raw = bytes(json_data) if isinstance(json_data, bytearray) else json_data
        return cls.model_validate(parse_json(raw), **kwargs)
