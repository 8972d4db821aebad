"""The dashboard's charts, drawn with QtCharts: horizontal bars with their labels and
values (QHorizontalBarSeries), and lines over weeks (QLineSeries). Their colours
follow the application's palette, light or dark. A click on a bar or a point names
what was clicked (its key and series), for the dashboard to list the tickets behind
it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.qt import (
    QBarCategoryAxis,
    QBarSet,
    QBrush,
    QCategoryAxis,
    QChart,
    QChartView,
    QColor,
    QEvent,
    QFont,
    QFontMetricsF,
    QGraphicsSimpleTextItem,
    QHorizontalBarSeries,
    QLineSeries,
    QMargins,
    QPainter,
    QPen,
    QPointF,
    QResizeEvent,
    QSize,
    Qt,
    QValueAxis,
    QWidget,
    Signal,
)

# series colours, readable on the light and the dark palette
SERIES = ("#4a7fc1", "#2e9d4f", "#e0a100", "#d93f3f")
PAD = 8.0
ROW_FILL = 0.9  # the share of a row its bars take, unless that makes them thicker than THICKEST
THICKEST = 20.0


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


def unique(labels: list[str]) -> list[str]:
    """Axis categories must differ: a label shortened into another's gets invisible marks."""
    seen: set[str] = set()
    out = []
    for label in labels:
        while label in seen:
            label += "\u200b"
        seen.add(label)
        out.append(label)
    return out


class _Chart(QChartView):
    # a bar or a point was clicked: its key and the index of its series
    sig_clicked = Signal(str, int)

    def __init__(self, title: str, series: tuple[str, ...], parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self._title = title
        self.series = series
        self.ready = False  # set once the subclass has made its series and axes
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setMinimumSize(260, 180)
        self.chart_.setBackgroundRoundness(0)
        self.chart_.setMargins(QMargins(2, 2, 2, 2))
        self.chart_.layout().setContentsMargins(0, 0, 0, 0)
        title_font = QFont(self.font())
        title_font.setBold(True)
        self.chart_.setTitleFont(title_font)
        legend = self.chart_.legend()
        legend.setVisible(len(series) > 1)
        legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        legend.setFont(self.font())
        legend.setContentsMargins(0, 0, 0, 0)
        # the text in an empty chart, and the count of bars left out
        self.note = QGraphicsSimpleTextItem(self.chart_)
        self.note.setZValue(10)
        # laid out again once QtCharts has placed the plot area, outside its own layout pass
        self.chart_.plotAreaChanged.connect(self._laid_out, Qt.ConnectionType.QueuedConnection)
        self.setAccessibleName(title)
        self._show_title()

    @property
    def title(self) -> str:
        return self._title

    @title.setter
    def title(self, text: str) -> None:
        self._title = text
        self.setAccessibleName(text)
        self._show_title()

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def _show_title(self) -> None:
        """The title cut short with an ellipsis when too long for the width (the whole of
        it is the tooltip)."""
        room = max(20, self.width() - 2 * PAD)
        shown = QFontMetricsF(self.chart_.titleFont()).elidedText(self._title, Qt.TextElideMode.ElideRight, room)
        self.chart_.setTitle(shown)
        self.setToolTip(self._title if shown != self._title else "")

    def _text(self) -> QColor:
        return self.palette().color(self.foregroundRole())

    def _muted(self) -> QColor:
        colour = self._text()
        colour.setAlphaF(0.35)
        return colour

    def _style_axis(self, axis: QValueAxis | QCategoryAxis | QBarCategoryAxis) -> None:
        axis.setLabelsBrush(QBrush(self._text()))
        axis.setLabelsFont(self.font())
        grid = self._text()
        grid.setAlphaF(0.15)
        axis.setGridLineColor(grid)
        axis.setLinePenColor(self._muted())
        axis.setTitleVisible(False)

    def _colour(self) -> None:
        """The palette's colours: the window's background, its text for the title, the
        legend and the axes' labels, and that text faded for the grid."""
        self.chart_.setBackgroundBrush(QBrush(self.palette().color(self.backgroundRole())))
        self.chart_.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        self.chart_.setTitleBrush(QBrush(self._text()))
        self.chart_.legend().setLabelColor(self._text())
        self.setBackgroundBrush(QBrush(self.palette().color(self.backgroundRole())))
        for axis in self.chart_.axes():
            assert isinstance(axis, (QValueAxis, QCategoryAxis, QBarCategoryAxis))
            self._style_axis(axis)
        muted = self._text()
        muted.setAlphaF(0.6)
        self.note.setBrush(QBrush(muted))

    def changeEvent(self, event: QEvent) -> None:
        if self.ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._colour()
            self._laid_out()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_title()

    def _laid_out(self) -> None:
        """Place what depends on the plot area's size (labels, the note)."""

    def _hovering(self, over: bool, tip: str) -> None:
        """Over a bar or a point: a hand, and what it stands for as the tooltip."""
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        self.viewport().setToolTip(tip if over else "")

    def _to_view(self, point: QPointF) -> QPointF:
        return QPointF(self.mapFromScene(self.chart_.mapToScene(point)))

    def click(self, key: str, series: int = 0) -> None:
        """As if the person clicked that bar or point."""
        self.sig_clicked.emit(key, series)


class BarChart(_Chart):
    """One row per bar, its label on the left, one bar per series on a common scale
    (`maximum`, or the largest value), its value at the bar's end. Rows that do not
    fit with room for their figures are left out and counted in a line at the bottom,
    never squeezed until their figures run into each other."""

    def __init__(self, title: str, series: tuple[str, ...], maximum: float | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, series, parent)
        self.maximum = maximum
        self.bars: list[Bar] = []
        self.shown: list[Bar] = []  # the bars drawn, from the top
        self.empty_text = ""
        self._values: list[QGraphicsSimpleTextItem] = []
        self.bar_series = QHorizontalBarSeries()
        self.bar_series.setBarWidth(ROW_FILL)
        # QtCharts stacks a row's sets upwards and its rows from the bottom: the sets are
        # added last first and the rows given bottom first, so both read from the top
        self.sets = [QBarSet(name) for name in series]
        for index, bar_set in reversed(list(enumerate(self.sets))):
            colour = QColor(SERIES[index % len(SERIES)])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            self.bar_series.append(bar_set)
        self.chart_.legend().setReverseMarkers(True)
        self.chart_.addSeries(self.bar_series)
        self.rows_axis = QBarCategoryAxis()
        self.rows_axis.setGridLineVisible(False)
        self.values_axis = QValueAxis()
        self.values_axis.setVisible(False)
        self.chart_.addAxis(self.rows_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart_.addAxis(self.values_axis, Qt.AlignmentFlag.AlignBottom)
        self.bar_series.attachAxis(self.rows_axis)
        self.bar_series.attachAxis(self.values_axis)
        self.bar_series.clicked.connect(self._bar_clicked)
        self.bar_series.hovered.connect(self._bar_hovered)
        self._colour()
        self.ready = True

    def set_bars(self, bars: list[Bar], empty_text: str = "") -> None:
        self.bars = bars
        self.empty_text = empty_text
        self._fill(min(len(bars), self._fitting()))
        self._place()

    def _small(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        return small

    def _fitting(self) -> int:
        """How many rows the plot area holds, each with room for its series' figures."""
        height = self.chart_.plotArea().height()
        if height <= 0:
            return len(self.bars)
        n = len(self.series)
        # a set's share of the row is the bar width over the sets: its figure must fit it
        figure_h = math.ceil(QFontMetricsF(self._small() if n > 1 else self.font()).height()) + 1
        least = n * figure_h / ROW_FILL
        if len(self.bars) * least <= height:
            return len(self.bars)
        return max(1, int(height // least) - 1)  # a row's height for the count of the others

    def _laid_out(self) -> None:
        fits = min(len(self.bars), self._fitting())
        if len(self.shown) != fits:
            self._fill(fits)
        self._label_rows()
        self._place()

    def _label_rows(self) -> None:
        """The rows' labels, cut short in the middle to at most 38 % of the width (the
        whole of each is in its bars' tooltip); the row for the count of the others has none."""
        metrics = QFontMetricsF(self.font())
        room = max(40.0, self.width() * 0.38)
        labels = unique([metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, room) for bar in self.shown])
        if len(self.shown) < len(self.bars):
            labels.append("")
        labels = list(reversed(labels)) or [""]
        if self.rows_axis.categories() != labels:
            self.rows_axis.clear()
            self.rows_axis.append(labels)

    def _fill(self, fits: int) -> None:
        """The first `fits` bars into the series, with their figures."""
        self.shown = self.bars[:fits]
        left_out = len(self.bars) - fits
        self._label_rows()
        for s, bar_set in enumerate(self.sets):
            rows = ([0.0] if left_out else []) + [float(bar.values[s] or 0) for bar in reversed(self.shown)]
            bar_set.remove(0, bar_set.count())
            bar_set.append(rows or [0.0])
        for item in self._values:
            self.chart_.scene().removeItem(item)
        self._values = []
        n = len(self.series)
        for bar in self.shown:
            for s, text in enumerate(bar.texts):
                item = QGraphicsSimpleTextItem(text if bar.values[s] is not None else "", self.chart_)
                item.setFont(self._small() if n > 1 else self.font())
                item.setBrush(QBrush(self._text()))
                self._values.append(item)
        if not self.bars:
            self.note.setText(self.empty_text)
        elif left_out:
            self.note.setText(self.tr("%n more not shown", "", left_out))
        else:
            self.note.setText("")
        self.chart_.legend().setVisible(len(self.series) > 1 and bool(self.bars))
        self.rows_axis.setVisible(bool(self.bars))

    def _colour(self) -> None:
        super()._colour()
        for item in self._values:
            item.setBrush(QBrush(self._text()))

    def value_items(self) -> list[QGraphicsSimpleTextItem]:
        """The figures written at the bars' ends, row by row, series by series."""
        return list(self._values)

    def _row_centre(self, row: int, series: int) -> float:
        """The centre of a series' bar in the axis' units (rows count from the bottom)."""
        n, width = len(self.series), self.bar_series.barWidth()
        position = n - 1 - series  # the sets were added last first
        return row - width / 2 + (position + 0.5) * width / n

    def _row_of(self, index: int) -> int:
        """The axis row of the index'th bar shown (rows count from the bottom, after the
        count's row when there is one)."""
        return self.rows_axis.count() - 1 - index

    def _place(self) -> None:
        """The scale, with room at the right for the figures; each figure at its bar's end."""
        area = self.chart_.plotArea()
        if not self.bars:
            self.values_axis.setRange(0, 1)
            self.note.setPos(area.center().x() - self.note.boundingRect().width() / 2,
                             area.center().y() - self.note.boundingRect().height() / 2)
            return
        largest = self.maximum or max((v or 0) for b in self.bars for v in b.values) or 1
        text_w = max((item.boundingRect().width() for item in self._values), default=0) + 8
        rows = max(1, self.rows_axis.count())
        self.bar_series.setBarWidth(min(ROW_FILL, THICKEST * len(self.series) * rows / max(area.height(), 1.0)))
        width = max(area.width(), 1.0)
        self.values_axis.setRange(0, largest * width / max(width - text_w, width * 0.4))
        items = iter(self._values)
        for index, bar in enumerate(self.shown):
            for s in range(len(self.series)):
                item = next(items)
                end = self.chart_.mapToPosition(QPointF(bar.values[s] or 0, self._row_centre(self._row_of(index), s)),
                                                self.bar_series)
                item.setPos(end.x() + 4, end.y() - item.boundingRect().height() / 2)
        bottom = self.chart_.mapToPosition(QPointF(0, 0), self.bar_series)
        self.note.setPos(area.right() - self.note.boundingRect().width(),
                         bottom.y() - self.note.boundingRect().height() / 2)

    def _bar_clicked(self, index: int, bar_set: QBarSet) -> None:
        shown = self._row_of(index)
        if 0 <= shown < len(self.shown) and bar_set in self.sets:
            self.sig_clicked.emit(self.shown[shown].key, self.sets.index(bar_set))

    def _bar_hovered(self, over: bool, index: int, bar_set: QBarSet) -> None:
        shown = self._row_of(index)
        if not (0 <= shown < len(self.shown) and bar_set in self.sets):
            self._hovering(False, "")
            return
        bar, s = self.shown[shown], self.sets.index(bar_set)
        self._hovering(over, f"{bar.label}: {bar.texts[s]}" + (f" ({self.series[s]})" if len(self.series) > 1 else ""))

    def centre_of(self, key: str, series: int = 0) -> QPointF | None:
        """Where the bar of `key` in `series` is in the view; None when it is not drawn."""
        for index, bar in enumerate(self.shown):
            value = bar.values[series]
            if bar.key == key and value:
                row = self._row_centre(self._row_of(index), series)
                return self._to_view(self.chart_.mapToPosition(QPointF(value / 2, row), self.bar_series))
        return None


class LineChart(_Chart):
    """Values over a sequence of keys (weeks): a line and dots per series, a light grid,
    the first key's label and every other one that fits."""

    def __init__(self, title: str, series: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(title, series, parent)
        self.keys: list[str] = []
        self.labels: list[str] = []
        self.values: list[tuple[float, ...]] = []  # per key, one per series
        self.lines: list[QLineSeries] = []
        self.keys_axis = QCategoryAxis()
        self.keys_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.scale_axis = QValueAxis()
        self.scale_axis.setLabelFormat("%d")
        self.scale_axis.setTickCount(5)
        self.chart_.addAxis(self.keys_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(self.scale_axis, Qt.AlignmentFlag.AlignLeft)
        for index, name in enumerate(series):
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(QColor(SERIES[index % len(SERIES)]), 2))
            line.setMarkerSize(5)
            self.chart_.addSeries(line)
            line.attachAxis(self.keys_axis)
            line.attachAxis(self.scale_axis)
            line.clicked.connect(lambda point, s=index: self._point_clicked(point, s))
            line.hovered.connect(lambda point, over, s=index: self._point_hovered(point, over, s))
            self.lines.append(line)
        self._colour()
        self.ready = True

    def set_points(self, keys: list[str], labels: list[str], values: list[tuple[float, ...]]) -> None:
        self.keys, self.labels, self.values = keys, labels, values
        for s, line in enumerate(self.lines):
            line.replace([QPointF(i, row[s]) for i, row in enumerate(values)])
        top = nice_top(max((v for row in values for v in row), default=0))
        self.scale_axis.setRange(0, top or 4)
        # room at both ends for a point's dot, however many weeks share the width
        margin = max(0.3, 0.03 * (len(keys) - 1)) if len(keys) > 1 else 0.5
        self.keys_axis.setRange(-margin, max(len(keys) - 1, 0) + margin)
        self.keys_axis.setStartValue(-margin)
        self._laid_out()

    def _laid_out(self) -> None:
        """A key's label every so many keys, as many as fit side by side."""
        wanted: list[tuple[str, int]] = []
        if self.keys:
            metrics = QFontMetricsF(self.font())
            label_w = max(metrics.horizontalAdvance(t) for t in self.labels) + 2 * PAD
            width = self.chart_.plotArea().width() or float(self.width())
            gap = width / max(1.0, self.keys_axis.max() - self.keys_axis.min())  # between two weeks
            every = max(1, math.ceil(label_w / max(gap, 1.0)))
            for line in self.lines:  # dots only where they stand apart; a click on the line names its nearest week
                line.setPointsVisible(gap >= 3 * line.markerSize())
            seen: set[str] = set()
            for i in range(0, len(self.keys), every):
                if self.labels[i] not in seen:  # the axis' labels must differ
                    seen.add(self.labels[i])
                    wanted.append((self.labels[i], i))
        shown = [(label, round(self.keys_axis.endValue(label))) for label in self.keys_axis.categoriesLabels()]
        if shown != wanted:
            for label in self.keys_axis.categoriesLabels():
                self.keys_axis.remove(label)
            for label, i in wanted:
                self.keys_axis.append(label, i)

    def _key_at(self, point: QPointF) -> str | None:
        index = round(point.x())
        return self.keys[index] if 0 <= index < len(self.keys) else None

    def _point_clicked(self, point: QPointF, series: int) -> None:
        key = self._key_at(point)
        if key is not None:
            self.sig_clicked.emit(key, series)

    def _point_hovered(self, point: QPointF, over: bool, series: int) -> None:
        key = self._key_at(point)
        if key is None:
            self._hovering(False, "")
            return
        index = self.keys.index(key)
        self._hovering(over, f"{self.labels[index]}, {self.series[series]}: {self.values[index][series]:g}")

    def centre_of(self, key: str, series: int = 0) -> QPointF | None:
        """Where the point of `key` in `series` is in the view."""
        if key not in self.keys:
            return None
        index = self.keys.index(key)
        return self._to_view(self.chart_.mapToPosition(QPointF(index, self.values[index][series]),
                                                       self.lines[series]))
