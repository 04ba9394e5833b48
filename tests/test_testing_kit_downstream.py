"""The testing kit as a downstream team meets it: only the public API, the command line and help().

One class per trap the kit once set: a share that slid under its limit, a result that depended on call order,
facts after the assessment date dropped silently, check ids nobody could find, an either/or clause that made "no
check fails" false, help() that could not be read, an inconsistent API, scenario ids pytest -k could not select,
and a guide that proposed a property the law does not have.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import pydoc
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from cluster_criteria import Outcome, Status, evaluate, report_to_data
from cluster_criteria.errors import UnknownCheckError, UnknownVerdictError
from cluster_criteria.testing import (
    ApplicationBuilder,
    assert_check,
    assert_no_check_fails,
    assertions,
    builder,
    eligible_application_data,
    failing_checks,
    scenarios,
)
from cluster_criteria.testing import strategies as cs

ROOT = Path(__file__).resolve().parent.parent
FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cluster_criteria", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


class TestTheBuilderKeepsItsPromises:
    def test_a_share_set_at_its_limit_stays_at_it_when_the_total_moves_by_a_fen(self) -> None:
        """The issue's reproducer: 60 % of a total raised by one fen is still not under 60 %."""
        report = ApplicationBuilder().shares(2024, sme_output="60%").year(2024, total_output="3600000000.01元").evaluate()
        check = assert_check(report, "6.1", "sme_output_share.2024", "pass")
        assert check.value is not None and check.value >= Decimal("0.6")
        assert report.outcome is Outcome.ELIGIBLE

    @FEW
    @given(total=cs.amounts(max_yuan=10**14).filter(lambda d: d > 0))
    def test_a_scaled_part_never_falls_below_its_share_nor_exceeds_the_total(self, total: Decimal) -> None:
        """For any new total, part ÷ total stays at or above the old share, and the part within the total."""
        record = ApplicationBuilder().shares(2023, sme_output="60%").year(2023, total_output=f"{total}元").build()
        metrics = record.year(2023)
        assert metrics is not None and metrics.sme_output is not None and metrics.total_output is not None
        assert metrics.sme_output <= metrics.total_output
        assert Fraction(metrics.sme_output) >= Fraction(3, 5) * Fraction(metrics.total_output)

    def test_the_base_shares_are_what_its_description_says(self) -> None:
        """The docstring and the guide state 80 %, 78.8 % and 77.8 %: the data gives exactly those, rounded."""
        shares = []
        for metrics in eligible_application_data()["metrics"]:
            sme = Decimal(metrics["sme_output"].removesuffix("亿元"))
            total = Decimal(metrics["total_output"].removesuffix("亿元"))
            shares.append(f"{sme / total * 100:.1f} %")
        assert shares == ["80.0 %", "78.8 %", "77.8 %"]
        described = (inspect.getdoc(eligible_application_data) or "") + (ROOT / "docs" / "testing.md").read_text(
            encoding="utf-8"
        )
        assert "80 %, 78.8 % and 77.8 %" in described


class TestCallOrderDoesNotChangeTheResult:
    def test_an_incident_written_before_or_after_assessed_on_keeps_its_date(self) -> None:
        """The issue's reproducer gives the same application and the same verdict in both orders."""
        first = ApplicationBuilder().incident("quality", "2025-02-27", "major").assessed_on("2028-02-29")
        last = ApplicationBuilder().assessed_on("2028-02-29").incident("quality", "2025-02-27", "major")
        assert first.data() == last.data()
        assert first.data()["incidents"][0]["date"] == "2025-02-27"
        assert first.evaluate().verdict("7.2").status is Status.PASS
        assert last.evaluate().verdict("7.2").status is Status.PASS

    def test_figures_and_titles_a_test_states_are_kept_across_assessed_on(self) -> None:
        """A year, an enterprise and a violation stated before assessed_on are where the test put them."""
        data = (
            ApplicationBuilder()
            .year(2027, total_output="19亿元")
            .enterprise("某新公司", "little_giant", valid_from="2027-01-01")
            .violation("tax_evasion", "2026-05-01")
            .assessed_on("2028-03-01")
            .data()
        )
        assert [m["year"] for m in data["metrics"]] == [2025, 2026, 2027]
        assert data["metrics"][-1]["total_output"] == "19亿元"
        assert data["enterprises"][-1]["designations"][0]["valid_from"] == "2027-01-01"
        assert data["violations"] == [{"kind": "tax_evasion", "date": "2026-05-01"}]

    def test_shifted_years_is_the_explicit_way_to_move_stated_dates(self) -> None:
        """Dates stated before shifted_years move with it; the shift is written in the test."""
        data = ApplicationBuilder().incident("quality", "2024-02-29", "major").shifted_years(1).data()
        assert data["incidents"][0]["date"] == "2025-02-28"
        assert [m["year"] for m in data["metrics"]] == [2023, 2024, 2025]

    def test_assessed_on_refuses_what_is_not_a_date(self) -> None:
        """A number is a TypeError naming the type, not a silent default."""
        with pytest.raises(TypeError, match="int"):
            ApplicationBuilder().assessed_on(20280229)  # type: ignore[arg-type]


class TestFactsAfterTheAssessmentDateAreCounted:
    def test_incidents_violations_and_titles_after_the_date_are_left_out_and_counted(self) -> None:
        """Each clause says how many later facts it left out, in a figure and a note."""
        report = (
            ApplicationBuilder()
            .incident("safety", "2025-05-01", "major")
            .incident("data_security", "2025-05-02", "major")
            .violation("tax_evasion", "2025-12-01")
            .enterprise("后来公司", "little_giant", valid_from="2025-06-01")
            .evaluate()
        )
        assert report.outcome is Outcome.ELIGIBLE

        def later(rule_id: str, check_id: str, field: str) -> object:
            check = report.verdict(rule_id).check(check_id)
            assert "after the assessment date" in check.note_en
            return {f.field: f.value for f in check.figures}[field]

        assert later("7.2", "accidents.window", "incidents.after_assessment_date") == 1
        assert later("7.3", "security_events.window", "incidents.after_assessment_date") == 1
        assert later("7.4", "violations.none", "violations.after_assessment_date") == 1
        assert later("6.2", "top_designations", "designations.after_assessment_date") == 1
        assert "晚于评估日" in report.verdict("6.2").check("top_designations").note_zh

    @FEW
    @given(cs.application_data(2025))
    def test_generated_applications_hold_no_fact_after_the_year_unless_asked(self, data: dict[str, object]) -> None:
        """By default every event and title is dated before the assessment year."""
        dates = [e["date"] for e in data.get("incidents") or []] + [v["date"] for v in data.get("violations") or []]  # type: ignore[attr-defined]
        dates += [d["valid_from"] for e in data.get("enterprises") or [] for d in e["designations"]]  # type: ignore[attr-defined]
        assert all(day < "2025-01-01" for day in dates)

    def test_later_facts_are_generated_when_asked(self) -> None:
        """``later_facts=True`` reaches dates after an assessment early in the year."""
        from hypothesis import find

        found = find(
            cs.application_data(2025, later_facts=True),
            lambda d: any(e["date"] > "2025-06-30" for e in d.get("incidents") or []),
            settings=settings(max_examples=2000, deadline=None),
        )
        assert found["incidents"]


class TestCheckIdsATesterCanFind:
    def test_explain_lists_every_check_id_with_what_its_number_means(self) -> None:
        """The JSON of explain gives, for the numbered ids, the list their number points into."""
        run = _cli("explain", "7.2", "--format", "json", "--lang", "en", "--as-of", "2025-04-15")
        assert run.returncode == 0, run.stderr
        checks = {c["id"]: c for c in json.loads(run.stdout)["checks"]}
        assert set(checks) == {"accidents.record", "accidents.window", "accidents.{n}"}
        assert "incidents[n]" in checks["accidents.{n}"]["id_meaning"]
        run = _cli("explain", "6.1", "--lang", "en", "--as-of", "2025-04-15")
        assert "{year} is a year of figures (2022, 2023, 2024), e.g. total_output.2024" in run.stdout

    def test_the_rule_listing_and_the_reference_carry_the_meanings(self) -> None:
        """rules --format json and docs/rules.md say what {n} counts, in both languages."""
        rules = json.loads(_cli("rules", "--format", "json").stdout)["rules"]
        numbered = {c["id"]: c for r in rules for c in r["checks"] if "{n}" in c["id"]}
        assert set(numbered) == {"accidents.{n}", "security_events.{n}", "violations.{n}"}
        assert all(c["id_meaning_zh"] and c["id_meaning_en"] for c in numbered.values())
        reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
        assert "- `violations.{n}`: {n} 为该记录在申报材料 violations 列表中的位置" in reference

    def test_a_record_keeps_its_id_when_another_kind_is_added_after_it(self) -> None:
        """accidents.N is the record's index in incidents, so the id the listing explains is the id found."""
        builder = ApplicationBuilder().incident("network_security", "2024-03-01", "ordinary")
        builder.incident("safety", "2024-05-01", "major")
        report = builder.evaluate()
        check = report.verdict("7.2").check("accidents.1")
        assert {f.field for f in check.figures} >= {"incidents[1].date", "incidents[1].kind"}
        assert [c.id for c in report.verdict("7.3").checks] == ["security_events.0", "security_events.window"]

    def test_an_unknown_check_id_raises_a_key_error_that_lists_the_known_ones(self) -> None:
        """A KeyError subclass, so existing except KeyError still works, with every id of the verdict."""
        verdict = ApplicationBuilder().evaluate().verdict("6.1")
        with pytest.raises(KeyError) as caught:
            verdict.check("x")
        assert isinstance(caught.value, UnknownCheckError)
        assert caught.value.args == ("x",)
        assert "total_output.2023" in str(caught.value) and "explain 6.1" in str(caught.value)
        with pytest.raises(UnknownVerdictError, match=r"its clauses: 6\.1, 6\.2"):
            ApplicationBuilder().evaluate().verdict("6.9")


class TestEitherOrClauses:
    def test_the_report_says_which_checks_are_alternatives_and_whether_their_group_is_met(self) -> None:
        """The base's provincial alternative fails, its group passes; the report data carries both."""
        report = ApplicationBuilder().evaluate()
        checks = {c["id"]: c for v in report_to_data(report)["verdicts"] for c in v["checks"]}
        assert checks["provincial_designations"]["status"] == "fail"
        assert checks["provincial_designations"]["group"] == "designations"
        assert checks["provincial_designations"]["group_status"] == "pass"
        assert checks["total_output.2023"]["group_status"] is None

    def test_no_check_fails_that_counts_in_the_eligible_base(self) -> None:
        """The helper passes where a naive "no failing check" would not."""
        report = ApplicationBuilder().evaluate()
        assert any(c.status is Status.FAIL for v in report.verdicts for c in v.checks)
        assert failing_checks(report) == []
        assert_no_check_fails(report)

    def test_a_group_with_every_alternative_failing_is_reported(self) -> None:
        """Without titles both alternatives fail, and the helper names them."""
        report = ApplicationBuilder().without_designations().evaluate()
        assert [(r, c.id) for r, c in failing_checks(report)] == [
            ("6.2", "top_designations"),
            ("6.2", "provincial_designations"),
        ]
        with pytest.raises(AssertionError, match=r"2 check\(s\) fail: 6\.2 top_designations"):
            assert_no_check_fails(report.verdict("6.2"))

    def test_assert_check_names_the_group_of_an_alternative(self) -> None:
        """A wrong expectation on an alternative says the group is met."""
        with pytest.raises(AssertionError, match="alternative of group 'designations', which is pass"):
            assert_check(ApplicationBuilder().evaluate(), "6.2", "provincial_designations", "pass")


class TestReadableHelp:
    MODULES = (builder, scenarios, assertions, cs)

    def test_help_on_each_module_of_the_kit_is_short(self) -> None:
        """No default renders a rule set or a regulation: each page stays under 25 KB."""
        for module in self.MODULES:
            assert len(pydoc.render_doc(module, renderer=pydoc.plaintext)) < 25_000, module.__name__

    def test_every_public_function_and_method_has_its_own_docstring(self) -> None:
        """help() shows a docstring, never the comment above a method."""
        undocumented = []
        for module in self.MODULES:
            for name in getattr(module, "__all__", ()):
                thing = getattr(module, name)
                members = [(name, thing)]
                if inspect.isclass(thing):
                    members += [
                        (f"{name}.{m}", v)
                        for m, v in vars(thing).items()
                        if not m.startswith("_") and (inspect.isfunction(v) or isinstance(v, property))
                    ]
                undocumented += [label for label, v in members if not (v.__doc__ or "").strip()]
        assert undocumented == []

    def test_the_builder_has_a_short_repr_that_names_its_deviations(self) -> None:
        """A failing Hypothesis example prints the builder in one line."""
        text = repr(ApplicationBuilder().assessed_on("2026-05-01").without_designations().area(120))
        assert text == "<ApplicationBuilder assessed on 2026-05-01; deviations: without_designations, area>"


class TestAConsistentCopyableApi:
    @FEW
    @given(cs.near_limits(), cs.incidents_near_window())
    def test_both_kinds_of_case_give_a_fresh_builder_by_a_method(self, boundary: cs.BoundaryCase, window: cs.WindowCase) -> None:
        """``case.builder()`` on either; changing what it gives leaves the case as it was."""
        for case in (boundary, window):
            before = case.builder().data()
            case.builder().without_year(before["metrics"][0]["year"])
            assert case.builder().data() == before

    def test_copy_gives_an_independent_builder_to_branch_from(self) -> None:
        """A base builder shared by two tests stays as it was."""
        base = ApplicationBuilder().assessed_on("2026-04-01")
        branch = base.copy().without_designations()
        assert base.evaluate().outcome is Outcome.ELIGIBLE
        assert branch.evaluate().decided_by == ("6.2",)
        assert branch.copy().assessed_on("2027-04-01").data()["enterprises"][0]["designations"] == []

    def test_a_date_given_as_text_to_evaluate_is_a_type_error(self) -> None:
        """A wrong argument type is a TypeError, and says what was expected."""
        with pytest.raises(TypeError, match=r"datetime\.date"):
            evaluate(ApplicationBuilder().build(), "2025-04-15")  # type: ignore[arg-type]
        assert evaluate(ApplicationBuilder().build(), dt.date(2025, 4, 15)).outcome is Outcome.ELIGIBLE


SCENARIOS = """\
as_of = 2025-04-15

[[scenario]]
name = "The base on the first day is eligible"
expect = { outcome = "eligible" }

[[scenario]]
name = "A mistyped status"
expect = { "6.1" = "passes" }

[[scenario]]
name = "Total output one fen under 20 亿元 in 2023 fails Art. 6(1)"
given.years.2023 = { total_output = "1999999999.99元" }
expect = { "6.1" = "fail" }
"""


class TestScenarioFiles:
    @pytest.fixture
    def project(self, tmp_path: Path) -> Path:
        (tmp_path / "scenarios").mkdir()
        (tmp_path / "scenarios" / "cases.toml").write_text(SCENARIOS, encoding="utf-8")
        return tmp_path

    def _pytest(self, project: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "scenarios", *args],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def test_pytest_k_selects_a_scenario_by_words_of_its_name(self, project: Path) -> None:
        """Ids join the words with ``_``; ``-k first_day`` is a valid expression that picks one scenario."""
        run = self._pytest(project, "-k", "first_day")
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.splitlines()[-1].startswith("1 passed, 2 deselected")

    def test_one_bad_scenario_fails_alone_under_pytest(self, project: Path) -> None:
        """The mistyped status is one failure that says why; the other two scenarios run and pass."""
        run = self._pytest(project)
        assert run.returncode == 1
        assert run.stdout.splitlines()[-1].startswith("1 failed, 2 passed")
        assert "'passes' is not one of pass, fail" in run.stdout

    def test_one_bad_scenario_fails_alone_on_the_command_line(self, project: Path) -> None:
        """``cluster-criteria test`` counts it as one failure (exit 1), not an unreadable file (exit 3)."""
        run = _cli("test", "scenarios", cwd=project)
        assert run.returncode == 1
        assert run.stdout.splitlines()[-1] == "2 passed, 1 failed"
        assert "FAIL  scenarios/cases.toml: A mistyped status" in run.stdout

    def test_the_command_run_in_process_counts_the_bad_scenario_as_a_failure(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The same through ``cluster_criteria.cli.main``: the reason is printed under the scenario's line."""
        from cluster_criteria.cli import main

        assert main(["test", str(project / "scenarios"), "--quiet"]) == 1
        out = capsys.readouterr().out.splitlines()
        assert out[-1] == "2 passed, 1 failed"
        assert out[1].startswith("      cannot be read: ") and "'passes' is not one of" in out[1]

    def test_a_plain_wrong_expectation_names_no_group(self) -> None:
        """assert_check on an ungrouped check says expected and got, and nothing of alternatives."""
        with pytest.raises(AssertionError, match=r"^6\.1 total_output\.2023: expected fail, got pass — ") as caught:
            assert_check(ApplicationBuilder().evaluate(), "6.1", "total_output.2023", Status.FAIL)
        assert "alternative" not in str(caught.value)

    def test_the_strict_loader_still_stops_at_the_first_mistake(self, project: Path) -> None:
        """``load_scenarios`` keeps its contract; ``read_scenario_file`` gives the rest."""
        path = project / "scenarios" / "cases.toml"
        with pytest.raises(scenarios.ScenarioError, match="A mistyped status"):
            scenarios.load_scenarios(path)
        good, broken = scenarios.read_scenario_file(path)
        assert [s.name for s in good] == [
            "The base on the first day is eligible",
            "Total output one fen under 20 亿元 in 2023 fails Art. 6(1)",
        ]
        assert [e.scenario for e in broken] == ["A mistyped status"]


class TestTheGuidesClaims:
    def test_raising_the_first_years_output_can_make_a_cluster_ineligible_under_the_law(self) -> None:
        """Why the guide warns against "more output never hurts": the growth base rises with the first year."""
        report = ApplicationBuilder().year(2022, total_output="36亿元").evaluate()
        assert report.decided_by == ("6.1",)
        assert_check(report, "6.1", "leading_output_growth", "fail")

    def test_the_readme_lists_template_as_of(self) -> None:
        """The command table gives the option that sets the template's years."""
        assert "cluster-criteria template [--as-of YYYY-MM-DD]" in (ROOT / "README.md").read_text(encoding="utf-8")
