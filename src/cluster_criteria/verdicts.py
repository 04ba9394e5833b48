"""Verdicts: what each check found, each clause's status, and the report that gathers them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from .frozen import fast_constructor

__all__ = [
    "Check",
    "CheckKind",
    "Figure",
    "Outcome",
    "ParameterUsed",
    "ReformApplied",
    "ReformChange",
    "Report",
    "RuleSetRef",
    "Status",
    "Verdict",
    "combine",
    "new_check",
    "new_figure",
    "new_report",
    "new_verdict",
]


class Status(str, Enum):
    """The status of a check or a clause."""

    PASS = "pass"
    FAIL = "fail"
    NEEDS_REVIEW = "needs_review"
    INSUFFICIENT_DATA = "insufficient_data"
    NOT_APPLICABLE = "not_applicable"


# Looking a member up on an Enum class costs several times a module global; the hot paths use these.
PASS, FAIL, NEEDS_REVIEW, INSUFFICIENT_DATA, NOT_APPLICABLE = (
    Status.PASS,
    Status.FAIL,
    Status.NEEDS_REVIEW,
    Status.INSUFFICIENT_DATA,
    Status.NOT_APPLICABLE,
)


class CheckKind(str, Enum):
    """What a check measures, so that explanations and margins are chosen by kind, never by the check's id."""

    AMOUNT = "amount"  # a figure against a limit (each year's output, the area)
    SHARE = "share"  # part ÷ whole against a limit
    GROWTH = "growth"  # average annual growth over the window
    PER_PEOPLE = "per_people"  # a count per so many people (patents per 10,000 people)
    RATE = "rate"  # a rate, stated or as a count of users ÷ all
    COUNT = "count"  # distinct enterprises holding titles
    TREND = "trend"  # every year beyond the year before
    EFFICIENCY = "efficiency"  # unit consumption against an industry benchmark
    DECLARED = "declared"  # a qualitative item, answered by the applicant
    CATEGORY = "category"  # a class the input states (the catalogue class of the industry)
    INCIDENT = "incident"  # one incident's grade against a floor
    INCIDENT_SUMMARY = "incident_summary"  # the incidents of a window, together
    VIOLATION = "violation"  # one finding of a violation
    VIOLATION_SUMMARY = "violation_summary"  # no finding of a violation
    RECORD = "record"  # whether a record (incidents, violations) was supplied at all
    OTHER = ""


class Outcome(str, Enum):
    """The overall result of an evaluation."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDECIDED = "undecided"


# A clause fails if any part fails; else it lacks data if any part does; else it needs review; else it passes.
_ALL_OF_ORDER = (FAIL, INSUFFICIENT_DATA, NEEDS_REVIEW, PASS)
# Alternatives: one passing alternative is enough; a failure counts only when every alternative fails.
_ANY_OF_ORDER = (PASS, NEEDS_REVIEW, INSUFFICIENT_DATA, FAIL)


def combine(statuses: Iterable[Status], *, any_of: bool = False) -> Status:
    """Combine part statuses; parts that do not apply are left out, and nothing left means not applicable."""
    present = set(statuses)
    for status in _ANY_OF_ORDER if any_of else _ALL_OF_ORDER:
        if status in present:
            return status
    return NOT_APPLICABLE


@dataclass(frozen=True, slots=True)
class Figure:
    """One input figure a check used: the field path it came from, its year and value."""

    field: str
    value: Decimal | int | str | bool | None
    year: int | None = None
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Check:
    """One test inside a clause.

    ``value`` is the computed quantity (rounded to 28 significant digits for reading; the decision itself is exact),
    ``threshold`` and ``comparison`` the limit and how ``value`` is set against it, ``legal_word`` the word of the
    text that fixes the comparison. Checks sharing a ``group`` are alternatives: any one of them suffices, and
    ``group_status`` is the status of the group as a whole (``pass`` when one alternative holds), so a failing
    alternative of a group that passes decides nothing. Ungrouped checks have ``group_status`` ``None``.
    """

    id: str
    label_zh: str
    label_en: str
    status: Status
    figures: tuple[Figure, ...] = ()
    value: Decimal | None = None
    threshold: Decimal | None = None
    comparison: str | None = None
    legal_word: str | None = None
    unit: str = ""
    year: int | None = None
    method: str | None = None
    readings: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    evidence: str | None = None
    note_zh: str = ""
    note_en: str = ""
    group: str = ""
    kind: CheckKind = CheckKind.OTHER
    group_status: Status | None = None

    @property
    def decisive(self) -> bool:
        """Whether this check's status counts in its clause as it is: always for an ungrouped check; for an
        alternative, only when its group has the same status (a failing alternative beside a passing one does not).
        """
        return self.group_status is None or self.group_status is self.status


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one clause, citing it."""

    rule_id: str
    article: int
    clause: int
    citation_zh: str
    citation_en: str
    title_zh: str
    title_en: str
    text: str
    status: Status
    checks: tuple[Check, ...]
    readings: tuple[str, ...] = ()
    # The clause names a situation that must not exist (Art. 7): passing means the situation is not present.
    exclusion: bool = False

    def check(self, check_id: str) -> Check:
        """The check ``check_id``; :class:`~cluster_criteria.errors.UnknownCheckError` (a ``KeyError``) lists the
        ids this verdict has when it has no such check."""
        for candidate in self.checks:
            if candidate.id == check_id:
                return candidate
        from .errors import UnknownCheckError

        raise UnknownCheckError(check_id, self.rule_id, tuple(c.id for c in self.checks))


@dataclass(frozen=True, slots=True)
class RuleSetRef:
    """Which rule set, in which version, produced a report."""

    id: str
    name_zh: str
    name_en: str
    version: str
    effective_date: dt.date


@dataclass(frozen=True, slots=True)
class ParameterUsed:
    """A parameter value an evaluation applied: its name, value (as text), unit, legal word and date in force."""

    name: str
    value: str
    unit: str = ""
    word: str = ""
    effective_from: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ReformChange:
    """One value a what-if reform changed, before and after (as text)."""

    name: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class ReformApplied:
    """A what-if reform the evaluation applied over its rule set."""

    id: str
    title_zh: str
    title_en: str
    changes: tuple[ReformChange, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """All verdicts of one evaluation and the outcome they give."""

    cluster_name: str
    assessment_date: dt.date
    rule_set: RuleSetRef
    outcome: Outcome
    decided_by: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    options: dict[str, str] = field(default_factory=dict)
    complete: bool = True
    library_version: str = ""
    parameters: tuple[ParameterUsed, ...] = ()
    reform: ReformApplied | None = None

    def verdict(self, rule_id: str) -> Verdict:
        """The verdict on clause ``rule_id``; :class:`~cluster_criteria.errors.UnknownVerdictError` (a ``KeyError``)
        lists the clauses this report has when it has no such verdict."""
        for candidate in self.verdicts:
            if candidate.rule_id == rule_id:
                return candidate
        from .errors import UnknownVerdictError

        raise UnknownVerdictError(rule_id, tuple(v.rule_id for v in self.verdicts))

    def by_status(self, status: Status) -> tuple[Verdict, ...]:
        return tuple(v for v in self.verdicts if v.status is status)


if TYPE_CHECKING:  # type checkers see the classes themselves, so every call is checked against their fields
    new_check = Check
    new_figure = Figure
    new_verdict = Verdict
    new_report = Report
else:
    new_check = fast_constructor(Check)
    new_figure = fast_constructor(Figure)
    new_verdict = fast_constructor(Verdict)
    new_report = fast_constructor(Report)
