"""The bodies the measures name: the county SME department, the prefecture department, the provincial department."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pydantic import Field

from ..divisions import Division, DivisionLevel, DivisionTable, jilin_divisions
from ..errors import Phrase
from ..models.base import InputModel
from ..models.types import ShortText
from ..safe_text import quoted

__all__ = ["Actor", "ActorCheck", "ActorMatch", "Bodies", "Body", "Role"]


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

    @property
    def phrase(self) -> Phrase:
        """The role's name in any language of the catalogues."""
        return Phrase.of(f"procedure.role.{self.value}")


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


class ActorMatch(str, Enum):
    """Whether the actor of a step is the body the article names."""

    CONFIRMED = "confirmed"
    REFUSED = "refused"
    # The division table cannot tell (a development zone lies in some county the table does not name): a person
    # must confirm; the step is not refused, and not accepted silently either.
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True, slots=True)
class ActorCheck:
    """The answer of :meth:`Body.assess`, with the reason when the actor is refused or unconfirmed: a catalogue
    message (``procedure.actor.*``) with its values, so that it reads in every language of the catalogues."""

    match: ActorMatch
    reason: Phrase | None = None

    @classmethod
    def because(cls, match: ActorMatch, name: str, **args: str) -> ActorCheck:
        return cls(match, Phrase.of(f"procedure.actor.{name}", **args))

    @property
    def reason_zh(self) -> str:
        return self.reason.text("zh") if self.reason else ""

    @property
    def reason_en(self) -> str:
        return self.reason.text("en") if self.reason else ""


@dataclass(frozen=True, slots=True)
class Body:
    """A body the measures require for a step; ``division`` is ``None`` when it cannot be determined.

    ``alternatives`` are other divisions whose department may act as well (梅河口市 under the reading that accepts
    either body), ``reading`` the reading that decided who the body is. When ``division`` is ``None`` because the
    cluster lies in a development zone or new area, ``zone`` is that zone and ``within`` the prefecture it lies in:
    the county that applies must be one of that prefecture's.
    """

    role: Role
    division: Division | None
    alternatives: tuple[Division, ...] = ()
    reading: str = ""
    zone: Division | None = None
    within: Division | None = None

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

    @property
    def phrase(self) -> Phrase:
        """The body's name in any language of the catalogues (division names are the table's own)."""
        if self.role is Role.PROVINCE:
            return self.role.phrase
        names = [Phrase.data(d.name, d.name) for d in self.divisions]
        where = Phrase.listed(
            names, empty=Phrase.of("procedure.body.unconfirmed"), joiner=Phrase.of("procedure.body.or")
        )
        return Phrase.of("procedure.body.department", where=where)

    def matches(self, actor: Actor, table: DivisionTable | None = None) -> bool:
        """The actor is confirmed to be this body (an actor the table cannot confirm does not match)."""
        return self.assess(actor, table).match is ActorMatch.CONFIRMED

    def assess(self, actor: Actor, table: DivisionTable | None = None) -> ActorCheck:
        """Whether the actor is this body: same role and one of its divisions; when the division cannot be read from
        the table, refused if the actor cannot be it, unconfirmed (with the reason) if it may be."""
        if actor.role is not self.role:
            return ActorCheck(ActorMatch.REFUSED)
        table = table or jilin_divisions()
        named = table.lookup(actor.division)
        if self.division is not None:
            confirmed = named is not None and named.key in {d.key for d in self.divisions}
            return ActorCheck(ActorMatch.CONFIRMED if confirmed else ActorMatch.REFUSED)
        if named is None:
            # The reason repeats the record's text: escaped, as every echoed input value is.
            return ActorCheck.because(ActorMatch.REFUSED, "not_in_table", division=quoted(actor.division))
        return self._undetermined(named, table)

    def _undetermined(self, named: Division, table: DivisionTable) -> ActorCheck:
        zone, within = self.zone, self.within
        if zone is None:
            return ActorCheck.because(ActorMatch.UNCONFIRMED, "body_unknown", actor=named.name)
        if named.key == zone.key:
            return ActorCheck.because(ActorMatch.UNCONFIRMED, "zone_department", zone=zone.name)
        parent = table.parent(named)
        if named.level is not DivisionLevel.COUNTY:
            return ActorCheck.because(ActorMatch.REFUSED, "not_a_county", actor=named.name)
        if within is not None and (parent is None or parent.key != within.key):
            where = parent.name if parent is not None else "—"
            return ActorCheck.because(
                ActorMatch.REFUSED, "zone_elsewhere", zone=zone.name, area=within.name, actor=named.name, where=where
            )
        area = within.name if within is not None else "—"
        return ActorCheck.because(ActorMatch.UNCONFIRMED, "zone_county", zone=zone.name, area=area, actor=named.name)


@dataclass(frozen=True, slots=True)
class Bodies:
    """The applicant (Art. 9), the recommending body (Art. 9, 10) and the province (Art. 11) for one cluster."""

    applicant: Body
    recommender: Body
    province: Body

    def for_role(self, role: Role) -> Body:
        return {Role.COUNTY: self.applicant, Role.PREFECTURE: self.recommender, Role.PROVINCE: self.province}[role]
