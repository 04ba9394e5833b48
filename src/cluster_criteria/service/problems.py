"""Every error the service answers with: the library's own problem records, with a 4xx status and no traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ApplicationError, InputProblem, UnknownRuleError, UnknownRuleSetError
from ..problems import path_of, zh_message

__all__ = ["ServiceError", "install_handlers", "problem_response"]

_log = logging.getLogger("cluster_criteria.service")

_STATUS_WORDS = {
    401: (
        "需要有效的访问令牌（Authorization: Bearer …）",
        "a valid bearer token is required (Authorization: Bearer …)",
    ),
    404: ("没有这个地址", "no such path"),
    405: ("该地址不支持此请求方法", "method not allowed on this path"),
}


class ServiceError(Exception):
    """A request the service refuses: the status, and one problem naming where and why in both languages."""

    def __init__(self, status: int, error: str, problem: InputProblem) -> None:
        super().__init__(problem.message_en)
        self.status = status
        self.error = error
        self.problem = problem

    @classmethod
    def of(cls, status: int, error: str, path: str, zh: str, en: str) -> ServiceError:
        return cls(status, error, InputProblem(path, zh, en, f"cc_{error}"))


def problem_response(status: int, error: str, problems: tuple[InputProblem, ...]) -> JSONResponse:
    body = {**ApplicationError(problems).as_dict(), "error": error}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


async def _service_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServiceError)
    return problem_response(exc.status, exc.error, (exc.problem,))


async def _application_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApplicationError)
    return problem_response(422, "invalid_input", exc.problems)


async def _unknown_rule(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnknownRuleError)
    known = ", ".join(exc.known)
    problem = InputProblem(
        "rules",
        f"未知的条款编号 {exc.rule_id!r}；可用编号：{known}",
        f"unknown rule {exc.rule_id!r}; known rules: {known}",
        "cc_unknown_rule",
    )
    return problem_response(404 if request.path_params.get("rule_id") else 400, "unknown_rule", (problem,))


async def _unknown_rule_set(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnknownRuleSetError)
    known = ", ".join(exc.known)
    problem = InputProblem(
        "rule_set",
        f"未知的规则版本 {exc.rule_set_id!r}；可用版本：{known}",
        f"unknown rule set {exc.rule_set_id!r}; known rule sets: {known}",
        "cc_unknown_rule_set",
    )
    return problem_response(400, "unknown_rule_set", (problem,))


async def _request_validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        where = path_of(tuple(error.get("loc", ())))
        problems.append(InputProblem(where, zh_message(error), str(error.get("msg", "")), str(error.get("type", ""))))
    return problem_response(422, "invalid_request", tuple(problems))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    zh, en = _STATUS_WORDS.get(exc.status_code, (str(exc.detail), str(exc.detail)))
    return problem_response(exc.status_code, "http_error", (InputProblem("", zh, en, f"cc_http_{exc.status_code}"),))


async def _defect(request: Request, exc: Exception) -> JSONResponse:
    # A defect of the service itself: logged here (without the request's content), never shown to the caller.
    _log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path)
    problem = InputProblem(
        "", "服务内部错误，请求未完成", "internal error; the request was not completed", "cc_internal"
    )
    return problem_response(500, "internal_error", (problem,))


def install_handlers(app: Any) -> None:
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(ApplicationError, _application_error)
    app.add_exception_handler(UnknownRuleError, _unknown_rule)
    app.add_exception_handler(UnknownRuleSetError, _unknown_rule_set)
    app.add_exception_handler(RequestValidationError, _request_validation)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _defect)
