"""The first run takes an enrolment file (chosen or dropped on the dialog): it fills the
server's address and the site, and the person gives only a username and a password.
A file that cannot be used says why next to its row, in the window's words."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from core.clock import utcnow
from core.enrolment import ForeignEnrolment
from core.store import Store
from desktop.views.first_run import FirstRunDialog
from desktop.workers import Workers
from server.enrolment import load_key, make_enrolment

SMALL_ORG = Path(__file__).resolve().parents[1] / "fixtures" / "small-org.toml"
SITE = "PL-WAW-002"


@pytest.fixture
def first(qtbot, tmp_path):
    workers = Workers()
    dialog = FirstRunDialog(tmp_path / "pc" / "branchdesk.sqlite3", workers)
    qtbot.addWidget(dialog)
    yield dialog
    workers.wait_idle()


def enrolment_file(central, path: Path, *, key=None, at=None, days: float = 30) -> Path:
    key = key or load_key(central.data_dir / "enrolment-key.pem", create=True)
    _, text = make_enrolment(key, central.url, SITE, None, at or utcnow(), days)
    path.write_text(text, encoding="utf-8")
    return path


def drop(dialog: FirstRunDialog, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    assert event.isAccepted()


def test_a_dropped_enrolment_file_fills_all_but_the_username_and_password_and_signs_in(
        qtbot, first, central, tmp_path):
    file = enrolment_file(central, tmp_path / "waw.bdenrol")
    drop(first, file)
    form = first.server_form
    assert first.server.isChecked() and form.isEnabled()
    assert (form.server.text(), form.site.text()) == (central.url, SITE)
    assert form.server.isReadOnly() and form.site.isReadOnly()
    assert form.enrolment_file.text() == "waw.bdenrol" and form.error_text("enrolment") == ""
    assert form.username.text() == "" and form.password.text() == ""
    form.username.setText("ola")
    form.password.setText("pw-ola")
    with qtbot.waitSignal(first.sig_ready, timeout=30_000) as ready:
        first.go.click()
    assert ready.args == ["server"]
    store = Store.open(first.store_path)
    try:
        assert (store.meta("server_url"), store.meta("home_site"), store.meta("signed_in_user")) == (
            central.url, SITE, "ola")
    finally:
        store.close()


def tampered(path: Path) -> Path:
    document = json.loads(path.read_text())
    document["body"]["server"] = "https://desk.attacker.example"
    path.write_text(json.dumps(document))
    return path


@pytest.mark.parametrize(("make", "words"), [
    (lambda c, p: tampered(enrolment_file(c, p)), "was changed after the server made it"),
    (lambda c, p: enrolment_file(c, p, at=utcnow() - timedelta(days=10), days=1), "is out of date"),
    (lambda c, p: (p.write_text("not json at all"), p)[1], "is not a Branchdesk enrolment file"),
], ids=["tampered", "expired", "not an enrolment file"])
def test_a_file_that_cannot_be_used_says_why_by_its_row_and_fills_nothing(qtbot, first, central, tmp_path,
                                                                         make, words):
    path = make(central, tmp_path / "bad.bdenrol")
    form = first.server_form
    first.server.setChecked(True)
    assert form.use_enrolment(str(path)) is False
    assert words in form.error_text("enrolment")
    assert "Ask your administrator" in form.error_text("enrolment") or "not a Branchdesk" in words
    assert form.server.text() == "" and not form.server.isReadOnly() and form.enrolment_text is None


def test_a_file_the_server_did_not_make_is_refused_when_signing_in_and_leaves_no_store(
        qtbot, first, central, tmp_path):
    file = enrolment_file(central, tmp_path / "foreign.bdenrol", key=Ed25519PrivateKey.generate())
    drop(first, file)
    form = first.server_form
    form.username.setText("ola")
    form.password.setText("pw-ola")
    first.go.click()
    qtbot.waitUntil(lambda: first.go.isEnabled(), timeout=30_000)
    assert "did not make it" in form.error_text("enrolment")
    assert first.result_kind is None and not first.store_path.exists()


def test_a_dropped_organisation_file_goes_to_its_own_choice(qtbot, first):
    drop(first, SMALL_ORG)
    assert first.org.isChecked() and first.org_file.text() == str(SMALL_ORG)
    qtbot.waitUntil(lambda: first.site.count() == 2, timeout=10_000)


def test_the_dialog_grows_to_show_a_refusal_whole_instead_of_squeezing_its_rows(qtbot, first):
    """A top-level window is sized by its layout's minimum, which does not count a
    wrapped line of text: the refusal under the file's row, and a problem above the
    form (no keyring), were cut off and the file's box squeezed to a sliver."""
    first.show()
    qtbot.waitExposed(first)
    first.server.setChecked(True)
    form = first.server_form
    form.show_failure(ForeignEnrolment("this enrolment file was not made by the server at https://desk"))
    form.show_error(None, "No system keyring is available to keep the sign-in token safely; install and unlock "
                          "one (Secret Service, KWallet, macOS Keychain, Windows Credential Manager)")
    shown = [form.general_error, form._errors["enrolment"]]

    def whole() -> bool:
        return (all(label.height() >= label.heightForWidth(label.width()) for label in shown)
                and form.enrolment_file.height() >= form.enrolment_file.minimumSizeHint().height())

    qtbot.waitUntil(whole, timeout=5_000)
    assert "did not make it" in form.error_text("enrolment") and "keyring" in form.error_text()
