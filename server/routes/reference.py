"""The organisation's reference data: GET for every client to cache offline, PUT
for administrators to import a changed organisation file."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Organisation
from core.orgfile import OrgFileError, parse_org
from server.accounts import import_organisation
from server.deps import CurrentCaller, ReferenceAdmin, Server, ServerState
from server.errors import ERROR_RESPONSES, ApiError
from server.reference_shapes import VIEW_USER_KEYS, Shape, shape_of, shaped_source
from server.schemas.common import Problem
from server.schemas.reference import ReferenceImport, ReferenceOut, ReferenceUser, ReferenceVersionOut
from server.userviews import user_views

router = APIRouter(prefix="/reference", tags=["reference"], responses=ERROR_RESPONSES)


def etag(version: int, shape: Shape) -> str:
    return f'"reference-{version}-{shape}"'


@router.get("", response_model=ReferenceOut, responses={304: {"description": "Not changed since the ETag given"}})
def get_reference(
    caller: CurrentCaller, server: Server,
    if_none_match: Annotated[str | None, Header(max_length=200)] = None,
) -> Response:
    """The organisation file (without passwords), every user, and the version, as
    the caller's role receives them (server/README.md). Send the ETag back as
    If-None-Match to get 304 when nothing changed."""
    shape = shape_of(caller.user.role)
    tag = etag(caller.ref.version, shape)
    if if_none_match is not None and tag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers={"ETag": tag})
    version, body = _body(server, caller.ref.version, shape)
    return Response(body, media_type="application/json", headers={"ETag": etag(version, shape)})


def _body(server: ServerState, version: int, shape: Shape) -> tuple[int, bytes]:
    """The answer for `version` in `shape`, rendered once per version, shape and
    process. Every change to the organisation or to who exists bumps the version
    (server.accounts), so a rendering is never stale: this is a cache of the
    database, not state."""
    key = f"reference:{shape}"
    cached = server.cache.get(key)
    if cached is not None and cached[0] == version:
        return cached
    with server.db.read() as session:
        rendered = render(session, shape)
    server.cache[key] = rendered
    return rendered


def render(session: Session, shape: Shape) -> tuple[int, bytes]:
    """The reference document in `shape`, and its version."""
    org = session.get(Organisation, 1)
    if org is None:
        raise ApiError(503, "no organisation imported; run 'branchdesk-server init'")
    fields = set(VIEW_USER_KEYS[shape])
    out = ReferenceOut(version=org.version, shape=shape, name=org.name, source=shaped_source(org.source, shape),
                       users=[ReferenceUser(**u.model_dump(include=fields)) for u in user_views(session)])
    # what a shape leaves out is absent from the answer, not null
    return out.version, out.model_dump_json(exclude_unset=True).encode()


@router.put("", response_model=ReferenceVersionOut)
def put_reference(body: ReferenceImport, _caller: ReferenceAdmin, server: Server) -> ReferenceVersionOut:
    """Import a changed organisation file, as `branchdesk-server init --org` does.
    The file is checked whole first; a refused file changes nothing."""
    try:
        spec = parse_org(body.source)
    except OrgFileError as exc:
        raise ApiError(
            422, f"organisation file refused, {len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}",
            problems=[Problem(loc="body.source", message=p) for p in exc.problems],
        ) from None
    with server.db.write() as session:
        before = session.scalar(select(Organisation.version).where(Organisation.id == 1))
        version = import_organisation(session, spec, body.source, server.clock())
    return ReferenceVersionOut(version=version, changed=version != before)
