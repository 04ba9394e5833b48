"""``cluster-criteria evaluate-many``: JSON Lines in, one line out per line in, a summary, resumable."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cluster_criteria.cli import main
from cluster_criteria.testing import ApplicationBuilder

AS_OF = ["--as-of", "2025-04-15"]


def _lines() -> list[str]:
    """Eligible, failing 6.1, not JSON, blank, failing 6.2."""
    return [
        json.dumps(ApplicationBuilder().data(), ensure_ascii=False),
        json.dumps(
            ApplicationBuilder()
            .year(2023, total_output="19.99亿元", sme_output="12亿元", leading_industry_output="14亿元")
            .data(),
            ensure_ascii=False,
        ),
        "{not json",
        "",
        json.dumps(ApplicationBuilder().without_designations().data(), ensure_ascii=False),
    ]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_each_input_line_gives_one_output_line_in_the_same_order(tmp_path: Path) -> None:
    """Five lines in, five out: reports where the input was good, error records naming the line where it was not."""
    source, out = _write(tmp_path / "in.jsonl", _lines()), tmp_path / "out.jsonl"
    status = main(["evaluate-many", str(source), *AS_OF, "--output", str(out)])
    records = _read(out)
    assert [r.get("outcome", r.get("error")) for r in records] == [
        "eligible", "ineligible", "invalid_input", "invalid_input", "ineligible",
    ]  # fmt: skip
    assert (records[2]["line"], records[3]["line"]) == (3, 4)
    assert records[2]["problems"][0]["code"] == "cc_json"
    assert status == 3  # some lines could not be evaluated


def test_an_error_record_names_the_field(tmp_path: Path) -> None:
    """A negative output is reported at its field path."""
    bad = ApplicationBuilder().year(2022, total_output="-1").data()
    source, out = _write(tmp_path / "in.jsonl", [json.dumps(bad, ensure_ascii=False)]), tmp_path / "out.jsonl"
    main(["evaluate-many", str(source), *AS_OF, "--output", str(out)])
    (record,) = _read(out)
    assert record["line"] == 1 and record["error"] == "invalid_input"
    assert any(p["path"].startswith("metrics[0].total_output") for p in record["problems"])


def test_all_good_lines_exit_zero(tmp_path: Path) -> None:
    """A batch where every line is evaluated succeeds, whatever the outcomes."""
    source, out = _write(tmp_path / "in.jsonl", [_lines()[0], _lines()[1]]), tmp_path / "out.jsonl"
    assert main(["evaluate-many", str(source), *AS_OF, "--output", str(out)]) == 0


def test_two_jobs_write_exactly_what_one_job_writes(tmp_path: Path) -> None:
    """--jobs 2 with small chunks gives the same bytes as --jobs 1."""
    source = _write(tmp_path / "in.jsonl", _lines() * 4)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    main(["evaluate-many", str(source), *AS_OF, "--output", str(one)])
    main(["evaluate-many", str(source), *AS_OF, "--output", str(two), "--jobs", "2", "--chunk-size", "3"])
    assert one.read_bytes() == two.read_bytes()


def test_the_summary_counts_outcomes_and_failing_clauses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--summary writes the counts as JSON; stderr shows them too."""
    source, summary = _write(tmp_path / "in.jsonl", _lines()), tmp_path / "summary.json"
    main(
        [
            "evaluate-many",
            str(source),
            *AS_OF,
            "--output",
            str(tmp_path / "o"),
            "--summary",
            str(summary),
            "--lang",
            "en",
        ]
    )
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["outcomes"]["ineligible"] == 2 and data["outcomes"]["invalid_input"] == 2
    assert data["failing_clauses"] == {"6.1": 1, "6.2": 1}
    assert data["interrupted"] is False
    assert "failing clauses 6.1: 1  6.2: 1" in capsys.readouterr().err


def test_an_empty_input_writes_nothing_and_succeeds(tmp_path: Path) -> None:
    """No lines in: an empty output, a zero summary, exit 0."""
    source, out, summary = _write(tmp_path / "in.jsonl", []), tmp_path / "out.jsonl", tmp_path / "s.json"
    assert main(["evaluate-many", str(source), *AS_OF, "--output", str(out), "--summary", str(summary)]) == 0
    assert out.read_bytes() == b""
    assert json.loads(summary.read_text(encoding="utf-8"))["lines"] == 0


def test_resume_from_appends_the_rest_so_the_output_is_whole(tmp_path: Path) -> None:
    """Lines 1–2, then --resume-from 3, give the same file as one run over all lines."""
    lines = _lines()
    whole, parts = tmp_path / "whole.jsonl", tmp_path / "parts.jsonl"
    main(["evaluate-many", str(_write(tmp_path / "all.jsonl", lines)), *AS_OF, "--output", str(whole)])
    main(["evaluate-many", str(_write(tmp_path / "head.jsonl", lines[:2])), *AS_OF, "--output", str(parts)])
    main(["evaluate-many", str(tmp_path / "all.jsonl"), *AS_OF, "--output", str(parts), "--resume-from", "3"])
    assert parts.read_bytes() == whole.read_bytes()


def test_skip_n_starts_after_the_first_n_lines_numbering_by_input_line(tmp_path: Path) -> None:
    """--skip 2 starts at line 3, and its error record still says line 3."""
    source, out = _write(tmp_path / "in.jsonl", _lines()), tmp_path / "out.jsonl"
    main(["evaluate-many", str(source), *AS_OF, "--output", str(out), "--skip", "2"])
    records = _read(out)
    assert len(records) == 3 and records[0]["line"] == 3


def test_standard_input_and_output_work_with_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """``-`` reads standard input; without --output the lines go to standard output."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(_lines()[:2]).encode())))
    main(["evaluate-many", "-", *AS_OF])
    out = capsysbinary.readouterr().out.decode().splitlines()
    assert [json.loads(line)["outcome"] for line in out] == ["eligible", "ineligible"]


class _InterruptAfter(io.BytesIO):
    """A binary stdin that raises KeyboardInterrupt (as Ctrl-C would) when asked for line ``n + 1``."""

    def __init__(self, lines: list[str], n: int) -> None:
        super().__init__("".join(line + "\n" for line in lines).encode())
        self.left = n

    def readline(self, size: int | None = -1) -> bytes:
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return super().readline(size)


def test_an_interrupted_run_keeps_finished_lines_and_says_where_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C after two lines: both are written, the summary says so, and the message names --resume-from 3."""
    stdin = io.TextIOWrapper(_InterruptAfter(_lines(), 2))
    monkeypatch.setattr(sys, "stdin", stdin)
    out, summary = tmp_path / "out.jsonl", tmp_path / "s.json"
    status = main(["evaluate-many", "-", *AS_OF, "--output", str(out), "--summary", str(summary),
                   "--chunk-size", "1", "--lang", "en"])  # fmt: skip
    assert status == 130
    assert len(_read(out)) == 2
    assert "--resume-from 3" in capsys.readouterr().err
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["interrupted"] is True and data["resume_from"] == 3


def test_a_real_sigint_to_a_two_process_run_then_resuming_gives_the_whole_output(tmp_path: Path) -> None:
    """SIGINT mid-run leaves only whole lines; resuming where it says completes the same file as an uninterrupted run."""
    lines = [json.dumps(ApplicationBuilder().data(), ensure_ascii=False)] * 400
    source, out, whole = _write(tmp_path / "in.jsonl", lines), tmp_path / "out.jsonl", tmp_path / "whole.jsonl"
    command = [sys.executable, "-m", "cluster_criteria", "evaluate-many", str(source), *AS_OF, "--lang", "en"]
    process = subprocess.Popen([*command, "--output", str(out), "--jobs", "2", "--chunk-size", "4"],
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while (not out.exists() or out.stat().st_size == 0) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # wait for the first buffer of finished lines, then interrupt
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    if process.returncode == 0:
        pytest.skip("the run finished before the interrupt arrived")
    assert process.returncode == 130
    written = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["outcome"] == "eligible" for line in written)
    assert f"--resume-from {len(written) + 1}" in err
    subprocess.run([*command, "--output", str(out), "--resume-from", str(len(written) + 1)], check=True,
                   stderr=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([*command, "--output", str(whole)], check=True, stderr=subprocess.DEVNULL)
    assert out.read_bytes() == whole.read_bytes()


def test_an_unknown_rule_is_a_usage_error(tmp_path: Path) -> None:
    """--rules 6.9 exits 2 before reading any line."""
    source = _write(tmp_path / "in.jsonl", _lines())
    assert main(["evaluate-many", str(source), *AS_OF, "--rules", "6.9", "--output", str(tmp_path / "o")]) == 2


def test_a_date_before_the_measures_is_refused(tmp_path: Path) -> None:
    """--as-of 2024-03-14 is before the measures took effect: exit 3, nothing evaluated."""
    source = _write(tmp_path / "in.jsonl", _lines())
    assert main(["evaluate-many", str(source), "--as-of", "2024-03-14", "--output", str(tmp_path / "o")]) == 3


def test_a_missing_input_file_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unreadable input exits 3 with a message naming the file."""
    assert main(["evaluate-many", str(tmp_path / "nope.jsonl"), *AS_OF, "--lang", "en"]) == 3
    assert "nope.jsonl" in capsys.readouterr().err


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Captured stderr gets the summary but no carriage-return progress line."""
    source = _write(tmp_path / "in.jsonl", _lines()[:1])
    main(["evaluate-many", str(source), *AS_OF, "--output", str(tmp_path / "o")])
    assert "\r" not in capsys.readouterr().err


def test_a_progress_bar_is_drawn_when_stderr_is_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal the bar redraws in place (carriage returns) and ends at 100 % of the file."""
    source = _write(tmp_path / "in.jsonl", _lines()[:2])
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    main(["evaluate-many", str(source), *AS_OF, "--output", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert "\r" in err and "100.0%" in err and "2 lines" in err


def test_a_lost_worker_keeps_finished_lines_and_says_where_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """When a worker process dies, the lines already finished stay written and the message names --resume-from."""
    from concurrent.futures.process import BrokenProcessPool

    from cluster_criteria import batch

    real = batch.evaluate_lines

    def dies_after_one(*args: Any, **kwargs: Any) -> Any:
        results = real(*args, **kwargs)
        yield next(iter(results))
        raise BrokenProcessPool("a child process terminated abruptly")

    monkeypatch.setattr(batch, "evaluate_lines", dies_after_one)
    out = tmp_path / "out.jsonl"
    status = main(["evaluate-many", str(_write(tmp_path / "in.jsonl", _lines())), *AS_OF, "--output", str(out),
                   "--lang", "en"])  # fmt: skip
    assert status == 1
    assert len(_read(out)) == 1
    err = capsys.readouterr().err
    assert "worker process stopped" in err and "--resume-from 2" in err
