"""The top of a ticket: number, title, status and priority chips, who and where,
and a countdown bar per SLA clock. Nothing in it clips or overlaps: the chips wrap
to a second line in a narrow pane, and the number, title and the lines below
shorten with "…" and show all of their text as a tooltip."""

from __future__ import annotations

from core.reference import Reference
from core.ticket_detail import TicketDetail
from desktop.labels import label, pending_text
from desktop.org_names import clock_text, org_names, short_name
from desktop.qt import QSizePolicy, Qt, QVBoxLayout, QWidget
from desktop.views.chips import Chip
from desktop.views.elided import ElidedLabel
from desktop.views.flow_layout import FlowLayout
from desktop.views.sla_bar import SlaBars, SlaContext


class TicketHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = ElidedLabel("", self, Qt.TextElideMode.ElideMiddle)
        self.number.setObjectName("ticketNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = ElidedLabel("", self)
        self.title.setObjectName("ticketTitle")
        self.status = Chip("status", self)
        self.status.setObjectName("statusChip")
        self.priority = Chip("priority", self)
        self.priority.setObjectName("priorityChip")
        self.major = Chip("tag", self)
        self.major.setText(self.tr("Major incident"))
        self.kind = ElidedLabel("", self)
        self.kind.setProperty("role", "hint")
        self.where = ElidedLabel("", self)
        self.where.setObjectName("ticketWhere")
        self.where.setProperty("role", "hint")
        self.who = ElidedLabel("", self)
        self.who.setObjectName("ticketWho")
        self.who.setProperty("role", "hint")
        self.sla = SlaBars(self)

        chips = QWidget(self)
        chips.setObjectName("ticketChips")
        flow = FlowLayout(chips)
        for widget in (self.number, self.status, self.priority, self.major, self.kind):
            flow.addWidget(widget)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        chips.setSizePolicy(policy)
        self.chips = chips
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(chips)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addWidget(self.who)
        layout.addWidget(self.sla)
        for line in (self.title, self.where, self.who):
            line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def show_detail(self, d: TicketDetail, ref: Reference, staff: bool = True) -> None:
        names = org_names(ref)
        self.number.setText(d.number)
        self.number.set_tip(self.tr("Ticket number (select to copy)"))
        self.title.setText(d.title)
        self.status.show_status(d.status)
        supplier = ref.supplier_codes.get(d.pending_supplier or "")
        supplier_name = names.supplier(supplier.code, supplier.name) if supplier else None
        waiting = pending_text(d.pending_reason, supplier_name) if d.status == "pending" and d.pending_reason else ""
        # the supplier by its name only; a description the file adds to it goes in the tooltip
        shown = (pending_text(d.pending_reason, short_name(supplier_name))
                 if waiting and d.pending_reason and supplier_name else waiting)
        if waiting:
            self.status.show_text(f"{label('status', d.status)} · {shown}")
        self.status.set_tip(f"{label('status', d.status)} · {waiting}" if shown != waiting else "")
        self.priority.show_priority(d.priority, ref.spec.priority.levels)
        self.priority.set_tip(
            self.tr("Priority overridden: {0}").format(d.priority_reason) if d.priority_reason
            else self.tr("Priority from impact {0} and urgency {1}").format(label("impact", d.impact),
                                                                            label("impact", d.urgency))
        )
        self.major.setVisible(d.major_incident)
        self.kind.setText(label("type", d.type))
        requester = ref.usernames.get(d.requester or "")
        assignee = ref.usernames.get(d.assignee or "")
        site = ref.site_codes.get(d.site or "")
        team = ref.team_codes.get(d.team or "")
        site_text = f"{site.code} — {names.site(site.code, site.name)}" if site else d.site
        where = [self.tr("Site {0}").format(site_text) if site_text else "",
                 names.category(d.category) if d.category else ""]
        who = [self.tr("Requester {0}").format(requester.name if requester else d.requester),
               self.tr("Team {0}").format(names.team(team.code, team.name) if team else "—")
               + (f" · {assignee.name}" if assignee else "")]
        self.where.setText("  ·  ".join(p for p in where if p))
        self.who.setText("  ·  ".join(p for p in who if p))
        suppliers = tuple((clock_text(c.name, ref), c) for c in d.sla.supplier_clocks) if d.sla and staff else ()
        self.sla.show_sla(d.sla if staff else None, SlaContext(waiting, ref.spec.calendars, suppliers))
        self.chips.updateGeometry()
