"""The enrolment file: what an administrator hands a branch PC so that it joins the
central server without anyone typing an address (DESIGN §16).

A small JSON file: the server's address, the site, optionally the CA certificate
that signed the server's TLS certificate, when it was made and until when it may be
used, the server's Ed25519 public key and the signature of all of that by the
server's private key (kept on the server, never in the file).

Trust model. The file is delivered by the administrator (a USB stick, the branch
share, an e-mail), the way any first configuration is; what the client can check is:
- integrity: the signature must verify with the key the file names, so a file edited
  after it was made (an address or a site changed by hand) is refused as tampered;
- age: an expired file is refused, so one lost in a mailbox stops working;
- origin: before the first sign-in the client shows the file to the server at the
  address it names, over TLS trusted through the file's CA (POST /enrolment/verify);
  that server answers yes only if the signing key is its own and the file verifies.
  A file made by another Branchdesk server, or re-signed by someone else with a key
  of their own, is refused there as foreign.
The client cannot verify the signature's origin offline (it has no key to compare
with before it has ever talked to the server); someone able to replace the whole file
and to run a server of their own at the address in it could enrol a PC to their
server, as with any configuration delivered by hand. The CA certificate carried in
the file is what pins the server's TLS identity from then on.

No HTTP and no Qt here: making and checking the file; the server keeps the key
(server.enrolment) and sync.enrolment asks the server."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from core.clock import iso, parse_iso
from core.errors import InvalidInput

FORMAT = "branchdesk-enrolment"
FORMAT_VERSION = 1
SUFFIX = ".bdenrol"
LARGEST = 64 * 1024  # bytes: a CA certificate chain fits many times over


class EnrolmentError(InvalidInput):
    """An enrolment file that cannot be used; its message says why, in one line, and
    `kind` which reason it is (for the window's own words): "unreadable", "not-enrolment",
    "other-version", "tampered", "expired" or "foreign"."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message, "enrolment")
        self.kind = kind


class ForeignEnrolment(EnrolmentError):
    """A sound enrolment file that the server it names did not make."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "foreign")


@dataclass(frozen=True)
class Enrolment:
    server: str
    site: str
    ca_pem: str | None
    issued_at: datetime
    expires_at: datetime
    public_key: str  # base64 of the 32 raw bytes of the server's Ed25519 key

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)

    def body(self) -> dict[str, Any]:
        return {"server": self.server, "site": self.site, "ca_pem": self.ca_pem, "issued_at": iso(self.issued_at),
                "expires_at": iso(self.expires_at), "public_key": self.public_key}


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def key_id(public_key: str) -> str:
    """A short fingerprint of a public key, to name it in messages and logs."""
    return hashlib.sha256(public_key.encode("ascii")).hexdigest()[:16]


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def sign(enrolment: Enrolment, key: Ed25519PrivateKey) -> str:
    """The file's text: the body and the key's signature of it."""
    if enrolment.public_key != public_key_text(key):
        raise ValueError("the enrolment names another key than the one signing it")
    body = enrolment.body()
    document = {"format": FORMAT, "version": FORMAT_VERSION, "body": body,
                "signature": base64.b64encode(key.sign(_canonical(body))).decode("ascii")}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def read_file(path: str | Path) -> str:
    file = Path(path)
    try:
        if file.stat().st_size > LARGEST:
            raise EnrolmentError(f"{file.name} is not a Branchdesk enrolment file (it is far too large)", "not-enrolment")
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EnrolmentError(f"there is no enrolment file at {path}", "unreadable") from None
    except UnicodeDecodeError:
        raise EnrolmentError(f"{file.name} is not a Branchdesk enrolment file", "not-enrolment") from None
    except OSError as exc:
        raise EnrolmentError(f"cannot read {path}: {exc.strerror}", "unreadable") from None


def parse(text: str, now: datetime, name: str = "the file") -> Enrolment:
    """The enrolment in `text`, once its signature and expiry are checked; else
    EnrolmentError saying, in one line, why it cannot be used."""
    foreign = EnrolmentError(f"{name} is not a Branchdesk enrolment file", "not-enrolment")
    try:
        document = json.loads(text)
    except ValueError:
        raise foreign from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise foreign
    if document.get("version") != FORMAT_VERSION:
        raise EnrolmentError(f"{name} is an enrolment file of another Branchdesk version; ask for a new one",
                             "other-version")
    tampered = EnrolmentError(f"{name} has been changed since the server made it; ask for a new one", "tampered")
    body, signature = document.get("body"), document.get("signature")
    if not isinstance(body, dict) or not isinstance(signature, str):
        raise tampered
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(body["public_key"], validate=True))
        public.verify(base64.b64decode(signature, validate=True), _canonical(body))
        enrolment = Enrolment(
            server=str(body["server"]), site=str(body["site"]), ca_pem=body["ca_pem"],
            issued_at=parse_iso(body["issued_at"]), expires_at=parse_iso(body["expires_at"]),
            public_key=str(body["public_key"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError, binascii.Error, InvalidSignature):
        raise tampered from None
    if enrolment.ca_pem is not None and not isinstance(enrolment.ca_pem, str):
        raise tampered
    if now >= enrolment.expires_at:
        raise EnrolmentError(f"{name} expired on {enrolment.expires_at:%Y-%m-%d %H:%M} UTC; ask for a new one",
                             "expired")
    return enrolment


def load(path: str | Path, now: datetime) -> Enrolment:
    return parse(read_file(path), now, Path(path).name)
