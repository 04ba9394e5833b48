"""Typical applications for the benchmark: three years of figures, 30 enterprises, 5 incidents.

Built from the testing builder once; copies differ in name and figures, so no two lines of a generated file are
the same application.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cluster_criteria.testing import ApplicationBuilder

ENTERPRISES = 30
INCIDENTS = 5


def typical_data() -> dict[str, Any]:
    """An eligible application for assessment on 2025-04-15: metrics 2022–2024, 30 enterprises, 5 incidents."""
    builder = ApplicationBuilder()
    for index in range(ENTERPRISES - len(builder.data()["enterprises"])):
        kind = ("high_tech_enterprise", "provincial_srdi_sme")[index % 2]
        builder.enterprise(f"示例配套企业{index + 1:02d}有限公司", kind, is_sme=True, employees=120 + index)
    for index, kind in enumerate(("safety", "quality", "environmental", "network_security", "data_security")):
        builder.incident(kind, f"2024-0{index + 1}-10", "ordinary", description=f"事件报告第{index + 1}号")
    return builder.data()


def variants(count: int) -> Iterator[str]:
    """``count`` JSON texts of typical applications with varied names and figures (about one in ten fails 6.1)."""
    template = typical_data()
    for serial in range(count):
        data = dict(template)
        data["cluster"] = {**template["cluster"], "name": f"示例产业集群{serial:06d}"}
        bump = serial % 97
        metrics = [{**record, "employees": 20000 + bump} for record in template["metrics"]]
        if serial % 10 == 0:  # below the 20 亿元 floor in the first year
            metrics[0].update(total_output=f"19.{bump:02d}亿元", sme_output="13亿元", leading_industry_output="14亿元")
        data["metrics"] = metrics
        yield json.dumps(data, ensure_ascii=False)
