"""ApplicationBuilder: start from an eligible application and change only what a test is about."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from ..models import Application
from .base import credit_code, eligible_application_data

__all__ = ["ApplicationBuilder"]

_Value = Any


class ApplicationBuilder:
    """One line per deviation; amounts may be written with their unit (``"19.99亿元"``).

        >>> ApplicationBuilder().year(2023, total_output="19.99亿元").without_designations().build()

    Every method returns the builder; :meth:`data` gives the JSON-ready dict, :meth:`build` the validated model.
    """

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self._data = copy.deepcopy(data) if data is not None else eligible_application_data()

    # -- figures -------------------------------------------------------------------------------------------------
    def year(self, year: int, **fields: _Value) -> ApplicationBuilder:
        """Set figures of one year (the year is added if absent); ``None`` removes a figure."""
        record = self._year_record(year)
        for name, value in fields.items():
            if value is None:
                record.pop(name, None)
            else:
                record[name] = _plain(value)
        return self

    def every_year(self, **fields: _Value) -> ApplicationBuilder:
        """Set the same figures in every reported year."""
        for record in self._data["metrics"]:
            self.year(record["year"], **fields)
        return self

    def without_year(self, year: int) -> ApplicationBuilder:
        self._data["metrics"] = [m for m in self._data["metrics"] if m["year"] != year]
        return self

    def shifted_years(self, by: int) -> ApplicationBuilder:
        """Move every dated thing by ``by`` years, to assess the same cluster in another year."""
        for record in self._data["metrics"]:
            record["year"] += by
        for enterprise in self._data.get("enterprises") or []:
            for designation in enterprise.get("designations", []):
                for key in ("valid_from", "valid_to"):
                    if designation.get(key):
                        designation[key] = _shift_date(designation[key], by)
        for collection in ("incidents", "violations"):
            for event in self._data.get(collection) or []:
                event["date"] = _shift_date(event["date"], by)
        return self

    # -- the cluster ---------------------------------------------------------------------------------------------
    def cluster(self, **fields: _Value) -> ApplicationBuilder:
        _update(self._data["cluster"], fields)
        return self

    def leading_industry(self, **fields: _Value) -> ApplicationBuilder:
        _update(self._data["cluster"]["leading_industry"], fields)
        return self

    def area(self, km2: _Value) -> ApplicationBuilder:
        return self.cluster(area_km2=km2)

    def money_unit(self, unit: str) -> ApplicationBuilder:
        self._data["money_unit"] = unit
        return self

    # -- enterprises ---------------------------------------------------------------------------------------------
    def without_designations(self) -> ApplicationBuilder:
        for enterprise in self._data.get("enterprises") or []:
            enterprise["designations"] = []
        return self

    def without_enterprise_record(self) -> ApplicationBuilder:
        self._data.pop("enterprises", None)
        return self

    def enterprise(
        self,
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

    # -- events --------------------------------------------------------------------------------------------------
    def incident(self, kind: str, date: str, severity: str | None = None, **fields: _Value) -> ApplicationBuilder:
        record: dict[str, Any] = {"kind": kind, "date": date}
        if severity is not None:
            record["severity"] = severity
        _update(record, fields)
        if self._data.get("incidents") is None:
            self._data["incidents"] = []
        self._data["incidents"].append(record)
        return self

    def violation(self, kind: str, date: str, **fields: _Value) -> ApplicationBuilder:
        record: dict[str, Any] = {"kind": kind, "date": date}
        _update(record, fields)
        if self._data.get("violations") is None:
            self._data["violations"] = []
        self._data["violations"].append(record)
        return self

    def without_incident_record(self) -> ApplicationBuilder:
        self._data.pop("incidents", None)
        return self

    def without_violation_record(self) -> ApplicationBuilder:
        self._data.pop("violations", None)
        return self

    # -- declarations --------------------------------------------------------------------------------------------
    def answer(self, item_id: str, answer: str, evidence: str | None = None) -> ApplicationBuilder:
        """Answer a qualitative item: ``"met"``, ``"not_met"`` or ``"not_answered"``."""
        self._data["qualitative"][item_id] = {"answer": answer, **({"evidence": evidence} if evidence else {})}
        return self

    def unanswered(self, item_id: str) -> ApplicationBuilder:
        self._data["qualitative"].pop(item_id, None)
        return self

    def efficiency(
        self, which: str, unit_consumption: _Value, benchmark: _Value, **fields: _Value
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

    # -- results -------------------------------------------------------------------------------------------------
    def set(self, path: str, value: _Value) -> ApplicationBuilder:
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
        return copy.deepcopy(self._data)

    def build(self) -> Application:
        from ..jsonio import application_from_data

        return application_from_data(self.data())

    def _year_record(self, year: int) -> dict[str, Any]:
        for record in self._data["metrics"]:
            if record["year"] == year:
                return record  # type: ignore[no-any-return]
        record = {"year": year}
        self._data["metrics"].append(record)
        self._data["metrics"].sort(key=lambda r: r["year"])
        return record


def _plain(value: _Value) -> _Value:
    return str(value) if isinstance(value, Decimal) else value


def _update(target: dict[str, Any], fields: dict[str, _Value]) -> None:
    for name, value in fields.items():
        if value is None:
            target.pop(name, None)
        else:
            target[name] = _plain(value)


def _shift_date(text: str, years: int) -> str:
    import datetime as dt

    from dateutil.relativedelta import relativedelta

    return (dt.date.fromisoformat(text) + relativedelta(years=years)).isoformat()
