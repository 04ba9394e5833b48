"""The Jilin 2024 rule set: 《吉林省促进中小企业特色产业集群发展暂行办法》, issued and in force on 2024-03-15.

Its identity, text and every parameter value are data (``rule_set.toml`` beside this file); this module joins them
with the twelve clause rules of Art. 6 and Art. 7 and the readings those rules apply.
"""

from __future__ import annotations

from importlib.resources import files

from ...rules import CLAUSE_RULES
from ..loading import load_rule_set
from ..readings import READINGS

__all__ = ["JILIN_2024", "RULES", "RULE_SET"]

RULES = CLAUSE_RULES

RULE_SET = JILIN_2024 = load_rule_set(
    files(__package__).joinpath("rule_set.toml").read_bytes(),
    rules=RULES,
    readings=READINGS,
    origin="jilin_2024/rule_set.toml",
)
