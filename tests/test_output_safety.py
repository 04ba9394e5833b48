"""What the tools write cannot be forged or steered by the input: text fields, every output format, the status and
test commands."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from cluster_criteria import ApplicationError, evaluate, load_application
from cluster_criteria.cli.jobs import FORCED_CEILING, available_cpus, jobs_to_run
from cluster_criteria.procedure import load_record, monitor, monitoring_report_to_json, render_monitoring_text
from cluster_criteria.render import FORMATS, render
from cluster_criteria.safe_text import CONTINUATION, ECHO_LIMIT, flowed, json_safe, lines_of, one_line, quoted
from procedure_support import ZONE_CLUSTER, clean_record_data, zone_history

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "eligible-panshi-metal-products.json"
RECORD = ROOT / "examples" / "records" / "accident-lishu-food-processing.json"
AS_OF = dt.date(2025, 4, 15)

# Every kind of line break, a terminal escape sequence, the bidi overrides and isolates, a C1 control (CSI), DEL,
# a zero-width character and a tab, arranged to look like report lines once printed raw.
FORGERY = (
    "x\n== 第六条第（一）项 FORGED — 符合 ==\r\n  [met] FORGED check\r== Outcome: eligible FORGED\u2028"
    "  - FORGED item\u2029\x85\x0b\x0c\x1c== FORGED\n\x1b[2J\x1b[31mRED\u202eRTL\u2066ISO\u2069\x9b31mC1\x7f"
    "\u200bZW\tTAB"
)
# The fields people type, as opposed to codes, dates, amounts and choices.
TEXT_FIELDS = frozenset(
    {"name", "prefecture", "county", "management_body", "certificate", "description", "evidence", "unit", "source"}
    | {"document", "note", "reference"}
)


def _raw_unsafe(text: str) -> list[str]:
    return sorted(
        {f"U+{ord(ch):04X}" for ch in text if ch != "\n" and unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Zl", "Zp"}}
    )


def _with_text(model: Any, text: str) -> Any:
    """A copy of ``model`` (not validated again) with every free-text field set to ``text``, at any depth."""
    if isinstance(model, BaseModel):
        update = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            if name in TEXT_FIELDS and isinstance(value, str):
                update[name] = text
            elif isinstance(value, BaseModel | tuple | dict):
                update[name] = _with_text(value, text)
        return model.model_copy(update=update)
    if isinstance(model, tuple):
        return tuple(_with_text(item, text) for item in model)
    if isinstance(model, dict):
        return {key: _with_text(item, text) for key, item in model.items()}
    return model


def _application(text: str) -> Any:
    return _with_text(load_application(EXAMPLE.read_bytes()), text)


def _own_lines(rendered: str) -> list[str]:
    """The lines a plain-text report prints itself: all but the continued lines of a multi-line field."""
    return [line for line in rendered.splitlines() if not line.lstrip(" ").startswith(CONTINUATION)]


class TestEveryOutputFormat:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_plain_text_prints_the_same_report_lines_whatever_the_fields_hold(self, lang: str) -> None:
        """Newlines of every kind in every text field only add continued lines; the report's own lines are the
        same in number and kind as with plain text, and none of them carries the forged words."""
        plain = render(evaluate(_application("x"), AS_OF), "text", lang)
        hostile = render(evaluate(_application(FORGERY), AS_OF), "text", lang)
        own = _own_lines(hostile)
        assert len(own) == len(_own_lines(plain))
        assert [line[:2] for line in own] == [line[:2] for line in _own_lines(plain)]
        assert not [line for line in own if "FORGED" in line]
        assert hostile.count("FORGED") > 20  # the text is shown, on continued lines
        assert _raw_unsafe(hostile) == []
        assert "\\x1b[2J" in hostile and "\\u202e" in hostile and "\\x9b" in hostile

    @pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "text"])
    def test_markdown_html_and_json_keep_the_line_count_and_show_no_raw_control(self, fmt: str) -> None:
        """Markdown and HTML put a field on one line; JSON escapes it; neither lets a raw control through."""
        plain = render(evaluate(_application("x"), AS_OF), fmt, "zh")
        hostile = render(evaluate(_application(FORGERY), AS_OF), fmt, "zh")
        assert len(hostile.splitlines()) == len(plain.splitlines())
        assert _raw_unsafe(hostile) == []
        assert not [line for line in hostile.splitlines() if line.lstrip().startswith(("== ", "FORGED", "[met]"))]

    def test_json_gives_the_text_back_exactly(self) -> None:
        """The escapes in JSON are JSON's own: a reader gets every character of the field back."""
        data = json.loads(render(evaluate(_application(FORGERY), AS_OF), "json", "en"))
        assert data["cluster_name"] == FORGERY

    def test_a_loaded_application_refuses_what_the_renderers_would_have_to_escape(self) -> None:
        """The same text through the loader: escape sequences are refused in any field, line breaks in names."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["cluster"]["name"] = "A\nB"
        data["enterprises"][0]["name"] = "C\u2028D"
        data["qualitative"]["6.1.policy_conformity"]["evidence"] = "E\x1b[2J"
        with pytest.raises(ApplicationError) as caught:
            load_application(json.dumps(data))
        problems = {p.path: p for p in caught.value.problems}
        assert problems["cluster.name"].code == "cc_line_break"
        assert "换行" in problems["cluster.name"].message_zh and "line break" in problems["cluster.name"].message_en
        assert problems["enterprises[0].name"].code == "cc_line_break"
        assert problems["qualitative.6.1.policy_conformity.evidence"].code == "cc_control_chars"


class TestMultiLineFields:
    def test_evidence_and_descriptions_may_hold_line_breaks_and_print_indented(self) -> None:
        """A multi-line evidence is accepted and each further line is printed under its check, behind the bar."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["qualitative"]["6.1.policy_conformity"]["evidence"] = "申报书附件一\n第 3 页\u2028第 5 页"
        data["incidents"][0]["description"] = "调查报告\r\n第二行"
        text = render(evaluate(load_application(json.dumps(data)), AS_OF), "text", "zh")
        lines = text.splitlines()
        first = next(i for i, line in enumerate(lines) if "申报书附件一" in line)
        assert lines[first].startswith("  [")
        assert lines[first + 1] == f"    {CONTINUATION}第 3 页"
        assert lines[first + 2].startswith(f"    {CONTINUATION}第 5 页")


class TestStatus:
    def _record(self, text: str) -> Any:
        return _with_text(load_record(RECORD.read_bytes()), text)

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_status_text_shows_every_field_escaped_and_indented(self, lang: str) -> None:
        """The monitoring report prints the same lines of its own with hostile fields as with plain ones."""
        plain = render_monitoring_text(monitor(self._record("x"), AS_OF), lang)
        hostile = render_monitoring_text(monitor(self._record(FORGERY), AS_OF), lang)
        own = _own_lines(hostile)
        assert len(own) == len(_own_lines(plain))
        assert not [line for line in own if "FORGED" in line]
        assert _raw_unsafe(hostile) == []

    def test_status_json_escapes_what_a_terminal_would_obey(self) -> None:
        """The JSON of a monitoring report holds no raw bidi override or C1 control, and reads back the same."""
        hostile = monitoring_report_to_json(monitor(self._record(FORGERY), AS_OF))
        assert _raw_unsafe(hostile) == []
        assert json.loads(hostile)["cluster_name"] == FORGERY

    def test_status_command_escapes_a_bidi_override_and_a_c1_control(self, tmp_path: Path) -> None:
        """Reproducer: U+202E and U+009B in a record's description reach the terminal only as escapes."""
        data = json.loads(RECORD.read_text(encoding="utf-8"))
        data["cluster"]["name"] = "集群\u202e名称\x9b"
        path = tmp_path / "record.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-m", "cluster_criteria", "status", str(path), "--as-of", "2025-06-30"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
        assert "\u202e" not in run.stdout and "\x9b" not in run.stdout
        assert "集群\\u202e名称\\x9b" in run.stdout

    @pytest.mark.parametrize("zone", [False, True], ids=["county", "development-zone"])
    @pytest.mark.parametrize("lang", ["zh", "en", "ko"])
    def test_a_refused_actor_s_division_is_quoted_escaped(self, lang: str, zone: bool) -> None:
        """Reproducer: a division holding U+202E, refused as the actor of a step, reaches the message as an escape,
        both in the refusal and in the reason a zone cluster's actor is refused for."""
        if zone:
            data = clean_record_data()
            data.update(cluster=ZONE_CLUSTER, history=zone_history("2201\u202e04"))
        else:
            data = json.loads(RECORD.read_text(encoding="utf-8"))
            data["history"][1]["actor"]["division"] = "2203\u202e00"
        with pytest.raises(ApplicationError) as caught:
            load_record(json.dumps(data, ensure_ascii=False))
        text = caught.value.render(lang)
        assert "\u202e" not in text
        assert ("2201\\u202e04" if zone else "2203\\u202e00") in text


class TestTheTestCommand:
    def test_a_scenario_name_cannot_print_a_pass_line_or_steer_the_terminal(self, tmp_path: Path) -> None:
        """Reproducer: a name holding a newline and ESC is printed escaped on the scenario's own line."""
        (tmp_path / "forged.toml").write_text(
            'as_of = "2025-04-15"\n[[scenario]]\nname = "ok\\nPASS  other.toml: forged\\u001b[2J\\u202e"\n'
            'expect = { outcome = "eligible" }\n',
            encoding="utf-8",
        )
        run = _cli("test", str(tmp_path))
        assert run.returncode == 0, run.stderr
        assert run.stdout.count("PASS") == 2  # the scenario's own PASS line, and the word inside its name
        assert len(run.stdout.splitlines()) == 2
        assert "\\nPASS  other.toml: forged\\x1b[2J\\u202e" in run.stdout
        assert _raw_unsafe(run.stdout) == []

    def test_a_deeply_nested_value_is_a_failure_of_its_file_and_the_others_run(self, tmp_path: Path) -> None:
        """Reproducers: 100,000 nested arrays, a 5,000-part ``given.set`` path, 40 nested tables: each is reported
        with its reason (the file that is not TOML as unreadable, the two bad scenarios as failures), and the good
        file still passes."""
        deep = "[" * 100_000 + "]" * 100_000
        head = 'as_of = "2025-04-15"\n[[scenario]]\nname = "{name}"\nexpect = {{ outcome = "eligible" }}\n'
        (tmp_path / "a.toml").write_text(head.format(name="arrays") + f"[scenario.given]\nset = {{ x = {deep} }}\n")
        path = ".".join(["a"] * 5000)
        (tmp_path / "b.toml").write_text(head.format(name="path") + f'[scenario.given.set]\n"{path}" = 1\n')
        tables = "{ a = " * 40 + "1" + " }" * 40
        (tmp_path / "c.toml").write_text(head.format(name="tables") + f"[scenario.given]\nset = {{ x = {tables} }}\n")
        (tmp_path / "d.toml").write_text(head.format(name="good"))
        run = _cli("test", str(tmp_path))
        assert run.returncode == 3
        assert "Traceback" not in run.stderr
        assert "a.toml: not valid TOML: values are nested too deeply" in run.stderr
        assert "b.toml [path]: cannot apply 'given': given.set: a path has more than 16 parts" in run.stdout
        assert "c.toml [tables]: cannot apply 'given': a value is nested more than 32 levels deep" in run.stdout
        assert run.stdout.splitlines()[-1] == "1 passed, 2 failed, 1 file(s) could not be read"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cluster_criteria", *args], capture_output=True, text=True, timeout=120
    )


class TestTheEscapingRules:
    @given(st.text())
    def test_one_line_never_leaves_a_line_break_or_an_obeyed_character(self, text: str) -> None:
        """Whatever the text, the result is one line of characters a terminal prints as they are."""
        shown = one_line(text)
        assert len(shown.splitlines()) <= 1
        assert _raw_unsafe(shown) == [] and "\n" not in shown

    @given(st.text())
    def test_lines_of_and_flowed_show_every_printable_character(self, text: str) -> None:
        """Splitting into lines or flowing into one keeps every printable character in its order."""
        for shown in ("".join(lines_of(text)), flowed(text)):
            rest = iter(shown)
            assert all(ch in rest for ch in text if ch.isprintable())  # in order: a subsequence of what is shown
        assert all(_raw_unsafe(line) == [] and "\n" not in line for line in lines_of(text))
        assert "\n" not in flowed(text) and _raw_unsafe(flowed(text)) == []

    @given(st.recursive(st.text(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8))
    def test_json_safe_reads_back_the_same_data(self, data: Any) -> None:
        """The escapes added are JSON escapes: the data read back are equal."""
        text = json_safe(json.dumps(data, ensure_ascii=False, indent=2))
        assert json.loads(text) == data
        assert _raw_unsafe(text) == []

    def test_quoted_cuts_a_long_value_and_escapes_it(self) -> None:
        """An echoed value is at most ECHO_LIMIT characters and an ellipsis."""
        assert quoted("\x1b[2J" + "A" * 200) == "\\x1b[2J" + "A" * (ECHO_LIMIT - 4) + "…"
        assert quoted("short") == "short"
        assert one_line("\U000e0001") == "\\U000e0001"


class TestEchoedValues:
    def test_every_echoed_value_is_escaped_and_cut_short(self, tmp_path: Path) -> None:
        """Reproducer: an unknown key (one of 1 MB, under the document limit), a credit code, an unknown item id, an amount, a rate and a
        count holding ESC sequences are quoted escaped, each at most ECHO_LIMIT characters and an ellipsis."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["cluster"]["bogus\x1b[2J\u202e"] = 1
        data["cluster"]["K" * 1_000_000] = 1
        data["enterprises"][0]["credit_code"] = "\x1b[2J\x1b[31mAAAAAAAAA"
        data["qualitative"]["6.9.unknown\x1b[2J" + "Q" * 500] = {"answer": "met"}
        data["metrics"][0]["total_output"] = "12\x1b[2J亿元" + "9" * 300
        data["metrics"][0]["platform_penetration"] = "\x1b[2J%" + "9" * 300
        data["metrics"][1]["employees"] = "\x1b[2J" + "9" * 300
        path = tmp_path / "application.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for lang in ("zh", "en"):
            run = _cli("evaluate", str(path), "--as-of", "2025-04-15", "--lang", lang)
            assert run.returncode == 3
            assert _raw_unsafe(run.stderr) == []
            lines = run.stderr.splitlines()
            assert len(lines) == 8 and max(len(line) for line in lines) < 300
            assert f"cluster.{'K' * ECHO_LIMIT}…:" in run.stderr
            assert "cluster.bogus\\x1b[2J\\u202e:" in run.stderr
            assert "\\x1b[" in next(line for line in lines if line.startswith("enterprises[0].credit_code"))
            assert "6.9.unknown\\x1b[2J" in run.stderr and "Q" * 60 + "…" in run.stderr
            for field in ("metrics[0].total_output", "metrics[0].platform_penetration", "metrics[1].employees"):
                line = next(line for line in lines if line.startswith(field))
                assert "\\x1b[2J" in line and line.count("9") <= 40

    def test_a_batch_error_record_quotes_the_key_escaped_and_cut_short(self) -> None:
        """The machine payload of an error names the same escaped, shortened path as the message."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["cluster"]["\u202e" + "K" * 1000] = 1
        with pytest.raises(ApplicationError) as caught:
            load_application(json.dumps(data))
        (problem,) = caught.value.problems
        assert problem.path == "cluster.\\u202e" + "K" * (ECHO_LIMIT - 1) + "…"

    def test_a_record_quotes_its_values_escaped_too(self) -> None:
        """The monitoring record's own error types quote through the same rule."""
        data = json.loads(RECORD.read_text(encoding="utf-8"))
        data["plan_goals"] = [{"id": "g\n1", "name": "goal", "target": 1}]
        with pytest.raises(ApplicationError) as caught:
            load_record(json.dumps(data))
        (problem,) = caught.value.problems
        assert problem.path == "plan_goals[0].id" and problem.code == "cc_line_break"


BATCH = ROOT / "examples" / "applications.jsonl"
RECORD_LATE = ROOT / "examples" / "records" / "late-report-panshi-metal-products.json"


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A command line run by the shell, for redirections such as ``>&-`` and ``>> input``."""
    return subprocess.run(
        command, shell=True, cwd=cwd, capture_output=True, text=True, timeout=120, executable="/bin/sh"
    )


CLI = f"{sys.executable} -m cluster_criteria"


class TestAnOutputIsNeverAnInput:
    @pytest.fixture()
    def batch(self, tmp_path: Path) -> Path:
        path = tmp_path / "in.jsonl"
        path.write_bytes(BATCH.read_bytes())
        return path

    @pytest.mark.parametrize(
        "output",
        ["in.jsonl", "./in.jsonl", "link.jsonl", "hard.jsonl", "sub/../in.jsonl"],
    )
    @pytest.mark.parametrize("resume", [[], ["--resume-from", "2"]])
    def test_evaluate_many_refuses_to_write_over_its_input(self, batch: Path, output: str, resume: list[str]) -> None:
        """Reproducer: ``--output`` naming the input (also through a link or another spelling) is refused before
        the input is touched, with or without ``--resume-from``."""
        (batch.parent / "link.jsonl").symlink_to(batch)
        (batch.parent / "hard.jsonl").hardlink_to(batch)
        (batch.parent / "sub").mkdir()
        before = batch.read_bytes()
        run = _shell(
            f"{CLI} evaluate-many in.jsonl --as-of 2025-04-15 --output {output} {' '.join(resume)}", batch.parent
        )
        assert run.returncode == 2
        assert "same file as the input" in run.stderr or "是同一个文件" in run.stderr
        assert batch.read_bytes() == before

    def test_the_input_on_standard_input_or_standard_output_is_recognised(self, batch: Path) -> None:
        """``- < in.jsonl --output in.jsonl`` and ``in.jsonl >> in.jsonl`` are refused; the input is unchanged."""
        before = batch.read_bytes()
        for command in (
            f"{CLI} evaluate-many - --as-of 2025-04-15 --output in.jsonl < in.jsonl",
            f"{CLI} evaluate-many in.jsonl --as-of 2025-04-15 --lang en >> in.jsonl",
        ):
            run = _shell(command, batch.parent)
            assert run.returncode == 2, command
            assert batch.read_bytes() == before
        assert "standard output is redirected to the input file" in run.stderr

    def test_summary_and_report_cannot_be_one_file(self, batch: Path) -> None:
        """Two outputs on one file would overwrite each other."""
        run = _cli(
            "evaluate-many",
            str(batch),
            "--as-of",
            "2025-04-15",
            "--output",
            str(batch.parent / "o"),
            "--summary",
            str(batch.parent / "o"),
            "--lang",
            "en",
        )
        assert run.returncode == 2 and "one output would overwrite the other" in run.stderr
        assert not (batch.parent / "o").exists()

    @pytest.mark.parametrize("command", ["evaluate", "status"])
    def test_single_reports_refuse_their_input_as_output(self, tmp_path: Path, command: str) -> None:
        """``evaluate`` and ``status`` too: the input file is left as it was."""
        source = tmp_path / "in.json"
        source.write_bytes((EXAMPLE if command == "evaluate" else RECORD_LATE).read_bytes())
        before = source.read_bytes()
        run = _cli(command, str(source), "--as-of", "2025-06-30", "--output", str(source), "--lang", "en")
        assert run.returncode == 2 and "same file as the input" in run.stderr
        assert source.read_bytes() == before


class TestOutputErrors:
    @pytest.mark.parametrize(
        "command",
        [
            "status {record} --as-of 2025-06-30 --output /no/such/dir/x",
            "status {record} --as-of 2025-06-30 --output /dev/full",
            "status {record} --as-of 2025-06-30 > /dev/full",
            "status {record} --as-of 2025-06-30 >&-",
            "evaluate {app} --as-of 2025-06-30 >&-",
            "evaluate {app} --as-of 2025-06-30 --format text > /dev/full",
            "rules > /dev/full",
            "template --output /no/such/dir/t.json",
            "evaluate-many {batch} --as-of 2025-04-15 --output /dev/full",
            "evaluate-many {batch} --as-of 2025-04-15 > /dev/full",
            "evaluate-many {batch} --as-of 2025-04-15 >&-",
            "evaluate-many {batch} --as-of 2025-04-15 --output /no/such/dir/r.jsonl",
            "evaluate-many {batch} --as-of 2025-04-15 --output {tmp}/r.jsonl --summary /no/such/dir/s.json",
            "evaluate-many {batch} --as-of 2025-04-15 --output {tmp}/r.jsonl --summary {tmp}",
            "evaluate-many {batch} --as-of 2025-04-15 --output {tmp}/r.jsonl --summary /dev/full",
        ],
    )
    def test_every_command_answers_an_output_error_with_a_message_and_exit_two(
        self, tmp_path: Path, command: str
    ) -> None:
        """Reproducers: a missing folder, a full disk, a closed standard output: a message, exit 2, no traceback."""
        line = command.format(record=RECORD_LATE, app=EXAMPLE, batch=BATCH, tmp=tmp_path)
        run = _shell(f"{CLI} {line} --lang en" if "--as-of" in line else f"{CLI} {line}", tmp_path)
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr
        assert "cannot write" in run.stderr or "无法写入" in run.stderr or "standard output is closed" in run.stderr

    def test_a_summary_that_cannot_be_written_is_found_before_the_batch_runs(self, tmp_path: Path) -> None:
        """Nothing is evaluated (no report file is created) when the summary's folder does not exist."""
        run = _cli(
            "evaluate-many",
            str(BATCH),
            "--as-of",
            "2025-04-15",
            "--output",
            str(tmp_path / "r.jsonl"),
            "--summary",
            str(tmp_path / "no" / "s.json"),
        )
        assert run.returncode == 2
        assert not (tmp_path / "r.jsonl").exists()


def _children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat_line = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name may hold blanks and brackets: the fields after its closing bracket are fixed.
            if int(stat_line.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie (an exited process nobody has reaped yet)."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process parents from /proc")
class TestWorkers:
    @pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
    def test_workers_end_when_their_parent_is_killed(self, how: str) -> None:
        """Reproducer: the parent of ``evaluate-many --jobs 2`` killed (``kill -9`` or SIGTERM) while it waits for
        input; both workers are gone within a few seconds."""
        import signal
        import time

        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cluster_criteria",
                "evaluate-many",
                "-",
                "--as-of",
                "2025-04-15",
                "--jobs",
                "2",
                "--force-jobs",
                "--chunk-size",
                "1",
                "--output",
                "/dev/null",
            ],
            stdin=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert process.stdin is not None
        process.stdin.write(BATCH.read_bytes())
        process.stdin.flush()  # and left open: the parent waits for more input, its workers idle
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = [pid for pid in _children(process.pid) if _running(pid)]
        try:
            assert len(workers) >= 2
            process.send_signal(getattr(signal, how))
            process.wait(timeout=30)
            deadline = time.monotonic() + 10
            while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not [pid for pid in workers if _running(pid)]
        finally:
            process.stdin.close()
            for pid in workers:
                if _running(pid):
                    os.kill(pid, signal.SIGKILL)


class TestJobs:
    def test_more_jobs_than_cpus_are_lowered_and_said(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--jobs 1000`` on two CPUs runs two; the message says so and names ``--force-jobs``."""
        assert jobs_to_run(1000, forced=False, lang="en", cpus=2) == 2
        assert "running 2 worker process(es) (add --force-jobs" in capsys.readouterr().err
        assert jobs_to_run(2, forced=False, lang="zh", cpus=2) == 2
        assert capsys.readouterr().err == ""

    def test_forced_jobs_are_kept_up_to_the_ceiling(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Forced, the number asked is kept, but not above FORCED_CEILING times the CPUs."""
        assert jobs_to_run(5, forced=True, lang="en", cpus=2) == 5
        assert jobs_to_run(1000, forced=True, lang="zh", cpus=2) == 2 * FORCED_CEILING
        assert "即使加 --force-jobs 也过多" in capsys.readouterr().err
        assert available_cpus() >= 1

    def test_the_command_starts_no_more_workers_than_cpus(self, tmp_path: Path) -> None:
        """Reproducer: ``evaluate-many --jobs 1000`` finishes with the message and the whole output."""
        run = _cli(
            "evaluate-many",
            str(BATCH),
            "--as-of",
            "2025-04-15",
            "--jobs",
            "1000",
            "--lang",
            "en",
            "--output",
            str(tmp_path / "r.jsonl"),
        )
        assert run.returncode == 0, run.stderr
        assert f"--jobs 1000 is more than the {available_cpus()} CPU(s) available" in run.stderr
        assert len((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()) == len(
            BATCH.read_text(encoding="utf-8").splitlines()
        )


class TestWorkerLifetime:
    def test_the_watch_ends_the_process_when_the_parent_changes(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Run in this process with a parent id that is not ours: the watch calls os._exit at once."""
        from cluster_criteria import worker_lifetime

        class Exited(Exception):
            pass

        def fake_exit(code: int) -> None:
            raise Exited(code)

        monkeypatch.setattr(worker_lifetime.os, "_exit", fake_exit)
        with pytest.raises(Exited) as caught:
            worker_lifetime._watch(os.getppid() + 1, os.getpid())
        assert caught.value.args == (worker_lifetime.EXIT_ORPHANED,)

    def test_a_process_that_has_ended_does_not_exist(self) -> None:
        """A reaped child no longer exists; this process does."""
        from cluster_criteria.worker_lifetime import _exists

        child = subprocess.Popen([sys.executable, "-c", "pass"])
        child.wait()
        assert not _exists(child.pid)
        assert _exists(os.getpid())


class TestDatesAndYears:
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (0, "0"),
            (1_700_000_000, "1700000000"),
            (20230904, "20230904"),
            (1.5, "1.5"),
            (True, "true"),
            ("20230904", '"20230904"'),
            ("2023-09-04T00:00:00", '"2023-09-04T00:00:00"'),
            ("0", '"0"'),
            ("２０２３-０９-０４", '"２０２３-０９-０４"'),
            ([2023, 9, 4], "list"),
        ],
    )
    def test_a_date_must_be_written_yyyy_mm_dd(self, value: Any, shown: str) -> None:
        """Reproducer: ``"date": 0`` was read as 1970-01-01, so a 重大 accident fell outside the window; every
        spelling but YYYY-MM-DD is refused, naming the field, in both languages."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["incidents"][0].update(date=value, deaths=12)
        with pytest.raises(ApplicationError) as caught:
            load_application(json.dumps(data) if not isinstance(value, float) else data)
        (problem,) = caught.value.problems
        assert (problem.path, problem.code) == ("incidents[0].date", "cc_not_a_date")
        assert problem.message_en.endswith(f"got {shown}") and "YYYY-MM-DD" in problem.message_zh

    def test_a_real_date_and_a_python_date_are_read(self) -> None:
        """The form the documentation gives is read; from Python, a ``date`` object too, but not a datetime."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["incidents"][0]["date"] = "2023-02-28"
        assert load_application(data).incidents[0].date == dt.date(2023, 2, 28)
        data["incidents"][0]["date"] = dt.date(2023, 3, 1)
        assert load_application(data).incidents[0].date == dt.date(2023, 3, 1)
        data["incidents"][0]["date"] = dt.datetime(2023, 3, 1)
        with pytest.raises(ApplicationError):
            load_application(data)
        data["incidents"][0]["date"] = "2023-02-30"
        with pytest.raises(ApplicationError) as caught:
            load_application(data)
        assert caught.value.problems[0].path == "incidents[0].date"

    @pytest.mark.parametrize("year", ["2022", 2022.0, True, "2022.0"])
    def test_a_year_must_be_a_whole_number(self, year: Any) -> None:
        """``"2022"``, ``2022.0`` and ``true`` are refused where a year is expected."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        data["metrics"][0]["year"] = year
        with pytest.raises(ApplicationError) as caught:
            load_application(json.dumps(data))
        (problem,) = caught.value.problems
        assert (problem.path, problem.code) == ("metrics[0].year", "cc_not_a_year")

    def test_a_record_refuses_number_dates_and_text_years_too(self) -> None:
        """The monitoring record follows the same rule."""
        data = json.loads(RECORD.read_text(encoding="utf-8"))
        data["designation"]["date"] = 0
        data["annual_reports"] = [{"year": "2023", "filed_on": "2024-03-01"}]
        with pytest.raises(ApplicationError) as caught:
            load_record(json.dumps(data))
        assert {(p.path, p.code) for p in caught.value.problems} == {
            ("designation.date", "cc_not_a_date"),
            ("annual_reports[0].year", "cc_not_a_year"),
        }

    @pytest.mark.parametrize("text", ["-0", "-0.00", "-0%", "-0e3"])
    def test_minus_zero_is_zero(self, text: str) -> None:
        """``-0`` is read as zero and printed as 0, never "-0"."""
        data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
        year = data["metrics"][2]
        del year["platform_using_enterprises"], year["enterprises_total"]
        year.update(co2_intensity=text.rstrip("%"), platform_penetration=text, sme_rd_expenditure=text.rstrip("%"))
        application = load_application(json.dumps(data))
        figures = application.metrics[2]
        assert figures.co2_intensity is not None and not figures.co2_intensity.is_signed()
        assert figures.platform_penetration is not None and not figures.platform_penetration.is_signed()
        assert figures.sme_rd_expenditure is not None and not figures.sme_rd_expenditure.is_signed()
        for fmt in ("text", "json"):  # no "-0" or "-0.00" standing alone (the dates' "-04" are not numbers)
            assert not re.search(
                r"(?<![0-9A-Za-z-])-0(\.0*)?(?![0-9.E])", render(evaluate(application, AS_OF), fmt, "en")
            )

    @pytest.mark.parametrize("as_of", ["20250415", "2025-W16-2", "2025-4-15", "１２"])
    def test_the_assessment_date_on_the_command_line_is_yyyy_mm_dd(self, as_of: str) -> None:
        """``--as-of`` takes only YYYY-MM-DD: a usage error otherwise."""
        run = _cli("evaluate", str(EXAMPLE), "--as-of", as_of)
        assert run.returncode == 2 and "expected YYYY-MM-DD" in run.stderr


class TestInProcess:
    """The same safeguards called directly, where a subprocess cannot reach them (a closed or failing stream)."""

    def test_write_output_to_a_closed_standard_output_says_so(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without standard output, writing the report raises the 'closed' message, and the final flush is skipped."""
        from cluster_criteria.cli import _flush_standard_output
        from cluster_criteria.cli.common import write_output
        from cluster_criteria.cli.output_paths import OutputError

        monkeypatch.setattr(sys, "stdout", None)
        with pytest.raises(OutputError) as caught:
            write_output("text", None)
        assert caught.value.key == "stdout_closed" and "standard output is closed" in str(caught.value)
        _flush_standard_output()  # nothing to flush, nothing raised

    def test_a_failing_final_flush_is_an_output_error_and_a_broken_pipe_stays_one(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A full disk at the last flush becomes the message; a reader that went away is not an error to report."""
        import errno
        import io

        from cluster_criteria.cli import _flush_standard_output
        from cluster_criteria.cli.output_paths import OutputError

        class Failing(io.StringIO):
            def __init__(self, error: OSError) -> None:
                super().__init__()
                self.error = error

            def flush(self) -> None:
                raise self.error

        monkeypatch.setattr(sys, "stdout", Failing(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
        with pytest.raises(OutputError) as caught:
            _flush_standard_output()
        assert caught.value.message("zh") == f"无法写入文件 -：{os.strerror(errno.ENOSPC)}"
        monkeypatch.setattr(sys, "stdout", Failing(BrokenPipeError()))
        with pytest.raises(BrokenPipeError):
            _flush_standard_output()

    def test_main_turns_an_output_error_into_exit_two(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """``main`` prints the message in the command's language and returns 2."""
        from cluster_criteria.cli import main

        assert main(["rules", "--lang", "en", "--format", "json"]) == 0
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdout", None)
        assert main(["evaluate", str(EXAMPLE), "--as-of", "2025-04-15", "--lang", "en"]) == 2
        assert capsys.readouterr().err == "standard output is closed: the results have nowhere to go\n"
        assert main(["evaluate-many", str(BATCH), "--as-of", "2025-04-15"]) == 2
        assert "标准输出已关闭" in capsys.readouterr().err

    def test_the_same_file_is_found_by_inode_by_resolved_path_and_through_standard_streams(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every way two names can be one file, and the ways they are not."""
        from cluster_criteria.cli.output_paths import check_outputs, output_conflict

        source = tmp_path / "in.jsonl"
        source.write_text("{}\n")
        (tmp_path / "link").symlink_to(source)
        (tmp_path / "loop").symlink_to(tmp_path / "loop")
        assert output_conflict([str(source)], [str(tmp_path / "out")]) is None
        assert output_conflict([str(source)], [str(tmp_path / "link")]) is not None
        assert output_conflict([str(source)], [f"{tmp_path}/./in.jsonl"]) is not None
        assert output_conflict([str(tmp_path / "loop")], [str(tmp_path / "loop")]) is not None  # compared as written
        assert output_conflict([str(source)], ["-"]) is None  # "-" as an output is standard output, not a file
        with source.open("rb") as stdin:
            monkeypatch.setattr(sys, "stdin", stdin)
            assert output_conflict(["-"], [str(source)]) is not None
            assert output_conflict(["-"], [str(tmp_path / "other")]) is None
        with source.open("ab") as stdout:
            monkeypatch.setattr(sys, "stdout", stdout)
            assert output_conflict([str(source)], [None]) is not None
            assert output_conflict([str(tmp_path / "other")], [None]) is None
        check_outputs([str(source)], [str(tmp_path / "out")], written_later=[None, str(tmp_path / "s.json")])

    def test_unwritable_paths_are_found_without_writing(self, tmp_path: Path) -> None:
        """A folder in the way, a missing folder, a read-only file or folder; a writable path passes."""
        from cluster_criteria.cli.output_paths import unwritable

        assert unwritable(str(tmp_path)) is not None
        assert unwritable(str(tmp_path / "no" / "s.json")) is not None
        assert unwritable(str(tmp_path / "s.json")) is None
        existing = tmp_path / "existing.json"
        existing.write_text("")
        assert unwritable(str(existing)) is None
        if os.geteuid() != 0:  # the superuser may write anything: permissions cannot be shown to refuse it
            existing.chmod(0o444)
            assert unwritable(str(existing)) is not None
            locked = tmp_path / "locked"
            locked.mkdir(mode=0o555)
            assert unwritable(str(locked / "s.json")) is not None

    def test_a_scenario_that_cannot_be_run_is_a_failure_with_its_reason(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Whatever goes wrong while running one scenario is its failure; the run goes on."""
        from cluster_criteria.cli import main
        from cluster_criteria.testing import scenarios

        def broken(scenario: Any, rule_set: Any = None) -> Any:
            raise RecursionError("maximum recursion depth exceeded")

        (tmp_path / "a.toml").write_text(
            'as_of = "2025-04-15"\n[[scenario]]\nname = "a"\nexpect = { outcome = "eligible" }\n'
        )
        monkeypatch.setattr(scenarios, "run_scenario", broken)
        assert main(["test", str(tmp_path)]) == 1
        out = capsys.readouterr().out
        assert "FAIL  " in out and "cannot be run: RecursionError: maximum recursion depth exceeded" in out

    def test_nesting_limits_of_scenarios_in_process(self, tmp_path: Path) -> None:
        """The TOML reader's own recursion and the value depth limit, without a subprocess."""
        from cluster_criteria.testing.scenarios import MAX_NESTING, ScenarioError, load_scenarios

        head = 'as_of = "2025-04-15"\n[[scenario]]\nname = "n"\nexpect = { outcome = "eligible" }\n'
        with pytest.raises(ScenarioError, match="nested too deeply"):
            load_scenarios(
                tmp_path / "a.toml", head + "[scenario.given]\nset = { x = " + "[" * 50_000 + "]" * 50_000 + " }\n"
            )
        deep = "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)
        with pytest.raises(ScenarioError, match=f"nested more than {MAX_NESTING} levels"):
            load_scenarios(tmp_path / "b.toml", head + f"[scenario.given]\nset = {{ x = {deep} }}\n")
        with pytest.raises(ScenarioError, match="more than 16 parts"):
            load_scenarios(tmp_path / "c.toml", head + '[scenario.given]\nmissing = ["' + ".".join("a" * 20) + '"]\n')

    def test_an_astral_format_character_is_a_surrogate_pair_in_json(self) -> None:
        """U+E0001 (a tag character) is escaped as JSON's surrogate pair and read back as itself."""
        assert json_safe('"\U000e0001"') == '"\\udb40\\udc01"'
        assert json.loads(json_safe('"\U000e0001"')) == "\U000e0001"


class TestWorkerWatchInProcess:
    def test_the_watch_runs_as_a_daemon_thread(self) -> None:
        """Started in this process for its own parent, it keeps watching (this process is nobody's orphan)."""
        from cluster_criteria.worker_lifetime import exit_with_parent

        watch = exit_with_parent(os.getpid())
        assert watch.daemon and watch.is_alive()

    def test_the_watch_sleeps_between_looks_and_counts_a_foreign_process_as_existing(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A process of another user (kill answers PermissionError) exists; the watch looks again after a pause."""
        from cluster_criteria import worker_lifetime

        def denied(pid: int, sig: int) -> None:
            raise PermissionError(pid)

        monkeypatch.setattr(worker_lifetime.os, "kill", denied)
        assert worker_lifetime._exists(1)
        pauses: list[float] = []

        class Stop(Exception):
            pass

        def pause(seconds: float) -> None:
            pauses.append(seconds)
            raise Stop

        monkeypatch.setattr(worker_lifetime.time, "sleep", pause)
        with pytest.raises(Stop):
            worker_lifetime._watch(os.getppid(), os.getpid())
        assert pauses == [worker_lifetime.CHECK_EVERY_SECONDS]


class TestBatchOutputInProcess:
    def test_a_full_disk_a_missing_folder_and_two_outputs_on_one_file(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """``evaluate-many`` in this process: each output error is exit 2 with its message."""
        from cluster_criteria.cli import main

        common = [str(BATCH), "--as-of", "2025-04-15", "--lang", "en"]
        assert main(["evaluate-many", *common, "--output", "/dev/full"]) == 2
        assert "cannot write /dev/full:" in capsys.readouterr().err
        assert main(["evaluate-many", *common, "--output", str(tmp_path / "no" / "r.jsonl")]) == 2
        assert "cannot write" in capsys.readouterr().err
        same = str(tmp_path / "o.json")
        assert main(["evaluate-many", *common, "--output", same, "--summary", same]) == 2
        assert "one output would overwrite the other" in capsys.readouterr().err
        assert main(["evaluate-many", *common, "--output", str(tmp_path / "r"), "--summary", str(tmp_path)]) == 2
        assert not (tmp_path / "r").exists()

    def test_a_reader_that_goes_away_ends_the_batch_quietly(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A closed pipe (``| head``) is not an error to report: exit 0, as before."""
        import io

        from cluster_criteria.cli import main

        class ClosedPipe(io.BytesIO):
            def write(self, data: Any) -> int:
                raise BrokenPipeError

        class Stdout(io.StringIO):
            buffer = ClosedPipe()

        monkeypatch.setattr(sys, "stdout", Stdout())
        assert main(["evaluate-many", str(BATCH), "--as-of", "2025-04-15"]) == 0
