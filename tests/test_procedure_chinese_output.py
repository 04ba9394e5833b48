"""Chinese procedure output is Chinese: monitoring reports, readings and labels carry no English words outside ids,
field names, units and codes; and Art. 14's statuses say whether the situation is present, so they cannot be read
backwards."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from cluster_criteria.divisions import DivisionLevel
from cluster_criteria.procedure import (
    Action,
    ChangeKind,
    DesignatedClusterRecord,
    FindingKind,
    ReportState,
    Role,
    Stage,
    ValidityState,
    load_record,
    monitor,
    render_monitoring_text,
)
from cluster_criteria.ruleset.procedure_params import PROCEDURE_READINGS
from procedure_support import ZONE_CLUSTER, record, zone_history

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "records").glob("*.json"))
DATES = [dt.date(2024, 6, 1), dt.date(2024, 7, 1), dt.date(2025, 6, 30), dt.date(2026, 4, 15), dt.date(2027, 7, 15), dt.date(2028, 1, 10)]

# A run of Latin letters, with the id punctuation that may join it (records.absent_vs_empty, incidents[0].severity).
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[.\[\]=/-]+[A-Za-z0-9_]*)*")
# Field names of the record are ids as well, even without punctuation ("未提供 findings 记录").
_FIELD_NAMES = frozenset(DesignatedClusterRecord.model_fields)


def english_words(text: str) -> list[str]:
    """Latin words that are not ids (with . _ [ ] = / or a digit), record field names or codes."""
    words = []
    for token in _TOKEN.findall(text):
        if any(c in token for c in "._[]=/") or any(c.isdigit() for c in token) or token in _FIELD_NAMES:
            continue
        words.append(token)
    return words


def test_the_detector_finds_english_and_lets_ids_through() -> None:
    """It must be able to fail: "（derived）" is a leak, ``incidents[0].severity`` and ``findings`` are ids."""
    assert english_words("等级：较大（derived）；stated ordinary") == ["derived", "stated", "ordinary"]
    assert english_words("缺 incidents[0].severity、findings；口径 changes.next_due_date；代码 C13") == []


# Records that reach every branch of every ground: each kind of finding, change, incident and review, and lists left
# out (insufficient data).
_TEST_RECORDS: dict[str, dict[str, Any]] = {
    "clean": {"annual_reports": [{"year": 2024, "filed_on": "2025-03-20"}]},
    "not_supplied": {
        "annual_reports": None,
        "monitoring_refusals": None,
        "findings": None,
        "changes": None,
        "incidents": None,
        "violations": None,
    },
    "findings": {
        "findings": [
            {"kind": "false_application", "date": "2024-06-20"},
            {"kind": "false_application", "conduct_date": "2024-04-20", "date": "2025-05-01"},
            {"kind": "violation", "date": "2025-05-01"},
            {"kind": "violation", "conduct_date": "2024-01-01", "date": "2025-05-01"},
            {"kind": "violation", "conduct_date": "2025-01-01", "date": "2025-05-01"},
        ]
    },
    "changes": {
        "changes": [
            {"kind": "leading_industry", "date": "2025-01-15", "filed_on": "2026-03-25"},
            {"kind": "spatial_scope", "date": "2025-03-20", "filed_on": "2025-04-10"},
            {"kind": "operating_body", "date": "2025-05-01"},
            {"kind": "other_major", "date": "2024-08-01"},
        ]
    },
    "incidents": {
        "incidents": [
            {"kind": "safety", "date": "2025-01-20", "severity": "ordinary", "deaths": 3},
            {"kind": "safety", "date": "2025-02-20", "severity": "larger", "deaths": 1, "serious_injuries": 0,
             "direct_loss": "10万元"},
            {"kind": "safety", "date": "2025-03-20", "deaths": 2, "serious_injuries": 1, "direct_loss": "80万元"},
            {"kind": "safety", "date": "2025-04-20"},
            {"kind": "quality", "date": "2025-05-20", "severity": "ordinary"},
            {"kind": "data_security", "date": "2025-05-21", "severity": "major"},
        ],
        "violations": [{"kind": "serious_dishonesty", "date": "2025-02-01"}],
        "monitoring_refusals": [{"date": "2025-02-01"}],
    },
    "review_failed": {"reviews": [{"requested_on": "2027-07-01", "decided_on": "2027-09-01", "passed": False}]},
    "review_passed": {"reviews": [{"requested_on": "2027-06-01", "decided_on": "2027-07-10", "passed": True}]},
    "review_pending": {"reviews": [{"requested_on": "2027-07-01"}], "review_request_deadline": "2027-07-31"},
    "no_review": {"review_request_deadline": "2027-07-31"},
    "zone_county_to_confirm": {"cluster": ZONE_CLUSTER, "history": zone_history("220104")},
    "zone_department_to_confirm": {"cluster": ZONE_CLUSTER, "history": zone_history("220171")},
}


def _reports() -> list[tuple[str, str]]:
    out = []
    for path in EXAMPLES:
        loaded = load_record(path.read_bytes())
        out += [(f"{path.stem}@{day}", render_monitoring_text(monitor(loaded, day), "zh")) for day in DATES]
    for name, fields in _TEST_RECORDS.items():
        built = record(**fields)
        out += [(f"{name}@{day}", render_monitoring_text(monitor(built, day), "zh")) for day in DATES]
    return out


REPORTS = _reports()


@pytest.mark.parametrize(("name", "text"), REPORTS, ids=[name for name, _ in REPORTS])
def test_every_chinese_monitoring_report_has_no_english_words(name: str, text: str) -> None:
    """Examples and test records on five dates, rendered in Chinese."""
    assert english_words(text) == [], name


def test_the_test_records_reach_every_status_of_a_ground() -> None:
    """The sweep above is only worth its name if the renders show every status word and outcome."""
    joined = "\n".join(text for _, text in REPORTS)
    for words in ("不存在该情形", "存在该情形", "待人工判断", "数据不足", "不适用"):
        assert f": {words}" in joined, words
    for outcome in ("不存在撤销情形", "存在撤销情形，应撤销认定", "尚不能确定"):
        assert outcome in joined, outcome


def test_ground_statuses_say_whether_the_situation_is_present_in_both_languages() -> None:
    """A met ground reads 存在该情形 / situation present; one not met reads 不存在该情形 / situation not present."""
    late = record(annual_reports=[{"year": 2024, "filed_on": "2025-04-01"}])
    report = monitor(late, dt.date(2025, 6, 30))
    zh, en = render_monitoring_text(report, "zh"), render_monitoring_text(report, "en")
    assert "第十四条第（三）项 未及时报送年度信息或不配合监测: 存在该情形" in zh
    assert "第十四条第（二）项 虚假申报或违法违规: 不存在该情形" in zh
    assert "- 存在该情形: 2024年度情况报送（截止 2025-03-31） — 逾期报送（逾期1天）" in zh
    assert "Yearly report not filed in time, or monitoring refused: situation present" in en
    assert "False application or violations: situation not present" in en
    assert "结论: 存在撤销情形，应撤销认定（14.3）" in zh
    assert "- 通过" not in zh and "不通过" not in zh and "MET" not in en


def test_the_readings_applied_are_listed_with_their_chinese_titles() -> None:
    """Each reading a report names is printed with its title (适用口径), in the report's language."""
    report = monitor(record(annual_reports=[{"year": 2024, "filed_on": "2025-03-20"}]), dt.date(2025, 6, 30))
    zh = render_monitoring_text(report, "zh")
    assert "适用口径：" in zh
    for reading_id in report.readings:
        assert reading_id in zh
    assert f"reports.due_end_of_march  {PROCEDURE_READINGS['reports.due_end_of_march'].title_zh}" in zh


@pytest.mark.parametrize("reading_id", sorted(PROCEDURE_READINGS))
def test_every_procedure_reading_has_chinese_title_and_explanation(reading_id: str) -> None:
    """Title and explanation in Chinese, with no English words outside ids and codes."""
    reading = PROCEDURE_READINGS[reading_id]
    for text in (reading.title_zh, reading.explanation("zh")):
        assert re.search(r"[\u4e00-\u9fff]", text), reading_id
        assert english_words(text) == [], reading_id
    assert reading.explanation("zh") == reading.explanation_zh


_LABELLED: list[Any] = [
    *Stage,
    *Action,
    *Role,
    *ValidityState,
    *ReportState,
    *ChangeKind,
    *FindingKind,
    *DivisionLevel,
]


@pytest.mark.parametrize("member", _LABELLED, ids=[f"{type(m).__name__}.{m.value}" for m in _LABELLED])
def test_every_procedure_label_has_chinese_text(member: Any) -> None:
    """Stages, actions, roles, states and kinds all have a Chinese label without English words."""
    assert re.search(r"[\u4e00-\u9fff]", member.zh) and english_words(member.zh) == []


def test_a_reading_unknown_to_this_version_is_printed_by_its_id_alone() -> None:
    """A report read back from another version may name a reading this one does not define: its id still shows."""
    report = monitor(record(), dt.date(2025, 6, 30))
    text = render_monitoring_text(dataclasses.replace(report, readings=("future.reading",)), "zh")
    assert "  future.reading  \n" in text
