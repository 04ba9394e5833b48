"""cluster-criteria: the Jilin 2024 measures for SME characteristic industrial clusters, as code.

    >>> from cluster_criteria import load_application, evaluate
    >>> report = evaluate(load_application(text), datetime.date(2025, 4, 15))
    >>> report.outcome, [(v.rule_id, v.status) for v in report.verdicts]

Names are loaded on first use, so ``import cluster_criteria`` stays cheap for request handlers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .batch import evaluate_many
    from .context import EvaluationContext, GrowthMethod, SharingRule
    from .errors import (
        ApplicationError,
        InputProblem,
        RuleSetNotInForceError,
        UnknownCheckError,
        UnknownRuleError,
        UnknownVerdictError,
    )
    from .evaluation import evaluate
    from .jsonio import (
        input_schema,
        load_application,
        report_from_json,
        report_schema,
        report_to_data,
        report_to_json,
    )
    from .models import (
        Application,
        Cluster,
        Designation,
        EfficiencyFigure,
        Enterprise,
        Incident,
        LeadingIndustry,
        Location,
        QualitativeAnswer,
        ResourceEfficiency,
        Violation,
        YearMetrics,
    )
    from .money import MoneyUnit
    from .rules import Rule, select
    from .ruleset import RuleSet, get_rule_set, rule_set_for, rule_sets
    from .ruleset.reform import Reform, load_reform
    from .verdicts import Check, Figure, Outcome, Report, Status, Verdict
    from .vocabulary import Answer, CatalogueStatus, DesignationKind, IncidentKind, Severity, ViolationKind

_EXPORTS: dict[str, str] = {
    "Answer": "vocabulary",
    "Application": "models",
    "ApplicationError": "errors",
    "CatalogueStatus": "vocabulary",
    "Check": "verdicts",
    "Cluster": "models",
    "Designation": "models",
    "DesignationKind": "vocabulary",
    "EfficiencyFigure": "models",
    "Enterprise": "models",
    "EvaluationContext": "context",
    "Figure": "verdicts",
    "GrowthMethod": "context",
    "Incident": "models",
    "IncidentKind": "vocabulary",
    "InputProblem": "errors",
    "LeadingIndustry": "models",
    "Location": "models",
    "MoneyUnit": "money",
    "Outcome": "verdicts",
    "QualitativeAnswer": "models",
    "Reform": "ruleset.reform",
    "Report": "verdicts",
    "ResourceEfficiency": "models",
    "Rule": "rules",
    "RuleSet": "ruleset",
    "get_rule_set": "ruleset",
    "load_reform": "ruleset.reform",
    "rule_set_for": "ruleset",
    "rule_sets": "ruleset",
    "RuleSetNotInForceError": "errors",
    "Severity": "vocabulary",
    "SharingRule": "context",
    "Status": "verdicts",
    "UnknownCheckError": "errors",
    "UnknownRuleError": "errors",
    "UnknownVerdictError": "errors",
    "Verdict": "verdicts",
    "Violation": "models",
    "ViolationKind": "vocabulary",
    "YearMetrics": "models",
    "evaluate": "evaluation",
    "evaluate_many": "batch",
    "input_schema": "jsonio",
    "load_application": "jsonio",
    "report_from_json": "jsonio",
    "report_schema": "jsonio",
    "report_to_data": "jsonio",
    "report_to_json": "jsonio",
    "select": "rules",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'cluster_criteria' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
