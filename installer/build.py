"""Builds what branch PCs and the central site install (DESIGN §16), into dist/:

    python installer/build.py bundle [--version V]  the PyInstaller one-folder bundle, dist/branchdesk/
    python installer/build.py deb [--version V]     dist/branchdesk_V_amd64.deb from that bundle
    python installer/build.py nsis --bundle DIR     the Windows installer from a bundle built on Windows

`make installer` runs the first two. The version is pyproject.toml's unless --version
(or BRANCHDESK_VERSION) says otherwise; a package of another version than its bundle's
carries that version in the bundle's metadata too, so `branchdesk --version` always
says the package's version.

Each step says plainly which tool it lacks (pyinstaller, dpkg-deb, makensis) and how
to get it, and exits 1."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "installer"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "installer"
BUNDLE = DIST / "branchdesk"
PREFIX = "opt/branchdesk"
# shared libraries the bundle leaves to the system (Qt's xcb plugin loads them)
DEPENDS = ("libc6 (>= 2.36), libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxkbcommon-x11-0, "
           "libfontconfig1, libegl1, libgl1")
# the Secret Service the sign-in token is kept in (sync.credentials): GNOME has it, other
# desktops (Xfce, LXQt, a bare X session) may not, and without one no PC can sign in
RECOMMENDS = "gnome-keyring"


class Missing(Exception):
    """A tool the step needs is not installed."""


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def chosen_version(given: str | None) -> str:
    return given or os.environ.get("BRANCHDESK_VERSION") or project_version()


def need(tool: str, hint: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise Missing(f"{tool} is not installed; {hint}")
    return found


def pyinstaller() -> list[str]:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise Missing("pyinstaller is not installed; pip install -c constraints.txt -e '.[installer]'") from None
    return [sys.executable, "-m", "PyInstaller"]


# -- the bundle ------------------------------------------------------------------
def build_bundle(version: str) -> Path:
    env = dict(os.environ, BRANCHDESK_VERSION=version)
    subprocess.run([*pyinstaller(), "--noconfirm", "--log-level", "WARN", "--distpath", str(DIST),
                    "--workpath", str(WORK / "pyinstaller"), str(HERE / "branchdesk.spec")],
                   check=True, env=env, cwd=ROOT)
    return BUNDLE


def bundle_version(bundle: Path) -> str | None:
    for meta in (bundle / "_internal").glob("branchdesk-*.dist-info"):
        return meta.name.removeprefix("branchdesk-").removesuffix(".dist-info")
    return None


def stamp_version(bundle: Path, version: str) -> None:
    """Make the (copied) bundle say `version`: its package metadata is what it reads."""
    internal = bundle / "_internal"
    for meta in internal.glob("branchdesk-*.dist-info"):
        shutil.rmtree(meta)
    meta = internal / f"branchdesk-{version}.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text(f"Metadata-Version: 2.1\nName: branchdesk\nVersion: {version}\n",
                                   encoding="utf-8")


# -- the Debian package ----------------------------------------------------------
CONTROL = """Package: branchdesk
Version: {version}
Architecture: amd64
Maintainer: Branchdesk <branchdesk@localhost>
Section: misc
Priority: optional
Depends: {depends}
Recommends: {recommends}
Installed-Size: {size}
Homepage: https://branchdesk.invalid/
Description: offline-first service desk for organisations of many small sites
 The Branchdesk desktop client (branchdesk) for branch PCs, and the central
 server (branchdesk-server) with its systemd units, which are installed but
 not enabled: only the central site runs them.
"""

POSTINST = """#!/bin/sh
# The server's account and folder (used only where the server's units are enabled),
# and the environment file readable by that account alone.
set -e
# installed into another root (dpkg --root: a bootstrap, or the package's own tests):
# nothing on this system is to be set up
if [ -n "${DPKG_ROOT:-}" ]; then exit 0; fi
if [ "$1" = configure ]; then
    if ! getent passwd branchdesk >/dev/null; then
        adduser --system --group --home /var/lib/branchdesk --no-create-home --quiet branchdesk \\
            || useradd --system --user-group --home-dir /var/lib/branchdesk --shell /usr/sbin/nologin branchdesk
    fi
    install -d -o branchdesk -g branchdesk -m 0750 /var/lib/branchdesk
    chgrp branchdesk /etc/branchdesk/server.env && chmod 0640 /etc/branchdesk/server.env
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload >/dev/null 2>&1 || true
        # a server already running takes the new version (the worker too)
        for unit in branchdesk-server branchdesk-worker; do
            if systemctl is-active --quiet "$unit"; then systemctl try-restart "$unit" || true; fi
        done
    fi
    command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
"""

POSTRM = """#!/bin/sh
# Branchdesk's data (each person's store, the server's /var/lib/branchdesk) is kept on
# removal and on purge; purge removes the environment file dpkg keeps as a conffile.
set -e
if [ -n "${DPKG_ROOT:-}" ]; then exit 0; fi
if [ -d /run/systemd/system ]; then systemctl daemon-reload >/dev/null 2>&1 || true; fi
exit 0
"""

SERVER_ENV = """# The central server's settings, read by branchdesk-server.service and
# branchdesk-worker.service (and by an administrator's shell: `set -a; . this; set +a`).
# Kept across upgrades (a dpkg conffile). Readable by root and the branchdesk group only.

# where the server keeps its SQLite database (when no database URL is given) and the
# key that signs enrolment files
BRANCHDESK_SERVER_HOME=/var/lib/branchdesk

# the database: PostgreSQL for a real organisation
#BRANCHDESK_DATABASE_URL=postgresql://branchdesk:secret@db.internal/branchdesk

# the address branch PCs reach the server at, written into enrolment files
#BRANCHDESK_PUBLIC_URL=https://desk.example.com
"""

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Version=1.4
Name=Branchdesk
GenericName=Service desk
GenericName[pl]=Obsługa zgłoszeń
Comment=Log, follow and resolve the tickets of your site, online or offline
Comment[pl]=Zgłaszaj, śledź i rozwiązuj zgłoszenia swojej placówki, z siecią lub bez
Exec=branchdesk
TryExec=branchdesk
Icon=branchdesk
Terminal=false
Categories=Office;ProjectManagement;
Keywords=helpdesk;tickets;support;
StartupNotify=true
"""


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _link(link: Path, target: str) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)


def stage_deb(bundle: Path, version: str, root: Path) -> None:
    """The package's tree in `root`: the bundle under /opt/branchdesk and the rest
    around it. Links are relative, so the tree also works unpacked elsewhere."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / PREFIX
    shutil.copytree(bundle, opt, symlinks=True)
    if bundle_version(opt) != version:
        stamp_version(opt, version)
    # one program, two names (installer/entry.py): bin/ is what the units and PATH use
    _link(opt / "bin" / "branchdesk", "../branchdesk")
    _link(opt / "bin" / "branchdesk-server", "../branchdesk")
    _link(root / "usr" / "bin" / "branchdesk", f"../../{PREFIX}/bin/branchdesk")
    _link(root / "usr" / "bin" / "branchdesk-server", f"../../{PREFIX}/bin/branchdesk-server")
    _write(root / "usr/share/applications/branchdesk.desktop", DESKTOP_ENTRY)
    icon = root / "usr/share/icons/hicolor/scalable/apps/branchdesk.svg"
    icon.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "branchdesk.svg", icon)
    for unit in sorted((HERE / "systemd").glob("*.service")):
        target = root / "lib/systemd/system" / unit.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(unit, target)
    _write(root / "etc/branchdesk/server.env", SERVER_ENV, 0o640)
    size_kib = sum(f.stat().st_size for f in root.rglob("*") if f.is_file() and not f.is_symlink()) // 1024
    debian = root / "DEBIAN"
    _write(debian / "control", CONTROL.format(version=version, depends=DEPENDS, recommends=RECOMMENDS, size=size_kib))
    _write(debian / "conffiles", "/etc/branchdesk/server.env\n")
    _write(debian / "postinst", POSTINST, 0o755)
    _write(debian / "postrm", POSTRM, 0o755)


COMPRESSION = {"xz": ["-Zxz", "-z6"], "gzip": ["-Zgzip", "-z6"], "none": ["-Znone"]}


def build_deb(version: str, bundle: Path = BUNDLE, out_dir: Path = DIST, *, compression: str = "xz") -> Path:
    """The package. xz makes the smallest file and takes minutes on two cores; gzip a
    third larger in a fraction of that (CI); none only stores (a test's second package)."""
    dpkg_deb = need("dpkg-deb", "apt-get install dpkg (it comes with every Debian system)")
    if not (bundle / "branchdesk").is_file():
        raise Missing(f"no bundle at {bundle}; run 'python installer/build.py bundle' (or make installer) first")
    root = WORK / f"deb-{version}"
    stage_deb(bundle, version, root)
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"branchdesk_{version}_amd64.deb"
    subprocess.run([dpkg_deb, "--root-owner-group", *COMPRESSION[compression], "--build", str(root), str(out)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(root)
    return out


# -- the Windows installer -------------------------------------------------------
def build_nsis(version: str, bundle: Path, out: Path, fast: bool = False) -> Path:
    makensis = need("makensis", "apt-get install nsis (Linux) or install NSIS 3 (Windows)")
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [makensis, "-V2", f"-DVERSION={version}", f"-DBUNDLE={bundle.resolve()}", f"-DOUTFILE={out.resolve()}"]
    if fast:  # a test compiles the script; the payload's compression is not what it checks
        command.append("-DFAST")
    command.append(str(HERE / "windows" / "branchdesk.nsi"))
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["bundle", "deb", "nsis"])
    parser.add_argument("--version", help="the version to build (default: BRANCHDESK_VERSION, else pyproject.toml's)")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the bundle folder (default dist/branchdesk)")
    parser.add_argument("--out", type=Path, help="nsis: the installer to write")
    parser.add_argument("--compression", choices=sorted(COMPRESSION), default="xz",
                        help="deb: how the package is compressed (default xz)")
    args = parser.parse_args(argv)
    version = chosen_version(args.version)
    try:
        if args.step == "bundle":
            made = build_bundle(version)
        elif args.step == "deb":
            made = build_deb(version, args.bundle, compression=args.compression)
        else:
            made = build_nsis(version, args.bundle, args.out or DIST / f"branchdesk-{version}-setup.exe")
    except Missing as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    except subprocess.CalledProcessError as exc:
        sys.stderr.write(f"error: {Path(str(exc.cmd[0])).name} failed with exit status {exc.returncode}\n")
        return 1
    print(f"{args.step}: {made.relative_to(ROOT) if made.is_relative_to(ROOT) else made}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
