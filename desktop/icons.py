"""Branchdesk's icons, drawn rather than shipped: the app's (a rounded square with a
"B") and the notifications bell."""

from __future__ import annotations

from desktop.qt import QColor, QFont, QIcon, QPainter, QPainterPath, QPixmap, QPointF, QRectF, Qt


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


def bell_icon(colour: QColor, unread: int = 0) -> QIcon:
    """The notifications bell, in the text's colour, with a red badge counting the unread."""
    icon = QIcon()
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        s = float(size)
        body = QPainterPath()
        body.moveTo(0.14 * s, 0.76 * s)
        body.quadTo(0.26 * s, 0.64 * s, 0.26 * s, 0.46 * s)
        body.cubicTo(0.26 * s, 0.16 * s, 0.74 * s, 0.16 * s, 0.74 * s, 0.46 * s)
        body.quadTo(0.74 * s, 0.64 * s, 0.86 * s, 0.76 * s)
        body.closeSubpath()
        painter.drawPath(body)
        painter.drawEllipse(QPointF(0.5 * s, 0.84 * s), 0.09 * s, 0.09 * s)
        painter.drawEllipse(QPointF(0.5 * s, 0.17 * s), 0.06 * s, 0.06 * s)
        if unread > 0:
            radius = 0.3 * s
            centre = QPointF(s - radius, radius)
            painter.setBrush(QColor("#d93f3f"))
            painter.drawEllipse(centre, radius, radius)
            font = QFont()
            font.setBold(True)
            font.setPixelSize(max(7, int(radius * (1.3 if unread < 10 else 1.0))))
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(unread) if unread < 10 else "9+")
        painter.end()
        icon.addPixmap(pixmap)
    return icon
