"""Scenario files: reading them, running them, and the ``cluster-criteria test`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cluster_criteria.cli import main
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.ruleset.reform import with_values
from cluster_criteria.testing.scenarios import (
    INVALID,
    Difference,
    ScenarioError,
    discover,
    load_scenarios,
    run_scenario,
    run_scenarios,
)
from cluster_criteria.verdicts import Status

SUITE = Path(__file__).parent / "scenarios"
EXAMPLES = Path(__file__).parent.parent / "examples"

ONE = """
as_of = 2025-04-15
[[scenario]]
name = "A cluster with 19.99 亿元 total output in 2023 fails Art. 6(1)"
given.years.2023 = { total_output = "19.99亿元" }
expect = { "6.1" = "fail", outcome = "ineligible", checks = { "total_output.2023" = "fail" } }
"""


def _write(tmp_path: Path, text: str, name: str = "case.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestTheShippedSuite:
    def test_every_shipped_scenario_passes(self) -> None:
        """The suite under tests/scenarios agrees with the rules."""
        results = run_scenarios([SUITE])
        assert len(results) >= 100
        assert [r.scenario.name for r in results if not r.passed] == []

    def test_every_clause_of_articles_6_and_7_has_a_scenario_on_each_status_side(self) -> None:
        """Each clause is expected to pass in some scenario and not to pass in another."""
        scenarios = [s for f in discover([SUITE]) for s in load_scenarios(f)]
        for rule_id in [f"6.{n}" for n in range(1, 9)] + [f"7.{n}" for n in range(1, 5)]:
            statuses = {s.clauses[rule_id] for s in scenarios if rule_id in s.clauses}
            assert Status.PASS in statuses, rule_id
            assert statuses - {Status.PASS}, rule_id

    def test_scenario_names_are_sentences(self) -> None:
        """Names start with a capital or a digit and say what the case shows."""
        for scenario in (s for f in discover([SUITE]) for s in load_scenarios(f)):
            assert scenario.name[0].isupper() or scenario.name[0].isdigit(), scenario.name
            assert len(scenario.name.split()) >= 6, scenario.name


class TestReading:
    def test_a_scenario_reads_its_date_patch_and_expectations(self, tmp_path: Path) -> None:
        """The builder-style patch lands in the application data."""
        (scenario,) = load_scenarios(_write(tmp_path, ONE))
        assert scenario.as_of.isoformat() == "2025-04-15"
        assert scenario.application["metrics"][1]["total_output"] == "19.99亿元"
        assert scenario.clauses == {"6.1": Status.FAIL}
        assert scenario.checks == {"total_output.2023": Status.FAIL}
        assert scenario.outcome == "ineligible"
        assert run_scenario(scenario).passed

    def test_a_scenario_may_start_from_a_json_file(self, tmp_path: Path) -> None:
        """``base`` names a JSON application beside the scenario file."""
        (tmp_path / "app.json").write_text(
            (EXAMPLES / "ineligible-wangqing-edible-fungi.json").read_text("utf-8"), "utf-8"
        )
        text = """
[[scenario]]
name = "The Wangqing example is ineligible"
as_of = "2025-04-15"
base = "app.json"
expect = { outcome = "ineligible" }
"""
        (scenario,) = load_scenarios(_write(tmp_path, text))
        assert run_scenario(scenario).passed

    def test_a_scenario_may_give_the_application_inline(self, tmp_path: Path) -> None:
        """An inline application is used as written, and the builder's steps still apply."""
        data = json.loads((EXAMPLES / "eligible-panshi-metal-products.json").read_text("utf-8"))
        path = tmp_path / "inline.json"
        path.write_text(json.dumps({"scenario": [{"name": "x", "as_of": "2025-04-15"}]}), "utf-8")
        lines = ["[[scenario]]", 'name = "The Panshi example written inline is eligible"', "as_of = 2025-04-15"]
        lines.append('expect = { outcome = "eligible" }')
        lines.append("[scenario.application]")
        text = "\n".join(lines) + "\n" + _toml_table(data, "scenario.application")
        (scenario,) = load_scenarios(_write(tmp_path, text))
        assert scenario.application["cluster"]["name"] == data["cluster"]["name"]
        assert run_scenario(scenario).passed

    def test_every_kind_of_deviation_is_applied(self, tmp_path: Path) -> None:
        """Each key of ``given`` changes the application as its builder step does."""
        text = """
as_of = 2025-04-15
[[scenario]]
name = "Every deviation at once gives an application the law can weigh"
given.years.2024 = { employees = 30000 }
given.every_year = { industrial_software_rate = "0.5" }
given.shares.2022 = { sme_output = "75%" }
given.growth = { sme_rd_expenditure = "6%" }
given.cluster = { management_body = "某管委会" }
given.leading_industry = { catalogue_status = "permitted" }
given.area_km2 = "55"
given.without = ["designations"]
given.enterprises = [{ name = "某有限公司", designations = ["little_giant"], valid_from = 2024-01-01, valid_to = 2026-12-31 }]
given.incidents = [{ kind = "safety", date = 2024-01-01, severity = "larger" }]
given.violations = [{ kind = "tax_evasion", date = 2001-01-01 }]
given.answers = { "6.3.chain_layout" = "not_met" }
given.unanswered = ["6.8.three_year_plan"]
given.efficiency.energy = { unit_consumption = "1", benchmark = "2" }
given.set = { "cluster.location.county" = "磐石市" }
given.missing = ["metrics[year=2023].co2_intensity", "cluster.gbt4754"]
expect = { "6.2" = "pass", "6.3" = "fail", "6.5" = "fail", "6.6" = "insufficient_data", "7.4" = "fail", outcome = "ineligible" }
"""
        (scenario,) = load_scenarios(_write(tmp_path, text))
        data = scenario.application
        assert data["metrics"][0]["sme_output"] == "2250000000.00元"
        assert data["cluster"]["area_km2"] == "55"
        assert data["enterprises"][-1]["designations"][0]["valid_to"] == "2026-12-31"
        assert "co2_intensity" not in data["metrics"][1]
        assert "6.8.three_year_plan" not in data["qualitative"]
        result = run_scenario(scenario)
        assert result.passed, [d.render() for d in result.differences]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("not toml at all [", "not valid TOML"),
            ("as_of = 2025-04-15\n", "no [[scenario]] table"),
            ("colour = 1\n[[scenario]]\nname='x'\n", "unknown key(s) colour"),
            ("[[scenario]]\nas_of = 2025-04-15\n", "needs a name"),
            ("[[scenario]]\nname = 'A'\nexpect = {outcome='eligible'}\n", "as_of"),
            ("[[scenario]]\nname = 'A'\nas_of = 'soon'\nexpect = {outcome='eligible'}\n", "is not a date"),
            ("[[scenario]]\nname = 'A'\nas_of = 2025-04-15\nwhen = 1\n", "unknown key(s) when"),
            ("[[scenario]]\nname = 'A'\nas_of = 2025-04-15\n", "expect is required"),
            ("[[scenario]]\nname = 'A'\nas_of = 2025-04-15\nexpect = {outcome='great'}\n", "expect.outcome"),
            ("[[scenario]]\nname = 'A'\nas_of = 2025-04-15\nexpect = {'6.1'='ok'}\n", "expect.6.1 'ok'"),
            ("[[scenario]]\nname = 'A'\nas_of = 2025-04-15\nexpect = {checks='x'}\n", "expect.checks must"),
            ("[[scenario]]\nname = 'A'\nas_of = 2025-04-15\nexpect = {checks={area='no'}}\n", "expect.checks.area"),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\ngiven.colour = 1\nexpect = {outcome='eligible'}\n",
                "unknown deviation",
            ),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\ngiven.without = ['x']\nexpect = {outcome='eligible'}\n",
                "given.without",
            ),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\ngiven.years = 1\nexpect = {outcome='eligible'}\n",
                "must be a table",
            ),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\ngiven.unanswered = 1\nexpect = {outcome='eligible'}\n",
                "must be an array",
            ),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\ngiven.enterprises = [{}]\nexpect = {outcome='eligible'}\n",
                "cannot apply",
            ),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\nbase = 'nowhere.json'\nexpect = {outcome='eligible'}\n",
                "neither 'eligible'",
            ),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\napplication = 1\nexpect = {outcome='eligible'}\n",
                "must be a table",
            ),
            (
                "[[scenario]]\nname = 'A'\nas_of = 2025-04-15\ngrowth_method = 'x'\nexpect = {outcome='eligible'}\n",
                "growth_method",
            ),
            (
                "as_of = 2025-04-15\n[[scenario]]\nname = 'A'\nexpect = {outcome='eligible'}\n"
                "[[scenario]]\nname = 'A'\nexpect = {outcome='eligible'}\n",
                "two scenarios have this name",
            ),
        ],
    )
    def test_a_bad_file_is_refused_with_the_file_and_the_reason(self, tmp_path: Path, text: str, message: str) -> None:
        """Every mistake in a scenario file comes back as a ScenarioError naming file and cause."""
        path = _write(tmp_path, text)
        with pytest.raises(ScenarioError) as caught:
            load_scenarios(path)
        assert message in str(caught.value)
        assert str(path) in str(caught.value)

    def test_an_unreadable_file_is_refused(self, tmp_path: Path) -> None:
        """A missing file or one that is not UTF-8 is a ScenarioError too."""
        with pytest.raises(ScenarioError, match="cannot read"):
            load_scenarios(tmp_path / "missing.toml")
        bad = tmp_path / "latin.toml"
        bad.write_bytes(b"name = '\xff'")
        with pytest.raises(ScenarioError, match="cannot read"):
            load_scenarios(bad)

    def test_discover_takes_files_as_given_and_searches_directories(self, tmp_path: Path) -> None:
        """Directories give their *.toml files in order; files are kept as named."""
        _write(tmp_path, ONE, "b.toml")
        _write(tmp_path, ONE, "a.toml")
        (tmp_path / "notes.txt").write_text("x")
        assert [p.name for p in discover([tmp_path])] == ["a.toml", "b.toml"]
        assert discover([tmp_path / "x.toml"]) == [tmp_path / "x.toml"]


class TestRunning:
    def test_a_wrong_expectation_names_the_differing_clause_and_check(self, tmp_path: Path) -> None:
        """The result lists outcome, clause and check differences with what was found."""
        text = ONE.replace(
            '"6.1" = "fail", outcome = "ineligible"', '"6.1" = "pass", "9.9" = "pass", outcome = "eligible"'
        )
        text = text.replace(
            'checks = { "total_output.2023" = "fail" }', 'checks = { "total_output.2023" = "pass", "nope" = "pass" }'
        )
        result = run_scenario(load_scenarios(_write(tmp_path, text))[0])
        rendered = [d.render() for d in result.differences]
        assert not result.passed
        assert rendered[0] == "outcome: expected eligible, got ineligible (decided by 6.1)"
        assert rendered[1].startswith("clause 6.1 (第六条第（一）项): expected pass, got fail (total_output.2023 fail")
        assert rendered[2] == "clause 9.9: expected pass, got no such clause"
        assert rendered[3] == "check total_output.2023: expected pass, got fail (1999000000.00 >= 2000000000)"
        assert rendered[4] == "check nope: expected pass, got no such check"

    def test_an_invalid_application_passes_only_when_expected_invalid(self, tmp_path: Path) -> None:
        """A part above the total is refused; the scenario says whether that is what it expects."""
        text = ONE.replace('total_output = "19.99亿元"', 'total_output = "1亿元", sme_output = "2亿元"')
        expecting_fail = load_scenarios(_write(tmp_path, text))[0]
        result = run_scenario(expecting_fail)
        assert result.differences[0].subject == "application"
        assert result.differences[0].actual == INVALID
        expecting_invalid = load_scenarios(
            _write(tmp_path, text.split("expect")[0] + 'expect = { outcome = "invalid" }\n')
        )[0]
        assert run_scenario(expecting_invalid).passed

    def test_a_date_before_the_measures_took_effect_is_invalid(self, tmp_path: Path) -> None:
        """Assessing before 2024-03-15 is refused, which a scenario can expect."""
        text = "[[scenario]]\nname = 'Too early to assess'\nas_of = 2024-03-14\nexpect = { outcome = 'invalid' }\n"
        assert run_scenario(load_scenarios(_write(tmp_path, text))[0]).passed

    def test_a_rule_set_can_be_swapped_in(self, tmp_path: Path) -> None:
        """Running against another rule set changes what the same scenario finds."""
        import dataclasses

        (scenario,) = load_scenarios(_write(tmp_path, ONE))
        threshold = JILIN_2024.parameters.threshold("total_output_min")
        changed = with_values(JILIN_2024, {"total_output_min": dataclasses.replace(threshold, value=1)})
        assert not run_scenario(scenario, changed).passed

    def test_a_difference_without_detail_renders_without_brackets(self) -> None:
        """The detail is optional."""
        assert Difference("outcome", "eligible", "undecided").render() == "outcome: expected eligible, got undecided"


class TestTheTestCommand:
    def test_the_shipped_suite_passes_on_the_command_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``cluster-criteria test tests/scenarios`` prints a PASS line per scenario and exits 0."""
        assert main(["test", str(SUITE)]) == 0
        out = capsys.readouterr().out
        assert out.count("PASS  ") >= 100
        assert out.rstrip().endswith("passed, 0 failed")

    def test_a_failing_scenario_exits_one_and_prints_its_differences(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The FAIL line is followed by the differing clause."""
        path = _write(tmp_path, ONE.replace('"6.1" = "fail"', '"6.1" = "pass"'))
        assert main(["test", "-q", str(path)]) == 1
        out = capsys.readouterr().out
        assert f"FAIL  {path}: A cluster with 19.99 亿元 total output in 2023 fails Art. 6(1)" in out
        assert "clause 6.1 (第六条第（一）项): expected pass, got fail" in out
        assert out.rstrip().endswith("0 passed, 1 failed")

    def test_quiet_prints_only_the_summary_when_all_pass(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``-q`` leaves out the PASS lines."""
        assert main(["test", "-q", str(_write(tmp_path, ONE))]) == 0
        assert capsys.readouterr().out == "1 passed, 0 failed\n"

    def test_an_unreadable_file_exits_three_after_running_the_others(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A broken file is reported on standard error; the good ones still run."""
        good = _write(tmp_path, ONE, "good.toml")
        bad = _write(tmp_path, "[[", "bad.toml")
        assert main(["test", str(bad), str(good)]) == 3
        captured = capsys.readouterr()
        assert "ERROR" in captured.err and "not valid TOML" in captured.err
        assert "1 passed, 0 failed" in captured.out

    def test_an_empty_directory_exits_three(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """No scenario file at all is a usage mistake worth saying."""
        assert main(["test", str(tmp_path)]) == 3
        assert "no scenario files" in capsys.readouterr().err


def _toml_table(data: dict, prefix: str) -> str:
    """A small TOML writer for the inline-application test (strings, numbers, booleans, tables, arrays)."""
    scalars, tables = [], []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value))
        else:
            scalars.append(f"{json.dumps(key, ensure_ascii=False)} = {_toml_value(value)}")
    out = "\n".join(scalars) + "\n"
    for key, value in tables:
        name = f"{prefix}.{json.dumps(key, ensure_ascii=False)}"
        out += f"[{name}]\n" + _toml_table(value, name)
    return out


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml_value(v)}" for k, v in value.items()) + "}"
