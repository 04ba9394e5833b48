"""Write the largest documents the input limits accept, and one that only makes errors, for measuring.

    python benchmarks/largest_documents.py OUT_DIR
    /usr/bin/time -v cluster-criteria evaluate OUT_DIR/enterprises-full.json --as-of 2025-04-15 --output /dev/null

Each file stays within ``MAX_DOCUMENT_BYTES`` and every list within its limit (cluster_criteria.limits):

- ``enterprises-full.json``: the most enterprises a cluster may list, every field filled, two titles each;
- ``designations-most.json``: the most titles that fit, twenty per enterprise, written as tersely as JSON allows;
- ``events-most.json``: the most incidents and violations;
- ``errors-most.json``: enterprises that are wrong in every field they give, as many as fit (the error-volume case);
- ``enterprises-over-limit.json``: far more (short, wrong) enterprises than the list may hold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from cluster_criteria.credit_code import expected_check_character
from cluster_criteria.limits import (
    MAX_DESIGNATIONS_PER_ENTERPRISE,
    MAX_DOCUMENT_BYTES,
    MAX_ENTERPRISES,
    MAX_EVENTS,
)
from cluster_criteria.testing import ApplicationBuilder


def credit_code(number: int) -> str:
    first17 = f"91220284{number:09d}"
    return first17 + expected_check_character(first17)


def _base() -> dict[str, Any]:
    data = ApplicationBuilder().data()
    data["enterprises"] = []
    return data


def enterprises_full() -> dict[str, Any]:
    data = _base()
    for index in range(MAX_ENTERPRISES):
        data["enterprises"].append(
            {
                "name": f"吉林省磐石市示例金属制品配套企业第{index:05d}号有限责任公司",
                "credit_code": credit_code(index),
                "in_leading_industry": index % 3 != 0,
                "is_sme": index % 7 != 0,
                "employees": 50 + index % 900,
                "revenue": f"{1 + index % 300}万元",
                "designations": [
                    {
                        "kind": "provincial_srdi_sme",
                        "valid_from": "2023-07-15",
                        "certificate": f"吉工信〔2023〕{index}号",
                    },
                    {"kind": "high_tech_enterprise", "valid_from": "2022-11-20", "valid_to": "2025-11-19"},
                ],
            }
        )
    return data


def designations_most() -> dict[str, Any]:
    data = _base()
    title = {"kind": "little_giant", "valid_from": "2024-01-01"}
    each = len(json.dumps({"name": "x", "credit_code": credit_code(0), "designations": [title] * 20}))
    count = min(MAX_ENTERPRISES, (MAX_DOCUMENT_BYTES - 20_000) // (each + 1))
    data["enterprises"] = [
        {
            "name": f"e{index}",
            "credit_code": credit_code(index),
            "designations": [title] * MAX_DESIGNATIONS_PER_ENTERPRISE,
        }
        for index in range(count)
    ]
    return data


def events_most() -> dict[str, Any]:
    data = _base()
    data["incidents"] = [
        {"kind": "safety", "date": "2024-03-01", "severity": "ordinary", "deaths": 0, "description": f"事件{index}"}
        for index in range(MAX_EVENTS)
    ]
    data["violations"] = [
        {"kind": "other_major_violation", "date": "2024-03-01", "description": f"记录{index}"}
        for index in range(MAX_EVENTS)
    ]
    return data


def errors_most() -> dict[str, Any]:
    data = _base()
    wrong = {
        "name": "",
        "credit_code": "91220284000000000X",
        "in_leading_industry": "maybe",
        "employees": -1,
        "revenue": "lots",
        "designations": [{"kind": "gold_medal", "valid_from": "2024-13-01"}],
        "founded": 1999,
    }
    each = len(json.dumps(wrong, separators=(",", ":")))
    data["enterprises"] = [wrong] * min(MAX_ENTERPRISES, (MAX_DOCUMENT_BYTES - 20_000) // (each + 1))
    return data


def enterprises_over_limit() -> dict[str, Any]:
    data = _base()
    data["enterprises"] = [{"name": ""}] * ((MAX_DOCUMENT_BYTES - 20_000) // len('{"name":""},'))
    return data


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, make in (
        ("enterprises-full", enterprises_full),
        ("designations-most", designations_most),
        ("events-most", events_most),
        ("errors-most", errors_most),
        ("enterprises-over-limit", enterprises_over_limit),
    ):
        text = json.dumps(make(), ensure_ascii=False, separators=(",", ":"))
        assert len(text.encode()) <= MAX_DOCUMENT_BYTES, name
        (out / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"{name}.json: {len(text.encode()):,} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
