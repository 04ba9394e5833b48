"""Hostile input: values past what can be represented, endless input and repeated keys give field-named errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cluster_criteria import ApplicationError, evaluate, load_application
from cluster_criteria.limits import EARLIEST_DATE, LATEST_DATE, MAX_DOCUMENT_BYTES, MAX_PROBLEMS_REPORTED
from cluster_criteria.models import Designation
from cluster_criteria.procedure import load_record
from cluster_criteria.procedure.validity import next_term_start, term_last_day
from cluster_criteria.reading import bounded_lines, read_bounded
from cluster_criteria.rules.article6 import designation_end
from cluster_criteria.ruleset.procedure_params import TermEnd
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.testing.scenarios import ScenarioError, load_scenarios
from cluster_criteria.vocabulary import DesignationKind

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eligible-panshi-metal-products.json"
RECORD = ROOT / "examples" / "records" / "late-report-panshi-metal-products.json"
CLI = [sys.executable, "-m", "cluster_criteria"]


def _cli(*args: str, stdin: Any = None, input_bytes: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], stdin=stdin, input=input_bytes, capture_output=True, timeout=120)


def _example_with(old: str, new: str, path: Path = EXAMPLE) -> bytes:
    text = path.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode()


class TestValuesPastWhatCanBeRepresented:
    def test_an_amount_of_1e999999_in_a_money_unit_is_refused_at_its_field(self) -> None:
        """1e999999 scaled to yuan would overflow the decimal context; it is refused as implausible, exit 3."""
        raw = _example_with('"total_output": 36.3', '"total_output": 1e999999')
        result = _cli("evaluate", "-", "--as-of", "2025-04-15", "--lang", "en", input_bytes=raw)
        assert result.returncode == 3, result.stderr
        assert b"metrics[0].total_output: is implausibly large or small" in result.stderr
        assert b"Traceback" not in result.stderr

    @pytest.mark.parametrize("value", ["1e999999", "-1e999999", "1e-999999", "0e999999"])
    def test_extreme_exponents_anywhere_in_money_give_an_error_or_a_value_never_a_crash(self, value: str) -> None:
        """A bare amount in 亿元 either loads a bounded value or names its field."""
        raw = _example_with('"sme_output": 25.1', f'"sme_output": {value}')
        try:
            application = load_application(raw)
        except ApplicationError as exc:
            assert exc.field == "metrics[0].sme_output"
        else:
            assert application.metrics[0].sme_output is not None
            assert application.metrics[0].sme_output.is_zero()

    def test_an_integer_of_thousands_of_digits_is_refused_at_its_field(self) -> None:
        """Python will not read an integer of 5,000 digits from text; it is read as a number too large, by field."""
        raw = _example_with('"area_km2": 42.6', '"area_km2": ' + "9" * 5000)
        result = _cli("evaluate", "-", "--as-of", "2025-04-15", "--lang", "en", input_bytes=raw)
        assert result.returncode == 3, result.stderr
        assert b"cluster.area_km2: is implausibly large or small (1.000E+5000)" in result.stderr
        with pytest.raises(ApplicationError, match=r"cluster.area_km2: the field is given twice"):
            load_application(raw.decode().replace('"area_km2": ', '"area_km2": 1, "area_km2": ', 1))

    @pytest.mark.parametrize("start", ["9999-06-01", "9998-01-01", "2201-01-01", "1899-12-31"])
    def test_a_title_dated_past_the_accepted_range_is_refused_at_its_field(self, start: str) -> None:
        """A title starting in 9998 has no representable derived end; it is refused before any rule runs."""
        raw = _example_with('"valid_from": "2023-11-20"', f'"valid_from": "{start}"')
        result = _cli("evaluate", "-", "--as-of", "2025-04-15", "--lang", "en", input_bytes=raw)
        assert result.returncode == 3, result.stderr
        assert b"enterprises[1].designations[0].valid_from: " + start.encode() + b" is outside the dates accepted"
        assert b"Traceback" not in result.stderr

    def test_the_accepted_range_ends_are_accepted(self) -> None:
        """Titles starting on the first and on the last accepted day load and evaluate."""
        for day in (EARLIEST_DATE, LATEST_DATE):
            raw = _example_with('"valid_from": "2023-11-20"', f'"valid_from": "{day.isoformat()}"')
            report = evaluate(load_application(raw), dt.date(2025, 4, 15))
            assert report.outcome.value in {"eligible", "ineligible", "undecided"}

    def test_a_record_dated_past_the_accepted_range_is_refused_at_its_field(self) -> None:
        """A designation on 9999-12-31 would end past the calendar; status exits 3 naming designation.date."""
        raw = RECORD.read_text(encoding="utf-8").replace('"2024-06-28"', '"9999-12-31"').encode()
        result = _cli("status", "-", "--as-of", "2025-06-30", "--lang", "en", input_bytes=raw)
        assert result.returncode == 3, result.stderr
        assert b"designation.date: 9999-12-31 is outside the dates accepted" in result.stderr
        assert b"Traceback" not in result.stderr
        with pytest.raises(ApplicationError):
            load_record(raw)

    def test_end_dates_past_the_calendar_saturate_instead_of_failing(self) -> None:
        """Models built in Python without validation still evaluate: the derived end is the last representable day."""
        title = Designation.model_construct(kind=DesignationKind.LITTLE_GIANT, valid_from=dt.date(9999, 6, 1))
        assert designation_end(title, 3) == (dt.date.max, True)
        assert term_last_day(dt.date(9998, 1, 1), 3) == dt.date.max
        assert term_last_day(dt.date(9998, 1, 1), 3, TermEnd.ANNIVERSARY) == dt.date.max
        assert next_term_start(dt.date(9996, 2, 29), 9) == dt.date.max
        assert term_last_day(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)


class TestBoundedReading:
    def test_endless_standard_input_is_refused_after_the_limit(self) -> None:
        """`evaluate - < /dev/zero` reads the limit plus one byte and exits 3 naming the limit."""
        with open("/dev/zero", "rb") as zero:
            result = _cli("evaluate", "-", "--as-of", "2025-04-15", "--lang", "en", stdin=zero)
        assert result.returncode == 3
        assert f"larger than the limit of {MAX_DOCUMENT_BYTES:,} bytes".encode() in result.stderr

    def test_status_reads_no_more_than_the_limit_either(self) -> None:
        """`status - < /dev/zero` is refused the same way."""
        with open("/dev/zero", "rb") as zero:
            result = _cli("status", "-", "--as-of", "2025-04-15", stdin=zero)
        assert result.returncode == 3
        assert f"{MAX_DOCUMENT_BYTES:,}".encode() in result.stderr

    def test_a_file_one_byte_over_the_limit_is_refused_and_one_at_the_limit_is_read(self, tmp_path: Path) -> None:
        """The limit is inclusive: exactly MAX_DOCUMENT_BYTES bytes are parsed, one more is refused unread."""
        at_limit = tmp_path / "at.json"
        at_limit.write_bytes(b"{}" + b" " * (MAX_DOCUMENT_BYTES - 2))
        result = _cli("evaluate", str(at_limit), "--as-of", "2025-04-15", "--lang", "en")
        assert result.returncode == 3 and b"cluster: Field required" in result.stderr
        over = tmp_path / "over.json"
        over.write_bytes(b"{}" + b" " * (MAX_DOCUMENT_BYTES - 1))
        result = _cli("evaluate", str(over), "--as-of", "2025-04-15", "--lang", "en")
        assert result.returncode == 3 and b"larger than the limit" in result.stderr

    def test_read_bounded_stops_one_byte_past_the_limit(self) -> None:
        """From a stream of 100 bytes with a limit of 10, exactly 11 bytes are consumed."""
        stream = io.BytesIO(b"x" * 100)
        with pytest.raises(ApplicationError, match="limit of 10 bytes"):
            read_bounded(stream, 10)
        assert stream.tell() == 11
        assert read_bounded(io.BytesIO(b"x" * 10), 10) == b"x" * 10

    def test_an_over_long_line_is_cut_and_skipped_and_the_next_line_keeps_its_number(self) -> None:
        """bounded_lines gives limit+1 bytes of an over-long line, then the following lines whole."""
        stream = io.BytesIO(b"a" * 50 + b"\nshort\n" + b"b" * 30)
        assert list(bounded_lines(stream, 10)) == [b"a" * 11, b"short\n", b"b" * 11]

    def test_an_over_long_batch_line_gets_an_error_record_and_the_batch_goes_on(self) -> None:
        """A line over the limit (blanks, which would otherwise read as empty) is refused as too large at its line."""
        good = json.dumps(ApplicationBuilder().data(), ensure_ascii=False).encode()
        stdin = good + b"\n" + b" " * (MAX_DOCUMENT_BYTES + 5) + b"\n" + good + b"\n"
        result = _cli("evaluate-many", "-", "--as-of", "2025-04-15", "--detail", "brief", input_bytes=stdin)
        assert result.returncode == 3
        lines = [json.loads(line) for line in result.stdout.splitlines()]
        assert [line["line"] for line in lines] == [1, 2, 3]
        assert lines[1]["problems"][0]["code"] == "cc_document_too_large"
        assert lines[0]["outcome"] == lines[2]["outcome"] == "eligible"

    def test_a_scenario_file_over_the_limit_is_refused_naming_the_file(self, tmp_path: Path) -> None:
        """The scenario runner reads scenario files within the same limit."""
        big = tmp_path / "big.toml"
        big.write_bytes(b"#" * (MAX_DOCUMENT_BYTES + 1))
        with pytest.raises(ScenarioError, match="larger than the limit"):
            load_scenarios(big)


class TestRepeatedKeys:
    def test_a_repeated_field_is_refused_naming_the_path_and_both_values(self) -> None:
        """`"area_km2": 42.6, "area_km2": 420` exits 3 with cluster.area_km2 and both values."""
        raw = _example_with('"area_km2": 42.6', '"area_km2": 42.6, "area_km2": 420')
        result = _cli("evaluate", "-", "--as-of", "2025-04-15", "--lang", "en", input_bytes=raw)
        assert result.returncode == 3, result.stderr
        assert b"cluster.area_km2: the field is given twice (42.6 and 420)" in result.stderr

    def test_repeated_keys_in_lists_and_at_the_top_are_each_named(self) -> None:
        """Every repeated key is reported at its own path: an object's own, then those of the objects inside it."""
        raw = '{"format_version": "1", "metrics": [{"year": 2022}, {"year": 2023, "year": "2024"}], "format_version": {"a": 1}, "enterprises": [[]]}'
        with pytest.raises(ApplicationError) as caught:
            load_application(raw)
        assert [(p.path, p.code) for p in caught.value.problems] == [
            ("format_version", "cc_duplicate_key"),
            ("metrics[1].year", "cc_duplicate_key"),
        ]
        assert '"1" 与 {…}' in caught.value.problems[0].message_zh
        assert '2023 and "2024"' in caught.value.problems[1].message_en

    def test_a_repeated_key_in_a_batch_line_is_an_error_record(self) -> None:
        """evaluate-many refuses the line, names the path, and goes on."""
        data = ApplicationBuilder().data()
        line = json.dumps(data, ensure_ascii=False).replace('"cluster": {', '"cluster": {"name": "x", ', 1)
        result = _cli("evaluate-many", "-", "--as-of", "2025-04-15", input_bytes=line.encode() + b"\n")
        assert result.returncode == 3
        record = json.loads(result.stdout)
        assert record["problems"][0]["path"] == "cluster.name"
        assert record["problems"][0]["code"] == "cc_duplicate_key"


class TestErrorVolume:
    @staticmethod
    def _wrong_enterprises(count: int) -> dict[str, Any]:
        data = ApplicationBuilder().data()
        wrong = {"name": "", "credit_code": "91220284000000000X", "employees": -1, "founded": 1999}
        data["enterprises"] = [wrong] * count
        return data

    def test_the_problems_of_one_document_are_capped_with_counts_of_the_rest(self) -> None:
        """2,000 wrong enterprises: the first 50 problems, then one line per field pattern counting the rest."""
        with pytest.raises(ApplicationError) as caught:
            load_application(self._wrong_enterprises(2_000))
        problems = caught.value.problems
        assert len(problems) == MAX_PROBLEMS_REPORTED + 4
        assert all(p.code != "cc_more_problems" for p in problems[:MAX_PROBLEMS_REPORTED])
        summary = {p.path: p.message_en for p in problems[MAX_PROBLEMS_REPORTED:]}
        # 4 problems per enterprise, 8,000 in all; the first 50 are those of enterprises 0-11 and the name and credit
        # code of enterprise 12.
        assert summary == {
            "enterprises[*].employees": "and 1,988 more of the same kind (cc_negative)",
            "enterprises[*].founded": "and 1,988 more of the same kind (extra_forbidden)",
            "enterprises[*].name": "and 1,987 more of the same kind (string_too_short)",
            "enterprises[*].credit_code": "and 1,987 more of the same kind (cc_credit_code)",
        }
        assert problems[-1].message_zh == "另有 1,987 个同类问题（cc_credit_code）"

    def test_beyond_the_kinds_limit_one_line_counts_all_the_others(self) -> None:
        """capped() keeps `limit` problems, `kinds` kind lines, and one line for the remaining kinds."""
        from cluster_criteria.errors import InputProblem
        from cluster_criteria.problems import capped

        problems = [InputProblem(f"f{index % 7}[{index}]", "zh", "en", f"c{index % 7}") for index in range(100)]
        kept = capped(problems, limit=10, kinds=3)
        assert [p.path for p in kept[10:]] == ["f3[*]", "f4[*]", "f5[*]", ""]
        assert kept[-1].message_en == "and 51 more problems"
        assert sum(int(p.message_en.split()[1]) for p in kept[10:]) == 90
        assert capped(problems[:5], limit=10) == problems[:5]

    def test_a_list_far_over_its_limit_is_refused_before_its_entries_are_validated(self) -> None:
        """200,000 wrong enterprises give one problem, the list's length, not 800,000 entry errors."""
        with pytest.raises(ApplicationError) as caught:
            load_application(self._wrong_enterprises(200_000))
        assert [(p.path, p.code) for p in caught.value.problems] == [("enterprises", "too_long")]
        assert "at most 10000 items" in caught.value.problems[0].message_en
        assert caught.value.problems[0].message_zh == "最多 10000 项"

    def test_every_list_of_a_record_has_its_limit(self) -> None:
        """A record with 201 reviews is refused at `reviews`, naming the limit."""
        data = json.loads(RECORD.read_text(encoding="utf-8"))
        data["reviews"] = [{"requested_on": "2027-01-01"}] * 201
        with pytest.raises(ApplicationError) as caught:
            load_record(data)
        assert [(p.path, p.code) for p in caught.value.problems] == [("reviews", "too_long")]

    def test_a_batch_error_record_carries_the_same_cap(self) -> None:
        """evaluate-many writes at most the capped problems for a line with thousands of errors."""
        line = json.dumps(self._wrong_enterprises(2_000), ensure_ascii=False).encode() + b"\n"
        result = _cli("evaluate-many", "-", "--as-of", "2025-04-15", input_bytes=line)
        assert result.returncode == 3
        record = json.loads(result.stdout)
        assert len(record["problems"]) == MAX_PROBLEMS_REPORTED + 4
        assert record["problems"][-1]["code"] == "cc_more_problems"


class TestLimitsAreDocumented:
    def test_the_user_guide_lists_every_limit_with_its_value(self) -> None:
        """Each constant of cluster_criteria.limits appears in the user guide's table beside its value."""
        import cluster_criteria.limits as limits

        guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
        table = guide[guide.index("## Limits on input") :]
        for name in limits.__all__:
            value = getattr(limits, name)
            shown = value.isoformat() if isinstance(value, dt.date) else f"{value:,}"
            row = next((line for line in table.splitlines() if f"`{name}`" in line), "")
            assert shown in row, f"{name} = {shown} is not in its row of the user guide"

    def test_the_largest_full_application_is_accepted(self) -> None:
        """The benchmark's 10,000 enterprises with every field filled load and evaluate, within the size limit."""
        import importlib.util

        spec = importlib.util.spec_from_file_location("largest", ROOT / "benchmarks" / "largest_documents.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        text = json.dumps(module.enterprises_full(), ensure_ascii=False, separators=(",", ":")).encode()
        assert len(text) <= MAX_DOCUMENT_BYTES
        report = evaluate(load_application(text), dt.date(2025, 4, 15))
        assert report.outcome.value == "eligible"


class TestInProcessEdges:
    def test_ctrl_c_in_any_command_exits_130_without_a_traceback(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A KeyboardInterrupt out of a command's handler becomes exit status 130."""
        import cluster_criteria.cli.rules as rules_command
        from cluster_criteria.cli import main

        def interrupted(args: Any) -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr(rules_command, "run", interrupted)
        assert main(["rules"]) == 130

    def test_standard_input_over_the_limit_is_refused_in_process(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """read_source reports the size limit in the chosen language, and the command exits 3."""
        from cluster_criteria.cli import main

        stream = io.BytesIO(b" " * (MAX_DOCUMENT_BYTES + 10))
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
        assert main(["evaluate", "-", "--as-of", "2025-04-15"]) == 3
        assert f"输入超过 {MAX_DOCUMENT_BYTES:,} 字节的上限" in capsys.readouterr().err
        assert stream.tell() == MAX_DOCUMENT_BYTES + 1

    def test_text_over_the_limit_is_refused_before_parsing(self) -> None:
        """A str is measured in characters, before json.loads sees it."""
        from cluster_criteria.jsonio import parse_json

        with pytest.raises(ApplicationError, match="larger than the limit"):
            parse_json(" " * (MAX_DOCUMENT_BYTES + 1))

    def test_repeated_lists_are_shown_without_their_contents(self) -> None:
        """A repeated key whose values are a list and a number shows [...] and the number."""
        with pytest.raises(ApplicationError) as caught:
            load_application('{"metrics": [], "metrics": 5}')
        assert caught.value.problems[0].message_en.startswith("the field is given twice ([…] and 5)")


class TestBatchMemory:
    def test_chunks_close_early_when_their_lines_are_large(self) -> None:
        """Sixty-four lines per chunk, unless their bytes reach the limit first; parsed items count as nothing."""
        from cluster_criteria.batch import _chunks

        items: list[Any] = [b"x" * 40, b"y" * 70, {"a": 1}, b"z" * 10, b"w" * 100]
        chunks = list(_chunks(iter(enumerate(items, start=1)), 64, max_bytes=100))
        assert [[line for line, _ in chunk] for chunk in chunks] == [[1, 2], [3, 4, 5]]
        assert [len(chunk) for chunk in _chunks(iter(enumerate([b"a"] * 5)), 2)] == [2, 2, 1]
