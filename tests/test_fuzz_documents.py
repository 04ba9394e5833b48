"""A seeded mutation loop over the bundled examples: whatever the damage, loading, evaluating and every renderer give a
report or a documented error (ApplicationError), never anything else.

Reproduce a failure with ``FUZZ_SEED=<seed> pytest tests/test_fuzz_documents.py``; the budget (mutations per run) keeps
it to a few seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cluster_criteria import ApplicationError, evaluate, load_application
from cluster_criteria.brief import brief_to_json_line
from cluster_criteria.jsonio import parse_json, report_to_json_line
from cluster_criteria.procedure import load_record, monitor, monitoring_report_to_json, render_monitoring_text
from cluster_criteria.render import render

ROOT = Path(__file__).resolve().parent.parent
APPLICATIONS = sorted((ROOT / "examples").glob("*.json"))
RECORDS = sorted((ROOT / "examples" / "records").glob("*.json"))
SEED = int(os.environ.get("FUZZ_SEED", "20261201"))
MUTANTS = 400  # per kind of document; a few seconds in all

DATES = [dt.date(2025, 4, 15), dt.date(2024, 3, 15), dt.date(2200, 12, 31), dt.date(9999, 12, 31), dt.date(1, 1, 1)]
HOSTILE: list[Any] = [
    None,
    True,
    -1,
    0,
    10**40,
    Decimal("1E+999999"),
    Decimal("-1E-999999"),
    Decimal("0E+999999"),
    Decimal("1.00000000000000000000000000000000000001"),
    "",
    " ",
    "x" * 600,
    "\x00\x1b",
    "\ud800",
    "9999-12-31",
    "0001-01-01",
    "2024-02-29",
    "2023-02-29",
    "1e999999亿元",
    "-5万元",
    "８%",
    "100%",
    "NaN",
    "Infinity",
    "<script>alert(1)</script>",
    [],
    {},
    [[[[[]]]]],
    {"$comment": "x"},
]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def _plausible(value: Any, rng: random.Random) -> Any:
    """A value of the same type as ``value`` but another size or day: what a careless operator types."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, Decimal)):
        return rng.choice([0, 1, Decimal("0.0001"), Decimal(value).scaleb(rng.randint(-6, 6)), -value])
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return rng.choice(["2024-02-29", "1900-01-01", "2200-12-31", f"{rng.randint(1990, 2030)}-{value[5:]}"])
    if isinstance(value, str) and value.endswith(("元", "%")):
        return rng.choice(["0元", "19.99亿元", "0%", "70%", "99.999%", "1e3万元"])
    return value


def _mutate_tree(data: Any, rng: random.Random) -> None:
    path = rng.choice(_paths(data)[1:])
    parent, last = _parent(data, path), path[-1]
    roll = rng.random()
    if roll < 0.45:
        parent[last] = _plausible(parent[last], rng)
    elif roll < 0.7:
        parent[last] = rng.choice(HOSTILE)
    elif roll < 0.8:
        del parent[last]
    elif roll < 0.9 and isinstance(parent[last], list) and parent[last]:
        parent[last] = parent[last] * rng.choice([2, 50, 400])
    elif isinstance(parent, dict):
        parent[rng.choice(["extra", "$comment_note", "valid_to", "year", "severity"])] = rng.choice(HOSTILE)


def _serialise(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


def _mutate_text(text: str, rng: random.Random) -> str | bytes:
    roll = rng.random()
    at = rng.randrange(len(text))
    if roll < 0.3:
        return text[:at]
    if roll < 0.55:
        key = text.find('"', at)
        if key > 0 and text[key - 1] in "{, ":
            end = text.find('"', key + 1)
            return text[:key] + text[key : end + 1] + ": 1, " + text[key:]
        return text
    if roll < 0.8:
        raw = bytearray(text.encode("utf-8", "surrogatepass"))
        raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    return text[:at] + rng.choice(["1e999999", "]", "}", "{", '"', "\\", "-", "null,"]) + text[at:]


def _mutants(files: list[Path], rng: random.Random) -> list[str | bytes]:
    mutants: list[str | bytes] = []
    for index in range(MUTANTS):
        data = json.loads(files[index % len(files)].read_text(encoding="utf-8"), parse_float=Decimal)
        for _ in range(rng.choice([1, 1, 2, 3])):
            _mutate_tree(data, rng)
        text = _serialise(data)
        mutants.append(_mutate_text(text, rng) if rng.random() < 0.2 else text)
    return mutants


def _only_documented_errors(action: Callable[[], Any], where: str) -> Any:
    try:
        return action()
    except ApplicationError:
        return None
    except Exception as exc:  # anything else is a defect: say which mutant
        pytest.fail(f"{where}: {type(exc).__name__}: {exc}"[:2000])


def test_damaged_applications_load_evaluate_and_render_or_give_documented_errors() -> None:
    """Each mutant of an example application is refused with ApplicationError, or evaluates and renders in every
    format and language, and its JSON line and brief form serialise."""
    rng = random.Random(SEED)
    for index, text in enumerate(_mutants(APPLICATIONS, rng)):
        where = f"seed {SEED}, application mutant {index}"
        application = _only_documented_errors(lambda text=text: load_application(text), where)
        if application is None:
            continue
        as_of = rng.choice(DATES)
        report = _only_documented_errors(lambda a=application, d=as_of: evaluate(a, d), f"{where}, {as_of}")
        if report is None:
            continue
        for fmt in ("json", "text", "md", "html"):
            for lang in ("zh", "en"):
                assert isinstance(render(report, fmt, lang), str), where
        json.loads(report_to_json_line(report))
        json.loads(brief_to_json_line(report, index))


def test_damaged_records_load_monitor_and_render_or_give_documented_errors() -> None:
    """Each mutant of an example record is refused with ApplicationError, or gives a monitoring report in text (both
    languages) and JSON."""
    rng = random.Random(SEED + 1)
    for index, text in enumerate(_mutants(RECORDS, rng)):
        where = f"seed {SEED + 1}, record mutant {index}"
        record = _only_documented_errors(lambda text=text: load_record(text), where)
        if record is None:
            continue
        as_of = rng.choice(DATES)
        report = _only_documented_errors(lambda r=record, d=as_of: monitor(r, d), f"{where}, {as_of}")
        if report is None:
            continue
        assert render_monitoring_text(report, "zh") and render_monitoring_text(report, "en"), where
        json.loads(monitoring_report_to_json(report))


def test_the_mutants_reach_past_loading() -> None:
    """The loop is not only refusals: some mutants of each kind load (so evaluation and rendering are exercised)."""
    rng = random.Random(SEED)
    loaded = 0
    for text in _mutants(APPLICATIONS, rng):
        try:
            load_application(text)
        except ApplicationError:
            continue
        loaded += 1
    assert loaded >= MUTANTS // 4
    assert parse_json(b'{"a": 1}') == {"a": 1}
