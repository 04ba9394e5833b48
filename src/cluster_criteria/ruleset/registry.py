"""Which rule set applies: by name, or the edition in force on a date.

An edition is in force from its ``in_force_from`` date until its ``in_force_until`` date, if it has one, and is
superseded from the day a later edition takes effect: on any date, the in-force edition that took effect last
applies. The editions that ship with the library register themselves on first use; :func:`register` adds others
(a revision under test, a province's draft).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import InputProblem, Phrase, RuleSetNotInForceError, UnknownRuleSetError
from .parameters import FigureName, Reading, RuleSet

__all__ = [
    "get_rule_set",
    "known_figures",
    "known_item_ids",
    "known_readings",
    "known_rule_set",
    "latest_rule_set",
    "register",
    "registered",
    "resolve",
    "resolve_latest",
    "rule_set_for",
    "rule_sets",
    "unregister",
]

_RULE_SETS: dict[str, RuleSet] = {}
_BUILTIN_LOADED = False


# The editions that ship with the library: each package's ``RULE_SET``.
_SHIPPED = ("cluster_criteria.ruleset.jilin_2024",)


def _builtin() -> dict[str, RuleSet]:
    global _BUILTIN_LOADED
    if not _BUILTIN_LOADED:
        _BUILTIN_LOADED = True
        for package in _SHIPPED:
            edition: RuleSet = importlib.import_module(package).RULE_SET
            _RULE_SETS.setdefault(edition.id, edition)
        _DERIVED.clear()
    return _RULE_SETS


# What is worked out from the registered editions (their order, their item ids): asked for on every evaluation and
# every application loaded, and cleared whenever an edition is registered or removed.
_DERIVED: dict[str, Any] = {}


def rule_sets() -> tuple[RuleSet, ...]:
    """Every registered edition, oldest first."""
    ordered: tuple[RuleSet, ...] | None = _DERIVED.get("ordered")
    if ordered is None:
        ordered = tuple(sorted(_builtin().values(), key=lambda r: (r.effective_date, r.id)))
        _DERIVED["ordered"] = ordered
    return ordered


def known_item_ids() -> frozenset[str]:
    """The qualitative item ids of every registered edition: an application may be judged by any of them."""
    ids: frozenset[str] | None = _DERIVED.get("item_ids")
    if ids is None:
        ids = frozenset(item.id for rule_set in rule_sets() for item in rule_set.qualitative_items)
        _DERIVED["item_ids"] = ids
    return ids


def register(rule_set: RuleSet) -> RuleSet:
    """Add an edition; an id already taken by another rule set is refused."""
    known = _builtin().get(rule_set.id)
    if known is not None and known is not rule_set:
        raise ValueError(f"a rule set with id {rule_set.id!r} is already registered")
    _RULE_SETS[rule_set.id] = rule_set
    _DERIVED.clear()
    return rule_set


def unregister(rule_set: RuleSet) -> None:
    if _builtin().get(rule_set.id) is rule_set:
        del _RULE_SETS[rule_set.id]
        _DERIVED.clear()


@contextmanager
def registered(rule_set: RuleSet) -> Iterator[RuleSet]:
    """Register ``rule_set`` for the duration of a ``with`` block."""
    register(rule_set)
    try:
        yield rule_set
    finally:
        unregister(rule_set)


def get_rule_set(rule_set_id: str) -> RuleSet:
    """The edition with this id, or :class:`UnknownRuleSetError` listing the known ids."""
    found = _builtin().get(rule_set_id)
    if found is None:
        raise UnknownRuleSetError(rule_set_id, tuple(r.id for r in rule_sets()))
    return found


def rule_set_for(day: dt.date) -> RuleSet:
    """The edition in force on ``day``: of those covering it, the one that took effect last."""
    known = rule_sets()
    covering = [r for r in known if r.in_force_on(day)]
    if covering:
        return covering[-1]
    first = known[0]
    if day < first.effective_date:
        source = first.effective_source
        raise RuleSetNotInForceError(
            [
                InputProblem.of(
                    "assessment_date",
                    "problem.cc_rule_set_not_yet",
                    "cc_rule_set_not_in_force",
                    date=day.isoformat(),
                    name=Phrase.data(first.name_zh, first.name_en),
                    effective=first.effective_date.isoformat(),
                    # The Chinese message quotes the article; the others name it only.
                    source=Phrase.data(f"{source.place}：{source.quote}", source.place),
                )
            ]
        )
    periods = "; ".join(
        f"{r.id} {r.effective_date.isoformat()}..{r.in_force_until.isoformat() if r.in_force_until else ''}"
        for r in known
    )
    raise RuleSetNotInForceError(
        [
            InputProblem.of(
                "assessment_date",
                "problem.cc_rule_set_none_in_force",
                "cc_rule_set_not_in_force",
                date=day.isoformat(),
                periods=periods,
            )
        ]
    )


def resolve(rule_set: RuleSet | str | None, day: dt.date) -> RuleSet:
    """A rule set given by object or id, or else the one in force on ``day``; a named one must cover ``day``."""
    if rule_set is None:
        return rule_set_for(day)
    chosen = get_rule_set(rule_set) if isinstance(rule_set, str) else rule_set
    if not chosen.in_force_on(day):
        start = chosen.effective_date.isoformat()
        if chosen.in_force_until:
            period = Phrase.of("problem.rule_set_period", start=start, end=chosen.in_force_until.isoformat())
        else:
            period = Phrase.of("problem.rule_set_period_open", start=start)
        raise RuleSetNotInForceError(
            [
                InputProblem.of(
                    "assessment_date",
                    "problem.cc_rule_set_outside",
                    "cc_rule_set_not_in_force",
                    date=day.isoformat(),
                    name=Phrase.data(chosen.name_zh, chosen.name_en),
                    id=chosen.id,
                    period=period,
                )
            ]
        )
    return chosen


def known_rule_set(rule_set_id: str) -> RuleSet | None:
    """The registered edition with this id, or ``None`` (a report may name an edition this library lacks)."""
    return _builtin().get(rule_set_id)


def latest_rule_set() -> RuleSet:
    """The edition that took effect last, for what is described without a date (the rule list, a template)."""
    return rule_sets()[-1]


def resolve_latest(rule_set: RuleSet | str | None, day: dt.date | None = None) -> RuleSet:
    """A rule set given by object or id; else the one in force on ``day``, or the latest when there is no day.

    For the procedure, which reads the clause texts of Art. 2, 9, 12 and 14 and may be asked about any date.
    """
    if isinstance(rule_set, RuleSet):
        return rule_set
    if isinstance(rule_set, str):
        return get_rule_set(rule_set)
    return latest_rule_set() if day is None else rule_set_for(day)


def known_readings() -> dict[str, Reading]:
    """The readings of every registered edition, for a report whose edition is not at hand."""
    readings: dict[str, Reading] = {}
    for rule_set in rule_sets():
        readings.update(rule_set.readings)
    return readings


def known_figures() -> dict[str, FigureName]:
    """The input figures every registered edition defines beyond the built-in ones."""
    figures: dict[str, FigureName] = {}
    for rule_set in rule_sets():
        figures.update(rule_set.figures)
    return figures
