"""The FastAPI application, made by a factory: `create_app(settings)` in tests
and tools, `from_env()` for uvicorn (its workers each call it)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from fastapi import Depends, FastAPI

from core.blobs import MAX_ATTACHMENT_BYTES, MIB
from core.clock import utcnow
from server import errors
from server.config import Settings
from server.db import Database
from server.deps import ServerState
from server.middleware import BodyLimit, RequestLog
from server.querycheck import refuse_unknown_query
from server.routes import (
    articles,
    auth,
    blobs,
    devices,
    enrolment,
    health,
    kpis,
    reference,
    snapshot,
    sync,
    tickets,
    users,
)
from sync.protocol import MAX_BATCH, MAX_PAGE

log = logging.getLogger("branchdesk.server")

API_VERSION = "1"

DESCRIPTION = """The central Branchdesk server (DESIGN §7).

Sign in with `POST /auth/login`; send the token as `Authorization: Bearer TOKEN`.
Every answer in error is `{"detail": "…", "problems": [{"loc": "…", "message": "…"}]}`.
Tickets outside the caller's scope answer 404, as tickets that do not exist.

Limits: a request body may hold at most `max_body_bytes` (1 MiB unless the server
was started with `--max-body-bytes`; larger answers 413) and must arrive whole within
`body_seconds` (30 s; slower answers 408). A push carries at most {batch} entries;
a pull page at most {page} records (`limit`); an attachment's content is at most
{attachment} bytes, sent in chunks of at most {chunk} bytes. After 20 failed logins
from one address within 15 minutes, logins from it answer 429 with Retry-After
(beside each account's own lockout, 423). While the database cannot be reached,
requests answer 503 with Retry-After."""


def create_app(
    settings: Settings, *, database: Database | None = None, clock: Callable[[], datetime] = utcnow,
) -> FastAPI:
    db = database or Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(started: FastAPI) -> AsyncIterator[None]:
        # beside the first requests, never holding up the start (a database far away)
        threading.Thread(target=_warm, args=(started,), name="warm-up", daemon=True).start()
        yield
        if database is None:
            db.dispose()

    app = FastAPI(
        title="Branchdesk server", version=API_VERSION, lifespan=lifespan,
        description=DESCRIPTION.replace("{batch}", str(MAX_BATCH)).replace("{page}", str(MAX_PAGE))
        .replace("{attachment}", str(MAX_ATTACHMENT_BYTES)).replace("{chunk}", str(MIB)),
        dependencies=[Depends(refuse_unknown_query)],
    )
    app.state.server = ServerState(db=db, settings=settings, clock=clock)
    for module in (health, auth, reference, tickets, articles, kpis, users, devices, sync, snapshot, blobs, enrolment):
        app.include_router(module.router)
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, seconds=settings.body_seconds)
    app.add_middleware(RequestLog)  # added last, so it runs first and sees every answer
    return app


def _warm(app: FastAPI) -> None:
    """What the first request would otherwise wait for (a third of a second): the
    OpenAPI document the query check reads, and the organisation's reference data,
    whose calendars load the holiday tables. A database not reachable yet is no
    reason to stay down: the first request then loads them."""
    state: ServerState = app.state.server
    try:
        app.openapi()
        with state.db.read() as session:
            state.refs.get(session)
    except Exception as exc:  # noqa: BLE001 - a head start only: the first request does it otherwise
        log.info("reference data not loaded at start: %s", (str(exc).splitlines() or [type(exc).__name__])[0])


def from_env() -> FastAPI:
    """The app as `branchdesk-server serve` runs it: settings from BRANCHDESK_* variables."""
    return create_app(Settings.from_env())
