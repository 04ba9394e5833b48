"""Every reading the rules can name is documented, and every reading a report names exists."""

from __future__ import annotations

from pathlib import Path

from cluster_criteria import evaluate
from cluster_criteria.ruleset import Threshold
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.testing import ApplicationBuilder
from helpers import AS_OF

DOC = (Path(__file__).resolve().parent.parent / "docs" / "interpretation.md").read_text(encoding="utf-8")


def test_every_reading_is_explained_in_the_interpretation_page() -> None:
    """Each reading id appears in docs/interpretation.md."""
    missing = [reading_id for reading_id in JILIN_2024.readings if f"`{reading_id}`" not in DOC]
    assert missing == []


def test_every_reading_a_report_names_is_in_the_rule_set() -> None:
    """No check cites a reading the rule set does not define."""
    builders = [
        ApplicationBuilder(),
        ApplicationBuilder().efficiency("energy", 1, 2).incident("safety", "2024-01-01", "ordinary", deaths=40),
        ApplicationBuilder().enterprise("e", "high_tech_enterprise", valid_from="2024-01-01").without_year(2022),
    ]
    for options in ({}, {"growth_method": "arithmetic_mean_of_ratios", "sharing_rule": "any_listed"}):
        for builder in builders:
            report = evaluate(builder.build(), AS_OF, **options)
            cited = {r for v in report.verdicts for c in v.checks for r in c.readings}
            assert cited <= set(JILIN_2024.readings)


def test_every_threshold_quotes_the_regulation_verbatim_with_its_word() -> None:
    """Each threshold's source quote stands in an Art. 6 clause and contains the legal word the threshold uses."""
    params = JILIN_2024.parameters
    thresholds = [d.value for d in params.values.values() if isinstance(d.value, Threshold)]
    assert len(thresholds) == 11
    texts = [JILIN_2024.clause_text(6, n) for n in range(1, 9)]
    for threshold in thresholds:
        assert any(threshold.source.quote in text for text in texts), threshold.key
        assert threshold.word.word in threshold.source.quote, threshold.key
