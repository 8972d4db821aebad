"""The SLA countdown bars: green, amber past a warning, red when breached, grey
while paused; nothing when a ticket has no SLA."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.sla.clocks import Clock
from core.sla.engine import SlaReport
from desktop.models.ticket_table import TicketTableModel, due_text
from desktop.views.sla_bar import SlaBars, clock_look

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def clock(state: str = "running", elapsed: int = 600, target: int = 3600, due: datetime | None = None,
          warnings: dict[str, datetime] | None = None) -> Clock:
    return Clock(name="resolution", calendar="desk", target_s=target, elapsed_s=elapsed, state=state,
                 due_at=due if due is not None else NOW + timedelta(seconds=target - elapsed), stopped_at=None,
                 breached_at=None, next_at=None, warnings=warnings or {})


def test_colours():
    assert clock_look(clock(), NOW) == ("ok", 600 / 3600)
    assert clock_look(clock(elapsed=3000, warnings={"0.75": NOW}), NOW)[0] \
        == "warning"
    assert clock_look(clock(state="breached", elapsed=4000), NOW)[0] == "breached"
    assert clock_look(clock(state="paused"), NOW)[0] == "paused"
    assert clock_look(clock(state="met"), NOW)[0] == "met"
    # a running clock whose due instant has passed is shown breached before anyone recomputes it
    assert clock_look(clock(due=NOW - timedelta(minutes=1)), NOW)[0] == "breached"


def test_bars_follow_the_sla(qtbot):
    bars = SlaBars()
    qtbot.addWidget(bars)
    bars.now = lambda: NOW
    bars.show_sla(None)
    assert bars.isHidden()
    bars.show_sla(SlaReport("P", "desk", response=clock(state="met"), resolution=clock()))
    assert not bars.isHidden()
    assert bars.bars["resolution"].text.text() == "in 50m"
    assert bars.bars["resolution"].bar.colour == "ok"
    bars.show_sla(SlaReport("P", "desk", response=None, resolution=clock(state="paused")))
    assert bars.bars["response"].isHidden() and bars.bars["resolution"].text.text() == "paused"


def test_due_text():
    assert due_text(NOW + timedelta(hours=2, minutes=5), NOW) == "in 2h 05m"
    assert due_text(NOW - timedelta(days=1, hours=3), NOW) == "1d 3h overdue"
    assert due_text(None, NOW) == ""


def test_the_table_shows_when_each_ticket_is_due(qtbot, workspace, new_ticket):
    new_ticket()
    model = TicketTableModel(workspace, workspace)  # deleted with the workspace at the end of the test
    with qtbot.waitSignal(model.sig_loaded):
        model.reload()
    row = model.row_at(0)
    assert row is not None and row.sla_due is not None and row.sla_state == "running"
    sla_column = 7
    assert model.data(model.index(0, sla_column)).startswith("in ")
