"""Attachment content (DESIGN §6: content-addressed blobs, uploaded and downloaded
separately and resumably). An upload is a series of PUTs with Content-Range, each
starting where the server's count of received bytes stands; a download may start
anywhere with Range. Content is read only by someone who sees a ticket holding an
attachment with it: to anyone else it does not exist (404)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from core.blobs import MAX_ATTACHMENT_BYTES, MIB
from server import blobstore
from server.deps import CurrentCaller, Server
from server.errors import ERROR_RESPONSES, ApiError, ErrorOut
from server.schemas.blobs import UploadStatusOut

router = APIRouter(prefix="/blobs", tags=["blobs"], responses=ERROR_RESPONSES)

MAX_CHUNK = MIB
Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="the content's SHA-256, 64 lowercase hex digits")]
CONTENT_RANGE = re.compile(r"^bytes (\d{1,12})-(\d{1,12})/(\d{1,12})$")
RANGE = re.compile(r"^bytes=(\d{1,12})-(\d{1,12})?$")
BINARY: dict[str, Any] = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}


def _status(state: blobstore.UploadState) -> UploadStatusOut:
    return UploadStatusOut(size=state.size, received=state.received, complete=state.complete)


@router.get("/{sha256}/upload", response_model=UploadStatusOut)
def upload_status(sha256: Sha, _caller: CurrentCaller, server: Server) -> UploadStatusOut:
    """How much of this content the server holds: an upload resumes from `received`."""
    with server.db.read() as session:
        return _status(blobstore.upload_state(session, sha256))


@router.put(
    "/{sha256}", response_model=UploadStatusOut,
    openapi_extra={"requestBody": {"required": True, "content": BINARY,
                                   "description": f"the chunk's bytes, at most {MAX_CHUNK}"}},
)
async def put_chunk(
    sha256: Sha, request: Request, _caller: CurrentCaller, server: Server,
    content_range: Annotated[str, Header(max_length=60, description="bytes START-END/TOTAL (END inclusive); "
                                                                    "START must equal what was received")],
) -> UploadStatusOut:
    """Send the next chunk of the content. A START other than the count received so
    far is refused (409, with the count) so that no byte is sent twice or missed; the
    last chunk completes the upload, and the content is checked against its SHA-256
    (422 and the upload discarded if it differs). Content already complete answers at once."""
    found = CONTENT_RANGE.match(content_range)
    if found is None:
        raise ApiError(400, "Content-Range must be 'bytes START-END/TOTAL'")
    start, end, total = (int(part) for part in found.groups())
    if total > MAX_ATTACHMENT_BYTES:
        raise ApiError(413, f"an attachment may be at most {MAX_ATTACHMENT_BYTES} bytes; this one is {total}")
    if total < 1 or end < start or end >= total:
        raise ApiError(400, "Content-Range must have START <= END < TOTAL, and TOTAL at least 1")
    chunk = await request.body()
    if len(chunk) != end - start + 1:
        raise ApiError(400, f"Content-Range names {end - start + 1} bytes; the body has {len(chunk)}")
    if len(chunk) > MAX_CHUNK:
        raise ApiError(413, f"a chunk may be at most {MAX_CHUNK} bytes")
    # the database work in the thread pool, as every other endpoint's
    return _status(await run_in_threadpool(_store_chunk, server, sha256, start, total, chunk))


def _store_chunk(server: Server, sha: str, start: int, total: int, chunk: bytes) -> blobstore.UploadState:
    refused: blobstore.UploadRefused | None = None
    with server.db.write() as session:
        try:
            state = blobstore.put_chunk(session, sha, start, total, chunk, server.clock())
        except blobstore.UploadRefused as exc:
            # caught inside the transaction, so a discarded upload stays discarded
            refused = exc
    if refused is not None:
        headers = {"X-Branchdesk-Received": str(refused.state.received)} if refused.state is not None else None
        raise ApiError(refused.status, refused.detail, headers=headers)
    return state


@router.get(
    "/{sha256}", response_class=Response,
    responses={
        200: {"content": BINARY, "description": "the whole content"},
        206: {"content": BINARY, "description": "the range asked for",
              "headers": {"Content-Range": {"schema": {"type": "string"}, "description": "bytes START-END/TOTAL"}}},
        416: {"model": ErrorOut, "description": "the range starts past the end of the content"},
    },
)
def get_blob(
    sha256: Sha, caller: CurrentCaller, server: Server,
    range_: Annotated[str | None, Header(alias="Range", max_length=60,
                                         description="bytes=START- or bytes=START-END, to resume a download")] = None,
) -> Response:
    """The content of an attachment on a ticket the caller sees; 404 otherwise."""
    start, end = 0, None
    if range_ is not None:
        found = RANGE.match(range_)
        if found is None:
            raise ApiError(400, "Range must be 'bytes=START-' or 'bytes=START-END'")
        start, end = int(found.group(1)), int(found.group(2)) if found.group(2) else None
        if end is not None and end < start:
            raise ApiError(400, "Range must have START <= END")
    with server.db.read() as session:
        if not blobstore.may_read(session, caller.user, sha256):
            raise ApiError(404, f"no attachment content {sha256} in your scope")
        if range_ is None:
            whole = blobstore.upload_state(session, sha256)
            found_blob = None
        else:
            found_blob = blobstore.read_blob(session, sha256, start, end)
    if range_ is None:
        if not whole.complete or whole.size is None:
            raise ApiError(404, f"the content {sha256} has not been uploaded yet")
        # streamed a chunk at a time, each read in a transaction of its own: the whole
        # content is never in the server's memory at once
        return StreamingResponse(_windows(server, sha256, whole.size), media_type="application/octet-stream",
                                 headers={"Content-Length": str(whole.size)})
    if found_blob is None:
        raise ApiError(404, f"the content {sha256} has not been uploaded yet")
    data, size = found_blob
    if start >= size:
        raise ApiError(416, f"the content has {size} bytes", headers={"Content-Range": f"bytes */{size}"})
    return Response(data, status_code=206, media_type="application/octet-stream",
                    headers={"Content-Range": f"bytes {start}-{start + len(data) - 1}/{size}"})


def _windows(server: Server, sha: str, size: int) -> Iterator[bytes]:
    for start in range(0, size, MAX_CHUNK):
        with server.db.read() as session:
            found = blobstore.read_blob(session, sha, start, start + MAX_CHUNK - 1)
        if found is None:
            return
        yield found[0]
