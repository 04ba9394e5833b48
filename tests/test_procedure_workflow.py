"""Art. 8–11: the recognition procedure as a state machine — allowed steps, refused steps, replay from JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from cluster_criteria.models import Location
from cluster_criteria.procedure import (
    TRANSITIONS,
    Action,
    Actor,
    Role,
    Stage,
    TransitionRefusedError,
    Workflow,
    bodies_for,
    history_from_json,
)
from cluster_criteria.ruleset.procedure_params import JILIN_2024_PROCEDURE, MeihekouRecommender

PANSHI = bodies_for(Location(prefecture="吉林市", county="磐石市", county_code="220284"))
COUNTY = Actor(role=Role.COUNTY, division="220284", name="磐石市工业和信息化局")
CITY = Actor(role=Role.PREFECTURE, division="吉林市")
PROVINCE = Actor(role=Role.PROVINCE, division="220000")
ACTOR_OF = {Role.COUNTY: COUNTY, Role.PREFECTURE: CITY, Role.PROVINCE: PROVINCE}
START = dt.date(2024, 4, 20)

# The shortest path of actions reaching each stage.
_MAIN = [
    Action.SUBMIT,
    Action.ACCEPT,
    Action.PRELIMINARY_REVIEW,
    Action.VERIFY_ON_SITE,
    Action.RECOMMEND,
    Action.PROVINCIAL_REVIEW,
    Action.SHORTLIST,
    Action.PUBLISH_NOTICE,
    Action.DESIGNATE,
]
PATHS: dict[Stage, list[Action]] = {Stage.NEW: []}
for _n, _action in enumerate(_MAIN, start=1):
    PATHS[TRANSITIONS[_action].target] = _MAIN[:_n]
PATHS[Stage.NOT_RECOMMENDED] = [Action.SUBMIT, Action.NOT_RECOMMEND]
PATHS[Stage.REJECTED] = [*_MAIN[:6], Action.REJECT]


def do(workflow: Workflow, action: Action, day: dt.date, actor: Actor | None = None) -> Workflow:
    transition = TRANSITIONS[action]
    reasons = ("不符合第六条第（一）项",) if transition.needs_reasons else ()
    return workflow.step(action, day, actor or ACTOR_OF[transition.role], reasons=reasons)


def reach(stage: Stage) -> Workflow:
    workflow = Workflow(PANSHI)
    for offset, action in enumerate(PATHS[stage]):
        workflow = do(workflow, action, START + dt.timedelta(days=offset))
    assert workflow.stage is stage
    return workflow


ALLOWED = {(stage, action) for action, t in TRANSITIONS.items() for stage in t.sources}
DISALLOWED = [(stage, action) for stage in Stage for action in Action if (stage, action) not in ALLOWED]


class TestAllowedSteps:
    def test_the_main_path_ends_designated_on_the_date_of_the_last_step(self) -> None:
        """Submitted, accepted, reviewed, verified, recommended, reviewed, listed, noticed, designated."""
        workflow = reach(Stage.DESIGNATED)
        assert workflow.designated_on == START + dt.timedelta(days=len(_MAIN) - 1)
        assert workflow.allowed_actions() == ()

    def test_every_stage_is_reachable(self) -> None:
        """The path table covers every stage of the machine."""
        assert set(PATHS) == set(Stage)

    @pytest.mark.parametrize(
        "stage", [Stage.SUBMITTED, Stage.ACCEPTED, Stage.PRELIMINARY_REVIEWED, Stage.VERIFIED_ON_SITE]
    )
    def test_the_prefecture_may_decline_to_recommend_at_any_of_its_stages(self, stage: Stage) -> None:
        """Art. 10: acceptance, preliminary review and on-site checks may each end with no recommendation."""
        workflow = do(reach(stage), Action.NOT_RECOMMEND, START + dt.timedelta(days=30))
        assert workflow.stage is Stage.NOT_RECOMMENDED
        assert workflow.history[-1].reasons

    def test_an_objection_during_the_notice_rejects_the_cluster(self) -> None:
        """Art. 11: only a notice without objection leads to designation."""
        workflow = reach(Stage.PUBLIC_NOTICE).step(
            Action.REJECT, START + dt.timedelta(days=40), PROVINCE, reasons=("公示期内收到实名异议，经核实成立",)
        )
        assert workflow.stage is Stage.REJECTED

    def test_two_steps_on_the_same_day_are_allowed(self) -> None:
        """Dates may repeat; only going backwards is refused."""
        workflow = do(do(Workflow(PANSHI), Action.SUBMIT, START), Action.ACCEPT, START)
        assert workflow.stage is Stage.ACCEPTED

    @pytest.mark.parametrize(
        ("reading", "accepted", "refused"),
        [
            (MeihekouRecommender.EITHER, ("梅河口市", "220500"), ("吉林市",)),
            (MeihekouRecommender.OWN, ("220581",), ("通化市", "吉林市")),
            (MeihekouRecommender.TONGHUA, ("通化市",), ("梅河口市", "吉林市")),
        ],
    )
    def test_meihekou_is_recommended_by_the_body_the_chosen_reading_names(
        self, reading: MeihekouRecommender, accepted: tuple[str, ...], refused: tuple[str, ...]
    ) -> None:
        """By default 梅河口市 or 通化市 may accept and recommend; each other reading admits one of them only."""
        params = dataclasses.replace(JILIN_2024_PROCEDURE, meihekou_recommender=reading)
        bodies = bodies_for(Location(prefecture="通化市", county="梅河口市", county_code="220581"), params=params)
        workflow = Workflow(bodies).step(Action.SUBMIT, START, Actor(role=Role.COUNTY, division="220581"))
        for division in accepted:
            step = workflow.step(Action.ACCEPT, START, Actor(role=Role.PREFECTURE, division=division))
            assert step.stage is Stage.ACCEPTED
        for division in refused:
            with pytest.raises(TransitionRefusedError) as caught:
                workflow.step(Action.ACCEPT, START, Actor(role=Role.PREFECTURE, division=division))
            assert caught.value.problems[0].code == "cc_wrong_actor"


class TestRefusedSteps:
    @pytest.mark.parametrize(("stage", "action"), DISALLOWED, ids=[f"{s.value}-{a.value}" for s, a in DISALLOWED])
    def test_every_step_the_measures_do_not_allow_is_refused_citing_its_article(
        self, stage: Stage, action: Action
    ) -> None:
        """A step from a stage its transition does not start from is refused, and the error cites the article."""
        workflow = reach(stage)
        with pytest.raises(TransitionRefusedError) as caught:
            do(workflow, action, START + dt.timedelta(days=60))
        error = caught.value
        assert error.stage is stage and error.action is action
        assert error.problems[0].code == "cc_transition_refused"
        assert error.problems[0].message_en.startswith(f"Art. {TRANSITIONS[action].article}:")
        assert error.problems[0].path == f"history[{len(workflow.history)}]"

    def test_the_sweep_covers_every_pair_but_the_allowed_ones(self) -> None:
        """12 stages times 11 actions, less the allowed steps."""
        assert len(DISALLOWED) == len(Stage) * len(Action) - len(ALLOWED)
        assert len(ALLOWED) == 15

    @pytest.mark.parametrize(
        ("stage", "action", "actor"),
        [
            (Stage.NEW, Action.SUBMIT, CITY),
            (Stage.NEW, Action.SUBMIT, Actor(role=Role.COUNTY, division="220282")),
            (Stage.SUBMITTED, Action.ACCEPT, Actor(role=Role.PREFECTURE, division="长春市")),
            (Stage.SUBMITTED, Action.ACCEPT, PROVINCE),
            (Stage.VERIFIED_ON_SITE, Action.RECOMMEND, COUNTY),
            (Stage.RECOMMENDED, Action.PROVINCIAL_REVIEW, CITY),
            (Stage.PUBLIC_NOTICE, Action.DESIGNATE, CITY),
        ],
    )
    def test_a_step_by_a_body_other_than_the_one_the_article_names_is_refused(
        self, stage: Stage, action: Action, actor: Actor
    ) -> None:
        """Art. 9–11 name who acts: another county, another prefecture or another level is refused."""
        with pytest.raises(TransitionRefusedError) as caught:
            do(reach(stage), action, START + dt.timedelta(days=60), actor)
        assert caught.value.problems[0].code == "cc_wrong_actor"

    def test_a_step_dated_before_the_previous_one_is_refused(self) -> None:
        """Dates never go backwards."""
        workflow = do(Workflow(PANSHI), Action.SUBMIT, START)
        with pytest.raises(TransitionRefusedError) as caught:
            do(workflow, Action.ACCEPT, START - dt.timedelta(days=1))
        assert caught.value.problems[0].code == "cc_date_backwards"

    @pytest.mark.parametrize(
        ("stage", "action"), [(Stage.SUBMITTED, Action.NOT_RECOMMEND), (Stage.PUBLIC_NOTICE, Action.REJECT)]
    )
    def test_a_negative_decision_without_reasons_is_refused(self, stage: Stage, action: Action) -> None:
        """Not recommending and rejecting must say why."""
        actor = ACTOR_OF[TRANSITIONS[action].role]
        with pytest.raises(TransitionRefusedError) as caught:
            reach(stage).step(action, START + dt.timedelta(days=60), actor)
        assert caught.value.problems[0].code == "cc_reasons_required"

    def test_the_refusal_reads_in_chinese_with_the_article(self) -> None:
        """The Chinese message cites 第十条 for a prefecture step taken too early."""
        with pytest.raises(TransitionRefusedError) as caught:
            do(reach(Stage.SUBMITTED), Action.RECOMMEND, START)
        assert caught.value.render("zh").startswith("history[1]: 第十条：在“已申报”状态下不能“推荐至省工业和信息化厅”")


class TestHistory:
    def test_the_history_serialises_to_json_and_replays_to_the_same_stage(self) -> None:
        """to_json then history_from_json then replay gives the same workflow."""
        workflow = reach(Stage.DESIGNATED)
        replayed = Workflow.replay(history_from_json(workflow.to_json()), PANSHI)
        assert replayed == workflow

    def test_replaying_a_tampered_history_raises_at_the_tampered_entry(self) -> None:
        """A history whose third step was removed fails at the step that no longer follows."""
        events = list(reach(Stage.RECOMMENDED).history)
        del events[2]
        with pytest.raises(TransitionRefusedError) as caught:
            Workflow.replay(events, PANSHI)
        assert caught.value.problems[0].path == "history[2]"

    def test_each_step_records_who_when_and_why(self) -> None:
        """The recorded event keeps the actor, the date and the reasons."""
        event = reach(Stage.NOT_RECOMMENDED).history[-1]
        assert event.actor == CITY and event.date == START + dt.timedelta(days=1) and event.reasons


class TestApplicantOfAZone:
    """Art. 9 for a cluster placed in a development zone: the table names the zone's prefecture, not its county."""

    ZONE = bodies_for(Location(prefecture="长春市", county="长春经济技术开发区", county_code="220171"))

    def submit(self, division: str) -> Workflow:
        return Workflow(self.ZONE).step(Action.SUBMIT, START, Actor(role=Role.COUNTY, division=division))

    def test_a_county_of_another_prefecture_is_refused(self) -> None:
        """The issue's case: 长春经开区 (220171) submitted by 延吉市 (222401) is refused, naming both prefectures."""
        with pytest.raises(TransitionRefusedError) as caught:
            self.submit("222401")
        problem = caught.value.problems[0]
        assert problem.code == "cc_wrong_actor" and problem.path == "history[0]"
        assert "长春经济技术开发区位于长春市，延吉市属于延边朝鲜族自治州" in problem.message_zh
        assert "lies in 长春市; 延吉市 is in 延边朝鲜族自治州" in problem.message_en

    def test_a_county_of_the_zones_prefecture_is_accepted_for_review_never_silently(self) -> None:
        """朝阳区 (220104) is in 长春市: the step stands, and the workflow says a person must confirm it."""
        workflow = self.submit("220104")
        assert workflow.stage is Stage.SUBMITTED
        assert workflow.needs_review
        (point,) = workflow.open_points
        assert (point.path, point.action) == ("history[0]", Action.SUBMIT)
        assert "须人工确认集群位于朝阳区" in point.reason_zh and "长春市" in point.reason_zh
        assert "confirm that the cluster lies in 朝阳区" in point.reason_en

    def test_the_open_point_survives_the_later_steps_and_a_replay(self) -> None:
        """Accepting and recommending by 长春市 are confirmed; the submission's point stays open through replay."""
        workflow = self.submit("220104").step(Action.ACCEPT, START, Actor(role=Role.PREFECTURE, division="220100"))
        assert [p.index for p in workflow.open_points] == [0]
        replayed = Workflow.replay(workflow.history, self.ZONE)
        assert replayed.open_points == workflow.open_points

    def test_the_zones_own_department_is_open_as_well(self) -> None:
        """A zone is not a county: whether its own department may apply is for a person to confirm."""
        (point,) = self.submit("220171").open_points
        assert "其主管部门能否作为申报主体须人工确认" in point.reason_zh

    @pytest.mark.parametrize(("division", "words"), [("220100", "不是县（市、区）"), ("某开发区", "不在吉林省区划代码表中")])
    def test_a_unit_that_is_not_a_county_or_not_in_the_table_is_refused(self, division: str, words: str) -> None:
        """长春市 itself, or a name the table does not know, cannot be the county applicant."""
        with pytest.raises(TransitionRefusedError) as caught:
            self.submit(division)
        assert words in caught.value.problems[0].message_zh

    def test_a_county_cluster_has_no_open_point(self) -> None:
        """磐石市's own department: confirmed by the code."""
        workflow = Workflow(PANSHI).step(Action.SUBMIT, START, COUNTY)
        assert not workflow.needs_review and workflow.open_points == ()

    def test_a_cluster_whose_code_is_unknown_leaves_every_county_open(self) -> None:
        """220199 is in no table: whoever submits, a person must confirm it."""
        unknown = bodies_for(Location(prefecture="长春市", county="某区", county_code="220199"))
        workflow = Workflow(unknown).step(Action.SUBMIT, START, COUNTY)
        assert workflow.needs_review and "无法由集群的区划代码确定" in workflow.open_points[0].reason_zh

    def test_matches_is_true_only_for_a_confirmed_actor(self) -> None:
        """Body.matches never says yes for an actor the table cannot confirm."""
        applicant = self.ZONE.applicant
        assert not applicant.matches(Actor(role=Role.COUNTY, division="220104"))
        assert not applicant.matches(Actor(role=Role.COUNTY, division="222401"))
        assert PANSHI.applicant.matches(COUNTY)
