"""Art. 7: the four exclusions — catalogue class, major accidents and security events in the last three years
(window from the assessment date minus three calendar years, both ends inside), and major violations without window."""

from __future__ import annotations

import datetime as dt

import pytest

from cluster_criteria import Status
from cluster_criteria.testing import ApplicationBuilder
from helpers import AS_OF, verdict_of

WINDOW_START = "2022-04-15"  # 2025-04-15 minus three calendar years


class TestArt7_1CatalogueClass:
    """（一）主导产业属于国家规定的禁止、限制和淘汰类产业；"""

    @pytest.mark.parametrize("status", ["restricted", "eliminated", "prohibited"])
    def test_an_excluded_class_fails(self, status: str) -> None:
        """Restricted, eliminated and prohibited industries are excluded."""
        verdict = verdict_of(ApplicationBuilder().leading_industry(catalogue_status=status), "7.1")
        assert verdict.status is Status.FAIL

    @pytest.mark.parametrize("status", ["encouraged", "permitted"])
    def test_encouraged_and_permitted_pass(self, status: str) -> None:
        """Encouraged and permitted industries are not excluded."""
        assert verdict_of(ApplicationBuilder().leading_industry(catalogue_status=status), "7.1").status is Status.PASS

    def test_an_unstated_class_is_insufficient(self) -> None:
        """No class given → insufficient data naming the field."""
        verdict = verdict_of(ApplicationBuilder().leading_industry(catalogue_status=None), "7.1")
        assert verdict.status is Status.INSUFFICIENT_DATA
        assert verdict.checks[0].missing == ("cluster.leading_industry.catalogue_status",)


class TestArt7_2MajorAccidents:
    """（二）近三年发生过重大及以上安全、质量和环境污染等事故；"""

    def test_a_major_accident_on_the_window_start_excludes(self) -> None:
        """An accident on 2022-04-15 is inside the window of an assessment on 2025-04-15."""
        builder = ApplicationBuilder().incident("quality", WINDOW_START, "major")
        assert verdict_of(builder, "7.2").status is Status.FAIL

    def test_a_major_accident_the_day_before_the_window_does_not(self) -> None:
        """2022-04-14 is outside the window."""
        builder = ApplicationBuilder().incident("quality", "2022-04-14", "major")
        assert verdict_of(builder, "7.2").status is Status.PASS

    def test_an_accident_on_the_assessment_date_counts(self) -> None:
        """The assessment date itself is inside."""
        builder = ApplicationBuilder().incident("environmental", AS_OF.isoformat(), "especially_major")
        assert verdict_of(builder, "7.2").status is Status.FAIL

    def test_an_accident_after_the_assessment_date_is_not_counted(self) -> None:
        """A later event is outside the window."""
        builder = ApplicationBuilder().incident("safety", (AS_OF + dt.timedelta(days=1)).isoformat(), "major")
        assert verdict_of(builder, "7.2").status is Status.PASS

    def test_a_larger_accident_is_below_the_art_7_floor(self) -> None:
        """较大 is below 重大: not excluded by Art. 7 (Art. 14(5) is stricter)."""
        builder = ApplicationBuilder().incident("safety", "2024-01-10", "larger")
        assert verdict_of(builder, "7.2").status is Status.PASS

    def test_ten_deaths_derive_a_major_safety_accident(self) -> None:
        """10 deaths reach 重大 (国务院令第493号 第三条) → excluded."""
        builder = ApplicationBuilder().incident("safety", "2024-01-10", deaths=10, serious_injuries=0, direct_loss="0")
        verdict = verdict_of(builder, "7.2")
        assert verdict.status is Status.FAIL
        assert "severity.production_safety" in verdict.checks[0].readings

    def test_nine_deaths_with_complete_figures_are_below_major(self) -> None:
        """9 deaths, 49 serious injuries, 4999万元 loss: 较大 → not excluded."""
        builder = ApplicationBuilder().incident(
            "safety", "2024-01-10", deaths=9, serious_injuries=49, direct_loss="4999万元"
        )
        assert verdict_of(builder, "7.2").status is Status.PASS

    def test_a_loss_of_exactly_5000_wan_yuan_is_major(self) -> None:
        """Direct loss of 5000万元 is the lower bound of 重大 → excluded."""
        builder = ApplicationBuilder().incident(
            "safety", "2024-01-10", deaths=0, serious_injuries=0, direct_loss="5000万元"
        )
        assert verdict_of(builder, "7.2").status is Status.FAIL

    def test_incomplete_figures_below_the_floor_are_insufficient(self) -> None:
        """2 deaths known, injuries and loss unknown: the grade cannot be bounded."""
        builder = ApplicationBuilder().incident("safety", "2024-01-10", deaths=2)
        verdict = verdict_of(builder, "7.2")
        assert verdict.status is Status.INSUFFICIENT_DATA
        assert set(verdict.checks[0].missing) == {"incidents[0].serious_injuries", "incidents[0].direct_loss"}

    def test_figures_above_the_stated_grade_prevail(self) -> None:
        """Stated 一般 but 12 deaths: the figures make it 重大, which excludes, and the note says the stated was lower."""
        builder = ApplicationBuilder().incident("safety", "2024-01-10", "ordinary", deaths=12)
        check = verdict_of(builder, "7.2").check("accidents.0")
        assert check.status is Status.FAIL
        assert "severity.figures_prevail" in check.readings
        assert "申报等级为一般，低于按数字确定的等级" in check.note_zh
        assert check.label_zh == "2024-01-10 发生重大安全事故"

    def test_figures_just_below_the_floor_with_a_lower_stated_grade(self) -> None:
        """Stated 一般, 9 deaths and the other figures given: 较大, below 重大 → not excluded, grade noted."""
        builder = ApplicationBuilder().incident(
            "safety", "2024-01-10", "ordinary", deaths=9, serious_injuries=0, direct_loss="0"
        )
        check = verdict_of(builder, "7.2").check("accidents.0")
        assert check.status is Status.PASS
        assert check.note_zh.startswith("等级：较大")

    def test_figures_at_the_floor_with_some_missing_still_exclude(self) -> None:
        """Ten deaths reach 重大 whatever the missing figures are."""
        builder = ApplicationBuilder().incident("safety", "2024-01-10", "larger", deaths=10)
        assert verdict_of(builder, "7.2").check("accidents.0").status is Status.FAIL

    def test_a_stated_grade_above_complete_figures_needs_review(self) -> None:
        """Stated 重大 with figures of a 一般 accident: the authority may have graded it up — a reviewer decides."""
        builder = ApplicationBuilder().incident(
            "safety", "2024-01-10", "major", deaths=0, serious_injuries=1, direct_loss="100000"
        )
        check = verdict_of(builder, "7.2").check("accidents.0")
        assert check.status is Status.NEEDS_REVIEW
        assert "severity.conflict" in check.readings

    def test_a_quality_accident_without_a_grade_is_insufficient(self) -> None:
        """Non-safety accidents take their grade as stated; none stated → insufficient data."""
        builder = ApplicationBuilder().incident("quality", "2024-01-10")
        assert verdict_of(builder, "7.2").status is Status.INSUFFICIENT_DATA

    def test_security_events_are_not_accidents(self) -> None:
        """A major data security event concerns 7(3), not 7(2)."""
        builder = ApplicationBuilder().incident("data_security", "2024-01-10", "major")
        assert verdict_of(builder, "7.2").status is Status.PASS

    def test_no_incident_record_is_insufficient(self) -> None:
        """An omitted incidents list is not a declaration of none."""
        verdict = verdict_of(ApplicationBuilder().without_incident_record(), "7.2")
        assert verdict.status is Status.INSUFFICIENT_DATA
        assert verdict.checks[0].missing == ("incidents",)

    def test_the_window_falls_back_from_a_leap_day(self) -> None:
        """Assessed on 2028-02-29, the window starts on 2025-02-28: an accident that day counts, the day before not."""
        inside = ApplicationBuilder().shifted_years(3).incident("quality", "2025-02-28", "major")
        outside = ApplicationBuilder().shifted_years(3).incident("quality", "2025-02-27", "major")
        leap_day = dt.date(2028, 2, 29)
        assert verdict_of(inside, "7.2", as_of=leap_day).status is Status.FAIL
        assert verdict_of(outside, "7.2", as_of=leap_day).status is Status.PASS


class TestArt7_3SecurityEvents:
    """（三）近三年发生过重大及以上网络安全事件和数据安全事件；"""

    def test_a_major_network_security_event_excludes(self) -> None:
        """重大 network security event in the window → excluded."""
        builder = ApplicationBuilder().incident("network_security", "2023-06-01", "major")
        assert verdict_of(builder, "7.3").status is Status.FAIL

    def test_a_larger_data_security_event_does_not(self) -> None:
        """较大 is below the floor."""
        builder = ApplicationBuilder().incident("data_security", "2023-06-01", "larger")
        assert verdict_of(builder, "7.3").status is Status.PASS

    def test_an_old_major_event_is_outside_the_window(self) -> None:
        """2022-04-14 is the day before the window."""
        builder = ApplicationBuilder().incident("data_security", "2022-04-14", "especially_major")
        assert verdict_of(builder, "7.3").status is Status.PASS


class TestArt7_4MajorViolations:
    """（四）有偷税漏税、严重失信等其他重大违法违规行为。"""

    @pytest.mark.parametrize("kind", ["tax_evasion", "serious_dishonesty", "other_major_violation"])
    def test_any_finding_excludes(self, kind: str) -> None:
        """Each kind of finding excludes the cluster."""
        assert verdict_of(ApplicationBuilder().violation(kind, "2024-05-01"), "7.4").status is Status.FAIL

    def test_a_finding_from_long_ago_still_counts(self) -> None:
        """7(4) has no time window: a 2010 finding counts."""
        verdict = verdict_of(ApplicationBuilder().violation("tax_evasion", "2010-01-01"), "7.4")
        assert verdict.status is Status.FAIL
        assert "no_window.violations" in verdict.checks[0].readings

    def test_a_declared_empty_record_passes(self) -> None:
        """[] declares no finding."""
        assert verdict_of(ApplicationBuilder(), "7.4").status is Status.PASS

    def test_no_violation_record_is_insufficient(self) -> None:
        """An omitted violations list is missing data."""
        assert verdict_of(ApplicationBuilder().without_violation_record(), "7.4").status is Status.INSUFFICIENT_DATA


class TestFactsAfterTheAssessmentDate:
    """Facts dated after the assessment date are not known on it, in every clause (docs/interpretation.md)."""

    def test_a_later_violation_is_left_out_and_counted(self) -> None:
        """Tax evasion dated 2026-01-01, assessed 2025-04-15: 7(4) passes and the check says one record was left out."""
        builder = ApplicationBuilder().violation("tax_evasion", "2026-01-01")
        check = verdict_of(builder, "7.4").check("violations.none")
        assert check.status is Status.PASS
        assert ("violations.after_assessment_date", 1) in [(f.field, f.value) for f in check.figures]
        assert "另有1条记录日期晚于评估日" in check.note_zh

    def test_a_later_accident_is_left_out_and_counted(self) -> None:
        """A major accident the day after the assessment date: 7(2) passes, one record left out."""
        builder = ApplicationBuilder().incident("safety", "2025-04-16", "major")
        check = verdict_of(builder, "7.2").check("accidents.window")
        assert check.status is Status.PASS
        assert ("incidents.after_assessment_date", 1) in [(f.field, f.value) for f in check.figures]

    def test_a_title_granted_after_the_assessment_date_does_not_count(self) -> None:
        """A little giant from the day after the assessment date is not yet held on it."""
        builder = (
            ApplicationBuilder().without_designations().enterprise("甲有限公司", "little_giant", valid_from="2025-04-16")
        )
        assert verdict_of(builder, "6.2").check("top_designations").status is Status.FAIL


class TestSummaryChecksAgreeWithTheirClause:
    """The window check of 7(2) and 7(3) never reads 'none happened' when one did."""

    def test_a_failing_accident_makes_the_summary_fail_with_a_true_label(self) -> None:
        builder = ApplicationBuilder().incident("environmental", "2024-06-18", "major")
        window = verdict_of(builder, "7.2").check("accidents.window")
        assert window.status is Status.FAIL
        assert window.label_zh.startswith("近三年发生过重大及以上")

    def test_a_passing_record_keeps_the_negative_label(self) -> None:
        builder = ApplicationBuilder().incident("environmental", "2024-06-18", "larger")
        window = verdict_of(builder, "7.2").check("accidents.window")
        assert window.status is Status.PASS
        assert window.label_zh.startswith("近三年未发生重大及以上")

    def test_a_failing_catalogue_class_is_stated_as_found(self) -> None:
        builder = ApplicationBuilder().leading_industry(catalogue_status="restricted")
        check = verdict_of(builder, "7.1").check("catalogue_status")
        assert check.status is Status.FAIL
        assert check.label_zh == "主导产业属于限制类产业"
