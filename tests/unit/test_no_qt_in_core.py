"""`core`, `sync` and `server` run without Qt (STYLE "The core runs without Qt"):
importing every one of their modules loads no Qt binding."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import importlib, pkgutil, sys
for name in ("core", "sync", "server"):
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        if ".migrations." in info.name or info.name.endswith(".migrations"):
            continue  # Alembic scripts, loaded by Alembic only
        importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6"))
print(",".join(qt))
"""


def test_core_sync_and_server_import_no_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt imported by core/sync/server: {result.stdout.strip()}"
