"""Loading translations: Branchdesk's own (resources/translations/branchdesk_<lang>.qm,
built from the .ts files by scripts/translations.py) and Qt's, for the system's
language or BRANCHDESK_LANG. English is the source language; its file only adds
the English plural forms, and is loaded under every other language as the fallback."""

from __future__ import annotations

import os

from core.paths import resources_dir
from desktop.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = resources_dir() / "translations"
_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str | None = None) -> QLocale:
    """Install the translators for `language` (e.g. "pl"), the environment's, or the system's."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = QLocale(language or os.environ.get("BRANCHDESK_LANG") or QLocale.system().name())
    QLocale.setDefault(locale)
    english = QTranslator(app)
    if english.load(str(TRANSLATIONS / "branchdesk_en.qm")):
        _installed.append(english)
    ours = QTranslator(app)
    if locale.language() != QLocale.Language.English and ours.load(locale, "branchdesk", "_", str(TRANSLATIONS)):
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    for translator in _installed:  # the last installed is asked first
        app.installTranslator(translator)
    return locale
