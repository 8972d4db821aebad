"""The snapshot a new device starts from (DESIGN §6 First sync): the caller's scope at
one cursor, as one gzip NDJSON stream (sync.snapshot); the device then pulls after it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ErrorOut
from server.routes.sync import _keeps_a_store, _versions
from sync import snapshot

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
