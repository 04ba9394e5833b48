"""The command line end to end: evaluate, rules, schema; bad input and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cluster_criteria.cli import EXIT_BAD_INPUT, EXIT_INELIGIBLE, EXIT_OK, EXIT_UNDECIDED, EXIT_USAGE, main
from cluster_criteria.ruleset import get_rule_set
from cluster_criteria.testing import ApplicationBuilder

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _write(tmp_path: Path, data: object, name: str = "app.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


class TestEvaluate:
    def test_json_output_has_outcome_and_verdicts(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """evaluate --format json prints the report with its documented keys."""
        path = _write(tmp_path, ApplicationBuilder().data())
        assert main(["evaluate", path, "--as-of", "2025-04-15", "--format", "json"]) == EXIT_OK
        report = json.loads(capsys.readouterr().out)
        assert report["outcome"] == "eligible"
        assert [v["rule_id"] for v in report["verdicts"]][:2] == ["6.1", "6.2"]

    def test_reading_standard_input(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        """- reads the application from standard input."""
        import io

        raw = json.dumps(ApplicationBuilder().data()).encode()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
        assert main(["evaluate", "-", "--as-of", "2025-04-15"]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["outcome"] == "eligible"

    def test_output_to_a_file(self, tmp_path: Path) -> None:
        """--output writes the report to a file."""
        out = tmp_path / "report.json"
        main(["evaluate", _write(tmp_path, ApplicationBuilder().data()), "--as-of", "2025-04-15", "--output", str(out)])
        assert json.loads(out.read_text(encoding="utf-8"))["outcome"] == "eligible"

    def test_bad_input_prints_the_field_in_the_chosen_language(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A negative amount: exit 3 and the field path with a Chinese or English reason, no traceback."""
        path = _write(tmp_path, ApplicationBuilder().year(2022, employees=-5).data())
        assert main(["evaluate", path, "--as-of", "2025-04-15"]) == EXIT_BAD_INPUT
        zh = capsys.readouterr().err
        assert "metrics[0].employees" in zh and "负数" in zh and "Traceback" not in zh
        assert main(["evaluate", path, "--as-of", "2025-04-15", "--lang", "en"]) == EXIT_BAD_INPUT
        assert "must not be negative" in capsys.readouterr().err

    def test_a_missing_file_is_bad_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unreadable file is reported, exit 3."""
        assert main(["evaluate", str(tmp_path / "none.json"), "--as-of", "2025-04-15"]) == EXIT_BAD_INPUT
        assert "none.json" in capsys.readouterr().err

    def test_a_date_before_the_measures_is_bad_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """2024-03-14 is refused with the article that fixes the date."""
        path = _write(tmp_path, ApplicationBuilder().shifted_years(-1).data())
        assert main(["evaluate", path, "--as-of", "2024-03-14"]) == EXIT_BAD_INPUT
        assert "第十六条" in capsys.readouterr().err

    def test_an_invalid_date_is_a_usage_error(self, tmp_path: Path) -> None:
        """--as-of 2025-13-01 is refused by the argument parser."""
        with pytest.raises(SystemExit) as caught:
            main(["evaluate", _write(tmp_path, {}), "--as-of", "2025-13-01"])
        assert caught.value.code == EXIT_USAGE

    def test_an_unknown_rule_is_a_usage_error(self, tmp_path: Path) -> None:
        """--rules 6.9 exits 2."""
        path = _write(tmp_path, ApplicationBuilder().data())
        assert main(["evaluate", path, "--as-of", "2025-04-15", "--rules", "6.9"]) == EXIT_USAGE

    @pytest.mark.parametrize(
        ("builder", "code"),
        [
            (ApplicationBuilder(), EXIT_OK),
            (ApplicationBuilder().violation("tax_evasion", "2019-01-01"), EXIT_INELIGIBLE),
            (ApplicationBuilder().without_violation_record(), EXIT_UNDECIDED),
        ],
    )
    def test_outcome_exit_codes(self, tmp_path: Path, builder: ApplicationBuilder, code: int) -> None:
        """--outcome-exit-code: 0 eligible, 10 ineligible, 11 undecided."""
        path = _write(tmp_path, builder.data())
        assert main(["evaluate", path, "--as-of", "2025-04-15", "--outcome-exit-code"]) == code
        assert main(["evaluate", path, "--as-of", "2025-04-15"]) == EXIT_OK


class TestRulesAndSchema:
    def test_rules_json_lists_the_rules_with_numbers_and_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """rules --format json: ids, article and clause as numbers, Chinese text."""
        assert main(["rules", "--format", "json"]) == EXIT_OK
        rules = json.loads(capsys.readouterr().out)["rules"]
        assert [r["rule_id"] for r in rules] == list(get_rule_set("jilin-2024").rule_ids)
        assert (rules[0]["article"], rules[0]["clause"]) == (6, 1)
        assert rules[11]["text_zh"].startswith("（四）有偷税漏税")

    def test_rules_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The human table names each clause."""
        assert main(["rules"]) == EXIT_OK
        assert "第七条第（四）项" in capsys.readouterr().out

    @pytest.mark.parametrize("which", ["input", "report"])
    def test_schema_prints_json_schema(self, which: str, capsys: pytest.CaptureFixture[str]) -> None:
        """schema input|report prints a JSON Schema."""
        assert main(["schema", which]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["$schema"].endswith("2020-12/schema")


class TestInstalledEntryPoint:
    def test_python_dash_m_runs_the_command_line(self) -> None:
        """python -m cluster_criteria --version works in a fresh interpreter."""
        result = subprocess.run(
            [sys.executable, "-m", "cluster_criteria", "--version"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and "cluster-criteria" in result.stdout
