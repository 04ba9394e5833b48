"""The grade of an incident: stated, or for production-safety accidents derived from casualties and loss."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from .frozen import fast_constructor
from .models import Incident
from .ruleset.parameters import Parameters
from .vocabulary import IncidentKind, Severity

__all__ = ["Grading", "figures_text", "grade", "incident_notes"]


@dataclass(frozen=True, slots=True)
class Grading:
    """What can be said of an incident's grade.

    The grade lies between ``lower_bound`` and ``upper_bound`` (``None``: not bounded by what is known).
    ``basis`` says where it comes from: ``stated`` (the grade given), ``derived`` (from casualties and loss, none
    stated), ``figures_above_stated`` (the figures reach a higher grade than the one stated, and theirs applies),
    ``conflict`` (a grade stated above what complete figures give: left to a reviewer) or ``unknown``.
    ``missing`` names the figures not given.
    """

    lower_bound: Severity | None
    upper_bound: Severity | None
    basis: str
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

    def note(self, lang: str) -> str:
        """The grade and what it rests on, in ``lang`` (``zh`` or ``en``)."""
        return _note(self, lang.startswith("zh"))


@lru_cache(maxsize=512)
def _note(grading: Grading, zh: bool) -> str:
    # Gradings repeat across incidents and applications, and a note depends on the grading alone.
    lang = "zh" if zh else "en"
    found = grading.lower_bound
    if found is None:
        return "等级未知" if zh else "grade unknown"
    grade_words = found.zh if zh else found.en
    if grading.lower_bound is not grading.upper_bound and grading.upper_bound is None:
        grade_words = f"{grade_words}及以上" if zh else f"{grade_words} or worse"
    stated = grading.stated.label(lang) if grading.stated else ""
    derived = grading.derived.label(lang) if grading.derived else ""
    if zh:
        basis = {
            "stated": "按申报等级",
            "derived": "按伤亡人数和直接经济损失确定",
            "figures_above_stated": (
                f"按伤亡人数和直接经济损失确定；申报等级为{stated}，低于按数字确定的等级，以数字为准"
            ),
            "conflict": f"申报等级为{stated}，高于按伤亡人数和直接经济损失确定的{derived}，需人工复核",
        }[grading.basis]
        if grading.basis == "conflict":
            return f"等级：{derived}至{stated}之间（{basis}）"
        return f"等级：{grade_words}（{basis}）"
    basis = {
        "stated": "as stated",
        "derived": "from casualties and direct loss",
        "figures_above_stated": f"from casualties and direct loss; the stated grade, {stated}, is lower than "
        "the figures give, and the figures prevail",
        "conflict": f"the stated grade, {stated}, is higher than the {derived} that casualties and direct loss "
        "give; left to a reviewer",
    }[grading.basis]
    if grading.basis == "conflict":
        return f"grade: between {derived} and {stated} ({basis})"
    return f"grade: {grade_words} ({basis})"


def incident_notes(grading: Grading, incident: Incident) -> tuple[str, str]:
    """The grade, what it rests on and the figures given, in Chinese and English."""
    return _incident_notes(grading, incident.deaths, incident.serious_injuries, incident.direct_loss)


@lru_cache(maxsize=512)
def _incident_notes(
    grading: Grading, deaths: int | None, injuries: int | None, loss: Decimal | None
) -> tuple[str, str]:
    zh, en = _note(grading, True), _note(grading, False)
    shown_zh, shown_en = _figures_text(deaths, injuries, loss, True), _figures_text(deaths, injuries, loss, False)
    return (zh + (f"；数据：{shown_zh}" if shown_zh else ""), en + (f"; figures: {shown_en}" if shown_en else ""))


def figures_text(incident: Incident, lang: str) -> str:
    """死亡12人、重伤0人、直接经济损失0万元 / deaths 12, serious injuries 0, direct loss 0 万元: the figures given."""
    return _figures_text(incident.deaths, incident.serious_injuries, incident.direct_loss, lang.startswith("zh"))


@lru_cache(maxsize=512)
def _figures_text(deaths: int | None, injuries: int | None, loss: Decimal | None, zh: bool) -> str:
    parts = []
    if deaths is not None:
        parts.append(f"死亡{deaths}人" if zh else f"deaths {deaths}")
    if injuries is not None:
        parts.append(f"重伤{injuries}人" if zh else f"serious injuries {injuries}")
    if loss is not None:
        wan = f"{(loss / 10000).normalize():f}万元"
        parts.append(f"直接经济损失{wan}" if zh else f"direct loss {wan}")
    return ("、" if zh else ", ").join(parts)


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
    for band in params.bands("production_safety_bands"):
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
    """Grade an incident (docs/interpretation.md, "Severity").

    A production-safety accident with casualty or loss figures takes the highest grade any one figure reaches
    whenever that is above the stated grade; figures not given could only raise it further. Other incidents keep
    the grade stated.
    """
    has_figures = any(v is not None for v in (incident.deaths, incident.serious_injuries, incident.direct_loss))
    if incident.kind is not IncidentKind.SAFETY or not has_figures:
        if incident.severity is None:
            return _grading(None, None, "unknown", missing=("severity",))
        return _grading(incident.severity, incident.severity, "stated")
    derived, complete, missing = _derived(incident, params)
    stated = incident.severity
    upper = derived if complete else None
    if stated is None:
        return _grading(derived, upper, "derived", missing=missing, derived=derived)
    if derived.rank > stated.rank:
        return _grading(
            derived,
            upper,
            "figures_above_stated",
            missing=missing,
            stated=stated,
            derived=derived,
        )
    if complete and derived is not stated:
        return _grading(
            derived,
            stated,
            "conflict",
            stated=stated,
            derived=derived,
        )
    return _grading(stated, stated, "stated")
