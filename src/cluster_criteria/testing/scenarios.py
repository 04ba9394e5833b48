"""Scenario files: test cases written in the law's vocabulary, in TOML, run by ``cluster-criteria test`` and pytest.

A file holds one or more ``[[scenario]]`` tables. Each names its case as a sentence, gives the assessment date, the
application (the eligible base, a JSON file, or an inline table) with the deviations the case is about, and the
status expected of clauses, of single checks and of the outcome. docs/testing.md describes the format.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..jsonio import parse_json
from ..reading import read_file_bounded
from ..ruleset import RuleSet
from ..verdicts import Outcome, Report, Status
from .builder import ApplicationBuilder

__all__ = [
    "GIVEN_KEYS",
    "INVALID",
    "Difference",
    "Scenario",
    "ScenarioError",
    "ScenarioResult",
    "discover",
    "load_scenarios",
    "read_scenario_file",
    "run_scenario",
    "run_scenarios",
    "scenario_id",
]

# The outcome a scenario expects when the application itself must be refused as invalid input.
INVALID = "invalid"
ELIGIBLE_BASE = "eligible"

_FILE_KEYS = frozenset({"as_of", "base", "growth_method", "sharing_rule", "scenario"})
_SCENARIO_KEYS = frozenset({"name", "as_of", "base", "application", "given", "expect", "growth_method", "sharing_rule"})
_OPTION_KEYS = ("growth_method", "sharing_rule")
# An application is a few levels deep; a value nested deeper than this, or a ``given.set`` path of more parts, is a
# mistake or an attack, and is refused before anything walks it recursively.
MAX_NESTING = 32
MAX_PATH_PARTS = 16


class ScenarioError(ValueError):
    """A scenario file cannot be read: says which file, which scenario and what is wrong."""

    def __init__(self, source: str, message: str, scenario: str = "") -> None:
        self.source = source
        self.scenario = scenario
        where = f"{source}" + (f" [{scenario}]" if scenario else "")
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class Scenario:
    """One test case: an application, the date it is assessed on, and what the law should say of it."""

    name: str
    source: str
    as_of: dt.date
    application: dict[str, Any]
    clauses: dict[str, Status] = field(default_factory=dict)
    checks: dict[str, Status] = field(default_factory=dict)
    outcome: str | None = None
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Difference:
    """One expectation that did not hold: what was looked at, what was expected, what came out."""

    subject: str
    expected: str
    actual: str
    detail: str = ""

    def render(self) -> str:
        """One line: what was looked at, expected and got, and the figures behind it."""
        text = f"{self.subject}: expected {self.expected}, got {self.actual}"
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """What running a scenario found; it passed when nothing differs."""

    scenario: Scenario
    differences: tuple[Difference, ...]
    report: Report | None = None

    @property
    def passed(self) -> bool:
        """Whether every expectation of the scenario held."""
        return not self.differences


# -- reading ---------------------------------------------------------------------------------------------------


def _toml_loads(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]
    data: dict[str, Any] = tomllib.loads(text, parse_float=Decimal)
    return data


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Scenario files among ``paths``: files as given, directories searched for ``*.toml`` (sorted)."""
    found: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.toml") if p.is_file()))
        else:
            found.append(path)
    return found


def load_scenarios(path: str | Path, text: str | None = None) -> list[Scenario]:
    """Read every scenario of a file; raises :class:`ScenarioError` naming the file and the problem.

    Strict: the first bad scenario stops the file. :func:`read_scenario_file` reads the rest as well.
    """
    scenarios, broken = read_scenario_file(path, text)
    if broken:
        raise broken[0]
    return scenarios


def read_scenario_file(path: str | Path, text: str | None = None) -> tuple[list[Scenario], list[ScenarioError]]:
    """Every good scenario of a file, and an error for each bad one, so that one mistake stops only its scenario.

    A file that cannot be read as a whole (not TOML, unknown top-level keys, no scenario) still raises
    :class:`ScenarioError`.
    """
    path = Path(path)
    source = str(path)
    if text is None:
        try:
            text = read_file_bounded(path).decode("utf-8")
        except (OSError, ValueError) as exc:  # ValueError: not UTF-8, or over the size limit
            raise ScenarioError(source, f"cannot read the file ({exc})") from None
    try:
        data = _toml_loads(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise ScenarioError(source, f"not valid TOML: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ScenarioError(source, "not valid TOML: values are nested too deeply") from None
    unknown = sorted(set(data) - _FILE_KEYS)
    if unknown:
        raise ScenarioError(source, f"unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(_FILE_KEYS))}")
    tables = data.get("scenario")
    if not isinstance(tables, list) or not tables:
        raise ScenarioError(source, "no [[scenario]] table")
    defaults = {k: v for k, v in data.items() if k != "scenario"}
    scenarios: list[Scenario] = []
    broken: list[ScenarioError] = []
    names: set[str] = set()
    for index, table in enumerate(tables):
        try:
            scenario = _scenario(table, defaults, path, index)
        except ScenarioError as exc:
            broken.append(exc)
            continue
        if scenario.name in names:
            broken.append(ScenarioError(source, "two scenarios have this name", scenario.name))
            continue
        names.add(scenario.name)
        scenarios.append(scenario)
    return scenarios, broken


def scenario_id(name: str) -> str:
    """A test id for a scenario's sentence that ``pytest -k`` can select: words joined by ``_``.

    ``"A cluster of exactly 100 km² meets …"`` becomes ``A_cluster_of_exactly_100_km²_meets_…``; letters of any
    script are kept, so ``-k 亿元`` works too.
    """
    return _NOT_IN_ID.sub("_", name).strip("_") or "scenario"


_NOT_IN_ID = re.compile(r"[^\w.]+")


def _scenario(table: Any, defaults: Mapping[str, Any], path: Path, index: int) -> Scenario:
    source = str(path)
    name = table.get("name") if isinstance(table, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise ScenarioError(source, f"scenario #{index + 1} needs a name (a sentence saying what it shows)")
    assert isinstance(table, dict)

    def fail(message: str) -> ScenarioError:
        return ScenarioError(source, message, name)

    unknown = sorted(set(table) - _SCENARIO_KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(_SCENARIO_KEYS))}")
    settings = {**defaults, **table}
    as_of = settings.get("as_of")
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of)
        except ValueError:
            raise fail(f"as_of {as_of!r} is not a date (YYYY-MM-DD)") from None
    if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
        raise fail("as_of (the assessment date, YYYY-MM-DD) is required")
    try:
        builder = _base(settings, path, as_of)
        _apply(builder, table.get("given") or {})
    except ScenarioError:
        raise
    except (KeyError, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise fail(f"cannot apply 'given': {exc!s}") from None
    clauses, checks, outcome = _expectations(table.get("expect"), fail)
    options = {k: str(settings[k]) for k in _OPTION_KEYS if k in settings}
    _check_options(options, fail)
    return Scenario(name.strip(), source, as_of, builder.data(), clauses, checks, outcome, options)


def _check_options(options: Mapping[str, str], fail: Any) -> None:
    from ..context import GrowthMethod, SharingRule

    for key, kind in (("growth_method", GrowthMethod), ("sharing_rule", SharingRule)):
        if key in options and options[key] not in {m.value for m in kind}:
            raise fail(f"{key} {options[key]!r} is not one of {', '.join(m.value for m in kind)}")


def _base(settings: Mapping[str, Any], path: Path, as_of: dt.date) -> ApplicationBuilder:
    inline = settings.get("application")
    if inline is not None:
        if not isinstance(inline, dict):
            raise TypeError("application must be a table")
        return ApplicationBuilder(_plain_data(inline))
    base = settings.get("base", ELIGIBLE_BASE)
    if base == ELIGIBLE_BASE:
        return ApplicationBuilder().assessed_on(as_of)
    file = path.parent / str(base)
    try:
        data = parse_json(read_file_bounded(file))
    except (OSError, ValueError, RecursionError) as exc:  # ApplicationError, for unreadable JSON, is a ValueError
        raise ValueError(f"base {base!r} is neither 'eligible' nor a readable JSON file ({exc})") from None
    return ApplicationBuilder(_plain_data(data))


def _plain_data(value: Any, depth: int = 0) -> Any:
    """TOML and JSON values as the builder writes them: decimals and dates as text."""
    if isinstance(value, dict | list) and depth >= MAX_NESTING:
        raise ValueError(f"a value is nested more than {MAX_NESTING} levels deep")
    if isinstance(value, dict):
        return {str(k): _plain_data(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v, depth + 1) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _table(value: Any, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"given.{key} must be a table")
    return value


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"given.{key} must be an array")
    return value


def _each_year(b: ApplicationBuilder, v: Any, method: str) -> None:
    for year, fields in _table(v, method).items():
        getattr(b, method)(int(year), **_table(fields, f"{method}.{year}"))


def _enterprises(b: ApplicationBuilder, v: Any) -> None:
    for record in _list(v, "enterprises"):
        fields = dict(_table(record, "enterprises[]"))
        b.enterprise(fields.pop("name"), *fields.pop("designations", ()), **fields)


def _events(b: ApplicationBuilder, v: Any, kind: str) -> None:
    for record in _list(v, kind):
        fields = dict(_table(record, f"{kind}[]"))
        getattr(b, kind[:-1] if kind == "incidents" else "violation")(fields.pop("kind"), fields.pop("date"), **fields)


def _without(b: ApplicationBuilder, v: Any) -> None:
    actions = {
        "designations": b.without_designations,
        "enterprise_record": b.without_enterprise_record,
        "incident_record": b.without_incident_record,
        "violation_record": b.without_violation_record,
    }
    for what in _list(v, "without"):
        if what not in actions:
            raise ValueError(f"given.without: {what!r} is not one of {', '.join(actions)}")
        actions[what]()


def _efficiency(b: ApplicationBuilder, v: Any) -> None:
    for which, fields in _table(v, "efficiency").items():
        fields = dict(_table(fields, f"efficiency.{which}"))
        b.efficiency(which, fields.pop("unit_consumption"), fields.pop("benchmark"), **fields)


_YEAR_PATH = re.compile(r"^metrics\[year=(\d{4})\]\.(\w+)$")


def _remove(b: ApplicationBuilder, path: str) -> ApplicationBuilder:
    """Leave a figure out, named as reports name missing data (``metrics[year=2023].total_output``)."""
    match = _YEAR_PATH.match(path)
    if match:
        return b.year(int(match.group(1)), **{match.group(2): None})
    return b.set(_path(path), None)


def _path(path: str) -> str:
    if path.count(".") >= MAX_PATH_PARTS:
        raise ValueError(f"given.set: a path has more than {MAX_PATH_PARTS} parts")
    return path


# The deviations a scenario may state, in the order they are applied, each a builder step.
_GIVEN: dict[str, Any] = {
    "years": lambda b, v: _each_year(b, v, "year"),
    "every_year": lambda b, v: b.every_year(**_table(v, "every_year")),
    "without_years": lambda b, v: [b.without_year(int(y)) for y in _list(v, "without_years")],
    "shares": lambda b, v: _each_year(b, v, "shares"),
    "growth": lambda b, v: [b.growth(name, rate) for name, rate in _table(v, "growth").items()],
    "cluster": lambda b, v: b.cluster(**_table(v, "cluster")),
    "leading_industry": lambda b, v: b.leading_industry(**_table(v, "leading_industry")),
    "area_km2": lambda b, v: b.area(v),
    "without": _without,
    "enterprises": _enterprises,
    "incidents": lambda b, v: _events(b, v, "incidents"),
    "violations": lambda b, v: _events(b, v, "violations"),
    "answers": lambda b, v: [b.answer(item, str(a)) for item, a in _table(v, "answers").items()],
    "unanswered": lambda b, v: [b.unanswered(item) for item in _list(v, "unanswered")],
    "efficiency": _efficiency,
    "set": lambda b, v: [b.set(_path(p), x) for p, x in _table(v, "set").items()],
    "missing": lambda b, v: [_remove(b, str(p)) for p in _list(v, "missing")],
}
GIVEN_KEYS = tuple(_GIVEN)


def _apply(builder: ApplicationBuilder, given: Any) -> None:
    given = _plain_data(_table(given, "given") if given else {})
    unknown = sorted(set(given) - set(_GIVEN))
    if unknown:
        raise ValueError(f"unknown deviation(s) {', '.join(unknown)}; known: {', '.join(GIVEN_KEYS)}")
    for key, step in _GIVEN.items():
        if key in given:
            step(builder, given[key])


def _expectations(expect: Any, fail: Any) -> tuple[dict[str, Status], dict[str, Status], str | None]:
    if not isinstance(expect, dict) or not expect:
        raise fail('expect is required: the status of clauses ("6.1" = "fail") and/or the outcome')
    statuses = ", ".join(s.value for s in Status)
    clauses: dict[str, Status] = {}
    checks: dict[str, Status] = {}
    outcome: str | None = None
    for key, value in expect.items():
        if key == "outcome":
            allowed = [o.value for o in Outcome] + [INVALID]
            if value not in allowed:
                raise fail(f"expect.outcome {value!r} is not one of {', '.join(allowed)}")
            outcome = value
        elif key == "checks":
            if not isinstance(value, dict):
                raise fail("expect.checks must be a table of check id = status")
            for check_id, status in value.items():
                checks[check_id] = _status(status, f"expect.checks.{check_id}", statuses, fail)
        else:
            clauses[key] = _status(value, f"expect.{key}", statuses, fail)
    return clauses, checks, outcome


def _status(value: Any, where: str, allowed: str, fail: Any) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise fail(f"{where} {value!r} is not one of {allowed}") from None


# -- running ---------------------------------------------------------------------------------------------------


def run_scenario(scenario: Scenario, rule_set: RuleSet | None = None) -> ScenarioResult:
    """Evaluate the scenario's application and compare every expectation; ``rule_set`` replaces the default."""
    from ..context import EvaluationContext, GrowthMethod, SharingRule
    from ..errors import ApplicationError
    from ..evaluation import evaluate
    from ..jsonio import application_from_data

    try:
        application = application_from_data(scenario.application)
        options: dict[str, Any] = {
            "growth_method": GrowthMethod(scenario.options.get("growth_method", GrowthMethod.GEOMETRIC)),
            "sharing_rule": SharingRule(scenario.options.get("sharing_rule", SharingRule.ALL_LISTED)),
        }
        if rule_set is not None:
            options["rule_set"] = rule_set
        report = evaluate(application, EvaluationContext(scenario.as_of, **options))
    except ApplicationError as exc:
        if scenario.outcome == INVALID:
            return ScenarioResult(scenario, ())
        detail = "; ".join(p.render("en") for p in exc.problems[:3])
        return ScenarioResult(scenario, (Difference("application", "a valid application", INVALID, detail),))
    return ScenarioResult(scenario, tuple(_differences(scenario, report)), report)


def _differences(scenario: Scenario, report: Report) -> Iterator[Difference]:
    if scenario.outcome is not None and scenario.outcome != report.outcome.value:
        yield Difference(
            "outcome", scenario.outcome, report.outcome.value, "decided by " + ", ".join(report.decided_by)
        )
    verdicts = {v.rule_id: v for v in report.verdicts}
    for rule_id, expected in scenario.clauses.items():
        verdict = verdicts.get(rule_id)
        if verdict is None:
            yield Difference(f"clause {rule_id}", expected.value, "no such clause")
        elif verdict.status is not expected:
            off = [f"{c.id} {c.status.value}" for c in verdict.checks if c.status is not Status.PASS]
            yield Difference(
                f"clause {rule_id} ({verdict.citation_zh})", expected.value, verdict.status.value, "; ".join(off)
            )
    checks = {c.id: c for v in report.verdicts for c in v.checks}
    for check_id, expected in scenario.checks.items():
        check = checks.get(check_id)
        if check is None:
            yield Difference(f"check {check_id}", expected.value, "no such check")
        elif check.status is not expected:
            detail = ""
            if check.value is not None and check.threshold is not None:
                detail = f"{check.value} {check.comparison} {check.threshold}"
            yield Difference(f"check {check_id}", expected.value, check.status.value, detail)


def run_scenarios(paths: Iterable[str | Path], rule_set: RuleSet | None = None) -> list[ScenarioResult]:
    """Load and run every scenario under ``paths``; a file that cannot be read raises :class:`ScenarioError`."""
    return [run_scenario(s, rule_set) for file in discover(paths) for s in load_scenarios(file)]
