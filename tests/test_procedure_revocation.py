"""Art. 14: one rule per ground of revocation; each ground passes when it is not met and fails when it is."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_criteria.errors import ApplicationError
from cluster_criteria.evaluation import evaluate
from cluster_criteria.procedure import DesignatedClusterRecord, RevocationContext, revocation_verdicts
from cluster_criteria.procedure.revocation import change_filing_deadline
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.ruleset.procedure_params import JILIN_2024_PROCEDURE, ChangeFiling
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.verdicts import Status, Verdict
from procedure_support import DESIGNATED, record

DAY = dt.timedelta(days=1)
_BANDS = JILIN_2024.parameters.bands("production_safety_bands")


def _around_floor(field: str) -> st.SearchStrategy[Any]:
    """A figure at, just under or just over a band's lower bound (one person, one fen), or anywhere from zero to
    twice the bound of the procedure's floor band, so that figures below the floor are drawn as often as above."""
    floor = JILIN_2024_PROCEDURE.accident_severity_floor
    top = 2 * getattr(next(b for b in _BANDS if b.severity is floor), field)
    if field == "direct_loss_yuan":
        edges = [b.direct_loss_yuan + d for b in _BANDS for d in (Decimal("-0.01"), Decimal(0), Decimal("0.01"))]
        return st.sampled_from(edges) | st.integers(0, int(top * 100)).map(lambda n: Decimal(n) / 100)
    return st.sampled_from([getattr(b, field) + d for b in _BANDS for d in (-1, 0, 1)]) | st.integers(0, top)


IN_FORCE = dt.date(2025, 6, 30)
ON_TIME = [{"year": 2024, "filed_on": "2025-03-20"}]


def ground(rule_id: str, rec: DesignatedClusterRecord, as_of: dt.date = IN_FORCE, **params: Any) -> Verdict:
    p = dataclasses.replace(JILIN_2024_PROCEDURE, **params)
    for verdict in revocation_verdicts(RevocationContext.of(rec, as_of, p)):
        if verdict.rule_id == rule_id:
            return verdict
    raise KeyError(rule_id)


class TestEveryGround:
    def test_a_clean_record_meets_no_ground(self) -> None:
        """In force, reports on time, nothing found: all five grounds pass."""
        verdicts = revocation_verdicts(RevocationContext.of(record(annual_reports=ON_TIME), IN_FORCE))
        assert [v.rule_id for v in verdicts] == ["14.1", "14.2", "14.3", "14.4", "14.5"]
        assert {v.status for v in verdicts} == {Status.PASS}

    def test_every_ground_cites_its_clause_and_quotes_it(self) -> None:
        """Citations run 第十四条第（一）项 … （五）项 with the verbatim text."""
        verdicts = revocation_verdicts(RevocationContext.of(record(annual_reports=ON_TIME), IN_FORCE))
        assert verdicts[4].citation_zh == "第十四条第（五）项" and verdicts[4].text.startswith(
            "（五）集群企业发生较大及以上"
        )


class TestGround1ExpiredOrReviewFailed:
    LAST_DAY = dt.date(2027, 6, 27)

    def test_in_force_on_the_last_day_does_not_meet_the_ground(self) -> None:
        """2027-06-27 is the last day in force."""
        assert ground("14.1", record(), self.LAST_DAY).status is Status.PASS

    def test_expired_with_no_request_is_open_while_the_deadline_is_unknown(self) -> None:
        """The measures set no deadline for asking for a review."""
        verdict = ground("14.1", record(), self.LAST_DAY + DAY)
        assert verdict.status is Status.NEEDS_REVIEW
        assert "review.request_deadline" in verdict.readings

    def test_no_request_by_the_deadline_meets_the_ground_the_day_after_it(self) -> None:
        """Deadline 2027-09-30: open on that day, met on 2027-10-01."""
        rec = record(review_request_deadline="2027-09-30")
        assert ground("14.1", rec, dt.date(2027, 9, 30)).status is Status.NEEDS_REVIEW
        assert ground("14.1", rec, dt.date(2027, 10, 1)).status is Status.FAIL

    def test_a_failed_review_meets_the_ground(self) -> None:
        """经复核未通过."""
        rec = record(reviews=[{"requested_on": "2027-07-01", "decided_on": "2027-09-01", "passed": False}])
        assert ground("14.1", rec, dt.date(2027, 9, 1)).status is Status.FAIL

    def test_a_pending_review_is_open(self) -> None:
        """Requested and not decided: a reviewer waits for the decision."""
        rec = record(reviews=[{"requested_on": "2027-07-01"}], review_request_deadline="2027-07-31")
        assert ground("14.1", rec, dt.date(2027, 8, 15)).status is Status.NEEDS_REVIEW

    def test_a_passed_review_keeps_the_designation(self) -> None:
        """Passed: extended to 2030-06-27, the ground is not met."""
        rec = record(reviews=[{"requested_on": "2027-07-01", "decided_on": "2027-09-01", "passed": True}])
        verdict = ground("14.1", rec, dt.date(2028, 1, 1))
        assert verdict.status is Status.PASS and "2030-06-27" in verdict.checks[0].note_zh

    def test_before_designation_the_ground_does_not_apply(self) -> None:
        """A date before the designation has nothing to revoke."""
        assert ground("14.1", record(), DESIGNATED - DAY).status is Status.NOT_APPLICABLE


class TestGround2FalseApplicationOrViolations:
    def test_no_finding_does_not_meet_the_ground(self) -> None:
        """findings: [] declares none."""
        assert ground("14.2", record()).status is Status.PASS

    @pytest.mark.parametrize(("found", "status"), [(DESIGNATED, Status.FAIL), (DESIGNATED - DAY, Status.NEEDS_REVIEW)])
    def test_a_false_application_counts_from_the_day_it_is_found(self, found: dt.date, status: Status) -> None:
        """Found on the designation date: met. Found the day before, and designated all the same: a reviewer decides
        (it no longer revokes by itself, as the other grounds count from designation too)."""
        rec = record(findings=[{"kind": "false_application", "date": found.isoformat()}])
        verdict = ground("14.2", rec)
        assert verdict.status is status
        assert "findings.false_application_found" in verdict.readings

    def test_a_false_application_made_before_designation_and_found_after_it_meets_the_ground(self) -> None:
        """The false application necessarily precedes the designation it obtained: the finding date counts."""
        finding = {"kind": "false_application", "conduct_date": "2024-04-20", "date": "2025-05-01"}
        verdict = ground("14.2", record(findings=[finding]))
        assert verdict.status is Status.FAIL
        assert "认定后发现虚假申报" in verdict.checks[0].note_zh

    @pytest.mark.parametrize(
        ("conduct", "status"), [(DESIGNATED, Status.FAIL), (DESIGNATED - DAY, Status.NEEDS_REVIEW)]
    )
    def test_a_violation_counts_from_the_day_of_the_conduct(self, conduct: dt.date, status: Status) -> None:
        """Conduct on the designation date, found later: met. Conduct the day before: Art. 7(4)'s concern, to review."""
        finding = {"kind": "violation", "conduct_date": conduct.isoformat(), "date": "2025-05-01"}
        verdict = ground("14.2", record(findings=[finding]))
        assert verdict.status is status
        assert "findings.violation_conduct" in verdict.readings
        figures = {f.field: f.value for f in verdict.checks[0].figures}
        assert figures["findings[0].conduct_date"] == conduct.isoformat()
        assert figures["findings[0].date"] == "2025-05-01"

    def test_a_violation_without_the_date_of_the_conduct_is_insufficient_data(self) -> None:
        """Found after designation, conduct date unknown: it may predate the designation."""
        verdict = ground("14.2", record(findings=[{"kind": "violation", "date": "2025-05-01"}]))
        assert verdict.status is Status.INSUFFICIENT_DATA
        assert verdict.checks[0].missing == ("findings[0].conduct_date",)

    def test_a_violation_after_designation_found_after_the_date_asked_about_is_not_known(self) -> None:
        """Conduct 2025-03-01, found 2025-07-01: on 2025-06-30 nothing has been found."""
        finding = {"kind": "violation", "conduct_date": "2025-03-01", "date": "2025-07-01"}
        assert ground("14.2", record(findings=[finding]), dt.date(2025, 6, 30)).status is Status.PASS
        assert ground("14.2", record(findings=[finding]), dt.date(2025, 7, 1)).status is Status.FAIL

    def test_a_finding_cannot_precede_its_conduct(self) -> None:
        """Found 2025-01-01 for conduct of 2025-02-01: refused on loading, naming both fields."""
        with pytest.raises(ApplicationError) as caught:
            record(findings=[{"kind": "violation", "conduct_date": "2025-02-01", "date": "2025-01-01"}])
        assert "conduct_date" in caught.value.render("zh") and "findings" in caught.value.render("en")

    def test_a_finding_after_the_date_asked_about_is_not_known_yet(self) -> None:
        """On 2025-04-30 the finding of 2025-05-01 has not been made."""
        rec = record(findings=[{"kind": "violation", "date": "2025-05-01"}])
        assert ground("14.2", rec, dt.date(2025, 4, 30)).status is Status.PASS

    def test_no_record_of_findings_is_insufficient_data(self) -> None:
        """An omitted list is not supplied, never taken as none."""
        verdict = ground("14.2", record(findings=None))
        assert verdict.status is Status.INSUFFICIENT_DATA and verdict.checks[0].missing == ("findings",)


class TestGround3ReportsAndMonitoring:
    def test_reports_on_time_do_not_meet_the_ground(self) -> None:
        """Filed 2025-03-20 for 2024."""
        assert ground("14.3", record(annual_reports=ON_TIME)).status is Status.PASS

    def test_a_late_report_meets_the_ground(self) -> None:
        """Filed 2025-04-01: not in time."""
        rec = record(annual_reports=[{"year": 2024, "filed_on": "2025-04-01"}])
        assert ground("14.3", rec).status is Status.FAIL

    def test_a_missing_report_meets_the_ground_from_the_day_after_the_due_date(self) -> None:
        """Unfiled: passes on 2025-03-31, fails on 2025-04-01."""
        assert ground("14.3", record(), dt.date(2025, 3, 31)).status is Status.PASS
        assert ground("14.3", record(), dt.date(2025, 4, 1)).status is Status.FAIL

    def test_a_refusal_of_monitoring_meets_the_ground(self) -> None:
        """不接受、不配合监测监督工作."""
        rec = record(annual_reports=ON_TIME, monitoring_refusals=[{"date": "2025-05-20"}])
        assert ground("14.3", rec).status is Status.FAIL

    def test_no_record_of_filings_is_insufficient_data(self) -> None:
        """annual_reports omitted: the library cannot tell."""
        assert ground("14.3", record(annual_reports=None)).status is Status.INSUFFICIENT_DATA


class TestGround4MajorChanges:
    def change(self, filed_on: str | None = None, date: str = "2025-02-10") -> DesignatedClusterRecord:
        entry = {"kind": "leading_industry", "date": date, **({"filed_on": filed_on} if filed_on else {})}
        return record(changes=[entry])

    def test_a_change_filed_by_the_first_due_date_after_it_does_not_meet_the_ground(self) -> None:
        """Changed 2025-02-10: the next yearly report is due 2025-03-31; re-filed that day, in time."""
        verdict = ground("14.4", self.change("2025-03-31"), dt.date(2026, 6, 1))
        assert verdict.status is Status.PASS
        assert "changes.next_due_date" in verdict.readings

    def test_a_change_filed_the_day_after_that_due_date_meets_the_ground(self) -> None:
        """Re-filed 2025-04-01: late."""
        assert ground("14.4", self.change("2025-04-01"), dt.date(2026, 6, 1)).status is Status.FAIL

    def test_a_change_of_january_filed_in_late_march_of_the_next_year_meets_the_ground(self) -> None:
        """The issue's case: changed in January 2025, filed 2026-03-25 — fourteen months: not 及时 by default."""
        rec = self.change("2026-03-25", date="2025-01-15")
        verdict = ground("14.4", rec, dt.date(2026, 4, 15))
        assert verdict.status is Status.FAIL
        assert "2025-03-31" in verdict.checks[0].label_zh

    def test_the_old_reading_lets_that_change_pass_and_is_still_available(self) -> None:
        """changes.by_next_report: the due date of the report on 2025, 2026-03-31."""
        rec = self.change("2026-03-25", date="2025-01-15")
        verdict = ground("14.4", rec, dt.date(2026, 4, 15), change_filing=ChangeFiling.REPORT_ON_ITS_YEAR)
        assert verdict.status is Status.PASS and verdict.readings == ("changes.by_next_report",)

    def test_an_unfiled_change_is_open_until_the_deadline_and_met_after_it(self) -> None:
        """Not filed: needs review on 2025-03-31, fails on 2025-04-01."""
        assert ground("14.4", self.change(), dt.date(2025, 3, 31)).status is Status.NEEDS_REVIEW
        assert ground("14.4", self.change(), dt.date(2025, 4, 1)).status is Status.FAIL

    @pytest.mark.parametrize(("filed", "status"), [("2025-04-19", Status.PASS), ("2025-04-20", Status.FAIL)])
    def test_a_change_shortly_before_a_due_date_is_given_thirty_days(self, filed: str, status: Status) -> None:
        """Changed 2025-03-20, eleven days before the due date: re-filed by 2025-04-19 (30 days) is in time."""
        assert ground("14.4", self.change(filed, date="2025-03-20"), dt.date(2025, 6, 1)).status is status

    @pytest.mark.parametrize(("filed", "status"), [("2026-03-31", Status.PASS), ("2026-04-01", Status.FAIL)])
    def test_a_change_just_after_a_due_date_waits_for_the_next_one(self, filed: str, status: Status) -> None:
        """Changed 2025-04-01: the next due date is 2026-03-31, 364 days later — less than a year."""
        assert ground("14.4", self.change(filed, date="2025-04-01"), dt.date(2026, 6, 1)).status is status

    @given(st.dates(dt.date(2024, 6, 28), dt.date(2040, 12, 31)))
    def test_no_change_may_stay_unreported_for_a_year_by_default(self, changed: dt.date) -> None:
        """Whatever the day of the change, the default deadline falls within a year of it and at least 30 days on."""
        deadline, reading = change_filing_deadline(changed)
        assert reading == "changes.next_due_date"
        assert changed + dt.timedelta(days=30) <= deadline < changed + relativedelta(years=1)
        assert deadline == changed + dt.timedelta(days=30) or (deadline.month, deadline.day) == (3, 31)

    def test_a_filing_period_in_days_can_replace_the_default_reading(self) -> None:
        """With 30 days: filed on day 30 passes, on day 31 fails."""
        assert ground("14.4", self.change("2025-03-12"), change_filing_days=30).status is Status.PASS
        assert ground("14.4", self.change("2025-03-13"), change_filing_days=30).status is Status.FAIL

    def test_a_change_before_the_designation_is_not_counted(self) -> None:
        """Changes before 2024-06-28 belong to the application, not to the designated cluster."""
        assert ground("14.4", self.change(date="2024-06-27")).status is Status.PASS

    def test_no_record_of_changes_is_insufficient_data(self) -> None:
        """changes omitted."""
        assert ground("14.4", record(changes=None)).status is Status.INSUFFICIENT_DATA


class TestGround5EventsAfterDesignation:
    def incident(self, **fields: Any) -> DesignatedClusterRecord:
        return record(incidents=[{"kind": "safety", "date": "2025-01-20", **fields}])

    def test_a_larger_accident_after_designation_meets_the_ground(self) -> None:
        """较大 ≥ 较大: revoked."""
        assert ground("14.5", self.incident(severity="larger")).status is Status.FAIL

    def test_an_ordinary_accident_does_not_meet_the_ground(self) -> None:
        """一般 < 较大."""
        assert ground("14.5", self.incident(severity="ordinary")).status is Status.PASS

    @pytest.mark.parametrize(("deaths", "status"), [(2, Status.PASS), (3, Status.FAIL)])
    def test_the_grade_is_derived_from_deaths_at_the_larger_boundary(self, deaths: int, status: Status) -> None:
        """3 deaths reach 较大 (国务院令第493号 第三条); 2 deaths with no other harm do not."""
        rec = self.incident(deaths=deaths, serious_injuries=0, direct_loss="100万元")
        verdict = ground("14.5", rec)
        assert verdict.status is status
        assert "severity.production_safety" in verdict.readings

    def test_three_deaths_stated_ordinary_is_a_larger_accident_and_says_the_stated_grade_was_lower(self) -> None:
        """The issue's case: 3 deaths stated 一般 — the figures give 较大, so the ground is met (no longer undecided)."""
        verdict = ground("14.5", self.incident(severity="ordinary", deaths=3, serious_injuries=0, direct_loss="50万元"))
        check = verdict.checks[0]
        assert verdict.status is Status.FAIL
        assert "revocation.figures_grade" in verdict.readings
        assert "申报等级为一般，低于伤亡和损失数据对应的等级" in check.note_zh
        assert "死亡3人" in check.note_zh and "直接经济损失50万元" in check.note_zh
        assert "stated grade, ordinary, is lower than the figures give" in check.note_en
        assert {f.field: f.value for f in check.figures}["incidents[0].deaths"] == 3

    @pytest.mark.parametrize(
        ("figures", "status"),
        [
            ({"deaths": 2, "serious_injuries": 9, "direct_loss": "999.99万元"}, Status.PASS),
            ({"deaths": 3, "serious_injuries": 9, "direct_loss": "999.99万元"}, Status.FAIL),
            ({"deaths": 2, "serious_injuries": 10, "direct_loss": "999.99万元"}, Status.FAIL),
            ({"deaths": 2, "serious_injuries": 9, "direct_loss": "1000万元"}, Status.FAIL),
        ],
    )
    def test_each_figure_decides_at_the_larger_limit_whatever_the_stated_grade(
        self, figures: dict[str, Any], status: Status
    ) -> None:
        """Stated 一般: 3 deaths, 10 serious injuries or 1000万元 each reach 较大; one below each does not."""
        assert ground("14.5", self.incident(severity="ordinary", **figures)).status is status

    @settings(max_examples=60, deadline=None)
    @given(
        deaths=_around_floor("deaths"),
        injuries=_around_floor("serious_injuries"),
        loss=_around_floor("direct_loss_yuan"),
    )
    def test_a_safety_accident_without_a_stated_grade_meets_the_ground_exactly_from_the_floor(
        self, deaths: int, injuries: int, loss: Decimal
    ) -> None:
        """No grade stated, every figure given: 14(5) is met ⇔ deaths ≥ 3 or serious injuries ≥ 10 or direct loss ≥
        1000万元 (the 较大 band, the floor 较大及以上), limits read from the rule set and the procedure's floor."""
        floor = JILIN_2024_PROCEDURE.accident_severity_floor
        band = next(b for b in _BANDS if b.severity is floor)
        reached = deaths >= band.deaths or injuries >= band.serious_injuries or loss >= band.direct_loss_yuan
        verdict = ground("14.5", self.incident(deaths=deaths, serious_injuries=injuries, direct_loss=f"{loss}元"))
        assert verdict.status is (Status.FAIL if reached else Status.PASS)

    def test_figures_above_the_stated_grade_decide_even_when_one_is_missing(self) -> None:
        """3 deaths with the loss unknown: at least 较大, which already meets the floor."""
        verdict = ground("14.5", self.incident(severity="ordinary", deaths=3))
        assert verdict.status is Status.FAIL
        assert "较大及以上" in verdict.checks[0].note_zh

    def test_a_stated_grade_above_complete_figures_goes_to_review(self) -> None:
        """Stated 较大, one death and a small loss: the figures say 一般; a reviewer decides, nothing is silent."""
        verdict = ground("14.5", self.incident(severity="larger", deaths=1, serious_injuries=0, direct_loss="10万元"))
        assert verdict.status is Status.NEEDS_REVIEW
        assert "severity.conflict" in verdict.readings
        assert "申报等级较大，按伤亡和损失推定为一般" in verdict.checks[0].note_zh

    def test_other_kinds_of_accident_keep_their_stated_grade(self) -> None:
        """The production-safety table grades safety accidents only: a quality accident stated 一般 stays 一般."""
        verdict = ground("14.5", self.incident(kind="quality", severity="ordinary", deaths=3))
        assert verdict.status is Status.PASS
        assert "revocation.figures_grade" not in verdict.readings

    def test_art_14_5_is_stricter_than_art_7_2_for_the_same_accident(self) -> None:
        """A 较大 accident leaves Art. 7(2) passing but revokes under Art. 14(5)."""
        accident = {"kind": "safety", "date": "2025-01-20", "severity": "larger"}
        application = ApplicationBuilder().incident(**accident).build()
        assert evaluate(application, dt.date(2025, 6, 30)).verdict("7.2").status is Status.PASS
        verdict = ground("14.5", record(incidents=[accident]))
        assert verdict.status is Status.FAIL
        assert "revocation.stricter_accident_floor" in verdict.readings

    @pytest.mark.parametrize("kind", ["quality", "environmental"])
    def test_larger_quality_and_environmental_accidents_also_meet_the_ground(self, kind: str) -> None:
        """The floor 较大 covers all three kinds of accident."""
        assert ground("14.5", self.incident(kind=kind, severity="larger")).status is Status.FAIL

    @pytest.mark.parametrize(("severity", "status"), [("larger", Status.PASS), ("major", Status.FAIL)])
    def test_security_events_count_from_major(self, severity: str, status: Status) -> None:
        """网络安全事件和数据安全事件 stay at 重大及以上."""
        rec = record(incidents=[{"kind": "data_security", "date": "2025-01-20", "severity": severity}])
        assert ground("14.5", rec).status is status

    @pytest.mark.parametrize("kind", ["tax_evasion", "serious_dishonesty", "other_major_violation"])
    def test_a_violation_after_designation_meets_the_ground(self, kind: str) -> None:
        """偷税漏税、违法违规、严重失信和其它重大问题."""
        rec = record(violations=[{"kind": kind, "date": "2025-01-20"}])
        assert ground("14.5", rec).status is Status.FAIL

    @pytest.mark.parametrize(("day", "status"), [(DESIGNATED - DAY, Status.PASS), (DESIGNATED, Status.FAIL)])
    def test_the_window_starts_on_the_designation_date(self, day: dt.date, status: Status) -> None:
        """An accident on the designation date counts, one the day before does not."""
        rec = record(incidents=[{"kind": "safety", "date": day.isoformat(), "severity": "larger"}])
        assert ground("14.5", rec).status is status

    def test_an_event_after_the_date_asked_about_is_not_counted(self) -> None:
        """The window ends on the report's date."""
        assert ground("14.5", self.incident(severity="major"), dt.date(2025, 1, 19)).status is Status.PASS

    def test_an_accident_of_unknown_grade_is_insufficient_data(self) -> None:
        """Neither a stated grade nor figures."""
        verdict = ground("14.5", self.incident())
        assert verdict.status is Status.INSUFFICIENT_DATA

    def test_no_record_of_incidents_or_violations_is_insufficient_data(self) -> None:
        """Omitted lists are not supplied."""
        assert ground("14.5", record(incidents=None)).status is Status.INSUFFICIENT_DATA
        assert ground("14.5", record(violations=None)).status is Status.INSUFFICIENT_DATA

    def test_the_floors_come_from_the_parameters(self) -> None:
        """Art. 14(5): 较大 for accidents, 重大 for security events, each with its source."""
        p = JILIN_2024_PROCEDURE
        assert p.accident_severity_floor.zh == "较大" and p.security_event_severity_floor.zh == "重大"
        assert p.accident_source.place == "第十四条第（五）项"
