"""Reading one line of an ``evaluate-many`` output: a full report, a brief report or an error record.

Only what a comparison needs is kept — the outcome, each clause's status, the cluster's name and what the report
says about how it was made (rule set, date, readings, reform) — so a fifty-kilobyte report leaves a few hundred
bytes behind. Anything that is not such a line is refused with the file and the line named.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..errors import Phrase
from ..i18n import translate
from ..verdicts import Outcome, Status
from .result import ERROR

__all__ = ["MAX_LINE_BYTES", "CompareError", "LineRecord", "read_record"]

# The longest line read: a full report of an application at the input size limit stays well under it.
MAX_LINE_BYTES = 32 * 1024 * 1024
# More clauses than any rule set has: a report claiming more is not a report.
MAX_CLAUSES_PER_REPORT = 100
# A reform record is a few changed values; one this large is refused rather than kept in memory.
MAX_REFORM_CHARS = 64 * 1024
_MAX_NAME_CHARS = 1000
_MAX_WORD_CHARS = 200
_RULE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,31}")
_OUTCOMES = frozenset(o.value for o in Outcome)
_STATUSES = frozenset(s.value for s in Status)



class CompareError(ValueError):
    """A line that cannot be read or paired: the file, the line (from 1) and why, in Chinese and English."""

    def __init__(self, code: str, file: str, line: int, **values: object) -> None:
        self.code = code
        self.file = file
        self.line = line
        self._values = values
        self.message_zh = self.message("zh")
        self.message_en = self.message("en")
        super().__init__(f"{self.render('zh')}\n{self.render('en')}")

    def message(self, lang: str = "zh") -> str:
        """Why the line cannot be read or paired, in ``lang`` (message ``compare_records.<code>``)."""
        # A field's reason is a message of its own, worded in the same language.
        values = {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in self._values.items()}
        return translate(f"compare_records.{self.code}", lang, **values)

    def render(self, lang: str = "zh") -> str:
        return translate("compare_records.where", lang, file=self.file, line=self.line, message=self.message(lang))


@dataclass(frozen=True, slots=True)
class LineRecord:
    """What a comparison keeps of one output line.

    ``line`` is the input line number the record states (brief reports and error records do; full reports do
    not). ``outcome`` is ``error`` for an error record, whose kind is in ``error``; ``rule_set`` is (id, version,
    Chinese name, English name). ``statuses`` pairs each clause
    with its status, in report order; ``exclusions`` names the clauses a full report marks as exclusions.
    """

    line: int | None
    outcome: str
    error: str = ""
    cluster_name: str = ""
    statuses: tuple[tuple[str, str], ...] = ()
    exclusions: frozenset[str] = frozenset()
    rule_set: tuple[str, str, str, str] = ("", "", "", "")
    assessment_date: str = ""
    options: str = ""
    reform: str | None = None


def read_record(text: str | bytes, file: str, position: int) -> LineRecord:
    """Read the line at ``position`` (from 1) of ``file``; raises :class:`CompareError` when it is no such line."""
    if len(text) > MAX_LINE_BYTES:
        raise CompareError("too_long", file, position, limit=MAX_LINE_BYTES)
    if not text.strip():
        raise CompareError("empty_line", file, position)
    from ..errors import ApplicationError
    from ..jsonio import parse_json

    # The reader evaluate uses: a key given twice, NaN or too deep a nesting is refused here as it is there.
    try:
        data = parse_json(text)
    except ApplicationError as exc:
        problem = exc.problems[0]
        reason = Phrase(problem.message_id, problem.args) if problem.message_id else Phrase.data(
            problem.message_zh, problem.message_en
        )
        raise CompareError("not_json", file, position, reason=reason) from None
    if not isinstance(data, dict):
        raise CompareError("not_object", file, position)
    return _Fields(data, file, position).record()


class _Fields:
    """Reads the fields of one parsed line, refusing the first that is not what evaluate-many writes."""

    def __init__(self, data: dict[str, Any], file: str, position: int) -> None:
        self.data = data
        self.file = file
        self.position = position

    def bad(self, field: str, reason: str, **values: object) -> CompareError:
        """The field is not what evaluate-many writes; ``reason`` names the message ``compare_records.field.*``."""
        why = Phrase.of(f"compare_records.field.{reason}", **values)
        return CompareError("bad_field", self.file, self.position, field=field, reason=why)

    def record(self) -> LineRecord:
        line = self.line_number()
        if "error" in self.data:
            return LineRecord(line=line, outcome=ERROR, error=self.word("error", self.data["error"]))
        outcome = self.data.get("outcome")
        if outcome not in _OUTCOMES:
            raise self.bad("outcome", "outcome")
        statuses, exclusions = self.verdicts()
        return LineRecord(
            line=line,
            outcome=outcome,
            cluster_name=self.text("cluster_name", self.data.get("cluster_name"), _MAX_NAME_CHARS),
            statuses=statuses,
            exclusions=exclusions,
            rule_set=self.rule_set(),
            assessment_date=self.word("assessment_date", self.data.get("assessment_date", "")),
            options=self.options(),
            reform=self.reform(),
        )

    def line_number(self) -> int | None:
        if "line" not in self.data:
            return None
        value = self.data["line"]
        if type(value) is not int or value < 1:  # bool is an int subclass; true is no line number
            raise self.bad("line", "line")
        return value

    def text(self, field: str, value: object, limit: int) -> str:
        if not isinstance(value, str) or len(value) > limit:
            raise self.bad(field, "text", limit=limit)
        return value

    def word(self, field: str, value: object) -> str:
        return self.text(field, value, _MAX_WORD_CHARS)

    def verdicts(self) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
        verdicts = self.data.get("verdicts")
        if not isinstance(verdicts, list) or len(verdicts) > MAX_CLAUSES_PER_REPORT:
            raise self.bad("verdicts", "list", limit=MAX_CLAUSES_PER_REPORT)
        statuses: dict[str, str] = {}
        exclusions = set()
        for index, verdict in enumerate(verdicts):
            field = f"verdicts[{index}]"
            if not isinstance(verdict, dict):
                raise self.bad(field, "object")
            rule_id = verdict.get("rule_id")
            if not isinstance(rule_id, str) or not _RULE_ID.fullmatch(rule_id):
                raise self.bad(f"{field}.rule_id", "rule_id")
            if rule_id in statuses:
                raise self.bad(f"{field}.rule_id", "rule_id_twice", rule_id=rule_id)
            status = verdict.get("status")
            if status not in _STATUSES:
                raise self.bad(
                    f"{field}.status",
                    "status",
                    expected=Phrase.listed([Phrase.data(s, s) for s in sorted(_STATUSES)], empty=Phrase.data("", "")),
                )
            statuses[rule_id] = status
            if verdict.get("exclusion") is True:
                exclusions.add(rule_id)
        return tuple(statuses.items()), frozenset(exclusions)

    def rule_set(self) -> tuple[str, str, str, str]:
        rule_set = self.data.get("rule_set")
        if not isinstance(rule_set, dict):
            raise self.bad("rule_set", "rule_set")
        return (
            self.word("rule_set.id", rule_set.get("id")),
            self.word("rule_set.version", rule_set.get("version")),
            self.word("rule_set.name_zh", rule_set.get("name_zh", "")),
            self.word("rule_set.name_en", rule_set.get("name_en", "")),
        )

    def options(self) -> str:
        options = self.data.get("options", {})
        if not isinstance(options, dict):
            raise self.bad("options", "object")
        return ", ".join(
            f"{self.word('options', key)}={self.word(f'options.{key}', value)}" for key, value in options.items()
        )

    def reform(self) -> str | None:
        if "reform" not in self.data or self.data["reform"] is None:
            return None
        try:
            # Numbers are read exactly (Decimal); they are written back as JSON numbers.
            text = json.dumps(
                self.data["reform"], ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=float
            )
        except RecursionError:
            text = ""
        if not text or len(text) > MAX_REFORM_CHARS:
            raise self.bad("reform", "reform", limit=MAX_REFORM_CHARS)
        return text
