"""Pairing two batch outputs line by line and counting what changed, in one pass and bounded memory.

Lines are paired by the input line number they stand for. Brief reports and error records state it (``line``); a
full report does not, and stands for the line after the record before it — the first for line 1 — which is its
place in the file for any output ``evaluate-many`` writes (it writes every line, in input order, from line 1, and a
resumed run appends). Both files are read in step, one line each at a time; only counters and the first
``max_listed`` changed applications are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..verdicts import Status
from .records import CompareError, LineRecord, read_record
from .result import (
    ERROR,
    OUTCOMES,
    ChangedApplication,
    ClauseChange,
    ClauseTally,
    Comparison,
    RuleSetSeen,
    Seen,
    Side,
    StatusTransition,
    Tally,
    Transition,
)

__all__ = ["DEFAULT_MAX_LISTED", "MAX_CLAUSES", "MAX_DISTINCT", "compare_lines"]

# Changed applications listed one by one unless the caller asks otherwise; the counts are exact in any case.
DEFAULT_MAX_LISTED = 1000
# Distinct values kept per field of a side (rule sets, dates, readings, reforms); further lines are only counted.
MAX_DISTINCT = 8
# Distinct clause ids over both files; a rule set has a dozen or so.
MAX_CLAUSES = 200
_STATUS_ORDER = {status.value: index for index, status in enumerate(Status)}


def compare_lines(
    base: Iterable[str | bytes],
    reform: Iterable[str | bytes],
    *,
    base_name: str = "base",
    reform_name: str = "reform",
    max_listed: int = DEFAULT_MAX_LISTED,
) -> Comparison:
    """Compare two ``evaluate-many`` outputs, given as iterables of their lines.

    ``base_name`` and ``reform_name`` name the two in messages and in the result. Raises :class:`CompareError`
    (naming the file and the line) for a line that is not a report or an error record, for line numbers that
    repeat, go backwards or differ between the files, and for files of different lengths.
    """
    if max_listed < 0:
        raise ValueError("max_listed must not be negative")
    tally = _Comparing(_SideCount(base_name), _SideCount(reform_name), max_listed)
    for number, before, after in _paired(base, reform, base_name, reform_name):
        tally.add(number, before, after)
    return tally.result()


def _paired(
    base: Iterable[str | bytes], reform: Iterable[str | bytes], base_name: str, reform_name: str
) -> Iterator[tuple[int, LineRecord, LineRecord]]:
    base_lines, reform_lines = iter(base), iter(reform)
    base_numbering, reform_numbering = _Numbering(base_name), _Numbering(reform_name)
    position = 0
    while True:
        base_text, reform_text = next(base_lines, None), next(reform_lines, None)
        if base_text is None and reform_text is None:
            return
        position += 1
        if base_text is None or reform_text is None:
            short, other = (base_name, reform_name) if base_text is None else (reform_name, base_name)
            if position == 1:
                raise CompareError("empty_file", short, 1, other=other)
            raise CompareError("shorter", short, position - 1, last=position - 1, other=other, next=position)
        before = read_record(base_text, base_name, position)
        after = read_record(reform_text, reform_name, position)
        base_number = base_numbering.next(before, position)
        reform_number = reform_numbering.next(after, position)
        if base_number != reform_number:
            raise CompareError(
                "mismatch", reform_name, position, number=reform_number, other=base_name, other_number=base_number
            )
        yield base_number, before, after


class _Numbering:
    """The input line numbers of one file's records, which must rise from record to record."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.previous = 0

    def next(self, record: LineRecord, position: int) -> int:
        number = self.previous + 1 if record.line is None else record.line
        if number == self.previous:
            raise CompareError("duplicate", self.file, position, number=number)
        if number < self.previous:
            raise CompareError("out_of_order", self.file, position, number=number, previous=self.previous)
        self.previous = number
        return number


@dataclass
class _Distinct:
    """Counts of the distinct values of one field, keeping at most MAX_DISTINCT of them."""

    counts: Counter[str] = field(default_factory=Counter)
    others: int = 0

    def add(self, value: str) -> None:
        if value in self.counts or len(self.counts) < MAX_DISTINCT:
            self.counts[value] += 1
        else:
            self.others += 1

    def tally(self) -> Tally:
        return Tally(tuple(Seen(value, count) for value, count in self.counts.items()), self.others)


@dataclass
class _SideCount:
    file: str
    reports: int = 0
    errors: int = 0
    rule_sets: _Distinct = field(default_factory=_Distinct)
    rule_set_names: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    dates: _Distinct = field(default_factory=_Distinct)
    options: _Distinct = field(default_factory=_Distinct)
    reforms: _Distinct = field(default_factory=_Distinct)
    without_reform: int = 0

    def add(self, record: LineRecord) -> None:
        if record.outcome == ERROR:
            self.errors += 1
            return
        self.reports += 1
        key = f"{record.rule_set[0]}\x00{record.rule_set[1]}"
        self.rule_sets.add(key)
        self.rule_set_names.setdefault(key, record.rule_set)
        self.dates.add(record.assessment_date)
        self.options.add(record.options)
        if record.reform is None:
            self.without_reform += 1
        else:
            self.reforms.add(record.reform)

    def side(self) -> Side:
        rule_sets = tuple(
            RuleSetSeen(*self.rule_set_names[key], count=count) for key, count in self.rule_sets.counts.items()
        )
        return Side(
            file=self.file,
            reports=self.reports,
            errors=self.errors,
            rule_sets=rule_sets,
            rule_sets_others=self.rule_sets.others,
            assessment_dates=self.dates.tally(),
            options=self.options.tally(),
            reforms=self.reforms.tally(),
            without_reform=self.without_reform,
        )


class _Comparing:
    """The running counts of one comparison."""

    def __init__(self, base: _SideCount, reform: _SideCount, max_listed: int) -> None:
        self.base = base
        self.reform = reform
        self.max_listed = max_listed
        self.lines = 0
        self.matrix: Counter[tuple[str, str]] = Counter()
        self.clauses: dict[str, Counter[tuple[str | None, str | None]]] = {}
        self.exclusions: set[str] = set()
        self.changed = 0
        self.name_mismatches = 0
        self.listed: list[ChangedApplication] = []

    def add(self, number: int, before: LineRecord, after: LineRecord) -> None:
        self.lines += 1
        self.base.add(before)
        self.reform.add(after)
        self.matrix[before.outcome, after.outcome] += 1
        if before.cluster_name and after.cluster_name and before.cluster_name != after.cluster_name:
            self.name_mismatches += 1
        changes = self.clause_changes(before, after) if ERROR not in (before.outcome, after.outcome) else ()
        if before.outcome == after.outcome and before.error == after.error and not changes:
            return
        self.changed += 1
        if len(self.listed) < self.max_listed:
            self.listed.append(_changed(number, before, after, changes))

    def clause_changes(self, before: LineRecord, after: LineRecord) -> tuple[ClauseChange, ...]:
        old, new = dict(before.statuses), dict(after.statuses)
        self.exclusions.update(before.exclusions, after.exclusions)
        changes = []
        for rule_id in dict.fromkeys([*old, *new]):
            counts = self.clauses.get(rule_id)
            if counts is None:
                if len(self.clauses) >= MAX_CLAUSES:
                    raise CompareError("too_many_clauses", self.reform.file, self.lines, count=MAX_CLAUSES)
                counts = self.clauses[rule_id] = Counter()
            was, now = old.get(rule_id), new.get(rule_id)
            if was != now:
                counts[was, now] += 1
                changes.append(ClauseChange(rule_id, was, now))
        return tuple(changes)

    def result(self) -> Comparison:
        exclusions = self.exclusions | _known_exclusions()
        clauses = tuple(
            ClauseTally(
                rule_id=rule_id,
                changed=sum(counts.values()),
                transitions=tuple(
                    StatusTransition(was, now, count)
                    for (was, now), count in sorted(counts.items(), key=lambda item: (-item[1], _status_key(item[0])))
                ),
                exclusion=rule_id in exclusions,
            )
            for rule_id, counts in sorted(self.clauses.items(), key=lambda item: _legal_order(item[0]))
        )
        transitions = tuple(Transition(was, now, self.matrix[was, now]) for was in OUTCOMES for now in OUTCOMES)
        return Comparison(
            lines=self.lines,
            base=self.base.side(),
            reform=self.reform.side(),
            outcomes_before=tuple(Seen(o, sum(self.matrix[o, now] for now in OUTCOMES)) for o in OUTCOMES),
            outcomes_after=tuple(Seen(o, sum(self.matrix[was, o] for was in OUTCOMES)) for o in OUTCOMES),
            transitions=transitions,
            clauses=clauses,
            changed=self.changed,
            listed=tuple(self.listed),
            max_listed=self.max_listed,
            truncated=self.changed > len(self.listed),
            name_mismatches=self.name_mismatches,
        )


def _changed(
    number: int, before: LineRecord, after: LineRecord, changes: tuple[ClauseChange, ...]
) -> ChangedApplication:
    name = after.cluster_name or before.cluster_name
    return ChangedApplication(
        line=number,
        cluster_name=name,
        outcome_before=before.outcome,
        outcome_after=after.outcome,
        clause_changes=changes,
        cluster_name_before=before.cluster_name if before.cluster_name != name else "",
        error_before=before.error,
        error_after=after.error,
    )


def _legal_order(rule_id: str) -> tuple[tuple[int, int, str], ...]:
    """6.2 before 6.10 before 7.1; parts that are not numbers after those that are, alphabetically."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in rule_id.split("."))


def _status_key(pair: tuple[str | None, str | None]) -> tuple[int, int]:
    """Statuses in their declared order; a clause absent from a report last."""
    was, now = pair
    absent = len(_STATUS_ORDER)
    return (absent if was is None else _STATUS_ORDER[was], absent if now is None else _STATUS_ORDER[now])


def _known_exclusions() -> frozenset[str]:
    """The exclusion clauses of the rules this library knows, for brief reports, which do not mark them."""
    from ..rules import select

    return frozenset(rule.rule_id for rule in select(None) if rule.exclusion)
