"""The bundle runs where no source tree is: its programs answer --version, make a demo
store, open the window offscreen and close it, open the first-run dialog on a real X
display (when Xvfb is there), and run the central server."""

from __future__ import annotations

import json
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from installer_kit import ROOT, STARTUP_LIMIT, DpkgRoot, clean_env, need_tool, run

pytestmark = pytest.mark.installer


def test_the_bundle_holds_what_runs_without_a_source_tree(bundle: Path) -> None:
    internal = bundle / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    for needed in (plugins / "libqxcb.so", plugins / "libqoffscreen.so",
                   internal / "resources" / "translations" / "branchdesk_pl.qm",
                   internal / "resources" / "styles" / "base.qss", internal / "resources" / "demo-org.toml",
                   internal / "resources" / "icons" / "branchdesk.svg",
                   internal / "core" / "migrations" / "env.py", internal / "server" / "migrations" / "env.py"):
        assert needed.is_file(), needed
    assert sorted(p.name for p in (internal / "core" / "migrations" / "versions").glob("0*.py")) == sorted(
        p.name for p in (ROOT / "core" / "migrations" / "versions").glob("0*.py"))
    assert not list(internal.glob("branchdesk.egg-info"))  # the version comes from one place


def test_both_programs_say_the_packages_version(installed: DpkgRoot, version: str, tmp_path: Path) -> None:
    assert run(installed.program("branchdesk"), "--version", home=tmp_path).stdout == f"branchdesk {version}\n"
    assert run(installed.program("branchdesk-server"), "--version", home=tmp_path).stdout == (
        f"branchdesk-server {version}\n")


def demo(installed: DpkgRoot, data: Path, home: Path) -> None:
    done = run(installed.program("branchdesk"), "--data-dir", str(data), "demo", "--tickets", "50", home=home)
    assert "50 tickets" in done.stdout
    with closing(sqlite3.connect(data / "branchdesk.sqlite3")) as db:
        assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == 50


def test_a_demo_store_is_made_and_the_window_opens_offscreen_and_closes(installed: DpkgRoot,
                                                                         tmp_path: Path) -> None:
    data = tmp_path / "data"
    demo(installed, data, tmp_path)
    window = subprocess.Popen([str(installed.program("branchdesk")), "--data-dir", str(data)], cwd=tmp_path,
                              env=clean_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        settings = data / "desktop.ini"
        # the window writes who signed in once it is up (QSettings syncs from the event loop)
        deadline = time.monotonic() + STARTUP_LIMIT
        while "last_user" not in (settings.read_text() if settings.exists() else ""):
            assert window.poll() is None, window.communicate()[1]
            assert time.monotonic() < deadline, "the window did not open"
            time.sleep(0.2)
        window.send_signal(signal.SIGTERM)  # closes the window as the person would
        _out, err = window.communicate(timeout=STARTUP_LIMIT)
    finally:
        if window.poll() is None:
            window.kill()
    assert window.returncode == 0, err
    assert "main_geometry" in settings.read_text()  # it closed through its own close: the layout was kept
    assert "Traceback" not in err and "qt.qpa.plugin" not in err, err


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_packaged_server_initialises_serves_and_answers_health(installed: DpkgRoot, version: str,
                                                                   tmp_path: Path) -> None:
    server = installed.program("branchdesk-server")
    org = installed.path / "opt/branchdesk/_internal/resources/demo-org.toml"
    data = ["--data-dir", str(tmp_path / "server")]
    run(server, *data, "init", "--org", str(org), home=tmp_path)
    port = free_port()
    serving = subprocess.Popen([str(server), *data, "serve", "--port", str(port)], cwd=tmp_path,
                               env=clean_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + STARTUP_LIMIT
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as answer:
                    health = json.load(answer)
                break
            except OSError:
                assert serving.poll() is None, serving.communicate()[1]
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.3)
        assert health["status"] == "ok" and health["version"] == version
        # and an enrolment file for a site, from the packaged command
        out = tmp_path / "site.bdenrol"
        run(server, *data, "enrol", "--site", "PL-POZ-005", "--url", f"http://127.0.0.1:{port}",
            "--out", str(out), home=tmp_path)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/enrolment/verify", data=out.read_bytes(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert json.load(answer)["site"] == "PL-POZ-005"
    finally:
        serving.send_signal(signal.SIGTERM)
        try:
            serving.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            serving.kill()


XCB_CHECK = """
"$BRANCHDESK" --data-dir "$DATA" > /dev/null 2> "$ERR" &
app=$!
for _ in $(seq 1 600); do
    if xwininfo -root -tree | grep -q '"Welcome to Branchdesk"'; then
        kill -TERM "$app"; wait "$app"; exit $?
    fi
    kill -0 "$app" 2>/dev/null || exit 90
    sleep 0.2
done
kill -KILL "$app"; exit 91
"""


def test_on_an_x_display_the_first_run_dialog_opens_and_closes(installed: DpkgRoot, tmp_path: Path) -> None:
    """On a real X server (Xvfb), through Qt's xcb plugin: what a person sees on a new PC."""
    xvfb_run = need_tool("xvfb-run", "xvfb")
    need_tool("xwininfo", "x11-utils")
    libraries = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"]
    listed = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\\n", *libraries],
                            capture_output=True, text=True).stdout
    missing = [lib for lib in libraries if f"{lib} installed" not in listed]
    if missing:
        pytest.skip(f"the package's dependencies {', '.join(missing)} are not installed here (apt-get install them)")
    env = {**clean_env(tmp_path), "QT_QPA_PLATFORM": "xcb", "BRANCHDESK": str(installed.program("branchdesk")),
           "DATA": str(tmp_path / "data"), "ERR": str(tmp_path / "err")}
    done = subprocess.run([xvfb_run, "-a", "sh", "-c", XCB_CHECK], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    err = (tmp_path / "err").read_text() if (tmp_path / "err").exists() else ""
    assert done.returncode == 0, f"exit {done.returncode}: {err}{done.stderr}"
    assert not (tmp_path / "data" / "branchdesk.sqlite3").exists()  # the dialog was closed, nothing chosen
