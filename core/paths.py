"""Where the local store lives: --data-dir, else BRANCHDESK_HOME, else the user's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

STORE_FILE = "branchdesk.sqlite3"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("BRANCHDESK_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("Branchdesk", "Branchdesk"))


def store_path(directory: Path) -> Path:
    return directory / STORE_FILE


def bundle_root() -> Path:
    """Where Branchdesk's own files are: the source tree, or inside a frozen bundle
    (PyInstaller unpacks data beside the modules, in sys._MEIPASS), which carries no
    source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def demo_org_path() -> Path:
    return resources_dir() / "demo-org.toml"
