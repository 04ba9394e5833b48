"""Shared builders for the procedure tests: a designated cluster's record, changed one field at a time."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from cluster_criteria.procedure import DesignatedClusterRecord, load_record
from cluster_criteria.ruleset import RuleSet
from cluster_criteria.ruleset.reform import with_values
from cluster_criteria.vocabulary import Severity

DESIGNATED = dt.date(2024, 6, 28)


def clean_record_data(designated: dt.date = DESIGNATED) -> dict[str, Any]:
    """A record with every list declared empty: no ground of Art. 14 is met while the designation is in force."""
    return {
        "format_version": "1",
        "cluster": {
            "name": "磐石市金属制品特色产业集群",
            "leading_industry": {"name": "金属制品业", "catalogue_status": "encouraged"},
            "location": {"prefecture": "吉林市", "county": "磐石市", "county_code": "220284"},
        },
        "designation": {"date": designated.isoformat()},
        "annual_reports": [],
        "monitoring_refusals": [],
        "findings": [],
        "changes": [],
        "incidents": [],
        "violations": [],
    }


def record(**changes: Any) -> DesignatedClusterRecord:
    """The clean record with top-level fields replaced (``None`` removes a field: "not supplied")."""
    data = copy.deepcopy(clean_record_data())
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return load_record(data)


# A cluster in a development zone (Art. 9): the division table places 长春经济技术开发区 (220171) in 长春市 but in no
# county, so the county department that submitted for it is recorded for a person to confirm.
ZONE_CLUSTER = {
    "name": "长春经济技术开发区汽车零部件特色产业集群",
    "leading_industry": {"name": "汽车制造业", "catalogue_status": "encouraged"},
    "location": {"prefecture": "长春市", "county": "长春经济技术开发区", "county_code": "220171"},
}


def zone_history(submitted_by: str = "220104") -> list[dict[str, Any]]:
    """The steps from submission to the designation of :data:`DESIGNATED`, the first by ``submitted_by``."""
    county = {"role": "county_sme_department", "division": submitted_by}
    prefecture = {"role": "prefecture_sme_department", "division": "220100"}
    province = {"role": "provincial_department", "division": "220000"}
    steps = [
        ("submit", "2024-04-20", county),
        ("accept", "2024-04-25", prefecture),
        ("preliminary_review", "2024-05-06", prefecture),
        ("verify_on_site", "2024-05-16", prefecture),
        ("recommend", "2024-05-24", prefecture),
        ("provincial_review", "2024-06-07", province),
        ("shortlist", "2024-06-12", province),
        ("publish_notice", "2024-06-13", province),
        ("designate", DESIGNATED.isoformat(), province),
    ]
    return [{"action": action, "date": day, "actor": actor} for action, day, actor in steps]


def larger_accident_in_2027() -> dict[str, Any]:
    """The clean record with its reports on time and a 较大 accident in 2027, under the test revision."""
    data = copy.deepcopy(clean_record_data())
    data["annual_reports"] = [{"year": 2024, "filed_on": "2025-03-20"}, {"year": 2025, "filed_on": "2026-03-20"}]
    data["incidents"] = [{"kind": "safety", "date": "2027-02-01", "severity": "larger"}]
    return data


def revision_with_major_floor() -> RuleSet:
    """The test revision (in force from 2027) with Art. 14(5)'s accident floor raised to 重大, for registering."""
    from revision_2027 import REVISION

    return with_values(REVISION, {"revocation_accident_severity_floor": Severity.MAJOR})
