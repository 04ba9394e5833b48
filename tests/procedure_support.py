"""Shared builders for the procedure tests: a designated cluster's record, changed one field at a time."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from cluster_criteria.procedure import DesignatedClusterRecord, load_record

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
