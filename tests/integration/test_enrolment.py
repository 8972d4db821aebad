"""Enrolment files (DESIGN §16): `branchdesk-server enrol` writes one for a site, and
`branchdesk login --enrolment FILE` joins the server it names with only a username
and a password; an expired, tampered or foreign file, or one that is no enrolment
file at all, is refused with one clear line and leaves no store behind. Both ends are
real: the server's command on its database and a server on a loopback port."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from core.clock import utcnow
from core.enrolment import EnrolmentError, parse
from core.store import Store
from core.version import branchdesk_version
from desktop.cli.main import run as branchdesk
from server.cli import run as branchdesk_server
from server.enrolment import load_key, make_enrolment
from tests.gui.gui_sync_kit import LocalServer, MemoryKeyring, cheap_hashing

SITE = "PL-WAW-002"


@pytest.fixture
def central(tmp_path: Path) -> Iterator[LocalServer]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    with cheap_hashing():
        server = LocalServer(tmp_path / "server").start()
        try:
            yield server
        finally:
            server.stop()
            keyring.set_keyring(previous)


def enrol(central: LocalServer, out: Path, *extra: str) -> int:
    return branchdesk_server(["--data-dir", str(central.data_dir), "--database-url", central.database_url,
                              "enrol", "--url", central.url, "--out", str(out), *extra])


def login(data_dir: Path, *args: str, password: str = "pw-ola") -> int:
    import sys

    saved = sys.stdin
    sys.stdin = io.StringIO(password + "\n")
    try:
        return branchdesk(["--data-dir", str(data_dir), "login", "--username", "ola", "--password-stdin", *args])
    finally:
        sys.stdin = saved


def ca_certificate(path: Path) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Northwind test CA")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(Encoding.PEM))
    return path


def test_an_enrolment_file_gets_a_new_pc_signed_in_for_its_site(central: LocalServer, tmp_path: Path,
                                                                capsys: Any) -> None:
    file = tmp_path / "waw.bdenrol"
    assert enrol(central, file, "--site", SITE.lower()) == 0
    assert f"enrolment file for {SITE} on {central.url} written to {file}" in capsys.readouterr().out
    enrolment = parse(file.read_text(encoding="utf-8"), utcnow())
    assert (enrolment.server, enrolment.site, enrolment.ca_pem) == (central.url, SITE, None)
    assert timedelta(days=29) < enrolment.expires_at - utcnow() <= timedelta(days=30)
    # the key stays on the server, readable by its owner only
    key_file = central.data_dir / "enrolment-key.pem"
    assert key_file.stat().st_mode & 0o077 == 0 and b"PRIVATE KEY" not in file.read_bytes()

    pc = tmp_path / "pc"
    assert login(pc, "--enrolment", str(file)) == 0
    assert capsys.readouterr().out.startswith(f"signed in to {central.url} as ola")
    store = Store.open(pc / "branchdesk.sqlite3")
    try:
        assert (store.meta("mode"), store.meta("server_url"), store.meta("home_site")) == (
            "server", central.url, SITE)
    finally:
        store.close()
    assert branchdesk(["--data-dir", str(pc), "sync"]) == 0


def test_a_file_with_a_ca_carries_it_and_the_pc_trusts_it_from_then_on(central: LocalServer, tmp_path: Path) -> None:
    ca = ca_certificate(tmp_path / "ca.pem")
    file = tmp_path / "waw.bdenrol"
    assert enrol(central, file, "--site", SITE, "--ca", str(ca), "--days", "2") == 0
    enrolment = parse(file.read_text(encoding="utf-8"), utcnow())
    assert enrolment.ca_pem == ca.read_text()
    assert enrolment.expires_at - enrolment.issued_at == timedelta(days=2)
    pc = tmp_path / "pc"
    assert login(pc, "--enrolment", str(file)) == 0
    store = Store.open(pc / "branchdesk.sqlite3")
    try:
        assert store.meta("ca_bundle") == str(pc / "server-ca.pem")
        assert (pc / "server-ca.pem").read_text() == ca.read_text()
    finally:
        store.close()


def tampered(text: str) -> str:
    document = json.loads(text)
    document["body"]["site"] = "PL-POZ-001"
    return json.dumps(document)


def expired(central: LocalServer) -> str:
    key = load_key(central.data_dir / "enrolment-key.pem", create=True)
    assert key is not None
    return make_enrolment(key, central.url, SITE, None, utcnow() - timedelta(days=3), days=1)[1]


def foreign(central: LocalServer, ca: Path | None = None) -> str:
    # sound in itself, but signed by a key that is not this server's (another server, or a forger)
    ca_pem = ca_certificate(ca).read_text() if ca else None
    return make_enrolment(Ed25519PrivateKey.generate(), central.url, SITE, ca_pem, utcnow())[1]


@pytest.mark.parametrize(("make", "words"), [
    (lambda c, good: tampered(good), "has been changed since the server made it"),
    (lambda c, good: expired(c), "expired on"),
    (lambda c, good: foreign(c), "was not made by the server at "),
    # the CA it carries is put beside the store while the server is asked, then taken away
    (lambda c, good: foreign(c, c.data_dir / "other-ca.pem"), "was not made by the server at "),
    (lambda c, good: '[organisation]\nname = "Northwind"\n', "is not a Branchdesk enrolment file"),
    (lambda c, good: good[: len(good) // 2], "is not a Branchdesk enrolment file"),
], ids=["tampered", "expired", "foreign", "foreign with a CA", "an organisation file", "cut short"])
def test_a_file_that_cannot_be_used_is_refused_in_one_line_and_leaves_no_store(
        central: LocalServer, tmp_path: Path, capsys: Any, make: Any, words: str) -> None:
    good = tmp_path / "good.bdenrol"
    assert enrol(central, good, "--site", SITE) == 0
    bad = tmp_path / "bad.bdenrol"
    bad.write_text(make(central, good.read_text(encoding="utf-8")), encoding="utf-8")
    capsys.readouterr()
    pc = tmp_path / "pc"
    assert login(pc, "--enrolment", str(bad)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and words in err, err
    assert not pc.exists()  # no store, no CA, not even the data folder


def test_the_server_confirms_only_files_it_made(central: LocalServer, tmp_path: Path) -> None:
    good = tmp_path / "good.bdenrol"
    assert enrol(central, good, "--site", SITE) == 0
    verify = f"{central.url}/enrolment/verify"
    answer = requests.post(verify, json=json.loads(good.read_text()), timeout=10)
    assert answer.status_code == 200 and answer.json()["site"] == SITE
    answer = requests.post(verify, json=json.loads(foreign(central)), timeout=10)
    assert answer.status_code == 409 and "not made by this server" in answer.json()["detail"]
    answer = requests.post(verify, json=json.loads(tampered(good.read_text())), timeout=10)
    assert answer.status_code == 422 and "changed" in answer.json()["detail"]
    answer = requests.post(verify, json=json.loads(expired(central)), timeout=10)
    assert answer.status_code == 422 and "expired" in answer.json()["detail"]


@pytest.mark.parametrize(("args", "words"), [
    (["--site", "XX-NOPE-1"], "there is no site 'XX-NOPE-1' in the organisation"),
    (["--site", SITE, "--ca", "missing.pem"], "--ca: no file at missing.pem"),
    (["--site", SITE, "--days", "400"], "--days must be more than 0 and at most 366"),
], ids=["unknown site", "no CA file", "too long"])
def test_enrol_refuses_bad_input_and_writes_nothing(central: LocalServer, tmp_path: Path, capsys: Any,
                                                    args: list[str], words: str) -> None:
    out = tmp_path / "x.bdenrol"
    capsys.readouterr()
    assert enrol(central, out, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and words in err, err
    assert not out.exists()


def test_enrol_needs_the_address_pcs_reach_the_server_at(central: LocalServer, tmp_path: Path, capsys: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRANCHDESK_PUBLIC_URL", raising=False)
    code = branchdesk_server(["--data-dir", str(central.data_dir), "--database-url", central.database_url,
                              "enrol", "--site", SITE, "--out", str(tmp_path / "x.bdenrol")])
    assert code == 1 and "--url URL or BRANCHDESK_PUBLIC_URL" in capsys.readouterr().err
    monkeypatch.setenv("BRANCHDESK_PUBLIC_URL", "ftp://desk")
    code = branchdesk_server(["--data-dir", str(central.data_dir), "--database-url", central.database_url,
                              "enrol", "--site", SITE, "--out", str(tmp_path / "x.bdenrol")])
    assert code == 1 and "must start with https://" in capsys.readouterr().err


def test_login_takes_either_an_address_or_an_enrolment_file(tmp_path: Path, capsys: Any) -> None:
    assert login(tmp_path / "pc") == 1
    assert "give the server's address with --server URL, or an enrolment file" in capsys.readouterr().err
    assert login(tmp_path / "pc", "--enrolment", str(tmp_path / "x.bdenrol"), "--site", SITE) == 1
    assert "--site comes from the enrolment file" in capsys.readouterr().err
    assert login(tmp_path / "pc", "--enrolment", str(tmp_path / "missing.bdenrol")) == 1
    assert "there is no enrolment file at" in capsys.readouterr().err


def test_a_file_is_checked_for_its_signature_before_its_expiry() -> None:
    key = Ed25519PrivateKey.generate()
    _, text = make_enrolment(key, "https://desk.example.com", SITE, None, utcnow() - timedelta(days=40))
    with pytest.raises(EnrolmentError) as refused:
        parse(tampered(text), utcnow())
    assert refused.value.kind == "tampered"
    with pytest.raises(EnrolmentError) as refused:
        parse(text, utcnow())
    assert refused.value.kind == "expired"


def test_both_programs_and_the_health_answer_say_one_version(central: LocalServer, capsys: Any) -> None:
    version = branchdesk_version()
    assert version != "0+unknown"
    for run, name in ((branchdesk, "branchdesk"), (branchdesk_server, "branchdesk-server")):
        with pytest.raises(SystemExit) as ended:
            run(["--version"])
        assert ended.value.code == 0
        assert capsys.readouterr().out.strip() == f"{name} {version}"
    assert requests.get(f"{central.url}/health", timeout=10).json()["version"] == version
