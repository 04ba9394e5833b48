"""Input models: the cluster, its yearly figures, enterprises, incidents and declarations."""

from __future__ import annotations

from .application import MONEY_FIELDS, Application
from .cluster import Cluster, LeadingIndustry, Location
from .declarations import EfficiencyFigure, QualitativeAnswer, ResourceEfficiency
from .enterprise import CreditCode, Designation, Enterprise
from .events import Incident, Violation
from .metrics import YearMetrics

__all__ = [
    "MONEY_FIELDS",
    "Application",
    "Cluster",
    "CreditCode",
    "Designation",
    "EfficiencyFigure",
    "Enterprise",
    "Incident",
    "LeadingIndustry",
    "Location",
    "QualitativeAnswer",
    "ResourceEfficiency",
    "Violation",
    "YearMetrics",
]
