"""Reading request bodies within the size limit, checking tokens, and the access log (no content is logged)."""

from __future__ import annotations

import logging
import time
from typing import Any

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import ServiceError
from .settings import ServiceSettings

__all__ = ["AccessLog", "read_body", "require_token", "settings_of"]

access_log = logging.getLogger("cluster_criteria.service.access")

JSON = "application/json"
JSON_LINES = ("application/x-ndjson", "application/jsonl", "application/json-lines")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def settings_of(request: Request) -> ServiceSettings:
    settings: ServiceSettings = request.app.state.settings
    return settings


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def require_media_type(request: Request, accepted: tuple[str, ...]) -> str:
    """The request's media type when it is one of ``accepted``, else a 415 naming the accepted ones."""
    kind = media_type(request)
    if kind not in accepted:
        listed = ", ".join(accepted)
        raise ServiceError.of(
            415,
            "unsupported_media_type",
            "Content-Type",
            f"不支持的内容类型 {kind or '（未给出）'}；可用：{listed}",
            f"unsupported Content-Type {kind or '(none given)'}; send one of: {listed}",
        )
    return kind


async def read_body(request: Request) -> bytes:
    """The whole body, refused with 413 as soon as it exceeds the limit (a false Content-Length cannot get past)."""
    limit = settings_of(request).max_body_bytes
    too_large = ServiceError.of(
        413,
        "body_too_large",
        "",
        f"请求体超过上限 {limit} 字节",
        f"request body exceeds the limit of {limit} bytes",
    )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


async def require_token(request: Request) -> None:
    """A FastAPI dependency: with tokens configured, the request must carry one as ``Authorization: Bearer``."""
    settings = settings_of(request)
    if not settings.tokens:
        return
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not settings.token_accepted(presented.strip()):
        raise ServiceError.of(
            401,
            "unauthorized",
            "Authorization",
            "需要有效的访问令牌（Authorization: Bearer …）",
            "a valid bearer token is required (Authorization: Bearer …)",
        )


class AccessLog:
    """ASGI middleware: one log line per request — method, path, status, duration, response size. Never the query,
    the body or the caller's address: the service keeps no trace of what was evaluated."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen: dict[str, Any] = {"status": 500, "size": 0}

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            elif message["type"] == "http.response.body":
                seen["size"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            access_log.info(
                "%s %s %s %.1fms %dB",
                scope["method"],
                scope["path"],
                seen["status"],
                (time.perf_counter() - started) * 1000,
                seen["size"],
            )
