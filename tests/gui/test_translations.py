"""All text is translatable: the Polish file covers every text of the code, and
installing it changes what the window says."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from desktop.i18n import TRANSLATIONS, install_translations
from desktop.labels import label
from desktop.qt import QApplication
from desktop.views.status_bar import StatusBar


@pytest.fixture
def polish(qapp):
    install_translations(qapp, "pl")
    yield
    install_translations(qapp, "en")


def test_the_polish_file_is_complete():
    root = ET.parse(TRANSLATIONS / "branchdesk_pl.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert unfinished == []
    assert (TRANSLATIONS / "branchdesk_pl.qm").stat().st_size > 0


def test_polish_in_the_window(qtbot, polish):
    assert label("status", "in_progress") == "W realizacji"
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.set_pending(5)
    assert bar.pending_label.text() == "5 zmian czeka"
    bar.set_pending(3)
    assert bar.pending_label.text() == "3 zmiany czekają"
    bar.set_conflicts(5)
    assert "5 konfliktów do przejrzenia" in bar.conflicts_label.text()
    bar.set_mode("server", online=False)
    assert bar.mode_label.text() == "○ Bez połączenia"


def test_english_plurals(qtbot, qapp):
    install_translations(qapp, "en")
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.set_pending(1)
    assert bar.pending_label.text() == "1 change waiting"
    assert QApplication.translate("Labels", "New") == "New"
