"""The HTTP service: the library's evaluation, batch, monitoring and reference data behind versioned JSON endpoints.

    uvicorn "cluster_criteria.service:create_app" --factory        # or: cluster-criteria serve

Every endpoint calls the library's public functions, so what the service answers is what the library answers.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from enum import Enum
from importlib import resources
from typing import Annotated, Any, Literal, TypeVar

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from .. import __version__
from ..errors import ApplicationError
from ..models import Application
from .openapi import install_openapi
from .problems import ServiceError, install_handlers
from .settings import ServiceSettings
from .transport import JSON, JSON_LINES, XLSX, AccessLog, read_body, require_media_type, require_token, settings_of

__all__ = ["create_app"]

_T = TypeVar("_T")

API = "/v1"
MEDIA = {
    "json": "application/json",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
_BY_ACCEPT = (("text/html", "html"), ("text/markdown", "md"), ("text/plain", "text"), ("application/json", "json"))


class Lang(str, Enum):
    ZH = "zh"
    EN = "en"
    KO = "ko"


class ReportFormat(str, Enum):
    JSON = "json"
    TEXT = "text"
    MD = "md"
    HTML = "html"


class GrowthMethodName(str, Enum):
    GEOMETRIC = "geometric"
    ARITHMETIC_MEAN_OF_RATIOS = "arithmetic_mean_of_ratios"


class SharingRuleName(str, Enum):
    ALL_LISTED = "all_listed"
    ANY_LISTED = "any_listed"


class Problem(BaseModel):
    path: str = Field(description="Field path (or sheet and cell), empty for the whole input.")
    code: str
    message_zh: str
    message_en: str


class ErrorBody(BaseModel):
    """Every error answer: what kind of error, and each problem with its place and reason in both languages."""

    error: str = Field(
        description="invalid_input, invalid_request, unknown_rule, body_too_large, too_many_lines, "
        "unsupported_media_type, unauthorized, time_limit, http_error or internal_error."
    )
    problems: list[Problem]


AsOf = Annotated[dt.date, Query(description="Assessment date, YYYY-MM-DD. Required: the service never assumes today.")]
LangQuery = Annotated[Lang, Query(description="Language of the explanation and messages.")]
RulesQuery = Annotated[
    str | None, Query(description="Comma-separated rule ids to run, e.g. 6.1,7.2 (default: all twelve).")
]
GrowthQuery = Annotated[GrowthMethodName, Query(description="How 年均增速 is computed.")]
RuleSetQuery = Annotated[
    str | None,
    Query(description="Rule set (edition) by id, e.g. jilin-2024 (default: the one in force on the date)."),
]
SharingQuery = Annotated[SharingRuleName, Query(description="Art. 6(3): all listed sharing mechanisms, or any one.")]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "Unknown rule id in `rules`."),
        (401, "Tokens are configured and the request carries none, or a wrong one."),
        (413, "The body or the number of lines exceeds the service's limit."),
        (415, "The Content-Type is not one the endpoint reads."),
        (422, "The input or a parameter is invalid: every problem with its field path."),
        (503, "The request did not finish within the service's time limit."),
    )
}


def _body(*media: tuple[str, dict[str, Any]], description: str) -> dict[str, Any]:
    return {"requestBody": {"required": True, "description": description, "content": dict(media)}}


def _ref(name: str) -> dict[str, Any]:
    return {"schema": {"$ref": f"#/components/schemas/{name}"}}


async def _limited(request: Request, work: Callable[[], _T]) -> _T:
    """Run CPU-bound library work in a worker thread, within the per-request time limit."""
    limit = settings_of(request).time_limit_seconds
    try:
        with anyio.fail_after(limit):
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    except TimeoutError:
        raise ServiceError.of(
            503, "time_limit", "", f"请求未能在 {limit:g} 秒内完成", f"the request did not finish within {limit:g} s"
        ) from None


def _rule_ids(rules: str | None) -> list[str] | None:
    return [r.strip() for r in rules.split(",") if r.strip()] if rules else None


def _chosen_format(request: Request, fmt: ReportFormat | None) -> str:
    if fmt is not None:
        return fmt.value
    accept = request.headers.get("accept", "")
    positions = [(accept.find(kind), name) for kind, name in _BY_ACCEPT if kind in accept]
    return min(positions)[1] if positions else "json"


def _load(raw: bytes, kind: str) -> tuple[Application, Callable[[ApplicationError], ApplicationError]]:
    """The application in the body, and how to name a workbook's cells in an error found when evaluating it."""
    from ..jsonio import load_application

    if kind == XLSX:
        from ..cli.workbooks import load_workbook  # says what to install when openpyxl is missing

        return load_workbook(raw)
    return load_application(raw), lambda error: error


def _evaluate_router() -> APIRouter:
    router = APIRouter(prefix=API, dependencies=[Depends(require_token)], responses=_ERRORS)

    @router.post(
        "/evaluate",
        summary="Evaluate one application",
        description="The body is one application as JSON (the `Application` schema) or an .xlsx workbook written by "
        "`GET /v1/template?format=xlsx`. The answer is the report with its explanation (JSON), or the explanation "
        "as HTML, Markdown or text — chosen by `format`, else by the Accept header.",
        response_class=Response,
        responses={200: {"content": {"application/json": _ref("Report"), **{m: {} for m in list(MEDIA.values())[1:]}}}},
        openapi_extra=_body(
            ("application/json", _ref("Application")),
            (XLSX, {"schema": {"type": "string", "format": "binary"}}),
            description="The application.",
        ),
    )
    async def evaluate_one(
        request: Request,
        as_of: AsOf,
        lang: LangQuery = Lang.ZH,
        format: Annotated[ReportFormat | None, Query(description="json, text, md or html (default: Accept)")] = None,
        rules: RulesQuery = None,
        growth_method: GrowthQuery = GrowthMethodName.GEOMETRIC,
        sharing_rule: SharingQuery = SharingRuleName.ALL_LISTED,
        rule_set: RuleSetQuery = None,
    ) -> Response:
        from ..evaluation import evaluate
        from ..render import render

        kind = require_media_type(request, (JSON, XLSX))
        raw = await read_body(request)
        fmt = _chosen_format(request, format)

        def work() -> str:
            application, located = _load(raw, kind)
            try:
                report = evaluate(
                    application,
                    as_of,
                    rules=_rule_ids(rules),
                    growth_method=growth_method.value,
                    sharing_rule=sharing_rule.value,
                    rule_set=rule_set,
                )
            except ApplicationError as exc:
                raise located(exc) from None
            return render(report, fmt, lang.value)

        return Response(await _limited(request, work), media_type=MEDIA[fmt])

    @router.post(
        "/evaluate-many",
        summary="Evaluate many applications (JSON Lines in, JSON Lines out, streamed)",
        description="One application per line. Each output line is the report (or its brief form with "
        '`detail=brief`), or the error record `{"line", "error", "problems"}` of a line that cannot be '
        "evaluated; the batch goes on after a bad line. Output is in input order and streamed as it is produced. "
        'When the time limit runs out mid-batch, the last line is `{"error": "time_limit", "next_line": n}`.',
        response_class=StreamingResponse,
        responses={200: {"content": {"application/x-ndjson": {"schema": {"type": "string"}}}}},
        openapi_extra=_body(
            ("application/x-ndjson", {"schema": {"type": "string"}}),
            description="JSON Lines, one application (the `Application` schema) per line.",
        ),
    )
    async def evaluate_many(
        request: Request,
        as_of: AsOf,
        detail: Annotated[Literal["full", "brief"], Query(description="full reports or brief ones")] = "full",
        rules: RulesQuery = None,
        growth_method: GrowthQuery = GrowthMethodName.GEOMETRIC,
        sharing_rule: SharingQuery = SharingRuleName.ALL_LISTED,
        rule_set: RuleSetQuery = None,
    ) -> StreamingResponse:
        from ..batch import evaluate_lines

        require_media_type(request, JSON_LINES)
        settings = settings_of(request)
        lines = (await read_body(request)).split(b"\n")
        if lines and not lines[-1].strip():
            lines.pop()  # the newline that ends the last line does not start another
        if len(lines) > settings.max_batch_lines:
            raise ServiceError.of(
                413,
                "too_many_lines",
                "",
                f"一次最多 {settings.max_batch_lines} 行，收到 {len(lines)} 行",
                f"at most {settings.max_batch_lines} lines per request, got {len(lines)}",
            )
        results = evaluate_lines(
            lines,
            as_of,
            rules=_rule_ids(rules),
            growth_method=growth_method.value,
            sharing_rule=sharing_rule.value,
            rule_set=rule_set,
            detail=detail,
        )
        deadline = time.monotonic() + settings.time_limit_seconds

        def stream() -> Iterator[bytes]:
            for result in results:
                yield result.json + b"\n"
                if time.monotonic() > deadline and result.line < len(lines):
                    yield _time_limit_record(result.line + 1, settings.time_limit_seconds)
                    return

        return StreamingResponse(stream(), media_type="application/x-ndjson")

    @router.post(
        "/status",
        summary="Monitoring status of a designated cluster's record",
        description="Validity, yearly reports and the Art. 14 grounds for revocation on `as_of`.",
        response_class=Response,
        responses={200: {"content": {"application/json": _ref("MonitoringReport"), "text/plain": {}}}},
        openapi_extra=_body(("application/json", _ref("DesignatedClusterRecord")), description="The record."),
    )
    async def status(
        request: Request,
        as_of: AsOf,
        lang: LangQuery = Lang.ZH,
        format: Annotated[Literal["json", "text"], Query(description="json or text")] = "json",
    ) -> Response:
        from ..procedure import load_record, monitor, monitoring_report_to_json, render_monitoring_text

        require_media_type(request, (JSON,))
        raw = await read_body(request)

        def work() -> str:
            report = monitor(load_record(raw), as_of)
            return monitoring_report_to_json(report) if format == "json" else render_monitoring_text(report, lang.value)

        return Response(await _limited(request, work), media_type=MEDIA[format])

    return router


def _time_limit_record(next_line: int, limit: float) -> bytes:
    record = {
        "line": next_line,
        "error": "time_limit",
        "next_line": next_line,
        "problems": [
            {
                "path": "",
                "code": "cc_time_limit",
                "message_zh": f"请求未能在 {limit:g} 秒内完成；从第 {next_line} 行起未评估",
                "message_en": f"the request did not finish within {limit:g} s; lines from {next_line} on were not "
                "evaluated",
            }
        ],
    }
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


OptionalAsOf = Annotated[
    dt.date | None, Query(description="Show the values in force on this date, YYYY-MM-DD (default: today).")
]


def _edition(rule_set: str | None, day: dt.date) -> Any:
    """The named edition, or the one in force on ``day``."""
    from ..ruleset.registry import resolve

    return resolve(rule_set, day)


def _reference_router() -> APIRouter:
    router = APIRouter(prefix=API, dependencies=[Depends(require_token)], responses=_ERRORS)

    @router.get("/rules", summary="The rules of an edition in legal order, with the values in force on a date")
    async def rules(as_of: OptionalAsOf = None, rule_set: RuleSetQuery = None) -> dict[str, Any]:
        from ..cli.rules import rules_data

        day = as_of or dt.date.today()
        return rules_data(_edition(rule_set, day), day)

    @router.get("/rules/{rule_id}", summary="One rule: clause, checks, parameters, qualitative items, readings")
    async def rule(
        rule_id: Annotated[str, Path(description="e.g. 6.1 or 7.2")],
        lang: LangQuery = Lang.ZH,
        as_of: OptionalAsOf = None,
        rule_set: RuleSetQuery = None,
    ) -> dict[str, Any]:
        from ..cli.explain import rule_data

        day = as_of or dt.date.today()
        return rule_data(rule_id, lang.value, _edition(rule_set, day), day)

    @router.get("/schemas/{which}", summary="JSON Schema of an input or an output")
    async def schema(which: Literal["input", "report", "brief", "record", "monitoring-report"]) -> JSONResponse:
        from ..brief import brief_schema
        from ..jsonio import input_schema, report_schema
        from ..procedure import monitoring_report_schema, record_schema

        makers = {
            "input": input_schema,
            "report": report_schema,
            "brief": brief_schema,
            "record": record_schema,
            "monitoring-report": monitoring_report_schema,
        }
        return JSONResponse(makers[which](), media_type="application/schema+json")

    @router.get("/divisions", summary="Jilin's division codes, or one unit and its members")
    async def divisions(
        query: Annotated[str | None, Query(description="a six-digit code or a name, e.g. 220284 or 磐石市")] = None,
    ) -> dict[str, Any]:
        from ..divisions import jilin_divisions

        table = jilin_divisions()
        rows = table.divisions
        if query:
            found = table.lookup(query)
            if found is None:
                raise ServiceError.of(404, "unknown_division", "query", f"未找到区划：{query}", f"no division {query}")
            rows = (found, *table.children(found))
        return {
            "source": table.source,
            "divisions": [
                {"code": d.code, "name": d.name, "level": d.level.value, "parent_code": d.parent_code} for d in rows
            ],
        }

    @router.get(
        "/template",
        summary="A blank application to fill in (JSON, or an .xlsx 申报表)",
        response_class=Response,
        responses={200: {"content": {"application/json": {}, XLSX: {}}}},
    )
    async def template(
        as_of: Annotated[dt.date, Query(description="planned assessment date: the three years before it are asked")],
        format: Annotated[Literal["json", "xlsx"], Query(description="json or xlsx")] = "json",
    ) -> Response:
        from ..template import blank_application

        if format == "xlsx":
            from ..excel import template_workbook

            headers = {"Content-Disposition": 'attachment; filename="application-template.xlsx"'}
            return Response(template_workbook(as_of.year), media_type=XLSX, headers=headers)
        text = json.dumps(blank_application(as_of.year), ensure_ascii=False, indent=2) + "\n"
        return Response(text, media_type=JSON)

    return router


def _open_router() -> APIRouter:
    router = APIRouter()

    @router.get(f"{API}/health", summary="Whether the service is up (no token needed)")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @router.get(f"{API}/version", summary="Versions of the library, the API and the rule sets")
    async def version() -> dict[str, Any]:
        from ..ruleset import rule_sets

        editions = [
            {
                "id": edition.id,
                "name_zh": edition.name_zh,
                "version": edition.version,
                "effective_date": edition.effective_date.isoformat(),
                "in_force_until": edition.in_force_until.isoformat() if edition.in_force_until else None,
            }
            for edition in rule_sets()
        ]
        # "rule_set" is the latest edition, kept for clients written before there was more than one.
        return {"library": __version__, "api": API.strip("/"), "rule_set": editions[-1], "rule_sets": editions}

    @router.get("/", include_in_schema=False)
    async def page() -> Response:
        return _static("upload.html", "text/html; charset=utf-8")

    @router.get("/static/upload.js", include_in_schema=False)
    async def script() -> Response:
        return _static("upload.js", "text/javascript; charset=utf-8")

    return router


# The page's own script and styles only: nothing from elsewhere, and the report frame runs no script at all.
_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "frame-src 'self' blob:; img-src 'self' data:; base-uri 'none'; form-action 'none'"
)


def _static(name: str, media_type: str) -> Response:
    body = resources.files(__package__).joinpath("static").joinpath(name).read_bytes()
    headers = {"Content-Security-Policy": _PAGE_POLICY, "X-Content-Type-Options": "nosniff"}
    return Response(body, media_type=media_type, headers=headers)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """The ASGI application; ``settings`` sets the limits, tokens and allowed origins (defaults: see there)."""
    app = FastAPI(
        title="cluster-criteria",
        version=__version__,
        description="Rules as code for the Jilin 2024 measures for SME characteristic industrial clusters: "
        "evaluate applications clause by clause, follow designated clusters, read the rules. Errors carry every "
        "problem with its field path in Chinese and English.",
    )
    app.state.settings = settings or ServiceSettings()
    install_handlers(app)
    app.include_router(_open_router())
    app.include_router(_evaluate_router())
    app.include_router(_reference_router())
    install_openapi(app)
    if app.state.settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(app.state.settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(AccessLog)
    return app
