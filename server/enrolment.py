"""Enrolment files made by the server (`branchdesk-server enrol`) and checked by it
(POST /enrolment/verify), DESIGN §16; the file itself and its trust model are in
core.enrolment.

The signing key is an Ed25519 private key in a PEM file, made on first use, readable
by the server's account only: BRANCHDESK_ENROLMENT_KEY names it, else it is
`enrolment-key.pem` in the server's data folder. Every server process behind one
address must read the same file (it is one file on one machine with `--workers N`;
copy it to each machine behind a load balancer)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from core.enrolment import Enrolment, ForeignEnrolment, parse, public_key_text, sign
from core.errors import InvalidInput, StoreError
from server import config

ENV_KEY = config.ENV_ENROLMENT_KEY
ENV_PUBLIC_URL = "BRANCHDESK_PUBLIC_URL"
DEFAULT_DAYS = 30
LONGEST_DAYS = 366


def key_path(data_dir: Path) -> Path:
    return config.enrolment_key_path(data_dir)


def load_key(path: Path, *, create: bool = False) -> Ed25519PrivateKey | None:
    """The server's signing key; made (and kept, for the owner only) when create is set."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
        key = Ed25519PrivateKey.generate()
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
        return key
    except OSError as exc:
        raise StoreError(f"cannot read the enrolment key {path}: {exc.strerror}") from None
    try:
        loaded = load_pem_private_key(data, password=None)
    except ValueError:
        raise StoreError(f"{path} is not an enrolment key (an Ed25519 private key in PEM)") from None
    if not isinstance(loaded, Ed25519PrivateKey):
        raise StoreError(f"{path} is not an Ed25519 key")
    return loaded


def check_server_url(text: str | None) -> str:
    if not text:
        raise InvalidInput(f"give the address branch PCs reach this server at: --url URL or {ENV_PUBLIC_URL}", "url")
    url = text.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InvalidInput(f"the server address {text!r} must start with https:// (or http:// on a trusted network)",
                           "url")
    return url


def read_ca(path: str) -> str:
    """The CA certificate(s) in PEM, checked to be certificates."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"--ca: no file at {path}", "ca") from None
    except OSError as exc:
        raise InvalidInput(f"--ca: cannot read {path}: {exc.strerror}", "ca") from None
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise InvalidInput(f"--ca: {path} holds no PEM certificate", "ca") from None
    return "".join(c.public_bytes(Encoding.PEM).decode("ascii") for c in certificates)


def make_enrolment(key: Ed25519PrivateKey, server_url: str, site: str, ca_pem: str | None, now: datetime,
                   days: float = DEFAULT_DAYS) -> tuple[Enrolment, str]:
    """The enrolment and the signed text of its file."""
    if not 0 < days <= LONGEST_DAYS:
        raise InvalidInput(f"--days must be more than 0 and at most {LONGEST_DAYS}", "days")
    issued = now.replace(microsecond=0)
    enrolment = Enrolment(server=check_server_url(server_url), site=site, ca_pem=ca_pem, issued_at=issued,
                          expires_at=issued + timedelta(days=days), public_key=public_key_text(key))
    return enrolment, sign(enrolment, key)


def confirm(key: Ed25519PrivateKey | None, text: str, now: datetime) -> Enrolment:
    """What POST /enrolment/verify answers: the file verifies, has not expired, and
    was signed with this server's key; else EnrolmentError saying which."""
    enrolment = parse(text, now)
    if key is None or enrolment.public_key != public_key_text(key):
        raise ForeignEnrolment("this enrolment file was not made by this server")
    return enrolment
