"""The OpenAPI document, with the request and report schemas taken from the models the library validates with."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import TypeAdapter

__all__ = ["REF", "install_openapi", "library_schemas"]

REF = "#/components/schemas/{model}"


@lru_cache(maxsize=1)
def library_schemas() -> dict[str, Any]:
    """Component schemas of the input, the report, the designated cluster's record and its monitoring report.

    Generated from the same pydantic models :func:`cluster_criteria.load_application` and the report writer use, so
    the documented shapes cannot drift from what the service accepts and returns.
    """
    from ..brief import BriefReport
    from ..models import Application
    from ..procedure import DesignatedClusterRecord, MonitoringReport
    from ..verdicts import Report

    generated = {
        "Application": Application.model_json_schema(mode="validation", ref_template=REF),
        "Report": TypeAdapter(Report).json_schema(mode="serialization", ref_template=REF),
        "BriefReport": TypeAdapter(BriefReport).json_schema(mode="serialization", ref_template=REF),
        "DesignatedClusterRecord": DesignatedClusterRecord.model_json_schema(mode="validation", ref_template=REF),
        "MonitoringReport": TypeAdapter(MonitoringReport).json_schema(mode="serialization", ref_template=REF),
    }
    components: dict[str, Any] = {}
    for name, schema in generated.items():
        definitions = schema.pop("$defs", {})
        for key, value in (*definitions.items(), (name, schema)):
            if key in components and components[key] != value:
                raise RuntimeError(f"two different schemas are named {key}")
            components[key] = value
    return components


def install_openapi(app: FastAPI) -> None:
    """Replace the app's OpenAPI builder by one that adds the library's schemas to the components."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            document.setdefault("components", {}).setdefault("schemas", {}).update(library_schemas())
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]
