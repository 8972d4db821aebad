"""Light and dark palettes that follow the system's colour scheme, the style sheet
for each (resources/styles), and the few colours item models paint with."""

from __future__ import annotations

from dataclasses import dataclass

from core.paths import resources_dir
from desktop.qt import QApplication, QColor, QPalette, QStyleFactory, Qt


@dataclass(frozen=True)
class Colours:
    dark: bool
    sla_ok: str
    sla_warning: str
    sla_breached: str
    sla_paused: str
    sla_met: str
    priority: tuple[str, ...]  # most urgent first
    muted: str


LIGHT = Colours(False, "#2e9d4f", "#e0a100", "#d93f3f", "#9aa0a6", "#6fa87f",
                ("#d93f3f", "#ef7d22", "#e0b100", "#6b9bd1", "#9aa0a6"), "#6b7280")
DARK = Colours(True, "#3fbf66", "#f0b429", "#ef5b5b", "#6b7280", "#5b9a6e",
               ("#ef5b5b", "#f08c3a", "#e8c547", "#7aa7dc", "#7c8591"), "#9ca3af")

_current = LIGHT


def colours() -> Colours:
    return _current


def priority_rank(level: str, levels: tuple[str, ...]) -> int | None:
    """0 (most urgent) to 4, however many levels the organisation has."""
    if level not in levels:
        return None
    return round(levels.index(level) * (len(_current.priority) - 1) / max(1, len(levels) - 1))


def priority_colour(level: str, levels: tuple[str, ...]) -> QColor | None:
    rank = priority_rank(level, levels)
    return None if rank is None else QColor(_current.priority[rank])


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    for role, colour in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, QColor("#25272b")),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight, QColor("#3d6fb6")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")), (QPalette.ColorRole.Link, QColor("#7aa7dc")),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8f98")), (QPalette.ColorRole.Mid, QColor("#3a3c42")),
    ):
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b6f78"))
    return p


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion with a palette and style sheet for the scheme (the system's unless given)."""
    global _current
    if dark is None:
        dark = system_is_dark(app)
    _current = DARK if dark else LIGHT
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    sheet = resources_dir() / "styles" / ("dark.qss" if dark else "light.qss")
    base = resources_dir() / "styles" / "base.qss"
    app.setStyleSheet("\n".join(f.read_text(encoding="utf-8") for f in (base, sheet) if f.exists()))


def follow_system(app: QApplication) -> None:
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
