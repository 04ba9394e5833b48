"""Robustness: arbitrary and malformed input gives a clear ApplicationError, never a crash, and never takes long.

"Never takes long" is an explicit bound each test asserts on each of its examples, the pathological ones included:
:data:`PER_EXAMPLE_SECONDS` of wall-clock time, measured around the code under test. The bound is generous — the
examples take milliseconds, the worst pathological ones a fraction of a second — so that only a real slowdown or a
badly overloaded machine crosses it. Crossing it fails the test: no retry hides a slow example (Hypothesis reports
an example that is slow once and fast when replayed as a flaky failure, which is a failure too). Hypothesis's own
deadline is switched off, so the one bound is the one stated here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cluster_criteria import evaluate, load_application
from cluster_criteria.cli import main
from cluster_criteria.errors import ApplicationError
from cluster_criteria.jsonio import application_from_data, report_to_json
from cluster_criteria.testing import ApplicationBuilder
from cluster_criteria.testing import strategies as cs
from cluster_criteria.testing.scenarios import ScenarioError, load_scenarios

# The bound on one example's wall-clock time; see the module's docstring for why it is this generous.
PER_EXAMPLE_SECONDS = 2.0

WITHIN_THE_BOUND = settings(
    deadline=None,  # the bound is asserted by each test itself (within_the_bound), not by Hypothesis
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextlib.contextmanager
def within_the_bound() -> Iterator[None]:
    """Fail when the code inside takes :data:`PER_EXAMPLE_SECONDS` or longer."""
    started = time.perf_counter()
    yield
    elapsed = time.perf_counter() - started
    assert elapsed < PER_EXAMPLE_SECONDS, f"one example took {elapsed:.2f} s, the bound is {PER_EXAMPLE_SECONDS} s"


PATHOLOGICAL = [
    "1e999999999",
    "-1e999999999",
    '{"cluster": 1e999999999}',
    '{"metrics": [{"year": 2024, "total_output": 1e999999999}]}',
    '{"metrics": [{"year": 2024, "total_output": "1e999999999亿元"}]}',
    '{"metrics": [{"year": 1e999999999}]}',
    '{"metrics": [{"year": 1e-999999999}]}',
    '{"metrics": [{"year": -1e999999999}]}',
    '{"metrics": [{"year": 2024, "employees": 1e999999999}]}',
    '{"metrics": [{"year": 2024, "platform_penetration": "1e999999999%"}]}',
    '{"metrics": [{"year": 2024, "valid_invention_patents": ' + "9" * 4000 + "}]}",
    "9" * 5000,
    "0." + "0" * 100_000 + "1",
    "[" * 100_000,
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 100_000 + "1" + "}" * 100_000,
    '{"cluster": {"name": "' + "长" * 2_000_000 + '"}}',
    '"' + "x" * 5_000_000 + '"',
    '{"' + "k" * 1_000_000 + '": 1}',
    "NaN",
    '{"metrics": [{"year": 2024, "co2_intensity": NaN}]}',
    '{"metrics": [{"year": 2024, "co2_intensity": Infinity}]}',
    "\ufeff{}",
    "\x00",
    "",
]


class TestTheJsonLoader:
    @WITHIN_THE_BOUND
    @given(cs.json_texts())
    def test_any_text_gives_an_application_or_an_application_error(self, text: str) -> None:
        """Whatever the text, loading ends in an Application or an ApplicationError naming a problem."""
        with within_the_bound():
            try:
                load_application(text)
            except ApplicationError as exc:
                assert exc.problems and all(p.message_zh and p.message_en for p in exc.problems)

    @WITHIN_THE_BOUND
    @given(st.binary(max_size=300))
    def test_any_bytes_give_an_application_or_an_application_error(self, raw: bytes) -> None:
        """Bytes that are not UTF-8 are refused as such."""
        with within_the_bound(), contextlib.suppress(ApplicationError):
            load_application(raw)

    @settings(deadline=None, max_examples=len(PATHOLOGICAL), database=None)
    @given(st.sampled_from(PATHOLOGICAL))
    def test_pathological_documents_are_refused_quickly(self, text: str) -> None:
        """Huge exponents, deep nesting and very long strings end in an ApplicationError within the bound."""
        with within_the_bound(), pytest.raises(ApplicationError):
            load_application(text)

    @WITHIN_THE_BOUND
    @given(cs.malformed_application_data())
    def test_malformed_applications_give_an_application_or_an_application_error(self, data: Any) -> None:
        """A nearly right application is accepted or refused with field paths, never crashes."""
        with within_the_bound():
            try:
                application_from_data(data)
            except ApplicationError as exc:
                assert exc.problems

    @WITHIN_THE_BOUND
    @given(cs.json_values())
    def test_any_parsed_value_gives_an_application_or_an_application_error(self, value: Any) -> None:
        """Already-parsed data of any shape is validated the same way."""
        with within_the_bound(), contextlib.suppress(ApplicationError):
            application_from_data(value)

    @pytest.mark.parametrize("depth", [1_000, 100_000])
    def test_deeply_nested_python_data_is_refused(self, depth: int) -> None:
        """Nesting beyond any sensible depth is refused, not a RecursionError."""
        nested: Any = 1
        for _ in range(depth):
            nested = [nested]
        data = ApplicationBuilder().data()
        data["cluster"]["area_km2"] = nested
        with pytest.raises(ApplicationError):
            application_from_data(data)

    @pytest.mark.parametrize("year", [Decimal("1e999999999"), Decimal("-1e-999999999"), Decimal("NaN")])
    def test_a_year_with_a_huge_exponent_is_refused_as_not_a_year(self, year: Decimal) -> None:
        """Such a year once took minutes to turn into an integer; now it is refused at once with its field."""
        data = ApplicationBuilder().data()
        data["metrics"][0]["year"] = year
        with pytest.raises(ApplicationError) as caught:
            application_from_data(data)
        assert caught.value.problems[0].path == "metrics[0].year"
        assert caught.value.problems[0].code == "cc_not_a_year"
        assert "应为年份" in caught.value.problems[0].message_zh


class TestEvaluationOfExtremeButValidInput:
    @pytest.mark.parametrize(
        "figures",
        [
            {"total_output": "10000000000000000", "sme_output": "0", "leading_industry_output": "10000000000000000"},
            {"total_output": "0.000000000000000000000000000001", "sme_output": "0.000000000000000000000000000001"},
            {"sme_rd_expenditure": "0.000000000000000000000000000001"},
            {"valid_invention_patents": 10**12, "employees": 1},
            {"co2_intensity": "10000000000000000"},
        ],
    )
    def test_limits_of_the_input_types_evaluate(self, figures: dict[str, Any]) -> None:
        """Figures at the edges of what validation admits still give a report that serialises."""
        application = ApplicationBuilder().year(2022, **figures).build()
        report = evaluate(application, dt.date(2025, 4, 15))
        assert report_to_json(report)

    @WITHIN_THE_BOUND
    @given(cs.applications(later_facts=True), cs.assessment_dates(max_year=2025).filter(lambda d: d.year == 2025))
    def test_valid_applications_evaluate_and_serialise_within_the_bound(self, application: Any, day: dt.date) -> None:
        """Any valid application gives a report, and its JSON, on any day of its year."""
        with within_the_bound():
            assert report_to_json(evaluate(application, day))

    def test_growth_between_extreme_figures_is_computed(self) -> None:
        """A rise from 1e-30 to 1e16 yuan is a finite growth rate, exactly decided."""
        builder = (
            ApplicationBuilder().year(2022, sme_rd_expenditure=Decimal("1e-30")).year(2024, sme_rd_expenditure="1e16")
        )
        check = builder.evaluate(growth_method="arithmetic_mean_of_ratios").verdict("6.4").check("sme_rd_growth")
        assert check.value is not None and check.value > 10**20


def _run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


class TestTheCommandLine:
    @WITHIN_THE_BOUND
    @given(st.one_of(cs.json_texts(), cs.malformed_application_data().map(lambda d: cs._json_text(d))))
    def test_evaluate_answers_any_file_with_a_report_or_exit_code_three(self, text: str) -> None:
        """The evaluate command never raises: a report (exit 0) or a message on standard error (exit 3)."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "application.json"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            with within_the_bound():
                code, _, err = _run_cli("evaluate", str(path), "--as-of", "2025-04-15", "--format", "text")
        assert code in (0, 3)
        assert (code == 3) == bool(err)
        assert "Traceback" not in err

    @WITHIN_THE_BOUND
    @given(st.text(max_size=400))
    def test_the_test_command_answers_any_scenario_file(self, text: str) -> None:
        """Any text as a scenario file gives pass, fail or a ScenarioError message, never a traceback."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "case.toml"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            with within_the_bound():
                code, _, err = _run_cli("test", "-q", str(path))
        assert code in (0, 1, 3)
        assert "Traceback" not in err

    @settings(deadline=None, max_examples=60)
    @given(
        st.dictionaries(
            st.sampled_from(["name", "as_of", "base", "given", "expect", "growth_method", "sharing_rule"]),
            cs.json_values(max_leaves=6),
        )
    )
    def test_scenarios_with_arbitrary_values_load_or_are_refused(self, table: dict[str, Any]) -> None:
        """A scenario table with values of any type is read or refused as a ScenarioError."""
        from cluster_criteria.testing import scenarios

        table = {**table, "name": table.get("name", "A scenario of arbitrary values")}
        with within_the_bound():
            try:
                found = scenarios._scenario(table, {"as_of": dt.date(2025, 4, 15)}, Path("case.toml"), 0)
            except ScenarioError:
                return
            scenarios.run_scenario(found)

    def test_the_installed_command_prints_no_traceback_for_a_pathological_file(self, tmp_path: Path) -> None:
        """Run as a process, the command refuses deep nesting with exit 3 and a message."""
        path = tmp_path / "deep.json"
        path.write_text("[" * 200_000, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "cluster_criteria", "evaluate", str(path), "--as-of", "2025-04-15", "--lang", "en"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 3
        assert "Traceback" not in done.stderr
        assert "cannot be evaluated" in done.stderr

    def test_scenario_loading_refuses_a_date_out_of_range(self, tmp_path: Path) -> None:
        """An assessment date that moves the base past year 9999 is a ScenarioError."""
        path = tmp_path / "far.toml"
        path.write_text(
            "[[scenario]]\nname = 'Far future'\nas_of = 9999-06-01\nexpect = {outcome='eligible'}\n", "utf-8"
        )
        with pytest.raises(ScenarioError):
            load_scenarios(path)
