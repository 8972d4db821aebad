"""Helpers of the installer checks (a module of its own name, so pytest imports it
once): installer/build.py, the programs run with a person's environment, and a root
of its own that the package is installed into with dpkg."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("BRANCHDESK_INSTALLER_DIST", ROOT / "dist"))
BUNDLE = DIST / "branchdesk"
STARTUP_LIMIT = 120  # seconds a program of the bundle may take to do what is asked


def _load_build() -> ModuleType:
    """installer/build.py (not a package: loaded from its file)."""
    spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load_build()


def need_tool(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} is not installed (apt-get install {package})")
    return found


def clean_env(home: Path) -> dict[str, str]:
    """A person's environment with nothing of the source tree or its virtualenv in it."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    keep["PATH"] = ":".join(p for p in keep.get("PATH", "/usr/bin:/bin").split(":") if ".venv" not in p)
    return {**keep, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def run(program: Path, *args: str, home: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(program), *args], cwd=home, env=clean_env(home), capture_output=True, text=True,
                          timeout=STARTUP_LIMIT)
    if check:
        assert done.returncode == 0, f"{program.name} {' '.join(args)}: {done.stderr}"
    return done


class DpkgRoot:
    """A root of its own with a dpkg database, for installing the package for real
    (maintainer scripts see DPKG_ROOT and leave this system alone)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        admin = path / "var/lib/dpkg"
        for folder in ("info", "updates", "triggers"):
            (admin / folder).mkdir(parents=True, exist_ok=True)
        for file in ("status", "available"):
            (admin / file).touch()

    def install(self, deb: Path) -> None:
        dpkg = need_tool("dpkg", "dpkg")
        done = subprocess.run(
            [dpkg, f"--root={self.path}", "--force-script-chrootless", "--force-depends", "--force-confold",
             "--log=/dev/null", "-i", str(deb)], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr

    def installed_version(self) -> str:
        done = subprocess.run(["dpkg-query", f"--root={self.path}", "-W", "-f=${Version}", "branchdesk"],
                              capture_output=True, text=True, check=True)
        return done.stdout

    def program(self, name: str) -> Path:
        return self.path / "usr" / "bin" / name
