"""Hypothesis strategies for tests of cluster-criteria and of systems that embed it.

Needs the ``test`` extra (``pip install cluster-criteria[test]``): this is the only module of the package that
imports Hypothesis. Strategies:

- :func:`application_data` / :func:`applications`: any valid application for an assessment year;
- :func:`near_limits`: applications placing one figure of a clause at, just under or just over its limit, with the
  status the law gives that check — the limits, words and units come from the rule set's parameters;
- :func:`incidents_near_window`: incidents on and around the first and last day of the 近三年 window of
  Art. 7(2) and 7(3), with assessment dates around 29 February;
- :func:`json_values`, :func:`json_texts`, :func:`malformed_application_data`: arbitrary and malformed input for
  robustness tests.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from ..models import Application
from ..ruleset import RuleSet
from ..ruleset.parameters import Comparison, Threshold
from ..ruleset.registry import resolve_latest
from ..terms import term_last_day
from ..verdicts import Status
from ..vocabulary import (
    Answer,
    CatalogueStatus,
    DesignationKind,
    IncidentKind,
    Severity,
    ViolationKind,
)
from .base import credit_code
from .builder import ApplicationBuilder

__all__ = [
    "BoundaryCase",
    "WindowCase",
    "amounts",
    "application_data",
    "applications",
    "assessment_dates",
    "incidents_near_window",
    "json_texts",
    "json_values",
    "malformed_application_data",
    "near_limits",
    "rates",
]

_LAST_DAY = dt.date(2199, 12, 31)


# -- plain values ----------------------------------------------------------------------------------------------


def rates(places: int = 4) -> st.SearchStrategy[Decimal]:
    """A share between 0 and 1 with up to ``places`` decimals."""
    scale = 10**places
    return st.integers(0, scale).map(lambda n: Decimal(n) / scale)


def amounts(max_yuan: int = 10**12, places: int = 2) -> st.SearchStrategy[Decimal]:
    """An amount of money in 元 between 0 and ``max_yuan``, to ``places`` decimals."""
    scale = 10**places
    return st.integers(0, max_yuan * scale).map(lambda n: Decimal(n) / scale)


def assessment_dates(rule_set: RuleSet | None = None, max_year: int = 2100) -> st.SearchStrategy[dt.date]:
    """Dates on which the rule set is in force, with the days around 29 February drawn often."""
    start = resolve_latest(rule_set).effective_date
    leap_edges = [
        day
        for year in range(start.year, max_year + 1)
        for day in (dt.date(year, 2, 28), dt.date(year, 3, 1), *((dt.date(year, 2, 29),) if _leap(year) else ()))
        if day >= start
    ]
    return st.one_of(st.dates(start, dt.date(max_year, 12, 31)), st.sampled_from(leap_edges))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


# -- valid applications ----------------------------------------------------------------------------------------


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A value, or ``None`` for a figure left out."""
    return st.one_of(st.none(), strategy)


@st.composite
def _year_record(draw: st.DrawFn, year: int) -> dict[str, Any]:
    total = draw(_maybe(amounts(max_yuan=10**11)))
    record: dict[str, Any] = {"year": year}
    if total is not None:
        record["total_output"] = f"{total}元"
        for part in ("sme_output", "leading_industry_output"):
            share = draw(_maybe(rates()))
            if share is not None:
                record[part] = f"{(total * share).quantize(Decimal('0.01'), rounding='ROUND_FLOOR')}元"
    optional: dict[str, st.SearchStrategy[Any]] = {
        "sme_rd_expenditure": amounts(max_yuan=10**10).map(lambda d: f"{d}元"),
        "valid_invention_patents": st.integers(0, 10**6),
        "employees": st.integers(0, 10**7),
        "platform_penetration": rates().map(str),
        "industrial_software_rate": rates().map(str),
        "co2_intensity": rates(places=3).map(lambda r: str(r * 10)),
    }
    for name, strategy in optional.items():
        value = draw(_maybe(strategy))
        if value is not None:
            record[name] = value
    return record


def _designation(kind: DesignationKind, start: dt.date, years: int | None) -> dict[str, Any]:
    record: dict[str, Any] = {"kind": kind.value, "valid_from": start.isoformat()}
    if years is not None:
        record["valid_to"] = term_last_day(start, years).isoformat()
    return record


@st.composite
def _enterprises(draw: st.DrawFn, year: int, last_day: dt.date) -> list[dict[str, Any]]:
    count = draw(st.integers(0, 7))
    dates = st.dates(dt.date(year - 6, 1, 1), last_day)
    return [
        {
            "name": f"示例企业{index + 1}有限公司",
            "credit_code": credit_code(f"91220284MA0C{index:05d}"),
            **({} if (member := draw(_maybe(st.booleans()))) is None else {"in_leading_industry": member}),
            "is_sme": draw(st.booleans()),
            "designations": [
                _designation(kind, draw(dates), draw(_maybe(st.integers(1, 4))))
                for kind in draw(st.lists(st.sampled_from(DesignationKind), max_size=3, unique=True))
            ],
        }
        for index in range(count)
    ]


@st.composite
def _incident(draw: st.DrawFn, year: int, last_day: dt.date) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": draw(st.sampled_from(IncidentKind)).value,
        "date": draw(st.dates(dt.date(year - 5, 1, 1), last_day)).isoformat(),
    }
    severity = draw(_maybe(st.sampled_from(Severity)))
    if severity is not None:
        record["severity"] = severity.value
    for name, strategy in (
        ("deaths", st.integers(0, 40)),
        ("serious_injuries", st.integers(0, 120)),
        ("direct_loss", amounts(max_yuan=2 * 10**8).map(lambda d: f"{d}元")),
    ):
        value = draw(_maybe(strategy))
        if value is not None:
            record[name] = value
    return record


@st.composite
def application_data(
    draw: st.DrawFn, assessment_year: int = 2025, rule_set: RuleSet | None = None, *, later_facts: bool = False
) -> dict[str, Any]:
    """A valid application as JSON-ready data, for assessment on any day of ``assessment_year``.

    Every figure may be left out, lists may be absent (not supplied) or empty (declared none), and values range
    from zero to large, so the whole of each rule is reached; the data always passes validation.

    Incidents, violations and titles are dated before ``assessment_year`` unless ``later_facts=True``: then they
    may fall anywhere in that year, after the assessment date too, where the rules leave them out and the report
    counts them (``*.after_assessment_date`` figures).
    """
    last_day = dt.date(assessment_year, 12, 31) if later_facts else dt.date(assessment_year - 1, 12, 31)
    chosen = resolve_latest(rule_set)
    p = chosen.parameters
    last = assessment_year - 1
    first = last - p.integer("figure_window_years") + 1
    start = draw(st.integers(first - 1, first + 1))
    end = draw(st.integers(max(start, last - 1), last))
    data = ApplicationBuilder().data()
    data["metrics"] = [draw(_year_record(year)) for year in range(start, end + 1)]
    data["cluster"]["area_km2"] = draw(_maybe(rates(places=2).map(lambda r: str(r * 200))))
    if data["cluster"]["area_km2"] is None:
        del data["cluster"]["area_km2"]
    industry = data["cluster"]["leading_industry"]
    for flag in ("high_energy_consuming", "high_water_use"):
        industry[flag] = draw(_maybe(st.booleans()))
    industry["catalogue_status"] = draw(_maybe(st.sampled_from(CatalogueStatus).map(lambda c: c.value)))
    efficiency: dict[str, Any] = {}
    for which in ("energy", "water"):
        if draw(st.booleans()):
            efficiency[which] = {
                "unit_consumption": str(draw(rates(places=2)) * 500),
                "benchmark": str(draw(rates(places=2)) * 500),
                "unit": "kgce/t" if which == "energy" else "m³/t",
                "source": "行业基准值",
            }
    data["efficiency"] = efficiency
    data["enterprises"] = draw(_maybe(_enterprises(assessment_year, last_day)))
    data["incidents"] = draw(_maybe(st.lists(_incident(assessment_year, last_day), max_size=4)))
    data["violations"] = draw(
        _maybe(
            st.lists(
                st.builds(
                    lambda kind, day: {"kind": kind.value, "date": day.isoformat()},
                    st.sampled_from(ViolationKind),
                    st.dates(dt.date(1995, 1, 1), last_day),
                ),
                max_size=2,
            )
        )
    )
    items = [item.id for item in p.qualitative_items]
    answered = draw(st.dictionaries(st.sampled_from(items), st.sampled_from(Answer).map(lambda a: a.value)))
    data["qualitative"] = {item: {"answer": answer} for item, answer in answered.items()}
    if draw(st.booleans()):
        data["qualitative"] = {item: {"answer": Answer.MET.value} for item in items}
    if draw(st.booleans()):
        del data["cluster"]["management_body"]
    return {k: v for k, v in data.items() if v is not None}


def applications(
    assessment_year: int = 2025, rule_set: RuleSet | None = None, *, later_facts: bool = False
) -> st.SearchStrategy[Application]:
    """Valid :class:`Application` models for any day of ``assessment_year`` (as :func:`application_data`)."""
    from ..jsonio import application_from_data

    return application_data(assessment_year, rule_set, later_facts=later_facts).map(application_from_data)


# -- values around a clause's limits ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BoundaryCase:
    """An application with one figure placed at, just under or just over a limit, and what the law says of it.

    ``threshold`` is the parameter's name, ``position`` ``"at"``, ``"under"`` or ``"over"``, ``check_id`` the
    check of the report that decides it, ``expected`` the status the legal word gives. :meth:`builder` gives a
    fresh builder of the case, assessed on ``assessment_date``, to change further or to evaluate.
    """

    threshold: str
    position: str
    check_id: str
    rule_id: str
    value: Decimal
    expected: Status
    start: ApplicationBuilder = field(repr=False, compare=False)

    @property
    def assessment_date(self) -> dt.date:
        """The day the case is assessed on."""
        return self.start.assessment_date

    def builder(self) -> ApplicationBuilder:
        """A fresh builder of the case (a copy: changing it leaves the case as it is)."""
        return self.start.copy()

    def build(self) -> Application:
        """The case's application."""
        return self.start.build()


def _expected(threshold: Threshold, position: str) -> Status:
    """What the legal word gives for a value at, under or over the limit (taken from the parameter, never a literal)."""
    comparison = threshold.word.comparison
    if position == "at":
        holds = comparison.inclusive
    elif position == "under":
        holds = comparison in (Comparison.AT_MOST, Comparison.BELOW)
    else:
        holds = comparison in (Comparison.AT_LEAST, Comparison.ABOVE)
    if holds:
        return Status.PASS
    return Status.NEEDS_REVIEW if threshold.soft else Status.FAIL


_POSITIONS = st.sampled_from(("at", "under", "over"))


def _offset(position: str, epsilon: Decimal) -> Decimal:
    return {"at": Decimal(0), "under": -epsilon, "over": epsilon}[position]


_Placer = Callable[[st.DrawFn, Threshold, str, int, ApplicationBuilder], tuple[Decimal, str]]


def _place_area(draw: st.DrawFn, t: Threshold, pos: str, year: int, b: ApplicationBuilder) -> tuple[Decimal, str]:
    value = t.value + _offset(pos, draw(st.sampled_from([Decimal("0.01"), Decimal("0.5"), Decimal(7)])))
    b.area(value)
    return value, "area"


def _place_total(draw: st.DrawFn, t: Threshold, pos: str, year: int, b: ApplicationBuilder) -> tuple[Decimal, str]:
    value = t.value + _offset(pos, draw(st.sampled_from([Decimal("0.01"), Decimal(1), Decimal(10**7)])))
    b.year(year, total_output=f"{value}元")
    return value, f"total_output.{year}"


def _share_placer(part: str, prefix: str) -> _Placer:
    def place(draw: st.DrawFn, t: Threshold, pos: str, year: int, b: ApplicationBuilder) -> tuple[Decimal, str]:
        value = t.value + _offset(pos, draw(st.sampled_from([Decimal("0.0001"), Decimal("0.000001"), Decimal("0.05")])))
        b.shares(year, **{part: value})
        return value, f"{prefix}.{year}"

    return place


def _growth_placer(name: str, check_id: str, money: bool) -> _Placer:
    def place(draw: st.DrawFn, t: Threshold, pos: str, year: int, b: ApplicationBuilder) -> tuple[Decimal, str]:
        factor = (1 + Fraction(t.value)) ** 2
        if money:
            first = Decimal(draw(st.integers(1, 10**4))) * 10**5
            last = first * Decimal(factor.numerator) / Decimal(factor.denominator)
            last += _offset(pos, Decimal("0.01"))
            first_text, last_text = f"{first}元", f"{last}元"
        else:
            base = factor.denominator * draw(st.integers(1, 50))
            first_text = str(base)
            last_text = str(int(base * factor) + int(_offset(pos, Decimal(1))))
        years = [r["year"] for r in b.data()["metrics"]]
        if name == "leading_industry_output":
            b.every_year(total_output=f"{10**12}元")  # room for any part; the shares stay as they were
        b.year(years[0], **{name: first_text}).year(years[-1], **{name: last_text})
        return t.value, check_id

    return place


def _place_count(kinds_of: str) -> _Placer:
    def place(draw: st.DrawFn, t: Threshold, pos: str, year: int, b: ApplicationBuilder) -> tuple[Decimal, str]:
        count = int(t.value) + int(_offset(pos, Decimal(1)))
        kinds = resolve_latest(None).parameters.kinds(kinds_of, DesignationKind)
        b.without_designations()
        for index in range(count):
            b.enterprise(f"边界企业{index + 1}有限公司", draw(st.sampled_from(kinds)).value)
        return Decimal(count), "top_designations" if kinds_of.startswith("top") else "provincial_designations"

    return place


def _place_per_10k(draw: st.DrawFn, t: Threshold, pos: str, year: int, b: ApplicationBuilder) -> tuple[Decimal, str]:
    per = resolve_latest(None).parameters.decimal("patents_per_employees")
    exact = Fraction(t.value) / Fraction(per)  # patents per employee at the limit
    k = draw(st.integers(1, 200))
    employees = exact.denominator * k * 100
    patents = exact.numerator * k * 100 + int(_offset(pos, Decimal(1)))
    b.year(year, valid_invention_patents=patents, employees=employees)
    return Decimal(patents) * per / Decimal(employees), "patents_per_10k"


def _place_rate(draw: st.DrawFn, t: Threshold, pos: str, year: int, b: ApplicationBuilder) -> tuple[Decimal, str]:
    value = t.value + _offset(pos, draw(st.sampled_from([Decimal("0.0001"), Decimal("0.000001"), Decimal("0.01")])))
    b.year(year, platform_penetration=str(value))
    return value, "platform_penetration"


# Which rule reads each threshold, and how to set a figure on it; years: "any" window year or the "latest".
_PLACERS: dict[str, tuple[str, str, _Placer]] = {
    "area_max_km2": ("6.1", "any", _place_area),
    "total_output_min": ("6.1", "any", _place_total),
    "sme_output_share_min": ("6.1", "any", _share_placer("sme_output", "sme_output_share")),
    "leading_output_growth_min": (
        "6.1",
        "any",
        _growth_placer("leading_industry_output", "leading_output_growth", money=True),
    ),
    "leading_output_share_min": ("6.1", "any", _share_placer("leading_industry_output", "leading_output_share")),
    "top_designations_min": ("6.2", "any", _place_count("top_designation_kinds")),
    "provincial_designations_min": ("6.2", "any", _place_count("provincial_designation_kinds")),
    "rd_growth_min": ("6.4", "any", _growth_placer("sme_rd_expenditure", "sme_rd_growth", money=True)),
    "patent_growth_min": ("6.4", "any", _growth_placer("valid_invention_patents", "patent_growth", money=False)),
    "patents_per_10k_min": ("6.4", "latest", _place_per_10k),
    "platform_penetration_min": ("6.5", "latest", _place_rate),
}


@st.composite
def near_limits(
    draw: st.DrawFn, rule_id: str | None = None, rule_set: RuleSet | None = None, assessment_year: int = 2025
) -> BoundaryCase:
    """A :class:`BoundaryCase` for a threshold of clause ``rule_id`` (any clause with limits when ``None``).

    The figure is placed exactly at the limit, just under or just over it (by a small step drawn from a few
    sizes); the expected status follows from the threshold's legal word — inclusive or strict — and softness.
    """
    keys = [key for key, (rule, _, _) in _PLACERS.items() if rule_id is None or rule == rule_id]
    if not keys:
        raise ValueError(f"clause {rule_id} has no numeric limit; clauses with limits: 6.1, 6.2, 6.4, 6.5")
    key = draw(st.sampled_from(keys))
    threshold = resolve_latest(rule_set).parameters.threshold(key)
    rule, years, place = _PLACERS[key]
    position = draw(_POSITIONS)
    builder = ApplicationBuilder().assessed_on(dt.date(assessment_year, 6, 30))
    window = [r["year"] for r in builder.data()["metrics"]]
    year = window[-1] if years == "latest" else draw(st.sampled_from(window))
    value, check_id = place(draw, threshold, position, year, builder)
    return BoundaryCase(key, position, check_id, rule, value, _expected(threshold, position), builder)


# -- incidents around the window -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WindowCase:
    """An incident at the severity floor dated on or next to an edge of the 近三年 window.

    ``inside`` says whether the window counts it; :meth:`builder` gives a fresh builder of the case.
    """

    assessment_date: dt.date
    incident: dict[str, Any]
    rule_id: str
    edge: str  # "start" or "end"
    days_from_edge: int
    inside: bool

    def builder(self) -> ApplicationBuilder:
        """A fresh builder: the eligible base assessed on ``assessment_date`` with the incident added."""
        kind, day = self.incident["kind"], self.incident["date"]
        extra = {k: v for k, v in self.incident.items() if k not in ("kind", "date")}
        return ApplicationBuilder().assessed_on(self.assessment_date).incident(kind, day, **extra)


@st.composite
def incidents_near_window(draw: st.DrawFn, rule_set: RuleSet | None = None, max_year: int = 2100) -> WindowCase:
    """An incident at the clause's severity floor one day before, on, or one day after an edge of the window."""
    p = resolve_latest(rule_set).parameters
    rule_id, kinds, floor = draw(
        st.sampled_from(
            [
                ("7.2", p.kinds("accident_kinds", IncidentKind), p.severity("accident_severity_floor")),
                ("7.3", p.kinds("security_event_kinds", IncidentKind), p.severity("security_event_severity_floor")),
            ]
        )
    )
    as_of = draw(assessment_dates(rule_set, max_year))
    start = as_of - relativedelta(years=p.integer("event_window_years"))
    edge = draw(st.sampled_from(("start", "end")))
    shift = draw(st.sampled_from((-1, 0, 1)))
    day = (start if edge == "start" else as_of) + dt.timedelta(days=shift)
    inside = start <= day <= as_of
    incident = {"kind": draw(st.sampled_from(kinds)).value, "date": day.isoformat(), "severity": floor.value}
    return WindowCase(as_of, incident, rule_id, edge, shift, inside)


# -- arbitrary and malformed input -----------------------------------------------------------------------------

_NASTY_NUMBERS = (
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "NaN",
    "Infinity",
    "-0",
    "9" * 5000,
    "0." + "0" * 5000 + "1",
)
_NASTY_STRINGS = ("", " ", "\x00", "亿元", "1亿亿元", "29.04亿元 ", "-5元", "8%%", "1e999999999亿元", "true", "null")


def json_values(max_leaves: int = 30) -> st.SearchStrategy[Any]:
    """Any JSON value, exact decimals included, with odd numbers and strings drawn often."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.decimals(allow_nan=False, allow_infinity=False),
        st.sampled_from(_NASTY_NUMBERS).map(Decimal),
        st.text(max_size=40),
        st.sampled_from(_NASTY_STRINGS),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
        max_leaves=max_leaves,
    )


def json_texts() -> st.SearchStrategy[str]:
    """Text to feed a JSON reader: valid JSON of any shape, broken JSON, and pathological documents."""
    pathological = st.sampled_from(
        [
            "[" * 100_000,
            "[" * 100_000 + "]" * 100_000,
            '{"a":' * 50_000 + "1" + "}" * 50_000,
            "1e999999999",
            '{"metrics": [{"year": 2024, "total_output": 1e999999999}]}',
            '"' + "长" * 1_000_000 + '"',
            "9" * 100_000,
            "NaN",
            "-Infinity",
            "\ufeff{}",
        ]
    )
    return st.one_of(json_values().map(_json_text), st.text(max_size=200), pathological)


def _json_text(value: Any) -> str:
    """JSON text of a value whose numbers may be Decimals, digit for digit; iterative, so any depth is written."""
    out: list[str] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Raw):
            out.append(item.text)
        elif isinstance(item, Decimal):
            out.append(str(item))
        elif isinstance(item, dict):
            parts: list[Any] = [_Raw("{")]
            for index, (key, member) in enumerate(item.items()):
                parts += [_Raw(("," if index else "") + json.dumps(str(key)) + ":"), member]
            stack.extend(reversed([*parts, _Raw("}")]))
        elif isinstance(item, list):
            parts = [_Raw("[")]
            for index, member in enumerate(item):
                parts += [_Raw(",")] if index else []
                parts.append(member)
            stack.extend(reversed([*parts, _Raw("]")]))
        else:
            out.append(json.dumps(item))
    return "".join(out)


@dataclass(frozen=True)
class _Raw:
    text: str


_Mutation = Callable[[st.DrawFn, dict[str, Any]], None]


def _paths(node: Any, prefix: tuple[Any, ...] = (), max_depth: int = 12) -> list[tuple[Any, ...]]:
    """Paths to every value of ``node`` down to ``max_depth`` (deeper nesting is someone's corruption)."""
    found: list[tuple[Any, ...]] = [prefix] if prefix else []
    if len(prefix) >= max_depth:
        return found
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _parent(data: dict[str, Any], path: tuple[Any, ...]) -> Any:
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    return node


def _replace(draw: st.DrawFn, data: dict[str, Any]) -> None:
    paths = _paths(data)
    if paths:
        path = draw(st.sampled_from(paths))
        _parent(data, path)[path[-1]] = draw(json_values(max_leaves=8))


def _delete(draw: st.DrawFn, data: dict[str, Any]) -> None:
    keys = [p for p in _paths(data) if isinstance(_parent(data, p), dict)]
    if keys:
        path = draw(st.sampled_from(keys))
        del _parent(data, path)[path[-1]]


def _add_key(draw: st.DrawFn, data: dict[str, Any]) -> None:
    dicts = [p for p in _paths(data) if isinstance(_parent(data, p)[p[-1]], dict)]
    target = data
    if dicts:
        path = draw(st.sampled_from(dicts))
        target = _parent(data, path)[path[-1]]
    target[draw(st.text(min_size=1, max_size=10))] = draw(json_values(max_leaves=4))


def _nasty_leaf(draw: st.DrawFn, data: dict[str, Any]) -> None:
    leaves = [p for p in _paths(data) if not isinstance(_parent(data, p)[p[-1]], (dict, list))]
    if not leaves:
        return
    path = draw(st.sampled_from(leaves))
    value = draw(
        st.one_of(
            st.sampled_from(_NASTY_NUMBERS).map(Decimal),
            st.sampled_from(_NASTY_NUMBERS),
            st.sampled_from(_NASTY_STRINGS),
            st.just("x" * 200_000),
            st.integers(min_value=10**20, max_value=10**400),
        )
    )
    _parent(data, path)[path[-1]] = value


def _deep(draw: st.DrawFn, data: dict[str, Any]) -> None:
    depth = draw(st.integers(50, 3000))
    nested: Any = 1
    for _ in range(depth):
        nested = [nested]
    paths = _paths(data)
    if paths:
        path = draw(st.sampled_from(paths))
        _parent(data, path)[path[-1]] = nested


_MUTATIONS: tuple[_Mutation, ...] = (_replace, _delete, _add_key, _nasty_leaf)


@st.composite
def malformed_application_data(draw: st.DrawFn) -> Any:
    """An application that is almost right: a valid one with one to three random corruptions, or any JSON value."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values())
    data = draw(application_data())
    for mutation in draw(st.lists(st.sampled_from(_MUTATIONS), min_size=1, max_size=3)):
        mutation(draw, data)
    if draw(st.integers(0, 9)) == 0:
        _deep(draw, data)
    return data
