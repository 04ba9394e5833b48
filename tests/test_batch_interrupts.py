"""An interrupted batch resumes to exactly the bytes of an uninterrupted run, whatever the signal and the moment.

The randomized test draws its seed anew on each run (or takes ``BATCH_INTERRUPT_SEED``) and names it on failure.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cluster_criteria.cli.evaluate_many import trim_incomplete_line

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
        assert finish.returncode == 3, f"{where}: {finish.stderr.decode()}"  # 3: the batch has invalid lines
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
    """A batch reading a silent pipe stops on SIGTERM at once, with the lines it had written and where to resume."""
    line = (ROOT / "examples" / "applications.jsonl").read_text(encoding="utf-8").splitlines()[0]
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [*COMMAND, "-", *AS_OF, "--output", str(out), "--chunk-size", "1"],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdin is not None
        process.stdin.write((line + "\n" + line + "\n").encode())
        process.stdin.flush()
        deadline = time.monotonic() + 60
        while not out.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(1.0)  # the two lines are evaluated in milliseconds; then the batch waits for a third
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 128 + signal.SIGTERM
    assert b"--resume-from 3" in err
    assert out.read_bytes().count(b"\n") == 2
