"""``cluster-criteria compare`` on real files: two outputs written by ``evaluate-many`` in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cluster_criteria.cli import main
from cluster_criteria.testing import ApplicationBuilder

HOSTILE_NAME = "<script>alert(1)</script>"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _app(builder: ApplicationBuilder) -> str:
    return json.dumps(builder.data(), ensure_ascii=False)


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cluster_criteria", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """base.jsonl (full reports) and changed.jsonl (brief) from two application sets; base-2026.jsonl a year on."""
    folder = tmp_path_factory.mktemp("runs")
    failing = ApplicationBuilder().year(
        2023, total_output="19.99亿元", sme_output="12亿元", leading_industry_output="14亿元"
    )
    base_apps = [_app(ApplicationBuilder().cluster(name=HOSTILE_NAME)), _app(failing), "{not json"]
    changed_apps = [_app(failing.cluster(name=HOSTILE_NAME)), _app(ApplicationBuilder()), _app(ApplicationBuilder())]
    (folder / "base-apps.jsonl").write_text("".join(a + "\n" for a in base_apps), encoding="utf-8")
    (folder / "changed-apps.jsonl").write_text("".join(a + "\n" for a in changed_apps), encoding="utf-8")
    for source, out, extra in (
        ("base-apps.jsonl", "base.jsonl", []),
        ("changed-apps.jsonl", "changed.jsonl", ["--detail", "brief"]),
        ("base-apps.jsonl", "base-2026.jsonl", ["--as-of", "2026-04-15"]),
    ):
        as_of = [] if extra[:1] == ["--as-of"] else ["--as-of", "2025-04-15"]
        done = _cli("evaluate-many", source, *as_of, *extra, "--output", out, cwd=folder)
        assert done.returncode in (0, 3), done.stderr  # 3: the base set has a line that is not JSON
    return folder


class TestTheCommand:
    def test_text_in_chinese_by_default_lists_what_changed(self, runs: Path) -> None:
        """Line 1 (the hostile name) went from eligible to ineligible on 6.1; line 2 the other way; line 3 was an
        error and is now eligible."""
        done = _cli("compare", "base.jsonl", "changed.jsonl", cwd=runs)
        assert done.returncode == 0, done.stderr
        out = done.stdout
        assert "共 3 项申报；结论或条款结果有变化的 3 项，其中结论变化的 3 项。" in out
        assert f"第 1 行 {HOSTILE_NAME}：符合基本条件 → 不符合基本条件" in out
        assert "6.1 符合 → 不符合" in out and "6.1 不符合 → 符合" in out
        assert "第 3 行 " in out and "无法评估（输入有误） → 符合基本条件" in out
        assert "base.jsonl" in out and "changed.jsonl" in out and "jilin-2024" in out

    @pytest.mark.parametrize("fmt", ["text", "md", "json", "html"])
    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_every_format_and_language_writes_its_file(self, runs: Path, tmp_path: Path, fmt: str, lang: str) -> None:
        out = tmp_path / f"comparison.{fmt}"
        status = main(
            ["compare", str(runs / "base.jsonl"), str(runs / "changed.jsonl"), "--format", fmt, "--lang", lang,
             "--output", str(out), "--limit", "5"]
        )  # fmt: skip
        text = out.read_text(encoding="utf-8")
        assert status == 0
        if fmt == "json":
            data = json.loads(text)
            assert (data["lines"], data["changed"]) == (3, 3)
            assert [a["line"] for a in data["listed"]] == [1, 2, 3]
        elif fmt == "html":
            assert text.startswith("<!DOCTYPE html>") and f'lang="{"zh-CN" if lang == "zh" else "en"}"' in text
        else:
            assert ("两次评估结果比较" if lang == "zh" else "Comparison of two evaluation runs") in text
            assert text.startswith("# ") == (fmt == "md")

    def test_the_html_page_has_no_script_and_escapes_the_cluster_name(self, runs: Path) -> None:
        done = _cli(
            "compare", "base.jsonl", "changed.jsonl", "--format", "html", "--lang", "en", "--output", "c.html", cwd=runs
        )
        page = (runs / "c.html").read_text(encoding="utf-8")
        assert done.returncode == 0 and done.stdout == ""
        assert "<script" not in page.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<svg" in page and "<style>" in page and 'href="' not in page and 'src="' not in page

    def test_the_same_applications_a_year_later_lack_the_new_year(self, runs: Path) -> None:
        """Assessed in 2026 the figures must cover 2023–2025: the eligible application becomes undecided."""
        done = _cli("compare", "base.jsonl", "base-2026.jsonl", "--lang", "en", "--format", "json", cwd=runs)
        data = json.loads(done.stdout)
        first = data["listed"][0]
        assert (first["line"], first["outcome_before"], first["outcome_after"]) == (1, "eligible", "undecided")
        assert {c["after"] for c in first["clause_changes"]} == {"insufficient_data"}
        assert [d["value"] for d in data["reform"]["assessment_dates"]["values"]] == ["2026-04-15"]
        assert (data["max_listed"], data["truncated"]) == (1000, False)  # the default cap

    def test_a_limit_caps_the_list_and_not_the_counts(self, runs: Path) -> None:
        done = _cli("compare", "base.jsonl", "changed.jsonl", "--limit", "1", "--format", "json", cwd=runs)
        data = json.loads(done.stdout)
        assert (len(data["listed"]), data["changed"], data["truncated"], data["max_listed"]) == (1, 3, True, 1)

    def test_the_schema_command_prints_the_schema_of_the_json(self, runs: Path) -> None:
        done = _cli("schema", "compare")
        schema = json.loads(done.stdout)
        assert done.returncode == 0 and schema["title"] == "cluster-criteria comparison of two batch outputs"
        assert {"lines", "base", "reform", "transitions", "clauses", "changed", "listed"} <= set(schema["properties"])


class TestRefusals:
    def test_files_of_different_lengths_are_refused_with_exit_3_naming_the_file_and_line(self, runs: Path) -> None:
        short = runs / "short.jsonl"
        short.write_text(
            "".join((runs / "base.jsonl").read_text(encoding="utf-8").splitlines(True)[:2]), encoding="utf-8"
        )
        done = _cli("compare", "short.jsonl", "changed.jsonl", cwd=runs)
        assert done.returncode == 3 and done.stdout == ""
        assert "short.jsonl 第 2 行：文件在第 2 行结束，而 changed.jsonl 还有第 3 行" in done.stderr
        english = _cli("compare", "changed.jsonl", "short.jsonl", "--lang", "en", cwd=runs)
        assert english.returncode == 3
        assert "short.jsonl, line 2: the file ends at line 2 but changed.jsonl goes on to line 3" in english.stderr
        assert "Traceback" not in done.stderr + english.stderr

    def test_a_line_that_is_not_json_is_refused(self, runs: Path) -> None:
        lines = (runs / "changed.jsonl").read_text(encoding="utf-8").splitlines(True)
        (runs / "broken.jsonl").write_text(lines[0] + "{oops\n" + lines[2], encoding="utf-8")
        done = _cli("compare", "changed.jsonl", "broken.jsonl", "--lang", "en", cwd=runs)
        assert done.returncode == 3 and "broken.jsonl, line 2: not JSON" in done.stderr

    def test_a_duplicate_line_number_is_refused(self, runs: Path) -> None:
        lines = (runs / "changed.jsonl").read_text(encoding="utf-8").splitlines(True)
        (runs / "twice.jsonl").write_text(lines[0] + lines[1] + lines[1], encoding="utf-8")
        done = _cli("compare", "changed.jsonl", "twice.jsonl", cwd=runs)
        assert done.returncode == 3 and "twice.jsonl 第 3 行：行号 2 重复" in done.stderr

    def test_an_over_long_line_is_refused_without_reading_it_whole(
        self, runs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The command reads at most the limit plus one byte of a line before it refuses it."""
        from cluster_criteria.compare import records

        monkeypatch.setattr(records, "MAX_LINE_BYTES", 200)
        monkeypatch.setattr("cluster_criteria.compare.MAX_LINE_BYTES", 200)
        status = main(["compare", str(runs / "changed.jsonl"), str(runs / "changed.jsonl"), "--lang", "en"])
        assert status == 3 and "line 1: the line is longer than 200 bytes" in capsys.readouterr().err

    def test_a_missing_file_exits_3_and_an_unwritable_output_2(
        self, runs: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["compare", str(runs / "nowhere.jsonl"), str(runs / "changed.jsonl")]) == 3
        assert "无法读取文件" in capsys.readouterr().err
        assert main(["compare", str(runs / "changed.jsonl"), str(runs / "nowhere.jsonl"), "--lang", "en"]) == 3
        assert "cannot read" in capsys.readouterr().err
        out = str(runs / "no-such-folder" / "c.txt")
        # Output errors exit 2 in every command, as a usage problem (the input was fine).
        assert main(["compare", str(runs / "changed.jsonl"), str(runs / "changed.jsonl"), "--output", out]) == 2
        assert "无法写入文件" in capsys.readouterr().err

    def test_a_directory_given_as_a_file_exits_3(self, runs: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["compare", str(runs), str(runs / "changed.jsonl"), "--lang", "en"]) == 3
        assert "cannot read" in capsys.readouterr().err

    @pytest.mark.parametrize("limit", ["-1", "many"])
    def test_a_bad_limit_is_a_usage_error(self, runs: Path, limit: str, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as stopped:
            main(["compare", "changed.jsonl", "changed.jsonl", "--limit", limit])
        assert stopped.value.code == 2 and "expected a whole number" in capsys.readouterr().err

    def test_a_bad_option_exits_2_from_the_shell_too(self, runs: Path) -> None:
        done = _cli("compare", "changed.jsonl", "changed.jsonl", "--format", "pdf", cwd=runs)
        assert done.returncode == 2 and "invalid choice" in done.stderr


def test_a_read_error_part_way_exits_3_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fails while a file is read gives the reason and exit 3, not a traceback."""
    from cluster_criteria.cli import compare as command

    def failing(source: object, name: str) -> object:
        raise OSError(5, "Input/output error", name)
        yield b""  # a generator, like the real reader

    monkeypatch.setattr(command, "_lines", failing)
    (tmp_path / "a.jsonl").write_text("", encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.jsonl"), str(tmp_path / "a.jsonl"), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "cannot read" in err and "a.jsonl" in err and "Input/output error" in err


def test_the_worked_example_in_the_docs_is_what_the_commands_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each ```console block of docs/compare.md is run in a copy of the examples; the ```text block after it is
    exactly what its last command printed."""
    import re
    import shlex
    import shutil

    page = (EXAMPLES.parent / "docs" / "compare.md").read_text(encoding="utf-8")
    shutil.copytree(EXAMPLES, tmp_path / "examples", ignore=shutil.ignore_patterns("reports"))
    monkeypatch.chdir(tmp_path)
    printed = None
    checked = 0
    for kind, body in re.findall(r"```(\w+)\n(.*?)```", page, re.S):
        if kind == "console":
            for line in body.splitlines():
                assert line.startswith("$ cluster-criteria ")
                assert main(shlex.split(line)[2:]) == 0
                printed = capsys.readouterr().out
        elif kind == "text" and printed is not None:
            assert body == printed
            checked += 1
            printed = None
    assert checked == 3


def test_the_help_states_the_default_limit_the_library_applies(capsys: pytest.CaptureFixture[str]) -> None:
    """The parser does not import the comparison (it stays cheap to build), so its help text is checked here."""
    from cluster_criteria.cli.compare import _DEFAULT_LIMIT_TEXT
    from cluster_criteria.compare import DEFAULT_MAX_LISTED

    assert str(DEFAULT_MAX_LISTED) == _DEFAULT_LIMIT_TEXT
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert f"(default {DEFAULT_MAX_LISTED})" in " ".join(capsys.readouterr().out.split())
