"""Tools for tests of systems that embed cluster-criteria: a builder of applications that are eligible
unless told otherwise."""

from __future__ import annotations

from .base import BASE_YEARS, credit_code, eligible_application_data
from .builder import ApplicationBuilder

__all__ = ["BASE_YEARS", "ApplicationBuilder", "credit_code", "eligible_application_data"]
