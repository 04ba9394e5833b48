"""Answers to the qualitative requirements of Art. 6 and the efficiency figures of Art. 6(6)."""

from __future__ import annotations

from pydantic import Field

from ..vocabulary import Answer
from .base import InputModel
from .types import NonNegativeDecimal, OneLineText, ShortText

__all__ = ["EfficiencyFigure", "QualitativeAnswer", "ResourceEfficiency"]


class QualitativeAnswer(InputModel):
    """The answer to one qualitative item, with the evidence it rests on."""

    answer: Answer = Field(default=Answer.NOT_ANSWERED, description="met / not_met / not_answered.")
    evidence: ShortText | None = Field(default=None, description="Document name, page or file supporting the answer.")


class EfficiencyFigure(InputModel):
    """The cluster's unit consumption against the industry benchmark (lower consumption is better)."""

    unit_consumption: NonNegativeDecimal = Field(description="The cluster's unit consumption (energy or water).")
    benchmark: NonNegativeDecimal = Field(description="The industry benchmark value (基准值), same unit.")
    unit: OneLineText = Field(description="Unit of both figures, e.g. 'kgce/t' or 'm³/t'.")
    source: ShortText = Field(
        description="Document the benchmark comes from, e.g. 《高耗能行业重点领域能效标杆水平和基准水平（2021年版）》."
    )


class ResourceEfficiency(InputModel):
    """Art. 6(6) energy and water efficiency; needed only for high-energy or high-water-use industries."""

    energy: EfficiencyFigure | None = Field(default=None, description="能效 — Art. 6(6), high-energy industries.")
    water: EfficiencyFigure | None = Field(default=None, description="水效 — Art. 6(6), high-water-use industries.")
