"""What a new device starts from (DESIGN §6 First sync): the caller's scope at one
cursor, as one gzip NDJSON stream (sync.snapshot), or for a central person the
latest store image (sync.image, server.store_image); the device then pulls after it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from core.lifecycle import CENTRAL_ROLES
from server import store_image
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ApiError, ErrorOut
from server.routes.sync import _keeps_a_store, _versions
from sync import snapshot
from sync.protocol import IMAGE_CURSOR_HEADER, IMAGE_RECORDS_HEADER, IMAGE_SHA_HEADER

router = APIRouter(prefix="/sync", tags=["sync"], responses={
    **ERROR_RESPONSES,
    426: {"model": ErrorOut, "description": "The client's protocol or schema does not match: update Branchdesk"},
})


@router.get("/snapshot", response_class=StreamingResponse, responses={200: {
    "content": {"application/x-ndjson": {}},
    "description": "gzip NDJSON: a header, then each kind's columns and rows in batches, then an end line",
}})
def take(
    caller: CurrentCaller, server: Server,
    x_branchdesk_protocol: Annotated[int, Header(ge=0, le=1000)],
    x_branchdesk_schema: Annotated[str, Header(max_length=40)],
    client: Annotated[uuid.UUID | None, Query(description="the asking store's client id")] = None,
) -> StreamingResponse:
    """Every record in the caller's scope at one cursor, with the tickets' SLA figures,
    in the form a store keeps them; pull after the cursor it names."""
    _keeps_a_store(caller)
    _versions(x_branchdesk_protocol, x_branchdesk_schema)
    user, now = caller.user, server.clock()

    def stream() -> Iterator[bytes]:
        # The transaction lives as long as the answer: one consistent view throughout.
        with server.db.read() as session:
            snapshot.begin(session)
            yield from snapshot.gzipped(snapshot.lines(session, user, client, now))

    return StreamingResponse(stream(), media_type="application/x-ndjson",
                             headers={"Content-Encoding": "gzip", "Cache-Control": "no-store"})


@router.get("/image", response_class=StreamingResponse, responses={200: {
    "content": {"application/zstd": {}},
    "description": "a store file, compressed with zstd; its SHA-256, cursor and record count in headers",
}})
def image(
    caller: CurrentCaller, server: Server,
    x_branchdesk_protocol: Annotated[int, Header(ge=0, le=1000)],
    x_branchdesk_schema: Annotated[str, Header(max_length=40)],
    revision: Annotated[str, Query(max_length=40, pattern=r"^[0-9a-z_]+$",
                                   description="the asking store's schema revision")],
) -> StreamingResponse:
    """The latest store image at the asking store's schema, for a central person (whose
    snapshot is every ticket); 404 when there is none: take the snapshot stream."""
    _keeps_a_store(caller)
    _versions(x_branchdesk_protocol, x_branchdesk_schema)
    if caller.user.role not in CENTRAL_ROLES:
        raise ApiError(404, "store images are for central roles; take the snapshot")
    with server.db.read() as session:
        held = store_image.latest(session, revision)
    if held is None:
        raise ApiError(404, f"no store image at schema {revision} yet; take the snapshot")
    return StreamingResponse(store_image.content(server.db, held.sha256, held.size), media_type="application/zstd",
                             headers={"Content-Length": str(held.size), "Cache-Control": "no-store",
                                      IMAGE_SHA_HEADER: held.sha256, IMAGE_CURSOR_HEADER: str(held.cursor),
                                      IMAGE_RECORDS_HEADER: str(held.records)})
