"""The pytest plugin of cluster-criteria, registered through the ``pytest11`` entry point.

Fixtures:

- ``eligible_application``: a complete :class:`~cluster_criteria.Application` that passes every clause;
- ``application_builder``: a fresh :class:`~cluster_criteria.testing.ApplicationBuilder` on that application;
- ``assessment_date`` and ``evaluation_context``: the day the builder's application is assessed on, and its
  :class:`~cluster_criteria.EvaluationContext`.

Scenario files (``*.toml`` in a directory named ``scenarios``) are collected as test items, one per scenario.
Set ``cluster_criteria_scenarios = false`` in the pytest configuration to turn that off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ..context import EvaluationContext
    from ..models import Application
    from .builder import ApplicationBuilder
    from .scenarios import Scenario, ScenarioResult

__all__ = [
    "BrokenScenarioItem",
    "ScenarioFile",
    "ScenarioItem",
    "application_builder",
    "assessment_date",
    "eligible_application",
    "evaluation_context",
]

_DIRECTORY = "scenarios"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "cluster_criteria_scenarios",
        type="bool",
        default=True,
        help="collect cluster-criteria scenario files (*.toml in a directory named scenarios)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ScenarioFile | None:
    wanted = file_path.suffix == ".toml" and _DIRECTORY in file_path.parent.parts
    if wanted and parent.config.getini("cluster_criteria_scenarios"):
        file: ScenarioFile = ScenarioFile.from_parent(parent, path=file_path)
        return file
    return None


class ScenarioFile(pytest.File):
    """A scenario file: each ``[[scenario]]`` becomes an item.

    The item's name is the sentence with its spaces and signs turned into ``_`` (``pytest -k first_day`` selects
    it); the sentence itself is the item's description. A scenario that cannot be read is one failing item, and
    the others of its file still run.
    """

    def collect(self) -> Iterator[ScenarioItem | BrokenScenarioItem]:
        from .scenarios import read_scenario_file, scenario_id

        scenarios, broken = read_scenario_file(self.path)
        taken: set[str] = set()
        for scenario in scenarios:
            name = _unique(scenario_id(scenario.name), taken)
            yield ScenarioItem.from_parent(self, name=name, scenario=scenario)
        for number, error in enumerate(broken, start=1):
            name = _unique(scenario_id(error.scenario) if error.scenario else f"unreadable_scenario_{number}", taken)
            yield BrokenScenarioItem.from_parent(self, name=name, error=error)


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}_{number}"
    taken.add(candidate)
    return candidate


class ScenarioFailed(Exception):
    """The law gave something else than the scenario expects."""

    def __init__(self, result: ScenarioResult) -> None:
        super().__init__(result.scenario.name)
        self.result = result


class ScenarioItem(pytest.Item):
    """One scenario: passes when every expected status holds."""

    def __init__(self, *, scenario: Scenario, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario

    def runtest(self) -> None:
        from .scenarios import run_scenario

        result = run_scenario(self.scenario)
        if not result.passed:
            raise ScenarioFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailed):
            lines = [f"scenario: {self.scenario.name}", f"assessed on: {self.scenario.as_of.isoformat()}"]
            lines += [f"  {d.render()}" for d in excinfo.value.result.differences]
            return "\n".join(lines)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"scenario: {self.scenario.name}"


class BrokenScenarioItem(pytest.Item):
    """A scenario its file states wrongly: fails with the reason, without stopping the other scenarios."""

    def __init__(self, *, error: Exception, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def runtest(self) -> None:
        raise self.error

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return f"scenario cannot be read: {self.error}"

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"scenario: {self.name}"


@pytest.fixture
def application_builder() -> ApplicationBuilder:
    """A builder on the complete, eligible application; change only what the test is about."""
    from .builder import ApplicationBuilder

    return ApplicationBuilder()


@pytest.fixture
def eligible_application() -> Application:
    """A complete application that passes every clause of Art. 6 and Art. 7 on ``assessment_date``."""
    from .builder import ApplicationBuilder

    return ApplicationBuilder().build()


@pytest.fixture
def assessment_date() -> dt.date:
    """The day the builder's application is assessed on by default."""
    from .builder import DEFAULT_ASSESSMENT_DATE

    return DEFAULT_ASSESSMENT_DATE


@pytest.fixture
def evaluation_context(assessment_date: dt.date) -> EvaluationContext:
    """The evaluation context of ``assessment_date`` under the default rule set and readings."""
    from ..context import EvaluationContext

    return EvaluationContext(assessment_date)
