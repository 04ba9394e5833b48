"""Documentation and examples never rot: code in the docs runs, generated files are fresh."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
import runpy
import shlex
import shutil
from pathlib import Path

import pytest

from cluster_criteria import evaluate, load_application
from cluster_criteria.cli import EXIT_OK, main
from cluster_criteria.explain.reference import rules_reference

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.S)


def _blocks(language: str) -> list[tuple[str, str]]:
    found = []
    for page in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]:
        for lang, body in FENCE.findall(page.read_text(encoding="utf-8")):
            if lang == language:
                found.append((page.name, body))
    return found


def _commands() -> list[tuple[str, list[list[str]]]]:
    """Every documented shell block that runs cluster-criteria, as its command lines in order (a later line may
    read what an earlier one wrote)."""
    blocks = []
    for page, body in _blocks("sh"):
        lines = [shlex.split(line)[1:] for line in body.splitlines() if line.startswith("cluster-criteria ")]
        if lines:
            blocks.append((page, lines))
    return blocks


# Packages of the optional extras (server, excel, web-test): the core test extra does not install them.
_OPTIONAL_MODULES = {"fastapi", "uvicorn", "starlette", "httpx", "anyio", "h11", "openpyxl", "defusedxml", "selenium"}


@pytest.fixture
def in_a_copy(tmp_path: Path) -> Path:
    """Run from a scratch directory holding a copy of the examples, so documented --output files land there."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("reports"))
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


class TestDocs:
    def test_the_rule_reference_is_generated_from_the_registry(self) -> None:
        """docs/rules.md equals what the generator writes; regenerate it after changing a rule."""
        assert (DOCS / "rules.md").read_text(encoding="utf-8") == rules_reference(), (
            "docs/rules.md is stale: python -m cluster_criteria.explain.reference docs/rules.md"
        )

    @pytest.mark.parametrize(("page", "code"), _blocks("python"))
    def test_python_examples_in_the_docs_run(self, in_a_copy: Path, page: str, code: str) -> None:
        """Each ```python block runs without error."""
        try:
            exec(compile(code, f"{page} (python block)", "exec"), {"__name__": "docs_example"})
        except ModuleNotFoundError as exc:
            # A block about an optional part (the service, workbooks) needs that part's extra installed.
            if exc.name not in _OPTIONAL_MODULES:
                raise
            pytest.skip(f"{page}: needs the optional package {exc.name}")

    @pytest.mark.parametrize(("page", "block"), _commands())
    def test_command_lines_in_the_docs_run(
        self, in_a_copy: Path, capsys: pytest.CaptureFixture[str], page: str, block: list[list[str]]
    ) -> None:
        """Each documented cluster-criteria command runs, a block's lines in order; only the documented bad-date
        example fails, with 3."""
        if any("xlsx" in arg for argv in block for arg in argv) and importlib.util.find_spec("openpyxl") is None:
            pytest.skip(f"{page}: workbooks need the excel extra")
        for argv in block:
            status = main(argv)
            capsys.readouterr()
            expected = 3 if "2023-01-01" in argv else {EXIT_OK, 10, 11}
            assert status == expected if isinstance(expected, int) else status in expected, argv

    def test_the_worked_input_example_loads_and_gives_what_the_page_says(self) -> None:
        """The JSON example of input-format.md is valid and undecided for want of the area."""
        blocks = [body for _, body in _blocks("json") if '"cluster"' in body]
        assert blocks
        report = evaluate(load_application(blocks[0]), dt.date(2025, 4, 15))
        assert report.outcome.value == "undecided"
        assert "cluster.area_km2" in report.verdict("6.1").check("area").missing
        assert report.verdict("6.2").status.value == "pass"

    def test_the_docs_link_the_interpretation_notes(self) -> None:
        """The user guide and the rule reference point to interpretation.md."""
        for name in ("user-guide.md", "rules.md"):
            assert "(interpretation.md)" in (DOCS / name).read_text(encoding="utf-8")


class TestExamples:
    def test_the_rendered_example_reports_are_current(self) -> None:
        """Regenerating examples/reports/ changes nothing; run examples/render_reports.py after a change."""
        module = runpy.run_path(str(ROOT / "examples" / "render_reports.py"))
        files: dict[Path, str] = module["rendered"]()
        assert len(files) == 4 * 10
        stale = [p.name for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        assert stale == [], "stale reports: python examples/render_reports.py"

    def test_the_embedding_example_runs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """examples/embed.py evaluates, reads verdicts and renders."""
        runpy.run_path(str(ROOT / "examples" / "embed.py"), run_name="__main__")
        out = capsys.readouterr().out
        assert "outcome: undecided" in out and "73.18%" in out

    @pytest.mark.parametrize(
        ("name", "outcome"),
        [
            ("eligible-panshi-metal-products", "eligible"),
            ("ineligible-wangqing-edible-fungi", "ineligible"),
            ("excluded-lishu-food-processing", "ineligible"),
            ("incomplete-dunhua-ginseng", "undecided"),
        ],
    )
    def test_each_example_has_the_outcome_its_name_promises(self, name: str, outcome: str) -> None:
        """Eligible, failing on figures, excluded by Art. 7, and incomplete."""
        report = evaluate(load_application((ROOT / "examples" / f"{name}.json").read_bytes()), dt.date(2025, 4, 15))
        assert report.outcome.value == outcome
