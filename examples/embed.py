"""Embedding cluster-criteria in another system: build the input in code, evaluate, read verdicts, render.

python examples/embed.py
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cluster_criteria import Application, Status, evaluate
from cluster_criteria.explain import explain
from cluster_criteria.render import render

# 1. Build the application from your own records (here: a dict, as a web form or a database row would give it).
#    Amounts may be numbers in money_unit or strings with their unit; Decimal keeps every digit.
application = Application.model_validate(
    {
        "money_unit": "亿元",
        "cluster": {
            "name": "磐石市金属制品特色产业集群",
            "leading_industry": {"name": "金属制品", "catalogue_status": "encouraged"},
            "location": {"prefecture": "吉林市", "county": "磐石市", "county_code": "220284"},
            "area_km2": 42.6,
        },
        "metrics": [
            {"year": 2022, "total_output": Decimal("36.30"), "leading_industry_output": Decimal("26.00")},
            {"year": 2023, "total_output": Decimal("40.10"), "leading_industry_output": Decimal("29.50")},
            {"year": 2024, "total_output": "44.00亿元", "leading_industry_output": "32.20亿元"},
        ],
        "incidents": [],
        "violations": [],
    }
)

# 2. Evaluate on an explicit date: the library never reads the clock.
report = evaluate(application, dt.date(2025, 4, 15))
print("outcome:", report.outcome.value)

# 3. Read the verdicts: each clause's status, and for each check its figures and what is missing.
for verdict in report.verdicts:
    missing = [path for check in verdict.checks for path in check.missing]
    print(f"{verdict.rule_id:<4} {verdict.status.value:<18} missing: {len(missing)}")

share_2024 = report.verdict("6.1").check("leading_output_share.2024")
assert share_2024.status is Status.PASS

# 4. Explanations as data: a sentence and a shortfall or headroom for every check, in Chinese or English.
explanation = explain(report, "en")
for check in explanation.verdicts[0].checks:
    if check.check_id == "leading_output_share.2024":
        print(check.sentence)
        print(check.margin_sentence)

# 5. Render for people: text, md, html (a printable page) or json.
html = render(report, "html", "zh")
print(len(html) > 1000)
