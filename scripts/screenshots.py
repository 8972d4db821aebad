"""Screenshots for the README, taken offscreen from a fresh demo store:

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--tickets 600]

Saves main-window.png (with main-window-dark.png and main-window-pl.png), ticket.png,
new-ticket.png, first-run.png and sign-in.png by grabbing the widgets; nothing is
shown on screen. (The conflicts panel joins them when sync arrives.)"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.accounts import accounts, sign_in_default  # noqa: E402
from core.store import Store  # noqa: E402
from core.ticket_table import TableFilter  # noqa: E402
from desktop.app import application  # noqa: E402
from desktop.i18n import install_translations  # noqa: E402
from desktop.qt import QApplication, QWidget  # noqa: E402
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
    from core.queries import ticket_detail

    model = window.table.model
    best, best_row = -1, 0
    for row in range(min(model.rowCount(), 300)):
        found = model.row_at(row)
        if found and found.status == "in_progress" and found.sla_state in ("running", "warning"):
            detail = window.ws.read_now(lambda s, ref, user, n=found.number: ticket_detail(s, ref, user, n))
            if len(detail["comments"]) > best:
                best, best_row = len(detail["comments"]), row
    window.table.select_row(best_row)
    settle(lambda: (window.ticket.detail or {}).get("number") == model.number_at(best_row))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--tickets", type=int, default=600)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    install_translations(app, args.language)
    apply_theme(app, dark=False)

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        workers = Workers()
        first = FirstRunDialog(data_dir / "branchdesk.sqlite3", workers)
        first.resize(600, 420)
        first.show()
        settle()
        save(first, out / "first-run.png")
        first.close()

        print(f"making a demo store with {args.tickets} tickets…")
        make_demo_store(data_dir / "branchdesk.sqlite3", args.tickets)
        store = Store.open(data_dir / "branchdesk.sqlite3")
        user = sign_in_default(store)
        assert user is not None

        people = accounts(store)
        staff = next((a.username for a in people if a.role == "requester"), None)
        sign_in = SignInDialog(store, people, workers, "Northwind Fuel", staff)
        sign_in.show()
        settle()
        save(sign_in, out / "sign-in.png")
        sign_in.close()

        workspace = Workspace(store, user, data_dir, workers=workers)
        window = MainWindow(workspace, Settings(data_dir))
        window.resize(1440, 860)
        window.show()
        window.queues.choose("all")
        window.table.show_queue(TableFilter(queue="all"))
        settle(lambda: window.table.model.rowCount() > 0 and not window.table.model.loading)
        pick_ticket(window)
        window.split.setSizes([190, 780, 470])
        settle(seconds=0.8)
        save(window, out / "main-window.png")

        apply_theme(app, dark=True)
        window.ticket.reload()
        settle(seconds=0.8)
        save(window, out / "main-window-dark.png")
        apply_theme(app, dark=False)

        number = window.ticket.number
        assert number is not None
        ticket = window.open_window(number)
        ticket.resize(820, 760)
        settle(lambda: ticket.view.detail is not None, seconds=0.8)
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
        settle(lambda: polish.table.model.rowCount() > 0 and polish.ticket.detail is not None, seconds=0.8)
        save(polish, out / "main-window-pl.png")
        polish.close()
        install_translations(app, args.language)

        workers.wait_idle()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
