"""The dashboard's charts, painted with QPainter: horizontal bars with their labels
and values, and lines over weeks. Drawn here rather than with QtCharts, which
needs the PySide6-Addons wheel (several hundred MB, QtWebEngine with it) for four
small pictures. A click on a bar or a point names what was clicked (its key and
series), for the dashboard to list the tickets behind it."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.qt import (
    QColor,
    QMouseEvent,
    QPainter,
    QPen,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QWidget,
    Signal,
)

# series colours, readable on the light and the dark palette
SERIES = ("#4a7fc1", "#2e9d4f", "#e0a100", "#d93f3f")
PAD = 8.0


@dataclass(frozen=True)
class Bar:
    key: str  # the group behind the bar
    label: str
    values: tuple[float | None, ...]  # one per series; None: nothing measured
    texts: tuple[str, ...]  # each value as shown


def nice_top(value: float) -> float:
    """The top of a scale of four even steps at or above `value` (steps of 1, 2, 2.5, 3,
    4, 5, 6 or 8 times a power of ten), so the grid reads in round numbers."""
    power = 1.0
    while True:
        for mantissa in (1, 2, 2.5, 3, 4, 5, 6, 8):
            if mantissa * power * 4 >= value:
                return mantissa * power * 4
        power *= 10


class _Chart(QWidget):
    # a bar or a point was clicked: its key and the index of its series
    sig_clicked = Signal(str, int)

    def __init__(self, title: str, series: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.series = series
        self._hits: list[tuple[QRectF, str, int]] = []
        self.setMouseTracking(True)
        self.setMinimumSize(260, 180)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def _text(self) -> QColor:
        return self.palette().color(self.foregroundRole())

    def _muted(self) -> QColor:
        colour = self._text()
        colour.setAlphaF(0.35)
        return colour

    def _header(self, p: QPainter) -> float:
        """The title and the legend; the height they take. The legend goes on a line
        of its own when the two do not fit side by side, and a title too long for the
        width is cut short with an ellipsis (its whole text is the tooltip)."""
        metrics = p.fontMetrics()
        bold = p.font()
        bold.setBold(True)
        shown = range(len(self.series)) if len(self.series) > 1 else range(0)
        legend_w = sum(metrics.horizontalAdvance(self.series[i]) + 26 for i in shown)
        p.save()
        p.setFont(bold)
        title_w = p.fontMetrics().horizontalAdvance(self.title)
        own_line = bool(legend_w) and title_w + legend_w + 2 * PAD + 12 > self.width()
        room = self.width() - 2 * PAD - (0 if own_line else legend_w + 12)
        title = p.fontMetrics().elidedText(self.title, Qt.TextElideMode.ElideRight, int(max(room, 20)))
        self.setToolTip(self.title if title != self.title else "")
        p.setPen(self._text())
        p.drawText(QPointF(PAD, PAD + metrics.ascent()), title)
        p.restore()
        y = PAD + metrics.ascent() + (metrics.height() + 2 if own_line else 0)
        x = self.width() - PAD
        for index in reversed(shown):
            name = self.series[index]
            x -= metrics.horizontalAdvance(name)
            p.setPen(self._text())
            p.drawText(QPointF(x, y), name)
            x -= 14
            p.fillRect(QRectF(x, y - 9, 10, 10), QColor(SERIES[index % len(SERIES)]))
            x -= 12
        return PAD + metrics.height() * (2 if own_line else 1) + (2 if own_line else 0) + PAD

    def hit(self, point: QPointF) -> tuple[str, int] | None:
        for rect, key, series in self._hits:
            if rect.contains(point):
                return key, series
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.hit(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        over = self.hit(event.position())
        if over is not None and event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(*over)
        super().mouseReleaseEvent(event)

    def click(self, key: str, series: int = 0) -> None:
        """As if the person clicked that bar or point (tests, the keyboard)."""
        self.sig_clicked.emit(key, series)

    def centre_of(self, key: str, series: int = 0) -> QPointF | None:
        for rect, k, s in self._hits:
            if k == key and s == series:
                return rect.center()
        return None


class BarChart(_Chart):
    """One row per bar, its label on the left, one bar per series on a common scale
    (`maximum`, or the largest value), its value at the bar's end."""

    def __init__(self, title: str, series: tuple[str, ...], maximum: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, series, parent)
        self.maximum = maximum
        self.bars: list[Bar] = []
        self.empty_text = ""

    def set_bars(self, bars: list[Bar], empty_text: str = "") -> None:
        self.bars = bars
        self.empty_text = empty_text
        self.update()

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._hits = []
        top = self._header(p)
        metrics = p.fontMetrics()
        if not self.bars:
            p.setPen(self._muted())
            p.drawText(QRectF(0, top, self.width(), self.height() - top), Qt.AlignmentFlag.AlignCenter,
                       self.empty_text)
            p.end()
            return
        label_w = min(self.width() * 0.38, max(metrics.horizontalAdvance(b.label) for b in self.bars) + PAD)
        value_w = max(metrics.horizontalAdvance(t) for b in self.bars for t in b.texts) + PAD
        left, right = PAD + label_w, self.width() - PAD - value_w
        n = len(self.series)
        # A row needs room for each series' figure in the small font: the bars that
        # do not fit are left out and counted in a line at the bottom, never squeezed
        # until their figures run into each other.
        small = p.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        p.save()
        p.setFont(small)
        small_h = p.fontMetrics().height()
        p.restore()
        least = 4 + n * small_h * (0.85 if n > 1 else 1.0)
        height = self.height() - top - PAD
        bars = self.bars
        if height / len(bars) < least:
            fits = max(1, int((height - metrics.height()) // least))
            bars = bars[:fits]
            p.setPen(self._muted())
            p.drawText(QRectF(PAD, self.height() - PAD - metrics.height(), self.width() - 2 * PAD, metrics.height()),
                       Qt.AlignmentFlag.AlignRight,
                       self.tr("%n more not shown", "", len(self.bars) - fits))
            height -= metrics.height()
        row_h = min(34.0, height / len(bars))
        bar_h = max(3.0, (row_h - 4) / n)
        largest = self.maximum or max((v or 0) for b in self.bars for v in b.values) or 1
        for i, bar in enumerate(bars):
            y = top + i * row_h
            p.setPen(self._text())
            name = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, int(label_w - PAD))
            p.drawText(QRectF(PAD, y, label_w - PAD, row_h), Qt.AlignmentFlag.AlignVCenter, name)
            for s, (value, text) in enumerate(zip(bar.values, bar.texts, strict=True)):
                by = y + 2 + s * bar_h
                width = max(0.0, (right - left) * (value or 0) / largest)
                rect = QRectF(left, by, max(width, 2.0 if value is not None else 0.0), bar_h - 1)
                p.fillRect(rect, QColor(SERIES[s % len(SERIES)]))
                if value is not None:
                    p.save()
                    if bar_h < metrics.height():  # several series share the row: a smaller figure
                        p.setFont(small)
                    p.setPen(self._text())
                    p.drawText(QRectF(rect.right() + 4, by - 2, value_w, bar_h + 4), Qt.AlignmentFlag.AlignVCenter,
                               text)
                    p.restore()
                # the whole row's height of this series is the target, not only the painted bar
                self._hits.append((QRectF(PAD, by, self.width() - 2 * PAD, bar_h), bar.key, s))
        p.end()


class LineChart(_Chart):
    """Values over a sequence of keys (weeks): a line and dots per series, a light grid,
    the first and last keys' labels and every other one that fits."""

    def __init__(self, title: str, series: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(title, series, parent)
        self.keys: list[str] = []
        self.labels: list[str] = []
        self.values: list[tuple[float, ...]] = []  # per key, one per series

    def set_points(self, keys: list[str], labels: list[str], values: list[tuple[float, ...]]) -> None:
        self.keys, self.labels, self.values = keys, labels, values
        self.update()

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._hits = []
        top = self._header(p)
        metrics = p.fontMetrics()
        if not self.keys:
            p.end()
            return
        largest = nice_top(max((v for row in self.values for v in row), default=0))
        scale_w = metrics.horizontalAdvance(f"{int(largest)}") + PAD
        left, right = PAD + scale_w, self.width() - PAD - 4
        bottom = self.height() - PAD - metrics.height()
        height = bottom - top
        p.setPen(QPen(self._muted(), 1))
        for step in range(5):
            y = bottom - height * step / 4
            p.drawLine(QPointF(left, y), QPointF(right, y))
            p.drawText(QRectF(0, y - metrics.height() / 2, scale_w, metrics.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{round(largest * step / 4)}")
        count = len(self.keys)
        gap = (right - left) / max(1, count - 1)

        def x_of(i: int) -> float:
            return left + gap * i if count > 1 else (left + right) / 2

        label_w = max(metrics.horizontalAdvance(t) for t in self.labels) + PAD
        every = max(1, int(label_w // max(gap, 1)) + 1)
        p.setPen(self._text())
        for i, text in enumerate(self.labels):
            if i % every == 0 or i == count - 1 and (count - 1) % every >= every / 2:
                x = min(max(x_of(i) - label_w / 2, left - scale_w / 2), self.width() - label_w)
                p.drawText(QRectF(x, bottom + 2, label_w, metrics.height()), Qt.AlignmentFlag.AlignHCenter, text)
        for s in range(len(self.series)):
            colour = QColor(SERIES[s % len(SERIES)])
            points = [QPointF(x_of(i), bottom - height * row[s] / largest) for i, row in enumerate(self.values)]
            p.setPen(QPen(colour, 2))
            for a, b in zip(points, points[1:], strict=False):
                p.drawLine(a, b)
            p.setBrush(colour)
            for i, point in enumerate(points):
                p.drawEllipse(point, 3, 3)
                self._hits.append((QRectF(point.x() - 7, point.y() - 7, 14, 14), self.keys[i], s))
        p.end()
