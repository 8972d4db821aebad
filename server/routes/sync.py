"""Sync endpoints (DESIGN §6): push change entries, pull changed records.

Every request names the protocol and the client's schema; a client that does not
match is told to update (426) and keeps its unsent entries until it has."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from server import blobstore
from server.backup import ensure_epoch, epoch_of
from server.deps import Caller, CurrentCaller, Server, ServerState
from server.errors import ERROR_RESPONSES, ApiError, ErrorOut
from sync import apply, feed
from sync.protocol import (
    ANSWERED_HEADER,
    EPOCH_HEADER,
    MAX_PAGE,
    PROTOCOL_VERSION,
    WIRE_SCHEMA,
    PullResponse,
    PushRequest,
    PushResponse,
)

router = APIRouter(prefix="/sync", tags=["sync"], responses={
    **ERROR_RESPONSES,
    409: {"model": ErrorOut, "description": "The store reuses sequence numbers: it must take a new client id"},
    412: {"model": ErrorOut, "description": "The server was restored from a backup since the client's last sync "
                                            "(X-Branchdesk-Epoch differs): the answer names the new epoch and how far "
                                            "the server holds this client's changes (X-Branchdesk-Answered-Through)"},
    426: {"model": ErrorOut, "description": "The client's protocol or schema does not match: update Branchdesk"},
})
Epoch = Annotated[str | None, Header(alias=EPOCH_HEADER, max_length=40,
                                     description="the server epoch of the client's last sync, if it has one")]

LONG_POLL_MAX = 30
LONG_POLL_STEP = 0.25
DEVICE_CODE = re.compile(r"^[0-9A-Z]{1,40}$")


def _keeps_a_store(caller: Caller) -> None:
    if caller.user.role == "integration":
        raise ApiError(403, "an integration account keeps no store and does not sync; it logs tickets "
                            "through POST /tickets")


def _same_epoch(session: Session, known: str | None, client: uuid.UUID | None, *, write: bool = False) -> str | None:
    """The database's epoch; 412 when the client synced with another (a restore came between).
    A database that has lost its epoch row (emptied by hand) is given one by the next push."""
    current = epoch_of(session)
    if current is None and write:
        current = ensure_epoch(session)
    if known and current and known != current:
        through = feed.answered_through(session, client)
        raise ApiError(412, "the server was restored from a backup since this device last synced; it holds this "
                            f"device's changes through {through}: send the later ones again",
                       headers={EPOCH_HEADER: current, ANSWERED_HEADER: str(through)})
    return current


def _versions(protocol: int, schema: str) -> None:
    if protocol != PROTOCOL_VERSION or schema != WIRE_SCHEMA:
        raise ApiError(
            426,
            f"this server speaks sync protocol {PROTOCOL_VERSION} with schema {WIRE_SCHEMA}; "
            f"the client sent protocol {protocol}, schema {schema}: update Branchdesk to sync "
            "(unsent changes are kept until then)",
        )


@router.post("/push", response_model=PushResponse)
def push(
    body: PushRequest, caller: CurrentCaller, server: Server, response: Response,
    x_branchdesk_protocol: Annotated[int, Header(ge=0, le=1000)],
    x_branchdesk_schema: Annotated[str, Header(max_length=40)],
    x_branchdesk_device: Annotated[str, Header(max_length=40)] = "UNKNOWN",
    epoch: Epoch = None,
) -> PushResponse:
    """Apply a batch of change entries in order, one transaction for the batch and an
    answer for each entry. Entries already applied get their first answer again."""
    # Checked after the body is validated, so a malformed batch is a 422 whatever it claims.
    _keeps_a_store(caller)
    _versions(x_branchdesk_protocol, x_branchdesk_schema)
    _versions(body.protocol, body.schema_revision)
    if not DEVICE_CODE.match(x_branchdesk_device):
        raise ApiError(400, "X-Branchdesk-Device must be the device code: letters and digits")
    now = server.clock()
    try:
        with server.db.write() as session:
            current = _same_epoch(session, epoch, body.client_id, write=True)
            results = apply.push(session, caller.ref, caller.user, body, x_branchdesk_device, now,
                                 blob_missing=blobstore.missing_reason)
    except apply.ClientIdReused as exc:
        raise ApiError(409, str(exc)) from None
    if current:
        response.headers[EPOCH_HEADER] = current
    return PushResponse(server_time=now, results=results)


@router.get("/pull", response_model=PullResponse)
async def pull(
    request: Request, caller: CurrentCaller, server: Server,
    x_branchdesk_protocol: Annotated[int, Header(ge=0, le=1000)],
    x_branchdesk_schema: Annotated[str, Header(max_length=40)],
    cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    wait: Annotated[int, Query(ge=0, le=LONG_POLL_MAX, description="seconds to wait for a change")] = 0,
    client: Annotated[uuid.UUID | None, Query(description="the asking store's client id")] = None,
    epoch: Epoch = None,
) -> Response:
    """Records in the caller's scope changed after `cursor`, oldest change first.
    With `wait`, an empty answer is held back until something changes (long poll)."""
    _keeps_a_store(caller)
    _versions(x_branchdesk_protocol, x_branchdesk_schema)
    deadline = time.monotonic() + wait
    while True:
        # The database work runs in the thread pool; the waiting in between holds no
        # thread, so sites in connected mode cannot use up the pool that every other
        # request needs. A poll whose client went away ends at once.
        page, current = await run_in_threadpool(_page, server, caller, cursor, limit, client, epoch)
        if page.cursor != cursor or time.monotonic() >= deadline or await request.is_disconnected():
            return Response(page.model_dump_json(), media_type="application/json",
                            headers={EPOCH_HEADER: current} if current else None)
        await asyncio.sleep(LONG_POLL_STEP)


def _page(server: ServerState, caller: Caller, cursor: int, limit: int, client: uuid.UUID | None,
          epoch: str | None) -> tuple[PullResponse, str | None]:
    with server.db.read() as session:
        current = _same_epoch(session, epoch, client)
        return feed.pull(session, caller.user, cursor, limit, server.clock(), client), current
