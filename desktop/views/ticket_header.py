"""The top of a ticket: number, title, status and priority chips, who and where,
and a countdown bar per SLA clock."""

from __future__ import annotations

from core.reference import Reference
from core.ticket_detail import TicketDetail
from desktop.labels import label
from desktop.qt import QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget
from desktop.views.chips import Chip
from desktop.views.sla_bar import SlaBars


class TicketHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLabel(self)
        self.number.setObjectName("ticketNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLabel(self)
        self.title.setObjectName("ticketTitle")
        self.title.setWordWrap(True)
        self.status = Chip("status", self)
        self.status.setObjectName("statusChip")
        self.priority = Chip("priority", self)
        self.priority.setObjectName("priorityChip")
        self.major = Chip("tag", self)
        self.major.setText(self.tr("Major incident"))
        self.kind = QLabel(self)
        self.kind.setProperty("role", "hint")
        self.meta = QLabel(self)
        self.meta.setProperty("role", "hint")
        self.meta.setWordWrap(True)
        self.sla = SlaBars(self)

        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(self.number)
        chips.addWidget(self.status)
        chips.addWidget(self.priority)
        chips.addWidget(self.major)
        chips.addWidget(self.kind)
        chips.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(chips)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.sla)

    def show_detail(self, d: TicketDetail, ref: Reference) -> None:
        self.number.setText(d.number)
        self.title.setText(d.title)
        self.status.show_status(d.status)
        if d.status == "pending" and d.pending_reason:
            self.status.setText(f"{label('status', d.status)} · {label('pending_reason', d.pending_reason)}")
        self.priority.show_priority(d.priority, ref.spec.priority.levels)
        self.priority.setToolTip(
            self.tr("Overridden: {0}").format(d.priority_reason) if d.priority_reason
            else self.tr("Impact {0}, urgency {1}").format(label("impact", d.impact), label("impact", d.urgency))
        )
        self.major.setVisible(d.major_incident)
        self.kind.setText(label("type", d.type))
        requester = ref.usernames.get(d.requester or "")
        assignee = ref.usernames.get(d.assignee or "")
        site = ref.site_codes.get(d.site or "")
        team = ref.team_codes.get(d.team or "")
        parts = [
            self.tr("Site {0}").format(f"{site.code} — {site.name}" if site else d.site),
            d.category or "",
            self.tr("Requester {0}").format(requester.name if requester else d.requester),
            self.tr("Team {0}").format(team.name if team else "—") + (f" · {assignee.name}" if assignee else ""),
        ]
        self.meta.setText("   ·   ".join(p for p in parts if p))
        self.sla.show_sla(d.sla)
