"""POST /enrolment/verify: a branch PC asks, before its first sign-in, whether the
enrolment file it was given was made by this server (core.enrolment's trust model).
No sign-in is needed: the file is what the PC has before it has an account here."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Body

from core.clock import iso
from core.enrolment import EnrolmentError, ForeignEnrolment
from server.deps import Server
from server.enrolment import confirm, load_key
from server.errors import ERROR_RESPONSES, ApiError
from server.schemas.enrolment import EnrolmentOut

router = APIRouter(tags=["enrolment"])


@router.post("/enrolment/verify", response_model=EnrolmentOut,
             responses={k: ERROR_RESPONSES[k] for k in (400, 408, 409, 413, 422, 503)})
def verify(server: Server, document: dict[str, Any] = Body(description="the enrolment file, as it is")) -> EnrolmentOut:
    path = server.settings.enrolment_key
    key = load_key(path) if path is not None else None
    try:
        enrolment = confirm(key, json.dumps(document), server.clock())
    except EnrolmentError as exc:
        raise ApiError(409 if isinstance(exc, ForeignEnrolment) else 422, str(exc)) from None
    return EnrolmentOut(server=enrolment.server, site=enrolment.site, expires_at=iso(enrolment.expires_at) or "")
