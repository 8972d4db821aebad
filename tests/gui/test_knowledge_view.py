"""The Knowledge window (DESIGN §15): what each person may read, search as it is typed
(on a worker, late answers dropped), Markdown rendered, and support staff writing,
editing and publishing articles, one from a resolved ticket's resolution."""

from __future__ import annotations

from typing import Any

import pytest

from core import knowledge as kb
from core.reference import reference_for
from core.services import knowledge
from core.services import tickets as service
from desktop.qt import QMenu, Qt
from desktop.settings import Settings
from desktop.views.article_editor import ArticleEditor
from desktop.views.knowledge import KnowledgeWindow
from desktop.views.main_window import MainWindow

PRINTER = """Thermal paper prints on one side only.

1. Open the printer cover.
2. Put the roll back so the paper comes off **the bottom**.
"""


def write(act: Any, title: str, body: str = PRINTER, categories: tuple[str, ...] = ("Hardware",),
          who: str = "tom", publish: bool = True) -> str:
    number = str(act(who, knowledge.new_article,
                     knowledge.ArticleDraft(title=title, body=body, categories=list(categories))).number)
    if publish:
        act("ada", knowledge.publish_article, number)
    return number


def reading(store: Any, fn: Any, who: str, *args: Any) -> Any:
    with store.read() as session:
        ref = reference_for(store, session)
        return fn(session, ref, ref.user(who), *args)


def open_window(qtbot: Any, workspace: Any) -> KnowledgeWindow:
    window = KnowledgeWindow(workspace)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_listed, timeout=10_000):
        window.show()
    return window


def listed(window: KnowledgeWindow) -> list[str]:
    return [window.list.item(r).text().split("\n")[0] for r in range(window.list.count())]


@pytest.fixture
def articles(act: Any) -> dict[str, str]:
    return {
        "blank": write(act, "Receipt printer prints blank receipts"),
        "jam": write(act, "Receipt printer paper jam", body="Switch it off and pull out the torn paper."),
        "router": write(act, "Router blinks red", body="Restart the router.", categories=("Network/Router",)),
        "draft": write(act, "Pump display flickers", body="", publish=False),
    }


def test_a_requester_reads_published_articles_rendered_from_markdown(qtbot, make_workspace, articles):
    window = open_window(qtbot, make_workspace("anna"))
    assert sorted(listed(window)) == ["Receipt printer paper jam", "Receipt printer prints blank receipts",
                                      "Router blinks red"]  # not the draft
    assert not window.new_button.isVisible()
    row = next(r for r in range(window.list.count()) if window.list.item(r).text().startswith("Receipt printer prints"))
    with qtbot.waitSignal(window.sig_shown, timeout=10_000) as shown:
        window.list.setCurrentRow(row)
    assert shown.args == [articles["blank"]]
    body = window.view.body.document()
    assert "**" not in body.toPlainText() and "the bottom" in body.toPlainText()
    assert "font-weight:700" in body.toHtml() or "font-weight:600" in body.toHtml()  # **bold** is bold
    assert body.toMarkdown().count("1.") == 1 and "2." in body.toMarkdown()  # a numbered list
    assert window.view.title.text() == "Receipt printer prints blank receipts"
    assert articles["blank"] in window.view.meta.text() and "Hardware" in window.view.meta.text()
    assert not window.edit_button.isVisible() and not window.publish_button.isVisible()


def test_search_lists_what_the_words_find_and_drops_late_answers(qtbot, make_workspace, articles):
    window = open_window(qtbot, make_workspace("anna"))
    window.search.setText("receipt")
    window.refresh()  # the answer to "receipt" is asked for …
    window.search.setText("router")
    with qtbot.waitSignal(window.sig_listed, timeout=10_000):
        window.refresh()  # … and "router" after it: only the latter may be shown
    qtbot.wait(300)
    assert listed(window) == ["Router blinks red"]
    # typing waits for a pause, then searches
    window.search.clear()
    with qtbot.waitSignal(window.sig_listed, timeout=10_000):
        qtbot.keyClicks(window.search, "printer jam")
    assert listed(window) == ["Receipt printer paper jam"]
    with qtbot.waitSignal(window.sig_listed, timeout=10_000):
        window.search.setText("carburettor")
    assert window.list.count() == 0 and window.empty.isVisible()
    assert "carburettor" in window.empty.text()


def test_support_staff_see_drafts_and_a_technician_writes_one(qtbot, make_workspace, articles, store):
    window = open_window(qtbot, make_workspace("tom"))
    assert "Pump display flickers" in listed(window)
    draft_row = listed(window).index("Pump display flickers")
    assert window.list.item(draft_row).text().split("\n")[1].startswith("Draft")
    editor = window.new_article()
    assert isinstance(editor, ArticleEditor)
    # a title is needed: said by the field, nothing saved
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert editor.error_text("title") and editor.isVisible()
    qtbot.keyClicks(editor.title, "Card reader says 'insert card' forever")
    editor.categories.set_paths([])
    item = next(editor.categories.item(r) for r in range(editor.categories.count())
                if editor.categories.item(r).data(Qt.ItemDataRole.UserRole) == "Hardware/POS terminal")
    item.setCheckState(Qt.CheckState.Checked)
    editor.body.setPlainText("Clean the chip slot with the **cleaning card**.")
    editor.pages.setCurrentIndex(1)
    assert "cleaning card" in editor.preview.toPlainText() and "**" not in editor.preview.toPlainText()
    with qtbot.waitSignal(window.sig_saved, timeout=10_000) as saved:
        qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    number = saved.args[0]
    detail = reading(store, kb.read_article, "tom", number)
    assert (detail.title, detail.status, detail.categories) == (
        "Card reader says 'insert card' forever", "draft", ["Hardware/POS terminal"])
    qtbot.waitUntil(lambda: window.view.detail is not None and window.view.detail.number == number, timeout=10_000)
    assert not editor.isVisible()
    # a technician writes and edits, but does not publish
    assert window.edit_button.isVisible() and not window.publish_button.isVisible()


def test_an_agent_edits_and_publishes_a_draft(qtbot, make_workspace, articles, store):
    window = open_window(qtbot, make_workspace("ada"))
    number = articles["draft"]
    with qtbot.waitSignal(window.sig_shown, timeout=10_000):
        window.open_article(number)
    assert window.publish_button.isVisible() and window.edit_button.isVisible()
    # a draft without text is not published: the refusal is said in the window
    window.publish()
    qtbot.waitUntil(lambda: window.error.isVisible(), timeout=10_000)
    assert "no body" in window.error.text()
    editor = window.edit_article()
    assert editor is not None and editor.title.text() == "Pump display flickers"
    editor.body.setPlainText("Switch the pump display off and on at the forecourt controller.")
    with qtbot.waitSignal(window.sig_saved, timeout=10_000):
        qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view.detail is not None and "forecourt" in window.view.detail.body,
                    timeout=10_000)
    with qtbot.waitSignal(window.sig_saved, timeout=10_000):
        qtbot.mouseClick(window.publish_button, Qt.MouseButton.LeftButton)
    assert reading(store, kb.read_article, "anna", number).status == "published"
    qtbot.waitUntil(lambda: window.view.detail is not None and window.view.detail.status == "published",
                    timeout=10_000)
    assert not window.publish_button.isVisible()


def test_an_article_from_a_resolved_tickets_resolution(qtbot, make_workspace, new_ticket, act, store, tmp_path):
    number = new_ticket(title="Receipts come out blank at till 3", description="Paper moves, nothing printed.",
                        category="Hardware")
    act("ada", service.move, number, "resolved", code="fixed", note="The roll was in the wrong way round.")
    workspace = make_workspace("ada")
    main = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(main)
    main.resize(1000, 700)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    with qtbot.waitSignal(main.ticket.sig_loaded, timeout=10_000):
        main.show_number(number)
    assert main.act_write_article.isVisible() and not main.ticket.articles.write.isHidden()
    main.act_write_article.trigger()
    window = main.knowledge
    assert window is not None
    qtbot.waitUntil(lambda: window.editor is not None, timeout=10_000)
    editor = window.editor
    assert editor is not None
    assert editor.title.text() == "Receipts come out blank at till 3"
    assert "Paper moves" in editor.body.toPlainText() and "wrong way round" in editor.body.toPlainText()
    assert editor.categories.paths() == ["Hardware"]
    with qtbot.waitSignal(window.sig_saved, timeout=10_000) as saved:
        qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    detail = reading(store, kb.read_article, "ada", saved.args[0])
    assert detail.source_ticket == number and [t[0] for t in detail.tickets] == [number]
    # the ticket lists the article, which opens in the Knowledge window
    qtbot.waitUntil(lambda: main.ticket.articles.numbers == [saved.args[0]], timeout=10_000)
    with qtbot.waitSignal(window.sig_shown, timeout=10_000) as shown:
        main.ticket.articles.entries.itemActivated.emit(main.ticket.articles.entries.item(0))
    assert shown.args == [saved.args[0]]


def test_an_open_ticket_offers_no_article_from_its_resolution(qtbot, make_workspace, new_ticket, tmp_path):
    number = new_ticket()
    main = MainWindow(make_workspace("ada"), Settings(tmp_path))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    with qtbot.waitSignal(main.ticket.sig_loaded, timeout=10_000):
        main.show_number(number)
    assert not main.act_write_article.isVisible()
    assert main.ticket.articles.write.isHidden()


def test_the_knowledge_window_is_in_the_menu_with_a_shortcut(qtbot, make_workspace, tmp_path, articles):
    main = MainWindow(make_workspace("anna"), Settings(tmp_path))
    qtbot.addWidget(main)
    main.show()
    assert main.act_knowledge.shortcut().toString() == "Ctrl+Shift+B"
    shortcuts = [a.shortcut().toString() for a in main.actions() if not a.shortcut().isEmpty()]
    assert shortcuts.count("Ctrl+Shift+B") == 1
    view_menu = next(m for m in main.menuBar().findChildren(QMenu) if m.title() == "&View")
    assert main.act_knowledge in view_menu.actions()
    with qtbot.waitActive(main):
        main.activateWindow()
    qtbot.keyClick(main, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert main.knowledge is not None and main.knowledge.isVisible()
    qtbot.waitUntil(lambda: main.knowledge is not None and main.knowledge.list.count() == 3, timeout=10_000)
