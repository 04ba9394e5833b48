"""Tools for tests of systems that embed cluster-criteria.

- :class:`ApplicationBuilder`: a complete, eligible application; a test changes only what it is about;
- :mod:`cluster_criteria.testing.scenarios`: scenario files in the law's vocabulary (``cluster-criteria test``);
- :mod:`cluster_criteria.testing.strategies`: Hypothesis strategies (needs the ``test`` extra);
- :mod:`cluster_criteria.testing.pytest_plugin`: fixtures and scenario collection, loaded by pytest on its own.

docs/testing.md shows them at work.
"""

from __future__ import annotations

from .base import BASE_YEARS, credit_code, eligible_application_data
from .builder import DEFAULT_ASSESSMENT_DATE, PARTS_OF_TOTAL, ApplicationBuilder

__all__ = [
    "BASE_YEARS",
    "DEFAULT_ASSESSMENT_DATE",
    "PARTS_OF_TOTAL",
    "ApplicationBuilder",
    "credit_code",
    "eligible_application_data",
]
