"""Many applications at once: streamed through the rules in input order, on one process or several.

    >>> for result in evaluate_many(open("applications.jsonl", "rb"), datetime.date(2025, 4, 15), jobs=2):
    ...     print(result.line, result.outcome, result.failing)

Input is read lazily and at most a few chunks per process are in flight, so memory stays flat however long the
input is. A bad item does not stop the batch: its result carries the problems instead of a report.
With ``jobs > 1`` the work runs in child processes; on platforms that spawn them, call it from under
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .brief import brief_to_json_line
from .context import EvaluationContext, GrowthMethod, SharingRule
from .errors import ApplicationError, InputProblem
from .evaluation import evaluate, evaluation_context
from .jsonio import application_from_data, parse_json, report_to_data, report_to_json_line
from .limits import MAX_DOCUMENT_BYTES
from .reading import too_large
from .rules import select
from .ruleset.parameters import RuleSet
from .ruleset.reform import Reform
from .verdicts import Report, Status
from .worker_lifetime import exit_with_parent

__all__ = [
    "BatchResult",
    "BatchSummary",
    "LineResult",
    "evaluate_lines",
    "evaluate_many",
]

Item = str | bytes | dict[str, Any]
_R = TypeVar("_R")

INVALID_INPUT = "invalid_input"
EVALUATION_FAILED = "evaluation_failed"
# Lines per task sent to a worker process: large enough to amortise the round trip, small enough to keep order.
DEFAULT_CHUNK_SIZE = 64
# Tasks queued per worker process beyond the one it is running; bounds the memory held in flight.
_AHEAD_PER_JOB = 3


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One item's result: its report, or the problems that kept it from being evaluated."""

    line: int
    report: Report | None = None
    problems: tuple[InputProblem, ...] = ()
    error: str = ""

    @property
    def outcome(self) -> str:
        """``eligible`` / ``ineligible`` / ``undecided``, or ``invalid_input`` when there is no report."""
        return self.report.outcome.value if self.report is not None else self.error

    @property
    def failing(self) -> tuple[str, ...]:
        """The ids of the clauses that fail (empty without a report)."""
        return _failing(self.report)

    def to_data(self) -> dict[str, Any]:
        """The report as JSON-ready data, or the error record ``{"line", "error", "problems"}``."""
        if self.report is not None:
            return report_to_data(self.report)
        return _error_record(self.line, self.error, self.problems)


@dataclass(frozen=True, slots=True)
class LineResult:
    """One output line, ready to write: the compact JSON of the report or of the error record (no newline)."""

    line: int
    json: bytes
    outcome: str
    failing: tuple[str, ...] = ()


@dataclass(slots=True)
class BatchSummary:
    """Counts over a batch: results by outcome, and how often each clause failed."""

    lines: int = 0
    first_line: int | None = None
    last_line: int | None = None
    outcomes: Counter[str] = field(default_factory=Counter)
    failing_clauses: Counter[str] = field(default_factory=Counter)

    def add(self, result: BatchResult | LineResult) -> None:
        self.lines += 1
        if self.first_line is None:
            self.first_line = result.line
        self.last_line = result.line
        self.outcomes[result.outcome] += 1
        self.failing_clauses.update(result.failing)

    @property
    def invalid(self) -> int:
        return self.outcomes[INVALID_INPUT] + self.outcomes[EVALUATION_FAILED]

    def to_data(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "first_line": self.first_line,
            "last_line": self.last_line,
            "outcomes": {
                name: self.outcomes[name]
                for name in ("eligible", "ineligible", "undecided", INVALID_INPUT, EVALUATION_FAILED)
            },
            "failing_clauses": {
                rule_id: self.failing_clauses[rule_id] for rule_id in sorted(self.failing_clauses, key=_legal_order)
            },
        }

    def render(self, lang: str = "zh") -> str:
        from .i18n import translate

        data = self.to_data()
        # People read the outcomes' words in their language; the keys stay in the JSON summary for programs.
        outcomes = "  ".join(f"{_outcome_word(name, lang)} {count}" for name, count in data["outcomes"].items())
        failing = "  ".join(f"{rule_id}: {count}" for rule_id, count in data["failing_clauses"].items())
        lines = [translate("batch.summary", lang, lines=self.lines, outcomes=outcomes)]
        if failing:
            lines.append(translate("batch.failing", lang, clauses=failing))
        return "\n".join(lines)


def _outcome_word(name: str, lang: str) -> str:
    from .i18n import translate

    if name in (INVALID_INPUT, EVALUATION_FAILED):  # the lines that were not evaluated, named as compare names them
        return translate(f"compare.error.{name}", lang)
    return translate(f"outcome.{name}", lang)


# What each output line of evaluate_lines holds: the whole report, or its brief form (cluster_criteria.brief).
DETAILS = ("full", "brief")


@dataclass(frozen=True, slots=True)
class _Settings:
    context: EvaluationContext
    rules: tuple[str, ...] | None
    detail: str = "full"


def _legal_order(rule_id: str) -> tuple[int, ...]:
    """6.2 before 6.10 before 7.1: rule ids sort by article and clause."""
    return tuple(int(part) if part.isdigit() else 0 for part in rule_id.split("."))


def evaluate_many(
    items: Iterable[Item],
    assessment_date: dt.date | EvaluationContext,
    *,
    jobs: int = 1,
    rules: Iterable[str] | None = None,
    growth_method: GrowthMethod | str = GrowthMethod.GEOMETRIC,
    sharing_rule: SharingRule | str = SharingRule.ALL_LISTED,
    rule_set: RuleSet | str | None = None,
    reform: Reform | None = None,
    start: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> Iterator[BatchResult]:
    """Evaluate each item (JSON text, bytes or parsed data) in order; yields one :class:`BatchResult` per item.

    Items are numbered from ``start`` (a line number when they come from a file). The date, ``rules`` and the
    readings are checked once, before any item: a bad date raises :class:`RuleSetNotInForceError`, an unknown rule
    id :class:`UnknownRuleError`.
    """
    settings = _settings(assessment_date, rules, growth_method, sharing_rule, rule_set, reform)
    return _ordered(_evaluate_items, settings, items, jobs=jobs, start=start, chunk_size=chunk_size)


def evaluate_lines(
    lines: Iterable[str | bytes],
    assessment_date: dt.date | EvaluationContext,
    *,
    jobs: int = 1,
    rules: Iterable[str] | None = None,
    growth_method: GrowthMethod | str = GrowthMethod.GEOMETRIC,
    sharing_rule: SharingRule | str = SharingRule.ALL_LISTED,
    rule_set: RuleSet | str | None = None,
    reform: Reform | None = None,
    start: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    detail: str = "full",
) -> Iterator[LineResult]:
    """JSON Lines in, JSON Lines out: like :func:`evaluate_many`, but each result is already its output line.

    The JSON is written where the work is done, so with ``jobs > 1`` only bytes cross between processes.
    ``detail="brief"`` writes each report's brief form (:mod:`cluster_criteria.brief`): every clause's status and
    the checks that did not pass, with the input line number — about a twentieth of the full report's size.
    """
    if detail not in DETAILS:
        raise ValueError(f"detail must be one of {', '.join(DETAILS)}, not {detail!r}")
    settings = _settings(assessment_date, rules, growth_method, sharing_rule, rule_set, reform, detail)
    return _ordered(_evaluate_texts, settings, lines, jobs=jobs, start=start, chunk_size=chunk_size)


def _settings(
    assessment_date: dt.date | EvaluationContext,
    rules: Iterable[str] | None,
    growth_method: GrowthMethod | str,
    sharing_rule: SharingRule | str,
    rule_set: RuleSet | str | None = None,
    reform: Reform | None = None,
    detail: str = "full",
) -> _Settings:
    if isinstance(assessment_date, EvaluationContext):
        context = assessment_date
    elif type(assessment_date) is dt.date:
        context = evaluation_context(
            assessment_date, GrowthMethod(growth_method), SharingRule(sharing_rule), rule_set, reform
        )
    else:  # not a plain date: the context itself says what is wrong with it
        context = EvaluationContext(assessment_date)
    chosen = None if rules is None else tuple(rules)
    select(chosen, context.rule_set)  # an unknown rule id fails here, once, rather than on every item
    return _Settings(context, chosen, detail)


def _evaluate_one(settings: _Settings, line: int, item: Item) -> BatchResult:
    try:
        if not isinstance(item, dict) and len(item) > MAX_DOCUMENT_BYTES:
            raise too_large()  # before the blank test: an over-long line of blanks is over-long, not empty
        if not isinstance(item, dict) and not item.strip():
            raise ApplicationError.single("", "空行：没有申报材料", "empty line: no application", "cc_empty_line")
        application = application_from_data(item) if isinstance(item, dict) else application_from_data(parse_json(item))
        report = evaluate(application, settings.context, rules=settings.rules)
    except ApplicationError as exc:
        return BatchResult(line, problems=exc.problems, error=INVALID_INPUT)
    except Exception as exc:  # a defect must not sink the rest of the batch; the record says what happened
        problem = InputProblem("", f"评估失败：{exc!r}"[:300], f"evaluation failed: {exc!r}"[:300], "cc_internal")
        return BatchResult(line, problems=(problem,), error=EVALUATION_FAILED)
    return BatchResult(line, report=report)


def _evaluate_items(settings: _Settings, chunk: Sequence[tuple[int, Item]]) -> list[BatchResult]:
    return [_evaluate_one(settings, line, item) for line, item in chunk]


def _evaluate_texts(settings: _Settings, chunk: Sequence[tuple[int, Item]]) -> list[LineResult]:
    results = []
    brief_form = settings.detail == "brief"
    for line, item in chunk:
        result = _evaluate_one(settings, line, item)
        if result.report is not None and brief_form:
            text = brief_to_json_line(result.report, line)
        elif result.report is not None:
            text = report_to_json_line(result.report)
        else:
            text = report_to_json_line(_error_record(line, result.error, result.problems))
        results.append(LineResult(line, text, result.outcome, result.failing))
    return results


def _error_record(line: int, error: str, problems: tuple[InputProblem, ...]) -> dict[str, Any]:
    return {"line": line, **ApplicationError(problems).as_dict(), "error": error}


def _failing(report: Report | None) -> tuple[str, ...]:
    if report is None:
        return ()
    return tuple(v.rule_id for v in report.verdicts if v.status is Status.FAIL)


# -- running in order, in chunks, on one or several processes ------------------------------------------------------

_Work = Callable[[_Settings, Sequence[tuple[int, Item]]], list[_R]]
_WORKER_SETTINGS: _Settings | None = None


def _ordered(
    work: _Work[_R], settings: _Settings, items: Iterable[Item], *, jobs: int, start: int, chunk_size: int
) -> Iterator[_R]:
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    chunks = _chunks(zip(itertools.count(start), items), chunk_size)
    if jobs == 1:
        return itertools.chain.from_iterable(work(settings, chunk) for chunk in chunks)
    return _in_processes(work, settings, chunks, jobs)


def _chunks(
    numbered: Iterator[tuple[int, Item]], size: int, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[list[tuple[int, Item]]]:
    """Chunks of ``size`` items, closed early once their text reaches ``max_bytes``: with lines near the size limit a
    full chunk would hold gigabytes, and several are in flight at once."""
    chunk: list[tuple[int, Item]] = []
    held = 0
    for line, item in numbered:
        chunk.append((line, item))
        held += 0 if isinstance(item, dict) else len(item)
        if len(chunk) >= size or held >= max_bytes:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def _in_processes(
    work: _Work[_R], settings: _Settings, chunks: Iterator[list[tuple[int, Item]]], jobs: int
) -> Iterator[_R]:
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings, os.getpid()))
    pending: deque[Future[list[_R]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_in_worker, work, chunk))
            if len(pending) > jobs * _AHEAD_PER_JOB:
                yield from pending.popleft().result()
            while pending and pending[0].done():  # hand on whatever is ready, so a slow input still flows
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # On an early stop (Ctrl-C, or the caller closing the iterator) drop the queued chunks at once.
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(settings: _Settings, creator: int) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    exit_with_parent(creator)
    # Ctrl-C reaches the whole process group; the parent decides what to keep, the workers just finish their chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_worker(work: _Work[_R], chunk: Sequence[tuple[int, Item]]) -> list[_R]:
    assert _WORKER_SETTINGS is not None
    return work(_WORKER_SETTINGS, chunk)
