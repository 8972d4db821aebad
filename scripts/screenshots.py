"""Screenshots for the README, taken offscreen from a fresh demo store:

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--tickets 600] [--only NAME ...]

Saves main-window.png (with main-window-1000x700.png, main-window-1600x1000.png,
main-window-dark.png and main-window-pl.png), ticket.png,
new-ticket.png, first-run.png, sign-in.png, dashboard.png and conflicts.png by
grabbing the widgets; nothing is shown on screen. --only takes some of them:
first-run, sign-in, main-window (with the ticket, the new ticket and the other
main windows), dashboard, conflicts. The conflicts are real: the demo organisation is served
in this process, one agent works on two computers offline, and sync merges them."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.accounts import accounts, sign_in_default  # noqa: E402
from core.services import tickets as service  # noqa: E402
from core.store import Store  # noqa: E402
from core.ticket_query import TicketFilter  # noqa: E402
from desktop.app import application  # noqa: E402
from desktop.i18n import install_translations  # noqa: E402
from desktop.qt import QApplication, Qt, QWidget  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.setup_tasks import make_demo_store  # noqa: E402
from desktop.theme import apply_theme  # noqa: E402
from desktop.views.first_run import FirstRunDialog  # noqa: E402
from desktop.views.main_window import MainWindow  # noqa: E402
from desktop.views.sign_in import SignInDialog  # noqa: E402
from desktop.workers import Workers  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402


def settle(until: Callable[[], bool] | None = None, seconds: float = 0.4) -> None:
    """Let workers answer and widgets paint: until `until()` holds (15 s at most), then `seconds` more."""
    deadline = time.monotonic() + 15
    while until is not None and not until() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def pick_ticket(window: MainWindow) -> None:
    """Select an open ticket with a conversation and running SLA clocks, to show them off."""
    from core.ticket_detail import TicketDetail, read_ticket

    def reader(number: str) -> Callable[[Any, Any, Any], TicketDetail]:
        return lambda session, ref, user: read_ticket(session, ref, user, number)

    model = window.table.model
    best, best_row = -1, 0
    for row in range(min(model.rowCount(), 300)):
        found = model.row_at(row)
        if found and found.status == "in_progress" and found.sla_state in ("running", "warning"):
            detail = window.ws.read_now(reader(found.number))
            if len(detail.comments) > best:
                best, best_row = len(detail.comments), row
    window.table.select_row(best_row)
    settle(lambda: window.ticket.ticket is not None and window.ticket.ticket.number == model.number_at(best_row))


SHOTS = ("first-run", "sign-in", "main-window", "dashboard", "conflicts")


def dashboard(workspace: Workspace, out: Path) -> None:
    """The reports window over the last 30 days by site, listing the tickets behind the
    first site's response compliance, as a click on its bar does."""
    from desktop.views.reports import ReportsWindow

    window = ReportsWindow(workspace)
    window.resize(1600, 1000)
    window.show()
    settle(lambda: window.figures is not None, seconds=0.8)
    if window.sla.shown:
        window.sla.click(window.sla.shown[0].key, 0)
        settle(lambda: window.drill is not None, seconds=0.8)
    save(window, out / "dashboard.png")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--tickets", type=int, default=600)
    parser.add_argument("--language", default="en")
    parser.add_argument("--only", nargs="+", choices=SHOTS, default=SHOTS)
    args = parser.parse_args()
    shots = set(args.only)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    install_translations(app, args.language)
    apply_theme(app, dark=False)

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        workers = Workers()
        if "first-run" in shots:
            first = FirstRunDialog(data_dir / "branchdesk.sqlite3", workers)
            first.show()
            # no smaller than the dialog needs: a fixed size would squeeze its rows and hints
            hint = first.sizeHint()
            first.resize(max(620, hint.width()), max(520, hint.height()))
            settle()
            save(first, out / "first-run.png")
            first.close()

        print(f"making a demo store with {args.tickets} tickets…")
        make_demo_store(data_dir / "branchdesk.sqlite3", args.tickets)
        store = Store.open(data_dir / "branchdesk.sqlite3")
        user = sign_in_default(store)
        assert user is not None

        if "sign-in" in shots:
            people = accounts(store)
            staff = next((a.username for a in people if a.role == "requester"), None)
            sign_in = SignInDialog(store, people, workers, "Northwind Fuel", staff)
            sign_in.show()
            settle()
            save(sign_in, out / "sign-in.png")
            sign_in.close()

        workspace = Workspace(store, user, data_dir, workers=workers)
        if "main-window" in shots:
            main_windows(app, workspace, data_dir, out, args.language)
        if "dashboard" in shots:
            dashboard(workspace, out)
        if "conflicts" in shots:
            conflicts(data_dir / "sync", out, max(60, args.tickets // 4))

        workers.wait_idle()
        store.close()
    return 0


def main_windows(app: QApplication, workspace: Workspace, data_dir: Path, out: Path, language: str) -> None:
    """The main window at three sizes, dark and in Polish; a ticket's window and a new ticket."""
    window = MainWindow(workspace, Settings(data_dir))
    window.resize(1440, 860)
    window.show()
    window.queues.choose("all")
    window.table.show_queue(TicketFilter(queue="all"))
    settle(lambda: window.table.model.rowCount() > 0 and not window.table.model.loading)
    pick_ticket(window)
    window.split.setSizes([190, 780, 470])
    settle(seconds=0.8)
    save(window, out / "main-window.png")

    # the sizes the window is made to hold: a small laptop and a large screen
    for width, height in ((1000, 700), (1600, 1000)):
        window.resize(width, height)
        window.split.setSizes(window.default_split(width))
        settle(seconds=0.8)
        save(window, out / f"main-window-{width}x{height}.png")
    window.resize(1440, 860)
    window.split.setSizes([190, 780, 470])

    apply_theme(app, dark=True)
    window.ticket.reload()
    settle(seconds=0.8)
    save(window, out / "main-window-dark.png")
    apply_theme(app, dark=False)

    number = window.ticket.number
    assert number is not None
    ticket = window.open_window(number)
    ticket.resize(820, 760)
    settle(lambda: ticket.view.ticket is not None, seconds=0.8)
    save(ticket, out / "ticket.png")
    ticket.close()

    dialog = window.new_ticket()
    dialog.category_search.setText("card")
    settle(seconds=0.3)
    dialog._first_match()
    dialog.title.setText("Card terminal at till 2 declines every card")
    for editor in dialog._editors.values():
        if editor.spec.required:
            editor.set_value(editor.spec.choices[0] if editor.spec.choices else "T-0042")
    dialog.impact.setCurrentIndex(0)
    dialog.description.setPlainText("Since 7:30 every card is declined with error 05. Cash works.")
    settle(seconds=0.5)
    save(dialog, out / "new-ticket.png")
    dialog.reject()

    window.close()

    # the same window in Polish, built after the translation is installed
    install_translations(app, "pl")
    polish = MainWindow(workspace, Settings(data_dir))
    polish.resize(1440, 860)
    polish.show()
    polish.queues.choose("all")
    settle(lambda: polish.table.model.rowCount() > 0 and polish.ticket.ticket is not None, seconds=0.8)
    save(polish, out / "main-window-pl.png")
    polish.close()
    install_translations(app, language)


def conflicts(folder: Path, out: Path, tickets: int) -> None:
    """The conflicts panel, with conflicts made through a real server: the demo
    organisation served in this process, its first agent signed in on two computers
    that each change the same tickets offline, then sync."""
    import keyring

    from core.orgfile import load_org
    from core.paths import demo_org_path
    from core.reference import reference_for
    from core.uow import unit_of_work
    from desktop.sync_controller import SyncController
    from server.demo import load_demo
    from sync.account import client_for
    from tests.gui.gui_sync_kit import LocalServer, MemoryKeyring, cheap_hashing

    keyring.set_keyring(MemoryKeyring())
    spec = load_org(demo_org_path())
    agent = next(u.username for u in spec.users if u.role == "agent")
    print(f"serving the demo organisation with {tickets} tickets…")
    with cheap_hashing():
        central = LocalServer(folder / "server", demo_org_path()).start()
    try:
        load_demo(central.database, tickets)
        site = spec.sites[1].code
        there = central.sign_in(folder / "there", agent, "demo", site=site)
        numbers = []
        for title, category in (("Price sign shows yesterday's prices", "Hardware/Price sign"),
                                ("Car wash rejects tokens", "Facilities/Car wash"),
                                ("Forecourt lights flicker at night", "Facilities/Lighting")):
            with unit_of_work(there) as uow:
                numbers.append(service.create(uow, uow.ref.user(agent), service.NewTicket(
                    title=title, category=category, impact="medium", urgency="medium", site=site,
                    channel="phone")).number)
        client_for(there).sync()
        here = central.sign_in(folder / "here", agent, "demo", site=spec.sites[0].code)

        def change(store: Store, number: str, fn: Callable[..., object], *args: object) -> None:
            with unit_of_work(store) as uow:
                fn(uow, uow.ref.user(agent), number, *args)

        renamed, rerated, cancelled = numbers
        change(there, renamed, service.edit, service.TicketEdit(title="Price sign stuck on yesterday's prices"))
        change(here, renamed, service.edit, service.TicketEdit(title="Price sign: LPG price missing"))
        change(there, rerated, service.edit, service.TicketEdit(impact="high"))
        change(here, rerated, service.edit, service.TicketEdit(impact="low"))
        change(there, cancelled, service.move, "cancelled")
        change(here, cancelled, service.move, "in_progress")
        client_for(there).sync()
        there.close()

        with here.read() as session:
            user = reference_for(here, session).user(agent)
        workspace = Workspace(here, user, folder / "here")
        window = MainWindow(workspace, Settings(folder / "here"))
        sync = SyncController(workspace, parent=window)
        window.attach_sync(sync)
        window.resize(1440, 860)
        window.show()
        sync.start()
        settle(lambda: window.status.conflicts_label.isVisibleTo(window))
        window.show_conflicts()
        window.resizeDocks([window.conflicts_dock], [330], Qt.Orientation.Vertical)
        window.split.setSizes([190, 640, 610])
        window.queues.choose("all")
        settle(lambda: window.table.model.rowCount() > 0 and bool(window.conflicts.conflicts))
        window.show_number(renamed)
        settle(lambda: window.ticket.ticket is not None, seconds=0.8)
        save(window, out / "conflicts.png")
        sync.stop()
        window.close()
        workspace.workers.wait_idle()
        here.close()
    finally:
        central.stop()


if __name__ == "__main__":
    raise SystemExit(main())
