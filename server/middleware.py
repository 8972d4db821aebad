"""Two pure ASGI middlewares: a body size limit answered 413 before any parsing
(and a deadline for the body, answered 408),
and one structured log line per request (its fields go to server.logs.JsonFormatter;
never a header, a query string or a body, so no token or password is logged)."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.errors import error_response

access_log = logging.getLogger("branchdesk.server.requests")
USER_KEY = "branchdesk.user"
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# Of a body above the limit, at most this much more is read (and thrown away) so the
# client sees the 413; past it the connection is closed on the sender.
DRAIN_MAX = 256 * 1024 * 1024


class BodyLimit:
    """Reads the whole body (up to the limit, within the deadline) before the app sees it.

    A body above the limit is answered 413 with the JSON error; what the client is
    still sending is read and thrown away first (up to DRAIN_MAX bytes), so that it
    reads the answer rather than a connection reset in the middle of its upload. A body
    that has not arrived whole `seconds` after the request began (a slow-loris client
    trickling bytes to hold a connection) is answered 408 and its connection closed."""

    def __init__(self, app: ASGIApp, max_bytes: int, seconds: float = 30.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline = asyncio.get_running_loop().time() + self.seconds
        length = _header(scope, b"content-length")
        if length is not None:
            if not length.isdigit():
                await error_response(400, "the Content-Length header is not a number",
                                     headers={"Connection": "close"})(scope, receive, send)
                return
            if int(length) > self.max_bytes:
                await self._too_large(scope, receive, send, deadline)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await self._next(receive, deadline)
            if message is None:
                await self._too_slow(scope, receive, send)
                return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                if message.get("more_body", False):
                    await self._too_large(scope, receive, send, deadline)
                else:
                    await self._refuse_too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _next(receive: Receive, deadline: float) -> Message | None:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            return None
        try:
            return await asyncio.wait_for(receive(), timeout=left)
        except TimeoutError:
            return None

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, deadline: float) -> None:
        drained = 0
        while drained <= DRAIN_MAX:
            message = await self._next(receive, deadline)
            if message is None or message["type"] == "http.disconnect":
                break
            drained += len(message.get("body", b""))
            if not message.get("more_body", False):
                break
        await self._refuse_too_large(scope, receive, send)

    async def _refuse_too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413, f"the request body is larger than {self.max_bytes} bytes", headers={"Connection": "close"}
        )
        await response(scope, receive, send)

    async def _too_slow(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            408, f"the request body did not arrive within {self.seconds:g} seconds", headers={"Connection": "close"}
        )
        await response(scope, receive, send)


class RequestLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        given = (_header(scope, b"x-request-id") or "").strip()
        request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        status = 500

        async def send_logged(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_logged)
        finally:
            client = scope.get("client")
            access_log.info("request", extra={"fields": {
                "request_id": request_id,
                "method": scope.get("method"),
                "path": scope.get("path"),
                "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 2),
                "user": scope.get(USER_KEY),
                "client": client[0] if client else None,
            }})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None
