"""What the reports say, not only their statuses: labels, values, figures, readings, notes and citations.

The scenarios pin every status; this file pins the rest of each report against a reviewed record in
tests/golden/scenario_reports.json: the full report of the eligible base once, and for every scenario only the
checks and verdicts that differ from it. After an intended change of wording or of a displayed value, regenerate
the record and review its diff:

    CLUSTER_CRITERIA_UPDATE_GOLDEN=1 python -m pytest tests/test_report_contents.py
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from cluster_criteria.arithmetic import growth_meets, growth_rate
from cluster_criteria.context import GrowthMethod
from cluster_criteria.jsonio import report_to_data
from cluster_criteria.rules.registry import citation_en, citation_zh, status_of
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.ruleset.parameters import Comparison
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.testing.scenarios import Scenario, discover, load_scenarios, run_scenario
from cluster_criteria.verdicts import Check, Report, Status

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "scenario_reports.json"
UPDATE = os.environ.get("CLUSTER_CRITERIA_UPDATE_GOLDEN") == "1"
BASE = "eligible base"


def _scenarios() -> list[Scenario]:
    """The shipped suite (read at collection; reading scenarios runs no rule)."""
    return [s for f in discover([HERE / "scenarios"]) for s in load_scenarios(f)]


def _key(scenario: Scenario) -> str:
    return f"{Path(scenario.source).name}: {scenario.name}"


def _projection(report: Report) -> dict[str, Any]:
    """Everything a report says about the case, less the verbatim clause texts (pinned by the rule set's own tests)."""
    data = report_to_data(report)
    verdicts = {}
    for verdict in data["verdicts"]:
        checks = {check.pop("id"): check for check in verdict.pop("checks")}
        verdict.pop("text")
        verdicts[verdict.pop("rule_id")] = {"verdict": verdict, "checks": checks}
    return {"outcome": data["outcome"], "decided_by": data["decided_by"], "verdicts": verdicts}


def _difference(base: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """The parts of ``other`` that are not as in ``base``; a check gone from ``other`` is marked ``None``."""
    out: dict[str, Any] = {}
    if (other["outcome"], other["decided_by"]) != (base["outcome"], base["decided_by"]):
        out["outcome"], out["decided_by"] = other["outcome"], other["decided_by"]
    for rule_id, part in other["verdicts"].items():
        was = base["verdicts"][rule_id]
        changed: dict[str, Any] = {}
        if part["verdict"] != was["verdict"]:
            changed["verdict"] = part["verdict"]
        checks = {cid: c for cid, c in part["checks"].items() if was["checks"].get(cid) != c}
        checks.update({cid: None for cid in was["checks"] if cid not in part["checks"]})
        if checks:
            changed["checks"] = checks
        if changed:
            out[rule_id] = changed
    return out


def _base_on(day: Any) -> dict[str, Any]:
    # Compared with the eligible base assessed on the same day, so moved years do not count as differences.
    return _projection(ApplicationBuilder().assessed_on(day).evaluate())


def _observed_one(scenario: Scenario) -> Any:
    """Each test evaluates its own scenario, so a change to any rule shows in the test that meets it."""
    result = run_scenario(scenario)
    if result.report is None:
        return "invalid"
    return _difference(_base_on(scenario.as_of), _projection(result.report))


def _observed() -> dict[str, Any]:
    record: dict[str, Any] = {BASE: _projection(ApplicationBuilder().evaluate())}
    record.update({_key(s): _observed_one(s) for s in _scenarios()})
    return record


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    if UPDATE:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(_observed(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
    recorded: dict[str, Any] = json.loads(GOLDEN.read_text("utf-8"))
    return recorded


SCENARIOS = {_key(s): s for s in _scenarios()}


def test_the_eligible_base_report_says_what_was_reviewed(golden: dict[str, Any]) -> None:
    """Labels, figures, values, readings and notes of every check of the eligible report are as recorded."""
    observed = _projection(ApplicationBuilder().evaluate())
    for rule_id, part in observed["verdicts"].items():
        assert part == golden[BASE]["verdicts"][rule_id], rule_id
    assert observed == golden[BASE]


@pytest.mark.parametrize("key", list(SCENARIOS))
def test_each_scenario_report_differs_from_the_base_as_recorded(key: str, golden: dict[str, Any]) -> None:
    """The checks a scenario changes read as recorded: label, value, figures, missing fields, readings and notes."""
    assert key in golden, "new scenario: regenerate the record (see the module docstring)"
    assert _observed_one(SCENARIOS[key]) == golden[key]


def test_every_reading_a_report_names_is_defined_in_the_rule_set() -> None:
    """A verdict never cites a reading the rule set does not explain."""
    named = set()
    for record in _observed().values():
        if isinstance(record, dict):
            for part in record.get("verdicts", record).values():
                if isinstance(part, dict):
                    named.update(part.get("verdict", {}).get("readings", ()))
                    for check in (part.get("checks") or {}).values():
                        named.update((check or {}).get("readings", ()))
    assert named
    assert named <= set(JILIN_2024.readings)


@pytest.mark.parametrize(
    ("series", "method", "expected"),
    [
        ([100, 110, 121], GrowthMethod.GEOMETRIC, Decimal("0.1")),
        ([100, 110, 121, Decimal("133.1")], GrowthMethod.GEOMETRIC, Decimal("0.1")),
        ([100, None, 121], GrowthMethod.GEOMETRIC, Decimal("0.1")),
        ([100, 125, 100], GrowthMethod.ARITHMETIC_MEAN_OF_RATIOS, Decimal("0.025")),
        ([100, 50], GrowthMethod.ARITHMETIC_MEAN_OF_RATIOS, Decimal("-0.5")),
    ],
)
def test_growth_rates_for_display_match_the_formulas(
    series: list[Any], method: GrowthMethod, expected: Decimal
) -> None:
    """(Yn/Y1)^(1/k) − 1 and the mean of yearly ratios less one, over any number of years."""
    assert abs(growth_rate(series, method) - expected) < Decimal("1e-25")


def test_a_growth_rate_without_its_end_points_is_refused() -> None:
    """The geometric method needs the first and the last year, and says so."""
    with pytest.raises(ValueError) as caught:
        growth_rate([100, 110, None], GrowthMethod.GEOMETRIC)
    assert str(caught.value) == "a growth rate needs this year's figure"


@pytest.mark.parametrize(
    ("series", "comparison", "limit", "expected"),
    [
        # ½ × (125/100 + 100/125) − 1 = 2.5 %
        ([100, 125, 100], Comparison.AT_LEAST, Decimal("0.025"), True),
        ([100, 125, 100], Comparison.ABOVE, Decimal("0.025"), False),
        ([100, 125, 100], Comparison.AT_LEAST, Decimal("0.0251"), False),
        ([100, 125, 100], Comparison.AT_MOST, Decimal("0.025"), True),
        ([100, 125, 100], Comparison.BELOW, Decimal("0.0251"), True),
        ([100, 125, 100], Comparison.BELOW, Decimal("0.025"), False),
        ([100, 90], Comparison.AT_LEAST, Decimal("-0.1"), True),
        ([100, 90], Comparison.ABOVE, Decimal("-0.1"), False),
    ],
)
def test_the_mean_of_ratios_is_decided_exactly(
    series: list[int], comparison: Comparison, limit: Decimal, expected: bool
) -> None:
    """The mean of yearly ratios less one is set against the limit without rounding, for every comparison."""
    assert growth_meets(series, GrowthMethod.ARITHMETIC_MEAN_OF_RATIOS, comparison, limit) is expected


def test_displayed_shares_carry_28_significant_digits() -> None:
    """26 of 33 reads 0.7878… to 28 digits, while the decision itself is exact."""
    report = ApplicationBuilder().evaluate()
    value = report.verdict("6.1").check("sme_output_share.2023").value
    assert value == Decimal("0.7878787878787878787878787879")
    assert Fraction(value) != Fraction(26, 33)


@pytest.mark.parametrize(
    ("article", "clause", "zh", "en"),
    [
        (6, 0, "第六条", "Art. 6"),
        (7, 4, "第七条第（四）项", "Art. 7(4)"),
        (10, 1, "第十条第（一）项", "Art. 10(1)"),
        (11, 0, "第十一条", "Art. 11"),
        (11, 0, "第十一条", "Art. 11"),
        (12, 0, "第十二条", "Art. 12"),
        (16, 0, "第十六条", "Art. 16"),
        (14, 5, "第十四条第（五）项", "Art. 14(5)"),
        (20, 0, "第二十条", "Art. 20"),
        (23, 0, "第二十三条", "Art. 23"),
    ],
)
def test_citations_are_written_as_the_measures_number_them(article: int, clause: int, zh: str, en: str) -> None:
    """Chinese numerals for articles and clauses, 十 to 二十三 included (cached and computed afresh)."""
    assert (citation_zh(article, clause), citation_en(article, clause)) == (zh, en)
    assert (citation_zh.__wrapped__(article, clause), citation_en.__wrapped__(article, clause)) == (zh, en)


def test_separate_groups_of_alternatives_are_combined_separately() -> None:
    """Each group needs one holding alternative of its own; one group cannot stand in for another."""
    checks = [
        Check("a1", "", "", Status.PASS, group="a"),
        Check("b1", "", "", Status.FAIL, group="b"),
        Check("b2", "", "", Status.FAIL, group="b"),
        Check("c", "", "", Status.PASS),
    ]
    assert status_of(checks) is Status.FAIL
    assert status_of([*checks[:1], Check("b3", "", "", Status.PASS, group="b")]) is Status.PASS
