"""The organisation's own names in Polish: where the organisation file translates a
category, a field, a site, a team, a supplier or an SLA policy ([translations.pl]),
the window in Polish shows the translation and finds it in the category search;
anything left untranslated shows as the file writes it, and English is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.reference import reference_for
from desktop.i18n import install_translations
from desktop.org_names import org_names
from desktop.qt import Qt
from desktop.views.new_ticket import NewTicketDialog
from desktop.workspace import Workspace
from tests.conftest import SMALL_ORG
from tests.gui.test_layout import filter_boxes_fit

TRANSLATIONS = """
[[replies]]
name = "Ask for a photo"
text = "Hello {requester}, please send a photo of the screen for {number}."

[translations.pl]
sites = { "PL-POZ-001" = "Poznań, ulica Głogowska 12" }
teams = { "FIELD" = "Serwisanci terenowi" }
suppliers = { "POSCO" = "Dostawca terminali" }
sla = { "Station incidents" = "Awarie na stacji" }

[translations.pl.categories]
"Hardware" = "Sprzęt"
"Network/Router" = "Router"

[translations.pl.categories."Hardware/POS terminal"]
name = "Terminal płatniczy"
description = "Kasa, czytnik kart"
fields = { terminal_id = "Numer terminala" }

[translations.pl.replies."Ask for a photo"]
name = "Poproś o zdjęcie"
text = "Dzień dobry {requester}, prosimy o zdjęcie ekranu do zgłoszenia {number}."
"""


@pytest.fixture
def polish(qapp):
    install_translations(qapp, "pl")
    yield
    install_translations(qapp, "en")


@pytest.fixture
def translated_workspace(store_factory, tmp_path: Path, qtbot):
    org = tmp_path / "org.toml"
    org.write_text(SMALL_ORG.read_text(encoding="utf-8") + TRANSLATIONS, encoding="utf-8")
    store = store_factory("pl", org=org)
    with store.read() as session:
        user = reference_for(store, session).user("ada")
    workspace = Workspace(store, user, store.path.parent)
    yield workspace
    workspace.workers.wait_idle()


def _dialog(qtbot, workspace) -> NewTicketDialog:
    dialog = NewTicketDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _top_names(dialog: NewTicketDialog) -> list[str]:
    model = dialog.tree_filter
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_new_ticket_in_polish_shows_the_organisations_polish_names(qtbot, polish, translated_workspace):
    dialog = _dialog(qtbot, translated_workspace)
    assert dialog.windowTitle() == "Nowe zgłoszenie"
    assert "Sprzęt" in _top_names(dialog)
    # the Polish name, its description and its field's Polish label are all found
    for words in ("terminal płatniczy", "czytnik kart", "numer terminala", "pos terminal"):
        dialog.category_search.setText(words)  # QTest types ASCII only
        qtbot.keyClick(dialog.category_search, Qt.Key.Key_Return)
        assert dialog.category == "Hardware/POS terminal", words
    assert dialog.chosen.text() == "Sprzęt/Terminal płatniczy"
    caption = dialog.form.layout_.labelForField(dialog.form._rows["f:terminal_id"][1])
    assert caption.text() == "Numer terminala *"
    # a field left untranslated keeps the file's label
    pump = dialog.form.layout_.labelForField(dialog.form._rows["f:pump"][1])
    assert pump.text() == "Pump"
    site = dialog.site.itemText(dialog.site.findData("PL-POZ-001"))
    assert site == "PL-POZ-001 — Poznań, ulica Głogowska 12"
    assert dialog.site.itemText(dialog.site.findData("PL-WAW-002")) == "PL-WAW-002 — Warszawa, Puławska 100"
    assert "Awarie na stacji" in dialog.targets.text()
    dialog.description.setPlainText("")
    dialog.title.clear()


def test_english_keeps_the_files_own_names(qtbot, translated_workspace):
    dialog = _dialog(qtbot, translated_workspace)
    assert "Hardware" in _top_names(dialog)
    dialog.choose_category("Hardware/POS terminal")
    assert dialog.chosen.text() == "Hardware/POS terminal"
    assert "Station incidents" in dialog.targets.text()


def test_org_names_in_polish(polish, translated_workspace):
    names = org_names(translated_workspace.ref)
    assert names.team("FIELD", "Field technicians") == "Serwisanci terenowi"
    assert names.team("NET", "Network specialists") == "Network specialists"
    assert names.supplier("POSCO", "POS terminal vendor") == "Dostawca terminali"
    assert names.category("Network/Router") == "Network/Router"
    reply = names.reply(translated_workspace.ref.spec.replies[0])
    assert reply.name == "Poproś o zdjęcie" and "{number}" in reply.text


def test_the_window_in_polish_shows_the_organisations_names(qtbot, polish, translated_workspace, tmp_path):
    from core.services import tickets as service
    from core.uow import unit_of_work
    from desktop.settings import Settings
    from desktop.views.action_dialogs import AssignDialog, PendDialog
    from desktop.views.main_window import MainWindow

    store = translated_workspace.store
    with unit_of_work(store) as uow:
        number = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Czytnik kart nie działa", category="Hardware/POS terminal", impact="medium", urgency="medium",
            fields={"terminal_id": "T-1"})).number
    window = MainWindow(translated_workspace, Settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.queues.choose("all")
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 1, timeout=10_000)
    model = window.table.model
    category = [model.index(0, c).data() for c in range(model.columnCount())
                if model.headerData(c, Qt.Orientation.Horizontal) == "Kategoria"]
    assert category == ["Sprzęt/Terminal płatniczy"]
    assert window.ticket.buttons["take"].text() == "Weź"
    with qtbot.waitSignal(window.ticket.sig_loaded, timeout=10_000):
        window.show_number(number)
    assign = AssignDialog(translated_workspace.ref, None, None, window)
    assert assign.team.itemText(assign.team.findData("FIELD")) == "Serwisanci terenowi (linia 2)"
    pend = PendDialog(translated_workspace.ref, window)
    assert pend.supplier.itemText(pend.supplier.findData("POSCO")) == "Dostawca terminali"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&Plik", "&Zgłoszenie"]
    # the filter bar at 1000 px: "Priorytet: każdy" whole, as every other box's text
    assert window.table.priority.itemText(0) == "Priorytet: każdy"
    window.resize(1000, 700)
    window.split.setSizes(window.default_split(1000))
    qtbot.wait(50)
    filter_boxes_fit(window.table)


def test_polish_menu_buttons_are_not_clipped(qtbot, polish, translated_workspace):
    from core.services import tickets as service
    from core.uow import unit_of_work
    from desktop.views.ticket_view import TicketView

    with unit_of_work(translated_workspace.store) as uow:
        number = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Router", category="Network/Router", impact="medium", urgency="medium")).number
    view = TicketView(translated_workspace)
    qtbot.addWidget(view)
    view.resize(340, 700)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    canned = view.reply.canned
    assert canned.text().startswith("Gotowe odpowiedzi")
    [reply] = view.reply.canned_menu.actions()
    assert reply.text() == "Poproś o zdjęcie"
    qtbot.waitUntil(canned.isVisible)
    for button in (canned, view.bar.more):
        if button.isVisible():
            assert button.fontMetrics().horizontalAdvance(button.text()) < button.width(), button.text()


def test_the_ticket_pane_in_polish_names_site_team_category_and_supplier(qtbot, polish, translated_workspace):
    from core.services import tickets as service
    from core.uow import unit_of_work
    from desktop.views.ticket_view import TicketView

    store = translated_workspace.store
    with unit_of_work(store) as uow:
        number = service.create(uow, uow.ref.user("anna"), service.NewTicket(
            title="Terminal", category="Hardware/POS terminal", impact="medium", urgency="medium",
            fields={"terminal_id": "T-1"})).number
    for actor, fn, args, kwargs in (
            ("ada", service.assign, (number,), {"team": "FIELD", "to": "tom"}),
            ("tom", service.move, (number, "in_progress"), {}),
            ("tom", service.move, (number, "pending"), {"reason": "supplier", "supplier": "POSCO"})):
        with unit_of_work(store) as uow:
            fn(uow, uow.ref.user(actor), *args, **kwargs)
    view = TicketView(translated_workspace)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        view.show_ticket(number)
    header = view.header
    assert "PL-POZ-001 — Poznań, ulica Głogowska 12" in header.where.full_text()
    assert "Sprzęt/Terminal płatniczy" in header.where.full_text()
    assert "Serwisanci terenowi" in header.who.full_text()
    assert "Dostawca terminali" in header.status.full_text()
    assert "Dostawca terminali" in header.sla.bars["resolution"].toolTip()
    fields = view.fields
    assert fields.category.currentText() == "Sprzęt/Terminal płatniczy"
    caption = fields.form.layout_.labelForField(fields.form._rows["f:terminal_id"][1])
    assert caption.text() == "Numer terminala *"
    timeline = view.timeline.toPlainText()
    assert "Dostawca terminali" in timeline
    shown = " ".join((header.where.full_text(), header.who.full_text(), header.status.full_text(),
                      header.sla.bars["resolution"].toolTip(), timeline))
    for code in ("POSCO", "FIELD", "Field technicians", "POS terminal vendor", "Hardware/POS terminal"):
        assert code not in shown, code
