"""Excel workbooks: the blank 申报表, reading it back (same report as the JSON), errors naming sheet and cell,
workbooks in evaluate and evaluate-many, and the 汇总表."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

pytest.importorskip("openpyxl")

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cluster_criteria import ApplicationError, evaluate, load_application
from cluster_criteria.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main
from cluster_criteria.excel import (
    SummaryWorkbook,
    load_workbook_application,
    read_workbook,
    template_workbook,
    workbook_data,
)
from cluster_criteria.excel.layout import CLUSTER_ROWS, LIST_ROWS
from cluster_criteria.jsonio import parse_json, report_from_json
from cluster_criteria.render import render
from cluster_criteria.testing import ApplicationBuilder
from excel_support import filled_workbook
from helpers import AS_OF

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
APPLICATIONS = sorted(EXAMPLES.glob("*.json"))


@pytest.fixture(scope="module")
def blank() -> bytes:
    return template_workbook(2025)


@pytest.fixture(scope="module")
def eligible() -> bytes:
    return filled_workbook(parse_json((EXAMPLES / "eligible-panshi-metal-products.json").read_bytes()), 2025)


def _edited(content: bytes, sheet: str, cell: str, value: object) -> bytes:
    book = load_workbook(io.BytesIO(content))
    book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _problems(content: bytes) -> list[tuple[str, str]]:
    with pytest.raises(ApplicationError) as caught:
        read_workbook(content)
    return [(p.path, p.message_en) for p in caught.value.problems]


class TestTemplate:
    def test_the_sheets_of_the_application(self, blank: bytes) -> None:
        book = load_workbook(io.BytesIO(blank))
        assert book.sheetnames == ["说明", "集群", "年度数据", "企业", "企业称号", "事故", "违法违规", "定性项"]
        assert [book["年度数据"].cell(1, c).value for c in (3, 4, 5)] == [2022, 2023, 2024]

    def test_headers_are_locked_and_only_input_cells_open(self, blank: bytes) -> None:
        book = load_workbook(io.BytesIO(blank))
        for name in book.sheetnames[1:]:
            assert book[name].protection.sheet, name
        enterprises = book["企业"]
        assert enterprises["A2"].protection.locked and enterprises["A3"].protection.locked
        assert not enterprises["A4"].protection.locked and not enterprises["B1"].protection.locked
        assert not book["集群"]["B3"].protection.locked and book["集群"]["A3"].protection.locked
        assert book["定性项"]["F2"].protection.locked and not book["定性项"]["D2"].protection.locked

    def test_field_help_comes_from_the_models_as_comments(self, blank: bytes) -> None:
        from cluster_criteria.models import Enterprise

        book = load_workbook(io.BytesIO(blank))
        assert book["企业"]["B2"].comment.text == Enterprise.model_fields["credit_code"].description
        assert all(book["集群"].cell(row, 1).comment is not None for row in range(2, 2 + len(CLUSTER_ROWS)))

    def test_validation_lists_dates_and_numbers(self, blank: bytes) -> None:
        book = load_workbook(io.BytesIO(blank))
        rules = {str(rule.sqref): rule for rule in book["事故"].data_validations.dataValidation}
        last = 3 + LIST_ROWS
        assert rules[f"A4:A{last}"].type == "list" and "安全事故" in rules[f"A4:A{last}"].formula1
        assert rules[f"B4:B{last}"].type == "date"
        assert rules[f"D4:D{last}"].type == "whole" and rules[f"D4:D{last}"].formula1 == "0"
        assert rules[f"F4:F{last}"].type == "decimal" and rules[f"F4:F{last}"].operator == "greaterThanOrEqual"
        figures = {str(rule.sqref): rule for rule in book["年度数据"].data_validations.dataValidation}
        assert (figures["C8:E8"].type, figures["C8:E8"].formula2) == ("decimal", "1")  # a rate, 0 to 1
        enterprises = {str(rule.sqref): rule for rule in book["企业"].data_validations.dataValidation}
        assert enterprises[f"C4:C{last}"].formula1 == '"是,否"'

    def test_qualitative_items_carry_their_clause_text(self, blank: bytes) -> None:
        from cluster_criteria.ruleset.jilin_2024 import JILIN_2024

        sheet = load_workbook(io.BytesIO(blank))["定性项"]
        items = JILIN_2024.parameters.qualitative_items
        assert [sheet.cell(row, 1).value for row in range(2, 2 + len(items))] == [i.id for i in items]
        first = items[0]
        assert sheet["F2"].value == JILIN_2024.clause_text(first.article, first.clause)
        assert sheet["D2"].value == "未作答"

    def test_a_blank_template_names_each_required_cell(self, blank: bytes) -> None:
        problems = _problems(blank)
        assert ("cluster.name", "集群!B3: Field required") in problems
        assert {path for path, _ in problems} == {
            "cluster.name",
            "cluster.leading_industry.name",
            "cluster.location.prefecture",
            "cluster.location.county",
            "cluster.location.county_code",
        }


class TestSameReportAsJson:
    @pytest.mark.parametrize("path", APPLICATIONS, ids=lambda p: p.stem)
    def test_a_filled_in_workbook_gives_the_report_of_the_equivalent_json(self, path: Path) -> None:
        raw = path.read_bytes()
        from_json = evaluate(load_application(raw), AS_OF)
        from_workbook = evaluate(read_workbook(filled_workbook(parse_json(raw), 2025)), AS_OF)
        assert from_workbook == from_json
        for fmt in ("text", "md", "html"):
            assert render(from_workbook, fmt, "en") == render(from_json, fmt, "en")

    def test_lists_not_supplied_stay_missing_and_supplied_empty_lists_declare_none(self) -> None:
        data = ApplicationBuilder().without_incident_record().data()
        data["violations"] = []
        loaded = read_workbook(filled_workbook(data, 2025))
        assert loaded.incidents is None
        assert loaded.violations == ()

    def test_titles_go_to_their_enterprise_by_credit_code(self, eligible: bytes) -> None:
        application = read_workbook(eligible)
        assert application.enterprises is not None
        holder = next(e for e in application.enterprises if e.credit_code == "91220284MA0Y4P8Q18")
        assert [d.kind.value for d in holder.designations] == ["provincial_srdi_sme", "high_tech_enterprise"]

    def test_a_percentage_typed_as_text_and_a_number_with_its_unit_are_read_as_in_json(self, eligible: bytes) -> None:
        edited = _edited(_edited(eligible, "年度数据", "C8", "18%"), "企业", "F8", "1.6亿元")
        application = read_workbook(edited)
        assert application.metrics[0].platform_penetration == Decimal("0.18")
        assert application.enterprises is not None
        assert application.enterprises[4].revenue == Decimal("160000000")

    def test_a_year_column_left_empty_is_not_reported(self, blank: bytes) -> None:
        data = ApplicationBuilder().data()
        data["metrics"] = data["metrics"][1:]
        application = read_workbook(filled_workbook(data, 2025))
        assert [m.year for m in application.metrics] == [2023, 2024]


class TestErrorsNameSheetAndCell:
    def test_a_bad_credit_code(self, eligible: bytes) -> None:
        """Both the code itself and the title that named the enterprise by its right code are reported."""
        problems = _problems(_edited(eligible, "企业", "B7", "91220284MA0Y6U4W5X"))
        assert [(path, message.split(": ")[0]) for path, message in problems] == [
            ("enterprises", "企业称号!A8"),
            ("enterprises[3].credit_code", "企业!B7"),
        ]
        assert "credit code" in problems[1][1]

    def test_a_label_not_on_the_list(self, eligible: bytes) -> None:
        problems = _problems(_edited(eligible, "事故", "A4", "火灾"))
        assert any(path == "incidents[0].kind" and message.startswith("事故!A4: ") for path, message in problems)

    def test_a_negative_figure(self, eligible: bytes) -> None:
        problems = _problems(_edited(eligible, "年度数据", "D2", -1))
        assert problems == [("metrics[1].total_output", "年度数据!D2: must not be negative (is -100000000)")]

    def test_a_yes_no_cell_with_something_else(self, eligible: bytes) -> None:
        problems = _problems(_edited(eligible, "企业", "C4", "也许"))
        assert [(path, message.split(": ")[0]) for path, message in problems] == [
            ("enterprises[0].in_leading_industry", "企业!C4")
        ]

    def test_a_title_for_an_enterprise_not_listed(self, eligible: bytes) -> None:
        problems = _problems(_edited(eligible, "企业称号", "A4", "91220284MA0Y3K2L7X"))
        assert problems[0][1].startswith("企业称号!A4: credit code 91220284MA0Y3K2L7X is not on the 企业 sheet")

    def test_an_unknown_qualitative_answer(self, eligible: bytes) -> None:
        problems = _problems(_edited(eligible, "定性项", "D3", "差不多"))
        assert problems[0][0] == "qualitative.6.1.pillar_industry.answer"
        assert problems[0][1].startswith("定性项!D3: ")

    def test_a_date_with_a_time_of_day(self, eligible: bytes) -> None:
        problems = _problems(_edited(eligible, "企业称号", "C4", dt.datetime(2023, 7, 15, 9, 30)))
        assert problems[0][0] == "enterprises[0].designations[0].valid_from"
        assert problems[0][1].startswith("企业称号!C4: ")

    def test_the_supplied_cell_must_say_supplied_or_not(self, eligible: bytes) -> None:
        problems = _problems(_edited(eligible, "违法违规", "B1", "不知道"))
        assert problems == [("violations", "违法违规!B1: choose 已填报 (supplied) or 未填报 (not supplied)")]

    def test_a_missing_sheet(self, eligible: bytes) -> None:
        book = load_workbook(io.BytesIO(eligible))
        del book["定性项"]
        out = io.BytesIO()
        book.save(out)
        problems = _problems(out.getvalue())
        assert problems[0][1].startswith("the workbook has no sheet '定性项'")

    def test_a_file_that_is_no_workbook(self) -> None:
        assert _problems(b"PK\x03\x04 not really") == [("", "not a valid Excel workbook (.xlsx)")]
        broken = io.BytesIO()
        with zipfile.ZipFile(broken, "w") as archive:
            archive.writestr("hello.txt", "hello")
        assert _problems(broken.getvalue()) == [("", "not a valid Excel workbook (.xlsx)")]

    def test_a_workbook_that_would_unpack_too_large_is_refused_before_reading(self) -> None:
        bomb = io.BytesIO()
        with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 60_000_000)
        assert len(bomb.getvalue()) < 200_000
        assert _problems(bomb.getvalue())[0][1].startswith("the workbook unpacks to more than")

    def test_too_many_rows_are_refused_not_cut(self, eligible: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
        from cluster_criteria.excel import reader

        monkeypatch.setattr(reader, "MAX_LIST_ROWS", 30)  # the template opens 500 rows on each list sheet
        assert _problems(eligible)[0][1] == "sheet '企业' has more than 30 rows"

    def test_a_later_error_from_the_evaluation_names_the_cell_too(self, eligible: bytes) -> None:
        loaded = load_workbook_application(eligible)
        with pytest.raises(ApplicationError) as caught:
            evaluate(loaded.application, dt.date(2024, 6, 30))
        located = loaded.locate(caught.value)
        assert located.problems[0].message_en.startswith("年度数据!E1: year 2024 is not over")
        assert located.problems[0].message_zh.startswith("年度数据!E1：")


def _one_figure_workbook(value: float) -> bytes:
    """A workbook with only its sheets and one figure typed in: quick to write and read for many examples."""
    from openpyxl import Workbook

    book = Workbook()
    for name in ("集群", "年度数据", "企业", "企业称号", "事故", "违法违规", "定性项"):
        book.create_sheet(name)
    book["年度数据"]["C1"] = 2024
    book["年度数据"]["B2"] = "total_output"
    book["年度数据"]["C2"] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("99999999999"), places=4, allow_nan=False, allow_infinity=False))
def test_a_number_typed_into_a_cell_is_read_exactly(value: Decimal) -> None:
    """Excel keeps a double; the number read back is the one typed (up to 15 significant digits)."""
    from cluster_criteria.excel.reader import read_cells

    data, cells, _ = read_cells(_one_figure_workbook(float(value)))
    assert data["metrics"] == [{"year": 2024, "total_output": value}]
    assert cells["metrics[0].total_output"] == "年度数据!C2"


class TestCommandLine:
    def test_template_writes_a_workbook(self, tmp_path: Path) -> None:
        target = tmp_path / "申报表.xlsx"
        assert main(["template", "--format", "xlsx", "--as-of", "2026-03-01", "--output", str(target)]) == EXIT_OK
        assert load_workbook(target)["年度数据"]["C1"].value == 2023

    def test_template_refuses_a_terminal_and_writes_to_a_pipe(
        self, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        import sys

        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        assert main(["template", "--format", "xlsx", "--as-of", "2025-01-01"]) == EXIT_USAGE
        monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
        assert main(["template", "--format", "xlsx", "--as-of", "2025-01-01"]) == EXIT_OK
        assert capsysbinary.readouterr().out.startswith(b"PK")

    def test_template_to_an_unwritable_place(self, tmp_path: Path) -> None:
        assert (
            main(["template", "--format", "xlsx", "--output", str(tmp_path / "no" / "such" / "dir.xlsx")]) == EXIT_USAGE
        )

    def test_evaluate_reads_a_workbook(
        self, tmp_path: Path, eligible: bytes, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "app.xlsx"
        path.write_bytes(eligible)
        assert main(["evaluate", str(path), "--as-of", "2025-04-15", "--format", "json"]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["outcome"] == "eligible"

    def test_evaluate_names_the_cell_of_a_bad_workbook(
        self, tmp_path: Path, eligible: bytes, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "app.xlsx"
        path.write_bytes(_edited(eligible, "年度数据", "D2", -1))
        assert main(["evaluate", str(path), "--as-of", "2025-04-15", "--lang", "en"]) == EXIT_BAD_INPUT
        assert "metrics[1].total_output: 年度数据!D2: must not be negative" in capsys.readouterr().err

    def test_evaluate_names_the_year_cell_when_the_date_is_too_early(
        self, tmp_path: Path, eligible: bytes, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "app.xlsx"
        path.write_bytes(eligible)
        assert main(["evaluate", str(path), "--as-of", "2024-06-30", "--lang", "en"]) == EXIT_BAD_INPUT
        assert "年度数据!E1: year 2024 is not over" in capsys.readouterr().err

    def test_without_openpyxl_the_message_says_what_to_install(
        self, tmp_path: Path, eligible: bytes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        import sys

        path = tmp_path / "app.xlsx"
        path.write_bytes(eligible)
        for name in [m for m in sys.modules if m.startswith("cluster_criteria.excel")]:
            monkeypatch.delitem(sys.modules, name)
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        assert main(["evaluate", str(path), "--as-of", "2025-04-15"]) == EXIT_BAD_INPUT
        assert "pip install 'cluster-criteria[excel]'" in capsys.readouterr().err
        assert main(["template", "--format", "xlsx", "--output", str(tmp_path / "t.xlsx")]) == EXIT_USAGE
        assert main(["evaluate-many", str(path), "--as-of", "2025-04-15"]) == EXIT_USAGE


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, eligible: bytes) -> Path:
    folder = tmp_path_factory.mktemp("county-workbooks")
    for index, path in enumerate(APPLICATIONS):
        (folder / f"{index}-{path.stem}.xlsx").write_bytes(filled_workbook(parse_json(path.read_bytes()), 2025))
    (folder / "5-bad.xlsx").write_bytes(_edited(eligible, "年度数据", "D2", -1))
    (folder / "6-broken.xlsx").write_bytes(b"not a workbook")
    (folder / "7-plain.json").write_bytes(APPLICATIONS[0].read_bytes())
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    return folder


class TestBatchAndSummary:
    def test_a_folder_of_workbooks_is_one_line_each_with_cells_named(self, folder: Path, tmp_path: Path) -> None:
        output = tmp_path / "reports.jsonl"
        summary = tmp_path / "汇总表.xlsx"
        code = main(
            [
                "evaluate-many",
                str(folder),
                "--as-of",
                "2025-04-15",
                "--output",
                str(output),
                "--summary-xlsx",
                str(summary),
            ]
        )
        assert code == EXIT_BAD_INPUT  # two lines could not be evaluated
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        expected = [evaluate(load_application(p.read_bytes()), AS_OF) for p in APPLICATIONS]
        lines = output.read_bytes().splitlines()
        assert [report_from_json(line) for line in lines[:4]] == expected
        assert records[4]["file"] == "5-bad.xlsx"
        assert records[4]["problems"][0]["message_en"].startswith("年度数据!D2: must not be negative")
        assert records[5] == {
            "line": 6,
            "error": "invalid_input",
            "problems": [
                {
                    "path": "",
                    "code": "cc_not_a_workbook",
                    "message_zh": "不是有效的 Excel 工作簿（.xlsx）",
                    "message_en": "not a valid Excel workbook (.xlsx)",
                }
            ],
            "file": "6-broken.xlsx",
        }
        assert records[6]["outcome"] == "eligible"
        assert len(records) == 7

    def test_the_summary_sheet_rows_colours_and_figures(self, folder: Path, tmp_path: Path) -> None:
        summary = tmp_path / "汇总表.xlsx"
        main(
            [
                "evaluate-many",
                str(folder),
                "--as-of",
                "2025-04-15",
                "--output",
                str(tmp_path / "r.jsonl"),
                "--summary-xlsx",
                str(summary),
            ]
        )
        sheet = load_workbook(summary)["汇总表"]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][:5] == ("行号", "集群名称", "结论", "决定性条款", "6.1")
        assert len(rows) == 8
        eligible = rows[1]
        assert eligible[1] == "磐石市金属制品特色产业集群" and eligible[2] == "符合基本条件"
        assert eligible[16:21] == (
            2024,
            44,
            pytest.approx(31 / 44),
            pytest.approx(32.2 / 44),
            pytest.approx(0.1128618685),
        )
        ineligible = next(r for r in rows[1:] if r[1] == "汪清县食用菌特色产业集群")
        fail_cell = sheet.cell(rows.index(ineligible) + 1, 5)
        assert fail_cell.value == "不符合" and fail_cell.fill.fgColor.rgb.endswith("FFC7CE")
        pass_cell = sheet.cell(2, 5)
        assert pass_cell.fill.fgColor.rgb.endswith("C6EFCE")
        assert sheet.cell(2, 19).number_format == "0.00%"
        assert sheet.auto_filter.ref == "A1:V8"  # sort and filter buttons over all rows
        assert sheet.freeze_panes == "C2"  # headings and names stay in view
        assert rows[5][2] == "invalid_input" and "年度数据!D2" in rows[5][21]

    def test_a_brief_batch_gives_statuses_without_figures(self, tmp_path: Path) -> None:
        lines = tmp_path / "in.jsonl"
        lines.write_bytes((EXAMPLES / "applications.jsonl").read_bytes())
        summary = tmp_path / "s.xlsx"
        assert main(
            [
                "evaluate-many",
                str(lines),
                "--as-of",
                "2025-04-15",
                "--detail",
                "brief",
                "--output",
                str(tmp_path / "o"),
                "--summary-xlsx",
                str(summary),
                "--lang",
                "en",
            ]
        ) in (EXIT_OK, EXIT_BAD_INPUT)
        rows = list(load_workbook(summary)["summary"].iter_rows(values_only=True))
        assert rows[0][2] == "outcome"
        assert all(row[4] for row in rows[1:])  # each clause's status is there
        assert all(row[16:21] == (None,) * 5 for row in rows[1:])

    def test_summary_rows_can_be_added_from_data(self, tmp_path: Path) -> None:
        sheet = SummaryWorkbook("en")
        report = json.loads(render(ApplicationBuilder().evaluate(), "json"))
        sheet.add(report)
        sheet.add_line(
            json.dumps({"line": 2, "error": "invalid_input", "problems": [{"path": "x", "message_en": "bad"}]})
        )
        target = tmp_path / "s.xlsx"
        sheet.save(target)
        rows = list(load_workbook(target).active.iter_rows(values_only=True))
        assert rows[1][0] == 1 and rows[2][0] == 2 and rows[2][21] == "x: bad"


class TestCellsAsPeopleFillThem:
    def test_codes_typed_as_numbers_and_dates_typed_as_text_are_read(self, eligible: bytes) -> None:
        edited = _edited(_edited(eligible, "集群", "B11", 220284), "企业称号", "C4", "2023-07-15")
        application = read_workbook(edited)
        assert application.cluster.location.county_code == "220284"
        assert application.enterprises is not None
        assert application.enterprises[0].designations[0].valid_from == dt.date(2023, 7, 15)

    def test_notes_typed_beside_the_form_and_blank_answers_are_ignored(self, eligible: bytes) -> None:
        edited = _edited(_edited(eligible, "集群", "A30", "备注：材料另附"), "定性项", "D2", None)
        edited = _edited(edited, "年度数据", "A20", "备注")
        application = read_workbook(edited)
        assert application.qualitative["6.1.policy_conformity"].answer.value == "not_answered"
        assert application == read_workbook(_edited(eligible, "定性项", "D2", "未作答"))

    def test_workbook_data_gives_the_data_and_raises_for_the_workbook_s_own_problems(self, eligible: bytes) -> None:
        data, cells = workbook_data(eligible)
        assert data["cluster"]["name"] == "磐石市金属制品特色产业集群"
        assert cells["cluster.name"] == "集群!B3"
        with pytest.raises(ApplicationError, match="is not on the 企业 sheet"):
            workbook_data(_edited(eligible, "企业称号", "A4", "91220284MA0Y3K2L7X"))

    def test_an_empty_figures_sheet_gives_no_years(self) -> None:
        from openpyxl import Workbook

        from cluster_criteria.excel.reader import read_cells

        book = Workbook()
        for name in ("集群", "年度数据", "企业", "企业称号", "事故", "违法违规", "定性项"):
            book.create_sheet(name)
        out = io.BytesIO()
        book.save(out)
        data, _, problems = read_cells(out.getvalue())
        assert data["metrics"] == [] and data["qualitative"] == {}
        assert [p.path for p in problems] == ["enterprises", "incidents", "violations"]  # B1 left empty

    def test_a_problem_without_a_cell_is_kept_as_it_is(self) -> None:
        from cluster_criteria.excel import locate

        error = ApplicationError.single("metrics[7].year", "缺", "missing")
        assert locate(error, {"cluster": "集群!B3"}).problems == error.problems


class TestWorkbookLines:
    def test_a_single_workbook_file_is_one_line(
        self, tmp_path: Path, eligible: bytes, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "one.xlsx"
        path.write_bytes(eligible)
        assert main(["evaluate-many", str(path), "--as-of", "2025-04-15", "--detail", "brief"]) == EXIT_OK
        (line,) = capsys.readouterr().out.splitlines()
        assert json.loads(line)["outcome"] == "eligible"

    def test_only_workbooks_and_folders_are_read_this_way(self, tmp_path: Path) -> None:
        from cluster_criteria.excel.batch import WorkbookLines

        assert WorkbookLines.of(str(tmp_path / "applications.jsonl")) is None

    def test_a_file_gone_before_it_is_read_gives_an_error_record(self, tmp_path: Path) -> None:
        from cluster_criteria.excel.batch import WorkbookLines

        lines = WorkbookLines([tmp_path / "gone.xlsx"])
        assert list(lines) == [b"{}"]
        record = json.loads(lines.locate(1, b'{"line":1,"error":"invalid_input","problems":[]}'))
        assert record["problems"][0]["code"] == "cc_unreadable" and record["file"] == "gone.xlsx"

    def test_a_workbook_with_valid_data_but_a_stray_title_gets_no_report(self, tmp_path: Path, eligible: bytes) -> None:
        from cluster_criteria.batch import evaluate_lines
        from cluster_criteria.excel.batch import WorkbookLines

        stray = _edited(eligible, "企业称号", "A30", "91220284MA0Y3K2L7X")
        (tmp_path / "1-stray.xlsx").write_bytes(stray)
        (tmp_path / "2-stray-and-negative.xlsx").write_bytes(_edited(stray, "年度数据", "D2", -1))
        lines = WorkbookLines.of(str(tmp_path))
        assert lines is not None
        results = list(evaluate_lines(lines, AS_OF))
        assert [r.outcome for r in results] == ["invalid_input", "invalid_input"]  # counted as written
        first, second = (json.loads(lines.locate(r.line, r.json)) for r in results)
        assert [p["message_en"].split(": ")[0] for p in first["problems"]] == ["企业称号!A30"]
        assert [p["message_en"].split(": ")[0] for p in second["problems"]] == ["企业称号!A30", "年度数据!D2"]

    def test_lines_of_other_inputs_pass_unchanged(self, tmp_path: Path) -> None:
        from cluster_criteria.excel.batch import WorkbookLines

        lines = WorkbookLines([])
        assert lines.locate(3, b'{"line":3}') == b'{"line":3}'
