"""Joining the central server with an enrolment file (core.enrolment): the file is
checked here, then shown to the server it names, which must confirm it made it
(POST /enrolment/verify), and only then is the person signed in, with the server's
address, the site and the CA certificate taken from the file.

The CA certificate is kept beside the store (server-ca.pem) and trusted for this
store's server from then on, as `login --ca-bundle` does."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import requests

from core.enrolment import Enrolment, EnrolmentError, ForeignEnrolment, parse
from sync.account import LoginResult, login
from sync.client import ServerUnreachable, SyncError, http_session

CA_FILE = "server-ca.pem"


def confirm_with_server(enrolment: Enrolment, text: str, ca_bundle: str | None) -> None:
    """The server the file names says it made the file; else the refusal, in one line."""
    http = http_session(ca_bundle, retries=1)
    server = enrolment.server
    try:
        answer = http.post(f"{server}/enrolment/verify", json=json.loads(text), timeout=(5, 30))
    except requests.exceptions.SSLError:
        raise ServerUnreachable(f"the certificate of the server at {server} is not trusted") from None
    except requests.RequestException as exc:
        raise ServerUnreachable(f"cannot reach the server at {server}: {type(exc).__name__}") from None
    finally:
        http.close()
    if answer.status_code == 200:
        return
    try:
        detail = str(answer.json().get("detail") or "")
    except ValueError:
        detail = ""
    if answer.status_code in (404, 405, 409):  # 404/405: the address answers, but no Branchdesk takes the file
        raise ForeignEnrolment(f"this enrolment file was not made by the server at {server}")
    if answer.status_code == 422:
        raise EnrolmentError(f"the server at {server} refused the enrolment file: {detail}", "tampered")
    raise SyncError(f"the server at {server} could not check the enrolment file: {detail or answer.status_code}")


@dataclass(frozen=True)
class Enrolled:
    server: str
    site: str
    result: LoginResult


def login_enrolled(store_path: Path, text: str, username: str, password: str, now: datetime, *,
                   progress: Callable[[int], None] | None = None,
                   progress_of: Callable[[int, int], None] | None = None,
                   name: str = "the enrolment file") -> Enrolled:
    """A store at store_path signed in to the server the enrolment names, for its site."""
    enrolment = parse(text, now, name)
    ca_bundle: str | None = None
    folder = store_path.parent
    ca_file = folder / CA_FILE
    made_folder = not folder.exists()
    made_ca = False
    if enrolment.ca_pem:
        folder.mkdir(parents=True, exist_ok=True)
        made_ca = not ca_file.exists()
        ca_file.write_text(enrolment.ca_pem, encoding="ascii")
        ca_bundle = str(ca_file)
    try:
        confirm_with_server(enrolment, text, ca_bundle)
        result = login(store_path, enrolment.server, username, password, site=enrolment.site,
                       ca_bundle=ca_bundle, progress=progress, progress_of=progress_of)
        return Enrolled(enrolment.server, enrolment.site, result)
    except BaseException:
        # a refused file leaves the PC as it was: no CA, and no data folder made for it
        if made_ca:
            with contextlib.suppress(OSError):
                ca_file.unlink()
        if made_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty: nothing else was put there meanwhile
        raise
