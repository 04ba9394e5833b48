"""Every bundled example evaluates from the command line, and between them they show each outcome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cluster_criteria.cli import main
from cluster_criteria.ruleset import get_rule_set

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))
EXPECTED = {
    "eligible-panshi-metal-products": "eligible",
    "ineligible-wangqing-edible-fungi": "ineligible",
    "excluded-lishu-food-processing": "ineligible",
    "incomplete-dunhua-ginseng": "undecided",
}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_evaluates_from_the_cli(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """evaluate EXAMPLE --as-of 2025-04-15 gives a report with one verdict per rule of its edition."""
    assert main(["evaluate", str(path), "--as-of", "2025-04-15", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["verdicts"]) == len(get_rule_set(report["rule_set"]["id"]).rules)
    if path.stem in EXPECTED:
        assert report["outcome"] == EXPECTED[path.stem]


def test_the_examples_cover_every_outcome() -> None:
    """At least one eligible, one ineligible and one undecided example ship."""
    assert set(EXPECTED) <= {p.stem for p in EXAMPLES}
    assert set(EXPECTED.values()) == {"eligible", "ineligible", "undecided"}


def _data(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_is_a_cluster_of_its_own_county(path: Path) -> None:
    """Every enterprise of an example is registered in the example's county (credit code digits 3–8)."""
    data = _data(path)
    county = data["cluster"]["location"]["county_code"]  # type: ignore[index]
    codes = [e["credit_code"] for e in data.get("enterprises") or []]  # type: ignore[attr-defined]
    assert codes and all(code[2:8] == county for code in codes)


def test_no_two_examples_share_enterprises_or_figures() -> None:
    """Each example has its own firms and its own yearly figures, not another cluster's."""
    names: dict[str, str] = {}
    figures: dict[str, str] = {}
    for path in EXAMPLES:
        data = _data(path)
        for enterprise in data.get("enterprises") or []:  # type: ignore[attr-defined]
            assert names.setdefault(enterprise["name"], path.stem) == path.stem, enterprise["name"]
        for year in data["metrics"]:  # type: ignore[attr-defined]
            key = json.dumps({k: v for k, v in year.items() if k != "year"}, sort_keys=True)
            assert figures.setdefault(key, path.stem) == path.stem, (path.stem, year["year"])
