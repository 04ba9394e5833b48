"""A hypothetical revision of the measures, effective 2027-01-01, that lives in the tests.

It proves that a new edition needs only its data file (``rule_set.toml``), its clause texts and its new rule: it
changes three thresholds and a legal word, drops a qualitative item and adds 第六条第（九）项 on a figure of its own.
Nothing outside this folder knows it exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cluster_criteria.context import EvaluationContext
from cluster_criteria.models import Application
from cluster_criteria.rules.measures import each_year_share
from cluster_criteria.rules.registry import clause_rule
from cluster_criteria.rules.spec import CheckSpec
from cluster_criteria.ruleset import get_rule_set, load_rule_set
from cluster_criteria.verdicts import Check, CheckKind

__all__ = ["REVISION", "art6_9_export_share"]


@clause_rule(
    6,
    9,
    "外向型发展",
    "Outward orientation",
    checks=(
        CheckSpec(
            "export_share.{year}",
            "每年出口交货值占集群总产值比例{export_share_min}",
            "Export share of total output {export_share_min} each year",
            CheckKind.SHARE,
        ),
    ),
    readings=("boundary.inclusive", "window.figures", "each_year"),
)
def art6_9_export_share(app: Application, ctx: EvaluationContext) -> Iterator[Check]:
    """第六条第（九）项 (rule 6.9, test revision)

    （九）集群外向度较高，近三年出口交货值占集群总产值比例每年均不低于10%。
    """
    yield from each_year_share(
        app, ctx, "export_share", ctx.parameters.threshold("export_share_min"), "export_output", "total_output"
    )


_BASE = get_rule_set("jilin-2024")
REVISION = load_rule_set(
    Path(__file__).with_name("rule_set.toml"),
    rules=(*_BASE.rules, art6_9_export_share),
    readings=_BASE.readings,
)
