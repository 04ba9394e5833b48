"""What a comparison of two batch outputs finds: typed, frozen records, and the JSON Schema of their JSON form."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = [
    "ERROR",
    "OUTCOMES",
    "ChangedApplication",
    "ClauseChange",
    "ClauseTally",
    "Comparison",
    "RuleSetSeen",
    "Seen",
    "Side",
    "StatusTransition",
    "Tally",
    "Transition",
    "comparison_schema",
    "comparison_to_json",
]

# A line that is an error record (the application could not be evaluated) has this outcome in a comparison.
ERROR = "error"
OUTCOMES = ("eligible", "ineligible", "undecided", ERROR)


@dataclass(frozen=True, slots=True)
class ClauseChange:
    """One clause whose status differs; ``None`` when the clause is not in that side's report."""

    rule_id: str
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class ChangedApplication:
    """An application whose outcome or some clause status differs between the two runs.

    ``error_before`` / ``error_after`` name the error (``invalid_input``, ``evaluation_failed``) when that side's
    line is an error record; its outcome is then ``error`` and it has no clause statuses to compare.
    """

    line: int
    cluster_name: str
    outcome_before: str
    outcome_after: str
    clause_changes: tuple[ClauseChange, ...] = ()
    cluster_name_before: str = ""
    error_before: str = ""
    error_after: str = ""

    @property
    def outcome_changed(self) -> bool:
        return self.outcome_before != self.outcome_after


@dataclass(frozen=True, slots=True)
class Transition:
    """How many applications went from one outcome to another (a cell of the outcome matrix)."""

    before: str
    after: str
    count: int


@dataclass(frozen=True, slots=True)
class StatusTransition:
    """How many applications saw a clause go from one status to another (``None``: not in the report)."""

    before: str | None
    after: str | None
    count: int


@dataclass(frozen=True, slots=True)
class ClauseTally:
    """One clause: on how many applications its status changed, and the changes by kind, most frequent first.

    Only applications evaluated on both sides count; ``exclusion`` is true for a clause that names a situation that
    must not exist (Art. 7), where ``pass`` means the situation is absent.
    """

    rule_id: str
    changed: int
    transitions: tuple[StatusTransition, ...] = ()
    exclusion: bool = False


@dataclass(frozen=True, slots=True)
class Seen:
    """A value the reports of one side carry, and on how many lines."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class Tally:
    """The distinct values of one field over a file; beyond the first few, lines are only counted in ``others``."""

    values: tuple[Seen, ...] = ()
    others: int = 0


@dataclass(frozen=True, slots=True)
class RuleSetSeen:
    """A rule set named by the reports of one side, and on how many lines."""

    id: str
    version: str
    name_zh: str
    name_en: str
    count: int


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two files: its name, what it holds, and the rule sets, dates, readings and reforms it names.

    ``reforms`` holds each distinct ``reform`` record (compact JSON text) of the reports that carry one;
    ``without_reform`` counts the reports that carry none.
    """

    file: str
    reports: int
    errors: int
    rule_sets: tuple[RuleSetSeen, ...]
    rule_sets_others: int
    assessment_dates: Tally
    options: Tally
    reforms: Tally
    without_reform: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """The two runs side by side.

    ``transitions`` is the whole outcome matrix (every pair of :data:`OUTCOMES`, zeros included) and
    ``outcomes_before`` / ``outcomes_after`` its row and column sums; ``clauses`` every clause seen, in legal order;
    ``changed`` the exact number of applications that changed, of which the first ``max_listed`` are in ``listed``
    (in line order) — ``truncated`` says some were left out of the list. ``name_mismatches`` counts lines whose
    two reports name different clusters: a sign that the files were made from different applications.
    """

    lines: int
    base: Side
    reform: Side
    outcomes_before: tuple[Seen, ...]
    outcomes_after: tuple[Seen, ...]
    transitions: tuple[Transition, ...]
    clauses: tuple[ClauseTally, ...]
    changed: int
    listed: tuple[ChangedApplication, ...]
    max_listed: int
    truncated: bool
    name_mismatches: int = 0

    def count(self, before: str, after: str) -> int:
        """Applications whose outcome was ``before`` in the base run and ``after`` in the other."""
        for cell in self.transitions:
            if cell.before == before and cell.after == after:
                return cell.count
        raise KeyError((before, after))

    @property
    def outcome_changes(self) -> int:
        """Applications whose outcome differs (the off-diagonal of the matrix)."""
        return sum(cell.count for cell in self.transitions if cell.before != cell.after)


@lru_cache(maxsize=1)
def _adapter() -> TypeAdapter[Comparison]:
    from pydantic import TypeAdapter  # only when JSON is written: the command line starts without pydantic

    return TypeAdapter(Comparison)


def comparison_to_json(comparison: Comparison) -> str:
    """The comparison as indented JSON (the fields of :class:`Comparison`, recursively)."""
    return _adapter().dump_json(comparison, indent=2).decode("utf-8") + "\n"


def comparison_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``cluster-criteria compare --format json``."""
    schema = _adapter().json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cluster-criteria comparison of two batch outputs"
    return schema
