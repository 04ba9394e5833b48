"""The bodies the measures name: the county SME department, the prefecture department, the provincial department."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pydantic import Field

from ..divisions import Division, DivisionTable, jilin_divisions
from ..models.base import InputModel
from ..models.types import ShortText

__all__ = ["Actor", "Bodies", "Body", "Role"]


class Role(str, Enum):
    """Which level of government acts."""

    COUNTY = "county_sme_department"
    PREFECTURE = "prefecture_sme_department"
    PROVINCE = "provincial_department"

    @property
    def zh(self) -> str:
        return _ROLE_LABELS[self][0]

    @property
    def en(self) -> str:
        return _ROLE_LABELS[self][1]


_ROLE_LABELS = {
    Role.COUNTY: ("县（市、区）中小企业主管部门", "county-level SME department"),
    Role.PREFECTURE: ("市（州）中小企业主管部门", "prefecture-level SME department"),
    Role.PROVINCE: ("省工业和信息化厅", "provincial Department of Industry and Information Technology"),
}


class Actor(InputModel):
    """Who took a step: a role and the division whose department it is (code, or name for units without one)."""

    role: Role = Field(description="county_sme_department / prefecture_sme_department / provincial_department.")
    division: ShortText = Field(description="Division code (e.g. 220284) or name (e.g. 长白山管委会) of the body.")
    name: ShortText | None = Field(default=None, description="The body's own name, e.g. 磐石市工业和信息化局.")


@dataclass(frozen=True, slots=True)
class Body:
    """A body the measures require for a step; ``division`` is ``None`` when it cannot be determined.

    ``alternatives`` are other divisions whose department may act as well (梅河口市 under the reading that accepts
    either body), ``reading`` the reading that decided who the body is.
    """

    role: Role
    division: Division | None
    alternatives: tuple[Division, ...] = ()
    reading: str = ""

    @property
    def divisions(self) -> tuple[Division, ...]:
        return () if self.division is None else (self.division, *self.alternatives)

    @property
    def name_zh(self) -> str:
        if self.role is Role.PROVINCE:
            return self.role.zh
        where = "或".join(d.name for d in self.divisions) or "（待确认）"
        return f"{where}中小企业主管部门"

    @property
    def name_en(self) -> str:
        if self.role is Role.PROVINCE:
            return self.role.en
        where = " or ".join(d.name for d in self.divisions) or "(to be confirmed)"
        return f"SME department of {where}"

    def matches(self, actor: Actor, table: DivisionTable | None = None) -> bool:
        """The actor is this body: same role, and one of its divisions when they are known."""
        if actor.role is not self.role:
            return False
        if self.division is None:
            return True
        named = (table or jilin_divisions()).lookup(actor.division)
        return named is not None and named.key in {d.key for d in self.divisions}


@dataclass(frozen=True, slots=True)
class Bodies:
    """The applicant (Art. 9), the recommending body (Art. 9, 10) and the province (Art. 11) for one cluster."""

    applicant: Body
    recommender: Body
    province: Body

    def for_role(self, role: Role) -> Body:
        return {Role.COUNTY: self.applicant, Role.PREFECTURE: self.recommender, Role.PROVINCE: self.province}[role]
