"""Sync endpoints (DESIGN §6): push change entries, pull changed records.

Every request names the protocol and the client's schema; a client that does not
match is told to update (426) and keeps its unsent entries until it has."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from starlette.concurrency import run_in_threadpool

from server import blobstore
from server.deps import Caller, CurrentCaller, Server, ServerState
from server.errors import ERROR_RESPONSES, ApiError, ErrorOut
from sync import apply, feed
from sync.protocol import MAX_PAGE, PROTOCOL_VERSION, WIRE_SCHEMA, PullResponse, PushRequest, PushResponse

router = APIRouter(prefix="/sync", tags=["sync"], responses={
    **ERROR_RESPONSES,
    409: {"model": ErrorOut, "description": "The store reuses sequence numbers: it must take a new client id"},
    426: {"model": ErrorOut, "description": "The client's protocol or schema does not match: update Branchdesk"},
})

LONG_POLL_MAX = 30
LONG_POLL_STEP = 0.25
DEVICE_CODE = re.compile(r"^[0-9A-Z]{1,40}$")


def _keeps_a_store(caller: Caller) -> None:
    if caller.user.role == "integration":
        raise ApiError(403, "an integration account keeps no store and does not sync; it logs tickets "
                            "through POST /tickets")


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
    body: PushRequest, caller: CurrentCaller, server: Server,
    x_branchdesk_protocol: Annotated[int, Header(ge=0, le=1000)],
    x_branchdesk_schema: Annotated[str, Header(max_length=40)],
    x_branchdesk_device: Annotated[str, Header(max_length=40)] = "UNKNOWN",
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
            results = apply.push(session, caller.ref, caller.user, body, x_branchdesk_device, now,
                                 blob_missing=blobstore.missing_reason)
    except apply.ClientIdReused as exc:
        raise ApiError(409, str(exc)) from None
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
) -> PullResponse:
    """Records in the caller's scope changed after `cursor`, oldest change first.
    With `wait`, an empty answer is held back until something changes (long poll)."""
    _keeps_a_store(caller)
    _versions(x_branchdesk_protocol, x_branchdesk_schema)
    deadline = time.monotonic() + wait
    while True:
        # The database work runs in the thread pool; the waiting in between holds no
        # thread, so sites in connected mode cannot use up the pool that every other
        # request needs. A poll whose client went away ends at once.
        page = await run_in_threadpool(_page, server, caller, cursor, limit, client)
        if page.cursor != cursor or time.monotonic() >= deadline or await request.is_disconnected():
            return page
        await asyncio.sleep(LONG_POLL_STEP)


def _page(server: ServerState, caller: Caller, cursor: int, limit: int, client: uuid.UUID | None) -> PullResponse:
    with server.db.read() as session:
        return feed.pull(session, caller.user, cursor, limit, server.clock(), client)
