"""Rule sets and their rules: editions chosen by name or by date, rules in legal order within an edition."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from cluster_criteria.errors import RuleSetNotInForceError, UnknownRuleError, UnknownRuleSetError
from cluster_criteria.rules import select
from cluster_criteria.rules.registry import Rule, clause_rule
from cluster_criteria.ruleset import RuleSet, get_rule_set, registered, resolve, rule_set_for, rule_sets
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.verdicts import Check


def _no_checks(app: object, ctx: object) -> Iterator[Check]:
    """A rule with nothing to check, for the registry's sake."""
    return iter(())


EXTRA = clause_rule(6, 9, "临时条款", "A temporary clause", checks=(), readings=())(_no_checks)


def _edition(rule_id: str, start: dt.date, *rules: Rule, until: dt.date | None = None) -> RuleSet:
    text = {**JILIN_2024.text, (6, 9): "（九）临时条款。"}
    return dataclasses.replace(
        JILIN_2024, id=rule_id, effective_date=start, in_force_until=until, rules=JILIN_2024.rules + rules, text=text
    )


class TestRules:
    def test_a_rule_carries_its_clause_and_titles(self) -> None:
        assert (EXTRA.rule_id, EXTRA.article, EXTRA.clause) == ("6.9", 6, 9)
        assert (EXTRA.title_zh, EXTRA.title_en) == ("临时条款", "A temporary clause")
        assert (EXTRA.citation_zh, EXTRA.citation_en) == ("第六条第（九）项", "Art. 6(9)")
        assert EXTRA.name == "_no_checks" and EXTRA.doc.startswith("A rule with nothing")

    def test_a_new_rule_takes_its_place_in_legal_order_in_its_edition_only(self) -> None:
        edition = _edition("test-extra", dt.date(2030, 1, 1), EXTRA)
        ids = [rule.rule_id for rule in select(None, edition)]
        assert ids == ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "7.1", "7.2", "7.3", "7.4"]
        assert [rule.rule_id for rule in select(["art 6(9)", "7.1"], edition)] == ["6.9", "7.1"]
        assert "6.9" not in [rule.rule_id for rule in select(None, JILIN_2024)]

    def test_an_id_the_edition_lacks_is_refused_with_the_known_ids(self) -> None:
        with pytest.raises(UnknownRuleError) as caught:
            select(["6.9"], JILIN_2024)
        assert caught.value.known == JILIN_2024.rule_ids


class TestRuleSets:
    def test_the_2024_measures_are_in_force_from_15_march_2024(self) -> None:
        assert rule_set_for(dt.date(2024, 3, 15)) is JILIN_2024
        assert get_rule_set("jilin-2024") is JILIN_2024
        with pytest.raises(RuleSetNotInForceError):
            rule_set_for(dt.date(2024, 3, 14))

    def test_a_later_edition_supersedes_from_its_first_day(self) -> None:
        later = _edition("test-later", dt.date(2030, 1, 1), EXTRA)
        with registered(later):
            assert rule_set_for(dt.date(2029, 12, 31)) is JILIN_2024
            assert rule_set_for(dt.date(2030, 1, 1)) is later
            assert [r.id for r in rule_sets()] == ["jilin-2024", "test-later"]
        assert rule_set_for(dt.date(2030, 1, 1)) is JILIN_2024

    def test_an_edition_with_an_end_date_covers_no_later_day(self) -> None:
        ended = _edition("test-ended", dt.date(2030, 1, 1), until=dt.date(2030, 12, 31))
        with registered(ended):
            assert rule_set_for(dt.date(2030, 12, 31)) is ended
            assert rule_set_for(dt.date(2031, 1, 1)) is JILIN_2024
            with pytest.raises(RuleSetNotInForceError):
                resolve("test-ended", dt.date(2031, 1, 1))

    def test_a_named_edition_must_cover_the_date(self) -> None:
        with pytest.raises(RuleSetNotInForceError) as caught:
            resolve("jilin-2024", dt.date(2020, 1, 1))
        assert "jilin-2024" in caught.value.problems[0].message_en

    def test_an_unknown_id_lists_the_known_ones(self) -> None:
        with pytest.raises(UnknownRuleSetError) as caught:
            get_rule_set("jilin-1999")
        assert caught.value.known == ("jilin-2024",)

    def test_an_id_cannot_be_taken_twice(self) -> None:
        twin = _edition("jilin-2024", dt.date(2030, 1, 1))
        with pytest.raises(ValueError, match="already registered"), registered(twin):
            pass
