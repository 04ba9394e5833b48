"""Every threshold of the rule set is pinned by the scenario suite: change one, and some scenario fails.

Each test builds a rule set that differs from Jilin 2024 in exactly one parameter — a threshold's value moved by
one step of the scenarios' resolution or by a factor of ten, its comparison made strict or inclusive, a legal word
or a severity floor or a window changed — and runs tests/scenarios/ against it until a scenario fails.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cluster_criteria.ruleset import RuleSet
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.ruleset.parameters import Comparison, LegalWord, SeverityBand, Threshold
from cluster_criteria.ruleset.reform import with_values
from cluster_criteria.testing.scenarios import Scenario, discover, load_scenarios, run_scenario
from cluster_criteria.vocabulary import Severity

SCENARIOS = Path(__file__).parent / "scenarios"

# The finest step the scenarios resolve for each unit: one fen, a hundredth of a percentage point, one enterprise,
# a hundredth of a patent per ten thousand people, a hundredth of a square kilometre.
RESOLUTION = {
    "元": Decimal("0.01"),
    "%": Decimal("0.0001"),
    "家": Decimal(1),
    "个": Decimal("0.01"),
    "平方公里": Decimal("0.01"),
}

FLIPPED = {
    Comparison.AT_LEAST: Comparison.ABOVE,
    Comparison.ABOVE: Comparison.AT_LEAST,
    Comparison.AT_MOST: Comparison.BELOW,
    Comparison.BELOW: Comparison.AT_MOST,
}
REVERSED = {
    Comparison.AT_LEAST: Comparison.AT_MOST,
    Comparison.ABOVE: Comparison.BELOW,
    Comparison.AT_MOST: Comparison.AT_LEAST,
    Comparison.BELOW: Comparison.ABOVE,
}


@pytest.fixture(scope="module")
def scenarios() -> list[Scenario]:
    return [s for file in discover([SCENARIOS]) for s in load_scenarios(file)]


def _with(**changes: Any) -> RuleSet:
    return with_values(JILIN_2024, changes)


def _thresholds() -> list[str]:
    return [name for name, record in JILIN_2024.records.items() if record.type == "threshold"]


def _value_mutants() -> Iterator[tuple[str, str, RuleSet]]:
    params = JILIN_2024.parameters
    for name in _thresholds():
        threshold: Threshold = params.values[name].value
        step = RESOLUTION[threshold.unit]
        candidates = {
            "one step up": threshold.value + step,
            "one step down": threshold.value - step,
            "ten times": threshold.value * 10,
            # A count of enterprises is whole: a limit of 0.1 enterprises is the limit of 1, so take a whole tenth.
            "a tenth": threshold.value // 10 if step == 1 else threshold.value / 10,
        }
        seen = {threshold.value}
        for label, value in candidates.items():
            if value not in seen:
                seen.add(value)
                yield name, label, _with(**{name: dataclasses.replace(threshold, value=value)})


def _word_mutants() -> Iterator[tuple[str, str, RuleSet]]:
    params = JILIN_2024.parameters
    for name in _thresholds():
        threshold: Threshold = params.values[name].value
        for label, table in (("strictness flipped", FLIPPED), ("direction reversed", REVERSED)):
            word = dataclasses.replace(threshold.word, comparison=table[threshold.word.comparison])
            yield name, label, _with(**{name: dataclasses.replace(threshold, word=word)})
    for name in ("software_rate_trend", "co2_intensity_trend", "efficiency_vs_benchmark"):
        word: LegalWord = params.values[name].value
        for label, table in (("strictness flipped", FLIPPED), ("direction reversed", REVERSED)):
            yield name, label, _with(**{name: dataclasses.replace(word, comparison=table[word.comparison])})
    area = params.threshold("area_max_km2")
    yield "area_max_km2", "made a hard limit", _with(area_max_km2=dataclasses.replace(area, soft=False))


def _other_mutants() -> Iterator[tuple[str, str, RuleSet]]:
    params = JILIN_2024.parameters
    for name in ("accident_severity_floor", "security_event_severity_floor"):
        floor: Severity = params.values[name].value
        for other in Severity:
            if other is not floor:
                yield name, f"set to {other.value}", _with(**{name: other})
    for name in ("figure_window_years", "event_window_years", "designation_default_validity_years"):
        years: int = params.values[name].value
        for delta in (-1, 1):
            yield name, f"{delta:+d} year", _with(**{name: years + delta})
    yield "patents_per_employees", "per thousand", _with(patents_per_employees=Decimal(1000))
    # The band of the floor decides Art. 7(2); the bands above and below it only name the grade in the note.
    bands = list(params.bands("production_safety_bands"))
    index = next(i for i, b in enumerate(bands) if b.severity is params.severity("accident_severity_floor"))
    band = bands[index]
    for field, step in (("deaths", 1), ("serious_injuries", 1), ("direct_loss_yuan", Decimal("0.01"))):
        for sign in (-1, 1):
            changed = dataclasses.replace(band, **{field: getattr(band, field) + sign * step})
            mutated: list[SeverityBand] = [*bands[:index], changed, *bands[index + 1 :]]
            yield (
                "production_safety_bands",
                f"{band.severity.value} {field} {sign:+d} step",
                _with(production_safety_bands=tuple(mutated)),
            )
    for kinds in ("accident_kinds", "security_event_kinds", "violation_kinds", "excluded_catalogue_statuses"):
        members = params.values[kinds].value
        for dropped in members:
            yield kinds, f"without {dropped.value}", _with(**{kinds: tuple(m for m in members if m is not dropped)})
    for kinds in ("top_designation_kinds", "provincial_designation_kinds"):
        members = params.values[kinds].value
        for dropped in members:
            yield kinds, f"without {dropped.value}", _with(**{kinds: tuple(m for m in members if m is not dropped)})


MUTANTS = [*_value_mutants(), *_word_mutants(), *_other_mutants()]


def _first_failure(scenarios: list[Scenario], rule_set: RuleSet) -> str | None:
    for scenario in scenarios:
        if not run_scenario(scenario, rule_set).passed:
            return scenario.name
    return None


def test_the_scenarios_pass_with_the_true_rule_set(scenarios: list[Scenario]) -> None:
    """The suite passes unchanged, so a failure under a mutant is the mutant's doing."""
    assert _first_failure(scenarios, JILIN_2024) is None


# Written out rather than read from the rule set, so that a threshold dropped from the data (or no longer typed a
# threshold) is noticed here instead of silently leaving the mutants.
EXPECTED_THRESHOLDS = [
    "area_max_km2",
    "total_output_min",
    "sme_output_share_min",
    "leading_output_growth_min",
    "leading_output_share_min",
    "top_designations_min",
    "provincial_designations_min",
    "rd_growth_min",
    "patent_growth_min",
    "patents_per_10k_min",
    "platform_penetration_min",
]


def test_the_thresholds_of_the_parameters_are_the_expected_ones() -> None:
    """The value and word mutants cover exactly these thresholds; a new one must be added here on purpose."""
    assert _thresholds() == EXPECTED_THRESHOLDS
    mutated = {name for name, _, _ in MUTANTS}
    assert set(EXPECTED_THRESHOLDS) <= mutated


def test_every_parameter_a_rule_reads_has_mutants() -> None:
    """Each parameter a check of a rule reads (its CheckSpecs' named parameters) is changed by some mutant, so no
    parameter the rules depend on goes untested by the scenarios."""
    read = {name for rule in JILIN_2024.rules for spec in rule.describes for name in spec.named_parameters}
    assert read, "the rules name no parameter"
    mutated = {name for name, _, _ in MUTANTS}
    assert sorted(read - mutated) == []


@pytest.mark.parametrize(("parameter", "change", "rule_set"), MUTANTS, ids=[f"{n}: {c}" for n, c, _ in MUTANTS])
def test_changing_one_parameter_makes_a_scenario_fail(
    scenarios: list[Scenario], parameter: str, change: str, rule_set: RuleSet
) -> None:
    """A rule set with this single change fails at least one scenario."""
    assert rule_set != JILIN_2024
    assert _first_failure(scenarios, rule_set) is not None, f"no scenario notices {parameter} {change}"
