"""An interrupted batch resumes to exactly the bytes of an uninterrupted run, whatever the signal and the moment.

The randomized test draws its seed anew on each run (or takes ``BATCH_INTERRUPT_SEED``) and names it on failure.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cluster_criteria.cli import main
from cluster_criteria.cli.evaluate_many import _Stopped, _StopSignals, trim_incomplete_line

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "cluster_criteria", "evaluate-many"]
AS_OF = ["--as-of", "2025-04-15", "--lang", "en"]
TRIALS = 6
LINES = 2000  # about 50 MB of reports, written in about a second: long enough to be cut anywhere


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A few hundred lines mixing reports and error records of different lengths, and their uninterrupted output."""
    examples = (ROOT / "examples" / "applications.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [*examples, "{not json", "", '{"cluster": {"name": "x"}}']
    folder = tmp_path_factory.mktemp("batch")
    source = folder / "in.jsonl"
    source.write_text("".join(lines[index % len(lines)] + "\n" for index in range(LINES)), encoding="utf-8")
    whole = folder / "whole.jsonl"
    subprocess.run([*COMMAND, str(source), *AS_OF, "--output", str(whole)], check=False, capture_output=True)
    return source, whole.read_bytes()


def test_interrupting_at_random_moments_with_any_signal_then_resuming_gives_the_same_bytes(
    batch: tuple[Path, bytes], tmp_path: Path
) -> None:
    """SIGINT, SIGTERM, SIGHUP or SIGKILL at a random moment, one or two processes, chunks of 1 or 64 lines: resuming
    from the line the run names (or, after SIGKILL, from what the output shows) completes the same file."""
    source, expected = batch
    seed = int(os.environ.get("BATCH_INTERRUPT_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    interrupted = 0
    for trial in range(TRIALS):
        signum = rng.choice([signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
        options = ["--jobs", rng.choice(["1", "2"]), "--chunk-size", rng.choice(["1", "64"])]
        out = tmp_path / f"out-{trial}.jsonl"
        process = subprocess.Popen(
            [*COMMAND, str(source), *AS_OF, *options, "--output", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        started = time.monotonic()
        while not out.exists() and process.poll() is None and time.monotonic() - started < 60:
            time.sleep(0.01)  # the output is opened once the command line is read: the batch starts now
        time.sleep(rng.uniform(0.0, 0.8))
        try:
            if signum == signal.SIGKILL:
                os.killpg(process.pid, signum)  # killed outright, with its workers: nothing runs to say anything
            else:
                process.send_signal(signum)
            _, err = process.communicate(timeout=120)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # nothing of a failed trial outlives it
        where = f"seed {seed}, trial {trial}, {signum.name}, {' '.join(options)}"
        assert "Traceback" not in err, where
        if process.returncode in (0, 3):  # finished before the signal
            assert out.read_bytes() == expected, where
            out.unlink()
            continue
        interrupted += 1
        if signum == signal.SIGKILL:
            resume = ["--resume"]
        else:
            assert process.returncode == 128 + signum, f"{where}: exit {process.returncode}\n{err}"
            named = re.search(r"--resume-from (\d+)", err)
            assert named is not None, f"{where}: {err}"
            written = out.read_bytes()
            assert written.endswith(b"\n") or not written, where
            assert int(named.group(1)) == written.count(b"\n") + 1, where
            resume = ["--resume-from", named.group(1)]
        finish = subprocess.run(
            [*COMMAND, str(source), *AS_OF, *options, "--output", str(out), *resume], capture_output=True, check=False
        )
        # 3: the rest has invalid lines; 0: the signal came after the last line, and nothing was left
        assert finish.returncode in (0, 3), f"{where}: {finish.stderr.decode()}"
        assert out.read_bytes() == expected, where
        out.unlink()
    if not interrupted:
        pytest.skip(f"seed {seed}: every run finished before its signal")


def test_resume_after_a_kill_mid_line_removes_the_partial_line_and_completes_the_file(
    batch: tuple[Path, bytes], tmp_path: Path
) -> None:
    """An output cut inside a line (as a killed process may leave it): --resume trims it and appends the rest."""
    source, expected = batch
    for cut in (1, len(expected) // 3, len(expected) - 2):
        assert expected[cut - 1 : cut] != b"\n"
        out = tmp_path / f"cut-{cut}.jsonl"
        out.write_bytes(expected[:cut])
        finish = subprocess.run([*COMMAND, str(source), *AS_OF, "--output", str(out), "--resume"], capture_output=True)
        assert b"removed the incomplete last line" in finish.stderr
        assert out.read_bytes() == expected


def test_resume_from_a_named_line_also_removes_a_partial_line(batch: tuple[Path, bytes], tmp_path: Path) -> None:
    """--resume-from N appends after the last whole line, never to a partial one."""
    source, expected = batch
    lines = expected.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(lines[:10]) + lines[10][:25])
    subprocess.run([*COMMAND, str(source), *AS_OF, "--output", str(out), "--resume-from", "11"], capture_output=True)
    assert out.read_bytes() == expected


def test_resume_needs_an_output_file(batch: tuple[Path, bytes]) -> None:
    """--resume without --output is a usage error: there is nothing to continue."""
    source, _ = batch
    result = subprocess.run([*COMMAND, str(source), *AS_OF, "--resume"], capture_output=True)
    assert result.returncode == 2 and b"--resume needs --output" in result.stderr


def test_trim_incomplete_line(tmp_path: Path) -> None:
    """Whole lines are counted and kept; a tail without its newline is removed; a missing file holds nothing."""
    path = tmp_path / "f"
    assert trim_incomplete_line(str(path)) == (0, 0)
    path.write_bytes(b"a\nbb\nccc")
    assert trim_incomplete_line(str(path)) == (2, 3)
    assert path.read_bytes() == b"a\nbb\n"
    assert trim_incomplete_line(str(path)) == (2, 0)
    path.write_bytes(b"partial")
    assert trim_incomplete_line(str(path)) == (0, 7)
    assert path.read_bytes() == b""


def test_a_stop_signal_ends_a_wait_for_input_at_once(tmp_path: Path) -> None:
    """A batch reading a silent pipe stops on SIGTERM, with the lines it had written and where to resume; resuming
    from there completes the bytes of an uninterrupted run.

    The test waits (up to a while) for both lines to be written, so that the signal usually comes while the batch
    waits for a third; on a slow machine it may come earlier, so any ``--resume-from N`` is accepted as long as N is
    the number of whole lines written plus one, as in the randomized test above.
    """
    line = (ROOT / "examples" / "applications.jsonl").read_text(encoding="utf-8").splitlines()[0]
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n" + line + "\n", encoding="utf-8")
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*COMMAND, str(source), *AS_OF, "--output", str(whole)], check=False, capture_output=True)
    expected = whole.read_bytes()
    assert expected.count(b"\n") == 2
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [*COMMAND, "-", *AS_OF, "--output", str(out), "--chunk-size", "1"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdin is not None
        process.stdin.write(source.read_bytes())
        process.stdin.flush()
        deadline = time.monotonic() + 60
        while not out.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        # Give the two lines time to be written; how long they take does not decide the outcome.
        deadline = time.monotonic() + 10
        while out.read_bytes().count(b"\n") < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 128 + signal.SIGTERM, err
    named = re.search(rb"--resume-from (\d+)", err)
    assert named is not None, err
    written = out.read_bytes()
    assert written.endswith(b"\n") or not written
    assert int(named.group(1)) == written.count(b"\n") + 1
    assert expected.startswith(written)
    finish = subprocess.run(
        [*COMMAND, str(source), *AS_OF, "--output", str(out), "--resume-from", named.group(1).decode()],
        capture_output=True,
        check=False,
    )
    assert finish.returncode == 0, finish.stderr.decode()
    assert out.read_bytes() == expected


class _SignalOnRead(io.BytesIO):
    """Standard input that sends this process ``signum`` when line ``n + 1`` is asked for, as a terminal would."""

    def __init__(self, data: bytes, n: int, signum: int) -> None:
        super().__init__(data)
        self.left, self.signum = n, signum

    def readline(self, size: int | None = -1) -> bytes:
        if self.left == 0:
            os.kill(os.getpid(), self.signum)
        self.left -= 1
        return super().readline(size)


class TestInProcess:
    def _lines(self) -> bytes:
        return (ROOT / "examples" / "applications.jsonl").read_bytes()

    def test_a_signal_while_waiting_for_input_stops_with_its_exit_status(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """SIGTERM at the third read: two whole lines, exit 143, --resume-from 3, handlers restored afterwards."""
        before = signal.getsignal(signal.SIGTERM)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(_SignalOnRead(self._lines(), 2, signal.SIGTERM)))
        out = tmp_path / "out.jsonl"
        status = main(["evaluate-many", "-", *AS_OF, "--output", str(out), "--chunk-size", "1"])
        assert status == 128 + signal.SIGTERM
        assert out.read_bytes().count(b"\n") == 2 and out.read_bytes().endswith(b"\n")
        assert "--resume-from 3" in capsys.readouterr().err
        assert signal.getsignal(signal.SIGTERM) is before

    def test_resume_trims_counts_and_says_so(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--resume on an output with one whole line and part of another continues with line 2."""
        source = tmp_path / "in.jsonl"
        source.write_bytes(self._lines())
        whole = tmp_path / "whole.jsonl"
        main(["evaluate-many", str(source), *AS_OF, "--output", str(whole)])
        expected = whole.read_bytes()
        out = tmp_path / "out.jsonl"
        first_line = expected.split(b"\n")[0] + b"\n"
        out.write_bytes(first_line + b'{"cluster_name":')
        main(["evaluate-many", str(source), *AS_OF, "--output", str(out), "--resume"])
        err = capsys.readouterr().err
        assert "removed the incomplete last line (16 bytes)" in err
        assert "the output holds 1 whole line(s); continuing with line 2" in err
        assert out.read_bytes() == expected

    def test_an_output_that_cannot_be_checked_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--resume-from into a directory: the output cannot be opened to trim it; exit 2 naming it, like every
        output that cannot be written."""
        source = tmp_path / "in.jsonl"
        source.write_bytes(self._lines())
        status = main(["evaluate-many", str(source), *AS_OF, "--output", str(tmp_path), "--resume-from", "2"])
        assert status == 2
        assert f"cannot write {tmp_path}" in capsys.readouterr().err

    def test_resume_without_output_is_a_usage_error_in_process(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The same refusal as on the command line, exit 2."""
        assert main(["evaluate-many", "-", *AS_OF, "--resume"]) == 2
        assert "--resume needs --output" in capsys.readouterr().err


class TestStopSignals:
    def test_a_signal_outside_an_input_wait_is_noted_and_acted_on_at_the_next_line(self) -> None:
        """The handler raises nothing outside a wait for input; check() then stops, and later signals are ignored."""
        guard = _StopSignals()
        guard._handle(signal.SIGHUP, None)
        assert guard.signum == signal.SIGHUP
        with pytest.raises(_Stopped) as caught:
            guard.check()
        assert caught.value.signum == signal.SIGHUP and guard.stopping
        guard._handle(signal.SIGINT, None)
        assert guard.signum == signal.SIGHUP

    def test_a_signal_during_an_input_wait_raises_at_once(self) -> None:
        """Inside input_wait the handler raises; entering one after a signal raises too."""
        guard = _StopSignals()
        with pytest.raises(_Stopped), guard.input_wait():
            guard._handle(signal.SIGINT, None)
        assert not guard.waiting_for_input
        late = _StopSignals()
        late._handle(signal.SIGTERM, None)
        with pytest.raises(_Stopped), late.input_wait():
            pass

    def test_outside_the_main_thread_nothing_is_installed(self) -> None:
        """Python runs handlers only in the main thread, so elsewhere the guard leaves them alone."""
        import threading

        seen: list[dict[int, object]] = []

        def enter() -> None:
            with _StopSignals() as guard:
                seen.append(guard.previous)

        thread = threading.Thread(target=enter)
        thread.start()
        thread.join()
        assert seen == [{}]

    def test_a_guard_held_to_the_end_of_the_process_ignores_signals_after_it_closes(self) -> None:
        """As the process's own command the guard is not lifted: a signal once the run is over changes nothing."""
        before = {signum: signal.getsignal(signum) for signum in _StopSignals.SIGNALS}
        try:
            with _StopSignals(hold_to_the_end=True) as guard:
                pass
            assert {signal.getsignal(signum) for signum in _StopSignals.SIGNALS} == {signal.SIG_IGN}
            os.kill(os.getpid(), signal.SIGHUP)  # would end this very test run, were it not ignored
            time.sleep(0.01)
            assert guard.signum is None
        finally:
            for signum, handler in before.items():
                signal.signal(signum, handler)

    def test_the_process_entry_holds_the_guard_and_main_alone_does_not(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """``run()`` (console script, ``python -m``) tells the command that the process ends with it."""
        from cluster_criteria import cli

        seen: list[bool] = []
        parser = cli.build_parser()

        class _Parser:
            def parse_args(self, argv: object) -> argparse.Namespace:
                args = parser.parse_args(["rules"])
                args.handler = lambda args: seen.append(args.ending_process) or 0
                return args

        monkeypatch.setattr(cli, "build_parser", lambda lang=None: _Parser())
        assert main([]) == 0
        with pytest.raises(SystemExit) as stopped:
            cli.run()
        assert stopped.value.code == 0
        assert seen == [False, True]

    def test_after_the_flush_signals_take_their_default_action_until_the_guard_closes(self) -> None:
        """yield_to_default sets SIG_DFL; leaving the guard restores the handlers it found."""
        before = signal.getsignal(signal.SIGHUP)
        with _StopSignals() as guard:
            assert signal.getsignal(signal.SIGHUP) == guard._handle
            guard.yield_to_default()
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL
        assert signal.getsignal(signal.SIGHUP) is before
