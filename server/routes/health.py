"""GET /health: the database answers and its schema is the code's."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from core.models import Organisation
from server.deps import Server
from server.migrate import current_revision, head_revision
from server.schemas.health import HealthOut

router = APIRouter(tags=["health"])
log = logging.getLogger("branchdesk.server")


@router.get(
    "/health", response_model=HealthOut,
    responses={503: {"model": HealthOut, "description": "The database is unreachable or its schema is not the code's"}},
)
def health(server: Server) -> HealthOut | JSONResponse:
    head = head_revision()
    try:
        current = current_revision(server.db.read_engine)
        version = None
        if current == head:
            with server.db.read() as session:
                version = session.scalar(select(Organisation.version).where(Organisation.id == 1))
    except SQLAlchemyError as exc:
        log.error("health check: database unreachable: %s", exc)
        out = HealthOut(status="unavailable", database="unreachable", schema_revision=None, schema_head=head,
                        organisation_version=None, detail="the database cannot be reached")
        return JSONResponse(out.model_dump(), status_code=503)
    if current != head:
        out = HealthOut(status="unavailable", database="ok", schema_revision=current, schema_head=head,
                        organisation_version=None,
                        detail=f"the database schema is {current}, the server needs {head}; "
                               "run 'branchdesk-server upgrade'")
        return JSONResponse(out.model_dump(), status_code=503)
    if version is None:
        out = HealthOut(status="unavailable", database="ok", schema_revision=current, schema_head=head,
                        organisation_version=None, detail="no organisation imported; run 'branchdesk-server init'")
        return JSONResponse(out.model_dump(), status_code=503)
    return HealthOut(status="ok", database="ok", schema_revision=current, schema_head=head,
                     organisation_version=version)
