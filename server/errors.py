"""Every refusal as one JSON shape, `{"detail": …, "problems": […]}`, with the
status that says what kind of refusal it is. Nothing a client sends reaches a
500: malformed JSON, wrong types and unknown fields are 422, domain errors from
core map to 4xx, and a database that cannot be reached is 503."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException

from core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound, StoreError
from server.schemas.common import ErrorOut, Problem

log = logging.getLogger("branchdesk.server")
# While the database is away: clients (and their retries) try again after this many seconds.
RETRY_LATER = {"Retry-After": "5"}


class ApiError(Exception):
    def __init__(
        self, status: int, detail: str, *, problems: list[Problem] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.problems = problems or []
        self.headers = headers


def unauthorized(detail: str) -> ApiError:
    return ApiError(401, detail, headers={"WWW-Authenticate": "Bearer"})


def error_response(status: int, detail: str, problems: list[Problem] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorOut(detail=detail, problems=problems or [])
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


# The error answers every operation may give, for the OpenAPI document.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The request cannot be read"},
    401: {"model": ErrorOut, "description": "Not signed in, or the session ended"},
    403: {"model": ErrorOut, "description": "The caller's role does not permit this"},
    404: {"model": ErrorOut, "description": "No such thing in the caller's scope"},
    408: {"model": ErrorOut, "description": "The request body did not arrive in time"},
    413: {"model": ErrorOut, "description": "The request body is too large"},
    422: {"model": ErrorOut, "description": "A value in the request is wrong"},
    409: {"model": ErrorOut, "description": "The change conflicts with the current state"},
    503: {"model": ErrorOut, "description": "The database cannot be reached: try again after Retry-After seconds",
          "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}}},
}


def _loc(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc) or "request"


def _validation_problems(exc: RequestValidationError) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    for error in exc.errors():
        kind = error.get("type", "")
        loc = _loc(tuple(error.get("loc", ())))
        if kind == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "")
            return f"the request body is not valid JSON{': ' + str(reason) if reason else ''}", [
                Problem(loc="body", message="not valid JSON")
            ]
        if kind == "extra_forbidden":
            message = "unknown field"
        elif kind == "missing":
            message = "required"
        else:
            message = str(error.get("msg", "invalid value"))
        problems.append(Problem(loc=loc, message=message))
    if not problems:
        return "invalid request", problems
    first = problems[0]
    more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
    return f"{first.loc}: {first.message}{more}", problems


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.detail, exc.problems, exc.headers)

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such endpoint; see /openapi.json"
        return error_response(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail, problems = _validation_problems(exc)
        return error_response(422, detail, problems)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(InvalidInput)
    async def _bad_value(_request: Request, exc: InvalidInput) -> JSONResponse:
        problems = [Problem(loc=exc.field, message=str(exc))] if exc.field else []
        return error_response(422, str(exc), problems)

    @app.exception_handler(NotAllowed)
    async def _not_allowed(_request: Request, exc: NotAllowed) -> JSONResponse:
        return error_response(403, str(exc))

    @app.exception_handler(InvalidTransition)
    async def _conflict(_request: Request, exc: InvalidTransition) -> JSONResponse:
        return error_response(409, str(exc))

    @app.exception_handler(StoreError)
    async def _store(_request: Request, exc: StoreError) -> JSONResponse:
        log.error("database not usable: %s", exc)
        return error_response(503, str(exc), headers=RETRY_LATER)

    @app.exception_handler(OperationalError)
    async def _db_down(_request: Request, exc: OperationalError) -> JSONResponse:
        log.error("database unavailable: %s", exc.orig)
        # SQLite's words, and PostgreSQL's disk_full (53100: a table or index could not grow)
        if ("disk is full" in str(exc.orig) or "disk I/O error" in str(exc.orig)
                or getattr(exc.orig, "sqlstate", None) == "53100"):
            return error_response(503, "the server's disk is full; nothing was changed: try again once an "
                                       "administrator has made room", headers=RETRY_LATER)
        return error_response(503, "the database cannot be reached; try again shortly", headers=RETRY_LATER)

    @app.exception_handler(DataError)
    async def _db_refused_value(_request: Request, exc: DataError) -> JSONResponse:
        # e.g. a NUL character, which PostgreSQL text cannot hold: the value is the client's to fix
        log.info("database refused a value: %s", exc.orig)
        return error_response(422, "a value in the request cannot be stored or searched for "
                                   "(it may hold a NUL character or be out of range)")

    @app.exception_handler(IntegrityError)
    async def _db_conflict(_request: Request, exc: IntegrityError) -> JSONResponse:
        # A conflict between two writers (a unique key raced for) is the client's to retry.
        log.warning("database refused a write: %s", exc.orig)
        return error_response(409, "the change conflicted with another one made at the same time; try again")
