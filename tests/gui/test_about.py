"""Help → About says which Branchdesk this is, the store's schema revision and the
server the store syncs with (or that it works on its own)."""

from __future__ import annotations

from core.migrate import current_revision
from core.version import branchdesk_version
from desktop.settings import Settings
from desktop.views.main_window import MainWindow


def test_about_names_the_version_the_schema_and_no_server(qtbot, workspace, tmp_path):
    window = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(window)
    assert window.act_about.text() == "About Branchdesk"
    box = window.show_about()
    text = box.text()
    assert f"Version: {branchdesk_version()}" in text
    revision = current_revision(workspace.store.read_engine)
    assert revision and f"Store schema revision: {revision}" in text
    assert "Syncs with: no server; this computer works on its own" in text
    box.close()


def test_about_names_the_server_a_signed_in_store_syncs_with(qtbot, central, tmp_path):
    from core.store import Store
    from desktop.views.about import about_text

    store: Store = central.sign_in(tmp_path / "pc", "anna", "pw-anna")
    try:
        assert f"Syncs with: {central.url}" in about_text(store)
    finally:
        store.close()
