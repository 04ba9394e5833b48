"""The message catalogues stay whole: the same messages in every language, with the same placeholders, each one used
by the code, compiled .mo files that match their .po sources, and Korean output that is Korean.

Message ids are found in the code by reading its syntax tree: a call of ``translate``, ``_t`` or a renderer's
``label`` whose first argument is a literal names one id; one whose first argument is an f-string names a family of
ids (``status.{…}``), and every id of the catalogues must belong to a literal or a family.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from cluster_criteria import evaluate, load_application
from cluster_criteria.i18n import BUILT_IN, DATA_CONTEXT, DOMAIN, available_languages, placeholders, translate
from cluster_criteria.render import render
from helpers import english_words

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "cluster_criteria"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
LANGUAGES = ("zh", "en", "ko")
_CALLS = {"translate": "", "_t": "", "label": "report."}
_OF_CALLS = {("Phrase", "of"): 0, ("InputProblem", "of"): 1, ("ApplicationError", "of"): 1}
_TABLED = re.compile(r"^(?:money|unit)\.[a-z_0-9]+$")


def _catalogue(lang: str):  # type: ignore[no-untyped-def]
    source = BUILT_IN / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    return read_po(io.BytesIO(source.read_bytes()), locale=lang, domain=DOMAIN)


def _messages(lang: str) -> dict[str, str]:
    return {m.id: m.string for m in _catalogue(lang) if m.id and not m.context}


def _optional(lang: str = "en") -> dict[str, set[str]]:
    """Placeholders a language may leave out, declared as ``#. optional: a, b`` beside the message."""
    out: dict[str, set[str]] = {}
    for message in _catalogue(lang):
        for comment in message.auto_comments:
            if comment.startswith("optional:"):
                out[message.id] = {n.strip() for n in comment.removeprefix("optional:").split(",")}
    return out


def _used_in_code() -> tuple[set[str], list[re.Pattern[str]]]:
    literals: set[str] = set()
    families: list[re.Pattern[str]] = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _TABLED.match(node.value):
                literals.add(node.value)  # an id kept in a table (money.large beside its scale, unit.km2 …)
            if not (isinstance(node, ast.Call) and node.args):
                continue
            if isinstance(node.func, ast.Name):
                prefix = _CALLS.get(node.func.id)
                if prefix is None:
                    continue
                first = node.args[0]
            elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                # Phrase.of(id, …), and InputProblem.of / ApplicationError.of(path, id, …)
                position = _OF_CALLS.get((node.func.value.id, node.func.attr))
                if position is None or len(node.args) <= position:
                    continue
                prefix, first = "", node.args[position]
            else:
                continue
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literals.add(prefix + first.value)
            elif isinstance(first, ast.JoinedStr):
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w.]+" for v in first.values]
                families.append(re.compile(re.escape(prefix) + "".join(parts) + r"\Z"))
    return literals, families


def test_every_language_has_the_same_messages() -> None:
    ids = {lang: set(_messages(lang)) for lang in LANGUAGES}
    assert ids["zh"] == ids["en"] == ids["ko"]
    assert all(text for lang in LANGUAGES for text in _messages(lang).values()), "an empty translation"


def test_every_message_the_code_names_is_in_the_catalogues() -> None:
    literals, _ = _used_in_code()
    assert len(literals) > 60
    assert literals - set(_messages("en")) == set()


def test_no_catalogue_entry_is_unused() -> None:
    from cluster_criteria.cli import build_parser
    from cluster_criteria.cli.help_text import help_texts

    literals, families = _used_in_code()
    literals |= set(help_texts(build_parser()))  # the help of each option, by the id help_id() gives it
    unused = {i for i in _messages("en") if i not in literals and not any(f.match(i) for f in families)}
    assert unused == set()
    # and every family of ids the code builds has members
    assert [f.pattern for f in families if not any(f.match(i) for i in _messages("en"))] == []


def test_placeholders_agree_across_languages() -> None:
    optional = _optional()
    english = _messages("en")
    for lang in LANGUAGES:
        for message_id, text in _messages(lang).items():
            allowed = optional.get(message_id, set())
            assert placeholders(text) - allowed == placeholders(english[message_id]) - allowed, (lang, message_id)
            # every placeholder a language uses is one the code fills in for some language
            assert placeholders(text) <= placeholders(english[message_id]) | allowed, (lang, message_id)


def test_optional_placeholders_are_really_left_out_somewhere() -> None:
    """An ``optional`` declaration is not a way round the check above: some language must do without it."""
    for message_id, names in _optional().items():
        used = [placeholders(_messages(lang)[message_id]) for lang in LANGUAGES]
        assert all(any(name not in u for u in used) for name in names), message_id


def test_babel_finds_no_error_in_the_catalogues() -> None:
    for lang in LANGUAGES:
        assert list(_catalogue(lang).check()) == [], lang


def test_the_compiled_catalogues_match_their_sources() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_catalogues.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_korean_data_texts_render_every_number_they_hold() -> None:
    """A data text looked up with its numbers as placeholders gives back each number, in order."""
    for message in _catalogue("ko"):
        if message.context != DATA_CONTEXT:
            continue
        positional = {name for name in placeholders(message.id) if name.isdigit()}
        assert placeholders(message.string) == positional | (placeholders(message.string) - positional)
        assert {n for n in placeholders(message.string) if n.isdigit()} == positional, message.id


@pytest.mark.parametrize("lang", ["zh", "en", "ko"])
def test_each_language_names_its_babel_locale(lang: str) -> None:
    from babel import Locale

    assert Locale.parse(translate("format.babel_locale", lang)).language == lang


def test_the_package_languages_come_first() -> None:
    assert available_languages()[:3] == ("zh", "en", "ko")


# -- Korean output is Korean ---------------------------------------------------------------------------------------

# 퍼센트포인트 (the Korean unit of a difference of percentages) and the name of a format, both written so in Korean.
_KOREAN_UNITS = ("%p", "JSON")


def _korean_english_words(text: str) -> list[str]:
    for unit in _KOREAN_UNITS:
        text = text.replace(unit, "")
    return english_words(text)


def test_korean_reports_hold_no_english_words() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from test_chinese_output import _reports, _visible

    for name, report in _reports():
        for fmt in ("text", "md", "html"):
            out = render(report, fmt, "ko")
            shown = _visible(out) if fmt == "html" else out
            assert _korean_english_words(shown) == [], (name, fmt)


def test_the_wangqing_report_in_korean_from_the_command_line() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cluster_criteria.cli import main; raise SystemExit(main())",
            "evaluate",
            str(ROOT / "examples" / "ineligible-wangqing-edible-fungi.json"),
            "--as-of",
            "2025-04-15",
            "--lang",
            "ko",
            "--format",
            "html",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    page = done.stdout
    assert '<html lang="ko">' in page
    assert '<blockquote lang="zh-CN">（一）主导产业符合国家产业政策' in page  # the authoritative Chinese, quoted
    assert "조문 참고 번역" in page and "(1) 주도산업이 국가 산업정책과" in page  # the reference translation
    assert "중국어 원문이 우선함" in page  # the footer says which text governs
    assert "기본 요건 미충족" in page and "제6조 제1호" in page
    assert "19.9999억 위안, 20억 위안 미만, 부적합" in page
    assert "2025년 4월 15일" in page
    assert page == (ROOT / "examples" / "reports" / "ineligible-wangqing-edible-fungi.ko.html").read_text("utf-8")


def test_korean_money_scales_and_dates() -> None:
    from decimal import Decimal

    from cluster_criteria.explain.locale import format_date, format_money, format_points

    assert format_money(Decimal("2000000000"), "ko") == "20.00억 위안"
    assert format_money(Decimal("35280000"), "ko") == "3,528.00만 위안"
    assert format_money(Decimal("9999"), "ko") == "9,999위안"
    assert format_points(Decimal("0.3"), "ko") == "30.00%p"
    assert format_date(dt.date(2025, 4, 15), "ko") == "2025년 4월 15일"


# -- a fourth language is one .po file -----------------------------------------------------------------------------

_TINY_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: de\\n"

msgid "status.fail"
msgstr "nicht erfüllt"

msgid "outcome.ineligible"
msgstr "nicht förderfähig"

msgid "report.title"
msgstr "Prüfung der Anerkennungsvoraussetzungen"
"""


def test_a_fourth_language_is_one_po_file(tmp_path: Path) -> None:
    messages = tmp_path / "de" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / f"{DOMAIN}.po").write_text(_TINY_PO, encoding="utf-8")
    env = {**os.environ, "CLUSTER_CRITERIA_LOCALES": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-c", "from cluster_criteria.cli import main; raise SystemExit(main())"]
    done = subprocess.run(
        [*command, "evaluate", str(EXAMPLES[-1]), "--as-of", "2025-04-15", "--lang", "de", "--format", "text"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Prüfung der Anerkennungsvoraussetzungen" in done.stdout
    assert "nicht förderfähig" in done.stdout and "[nicht erfüllt]" in done.stdout
    assert "Assessment date" in done.stdout  # what the tiny catalogue lacks comes from English, never a bare id
    assert "report." not in done.stdout
    # without the folder, the language is unknown to the command line
    refused = subprocess.run(
        [*command, "evaluate", str(EXAMPLES[-1]), "--lang", "de"],
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in env.items() if k != "CLUSTER_CRITERIA_LOCALES"},
    )
    assert refused.returncode == 2 and "invalid choice: 'de'" in refused.stderr


def test_a_report_in_every_language_of_the_examples_renders() -> None:
    for path in EXAMPLES:
        report = evaluate(load_application(path.read_bytes()), dt.date(2025, 4, 15))
        for lang in LANGUAGES:
            assert render(report, "json", lang).startswith("{")


# -- errors in Korean ----------------------------------------------------------------------------------------------


def test_input_errors_read_in_korean() -> None:
    from cluster_criteria import ApplicationError

    bad = (
        '{"format_version": "1", "cluster": {"name": "集群"}, "metrics": [{"year": "二〇二四", "total_output": "多"},'
        ' {"year": 2023, "total_output": "-5"}], "qualitative": {"6.9.x": "met"}, "extra": 1}'
    ).encode()
    with pytest.raises(ApplicationError) as caught:
        load_application(bad)
    korean = caught.value.render("ko")
    assert "필수 항목 누락" in korean and "허용되지 않는 항목" in korean
    # each line is a field path (the input's own words), then the reason; a command to type is quoted as it is
    reasons = "\n".join(line.split(": ", 1)[1] for line in korean.splitlines()).replace("cluster-criteria rules", "")
    assert _korean_english_words(reasons) == [], korean
    for text in (b'{"a": 1, "a": 2}', b"[1]"):
        with pytest.raises(ApplicationError) as caught:
            load_application(text)
        assert _korean_english_words(caught.value.render("ko").split(": ", 1)[-1]) == [], caught.value.render("ko")


_RECORD_EXAMPLE = ROOT / "examples" / "records" / "accident-lishu-food-processing.json"


@pytest.mark.parametrize(
    "argv",
    [
        ["evaluate", str(ROOT / "examples" / "eligible-panshi-metal-products.json"), "--as-of", "2024-01-01"],
        ["status", str(_RECORD_EXAMPLE), "--as-of", "2024-01-01"],
        ["explain", "6.1", "--as-of", "2024-01-01"],
        ["rules", "--as-of", "2020-01-01"],
        ["evaluate", str(EXAMPLES[0]), "--as-of", "2024-01-01", "--rule-set", "jilin-2024"],
    ],
    ids=["evaluate", "status", "explain", "rules", "named-rule-set"],
)
@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_a_date_before_the_measures_is_refused_in_the_language_asked_for(
    argv: list[str], lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reproducer: the refusal of a date before the measures took effect was English in Korean, and in Chinese too
    from explain and rules."""
    from cluster_criteria.cli import main

    assert main([*argv, "--lang", lang]) != 0
    err = capsys.readouterr().err
    assert "2024-03-15" in err or "2024-01-01" in err
    reasons = "\n".join(line.split(": ", 1)[-1] for line in err.splitlines())
    assert english_words(reasons.replace("jilin-2024", "")) == [], err


_RECORD_CHANGES: dict[str, Any] = {
    "wrong actor": lambda d: d["history"][1]["actor"].update(division="229999"),
    "wrong role": lambda d: d["history"][1]["actor"].update(role="county_sme_department"),
    "step out of order": lambda d: d["history"][1].update(action="designate"),
    "date backwards": lambda d: d["history"][2].update(date="2024-04-01"),
    "no reasons": lambda d: d["history"].__setitem__(
        slice(4, None), [dict(d["history"][4], action="not_recommend", reasons=[])]
    ),
    "history stops early": lambda d: d["history"].__setitem__(
        slice(4, None), [dict(d["history"][4], action="not_recommend", reasons=["不符合第六条"])]
    ),
    "not designated on that day": lambda d: d["designation"].update(date="2024-06-01"),
    "report too early": lambda d: d["annual_reports"][0].update(filed_on="2024-12-01"),
    "review half decided": lambda d: d.update(reviews=[{"decided_on": "2027-01-01"}]),
    "review dates reversed": lambda d: d.update(
        reviews=[{"requested_on": "2027-05-01", "decided_on": "2027-01-01", "passed": True}]
    ),
    "report year twice": lambda d: d.update(
        annual_reports=[{"year": 2024, "filed_on": "2025-03-26"}, {"year": 2024, "filed_on": "2025-03-27"}]
    ),
}


@pytest.mark.parametrize("change", list(_RECORD_CHANGES))
def test_record_and_history_errors_read_in_korean(change: str) -> None:
    """Reproducer: a record's own errors and the refusals of its history were English in Korean."""
    from cluster_criteria import ApplicationError
    from cluster_criteria.procedure import load_record

    data = json.loads(_RECORD_EXAMPLE.read_text(encoding="utf-8"))
    _RECORD_CHANGES[change](data)
    with pytest.raises(ApplicationError) as caught:
        load_record(json.dumps(data, ensure_ascii=False))
    korean = caught.value.render("ko")
    # field names (decided_on, requested_on …) are the input's own words, as the path before each reason is
    fields = re.compile(r"\b(?:decided_on|requested_on|passed|filed_on|conduct_date|date)\b")
    reasons = fields.sub("", "\n".join(line.split(": ", 1)[1] for line in korean.splitlines()))
    assert _korean_english_words(reasons) == [], korean
    for problem in caught.value.problems:
        assert problem.message_id, korean


def test_workbook_and_compare_errors_read_in_korean(tmp_path: Path) -> None:
    """Reproducer: a file that is no workbook, and a comparison line whose field is wrong, were English in Korean."""
    from cluster_criteria import ApplicationError
    from cluster_criteria.compare.records import CompareError, read_record
    from cluster_criteria.excel.reader import read_cells

    with pytest.raises(ApplicationError) as caught:
        read_cells(b"PK\x03\x04 not really")
    assert caught.value.render("ko").endswith("올바른 Excel 통합 문서(.xlsx)가 아님")
    for line in ('{"outcome": "maybe"}', '{"line": 0}', '{"outcome": "eligible", "verdicts": "x"}'):
        with pytest.raises(CompareError) as compared:
            read_record(line, "base.jsonl", 1)
        korean = compared.value.render("ko")
        reason = korean.rsplit(": ", 1)[1].replace("eligible, ineligible, undecided", "")  # after the field's name
        assert reason and _korean_english_words(reason) == [], korean


_EXAMPLE_FILE = str(ROOT / "examples" / "eligible-panshi-metal-products.json")


@pytest.mark.parametrize(
    "argv",
    [
        ["explain", "9.9"],
        ["explain", "6.1", "--rule-set", "nope"],
        ["rules", "--rule-set", "nope"],
        ["evaluate", _EXAMPLE_FILE, "--as-of", "2025-04-15", "--rules", "6.1,9.9"],
        ["evaluate", _EXAMPLE_FILE, "--as-of", "2025-04-15", "--rule-set", "nope"],
        ["evaluate-many", _EXAMPLE_FILE, "--as-of", "2025-04-15", "--rules", "9.9"],
    ],
    ids=["explain-rule", "explain-rule-set", "rules-rule-set", "evaluate-rules", "evaluate-rule-set", "many-rules"],
)
@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_the_tool_s_own_option_errors_read_in_the_language_asked_for(
    argv: list[str], lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reproducer: an unknown rule or rule set was refused in English whatever the language."""
    from cluster_criteria.cli import main

    assert main([*argv, "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.strip() and english_words(err.replace("jilin-2024", "").replace("nope", "")) == [], err


def test_an_unreadable_reform_file_is_said_in_korean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cluster_criteria.cli import main

    missing = tmp_path / "none.toml"
    assert main(["evaluate", _EXAMPLE_FILE, "--as-of", "2025-04-15", "--reform", str(missing), "--lang", "ko"]) == 2
    assert capsys.readouterr().err.startswith(f"파일 {missing}을(를) 읽을 수 없음: ")


def test_an_unknown_rule_id_is_escaped_once(capsys: pytest.CaptureFixture[str]) -> None:
    """Reproducer: the message of a KeyError was quoted a second time, doubling the escape's backslash."""
    from cluster_criteria.cli import main

    assert main(["evaluate", _EXAMPLE_FILE, "--as-of", "2025-04-15", "--rules", "6.1,9.9\u202e", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("unknown rule '9.9\\u202e'; known rules: 6.1, 6.2") and "\u202e" not in err


@pytest.mark.parametrize(
    ("text", "korean"),
    [
        (b'{"a": NaN}', "(입력 전체): NaN은(는) JSON에서 허용하는 숫자가 아님"),
        (b"[" * 100_000 + b"]" * 100_000, "(입력 전체): 중첩이 너무 깊음"),
        (b'{"a": ', "1행 7열: JSON 형식 오류: Expecting value"),
    ],
    ids=["nan", "deep", "syntax"],
)
def test_json_reader_errors_read_in_korean(text: bytes, korean: str) -> None:
    """Reproducer: the reader's own words (NaN is not a number JSON allows, nested too deeply, line 1 column 7)
    were English in every language; the parser's own reason (Expecting value) may stay so."""
    from cluster_criteria import ApplicationError

    with pytest.raises(ApplicationError) as caught:
        load_application(text)
    assert caught.value.render("ko") == korean
    if text == b'{"a": ':
        assert caught.value.problems[0].path == "line 1 column 7"  # programs read the place as before


def test_the_batch_summary_names_outcomes_in_the_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Reproducer: the end summary printed the outcome keys (eligible, invalid_input) in Chinese and Korean."""
    from cluster_criteria.cli import main

    source = tmp_path / "in.jsonl"
    source.write_text((ROOT / "examples" / "applications.jsonl").read_text(encoding="utf-8") + "{}\n", "utf-8")
    summary = tmp_path / "summary.json"
    argv = ["evaluate-many", str(source), "--as-of", "2025-04-15", "--output", str(tmp_path / "out.jsonl")]
    main([*argv, "--summary", str(summary), "--lang", "ko"])
    err = capsys.readouterr().err
    assert "기본 요건 충족 1" in err and "입력 오류 1" in err
    assert english_words(err) == [], err
    assert set(json.loads(summary.read_text(encoding="utf-8"))["outcomes"]) == {
        "eligible",
        "ineligible",
        "undecided",
        "invalid_input",
        "evaluation_failed",
    }


def test_problems_keep_chinese_and_english_as_before() -> None:
    from cluster_criteria import ApplicationError

    with pytest.raises(ApplicationError) as caught:
        load_application(b'{"a": 1, "a": 2}')
    problem = caught.value.problems[0]
    assert problem.message_en == "the field is given twice (1 and 2); which one counts is ambiguous"
    assert problem.message_zh == "同一字段出现两次（1 与 2），无法确定以哪个为准"
    assert problem.message("ko") == "같은 항목이 두 번 나옴(1, 2); 어느 값을 따를지 정할 수 없음"


# -- monitoring reports in Korean ----------------------------------------------------------------------------------


def test_korean_monitoring_reports_hold_no_english_words() -> None:
    """The examples' records and the test records that reach every branch of Art. 14, on each date, in Korean."""
    sys.path.insert(0, str(Path(__file__).parent))
    import test_procedure_chinese_output as procedure
    from cluster_criteria.procedure import load_record, monitor, render_monitoring_text

    records = [load_record(path.read_bytes()) for path in procedure.EXAMPLES]
    records += [procedure.record(**fields) for fields in procedure._TEST_RECORDS.values()]
    joined = []
    for built in records:
        for day in procedure.DATES:
            text = render_monitoring_text(monitor(built, day), "ko")
            assert procedure.english_words(text) == [], text
            joined.append(text)
    every = "\n".join(joined)
    for words in ("해당 사유 없음", "해당 사유 있음", "인공 심사 필요", "자료 미비", "취소 사유가 있어 인정을 취소해야 함"):
        assert words in every, words


# -- explain pages and the rule list in Korean ---------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "7.1", "7.2", "7.3", "7.4"])
def test_a_korean_explain_page_has_no_english_words(rule_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    from cluster_criteria.cli import main

    assert main(["explain", rule_id, "--lang", "ko", "--as-of", "2025-04-15"]) == 0
    out = capsys.readouterr().out
    body = out.split("\n", 1)[1]  # the first line names the rule's function, an id
    assert "조문 참고 번역" in body
    assert _korean_english_words(body) == [], body


def test_the_korean_rule_list_has_no_english_words(capsys: pytest.CaptureFixture[str]) -> None:
    from cluster_criteria.cli import main

    assert main(["rules", "--lang", "ko", "--as-of", "2025-04-15"]) == 0
    listing = capsys.readouterr().out
    assert "제6조 제1호" in listing
    # the hint at the end names a command to type
    assert _korean_english_words(listing.replace("cluster-criteria explain RULE_ID", "")) == [], listing
    assert main(["rules", "--rule-sets", "--lang", "ko"]) == 0
    assert _korean_english_words(capsys.readouterr().out) == []


# -- the service in Korean -----------------------------------------------------------------------------------------


def test_the_service_answers_in_korean() -> None:
    """A real socket: ``lang=ko`` gives the Korean HTML page and Korean problems."""
    httpx = pytest.importorskip("httpx")
    pytest.importorskip("fastapi")
    sys.path.insert(0, str(Path(__file__).parent))
    from service_support import served_in_thread

    wangqing = (ROOT / "examples" / "ineligible-wangqing-edible-fungi.json").read_bytes()
    with served_in_thread() as base, httpx.Client(base_url=base, timeout=30) as client:
        params = {"as_of": "2025-04-15", "lang": "ko", "format": "html"}
        headers = {"Content-Type": "application/json"}
        answer = client.post("/v1/evaluate", params=params, content=wangqing, headers=headers)
        assert answer.status_code == 200
        assert answer.text == (ROOT / "examples" / "reports" / "ineligible-wangqing-edible-fungi.ko.html").read_text(
            "utf-8"
        )
        page = client.get("/v1/rules/6.1", params={"lang": "ko"}).json()
        assert page["title"] == "주도산업 및 규모 구조" and page["clause_translation"].startswith("(1) 주도산업이")


def test_the_summary_workbook_in_korean(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from cluster_criteria.excel.summary import SummaryWorkbook
    from cluster_criteria.jsonio import report_to_data

    book = SummaryWorkbook("ko")
    report = evaluate(load_application(EXAMPLES[-1].read_bytes()), dt.date(2025, 4, 15))
    book.add(report_to_data(report))
    missing = {"path": "cluster", "code": "missing", "message_zh": "缺少必填字段", "message_en": "Field required"}
    book.add({"line": 2, "error": "invalid_input", "problems": [missing]})
    worded = {"path": "x", "code": "cc_negative", "message_zh": "不能为负数（实际为 -1）", "message_en": "negative"}
    book.add({"line": 3, "error": "invalid_input", "problems": [worded]})
    book.save(tmp_path / "summary.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "summary.xlsx")["요약표"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["행 번호", "클러스터 명칭", "결론", "결정 조항"]
    assert rows[1][2] == "기본 요건 미충족"
    assert rows[2][-1] == "cluster: 필수 항목 누락"
    assert rows[3][-1] == "x: negative"  # a message with values the record does not keep: its English


# -- the catalogue machinery in process ----------------------------------------------------------------------------


def test_a_catalogue_folder_in_the_environment_is_read_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cluster_criteria.explain.locale import lang_of
    from cluster_criteria.i18n import data_text, has_message, localise

    messages = tmp_path / "de" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / f"{DOMAIN}.po").write_text(
        _TINY_PO + '\nmsgctxt "rule-set"\nmsgid "优质企业"\nmsgstr "Qualitätsunternehmen"\n', encoding="utf-8"
    )
    (tmp_path / "notes.txt").write_text("not a language", encoding="utf-8")  # a stray file is no language
    (tmp_path / "zh" / "LC_MESSAGES").mkdir(parents=True)  # an empty folder of a known language adds nothing
    (tmp_path / "zh" / "LC_MESSAGES" / f"{DOMAIN}.po").write_text(_TINY_PO, encoding="utf-8")
    missing = tmp_path / "nowhere"
    monkeypatch.setenv("CLUSTER_CRITERIA_LOCALES", os.pathsep.join([str(missing), str(tmp_path)]))
    assert available_languages() == ("zh", "en", "ko", "de")
    assert lang_of("de-AT") == "de"
    assert translate("status.fail", "de") == "nicht erfüllt"
    assert translate("status.pass", "de") == "met"  # not in the tiny catalogue: English
    assert has_message("status.fail", "de") and not has_message("status.pass", "de")
    assert localise("优质企业", "Quality enterprises", "de") == "Qualitätsunternehmen"
    assert localise("产业链协作", "Industrial chain collaboration", "de") == "Industrial chain collaboration"
    assert data_text("优质企业", "xx") is None  # no catalogue at all
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        lang_of("xx")
    with pytest.raises(KeyError, match=r"no message 'nothing\.here'"):
        translate("nothing.here", "de")


def test_a_problem_whose_message_lacks_its_values_keeps_its_text() -> None:
    from cluster_criteria.errors import InputProblem

    kept = InputProblem("x", "不能为负数（实际为 -1）", "must not be negative (-1)", "cc_negative", "problem.cc_negative")
    assert kept.message("ko") == "must not be negative (-1)"
    assert kept.render("zh") == "x: 不能为负数（实际为 -1）"
    assert InputProblem("", "无", "none").render("ko") == "(입력 전체): none"


# -- the command line's help ---------------------------------------------------------------------------------------

# What help texts name as it is typed or spelt everywhere: formats, file kinds, extras, HTTP words and example values.
_TYPED = {
    "json", "text", "md", "html", "xlsx", "Markdown", "JSON", "Lines", "TOML", "Schema", "OpenAPI", "CORS", "HTTP",
    "Authorization", "Bearer", "TOKEN", "PATH", "ORIGIN", "LINE", "N", "BASE", "REFORM", "FILE", "null", "server",
    "excel", "explanation", "https", "comment", "geometric", "full", "brief", "line", "error", "problems", "n",
    "zh", "en", "ko", "CPU",
}


def test_the_english_catalogue_repeats_the_help_the_code_writes() -> None:
    from cluster_criteria.cli import build_parser
    from cluster_criteria.cli.help_text import help_texts

    texts = help_texts(build_parser())
    assert len(texts) > 80
    assert {i: translate(i, "en") for i in texts} == texts
    catalogue = {i for i in _messages("en") if i.startswith("help.") and not i.startswith("help.argparse.")}
    assert catalogue == set(texts)


@pytest.mark.parametrize("lang", ["zh", "ko"])
def test_the_help_of_every_command_is_translated(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cluster_criteria.cli import COMMAND_MODULES, main

    monkeypatch.setenv("COLUMNS", "400")  # argparse wraps at hyphens too; one line per text keeps commands whole
    commands = ["evaluate-many" if name == "evaluate_many" else name for name in COMMAND_MODULES]
    for argv in ([], *([name] for name in commands)):
        with pytest.raises(SystemExit) as done:
            main([*argv, "--help", "--lang", lang])
        assert done.value.code == 0
        page = capsys.readouterr().out
        assert page.startswith(translate("help.argparse.usage", lang))
        # the usage block and the column of options and names are syntax; the texts beside and under them are the help
        texts = []
        for line in page.split("\n\n", 1)[1].splitlines():
            if line.startswith("  ") and not line.startswith(" " * 6):
                parts = re.split(r"\s{2,}", line.strip(), maxsplit=1)
                texts.append(parts[1] if len(parts) == 2 else "")
            else:
                texts.append(line)
        body = "\n".join(texts)
        typed = _TYPED | {"COMMAND", *(word for name in commands for word in name.split("-"))}
        words = [w for w in _korean_english_words(body) if w not in typed]
        assert words == [], (argv, words, page)
