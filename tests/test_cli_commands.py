"""Every command of the command line: evaluate, rules, explain, schema, template, --version and --help."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cluster_criteria import load_application
from cluster_criteria.cli import EXIT_BAD_INPUT, EXIT_INELIGIBLE, EXIT_OK, EXIT_UNDECIDED, EXIT_USAGE, main
from cluster_criteria.ruleset import get_rule_set

RULE_COUNT = len(get_rule_set("jilin-2024").rules)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ELIGIBLE = str(EXAMPLES / "eligible-panshi-metal-products.json")
INELIGIBLE = str(EXAMPLES / "ineligible-wangqing-edible-fungi.json")
EXCLUDED = str(EXAMPLES / "excluded-lishu-food-processing.json")
INCOMPLETE = str(EXAMPLES / "incomplete-dunhua-ginseng.json")
AS_OF = ["--as-of", "2025-04-15"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


class TestEvaluate:
    @pytest.mark.parametrize("example", [ELIGIBLE, INELIGIBLE, EXCLUDED, INCOMPLETE])
    def test_the_chinese_text_report_explains_every_clause(
        self, capsys: pytest.CaptureFixture[str], example: str
    ) -> None:
        """Each example prints one clause heading per rule, with its status word."""
        status, out, _ = _run(capsys, "evaluate", example, *AS_OF, "--format", "text")
        assert status == EXIT_OK
        assert out.count("\n== 第") == RULE_COUNT
        assert "评估日期：2025年4月15日" in out

    @pytest.mark.parametrize("example", [ELIGIBLE, INELIGIBLE, EXCLUDED, INCOMPLETE])
    def test_the_english_text_report_explains_every_clause(
        self, capsys: pytest.CaptureFixture[str], example: str
    ) -> None:
        """The same in English."""
        status, out, _ = _run(capsys, "evaluate", example, *AS_OF, "--format", "text", "--lang", "en")
        assert status == EXIT_OK
        assert out.count("\n== Art. ") == RULE_COUNT
        assert "Assessment date: 15 April 2025" in out

    def test_the_ineligible_example_shows_the_shortfall_of_its_2022_output(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """19.9999 亿元 misses 20 亿元 by 1 万元."""
        _, out, _ = _run(capsys, "evaluate", INELIGIBLE, *AS_OF, "--format", "text")
        assert "2022年集群总产值19.9999亿元，低于20亿元，不符合" in out
        assert "差额：2022年集群总产值至少需20亿元，差1.00万元" in out

    def test_json_is_the_default_and_keeps_the_report_keys(self, capsys: pytest.CaptureFixture[str]) -> None:
        """outcome and verdicts at the top, the explanation beside them."""
        _, out, _ = _run(capsys, "evaluate", EXCLUDED, *AS_OF)
        data = json.loads(out)
        assert data["outcome"] == "ineligible"
        assert data["decided_by"] == ["7.2"]
        assert "explanation" in data

    @pytest.mark.parametrize(("fmt", "marker"), [("md", "# 磐石市"), ("html", "<!DOCTYPE html>")])
    def test_markdown_and_html_are_written_to_the_output_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, marker: str
    ) -> None:
        """--output writes the file and nothing to standard output."""
        target = tmp_path / f"report.{fmt}"
        status, out, _ = _run(capsys, "evaluate", ELIGIBLE, *AS_OF, "--format", fmt, "--output", str(target))
        assert status == EXIT_OK and out == ""
        assert target.read_text(encoding="utf-8").startswith(marker)

    def test_standard_input_is_read_for_a_dash(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """- reads the application from standard input."""
        stdin = io.TextIOWrapper(io.BytesIO(Path(ELIGIBLE).read_bytes()))
        monkeypatch.setattr("sys.stdin", stdin)
        status, out, _ = _run(capsys, "evaluate", "-", *AS_OF, "--format", "text", "--lang", "en")
        assert status == EXIT_OK and "Outcome: eligible" in out

    @pytest.mark.parametrize(
        ("example", "expected"), [(ELIGIBLE, EXIT_OK), (INELIGIBLE, EXIT_INELIGIBLE), (INCOMPLETE, EXIT_UNDECIDED)]
    )
    def test_outcome_exit_codes_distinguish_the_outcomes(
        self, capsys: pytest.CaptureFixture[str], example: str, expected: int
    ) -> None:
        """0 eligible, 10 ineligible, 11 undecided."""
        status, _, _ = _run(capsys, "evaluate", example, *AS_OF, "--outcome-exit-code")
        assert status == expected

    def test_a_subset_of_rules_is_never_eligible(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--rules 6.1,7.2 explains two clauses and stays undecided."""
        status, out, _ = _run(
            capsys, "evaluate", ELIGIBLE, *AS_OF, "--rules", "6.1,7.2", "--format", "text", "--lang", "en"
        )
        assert status == EXIT_OK
        assert out.count("\n== Art. ") == 2
        assert "Outcome: undecided" in out

    def test_an_unknown_rule_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Exit 2 and the known ids on standard error."""
        status, _, err = _run(capsys, "evaluate", ELIGIBLE, *AS_OF, "--rules", "9.9")
        assert status == EXIT_USAGE and "9.9" in err

    @pytest.mark.parametrize(("lang", "words"), [("zh", "输入有误"), ("en", "cannot be evaluated")])
    def test_bad_input_is_reported_with_the_field_path_in_the_chosen_language(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, words: str
    ) -> None:
        """Exit 3 with each problem's path."""
        bad = tmp_path / "bad.json"
        bad.write_text('{"cluster": {"name": "x"}, "metrics": [{"year": 2024, "total_output": "lots"}]}', "utf-8")
        status, _, err = _run(capsys, "evaluate", str(bad), *AS_OF, "--lang", lang)
        assert status == EXIT_BAD_INPUT
        assert words in err and "metrics[0].total_output" in err

    def test_a_date_before_the_measures_took_effect_is_bad_input(self, capsys: pytest.CaptureFixture[str]) -> None:
        """2023-01-01 predates 2024-03-15."""
        status, _, err = _run(capsys, "evaluate", ELIGIBLE, "--as-of", "2023-01-01", "--lang", "en")
        assert status == EXIT_BAD_INPUT and "assessment_date" in err

    def test_a_missing_file_is_bad_input(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Exit 3 and a message, never a traceback."""
        status, _, err = _run(capsys, "evaluate", str(tmp_path / "absent.json"), *AS_OF)
        assert status == EXIT_BAD_INPUT and "无法读取文件" in err

    def test_an_unwritable_output_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A directory that does not exist cannot take the report."""
        status, _, err = _run(capsys, "evaluate", ELIGIBLE, *AS_OF, "--output", str(tmp_path / "no" / "r.json"))
        assert status == EXIT_USAGE and "无法写入文件" in err


class TestRulesExplainSchema:
    def test_the_rules_table_lists_every_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        """One line per rule in legal order."""
        status, out, _ = _run(capsys, "rules", "--lang", "en")
        lines = [line for line in out.splitlines() if line[:1].isdigit()]
        assert status == EXIT_OK and [line.split()[0] for line in lines][:3] == ["6.1", "6.2", "6.3"]
        assert len(lines) == RULE_COUNT

    def test_the_rules_json_keeps_its_shape_and_adds_checks(self, capsys: pytest.CaptureFixture[str]) -> None:
        """rule_set and rules stay; each rule now also lists its checks and readings."""
        _, out, _ = _run(capsys, "rules", "--format", "json")
        data = json.loads(out)
        first = data["rules"][0]
        assert {"rule_id", "citation_zh", "text_zh", "qualitative_items", "checks", "readings"} <= set(first)
        assert data["rule_set"]["id"] == "jilin-2024"

    def test_explain_prints_the_clause_checks_parameters_and_readings(self, capsys: pytest.CaptureFixture[str]) -> None:
        """6.1 shows its clause, the 20 亿元 limit with its source, and the readings."""
        status, out, _ = _run(capsys, "explain", "6.1")
        assert status == EXIT_OK
        assert "占地面积一般不超过100平方公里" in out
        assert "total_output_min = 20亿元（以上，>=，2024-03-15起）" in out
        assert "boundary.inclusive" in out

    def test_explain_accepts_the_article_notation_and_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Art. 7(2) in JSON names the severity floor parameter."""
        status, out, _ = _run(capsys, "explain", "art7(2)", "--format", "json", "--lang", "en")
        data = json.loads(out)
        assert status == EXIT_OK and data["rule_id"] == "7.2"
        assert any("accident_severity_floor = serious or worse" in p for c in data["checks"] for p in c["parameters"])

    def test_explain_in_chinese_names_parameters_in_chinese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Enumerated parameter values are given in the language asked for, not as English ids."""
        _, out, _ = _run(capsys, "explain", "7.2", "--lang", "zh")
        assert "accident_severity_floor = 重大及以上" in out
        assert "安全事故、质量事故、环境污染事故" in out and "safety accident" not in out

    def test_explain_refuses_an_unknown_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Exit 2 for a rule the measures do not have."""
        status, _, err = _run(capsys, "explain", "8.1")
        assert status == EXIT_USAGE and "8.1" in err

    @pytest.mark.parametrize("which", ["input", "report"])
    def test_schemas_are_json(self, capsys: pytest.CaptureFixture[str], which: str) -> None:
        """Both schemas parse and name draft 2020-12."""
        _, out, _ = _run(capsys, "schema", which)
        assert "2020-12" in json.loads(out)["$schema"]


class TestTemplate:
    def test_the_blank_template_loads_as_it_is_and_lacks_everything(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """$comment keys are ignored; the unfilled template evaluates as undecided with every clause open."""
        target = tmp_path / "blank.json"
        assert main(["template", *AS_OF, "--output", str(target)]) == EXIT_OK
        data = json.loads(target.read_text("utf-8"))
        assert any(key.startswith("$comment") for key in data["cluster"])
        assert [m["year"] for m in data["metrics"]] == [2022, 2023, 2024]
        status, out, _ = _run(capsys, "evaluate", str(target), *AS_OF, "--outcome-exit-code", "--format", "text")
        assert status == EXIT_UNDECIDED
        assert out.count("材料不全 ==") == RULE_COUNT

    def test_every_field_of_the_input_appears_in_the_template(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each metrics field, and a commented example for enterprises, incidents and violations."""
        from cluster_criteria.models import YearMetrics

        _, out, _ = _run(capsys, "template", *AS_OF)
        data = json.loads(out)
        assert set(YearMetrics.model_fields) <= set(data["metrics"][0])
        assert set(data["$comment:examples"]) == {"enterprises", "incidents", "violations", "efficiency.energy"}

    def test_the_commented_examples_fit_the_input_models(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Copying an example record in (with a real credit code) gives a valid application."""
        _, out, _ = _run(capsys, "template", *AS_OF)
        data = json.loads(out)
        example = data["$comment:examples"]
        enterprise = dict(example["enterprises"][0], credit_code="91220581MA0Y5H3N2D")
        data["enterprises"] = [enterprise]
        data["incidents"] = example["incidents"]
        data["violations"] = example["violations"]
        data["incidents"][0]["severity"] = "ordinary"
        assert load_application(data).enterprises is not None

    def test_other_unknown_keys_are_still_refused(self) -> None:
        """Only $comment keys are notes; a misspelt field stays an error."""
        from cluster_criteria import ApplicationError
        from cluster_criteria.testing import eligible_application_data

        data = eligible_application_data()
        data["clsuter"] = {}
        with pytest.raises(ApplicationError, match="clsuter"):
            load_application(data)


class TestVersionAndHelp:
    def test_version_prints_the_package_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version exits 0 with the version."""
        from cluster_criteria import __version__

        with pytest.raises(SystemExit) as stop:
            main(["--version"])
        assert stop.value.code == 0
        assert __version__ in capsys.readouterr().out

    @pytest.mark.parametrize("command", ["evaluate", "rules", "explain", "schema", "template"])
    def test_every_command_has_help(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """--help exits 0 and describes the command."""
        with pytest.raises(SystemExit) as stop:
            main([command, "--help"])
        assert stop.value.code == 0
        assert command in capsys.readouterr().out
