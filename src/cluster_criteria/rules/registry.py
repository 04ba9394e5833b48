"""The rule registry: every clause's rule in legal order, and the decorator that turns checks into a verdict."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..context import EvaluationContext
from ..errors import UnknownRuleError
from ..models import Application
from ..verdicts import Check, Status, Verdict, combine, new_verdict

__all__ = ["REGISTRY", "Rule", "citation_en", "citation_zh", "clause_rule", "select"]

_NUMERALS = "〇一二三四五六七八九十"

CheckFunction = Callable[[Application, EvaluationContext], Iterable[Check]]


def _chinese_number(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + ("" if ones == 0 else _NUMERALS[ones])


@lru_cache(maxsize=256)
def citation_zh(article: int, clause: int) -> str:
    head = f"第{_chinese_number(article)}条"
    return head if clause == 0 else f"{head}第（{_chinese_number(clause)}）项"


@lru_cache(maxsize=256)
def citation_en(article: int, clause: int) -> str:
    return f"Art. {article}" if clause == 0 else f"Art. {article}({clause})"


def status_of(checks: Iterable[Check]) -> Status:
    """All ungrouped checks must hold; inside a group, one holding alternative is enough."""
    return _status_and_readings(checks)[0]


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

    def __call__(self, application: Application, context: EvaluationContext) -> Verdict:
        made = tuple(self.checks(application, context))
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


REGISTRY: dict[str, Rule] = {}


def clause_rule(
    article: int, clause: int, title_zh: str, title_en: str, *, exclusion: bool = False
) -> Callable[[CheckFunction], Rule]:
    """Register a function that yields a clause's checks as the rule of that clause.

    ``exclusion`` marks a clause that names a situation which must not exist (Art. 7), so that its status is told
    as 存在 / 不存在该情形 rather than 符合 / 不符合.
    """

    def register(function: CheckFunction) -> Rule:
        rule = Rule(f"{article}.{clause}", article, clause, title_zh, title_en, function, exclusion)
        REGISTRY[rule.rule_id] = rule
        return rule

    return register


def select(rule_ids: Iterable[str] | None = None) -> tuple[Rule, ...]:
    """The rules asked for, in legal order; all of them when ``rule_ids`` is ``None``."""
    ordered = _in_legal_order()
    if rule_ids is None:
        return ordered
    wanted = {_normalise(r) for r in rule_ids}
    known = tuple(r.rule_id for r in ordered)
    for rule_id in wanted:
        if rule_id not in REGISTRY:
            raise UnknownRuleError(rule_id, known)
    return tuple(r for r in ordered if r.rule_id in wanted)


_ORDER: tuple[tuple[int, ...], tuple[Rule, ...]] = ((), ())


def _in_legal_order() -> tuple[Rule, ...]:
    """The registered rules sorted by article and clause, sorted again only when the registry changed."""
    global _ORDER
    key = tuple(map(id, REGISTRY.values()))  # the cached order holds these rules, so their ids stay theirs
    if key != _ORDER[0]:
        _ORDER = (key, tuple(sorted(REGISTRY.values(), key=lambda r: (r.article, r.clause))))
    return _ORDER[1]


def _normalise(rule_id: str) -> str:
    text = rule_id.strip().lower().removeprefix("art").strip(". ")
    return text.replace("(", ".").replace(")", "")
