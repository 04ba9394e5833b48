"""What-if reforms: a small overlay that changes some parameter values of a rule set, leaving the base intact.

A reform file (TOML) names itself and lists the values it changes::

    id = "output-floor-15"
    title_zh = "集群总产值门槛降至15亿元"
    title_en = "Total output floor lowered to 1.5 billion yuan"
    rule_set = "jilin-2024"            # optional: the edition it is written for

    [parameters.total_output_min]
    value = "1500000000"               # in the parameter's unit (元)
    cites = "15亿元"                    # optional: how a draft text would write it
    # word = "budiyu"                  # optional: another boundary word of the rule set's [words] table
    # from = 2025-01-01                # optional: only from this date on (default: every date)

Applying it gives a new :class:`RuleSet` with the same id and version that carries a
:class:`~cluster_criteria.verdicts.ReformApplied` record, so every report made with it says which values changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..verdicts import ReformApplied, ReformChange
from ..vocabulary import Severity
from .loading import RuleSetDataError, read_toml
from .parameters import (
    DatedValue,
    LegalWord,
    ParameterRecord,
    ParameterValue,
    RuleSet,
    Source,
    Threshold,
    describe_value,
)

__all__ = ["Reform", "apply_reform", "load_reform", "with_values"]


@dataclass(frozen=True, slots=True, eq=False)
class Reform:
    """A reform as read from its file: its names and the changes, by parameter name."""

    id: str
    title_zh: str
    title_en: str
    changes: Mapping[str, Mapping[str, Any]]
    rule_set: str | None = None
    origin: str = ""


def load_reform(source: Path | str | bytes, *, origin: str | None = None) -> Reform:
    """Read a reform file; its problems are :class:`RuleSetDataError` naming the file and the key."""
    origin = origin or (source.name if isinstance(source, Path) else "reform")
    try:
        data = read_toml(source)
    except ValueError as exc:  # tomllib's decoding error is a ValueError
        raise RuleSetDataError(f"{origin}: not valid TOML: {exc}") from None
    for key in ("id", "title_zh", "title_en"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RuleSetDataError(f"{origin}: `{key}` is required (text)")
    changes = data.get("parameters")
    if not isinstance(changes, dict) or not changes:
        raise RuleSetDataError(f"{origin}: a [parameters.NAME] table is required for each value it changes")
    for name, change in changes.items():
        if not isinstance(change, dict) or not ({"value", "word"} & change.keys()):
            raise RuleSetDataError(f"{origin}: parameters.{name}: give a `value` (or a `word`) to change")
    base = data.get("rule_set")
    return Reform(
        id=data["id"],
        title_zh=data["title_zh"],
        title_en=data["title_en"],
        changes=changes,
        rule_set=base if isinstance(base, str) else None,
        origin=origin,
    )


def apply_reform(rule_set: RuleSet, reform: Reform, *, words: Mapping[str, LegalWord] | None = None) -> RuleSet:
    """``rule_set`` with the reform's values in place of its own; the base rule set is left as it was."""
    where = reform.origin or reform.id
    if reform.rule_set is not None and reform.rule_set != rule_set.id:
        raise RuleSetDataError(f"{where}: written for rule set {reform.rule_set!r}, not {rule_set.id!r}")
    words = words if words is not None else rule_set.words
    records = dict(rule_set.records)
    applied = []
    source = Source(f"what-if reform {reform.id}: {reform.title_zh}", "", "")
    for name, change in reform.changes.items():
        record = records.get(name)
        if record is None:
            raise RuleSetDataError(f"{where}: parameters.{name}: rule set {rule_set.id} has no such parameter")
        start = change.get("from")
        if start is not None and (not isinstance(start, dt.date) or isinstance(start, dt.datetime)):
            raise RuleSetDataError(f"{where}: parameters.{name}.from: a date (YYYY-MM-DD) is expected")
        kept = [v for v in record.values if start is not None and v.effective_from < start]
        replaced = [v for v in record.values if start is None or v.effective_from >= start]
        if start is not None and (not replaced or replaced[0].effective_from != start):
            # The value in force on the reform's first day is the one it replaces from then on.
            base = record.on(start) or record.values[0]
            replaced = [DatedValue(start, base.value, base.source, base.cites), *replaced]
        new_values = [
            DatedValue(
                v.effective_from,
                _changed(record, v.value, change, words, f"{where}: parameters.{name}", source),
                source,
                str(change.get("cites", "")),
            )
            for v in replaced
        ]
        records[name] = dataclasses.replace(record, values=tuple(kept + new_values))
        applied.append(
            ReformChange(
                name=name,
                before=" / ".join(dict.fromkeys(describe_value(v.value) for v in replaced)),
                after=" / ".join(dict.fromkeys(describe_value(v.value) for v in new_values)),
            )
        )
    return dataclasses.replace(
        rule_set,
        records=records,
        reform=ReformApplied(reform.id, reform.title_zh, reform.title_en, tuple(applied)),
        _periods={},
    )


def _changed(
    record: ParameterRecord,
    old: ParameterValue,
    change: Mapping[str, Any],
    words: Mapping[str, LegalWord],
    where: str,
    source: Source,
) -> ParameterValue:
    def word() -> LegalWord:
        key = str(change.get("word"))
        if key not in words:
            raise RuleSetDataError(f"{where}.word: not a boundary word of the rule set: {key!r}")
        return words[key]

    def number() -> Decimal:
        text = change.get("value")
        try:
            value = Decimal(text) if isinstance(text, (str, int)) and not isinstance(text, bool) else None
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise RuleSetDataError(f'{where}.value: a number written as text ("1500000000") is expected')
        return value

    if isinstance(old, Threshold):
        return dataclasses.replace(
            old,
            value=number() if "value" in change else old.value,
            word=word() if "word" in change else old.word,
            source=source,
        )
    if isinstance(old, LegalWord):
        return word()
    if isinstance(old, bool) or not isinstance(old, (int, Decimal, Severity)):
        raise RuleSetDataError(f"{where}: a reform can change numbers, words and grades, not a {record.type}")
    if isinstance(old, Severity):
        try:
            return Severity(change.get("value"))
        except ValueError:
            raise RuleSetDataError(f"{where}.value: not a grade: {change.get('value')!r}") from None
    value = number()
    if isinstance(old, int):
        if value != int(value):
            raise RuleSetDataError(f"{where}.value: a whole number is expected")
        return int(value)
    return value


def with_values(rule_set: RuleSet, values: Mapping[str, ParameterValue]) -> RuleSet:
    """``rule_set`` with each named parameter set to ``values[name]`` on every date (for tests and mutants).

    Unlike :func:`apply_reform`, the result carries no reform record: it is a rule set of its own, made in code.
    """
    records = dict(rule_set.records)
    for name, value in values.items():
        record = records[name]
        records[name] = dataclasses.replace(
            record, values=tuple(dataclasses.replace(dated, value=value) for dated in record.values)
        )
    return dataclasses.replace(rule_set, records=records, _periods={})
