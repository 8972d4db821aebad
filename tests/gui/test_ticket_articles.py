"""A ticket's knowledge articles (DESIGN §15): listed under its links, opened in the
Knowledge window; support staff link one through a picker that finds articles by
words of the title or a piece of the number."""

from __future__ import annotations

from typing import Any

from core import knowledge as kb
from core.reference import reference_for
from core.services import knowledge
from desktop.qt import Qt
from desktop.settings import Settings
from desktop.views.article_picker import ArticlePicker
from desktop.views.main_window import MainWindow


def write(act: Any, title: str, body: str = "Restart it.", publish: bool = True) -> str:
    number = str(act("tom", knowledge.new_article,
                     knowledge.ArticleDraft(title=title, body=body, categories=["Hardware"])).number)
    if publish:
        act("ada", knowledge.publish_article, number)
    return number


def linked(store: Any, number: str) -> list[str]:
    with store.read() as session:
        ref = reference_for(store, session)
        return [a.number for a in kb.articles_for_ticket(session, ref, ref.user("ada"), number)]


def main_window(qtbot: Any, workspace: Any, tmp_path: Any, number: str) -> MainWindow:
    main = MainWindow(workspace, Settings(tmp_path))
    qtbot.addWidget(main)
    main.resize(1000, 700)
    with qtbot.waitSignal(main.table.model.sig_loaded, timeout=10_000):
        main.show()
    with qtbot.waitSignal(main.ticket.sig_loaded, timeout=10_000):
        main.show_number(number)
    return main


def test_an_agent_links_an_article_found_by_title_words(qtbot, make_workspace, new_ticket, act, store, tmp_path):
    printer = write(act, "Receipt printer prints blank receipts")
    write(act, "Router blinks red")
    number = new_ticket()
    main = main_window(qtbot, make_workspace("ada"), tmp_path, number)
    articles = main.ticket.articles
    assert articles.numbers == [] and articles.none.isVisibleTo(main.ticket.links)
    assert not articles.link.isHidden()
    picker = main.ticket.pick_article()
    assert isinstance(picker, ArticlePicker)
    with qtbot.waitSignal(picker.sig_matches, timeout=10_000) as matched:
        qtbot.keyClicks(picker.text, "printer blank")
    assert matched.args == [1]
    assert picker.matches.item(0).text().startswith("Receipt printer prints blank receipts")
    with qtbot.waitSignal(main.ticket.sig_loaded, timeout=10_000):
        qtbot.keyClick(picker.text, Qt.Key.Key_Return)
    assert linked(store, number) == [printer]
    assert articles.numbers == [printer]
    assert main.ticket.tabs.currentWidget() is main.ticket.links
    assert articles.entries.item(0).text() == f"Receipt printer prints blank receipts\n{printer}"
    # opening it shows it in the Knowledge window
    with qtbot.waitSignal(main.ticket.sig_open_article) as opened:
        articles.entries.itemActivated.emit(articles.entries.item(0))
    assert opened.args == [printer]
    assert main.knowledge is not None and main.knowledge.isVisible()
    qtbot.waitUntil(lambda: main.knowledge is not None and main.knowledge.view.detail is not None, timeout=10_000)
    shown = main.knowledge.view.detail
    assert shown is not None and shown.number == printer
    # a second picker leaves out what is linked already
    picker = main.ticket.pick_article()
    assert picker is not None
    with qtbot.waitSignal(picker.sig_matches, timeout=10_000) as matched:
        qtbot.keyClicks(picker.text, "printer")
    assert matched.args == [0] and "No article matches" in picker.hint.text()


def test_the_picker_finds_an_article_by_a_piece_of_its_number(qtbot, make_workspace, new_ticket, act, store):
    write(act, "Receipt printer prints blank receipts")
    router = write(act, "Router blinks red")
    draft = write(act, "Pump display flickers", publish=False)
    new_ticket()
    picker = ArticlePicker(make_workspace("ada"))
    qtbot.addWidget(picker)
    picker.show()
    piece = router.rsplit("-", 1)[1]  # the counter's digits
    with qtbot.waitSignal(picker.sig_matches, timeout=10_000) as matched:
        qtbot.keyClicks(picker.text, piece)
    assert matched.args == [1] and picker.matches.item(0).text().endswith(router)
    picker.text.clear()
    with qtbot.waitSignal(picker.sig_matches, timeout=10_000) as matched:
        qtbot.keyClicks(picker.text, "kb-")
    assert matched.args == [3]
    texts = [picker.matches.item(r).text() for r in range(picker.matches.count())]
    assert any(t.startswith("Pump display flickers (draft)") and t.endswith(draft) for t in texts)
    # Down then Link chooses the second match
    qtbot.keyClick(picker.text, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.sig_chosen) as chosen:
        qtbot.mouseClick(picker.link, Qt.MouseButton.LeftButton)
    assert chosen.args == [picker_numbers(texts)[1]]


def picker_numbers(texts: list[str]) -> list[str]:
    return [t.rsplit("\n", 1)[1] for t in texts]


def test_a_requester_sees_linked_articles_but_links_none(qtbot, make_workspace, new_ticket, act, store, tmp_path):
    printer = write(act, "Receipt printer prints blank receipts")
    number = new_ticket()
    act("ada", knowledge.link_article, number, printer)
    main = main_window(qtbot, make_workspace("anna"), tmp_path, number)
    articles = main.ticket.articles
    assert articles.numbers == [printer]
    assert articles.link.isHidden() and articles.write.isHidden()
    assert main.ticket.pick_article() is None
    # she links no tickets either, and has none linked: no empty list of them above the articles
    assert main.ticket.links.entries.isHidden()
    # the articles stand at the top of the tab, not spread down its empty room
    main.ticket.tabs.setCurrentWidget(main.ticket.links)
    qtbot.waitUntil(lambda: articles.entries.isVisible(), timeout=10_000)
    caption = articles.caption
    assert caption.height() < 2 * caption.fontMetrics().height()
    top = articles.entries.mapTo(main.ticket.links, articles.entries.rect().topLeft()).y()
    assert top < 4 * caption.fontMetrics().height(), f"the linked articles start {top} px down the tab"
