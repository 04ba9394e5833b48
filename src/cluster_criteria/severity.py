"""The grade of an incident: stated, or for production-safety accidents derived from casualties and loss."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from .frozen import fast_constructor
from .models import Incident
from .ruleset.parameters import Parameters
from .vocabulary import IncidentKind, Severity

__all__ = ["Grading", "grade"]


@dataclass(frozen=True, slots=True)
class Grading:
    """What can be said of an incident's grade.

    The grade lies between ``lower_bound`` and ``upper_bound`` (``None``: not bounded by what is known);
    ``conflict`` names a disagreement between the stated and the derived grade, ``missing`` the figures not given.
    """

    lower_bound: Severity | None
    upper_bound: Severity | None
    basis: str
    conflict: str = ""
    missing: tuple[str, ...] = ()
    stated: Severity | None = None
    derived: Severity | None = None

    @property
    def exact(self) -> bool:
        return self.lower_bound is not None and self.lower_bound is self.upper_bound

    def reaches(self, floor: Severity) -> bool | None:
        """True or False when the known facts decide it, ``None`` when they cannot."""
        if self.lower_bound is not None and self.lower_bound.at_least(floor):
            return True
        if self.upper_bound is not None and not self.upper_bound.at_least(floor):
            return False
        return None


if TYPE_CHECKING:
    _grading = Grading
else:  # grading runs for every incident of every evaluation
    _grading = fast_constructor(Grading)


def _derived(incident: Incident, params: Parameters) -> tuple[Severity, bool, tuple[str, ...]]:
    measures: dict[str, Decimal | int | None] = {
        "deaths": incident.deaths,
        "serious_injuries": incident.serious_injuries,
        "direct_loss": incident.direct_loss,
    }
    reached = Severity.ORDINARY
    for band in params.production_safety_bands:
        limits: dict[str, Decimal | int] = {
            "deaths": band.deaths,
            "serious_injuries": band.serious_injuries,
            "direct_loss": band.direct_loss_yuan,
        }
        # The regulation's 以下 excludes the number, so a grade starts at its lower bound inclusive.
        if any(v is not None and v >= limits[k] for k, v in measures.items()):
            reached = band.severity
            break
    missing = tuple(k for k, v in measures.items() if v is None)
    return reached, not missing, missing


def grade(incident: Incident, params: Parameters) -> Grading:
    """Grade an incident; ``basis`` is ``stated``, ``derived`` or ``unknown``."""
    has_figures = any(v is not None for v in (incident.deaths, incident.serious_injuries, incident.direct_loss))
    if incident.kind is not IncidentKind.SAFETY or not has_figures:
        if incident.severity is None:
            return _grading(None, None, "unknown", missing=("severity",))
        return _grading(incident.severity, incident.severity, "stated")
    derived, complete, missing = _derived(incident, params)
    stated = incident.severity
    if stated is None:
        return _grading(derived, derived if complete else None, "derived", missing=missing)
    if derived.rank > stated.rank or (complete and derived is not stated):
        low, high = sorted((derived, stated), key=lambda s: s.rank)
        return _grading(
            low,
            high,
            "conflict",
            conflict=f"stated {stated.value}, figures give {derived.value}",
            stated=stated,
            derived=derived,
        )
    return _grading(stated, stated, "stated")
