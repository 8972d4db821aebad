"""Unknown query parameters are refused, as unknown body fields are: a typo in a
filter (`?stauts=new`) must not silently widen a list to everything. What each
operation takes is read from the app's own OpenAPI document."""

from __future__ import annotations

from fastapi import Request
from fastapi.routing import APIRoute

from server.errors import ApiError
from server.schemas.common import Problem


def _allowed(request: Request, route: APIRoute) -> frozenset[str]:
    cache: dict[tuple[str, str], frozenset[str]] = request.app.state.__dict__.setdefault("query_names", {})
    key = (route.path_format, request.method.lower())
    found = cache.get(key)
    if found is None:
        operation = request.app.openapi().get("paths", {}).get(route.path_format, {}).get(key[1], {})
        found = frozenset(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query")
        cache[key] = found
    return found


def refuse_unknown_query(request: Request) -> None:
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    allowed = _allowed(request, route)
    unknown = [key for key in dict.fromkeys(request.query_params.keys()) if key not in allowed]
    if unknown:
        known = ", ".join(sorted(allowed)) or "none"
        raise ApiError(
            422, f"unknown query parameter {unknown[0]!r}; this endpoint takes: {known}",
            problems=[Problem(loc=f"query.{key}", message="unknown query parameter") for key in unknown],
        )
