"""Every Qt name Branchdesk uses, imported here and only here (as Anki's aqt.qt and
calibre's qt.core do), so that the binding can change in one place and `core`,
`sync` and `server` can be checked to import none of it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QDateTime,
    QElapsedTimer,
    QEvent,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QRunnable,
    QSettings,
    QSize,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    QTranslator,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QStyleFactory,
    QSystemTrayIcon,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as _is_valid


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Mark `text` for translation in `context` and give it back unchanged, to be
    translated where it is shown. PySide6's own returns the text too, but its stub
    says `object`, which every label would then have to cast back to `str`."""
    return text


def is_alive(obj: object) -> bool:
    """Whether a Qt object's C++ side still exists (a closed window's widgets do not)."""
    return _is_valid(obj)


__all__ = [
    "QT_TRANSLATE_NOOP", "QAbstractItemModel", "QAbstractItemView", "QAbstractListModel", "QAbstractTableModel",
    "QAction", "QApplication", "QBrush", "QButtonGroup", "QByteArray", "QCheckBox", "QCloseEvent", "QColor",
    "QComboBox", "QCompleter", "QCoreApplication", "QDateTime", "QDialog", "QDialogButtonBox", "QDockWidget",
    "QElapsedTimer", "QEvent", "QFileDialog", "QFont", "QFormLayout", "QFrame", "QGridLayout", "QGroupBox",
    "QGuiApplication", "QHBoxLayout", "QHeaderView", "QIcon", "QInputDialog", "QItemSelectionModel",
    "QKeyEvent", "QKeySequence", "QLabel", "QLayout", "QLayoutItem", "QLibraryInfo", "QLineEdit", "QListView", "QListWidget", "QListWidgetItem",
    "QLocale", "QMainWindow", "QMenu", "QMessageBox", "QModelIndex", "QObject", "QPainter", "QPainterPath", "QPalette",
    "QPersistentModelIndex", "QPixmap", "QPlainTextEdit", "QPoint", "QPointF", "QProgressBar", "QPushButton",
    "QRadioButton", "QRect", "QResizeEvent", "QRectF", "QRunnable", "QScrollArea", "QSettings", "QShortcut", "QShowEvent", "QSize", "QSizePolicy",
    "QSortFilterProxyModel", "QSpinBox", "QSplitter", "QStackedWidget", "QStandardItem", "QStandardItemModel",
    "QStatusBar", "QStringListModel", "QStyle", "QStyleFactory", "QSystemTrayIcon", "QTabWidget",
    "QTableView", "QTableWidget", "QTableWidgetItem", "QTextBrowser", "QThread", "QThreadPool", "QTimer",
    "QToolBar", "QToolButton",
    "QTranslator", "QTreeView", "QVBoxLayout", "QWheelEvent", "QWidget", "Qt", "Signal", "Slot", "is_alive",
]
