"""The monitoring report and the ``status`` command, on the example records and on records with faults."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_criteria.cli import main
from cluster_criteria.errors import ApplicationError
from cluster_criteria.procedure import (
    DesignatedClusterRecord,
    RevocationContext,
    RevocationOutcome,
    ValidityState,
    load_record,
    monitor,
    monitoring_report_from_json,
    monitoring_report_schema,
    monitoring_report_to_json,
    record_schema,
    render_monitoring_text,
)
from cluster_criteria.ruleset import get_rule_set, registered
from cluster_criteria.ruleset.procedure_params import (
    JILIN_2024_PROCEDURE,
    procedure_parameters,
    procedure_parameters_on,
)
from cluster_criteria.ruleset.reform import apply_reform, load_reform
from cluster_criteria.verdicts import Status
from cluster_criteria.vocabulary import Severity
from procedure_support import (
    ZONE_CLUSTER,
    clean_record_data,
    larger_accident_in_2027,
    record,
    revision_with_major_floor,
    zone_history,
)

RECORDS = Path(__file__).resolve().parent.parent / "examples" / "records"
AS_OF = "2025-06-30"


def status_json(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    assert main(["status", str(path), "--as-of", AS_OF, "--format", "json", *extra]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def ground_status(data: dict[str, Any], rule_id: str) -> str:
    return str(next(g["status"] for g in data["grounds"] if g["rule_id"] == rule_id))


class TestExampleRecords:
    def test_the_record_with_a_late_report_meets_ground_three(self, capsys: pytest.CaptureFixture[str]) -> None:
        """磐石市: the report on 2024 reached the province on 2025-04-18, after 31 March."""
        data = status_json(RECORDS / "late-report-panshi-metal-products.json", capsys)
        assert data["reports"] == [{"year": 2024, "due": "2025-03-31", "filed_on": "2025-04-18", "state": "late"}]
        assert ground_status(data, "14.3") == "fail"
        assert (data["outcome"], data["decided_by"]) == ("revoke", ["14.3"])

    def test_the_record_with_an_accident_after_designation_meets_ground_five(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """梨树县: three deaths on 2025-01-20 make a 较大 accident, which revokes under Art. 14(5)."""
        data = status_json(RECORDS / "accident-lishu-food-processing.json", capsys)
        assert ground_status(data, "14.5") == "fail"
        assert [g["status"] for g in data["grounds"]] == ["pass", "pass", "pass", "pass", "fail"]

    def test_the_record_in_good_standing_keeps_its_designation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """梅河口市: everything on time, an ordinary accident only."""
        data = status_json(RECORDS / "in-good-standing-meihekou-pharmaceuticals.json", capsys)
        assert data["outcome"] == "keep" and data["validity"]["state"] == "in_force"

    @pytest.mark.parametrize("path", sorted(RECORDS.glob("*.json")), ids=lambda p: p.stem)
    def test_every_example_record_loads_and_replays_its_history(self, path: Path) -> None:
        """Each example validates, and its history ends with its designation."""
        rec = load_record(path.read_bytes())
        assert rec.history is not None and rec.history[-1].date == rec.designation.date

    def test_the_outcome_exit_code_says_revoke(self) -> None:
        """With --outcome-exit-code a ground met exits 10."""
        path = RECORDS / "late-report-panshi-metal-products.json"
        assert main(["status", str(path), "--as-of", AS_OF, "--outcome-exit-code"]) == 10

    @pytest.mark.parametrize(("lang", "expected"), [("zh", "第十四条第（三）项"), ("en", "Art. 14(3)")])
    def test_the_text_report_reads_in_both_languages(
        self, lang: str, expected: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The plain text names the ground in the chosen language."""
        path = RECORDS / "late-report-panshi-metal-products.json"
        assert main(["status", str(path), "--as-of", AS_OF, "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert expected in out and ("逾期报送" in out if lang == "zh" else "filed late" in out)


class TestReport:
    def test_the_report_round_trips_through_json(self) -> None:
        """JSON out and back gives the same report."""
        report = monitor(record(), dt.date(2025, 4, 1))
        assert monitoring_report_from_json(monitoring_report_to_json(report)) == report

    def test_the_report_gathers_validity_reports_and_grounds(self) -> None:
        """One report: the term, the reports owed, all five grounds."""
        report = monitor(record(), dt.date(2025, 4, 1))
        assert report.validity.state is ValidityState.IN_FORCE and report.validity.last_day == dt.date(2027, 6, 27)
        assert report.reports is not None and report.reports[0].state.value == "missing"
        assert report.ground("14.3").status is Status.FAIL
        assert report.outcome is RevocationOutcome.REVOKE

    def test_missing_records_leave_the_outcome_undecided(self) -> None:
        """No incident record: Art. 14(5) lacks data and nothing is decided."""
        report = monitor(record(incidents=None), dt.date(2025, 3, 1))
        assert report.outcome is RevocationOutcome.UNDECIDED and report.decided_by == ("14.5",)
        assert "incidents" in render_monitoring_text(report, "en")

    def test_the_schemas_are_json_schema_documents(self) -> None:
        """Both schemas declare draft 2020-12 and describe their top-level fields."""
        assert set(record_schema()["required"]) == {"cluster", "designation"}
        assert "grounds" in monitoring_report_schema()["properties"]


class TestStepsToConfirm:
    """Art. 9 steps whose body the division table cannot confirm stood when the record was read; the monitoring
    report lists them, so that a designation in a development zone is never accepted without a person's word."""

    def zone_record(self, submitted_by: str = "220104") -> Any:
        return record(cluster=ZONE_CLUSTER, history=zone_history(submitted_by))

    def test_a_zone_submitted_by_a_county_of_its_prefecture_lists_that_step(self) -> None:
        report = monitor(self.zone_record(), dt.date(2025, 4, 1))
        (step,) = report.steps_to_confirm
        assert (step.path, step.date, step.action, step.actor_division) == (
            "history[0]", dt.date(2024, 4, 20), "submit", "220104"
        )
        assert step.reason_id == "procedure.actor.zone_county"
        assert step.reason_args == {"actor": "朝阳区", "area": "长春市", "zone": "长春经济技术开发区"}
        assert "须人工确认集群位于朝阳区" in step.reason_zh
        assert "confirm that the cluster lies in 朝阳区" in step.reason_en

    def test_the_step_reads_in_every_language_and_is_not_a_ground(self) -> None:
        report = monitor(self.zone_record(), dt.date(2025, 4, 1))
        zh, en, ko = (render_monitoring_text(report, lang) for lang in ("zh", "en", "ko"))
        assert "申报历程中须人工确认办理单位的步骤:\n  history[0] 2024-04-20 申报 (220104): 长春经济技术开发区不是县级区划" in zh
        assert "Steps of the designation whose acting body a person must confirm:\n  history[0] 2024-04-20 submit (220104)" in en
        assert "history[0] 2024-04-20 신청 (220104): 长春经济技术开发区은(는) 현급 행정구역이 아니며" in ko
        assert report.outcome is monitor(record(), dt.date(2025, 4, 1)).outcome  # the grounds alone decide

    def test_the_zones_own_department_is_listed_with_its_own_reason(self) -> None:
        (step,) = monitor(self.zone_record("220171"), dt.date(2025, 4, 1)).steps_to_confirm
        assert step.reason_id == "procedure.actor.zone_department"
        assert step.reason_args == {"zone": "长春经济技术开发区"}

    def test_a_record_whose_bodies_are_all_confirmed_lists_nothing(self) -> None:
        for built in (record(), load_record((RECORDS / "accident-lishu-food-processing.json").read_bytes())):
            report = monitor(built, dt.date(2025, 4, 1))
            assert report.steps_to_confirm == ()
            assert "须人工确认办理单位" not in render_monitoring_text(report, "zh")

    def test_the_steps_round_trip_through_json_and_the_command(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        report = monitor(self.zone_record(), dt.date(2025, 4, 1))
        assert monitoring_report_from_json(monitoring_report_to_json(report)) == report
        assert "steps_to_confirm" in monitoring_report_schema()["properties"]
        data = clean_record_data()
        data.update(cluster=ZONE_CLUSTER, history=zone_history())
        path = tmp_path / "zone.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (step,) = status_json(path, capsys)["steps_to_confirm"]
        assert step["path"] == "history[0]" and step["reason_id"] == "procedure.actor.zone_county"


class TestBadRecords:
    def write(self, tmp_path: Path, data: dict[str, Any]) -> Path:
        path = tmp_path / "record.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    def test_a_history_with_a_refused_step_is_bad_input_naming_the_entry(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A history that starts with the prefecture accepting, before any submission, is refused at history[0] citing Art. 10."""
        data = clean_record_data()
        data["history"] = [
            {
                "action": "accept",
                "date": "2024-05-01",
                "actor": {"role": "prefecture_sme_department", "division": "220200"},
            }
        ]
        assert main(["status", str(self.write(tmp_path, data)), "--as-of", AS_OF, "--lang", "en"]) == 3
        err = capsys.readouterr().err
        assert "history[0]: Art. 10: cannot accept" in err

    def test_a_history_that_does_not_end_in_the_designation_is_refused(self) -> None:
        """The designation date must be the date of the last step, designate."""
        data = json.loads((RECORDS / "late-report-panshi-metal-products.json").read_text(encoding="utf-8"))
        data["designation"]["date"] = "2024-07-01"
        with pytest.raises(ApplicationError) as caught:
            load_record(data)
        assert caught.value.problems[0].code == "cc_history_mismatch"

    def test_a_history_that_stops_early_names_its_stage_in_the_message_s_language(self) -> None:
        """Reproducer: the Chinese message named the stage in English (（实际：not recommended）)."""
        data = json.loads((RECORDS / "late-report-panshi-metal-products.json").read_text(encoding="utf-8"))
        data["history"][4:] = [
            {
                "action": "not_recommend",
                "date": data["history"][4]["date"],
                "actor": data["history"][4]["actor"],
                "reasons": ["不符合第六条"],
            }
        ]
        with pytest.raises(ApplicationError) as caught:
            load_record(data)
        (problem,) = caught.value.problems
        assert problem.code == "cc_history_mismatch"
        assert problem.message_zh.endswith("（实际：未推荐）")
        assert problem.message_en.endswith("(it ends: not recommended)")

    @pytest.mark.parametrize(
        ("change", "path", "code"),
        [
            (
                {"annual_reports": [{"year": 2024, "filed_on": "2024-12-31"}]},
                "annual_reports[0]",
                "cc_report_too_early",
            ),
            ({"reviews": [{"decided_on": "2027-09-01"}]}, "reviews[0]", "cc_review_decision"),
            (
                {"changes": [{"kind": "spatial_scope", "date": "2025-02-01", "filed_on": "2025-01-01"}]},
                "changes[0]",
                "cc_date_order",
            ),
            ({"findings": [{"kind": "bribery", "date": "2025-02-01"}]}, "findings[0].kind", "enum"),
        ],
    )
    def test_inconsistent_records_are_refused_field_by_field_in_both_languages(
        self, change: dict[str, Any], path: str, code: str
    ) -> None:
        """Each problem names its field and reads in Chinese and English."""
        data = copy.deepcopy(clean_record_data())
        data.update(change)
        with pytest.raises(ApplicationError) as caught:
            load_record(data)
        problem = caught.value.problems[0]
        assert (problem.path, problem.code) == (path, code)
        assert problem.message_zh and problem.message_en and problem.message_zh != problem.message_en

    def test_status_without_a_date_is_a_usage_error(self) -> None:
        """FILE and --as-of are needed unless --schema is asked for."""
        assert main(["status", str(RECORDS / "late-report-panshi-metal-products.json")]) == 2

    def test_status_prints_the_record_schema(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--schema prints the JSON Schema of the record format."""
        assert main(["status", "--schema"]) == 0
        assert json.loads(capsys.readouterr().out)["title"] == "cluster-criteria designated cluster record"


class TestMonitorProperties:
    @settings(max_examples=100, deadline=None)
    @given(
        st.dates(min_value=dt.date(2024, 3, 15), max_value=dt.date(2040, 12, 31)),
        st.sampled_from(sorted(RECORDS.glob("*.json"))),
    )
    def test_any_date_gives_five_grounds_and_an_outcome(self, as_of: dt.date, path: Path) -> None:
        """Monitoring never raises on a valid record, whatever the date, and always judges all five grounds."""
        report = monitor(load_record(path.read_bytes()), as_of)
        assert [g.rule_id for g in report.grounds] == ["14.1", "14.2", "14.3", "14.4", "14.5"]
        assert (report.outcome is RevocationOutcome.REVOKE) == any(g.status is Status.FAIL for g in report.grounds)
        assert render_monitoring_text(report, "zh") and render_monitoring_text(report, "en")


# Art. 14(5) revokes from 较大 (larger) accidents in the 2024 data; this reform raises the floor to 重大 (major).
MAJOR_FLOOR = load_reform(
    'id = "accident-floor-major"\ntitle_zh = "事故门槛提高至重大"\ntitle_en = "Accident floor raised to major"\n'
    '[parameters.revocation_accident_severity_floor]\nvalue = "major"\n'
)
EDITION_2024 = get_rule_set("jilin-2024")
ACCIDENT_DAY = "2025-01-20"
MONITORED = dt.date(2025, 6, 30)


def accident(**fields: Any) -> DesignatedClusterRecord:
    """The clean record with its 2024 report on time and one safety accident after designation."""
    return record(
        annual_reports=[{"year": 2024, "filed_on": "2025-03-20"}],
        incidents=[{"kind": "safety", "date": ACCIDENT_DAY, **fields}],
    )


class TestParametersFollowTheRuleSet:
    """The procedure's floors and periods come from the rule set applied, as its clause texts and bands do."""

    def test_the_reformed_floor_is_the_one_applied(self) -> None:
        reformed = apply_reform(EDITION_2024, MAJOR_FLOOR)
        ctx = RevocationContext.of(accident(severity="major"), MONITORED, rule_set=reformed)
        assert ctx.params.accident_severity_floor is Severity.MAJOR
        assert RevocationContext.of(accident(severity="major"), MONITORED).params.accident_severity_floor is (
            Severity.LARGER
        )

    def test_an_accident_graded_exactly_at_the_reformed_floor_revokes(self) -> None:
        """重大 reaches the reformed floor 重大及以上."""
        report = monitor(accident(severity="major"), MONITORED, rule_set=apply_reform(EDITION_2024, MAJOR_FLOOR))
        assert report.ground("14.5").status is Status.FAIL
        assert (report.outcome, report.decided_by) == (RevocationOutcome.REVOKE, ("14.5",))
        assert "重大及以上" in report.ground("14.5").checks[0].label_zh

    def test_an_accident_one_grade_below_the_reformed_floor_does_not(self) -> None:
        """较大 revokes under the 2024 floor and no longer under the reformed one."""
        rec = accident(severity="larger")
        assert monitor(rec, MONITORED).ground("14.5").status is Status.FAIL
        report = monitor(rec, MONITORED, rule_set=apply_reform(EDITION_2024, MAJOR_FLOOR))
        assert report.ground("14.5").status is Status.PASS
        assert report.outcome is RevocationOutcome.KEEP

    @pytest.mark.parametrize(("deaths", "status"), [(10, Status.FAIL), (9, Status.PASS)])
    def test_a_grade_derived_from_deaths_meets_the_reformed_floor_from_ten(self, deaths: int, status: Status) -> None:
        """10 deaths make a 重大 accident, 9 a 较大 one (条例 第三条)."""
        rec = accident(deaths=deaths, serious_injuries=0, direct_loss="100万元")
        report = monitor(rec, MONITORED, rule_set=apply_reform(EDITION_2024, MAJOR_FLOOR))
        assert report.ground("14.5").status is status

    @pytest.mark.parametrize("path", sorted(RECORDS.glob("*.json")), ids=lambda p: p.stem)
    def test_monitor_without_params_equals_monitor_with_the_2024_params_derived_explicitly(self, path: Path) -> None:
        rec = load_record(path.read_bytes())
        derived = procedure_parameters(EDITION_2024.parameters_on(MONITORED))
        assert monitor(rec, MONITORED) == monitor(rec, MONITORED, derived, EDITION_2024)
        assert derived == JILIN_2024_PROCEDURE

    def test_the_default_is_built_once_for_each_period_of_values(self) -> None:
        """Every report asks for it: two dates with the same values in force share one object."""
        assert procedure_parameters_on(EDITION_2024, MONITORED) is procedure_parameters_on(
            EDITION_2024, dt.date(2026, 1, 2)
        )

    def test_explicit_params_still_win_over_the_rule_set(self) -> None:
        reformed = apply_reform(EDITION_2024, MAJOR_FLOOR)
        report = monitor(accident(severity="larger"), MONITORED, JILIN_2024_PROCEDURE, reformed)
        assert report.ground("14.5").status is Status.FAIL


class TestTheCommandFollowsTheEditionInForce:
    """``status`` names no rule set: the edition in force on the date gives texts and floors alike."""

    def test_the_status_command_applies_the_floor_of_the_edition_in_force(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "record.json"
        path.write_text(json.dumps(larger_accident_in_2027(), ensure_ascii=False), encoding="utf-8")
        argv = ["status", str(path), "--as-of", "2027-04-15", "--format", "json"]
        assert main(argv) == 0
        assert ground_status(json.loads(capsys.readouterr().out), "14.5") == "fail"
        with registered(revision_with_major_floor()):
            assert main(argv) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["rule_set"]["id"] == "jilin-2027-draft" and ground_status(data, "14.5") == "pass"
