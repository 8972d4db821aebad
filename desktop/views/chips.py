"""Status and priority chips: small rounded labels whose colours come from the
style sheet (resources/styles), chosen by the chip's properties. A chip too wide
for its place shortens its text with "…" and shows all of it as a tooltip."""

from __future__ import annotations

from desktop import theme
from desktop.labels import label
from desktop.qt import QWidget
from desktop.views.elided import ElidedLabel


class Chip(ElidedLabel):
    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setProperty("chip", kind)

    def _restyle(self) -> None:
        self.style().unpolish(self)
        self.style().polish(self)
        self.updateGeometry()

    def show_status(self, status: str) -> None:
        self.setProperty("value", status)
        self.setText(label("status", status))
        self._restyle()

    def show_priority(self, level: str, levels: tuple[str, ...]) -> None:
        rank = theme.priority_rank(level, levels)
        self.setProperty("level", "" if rank is None else str(rank))
        self.setText(level)
        self._restyle()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self._restyle()
