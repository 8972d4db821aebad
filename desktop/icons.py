"""Branchdesk's icon, drawn rather than shipped: a rounded square with a "B"."""

from __future__ import annotations

from desktop.qt import QColor, QFont, QIcon, QPainter, QPixmap, Qt


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64, 128):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2f6db5"))
        painter.drawRoundedRect(0, 0, size, size, size * 0.22, size * 0.22)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.62))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "B")
        painter.end()
        icon.addPixmap(pixmap)
    return icon
