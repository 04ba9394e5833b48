"""Enterprises of the cluster: identity, size and the titles Art. 6(2) counts."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from ..credit_code import credit_code_problem
from ..limits import MAX_DESIGNATIONS_PER_ENTERPRISE
from ..vocabulary import DesignationKind
from .base import InputModel
from .types import Amount, Count, InputDate, OneLineText, ShortText, at_most

__all__ = ["CreditCode", "Designation", "Enterprise"]


def _valid_credit_code(code: str) -> str:
    code = code.strip().upper()
    problem = credit_code_problem(code)
    if problem is not None:
        raise PydanticCustomError("cc_credit_code", "invalid unified social credit code: {reason}", {"reason": problem})
    return code


CreditCode = Annotated[str, AfterValidator(_valid_credit_code)]
"""统一社会信用代码, 18 characters, check character verified per GB 32100-2015."""


class Designation(InputModel):
    """A title held by an enterprise, with its term."""

    kind: DesignationKind = Field(
        description="Title: single_champion / little_giant / provincial_srdi_sme / high_tech_enterprise — Art. 6(2)."
    )
    valid_from: InputDate = Field(description="First day the title is valid — Art. 6(2).")
    valid_to: InputDate | None = Field(
        default=None,
        description="Last day the title is valid — Art. 6(2). Omitted: derived as three years less one day, and "
        "the verdict says so.",
    )
    certificate: ShortText | None = Field(default=None, description="Certificate or list reference (evidence).")

    @model_validator(mode="after")
    def _ordered(self) -> Designation:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise PydanticCustomError(
                "cc_dates_reversed",
                "valid_to {end} is before valid_from {start}",
                {"end": self.valid_to.isoformat(), "start": self.valid_from.isoformat()},
            )
        return self


class Enterprise(InputModel):
    """An enterprise of the cluster."""

    name: OneLineText = Field(description="企业名称.")
    credit_code: CreditCode = Field(
        description="统一社会信用代码 (GB 32100-2015) — identifies the enterprise, Art. 6(2) counts distinct codes."
    )
    in_leading_industry: bool | None = Field(
        default=None, description="属于集群主导产业 — Art. 6(2) counts only these. Omitted: listed as missing data."
    )
    is_sme: bool | None = Field(
        default=None,
        description="中小企业 (declared). Omitted: derived from employees and revenue (工信部联企业〔2011〕300号).",
    )
    employees: Count | None = Field(default=None, description="从业人员 — for deriving SME status.")
    revenue: Amount | None = Field(default=None, description="营业收入 (元) — for deriving SME status.")
    designations: Annotated[tuple[Designation, ...], at_most(MAX_DESIGNATIONS_PER_ENTERPRISE)] = Field(
        default=(), max_length=MAX_DESIGNATIONS_PER_ENTERPRISE, description="Titles held — Art. 6(2)."
    )

    def sme_status(self, employees_below: int, revenue_below: Decimal) -> tuple[bool | None, str]:
        """SME or not, and on what basis: ``declared``, ``derived`` or ``unknown``."""
        if self.is_sme is not None:
            return self.is_sme, "declared"
        small_by_staff = None if self.employees is None else self.employees < employees_below
        small_by_revenue = None if self.revenue is None else self.revenue < revenue_below
        if small_by_staff or small_by_revenue:
            return True, "derived"
        if small_by_staff is False and small_by_revenue is False:
            return False, "derived"
        return None, "unknown"
