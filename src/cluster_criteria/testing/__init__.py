"""Tools for tests of systems that embed cluster-criteria.

- :class:`ApplicationBuilder`: a complete, eligible application; a test changes only what it is about;
- :func:`assert_no_check_fails`, :func:`assert_check`, :func:`failing_checks`: assertions that know either/or
  clauses (a failing alternative of a met group does not count);
- :mod:`cluster_criteria.testing.scenarios`: scenario files in the law's vocabulary (``cluster-criteria test``);
- :mod:`cluster_criteria.testing.strategies`: Hypothesis strategies (needs the ``test`` extra);
- :mod:`cluster_criteria.testing.pytest_plugin`: fixtures and scenario collection, loaded by pytest on its own.

docs/testing.md shows them at work.
"""

from __future__ import annotations

from .assertions import assert_check, assert_no_check_fails, failing_checks
from .base import BASE_YEARS, credit_code, eligible_application_data
from .builder import DEFAULT_ASSESSMENT_DATE, PARTS_OF_TOTAL, ApplicationBuilder

__all__ = [
    "BASE_YEARS",
    "DEFAULT_ASSESSMENT_DATE",
    "PARTS_OF_TOTAL",
    "ApplicationBuilder",
    "assert_check",
    "assert_no_check_fails",
    "credit_code",
    "eligible_application_data",
    "failing_checks",
]
