"""Signing a store in to a central server, and the client of a signed-in store.
Used by the command line and the desktop alike."""

from __future__ import annotations

import contextlib
import platform
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from core.errors import BranchdeskError, InvalidInput, StoreError
from core.store import Store, remove_database
from sync.client import ServerUnreachable, SyncClient, SyncError, SyncSummary, http_session
from sync.credentials import forget_token, load_token, save_token, token_key


@dataclass
class LoginResult:
    username: str
    role: str
    site: str | None
    summary: SyncSummary


def _post_login(http: requests.Session, server: str, body: dict[str, Any]) -> dict[str, Any]:
    try:
        answer = http.post(f"{server}/auth/login", json=body, timeout=(5, 30))
    except requests.exceptions.SSLError as exc:
        raise ServerUnreachable(f"the server's certificate is not trusted: {exc}") from None
    except requests.RequestException as exc:
        raise ServerUnreachable(f"cannot reach the server at {server}: {type(exc).__name__}") from None
    if answer.status_code != 200:
        try:
            detail = answer.json().get("detail")
        except ValueError:
            detail = None
        raise SyncError(f"login refused: {detail or 'HTTP ' + str(answer.status_code)}")
    result: dict[str, Any] = answer.json()
    return result


def login(
    path: Path, server: str, username: str, password: str, *, site: str | None = None,
    ca_bundle: str | None = None, progress: Callable[[int], None] | None = None,
    progress_of: Callable[[int, int], None] | None = None,
) -> LoginResult:
    """Sign in, register this device, keep the token in the keyring, and take the
    reference data and a snapshot of the user's scope. Creates the store if needed,
    and removes it again if the server did not let the person in. `progress` is told
    the records taken in so far; `progress_of` also the snapshot's total (0: unknown)."""
    server = server.rstrip("/")
    if not server.startswith(("http://", "https://")):
        raise InvalidInput("the server address starts with https:// (or http:// on a trusted network)", "server")
    existed = path.exists()
    store = Store.open(path, create=True)
    signed_in = False
    try:
        mode = store.meta("mode")
        if mode == "standalone":
            raise StoreError(f"{path} is a standalone store; sign in with a new --data-dir")
        known_server, known_user = store.meta("server_url"), store.meta("signed_in_user")
        if known_server and (known_server != server or known_user != username):
            raise StoreError(f"this store belongs to {known_user} on {known_server}; use another --data-dir")
        http = http_session(ca_bundle)
        body: dict[str, Any] = {"username": username, "password": password}
        if site:
            body["device"] = {"id": str(store.client_id), "name": platform.node()[:100] or "device", "site": site}
        session = _post_login(http, server, body)
        user = session["user"]
        if not site and user.get("site"):
            # Register the device at the person's home site: sign in once more with it.
            _logout(http, server, session["token"])
            body["device"] = {"id": str(store.client_id), "name": platform.node()[:100] or "device",
                              "site": user["site"]}
            session = _post_login(http, server, body)
        # The token goes into the keyring before the store says it is signed in: with
        # no keyring, the session is ended again and nothing about it is kept.
        store_key = store.meta("token_key") or str(uuid.uuid4())
        try:
            save_token(token_key(server, username, store_key), session["token"])
        except BranchdeskError:
            _logout(http, server, session["token"])
            raise
        with store.write() as db:
            store.set_meta(db, "token_key", store_key)
            store.set_meta(db, "mode", "server")
            store.set_meta(db, "server_url", server)
            store.set_meta(db, "signed_in_user", username)
            if ca_bundle:
                store.set_meta(db, "ca_bundle", ca_bundle)
            if user.get("site") or site:
                store.set_meta(db, "home_site", site or user["site"])
        # From here the store is signed in: a snapshot cut short resumes with `sync`.
        signed_in = True
        client = SyncClient(store, server, session["token"], ca_bundle=ca_bundle, http=http)
        if progress_of is not None:
            # with the snapshot's total, while it is taken in (0 when not known)
            def progress(count: int) -> None:
                progress_of(count, client.snapshot_total)
        summary = client.sync(progress=progress)
        return LoginResult(username, user["role"], user.get("site"), summary)
    finally:
        store.close()
        if not signed_in and not existed:
            remove_database(path)


def _logout(http: requests.Session, server: str, token: str) -> None:
    with contextlib.suppress(requests.RequestException):
        http.post(f"{server}/auth/logout", headers={"Authorization": f"Bearer {token}"}, timeout=(5, 30))


def logout(store: Store) -> None:
    server, username = store.meta("server_url"), store.meta("signed_in_user")
    if not server or not username:
        raise StoreError("this store is not signed in to a server")
    token = load_token(_key(store))
    if token:
        _logout(http_session(store.meta("ca_bundle"), retries=1), server, token)
    forget_token(_key(store))


def _key(store: Store) -> str:
    server, username, key = store.meta("server_url"), store.meta("signed_in_user"), store.meta("token_key")
    if not (server and username and key):
        raise StoreError("this store is not signed in to a server")
    return token_key(server, username, key)


def client_for(store: Store) -> SyncClient:
    """The sync client of a signed-in store, with its token from the keyring."""
    server, username = store.meta("server_url"), store.meta("signed_in_user")
    if not server or not username:
        raise StoreError("this store is not signed in to a server; run 'branchdesk login --server URL --username U'")
    token = load_token(_key(store))
    if not token:
        raise BranchdeskError("no sign-in token in the keyring for this store; run 'branchdesk login' again")
    return SyncClient(store, server, token, ca_bundle=store.meta("ca_bundle"))
