"""docs/procedure.md stays true: its code runs, and every reading a procedure verdict names is defined and documented."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from cluster_criteria.procedure import load_record, monitor
from cluster_criteria.ruleset.jilin_2024 import JILIN_2024
from cluster_criteria.ruleset.procedure_params import PROCEDURE_READINGS

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "procedure.md"


def test_the_python_examples_in_the_procedure_doc_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each python block runs from the project root and prints what its comments say."""
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert blocks
    for block in blocks:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, str(DOC), "exec"), {})
        assert "revoke ('14.3',)" in out.getvalue()


def test_every_procedure_reading_is_documented() -> None:
    """Each reading id of the procedure parameters appears in the doc."""
    text = DOC.read_text(encoding="utf-8")
    missing = [rid for rid in PROCEDURE_READINGS if f"`{rid}`" not in text]
    assert not missing


@pytest.mark.parametrize("path", sorted((ROOT / "examples" / "records").glob("*.json")), ids=lambda p: p.stem)
def test_every_reading_named_by_a_monitoring_report_is_defined(path: Path) -> None:
    """Readings come from the procedure table or the core rule set, never from nowhere."""
    report = monitor(load_record(path.read_bytes()), dt.date(2025, 6, 30))
    named = {r for g in report.grounds for c in g.checks for r in c.readings}
    assert named <= set(PROCEDURE_READINGS) | set(JILIN_2024.readings)
