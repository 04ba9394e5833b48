"""Brief reports: every clause's status, and whole the checks of each clause that did not pass."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cluster_criteria import evaluate
from cluster_criteria.batch import evaluate_lines
from cluster_criteria.brief import brief, brief_from_json, brief_schema, brief_to_json_line
from cluster_criteria.cli import main
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.verdicts import Status

AS_OF = dt.date(2025, 4, 15)


def _failing_6_1() -> ApplicationBuilder:
    return ApplicationBuilder().year(2023, total_output="19.99亿元", sme_output="12亿元", leading_industry_output="14亿元")


def test_an_eligible_application_has_every_status_and_nothing_open() -> None:
    report = evaluate(ApplicationBuilder().build(), AS_OF)
    short = brief(report, line=7)
    assert short.line == 7
    assert [(v.rule_id, v.status) for v in short.verdicts] == [(v.rule_id, v.status) for v in report.verdicts]
    assert all(v.open_checks == () for v in short.verdicts)
    assert (short.outcome, short.decided_by, short.rule_set) == (report.outcome, report.decided_by, report.rule_set)


def test_a_failing_clause_keeps_exactly_its_checks_that_did_not_pass_whole() -> None:
    report = evaluate(_failing_6_1().build(), AS_OF)
    verdict = report.verdict("6.1")
    assert verdict.status is Status.FAIL
    short = {v.rule_id: v for v in brief(report).verdicts}["6.1"]
    kept = [c for c in verdict.checks if c.status not in (Status.PASS, Status.NOT_APPLICABLE)]
    assert short.open_checks == tuple(kept)
    assert "total_output.2023" in [c.id for c in short.open_checks]
    assert all(c.status is not Status.PASS for c in short.open_checks)


def test_a_failed_alternative_beside_a_passing_one_is_not_open() -> None:
    report = evaluate(ApplicationBuilder().build(), AS_OF)
    assert report.verdict("6.2").status is Status.PASS
    assert {v.rule_id: v for v in brief(report).verdicts}["6.2"].open_checks == ()


def test_the_json_line_reads_back_exactly() -> None:
    report = evaluate(_failing_6_1().build(), AS_OF)
    text = brief_to_json_line(report, 3)
    assert b"\n" not in text
    assert brief_from_json(text) == brief(report, 3)


def test_the_schema_names_the_brief_fields() -> None:
    schema = brief_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"line", "outcome", "verdicts", "rule_set"} <= set(schema["properties"])
    assert "open_checks" in schema["$defs"]["BriefVerdict"]["properties"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_brief_lines_carry_the_same_outcomes_as_full_lines(jobs: int) -> None:
    lines = [
        json.dumps(builder.data(), ensure_ascii=False)
        for builder in (ApplicationBuilder(), _failing_6_1(), ApplicationBuilder().without_designations())
    ]
    full = list(evaluate_lines(lines, AS_OF, jobs=jobs))
    short = list(evaluate_lines(lines, AS_OF, jobs=jobs, detail="brief"))
    assert [r.outcome for r in short] == [r.outcome for r in full] == ["eligible", "ineligible", "ineligible"]
    records = [json.loads(r.json) for r in short]
    assert [r["line"] for r in records] == [1, 2, 3]
    assert all(len(s.json) * 3 < len(f.json) for s, f in zip(short, full, strict=True))


def test_an_unknown_detail_is_refused() -> None:
    with pytest.raises(ValueError, match="full, brief"):
        evaluate_lines([], AS_OF, detail="short")


def test_the_command_writes_brief_lines_and_error_records(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps(_failing_6_1().data(), ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    status = main(["evaluate-many", str(source), "--as-of", "2025-04-15", "--detail", "brief", "--output", str(out)])
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert (first["line"], first["outcome"]) == (1, "ineligible")
    assert [v["rule_id"] for v in first["verdicts"] if v["status"] == "fail"] == ["6.1"]
    assert (second["line"], second["error"]) == (2, "invalid_input")
    assert status == 3


def test_the_schema_command_prints_the_brief_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "brief"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "cluster-criteria brief report"
