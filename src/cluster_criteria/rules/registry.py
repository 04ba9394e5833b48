"""The rule registry: every clause's rule in legal order, and the decorator that turns checks into a verdict."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..citations import citation_en, citation_zh
from ..context import EvaluationContext
from ..errors import UnknownRuleError
from ..models import Application
from ..ruleset.parameters import RuleSet
from ..verdicts import Check, Status, Verdict, combine, new_verdict
from .spec import CheckSpec

__all__ = ["Rule", "citation_en", "citation_zh", "clause_rule", "select"]

CheckFunction = Callable[[Application, EvaluationContext], Iterable[Check]]


def status_of(checks: Iterable[Check]) -> Status:
    """All ungrouped checks must hold; inside a group, one holding alternative is enough."""
    return _status_and_readings(checks)[0]


def _with_group_status(checks: tuple[Check, ...]) -> tuple[Check, ...]:
    """Each alternative told the status of its group, so that a report shows whether a failing one mattered."""
    groups: dict[str, list[Status]] = {}
    for check in checks:
        if check.group:
            groups.setdefault(check.group, []).append(check.status)
    if not groups:
        return checks
    combined = {group: combine(members, any_of=True) for group, members in groups.items()}
    return tuple(dataclasses.replace(c, group_status=combined[c.group]) if c.group else c for c in checks)


def _status_and_readings(checks: Iterable[Check]) -> tuple[Status, tuple[str, ...]]:
    """The clause's status and every reading its checks used, in first use order (one pass: it runs per clause)."""
    groups: dict[str, list[Status]] | None = None
    parts: set[Status] = set()
    readings: list[str] = []
    for check in checks:
        readings += check.readings
        if check.group:
            if groups is None:
                groups = {}
            groups.setdefault(check.group, []).append(check.status)
        else:
            parts.add(check.status)
    if groups is not None:
        parts.update(combine(members, any_of=True) for members in groups.values())
    return combine(parts), tuple(dict.fromkeys(readings))


@dataclass(frozen=True, slots=True)
class Rule:
    """One clause's rule: call it with an application and a context to get its verdict."""

    rule_id: str
    article: int
    clause: int
    title_zh: str
    title_en: str
    checks: CheckFunction
    exclusion: bool = False
    describes: tuple[CheckSpec, ...] = ()
    readings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.checks.__name__

    @property
    def citation_zh(self) -> str:
        return citation_zh(self.article, self.clause)

    @property
    def citation_en(self) -> str:
        return citation_en(self.article, self.clause)

    @property
    def doc(self) -> str:
        return self.checks.__doc__ or ""

    def spec_for(self, check_id: str) -> CheckSpec | None:
        """The description of the check with this id."""
        for spec in self.describes:
            if spec.matches(check_id):
                return spec
        return None

    def __call__(self, application: Application, context: EvaluationContext) -> Verdict:
        made = _with_group_status(tuple(self.checks(application, context)))
        status, readings = _status_and_readings(made)
        return new_verdict(
            rule_id=self.rule_id,
            article=self.article,
            clause=self.clause,
            citation_zh=self.citation_zh,
            citation_en=self.citation_en,
            title_zh=self.title_zh,
            title_en=self.title_en,
            text=context.rule_set.text[(self.article, self.clause)],
            status=status,
            checks=made,
            readings=readings,
            exclusion=self.exclusion,
        )


def clause_rule(
    article: int,
    clause: int,
    title_zh: str,
    title_en: str,
    *,
    checks: tuple[CheckSpec, ...],
    readings: tuple[str, ...],
    exclusion: bool = False,
) -> Callable[[CheckFunction], Rule]:
    """Make a function that yields a clause's checks into the rule of that clause.

    ``checks`` describe each kind of check it makes and ``readings`` every reading it may name (a test runs the
    rules on many applications and fails on a check or a reading not described). A rule belongs to no edition by
    itself: a rule set lists the rules it applies. ``exclusion`` marks a clause that names a situation which must
    not exist (Art. 7), so that its status is told as 存在 / 不存在该情形.
    """

    def make(function: CheckFunction) -> Rule:
        return Rule(
            rule_id=f"{article}.{clause}",
            article=article,
            clause=clause,
            title_zh=title_zh,
            title_en=title_en,
            checks=function,
            exclusion=exclusion,
            describes=checks,
            readings=readings,
        )

    return make


def select(rule_ids: Iterable[str] | None = None, rule_set: RuleSet | None = None) -> tuple[Rule, ...]:
    """The rules asked for, in legal order, from ``rule_set`` (by default the latest registered edition).

    All of them when ``rule_ids`` is ``None``; an id the edition does not have raises :class:`UnknownRuleError`.
    """
    if rule_set is None:
        from ..ruleset.registry import latest_rule_set

        rule_set = latest_rule_set()
    ordered = rule_set.rules  # a rule set keeps its rules in legal order
    if rule_ids is None:
        return ordered
    wanted = {_normalise(r) for r in rule_ids}
    known = tuple(r.rule_id for r in ordered)
    for rule_id in sorted(wanted):
        if rule_id not in known:
            raise UnknownRuleError(rule_id, known)
    return tuple(r for r in ordered if r.rule_id in wanted)


def _normalise(rule_id: str) -> str:
    text = rule_id.strip().lower().removeprefix("art").strip(". ")
    return text.replace("(", ".").replace(")", "")
