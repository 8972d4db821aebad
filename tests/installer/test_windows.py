"""The Windows installer script compiles (NSIS's makensis runs on Linux). What it
packs here is a stand-in folder shaped like the Windows bundle: the script is what
is checked; the real bundle is built on Windows (installer/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from installer_kit import build, need_tool

pytestmark = pytest.mark.installer


def test_the_windows_installer_script_compiles(tmp_path: Path) -> None:
    need_tool("makensis", "nsis")
    bundle = tmp_path / "branchdesk"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "branchdesk.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "resources" / "demo-org.toml").write_text("# stand-in\n")
    out = build.build_nsis("1.2.3", bundle, tmp_path / "branchdesk-1.2.3-setup.exe", fast=True)
    assert out.read_bytes()[:2] == b"MZ"
    script = (Path(build.HERE) / "windows" / "branchdesk.nsi").read_text()
    # per-user: no administrator rights, data left where Branchdesk keeps it
    assert "RequestExecutionLevel user" in script and "$SMPROGRAMS" in script
    uninstall = script.split('Section "Uninstall"')[1].split("SectionEnd")[0]
    commands = [line.strip() for line in uninstall.splitlines() if line.strip() and not line.strip().startswith(";")]
    assert commands and all("$INSTDIR" in c or "$SMPROGRAMS" in c or c.startswith("DeleteRegKey") for c in commands)
