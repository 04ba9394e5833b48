"""docs/testing.md walks a new team to four kinds of test: its snippets are those tests, run here by pytest.

The Python blocks of the page become one test module and its TOML blocks scenario files of a fresh project; a real
pytest process runs them with the installed plugin, and every test the page defines must pass.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "testing.md"
FENCE = re.compile(r"```(\w*)\n(.*?)```", re.S)


def _blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(GUIDE.read_text(encoding="utf-8")) if lang == language]


def _pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A downstream project holding the guide's tests and scenario files, and nothing else."""
    root = tmp_path_factory.mktemp("downstream")
    (root / "tests" / "scenarios").mkdir(parents=True)
    (root / "tests" / "test_from_the_guide.py").write_text("\n\n".join(_blocks("python")), encoding="utf-8")
    for number, body in enumerate(_blocks("toml"), start=1):
        (root / "tests" / "scenarios" / f"guide_{number}.toml").write_text(body, encoding="utf-8")
    (root / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n", encoding="utf-8")
    return root


def test_the_guide_starts_with_installing_the_test_extra_which_brings_pytest_and_hypothesis() -> None:
    """The first command is the install line, and the extra it names holds what the snippets import."""
    assert _blocks("")[0].strip().startswith("pip install 'cluster-criteria[test]'")
    extra = [r for r in requires("cluster-criteria") or [] if 'extra == "test"' in r]
    assert any(r.startswith("pytest") for r in extra) and any(r.startswith("hypothesis") for r in extra)


def test_the_guide_shows_a_boundary_a_window_a_property_and_a_scenario_test() -> None:
    """Each kind of test the walk-through promises is among the snippets."""
    code = "\n".join(_blocks("python"))
    assert "def test_total_output_one_fen_under_20_yi_in_2023_fails_art_6_1_alone" in code
    assert "def test_a_major_accident_on_the_first_day_of_the_window_excludes_the_cluster" in code
    assert "@given(factors)" in code
    assert any("[[scenario]]" in body for body in _blocks("toml"))


def test_every_test_of_the_guide_passes_in_a_fresh_project(project: Path) -> None:
    """All Python tests and scenarios of the page run and pass; none is skipped or left uncollected."""
    defined = sum(len(re.findall(r"^def test_", body, re.M)) for body in _blocks("python"))
    scenarios = sum(body.count("[[scenario]]") for body in _blocks("toml"))
    run = _pytest(project)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{defined + scenarios} passed" in run.stdout.splitlines()[-1], run.stdout


def test_a_scenario_of_the_guide_is_selected_by_the_words_of_its_name(project: Path) -> None:
    """``-k one_fen_under`` picks the guide's scenario by its name (and the Python test that shares the words)."""
    run = _pytest(project, "--collect-only", "-k", "one_fen_under")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Total_output_one_fen_under_20_亿元_in_2023_fails_Art._6_1" in run.stdout
    assert "Total_output_of_exactly" not in run.stdout


def test_the_guides_scenarios_pass_on_the_command_line_too(project: Path) -> None:
    """``cluster-criteria test`` runs the same files without pytest."""
    run = subprocess.run(
        [sys.executable, "-m", "cluster_criteria", "test", "tests/scenarios"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    scenarios = sum(body.count("[[scenario]]") for body in _blocks("toml"))
    assert run.stdout.splitlines()[-1] == f"{scenarios} passed, 0 failed"
