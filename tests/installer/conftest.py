"""What the installer checks share: the bundle and the package `make installer` built
(dist/), and a temporary root the package is installed into with dpkg. Nothing here
builds: `make installer-test` builds once and runs these; without a build, each test
is skipped and says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from installer_kit import BUNDLE, DIST, DpkgRoot, build


@pytest.fixture(scope="session")
def bundle() -> Path:
    if not (BUNDLE / "branchdesk").is_file():
        pytest.skip(f"no bundle at {BUNDLE}: run 'make installer-test' (it builds one)")
    return BUNDLE


@pytest.fixture(scope="session")
def version(bundle: Path) -> str:
    found = build.bundle_version(bundle)
    assert found, "the bundle carries no branchdesk metadata"
    return str(found)


@pytest.fixture(scope="session")
def deb(version: str) -> Path:
    made = DIST / f"branchdesk_{version}_amd64.deb"
    if not made.is_file():
        pytest.skip(f"no package at {made}: run 'make installer-test' (it builds one)")
    return made


@pytest.fixture(scope="session")
def installed(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> DpkgRoot:
    root = DpkgRoot(tmp_path_factory.mktemp("root"))
    root.install(deb)
    return root
