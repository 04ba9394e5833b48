"""The clause rules of Art. 6 and Art. 7; a rule set lists the ones it applies."""

from __future__ import annotations

from .article6 import (
    art6_1_scale_and_structure,
    art6_2_quality_enterprises,
    art6_3_industrial_chain,
    art6_4_innovation,
    art6_5_digital_transformation,
    art6_6_green_development,
    art6_7_international_cooperation,
    art6_8_governance_and_services,
)
from .article7 import (
    art7_1_restricted_industry,
    art7_2_major_accidents,
    art7_3_major_security_events,
    art7_4_major_violations,
)
from .registry import Rule, clause_rule, select

# The clause rules of Art. 6 and Art. 7 as the 2024 measures have them, in legal order.
CLAUSE_RULES = (
    art6_1_scale_and_structure,
    art6_2_quality_enterprises,
    art6_3_industrial_chain,
    art6_4_innovation,
    art6_5_digital_transformation,
    art6_6_green_development,
    art6_7_international_cooperation,
    art6_8_governance_and_services,
    art7_1_restricted_industry,
    art7_2_major_accidents,
    art7_3_major_security_events,
    art7_4_major_violations,
)

__all__ = [
    "CLAUSE_RULES",
    "Rule",
    "art6_1_scale_and_structure",
    "art6_2_quality_enterprises",
    "art6_3_industrial_chain",
    "art6_4_innovation",
    "art6_5_digital_transformation",
    "art6_6_green_development",
    "art6_7_international_cooperation",
    "art6_8_governance_and_services",
    "art7_1_restricted_industry",
    "art7_2_major_accidents",
    "art7_3_major_security_events",
    "art7_4_major_violations",
    "clause_rule",
    "select",
]
