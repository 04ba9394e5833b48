"""第八条至第十一条 — the recognition procedure as a state machine over an application's history.

第九条 ……由所在地县（市、区）中小企业主管部门作为申报主体，由所在市（州）进行审核推荐。
第十条 市（州）中小企业主管部门负责对集群申报进行受理、初审和实地核查，
在符合基本条件的基础上，择优推荐至省工业和信息化厅。
第十一条 省工业和信息化厅对各市（州）中小企业主管部门推荐的集群申报材料进行复审，
择优形成特色产业集群名单，经公示无异议的，确定为“吉林省中小企业特色产业集群”，并在省工业和信息化厅门户网站公布。
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from ..divisions import DivisionTable
from ..errors import ApplicationError, InputProblem, Phrase
from ..limits import MAX_RECORD_ENTRIES
from ..models.base import InputModel
from ..models.types import InputDate, ShortText, at_most
from ..rules.registry import citation_en, citation_zh
from ..safe_text import quoted
from .bodies import Actor, ActorMatch, Bodies, Role

__all__ = [
    "TRANSITIONS",
    "Action",
    "OpenPoint",
    "Stage",
    "Transition",
    "TransitionRefusedError",
    "Workflow",
    "WorkflowEvent",
    "history_from_json",
    "history_to_json",
]


class Stage(str, Enum):
    """Where an application stands."""

    NEW = "new"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    PRELIMINARY_REVIEWED = "preliminary_reviewed"
    VERIFIED_ON_SITE = "verified_on_site"
    RECOMMENDED = "recommended"
    NOT_RECOMMENDED = "not_recommended"
    PROVINCIAL_REVIEWED = "provincial_reviewed"
    SHORTLISTED = "shortlisted"
    PUBLIC_NOTICE = "public_notice"
    DESIGNATED = "designated"
    REJECTED = "rejected"

    @property
    def zh(self) -> str:
        return _STAGE_LABELS[self][0]

    @property
    def en(self) -> str:
        return _STAGE_LABELS[self][1]

    @property
    def phrase(self) -> Phrase:
        """The stage's name in any language of the catalogues."""
        return Phrase.of(f"procedure.stage.{self.value}")

    @property
    def terminal(self) -> bool:
        return self in (Stage.NOT_RECOMMENDED, Stage.DESIGNATED, Stage.REJECTED)


_STAGE_LABELS = {
    Stage.NEW: ("未申报", "not yet submitted"),
    Stage.SUBMITTED: ("已申报", "submitted"),
    Stage.ACCEPTED: ("已受理", "accepted"),
    Stage.PRELIMINARY_REVIEWED: ("已初审", "preliminary review done"),
    Stage.VERIFIED_ON_SITE: ("已实地核查", "verified on site"),
    Stage.RECOMMENDED: ("已推荐至省工业和信息化厅", "recommended to the province"),
    Stage.NOT_RECOMMENDED: ("未推荐", "not recommended"),
    Stage.PROVINCIAL_REVIEWED: ("已复审", "reviewed by the province"),
    Stage.SHORTLISTED: ("已列入名单", "shortlisted"),
    Stage.PUBLIC_NOTICE: ("公示中", "under public notice"),
    Stage.DESIGNATED: ("已认定并公布", "designated and published"),
    Stage.REJECTED: ("未予认定", "rejected"),
}


class Action(str, Enum):
    """A step one of the named bodies takes."""

    SUBMIT = "submit"
    ACCEPT = "accept"
    PRELIMINARY_REVIEW = "preliminary_review"
    VERIFY_ON_SITE = "verify_on_site"
    RECOMMEND = "recommend"
    NOT_RECOMMEND = "not_recommend"
    PROVINCIAL_REVIEW = "provincial_review"
    SHORTLIST = "shortlist"
    PUBLISH_NOTICE = "publish_notice"
    DESIGNATE = "designate"
    REJECT = "reject"

    @property
    def zh(self) -> str:
        return _ACTION_LABELS[self][0]

    @property
    def en(self) -> str:
        return _ACTION_LABELS[self][1]

    @property
    def phrase(self) -> Phrase:
        """The step's name in any language of the catalogues."""
        return Phrase.of(f"procedure.action.{self.value}")


_ACTION_LABELS = {
    Action.SUBMIT: ("申报", "submit"),
    Action.ACCEPT: ("受理", "accept"),
    Action.PRELIMINARY_REVIEW: ("初审", "preliminary review"),
    Action.VERIFY_ON_SITE: ("实地核查", "on-site verification"),
    Action.RECOMMEND: ("推荐至省工业和信息化厅", "recommend to the province"),
    Action.NOT_RECOMMEND: ("不予推荐", "not recommend"),
    Action.PROVINCIAL_REVIEW: ("复审", "provincial review"),
    Action.SHORTLIST: ("择优列入名单", "shortlist"),
    Action.PUBLISH_NOTICE: ("公示", "publish the notice"),
    Action.DESIGNATE: ("确定并公布", "designate and publish"),
    Action.REJECT: ("不予认定", "reject"),
}


@dataclass(frozen=True, slots=True)
class Transition:
    """One allowed step: from which stages, to which, by whom, under which article, and whether reasons are due."""

    action: Action
    sources: tuple[Stage, ...]
    target: Stage
    role: Role
    article: int
    needs_reasons: bool = False

    @property
    def citation_zh(self) -> str:
        return citation_zh(self.article, 0)

    @property
    def citation_en(self) -> str:
        return citation_en(self.article, 0)


_CITY_STAGES_BEFORE_RECOMMENDATION = (
    Stage.SUBMITTED,
    Stage.ACCEPTED,
    Stage.PRELIMINARY_REVIEWED,
    Stage.VERIFIED_ON_SITE,
)

TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(Action.SUBMIT, (Stage.NEW,), Stage.SUBMITTED, Role.COUNTY, 9),
        Transition(Action.ACCEPT, (Stage.SUBMITTED,), Stage.ACCEPTED, Role.PREFECTURE, 10),
        Transition(Action.PRELIMINARY_REVIEW, (Stage.ACCEPTED,), Stage.PRELIMINARY_REVIEWED, Role.PREFECTURE, 10),
        Transition(Action.VERIFY_ON_SITE, (Stage.PRELIMINARY_REVIEWED,), Stage.VERIFIED_ON_SITE, Role.PREFECTURE, 10),
        Transition(Action.RECOMMEND, (Stage.VERIFIED_ON_SITE,), Stage.RECOMMENDED, Role.PREFECTURE, 10),
        Transition(
            Action.NOT_RECOMMEND,
            _CITY_STAGES_BEFORE_RECOMMENDATION,
            Stage.NOT_RECOMMENDED,
            Role.PREFECTURE,
            10,
            needs_reasons=True,
        ),
        Transition(Action.PROVINCIAL_REVIEW, (Stage.RECOMMENDED,), Stage.PROVINCIAL_REVIEWED, Role.PROVINCE, 11),
        Transition(Action.SHORTLIST, (Stage.PROVINCIAL_REVIEWED,), Stage.SHORTLISTED, Role.PROVINCE, 11),
        Transition(Action.PUBLISH_NOTICE, (Stage.SHORTLISTED,), Stage.PUBLIC_NOTICE, Role.PROVINCE, 11),
        Transition(Action.DESIGNATE, (Stage.PUBLIC_NOTICE,), Stage.DESIGNATED, Role.PROVINCE, 11),
        Transition(
            Action.REJECT,
            (Stage.PROVINCIAL_REVIEWED, Stage.PUBLIC_NOTICE),
            Stage.REJECTED,
            Role.PROVINCE,
            11,
            needs_reasons=True,
        ),
    )
}


class WorkflowEvent(InputModel):
    """One step of the history: what was done, when, by whom and why."""

    action: Action = Field(description="submit / accept / preliminary_review / … / designate / reject — Art. 9–11.")
    date: InputDate = Field(description="Date of the step; never earlier than the step before.")
    actor: Actor = Field(description="The body that took the step; it must be the body the article names.")
    reasons: Annotated[tuple[ShortText, ...], at_most(MAX_RECORD_ENTRIES)] = Field(
        default=(),
        max_length=MAX_RECORD_ENTRIES,
        description="Why: required for not_recommend and reject (e.g. an objection during the notice).",
    )
    note: ShortText | None = Field(default=None, description="Reference, e.g. the notice or the published list.")


class TransitionRefusedError(ApplicationError):
    """A step the measures do not allow; the problem cites the article and names the history entry."""

    def __init__(self, problem: InputProblem, *, stage: Stage, action: Action, article: int) -> None:
        super().__init__([problem])
        self.stage = stage
        self.action = action
        self.article = article


@dataclass(frozen=True, slots=True)
class OpenPoint:
    """A step taken by an actor the division table could not confirm (a cluster in a development zone): a person
    must confirm that the actor was the body the article names."""

    index: int
    action: Action
    reason: Phrase

    @property
    def reason_zh(self) -> str:
        return self.reason.text("zh")

    @property
    def reason_en(self) -> str:
        return self.reason.text("en")

    @property
    def path(self) -> str:
        return f"history[{self.index}]"


@dataclass(frozen=True, slots=True)
class Workflow:
    """An application's history and the stage it has reached. Immutable: :meth:`apply` returns a new workflow.

    ``open_points`` lists the steps whose actor must still be confirmed by a person; :attr:`needs_review` is true
    while there is one.
    """

    bodies: Bodies
    history: tuple[WorkflowEvent, ...] = ()
    stage: Stage = Stage.NEW
    table: DivisionTable | None = None
    open_points: tuple[OpenPoint, ...] = ()

    @property
    def needs_review(self) -> bool:
        return bool(self.open_points)

    def allowed_actions(self) -> tuple[Action, ...]:
        return tuple(a for a, t in TRANSITIONS.items() if self.stage in t.sources)

    def apply(self, event: WorkflowEvent) -> Workflow:
        """The workflow after ``event``, or :class:`TransitionRefusedError` saying which rule the step breaks."""
        transition = TRANSITIONS[event.action]
        index = len(self.history)

        # Each refusal is a catalogue message, so that it reads in every language; the article cited leads it.
        def refuse(code: str, **args: object) -> TransitionRefusedError:
            return TransitionRefusedError(
                InputProblem.of(
                    f"history[{index}]",
                    f"problem.{code}",
                    code,
                    citation=Phrase.data(transition.citation_zh, transition.citation_en),
                    **args,
                ),
                stage=self.stage,
                action=event.action,
                article=transition.article,
            )

        if self.stage not in transition.sources:
            allowed = [
                Phrase.of("problem.allowed_action", action=a.phrase, key=a.value) for a in self.allowed_actions()
            ]
            raise refuse(
                "cc_transition_refused",
                stage=self.stage.phrase,
                action=event.action.phrase,
                allowed=Phrase.listed(allowed, empty=Phrase.of("problem.no_action_allowed")),
            )
        if self.history and event.date < self.history[-1].date:
            raise refuse("cc_date_backwards", date=event.date.isoformat(), previous=self.history[-1].date.isoformat())
        body = self.bodies.for_role(transition.role)
        actor_check = body.assess(event.actor, self.table)
        if actor_check.match is ActorMatch.REFUSED:
            reason = actor_check.reason
            raise refuse(
                "cc_wrong_actor",
                action=event.action.phrase,
                body=body.phrase,
                role=event.actor.role.phrase,
                # The division is the record's own text: shown escaped, so that it cannot steer the terminal.
                division=quoted(event.actor.division),
                why=Phrase.of("problem.actor_why", reason=reason) if reason else Phrase.data("", ""),
            )
        if transition.needs_reasons and not event.reasons:
            raise refuse("cc_reasons_required", action=event.action.phrase)
        open_points = self.open_points
        if actor_check.match is ActorMatch.UNCONFIRMED and actor_check.reason is not None:
            open_points = (*open_points, OpenPoint(index, event.action, actor_check.reason))
        return Workflow(self.bodies, (*self.history, event), transition.target, self.table, open_points)

    def step(
        self,
        action: Action | str,
        date: dt.date,
        actor: Actor,
        *,
        reasons: Iterable[str] = (),
        note: str | None = None,
    ) -> Workflow:
        """Shorthand for :meth:`apply` with the event's fields."""
        event = WorkflowEvent(action=Action(action), date=date, actor=actor, reasons=tuple(reasons), note=note)
        return self.apply(event)

    @classmethod
    def replay(cls, events: Iterable[WorkflowEvent], bodies: Bodies, table: DivisionTable | None = None) -> Workflow:
        """Apply a recorded history from the start; the first refused step raises."""
        workflow = cls(bodies, table=table)
        for event in events:
            workflow = workflow.apply(event)
        return workflow

    @property
    def designated_on(self) -> dt.date | None:
        return self.history[-1].date if self.stage is Stage.DESIGNATED else None

    def to_json(self, *, indent: int | None = 2) -> str:
        return history_to_json(self.history, indent=indent)


_HISTORY = TypeAdapter(tuple[WorkflowEvent, ...])


def history_to_json(history: Iterable[WorkflowEvent], *, indent: int | None = 2) -> str:
    data: Any = _HISTORY.dump_python(tuple(history), mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def history_from_json(text: str | bytes) -> tuple[WorkflowEvent, ...]:
    """Read a history written by :func:`history_to_json`; problems name the entry and field."""
    from ..jsonio import parse_json
    from ..problems import from_validation_error

    data = parse_json(text)
    try:
        return _HISTORY.validate_python(data)
    except ValidationError as exc:
        raise from_validation_error(exc) from None
