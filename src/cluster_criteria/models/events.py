"""Incidents (Art. 7(2), 7(3)) and violations (Art. 7(4)) recorded against the cluster or its enterprises."""

from __future__ import annotations

from pydantic import Field

from ..vocabulary import IncidentKind, Severity, ViolationKind
from .base import InputModel
from .enterprise import CreditCode
from .types import Amount, Count, InputDate, ShortText

__all__ = ["Incident", "Violation"]


class Incident(InputModel):
    """An accident or security event. Its grade is stated, or for production-safety accidents derived from the
    casualties and the direct loss (生产安全事故报告和调查处理条例 第三条)."""

    kind: IncidentKind = Field(
        description="safety / quality / environmental / network_security / data_security — Art. 7(2), 7(3)."
    )
    date: InputDate = Field(description="Date of the incident — 近三年 window of Art. 7(2), 7(3).")
    severity: Severity | None = Field(
        default=None, description="Grade: ordinary (一般) / larger (较大) / major (重大) / especially_major (特别重大)."
    )
    deaths: Count | None = Field(default=None, description="死亡人数 — derives the grade of a safety accident.")
    serious_injuries: Count | None = Field(
        default=None, description="重伤人数（包括急性工业中毒）— derives the grade of a safety accident."
    )
    direct_loss: Amount | None = Field(default=None, description="直接经济损失 (元) — derives the grade.")
    enterprise_credit_code: CreditCode | None = Field(
        default=None, description="The enterprise concerned, by credit code (None: the cluster as a whole)."
    )
    description: ShortText | None = Field(default=None, description="What happened; reference of the report.")


class Violation(InputModel):
    """A finding of tax evasion, serious dishonesty or another major violation (Art. 7(4))."""

    kind: ViolationKind = Field(description="tax_evasion / serious_dishonesty / other_major_violation — Art. 7(4).")
    date: InputDate = Field(description="Date of the finding.")
    enterprise_credit_code: CreditCode | None = Field(default=None, description="The enterprise concerned.")
    description: ShortText | None = Field(default=None, description="The finding and its reference.")
