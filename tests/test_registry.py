"""The rule registry: a registered rule takes its place in legal order, and leaves it when removed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cluster_criteria.rules import REGISTRY, select
from cluster_criteria.rules.registry import Rule, clause_rule
from cluster_criteria.verdicts import Check


def _no_checks(app: object, ctx: object) -> Iterator[Check]:
    """A rule with nothing to check, for the registry's sake."""
    return iter(())


@pytest.fixture
def extra_rule() -> Iterator[Rule]:
    rule = clause_rule(6, 9, "临时条款", "A temporary clause")(_no_checks)
    try:
        yield rule
    finally:
        del REGISTRY[rule.rule_id]


def test_a_registered_rule_carries_its_clause_and_titles(extra_rule: Rule) -> None:
    assert (extra_rule.rule_id, extra_rule.article, extra_rule.clause) == ("6.9", 6, 9)
    assert (extra_rule.title_zh, extra_rule.title_en) == ("临时条款", "A temporary clause")
    assert (extra_rule.citation_zh, extra_rule.citation_en) == ("第六条第（九）项", "Art. 6(9)")
    assert extra_rule.name == "_no_checks" and extra_rule.doc.startswith("A rule with nothing")
    assert REGISTRY["6.9"] is extra_rule


def test_a_new_rule_takes_its_place_in_legal_order_and_leaves_it(extra_rule: Rule) -> None:
    ids = [rule.rule_id for rule in select(None)]
    assert ids == ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "7.1", "7.2", "7.3", "7.4"]
    assert [rule.rule_id for rule in select(["art 6(9)", "7.1"])] == ["6.9", "7.1"]
    del REGISTRY["6.9"]
    assert "6.9" not in [rule.rule_id for rule in select(None)]
    REGISTRY["6.9"] = extra_rule  # the fixture removes it again
