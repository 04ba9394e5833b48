"""ApplicationBuilder: start from an eligible application and change only what a test is about."""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec

from ..models import Application, YearMetrics
from .base import BASE_YEARS, credit_code, eligible_application_data

if TYPE_CHECKING:
    from ..context import EvaluationContext
    from ..verdicts import Report

__all__ = ["DEFAULT_ASSESSMENT_DATE", "PARTS_OF_TOTAL", "ApplicationBuilder"]

_Value = Any
# One deviation as the builder replays it: the name of the step's method, its arguments and keyword arguments.
_Step = tuple[str, tuple[Any, ...], dict[str, Any]]
_P = ParamSpec("_P")

# The day the eligible base is assessed on unless a test says otherwise (any day of the year after its figures).
DEFAULT_ASSESSMENT_DATE = dt.date(BASE_YEARS[-1] + 1, 4, 15)

# Figures that are parts of the year's total output; the model refuses a part larger than the total.
PARTS_OF_TOTAL = ("sme_output", "leading_industry_output")



def _step(
    method: Callable[Concatenate[ApplicationBuilder, _P], ApplicationBuilder],
) -> Callable[Concatenate[ApplicationBuilder, _P], ApplicationBuilder]:
    """Record a deviation so that :meth:`ApplicationBuilder.assessed_on` can replay it over the moved base.

    Only the outermost call is recorded: a step calling another (``every_year`` calls ``year``) replays once.
    """

    @functools.wraps(method)
    def recorded(self: ApplicationBuilder, /, *args: _P.args, **kwargs: _P.kwargs) -> ApplicationBuilder:
        if self._replaying:
            return method(self, *args, **kwargs)
        self._steps.append((method.__name__, copy.deepcopy(args), copy.deepcopy(kwargs)))
        self._replaying = True
        try:
            return method(self, *args, **kwargs)
        finally:
            self._replaying = False

    return recorded


class ApplicationBuilder:
    """One line per deviation; amounts may be written with their unit (``"19.99亿元"``).

        >>> ApplicationBuilder().year(2023, total_output="19.99亿元").without_designations().build()

    Every method returns the builder, which changes in place; :meth:`copy` gives an independent one.
    :meth:`data` gives the JSON-ready dict, :meth:`build` the validated model, :meth:`evaluate` the report.

    Every date a test states stays as stated, whatever the order of the calls: :meth:`assessed_on` moves only the
    base (its years of figures and its enterprises' titles) and then applies the deviations again, in the order
    they were written. :meth:`shifted_years` is the explicit way to move dates a test has stated.
    """

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        """Start from ``data`` (a JSON-ready application assessed in 2025) or, by default, the eligible base."""
        self._base = copy.deepcopy(data) if data is not None else eligible_application_data()
        self._data = copy.deepcopy(self._base)
        self._assessment_date = DEFAULT_ASSESSMENT_DATE
        self._steps: list[_Step] = []
        self._replaying = False

    def __repr__(self) -> str:
        steps = ", ".join(name for name, _, _ in self._steps) or "none"
        return f"<ApplicationBuilder assessed on {self._assessment_date.isoformat()}; deviations: {steps}>"

    def copy(self) -> ApplicationBuilder:
        """An independent builder with the same base, assessment date and deviations."""
        twin = ApplicationBuilder.__new__(ApplicationBuilder)
        twin._base = copy.deepcopy(self._base)
        twin._data = copy.deepcopy(self._data)
        twin._assessment_date = self._assessment_date
        twin._steps = copy.deepcopy(self._steps)
        twin._replaying = False
        return twin

    # -- the assessment ------------------------------------------------------------------------------------------
    def assessed_on(self, day: dt.date | str) -> ApplicationBuilder:
        """Assess on ``day``; the base moves by whole years so that its figures are the three years before it.

        Only the base moves (its years of figures and the titles of its enterprises): incidents, violations,
        enterprises, years and other dates a test states stay as stated, before or after this call alike. The
        base stays eligible on any day of that year (on or after the rule set's effective date).
        """
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        elif not isinstance(day, dt.date):
            raise TypeError(f"assessed_on needs a datetime.date or an ISO date text, not {type(day).__name__}")
        self._assessment_date = day
        self._data = copy.deepcopy(self._base)
        by = day.year - DEFAULT_ASSESSMENT_DATE.year
        if by:
            _shift_dates(self._data, by)
        self._replaying = True
        try:
            for name, args, kwargs in self._steps:
                getattr(self, name)(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        finally:
            self._replaying = False
        return self

    @property
    def assessment_date(self) -> dt.date:
        """The day :meth:`evaluate` assesses on (``DEFAULT_ASSESSMENT_DATE`` unless :meth:`assessed_on` said)."""
        return self._assessment_date

    def context(self, **options: Any) -> EvaluationContext:
        """The evaluation context of the assessment date; ``options`` as for :class:`EvaluationContext`."""
        from ..context import EvaluationContext

        return EvaluationContext(self._assessment_date, **options)

    def evaluate(self, **options: Any) -> Report:
        """Build and evaluate on the assessment date; ``options`` as for :func:`cluster_criteria.evaluate`."""
        from ..evaluation import evaluate

        return evaluate(self.build(), self._assessment_date, **options)

    # -- figures -------------------------------------------------------------------------------------------------
    @_step
    def year(self, /, year: int, **fields: _Value) -> ApplicationBuilder:
        """Set figures of one year (the year is added if absent); ``None`` removes a figure.

        Setting ``total_output`` without its parts keeps the year's shares: ``sme_output`` and
        ``leading_industry_output`` are scaled in proportion and rounded *up* to the fen (never above the new
        total), so a share never falls below its old value: a share set at its limit with :meth:`shares` stays at
        or above it. The base's shares are 80 %, 78.8 % and 77.8 % (2022–2024).
        Give a part in the same call to set it yourself.
        """
        record = self._year_record(year)
        new_total = fields.get("total_output")
        if new_total is not None and record.get("total_output") is not None:
            old, new = self._yuan(record["total_output"]), self._yuan(new_total)
            for part in PARTS_OF_TOTAL:
                if part not in fields and record.get(part) is not None and old > 0:
                    fields[part] = f"{_scaled(self._yuan(record[part]), old, new)}元"
        for name, value in fields.items():
            # A figure an edition defines beyond the built-in fields sits under the year's ``figures``.
            target = record if name in YearMetrics.model_fields else record.setdefault("figures", {})
            if value is None:
                target.pop(name, None)
            else:
                target[name] = _plain(value)
        return self

    @_step
    def shares(self, /, year: int, **shares: _Value) -> ApplicationBuilder:
        """Set parts of one year's total output by their share, e.g. ``.shares(2023, sme_output="59.99%")``.

        The part becomes share × total exactly (the total is left as it is).
        """
        from ..models.types import coerce_decimal

        record = self._year_record(year)
        total = self._yuan(record["total_output"])
        for part, share in shares.items():
            if part not in PARTS_OF_TOTAL:
                raise ValueError(f"{part!r} is not a part of total_output; use one of {', '.join(PARTS_OF_TOTAL)}")
            text = str(share).strip()
            rate = coerce_decimal(text[:-1]) / 100 if text.endswith("%") else coerce_decimal(text)
            record[part] = f"{total * rate}元"
        return self

    @_step
    def growth(self, /, name: str, rate: _Value, *, first: _Value | None = None) -> ApplicationBuilder:
        """Make a figure grow by exactly ``rate`` a year over the base years (geometric and mean of ratios agree).

        ``first`` sets the first year's value (default: keep it). Amounts are written in 元.
        """
        from ..models.types import coerce_decimal

        years = [record["year"] for record in self._data["metrics"]]
        text = str(rate).strip()
        factor = 1 + (coerce_decimal(text[:-1]) / 100 if text.endswith("%") else coerce_decimal(text))
        start = self._year_record(years[0]).get(name) if first is None else first
        if start is None:
            raise ValueError(f"no {name} in {years[0]} to grow from; pass first=")
        money = name in {"sme_rd_expenditure", *PARTS_OF_TOTAL, "total_output"}
        value = self._yuan(start) if money else coerce_decimal(start)
        for step, year in enumerate(years):
            grown = value * factor**step
            self._year_record(year)[name] = f"{grown}元" if money else _integral(grown)
        return self

    @_step
    def every_year(self, /, **fields: _Value) -> ApplicationBuilder:
        """Set the same figures in every reported year."""
        for record in self._data["metrics"]:
            self.year(record["year"], **fields)
        return self

    @_step
    def without_year(self, /, year: int) -> ApplicationBuilder:
        """Leave out a whole year of figures."""
        self._data["metrics"] = [m for m in self._data["metrics"] if m["year"] != year]
        return self

    @_step
    def shifted_years(self, /, by: int) -> ApplicationBuilder:
        """Move every date so far, stated ones included, by ``by`` years (years of figures, titles, events)."""
        _shift_dates(self._data, by)
        return self

    # The cluster.
    @_step
    def cluster(self, /, **fields: _Value) -> ApplicationBuilder:
        """Set fields of the cluster (``name``, ``area_km2``, ``management_body`` …); ``None`` removes one."""
        _update(self._data["cluster"], fields)
        return self

    @_step
    def leading_industry(self, /, **fields: _Value) -> ApplicationBuilder:
        """Set fields of the leading industry (``catalogue_status``, ``high_energy_consuming`` …)."""
        _update(self._data["cluster"]["leading_industry"], fields)
        return self

    @_step
    def area(self, /, km2: _Value) -> ApplicationBuilder:
        """Set the cluster's area in km² (Art. 6(1): 一般不超过 100 km²)."""
        _update(self._data["cluster"], {"area_km2": km2})
        return self

    @_step
    def money_unit(self, /, unit: str) -> ApplicationBuilder:
        """Set the unit of bare numbers of money (``"元"``, ``"万元"``, ``"亿元"``)."""
        self._data["money_unit"] = unit
        return self

    # Enterprises and their titles.
    @_step
    def without_designations(self, /) -> ApplicationBuilder:
        """Take every title from every enterprise (Art. 6(2) then lacks titled enterprises)."""
        for enterprise in self._data.get("enterprises") or []:
            enterprise["designations"] = []
        return self

    @_step
    def without_enterprise_record(self, /) -> ApplicationBuilder:
        """Leave the list of enterprises out altogether (missing data, not "no enterprise")."""
        self._data.pop("enterprises", None)
        return self

    @_step
    def enterprise(
        self, /,
        name: str,
        *designations: str,
        in_leading_industry: bool | None = True,
        valid_from: str = "2023-01-01",
        valid_to: str | None = None,
        **fields: _Value,
    ) -> ApplicationBuilder:
        """Add an enterprise holding the given titles (kinds such as ``"high_tech_enterprise"``)."""
        enterprises = self._data.setdefault("enterprises", [])
        serial = f"{len(enterprises) + 1:05d}"
        record: dict[str, Any] = {
            "name": name,
            "credit_code": credit_code(f"91220284MA0B{serial}"),
            "designations": [
                {"kind": kind, "valid_from": valid_from, **({"valid_to": valid_to} if valid_to else {})}
                for kind in designations
            ],
        }
        if in_leading_industry is not None:
            record["in_leading_industry"] = in_leading_industry
        _update(record, fields)
        enterprises.append(record)
        return self

    # Incidents and violations (Art. 7).
    @_step
    def incident(self, /, kind: str, date: str, severity: str | None = None, **fields: _Value) -> ApplicationBuilder:
        """Add an incident of ``kind`` (``"safety"``, ``"quality"``, ``"network_security"`` …) on ``date``."""
        record: dict[str, Any] = {"kind": kind, "date": _plain(date)}
        if severity is not None:
            record["severity"] = severity
        _update(record, fields)
        if self._data.get("incidents") is None:
            self._data["incidents"] = []
        self._data["incidents"].append(record)
        return self

    @_step
    def violation(self, /, kind: str, date: str, **fields: _Value) -> ApplicationBuilder:
        """Add a finding of a violation of ``kind`` (``"tax_evasion"``, ``"serious_dishonesty"`` …) on ``date``."""
        record: dict[str, Any] = {"kind": kind, "date": _plain(date)}
        _update(record, fields)
        if self._data.get("violations") is None:
            self._data["violations"] = []
        self._data["violations"].append(record)
        return self

    @_step
    def without_incident_record(self, /) -> ApplicationBuilder:
        """Leave the incident record out (missing data, not "no incident")."""
        self._data.pop("incidents", None)
        return self

    @_step
    def without_violation_record(self, /) -> ApplicationBuilder:
        """Leave the violation record out (missing data, not "no violation")."""
        self._data.pop("violations", None)
        return self

    # Declared items and efficiency.
    @_step
    def answer(self, /, item_id: str, answer: str, evidence: str | None = None) -> ApplicationBuilder:
        """Answer a qualitative item: ``"met"``, ``"not_met"`` or ``"not_answered"``."""
        self._data["qualitative"][item_id] = {"answer": answer, **({"evidence": evidence} if evidence else {})}
        return self

    @_step
    def unanswered(self, /, item_id: str) -> ApplicationBuilder:
        """Leave a qualitative item without an answer."""
        self._data["qualitative"].pop(item_id, None)
        return self

    @_step
    def efficiency(
        self, /, which: str, unit_consumption: _Value, benchmark: _Value, **fields: _Value
    ) -> ApplicationBuilder:
        """Declare the industry high-energy (``"energy"``) or high-water-use (``"water"``) with its figures."""
        flag = {"energy": "high_energy_consuming", "water": "high_water_use"}[which]
        self.leading_industry(**{flag: True})
        record = {
            "unit_consumption": _plain(unit_consumption),
            "benchmark": _plain(benchmark),
            "unit": "kgce/t",
            "source": "《高耗能行业重点领域能效标杆水平和基准水平（2021年版）》",
        }
        _update(record, fields)
        self._data.setdefault("efficiency", {})[which] = record
        return self

    # Any field, and the results.
    @_step
    def set(self, /, path: str, value: _Value) -> ApplicationBuilder:
        """Set any field by a dotted path with list indexes, e.g. ``"enterprises.0.is_sme"``."""
        *parents, last = path.split(".")
        node: Any = self._data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        if isinstance(node, list):
            node[int(last)] = _plain(value)
        elif value is None:
            node.pop(last, None)
        else:
            node[last] = _plain(value)
        return self

    def data(self) -> dict[str, Any]:
        """The application as JSON-ready data (a fresh copy each call)."""
        return copy.deepcopy(self._data)

    def build(self) -> Application:
        """The validated :class:`~cluster_criteria.models.Application`."""
        from ..jsonio import application_from_data

        return application_from_data(self.data())

    def _yuan(self, value: _Value) -> Decimal:
        """An amount as written in the data (number in the money unit, or text with a unit) in 元."""
        from ..models.types import coerce_decimal
        from ..money import MoneyUnit, parse_amount, to_yuan

        unit = MoneyUnit(self._data.get("money_unit", MoneyUnit.YUAN))
        if isinstance(value, str):
            number, written = parse_amount(value)
            return to_yuan(number, written or unit)
        return to_yuan(coerce_decimal(value), unit)

    def _year_record(self, year: int) -> dict[str, Any]:
        for record in self._data["metrics"]:
            if record["year"] == year:
                return record  # type: ignore[no-any-return]
        record = {"year": year}
        self._data["metrics"].append(record)
        self._data["metrics"].sort(key=lambda r: r["year"])
        return record


def _plain(value: _Value) -> _Value:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _integral(value: Decimal) -> _Value:
    """A count stays an int when the growth gives a whole number, else its exact decimal text."""
    return int(value) if value == value.to_integral_value() else str(value)


def _update(target: dict[str, Any], fields: dict[str, _Value]) -> None:
    for name, value in fields.items():
        if value is None:
            target.pop(name, None)
        else:
            target[name] = _plain(value)


def _scaled(part: Decimal, old_total: Decimal, new_total: Decimal) -> str:
    """``part`` scaled from ``old_total`` to ``new_total``, rounded up to the fen but never above the new total.

    Rounding up keeps the share at or above its old value, so a share set at its limit stays at it.
    """
    exact = Fraction(part) * Fraction(new_total) / Fraction(old_total)
    fen = -(-exact.numerator * 100 // exact.denominator)  # the ceiling, in whole fen
    scaled = min(Decimal(f"{fen}E-2"), new_total)
    return f"{scaled:f}"


def _shift_dates(data: dict[str, Any], by: int) -> None:
    """Move the years of figures, the titles' dates and the events' dates of ``data`` by ``by`` years."""
    for record in data["metrics"]:
        record["year"] += by
    for enterprise in data.get("enterprises") or []:
        for designation in enterprise.get("designations", []):
            for key in ("valid_from", "valid_to"):
                if designation.get(key):
                    designation[key] = _shift_date(designation[key], by)
    for collection in ("incidents", "violations"):
        for event in data.get(collection) or []:
            event["date"] = _shift_date(event["date"], by)


def _shift_date(text: str, years: int) -> str:
    from dateutil.relativedelta import relativedelta

    return (dt.date.fromisoformat(text) + relativedelta(years=years)).isoformat()
