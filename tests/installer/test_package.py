"""The Debian package: what it says of itself, what it installs where, its desktop
entry (desktop-file-validate), its units, and its conffile."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from installer_kit import ROOT, DpkgRoot, need_tool

pytestmark = pytest.mark.installer


def test_the_package_names_itself_and_keeps_the_server_settings_as_a_conffile(deb: Path, version: str) -> None:
    assert deb.name == f"branchdesk_{version}_amd64.deb"
    info = subprocess.run(["dpkg-deb", "--field", str(deb), "Package", "Version", "Architecture"],
                          capture_output=True, text=True, check=True).stdout
    assert info.splitlines() == ["Package: branchdesk", f"Version: {version}", "Architecture: amd64"]
    # a branch PC keeps its sign-in token in a Secret Service; apt installs one unless told not to
    recommends = subprocess.run(["dpkg-deb", "--field", str(deb), "Recommends"], capture_output=True, text=True,
                                check=True).stdout
    assert "gnome-keyring" in recommends
    conffiles = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True, check=True).stdout
    assert b"conffiles" in conffiles


def test_it_installs_the_programs_on_the_path_a_desktop_entry_an_icon_and_the_units(installed: DpkgRoot) -> None:
    root = installed.path
    for name in ("branchdesk", "branchdesk-server"):
        assert installed.program(name).resolve() == (root / "opt/branchdesk/branchdesk").resolve()
    assert (root / "usr/share/icons/hicolor/scalable/apps/branchdesk.svg").is_file()
    entry = (root / "usr/share/applications/branchdesk.desktop").read_text()
    assert "Exec=branchdesk\n" in entry and "Icon=branchdesk\n" in entry
    for unit in ("branchdesk-server.service", "branchdesk-worker.service"):
        text = (root / "lib/systemd/system" / unit).read_text()
        assert text == (ROOT / "installer/systemd" / unit).read_text()
        command = next(line for line in text.splitlines() if line.startswith("ExecStart=")).split("=", 1)[1]
        assert (root / command.split()[0].lstrip("/")).exists(), command
        assert "EnvironmentFile=/etc/branchdesk/server.env" in text
    env = root / "etc/branchdesk/server.env"
    assert "BRANCHDESK_SERVER_HOME=/var/lib/branchdesk" in env.read_text()
    assert env.stat().st_mode & 0o007 == 0  # secrets: not for every account on the machine


def test_the_desktop_entry_is_valid(installed: DpkgRoot) -> None:
    validate = need_tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([validate, str(installed.path / "usr/share/applications/branchdesk.desktop")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
