"""The rule catalogue (what `explain` and docs/rules.md describe) covers every check and reading the rules make."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cluster_criteria import Report, evaluate, load_application
from cluster_criteria.explain import explain
from cluster_criteria.rules import select
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.testing import ApplicationBuilder

ASSESSED = dt.date(2025, 4, 15)
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))


def _variants() -> list[tuple[str, Report]]:
    builders = {
        "eligible": ApplicationBuilder(),
        "incidents": ApplicationBuilder()
        .incident("safety", "2024-05-01", deaths=12)
        .incident("data_security", "2023-05-01", "major")
        .incident("quality", "2024-01-01", "ordinary"),
        "violations": ApplicationBuilder().violation("tax_evasion", "2015-01-01", description="稽查决定"),
        "no records": ApplicationBuilder()
        .without_incident_record()
        .without_violation_record()
        .without_enterprise_record(),
        "efficiency": ApplicationBuilder().efficiency("energy", "95", "100").efficiency("water", "12", "10"),
        "gaps": ApplicationBuilder()
        .area(None)
        .year(2022, leading_industry_output=None)
        .unanswered("6.7.foreign_trade"),
        "unknown membership": ApplicationBuilder()
        .without_designations()
        .enterprise("某企业", "little_giant", in_leading_industry=None),
    }
    reports = [(name, evaluate(b.build(), ASSESSED)) for name, b in builders.items()]
    reports += [
        ("mean of ratios", evaluate(ApplicationBuilder().build(), ASSESSED, growth_method="arithmetic_mean_of_ratios")),
        ("any listed", evaluate(ApplicationBuilder().build(), ASSESSED, sharing_rule="any_listed")),
    ]
    reports += [(p.stem, evaluate(load_application(p.read_bytes()), ASSESSED)) for p in EXAMPLES]
    return reports


VARIANTS = _variants()


@pytest.mark.parametrize(("name", "report"), VARIANTS, ids=[n for n, _ in VARIANTS])
def test_every_check_a_rule_makes_is_described_in_the_catalogue(name: str, report: Report) -> None:
    """Each check id matches a described pattern and each reading is listed for its rule."""
    rules = {rule.rule_id: rule for rule in select(None, JILIN_2024)}
    for verdict in report.verdicts:
        rule = rules[verdict.rule_id]
        for check in verdict.checks:
            spec = rule.spec_for(check.id)
            assert spec is not None, f"{verdict.rule_id}: {check.id} is not described"
            assert spec.kind is check.kind, f"{verdict.rule_id}: {check.id} is a {check.kind}, described {spec.kind}"
        assert set(verdict.readings) <= set(rule.readings), (
            f"{verdict.rule_id}: {set(verdict.readings) - set(rule.readings)}"
        )


@pytest.mark.parametrize(("name", "report"), VARIANTS, ids=[n for n, _ in VARIANTS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_check_has_a_sentence_ending_in_its_status_word(name: str, report: Report, lang: str) -> None:
    """No check goes unexplained, whatever its status; failing and passing measured checks have a margin."""
    for verdict in explain(report, lang).verdicts:
        for check in verdict.checks:
            assert check.status_word in check.sentence
            if check.margin is not None:
                assert check.margin_sentence


def test_every_catalogued_reading_and_parameter_exists_in_the_rule_set() -> None:
    """The rules' descriptions name only readings and parameters the rule set defines."""
    params = JILIN_2024.parameters
    for rule in JILIN_2024.rules:
        assert set(rule.readings) <= set(JILIN_2024.readings)
        for check in rule.describes:
            for name in check.named_parameters:
                assert name in params.values, f"{rule.rule_id}: {name}"
