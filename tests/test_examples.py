"""Every bundled example evaluates from the command line, and between them they show each outcome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cluster_criteria.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))
EXPECTED = {
    "eligible-panshi-metal-products": "eligible",
    "ineligible-wangqing-edible-fungi": "ineligible",
    "excluded-lishu-food-processing": "ineligible",
    "incomplete-dunhua-ginseng": "undecided",
}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_evaluates_from_the_cli(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """evaluate EXAMPLE --as-of 2025-04-15 gives a report with twelve verdicts."""
    assert main(["evaluate", str(path), "--as-of", "2025-04-15", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["verdicts"]) == 12
    if path.stem in EXPECTED:
        assert report["outcome"] == EXPECTED[path.stem]


def test_the_examples_cover_every_outcome() -> None:
    """At least one eligible, one ineligible and one undecided example ship."""
    assert set(EXPECTED) <= {p.stem for p in EXAMPLES}
    assert set(EXPECTED.values()) == {"eligible", "ineligible", "undecided"}
